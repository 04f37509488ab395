//! `lienthong conformance`: the conformance suite vendors run before certification.
//!
//! - `list`: the cases (id, pack, signature, title);
//! - `export DIR`: writes `DIR/<ID>/input.json`, `DIR/<ID>/expected.xml` and `DIR/<ID>/case.json`;
//! - `run --input DIR`: checks the vendor's `DIR/<ID>.xml` files; exit 0 only when every case
//!   passes;
//! - `gateway --traffic LOG`: checks a recorded gateway traffic log against the behaviour profile.

use crate::io::{create, write_failed};
use crate::Failure;
use lienthong::validate::Pack;
use lienthong_conformance::case::{self, Case};
use lienthong_conformance::{gateway, report, run};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats of `list` and `gateway`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// One line per item, Vietnamese and English.
    Text,
    /// JSON.
    Json,
}

#[derive(Debug, clap::Subcommand)]
pub enum ConformanceCommand {
    /// List the cases: id, rule pack, whether a signature is required, title.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Write every case for the vendor's system: DIR/<ID>/input.json (what to build),
    /// DIR/<ID>/expected.xml (Lienthong's reference) and DIR/<ID>/case.json (what it is about).
    Export {
        /// Folder to write (created when missing).
        dir: PathBuf,
    },
    /// Check the vendor's files DIR/<ID>.xml against the suite. Exit 0: every case passed;
    /// 1: a case failed, was skipped (no file) or could not be read; 2: the command could not run.
    Run {
        /// Folder holding the vendor's <ID>.xml files.
        #[arg(long)]
        input: PathBuf,
        /// Also write the JSON report here.
        #[arg(long)]
        json: Option<PathBuf>,
        /// Also write a JUnit XML report here.
        #[arg(long)]
        junit: Option<PathBuf>,
        /// Also write an HTML report here.
        #[arg(long)]
        html: Option<PathBuf>,
        /// Run only these cases (repeat the option for several).
        #[arg(long = "case", value_name = "ID")]
        cases: Vec<String>,
    },
    /// Check a recorded gateway traffic log (a JSON list of requests) against the gateway
    /// behaviour profile. Exit 0: conforms; 1: breaches found; 2: the command could not run.
    Gateway {
        /// The traffic log: a JSON file, or the URL of a running `lienthong sandbox serve`
        /// (its recorded requests are read from `URL/sandbox/requests`).
        #[arg(long)]
        traffic: PathBuf,
        /// Rule pack of the files sent (chooses the endpoints): 130, 4750 or 3176.
        #[arg(long, default_value = "3176")]
        pack: String,
        /// An episode the scenario corrected: it must be accepted twice, as two versions of the
        /// same MA_LK (repeat for several).
        #[arg(long = "correction", value_name = "MA_LK")]
        corrections: Vec<String>,
        /// An episode that needs no check-in (an emergency, MA_DOITUONG_KCB 2; repeat for several).
        #[arg(long = "no-checkin", value_name = "MA_LK")]
        no_checkin: Vec<String>,
        /// Most retries of one request after transient failures.
        #[arg(long, default_value_t = 3)]
        max_retries: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

fn suite() -> Result<Vec<Case>, Failure> {
    case::suite().map_err(|e| Failure::CannotRun(format!("the conformance suite is broken: {e}")))
}

/// Runs a `conformance` subcommand.
pub fn run(command: ConformanceCommand) -> Result<ExitCode, Failure> {
    match command {
        ConformanceCommand::List { format } => list(format),
        ConformanceCommand::Export { dir } => export(&dir),
        ConformanceCommand::Run {
            input,
            json,
            junit,
            html,
            cases,
        } => run_suite(
            &input,
            json.as_deref(),
            junit.as_deref(),
            html.as_deref(),
            &cases,
        ),
        ConformanceCommand::Gateway {
            traffic,
            pack,
            corrections,
            no_checkin,
            max_retries,
            format,
        } => gateway_check(
            &traffic,
            &pack,
            gateway::Profile {
                pack: Pack::Qd3176,
                max_retries,
                corrections,
                no_checkin,
            },
            format,
        ),
    }
}

fn header() -> String {
    format!(
        "Bộ kiểm thử hợp chuẩn {} · Lienthong {}\nConformance suite {} · Lienthong {}\n",
        lienthong_conformance::SUITE_VERSION,
        lienthong_conformance::LIENTHONG_VERSION,
        lienthong_conformance::SUITE_VERSION,
        lienthong_conformance::LIENTHONG_VERSION
    )
}

fn list(format: ListFormat) -> Result<ExitCode, Failure> {
    let cases = suite()?;
    let mut out = create(None)?;
    match format {
        ListFormat::Text => {
            let mut s = header();
            s.push_str(&format!(
                "Bộ quy tắc / rule packs: {}\n\n",
                lienthong_conformance::rule_packs(&cases)
            ));
            for c in &cases {
                s.push_str(&format!(
                    "{:<16} QĐ {:<4} {:<14} {} / {}\n",
                    c.id(),
                    c.meta.pack,
                    if c.meta.signature_required {
                        "ký số/signed"
                    } else {
                        ""
                    },
                    c.meta.title_vi,
                    c.meta.title_en
                ));
            }
            s.push_str(&format!("\n{} ca / cases\n", cases.len()));
            out.write_all(s.as_bytes()).map_err(write_failed)?;
        }
        ListFormat::Json => {
            let v = json!({
                "suite_version": lienthong_conformance::SUITE_VERSION,
                "lienthong_version": lienthong_conformance::LIENTHONG_VERSION,
                "rule_packs": lienthong_conformance::rule_packs(&cases),
                "retired": case::retired(),
                "cases": cases.iter().map(|c| &c.meta).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut out, &v).map_err(|e| write_failed(e.into()))?;
            out.write_all(b"\n").map_err(write_failed)?;
        }
    }
    out.flush().map_err(write_failed)?;
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text)
        .map_err(|e| Failure::CannotRun(format!("cannot write {}: {e}", path.display())))
}

fn export(dir: &Path) -> Result<ExitCode, Failure> {
    let cases = suite()?;
    for c in &cases {
        let d = dir.join(c.id());
        std::fs::create_dir_all(&d)
            .map_err(|e| Failure::CannotRun(format!("cannot create {}: {e}", d.display())))?;
        write(&d.join("input.json"), &c.input_json)?;
        write(&d.join("expected.xml"), &c.expected_xml)?;
        let meta =
            serde_json::to_string_pretty(&c.meta).map_err(|e| Failure::CannotRun(e.to_string()))?;
        write(&d.join("case.json"), &format!("{meta}\n"))?;
    }
    eprintln!(
        "{} ca đã ghi vào {} / {} cases written to {}",
        cases.len(),
        dir.display(),
        cases.len(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_suite(
    input: &Path,
    json: Option<&Path>,
    junit: Option<&Path>,
    html: Option<&Path>,
    ids: &[String],
) -> Result<ExitCode, Failure> {
    if !input.is_dir() {
        return Err(Failure::CannotRun(format!(
            "{} is not a folder (--input: thư mục chứa các tệp <ID>.xml / the folder of <ID>.xml files)",
            input.display()
        )));
    }
    let cases = run::select(suite()?, ids).map_err(Failure::CannotRun)?;
    let r = run::run_dir(&cases, input);
    for (path, text) in [
        (json, report::json(&r)),
        (junit, report::junit(&r)),
        (html, report::html(&r)),
    ] {
        if let Some(p) = path {
            write(p, &text)?;
        }
    }
    let mut out = create(None)?;
    out.write_all(report::text(&r).as_bytes())
        .map_err(write_failed)?;
    out.flush().map_err(write_failed)?;
    Ok(if r.all_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The traffic a running `lienthong sandbox serve` recorded (`GET URL/sandbox/requests`).
fn sandbox_log(url: &str) -> Result<Vec<gateway::TrafficEntry>, Failure> {
    let fail = |e: &dyn std::fmt::Display| {
        Failure::CannotRun(format!(
            "không đọc được nhật ký của cổng giả lập / cannot read the sandbox's request log at {url}: {e}"
        ))
    };
    let endpoint = format!("{}/sandbox/requests", url.trim_end_matches('/'));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(&e))?;
    let value: serde_json::Value = rt.block_on(async {
        let resp = reqwest::get(&endpoint)
            .await
            .map_err(|e| fail(&e.without_url()))?;
        if !resp.status().is_success() {
            return Err(fail(&resp.status()));
        }
        resp.json().await.map_err(|e| fail(&e.without_url()))
    })?;
    gateway::from_sandbox_json(&value).map_err(|e| fail(&e))
}

fn gateway_check(
    traffic: &Path,
    pack: &str,
    profile: gateway::Profile,
    format: ListFormat,
) -> Result<ExitCode, Failure> {
    let pack = Pack::from_name(pack)
        .ok_or_else(|| Failure::CannotRun(format!("--pack: 130, 4750 or 3176, not {pack:?}")))?;
    let shown = traffic.display().to_string();
    let log = if shown.starts_with("http://") || shown.starts_with("https://") {
        sandbox_log(&shown)?
    } else {
        let text = std::fs::read_to_string(traffic)
            .map_err(|e| Failure::CannotRun(format!("cannot read {shown}: {e}")))?;
        gateway::parse_log(&text).map_err(Failure::CannotRun)?
    };
    let profile = gateway::Profile { pack, ..profile };
    let findings = gateway::check(&log, &profile);
    let mut out = create(None)?;
    match format {
        ListFormat::Text => {
            let mut s = header();
            s.push_str(&format!(
                "Hồ sơ hành vi cổng / gateway profile: {pack}, {} yêu cầu / requests\n\n",
                log.len()
            ));
            for f in &findings {
                let at = f.request.map_or(String::new(), |n| format!(" #{n}"));
                s.push_str(&format!(
                    "{}{at}: {}\n    {}\n",
                    f.rule, f.message_vi, f.message_en
                ));
            }
            s.push_str(&if findings.is_empty() {
                "Đạt: không có vi phạm / passed: no breach\n".to_string()
            } else {
                format!(
                    "{} vi phạm / {} breach(es)\n",
                    findings.len(),
                    findings.len()
                )
            });
            out.write_all(s.as_bytes()).map_err(write_failed)?;
        }
        ListFormat::Json => {
            let v = json!({
                "suite_version": lienthong_conformance::SUITE_VERSION,
                "lienthong_version": lienthong_conformance::LIENTHONG_VERSION,
                "rule_pack": pack.name(),
                "requests": log.len(),
                "findings": findings,
            });
            serde_json::to_writer_pretty(&mut out, &v).map_err(|e| write_failed(e.into()))?;
            out.write_all(b"\n").map_err(write_failed)?;
        }
    }
    out.flush().map_err(write_failed)?;
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
