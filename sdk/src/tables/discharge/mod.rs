//! XML7 (*giấy ra viện*): the discharge paper.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{DischargePaper, DischargePaperBuilder};
