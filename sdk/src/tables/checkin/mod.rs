//! Check-in table ("XML0", *bảng check-in*): the visit status sent right after the first cost, on its own, not inside `GIAMDINHHS`.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{CheckinRow, CheckinRowBuilder};
