//! Card check, visit history, visit detail and co-payment lookups of the sandbox gateway.

mod sandbox_support;

use lienthong_connectors::sandbox::{demo_card_for, Sandbox, SandboxConfig};
use sandbox_support::*;
use serde_json::{json, Value};
use std::time::Duration;

const NAME: &str = "Nguyễn Văn Mẫu";
const BIRTH: &str = "01/01/1980";

#[tokio::test]
async fn every_card_check_code() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let card = |code: &str| demo_card_for(code).unwrap();
    let mut cases: Vec<(String, Value)> = Vec::new();
    for code in [
        "000", "001", "002", "003", "004", "010", "050", "051", "052", "053", "100", "101", "110",
        "120", "121", "122", "123", "124", "130",
    ] {
        cases.push((code.into(), card_body(card(code), NAME, BIRTH)));
    }
    let main = card("000");
    cases.extend([
        (
            "000".to_string(),
            card_body(main, "  NGUYỄN   VĂN MẪU ", BIRTH),
        ),
        ("000".into(), card_body("9912345678", NAME, BIRTH)),
        ("000".into(), card_body("001080000001", NAME, BIRTH)),
        ("000".into(), card_body(main, NAME, "01/1980")),
        ("000".into(), card_body(main, NAME, "1980")),
        ("000".into(), card_body(&main.to_lowercase(), NAME, BIRTH)),
        ("060".into(), card_body(main, "Trần Văn Mẫu", BIRTH)),
        ("061".into(), card_body(main, "Nguyễn Văn Mẩu", BIRTH)),
        ("070".into(), card_body(main, NAME, "02/01/1980")),
        ("070".into(), card_body(main, NAME, "1981")),
        ("205".into(), card_body(main, NAME, "")),
        ("205".into(), card_body(main, NAME, "01011980")),
        ("205".into(), card_body(main, NAME, "31/02/1980")),
        ("205".into(), card_body("", NAME, BIRTH)),
        ("205".into(), card_body(main, "", BIRTH)),
    ]);
    for (code, body) in cases {
        for year in [2019, 2024] {
            let v = card_check(&c, &url, &s, year, body.clone()).await;
            assert_eq!(v["maKetQua"], code, "{year} {body}: {v}");
            assert!(v["ghiChu"].as_str().is_some_and(|g| !g.is_empty()));
            assert!(v["dsLichSuKCB2018"].is_null(), "post CV 2746");
        }
    }
    sb.shutdown().await;
}

#[tokio::test]
async fn card_answer_fields_and_check_history() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let main = demo_card_for("000").unwrap();
    let v = card_check(&c, &url, &s, 2024, card_body(main, NAME, BIRTH)).await;
    assert_eq!(v["maThe"], main);
    assert_eq!(v["hoTen"], NAME);
    assert_eq!(v["gioiTinh"], "Nam");
    assert_eq!(v["maSoBHXH"], "9912345678");
    assert_eq!(v["maDKBD"], FACILITY);
    assert!(v["maTheMoi"].is_null());
    let first = v["dsLichSuKT2018"].as_array().unwrap().len();
    assert!(first >= 1);
    assert_eq!(v["dsLichSuKT2018"][0]["userKT"], USER);
    assert_eq!(v["dsLichSuKT2018"][0]["maLoi"], "000");
    assert_eq!(
        v["dsLichSuKT2018"][0]["thoiGianKT"].as_str().unwrap().len(),
        12
    );
    let v = card_check(&c, &url, &s, 2019, card_body(main, NAME, BIRTH)).await;
    assert_eq!(v["dsLichSuKT2018"].as_array().unwrap().len(), first + 1);

    // 003: the old card expired, the new one is given.
    let old = demo_card_for("003").unwrap();
    let v = card_check(&c, &url, &s, 2024, card_body(old, NAME, BIRTH)).await;
    assert_eq!(v["maKetQua"], "003");
    assert_eq!(v["maTheCu"], old);
    assert_eq!(v["maTheMoi"], "DN4999900000013");
    assert!(v["gtTheDenMoi"].as_str().unwrap().len() == 10);
    // 050 and friends carry no card data.
    let v = card_check(
        &c,
        &url,
        &s,
        2024,
        card_body(demo_card_for("050").unwrap(), NAME, BIRTH),
    )
    .await;
    assert!(v["maThe"].is_null() && v["hoTen"].is_null());

    // The valid card expires when the sandbox clock passes gtTheDen.
    sb.clock().advance(Duration::from_secs(3 * 366 * 86_400));
    let s = login(&c, &url).await;
    let v = card_check(&c, &url, &s, 2024, card_body(main, NAME, BIRTH)).await;
    assert_eq!(v["maKetQua"], "010");
    sb.shutdown().await;
}

#[tokio::test]
async fn visit_history_before_cv2746() {
    let sb = Sandbox::start(SandboxConfig {
        post_cv2746: false,
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let v = card_check(
        &c,
        &url,
        &s,
        2019,
        card_body(demo_card_for("000").unwrap(), NAME, BIRTH),
    )
    .await;
    let list = v["dsLichSuKCB2018"]
        .as_array()
        .expect("a list before CV 2746");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["maCSKCB"], "99002");
    sb.shutdown().await;
}

#[tokio::test]
async fn officer_checks_of_the_2024_lookup() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let main = demo_card_for("000").unwrap();
    let with = |name: &str, cccd: &str| json!({"maThe": main, "hoTen": NAME, "ngaySinh": BIRTH, "hoTenCb": name, "cccdCb": cccd});
    for (body, code) in [
        (with("Trần Thị Tiếp Đón", "000000000000"), "000"),
        (with("TRẦN  THỊ TIẾP ĐÓN", "000000000000"), "000"),
        (with("Trần Thị Tiếp Đón", "000000000999"), "054"),
        (with("Lê Văn Khác", "000000000000"), "055"),
        (
            json!({"maThe": main, "hoTen": NAME, "ngaySinh": BIRTH}),
            "205",
        ),
    ] {
        let v = card_check(&c, &url, &s, 2024, body.clone()).await;
        assert_eq!(v["maKetQua"], code, "{body}: {v}");
        // The 2019 lookup does not ask for the officer.
        let v = card_check(&c, &url, &s, 2019, body).await;
        assert_eq!(v["maKetQua"], "000");
    }
    // The officer belongs to 99001: another facility's account gets 054.
    let s2 = login_as(&c, &url, "99002_BV", PASSWORD).await;
    let v = card_check(
        &c,
        &url,
        &s2,
        2024,
        with("Trần Thị Tiếp Đón", "000000000000"),
    )
    .await;
    assert_eq!(v["maKetQua"], "054");
    sb.shutdown().await;
}

#[tokio::test]
async fn card_check_accepts_a_form_body() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let r = c
        .post(style_q(&url, "/api/egw/KQNhanLichSuKCB2024", &s))
        .form(&[
            ("maThe", demo_card_for("001").unwrap()),
            ("hoTen", NAME),
            ("ngaySinh", BIRTH),
            ("hoTenCb", "Trần Thị Tiếp Đón"),
            ("cccdCb", "000000000000"),
        ])
        .send()
        .await
        .unwrap();
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["maKetQua"], "001");
    sb.shutdown().await;
}

#[tokio::test]
async fn lskcb2025_takes_a_form_body_only() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let target = style_q(&url, "/api/egw/Lskcb2025", &s);
    let main = demo_card_for("000").unwrap();
    let fields = |birth: &'static str| {
        vec![
            ("maThe", main),
            ("hoTen", NAME),
            ("ngaySinh", birth),
            ("hoTenCb", "Trần Thị Tiếp Đón"),
            ("cccdCb", "000000000000"),
        ]
    };
    let v: Value = c
        .post(&target)
        .json(&card_body(main, NAME, BIRTH))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["maKetQua"], "205", "{v}");
    let v: Value = c
        .post(&target)
        .form(&fields(BIRTH))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["maKetQua"], "000", "{v}");
    let list = v["dsLichSuKCB2025"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["maHoSo"], "LS0000000001");
    assert_eq!(list[0]["ngayVao"].as_str().unwrap().len(), 12);
    for birth in ["01/1980", "1980"] {
        let v: Value = c
            .post(&target)
            .form(&fields(birth))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v["maKetQua"], "000", "{birth}");
    }
    let v: Value = c
        .post(&target)
        .form(&fields("01011980"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["maKetQua"], "205");
    // Unauthenticated: 401 in the body.
    let mut bad = s.clone();
    bad.password_md5 = md5_upper("x");
    let v: Value = c
        .post(style_q(&url, "/api/egw/Lskcb2025", &bad))
        .form(&fields(BIRTH))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["maKetQua"], "401");
    sb.shutdown().await;
}

#[tokio::test]
async fn visit_detail_of_a_seeded_visit_and_of_a_submitted_claim() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let detail = |id: &str| {
        format!(
            "{}&maHoSo={id}",
            style_q(&url, "/api/egw/nhanHoSoKCBChiTiet", &s)
        )
    };
    let v: Value = c
        .post(detail("LS0000000001"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["maKetQua"], "200");
    assert_eq!(v["hoSoKCB"]["xml1"]["MaLk"], "LS0000000001");
    let file = claim(3);
    let sent = submit(&c, &url, &s, &file).await;
    assert_eq!(sent["maKetQua"], "200", "{sent}");
    let id = sent["maGiaoDich"].as_str().unwrap();
    let v: Value = c
        .post(detail(id))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["maKetQua"], "200");
    assert_eq!(v["hoSoKCB"]["xml1"]["MaLk"], ma_lk_of(&file).as_str());
    assert!(v["hoSoKCB"]["xml1"]["TTongchiBv"].is_string());
    assert!(v["hoSoKCB"]["xml1"]["MaBenhChinh"].is_string());
    assert!(!v["hoSoKCB"]["dsXml3"].as_array().unwrap().is_empty());
    assert!(v["hoSoKCB"]["dsXml3"][0].get("MaDichVu").is_some());
    let v: Value = c
        .post(detail("NOPE"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(v["maKetQua"], "200");
    sb.shutdown().await;
}

#[tokio::test]
async fn co_payment_lookup() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let mcct = |s: &Session, body: Value| {
        c.post(format!("{url}/api/TraCuuCCT/TraCuuTienMCCT"))
            .header("accessToken", s.token.clone())
            .header("tokenId", s.id_token.clone())
            .header("passwordHash", s.password_md5.clone())
            .json(&body)
            .send()
    };
    let s = login(&c, &url).await;
    let body =
        |ma_the: &str| json!({"username": USER, "maThe": ma_the, "hoTen": NAME, "ngaySinh": BIRTH});
    let r = mcct(&s, body(demo_card_for("000").unwrap())).await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["MaKetQua"], "200");
    assert!(v.get("maKetQua").is_none(), "PascalCase at the top level");
    let data = v["DataCCT"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    let key = |d: &Value| {
        let s = d["ngayRa"].as_str().unwrap();
        format!("{}{}{}", &s[6..10], &s[3..5], &s[0..2])
    };
    assert!(
        key(&data[0]) >= key(&data[1]),
        "sorted by ngayRa descending"
    );
    assert_eq!(v["ThongTinSoThe"]["maBhxh"], "9912345678");

    let v: Value = mcct(&s, body(demo_card_for("001").unwrap()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["MaKetQua"], "204");
    assert!(v["DataCCT"].is_null());
    let r = mcct(&s, body("HC49999")).await.unwrap();
    assert_eq!(r.status().as_u16(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["MaKetQua"], "400");
    // The restricted account: HTTP 500, GhiChu of the restriction.
    let restricted = login_as(&c, &url, "99003_BV", PASSWORD).await;
    let r = mcct(&restricted, json!({"username": "99003_BV", "maThe": demo_card_for("000").unwrap(), "hoTen": NAME, "ngaySinh": BIRTH})).await.unwrap();
    assert_eq!(r.status().as_u16(), 500);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["GhiChu"], "Có lỗi xảy ra trong quá trình tra cứu!");
    sb.shutdown().await;
}
