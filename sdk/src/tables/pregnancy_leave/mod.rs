//! XML10 (*giấy nghỉ dưỡng thai*): the pregnancy-rest certificate.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{PregnancyLeave, PregnancyLeaveBuilder};
