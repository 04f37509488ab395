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
        use fmt::Write;
        let _ = write!(out, "{}", self.value);
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
        let trimmed = &s[leading_zeros as usize..];
        let value: Decimal = trimmed.parse().map_err(|_| DEC)?;
        let dec = Dec {
            value,
            leading_zeros,
        };
        // More significant digits than a decimal holds would be rounded: refuse rather than rewrite.
        let mut back = String::with_capacity(s.len());
        dec.write_wire(&mut back);
        if back != s {
            return Err(DEC);
        }
        Ok(dec)
    }
    fn write_wire(&self, out: &mut String) {
        for _ in 0..self.leading_zeros {
            out.push('0');
        }
        use fmt::Write;
        let _ = write!(out, "{}", self.value);
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
