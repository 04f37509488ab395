//! What can go wrong when talking to the gateway, one variant per failure class.
//!
//! Error text never holds credentials, tokens, query strings, request bodies or patient data:
//! only the route, codes, HTTP statuses and the gateway's own message (which the gateway writes
//! for the facility's staff).

use std::fmt;
use std::time::Duration;

/// Whether a request may have reached the gateway before it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The request never left (connection refused, DNS, TLS handshake): sending again is safe.
    NotSent,
    /// The request may have arrived and been processed (timeout or connection lost after
    /// sending): the outcome is unknown.
    Unknown,
}

/// A failed gateway call.
#[derive(Debug, Clone, thiserror::Error)]
pub enum GatewayError {
    /// The configuration cannot be used (bad URL, plain HTTP to a remote host, bad facility).
    #[error("cấu hình cổng không hợp lệ / invalid gateway configuration: {0}")]
    Config(String),
    /// Could not connect, or the connection broke.
    #[error("lỗi kết nối tới {route} / transport error calling {route}: {detail}")]
    Transport {
        route: &'static str,
        detail: String,
        delivery: Delivery,
    },
    /// No answer in time.
    #[error("hết thời gian chờ {route} ({after:?}) / timed out calling {route} after {after:?}")]
    Timeout {
        route: &'static str,
        after: Duration,
        delivery: Delivery,
    },
    /// The TLS certificate or handshake was refused.
    #[error("lỗi TLS khi gọi {route} / TLS error calling {route}: {detail}")]
    Tls { route: &'static str, detail: String },
    /// The gateway refused the session (wrong account, expired or IP-bound token) even after one
    /// fresh login.
    #[error("phiên làm việc bị từ chối (mã {code}) / session refused by the gateway (code {code}) at {route}")]
    Session { route: &'static str, code: String },
    /// The account cannot log in (401 wrong credentials, 402 wrong facility, 403 locked).
    #[error(
        "đăng nhập thất bại (mã {code}: {meaning_vi}) / login failed (code {code}: {meaning_en})"
    )]
    Login {
        code: String,
        meaning_vi: &'static str,
        meaning_en: &'static str,
    },
    /// The gateway refused the file or the request for its content. Never retried: fix the data.
    #[error(
        "cổng từ chối (mã {code}) / rejected by the gateway (code {code}) at {route}: {message}"
    )]
    Rejected {
        route: &'static str,
        code: String,
        message: String,
    },
    /// The gateway (or a proxy before it) failed: HTTP 5xx, or maKetQua 500.
    #[error("lỗi máy chủ cổng (HTTP {status}, mã {code:?}) / gateway server error (HTTP {status}, code {code:?}) at {route}")]
    Server {
        route: &'static str,
        status: u16,
        code: Option<String>,
        retry_after: Option<Duration>,
    },
    /// The answer could not be understood.
    #[error("phản hồi không đọc được từ {route} (HTTP {status}) / unreadable answer from {route} (HTTP {status}): {detail}")]
    InvalidResponse {
        route: &'static str,
        status: u16,
        detail: String,
    },
    /// Retries ran out, or the overall deadline passed; the last error is kept.
    #[error("đã thử {attempts} lần, không thành công / gave up after {attempts} attempts: {last}")]
    GaveUp {
        attempts: u32,
        last: Box<GatewayError>,
    },
}

impl GatewayError {
    /// Whether trying again later may succeed (network, timeouts, 5xx). Rejections,
    /// configuration and login errors are not transient.
    pub fn is_transient(&self) -> bool {
        match self {
            GatewayError::Transport { .. }
            | GatewayError::Timeout { .. }
            | GatewayError::Server { .. } => true,
            GatewayError::GaveUp { last, .. } => last.is_transient(),
            _ => false,
        }
    }

    /// Whether the request may have been processed although no answer came back.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            GatewayError::Transport { delivery, .. } | GatewayError::Timeout { delivery, .. } => {
                *delivery == Delivery::Unknown
            }
            // A 5xx from a proxy may hide a processed request too.
            GatewayError::Server { .. } => true,
            GatewayError::GaveUp { last, .. } => last.outcome_unknown(),
            _ => false,
        }
    }

    /// The gateway's result code, when it gave one.
    pub fn code(&self) -> Option<&str> {
        match self {
            GatewayError::Session { code, .. }
            | GatewayError::Login { code, .. }
            | GatewayError::Rejected { code, .. } => Some(code),
            GatewayError::Server { code, .. } => code.as_deref(),
            GatewayError::GaveUp { last, .. } => last.code(),
            _ => None,
        }
    }

    /// How long the server asked us to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            GatewayError::Server { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// A short, stable name of the failure class (for reports and the outbox).
    pub fn class(&self) -> ErrorClass {
        match self {
            GatewayError::Config(_) => ErrorClass::Config,
            GatewayError::Transport { .. } => ErrorClass::Transport,
            GatewayError::Timeout { .. } => ErrorClass::Timeout,
            GatewayError::Tls { .. } => ErrorClass::Tls,
            GatewayError::Session { .. } | GatewayError::Login { .. } => ErrorClass::Session,
            GatewayError::Rejected { .. } => ErrorClass::Rejected,
            GatewayError::Server { .. } => ErrorClass::Server,
            GatewayError::InvalidResponse { .. } => ErrorClass::InvalidResponse,
            GatewayError::GaveUp { last, .. } => last.class(),
        }
    }
}

/// The failure classes, for code that branches on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorClass {
    Config,
    Transport,
    Timeout,
    Tls,
    Session,
    Rejected,
    Server,
    InvalidResponse,
}

impl ErrorClass {
    /// The class name used in JSON output and the outbox.
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::Config => "config",
            ErrorClass::Transport => "transport",
            ErrorClass::Timeout => "timeout",
            ErrorClass::Tls => "tls",
            ErrorClass::Session => "session",
            ErrorClass::Rejected => "rejected",
            ErrorClass::Server => "server",
            ErrorClass::InvalidResponse => "invalid_response",
        }
    }
}

impl fmt::Display for ErrorClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
