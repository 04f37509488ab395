//! Shared set-up of the connector tests: a sandbox with a registered throw-away certificate,
//! clients pointed at it, and generated visits.
#![allow(dead_code)]

use lienthong::sign::{KeyFileSigner, Password, Signer};
use lienthong_connectors::bhxh::{Account, GatewayClient, GatewayConfig, Officer, RetryPolicy};
use lienthong_connectors::prepare::{claim_files, Prepared};
use lienthong_connectors::sandbox::{RecordedRequest, Sandbox, SandboxConfig, SignaturePolicy};
use lienthong_connectors::secret::Secret;
use std::sync::OnceLock;
use std::time::Duration;

pub const FACILITY: &str = "99001";
pub const PASSWORD: &str = "sandbox-password";

/// The SDK's test signing key (`sdk/tests/fixtures/sign/modern.p12`) and its certificate: the
/// same in every process, so a child process signs exactly as its parent.
pub fn signer() -> &'static (KeyFileSigner, Vec<u8>) {
    static S: OnceLock<(KeyFileSigner, Vec<u8>)> = OnceLock::new();
    S.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../sdk/tests/fixtures/sign/modern.p12"
        );
        let p12 = std::fs::read(path).unwrap();
        let s = KeyFileSigner::from_pkcs12(&p12, &Password::new("lienthong-test")).unwrap();
        let cert = s.certificate_der().to_vec();
        (s, cert)
    })
}

pub fn sandbox_config() -> SandboxConfig {
    let mut c = SandboxConfig::demo();
    c.signatures = SignaturePolicy::Required {
        registered: vec![signer().1.clone()],
    };
    c
}

pub fn officer() -> Officer {
    let o = &SandboxConfig::demo().officers[0];
    Officer {
        name: o.name.clone(),
        cccd: o.cccd.clone(),
    }
}

pub fn fast_retry(attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts: attempts,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        deadline: Duration::from_secs(20),
    }
}

pub fn config_for(sb: &Sandbox) -> GatewayConfig {
    let mut cfg = GatewayConfig::new(
        sb.url(),
        Account::for_facility(FACILITY, Secret::new(PASSWORD)),
    );
    cfg.request_timeout = Duration::from_secs(10);
    cfg.retry = fast_retry(4);
    cfg
}

pub fn client_for(sb: &Sandbox, tweak: impl FnOnce(&mut GatewayConfig)) -> GatewayClient {
    let mut cfg = config_for(sb);
    tweak(&mut cfg);
    GatewayClient::new(cfg).unwrap()
}

fn generated(hoso: usize, seed: u64) -> Vec<u8> {
    lienthong::gen::generate(&lienthong::gen::GenOptions {
        hoso,
        seed,
        facility: FACILITY.into(),
        ..Default::default()
    })
}

/// `hoso` signed single-visit claim files.
pub fn claim_parts(hoso: usize, seed: u64) -> Vec<Prepared> {
    claim_files(&generated(hoso, seed), Some(&signer().0)).unwrap()
}

/// `hoso` unsigned single-visit claim files.
pub fn unsigned_parts(hoso: usize, seed: u64) -> Vec<Prepared> {
    claim_files(&generated(hoso, seed), None).unwrap()
}

pub fn count(sb: &Sandbox, pred: impl Fn(&RecordedRequest) -> bool) -> usize {
    sb.requests().iter().filter(|r| pred(r)).count()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = ring::digest::digest(&ring::digest::SHA256, bytes);
    d.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}
