//! The `Wire` trait that every field type implements, and `Field<T>`, the slot a record keeps
//! for each element: absent, a typed value, or the exact text that did not fit the type.

use std::borrow::Cow;
use std::fmt;

/// Why a wire string does not fit a field type. Carries no input value, so it is safe to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatError {
    /// Vietnamese description of the expected form.
    pub expected_vi: &'static str,
    /// English description of the expected form.
    pub expected_en: &'static str,
}

impl FormatError {
    pub(crate) const fn new(expected_vi: &'static str, expected_en: &'static str) -> Self {
        FormatError {
            expected_vi,
            expected_en,
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}", self.expected_en)
    }
}

impl std::error::Error for FormatError {}

/// The shape of a field type, used by field specs, generic tooling and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text (names, addresses, diagnoses): any characters allowed in XML.
    Text,
    /// A code without surrounding whitespace.
    Code,
    /// A personal identifier without surrounding whitespace (treated as patient data).
    Ident,
    /// The episode key `MA_LK`.
    MaLk,
    /// A 5-character facility code.
    Facility,
    /// A 15-character health-insurance card number.
    Card,
    /// A citizen ID, old ID or passport number.
    Cccd,
    /// A 10-digit social-insurance number.
    Bhxh,
    /// An ICD-10 code.
    Icd,
    /// An unsigned integer.
    Int,
    /// An exact unsigned decimal.
    Dec,
    /// `yyyyMMdd`.
    Date,
    /// `yyyyMMddHHmm`.
    DateTime,
    /// `yyyyMMddHHmm` where `MMdd` and `HHmm` may be `0000` when unknown.
    BirthDateTime,
    /// `yyyyMMdd` where `MMdd` may be `0000` when unknown.
    BirthDate,
    /// `yyyyMMdd` or `yyyyMMddHHmm`.
    DateOrDateTime,
    /// A code from a closed list (the wire codes).
    Enum(&'static [&'static str]),
    /// A `;`-separated list of the inner kind.
    List(&'static Kind),
}

/// A field type: parses from and writes to the exact wire text.
///
/// `parse_wire` accepts only text that `write_wire` reproduces byte for byte, so a value read from
/// a file is written back unchanged; text that does not fit is kept verbatim in
/// [`Field::Invalid`] instead.
pub trait Wire: Sized + Clone + PartialEq {
    /// The shape of the type.
    const KIND: Kind;
    /// Whether values are patient data and must be redacted in `Debug` output.
    const SENSITIVE: bool = false;
    /// Parses a non-empty wire string.
    fn parse_wire(s: &str) -> Result<Self, FormatError>;
    /// Appends the wire form.
    fn write_wire(&self, out: &mut String);
    /// False for a code outside its code list (kept verbatim); true for every other value.
    fn is_known(&self) -> bool {
        true
    }
    /// The wire form when the value holds it as text already (strings and codes), so that reading
    /// it needs no allocation; `None` for values that [`Wire::write_wire`] formats.
    fn wire_str(&self) -> Option<&str> {
        None
    }
}

/// One element of a record.
#[derive(Clone, PartialEq, Default)]
pub enum Field<T> {
    /// The element is missing or empty (`<X/>`, `<X></X>`).
    #[default]
    Absent,
    /// A well-formed value.
    Value(T),
    /// Text that does not fit the field's type, kept exactly as read so nothing is lost.
    Invalid(Box<str>),
}

impl<T: Wire> Field<T> {
    /// Reads a field from its wire text: empty text is absent, text that does not parse is kept
    /// as [`Field::Invalid`].
    pub fn from_wire(s: &str) -> Self {
        if s.is_empty() {
            return Field::Absent;
        }
        match T::parse_wire(s) {
            Ok(v) => Field::Value(v),
            Err(_) => Field::Invalid(s.into()),
        }
    }

    /// The typed value, if present and well-formed.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// True when the element is missing or empty.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// Why the text does not fit, for an invalid field.
    pub fn format_error(&self) -> Option<FormatError> {
        match self {
            Field::Invalid(raw) => T::parse_wire(raw).err(),
            _ => None,
        }
    }

    /// Appends the wire text (nothing for an absent field).
    pub fn write_wire(&self, out: &mut String) {
        match self {
            Field::Absent => {}
            Field::Value(v) => v.write_wire(out),
            Field::Invalid(raw) => out.push_str(raw),
        }
    }

    /// The wire text ("" for an absent field).
    pub fn wire(&self) -> Cow<'_, str> {
        match self {
            Field::Absent => Cow::Borrowed(""),
            Field::Invalid(raw) => Cow::Borrowed(raw),
            Field::Value(v) => match v.wire_str() {
                Some(s) => Cow::Borrowed(s),
                None => {
                    let mut s = String::new();
                    v.write_wire(&mut s);
                    Cow::Owned(s)
                }
            },
        }
    }
}

impl<T: Wire> From<T> for Field<T> {
    fn from(v: T) -> Self {
        Field::Value(v)
    }
}

impl<T: Wire> From<Option<T>> for Field<T> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Field::Absent, Field::Value)
    }
}

impl<T: Wire> From<&str> for Field<T> {
    fn from(s: &str) -> Self {
        Field::from_wire(s)
    }
}

impl<T: Wire> From<String> for Field<T> {
    fn from(s: String) -> Self {
        Field::from_wire(&s)
    }
}

impl<T: Wire> fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Absent => f.write_str("Absent"),
            _ if T::SENSITIVE => f.write_str("[redacted]"),
            Field::Value(_) => write!(f, "{:?}", self.wire()),
            Field::Invalid(raw) => write!(f, "Invalid({raw:?})"),
        }
    }
}

/// Object-safe access to a field of any type, used by the generic codec and tools.
pub trait AnyField {
    /// Sets the field from wire text.
    fn set_wire(&mut self, s: &str);
    /// Appends the wire text.
    fn write_wire(&self, out: &mut String);
    /// True when absent.
    fn is_absent(&self) -> bool;
    /// True when present but not of the field's type.
    fn is_invalid(&self) -> bool;
    /// Why the text does not fit, for an invalid field.
    fn format_error(&self) -> Option<FormatError>;
    /// Whether the values are patient data.
    fn sensitive(&self) -> bool;
    /// The wire text.
    fn wire(&self) -> Cow<'_, str>;
    /// True when the value is a code outside its code list.
    fn is_unknown_code(&self) -> bool;
    /// The wire text when it can be borrowed (absent, invalid, strings and codes); `None` when it
    /// must be formatted (numbers, dates): then use [`AnyField::write_wire`].
    fn wire_str(&self) -> Option<&str> {
        None
    }
}

impl<T: Wire> AnyField for Field<T> {
    fn set_wire(&mut self, s: &str) {
        *self = Field::from_wire(s);
    }
    fn write_wire(&self, out: &mut String) {
        Field::write_wire(self, out)
    }
    fn is_absent(&self) -> bool {
        Field::is_absent(self)
    }
    fn is_invalid(&self) -> bool {
        matches!(self, Field::Invalid(_))
    }
    fn format_error(&self) -> Option<FormatError> {
        Field::format_error(self)
    }
    fn sensitive(&self) -> bool {
        T::SENSITIVE
    }
    fn wire(&self) -> Cow<'_, str> {
        Field::wire(self)
    }
    fn is_unknown_code(&self) -> bool {
        matches!(self, Field::Value(v) if !v.is_known())
    }
    fn wire_str(&self) -> Option<&str> {
        match self {
            Field::Absent => Some(""),
            Field::Invalid(raw) => Some(raw),
            Field::Value(v) => v.wire_str(),
        }
    }
}
