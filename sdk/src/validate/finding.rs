//! A validation finding and a list of them.

use crate::record::TableId;
use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The gateway rejects the file or cuts the claim.
    Error,
    /// Suspicious or non-standard, but accepted.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in a file or record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable rule id (never renumbered or reused).
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The table (`None` for the `GIAMDINHHS` envelope itself).
    pub table: Option<TableId>,
    /// `MA_LK` of the episode, when known.
    pub ma_lk: Option<String>,
    /// `STT` of the row, when the table has one.
    pub stt: Option<String>,
    /// The element name, when the finding is about one element.
    pub field: Option<String>,
    /// Path such as `HOSO[2]/XML3[5]/THANH_TIEN_BV` (indices are 1-based).
    pub path: String,
    /// Line in the table document (or the envelope for envelope findings).
    pub line: Option<u32>,
    /// Column.
    pub column: Option<u32>,
    /// Message in Vietnamese.
    pub message_vi: String,
    /// Message in English.
    pub message_en: String,
    /// How to fix it, in Vietnamese.
    pub hint_vi: String,
    /// How to fix it, in English.
    pub hint_en: String,
}

impl Finding {
    /// Adds a hint.
    pub fn with_hint(mut self, vi: impl Into<String>, en: impl Into<String>) -> Self {
        self.hint_vi = vi.into();
        self.hint_en = en.into();
        self
    }
}

impl fmt::Display for Finding {
    /// `error [field.required] HOSO[1]/XML1/MA_BN (line 4): message`; contains no patient values.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] {}",
            self.severity.as_str(),
            self.rule,
            self.path
        )?;
        if let Some(l) = self.line {
            write!(f, " (line {l}")?;
            if let Some(c) = self.column {
                write!(f, ", column {c}")?;
            }
            f.write_str(")")?;
        }
        write!(f, ": {}", self.message_en)
    }
}

/// The findings of a record that did not build, errors and warnings together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    /// Number of error-severity findings.
    pub fn errors(&self) -> usize {
        self.0
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
    /// True when the rule id occurs.
    pub fn has_rule(&self, rule: &str) -> bool {
        self.0.iter().any(|f| f.rule == rule)
    }
}

impl fmt::Display for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} error(s), {} warning(s)",
            self.errors(),
            self.0.len() - self.errors()
        )?;
        for x in &self.0 {
            write!(f, "\n  {x}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Findings {}
