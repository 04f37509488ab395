//! The sandbox's shared state and the parsed request and reply.

use super::clock::SandboxClock;
use super::config::SandboxConfig;
use super::types::{BodyForm, Fault, RecordedRequest, Route, Submission};
use bytes::Bytes;
use hyper::HeaderMap;
use lienthong::Hoso;
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Mutex, MutexGuard};
use std::time::SystemTime;

/// A session handed out by token/take.
#[derive(Clone)]
pub(crate) struct Session {
    pub access_token: String,
    pub username: String,
    pub ip: IpAddr,
    pub ticks: u64,
    pub expires: SystemTime,
}

/// One card lookup, for `dsLichSuKT2018`.
#[derive(Clone)]
pub(crate) struct Lookup {
    pub user: String,
    pub at: String,
    pub message: String,
    pub code: String,
}

/// An accepted claim's content, kept for nhanHoSoKCBChiTiet and Lskcb2025.
pub(crate) struct StoredHoso {
    pub ma_giao_dich: String,
    pub facility: String,
    pub hoso: Hoso,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub sessions: HashMap<String, Session>,
    pub faults: VecDeque<Fault>,
    pub requests: Vec<RecordedRequest>,
    pub submissions: Vec<Submission>,
    pub versions: HashMap<(String, String), u32>,
    pub lookups: HashMap<String, Vec<Lookup>>,
    pub hosos: Vec<StoredHoso>,
    pub seq: u64,
}

pub(crate) struct State {
    pub config: SandboxConfig,
    pub clock: SandboxClock,
    pub secret: [u8; 32],
    pub inner: Mutex<Inner>,
}

impl State {
    pub fn new(config: SandboxConfig) -> Self {
        State {
            config,
            clock: SandboxClock::new(),
            secret: rand::random(),
            inner: Mutex::new(Inner::default()),
        }
    }

    /// The lock (a panic elsewhere never poisons the sandbox for good).
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the next fault that applies to `route`.
    pub fn take_fault(&self, route: Route) -> Option<Fault> {
        let mut inner = self.lock();
        let i = inner.faults.iter().position(|f| f.route.matches(route))?;
        let f = inner.faults[i];
        if f.times <= 1 {
            inner.faults.remove(i);
        } else {
            inner.faults[i].times -= 1;
        }
        Some(f)
    }
}

/// A request, parsed.
pub(crate) struct Req {
    pub route: Route,
    pub method: String,
    /// Query parameters, keys lower-cased (ASP.NET binds names case-insensitively).
    pub query: HashMap<String, String>,
    pub headers: HeaderMap,
    pub form: BodyForm,
    /// Body fields (JSON object members or form fields), keys lower-cased.
    pub fields: HashMap<String, String>,
    /// The body as JSON, when it is JSON.
    pub json: Option<Value>,
    pub peer: IpAddr,
    pub content_type: Option<String>,
}

impl Req {
    pub fn q(&self, name: &str) -> Option<&str> {
        self.query.get(name).map(String::as_str)
    }

    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The account a request names (query, body or header), for the request log.
    pub fn username(&self) -> Option<String> {
        self.q("username")
            .or_else(|| self.field("username"))
            .or_else(|| self.header("username"))
            .map(|s| s.chars().take(64).collect())
    }
}

/// Parses a form body or query string into lower-cased keys (last value wins).
pub(crate) fn parse_pairs(s: &[u8]) -> Option<HashMap<String, String>> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(s).ok()?;
    Some(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect(),
    )
}

/// The members of a JSON object as strings, keys lower-cased.
pub(crate) fn json_fields(v: &Value) -> HashMap<String, String> {
    let mut out = HashMap::new();
    if let Value::Object(m) = v {
        for (k, v) in m {
            let s = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => continue,
            };
            out.insert(k.to_ascii_lowercase(), s);
        }
    }
    out
}

/// An answer.
pub(crate) struct Reply {
    pub status: u16,
    pub body: Bytes,
    pub content_type: Option<&'static str>,
    pub ma_ket_qua: Option<String>,
}

impl Reply {
    /// HTTP 200 with a JSON body; `maKetQua` (or `MaKetQua`) is read from it for the log.
    pub fn json(status: u16, v: Value) -> Reply {
        let code = v
            .get("maKetQua")
            .or_else(|| v.get("MaKetQua"))
            .map(|c| match c {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        Reply {
            status,
            body: Bytes::from(serde_json::to_vec(&v).unwrap_or_default()),
            content_type: Some("application/json; charset=utf-8"),
            ma_ket_qua: code,
        }
    }

    /// An answer with an empty body.
    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            body: Bytes::new(),
            content_type: None,
            ma_ket_qua: None,
        }
    }

    /// `{"maKetQua":code,"thongDiep":message}` with HTTP 200.
    pub fn code(code: &str, message: &str) -> Reply {
        Reply::json(
            200,
            serde_json::json!({"maKetQua": code, "thongDiep": message}),
        )
    }
}
