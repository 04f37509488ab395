//! String field types: free text, codes and identifiers.

use super::field::{FormatError, Kind, Wire};
use compact_str::CompactString;
use std::fmt;

/// True for characters that XML 1.0 allows in a document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// True when `s` can be written into an XML 1.0 document.
pub fn is_xml_text(s: &str) -> bool {
    // ASCII text (most values) needs no character decoding: only C0 controls other than tab, line
    // feed and carriage return are refused.
    if s.is_ascii() {
        return s
            .bytes()
            .all(|b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'));
    }
    s.chars().all(is_xml_char)
}

#[cfg(test)]
#[test]
fn ascii_fast_paths_agree_with_the_character_tests() {
    for b in 0u8..0x80 {
        let s = format!("a{}b", char::from(b));
        let c = char::from(b);
        assert_eq!(is_xml_text(&s), is_xml_char(c), "{b:#x}");
        assert_eq!(is_code(&s), !c.is_control() && is_xml_char(c), "{b:#x}");
    }
}

const NOT_XML: FormatError = FormatError::new(
    "văn bản có ký tự không hợp lệ trong XML",
    "text with only characters allowed in XML",
);
const CODE: FormatError = FormatError::new(
    "mã không có khoảng trắng ở đầu hoặc cuối",
    "a code without leading or trailing whitespace or control characters",
);

fn is_code(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && if s.is_ascii() {
            // The same test without decoding characters: no ASCII control (C0 or DEL).
            s.bytes().all(|b| b >= 0x20 && b != 0x7F)
        } else {
            s.chars().all(|c| !c.is_control() && is_xml_char(c))
        }
}

macro_rules! string_type {
    ($(#[$m:meta])* $name:ident, $kind:expr, $sensitive:expr, $check:expr, $err:expr) => {
        $(#[$m])*
        // Most values are short codes and dates: a small string keeps up to 24 bytes inline, so
        // reading a record allocates only for long free text.
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(CompactString);

        impl $name {
            /// Checks and wraps a value.
            pub fn new(s: &str) -> Result<Self, FormatError> {
                <Self as Wire>::parse_wire(s)
            }
            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Wire for $name {
            const KIND: Kind = $kind;
            const SENSITIVE: bool = $sensitive;
            fn parse_wire(s: &str) -> Result<Self, FormatError> {
                let check: fn(&str) -> bool = $check;
                if check(s) {
                    Ok($name(CompactString::new(s)))
                } else {
                    Err($err)
                }
            }
            fn write_wire(&self, out: &mut String) {
                out.push_str(&self.0);
            }
            fn wire_str(&self) -> Option<&str> {
                Some(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                if $sensitive {
                    write!(f, "{}([redacted])", stringify!($name))
                } else {
                    write!(f, "{}({:?})", stringify!($name), self.0.as_str())
                }
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

string_type!(
    /// Free text (names, addresses, diagnoses, notes). Treated as patient data.
    Text, Kind::Text, true, is_xml_text, NOT_XML
);
string_type!(
    /// A catalogue or document code (service, drug, department, tender, practitioner codes).
    Code, Kind::Code, false, is_code, CODE
);
string_type!(
    /// A personal identifier or document number (patient ID, record number, phone).
    /// Treated as patient data.
    Ident, Kind::Ident, true, is_code, CODE
);
string_type!(
    /// `MA_LK`, the key that links every table of one episode. Not patient data: it is printed in
    /// findings so a billing clerk can find the visit.
    MaLk, Kind::MaLk, false, is_code,
    FormatError::new("mã liên kết không có khoảng trắng ở đầu hoặc cuối", "an episode key without surrounding whitespace")
);
string_type!(
    /// A 5-character facility code (`MA_CSKCB`, `MA_DKBD`, `MA_NOI_DI`...), digits in practice;
    /// leading zeros are kept.
    FacilityCode, Kind::Facility, false,
    |s| s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
    FormatError::new("mã cơ sở KBCB gồm 5 ký tự", "a 5-character facility code")
);
string_type!(
    /// A health-insurance card number: 2 letters (object group), a benefit digit 1-5 and 12 digits.
    CardNumber, Kind::Card, true,
    |s| {
        let b = s.as_bytes();
        b.len() == 15
            && b[..2].iter().all(u8::is_ascii_uppercase)
            && (b'1'..=b'5').contains(&b[2])
            && b[3..].iter().all(u8::is_ascii_digit)
    },
    FormatError::new(
        "mã thẻ BHYT gồm 15 ký tự: 2 chữ in hoa, 1 chữ số mức hưởng 1-5 và 12 chữ số",
        "a 15-character card number: 2 capital letters, a benefit digit 1-5 and 12 digits"
    )
);
string_type!(
    /// A citizen ID (12 digits), old ID (9 digits) or passport number.
    Cccd, Kind::Cccd, true,
    |s| (5..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()),
    FormatError::new("số CCCD/hộ chiếu gồm chữ và số", "a citizen ID or passport number of letters and digits")
);
string_type!(
    /// A 10-digit social-insurance number (`MA_BHXH`).
    BhxhNumber, Kind::Bhxh, true,
    |s| s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit()) && s != "0000000000",
    FormatError::new("mã số BHXH gồm 10 chữ số, không phải toàn số 0", "a 10-digit social-insurance number, not all zeros")
);
string_type!(
    /// An ICD-10 code as written in claim files (`E11`, `E11.9`); a trailing dagger or asterisk
    /// marker is kept.
    IcdCode, Kind::Icd, false, is_icd_shape,
    FormatError::new("mã ICD-10 dạng A00 hoặc A00.0", "an ICD-10 code such as A00 or A00.0")
);

fn is_icd_shape(s: &str) -> bool {
    let s = s.strip_suffix(['†', '*']).unwrap_or(s);
    let b = s.as_bytes();
    if b.len() < 3 || !b[0].is_ascii_uppercase() || !b[1].is_ascii_digit() || !b[2].is_ascii_digit()
    {
        return false;
    }
    match &b[3..] {
        [] => true,
        [b'.', rest @ ..] => {
            (1..=2).contains(&rest.len())
                && rest
                    .iter()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        }
        _ => false,
    }
}

impl CardNumber {
    /// The two-letter object-group prefix (for example `GD`).
    pub fn prefix(&self) -> &str {
        &self.0[..2]
    }
    /// The benefit-level digit (1-5).
    pub fn benefit_level(&self) -> u8 {
        self.0.as_bytes()[2] - b'0'
    }
    /// The two-digit province code (characters 4-5).
    pub fn province(&self) -> &str {
        &self.0[3..5]
    }
}

impl FacilityCode {
    /// The province code: the first two characters.
    pub fn province(&self) -> &str {
        &self.0[..2]
    }
}

/// The form of a [`Cccd`] value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CccdForm {
    /// 12 digits (citizen identity card / personal identification number).
    Citizen12,
    /// 9 digits (old identity card).
    Old9,
    /// One capital letter and 7 digits (Vietnamese passport).
    PassportVn,
    /// Anything else (foreign passport or other document).
    Other,
}

impl Cccd {
    /// Which form the number has.
    pub fn form(&self) -> CccdForm {
        let b = self.0.as_bytes();
        if b.iter().all(u8::is_ascii_digit) {
            match b.len() {
                12 => return CccdForm::Citizen12,
                9 => return CccdForm::Old9,
                _ => {}
            }
        } else if b.len() == 8 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
        {
            return CccdForm::PassportVn;
        }
        CccdForm::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_keep_leading_zeros() {
        let c = Cccd::new("001085000123").unwrap();
        assert_eq!(c.as_str(), "001085000123");
        assert_eq!(c.form(), CccdForm::Citizen12);
        assert_eq!(Cccd::new("B1234567").unwrap().form(), CccdForm::PassportVn);
        assert_eq!(FacilityCode::new("01001").unwrap().province(), "01");
        assert!(FacilityCode::new("1001").is_err());
    }

    #[test]
    fn card_number_structure() {
        let c = CardNumber::new("GD4790000000001").unwrap();
        assert_eq!(
            (c.prefix(), c.benefit_level(), c.province()),
            ("GD", 4, "79")
        );
        assert!(CardNumber::new("GD6790000000001").is_err());
        assert!(CardNumber::new("gd4790000000001").is_err());
        assert!(CardNumber::new("GD479000000001").is_err());
    }

    #[test]
    fn icd_shapes() {
        for ok in ["E11", "E11.9", "U07.1", "A17.0†", "G01*", "C4A.1"] {
            let ok_shape = ok != "C4A.1";
            assert_eq!(IcdCode::new(ok).is_ok(), ok_shape, "{ok}");
        }
        for bad in ["E119", "e11", "E1", "E11.", "E11.123", " E11"] {
            assert!(IcdCode::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sensitive_values_are_redacted_in_debug() {
        let t = Text::new("NGUYỄN VĂN A").unwrap();
        assert!(!format!("{t:?}").contains("NGUY"));
        let c = Code::new("K01").unwrap();
        assert!(format!("{c:?}").contains("K01"));
    }

    #[test]
    fn codes_reject_surrounding_whitespace_and_controls() {
        assert!(Code::new(" K01").is_err());
        assert!(Code::new("K01\u{1}").is_err());
        assert!(Text::new(" free text\n").is_ok());
        assert!(Text::new("bad\u{0}").is_err());
    }
}
