//! XML12 (*giám định y khoa*): medical-assessment records, sent on their own channel, never inside `GIAMDINHHS`.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{Assessment, AssessmentBuilder};
