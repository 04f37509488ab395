//! Running the suite over a vendor's output folder: one result per case.
//!
//! A case passes when the vendor's `<ID>.xml`:
//! 1. parses (else the result is **error**; a missing file is **skip**);
//! 2. has no error finding under the case's rule pack (warnings are listed, never fail);
//! 3. carries a valid XMLDSig signature over the whole document when the case requires one (a
//!    non-empty `CHUKYDONVI` is verified in every case; the certificate's validity period is not
//!    judged, since certification runs with test certificates);
//! 4. matches the reference field for field ([`crate::compare`]).

use crate::case::Case;
use crate::compare::{self, Difference};
use lienthong::report::{validate_reader, ValidateOptions};
use lienthong::validate::Severity;
use serde::Serialize;
use std::path::Path;

/// The result of one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every check passed.
    Pass,
    /// The file was read and a check failed.
    Fail,
    /// The vendor produced no file for the case.
    Skip,
    /// The file cannot be read or parsed.
    Error,
}

impl Status {
    /// `pass`, `fail`, `skip`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Skip => "skip",
            Status::Error => "error",
        }
    }
}

/// Why a case did not pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum Problem {
    /// The file is missing.
    Missing {
        /// The path looked at.
        path: String,
    },
    /// The file cannot be read or parsed.
    Unreadable {
        /// In Vietnamese.
        message_vi: String,
        /// In English.
        message_en: String,
    },
    /// An error finding of the rule pack.
    Rule {
        /// Rule id.
        rule: String,
        /// Where (`HOSO[1]/XML3[2]/THANH_TIEN_BV`).
        path: String,
        /// In Vietnamese.
        message_vi: String,
        /// In English.
        message_en: String,
    },
    /// The signature is missing or invalid.
    Signature {
        /// In Vietnamese.
        message_vi: String,
        /// In English.
        message_en: String,
    },
    /// A difference from the reference.
    Diff(Difference),
}

impl Problem {
    /// One line of English.
    pub fn line_en(&self) -> String {
        match self {
            Problem::Missing { path } => format!("missing: {path}"),
            Problem::Unreadable { message_en, .. } => format!("unreadable: {message_en}"),
            Problem::Rule {
                rule,
                path,
                message_en,
                ..
            } => format!("rule {rule} at {path}: {message_en}"),
            Problem::Signature { message_en, .. } => format!("signature: {message_en}"),
            Problem::Diff(d) => format!("diff: {d}"),
        }
    }

    /// One line of Vietnamese.
    pub fn line_vi(&self) -> String {
        match self {
            Problem::Missing { path } => format!("không có tệp: {path}"),
            Problem::Unreadable { message_vi, .. } => format!("không đọc được: {message_vi}"),
            Problem::Rule {
                rule,
                path,
                message_vi,
                ..
            } => format!("quy tắc {rule} tại {path}: {message_vi}"),
            Problem::Signature { message_vi, .. } => format!("chữ ký số: {message_vi}"),
            Problem::Diff(d) => {
                let (vi, _) = d.kind.describe();
                let mut s = format!("khác bản mẫu: {}", d.table);
                for (k, v) in [("MA_LK", &d.ma_lk), ("STT", &d.stt)] {
                    if let Some(v) = v {
                        s.push_str(&format!(" {k}={v}"));
                    }
                }
                if let Some(e) = &d.element {
                    s.push_str(&format!(" {e}"));
                }
                s.push_str(&format!(": {vi}"));
                if let Some(x) = &d.expected {
                    s.push_str(&format!(", cần {x:?}"));
                }
                if let Some(a) = &d.actual {
                    s.push_str(&format!(", nhận {a:?}"));
                }
                s
            }
        }
    }
}

/// The result of one case.
#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    /// Case id.
    pub id: String,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
    /// Rule pack (`130`, `4750`, `3176`).
    pub pack: String,
    /// Whether a signature was required.
    pub signature_required: bool,
    /// The outcome.
    pub status: Status,
    /// Why it did not pass (empty for a pass).
    pub problems: Vec<Problem>,
    /// Warning findings of the rule pack (they do not fail a case).
    pub warnings: Vec<String>,
}

/// The results of a run.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    /// Suite version.
    pub suite_version: String,
    /// Lienthong version.
    pub lienthong_version: String,
    /// Rule packs used (each case names its own).
    pub rule_packs: String,
    /// One result per case, in id order.
    pub cases: Vec<CaseResult>,
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Totals {
    /// Cases run.
    pub cases: usize,
    /// Passed.
    pub pass: usize,
    /// Failed.
    pub fail: usize,
    /// Skipped (no file).
    pub skip: usize,
    /// Unreadable.
    pub error: usize,
}

impl RunReport {
    /// The counts.
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            cases: self.cases.len(),
            ..Default::default()
        };
        for c in &self.cases {
            match c.status {
                Status::Pass => t.pass += 1,
                Status::Fail => t.fail += 1,
                Status::Skip => t.skip += 1,
                Status::Error => t.error += 1,
            }
        }
        t
    }

    /// Whether every case passed (the exit status is 0 only then).
    pub fn all_passed(&self) -> bool {
        !self.cases.is_empty() && self.cases.iter().all(|c| c.status == Status::Pass)
    }
}

fn signature_problem(bytes: &[u8], required: bool) -> Option<Problem> {
    let bad = |vi: String, en: String| {
        Some(Problem::Signature {
            message_vi: vi,
            message_en: en,
        })
    };
    match lienthong::sign::verify(bytes) {
        Ok(v) if v.is_valid() && v.covers_whole_document() => None,
        Ok(v) if !v.is_valid() => bad(
            "chữ ký không hợp lệ (mã băm hoặc giá trị chữ ký sai: tệp đã bị sửa sau khi ký?)".into(),
            "the signature is not valid (a digest or the signature value does not check out: was the file changed after signing?)".into(),
        ),
        Ok(_) => bad(
            "chữ ký không bao toàn bộ tài liệu (cần Reference URI=\"\" với enveloped-signature)".into(),
            "the signature does not cover the whole document (Reference URI=\"\" with enveloped-signature needed)".into(),
        ),
        Err(lienthong::sign::VerifyError::NoSignature) if !required => None,
        Err(e) => bad(
            format!("thiếu chữ ký số hợp lệ trong CHUKYDONVI ({})", e.message_vi()),
            format!("no valid signature in CHUKYDONVI ({e})"),
        ),
    }
}

/// Checks the vendor's bytes for `case`.
pub fn check_case(case: &Case, vendor: &[u8]) -> CaseResult {
    let mut result = CaseResult {
        id: case.meta.id.clone(),
        title_vi: case.meta.title_vi.clone(),
        title_en: case.meta.title_en.clone(),
        pack: case.meta.pack.clone(),
        signature_required: case.meta.signature_required,
        status: Status::Pass,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let actual = match compare::parse(vendor) {
        Ok(v) => v,
        Err(u) => {
            result.status = Status::Error;
            result.problems.push(Problem::Unreadable {
                message_vi: u.vi,
                message_en: u.en,
            });
            return result;
        }
    };
    let options = ValidateOptions {
        pack: Some(case.pack()),
        ..Default::default()
    };
    let mut findings = Vec::new();
    let read = validate_reader(vendor, &options, |f| findings.push(f));
    if let Err(e) = read {
        result.status = Status::Error;
        result.problems.push(Problem::Unreadable {
            message_vi: e.to_string(),
            message_en: e.to_string(),
        });
        return result;
    }
    for f in findings {
        match f.severity {
            Severity::Error => result.problems.push(Problem::Rule {
                rule: f.rule.to_string(),
                path: f.path.clone(),
                message_vi: f.message_vi.clone(),
                message_en: f.message_en.clone(),
            }),
            Severity::Warning => result.warnings.push(f.to_string()),
        }
    }
    if let Some(p) = signature_problem(vendor, case.meta.signature_required) {
        result.problems.push(p);
    }
    match compare::parse(case.expected_xml.as_bytes()) {
        Ok(expected) => result.problems.extend(
            compare::diff(&expected, &actual)
                .into_iter()
                .map(Problem::Diff),
        ),
        Err(u) => result.problems.push(Problem::Unreadable {
            message_vi: format!("bản mẫu của bộ kiểm thử: {}", u.vi),
            message_en: format!("the suite's reference: {}", u.en),
        }),
    }
    if !result.problems.is_empty() {
        result.status = Status::Fail;
    }
    result
}

/// Runs `cases` over the vendor's folder (`<dir>/<ID>.xml`).
pub fn run_dir(cases: &[Case], dir: &Path) -> RunReport {
    let results = cases
        .iter()
        .map(|case| {
            let path = dir.join(format!("{}.xml", case.id()));
            match std::fs::read(&path) {
                Ok(bytes) => check_case(case, &bytes),
                Err(e) => {
                    let missing = e.kind() == std::io::ErrorKind::NotFound;
                    CaseResult {
                        id: case.meta.id.clone(),
                        title_vi: case.meta.title_vi.clone(),
                        title_en: case.meta.title_en.clone(),
                        pack: case.meta.pack.clone(),
                        signature_required: case.meta.signature_required,
                        status: if missing { Status::Skip } else { Status::Error },
                        problems: vec![if missing {
                            Problem::Missing {
                                path: path.display().to_string(),
                            }
                        } else {
                            Problem::Unreadable {
                                message_vi: format!("{}: {e}", path.display()),
                                message_en: format!("{}: {e}", path.display()),
                            }
                        }],
                        warnings: Vec::new(),
                    }
                }
            }
        })
        .collect();
    report(cases, results)
}

/// A report of `results` for `cases`.
pub fn report(cases: &[Case], results: Vec<CaseResult>) -> RunReport {
    RunReport {
        suite_version: crate::SUITE_VERSION.into(),
        lienthong_version: crate::LIENTHONG_VERSION.into(),
        rule_packs: crate::rule_packs(cases),
        cases: results,
    }
}

/// Picks the cases named in `ids` (all when empty); an unknown id is an error.
pub fn select(cases: Vec<Case>, ids: &[String]) -> Result<Vec<Case>, String> {
    if ids.is_empty() {
        return Ok(cases);
    }
    for id in ids {
        if !cases.iter().any(|c| c.id() == id) {
            let retired = crate::case::retired().contains(&id.as_str());
            return Err(if retired {
                format!("case {id} is retired (ca kiểm thử {id} đã ngừng dùng)")
            } else {
                format!("no case {id} (không có ca kiểm thử {id})")
            });
        }
    }
    Ok(cases
        .into_iter()
        .filter(|c| ids.iter().any(|i| i == c.id()))
        .collect())
}
