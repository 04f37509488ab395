//! Reading and writing QĐ 130 files: the `GIAMDINHHS` envelope (streamed one `HOSO` at a time),
//! the table documents inside it, and the standalone check-in and XML12 documents.
//!
//! - Reading accepts what real files contain and says so: inner documents with or without an XML
//!   declaration, a UTF-8 byte-order mark, CDATA or escaped text, empty elements for absent
//!   values, inline XML instead of base64, line-wrapped base64. Each of these becomes a
//!   [`Notice`] (a warning), never silence. Non-UTF-8 input is an error, and decomposed (NFD)
//!   text is reported by the field rules; nothing is rewritten.
//! - Reading refuses `DOCTYPE` and enforces [`Limits`]; it never panics. The first structural
//!   problem stops the reader with a [`ParseError`] naming the `HOSO`, the table, the element, and
//!   the line and column; `HOSO`s already yielded stay valid.
//! - Writing produces the canonical form: elements in dictionary order, UTF-8 without BOM, one
//!   standard base64 line per table. A canonical file reads and writes back byte for byte.

mod envelope_read;
mod envelope_write;
mod error;
mod hoso_decode;
pub mod json;
mod limits;
mod standalone;
mod table_read;
mod table_write;
#[cfg(test)]
mod tests;

pub use envelope_read::EnvelopeReader;
pub use envelope_write::{table_document, EnvelopeWriter};
pub use error::{ErrorKind, ParseError, WriteError};
pub(crate) use hoso_decode::decode_content;
#[cfg(test)]
pub(crate) use hoso_decode::{decode_base64, BASE64};
pub use hoso_decode::{HosoDecoder, RawHoso};
pub use limits::Limits;
pub use standalone::{AssessmentDocument, CheckinDocument};

use crate::hoso::Hoso;
use crate::record::TableId;
use crate::types::{Date, FacilityCode, Field, Int};
use crate::validate::{Finding, Severity};

/// Reads one table document (the decoded content of a `NOIDUNGFILE`) into its records: one
/// record for a flat table, every row for a list table.
pub fn parse_table<R: crate::record::Record>(
    doc: &[u8],
    limits: Limits,
) -> Result<Vec<R>, ParseError> {
    table_read::read_table::<R>(doc, &limits)
        .map(|t| t.rows)
        .map_err(|e| {
            let (l, c) = e.position(doc);
            let mut err = ParseError::new(e.kind, l, c);
            err.table = Some(R::TABLE);
            err
        })
}

/// Which document a file holds, from its root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A `GIAMDINHHS` claim envelope.
    Envelope,
    /// A check-in document (`CHI_TIEU_TRANG_THAI_KCB`).
    Checkin,
    /// An XML12 document (`CHI_TIEU_GIAM_DINH_YKHOA`).
    Assessment,
}

/// Finds the root element of an XML document from its first bytes (skipping a BOM, the XML
/// declaration, comments, processing instructions and whitespace).
pub fn sniff(prefix: &[u8]) -> Option<DocumentKind> {
    let mut s = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    loop {
        s = &s[s.iter().position(|b| !b.is_ascii_whitespace())?..];
        if s.starts_with(b"<?") {
            s = &s[memchr::memmem::find(s, b"?>")? + 2..];
        } else if s.starts_with(b"<!--") {
            s = &s[memchr::memmem::find(s, b"-->")? + 3..];
        } else if let Some(rest) = s.strip_prefix(b"<") {
            let end = rest
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')?;
            return match &rest[..end] {
                b"GIAMDINHHS" => Some(DocumentKind::Envelope),
                b"CHI_TIEU_TRANG_THAI_KCB" => Some(DocumentKind::Checkin),
                b"CHI_TIEU_GIAM_DINH_YKHOA" => Some(DocumentKind::Assessment),
                _ => None,
            };
        } else {
            return None;
        }
    }
}

/// The header of a `GIAMDINHHS` envelope.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnvelopeHeader {
    /// `MACSKCB`: the sending facility.
    pub macskcb: Field<FacilityCode>,
    /// `NGAYLAP`: the date the file was made.
    pub ngaylap: Field<Date>,
    /// `SOLUONGHOSO`: the number of `HOSO` (as stated in the file).
    pub soluonghoso: Field<Int>,
}

impl EnvelopeHeader {
    /// A header for `count` episodes of facility `macskcb`, made on `ngaylap`.
    pub fn new(macskcb: FacilityCode, ngaylap: Date, count: u64) -> Self {
        EnvelopeHeader {
            macskcb: macskcb.into(),
            ngaylap: ngaylap.into(),
            soluonghoso: Int::new(count).into(),
        }
    }
}

/// Something non-standard the reader accepted, reported as a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What was noticed.
    pub kind: NoticeKind,
    /// The table concerned, if any.
    pub table: Option<TableId>,
    /// Line in the envelope (of the `FILEHOSO`, for table notices).
    pub line: u32,
    /// Column in the envelope.
    pub column: u32,
}

/// Kinds of [`Notice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoticeKind {
    /// The file starts with a UTF-8 byte-order mark.
    Bom,
    /// A table document starts with a UTF-8 byte-order mark.
    TableBom,
    /// `NOIDUNGFILE` holds the table as inline XML instead of base64.
    InlineXml,
    /// `NOIDUNGFILE` base64 contains line breaks or spaces.
    Base64Whitespace,
    /// A list table with no rows.
    EmptyTable,
}

impl Notice {
    /// The rule id of the warning this notice becomes.
    pub fn rule(&self) -> &'static str {
        match self.kind {
            NoticeKind::Bom => "doc.bom",
            NoticeKind::TableBom => "doc.table_bom",
            NoticeKind::InlineXml => "doc.inline_xml",
            NoticeKind::Base64Whitespace => "doc.base64_whitespace",
            NoticeKind::EmptyTable => "doc.empty_table",
        }
    }

    /// The notice as a warning finding for `HOSO` number `hoso` (1-based) of episode `ma_lk`.
    pub fn to_finding(&self, hoso: Option<usize>, ma_lk: Option<&str>) -> Finding {
        let (vi, en, hint_vi, hint_en) = match self.kind {
            NoticeKind::Bom => (
                "Tệp bắt đầu bằng ký tự BOM của UTF-8",
                "the file starts with a UTF-8 byte-order mark",
                "Xuất tệp UTF-8 không có BOM",
                "export UTF-8 without a byte-order mark",
            ),
            NoticeKind::TableBom => (
                "Nội dung bảng bắt đầu bằng ký tự BOM của UTF-8",
                "the table document starts with a UTF-8 byte-order mark",
                "Mã hóa base64 nội dung UTF-8 không có BOM",
                "base64-encode the table as UTF-8 without a byte-order mark",
            ),
            NoticeKind::InlineXml => (
                "NOIDUNGFILE chứa XML trực tiếp thay vì chuỗi base64",
                "NOIDUNGFILE holds inline XML instead of base64",
                "Mã hóa nội dung bảng bằng base64 trước khi đưa vào NOIDUNGFILE",
                "base64-encode the table document before putting it in NOIDUNGFILE",
            ),
            NoticeKind::Base64Whitespace => (
                "Chuỗi base64 trong NOIDUNGFILE có xuống dòng hoặc khoảng trắng",
                "the base64 text of NOIDUNGFILE contains line breaks or spaces",
                "Ghi base64 trên một dòng, không xuống dòng",
                "write the base64 text on one line without breaks",
            ),
            NoticeKind::EmptyTable => (
                "Bảng không có dòng dữ liệu nào",
                "the table has no rows",
                "Bỏ FILEHOSO của bảng không có dữ liệu",
                "leave out the FILEHOSO of a table without rows",
            ),
        };
        let mut path = hoso
            .map(|h| format!("HOSO[{h}]"))
            .unwrap_or_else(|| "GIAMDINHHS".into());
        if let Some(t) = self.table {
            path.push('/');
            path.push_str(t.name());
        }
        Finding {
            rule: self.rule(),
            severity: Severity::Warning,
            table: self.table,
            ma_lk: ma_lk.map(str::to_owned),
            stt: None,
            field: None,
            path,
            line: Some(self.line),
            column: Some(self.column),
            message_vi: vi.into(),
            message_en: en.into(),
            hint_vi: hint_vi.into(),
            hint_en: hint_en.into(),
        }
    }
}

/// A whole envelope in memory (for building files in code and for small files; use
/// [`EnvelopeReader`] to stream large ones).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Envelope {
    /// The header.
    pub header: EnvelopeHeader,
    /// The episodes.
    pub hosos: Vec<Hoso>,
    /// Raw content of `CHUKYDONVI` (`None` when the element is missing; `Some("")` when empty).
    pub signature: Option<String>,
    /// Observations about the envelope itself.
    pub notices: Vec<Notice>,
}

impl Envelope {
    /// An unsigned envelope of `hosos` from facility `macskcb`, made on `ngaylap`.
    pub fn new(macskcb: FacilityCode, ngaylap: Date, hosos: Vec<Hoso>) -> Self {
        let header = EnvelopeHeader::new(macskcb, ngaylap, hosos.len() as u64);
        Envelope {
            header,
            hosos,
            signature: Some(String::new()),
            notices: Vec::new(),
        }
    }

    /// Reads a whole envelope.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ParseError> {
        Self::from_bytes_with_limits(bytes, Limits::default())
    }

    /// Reads a whole envelope with explicit limits.
    pub fn from_bytes_with_limits(bytes: &[u8], limits: Limits) -> Result<Self, ParseError> {
        let mut r = EnvelopeReader::with_limits(bytes, limits)?;
        let hosos = (&mut r).collect::<Result<Vec<_>, _>>()?;
        Ok(Envelope {
            header: r.header().clone(),
            hosos,
            signature: r.signature().map(str::to_owned),
            notices: r.notices().to_vec(),
        })
    }

    /// Writes the envelope in canonical form.
    pub fn to_bytes(&self) -> Result<Vec<u8>, WriteError> {
        let mut w = EnvelopeWriter::new(Vec::new(), &self.header)?;
        for h in &self.hosos {
            w.write_hoso(h)?;
        }
        w.finish(self.signature.as_deref())
    }
}
