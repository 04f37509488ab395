//! `read()` (streaming, one `HOSO` at a time), `write()` and `gen()`.

use crate::errors;
use crate::input::{open_failed, Input};
use crate::records::Hoso;
use lienthong::codec::{EnvelopeHeader, EnvelopeReader, WriteError};
use lienthong::gen::{generate, GenOptions};
use lienthong::types::{Field, Int};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::io::BufRead;
use std::sync::{Arc, Mutex};

type Inner = EnvelopeReader<Box<dyn BufRead + Send>>;

/// Reads a `GIAMDINHHS` envelope one `HOSO` at a time: iterate it. A structural error raises
/// `ParseError` from the iteration; the `HOSO`s already yielded stay valid.
#[pyclass(frozen, module = "lienthong._lienthong")]
pub struct Reader {
    inner: Mutex<Option<Inner>>,
    header: EnvelopeHeader,
    signature: Option<String>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").finish_non_exhaustive()
    }
}

#[pymethods]
impl Reader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Hoso>> {
        let next = py.detach(|| {
            let mut guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            let reader = guard.as_mut()?;
            let item = reader.next();
            if !matches!(item, Some(Ok(_))) {
                *guard = None;
            }
            item
        });
        match next {
            None => Ok(None),
            Some(Ok(h)) => Ok(Some(Hoso { inner: Arc::new(h) })),
            Some(Err(e)) => Err(errors::parse_error(py, &e)),
        }
    }
    /// The envelope header as text: `{"macskcb", "ngaylap", "soluonghoso"}`.
    #[getter]
    fn header(&self) -> std::collections::BTreeMap<&'static str, String> {
        [
            ("macskcb", self.header.macskcb.wire().into_owned()),
            ("ngaylap", self.header.ngaylap.wire().into_owned()),
            ("soluonghoso", self.header.soluonghoso.wire().into_owned()),
        ]
        .into_iter()
        .collect()
    }
    /// The raw content of `CHUKYDONVI` (`None` when empty), once the reader has reached it.
    #[getter]
    fn signature(&self) -> Option<String> {
        let guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        match guard.as_ref() {
            Some(r) => r.signature().map(str::to_owned),
            None => self.signature.clone(),
        }
    }
    /// `HOSO` read so far.
    #[getter]
    fn hoso_read(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map_or(0, |r| r.hoso_read())
    }
}

/// Opens a claim envelope for reading: a path or the file's bytes.
#[pyfunction]
pub fn read(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Reader> {
    let input = Input::extract(source)?;
    let opened = py.detach(move || {
        let r = input.open().map_err(Err)?;
        EnvelopeReader::new(r).map_err(Ok)
    });
    match opened {
        Ok(r) => Ok(Reader {
            header: r.header().clone(),
            signature: r.signature().map(str::to_owned),
            inner: Mutex::new(Some(r)),
        }),
        Err(Err(open)) => Err(open_failed(py, open)),
        Err(Ok(e)) => Err(errors::parse_error(py, &e)),
    }
}

fn write_error(py: Python<'_>, e: WriteError) -> PyErr {
    errors::simple(py, "WriteError", e.to_string())
}

/// Writes `HOSO`s as a canonical `GIAMDINHHS` envelope and returns its bytes.
#[pyfunction]
#[pyo3(signature = (hosos, *, macskcb, ngaylap, signature=None))]
pub fn write<'py>(
    py: Python<'py>,
    hosos: &Bound<'py, PyAny>,
    macskcb: &str,
    ngaylap: &str,
    signature: Option<String>,
) -> PyResult<Bound<'py, PyBytes>> {
    let list: Vec<Arc<lienthong::Hoso>> = hosos
        .try_iter()?
        .map(|h| Ok(h?.cast::<Hoso>()?.get().inner.clone()))
        .collect::<PyResult<_>>()?;
    let header = EnvelopeHeader {
        macskcb: Field::from_wire(macskcb),
        ngaylap: Field::from_wire(ngaylap),
        soluonghoso: Int::new(list.len() as u64).into(),
    };
    let out = py.detach(move || -> Result<Vec<u8>, WriteError> {
        let mut w = lienthong::EnvelopeWriter::new(Vec::new(), &header)?;
        for h in &list {
            w.write_hoso(h)?;
        }
        w.finish(signature.as_deref())
    });
    match out {
        Ok(bytes) => Ok(PyBytes::new(py, &bytes)),
        Err(e) => Err(write_error(py, e)),
    }
}

/// A synthetic, consistent claim envelope for tests: the same seed gives the same bytes.
#[pyfunction]
#[pyo3(signature = (hoso=10, seed=1, *, facility="79001", year=2025, month=3))]
pub fn gen<'py>(
    py: Python<'py>,
    hoso: usize,
    seed: u64,
    facility: &str,
    year: u16,
    month: u8,
) -> PyResult<Bound<'py, PyBytes>> {
    if !(1..=12).contains(&month) {
        return Err(pyo3::exceptions::PyValueError::new_err("month: 1-12"));
    }
    let opts = GenOptions {
        hoso,
        seed,
        facility: facility.to_owned(),
        year,
        month,
        ..Default::default()
    };
    let bytes = py.detach(move || generate(&opts));
    Ok(PyBytes::new(py, &bytes))
}
