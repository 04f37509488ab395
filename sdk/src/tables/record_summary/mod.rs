//! XML8 (*tóm tắt hồ sơ bệnh án*): the medical-record summary.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{RecordSummary, RecordSummaryBuilder};
