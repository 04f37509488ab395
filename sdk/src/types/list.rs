//! `;`-separated lists (`MA_THE_BHYT` of several cards, `MA_BENH_KT`, `MA_KHOA`, ...).

use super::field::{FormatError, Kind, Wire};
use std::fmt;

/// A non-empty list of values joined by `;` on the wire, without spaces.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct List<T>(Vec<T>);

/// The kind of list items, for field specs.
pub trait ListKind {
    /// `Kind::List(&INNER)`.
    const LIST_KIND: Kind;
}

impl<T: Wire> List<T> {
    /// A list of at least one item.
    pub fn new(items: Vec<T>) -> Option<Self> {
        (!items.is_empty()).then_some(List(items))
    }
    /// The items.
    pub fn items(&self) -> &[T] {
        &self.0
    }
    /// Number of items.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Always false: a list has at least one item.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Wire> From<T> for List<T> {
    fn from(v: T) -> Self {
        List(vec![v])
    }
}

const LIST: FormatError = FormatError::new(
    "danh sách các giá trị hợp lệ ngăn cách bởi dấu chấm phẩy (;)",
    "a list of valid values separated by ';'",
);

macro_rules! list_kinds {
    ($($t:ty => $k:expr),* $(,)?) => {$(
        impl ListKind for $t {
            const LIST_KIND: Kind = Kind::List(&$k);
        }
    )*};
}

use super::{
    codes, BhxhNumber, CardNumber, Code, Date, DateOrDateTime, DateTime, Dec, FacilityCode,
    IcdCode, Ident, Int, Text,
};
list_kinds!(
    Code => Kind::Code, Ident => Kind::Ident, FacilityCode => Kind::Facility, CardNumber => Kind::Card,
    IcdCode => Kind::Icd, Date => Kind::Date, DateTime => Kind::DateTime, DateOrDateTime => Kind::DateOrDateTime,
    Dec => Kind::Dec, Int => Kind::Int, BhxhNumber => Kind::Bhxh, Text => Kind::Text,
    codes::MaTinhTrangDk => Kind::Enum(codes::MaTinhTrangDk::CODES),
    codes::MaXuTri => Kind::Enum(codes::MaXuTri::CODES),
    codes::DangHuongCheDo => Kind::Enum(codes::DangHuongCheDo::CODES),
    codes::MaDoiTuongGd => Kind::Enum(codes::MaDoiTuongGd::CODES),
);

impl<T: Wire + ListKind> Wire for List<T> {
    const KIND: Kind = T::LIST_KIND;
    const SENSITIVE: bool = T::SENSITIVE;
    fn parse_wire(s: &str) -> Result<Self, FormatError> {
        let mut items = Vec::with_capacity(1 + memchr::memchr_iter(b';', s.as_bytes()).count());
        for part in s.split(';') {
            if part.is_empty() {
                return Err(LIST);
            }
            // The item's own expectation says more than "a list" (every item must have it).
            items.push(T::parse_wire(part)?);
        }
        Ok(List(items))
    }
    fn write_wire(&self, out: &mut String) {
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            item.write_wire(out);
        }
    }
    fn is_known(&self) -> bool {
        self.0.iter().all(Wire::is_known)
    }
}

impl<T: Wire> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if T::SENSITIVE {
            return write!(f, "List([{} redacted])", self.0.len());
        }
        let mut s = String::new();
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                s.push(';');
            }
            item.write_wire(&mut s);
        }
        write!(f, "List({s})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_semicolons() {
        let l = List::<IcdCode>::parse_wire("I10;E11.9").unwrap();
        assert_eq!(l.len(), 2);
        let mut out = String::new();
        l.write_wire(&mut out);
        assert_eq!(out, "I10;E11.9");
        assert!(List::<IcdCode>::parse_wire("I10; E11.9").is_err());
        assert!(List::<IcdCode>::parse_wire("I10;;E11.9").is_err());
        assert!(List::<IcdCode>::parse_wire("I10;").is_err());
    }
}
