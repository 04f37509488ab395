//! Reports of a run: text (people, Vietnamese and English), JSON (tools), JUnit XML (CI) and
//! HTML (one self-contained page). Each names the Lienthong version, the rule packs and the
//! suite version.

use crate::run::{RunReport, Status};
use serde_json::json;
use std::fmt::Write;

fn heading(r: &RunReport) -> (String, String) {
    (
        format!(
            "Bộ kiểm thử hợp chuẩn {} · Lienthong {} · bộ quy tắc: {}",
            r.suite_version, r.lienthong_version, r.rule_packs
        ),
        format!(
            "Conformance suite {} · Lienthong {} · rule packs: {}",
            r.suite_version, r.lienthong_version, r.rule_packs
        ),
    )
}

fn status_vi(s: Status) -> &'static str {
    match s {
        Status::Pass => "đạt",
        Status::Fail => "không đạt",
        Status::Skip => "bỏ qua",
        Status::Error => "lỗi",
    }
}

/// The text report.
pub fn text(r: &RunReport) -> String {
    let (vi, en) = heading(r);
    let mut out = format!("{vi}\n{en}\n\n");
    for c in &r.cases {
        let _ = writeln!(
            out,
            "{:<5} {}  [QĐ {}{}] {} / {}",
            c.status.as_str().to_uppercase(),
            c.id,
            c.pack,
            if c.signature_required {
                ", ký số/signed"
            } else {
                ""
            },
            c.title_vi,
            c.title_en
        );
        for p in &c.problems {
            let _ = writeln!(out, "      - {}\n        {}", p.line_vi(), p.line_en());
        }
    }
    let t = r.totals();
    let _ = writeln!(
        out,
        "\n{} ca: {} đạt, {} không đạt, {} bỏ qua, {} lỗi\n{} cases: {} passed, {} failed, {} skipped, {} errors",
        t.cases, t.pass, t.fail, t.skip, t.error, t.cases, t.pass, t.fail, t.skip, t.error
    );
    out
}

/// The JSON report: `{"suite_version","lienthong_version","rule_packs","summary":{...},"cases":[...]}`.
pub fn json(r: &RunReport) -> String {
    let v = json!({
        "suite_version": r.suite_version,
        "lienthong_version": r.lienthong_version,
        "rule_packs": r.rule_packs,
        "summary": r.totals(),
        "cases": r.cases,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c == '\t' || c == '\n' || c == '\r' || c >= ' ' => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// The JUnit XML report: one test case per conformance case; a failure for `fail`, an error for
/// `error`, `skipped` for `skip`.
pub fn junit(r: &RunReport) -> String {
    let t = r.totals();
    let (vi, en) = heading(r);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"lienthong-conformance\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        t.cases, t.fail, t.error, t.skip
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"lienthong-conformance {}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        esc(&r.suite_version),
        t.cases,
        t.fail,
        t.error,
        t.skip
    );
    let _ = writeln!(
        out,
        "    <properties><property name=\"suite_version\" value=\"{}\"/><property name=\"lienthong_version\" value=\"{}\"/><property name=\"rule_packs\" value=\"{}\"/></properties>",
        esc(&r.suite_version),
        esc(&r.lienthong_version),
        esc(&r.rule_packs)
    );
    for c in &r.cases {
        let _ = write!(
            out,
            "    <testcase classname=\"conformance.QD{}\" name=\"{} {}\">",
            esc(&c.pack),
            esc(&c.id),
            esc(&c.title_en)
        );
        let body: String = c
            .problems
            .iter()
            .map(|p| format!("{}\n{}\n", p.line_en(), p.line_vi()))
            .collect();
        let first = c.problems.first().map(|p| p.line_en()).unwrap_or_default();
        match c.status {
            Status::Pass => {}
            Status::Fail => {
                let _ = write!(
                    out,
                    "<failure message=\"{}\" type=\"conformance\">{}</failure>",
                    esc(&first),
                    esc(&body)
                );
            }
            Status::Error => {
                let _ = write!(
                    out,
                    "<error message=\"{}\" type=\"unreadable\">{}</error>",
                    esc(&first),
                    esc(&body)
                );
            }
            Status::Skip => {
                let _ = write!(out, "<skipped message=\"{}\"/>", esc(&first));
            }
        }
        if !c.warnings.is_empty() {
            let _ = write!(
                out,
                "<system-out>{}</system-out>",
                esc(&c.warnings.join("\n"))
            );
        }
        out.push_str("</testcase>\n");
    }
    let _ = writeln!(
        out,
        "    <system-out>{}\n{}</system-out>\n  </testsuite>\n</testsuites>",
        esc(&vi),
        esc(&en)
    );
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\
h1{font-size:1.4em}.en{color:#666;font-weight:normal}table{border-collapse:collapse;width:100%}\
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\
th{background:#f3f3f3}.pass{color:#176b2c}.fail{color:#b00020}.error{color:#8a4b00}.skip{color:#666}\
ul{margin:0;padding-left:1.2em}code{font-size:0.95em}";

/// The HTML report: totals, then one row per case with its problems.
pub fn html(r: &RunReport) -> String {
    let (vi, en) = heading(r);
    let t = r.totals();
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lienthong - kiểm thử hợp chuẩn / conformance</title>\
<style>{STYLE}</style></head><body><h1>Kiểm thử hợp chuẩn QĐ 130 <span class=\"en\">/ QĐ 130 conformance</span></h1>\
<p>{}<br><span class=\"en\">{}</span></p>\
<p><b>{}</b> ca / cases: <span class=\"pass\">{} đạt / passed</span>, <span class=\"fail\">{} không đạt / failed</span>, \
<span class=\"skip\">{} bỏ qua / skipped</span>, <span class=\"error\">{} lỗi / errors</span></p>\
<table><tr><th>Ca / Case</th><th>Kết quả / Result</th><th>Bộ quy tắc / Pack</th><th>Nội dung / Scenario</th><th>Chi tiết / Details</th></tr>",
        esc(&vi),
        esc(&en),
        t.cases,
        t.pass,
        t.fail,
        t.skip,
        t.error
    );
    for c in &r.cases {
        let s = c.status.as_str();
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td class=\"{s}\">{} / {s}</td><td>QĐ {}{}</td><td>{}<br><span class=\"en\">{}</span></td><td>",
            esc(&c.id),
            status_vi(c.status),
            esc(&c.pack),
            if c.signature_required { " · ký số / signed" } else { "" },
            esc(&c.title_vi),
            esc(&c.title_en)
        );
        if !c.problems.is_empty() {
            out.push_str("<ul>");
            for p in &c.problems {
                let _ = write!(
                    out,
                    "<li>{}<br><span class=\"en\">{}</span></li>",
                    esc(&p.line_vi()),
                    esc(&p.line_en())
                );
            }
            out.push_str("</ul>");
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</table></body></html>\n");
    out
}
