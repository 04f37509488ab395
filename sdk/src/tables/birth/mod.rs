//! XML9 (*giấy chứng sinh*): one record per baby.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{BirthCertificate, BirthCertificateBuilder};
