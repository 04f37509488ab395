//! The HTML report: one self-contained file a hospital's billing team can open in a browser, with
//! totals by rule and by table, then each `HOSO` with its findings, in Vietnamese and English.

use super::group::{by_hoso, by_rule, by_table, counts, FileReport};
use crate::validate::catalog;
use crate::validate::{Finding, Severity};
use std::fmt::Write;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733}h1{font-size:1.5rem}\
h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #cfd6de;\
padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#eef2f6}.error{color:#b42318;font-weight:600}\
.warning{color:#b54708;font-weight:600}.ok{color:#067647;font-weight:600}.en{color:#5b6b7c}code{font-size:.9em}\
details{margin:.4rem 0}summary{cursor:pointer}";

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "<span class=\"error\">lỗi / error</span>",
        Severity::Warning => "<span class=\"warning\">cảnh báo / warning</span>",
    }
}

fn finding_row(out: &mut String, f: &Finding) {
    let place = match (f.line, f.column) {
        (Some(l), Some(c)) => format!("{l}:{c}"),
        (Some(l), None) => l.to_string(),
        _ => String::new(),
    };
    let _ = write!(
        out,
        "<tr><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}<div class=\"en\">{}</div>",
        severity(f.severity),
        esc(f.rule),
        esc(&f.path),
        esc(&place),
        esc(&f.message_vi),
        esc(&f.message_en)
    );
    if !f.hint_vi.is_empty() {
        let _ = write!(
            out,
            "<div>Gợi ý: {}<div class=\"en\">Hint: {}</div></div>",
            esc(&f.hint_vi),
            esc(&f.hint_en)
        );
    }
    out.push_str("</td></tr>");
}

/// Renders the report. `header` names the Lienthong version and the rule pack choice.
pub fn render(files: &[FileReport], header: &str) -> String {
    let all = files.iter().flat_map(|f| &f.findings);
    let (errors, warnings) = counts(all);
    let hoso: usize = files.iter().map(|f| f.hoso).sum();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lienthong - báo cáo kiểm tra / validation report</title>\
<style>{STYLE}</style></head><body><h1>Báo cáo kiểm tra dữ liệu QĐ 130 <span class=\"en\">/ QĐ 130 validation report</span></h1><p>{}</p>",
        esc(header)
    );
    let verdict = if errors == 0 {
        "<span class=\"ok\">Không có lỗi / no errors</span>".to_owned()
    } else {
        format!("<span class=\"error\">{errors} lỗi / errors</span>")
    };
    let _ = write!(
        out,
        "<table><tr><th>Tệp / files</th><th>HOSO</th><th>Lỗi / errors</th><th>Cảnh báo / warnings</th><th>Kết luận / verdict</th></tr>\
<tr><td>{}</td><td>{hoso}</td><td>{errors}</td><td>{warnings}</td><td>{verdict}</td></tr></table>",
        files.len()
    );
    out.push_str("<h2>Theo quy tắc <span class=\"en\">/ by rule</span></h2><table><tr><th>Quy tắc / rule</th><th>Mức / severity</th><th>Số lượng / count</th><th>Nội dung / what it checks</th><th>Nguồn / source</th></tr>");
    for ((rule, sev), n) in by_rule(files) {
        let info = catalog::rule(rule);
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{n}</td><td>{}<div class=\"en\">{}</div></td><td>{}</td></tr>",
            esc(rule),
            severity(sev),
            esc(info.map_or("", |i| i.description_vi)),
            esc(info.map_or("", |i| i.description_en)),
            esc(info.map_or("", |i| i.source))
        );
    }
    out.push_str("</table><h2>Theo bảng <span class=\"en\">/ by table</span></h2><table><tr><th>Bảng / table</th><th>Lỗi / errors</th><th>Cảnh báo / warnings</th></tr>");
    for (table, (e, w)) in by_table(files) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{e}</td><td>{w}</td></tr>",
            esc(table)
        );
    }
    out.push_str("</table>");
    for file in files {
        let (e, w) = counts(&file.findings);
        let _ = write!(
            out,
            "<h2>{} <span class=\"en\">({} HOSO, {e} lỗi/errors, {w} cảnh báo/warnings)</span></h2>",
            esc(&file.path),
            file.hoso
        );
        for (hoso, findings) in by_hoso(file) {
            let title = match hoso {
                Some(i) => format!("HOSO[{i}]"),
                None => "Tệp / file".to_owned(),
            };
            let ma_lk = findings
                .iter()
                .find_map(|f| f.ma_lk.as_deref())
                .unwrap_or("");
            let (e, w) = counts(findings.iter().copied());
            let _ = write!(
                out,
                "<details{}><summary>{} <code>{}</code>: {e} lỗi/errors, {w} cảnh báo/warnings</summary>\
<table><tr><th>Mức / severity</th><th>Quy tắc / rule</th><th>Vị trí / path</th><th>Dòng / line</th><th>Nội dung / message</th></tr>",
                if e > 0 { " open" } else { "" },
                esc(&title),
                esc(ma_lk)
            );
            for f in findings {
                finding_row(&mut out, f);
            }
            out.push_str("</table></details>");
        }
    }
    out.push_str("</body></html>\n");
    out
}
