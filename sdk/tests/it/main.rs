//! Integration tests of the sdk: one binary, one module per concern.

mod dictionary;
mod envelope;
mod generated;
mod json;
mod structural;
mod support;
