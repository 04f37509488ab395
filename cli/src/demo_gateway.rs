//! The second half of `lienthong demo`: sign, check in and submit to an in-process sandbox
//! gateway through the durable outbox, with a session that expires and a gateway hiccup on the
//! way, then show the gateway's answers.

use crate::demo::step;
use crate::Failure;
use lienthong_connectors::bhxh::{
    file_code_meaning, Account, GatewayClient, GatewayConfig, RetryPolicy,
};
use lienthong_connectors::outbox::{DispatchOptions, Outbox, State};
use lienthong_connectors::prepare::{checkin_files, claim_files};
use lienthong_connectors::sandbox::{
    Fault, FaultKind, Route, Sandbox, SandboxConfig, SignaturePolicy, DEMO_FACILITY, DEMO_PASSWORD,
};
use lienthong_connectors::secret::Secret;
use lienthong_connectors::throwaway::throwaway_signer;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Runs the gateway part on `original` (the generated visits) and `broken` (the same file with
/// its first visit broken on purpose), numbering steps from `first_step`.
pub fn run(original: &[u8], broken: &[u8], first_step: u32) -> Result<ExitCode, Failure> {
    let fail = |e: &dyn std::fmt::Display| Failure::CannotRun(format!("demo failed: {e}"));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| fail(&e))?;
    let mut n = first_step;

    step(
        n,
        "Tạo chứng thư số dùng một lần và ký từng HOSO (XMLDSig, RSA-SHA256)",
        "Making a throw-away certificate and signing each visit (XMLDSig, RSA-SHA256)",
    );
    let t = Instant::now();
    let (signer, cert) =
        throwaway_signer("BV Demo 99001 (lienthong demo)").map_err(|e| fail(&e))?;
    let checkins = checkin_files(original, Some(&signer)).map_err(|e| fail(&e))?;
    let claims = claim_files(broken, Some(&signer)).map_err(|e| fail(&e))?;
    println!(
        "    {} check-in + {} hồ sơ đã ký / signed, {:.0} ms (chứng thư này không được cổng thật tin cậy / no real gateway trusts this certificate)",
        checkins.len(),
        claims.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    n += 1;

    step(
        n,
        "Khởi động cổng giám định giả lập trên máy này (không cần mạng)",
        "Starting the sandbox appraisal gateway on this machine (no network needed)",
    );
    let mut config = SandboxConfig::demo();
    config.signatures = SignaturePolicy::Required {
        registered: vec![cert],
    };
    let sandbox = rt.block_on(Sandbox::start(config)).map_err(|e| fail(&e))?;
    println!(
        "    {} — tài khoản / account {DEMO_FACILITY}_BV, phiên 10 phút / 10-minute sessions",
        sandbox.url()
    );
    let mut cfg = GatewayConfig::new(
        sandbox.url(),
        Account::for_facility(DEMO_FACILITY, Secret::new(DEMO_PASSWORD)),
    );
    // Short waits: the demo's gateway is on this machine.
    let quick = RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(50),
        max_delay: Duration::from_millis(500),
        deadline: Duration::from_secs(30),
    };
    cfg.retry = quick.clone();
    let client = GatewayClient::new(cfg).map_err(|e| fail(&e))?;
    n += 1;

    step(
        n,
        "Ghi vào hộp thư đi bền vững (SQLite), rồi gửi: check-in trước, hồ sơ sau",
        "Writing to the durable outbox (SQLite), then sending: check-ins first, then claims",
    );
    let dir = std::env::temp_dir().join(format!("lienthong-demo-{}", std::process::id()));
    let outbox = Outbox::open(dir.join("outbox.sqlite")).map_err(|e| fail(&e))?;
    for p in checkins.iter().chain(&claims) {
        outbox
            .enqueue(
                p.kind,
                p.generation,
                &p.facility,
                &p.ma_lk,
                &p.bytes,
                Some("demo"),
            )
            .map_err(|e| fail(&e))?;
    }
    let total = checkins.len() + claims.len();
    println!(
        "    {total} tệp trong hộp thư đi / files in the outbox: {}",
        outbox.path().display()
    );
    println!("    (giữa chừng: cổng trả 503 một lần và phiên hết hạn / on the way: one 503 from the gateway, and the session expires mid-batch)");
    let t = Instant::now();
    let tty = std::io::stderr().is_terminal();
    let mut done = 0usize;
    let half = total / 2;
    let opts = DispatchOptions {
        backoff: quick,
        ..DispatchOptions::default()
    };
    let summary = rt
        .block_on(outbox.dispatch(&client, &opts, |e| {
            if e.state.is_final() {
                done += 1;
            }
            if done == 3 && e.state.is_final() {
                sandbox.inject(Fault {
                    route: Route::Any,
                    kind: FaultKind::Http(503),
                    times: 1,
                });
            }
            if done == half && e.state.is_final() {
                sandbox.clock().advance(Duration::from_secs(11 * 60));
            }
            if tty {
                let width = 30;
                let filled = done * width / total.max(1);
                eprint!(
                    "\r    [{}{}] {done}/{total}",
                    "#".repeat(filled),
                    ".".repeat(width - filled)
                );
            }
        }))
        .map_err(|e| fail(&e))?;
    if tty {
        eprintln!();
    }
    let secs = t.elapsed().as_secs_f64();
    let logins = sandbox
        .requests()
        .iter()
        .filter(|r| matches!(r.route, Route::TokenTake))
        .count();
    println!(
        "    {} lần gửi cho {total} tệp, {logins} lần đăng nhập, {:.1} s / {} sends for {total} files, {logins} logins, {:.1} s",
        summary.attempts, secs, summary.attempts, secs
    );
    n += 1;

    step(n, "Kết quả từ cổng giám định", "What the gateway answered");
    let entries = outbox.list(None).map_err(|e| fail(&e))?;
    let count = |s: State| entries.iter().filter(|e| e.state == s).count();
    println!(
        "    {} tiếp nhận / accepted, {} từ chối / rejected, {} chưa gửi được / not sent",
        count(State::Accepted),
        count(State::Rejected),
        count(State::Pending) + count(State::Unknown) + count(State::Dead)
    );
    if let Some(e) = entries.iter().rev().find(|e| e.state == State::Accepted) {
        println!(
            "    ví dụ / e.g. {} {}: maGiaoDich={} thoiGianTiepNhan={}",
            e.kind.name(),
            e.ma_lk,
            e.ma_giao_dich.as_deref().unwrap_or(""),
            e.thoi_gian_tiep_nhan.as_deref().unwrap_or("")
        );
    }
    for e in entries.iter().filter(|e| e.state == State::Rejected) {
        let code = e.code.as_deref().unwrap_or("");
        let (vi, en) = file_code_meaning(code);
        println!(
            "    TỪ CHỐI / REJECTED {} {} — mã / code {code}",
            e.kind.name(),
            e.ma_lk
        );
        println!("      vi: {vi}");
        println!("      en: {en}");
        if let Some(m) = &e.message {
            println!("      cổng / gateway: {m}");
        }
        println!("      => đây là HOSO đã bị làm hỏng ở bước 3; sửa dữ liệu rồi gửi lại thành phiên bản 2 của cùng MA_LK");
        println!("         this is the visit broken in step 3; fix the data and send it again as version 2 of the same MA_LK");
    }
    let retried = entries.iter().find(|e| e.attempts > 1);
    if let Some(e) = retried {
        println!(
            "    Lịch sử một hồ sơ đã thử lại / history of a file that was retried ({}):",
            e.ma_lk
        );
        for a in outbox.attempts(e.id).map_err(|e| fail(&e))? {
            println!(
                "      lần / attempt {}: {}{}",
                a.n,
                a.outcome,
                a.error_class
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default()
            );
        }
    }
    let stored = sandbox.submissions().len();
    println!(
        "    cổng giả lập đã ghi nhận {stored} lần nhận / the sandbox recorded {stored} receipts"
    );

    rt.block_on(sandbox.shutdown());
    drop(outbox);
    let _ = std::fs::remove_dir_all(&dir);

    let ok =
        count(State::Accepted) + count(State::Rejected) == total && count(State::Rejected) >= 1;
    println!("\nXong / Done. Thử / Try:");
    println!("    lienthong gen --hoso 1000 -o visits.xml && lienthong validate visits.xml --format html -o report.html");
    println!("    lienthong sandbox serve   # rồi / then: LIENTHONG_PASSWORD={DEMO_PASSWORD} lienthong submit visits.xml --gateway http://127.0.0.1:8130 --outbox demo.sqlite");
    if !ok {
        return Err(Failure::CannotRun(
            "the demo did not end as expected; please report this".into(),
        ));
    }
    Ok(ExitCode::SUCCESS)
}
