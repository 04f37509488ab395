//! Faults, the request log, admin endpoints, TLS and hostile input.

mod sandbox_support;

use lienthong_connectors::sandbox::{
    BodyForm, Fault, FaultKind, Generation, Route, Sandbox, SandboxConfig,
};
use sandbox_support::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn card() -> Value {
    card_body("HC4999912345678", "Nguyễn Văn Mẫu", "01/01/1980")
}

const ROUTE_3176: Route = Route::Submit(Generation::Qd3176);

#[tokio::test]
async fn latency_delays_then_answers() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    sb.inject(Fault::once(
        Route::CardCheck2024,
        FaultKind::Latency(Duration::from_millis(400)),
    ));
    let t = Instant::now();
    assert_eq!(
        card_check(&c, &url, &s, 2024, card()).await["maKetQua"],
        "000"
    );
    assert!(t.elapsed() >= Duration::from_millis(400));
    let t = Instant::now();
    assert_eq!(
        card_check(&c, &url, &s, 2024, card()).await["maKetQua"],
        "000"
    );
    assert!(
        t.elapsed() < Duration::from_millis(400),
        "consumed after one use"
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn hang_never_answers_until_shutdown() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    sb.inject(Fault::once(Route::Any, FaultKind::Hang));
    let short = reqwest::Client::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let err = short
        .post(style_q(&url, "/api/egw/KQNhanLichSuKCB2024", &s))
        .json(&card())
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    // The next request is answered.
    assert_eq!(
        card_check(&c, &url, &s, 2024, card()).await["maKetQua"],
        "000"
    );
    // A hung request ends when the sandbox shuts down.
    sb.inject(Fault::once(Route::Any, FaultKind::Hang));
    let pending = tokio::spawn({
        let c = client();
        let target = style_q(&url, "/api/egw/KQNhanLichSuKCB2024", &s);
        async move { c.post(target).json(&card()).send().await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    sb.shutdown().await;
    let r = tokio::time::timeout(Duration::from_secs(5), pending)
        .await
        .unwrap()
        .unwrap();
    assert!(r.is_err());
}

#[tokio::test]
async fn drop_closes_without_processing() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    sb.inject(Fault::once(ROUTE_3176, FaultKind::Drop));
    let err = c
        .post(format!("{url}{SUBMIT}"))
        .header("accessToken", &s.token)
        .header("tokenId", &s.id_token)
        .header("passwordHash", &s.password_md5)
        .form(&[
            ("username", USER),
            ("loaiHoSo", "130"),
            ("maTinh", "99"),
            ("maCSKCB", FACILITY),
            ("fileHSBase64", &b64(&claim(1))),
        ])
        .send()
        .await
        .unwrap_err();
    assert!(
        !err.is_timeout() && (err.is_request() || err.is_connect() || err.is_body()),
        "{err:?}"
    );
    assert!(sb.submissions().is_empty(), "not processed");
    let log = sb.requests();
    let last = log.last().unwrap();
    assert_eq!((last.route, last.http_status), (ROUTE_3176, 0));
    sb.shutdown().await;
}

#[tokio::test]
async fn process_then_drop_stores_the_submission() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let file = claim(2);
    sb.inject(Fault::once(ROUTE_3176, FaultKind::ProcessThenDrop));
    let r = c
        .post(format!("{url}{SUBMIT}"))
        .header("accessToken", &s.token)
        .header("tokenId", &s.id_token)
        .header("passwordHash", &s.password_md5)
        .form(&[
            ("username", USER),
            ("loaiHoSo", "130"),
            ("maTinh", "99"),
            ("maCSKCB", FACILITY),
            ("fileHSBase64", &b64(&file)),
        ])
        .send()
        .await;
    assert!(r.is_err(), "no response");
    let stored = sb.latest(FACILITY, &ma_lk_of(&file)).expect("processed");
    assert!(stored.accepted);
    // The client resends: a second version, a new maGiaoDich.
    let v = submit(&c, &url, &s, &file).await;
    assert_eq!(v["maKetQua"], "200");
    assert_ne!(v["maGiaoDich"].as_str().unwrap(), stored.ma_giao_dich);
    assert_eq!(sb.latest(FACILITY, &ma_lk_of(&file)).unwrap().version, 2);
    sb.shutdown().await;
}

#[tokio::test]
async fn http_statuses_session_lost_and_empty_401() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let target = style_q(&url, "/api/egw/KQNhanLichSuKCB2019", &s);
    sb.inject(Fault {
        route: Route::CardCheck2019,
        kind: FaultKind::Http(502),
        times: 2,
    });
    sb.inject(Fault::once(Route::CardCheck2019, FaultKind::Http(503)));
    sb.inject(Fault::once(Route::CardCheck2019, FaultKind::Http(500)));
    sb.inject(Fault::once(Route::CardCheck2019, FaultKind::SessionLost));
    sb.inject(Fault::once(Route::CardCheck2019, FaultKind::Http401Empty));
    for _ in 0..2 {
        let r = c.post(&target).json(&card()).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 502);
        assert!(r.text().await.unwrap().contains("<html>"));
    }
    for status in [503, 500] {
        let r = c.post(&target).json(&card()).send().await.unwrap();
        assert_eq!(r.status().as_u16(), status);
        assert_eq!(r.json::<Value>().await.unwrap()["maKetQua"], "500");
    }
    let r = c.post(&target).json(&card()).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["maKetQua"], "401");
    let r = c.post(&target).json(&card()).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 401);
    assert!(r.bytes().await.unwrap().is_empty());
    // Faults on other routes do not apply; queue empty now.
    sb.inject(Fault::once(Route::TokenTake, FaultKind::Http(500)));
    assert_eq!(
        card_check(&c, &url, &s, 2019, card()).await["maKetQua"],
        "000"
    );
    sb.clear_faults();
    login(&c, &url).await;
    sb.shutdown().await;
}

#[tokio::test]
async fn request_log_masks_secrets() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    card_check(&c, &url, &s, 2024, card()).await;
    submit(&c, &url, &s, &claim(1)).await;
    let r = c
        .post(format!("{url}/api/egw/nothing"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let r = c.get(format!("{url}/api/token/take")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 405);
    let log = sb.requests();
    assert_eq!(log.len(), 5);
    assert_eq!(log[0].route, Route::TokenTake);
    assert_eq!(log[0].body_form, BodyForm::Form);
    assert_eq!(log[1].route, Route::CardCheck2024);
    assert_eq!(log[1].body_form, BodyForm::Json);
    assert_eq!(log[1].ma_ket_qua.as_deref(), Some("000"));
    assert_eq!(log[1].username.as_deref(), Some(USER));
    assert_eq!(log[2].route, ROUTE_3176);
    assert_eq!(log[2].ma_ket_qua.as_deref(), Some("200"));
    assert_eq!((log[3].route, log[3].http_status), (Route::Any, 404));
    assert_eq!(log[4].http_status, 405);
    let printed = format!("{log:?} {:?} {:?} {sb:?}", sb.submissions(), sb.config());
    for secret in [
        s.token.as_str(),
        s.id_token.as_str(),
        s.password_md5.as_str(),
        PASSWORD,
        "Nguyễn Văn Mẫu",
        "HC4999912345678",
        "000000000000",
    ] {
        assert!(!printed.contains(secret), "{secret} leaked");
    }
    sb.shutdown().await;
}

#[tokio::test]
async fn admin_endpoints() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    // Faults over HTTP.
    let r = c
        .post(format!("{url}/sandbox/faults"))
        .json(&json!({"route": "card_check_2024", "kind": "http", "status": 502}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let r = c
        .post(format!("{url}/sandbox/faults"))
        .json(&json!({"route": "nowhere", "kind": "drop"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    let r = c
        .post(style_q(&url, "/api/egw/KQNhanLichSuKCB2024", &s))
        .json(&card())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 502);
    c.post(format!("{url}/sandbox/faults"))
        .json(&json!({"kind": "session_lost", "times": 5}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        c.delete(format!("{url}/sandbox/faults"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        card_check(&c, &url, &s, 2024, card()).await["maKetQua"],
        "000"
    );
    // Sessions.
    c.post(format!("{url}/sandbox/sessions/expire"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        card_check(&c, &url, &s, 2024, card()).await["maKetQua"],
        "401"
    );
    // Clock.
    let s = login(&c, &url).await;
    let before = sb.clock().now();
    let r: Value = c
        .post(format!("{url}/sandbox/clock/advance?seconds=601"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(r["now"].as_str().unwrap().ends_with('Z'));
    assert!(sb.clock().now().duration_since(before).unwrap() >= Duration::from_secs(601));
    assert_eq!(
        card_check(&c, &url, &s, 2024, card()).await["maKetQua"],
        "401"
    );
    let r = c
        .post(format!("{url}/sandbox/clock/advance?seconds=abc"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    // Submissions and requests.
    let s = login(&c, &url).await;
    let v = submit(&c, &url, &s, &claim(4)).await;
    let subs: Value = c
        .get(format!("{url}/sandbox/submissions"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(subs.as_array().unwrap().len(), 1);
    assert_eq!(subs[0]["ma_giao_dich"], v["maGiaoDich"]);
    assert_eq!(subs[0]["route"], "submit_qd3176");
    assert_eq!(subs[0]["version"], 1);
    let reqs: Value = c
        .get(format!("{url}/sandbox/requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let reqs = reqs.as_array().unwrap();
    assert_eq!(reqs.len(), sb.requests().len());
    assert!(reqs.iter().any(|r| r["http_status"] == 502));
    assert!(!reqs
        .iter()
        .any(|r| r["route"].as_str().unwrap_or("").contains("sandbox")));
    sb.shutdown().await;
}

#[tokio::test]
async fn tls_with_the_sandbox_ca() {
    let sb = Sandbox::start_tls(SandboxConfig::demo()).await.unwrap();
    let url = sb.url();
    assert!(url.starts_with("https://localhost:"));
    let pem = sb.ca_certificate_pem().unwrap();
    let trusting = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).unwrap())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let s = login(&trusting, &url).await;
    assert_eq!(
        card_check(&trusting, &url, &s, 2024, card()).await["maKetQua"],
        "000"
    );
    // By IP address too.
    let by_ip = format!("https://127.0.0.1:{}", sb.local_addr().port());
    login(&trusting, &by_ip).await;
    // A client that does not trust the CA fails the handshake.
    let err = client()
        .post(format!("{url}/api/token/take"))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_connect() || err.is_request(), "{err:?}");
    sb.shutdown().await;
}

#[tokio::test]
async fn oversized_bodies_and_garbage_never_break_the_server() {
    let sb = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let addr = sb.local_addr();
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"POST /api/qd130/guiHoSoXmlQD3176 HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 512];
    let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 413"));
    let c = client();
    let url = sb.url();
    let s = login(&c, &url).await;
    let garbage: [&[u8]; 6] = [
        b"",
        b"{",
        b"[1,2,3]",
        b"\xff\xfe\x00",
        b"a=%ZZ&&==",
        b"{\"maThe\":null,\"hoTen\":[1]}",
    ];
    for route in [
        Route::TokenTake,
        Route::CardCheck2019,
        Route::CardCheck2024,
        Route::Lskcb2025,
        Route::ChiTiet,
        Route::Mcct,
        Route::CheckIn(Generation::Qd3176),
        Route::Submit(Generation::Qd4750),
        Route::Legacy4210,
    ] {
        for body in garbage {
            for ct in [
                "application/json",
                "application/x-www-form-urlencoded",
                "text/plain",
            ] {
                let target = style_q(&url, route.path().unwrap(), &s);
                let r = c
                    .post(target)
                    .header("content-type", ct)
                    .header("accessToken", &s.token)
                    .header("tokenId", &s.id_token)
                    .header("passwordHash", &s.password_md5)
                    .body(body.to_vec())
                    .send()
                    .await
                    .unwrap();
                assert!(
                    [200, 400, 401].contains(&r.status().as_u16()),
                    "{route} {ct}"
                );
            }
        }
    }
    assert_eq!(
        card_check(&c, &url, &s, 2024, card()).await["maKetQua"],
        "000"
    );
    sb.shutdown().await;
}
