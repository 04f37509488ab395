//! XML3 (*chi tiết DVKT và VTYT*): technical services, exams, beds, transport and medical supplies, one row per line.

mod builder;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{ServiceLine, ServiceLineBuilder};
