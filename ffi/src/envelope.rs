//! `lienthong_envelope`: a whole `GIAMDINHHS` file in memory: parse (bytes, path or JSON), walk
//! its `HOSO`, change them, and write it back as canonical XML or as JSON.

use crate::error::{lienthong_error, lienthong_status, Error};
use crate::ffi::{
    boundary, boundary_or, bytes_arg, bytes_handle, free_boxed, lienthong_bytes, lienthong_str,
    str_arg, to_boxed_ptr, to_mut_ptr, to_ptr, try_mut, try_ref, write_out, Castable,
};
use crate::hoso::{lienthong_hoso, HosoCell};
use lienthong::codec::json::{envelope_from_json, envelope_to_json};
use lienthong::codec::{EnvelopeHeader, EnvelopeReader, EnvelopeWriter, Limits, Notice};
use lienthong::types::{Field, Int};
use lienthong::validate::Finding;
use lienthong::{Envelope, ParseError};
use std::ffi::c_char;

/// The Rust side of `lienthong_envelope`. The `HOSO` are boxed so that the borrowed
/// `lienthong_hoso` pointers handed out stay put when more are added.
#[derive(Debug)]
pub(crate) struct EnvelopeCell {
    header: EnvelopeHeader,
    header_text: [String; 3],
    hosos: Vec<Box<HosoCell>>,
    signature: Option<String>,
    notices: Vec<Notice>,
}

impl EnvelopeCell {
    fn from_envelope(env: Envelope) -> Self {
        let mut cell = EnvelopeCell {
            header: env.header,
            header_text: Default::default(),
            hosos: env
                .hosos
                .into_iter()
                .map(|h| Box::new(HosoCell::new(h)))
                .collect(),
            signature: env.signature,
            notices: env.notices,
        };
        cell.refresh_header_text();
        cell
    }

    fn refresh_header_text(&mut self) {
        self.header_text = [
            self.header.macskcb.wire().into_owned(),
            self.header.ngaylap.wire().into_owned(),
            self.header.soluonghoso.wire().into_owned(),
        ];
    }

    /// The canonical XML.
    pub(crate) fn to_xml(&self) -> Result<Vec<u8>, Error> {
        let write_err = |e: lienthong::codec::WriteError| {
            Error::new(
                lienthong_status::Write,
                format!("không ghi được tệp: {e}"),
                format!("cannot write the file: {e}"),
            )
        };
        let mut w = EnvelopeWriter::new(Vec::new(), &self.header).map_err(write_err)?;
        for h in &self.hosos {
            w.write_hoso(&h.hoso).map_err(write_err)?;
        }
        w.finish(self.signature.as_deref()).map_err(write_err)
    }

    fn to_envelope(&self) -> Envelope {
        Envelope {
            header: self.header.clone(),
            hosos: self.hosos.iter().map(|h| h.hoso.clone()).collect(),
            signature: self.signature.clone(),
            notices: self.notices.clone(),
        }
    }
}

/// The error for a file that does not read, with the parse finding (rule, line, column).
pub(crate) fn parse_error(e: &ParseError) -> Error {
    let finding = Finding::from(e);
    Error::new(
        lienthong_status::Parse,
        finding.message_vi.clone(),
        finding.message_en.clone(),
    )
    .with_findings(vec![finding])
}

fn parse(bytes: &[u8]) -> Result<EnvelopeCell, Error> {
    let mut reader =
        EnvelopeReader::with_limits(bytes, Limits::default()).map_err(|e| parse_error(&e))?;
    let hosos = (&mut reader)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| parse_error(&e))?;
    Ok(EnvelopeCell::from_envelope(Envelope {
        header: reader.header().clone(),
        hosos,
        signature: reader.signature().map(str::to_owned),
        notices: reader.notices().to_vec(),
    }))
}

/// A whole `GIAMDINHHS` claim file in memory: the header (`MACSKCB`, `NGAYLAP`, `SOLUONGHOSO`),
/// the `HOSO` and the signature slot.
///
/// Owned by the caller; free it with `lienthong_envelope_free`, which also ends every
/// `lienthong_hoso` borrowed from it. Reading from several threads at once is safe; changing it (or
/// a `HOSO` borrowed mutably from it) while another thread uses it is not.
#[derive(Debug)]
pub struct lienthong_envelope {
    _private: [u8; 0],
}

impl Castable for lienthong_envelope {
    type Rust = EnvelopeCell;
}

fn give(cell: EnvelopeCell, out: *mut *mut lienthong_envelope) -> Result<(), Error> {
    if out.is_null() {
        return Err(Error::null("envelope_out"));
    }
    // SAFETY: `out` is not NULL and writable, per the header.
    unsafe { write_out(out, to_boxed_ptr::<lienthong_envelope>(cell)) }
}

/// Parses a whole envelope from `len` bytes at `data`. A file that does not read gives
/// `LIENTHONG_STATUS_PARSE`; the error carries one finding with the rule id (`parse.*`), the line
/// and the column. Non-standard but accepted forms (a BOM, inline XML) are not errors: validation
/// reports them as warnings.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_parse(
    data: *const u8,
    len: usize,
    envelope_out: *mut *mut lienthong_envelope,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `data` is NULL or valid for `len` bytes, per the header.
        let bytes = unsafe { bytes_arg(data, len, "data") }?;
        give(parse(bytes)?, envelope_out)
    })
}

/// Parses a whole envelope from the file at `path` (UTF-8). As `lienthong_envelope_parse`; a file
/// that cannot be read gives `LIENTHONG_STATUS_IO`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_parse_path(
    path: *const c_char,
    envelope_out: *mut *mut lienthong_envelope,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `path` is NULL or a C string, per the header.
        let path = unsafe { str_arg(path, "path") }?;
        let bytes = std::fs::read(path).map_err(|e| Error::io("the file", &e))?;
        give(parse(&bytes)?, envelope_out)
    })
}

/// Reads an envelope from its JSON form (`lienthong_envelope_to_json`); `LIENTHONG_STATUS_JSON`
/// when the JSON is malformed or has another shape (the message names the place).
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_from_json(
    data: *const u8,
    len: usize,
    envelope_out: *mut *mut lienthong_envelope,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `data` is NULL or valid for `len` bytes, per the header.
        let bytes = unsafe { bytes_arg(data, len, "data") }?;
        let json_err = |vi: String, en: String| Error::new(lienthong_status::Json, vi, en);
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
            json_err(
                format!("JSON không hợp lệ: dòng {}, cột {}", e.line(), e.column()),
                format!("malformed JSON: line {}, column {}", e.line(), e.column()),
            )
        })?;
        let env = envelope_from_json(&value).map_err(|e| {
            json_err(
                format!("JSON không đúng cấu trúc: {}", e.path),
                format!("unexpected JSON shape: {e}"),
            )
        })?;
        give(EnvelopeCell::from_envelope(env), envelope_out)
    })
}

/// A new, empty, unsigned envelope from facility `macskcb` (5 digits), made on `ngaylap`
/// (`yyyyMMdd`). A value that does not fit gives `LIENTHONG_STATUS_INVALID_VALUE`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_new(
    macskcb: *const c_char,
    ngaylap: *const c_char,
    envelope_out: *mut *mut lienthong_envelope,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: the string arguments are NULL or C strings, per the header.
        let (m, d) = unsafe { (str_arg(macskcb, "macskcb")?, str_arg(ngaylap, "ngaylap")?) };
        let header = EnvelopeHeader {
            macskcb: Field::from_wire(m),
            ngaylap: Field::from_wire(d),
            soluonghoso: Int::new(0).into(),
        };
        for (name, bad) in [
            (
                "MACSKCB",
                header.macskcb.is_absent() || header.macskcb.format_error().is_some(),
            ),
            (
                "NGAYLAP",
                header.ngaylap.is_absent() || header.ngaylap.format_error().is_some(),
            ),
        ] {
            if bad {
                return Err(Error::new(
                    lienthong_status::InvalidValue,
                    format!("giá trị {name} không hợp lệ"),
                    format!("invalid {name}"),
                ));
            }
        }
        let env = Envelope {
            header,
            hosos: Vec::new(),
            signature: Some(String::new()),
            notices: Vec::new(),
        };
        give(EnvelopeCell::from_envelope(env), envelope_out)
    })
}

/// Frees an envelope and every `HOSO` borrowed from it. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_free(envelope: *mut lienthong_envelope) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or an envelope it owns and no longer uses.
        unsafe { free_boxed(envelope) }
    })
}

/// A header element: `MACSKCB`, `NGAYLAP` or `SOLUONGHOSO` (as written in the file; adding a `HOSO`
/// updates `SOLUONGHOSO`). Valid until the envelope is freed or changed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_header(
    envelope: *const lienthong_envelope,
    element: *const c_char,
    value_out: *mut lienthong_str,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `envelope` is NULL or a live envelope, per the header.
        let env = unsafe { try_ref(envelope) }.ok_or_else(|| Error::null("envelope"))?;
        // SAFETY: `element` is NULL or a C string, per the header.
        let el = unsafe { str_arg(element, "element") }?;
        let i = ["MACSKCB", "NGAYLAP", "SOLUONGHOSO"]
            .iter()
            .position(|n| *n == el)
            .ok_or_else(|| {
                Error::new(
                    lienthong_status::UnknownElement,
                    "phần đầu tệp chỉ có MACSKCB, NGAYLAP, SOLUONGHOSO",
                    "the envelope header has only MACSKCB, NGAYLAP and SOLUONGHOSO",
                )
            })?;
        // SAFETY: `value_out` is NULL or writable, per the header.
        unsafe { write_out(value_out, lienthong_str::from_str(&env.header_text[i])) }
    })
}

/// The raw content of `CHUKYDONVI` as read (the XMLDSig `Signature` of a signed file; empty when
/// unsigned or missing). Use `lienthong_verify` on the file's bytes to check it. Valid until the
/// envelope is freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_signature(
    envelope: *const lienthong_envelope,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the caller passes NULL or a live envelope.
        unsafe { try_ref(envelope) }
            .and_then(|e| e.signature.as_deref())
            .map_or(lienthong_str::empty(), lienthong_str::from_str)
    })
}

/// The number of `HOSO` (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_hoso_count(
    envelope: *const lienthong_envelope,
) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live envelope.
        unsafe { try_ref(envelope) }.map_or(0, |e| e.hosos.len())
    })
}

/// `HOSO` number `index` (from 0), borrowed: valid until the envelope is freed; never free it.
/// NULL when `envelope` is NULL or `index` is out of range.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_hoso(
    envelope: *const lienthong_envelope,
    index: usize,
) -> *const lienthong_hoso {
    boundary_or(std::ptr::null(), || {
        // SAFETY: the caller passes NULL or a live envelope.
        unsafe { try_ref(envelope) }
            .and_then(|e| e.hosos.get(index))
            .map_or(std::ptr::null(), |h| to_ptr::<lienthong_hoso>(h))
    })
}

/// `HOSO` number `index`, borrowed for changing (`lienthong_hoso_set`, `lienthong_hoso_add_record`):
/// valid until the envelope is freed; never free it. NULL when out of range.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_hoso_mut(
    envelope: *mut lienthong_envelope,
    index: usize,
) -> *mut lienthong_hoso {
    boundary_or(std::ptr::null_mut(), || {
        // SAFETY: the caller passes NULL or a live envelope no other thread uses.
        unsafe { try_mut(envelope) }
            .and_then(|e| e.hosos.get_mut(index))
            .map_or(std::ptr::null_mut(), |h| to_mut_ptr::<lienthong_hoso>(h))
    })
}

/// Appends a copy of `hoso` and updates `SOLUONGHOSO`. `hoso` stays the caller's. `*index_out`
/// (may be NULL) receives the new `HOSO`'s index.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_add_hoso(
    envelope: *mut lienthong_envelope,
    hoso: *const lienthong_hoso,
    index_out: *mut usize,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // The copy is made before the envelope is borrowed mutably, so that a HOSO of this very
        // envelope can be appended again.
        // SAFETY: `hoso` is NULL or a live HOSO, per the header.
        let copy = Box::new(
            unsafe { try_ref(hoso) }
                .ok_or_else(|| Error::null("hoso"))?
                .clone(),
        );
        // SAFETY: `envelope` is NULL or a live envelope no other thread uses, per the header.
        let env = unsafe { try_mut(envelope) }.ok_or_else(|| Error::null("envelope"))?;
        env.hosos.push(copy);
        env.header.soluonghoso = Int::new(env.hosos.len() as u64).into();
        env.refresh_header_text();
        if !index_out.is_null() {
            // SAFETY: `index_out` is not NULL and writable, per the header.
            unsafe { write_out(index_out, env.hosos.len() - 1) }?;
        }
        Ok(())
    })
}

/// Writes the envelope as canonical XML (UTF-8, elements in dictionary order, one base64 line per
/// table) into a new buffer the caller frees with `lienthong_bytes_free`. The signature slot is
/// written as it is: sign the result with `lienthong_sign`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_to_xml(
    envelope: *const lienthong_envelope,
    xml_out: *mut *mut lienthong_bytes,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `envelope` is NULL or a live envelope, per the header.
        let env = unsafe { try_ref(envelope) }.ok_or_else(|| Error::null("envelope"))?;
        if xml_out.is_null() {
            return Err(Error::null("xml_out"));
        }
        let xml = env.to_xml()?;
        // SAFETY: `xml_out` is not NULL and writable, per the header.
        unsafe { write_out(xml_out, bytes_handle(xml)) }
    })
}

/// Writes the envelope as JSON (element names as keys, values as strings exactly as in the XML)
/// into a new buffer the caller frees with `lienthong_bytes_free`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_envelope_to_json(
    envelope: *const lienthong_envelope,
    json_out: *mut *mut lienthong_bytes,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `envelope` is NULL or a live envelope, per the header.
        let env = unsafe { try_ref(envelope) }.ok_or_else(|| Error::null("envelope"))?;
        if json_out.is_null() {
            return Err(Error::null("json_out"));
        }
        let text = serde_json::to_vec(&envelope_to_json(&env.to_envelope())).map_err(|e| {
            Error::new(
                lienthong_status::Internal,
                format!("không ghi được JSON: {e}"),
                format!("cannot write JSON: {e}"),
            )
        })?;
        // SAFETY: `json_out` is not NULL and writable, per the header.
        unsafe { write_out(json_out, bytes_handle(text)) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lienthong::gen::{generate, GenOptions};

    #[test]
    fn a_generated_file_reads_and_writes_back_byte_for_byte() {
        let file = generate(&GenOptions {
            hoso: 3,
            seed: 7,
            ..Default::default()
        });
        let cell = parse(&file).unwrap();
        assert_eq!(cell.hosos.len(), 3);
        assert_eq!(cell.header_text[2], "3");
        assert_eq!(cell.to_xml().unwrap(), file);
    }

    #[test]
    fn a_broken_file_gives_a_parse_error_with_its_finding() {
        let e = parse(b"<GIAMDINHHS><BAD/>").unwrap_err();
        assert_eq!(e.status, lienthong_status::Parse);
        assert_eq!(e.findings.len(), 1);
        assert!(e.findings[0].rule.starts_with("parse."));
    }
}
