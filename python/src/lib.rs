//! Python bindings for Lienthong (pyo3 module arrives with its own issue).

/// The Lienthong version these bindings were built from.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
