//! XML15 (*quản lý điều trị bệnh lao*): tuberculosis treatment records.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{TbRecord, TbRecordBuilder};
