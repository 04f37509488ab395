//! What `path_or_bytes` arguments accept: `str` or `os.PathLike` paths, or the bytes of a file
//! (`bytes`, `bytearray`, `memoryview`).

use crate::errors;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes};
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::PathBuf;

/// A file to read, as the caller gave it.
#[derive(Debug)]
pub enum Input {
    /// A path, with the text shown in reports.
    Path(PathBuf, String),
    /// The bytes themselves.
    Bytes(Vec<u8>),
}

/// What reports call a file given as bytes.
pub const BYTES_NAME: &str = "<bytes>";

impl Input {
    /// Reads the argument: bytes are copied (so the GIL can be released while they are parsed).
    pub fn extract(ob: &Bound<'_, PyAny>) -> PyResult<Input> {
        if let Ok(b) = ob.cast::<PyBytes>() {
            return Ok(Input::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(b) = ob.cast::<PyByteArray>() {
            return Ok(Input::Bytes(b.to_vec()));
        }
        if ob.hasattr("tobytes")? && !ob.hasattr("__fspath__")? {
            let b = ob.call_method0("tobytes")?;
            return Ok(Input::Bytes(b.cast::<PyBytes>()?.as_bytes().to_vec()));
        }
        let path: PathBuf = ob.extract().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(
                "expected a path (str or os.PathLike) or the file's bytes (bytes, bytearray, memoryview)",
            )
        })?;
        let shown = path.display().to_string();
        Ok(Input::Path(path, shown))
    }

    /// The name used in reports.
    pub fn name(&self) -> &str {
        match self {
            Input::Path(_, shown) => shown,
            Input::Bytes(_) => BYTES_NAME,
        }
    }

    /// Opens the input for streaming.
    pub fn open(self) -> Result<Box<dyn BufRead + Send>, (std::io::Error, String)> {
        match self {
            Input::Bytes(b) => Ok(Box::new(Cursor::new(b))),
            Input::Path(p, shown) => match File::open(&p) {
                Ok(f) => Ok(Box::new(BufReader::with_capacity(1 << 16, f))),
                Err(e) => Err((e, shown)),
            },
        }
    }

    /// Reads the whole input.
    pub fn into_bytes(self) -> Result<Vec<u8>, (std::io::Error, String)> {
        match self {
            Input::Bytes(b) => Ok(b),
            Input::Path(p, shown) => {
                let mut out = Vec::new();
                File::open(&p)
                    .and_then(|mut f| f.read_to_end(&mut out))
                    .map_err(|e| (e, shown))?;
                Ok(out)
            }
        }
    }
}

/// Turns an open failure into `lienthong.FileError`.
pub fn open_failed(py: Python<'_>, (e, shown): (std::io::Error, String)) -> PyErr {
    errors::file_error(py, &e, &shown)
}
