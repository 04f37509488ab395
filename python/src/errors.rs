//! Raising the exceptions of `lienthong.exceptions`.
//!
//! The exception classes are defined in Python, because some have two bases (`FileError` is a
//! `LienthongError` and an `OSError`), which `create_exception!` cannot express. The native code
//! looks them up when it raises.

use lienthong::codec::ParseError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The class `name` of `lienthong.exceptions`.
pub fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("lienthong.exceptions")?.getattr(name)
}

/// An exception of class `name` built from `args` and keyword arguments.
pub fn raise<'py>(
    py: Python<'py>,
    name: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyErr {
    match class(py, name).and_then(|c| c.call(args, kwargs)) {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// `lienthong.ParseError` for a structural error: the message names the position, never a value.
pub fn parse_error(py: Python<'_>, e: &ParseError) -> PyErr {
    let kw = PyDict::new(py);
    let set = || -> PyResult<()> {
        kw.set_item("code", e.code())?;
        kw.set_item("line", e.line)?;
        kw.set_item("column", e.column)?;
        kw.set_item("hoso", e.hoso)?;
        kw.set_item("table", e.table.map(|t| t.name()))?;
        kw.set_item("message_vi", e.message_vi())?;
        kw.set_item("message_en", e.message_en())?;
        Ok(())
    };
    if let Err(err) = set() {
        return err;
    }
    raise(py, "ParseError", (e.to_string(),), Some(&kw))
}

/// `lienthong.FileError` (or `MissingFileError`, also a `FileNotFoundError`) for a file that
/// cannot be read.
pub fn file_error(py: Python<'_>, e: &std::io::Error, path: &str) -> PyErr {
    let name = if e.kind() == std::io::ErrorKind::NotFound {
        "MissingFileError"
    } else {
        "FileError"
    };
    let errno = e.raw_os_error().unwrap_or(0);
    raise(py, name, (errno, e.to_string(), path.to_owned()), None)
}

/// An exception of class `name` with one message argument.
pub fn simple(py: Python<'_>, name: &str, message: String) -> PyErr {
    raise(py, name, (message,), None)
}
