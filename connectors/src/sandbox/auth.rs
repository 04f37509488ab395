//! Sessions: token/take and the check every function makes.

use super::clock::{dotnet_utc, filetime_ticks};
use super::config::SandboxAccount;
use super::state::{Reply, Req, Session, State};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ring::hmac;
use serde_json::json;
use std::net::IpAddr;

/// Upper-case hex MD5 of `s`, as the gateway wants passwords.
pub fn md5_hex(s: &str) -> String {
    crate::hex::md5_upper(s)
}

/// A random GUID (version 4), lower-case.
pub(crate) fn guid() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = crate::hex::lower(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn mac_input(user: &str, ip: IpAddr, token_id: &str, ticks: u64) -> String {
    format!("{user}|{ip}|{token_id}|{ticks}")
}

fn mac(state: &State, user: &str, ip: IpAddr, token_id: &str, ticks: u64) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, &state.secret);
    let tag = hmac::sign(&key, mac_input(user, ip, token_id, ticks).as_bytes());
    STANDARD.encode(tag.as_ref())
}

/// Whether `tag` (base64) is the MAC of the session facts, checked in constant time.
fn mac_ok(state: &State, tag: &str, user: &str, ip: IpAddr, token_id: &str, ticks: u64) -> bool {
    let Ok(tag) = STANDARD.decode(tag) else {
        return false;
    };
    let key = hmac::Key::new(hmac::HMAC_SHA256, &state.secret);
    hmac::verify(&key, mac_input(user, ip, token_id, ticks).as_bytes(), &tag).is_ok()
}

fn account<'a>(state: &'a State, username: &str) -> Option<&'a SandboxAccount> {
    state
        .config
        .accounts
        .iter()
        .find(|a| a.username.eq_ignore_ascii_case(username))
}

/// `POST /api/token/take`.
pub(crate) fn take(state: &State, req: &Req) -> Reply {
    let username = req.field("username").unwrap_or("");
    let password = req.field("password").unwrap_or("");
    let fail = |code: &str, msg: &str| {
        Reply::json(
            200,
            json!({"maKetQua": code, "APIKey": null, "thongDiep": msg}),
        )
    };
    let Some(acc) = account(state, username) else {
        return fail(
            "401",
            "Tài khoản không tồn tại hoặc sai thông tin đăng nhập",
        );
    };
    if !md5_hex(&acc.password).eq_ignore_ascii_case(password.trim()) {
        return fail(
            "401",
            "Tài khoản không tồn tại hoặc sai thông tin đăng nhập",
        );
    }
    if acc.locked {
        return fail("403", "Tài khoản đã bị khóa");
    }
    if let Some(f) = req.field("macskcb") {
        if !f.is_empty() && f != acc.facility {
            return fail("402", "Mã cơ sở KCB không đúng");
        }
    }
    let now = state.clock.now();
    let ticks = filetime_ticks(now);
    let token_id = guid();
    let inner_mac = mac(state, &acc.username, req.peer, &token_id, ticks);
    let access_token = STANDARD.encode(format!("{inner_mac}:{}:{ticks}", acc.username));
    let expires = now + state.config.session_ttl;
    state.lock().sessions.insert(
        token_id.clone(),
        Session {
            access_token: access_token.clone(),
            username: acc.username.clone(),
            ip: req.peer,
            ticks,
            expires,
        },
    );
    tracing::info!(username = %acc.username, "sandbox: session issued");
    Reply::json(
        200,
        json!({
            "maKetQua": "200",
            "APIKey": {
                "access_token": access_token,
                "id_token": token_id,
                "token_type": "Bearer",
                "username": acc.username,
                "expires_in": dotnet_utc(expires),
            }
        }),
    )
}

/// The account and facility of a valid session.
#[derive(Debug, Clone)]
pub(crate) struct Authed {
    pub username: String,
    pub facility: String,
}

/// Credentials as a request carries them.
pub(crate) struct Credentials<'a> {
    pub access_token: &'a str,
    pub token_id: &'a str,
    /// The account named in the request (`None`: not named, e.g. MCCT without `username`).
    pub username: Option<&'a str>,
    pub password_hash: &'a str,
}

/// Checks a session: it exists, the token matches its id and its MAC (over the caller's IP when
/// IP binding is on), it has not expired on the sandbox clock, and the account and password hash
/// match.
pub(crate) fn check(state: &State, c: &Credentials<'_>, peer: IpAddr) -> Option<Authed> {
    let session = state.lock().sessions.get(c.token_id)?.clone();
    if session.access_token != c.access_token {
        return None;
    }
    if state.clock.now() >= session.expires {
        return None;
    }
    let ip = if state.config.ip_binding {
        peer
    } else {
        session.ip
    };
    let decoded = STANDARD.decode(c.access_token).ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let mut parts = decoded.rsplitn(3, ':');
    let ticks: u64 = parts.next()?.parse().ok()?;
    let user = parts.next()?;
    let inner = parts.next()?;
    if ticks != session.ticks || user != session.username {
        return None;
    }
    if !mac_ok(state, inner, user, ip, c.token_id, ticks) {
        return None;
    }
    let acc = account(state, &session.username)?;
    if acc.locked {
        return None;
    }
    if let Some(u) = c.username {
        if !u.eq_ignore_ascii_case(&acc.username) && u != acc.facility {
            return None;
        }
    }
    if !md5_hex(&acc.password).eq_ignore_ascii_case(c.password_hash.trim()) {
        return None;
    }
    Some(Authed {
        username: acc.username.clone(),
        facility: acc.facility.clone(),
    })
}

/// Style Q: `?token=&id_token=&username=&password=`.
pub(crate) fn check_query(state: &State, req: &Req) -> Option<Authed> {
    check(
        state,
        &Credentials {
            access_token: req.q("token")?,
            token_id: req.q("id_token")?,
            username: Some(req.q("username")?),
            password_hash: req.q("password")?,
        },
        req.peer,
    )
}

/// Style H: headers `accessToken`, `tokenId`, `passwordHash`; `username` in the body when
/// `require_username`.
pub(crate) fn check_headers(state: &State, req: &Req, require_username: bool) -> Option<Authed> {
    let username = req.field("username");
    if require_username && username.is_none() {
        return None;
    }
    check(
        state,
        &Credentials {
            access_token: req.header("accesstoken")?,
            token_id: req.header("tokenid")?,
            username,
            password_hash: req.header("passwordhash")?,
        },
        req.peer,
    )
}

/// The style-Q / QĐ 130 answer to a failed session check: HTTP 200 with `maKetQua` 401.
pub(crate) fn unauthorized() -> Reply {
    Reply::code(
        "401",
        "Lỗi xác thực tài khoản: token không hợp lệ hoặc đã hết hạn",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_and_guid() {
        assert_eq!(md5_hex(""), "D41D8CD98F00B204E9800998ECF8427E");
        let g = guid();
        assert_eq!(g.len(), 36);
        assert_eq!(&g[14..15], "4");
    }
}
