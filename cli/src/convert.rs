//! `lienthong convert`.

use crate::io::{create, open, write_failed};
use crate::{ConvertTo, Failure};
use lienthong::codec::json::{
    assessment_from_json, assessment_to_json, checkin_from_json, checkin_to_json, document_kind,
    envelope_from_json, JsonEnvelopeWriter, TableIdOrEnvelope,
};
use lienthong::codec::{sniff, AssessmentDocument, CheckinDocument, DocumentKind, EnvelopeReader};
use lienthong::record::TableId;
use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;

fn bad(e: impl std::fmt::Display) -> Failure {
    Failure::BadInput(e.to_string())
}

pub fn run(file: &Path, to: ConvertTo, output: Option<&Path>) -> Result<ExitCode, Failure> {
    let mut input = open(file)?;
    let first = input
        .fill_buf()
        .map_err(|e| Failure::CannotRun(format!("cannot read {}: {e}", file.display())))?;
    let is_json = first.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    match (is_json, to) {
        (false, ConvertTo::Json) => xml_to_json(input, output),
        (true, ConvertTo::Xml) => json_to_xml(input, output),
        (false, ConvertTo::Xml) => {
            let mut bytes = Vec::new();
            input
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::CannotRun(e.to_string()))?;
            let canonical = canonical_xml(&bytes)?;
            if canonical != bytes
                && signature_verifies(&bytes) == Some(true)
                && signature_verifies(&canonical) == Some(false)
            {
                warn_signature_broken();
            }
            let mut out = create(output)?;
            out.write_all(&canonical)
                .and_then(|_| out.flush())
                .map_err(write_failed)?;
            Ok(ExitCode::SUCCESS)
        }
        (true, ConvertTo::Json) => Err(Failure::CannotRun("the input is already JSON".into())),
    }
}

/// Whether the document's signature verifies (digests and signature value; the certificate is
/// not judged); `None` when it has none.
fn signature_verifies(xml: &[u8]) -> Option<bool> {
    memchr::memmem::find(xml, b"SignatureValue")?;
    lienthong::sign::verify(xml).ok().map(|v| v.is_valid())
}

/// Converting rewrites the document, and the signature inside no longer matches it.
fn warn_signature_broken() {
    eprintln!(
        "{}",
        crate::sign::both(
            "Cảnh báo: tệp được ghi lại khác tệp đã ký nên chữ ký trong CHUKYDONVI không còn hợp lệ; ký lại bằng `lienthong sign` trước khi gửi",
            "warning: the written file differs from the signed one, so the signature in CHUKYDONVI no longer verifies; sign it again with `lienthong sign` before sending"
        )
    );
}

fn canonical_xml(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    match sniff(bytes) {
        Some(DocumentKind::Checkin) => CheckinDocument::from_bytes(bytes)
            .map_err(bad)?
            .to_bytes()
            .map_err(bad),
        Some(DocumentKind::Assessment) => AssessmentDocument::from_bytes(bytes)
            .map_err(bad)?
            .to_bytes()
            .map_err(bad),
        _ => lienthong::Envelope::from_bytes(bytes)
            .map_err(bad)?
            .to_bytes()
            .map_err(bad),
    }
}

fn xml_to_json(mut input: Box<dyn BufRead>, output: Option<&Path>) -> Result<ExitCode, Failure> {
    let kind = sniff(
        input
            .fill_buf()
            .map_err(|e| Failure::CannotRun(e.to_string()))?,
    );
    let mut out = create(output)?;
    match kind {
        Some(DocumentKind::Checkin) | Some(DocumentKind::Assessment) => {
            let mut bytes = Vec::new();
            input
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::CannotRun(e.to_string()))?;
            let value = if kind == Some(DocumentKind::Checkin) {
                checkin_to_json(&CheckinDocument::from_bytes(&bytes).map_err(bad)?)
            } else {
                assessment_to_json(&AssessmentDocument::from_bytes(&bytes).map_err(bad)?)
            };
            serde_json::to_writer(&mut out, &value).map_err(|e| write_failed(e.into()))?;
            out.write_all(b"\n").map_err(write_failed)?;
        }
        _ => {
            // Stream: one HOSO at a time, so memory stays flat for large files.
            let mut reader = EnvelopeReader::new(input).map_err(bad)?;
            let mut w = JsonEnvelopeWriter::new(&mut out, reader.header()).map_err(write_failed)?;
            for h in &mut reader {
                w.write_hoso(&h.map_err(bad)?).map_err(write_failed)?;
            }
            w.finish(reader.signature()).map_err(write_failed)?;
        }
    }
    out.flush().map_err(write_failed)?;
    Ok(ExitCode::SUCCESS)
}

fn json_to_xml(input: Box<dyn BufRead>, output: Option<&Path>) -> Result<ExitCode, Failure> {
    let value: serde_json::Value =
        serde_json::from_reader(input).map_err(|e| bad(format!("not valid JSON: {e}")))?;
    let bytes = match document_kind(&value) {
        Some(TableIdOrEnvelope::Envelope) => envelope_from_json(&value).map_err(bad)?.to_bytes().map_err(bad)?,
        Some(TableIdOrEnvelope::Table(TableId::Checkin)) => checkin_from_json(&value).map_err(bad)?.to_bytes().map_err(bad)?,
        Some(TableIdOrEnvelope::Table(_)) => assessment_from_json(&value).map_err(bad)?.to_bytes().map_err(bad)?,
        None => return Err(bad("the JSON is not a GIAMDINHHS, CHI_TIEU_TRANG_THAI_KCB or CHI_TIEU_GIAM_DINH_YKHOA document")),
    };
    // A signature carried over from the JSON signs the XML it was made on: it holds only if
    // these are the same bytes.
    if signature_verifies(&bytes) == Some(false) {
        warn_signature_broken();
    }
    let mut out = create(output)?;
    out.write_all(&bytes)
        .and_then(|_| out.flush())
        .map_err(write_failed)?;
    Ok(ExitCode::SUCCESS)
}
