//! XML14 (*giấy hẹn khám lại*): the re-examination appointment.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{Reexam, ReexamBuilder};
