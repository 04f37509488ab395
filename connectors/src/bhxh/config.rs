//! How to reach the gateway: address, account, timeouts and retry policy.

use super::error::GatewayError;
use crate::secret::Secret;
use std::fmt;
use std::time::Duration;

/// The production gateway.
pub const PRODUCTION_URL: &str = "https://egw.baohiemxahoi.gov.vn";
/// The training gateway BHXH provides for integration tests.
pub const TRAINING_URL: &str = "https://daotaoegw.baohiemxahoi.gov.vn";

/// One facility account on the gateway.
#[derive(Clone)]
pub struct Account {
    /// The account, conventionally `<maCSKCB>_BV`.
    pub username: String,
    /// The plain password (the client sends only its MD5).
    pub password: Secret,
    /// The facility code (`maCSKCB`, 5 characters); its first two characters are `maTinh`.
    pub facility: String,
}

impl fmt::Debug for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Account")
            .field("username", &self.username)
            .field("password", &self.password)
            .field("facility", &self.facility)
            .finish()
    }
}

impl Account {
    /// An account for `facility` with the conventional username `<facility>_BV`.
    pub fn for_facility(facility: &str, password: Secret) -> Self {
        Account {
            username: format!("{facility}_BV"),
            password,
            facility: facility.to_string(),
        }
    }

    /// `maTinh`: the first two characters of the facility code.
    pub fn province(&self) -> &str {
        self.facility.get(..2).unwrap_or("")
    }
}

/// Retries of transient failures: exponential backoff with full jitter, capped, and bounded by an
/// overall deadline per call.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = no retry).
    pub max_attempts: u32,
    /// The first backoff.
    pub base_delay: Duration,
    /// The largest backoff (and the largest `Retry-After` honoured).
    pub max_delay: Duration,
    /// No new attempt starts after this much time since the first.
    pub deadline: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            deadline: Duration::from_secs(300),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1): a random duration in
    /// `[d/2, d]` with `d = min(max_delay, base_delay * 2^(attempt-1))`, or the server's
    /// `Retry-After` when it is longer (capped at `max_delay`).
    pub fn backoff(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let exp = attempt.saturating_sub(1).min(20);
        let d = self
            .base_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay);
        let half = d / 2;
        let jitter = if half.is_zero() {
            Duration::ZERO
        } else {
            Duration::from_nanos(rand::random_range(0..=half.as_nanos() as u64))
        };
        let ours = half + jitter;
        match retry_after {
            Some(ra) if ra > ours => ra.min(self.max_delay),
            _ => ours,
        }
    }
}

/// Everything the client needs.
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    /// The gateway's base URL, e.g. [`PRODUCTION_URL`]. Plain `http://` is refused except to a
    /// loopback address.
    pub base_url: String,
    /// The facility account.
    pub account: Account,
    /// The clerk whose name and CCCD go with card lookups (`hoTenCb`, `cccdCb`).
    pub officer: Option<Officer>,
    /// Time allowed to connect.
    pub connect_timeout: Duration,
    /// Time allowed for one request, from sending to the end of the answer.
    pub request_timeout: Duration,
    /// A session is renewed this long before the gateway's `expires_in`.
    pub renew_before: Duration,
    /// Retries of transient failures.
    pub retry: RetryPolicy,
    /// Extra root certificates (PEM) to trust, e.g. the sandbox's.
    pub extra_roots_pem: Vec<String>,
}

/// The facility clerk doing a card lookup. The gateway checks both against the facility's list
/// of registered users (codes 054, 055).
#[derive(Clone)]
pub struct Officer {
    /// Full name as registered.
    pub name: String,
    /// 12-digit CCCD.
    pub cccd: String,
}

impl fmt::Debug for Officer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Officer([redacted])")
    }
}

impl GatewayConfig {
    /// A configuration with the default timeouts (connect 5 s, request 60 s) and retry policy.
    pub fn new(base_url: impl Into<String>, account: Account) -> Self {
        GatewayConfig {
            base_url: base_url.into(),
            account,
            officer: None,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(60),
            renew_before: Duration::from_secs(60),
            retry: RetryPolicy::default(),
            extra_roots_pem: Vec::new(),
        }
    }

    /// Checks the URL and the facility code. Plain HTTP is allowed only to loopback.
    pub fn check(&self) -> Result<(), GatewayError> {
        let url = self.base_url.trim_end_matches('/');
        let (scheme, rest) = url.split_once("://").ok_or_else(|| {
            GatewayError::Config("URL thiếu http(s):// / URL needs http:// or https://".into())
        })?;
        let host = host_of(rest);
        match scheme {
            "https" => {}
            "http" if is_loopback(host) => {}
            "http" => {
                return Err(GatewayError::Config(
                    "không dùng http:// tới máy khác, hãy dùng https:// / plain http:// is only \
                     allowed to a loopback address; use https://"
                        .into(),
                ))
            }
            _ => {
                return Err(GatewayError::Config(format!(
                    "giao thức không hỗ trợ: {scheme} / unsupported scheme: {scheme}"
                )))
            }
        }
        if host.is_empty() {
            return Err(GatewayError::Config(
                "URL thiếu máy chủ / URL has no host".into(),
            ));
        }
        let f = &self.account.facility;
        if f.len() != 5 || !f.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(GatewayError::Config(
                "mã CSKCB phải có 5 ký tự chữ/số / the facility code must be 5 letters or digits"
                    .into(),
            ));
        }
        if self.account.username.is_empty() || self.account.password.is_empty() {
            return Err(GatewayError::Config(
                "thiếu tài khoản hoặc mật khẩu / username or password missing".into(),
            ));
        }
        Ok(())
    }
}

fn host_of(rest: &str) -> &str {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    if let Some(stripped) = authority.strip_prefix('[') {
        return stripped.split(']').next().unwrap_or("");
    }
    authority.split(':').next().unwrap_or("")
}

fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(url: &str) -> GatewayConfig {
        GatewayConfig::new(url, Account::for_facility("99001", Secret::new("pw")))
    }

    #[test]
    fn plain_http_only_to_loopback() {
        assert!(cfg("http://127.0.0.1:8130").check().is_ok());
        assert!(cfg("http://localhost:8130/").check().is_ok());
        assert!(cfg("http://[::1]:8130").check().is_ok());
        assert!(cfg("https://egw.baohiemxahoi.gov.vn").check().is_ok());
        assert!(cfg("http://egw.baohiemxahoi.gov.vn").check().is_err());
        assert!(cfg("http://127.0.0.1.evil.example").check().is_err());
        assert!(cfg("http://user@10.0.0.1").check().is_err());
        assert!(cfg("ftp://127.0.0.1").check().is_err());
        assert!(cfg("127.0.0.1").check().is_err());
    }

    #[test]
    fn backoff_grows_with_jitter_and_caps() {
        let p = RetryPolicy {
            max_attempts: 10,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
            deadline: Duration::from_secs(10),
        };
        for _ in 0..100 {
            let b1 = p.backoff(1, None);
            assert!(b1 >= Duration::from_millis(50) && b1 <= Duration::from_millis(100));
            let b3 = p.backoff(3, None);
            assert!(b3 >= Duration::from_millis(200) && b3 <= Duration::from_millis(400));
            assert!(p.backoff(30, None) <= Duration::from_secs(1));
        }
        assert_eq!(
            p.backoff(1, Some(Duration::from_millis(700))),
            Duration::from_millis(700)
        );
        assert_eq!(
            p.backoff(1, Some(Duration::from_secs(60))),
            Duration::from_secs(1)
        );
    }

    #[test]
    fn debug_hides_credentials() {
        let mut c = cfg("https://x.example");
        c.officer = Some(Officer {
            name: "TRAN THI TIEP DON".into(),
            cccd: "001234567890".into(),
        });
        let s = format!("{c:?}");
        assert!(!s.contains("pw\"") && !s.contains("TRAN") && !s.contains("001234567890"));
    }
}
