//! The JUnit XML report, for CI tools: one test suite per file, one test case per `HOSO` (named
//! by its `MA_LK`), a failure per error finding; warnings go to the case's system output.

use super::group::{by_hoso, counts, FileReport};
use crate::validate::Severity;
use std::fmt::Write;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if crate::types::is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// One test case per `HOSO`, plus one for findings about the file itself.
fn tests_of(file: &FileReport) -> usize {
    let groups = by_hoso(file);
    let clean = (1..=file.hoso)
        .filter(|i| !groups.contains_key(&Some(*i)))
        .count();
    groups.len() + clean
}

/// Renders the report.
pub fn render(files: &[FileReport]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let cases: usize = files.iter().map(tests_of).sum();
    let failures: usize = files
        .iter()
        .map(|f| {
            by_hoso(f)
                .values()
                .filter(|v| v.iter().any(|x| x.severity == Severity::Error))
                .count()
        })
        .sum();
    let _ = writeln!(
        out,
        "<testsuites name=\"lienthong validate\" tests=\"{cases}\" failures=\"{failures}\">"
    );
    for file in files {
        let groups = by_hoso(file);
        let failed = groups
            .values()
            .filter(|v| v.iter().any(|x| x.severity == Severity::Error))
            .count();
        let tests = tests_of(file);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failed}\" errors=\"0\">",
            esc(&file.path)
        );
        for (hoso, findings) in &groups {
            let name = match (hoso, findings.iter().find_map(|f| f.ma_lk.as_deref())) {
                (Some(i), Some(lk)) => format!("HOSO[{i}] {lk}"),
                (Some(i), None) => format!("HOSO[{i}]"),
                (None, _) => "GIAMDINHHS".to_owned(),
            };
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\">",
                esc(&file.path),
                esc(&name)
            );
            let (e, _) = counts(findings.iter().copied());
            if e > 0 {
                let first = findings
                    .iter()
                    .find(|f| f.severity == Severity::Error)
                    .expect("an error");
                let _ = write!(
                    out,
                    "<failure message=\"{}\" type=\"{}\">",
                    esc(&first.message_en),
                    esc(first.rule)
                );
                for f in findings.iter().filter(|f| f.severity == Severity::Error) {
                    let _ = writeln!(out, "{}", esc(&f.to_string()));
                }
                out.push_str("</failure>");
            }
            let warnings: Vec<_> = findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .collect();
            if !warnings.is_empty() {
                out.push_str("<system-out>");
                for f in warnings {
                    let _ = writeln!(out, "{}", esc(&f.to_string()));
                }
                out.push_str("</system-out>");
            }
            out.push_str("</testcase>\n");
        }
        // HOSO without findings passed; list them so the counts add up in CI tools.
        let reported: std::collections::BTreeSet<usize> =
            groups.keys().flatten().copied().collect();
        for i in (1..=file.hoso).filter(|i| !reported.contains(i)) {
            let _ = writeln!(
                out,
                "    <testcase classname=\"{}\" name=\"HOSO[{i}]\"/>",
                esc(&file.path)
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
