//! `lienthong._lienthong`: the native half of the `lienthong` Python package.
//!
//! The public API is the pure-Python package `lienthong` (`python/lienthong/`), which re-exports
//! these classes and functions and adds the conversions that are easier in Python (builder
//! values, DataFrames). Every function that parses, validates, writes or signs releases the GIL
//! for the work itself: inputs are copied into owned Rust values first.

mod errors;
mod gateway;
mod input;
mod reader;
mod records;
mod report;
mod signing;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn _lienthong(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<report::Issue>()?;
    m.add_class::<report::Report>()?;
    m.add_class::<records::Record>()?;
    m.add_class::<records::Hoso>()?;
    m.add_class::<reader::Reader>()?;
    m.add_class::<signing::Verification>()?;
    m.add_class::<gateway::Gateway>()?;
    m.add_class::<gateway::Outbox>()?;
    m.add_function(wrap_pyfunction!(report::validate, m)?)?;
    m.add_function(wrap_pyfunction!(report::rules, m)?)?;
    m.add_function(wrap_pyfunction!(reader::read, m)?)?;
    m.add_function(wrap_pyfunction!(reader::write, m)?)?;
    m.add_function(wrap_pyfunction!(reader::gen, m)?)?;
    m.add_function(wrap_pyfunction!(records::build, m)?)?;
    m.add_function(wrap_pyfunction!(records::fields, m)?)?;
    m.add_function(wrap_pyfunction!(signing::sign, m)?)?;
    m.add_function(wrap_pyfunction!(signing::verify, m)?)?;
    Ok(())
}
