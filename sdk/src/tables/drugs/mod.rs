//! XML2 (*chi tiết thuốc*): drugs, blood, blood products and medical gases, one row per line.

pub(crate) mod builder;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{DrugLine, DrugLineBuilder};
