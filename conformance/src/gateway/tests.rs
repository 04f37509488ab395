//! The profile on hand-written logs: one conforming run, then one breach at a time.

use super::*;
use serde_json::json;

const TOKEN: &str = "/api/token/take";
const CHECKIN: &str = "/api/qd130/checkInKcbQd4750";
const CLAIM: &str = "/api/qd130/guiHoSoXmlQD3176";

fn entry(route: &str, status: Option<u16>, code: &str, ma_lk: &str, hash: &str) -> TrafficEntry {
    let loai = if route.contains("checkIn") {
        "0"
    } else {
        "130"
    };
    let fields = if route == TOKEN {
        json!({"username": "79999_BV", "password": "[redacted]"})
    } else {
        json!({"username": "79999_BV", "loaiHoSo": loai, "maTinh": "79", "maCSKCB": "79999", "fileHSBase64": "[redacted]"})
    };
    serde_json::from_value(json!({
        "route": route, "fields": fields, "status": status,
        "maKetQua": (!code.is_empty()).then_some(code),
        "time": "2025-03-10T10:00:00+07:00",
        "MA_LK": (!ma_lk.is_empty()).then_some(ma_lk),
        "file_hash": (!hash.is_empty()).then_some(hash),
    }))
    .unwrap()
}

fn token() -> TrafficEntry {
    entry(TOKEN, Some(200), "200", "", "")
}
fn checkin(ma_lk: &str) -> TrafficEntry {
    entry(CHECKIN, Some(200), "200", ma_lk, "c1")
}
fn claim(ma_lk: &str, hash: &str, status: Option<u16>, code: &str) -> TrafficEntry {
    entry(CLAIM, status, code, ma_lk, hash)
}

fn rules(log: &[TrafficEntry], profile: &Profile) -> Vec<(&'static str, Option<usize>)> {
    check(log, profile)
        .into_iter()
        .map(|f| (f.rule, f.request))
        .collect()
}

fn good() -> Vec<TrafficEntry> {
    vec![
        token(),
        checkin("LK1"),
        claim("LK1", "h1", Some(200), "200"),
    ]
}

#[test]
fn a_conforming_log_has_no_finding() {
    assert_eq!(rules(&good(), &Profile::default()), vec![]);
}

#[test]
fn the_log_reads_from_json_and_admin_routes_are_ignored() {
    let text = r#"[
      {"route": "/api/token/take", "fields": {"username": "u"}, "status": 200, "maKetQua": "200", "time": "t"},
      {"route": "/sandbox/requests", "status": 200}
    ]"#;
    let log = parse_log(text).unwrap();
    assert_eq!(rules(&log, &Profile::default()), vec![]);
    assert!(parse_log(r#"[{"route": "/x", "unknown": 1}]"#).is_err());
}

#[test]
fn calls_before_a_token_are_reported() {
    let log = vec![
        checkin("LK1"),
        token(),
        claim("LK1", "h1", Some(200), "200"),
    ];
    assert_eq!(
        rules(&log, &Profile::default()),
        vec![("gw.token_first", Some(1))]
    );
}

#[test]
fn a_401_is_followed_by_a_renewal_and_one_retry() {
    let mut log = good();
    log.insert(2, claim("LK1", "h1", Some(401), "401"));
    log.insert(3, token());
    assert_eq!(rules(&log, &Profile::default()), vec![]);

    // No renewal: the retry reuses the stale token.
    let mut stale = good();
    stale.insert(2, claim("LK1", "h1", Some(200), "401"));
    assert_eq!(
        rules(&stale, &Profile::default()),
        vec![("gw.renew_after_401", Some(4))]
    );

    // Renewed, retried, 401 again, renewed and retried again: one retry too many.
    let log = vec![
        token(),
        checkin("LK1"),
        claim("LK1", "h1", Some(401), "401"),
        token(),
        claim("LK1", "h1", Some(401), "401"),
        token(),
        claim("LK1", "h1", Some(200), "200"),
    ];
    assert_eq!(
        rules(&log, &Profile::default()),
        vec![("gw.one_retry_after_401", Some(7))]
    );
}

#[test]
fn a_claim_needs_a_successful_check_in_of_its_episode() {
    let log = vec![
        token(),
        checkin("LK1"),
        claim("LK2", "h2", Some(200), "200"),
        entry(CHECKIN, Some(200), "500", "LK3", "c3"),
        claim("LK3", "h3", Some(200), "200"),
    ];
    assert_eq!(
        rules(&log, &Profile::default()),
        vec![
            ("gw.checkin_before_submit", Some(3)),
            ("gw.checkin_before_submit", Some(5))
        ]
    );
    // An emergency needs no check-in.
    let emergency = Profile {
        no_checkin: vec!["LK2".into(), "LK3".into()],
        ..Default::default()
    };
    assert_eq!(rules(&log, &emergency), vec![]);
}

#[test]
fn endpoints_follow_the_pack() {
    let log = vec![
        token(),
        checkin("LK1"),
        entry("/api/qd130/guiHoSoXmlQD4750", Some(200), "200", "LK1", "h1"),
    ];
    assert_eq!(
        rules(&log, &Profile::default()),
        vec![("gw.endpoint", Some(3))]
    );
    let p4750 = Profile {
        pack: Pack::Qd4750,
        ..Default::default()
    };
    assert_eq!(rules(&log, &p4750), vec![]);
    let p130 = Profile {
        pack: Pack::Qd130,
        ..Default::default()
    };
    assert_eq!(
        rules(&log, &p130),
        vec![("gw.endpoint", Some(2)), ("gw.endpoint", Some(3))]
    );
    let unknown = vec![token(), entry("/api/other", Some(404), "", "", "")];
    assert_eq!(
        rules(&unknown, &Profile::default())[0],
        ("gw.endpoint", Some(2))
    );
}

#[test]
fn form_fields_are_checked() {
    let mut log = good();
    log[1].fields.insert("loaiHoSo".into(), "130".into());
    log[2].fields.insert("maTinh".into(), "01".into());
    let found = check(&log, &Profile::default());
    assert_eq!(
        found
            .iter()
            .map(|f| (f.rule, f.request))
            .collect::<Vec<_>>(),
        vec![("gw.form_fields", Some(2)), ("gw.form_fields", Some(3))]
    );
    assert!(found[0].message_en.contains("loaiHoSo must be 0"));
    assert!(found[1]
        .message_en
        .contains("first 2 characters of maCSKCB (79)"));
    let mut no_user = good();
    no_user[2].fields.remove("username");
    assert_eq!(
        rules(&no_user, &Profile::default()),
        vec![("gw.form_fields", Some(3))]
    );
}

#[test]
fn only_transient_failures_are_retried_and_not_too_often() {
    let mut log = good();
    log.insert(2, claim("LK1", "h1", None, ""));
    log.insert(3, claim("LK1", "h1", Some(503), ""));
    assert_eq!(rules(&log, &Profile::default()), vec![]);

    let mut rejected = good();
    rejected.insert(2, claim("LK1", "h1", Some(200), "05"));
    assert_eq!(
        rules(&rejected, &Profile::default()),
        vec![("gw.retry_transient_only", Some(4))]
    );
    // A corrected file after a rejection is not a retry.
    rejected[3].file_hash = Some("h1-fixed".into());
    assert_eq!(rules(&rejected, &Profile::default()), vec![]);

    let mut many = vec![token(), checkin("LK1")];
    for _ in 0..5 {
        many.push(claim("LK1", "h1", Some(500), ""));
    }
    let p = Profile {
        max_retries: 3,
        ..Default::default()
    };
    assert_eq!(rules(&many, &p), vec![("gw.retry_limit", Some(7))]);
}

#[test]
fn an_accepted_file_is_never_resent_and_a_correction_is_a_new_version() {
    let mut dup = good();
    dup.push(claim("LK1", "h1", Some(200), "200"));
    assert_eq!(
        rules(&dup, &Profile::default()),
        vec![("gw.duplicate_submission", Some(4))]
    );

    let p = Profile {
        corrections: vec!["LK1".into()],
        ..Default::default()
    };
    let found = check(&good(), &p);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].rule, found[0].request),
        ("gw.correction_same_ma_lk", None)
    );

    let mut corrected = good();
    corrected.push(claim("LK1", "h2", Some(200), "200"));
    assert_eq!(rules(&corrected, &p), vec![]);

    // The correction sent under a new MA_LK does not count for the episode.
    let mut renamed = good();
    renamed.push(checkin("LK1-B"));
    renamed.push(claim("LK1-B", "h2", Some(200), "200"));
    assert_eq!(
        rules(&renamed, &p),
        vec![("gw.correction_same_ma_lk", None)]
    );
}

#[test]
fn every_rule_is_listed_once() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.0).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len());
}
