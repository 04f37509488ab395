//! C ABI for Lienthong. The handles, status enum and generated header arrive with their own
//! issue; this crate only fixes its place in the workspace for now.

/// The Lienthong version this library was built from.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
