//! The shapes of identifiers and composite strings that the dictionary and xml130.md §3.3-§3.4
//! describe. Each function takes the wire text of one value and says whether it has the shape;
//! the rules that use them live in the tables' `rules.rs`. Written by hand (no regex engine): every
//! check is a single pass over a short string.

use super::Pack;

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `n` ASCII digits.
pub(crate) fn n_digits(s: &str, n: usize) -> bool {
    s.len() == n && digits(s)
}

/// A letter followed by a number from 1 to `max_digits` digits without a leading zero
/// (`G1`..`G999` for `max_digits` = 3).
fn letter_number(s: &str, letter: u8, max_digits: usize, allow_zero: bool) -> bool {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != letter || b.len() - 1 > max_digits {
        return false;
    }
    let num = &s[1..];
    digits(num) && (num == "0" && allow_zero || !num.starts_with('0'))
}

/// XML3 `GOI_VTYT`: `G` and a number from 1 to 999 (ID-10).
pub(crate) fn goi_vtyt(s: &str) -> bool {
    letter_number(s, b'G', 3, false)
}

/// One bed of XML3 `MA_GIUONG`: `H`, `T`, `C` or `K` and 3 digits (ID-9).
pub(crate) fn ma_giuong_item(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 4 && matches!(b[0], b'H' | b'T' | b'C' | b'K') && digits(&s[1..])
}

/// XML2 `TT_THAU` (drugs, ID-11): `<decision>;G<1-99>;N<1-99>;<yyyy>` with optional further
/// parts (second winner `Gi.YY`, issuer, `00` for negotiated prices), or the in-house form
/// `<document>;<yyyy>`.
pub(crate) fn tt_thau_drug(s: &str) -> bool {
    let parts: Vec<&str> = s.split(';').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    match parts.len() {
        2 => n_digits(parts[1], 4),
        n if n >= 4 => {
            letter_number(parts[1], b'G', 2, false)
                && letter_number(parts[2], b'N', 2, false)
                && n_digits(parts[3], 4)
        }
        _ => false,
    }
}

/// XML3 `TT_THAU` (supplies, ID-11): `<decision>[.<issuer>];G<n>;N<n>;<yyyy>` (`G0`/`N0` allowed),
/// or the pre-TT14/2020 form `<decision>.<issuer>;G<n>;<yyyy>`.
pub(crate) fn tt_thau_supply(s: &str) -> bool {
    let parts: Vec<&str> = s.split(';').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    match parts.len() {
        4 => {
            letter_number(parts[1], b'G', 3, true)
                && letter_number(parts[2], b'N', 3, true)
                && n_digits(parts[3], 4)
        }
        3 => {
            parts[0].contains('.')
                && letter_number(parts[1], b'G', 3, true)
                && n_digits(parts[2], 4)
        }
        _ => false,
    }
}

/// XML2 `SO_DANG_KY` (xml130.md §3.4): no whitespace; an in-house preparation
/// `HD|CP|VT.<5-character facility>.<yy>.<n>`.
pub(crate) fn so_dang_ky(s: &str) -> bool {
    if s.chars().any(char::is_whitespace) {
        return false;
    }
    for prefix in ["HD.", "CP.", "VT."] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let p: Vec<&str> = rest.split('.').collect();
            return p.len() == 3
                && p[0].len() == 5
                && p[0].bytes().all(|b| b.is_ascii_alphanumeric())
                && n_digits(p[1], 2)
                && digits(p[2]);
        }
    }
    true
}

/// One machine of XML3 `MA_MAY` (§3.4): `XX.n.YYYYY.Z` under QĐ 130/4750 (group, funding source
/// 1-3, facility, serial); QĐ 3176 dropped the facility (`XX.n.Z`), and machines registered with the
/// older code are still accepted under it.
pub(crate) fn ma_may_item(s: &str, pack: Pack) -> bool {
    let p: Vec<&str> = s.split('.').collect();
    let group = |g: &str| {
        (2..=3).contains(&g.chars().count())
            && g.chars().all(|c| c.is_ascii_uppercase() || c == 'Đ')
    };
    let source = |n: &str| matches!(n, "1" | "2" | "3");
    let facility = |f: &str| f.len() == 5 && f.bytes().all(|b| b.is_ascii_alphanumeric());
    match p.len() {
        4 => group(p[0]) && source(p[1]) && facility(p[2]) && !p[3].is_empty(),
        3 if pack == Pack::Qd3176 => group(p[0]) && source(p[1]) && !p[2].is_empty(),
        _ => false,
    }
}

/// A practitioner or signer code under QĐ 130/4750 (MA_TTDV, MA_BS): the 10-digit health ID
/// (ID-5).
pub(crate) fn health_id(s: &str) -> bool {
    n_digits(s, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(goi_vtyt("G1") && goi_vtyt("G999") && goi_vtyt("G10"));
        assert!(!goi_vtyt("G0") && !goi_vtyt("G1000") && !goi_vtyt("G01") && !goi_vtyt("X1"));
        assert!(ma_giuong_item("H001") && ma_giuong_item("K123"));
        assert!(!ma_giuong_item("A001") && !ma_giuong_item("H01") && !ma_giuong_item("H0011"));
        assert!(tt_thau_drug("57/QĐ-TTMS;G1;N1;2022"));
        assert!(tt_thau_drug("46/QĐ-TTMS;G1;N1;2020;00"));
        assert!(tt_thau_drug("12/QĐ-BV;2023"));
        assert!(!tt_thau_drug("57/QĐ-TTMS;G0;N1;2022"));
        assert!(!tt_thau_drug("57/QĐ-TTMS;G1;N1;22"));
        assert!(!tt_thau_drug("57/QĐ-TTMS;N1;G1;2022"));
        assert!(!tt_thau_drug("57/QĐ-TTMS"));
        assert!(tt_thau_supply("20.00;G1;N1;2021") && tt_thau_supply("132.01901;G1;N0;2023"));
        assert!(tt_thau_supply("1516.01;G1;2019"));
        assert!(!tt_thau_supply("20.00;G1;2021;N1") && !tt_thau_supply("20;G1;2019"));
        assert!(so_dang_ky("VD-12345-22") && so_dang_ky("CP.19010.15.3"));
        assert!(!so_dang_ky("VD 12345") && !so_dang_ky("CP.1901.15.3"));
        assert!(ma_may_item("SH.1.79001.1", Pack::Qd4750));
        assert!(ma_may_item("ĐT.2.79001.12", Pack::Qd130));
        assert!(!ma_may_item("SH.1.1", Pack::Qd4750) && ma_may_item("SH.1.1", Pack::Qd3176));
        assert!(!ma_may_item("SH.4.79001.1", Pack::Qd3176) && !ma_may_item("SH", Pack::Qd3176));
        assert!(health_id("7900012345") && !health_id("000123/HCM-GPHN"));
    }
}
