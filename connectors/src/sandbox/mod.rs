//! The sandbox BHXH gateway: an HTTP(S) server on loopback that behaves like
//! `egw.baohiemxahoi.gov.vn`, for tests, the demo and vendors' own integration tests.
//!
//! - token/take with the real token shape (FILETIME ticks, GUID `id_token`, .NET `expires_in`),
//!   10-minute sessions on a clock tests move ([`SandboxClock`]), optional IP binding;
//! - the card check (2019/2024, every result code from a seeded registry), Lskcb2025,
//!   nhanHoSoKCBChiTiet and TraCuuTienMCCT with their own auth styles and casing;
//! - check-in and claim submission for the QĐ 130, 4750 and 3176 generations, with the file
//!   read by the SDK: structure (123), rules (124), signature (125), dates (202), unreadable
//!   (204), bad input (205), size (1001); "latest version per (maCSKCB, MA_LK) wins" with the
//!   full history; the legacy QĐ 4210 submit;
//! - faults injected per route ([`Fault`]): latency, hang, drop, process-then-drop, HTTP errors,
//!   a lost session;
//! - a log of every request and file, free of secrets and patient data, and admin endpoints
//!   under `/sandbox/` (see [`admin`](self#admin-endpoints)).
//!
//! # Admin endpoints
//!
//! `GET /sandbox/clock`, `POST /sandbox/clock/advance?seconds=N`, `POST /sandbox/faults` (JSON
//! `{"route":"submit_qd3176","kind":"latency","ms":500,"times":1}`; kinds `latency`, `hang`,
//! `drop`, `process_then_drop`, `http` with `status`, `session_lost`, `http401_empty`),
//! `DELETE /sandbox/faults`, `POST /sandbox/sessions/expire`, `GET /sandbox/submissions`,
//! `GET /sandbox/requests`.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use lienthong_connectors::sandbox::{Sandbox, SandboxConfig};
//! let sandbox = Sandbox::start(SandboxConfig::demo()).await?;
//! println!("{}", sandbox.url());
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```

mod admin;
mod auth;
mod cards;
mod clock;
mod config;
mod server;
mod state;
mod submit;
mod tls;
mod types;

pub use admin::{fault_from_json, request_json, submission_json};
pub use auth::md5_hex;
pub use clock::SandboxClock;
pub use config::{
    demo_card_for, CardStatus, CoPayment, NewCard, Officer, SandboxAccount, SandboxCard,
    SandboxConfig, SandboxVisit, SignaturePolicy, DEMO_FACILITY, DEMO_HOLDER_BIRTH,
    DEMO_HOLDER_NAME, DEMO_LOCKED_USERNAME, DEMO_OFFICER_CCCD, DEMO_OFFICER_NAME,
    DEMO_OTHER_USERNAME, DEMO_PASSWORD, DEMO_RESTRICTED_USERNAME, DEMO_USERNAME,
};
pub use types::{BodyForm, Fault, FaultKind, Generation, RecordedRequest, Route, Submission};

use state::State;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// A running sandbox gateway. Dropping it stops the server too; [`Sandbox::shutdown`] also waits
/// for the accept loop to end.
pub struct Sandbox {
    state: Arc<State>,
    addr: SocketAddr,
    tls: bool,
    ca_pem: Option<String>,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("url", &self.url())
            .field("config", &self.state.config)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Plain HTTP on `127.0.0.1`, on a free port.
    pub async fn start(config: SandboxConfig) -> std::io::Result<Sandbox> {
        Self::bind(config, SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), false).await
    }

    /// HTTPS on `127.0.0.1`, on a free port, with a certificate for `localhost` and `127.0.0.1`
    /// issued by a fresh CA ([`Sandbox::ca_certificate_pem`]).
    pub async fn start_tls(config: SandboxConfig) -> std::io::Result<Sandbox> {
        Self::bind(config, SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), true).await
    }

    /// Serves on `addr` (port 0: a free port), over TLS when `tls`.
    pub async fn bind(
        config: SandboxConfig,
        addr: SocketAddr,
        tls: bool,
    ) -> std::io::Result<Sandbox> {
        let (acceptor, ca_pem) = if tls {
            let (acceptor, ca) = tls::acceptor()?;
            (Some(acceptor), Some(ca))
        } else {
            (None, None)
        };
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State::new(config));
        let (tx, rx) = watch::channel(false);
        let task = tokio::spawn(server::accept_loop(listener, acceptor, state.clone(), rx));
        tracing::info!(%addr, tls, "sandbox gateway listening");
        Ok(Sandbox {
            state,
            addr,
            tls,
            ca_pem,
            shutdown: tx,
            task: Some(task),
        })
    }

    /// The base URL: `http://127.0.0.1:PORT` or `https://localhost:PORT`.
    pub fn url(&self) -> String {
        let port = self.addr.port();
        if self.tls {
            return format!("https://localhost:{port}");
        }
        let ip = match self.addr.ip() {
            ip if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            ip => ip,
        };
        match ip {
            IpAddr::V4(v4) => format!("http://{v4}:{port}"),
            IpAddr::V6(v6) => format!("http://[{v6}]:{port}"),
        }
    }

    /// The address listened on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The PEM certificate a TLS client must trust (`None` for plain HTTP).
    pub fn ca_certificate_pem(&self) -> Option<String> {
        self.ca_pem.clone()
    }

    /// The configuration it runs with.
    pub fn config(&self) -> &SandboxConfig {
        &self.state.config
    }

    /// The sandbox clock (clones share it).
    pub fn clock(&self) -> SandboxClock {
        self.state.clock.clone()
    }

    /// Queues a fault; faults are consumed in order by the requests they match.
    pub fn inject(&self, fault: Fault) {
        self.state.lock().faults.push_back(fault);
    }

    /// Drops every queued fault.
    pub fn clear_faults(&self) {
        self.state.lock().faults.clear();
    }

    /// Invalidates every token issued so far.
    pub fn expire_sessions(&self) {
        self.state.lock().sessions.clear();
    }

    /// Every request received on a gateway route (admin routes excluded), in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.state.lock().requests.clone()
    }

    /// Every check-in and claim file received from an authenticated caller, accepted or not,
    /// in arrival order.
    pub fn submissions(&self) -> Vec<Submission> {
        self.state.lock().submissions.clone()
    }

    /// The latest accepted file holding `ma_lk` of `facility` (check-in or claim).
    pub fn latest(&self, facility: &str, ma_lk: &str) -> Option<Submission> {
        self.history(facility, ma_lk)
            .into_iter()
            .rev()
            .find(|s| s.accepted)
    }

    /// Every accepted file holding `ma_lk` of `facility`, oldest first (versions 1, 2...).
    pub fn history(&self, facility: &str, ma_lk: &str) -> Vec<Submission> {
        self.state
            .lock()
            .submissions
            .iter()
            .filter(|s| s.accepted && s.facility == facility && s.ma_lk.iter().any(|l| l == ma_lk))
            .cloned()
            .collect()
    }

    /// Stops the server: open connections (hung ones included) are closed.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}
