//! Sessions of the sandbox gateway over real HTTP: token/take, expiry, invalidation, IP binding.

mod sandbox_support;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use lienthong_connectors::sandbox::{Sandbox, SandboxConfig};
use sandbox_support::*;
use serde_json::json;
use std::time::{Duration, UNIX_EPOCH};

fn card_ok() -> serde_json::Value {
    card_body("HC4999912345678", "Nguyễn Văn Mẫu", "01/01/1980")
}

#[tokio::test]
async fn token_take_accepts_form_and_json_with_either_md5_case() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let upper = md5_upper(PASSWORD);
    let lower = upper.to_lowercase();
    for json in [false, true] {
        for pw in [&upper, &lower] {
            let (status, v) =
                take_raw(&c, &sb.url(), &[("username", USER), ("password", pw)], json).await;
            assert_eq!(status, 200);
            assert_eq!(v["maKetQua"], "200", "json={json}: {v}");
            assert_eq!(v["APIKey"]["token_type"], "Bearer");
            assert_eq!(v["APIKey"]["username"], USER);
        }
    }
    // Each take is a new session.
    let a = login(&c, &sb.url()).await;
    let b = login(&c, &sb.url()).await;
    assert_ne!(a.id_token, b.id_token);
    assert_ne!(a.token, b.token);
    sb.shutdown().await;
}

#[tokio::test]
async fn token_take_failure_codes_come_with_http_200() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let good = md5_upper(PASSWORD);
    let bad = md5_upper("not-the-password");
    let cases: [(&[(&str, &str)], &str); 6] = [
        (&[("username", "00000_BV"), ("password", &good)], "401"),
        (&[("username", USER), ("password", &bad)], "401"),
        (&[("username", USER), ("password", PASSWORD)], "401"),
        (
            &[
                ("username", USER),
                ("password", &good),
                ("maCSKCB", "99002"),
            ],
            "402",
        ),
        (&[("username", "99001_KHOA"), ("password", &good)], "403"),
        (
            &[
                ("username", USER),
                ("password", &good),
                ("maCSKCB", FACILITY),
            ],
            "200",
        ),
    ];
    for (fields, code) in cases {
        for json in [false, true] {
            let (status, v) = take_raw(&c, &url, fields, json).await;
            assert_eq!(status, 200);
            assert_eq!(v["maKetQua"], code, "{fields:?} json={json}: {v}");
            if code != "200" {
                assert!(v["APIKey"].is_null());
            }
        }
    }
    sb.shutdown().await;
}

#[tokio::test]
async fn token_has_the_gateway_shape_and_a_ten_minute_expiry() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let before = sb.clock().now();
    let s = login(&c, &sb.url()).await;
    let after = sb.clock().now();
    // base64( base64(HMAC-SHA256) ":" user ":" FILETIME ticks )
    let outer = String::from_utf8(STANDARD.decode(&s.token).unwrap()).unwrap();
    let parts: Vec<&str> = outer.split(':').collect();
    assert_eq!(parts.len(), 3, "{outer}");
    assert_eq!(STANDARD.decode(parts[0]).unwrap().len(), 32);
    assert_eq!(parts[0].len(), 44);
    assert_eq!(parts[1], USER);
    let ticks: u64 = parts[2].parse().unwrap();
    let to_ticks = |t: std::time::SystemTime| {
        (t.duration_since(UNIX_EPOCH).unwrap().as_nanos() / 100) as u64 + 116_444_736_000_000_000
    };
    assert!(
        to_ticks(before) / 10 <= ticks / 10 && ticks <= to_ticks(after),
        "{ticks}"
    );
    // GUID id_token.
    let id = &s.id_token;
    assert_eq!(id.len(), 36);
    assert_eq!(id.matches('-').count(), 4);
    // expires_in: yyyy-MM-ddTHH:mm:ss.fffffffZ, issue + 10 min.
    let exp = s.raw["APIKey"]["expires_in"].as_str().unwrap();
    assert_eq!(exp.len(), 28, "{exp}");
    assert!(exp.ends_with('Z') && &exp[10..11] == "T" && &exp[19..20] == ".");
    let frac: u64 = exp[20..27].parse().unwrap();
    let secs = {
        let y: i64 = exp[0..4].parse().unwrap();
        let mo: i64 = exp[5..7].parse().unwrap();
        let d: i64 = exp[8..10].parse().unwrap();
        let (h, mi, se): (i64, i64, i64) = (
            exp[11..13].parse().unwrap(),
            exp[14..16].parse().unwrap(),
            exp[17..19].parse().unwrap(),
        );
        // days from civil
        let y2 = if mo <= 2 { y - 1 } else { y };
        let era = y2.div_euclid(400);
        let yoe = y2.rem_euclid(400);
        let doy = (153 * (if mo > 2 { mo - 3 } else { mo + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * 86_400 + h * 3600 + mi * 60 + se
    };
    let exp_ticks = (secs as u64 + 11_644_473_600) * 10_000_000 + frac;
    assert_eq!(exp_ticks - ticks, 600 * 10_000_000);
    sb.shutdown().await;
}

#[tokio::test]
async fn session_expires_on_the_sandbox_clock() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    assert_eq!(
        card_check(&c, &url, &s, 2024, card_ok()).await["maKetQua"],
        "000"
    );
    sb.clock().advance(Duration::from_secs(9 * 60 + 50));
    assert_eq!(
        card_check(&c, &url, &s, 2024, card_ok()).await["maKetQua"],
        "000"
    );
    sb.clock().advance(Duration::from_secs(10));
    let v = card_check(&c, &url, &s, 2024, card_ok()).await;
    assert_eq!(v["maKetQua"], "401", "{v}");
    // The QĐ 130 routes say so the same way; MCCT answers HTTP 401 with an empty body.
    let v = submit(&c, &url, &s, &claim(1)).await;
    assert_eq!(v["maKetQua"], "401");
    let r = c
        .post(format!("{url}/api/TraCuuCCT/TraCuuTienMCCT"))
        .header("accessToken", &s.token)
        .header("tokenId", &s.id_token)
        .header("passwordHash", &s.password_md5)
        .json(&json!({"username": USER, "maThe": "HC4999912345678", "hoTen": "Nguyễn Văn Mẫu", "ngaySinh": "01/01/1980"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    assert!(r.bytes().await.unwrap().is_empty());
    // A new session works.
    let s2 = login(&c, &url).await;
    assert_eq!(
        card_check(&c, &url, &s2, 2024, card_ok()).await["maKetQua"],
        "000"
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn expire_sessions_invalidates_every_token() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let a = login(&c, &url).await;
    let b = login(&c, &url).await;
    sb.expire_sessions();
    for s in [&a, &b] {
        assert_eq!(
            card_check(&c, &url, s, 2019, card_ok()).await["maKetQua"],
            "401"
        );
    }
    let s = login(&c, &url).await;
    assert_eq!(
        card_check(&c, &url, &s, 2019, card_ok()).await["maKetQua"],
        "000"
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn every_credential_is_checked() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let other = login(&c, &url).await;
    let mut bad_pw = s.clone();
    bad_pw.password_md5 = md5_upper("wrong");
    let mut lower_pw = s.clone();
    lower_pw.password_md5 = s.password_md5.to_lowercase();
    let mut swapped = s.clone();
    swapped.id_token = other.id_token.clone();
    let mut other_user = s.clone();
    other_user.username = "99002_BV".into();
    let mut forged = s.clone();
    forged.token = STANDARD.encode(format!("{}:{USER}:1", STANDARD.encode([0u8; 32])));
    for (name, sess, code) in [
        ("ok", &s, "000"),
        ("lower-case md5", &lower_pw, "000"),
        ("wrong password", &bad_pw, "401"),
        ("token of another session", &swapped, "401"),
        ("another account", &other_user, "401"),
        ("forged token", &forged, "401"),
    ] {
        let v = card_check(&c, &url, sess, 2024, card_ok()).await;
        assert_eq!(v["maKetQua"], code, "{name}: {v}");
    }
    // A facility that is not the account's: 401 on submission.
    let v = send_file(&c, &url, &s, SUBMIT, "130", "99002", &b64(&claim(1)), false).await;
    assert_eq!(v["maKetQua"], "401");
    sb.shutdown().await;
}

#[tokio::test]
async fn ip_binding_refuses_another_caller_address() {
    let sb = Sandbox::bind(
        SandboxConfig {
            ip_binding: true,
            ..SandboxConfig::demo()
        },
        "0.0.0.0:0".parse().unwrap(),
        false,
    )
    .await
    .unwrap();
    let port = sb.local_addr().port();
    let url = format!("http://127.0.0.1:{port}");
    let c1 = client();
    let c2 = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let s = login(&c1, &url).await;
    assert_eq!(
        card_check(&c1, &url, &s, 2024, card_ok()).await["maKetQua"],
        "000"
    );
    assert_eq!(
        card_check(&c2, &url, &s, 2024, card_ok()).await["maKetQua"],
        "401"
    );
    // Without binding the same call passes.
    let sb2 = Sandbox::bind(SandboxConfig::demo(), "0.0.0.0:0".parse().unwrap(), false)
        .await
        .unwrap();
    let url2 = format!("http://127.0.0.1:{}", sb2.local_addr().port());
    let s2 = login(&c1, &url2).await;
    assert_eq!(
        card_check(&c2, &url2, &s2, 2024, card_ok()).await["maKetQua"],
        "000"
    );
    sb.shutdown().await;
    sb2.shutdown().await;
}
