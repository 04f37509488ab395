//! Helpers shared by the sandbox tests: plain reqwest over loopback, no client library.
#![allow(dead_code)]

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use lienthong::codec::{CheckinDocument, Envelope};
use lienthong::gen::{checkin_for, generate, generate_hoso, GenOptions};
use lienthong::sign::{sign, KeyFileSigner, Password};
use md5::{Digest, Md5};
use serde_json::{json, Value};
use std::time::Duration;

pub const USER: &str = "99001_BV";
pub const PASSWORD: &str = "sandbox-password";
pub const FACILITY: &str = "99001";

pub fn md5_upper(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// A session as token/take hands it out.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub id_token: String,
    pub username: String,
    pub password_md5: String,
    pub raw: Value,
}

pub async fn take_raw(
    c: &reqwest::Client,
    url: &str,
    fields: &[(&str, &str)],
    json: bool,
) -> (u16, Value) {
    let rb = c.post(format!("{url}/api/token/take"));
    let rb = if json {
        let m: serde_json::Map<String, Value> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect();
        rb.json(&Value::Object(m))
    } else {
        rb.form(fields)
    };
    let r = rb.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap())
}

pub async fn login_as(c: &reqwest::Client, url: &str, user: &str, password: &str) -> Session {
    let md5 = md5_upper(password);
    let (status, v) = take_raw(c, url, &[("username", user), ("password", &md5)], false).await;
    assert_eq!(status, 200);
    assert_eq!(v["maKetQua"], "200", "{v}");
    Session {
        token: v["APIKey"]["access_token"].as_str().unwrap().into(),
        id_token: v["APIKey"]["id_token"].as_str().unwrap().into(),
        username: user.into(),
        password_md5: md5,
        raw: v,
    }
}

pub async fn login(c: &reqwest::Client, url: &str) -> Session {
    login_as(c, url, USER, PASSWORD).await
}

/// Style Q: credentials in the query.
pub fn style_q(url: &str, path: &str, s: &Session) -> String {
    format!(
        "{url}{path}?token={}&id_token={}&username={}&password={}",
        urlenc(&s.token),
        s.id_token,
        s.username,
        s.password_md5
    )
}

pub fn urlenc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A KQNhanLichSuKCB call with a JSON body.
pub async fn card_check(
    c: &reqwest::Client,
    url: &str,
    s: &Session,
    year: u16,
    body: Value,
) -> Value {
    let path = format!("/api/egw/KQNhanLichSuKCB{year}");
    let r = c
        .post(style_q(url, &path, s))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    r.json().await.unwrap()
}

pub fn card_body(ma_the: &str, ho_ten: &str, ngay_sinh: &str) -> Value {
    json!({"maThe": ma_the, "hoTen": ho_ten, "ngaySinh": ngay_sinh,
           "hoTenCb": "Trần Thị Tiếp Đón", "cccdCb": "000000000000"})
}

/// A style-H check-in or submission with the file already in base64.
#[allow(clippy::too_many_arguments)]
pub async fn send_file(
    c: &reqwest::Client,
    url: &str,
    s: &Session,
    path: &str,
    loai: &str,
    facility: &str,
    b64: &str,
    json_body: bool,
) -> Value {
    let rb = c
        .post(format!("{url}{path}"))
        .header("accessToken", &s.token)
        .header("tokenId", &s.id_token)
        .header("passwordHash", &s.password_md5);
    let fields = [
        ("username", s.username.as_str()),
        ("loaiHoSo", loai),
        ("maTinh", &facility[..2.min(facility.len())]),
        ("maCSKCB", facility),
        ("fileHSBase64", b64),
    ];
    let rb = if json_body {
        let m: serde_json::Map<String, Value> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect();
        rb.json(&Value::Object(m))
    } else {
        rb.form(&fields)
    };
    let r = rb.send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    r.json().await.unwrap()
}

pub const SUBMIT: &str = "/api/qd130/guiHoSoXmlQD3176";
pub const CHECKIN: &str = "/api/qd130/checkInKcbQd3176";

pub async fn submit(c: &reqwest::Client, url: &str, s: &Session, file: &[u8]) -> Value {
    send_file(
        c,
        url,
        s,
        SUBMIT,
        "130",
        FACILITY,
        &STANDARD.encode(file),
        false,
    )
    .await
}

pub fn b64(b: &[u8]) -> String {
    STANDARD.encode(b)
}

pub fn gen_opts(seed: u64, facility: &str) -> GenOptions {
    GenOptions {
        hoso: 1,
        seed,
        facility: facility.into(),
        ..Default::default()
    }
}

/// A one-HOSO claim file of the demo facility.
pub fn claim(seed: u64) -> Vec<u8> {
    generate(&gen_opts(seed, FACILITY))
}

pub fn ma_lk_of(file: &[u8]) -> String {
    Envelope::from_bytes(file).unwrap().hosos[0]
        .ma_lk()
        .unwrap()
        .to_string()
}

/// A one-row check-in document of the demo facility.
pub fn checkin(seed: u64) -> Vec<u8> {
    let row = checkin_for(&generate_hoso(&gen_opts(seed, FACILITY), 0)).unwrap();
    CheckinDocument::new(vec![row]).to_bytes().unwrap()
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../sdk/tests/fixtures/sign/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn signer() -> KeyFileSigner {
    KeyFileSigner::from_pkcs12(&fixture("modern.p12"), &Password::new("lienthong-test")).unwrap()
}

pub fn signed(file: &[u8]) -> Vec<u8> {
    sign(file, &signer()).unwrap()
}

/// The DER of a PEM certificate fixture.
pub fn cert_der(name: &str) -> Vec<u8> {
    let pem = String::from_utf8(fixture(name)).unwrap();
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    STANDARD.decode(b64).unwrap()
}
