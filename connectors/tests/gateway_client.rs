//! The gateway client against the sandbox gateway, over real HTTP (and HTTPS) on loopback.

mod common;

use common::*;
use lienthong_connectors::bhxh::{
    CardQuery, CardStatus, Delivery, ErrorClass, GatewayError, RetryPolicy,
};
use lienthong_connectors::sandbox::{Fault, FaultKind, Route, Sandbox, SandboxConfig};
use std::time::Duration;

#[tokio::test]
async fn submits_a_signed_file_and_the_gateway_keeps_it() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |_| {});
    let files = claim_parts(2, 1);
    for p in &files {
        let r = client.submit(&p.bytes).await.unwrap();
        assert_eq!(r.code, "200");
        assert!(!r.ma_giao_dich.is_empty());
        assert_eq!(r.thoi_gian_tiep_nhan.len(), 14, "yyyyMMddHHmmss");
        let latest = sb.latest(FACILITY, &p.ma_lk).expect("stored");
        assert_eq!(latest.ma_giao_dich, r.ma_giao_dich);
        assert_eq!(latest.file_sha256, sha256_hex(&p.bytes));
    }
    // One login for the whole batch.
    assert_eq!(count(&sb, |r| matches!(r.route, Route::TokenTake)), 1);
    sb.shutdown().await;
}

#[tokio::test]
async fn works_over_tls_and_refuses_an_untrusted_certificate() {
    let sb = Sandbox::start_tls(sandbox_config()).await.unwrap();
    assert!(sb.url().starts_with("https://"));
    let pem = sb
        .ca_certificate_pem()
        .expect("TLS sandbox has a certificate");
    let trusted = client_for(&sb, |c| c.extra_roots_pem.push(pem.clone()));
    let p = &claim_parts(1, 2)[0];
    assert_eq!(trusted.submit(&p.bytes).await.unwrap().code, "200");

    let untrusted = client_for(&sb, |c| c.retry = RetryPolicy::none());
    let err = untrusted.submit(&p.bytes).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::Tls, "{err}");
    assert!(!err.is_transient());
    sb.shutdown().await;
}

#[tokio::test]
async fn a_session_that_expires_mid_batch_is_renewed_once() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |_| {});
    let parts = claim_parts(3, 3);
    client.submit(&parts[0].bytes).await.unwrap();
    // Eleven minutes pass on the gateway's clock: the token is now expired there.
    sb.clock().advance(Duration::from_secs(11 * 60));
    client.submit(&parts[1].bytes).await.unwrap();
    client.submit(&parts[2].bytes).await.unwrap();
    assert_eq!(count(&sb, |r| matches!(r.route, Route::TokenTake)), 2);
    // The refused call, its one retry, and the other two.
    let submits = count(&sb, |r| matches!(r.route, Route::Submit(_)));
    assert_eq!(submits, 4);
    assert_eq!(
        count(&sb, |r| matches!(r.route, Route::Submit(_))
            && r.ma_ket_qua.as_deref() == Some("401")),
        1
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn session_errors_are_retried_exactly_once() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |_| {});
    let p = &claim_parts(1, 4)[0];
    // HTTP 401 with an empty body, then success.
    let submit = Route::Submit(lienthong_connectors::sandbox::Generation::Qd3176);
    sb.inject(Fault {
        route: submit,
        kind: FaultKind::Http401Empty,
        times: 1,
    });
    client.submit(&p.bytes).await.unwrap();
    // maKetQua 401 twice in a row: one new session, one retry, then a session error.
    sb.inject(Fault {
        route: submit,
        kind: FaultKind::SessionLost,
        times: 2,
    });
    let before = sb.requests().len();
    let err = client.submit(&p.bytes).await.unwrap_err();
    assert!(matches!(err, GatewayError::Session { .. }), "{err}");
    let after = &sb.requests()[before..];
    let submits = after
        .iter()
        .filter(|r| matches!(r.route, Route::Submit(_)))
        .count();
    assert_eq!(submits, 2, "exactly one retry after a session error");
    sb.shutdown().await;
}

#[tokio::test]
async fn a_storm_of_5xx_is_ridden_out_with_backoff() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |c| c.retry = fast_retry(6));
    let p = &claim_parts(1, 5)[0];
    client.login().await.unwrap();
    for status in [503, 502, 500] {
        sb.inject(Fault {
            route: Route::Submit(lienthong_connectors::sandbox::Generation::Qd3176),
            kind: FaultKind::Http(status),
            times: 1,
        });
    }
    let r = client.submit(&p.bytes).await.unwrap();
    assert_eq!(r.code, "200");
    assert_eq!(count(&sb, |r| matches!(r.route, Route::Submit(_))), 4);

    // A storm longer than the policy: the client gives up and says why.
    sb.inject(Fault {
        route: Route::Any,
        kind: FaultKind::Http(503),
        times: 50,
    });
    let err = client.submit(&p.bytes).await.unwrap_err();
    match &err {
        GatewayError::GaveUp { attempts, last } => {
            assert_eq!(*attempts, 6);
            assert!(matches!(**last, GatewayError::Server { status: 503, .. }));
        }
        other => panic!("expected GaveUp, got {other}"),
    }
    assert!(err.is_transient());
    sb.clear_faults();
    sb.shutdown().await;
}

#[tokio::test]
async fn files_rejected_for_their_content_are_never_retried() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |c| c.retry = fast_retry(5));
    // Unsigned: the sandbox requires a registered signature (125).
    let unsigned = unsigned_parts(1, 6);
    let err = client.submit(&unsigned[0].bytes).await.unwrap_err();
    match &err {
        GatewayError::Rejected { code, .. } => assert_eq!(code, "125"),
        other => panic!("expected a rejection, got {other}"),
    }
    // Not base64-decodable content is impossible from this client; a broken XML is 204/123.
    let err = client.submit(b"<GIAMDINHHS>").await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::Rejected, "{err}");
    assert_eq!(count(&sb, |r| matches!(r.route, Route::Submit(_))), 2);
    sb.shutdown().await;
}

#[tokio::test]
async fn a_hung_gateway_times_out_with_an_unknown_outcome() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |c| {
        c.request_timeout = Duration::from_millis(400);
        c.retry = RetryPolicy::none();
    });
    client.login().await.unwrap();
    sb.inject(Fault {
        route: Route::Any,
        kind: FaultKind::Hang,
        times: 1,
    });
    let p = &claim_parts(1, 7)[0];
    let err = client.submit(&p.bytes).await.unwrap_err();
    match err {
        GatewayError::Timeout { delivery, .. } => assert_eq!(delivery, Delivery::Unknown),
        other => panic!("expected a timeout, got {other}"),
    }
    sb.shutdown().await;
}

#[tokio::test]
async fn a_dropped_connection_is_retried() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |c| c.retry = fast_retry(3));
    client.login().await.unwrap();
    sb.inject(Fault {
        route: Route::Any,
        kind: FaultKind::Drop,
        times: 1,
    });
    let p = &claim_parts(1, 8)[0];
    assert_eq!(client.submit(&p.bytes).await.unwrap().code, "200");
    assert_eq!(sb.history(FACILITY, &p.ma_lk).len(), 1);
    sb.shutdown().await;
}

#[tokio::test]
async fn login_failures_are_typed_and_not_retried() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |c| {
        c.account.password = lienthong_connectors::secret::Secret::new("Zq9-not-it");
        c.retry = fast_retry(5);
    });
    let err = client.login().await.unwrap_err();
    match &err {
        GatewayError::Login { code, .. } => assert_eq!(code, "401"),
        other => panic!("expected a login error, got {other}"),
    }
    assert!(!err.to_string().contains("Zq9") && !format!("{err:?}").contains("Zq9"));
    assert_eq!(
        count(&sb, |r| matches!(r.route, Route::TokenTake)),
        1,
        "not retried"
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn card_checks_map_every_code_to_a_typed_status() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |c| {
        c.officer = Some(officer());
        c.retry = fast_retry(2);
    });
    let mut statuses = std::collections::BTreeSet::new();
    for card in SandboxConfig::demo().cards {
        let q = CardQuery {
            card: card.ma_the.clone(),
            name: card.ho_ten.clone(),
            birth_date: card.ngay_sinh.clone(),
        };
        match client.check_card(&q).await {
            Ok(check) => {
                assert!(
                    !matches!(check.status, CardStatus::Other { .. }),
                    "code {} has no typed status",
                    check.code
                );
                assert_eq!(CardStatus::from_code(&check.code), check.status);
                statuses.insert(check.code);
            }
            // 100, 101 and 500 are the gateway's own failures: retried, then reported.
            Err(e) => {
                assert!(e.is_transient(), "{e}");
                assert!(matches!(e.code(), Some("100" | "101" | "500")), "{e}");
                statuses.insert(e.code().unwrap().to_string());
            }
        }
    }
    for code in ["000", "001", "003", "010", "110", "120", "130"] {
        assert!(statuses.contains(code), "{code} not seen: {statuses:?}");
    }
    // A wrong date of birth on a valid card.
    let good = &SandboxConfig::demo().cards[0];
    let q = CardQuery {
        card: good.ma_the.clone(),
        name: good.ho_ten.clone(),
        birth_date: "01/01/1900".into(),
    };
    assert_eq!(
        client.check_card(&q).await.unwrap().status,
        CardStatus::WrongBirthDate
    );
    // A clerk the facility never registered: a request error, not a card status.
    let stranger = client_for(&sb, |c| {
        c.officer = Some(lienthong_connectors::bhxh::Officer {
            name: "NGUOI LA".into(),
            cccd: "099999999999".into(),
        })
    });
    let err = stranger.check_card(&q).await.unwrap_err();
    assert_eq!(err.code(), Some("054"), "{err}");
    sb.shutdown().await;
}

#[tokio::test]
async fn each_file_goes_to_the_endpoint_of_its_rule_pack() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |_| {});
    for (year, want) in [
        (2024, lienthong_connectors::sandbox::Generation::Qd4750),
        (2025, lienthong_connectors::sandbox::Generation::Qd3176),
    ] {
        let file = lienthong::gen::generate(&lienthong::gen::GenOptions {
            hoso: 1,
            seed: 71,
            facility: FACILITY.into(),
            year,
            month: 9,
            ..Default::default()
        });
        let p = &lienthong_connectors::prepare::claim_files(&file, Some(&signer().0)).unwrap()[0];
        assert_eq!(client.submit(&p.bytes).await.unwrap().code, "200");
        let last = sb.submissions().pop().unwrap();
        assert_eq!(last.route, Route::Submit(want), "{year}");
        assert_eq!(last.loai_ho_so, "130");
    }
    sb.shutdown().await;
}

#[tokio::test]
async fn old_qd4210_files_can_be_replayed() {
    let sb = Sandbox::start(sandbox_config()).await.unwrap();
    let client = client_for(&sb, |_| {});
    // The legacy function takes the file as it is (a JSON base64 string body).
    let p = &claim_parts(1, 72)[0];
    let r = client.submit_4210(&p.bytes).await;
    let recorded = sb.requests();
    let last = recorded.last().unwrap();
    assert_eq!(last.route, Route::Legacy4210);
    let receipt = r.unwrap();
    assert!(!receipt.ma_giao_dich.is_empty());
    assert_eq!(
        last.fields.get("maCSKCB").map(String::as_str),
        None,
        "query, not body"
    );
    // A file of another facility is refused for its content, not retried.
    let other = lienthong::gen::generate(&lienthong::gen::GenOptions {
        hoso: 1,
        seed: 73,
        facility: "79001".into(),
        ..Default::default()
    });
    let before = sb.requests().len();
    let err = client.submit_4210(&other).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::Rejected, "{err}");
    assert_eq!(sb.requests().len() - before, 1);
    sb.shutdown().await;
}
