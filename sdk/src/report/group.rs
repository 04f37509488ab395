//! Findings grouped the way people read a report: per file, per `HOSO`, with totals per rule and
//! per table.

use crate::validate::{Finding, Severity};
use std::collections::BTreeMap;

/// The findings of one file, kept for the HTML and JUnit reports.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// The path as given.
    pub path: String,
    /// `HOSO` read.
    pub hoso: usize,
    /// Every finding, in file order.
    pub findings: Vec<Finding>,
}

/// The `HOSO` index a finding's path starts with (`HOSO[3]/...`).
pub fn hoso_of(f: &Finding) -> Option<usize> {
    let rest = f.path.strip_prefix("HOSO[")?;
    rest[..rest.find(']')?].parse().ok()
}

/// Counts of (errors, warnings).
pub fn counts<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> (usize, usize) {
    findings
        .into_iter()
        .fold((0, 0), |(e, w), f| match f.severity {
            Severity::Error => (e + 1, w),
            Severity::Warning => (e, w + 1),
        })
}

/// (rule id, severity) -> count, over every file.
pub fn by_rule(files: &[FileReport]) -> BTreeMap<(&'static str, Severity), usize> {
    let mut m = BTreeMap::new();
    for f in files.iter().flat_map(|f| &f.findings) {
        *m.entry((f.rule, f.severity)).or_insert(0) += 1;
    }
    m
}

/// Table name -> (errors, warnings), over every file.
pub fn by_table(files: &[FileReport]) -> BTreeMap<&'static str, (usize, usize)> {
    let mut m = BTreeMap::new();
    for f in files.iter().flat_map(|f| &f.findings) {
        let e = m
            .entry(f.table.map_or("GIAMDINHHS", |t| t.name()))
            .or_insert((0, 0));
        match f.severity {
            Severity::Error => e.0 += 1,
            Severity::Warning => e.1 += 1,
        }
    }
    m
}

/// The findings of one file grouped by `HOSO` (`None`: the file or envelope itself).
pub fn by_hoso(file: &FileReport) -> BTreeMap<Option<usize>, Vec<&Finding>> {
    let mut m: BTreeMap<Option<usize>, Vec<&Finding>> = BTreeMap::new();
    for f in &file.findings {
        m.entry(hoso_of(f)).or_default().push(f);
    }
    m
}
