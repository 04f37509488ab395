//! XML11 (*giấy chứng nhận nghỉ việc hưởng BHXH*, form CT07).

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{SickLeave, SickLeaveBuilder};
