//! `sign()` and `verify()`: the facility's XMLDSig signature in `CHUKYDONVI`.

use crate::errors;
use crate::input::{open_failed, Input};
use lienthong::codec::DocumentKind;
use lienthong::sign::{
    self as sdk_sign, KeyError, KeyFileSigner, Password, SignError, Verification as RsVerification,
};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use std::path::PathBuf;

fn key_error(py: Python<'_>, e: &KeyError) -> PyErr {
    let kw = PyDict::new(py);
    if let Err(err) = kw.set_item("message_vi", e.message_vi()) {
        return err;
    }
    errors::raise(py, "KeyFileError", (e.to_string(),), Some(&kw))
}

fn signature_error(py: Python<'_>, en: String, vi: String) -> PyErr {
    let kw = PyDict::new(py);
    if let Err(err) = kw.set_item("message_vi", vi) {
        return err;
    }
    errors::raise(py, "SignatureError", (en,), Some(&kw))
}

fn load_key(
    key: &[u8],
    cert: Option<&[u8]>,
    password: Option<&Password>,
    pkcs12: bool,
) -> Result<KeyFileSigner, KeyError> {
    if pkcs12 {
        let empty = Password::new("");
        KeyFileSigner::from_pkcs12(key, password.unwrap_or(&empty))
    } else {
        KeyFileSigner::from_pem(key, cert, password)
    }
}

/// Signs a claim file (envelope, check-in or XML12 document) with a PKCS#12 (`.p12`/`.pfx`) or
/// PEM key file and returns the signed bytes. Only `CHUKYDONVI` changes.
#[pyfunction]
#[pyo3(signature = (data, key_path, password=None, *, cert_path=None))]
pub fn sign<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    key_path: PathBuf,
    password: Option<String>,
    cert_path: Option<PathBuf>,
) -> PyResult<Bound<'py, PyBytes>> {
    let doc = Input::extract(data)?
        .into_bytes()
        .map_err(|e| open_failed(py, e))?;
    let read = |p: &PathBuf| {
        std::fs::read(p).map_err(|e| errors::file_error(py, &e, &p.display().to_string()))
    };
    let key = read(&key_path)?;
    let cert = cert_path.as_ref().map(read).transpose()?;
    // PEM files start with a `-----BEGIN` line; anything else is taken as PKCS#12 (DER).
    let pkcs12 = !key.trim_ascii_start().starts_with(b"-----");
    let password = password.map(Password::new);
    let result = py.detach(move || {
        let signer =
            load_key(&key, cert.as_deref(), password.as_ref(), pkcs12).map_err(SignError::Key)?;
        sdk_sign::sign(&doc, &signer)
    });
    match result {
        Ok(bytes) => Ok(PyBytes::new(py, &bytes)),
        Err(SignError::Key(k)) => Err(key_error(py, &k)),
        Err(e) => Err(signature_error(py, e.to_string(), e.message_vi())),
    }
}

/// The result of verifying a signed file.
#[derive(Debug)]
#[pyclass(frozen, module = "lienthong._lienthong")]
pub struct Verification {
    v: RsVerification,
}

#[pymethods]
impl Verification {
    /// Every digest and the signature value check out (XMLDSig core validation).
    #[getter]
    fn valid(&self) -> bool {
        self.v.is_valid()
    }
    /// Valid, covering the whole document, by a certificate within its validity period.
    #[getter]
    fn acceptable(&self) -> bool {
        self.v.is_acceptable()
    }
    #[getter]
    fn signature_ok(&self) -> bool {
        self.v.signature_ok
    }
    #[getter]
    fn digests_ok(&self) -> bool {
        self.v.digests_ok()
    }
    #[getter]
    fn covers_whole_document(&self) -> bool {
        self.v.covers_whole_document()
    }
    #[getter]
    fn certificate_expired(&self) -> bool {
        self.v.certificate_expired()
    }
    /// `"envelope"`, `"checkin"`, `"assessment"` or `None` for other XML.
    #[getter]
    fn document(&self) -> Option<&'static str> {
        self.v.document.map(|d| match d {
            DocumentKind::Envelope => "envelope",
            DocumentKind::Checkin => "checkin",
            DocumentKind::Assessment => "assessment",
        })
    }
    /// `subject`, `issuer`, `serial`, `not_before`, `not_after` (Unix seconds), `key_bits`,
    /// `sha256_fingerprint`; `None` when the signature carries no certificate.
    #[getter]
    fn certificate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(c) = &self.v.certificate else {
            return Ok(None);
        };
        let d = PyDict::new(py);
        d.set_item("subject", &c.subject)?;
        d.set_item("issuer", &c.issuer)?;
        d.set_item("serial", &c.serial)?;
        d.set_item("not_before", c.not_before)?;
        d.set_item("not_after", c.not_after)?;
        d.set_item("key_bits", c.key_bits)?;
        d.set_item("sha256_fingerprint", &c.sha256_fingerprint)?;
        Ok(Some(d))
    }
    fn __bool__(&self) -> bool {
        self.v.is_valid()
    }
    fn __repr__(&self) -> String {
        format!(
            "Verification(valid={}, acceptable={})",
            if self.v.is_valid() { "True" } else { "False" },
            if self.v.is_acceptable() {
                "True"
            } else {
                "False"
            }
        )
    }
}

/// Verifies the signature of a signed file. A file without a usable signature raises
/// `SignatureError`; a signature that does not match returns `valid == False`.
#[pyfunction]
pub fn verify(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Verification> {
    let doc = Input::extract(data)?
        .into_bytes()
        .map_err(|e| open_failed(py, e))?;
    match py.detach(move || sdk_sign::verify(&doc)) {
        Ok(v) => Ok(Verification { v }),
        Err(e) => Err(signature_error(py, e.to_string(), e.message_vi())),
    }
}
