//! Integration tests of the sdk: one binary, one module per concern.

mod dictionary;
mod dispatch;
mod envelope;
mod generated;
mod json;
mod roundtrip;
mod structural;
mod support;
