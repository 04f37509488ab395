//! The gateway client: sessions, card checks, check-in and claim submission.

use super::config::{GatewayConfig, RetryPolicy};
use super::error::{Delivery, GatewayError};
use super::wire::{code_of, login_code_meaning, str_of, CardCheck, PastVisit, Receipt};
use crate::secret::Secret;
use base64::Engine as _;
use lienthong::types::Date;
use serde_json::Value;
use std::fmt;
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::Mutex;

/// The endpoint generation of the QĐ 130 functions (§A.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Generation {
    /// `guiHoSoXmlQD130` (2023 pilot; no check-in function).
    Qd130,
    /// `checkInKcbQd4750`, `guiHoSoXmlQD4750` (from 01/07/2024).
    Qd4750,
    /// `checkInKcbQd3176`, `guiHoSoXmlQD3176` (from 01/01/2025; current).
    Qd3176,
}

impl Generation {
    /// The generation that serves files of a rule pack.
    pub fn for_pack(pack: lienthong::validate::Pack) -> Self {
        use lienthong::validate::Pack;
        match pack {
            Pack::Qd130 => Generation::Qd130,
            Pack::Qd4750 => Generation::Qd4750,
            Pack::Qd3176 => Generation::Qd3176,
        }
    }

    /// The name used in the outbox and reports (`130`, `4750`, `3176`).
    pub fn name(self) -> &'static str {
        match self {
            Generation::Qd130 => "130",
            Generation::Qd4750 => "4750",
            Generation::Qd3176 => "3176",
        }
    }

    /// The generation named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        [Generation::Qd130, Generation::Qd4750, Generation::Qd3176]
            .into_iter()
            .find(|g| g.name() == name)
    }

    fn path(self, kind: FileKind) -> Option<&'static str> {
        Some(match (kind, self) {
            (FileKind::CheckIn, Generation::Qd130) => return None,
            (FileKind::CheckIn, Generation::Qd4750) => "/api/qd130/checkInKcbQd4750",
            (FileKind::CheckIn, Generation::Qd3176) => "/api/qd130/checkInKcbQd3176",
            (FileKind::Claim, Generation::Qd130) => "/api/qd130/guiHoSoXmlQD130",
            (FileKind::Claim, Generation::Qd4750) => "/api/qd130/guiHoSoXmlQD4750",
            (FileKind::Claim, Generation::Qd3176) => "/api/qd130/guiHoSoXmlQD3176",
        })
    }
}

/// A check-in document (`loaiHoSo=0`) or a claim file (`loaiHoSo=130`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum FileKind {
    CheckIn,
    Claim,
}

impl FileKind {
    /// `loaiHoSo`.
    pub fn loai_ho_so(self) -> &'static str {
        match self {
            FileKind::CheckIn => "0",
            FileKind::Claim => "130",
        }
    }

    /// The name used in the outbox and reports.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::CheckIn => "checkin",
            FileKind::Claim => "claim",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "checkin" => Some(FileKind::CheckIn),
            "claim" => Some(FileKind::Claim),
            _ => None,
        }
    }
}

/// The patient details a card check sends. Never printed.
#[derive(Clone)]
pub struct CardQuery {
    /// Card number (15 characters), or the 10-digit social-insurance number or 12-digit CCCD.
    pub card: String,
    /// Full name with diacritics.
    pub name: String,
    /// `dd/MM/yyyy`, or `yyyy` when only the year is known.
    pub birth_date: String,
}

impl fmt::Debug for CardQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CardQuery([redacted])")
    }
}

struct Session {
    access_token: Secret,
    id_token: Secret,
    renew_at: Instant,
}

/// Where a call puts the credentials (connectors.md §0).
#[derive(Clone, Copy)]
enum Auth {
    /// Query string `token`, `id_token`, `username`, `password`.
    Query,
    /// Headers `accessToken`, `tokenId`, `passwordHash`.
    Header,
}

enum Body {
    Json(Value),
    Form(Vec<(&'static str, String)>),
}

struct Answer {
    status: u16,
    body: Value,
    code: Option<String>,
}

/// A client of the BHXH gateway for one facility account. Cheap to share (`Arc`) across tasks;
/// one session is kept and renewed before it expires.
pub struct GatewayClient {
    http: reqwest::Client,
    cfg: GatewayConfig,
    base: String,
    password_md5: Secret,
    session: Mutex<Option<Session>>,
}

impl fmt::Debug for GatewayClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GatewayClient")
            .field("base", &self.base)
            .field("account", &self.cfg.account.username)
            .finish_non_exhaustive()
    }
}

impl GatewayClient {
    /// A client for `cfg`. Fails on an unusable configuration (see [`GatewayConfig::check`]).
    pub fn new(cfg: GatewayConfig) -> Result<Self, GatewayError> {
        cfg.check()?;
        let mut builder = reqwest::Client::builder()
            .connect_timeout(cfg.connect_timeout)
            .timeout(cfg.request_timeout)
            .user_agent(concat!("lienthong/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(30));
        for pem in &cfg.extra_roots_pem {
            let cert = reqwest::Certificate::from_pem(pem.as_bytes()).map_err(|_| {
                GatewayError::Config(
                    "chứng thư gốc PEM không đọc được / unreadable root certificate (PEM)".into(),
                )
            })?;
            builder = builder.add_root_certificate(cert);
        }
        let http = builder
            .build()
            .map_err(|e| GatewayError::Config(format!("HTTP client: {}", chain(&e))))?;
        Ok(GatewayClient {
            http,
            base: cfg.base_url.trim_end_matches('/').to_string(),
            password_md5: cfg.account.password.md5_upper_hex(),
            cfg,
            session: Mutex::new(None),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &GatewayConfig {
        &self.cfg
    }

    /// Takes a new session now (`POST /api/token/take`), replacing any cached one.
    pub async fn login(&self) -> Result<(), GatewayError> {
        let mut slot = self.session.lock().await;
        *slot = Some(self.take_token().await?);
        Ok(())
    }

    /// Forgets the cached session (the next call logs in again).
    pub async fn logout(&self) {
        *self.session.lock().await = None;
    }

    async fn take_token(&self) -> Result<Session, GatewayError> {
        const ROUTE: &str = "token/take";
        let form = vec![
            ("username", self.cfg.account.username.clone()),
            ("password", self.password_md5.expose().to_string()),
        ];
        let req = self
            .http
            .post(format!("{}/api/token/take", self.base))
            .form(&form);
        let ans = self.send(ROUTE, req).await?;
        if ans.status == 401 && ans.code.is_none() {
            let (vi, en) = login_code_meaning("401");
            return Err(GatewayError::Login {
                code: "401".into(),
                meaning_vi: vi,
                meaning_en: en,
            });
        }
        check_http(ROUTE, &ans)?;
        match ans.code.as_deref() {
            Some("200") => {}
            Some("500") => {
                return Err(GatewayError::Server {
                    route: ROUTE,
                    status: ans.status,
                    code: Some("500".into()),
                    retry_after: None,
                })
            }
            Some(code) => {
                let (vi, en) = login_code_meaning(code);
                return Err(GatewayError::Login {
                    code: code.into(),
                    meaning_vi: vi,
                    meaning_en: en,
                });
            }
            None => return Err(invalid(ROUTE, &ans, "no maKetQua")),
        }
        let key = ans.body.get("APIKey").or_else(|| ans.body.get("apiKey"));
        let get = |k: &str| key.and_then(|v| str_of(v, k)).filter(|s| !s.is_empty());
        let (Some(access), Some(id)) = (get("access_token"), get("id_token")) else {
            return Err(invalid(ROUTE, &ans, "APIKey without access_token/id_token"));
        };
        let ttl = get("expires_in")
            .and_then(|s| parse_expiry(&s))
            .and_then(|t| t.duration_since(SystemTime::now()).ok())
            .filter(|d| !d.is_zero())
            .map_or(SESSION_LENGTH, |d| d.min(SESSION_LENGTH));
        let renew_in = ttl.saturating_sub(self.cfg.renew_before);
        tracing::debug!(
            route = ROUTE,
            ttl_s = ttl.as_secs(),
            "session taken / đã lấy phiên"
        );
        Ok(Session {
            access_token: Secret::new(access),
            id_token: Secret::new(id),
            renew_at: Instant::now() + renew_in,
        })
    }

    /// The current session's tokens, logging in when there is none or it is due for renewal.
    async fn tokens(&self) -> Result<(Secret, Secret), GatewayError> {
        let mut slot = self.session.lock().await;
        let fresh = matches!(&*slot, Some(s) if Instant::now() < s.renew_at);
        if !fresh {
            *slot = Some(self.take_token().await?);
        }
        let s = slot.as_ref().expect("session just set");
        Ok((s.access_token.clone(), s.id_token.clone()))
    }

    /// One authenticated call. On a session error (HTTP 401, or `maKetQua` 401 in HTTP 200) the
    /// session is dropped, a new one taken, and the call repeated exactly once.
    async fn call(
        &self,
        route: &'static str,
        path: &str,
        auth: Auth,
        body: &Body,
    ) -> Result<Answer, GatewayError> {
        for attempt in 0..2 {
            let (access, id) = self.tokens().await?;
            let url = format!("{}{}", self.base, path);
            let mut req = self.http.post(url);
            match auth {
                Auth::Query => {
                    req = req.query(&[
                        ("token", access.expose()),
                        ("id_token", id.expose()),
                        ("username", self.cfg.account.username.as_str()),
                        ("password", self.password_md5.expose()),
                    ])
                }
                Auth::Header => {
                    req = req
                        .header("accessToken", access.expose())
                        .header("tokenId", id.expose())
                        .header("passwordHash", self.password_md5.expose())
                }
            }
            req = match body {
                Body::Json(v) => req.json(v),
                Body::Form(f) => req.form(f),
            };
            let ans = self.send(route, req).await?;
            let session_error = ans.status == 401 || ans.code.as_deref() == Some("401");
            if !session_error {
                return Ok(ans);
            }
            tracing::info!(
                route,
                attempt,
                "session refused, logging in again / phiên bị từ chối, đăng nhập lại"
            );
            *self.session.lock().await = None;
        }
        Err(GatewayError::Session {
            route,
            code: "401".into(),
        })
    }

    /// Sends a request and reads the answer as JSON whatever the HTTP status.
    async fn send(
        &self,
        route: &'static str,
        req: reqwest::RequestBuilder,
    ) -> Result<Answer, GatewayError> {
        let started = Instant::now();
        let resp = req
            .send()
            .await
            .map_err(|e| transport(route, &e, started))?;
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let bytes = resp
            .bytes()
            .await
            .map_err(|e| transport(route, &e, started))?;
        tracing::debug!(
            route,
            status,
            bytes = bytes.len(),
            ms = started.elapsed().as_millis() as u64,
            "gateway answered / cổng đã trả lời"
        );
        let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        let code = code_of(&body);
        if status >= 500 || status == 429 || (status >= 400 && status != 401 && code.is_none()) {
            if status >= 500 || status == 429 {
                return Err(GatewayError::Server {
                    route,
                    status,
                    code,
                    retry_after,
                });
            }
            return Err(GatewayError::InvalidResponse {
                route,
                status,
                detail: format!("HTTP {status} without a result code"),
            });
        }
        Ok(Answer { status, body, code })
    }

    /// Runs `op` again on transient failures, with backoff, jitter, `Retry-After` and the
    /// overall deadline of `policy`.
    async fn retrying<T, F, Fut>(&self, policy: &RetryPolicy, mut op: F) -> Result<T, GatewayError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, GatewayError>>,
    {
        let start = Instant::now();
        let mut attempt = 1;
        loop {
            match op().await {
                Ok(v) => return Ok(v),
                Err(e) if !e.is_transient() => return Err(e),
                Err(e) => {
                    let wait = policy.backoff(attempt, e.retry_after());
                    let out_of_time = start.elapsed() + wait >= policy.deadline;
                    if attempt >= policy.max_attempts || out_of_time {
                        if attempt == 1 {
                            return Err(e);
                        }
                        return Err(GatewayError::GaveUp {
                            attempts: attempt,
                            last: Box::new(e),
                        });
                    }
                    tracing::warn!(
                        class = %e.class(),
                        attempt,
                        wait_ms = wait.as_millis() as u64,
                        "transient gateway failure, retrying / lỗi tạm thời, thử lại"
                    );
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
            }
        }
    }

    /// Checks a card (`KQNhanLichSuKCB2024`), with the clerk from the configuration.
    pub async fn check_card(&self, q: &CardQuery) -> Result<CardCheck, GatewayError> {
        const ROUTE: &str = "KQNhanLichSuKCB2024";
        let officer = self.cfg.officer.as_ref().ok_or_else(|| {
            GatewayError::Config(
                "tra cứu thẻ cần họ tên và CCCD cán bộ tra cứu / a card check needs the clerk's \
                 name and CCCD (GatewayConfig::officer)"
                    .into(),
            )
        })?;
        let body = Body::Json(serde_json::json!({
            "maThe": q.card, "hoTen": q.name, "ngaySinh": q.birth_date,
            "hoTenCb": officer.name, "cccdCb": officer.cccd,
        }));
        let policy = self.cfg.retry.clone();
        self.retrying(&policy, || async {
            let ans = self
                .call(ROUTE, "/api/egw/KQNhanLichSuKCB2024", Auth::Query, &body)
                .await?;
            let code = ans
                .code
                .clone()
                .ok_or_else(|| invalid(ROUTE, &ans, "no maKetQua"))?;
            match code.as_str() {
                "100" | "101" | "500" => Err(GatewayError::Server {
                    route: ROUTE,
                    status: ans.status,
                    code: Some(code),
                    retry_after: None,
                }),
                "054" | "055" | "205" => Err(GatewayError::Rejected {
                    route: ROUTE,
                    message: str_of(&ans.body, "ghiChu").unwrap_or_else(|| {
                        match code.as_str() {
                            "054" => "CCCD cán bộ tra cứu chưa đăng ký / the clerk's CCCD is not registered",
                            "055" => "họ tên cán bộ không khớp CCCD / the clerk's name does not match the CCCD",
                            _ => "sai định dạng tham số / malformed parameters",
                        }
                        .to_string()
                    }),
                    code,
                }),
                _ => Ok(CardCheck::from_body(code, ans.body)),
            }
        })
        .await
    }

    /// The visit history of a card (`Lskcb2025`, form body only).
    pub async fn visit_history(&self, q: &CardQuery) -> Result<Vec<PastVisit>, GatewayError> {
        const ROUTE: &str = "Lskcb2025";
        let officer = self.cfg.officer.as_ref().ok_or_else(|| {
            GatewayError::Config(
                "tra cứu cần cán bộ tra cứu / a lookup needs the clerk (GatewayConfig::officer)"
                    .into(),
            )
        })?;
        let body = Body::Form(vec![
            ("maThe", q.card.clone()),
            ("hoTen", q.name.clone()),
            ("ngaySinh", q.birth_date.clone()),
            ("hoTenCb", officer.name.clone()),
            ("cccdCb", officer.cccd.clone()),
        ]);
        let policy = self.cfg.retry.clone();
        self.retrying(&policy, || async {
            let ans = self
                .call(ROUTE, "/api/egw/Lskcb2025", Auth::Query, &body)
                .await?;
            let code = ans.code.clone().unwrap_or_default();
            match code.as_str() {
                "000" | "200" => {
                    let list = ans.body.get("dsLichSuKCB2025").cloned();
                    match list {
                        None | Some(Value::Null) => Ok(Vec::new()),
                        Some(v) => serde_json::from_value(v)
                            .map_err(|_| invalid(ROUTE, &ans, "dsLichSuKCB2025 is not a list")),
                    }
                }
                "100" | "101" | "500" => Err(GatewayError::Server {
                    route: ROUTE,
                    status: ans.status,
                    code: Some(code),
                    retry_after: None,
                }),
                _ => Err(GatewayError::Rejected {
                    route: ROUTE,
                    message: str_of(&ans.body, "ghiChu").unwrap_or_default(),
                    code,
                }),
            }
        })
        .await
    }

    /// Sends a check-in document (`loaiHoSo=0`), with retries of transient failures.
    pub async fn check_in(
        &self,
        file: &[u8],
        generation: Generation,
    ) -> Result<Receipt, GatewayError> {
        let policy = self.cfg.retry.clone();
        self.send_file(FileKind::CheckIn, generation, file, &policy)
            .await
    }

    /// Sends a claim file (`loaiHoSo=130`) to the endpoint of the file's rule pack, with retries
    /// of transient failures. A resend after an unknown outcome is safe: the gateway keeps the
    /// latest version of each `MA_LK`.
    pub async fn submit(&self, file: &[u8]) -> Result<Receipt, GatewayError> {
        let generation = generation_of(file).unwrap_or(Generation::Qd3176);
        let policy = self.cfg.retry.clone();
        self.send_file(FileKind::Claim, generation, file, &policy)
            .await
    }

    /// Sends one file to the check-in or submission function of `generation`, retrying
    /// transient failures under `policy` (use [`RetryPolicy::none`] for exactly one attempt).
    pub async fn send_file(
        &self,
        kind: FileKind,
        generation: Generation,
        file: &[u8],
        policy: &RetryPolicy,
    ) -> Result<Receipt, GatewayError> {
        let Some(path) = generation.path(kind) else {
            return Err(GatewayError::Config(
                "QĐ 130 (2023) không có hàm check-in / the QĐ 130 generation has no check-in function"
                    .into(),
            ));
        };
        let route: &'static str = match kind {
            FileKind::CheckIn => "checkIn",
            FileKind::Claim => "guiHoSoXml",
        };
        let file = file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(file);
        let body = Body::Form(vec![
            ("username", self.cfg.account.username.clone()),
            ("loaiHoSo", kind.loai_ho_so().to_string()),
            ("maTinh", self.cfg.account.province().to_string()),
            ("maCSKCB", self.cfg.account.facility.clone()),
            (
                "fileHSBase64",
                base64::engine::general_purpose::STANDARD.encode(file),
            ),
        ]);
        self.retrying(policy, || async {
            let ans = self.call(route, path, Auth::Header, &body).await?;
            receipt(route, ans)
        })
        .await
    }

    /// Replays an old QĐ 4210 file (`guiHoSoGiamDinh4210`, `loaiHoSo=3`): for historical
    /// replays only.
    pub async fn submit_4210(&self, file: &[u8]) -> Result<Receipt, GatewayError> {
        const ROUTE: &str = "guiHoSoGiamDinh4210";
        let file = file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(file);
        let body = Body::Json(Value::String(
            base64::engine::general_purpose::STANDARD.encode(file),
        ));
        let path = format!(
            "/api/egw/guiHoSoGiamDinh4210?loaiHoSo=3&maTinh={}&maCSKCB={}",
            self.cfg.account.province(),
            self.cfg.account.facility
        );
        let policy = self.cfg.retry.clone();
        self.retrying(&policy, || async {
            let ans = self.call(ROUTE, &path, Auth::Query, &body).await?;
            receipt(ROUTE, ans)
        })
        .await
    }
}

/// The documented session length (connectors.md §0).
const SESSION_LENGTH: Duration = Duration::from_secs(600);

fn receipt(route: &'static str, ans: Answer) -> Result<Receipt, GatewayError> {
    let code = ans
        .code
        .clone()
        .ok_or_else(|| invalid(route, &ans, "no maKetQua"))?;
    let message = str_of(&ans.body, "thongDiep").unwrap_or_default();
    match code.as_str() {
        "200" => {
            let ma_giao_dich = str_of(&ans.body, "maGiaoDich")
                .filter(|s| !s.is_empty())
                .ok_or_else(|| invalid(route, &ans, "maKetQua 200 without maGiaoDich"))?;
            Ok(Receipt {
                code,
                ma_giao_dich,
                thoi_gian_tiep_nhan: str_of(&ans.body, "thoiGianTiepNhan").unwrap_or_default(),
                message,
            })
        }
        "500" => Err(GatewayError::Server {
            route,
            status: ans.status,
            code: Some(code),
            retry_after: None,
        }),
        _ => Err(GatewayError::Rejected {
            route,
            code,
            message,
        }),
    }
}

fn check_http(route: &'static str, ans: &Answer) -> Result<(), GatewayError> {
    if ans.status == 200 || ans.code.is_some() {
        Ok(())
    } else {
        Err(invalid(route, ans, "unexpected HTTP status"))
    }
}

fn invalid(route: &'static str, ans: &Answer, detail: &str) -> GatewayError {
    GatewayError::InvalidResponse {
        route,
        status: ans.status,
        detail: detail.to_string(),
    }
}

/// Classifies a reqwest error without its URL (the query string carries credentials).
fn transport(route: &'static str, e: &reqwest::Error, started: Instant) -> GatewayError {
    let connect = e.is_connect();
    let delivery = if connect {
        Delivery::NotSent
    } else {
        Delivery::Unknown
    };
    if is_tls(e) {
        return GatewayError::Tls {
            route,
            detail: chain(e),
        };
    }
    if e.is_timeout() {
        return GatewayError::Timeout {
            route,
            after: started.elapsed(),
            delivery,
        };
    }
    GatewayError::Transport {
        route,
        detail: chain(e),
        delivery,
    }
}

fn is_tls(e: &reqwest::Error) -> bool {
    let mut src: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = src {
        if s.downcast_ref::<native_tls::Error>().is_some() {
            return true;
        }
        let t = s.to_string().to_ascii_lowercase();
        if t.contains("certificate") || t.contains("ssl") || t.contains("tls handshake") {
            return true;
        }
        src = s.source();
    }
    false
}

/// An error and its sources, without any URL.
fn chain(e: &reqwest::Error) -> String {
    let mut out = String::new();
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e).or(None);
    let top = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else if e.is_body() || e.is_decode() {
        "body"
    } else {
        "request"
    };
    out.push_str(top);
    while let Some(s) = src {
        let t = s.to_string();
        if !t.contains("://") {
            out.push_str(": ");
            out.push_str(&t);
        }
        src = s.source();
    }
    out
}

/// Parses the gateway's `expires_in`: `yyyy-MM-ddTHH:mm:ss[.fffffff]Z` (UTC).
pub(crate) fn parse_expiry(s: &str) -> Option<SystemTime> {
    let s = s.trim().strip_suffix('Z')?;
    let (date, time) = s.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let time = time.split('.').next()?;
    let mut t = time.split(':').map(|p| p.parse::<i64>().ok());
    let (hh, mm, ss) = (t.next()??, t.next()??, t.next()??);
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    let date = Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(day).ok()?,
    )?;
    let days = date.day_number() - Date::new(1970, 1, 1)?.day_number();
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
    u64::try_from(secs)
        .ok()
        .map(|s| SystemTime::UNIX_EPOCH + Duration::from_secs(s))
}

/// The endpoint generation for a claim file: the rule pack of its first `HOSO`.
pub fn generation_of(file: &[u8]) -> Option<Generation> {
    let mut reader = lienthong::EnvelopeReader::new(file).ok()?;
    let hoso = reader.next()?.ok()?;
    let pack = lienthong::validate::pack_for(hoso.xml1.as_ref()?)?;
    Some(Generation::for_pack(pack))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_parses_dotnet_round_trip_format() {
        let t = parse_expiry("2017-11-13T03:51:20.1047187Z").unwrap();
        let secs = t.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs();
        assert_eq!(secs, 1_510_545_080);
        assert!(parse_expiry("2017-13-13T03:51:20Z").is_none());
        assert!(parse_expiry("garbage").is_none());
        assert!(parse_expiry("2017-11-13T03:51:20").is_none());
    }

    #[test]
    fn generations_and_paths() {
        assert_eq!(
            Generation::Qd3176.path(FileKind::Claim),
            Some("/api/qd130/guiHoSoXmlQD3176")
        );
        assert_eq!(
            Generation::Qd4750.path(FileKind::CheckIn),
            Some("/api/qd130/checkInKcbQd4750")
        );
        assert_eq!(Generation::Qd130.path(FileKind::CheckIn), None);
        for g in [Generation::Qd130, Generation::Qd4750, Generation::Qd3176] {
            assert_eq!(Generation::from_name(g.name()), Some(g));
        }
    }

    #[test]
    fn generation_follows_the_file() {
        let file = lienthong::gen::generate(&lienthong::gen::GenOptions {
            hoso: 1,
            seed: 7,
            ..Default::default()
        });
        assert!(generation_of(&file).is_some());
        assert_eq!(generation_of(b"not xml"), None);
    }
}
