//! XML6 (*hồ sơ bệnh án chăm sóc và điều trị HIV/AIDS*).

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{HivRecord, HivRecordBuilder};
