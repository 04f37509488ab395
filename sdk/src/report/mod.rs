//! Validating whole files: the streaming driver behind `lienthong validate` and the bindings, and
//! the JSON report contract.
//!
//! The report is `{"files":[{"path","hoso","issues":[...]}],"summary":{"files","hoso","errors","warnings"}}`;
//! each issue has `rule`, `severity`, `table`, `ma_lk`, `stt`, `field`, `path`, `line`, `column`,
//! `message_vi`, `message_en`, `hint` (Vietnamese) and `hint_en`.

use crate::codec::{
    sniff, AssessmentDocument, CheckinDocument, DocumentKind, EnvelopeReader, Limits, ParseError,
};
use crate::hoso::Hoso;
use crate::validate::{
    check_assessment, check_checkin, check_facility, check_header, check_hoso_with, Finding, Pack,
    RuleConfig, Severity,
};
use serde_json::{json, Value};

pub mod bench;
mod group;
pub mod html;
pub mod junit;
mod parallel;

pub use group::FileReport;
use std::io::BufRead;

impl From<&ParseError> for Finding {
    fn from(e: &ParseError) -> Self {
        let location = e.location();
        let (vi_pos, en_pos) = match e.table_position {
            Some((l, c)) => (
                format!(" (trong bảng: dòng {l}, cột {c})"),
                format!(" (inside the table: line {l}, column {c})"),
            ),
            None => (String::new(), String::new()),
        };
        Finding {
            rule: e.code(),
            severity: Severity::Error,
            table: e.table,
            ma_lk: None,
            stt: None,
            field: None,
            path: if location.is_empty() {
                "GIAMDINHHS".into()
            } else {
                location
            },
            line: Some(e.line),
            column: Some(e.column),
            message_vi: format!("{}{vi_pos}", e.message_vi()),
            message_en: format!("{}{en_pos}", e.message_en()),
            hint_vi: "Sửa cấu trúc tệp XML rồi xuất lại; các HOSO sau lỗi này chưa được kiểm tra"
                .into(),
            hint_en:
                "fix the XML structure and export again; HOSO after this error were not checked"
                    .into(),
        }
    }
}

/// How to validate.
#[derive(Debug, Clone, Default)]
pub struct ValidateOptions {
    /// Reading limits.
    pub limits: Limits,
    /// The rule pack for every `HOSO` (`None`: each `HOSO`'s pack follows its dates).
    pub pack: Option<Pack>,
    /// Severity overrides.
    pub rules: RuleConfig,
    /// Threads that decode and check `HOSO`s of an envelope while it is read (0 or 1: the calling
    /// thread alone). Findings come out in file order whatever the number.
    pub jobs: usize,
}

/// The outcome of validating one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FileSummary {
    /// `HOSO` read (for standalone documents, rows).
    pub hoso: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
}

impl FileSummary {
    fn count(&mut self, f: &Finding) {
        match f.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}

/// Validates one file from `input`, streaming: each finding goes to `sink` as soon as it is found
/// (per `HOSO`, in file order). A structural error becomes a finding and ends the file; findings
/// of the `HOSO` before it are kept. Returns `Err` only when reading the input itself fails.
pub fn validate_reader<R: BufRead>(
    mut input: R,
    options: &ValidateOptions,
    mut sink: impl FnMut(Finding),
) -> std::io::Result<FileSummary> {
    let limits = options.limits;
    let mut sum = FileSummary::default();
    let mut emit = |f: Finding, sum: &mut FileSummary| {
        if let Some(f) = options.rules.apply(f) {
            sum.count(&f);
            sink(f);
        }
    };
    let kind = sniff(input.fill_buf()?);
    match kind {
        Some(DocumentKind::Checkin) | Some(DocumentKind::Assessment) => {
            let mut bytes = Vec::new();
            input.read_to_end(&mut bytes)?;
            let result = if kind == Some(DocumentKind::Checkin) {
                CheckinDocument::from_bytes_with_limits(&bytes, limits)
                    .map(|d| (d.rows.len(), check_checkin(&d)))
            } else {
                AssessmentDocument::from_bytes_with_limits(&bytes, limits)
                    .map(|d| (d.rows.len(), check_assessment(&d)))
            };
            match result {
                Ok((rows, findings)) => {
                    sum.hoso = rows;
                    findings.into_iter().for_each(|f| emit(f, &mut sum));
                }
                Err(e) => emit(Finding::from(&e), &mut sum),
            }
        }
        _ => match EnvelopeReader::with_limits(input, limits) {
            Err(e) => emit(Finding::from(&e), &mut sum),
            Ok(mut reader) => {
                for n in reader.notices().to_vec() {
                    emit(n.to_finding(None, None), &mut sum);
                }
                let header = reader.header().clone();
                let check = |h: &Hoso| -> Vec<Finding> {
                    let mut out = check_hoso_with(h, options.pack);
                    out.extend(check_facility(&header, h));
                    out
                };
                let mut on_item = |item: Result<Vec<Finding>, ParseError>| match item {
                    Ok(findings) => {
                        sum.hoso += 1;
                        findings.into_iter().for_each(|f| emit(f, &mut sum));
                        Ok(true)
                    }
                    Err(e) => {
                        if let crate::codec::ErrorKind::Io(msg) = &e.kind {
                            return Err(std::io::Error::other(msg.clone()));
                        }
                        emit(Finding::from(&e), &mut sum);
                        Ok(false)
                    }
                };
                let complete = if options.jobs > 1 {
                    parallel::run(&mut reader, limits, options.jobs, &check, &mut on_item)?
                } else {
                    let mut complete = true;
                    for item in &mut reader {
                        complete &= on_item(item.map(|h| check(&h)))?;
                    }
                    complete
                };
                // The header is checked once the HOSO count is known (not after a structural error,
                // where the count would be misleading).
                if complete {
                    check_header(reader.header(), reader.hoso_read())
                        .into_iter()
                        .for_each(|f| emit(f, &mut sum));
                }
            }
        },
    }
    Ok(sum)
}

/// One finding as a JSON object of the report contract.
pub fn finding_json(f: &Finding) -> Value {
    json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "table": f.table.map_or("GIAMDINHHS", |t| t.name()),
        "ma_lk": f.ma_lk,
        "stt": f.stt,
        "field": f.field,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "message_vi": f.message_vi,
        "message_en": f.message_en,
        "hint": f.hint_vi,
        "hint_en": f.hint_en,
    })
}

#[cfg(test)]
mod tests;
