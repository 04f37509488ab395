//! Connectors from Lienthong to the national systems.
//!
//! - [`bhxh`]: the async client of the BHXH appraisal gateway (sessions, card check, check-in,
//!   claim submission), with typed results and errors;
//! - [`outbox`]: the durable SQLite outbox every check-in and submission goes through;
//! - [`sandbox`]: an in-process (or stand-alone) gateway that behaves like the real one, for
//!   tests, the demo and vendors' own integration tests.
//!
//! Dependencies flow one way: `sdk` <- `connectors` <- `ffi`, `python`, `cli`, `conformance`.

pub use lienthong as sdk;

pub mod bhxh;
mod hex;
pub mod outbox;
pub mod prepare;
pub mod sandbox;
pub mod secret;
pub mod throwaway;
