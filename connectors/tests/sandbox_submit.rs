//! Check-in and claim submission of the sandbox gateway: success, every error code, the
//! signature policy, latest-wins history and the legacy 4210 submit.

mod sandbox_support;

use lienthong::codec::Envelope;
use lienthong::types::Field;
use lienthong_connectors::sandbox::{Generation, Route, Sandbox, SandboxConfig, SignaturePolicy};
use sandbox_support::*;
use serde_json::{json, Value};

/// Rewrites the first HOSO's XML1 and writes the envelope back.
fn with_xml1(file: &[u8], edit: impl FnOnce(&mut lienthong::tables::Summary)) -> Vec<u8> {
    let mut env = Envelope::from_bytes(file).unwrap();
    edit(env.hosos[0].xml1.as_mut().unwrap());
    env.to_bytes().unwrap()
}

fn assert_receipt(v: &Value) {
    assert_eq!(v["maKetQua"], "200", "{v}");
    assert!(v["maGiaoDich"].as_str().is_some_and(|s| !s.is_empty()));
    let t = v["thoiGianTiepNhan"].as_str().unwrap();
    assert_eq!(t.len(), 14);
    assert!(t.bytes().all(|b| b.is_ascii_digit()));
    assert!(v["thongDiep"].is_string());
}

#[tokio::test]
async fn check_in_and_submission_succeed_in_every_generation() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    for (i, path) in ["/api/qd130/checkInKcbQd4750", "/api/qd130/checkInKcbQd3176"]
        .iter()
        .enumerate()
    {
        let v = send_file(
            &c,
            &url,
            &s,
            path,
            "0",
            FACILITY,
            &b64(&checkin(i as u64)),
            i == 1,
        )
        .await;
        assert_receipt(&v);
    }
    let mut ids = Vec::new();
    for (i, path) in [
        "/api/qd130/guiHoSoXmlQD130",
        "/api/qd130/guiHoSoXmlQD4750",
        "/api/qd130/guiHoSoXmlQD3176",
    ]
    .iter()
    .enumerate()
    {
        let file = claim(10 + i as u64);
        let v = send_file(&c, &url, &s, path, "130", FACILITY, &b64(&file), i % 2 == 0).await;
        assert_receipt(&v);
        ids.push(v["maGiaoDich"].as_str().unwrap().to_string());
        let latest = sb.latest(FACILITY, &ma_lk_of(&file)).unwrap();
        assert_eq!(latest.ma_giao_dich, ids[i]);
        assert_eq!(latest.version, 1);
        assert_eq!(
            latest.thoi_gian_tiep_nhan,
            v["thoiGianTiepNhan"].as_str().unwrap()
        );
        assert_eq!(latest.file_sha256.len(), 64);
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3, "a new maGiaoDich per call");
    let subs = sb.submissions();
    assert_eq!(subs.len(), 5);
    assert_eq!(subs[0].route, Route::CheckIn(Generation::Qd4750));
    assert_eq!(subs[4].route, Route::Submit(Generation::Qd3176));
    assert!(subs.iter().all(|s| s.accepted && s.code == "200"));
    sb.shutdown().await;
}

#[tokio::test]
async fn receive_time_is_vietnam_local_time_on_the_sandbox_clock() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_790_000_000); // 2026-09-21T14:13:20Z
    sb.clock().set(at);
    let s = login(&c, &url).await;
    let v = submit(&c, &url, &s, &claim(1)).await;
    assert_receipt(&v);
    let t = v["thoiGianTiepNhan"].as_str().unwrap();
    assert!(t.starts_with("20260921211320"), "{t}");
    sb.shutdown().await;
}

#[tokio::test]
async fn latest_version_wins_and_history_is_kept() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let file = claim(7);
    let lk = ma_lk_of(&file);
    let v1 = submit(&c, &url, &s, &file).await;
    // The same MA_LK again, corrected (a different file).
    let v2file = with_xml1(&file, |x| x.ly_do_vv = Field::from_wire("Tái khám"));
    assert_ne!(v2file, file);
    let v2 = submit(&c, &url, &s, &v2file).await;
    // A rejected resend does not become the latest.
    let broken = String::from_utf8(file.clone())
        .unwrap()
        .replace("<CHUKYDONVI/>", "");
    let v3 = submit(&c, &url, &s, broken.as_bytes()).await;
    assert_eq!(v3["maKetQua"], "123");
    assert_receipt(&v1);
    assert_receipt(&v2);
    let history = sb.history(FACILITY, &lk);
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].version, 1);
    assert_eq!(history[1].version, 2);
    assert_eq!(history[0].ma_giao_dich, v1["maGiaoDich"].as_str().unwrap());
    let latest = sb.latest(FACILITY, &lk).unwrap();
    assert_eq!(latest.ma_giao_dich, v2["maGiaoDich"].as_str().unwrap());
    assert_ne!(history[0].file_sha256, history[1].file_sha256);
    assert!(sb.latest("99002", &lk).is_none());
    assert!(sb.latest(FACILITY, "NO-SUCH-LK").is_none());
    assert_eq!(sb.submissions().len(), 3);
    assert!(!sb.submissions()[2].accepted);
    sb.shutdown().await;
}

#[tokio::test]
async fn error_codes_of_the_file_family() {
    let sb = Sandbox::start(SandboxConfig {
        max_file_bytes: 200_000,
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let good = claim(5);
    let text = String::from_utf8(good.clone()).unwrap();
    let other_facility = generate_for("99002");
    let bad_date = with_xml1(&good, |x| x.ngay_vao = Field::from_wire("2025-03-01 08:00"));
    let bad_rule = with_xml1(&good, |x| x.t_tongchi_bv = Field::from_wire("1"));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&good);
    let big = format!("{}<!--{}-->", text, "x".repeat(250_000));
    let cases: Vec<(&str, &str, String, &str)> = vec![
        ("accepted", "130", b64(&good), "200"),
        ("a BOM is tolerated", "130", b64(&bom), "200"),
        ("wrong loaiHoSo", "0", b64(&good), "205"),
        ("not base64", "130", "@@not base64@@".into(), "205"),
        ("empty field", "130", String::new(), "205"),
        ("empty file", "130", b64(b"   \n"), "204"),
        ("not XML", "130", b64(b"hello, world"), "204"),
        ("broken XML", "130", b64(&good[..good.len() / 2]), "204"),
        ("wrong root", "130", b64(&checkin(1)), "123"),
        (
            "no CHUKYDONVI",
            "130",
            b64(text.replace("<CHUKYDONVI/>", "").as_bytes()),
            "123",
        ),
        (
            "MACSKCB of another facility",
            "130",
            b64(&other_facility),
            "123",
        ),
        ("no HOSO", "130", b64(strip_hosos(&text).as_bytes()), "123"),
        ("bad date", "130", b64(&bad_date), "202"),
        ("rule error", "130", b64(&bad_rule), "124"),
        ("too big", "130", b64(big.as_bytes()), "1001"),
    ];
    for (name, loai, file, code) in cases {
        let v = send_file(&c, &url, &s, SUBMIT, loai, FACILITY, &file, false).await;
        assert_eq!(v["maKetQua"], code, "{name}: {v}");
        assert!(
            v["thongDiep"].as_str().is_some_and(|m| !m.is_empty()),
            "{name}"
        );
    }
    // 124 names the rules and counts, never values.
    let v = send_file(&c, &url, &s, SUBMIT, "130", FACILITY, &b64(&bad_rule), true).await;
    let msg = v["thongDiep"].as_str().unwrap();
    assert!(msg.contains('×') && msg.contains('.'), "{msg}");
    let x1 = Envelope::from_bytes(&good).unwrap().hosos[0]
        .xml1
        .clone()
        .unwrap();
    assert!(!msg.contains(x1.ho_ten.wire().as_ref()));
    // Check-in: a claim file has the wrong root; a good one passes.
    let v = send_file(&c, &url, &s, CHECKIN, "0", FACILITY, &b64(&good), false).await;
    assert_eq!(v["maKetQua"], "123");
    let v = send_file(
        &c,
        &url,
        &s,
        CHECKIN,
        "130",
        FACILITY,
        &b64(&checkin(2)),
        false,
    )
    .await;
    assert_eq!(v["maKetQua"], "205");
    let ck = String::from_utf8(checkin(2)).unwrap();
    let v = send_file(
        &c,
        &url,
        &s,
        CHECKIN,
        "0",
        FACILITY,
        &b64(ck.replace("<CHUKYDONVI/>", "").as_bytes()),
        false,
    )
    .await;
    assert_eq!(v["maKetQua"], "123");
    let v = send_file(
        &c,
        &url,
        &s,
        CHECKIN,
        "0",
        FACILITY,
        &b64(&checkin(2)),
        false,
    )
    .await;
    assert_eq!(v["maKetQua"], "200");
    // Every file was recorded, accepted or not.
    let subs = sb.submissions();
    assert_eq!(subs.iter().filter(|s| s.accepted).count(), 3);
    assert!(subs.iter().any(|s| s.code == "1001"));
    sb.shutdown().await;
}

fn generate_for(facility: &str) -> Vec<u8> {
    lienthong::gen::generate(&gen_opts(5, facility))
}

fn strip_hosos(text: &str) -> String {
    let a = text.find("<DANHSACHHOSO>").unwrap() + "<DANHSACHHOSO>".len();
    let b = text.find("</DANHSACHHOSO>").unwrap();
    format!("{}{}", &text[..a], &text[b..])
}

#[tokio::test]
async fn rules_are_skipped_when_check_rules_is_off() {
    let sb = Sandbox::start(SandboxConfig {
        check_rules: false,
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let bad_rule = with_xml1(&claim(5), |x| x.t_tongchi_bv = Field::from_wire("1"));
    assert_eq!(submit(&c, &url, &s, &bad_rule).await["maKetQua"], "200");
    sb.shutdown().await;
}

#[tokio::test]
async fn province_mismatch_is_accepted() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let r = c
        .post(format!("{url}{SUBMIT}"))
        .header("accessToken", &s.token)
        .header("tokenId", &s.id_token)
        .header("passwordHash", &s.password_md5)
        .form(&[
            ("username", USER),
            ("loaiHoSo", "130"),
            ("maTinh", "01"),
            ("maCSKCB", FACILITY),
            ("fileHSBase64", &b64(&claim(9))),
        ])
        .send()
        .await
        .unwrap();
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["maKetQua"], "200");
    sb.shutdown().await;
}

#[tokio::test]
async fn signature_policy() {
    let registered = cert_der("signer.crt.pem");
    let other = cert_der("other.crt.pem");
    let run = |registered: Vec<Vec<u8>>| async move {
        let sb = Sandbox::start(SandboxConfig {
            signatures: SignaturePolicy::Required { registered },
            ..SandboxConfig::demo()
        })
        .await
        .unwrap();
        let c = client();
        let url = sb.url();
        let s = login(&c, &url).await;
        let file = claim(21);
        let signed_file = signed(&file);
        let unsigned = submit(&c, &url, &s, &file).await["maKetQua"].clone();
        let good = submit(&c, &url, &s, &signed_file).await["maKetQua"].clone();
        let tampered = String::from_utf8(signed_file.clone()).unwrap().replacen(
            "<SOLUONGHOSO>1</SOLUONGHOSO>",
            "<SOLUONGHOSO>01</SOLUONGHOSO>",
            1,
        );
        assert_ne!(tampered.as_bytes(), &signed_file[..]);
        let tampered_code = submit(&c, &url, &s, tampered.as_bytes()).await["maKetQua"].clone();
        let ck = signed(&checkin(3));
        let ck_code = send_file(&c, &url, &s, CHECKIN, "0", FACILITY, &b64(&ck), false).await
            ["maKetQua"]
            .clone();
        let subject = sb.submissions().iter().find_map(|s| s.signed_by.clone());
        sb.shutdown().await;
        (unsigned, good, tampered_code, ck_code, subject)
    };
    let (unsigned, good, tampered, ck, subject) = run(vec![]).await;
    assert_eq!(unsigned, "125");
    assert_eq!(good, "200");
    assert_eq!(ck, "200");
    assert_eq!(tampered, "125");
    assert!(subject.unwrap().contains("CN=Bệnh viện Đa khoa Mẫu"));
    let (_, good, _, ck, _) = run(vec![registered]).await;
    assert_eq!(good, "200", "the registered certificate");
    assert_eq!(ck, "200");
    let (_, good, _, ck, _) = run(vec![other]).await;
    assert_eq!(good, "125", "a certificate that is not registered");
    assert_eq!(ck, "125");
}

#[tokio::test]
async fn legacy_4210_takes_a_base64_string_or_a_byte_array() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let target = format!(
        "{}&loaiHoSo=3&maTinh=99&maCSKCB={FACILITY}",
        style_q(&url, "/api/egw/guiHoSoGiamDinh4210", &s)
    );
    let file = claim(30);
    for body in [
        Value::String(b64(&file)),
        Value::Array(file.iter().map(|b| json!(b)).collect()),
    ] {
        let v: Value = c
            .post(&target)
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v["maKetQua"], "200", "{v}");
        assert!(v["maGiaoDich"].is_string());
    }
    let v: Value = c
        .post(&target)
        .json(&json!({"x": 1}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["maKetQua"], "205");
    let v: Value = c
        .post(&target)
        .json(&Value::String(b64(b"plain text")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["maKetQua"], "201");
    let legacy: Vec<_> = sb
        .submissions()
        .into_iter()
        .filter(|s| s.route == Route::Legacy4210)
        .collect();
    assert_eq!(legacy.len(), 4);
    assert_eq!(legacy[1].ma_lk, vec![ma_lk_of(&file)]);
    assert_eq!(legacy[1].version, 2);
    sb.shutdown().await;
}
