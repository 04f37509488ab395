//! `lienthong card check`, `checkin`, `submit` and `outbox`: the BHXH gateway through the
//! durable outbox.

use crate::sign::{both, load_key_with_env, read_all};
use crate::Failure;
use lienthong::codec::{sniff, CheckinDocument, DocumentKind};
use lienthong::report::{validate_reader, ValidateOptions};
use lienthong::sign::Signer;
use lienthong_connectors::bhxh::{
    Account, CardQuery, FileKind, GatewayClient, GatewayConfig, GatewayError, Generation, Officer,
    PRODUCTION_URL,
};
use lienthong_connectors::outbox::{DispatchOptions, Entry, Outbox, State};
use lienthong_connectors::prepare::{checkin_files, claim_files, Prepared};
use lienthong_connectors::secret::Secret;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How to reach the gateway.
#[derive(Debug, clap::Args)]
pub struct GatewayArgs {
    /// The gateway's address.
    #[arg(long, default_value = PRODUCTION_URL)]
    gateway: String,
    /// The facility account (default: `<facility>_BV`).
    #[arg(long)]
    username: Option<String>,
    /// The facility code (default: the file's MACSKCB, or the username's prefix).
    #[arg(long)]
    facility: Option<String>,
    /// Name of the environment variable holding the account's password.
    #[arg(long, value_name = "VAR", default_value = "LIENTHONG_PASSWORD")]
    password_env: String,
    /// A PEM certificate to trust besides the system's (e.g. the sandbox's `--cert-out`).
    #[arg(long)]
    ca_cert: Option<PathBuf>,
}

/// Files through the outbox.
#[derive(Debug, clap::Args)]
pub struct SendArgs {
    /// Claim files (GIAMDINHHS) or, for `checkin`, check-in documents or claim files to derive
    /// check-ins from.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    gateway: GatewayArgs,
    /// Sign each file with this key (PKCS#12 or PEM) before sending.
    #[arg(long)]
    sign_key: Option<PathBuf>,
    /// The PEM certificate of a PEM key.
    #[arg(long)]
    sign_cert: Option<PathBuf>,
    /// Name of the environment variable holding the key's password.
    #[arg(long, value_name = "VAR")]
    sign_password_env: Option<String>,
    /// The outbox database (default: the user's data folder, or $LIENTHONG_OUTBOX).
    #[arg(long)]
    outbox: Option<PathBuf>,
    /// Send visits even when validation finds errors.
    #[arg(long)]
    force: bool,
    /// Report format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// Output formats of the gateway commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable, Vietnamese and English.
    Text,
    /// JSON: `{"results":[{"file","ma_lk","status","ma_giao_dich","code","message"}]}`.
    Json,
}

/// `lienthong card check`.
#[derive(Debug, clap::Args)]
pub struct CardCheckArgs {
    /// Card number (15 characters), social-insurance number (10) or CCCD (12).
    #[arg(long)]
    ma_the: String,
    /// Full name, with diacritics.
    #[arg(long)]
    ho_ten: String,
    /// Date of birth, DD/MM/YYYY (or YYYY).
    #[arg(long)]
    ngay_sinh: String,
    #[command(flatten)]
    gateway: GatewayArgs,
    /// Environment variables with the clerk's registered name and CCCD.
    #[arg(long, value_name = "VAR", default_value = "LIENTHONG_OFFICER_NAME")]
    officer_name_env: String,
    #[arg(long, value_name = "VAR", default_value = "LIENTHONG_OFFICER_CCCD")]
    officer_cccd_env: String,
    /// Report format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// `lienthong outbox ...`.
#[derive(Debug, clap::Subcommand)]
pub enum OutboxCommand {
    /// List the entries (newest first).
    List {
        #[arg(long)]
        outbox: Option<PathBuf>,
        /// Only entries in this state (pending, unknown, accepted, rejected, dead, superseded).
        #[arg(long)]
        state: Option<String>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Show every version and attempt of one MA_LK.
    Show {
        ma_lk: String,
        #[arg(long)]
        outbox: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Make dead entries (of one MA_LK, or all) due again and send what is due.
    Retry {
        ma_lk: Option<String>,
        #[arg(long)]
        outbox: Option<PathBuf>,
        #[command(flatten)]
        gateway: GatewayArgs,
    },
    /// Send what is due (after a crash or an outage).
    Send {
        #[arg(long)]
        outbox: Option<PathBuf>,
        #[command(flatten)]
        gateway: GatewayArgs,
    },
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::CannotRun(format!("tokio: {e}")))
}

fn gateway_failure(e: &GatewayError) -> Failure {
    Failure::CannotRun(e.to_string())
}

fn client(args: &GatewayArgs, file_facility: Option<&str>) -> Result<GatewayClient, Failure> {
    let facility = args
        .facility
        .clone()
        .or_else(|| file_facility.map(str::to_string))
        .or_else(|| {
            args.username
                .as_deref()
                .and_then(|u| u.split('_').next())
                .map(str::to_string)
        })
        .ok_or_else(|| {
            Failure::CannotRun(both(
                "cần --facility hoặc --username dạng <mã CSKCB>_BV",
                "pass --facility, or a --username of the form <facility>_BV",
            ))
        })?;
    let password = Secret::from_env(&args.password_env).map_err(Failure::CannotRun)?;
    let mut account = Account::for_facility(&facility, password);
    if let Some(u) = &args.username {
        account.username = u.clone();
    }
    let mut cfg = GatewayConfig::new(args.gateway.clone(), account);
    if let Some(p) = &args.ca_cert {
        let pem = String::from_utf8(read_all(p)?).map_err(|_| {
            Failure::CannotRun(both("--ca-cert không phải PEM", "--ca-cert is not PEM"))
        })?;
        cfg.extra_roots_pem.push(pem);
    }
    GatewayClient::new(cfg).map_err(|e| gateway_failure(&e))
}

fn open_outbox(path: Option<&Path>) -> Result<Outbox, Failure> {
    let path = path.map_or_else(Outbox::default_path, Path::to_path_buf);
    Outbox::open(&path).map_err(|e| Failure::CannotRun(format!("{}: {e}", path.display())))
}

/// One line of the result report.
#[derive(Debug, serde::Serialize)]
struct ResultRow {
    file: String,
    ma_lk: Option<String>,
    status: String,
    ma_giao_dich: Option<String>,
    code: Option<String>,
    message: Option<String>,
}

/// `lienthong card check`.
pub fn card_check(args: &CardCheckArgs) -> Result<ExitCode, Failure> {
    let mut client_cfg = client(&args.gateway, None)?.config().clone();
    let officer = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
    match (
        officer(&args.officer_name_env),
        officer(&args.officer_cccd_env),
    ) {
        (Some(name), Some(cccd)) => client_cfg.officer = Some(Officer { name, cccd }),
        _ => {
            return Err(Failure::CannotRun(both(
                &format!(
                    "tra cứu thẻ cần họ tên và CCCD cán bộ tra cứu trong {} và {}",
                    args.officer_name_env, args.officer_cccd_env
                ),
                &format!(
                    "a card check needs the clerk's name and CCCD in {} and {}",
                    args.officer_name_env, args.officer_cccd_env
                ),
            )))
        }
    }
    let client = GatewayClient::new(client_cfg).map_err(|e| gateway_failure(&e))?;
    let query = CardQuery {
        card: args.ma_the.clone(),
        name: args.ho_ten.clone(),
        birth_date: args.ngay_sinh.clone(),
    };
    let result = runtime()?.block_on(client.check_card(&query));
    let check = result.map_err(|e| gateway_failure(&e))?;
    let (vi, en) = check.status.meaning();
    match args.format {
        OutputFormat::Json => {
            let v = serde_json::json!({
                "code": check.code, "usable": check.status.is_usable(),
                "meaning_vi": vi, "meaning_en": en, "note": check.note,
                "valid_from": check.valid_from, "valid_to": check.valid_to,
                "primary_facility": check.primary_facility, "new_card": check.new_card,
            });
            println!("{v:#}");
        }
        OutputFormat::Text => {
            println!("{}: {vi} / {en}", check.code);
            if let Some(n) = &check.note {
                println!("  {n}");
            }
            if let (Some(a), Some(b)) = (&check.valid_from, &check.valid_to) {
                println!("  hiệu lực / valid: {a} - {b}");
            }
            if let Some(c) = &check.new_card {
                println!("  thẻ mới / new card: {c}");
            }
        }
    }
    Ok(if check.status.is_usable() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `lienthong checkin` (kind = CheckIn) and `lienthong submit` (kind = Claim).
pub fn send(args: &SendArgs, kind: FileKind) -> Result<ExitCode, Failure> {
    let signer = match &args.sign_key {
        Some(k) => Some(load_key_with_env(
            k,
            args.sign_cert.as_deref(),
            args.sign_password_env.as_deref(),
        )?),
        None => None,
    };
    let signer_ref: Option<&dyn Signer> = signer.as_ref().map(|s| s as &dyn Signer);
    let outbox = open_outbox(args.outbox.as_deref())?;
    let mut rows = Vec::new();
    let mut queued: Vec<(String, i64)> = Vec::new();
    let mut facility = None;
    for path in &args.files {
        let shown = path.display().to_string();
        let bytes = read_all(path)?;
        let blocked = if args.force {
            BTreeMap::new()
        } else {
            errors_by_ma_lk(&bytes)
        };
        if let Some(n) = blocked.get("") {
            rows.push(invalid_row(&shown, None, *n));
            continue;
        }
        let parts = match prepare(&bytes, kind, signer_ref) {
            Ok(p) => p,
            Err(msg) => {
                rows.push(ResultRow {
                    file: shown,
                    ma_lk: None,
                    status: "invalid".into(),
                    ma_giao_dich: None,
                    code: None,
                    message: Some(msg),
                });
                continue;
            }
        };
        for p in parts {
            if let Some(n) = blocked.get(&p.ma_lk) {
                rows.push(invalid_row(&shown, Some(p.ma_lk.clone()), *n));
                continue;
            }
            facility.get_or_insert_with(|| p.facility.clone());
            let e = outbox
                .enqueue(
                    p.kind,
                    p.generation,
                    &p.facility,
                    &p.ma_lk,
                    &p.bytes,
                    Some(&shown),
                )
                .map_err(|e| Failure::CannotRun(e.to_string()))?;
            queued.push((shown.clone(), e.id));
        }
    }
    if !queued.is_empty() {
        let client = client(&args.gateway, facility.as_deref())?;
        dispatch(&outbox, &client)?;
    }
    for (file, id) in queued {
        let e = outbox
            .get(id)
            .map_err(|e| Failure::CannotRun(e.to_string()))?;
        rows.push(entry_row(file, &e));
    }
    report(&rows, args.format)
}

fn prepare(
    bytes: &[u8],
    kind: FileKind,
    signer: Option<&dyn Signer>,
) -> Result<Vec<Prepared>, String> {
    let head = &bytes[..bytes.len().min(4096)];
    match (kind, sniff(head)) {
        (FileKind::CheckIn, Some(DocumentKind::Checkin)) => {
            let doc = CheckinDocument::from_bytes(bytes).map_err(|e| e.to_string())?;
            let Some(row) = doc.rows.first() else {
                return Err(both("tài liệu check-in rỗng", "empty check-in document"));
            };
            let ma_lk = row.ma_lk.value().map(|v| v.as_str().to_string());
            let facility = row.ma_cskcb.value().map(|v| v.as_str().to_string());
            let (Some(ma_lk), Some(facility)) = (ma_lk, facility) else {
                return Err(both(
                    "thiếu MA_LK hoặc MA_CSKCB",
                    "MA_LK or MA_CSKCB missing",
                ));
            };
            let bytes = match signer {
                Some(s) => lienthong::sign::sign(bytes, s).map_err(|e| e.to_string())?,
                None => bytes.to_vec(),
            };
            Ok(vec![Prepared {
                kind,
                generation: Generation::Qd3176,
                facility,
                ma_lk,
                hoso_index: 1,
                bytes,
            }])
        }
        (FileKind::CheckIn, _) => checkin_files(bytes, signer).map_err(|e| e.to_string()),
        (FileKind::Claim, _) => claim_files(bytes, signer).map_err(|e| e.to_string()),
    }
}

/// Error counts per MA_LK (`""`: errors outside any HOSO, which block the whole file).
fn errors_by_ma_lk(bytes: &[u8]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let res = validate_reader(bytes, &ValidateOptions::default(), |f| {
        if f.severity == lienthong::validate::Severity::Error {
            *out.entry(f.ma_lk.clone().unwrap_or_default()).or_insert(0) += 1;
        }
    });
    if res.is_err() {
        *out.entry(String::new()).or_insert(0) += 1;
    }
    out
}

fn invalid_row(file: &str, ma_lk: Option<String>, errors: usize) -> ResultRow {
    ResultRow {
        file: file.to_string(),
        ma_lk,
        status: "invalid".into(),
        ma_giao_dich: None,
        code: None,
        message: Some(format!(
            "{errors} lỗi kiểm tra, không gửi (xem `lienthong validate`; --force để vẫn gửi) / \
             {errors} validation errors, not sent (see `lienthong validate`; --force sends anyway)"
        )),
    }
}

fn entry_row(file: String, e: &Entry) -> ResultRow {
    ResultRow {
        file,
        ma_lk: Some(e.ma_lk.clone()),
        status: e.state.name().to_string(),
        ma_giao_dich: e.ma_giao_dich.clone(),
        code: e.code.clone(),
        message: e.message.clone().or_else(|| e.last_error.clone()),
    }
}

fn dispatch(outbox: &Outbox, client: &GatewayClient) -> Result<(), Failure> {
    let tty = std::io::stderr().is_terminal();
    let total = outbox
        .list(None)
        .map_err(|e| Failure::CannotRun(e.to_string()))?
        .iter()
        .filter(|e| matches!(e.state, State::Pending | State::Unknown))
        .count();
    let mut done = 0usize;
    let opts = DispatchOptions::default();
    let rt = runtime()?;
    let result = rt.block_on(outbox.dispatch(client, &opts, |e| {
        if e.state.is_final() {
            done += 1;
        }
        if tty {
            eprint!(
                "\r  gửi / sending: {done}/{total}  [{}: {}]      ",
                e.ma_lk,
                e.state.name()
            );
        }
    }));
    if tty {
        eprintln!();
    }
    result
        .map(|_| ())
        .map_err(|e| Failure::CannotRun(e.to_string()))
}

fn report(rows: &[ResultRow], format: OutputFormat) -> Result<ExitCode, Failure> {
    let all_ok = rows.iter().all(|r| r.status == "accepted");
    let mut out = std::io::stdout().lock();
    let w = |e: std::io::Error| Failure::CannotRun(format!("stdout: {e}"));
    match format {
        OutputFormat::Json => {
            let v = serde_json::json!({ "results": rows });
            writeln!(out, "{v:#}").map_err(w)?;
        }
        OutputFormat::Text => {
            for r in rows {
                writeln!(
                    out,
                    "{}  {}  {}{}{}",
                    r.file,
                    r.ma_lk.as_deref().unwrap_or("-"),
                    r.status,
                    r.ma_giao_dich
                        .as_deref()
                        .map(|m| format!("  maGiaoDich={m}"))
                        .unwrap_or_default(),
                    match (&r.code, &r.message) {
                        (Some(c), Some(m)) if r.status != "accepted" => format!("  [{c}] {m}"),
                        (None, Some(m)) if r.status != "accepted" => format!("  {m}"),
                        _ => String::new(),
                    }
                )
                .map_err(w)?;
            }
            let accepted = rows.iter().filter(|r| r.status == "accepted").count();
            writeln!(out, "{accepted}/{} được tiếp nhận / accepted", rows.len()).map_err(w)?;
        }
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `lienthong outbox ...`.
pub fn outbox(cmd: &OutboxCommand) -> Result<ExitCode, Failure> {
    let err = |e: lienthong_connectors::outbox::OutboxError| Failure::CannotRun(e.to_string());
    match cmd {
        OutboxCommand::List {
            outbox,
            state,
            format,
        } => {
            let o = open_outbox(outbox.as_deref())?;
            let state = match state {
                Some(s) => Some(State::from_name(s).ok_or_else(|| {
                    Failure::CannotRun(both(
                        &format!("trạng thái không hợp lệ: {s}"),
                        &format!("unknown state: {s}"),
                    ))
                })?),
                None => None,
            };
            let entries = o.list(state).map_err(err)?;
            match format {
                OutputFormat::Json => {
                    println!("{:#}", serde_json::json!({ "entries": entries }))
                }
                OutputFormat::Text => {
                    for e in &entries {
                        println!(
                            "#{:<5} {:<8} {:<20} v{:<3} {:<11} {:>2} lần/attempts  {}",
                            e.id,
                            e.kind.name(),
                            e.ma_lk,
                            e.version,
                            e.state.name(),
                            e.attempts,
                            e.ma_giao_dich.as_deref().unwrap_or("")
                        );
                    }
                    for (s, n) in o.counts().map_err(err)? {
                        println!("{} ({}): {n}", s.name(), s.name_vi());
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        OutboxCommand::Show {
            ma_lk,
            outbox,
            format,
        } => {
            let o = open_outbox(outbox.as_deref())?;
            let h = o.history(ma_lk).map_err(err)?;
            if h.is_empty() {
                return Err(Failure::BadInput(both(
                    &format!("không có {ma_lk} trong hộp thư đi"),
                    &format!("no {ma_lk} in the outbox"),
                )));
            }
            match format {
                OutputFormat::Json => {
                    let list: Vec<_> = h
                        .iter()
                        .map(|(e, a)| serde_json::json!({"entry": e, "attempts": a}))
                        .collect();
                    println!(
                        "{:#}",
                        serde_json::json!({ "ma_lk": ma_lk, "versions": list })
                    );
                }
                OutputFormat::Text => {
                    for (e, attempts) in &h {
                        println!(
                            "{} v{} #{}: {} ({}) sha256={} {} bytes{}",
                            e.kind.name(),
                            e.version,
                            e.id,
                            e.state.name(),
                            e.state.name_vi(),
                            &e.sha256[..16],
                            e.file_bytes,
                            e.source
                                .as_deref()
                                .map(|s| format!(" from {s}"))
                                .unwrap_or_default()
                        );
                        for a in attempts {
                            println!(
                                "    lần/attempt {}: {}{}{}{}",
                                a.n,
                                a.outcome,
                                a.code
                                    .as_deref()
                                    .map(|c| format!(" code={c}"))
                                    .unwrap_or_default(),
                                a.ma_giao_dich
                                    .as_deref()
                                    .map(|m| format!(" maGiaoDich={m}"))
                                    .unwrap_or_default(),
                                a.error
                                    .as_deref()
                                    .map(|m| format!(" — {m}"))
                                    .unwrap_or_default()
                            );
                        }
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        OutboxCommand::Retry {
            ma_lk,
            outbox,
            gateway,
        } => {
            let o = open_outbox(outbox.as_deref())?;
            let n = o.retry(ma_lk.as_deref()).map_err(err)?;
            eprintln!("{n} mục gửi lại / entries made due");
            send_due(&o, gateway)
        }
        OutboxCommand::Send { outbox, gateway } => {
            let o = open_outbox(outbox.as_deref())?;
            send_due(&o, gateway)
        }
    }
}

fn send_due(o: &Outbox, gateway: &GatewayArgs) -> Result<ExitCode, Failure> {
    let due: Vec<Entry> = o
        .list(None)
        .map_err(|e| Failure::CannotRun(e.to_string()))?
        .into_iter()
        .filter(|e| matches!(e.state, State::Pending | State::Unknown))
        .collect();
    if due.is_empty() {
        println!("không có gì để gửi / nothing to send");
        return Ok(ExitCode::SUCCESS);
    }
    let client = client(gateway, due.first().map(|e| e.facility.as_str()))?;
    dispatch(o, &client)?;
    let rows: Vec<ResultRow> = due
        .iter()
        .filter_map(|e| o.get(e.id).ok())
        .map(|e| entry_row(e.source.clone().unwrap_or_default(), &e))
        .collect();
    report(&rows, OutputFormat::Text)
}
