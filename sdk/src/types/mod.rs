//! Field types that keep the data honest: validated identifiers that keep leading zeros, exact
//! decimals, calendar dates in their wire form, code lists with a verbatim escape, `;`-lists.

pub mod codes;
mod field;
mod list;
mod num;
mod text;
mod time;

pub use field::{AnyField, Field, FormatError, Kind, Wire};
pub use list::{List, ListKind};
pub use num::{round_half_away, Dec, Int};
pub use rust_decimal::Decimal;
pub use text::{
    is_xml_char, is_xml_text, BhxhNumber, CardNumber, Cccd, CccdForm, Code, FacilityCode, IcdCode,
    Ident, MaLk, Text,
};
pub use time::{days_in_month, BirthDate, BirthDateTime, Date, DateOrDateTime, DateTime};
