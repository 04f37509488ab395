//! Writing `GIAMDINHHS` envelopes: streaming, one `HOSO` at a time, in the canonical layout
//! (UTF-8 without BOM, two-space indentation, one standard base64 line per table).

use super::error::WriteError;
use super::table_write::{check_signature, escape_into, write_table};
use super::EnvelopeHeader;
use crate::hoso::{Hoso, TableVisitor};
use crate::record::Record;
use crate::types::is_xml_text;
use base64::Engine;
use std::io::Write;

/// Writes an envelope to `W` one `HOSO` at a time.
#[derive(Debug)]
pub struct EnvelopeWriter<W: Write> {
    out: W,
    doc: String,
    b64: String,
    chunk: String,
    written: usize,
}

fn checked<'a>(element: &'static str, value: &'a str) -> Result<&'a str, WriteError> {
    if is_xml_text(value) {
        Ok(value)
    } else {
        Err(WriteError::InvalidEnvelopeChar { element })
    }
}

fn header_text(h: &EnvelopeHeader) -> Result<String, WriteError> {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<GIAMDINHHS xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n  <THONGTINDONVI>\n",
    );
    let elem = |s: &mut String, indent: &str, name: &str, value: &str| {
        s.push_str(indent);
        s.push('<');
        s.push_str(name);
        if value.is_empty() {
            s.push_str("/>\n");
        } else {
            s.push('>');
            escape_into(s, value);
            s.push_str("</");
            s.push_str(name);
            s.push_str(">\n");
        }
    };
    elem(
        &mut s,
        "    ",
        "MACSKCB",
        checked("MACSKCB", &h.macskcb.wire())?,
    );
    s.push_str("  </THONGTINDONVI>\n  <THONGTINHOSO>\n");
    elem(
        &mut s,
        "    ",
        "NGAYLAP",
        checked("NGAYLAP", &h.ngaylap.wire())?,
    );
    elem(
        &mut s,
        "    ",
        "SOLUONGHOSO",
        checked("SOLUONGHOSO", &h.soluonghoso.wire())?,
    );
    s.push_str("    <DANHSACHHOSO>\n");
    Ok(s)
}

impl<W: Write> EnvelopeWriter<W> {
    /// Writes the header. `SOLUONGHOSO` is written as given in `header` (set it to the number of
    /// `HOSO` you will write; the rule pack checks that it matches).
    pub fn new(mut out: W, header: &EnvelopeHeader) -> Result<Self, WriteError> {
        out.write_all(header_text(header)?.as_bytes())?;
        Ok(EnvelopeWriter {
            out,
            doc: String::new(),
            b64: String::new(),
            chunk: String::new(),
            written: 0,
        })
    }

    /// Writes one `HOSO`: each present table as a `FILEHOSO`, in template order, then the files
    /// kept under unknown `LOAIHOSO` values.
    pub fn write_hoso(&mut self, hoso: &Hoso) -> Result<(), WriteError> {
        self.chunk.clear();
        self.chunk.push_str("      <HOSO>\n");
        let mut v = FileWriter {
            doc: &mut self.doc,
            b64: &mut self.b64,
            out: &mut self.chunk,
            err: None,
        };
        hoso.visit_tables(&mut v);
        if let Some(e) = v.err {
            return Err(e);
        }
        for f in &hoso.other_files {
            let loaihoso = checked("LOAIHOSO", &f.loaihoso)?;
            let content = checked("NOIDUNGFILE", &f.content)?;
            file_element(&mut self.chunk, loaihoso, content);
        }
        self.chunk.push_str("      </HOSO>\n");
        self.out.write_all(self.chunk.as_bytes())?;
        self.written += 1;
        Ok(())
    }

    /// Number of `HOSO` written so far.
    pub fn written(&self) -> usize {
        self.written
    }

    /// Closes the list and writes `CHUKYDONVI` with `signature` as its raw content (empty when
    /// `None`). Returns the output.
    pub fn finish(mut self, signature: Option<&str>) -> Result<W, WriteError> {
        let mut s = String::from("    </DANHSACHHOSO>\n  </THONGTINHOSO>\n");
        match signature {
            Some(sig) if !sig.is_empty() => {
                check_signature(sig)?;
                s.push_str("  <CHUKYDONVI>");
                s.push_str(sig);
                s.push_str("</CHUKYDONVI>\n");
            }
            _ => s.push_str("  <CHUKYDONVI/>\n"),
        }
        s.push_str("</GIAMDINHHS>\n");
        self.out.write_all(s.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn file_element(out: &mut String, loaihoso: &str, content: &str) {
    out.push_str("        <FILEHOSO>\n          <LOAIHOSO>");
    escape_into(out, loaihoso);
    out.push_str("</LOAIHOSO>\n          <NOIDUNGFILE>");
    escape_into(out, content);
    out.push_str("</NOIDUNGFILE>\n        </FILEHOSO>\n");
}

struct FileWriter<'a> {
    doc: &'a mut String,
    b64: &'a mut String,
    out: &'a mut String,
    err: Option<WriteError>,
}

impl TableVisitor for FileWriter<'_> {
    fn visit<R: Record>(&mut self, rows: &[R]) {
        if self.err.is_some() {
            return;
        }
        self.doc.clear();
        if let Err(e) = write_table(rows, None, self.doc) {
            self.err = Some(e);
            return;
        }
        self.b64.clear();
        base64::engine::general_purpose::STANDARD.encode_string(self.doc.as_bytes(), self.b64);
        file_element(self.out, R::TABLE.name(), self.b64);
    }
}

/// Writes one table's rows as a standalone document (the decoded form of a `NOIDUNGFILE`).
pub fn table_document<R: Record>(rows: &[R]) -> Result<String, WriteError> {
    let mut s = String::new();
    write_table(rows, None, &mut s)?;
    Ok(s)
}
