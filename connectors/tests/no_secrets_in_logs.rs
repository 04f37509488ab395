//! At trace level, across the client, the outbox, the sandbox, reqwest and hyper, the logs never
//! carry credentials, tokens, patient names, card numbers or file contents.

mod common;

use common::*;
use lienthong_connectors::bhxh::{CardQuery, GatewayClient};
use lienthong_connectors::outbox::{DispatchOptions, Outbox};
use lienthong_connectors::sandbox::{Fault, FaultKind, Route, Sandbox, SandboxConfig};
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs of 40 or more base64 characters: tokens, hashes and file contents look like this.
fn long_base64_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '=' {
            cur.push(c);
        } else {
            if cur.len() >= 40 {
                out.push(cur.clone());
            }
            cur.clear();
        }
    }
    out
}

#[test]
fn trace_logs_hold_no_secrets_or_patient_data() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let file = lienthong::gen::generate(&lienthong::gen::GenOptions {
        hoso: 3,
        seed: 31,
        facility: FACILITY.into(),
        ..Default::default()
    });
    let env = lienthong::Envelope::from_bytes(&file).unwrap();
    let mut patient_values: Vec<String> = Vec::new();
    for h in &env.hosos {
        let x1 = h.xml1.as_ref().unwrap();
        for v in [
            x1.ho_ten.wire(),
            x1.ma_the_bhyt.wire(),
            x1.so_cccd.wire(),
            x1.dia_chi.wire(),
        ] {
            if v.len() >= 6 {
                patient_values.push(v.to_string());
            }
        }
    }
    assert!(!patient_values.is_empty());

    tracing::subscriber::with_default(subscriber, || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let sb = Sandbox::start(sandbox_config()).await.unwrap();
            let client: GatewayClient = client_for(&sb, |c| c.officer = Some(officer()));
            let card = &SandboxConfig::demo().cards[0];
            let q = CardQuery {
                card: card.ma_the.clone(),
                name: card.ho_ten.clone(),
                birth_date: card.ngay_sinh.clone(),
            };
            client.check_card(&q).await.unwrap();
            client.visit_history(&q).await.unwrap();
            patient_values.push(card.ho_ten.clone());
            patient_values.push(card.ma_the.clone());
            // Submissions through the outbox, with a session lost and a 5xx on the way.
            let dir = std::env::temp_dir().join(format!("lienthong-logs-{}", std::process::id()));
            let o = Outbox::open(dir.join("outbox.sqlite")).unwrap();
            for p in lienthong_connectors::prepare::claim_files(&file, Some(&signer().0)).unwrap() {
                o.enqueue(p.kind, p.generation, &p.facility, &p.ma_lk, &p.bytes, None)
                    .unwrap();
            }
            sb.inject(Fault {
                route: Route::Any,
                kind: FaultKind::SessionLost,
                times: 1,
            });
            sb.inject(Fault {
                route: Route::Any,
                kind: FaultKind::Http(503),
                times: 1,
            });
            let opts = DispatchOptions {
                backoff: fast_retry(3),
                ..DispatchOptions::default()
            };
            o.dispatch(&client, &opts, |_| {}).await.unwrap();
            // A refused login, too.
            let bad = client_for(&sb, |c| {
                c.account.password = lienthong_connectors::secret::Secret::new("Zq9-wrong-pass")
            });
            let _ = bad.login().await;
            sb.shutdown().await;
        });
    });

    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.len() > 1000,
        "trace logging captured too little: {logs}"
    );
    let md5 = lienthong_connectors::secret::Secret::new(PASSWORD).md5_upper_hex();
    let mut forbidden: Vec<String> = vec![
        PASSWORD.into(),
        "Zq9-wrong-pass".into(),
        md5.expose().to_string(),
        md5.expose().to_ascii_lowercase(),
        officer().name,
        officer().cccd,
        "fileHSBase64=".into(),
        "token=".into(),
        "accessToken:".into(),
    ];
    forbidden.extend(patient_values);
    for f in &forbidden {
        assert!(
            !logs.contains(f.as_str()),
            "the logs contain a forbidden value ({} chars)",
            f.len()
        );
    }
    let runs = long_base64_runs(&logs);
    assert!(
        runs.is_empty(),
        "token-like strings in the logs: {:?}",
        runs.iter().map(|r| &r[..8]).collect::<Vec<_>>()
    );
}
