//! The Lienthong conformance suite (cases and runner arrive with their own issue).

/// Version of the (still empty) suite.
pub const SUITE_VERSION: &str = "0";
