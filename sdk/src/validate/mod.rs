//! Findings and the record-level rules every builder runs.
//!
//! Parsing stops at the first structural error ([`crate::codec::ParseError`]); validation never
//! stops early: it collects every [`Finding`], each with a stable rule id, a severity, where it is
//! (table, `MA_LK`, `STT`, element, path, line and column) and a message in Vietnamese and
//! English. Messages never contain patient values.

pub mod catalog;
pub(crate) mod codes;
mod config;
mod cross;
pub(crate) mod data;
mod envelope;
pub(crate) mod field_rules;
mod finding;
mod hints;
mod hoso;
pub(crate) mod icd;
pub(crate) mod patterns;
pub(crate) mod support;

pub use config::{ConfigError, Override, Pack, RuleConfig};
pub use cross::pack_for;
pub use envelope::{check_facility, check_header};
#[doc(hidden)]
pub use field_rules::FieldPlans;
pub use finding::{Finding, Findings, Severity};
pub use hoso::{check_assessment, check_checkin, check_hoso, check_hoso_with};

use crate::record::{Record, TableId};
use std::fmt;

/// Where a record sits, for the location fields of its findings.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleCtx<'a> {
    /// 1-based index of the `HOSO` in its envelope, when there is one.
    pub hoso: Option<usize>,
    /// 1-based row index within a list table.
    pub row: Option<usize>,
    /// Line of the record in its (decoded) table document.
    pub line: Option<u32>,
    /// Column of the record in its table document.
    pub column: Option<u32>,
    /// `MA_LK` of the episode, when known from elsewhere (XML12 has none of its own).
    pub ma_lk: Option<&'a str>,
    /// The rule pack in force (`None`: the newest, QĐ 3176).
    pub pack: Option<Pack>,
}

impl RuleCtx<'_> {
    /// The path of element `field` of a record of `table` (`HOSO[2]/XML3[5]/THANH_TIEN_BV`).
    pub fn path(&self, table: TableId, field: Option<&str>) -> String {
        let mut p = String::new();
        if let Some(h) = self.hoso {
            p.push_str(&format!("HOSO[{h}]/"));
        }
        p.push_str(table.name());
        if let Some(r) = self.row {
            p.push_str(&format!("[{r}]"));
        }
        if let Some(f) = field {
            p.push('/');
            p.push_str(f);
        }
        p
    }

    /// A finding located at element `field` of `record`.
    pub fn finding<R: Record>(
        &self,
        record: &R,
        rule: &'static str,
        severity: Severity,
        field: Option<&str>,
        message_vi: String,
        message_en: String,
    ) -> Finding {
        debug_assert!(
            catalog::rule(rule).is_some(),
            "rule {rule} is missing from the catalogue"
        );
        let (hint_vi, hint_en) = hints::hint(rule).unwrap_or(("", ""));
        Finding {
            rule,
            severity,
            table: Some(R::TABLE),
            ma_lk: record
                .ma_lk()
                .map(|s| s.into_owned())
                .or_else(|| self.ma_lk.map(str::to_owned)),
            stt: record.stt().map(|s| s.into_owned()),
            field: field.map(str::to_owned),
            path: self.path(R::TABLE, field),
            line: self.line,
            column: self.column,
            message_vi,
            message_en,
            hint_vi: hint_vi.to_owned(),
            hint_en: hint_en.to_owned(),
        }
    }
}

/// The checks that belong to one table family (conditional requirements, code/field
/// combinations). Implemented in each family's `rules.rs`.
pub trait FamilyRules {
    /// Pushes every finding; never stops at the first.
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>);
}

/// A builder was asked to set an element its table does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownElement {
    /// The table.
    pub table: TableId,
}

impl fmt::Display for UnknownElement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} has no element of that name", self.table)
    }
}

impl std::error::Error for UnknownElement {}

/// Runs a record's rules; `Ok` when no finding is an error.
pub(crate) fn build_checked<R: Record>(record: R) -> Result<R, Findings> {
    let mut out = Vec::new();
    record.check(&RuleCtx::default(), &mut out);
    if out.iter().any(|f| f.severity == Severity::Error) {
        Err(Findings(out))
    } else {
        Ok(record)
    }
}

/// Every finding of a record's own rules (field rules and family rules).
pub fn check_record<R: Record>(record: &R, ctx: &RuleCtx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    record.check(ctx, &mut out);
    out
}
