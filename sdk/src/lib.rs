//! # Lienthong
//!
//! Typed records, validated builders and a lossless streaming codec for the health-insurance claim
//! tables of QĐ 130/QĐ-BYT (as amended by QĐ 4750 and QĐ 3176): the check-in table and XML1-XML15,
//! wrapped in the `GIAMDINHHS` envelope.
//!
//! - [`tables`]: one record type per table, field for field as in the decision's dictionary, with
//!   a builder each ([`record`](mod@record) explains the shared machinery).
//! - [`types`]: field types that keep the data honest (identifiers that keep leading zeros, exact
//!   decimals, wire-form dates, code lists that keep unknown codes verbatim).
//! - [`codec`]: the streaming envelope reader, the canonical writer, the standalone check-in and
//!   XML12 documents, and the JSON form.
//! - [`validate`]: findings with stable rule ids and Vietnamese and English messages;
//!   [`report`] runs them over whole files.
//! - [`money`]: the line formulas and XML1 totals; [`gen`]: synthetic, consistent visits.
//! - [`sign`]: the facility's XMLDSig signature in `CHUKYDONVI`: signing (PKCS#12, PEM or a
//!   device through [`sign::Signer`]), verification, and Canonical XML 1.0.
//!
//! This crate is pure Rust with no async runtime or network code; connectors, bindings and the
//! command line build on it.
//!
//! ```
//! use lienthong::codec::EnvelopeReader;
//! use lienthong::gen::{generate, GenOptions};
//! use lienthong::validate::check_hoso;
//!
//! let file = generate(&GenOptions { hoso: 5, seed: 1, ..Default::default() });
//! let mut reader = EnvelopeReader::new(&file[..])?;
//! for hoso in &mut reader {
//!     let hoso = hoso?;
//!     assert!(check_hoso(&hoso).is_empty());
//!     let summary = hoso.xml1.as_ref().unwrap();
//!     assert_eq!(summary.ma_cskcb.wire(), "79001");
//! }
//! assert_eq!(reader.hoso_read(), 5);
//! # Ok::<(), lienthong::ParseError>(())
//! ```

pub mod catalog;
pub mod codec;
pub mod gen;
pub mod hoso;
pub mod money;
pub mod record;
pub mod report;
pub mod sign;
pub mod tables;
pub mod types;
pub mod validate;

pub use codec::{Envelope, EnvelopeReader, EnvelopeWriter, ParseError};
pub use hoso::Hoso;
