//! XML4 (*chi tiết dịch vụ cận lâm sàng*): laboratory, imaging and function-test results.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{ParaclinicalResult, ParaclinicalResultBuilder};
