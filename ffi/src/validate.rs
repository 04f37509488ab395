//! Validation: `lienthong_validator` (rule pack, rule overrides, log callback), the
//! `lienthong_report` it produces, and `lienthong_finding`, one problem found.

use crate::envelope::lienthong_envelope;
use crate::error::{lienthong_error, lienthong_status, Error};
use crate::ffi::{
    boundary, boundary_or, bytes_arg, bytes_handle, free_boxed, lienthong_bytes, lienthong_str,
    opt_str_arg, str_arg, to_boxed_ptr, to_ptr, try_mut, try_ref, write_out, Castable,
};
use crate::log::{lienthong_log_callback, lienthong_log_level, log, Logger};
use lienthong::report::{finding_json, validate_reader, FileSummary, ValidateOptions};
use lienthong::validate::{Finding, Pack, RuleConfig, Severity};
use std::ffi::{c_char, c_void};

/// The Rust side of `lienthong_validator`.
#[derive(Debug, Default)]
pub(crate) struct Validator {
    options: ValidateOptions,
    logger: Option<Logger>,
}

impl Validator {
    /// Validates one document, streamed from `input` (`what` names it in the log).
    fn run(&self, input: impl std::io::BufRead, what: &str) -> Result<Report, Error> {
        log(&self.logger, lienthong_log_level::Info, || {
            format!("validating {what}")
        });
        let mut findings = Vec::new();
        let summary = validate_reader(input, &self.options, |f| {
            log(&self.logger, lienthong_log_level::Debug, || f.to_string());
            findings.push(f);
        })
        .map_err(|e| Error::io("the input", &e))?;
        log(&self.logger, lienthong_log_level::Info, || {
            format!(
                "{} HOSO, {} error(s), {} warning(s)",
                summary.hoso, summary.errors, summary.warnings
            )
        });
        Ok(Report { summary, findings })
    }
}

/// How to validate: the rule pack, severity overrides from a rules file, and a log callback.
///
/// Owned by the caller; free it with `lienthong_validator_free`. Configure it first; after that it
/// may validate from several threads at once (the log callback must then be thread-safe).
#[derive(Debug)]
pub struct lienthong_validator {
    _private: [u8; 0],
}

impl Castable for lienthong_validator {
    type Rust = Validator;
}

/// A validator with the defaults: each `HOSO`'s rule pack follows its dates, no overrides, no log.
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_new(
    validator_out: *mut *mut lienthong_validator,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        if validator_out.is_null() {
            return Err(Error::null("validator_out"));
        }
        // SAFETY: `validator_out` is not NULL and writable, per the header.
        unsafe {
            write_out(
                validator_out,
                to_boxed_ptr::<lienthong_validator>(Validator::default()),
            )
        }
    })
}

/// Frees a validator. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_free(validator: *mut lienthong_validator) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a validator it owns and no longer uses.
        unsafe { free_boxed(validator) }
    })
}

fn validator_mut<'a>(v: *mut lienthong_validator) -> Result<&'a mut Validator, Error> {
    // SAFETY: callers pass their argument through; the header requires NULL or a live validator
    // no other thread uses.
    unsafe { try_mut(v) }.ok_or_else(|| Error::null("validator"))
}

/// Applies one rule pack to every `HOSO`: `"130"`, `"4750"` or `"3176"` (a `QD` prefix is
/// accepted). NULL goes back to the default (each `HOSO`'s pack follows its dates). An unknown name
/// gives `LIENTHONG_STATUS_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_set_pack(
    validator: *mut lienthong_validator,
    pack: *const c_char,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        let v = validator_mut(validator)?;
        // SAFETY: `pack` is NULL or a C string, per the header.
        v.options.pack = match unsafe { opt_str_arg(pack, "pack") }? {
            None => None,
            Some(p) => Some(Pack::from_name(p).ok_or_else(|| {
                Error::new(
                    lienthong_status::InvalidArgument,
                    "gói quy tắc không hợp lệ: dùng 130, 4750 hoặc 3176",
                    "unknown rule pack: use 130, 4750 or 3176",
                )
            })?),
        };
        Ok(())
    })
}

/// Sets severity overrides from the text of a rules file (TOML, `[severity] "icd.age" = "error"`;
/// values `error`, `warning`, `off`). NULL removes every override. A file that cannot be used
/// (unknown rule id, bad value) gives `LIENTHONG_STATUS_RULES_CONFIG` and changes nothing.
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_set_rules_toml(
    validator: *mut lienthong_validator,
    toml: *const c_char,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        let v = validator_mut(validator)?;
        // SAFETY: `toml` is NULL or a C string, per the header.
        v.options.rules = match unsafe { opt_str_arg(toml, "toml") }? {
            None => RuleConfig::default(),
            Some(text) => RuleConfig::from_toml(text).map_err(|e| {
                Error::new(
                    lienthong_status::RulesConfig,
                    format!("tệp quy tắc không dùng được: {}", e.0),
                    e.to_string(),
                )
            })?,
        };
        Ok(())
    })
}

/// Sets how many threads decode and check the `HOSO` of one file (0 or 1: the calling thread
/// alone). Findings come out in file order whatever the number.
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_set_jobs(
    validator: *mut lienthong_validator,
    jobs: usize,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        validator_mut(validator)?.options.jobs = jobs;
        Ok(())
    })
}

/// Sets the log callback (NULL: no logging) and the most detailed level passed to it. `user` is
/// handed back to every call; it must stay valid while the validator lives.
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_set_log(
    validator: *mut lienthong_validator,
    callback: lienthong_log_callback,
    user: *mut c_void,
    max_level: lienthong_log_level,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        validator_mut(validator)?.logger = Logger::new(callback, user, max_level);
        Ok(())
    })
}

fn give_report(report: Report, out: *mut *mut lienthong_report) -> Result<(), Error> {
    // SAFETY: `out` is NULL or writable, per the header of every caller.
    unsafe { write_out(out, to_boxed_ptr::<lienthong_report>(report)) }
}

/// Validates a document (a `GIAMDINHHS` envelope, a check-in or an XML12 document) held in `len`
/// bytes at `data`. Problems in the file are findings in the report, not errors: the status says
/// only whether validation could run. A structural error is one finding (`parse.*`) and ends the
/// file.
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_validate(
    validator: *const lienthong_validator,
    data: *const u8,
    len: usize,
    report_out: *mut *mut lienthong_report,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `validator` is NULL or a live validator, per the header.
        let v = unsafe { try_ref(validator) }.ok_or_else(|| Error::null("validator"))?;
        // SAFETY: `data` is NULL or valid for `len` bytes, per the header.
        let bytes = unsafe { bytes_arg(data, len, "data") }?;
        if report_out.is_null() {
            return Err(Error::null("report_out"));
        }
        let what = format!("{} bytes", bytes.len());
        give_report(v.run(bytes, &what)?, report_out)
    })
}

/// Validates the file at `path` (UTF-8), as `lienthong_validator_validate`, reading it as a stream
/// (memory stays flat for files of any size). A file that cannot be read gives
/// `LIENTHONG_STATUS_IO`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_validate_path(
    validator: *const lienthong_validator,
    path: *const c_char,
    report_out: *mut *mut lienthong_report,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `validator` is NULL or a live validator, per the header.
        let v = unsafe { try_ref(validator) }.ok_or_else(|| Error::null("validator"))?;
        // SAFETY: `path` is NULL or a C string, per the header.
        let path = unsafe { str_arg(path, "path") }?;
        if report_out.is_null() {
            return Err(Error::null("report_out"));
        }
        // Streamed: memory stays flat however large the file is.
        let file = std::fs::File::open(path).map_err(|e| Error::io("the file", &e))?;
        let input = std::io::BufReader::with_capacity(1 << 16, file);
        give_report(v.run(input, "a file")?, report_out)
    })
}

/// Validates an envelope in memory (as written by `lienthong_envelope_to_xml`, so lines and
/// columns refer to that canonical form).
#[no_mangle]
pub unsafe extern "C" fn lienthong_validator_validate_envelope(
    validator: *const lienthong_validator,
    envelope: *const lienthong_envelope,
    report_out: *mut *mut lienthong_report,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `validator` is NULL or a live validator, per the header.
        let v = unsafe { try_ref(validator) }.ok_or_else(|| Error::null("validator"))?;
        // SAFETY: `envelope` is NULL or a live envelope, per the header.
        let env = unsafe { try_ref(envelope) }.ok_or_else(|| Error::null("envelope"))?;
        if report_out.is_null() {
            return Err(Error::null("report_out"));
        }
        let xml = env.to_xml()?;
        give_report(v.run(&xml[..], "an envelope in memory")?, report_out)
    })
}

/// The Rust side of `lienthong_report`.
#[derive(Debug)]
pub(crate) struct Report {
    summary: FileSummary,
    findings: Vec<Finding>,
}

/// The outcome of validating one file: counts and every finding, in file order.
///
/// Owned by the caller; free it with `lienthong_report_free`. Immutable: it may be read from several
/// threads at once.
#[derive(Debug)]
pub struct lienthong_report {
    _private: [u8; 0],
}

impl Castable for lienthong_report {
    type Rust = Report;
}

/// `HOSO` read (rows, for a check-in or XML12 document). 0 for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_report_hoso(report: *const lienthong_report) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live report.
        unsafe { try_ref(report) }.map_or(0, |r| r.summary.hoso)
    })
}

/// The number of error findings. 0 for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_report_errors(report: *const lienthong_report) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live report.
        unsafe { try_ref(report) }.map_or(0, |r| r.summary.errors)
    })
}

/// The number of warning findings. 0 for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_report_warnings(report: *const lienthong_report) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live report.
        unsafe { try_ref(report) }.map_or(0, |r| r.summary.warnings)
    })
}

/// The number of findings. 0 for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_report_finding_count(report: *const lienthong_report) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live report.
        unsafe { try_ref(report) }.map_or(0, |r| r.findings.len())
    })
}

/// Finding `index` (from 0), borrowed: valid until the report is freed. NULL when out of range.
#[no_mangle]
pub unsafe extern "C" fn lienthong_report_finding(
    report: *const lienthong_report,
    index: usize,
) -> *const lienthong_finding {
    boundary_or(std::ptr::null(), || {
        // SAFETY: the caller passes NULL or a live report.
        unsafe { try_ref(report) }
            .and_then(|r| r.findings.get(index))
            .map_or(std::ptr::null(), to_ptr::<lienthong_finding>)
    })
}

/// The findings as a JSON array of objects with the keys of the `lienthong validate --format json`
/// report (`rule`, `severity`, `table`, `ma_lk`, `stt`, `field`, `path`, `line`, `column`,
/// `message_vi`, `message_en`, `hint`, `hint_en`), in a new buffer freed with
/// `lienthong_bytes_free`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_report_to_json(
    report: *const lienthong_report,
    json_out: *mut *mut lienthong_bytes,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `report` is NULL or a live report, per the header.
        let r = unsafe { try_ref(report) }.ok_or_else(|| Error::null("report"))?;
        if json_out.is_null() {
            return Err(Error::null("json_out"));
        }
        let list: Vec<_> = r.findings.iter().map(finding_json).collect();
        let text = serde_json::to_vec(&list).map_err(|e| {
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

/// Frees a report and its findings. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_report_free(report: *mut lienthong_report) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a report it owns and no longer uses.
        unsafe { free_boxed(report) }
    })
}

/// One problem found: a stable rule id, a severity, where it is, and what it is in Vietnamese and
/// English. Messages never contain patient values.
///
/// Always borrowed from a `lienthong_report` or a `lienthong_error`: valid until that is freed;
/// never free it. Immutable: it may be read from several threads at once.
#[derive(Debug)]
pub struct lienthong_finding {
    _private: [u8; 0],
}

impl Castable for lienthong_finding {
    type Rust = Finding;
}

/// How serious a finding is.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum lienthong_severity {
    /// The gateway rejects the file or cuts the claim.
    Error = 1,
    /// Suspicious or non-standard, but accepted.
    Warning = 2,
}

/// The severity (`LIENTHONG_SEVERITY_ERROR` for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_severity(
    finding: *const lienthong_finding,
) -> lienthong_severity {
    boundary_or(lienthong_severity::Error, || {
        // SAFETY: the caller passes NULL or a live finding.
        match unsafe { try_ref(finding) }.map(|f| f.severity) {
            Some(Severity::Warning) => lienthong_severity::Warning,
            _ => lienthong_severity::Error,
        }
    })
}

/// Line of the finding in its document (the table document for table findings, the envelope for
/// envelope findings); 0 when unknown.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_line(finding: *const lienthong_finding) -> u32 {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live finding.
        unsafe { try_ref(finding) }
            .and_then(|f| f.line)
            .unwrap_or(0)
    })
}

/// Column of the finding; 0 when unknown.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_column(finding: *const lienthong_finding) -> u32 {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live finding.
        unsafe { try_ref(finding) }
            .and_then(|f| f.column)
            .unwrap_or(0)
    })
}

/// A view of one string of a finding (empty for NULL), behind the panic boundary.
fn finding_view(finding: Option<&Finding>, get: impl FnOnce(&Finding) -> &str) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        finding.map_or(lienthong_str::empty(), |f| lienthong_str::from_str(get(f)))
    })
}

/// The stable rule id (`field.required`, `money.line_total`, `parse.syntax` ...).
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_rule(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| f.rule)
}
/// `error` or `warning`.
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_severity_name(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| f.severity.as_str())
}
/// The table (`XML1` ...), or `GIAMDINHHS` for the envelope itself.
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_table(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| {
        f.table.map_or("GIAMDINHHS", |t| t.name())
    })
}
/// `MA_LK` of the episode; empty when unknown.
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_ma_lk(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| {
        f.ma_lk.as_deref().unwrap_or("")
    })
}
/// `STT` of the row; empty when the table has none.
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_stt(finding: *const lienthong_finding) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| {
        f.stt.as_deref().unwrap_or("")
    })
}
/// The element, when the finding is about one; empty otherwise.
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_field(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| {
        f.field.as_deref().unwrap_or("")
    })
}
/// The path, such as `HOSO[2]/XML3[5]/THANH_TIEN_BV` (indices from 1).
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_path(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| &f.path)
}
/// The message in Vietnamese.
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_message_vi(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| &f.message_vi)
}
/// The message in English.
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_message_en(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| &f.message_en)
}
/// How to fix it, in Vietnamese (may be empty).
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_hint_vi(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| &f.hint_vi)
}
/// How to fix it, in English (may be empty).
///
/// Valid until the report or error holding the finding is freed; empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_finding_hint_en(
    finding: *const lienthong_finding,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live finding.
    finding_view(unsafe { try_ref(finding) }, |f| &f.hint_en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lienthong::gen::{generate, GenOptions};

    #[test]
    fn a_generated_file_is_clean_and_a_broken_one_has_a_parse_finding() {
        let v = Validator::default();
        let file = generate(&GenOptions {
            hoso: 2,
            seed: 3,
            ..Default::default()
        });
        let r = v.run(&file[..], "test").unwrap();
        assert_eq!((r.summary.hoso, r.summary.errors), (2, 0));
        let r = v.run(&b"<GIAMDINHHS>"[..], "test").unwrap();
        assert_eq!(r.summary.errors, 1);
        assert!(r.findings[0].rule.starts_with("parse."));
    }
}
