//! Exact numbers: unsigned integers and unsigned decimals that keep their wire form.
//!
//! Money, prices and quantities are [`Dec`] (an exact decimal, never a float). Both types keep
//! leading zeros and trailing fractional zeros, so `034500.00` is written back as read.

use super::field::{FormatError, Kind, Wire};
use rust_decimal::Decimal;
use std::fmt;

const INT: FormatError = FormatError::new("số nguyên không dấu", "an unsigned whole number");
const DEC: FormatError = FormatError::new(
    "số thập phân không dấu, dấu chấm ngăn cách phần thập phân",
    "an unsigned decimal number with '.' as the decimal separator",
);

/// An unsigned integer (`STT`, `NAM_QT`, `SO_NGAY_DTRI`, percentages...).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Int {
    value: u64,
    leading_zeros: u8,
}

impl Int {
    /// A value written without leading zeros.
    pub const fn new(value: u64) -> Self {
        Int {
            value,
            leading_zeros: 0,
        }
    }
    /// The numeric value.
    pub const fn get(self) -> u64 {
        self.value
    }
    /// True when the wire form has leading zeros (`03`).
    pub const fn has_leading_zeros(self) -> bool {
        self.leading_zeros > 0
    }
}

impl From<u64> for Int {
    fn from(v: u64) -> Self {
        Int::new(v)
    }
}

impl Wire for Int {
    const KIND: Kind = Kind::Int;
    fn parse_wire(s: &str) -> Result<Self, FormatError> {
        let b = s.as_bytes();
        if b.is_empty() || b.len() > 19 || !b.iter().all(u8::is_ascii_digit) {
            return Err(INT);
        }
        let value = b
            .iter()
            .fold(0u64, |acc, &d| acc * 10 + u64::from(d - b'0'));
        let digits = b.iter().position(|&d| d != b'0').map_or(1, |p| b.len() - p);
        Ok(Int {
            value,
            leading_zeros: (b.len() - digits) as u8,
        })
    }
    fn write_wire(&self, out: &mut String) {
        for _ in 0..self.leading_zeros {
            out.push('0');
        }
        push_digits(out, u128::from(self.value), 1);
    }
}

/// Appends the decimal digits of `n`, at least `min_digits` of them (left-padded with zeros).
/// Numbers are written for every field read and checked, so this avoids the formatting machinery.
fn push_digits(out: &mut String, n: u128, min_digits: usize) {
    let mut buf = [b'0'; 40];
    out.extend(
        digits(&mut buf, n, min_digits)
            .iter()
            .map(|&b| char::from(b)),
    );
}

/// The decimal digits of `n` in `buf`, at least `min_digits` of them (at most 40).
fn digits(buf: &mut [u8; 40], n: u128, min_digits: usize) -> &[u8] {
    let mut i = buf.len();
    if let Ok(mut n) = u64::try_from(n) {
        while n != 0 {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    } else {
        let mut n = n;
        while n != 0 {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    }
    let start = i.min(buf.len() - min_digits.min(buf.len()));
    &buf[start..]
}

/// Appends `v` exactly as its `Display` does (digits of the mantissa with the point `scale`
/// digits from the right, `0` before a leading point).
fn push_decimal(out: &mut String, v: Decimal) {
    if v.is_sign_negative() {
        use fmt::Write;
        let _ = write!(out, "{v}");
        return;
    }
    let scale = v.scale() as usize;
    let mut buf = [b'0'; 40];
    let m = v.mantissa().unsigned_abs();
    let digits = digits(&mut buf, m, scale);
    if digits.is_empty() {
        out.push('0');
        return;
    }
    let whole = digits.len() - scale;
    if whole == 0 {
        out.push('0');
    }
    out.extend(digits[..whole].iter().map(|&b| char::from(b)));
    if scale > 0 {
        out.push('.');
        out.extend(digits[whole..].iter().map(|&b| char::from(b)));
    }
}

impl fmt::Debug for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.write_wire(&mut s);
        write!(f, "Int({s})")
    }
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)
    }
}

/// An exact unsigned decimal (money, prices, quantities, weights).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Dec {
    value: Decimal,
    leading_zeros: u8,
}

impl Dec {
    /// Wraps a decimal; its scale (number of fractional digits) is kept on the wire.
    /// Negative values are refused.
    pub fn new(value: Decimal) -> Result<Self, FormatError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(DEC);
        }
        Ok(Dec {
            value: value.abs(),
            leading_zeros: 0,
        })
    }
    /// The numeric value.
    pub const fn get(self) -> Decimal {
        self.value
    }
    /// The whole number `v` (no fractional digits).
    pub fn from_u64(v: u64) -> Self {
        Dec {
            value: Decimal::from(v),
            leading_zeros: 0,
        }
    }
    /// Number of digits after the decimal point on the wire.
    pub fn scale(self) -> u32 {
        self.value.scale()
    }
}

impl Wire for Dec {
    const KIND: Kind = Kind::Dec;
    fn parse_wire(s: &str) -> Result<Self, FormatError> {
        let b = s.as_bytes();
        let (int, frac) = match memchr::memchr(b'.', b) {
            Some(p) => (&b[..p], Some(&b[p + 1..])),
            None => (b, None),
        };
        let digits_ok = |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
        if !digits_ok(int) || !frac.is_none_or(digits_ok) || b.len() > 30 {
            return Err(DEC);
        }
        let significant = int
            .iter()
            .position(|&d| d != b'0')
            .map_or(1, |p| int.len() - p);
        let leading_zeros = (int.len() - significant) as u8;
        let digits = significant + frac.map_or(0, <[u8]>::len);
        if digits <= 18 {
            // Exact in a u64, so no rounding is possible: the mantissa is the digits and the scale
            // the number of fractional digits, as the decimal parser would make them.
            let mantissa = int[int.len() - significant..]
                .iter()
                .chain(frac.unwrap_or_default())
                .fold(0u64, |acc, &d| acc * 10 + u64::from(d - b'0'));
            let scale = frac.map_or(0, <[u8]>::len) as u32;
            return Ok(Dec {
                value: Decimal::from_i128_with_scale(i128::from(mantissa), scale),
                leading_zeros,
            });
        }
        let trimmed = &s[leading_zeros as usize..];
        let value: Decimal = trimmed.parse().map_err(|_| DEC)?;
        let dec = Dec {
            value,
            leading_zeros,
        };
        // More significant digits than a decimal holds would be rounded: refuse rather than rewrite.
        if !dec.wire_is(s) {
            return Err(DEC);
        }
        Ok(dec)
    }
    fn write_wire(&self, out: &mut String) {
        for _ in 0..self.leading_zeros {
            out.push('0');
        }
        push_decimal(out, self.value);
    }
}

impl Dec {
    /// True when the wire form is exactly `s` (compared without building a string).
    fn wire_is(&self, s: &str) -> bool {
        let b = s.as_bytes();
        let zeros = usize::from(self.leading_zeros);
        if b.len() < zeros || b[..zeros].iter().any(|&c| c != b'0') {
            return false;
        }
        let rest = &b[zeros..];
        if self.value.is_sign_negative() {
            return self.value.to_string().as_bytes() == rest;
        }
        let scale = self.value.scale() as usize;
        let mut buf = [b'0'; 40];
        let digits = digits(&mut buf, self.value.mantissa().unsigned_abs(), scale);
        if digits.is_empty() {
            return rest == b"0";
        }
        let whole = digits.len() - scale;
        let (int, frac) = match rest.iter().position(|&c| c == b'.') {
            Some(p) => (&rest[..p], Some(&rest[p + 1..])),
            None => (rest, None),
        };
        let int_ok = if whole == 0 {
            int == b"0"
        } else {
            int == &digits[..whole]
        };
        let frac_ok = match frac {
            None => scale == 0,
            Some(f) => scale > 0 && f == &digits[whole..],
        };
        int_ok && frac_ok
    }
}

impl From<u64> for Dec {
    fn from(v: u64) -> Self {
        Dec::from_u64(v)
    }
}

impl fmt::Debug for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.write_wire(&mut s);
        write!(f, "Dec({s})")
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)
    }
}

/// Rounds half away from zero to `dp` decimal places, as the gateway's checker does.
pub fn round_half_away(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_decimals_parse_as_the_decimal_parser_does() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases: Vec<String> = ["0", "00", "0.0", "000.500", "5", "10", "1.5", "0.05"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for _ in 0..20_000 {
            let int_len = 1 + next() % 12;
            let frac_len = next() % 10;
            let digit = |n: u64| char::from(b'0' + (n % 10) as u8);
            let mut s: String = (0..int_len)
                .map(|_| digit(next() % 3 * (next() % 10)))
                .collect();
            if frac_len > 0 {
                s.push('.');
                s.extend((0..frac_len).map(|_| digit(next())));
            }
            cases.push(s);
        }
        for s in cases {
            let fast = Dec::parse_wire(&s).unwrap();
            let b = s.as_bytes();
            let int_len = b.iter().position(|&c| c == b'.').unwrap_or(b.len());
            let significant = b[..int_len]
                .iter()
                .position(|&d| d != b'0')
                .map_or(1, |p| int_len - p);
            let zeros = int_len - significant;
            let slow: Decimal = s[zeros..].parse().unwrap();
            assert_eq!(
                (
                    fast.value.mantissa(),
                    fast.value.scale(),
                    usize::from(fast.leading_zeros)
                ),
                (slow.mantissa(), slow.scale(), zeros),
                "{s}"
            );
            let mut back = String::new();
            fast.write_wire(&mut back);
            assert_eq!(back, s);
        }
    }

    #[test]
    fn fast_number_writing_is_display() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases: Vec<(i128, u32)> = vec![(0, 0), (0, 1), (0, 28), (5, 2), (1, 28), (10, 1)];
        for _ in 0..20_000 {
            let bits = next() % 97;
            let m = (i128::from(next()) << 64 | i128::from(next())) & ((1i128 << bits) - 1);
            cases.push((m & ((1i128 << 96) - 1), (next() % 29) as u32));
        }
        for (m, scale) in cases {
            let v = Decimal::from_i128_with_scale(m, scale);
            let mut s = String::new();
            push_decimal(&mut s, v);
            assert_eq!(s, v.to_string(), "{m} scale {scale}");
            let mut s = String::new();
            push_decimal(&mut s, -v);
            assert_eq!(s, (-v).to_string());
        }
        for (m, scale) in [(0i128, 0u32), (0, 2), (5, 2), (150, 2), (12345, 0), (1, 28)] {
            let v = Decimal::from_i128_with_scale(m, scale);
            for zeros in 0..3u8 {
                let d = Dec {
                    value: v,
                    leading_zeros: zeros,
                };
                let mut s = String::new();
                d.write_wire(&mut s);
                assert!(d.wire_is(&s), "{s}");
                for other in [
                    "", "0", "1", "0.0", "00", "1.", ".5", "0.050", "150", "1.50",
                ] {
                    assert_eq!(d.wire_is(other), s == other, "{s} vs {other}");
                }
            }
        }
        for n in [0u64, 1, 9, 10, 12345, u64::MAX] {
            let mut s = String::new();
            Int::new(n).write_wire(&mut s);
            assert_eq!(s, n.to_string());
        }
    }

    fn rt<T: Wire>(s: &str) -> String {
        let mut out = String::new();
        T::parse_wire(s).unwrap().write_wire(&mut out);
        out
    }

    #[test]
    fn integers_round_trip_exactly() {
        for s in ["0", "00", "7", "03", "2025", "0000000001"] {
            assert_eq!(rt::<Int>(s), s);
        }
        assert_eq!(Int::parse_wire("03").unwrap().get(), 3);
        for bad in ["", "-1", "+1", "1.0", " 1", "1e3", "99999999999999999999"] {
            assert!(Int::parse_wire(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decimals_round_trip_exactly() {
        for s in [
            "0",
            "0.5",
            "34500",
            "34500.00",
            "058.5",
            "00",
            "0.000",
            "123456789012.345",
        ] {
            assert_eq!(rt::<Dec>(s), s);
        }
        assert_eq!(
            Dec::parse_wire("34500.00").unwrap().get(),
            Decimal::new(34500, 0)
        );
        for bad in [
            "",
            "-1",
            "+1",
            "1.",
            ".5",
            "1,5",
            "1e3",
            "1_000",
            " 1",
            "1 ",
            "9.9999999999999999999999999999",
        ] {
            assert!(Dec::parse_wire(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(
            round_half_away(Decimal::new(1005, 3), 2),
            Decimal::new(101, 2)
        );
        assert_eq!(
            round_half_away(Decimal::new(1004, 3), 2),
            Decimal::new(100, 2)
        );
    }
}
