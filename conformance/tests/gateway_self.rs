//! Lienthong's own gateway client and outbox, driven against the sandbox gateway, pass the
//! gateway behaviour profile; a client that skips the check-in does not.

use lienthong::validate::Pack;
use lienthong_conformance::gateway::{check, from_sandbox, Profile};
use lienthong_connectors::bhxh::{Account, GatewayClient, GatewayConfig, RetryPolicy};
use lienthong_connectors::outbox::{DispatchOptions, Outbox};
use lienthong_connectors::prepare::{checkin_files, claim_files};
use lienthong_connectors::sandbox::{
    Fault, FaultKind, Generation, Route, Sandbox, SandboxConfig, DEMO_FACILITY, DEMO_PASSWORD,
};
use lienthong_connectors::secret::Secret;
use std::time::Duration;

fn client(sb: &Sandbox) -> GatewayClient {
    let mut cfg = GatewayConfig::new(
        sb.url(),
        Account::for_facility(DEMO_FACILITY, Secret::new(DEMO_PASSWORD)),
    );
    cfg.retry = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
        deadline: Duration::from_secs(10),
    };
    GatewayClient::new(cfg).unwrap()
}

fn visits(seed: u64) -> Vec<u8> {
    lienthong::gen::generate(&lienthong::gen::GenOptions {
        hoso: 3,
        seed,
        facility: DEMO_FACILITY.into(),
        ..Default::default()
    })
}

fn outbox(name: &str) -> Outbox {
    let dir = std::env::temp_dir().join(format!(
        "lienthong-conf-gw-{}-{name}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    Outbox::open(dir.join("outbox.sqlite")).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lienthong_own_connector_passes_the_gateway_profile() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let client = client(&sb);
    let o = outbox("self");
    let file = visits(51);
    let checkins = checkin_files(&file, None).unwrap();
    let claims = claim_files(&file, None).unwrap();
    for p in checkins.iter().chain(&claims) {
        o.enqueue(p.kind, p.generation, &p.facility, &p.ma_lk, &p.bytes, None)
            .unwrap();
    }
    // A transient failure and a lost session on the way.
    sb.inject(Fault {
        route: Route::Submit(Generation::Qd3176),
        kind: FaultKind::Http(503),
        times: 1,
    });
    sb.inject(Fault {
        route: Route::Submit(Generation::Qd3176),
        kind: FaultKind::SessionLost,
        times: 1,
    });
    let opts = DispatchOptions {
        backoff: RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            deadline: Duration::from_secs(10),
        },
        ..DispatchOptions::default()
    };
    let sum = o.dispatch(&client, &opts, |_| {}).await.unwrap();
    assert_eq!(sum.accepted as usize, checkins.len() + claims.len());
    // A correction of the first visit: a new version of the same MA_LK.
    let first = &claims[0];
    let mut corrected = first.bytes.clone();
    corrected.extend_from_slice(b"\n");
    o.enqueue(
        first.kind,
        first.generation,
        &first.facility,
        &first.ma_lk,
        &corrected,
        None,
    )
    .unwrap();
    o.dispatch(&client, &opts, |_| {}).await.unwrap();

    let traffic = from_sandbox(&sb);
    assert!(traffic
        .iter()
        .any(|t| t.ma_lk.is_some() && t.file_hash.is_some()));
    let profile = Profile {
        pack: Pack::Qd3176,
        corrections: vec![first.ma_lk.clone()],
        ..Profile::default()
    };
    let findings = check(&traffic, &profile);
    assert!(findings.is_empty(), "{findings:#?}");
    sb.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_skips_the_check_in_is_caught() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let client = client(&sb);
    let file = visits(52);
    for p in claim_files(&file, None).unwrap() {
        client.submit(&p.bytes).await.unwrap();
    }
    let findings = check(&from_sandbox(&sb), &Profile::default());
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "gw.checkin_before_submit"),
        "{findings:#?}"
    );
    sb.shutdown().await;
}
