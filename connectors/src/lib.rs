//! Connectors from Lienthong to the national systems.
//!
//! The gateway client, outbox and sandbox arrive with their own issue; for now this crate
//! re-exports the SDK so downstream crates already depend on the final layering
//! (`sdk` <- `connectors` <- `ffi`, `python`, `cli`, `conformance`).

pub use lienthong as sdk;
