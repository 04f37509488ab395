//! # Lienthong
//!
//! Typed records, validated builders and a lossless streaming codec for the health-insurance claim
//! tables of QĐ 130/QĐ-BYT (as amended by QĐ 4750 and QĐ 3176): the check-in table and XML1-XML15,
//! wrapped in the `GIAMDINHHS` envelope.
//!
//! This crate is pure Rust with no async runtime or network code; connectors, bindings and the
//! command line build on it.

pub mod codec;
pub mod gen;
pub mod hoso;
pub mod money;
pub mod record;
pub mod report;
pub mod tables;
pub mod types;
pub mod validate;

pub use codec::{Envelope, EnvelopeReader, EnvelopeWriter, ParseError};
pub use hoso::Hoso;
