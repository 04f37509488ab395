//! `lienthong validate`.

use crate::io::{create, open_with_progress, write_failed};
use crate::{Failure, ReportFormat};
use lienthong::report::{
    finding_json, html, junit, validate_reader, FileReport, FileSummary, ValidateOptions,
};
use lienthong::validate::{Finding, Pack, RuleConfig};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn text_finding(out: &mut dyn Write, f: &Finding) -> std::io::Result<()> {
    write!(out, "  {} {} {}", f.severity.as_str(), f.rule, f.path)?;
    if let Some(l) = f.line {
        write!(out, " (dòng/line {l}")?;
        if let Some(c) = f.column {
            write!(out, ", cột/column {c}")?;
        }
        write!(out, ")")?;
    }
    if let Some(m) = &f.ma_lk {
        write!(out, " MA_LK={m}")?;
    }
    writeln!(out)?;
    writeln!(out, "    vi: {}", f.message_vi)?;
    writeln!(out, "    en: {}", f.message_en)?;
    if !f.hint_vi.is_empty() {
        writeln!(out, "    gợi ý/hint: {} / {}", f.hint_vi, f.hint_en)?;
    }
    Ok(())
}

/// The options of `--pack` and `--rules`.
pub fn options(pack: Option<&str>, rules: Option<&Path>) -> Result<ValidateOptions, Failure> {
    let mut o = ValidateOptions::default();
    if let Some(p) = pack {
        o.pack = Some(Pack::from_name(p).ok_or_else(|| {
            Failure::CannotRun(format!(
                "--pack {p:?}: use 130, 4750 or 3176 (gói quy tắc không hợp lệ)"
            ))
        })?);
    }
    if let Some(path) = rules {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::CannotRun(format!("cannot read {}: {e}", path.display())))?;
        o.rules = RuleConfig::from_toml(&text).map_err(|e| Failure::CannotRun(e.to_string()))?;
    }
    Ok(o)
}

pub fn run(
    files: &[PathBuf],
    format: ReportFormat,
    output: Option<&Path>,
    options: &ValidateOptions,
) -> Result<ExitCode, Failure> {
    let mut out = create(output)?;
    let mut total = FileSummary::default();
    let mut collected: Vec<FileReport> = Vec::new();
    if format == ReportFormat::Json {
        out.write_all(b"{\"files\":[").map_err(write_failed)?;
    }
    for (i, path) in files.iter().enumerate() {
        let input = open_with_progress(path)?;
        let shown = path.display().to_string();
        let mut write_err = None;
        let sum = match format {
            ReportFormat::Text => {
                writeln!(out, "{shown}").map_err(write_failed)?;
                validate_reader(input, options, |f| {
                    if let Err(e) = text_finding(&mut out, &f) {
                        write_err.get_or_insert(e);
                    }
                })
            }
            ReportFormat::Junit | ReportFormat::Html => {
                let mut findings = Vec::new();
                let sum = validate_reader(input, options, |f| findings.push(f));
                if let Ok(s) = &sum {
                    collected.push(FileReport {
                        path: shown.clone(),
                        hoso: s.hoso,
                        findings,
                    });
                }
                sum
            }
            ReportFormat::Json => {
                let head = serde_json::json!({ "path": shown });
                let head = head.to_string();
                write!(
                    out,
                    "{}{},\"issues\":[",
                    if i > 0 { "," } else { "" },
                    &head[..head.len() - 1]
                )
                .map_err(write_failed)?;
                let mut first = true;
                validate_reader(input, options, |f| {
                    let sep = if std::mem::take(&mut first) { "" } else { "," };
                    if let Err(e) = write!(out, "{sep}\n{}", finding_json(&f)) {
                        write_err.get_or_insert(e);
                    }
                })
            }
        }
        .map_err(|e| Failure::CannotRun(format!("cannot read {shown}: {e}")))?;
        if let Some(e) = write_err {
            return Err(write_failed(e));
        }
        match format {
            ReportFormat::Text => writeln!(
                out,
                "  {} HOSO, {} lỗi/errors, {} cảnh báo/warnings",
                sum.hoso, sum.errors, sum.warnings
            ),
            ReportFormat::Json => write!(out, "],\"hoso\":{}}}", sum.hoso),
            ReportFormat::Junit | ReportFormat::Html => Ok(()),
        }
        .map_err(write_failed)?;
        total.hoso += sum.hoso;
        total.errors += sum.errors;
        total.warnings += sum.warnings;
    }
    let pack = match options.pack {
        Some(p) => format!("{p}"),
        None => "theo ngày của từng HOSO / by each HOSO's dates".to_owned(),
    };
    match format {
        ReportFormat::Html => {
            let header = format!("Lienthong {}; gói quy tắc / rule pack: {pack}", env!("CARGO_PKG_VERSION"));
            out.write_all(html::render(&collected, &header).as_bytes())
        }
        ReportFormat::Junit => out.write_all(junit::render(&collected).as_bytes()),
        ReportFormat::Text => writeln!(
            out,
            "{} tệp/files, {} HOSO, {} lỗi/errors, {} cảnh báo/warnings",
            files.len(),
            total.hoso,
            total.errors,
            total.warnings
        ),
        ReportFormat::Json => writeln!(
            out,
            "],\"summary\":{}}}",
            serde_json::json!({"files": files.len(), "hoso": total.hoso, "errors": total.errors, "warnings": total.warnings})
        ),
    }
    .map_err(write_failed)?;
    out.flush().map_err(write_failed)?;
    Ok(if total.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
