//! The gateway behaviour profile: how a vendor's system talks to the BHXH gateway, checked over
//! a recorded traffic log (a pure function: no network, no clock).
//!
//! The log is a JSON list of requests in the order sent (`docs/conformance/gateway-profile.md`):
//!
//! ```json
//! [{"route": "/api/token/take", "fields": {"username": "79999_BV"}, "status": 200,
//!   "maKetQua": "200", "time": "2025-03-10T10:00:00+07:00"},
//!  {"route": "/api/qd130/checkInKcbQd4750", "fields": {"username": "79999_BV", "loaiHoSo": "0",
//!   "maTinh": "79", "maCSKCB": "79999"}, "status": 200, "maKetQua": "200",
//!   "time": "2025-03-10T10:00:01+07:00", "MA_LK": "79999.KB250310.0001", "file_hash": "ab12…"}]
//! ```
//!
//! `status` is the HTTP status (`null` when no response came: connection failure, time-out).
//! The checks: log in before any call, renew the token after a 401 and retry the call once,
//! check in before submitting an episode, the pack's endpoints and form fields (`loaiHoSo` 0 for
//! check-in, 130 for claims; `maTinh` = the first 2 characters of `maCSKCB`), retry only
//! transient failures (no response, 408, 429, 5xx) and at most [`Profile::max_retries`] times,
//! never resend a file the gateway accepted, and send a correction as a new version (another file
//! hash) of the same `MA_LK`.

use lienthong::validate::Pack;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One recorded request and its response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrafficEntry {
    /// Request path (`/api/qd130/guiHoSoXmlQD4750`).
    pub route: String,
    /// Form fields sent (values of secrets and of `fileHSBase64` may be redacted).
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// HTTP status; `None` when no response came.
    #[serde(default)]
    pub status: Option<u16>,
    /// `maKetQua` of the response body.
    #[serde(default, rename = "maKetQua")]
    pub ma_ket_qua: Option<String>,
    /// When it was sent (ISO 8601; the checks use the log order).
    #[serde(default)]
    pub time: Option<String>,
    /// `MA_LK` of the episode the file carries (check-in and claim requests).
    #[serde(default, rename = "MA_LK")]
    pub ma_lk: Option<String>,
    /// Hash of the file sent (any stable hash, e.g. SHA-256 hex).
    #[serde(default)]
    pub file_hash: Option<String>,
}

/// What the profile expects of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The rule pack of the files sent (chooses the endpoints).
    pub pack: Pack,
    /// Most retries of one request after transient failures.
    pub max_retries: usize,
    /// Episodes the scenario corrected: each must be accepted at least twice, with different
    /// files, under the same `MA_LK`.
    pub corrections: Vec<String>,
    /// Episodes that need no check-in (emergencies, `MA_DOITUONG_KCB` 2).
    pub no_checkin: Vec<String>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            pack: Pack::Qd3176,
            max_retries: 3,
            corrections: Vec::new(),
            no_checkin: Vec::new(),
        }
    }
}

/// One breach of the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GatewayFinding {
    /// Stable rule id (`gw.token_first` ...).
    pub rule: &'static str,
    /// 1-based index of the request in the log (`None` for findings about the whole log).
    pub request: Option<usize>,
    /// In Vietnamese.
    pub message_vi: String,
    /// In English.
    pub message_en: String,
}

/// Every rule of the profile: id, Vietnamese, English.
pub const RULES: &[(&str, &str, &str)] = &[
    (
        "gw.token_first",
        "Lấy token trước mọi lời gọi",
        "Take a token before any call",
    ),
    (
        "gw.renew_after_401",
        "Gặp 401 thì lấy token mới trước lời gọi tiếp theo",
        "After a 401, renew the token before the next call",
    ),
    (
        "gw.one_retry_after_401",
        "Sau khi lấy lại token chỉ gửi lại một lần",
        "After renewing the token, retry the call once only",
    ),
    (
        "gw.checkin_before_submit",
        "Check-in trước khi gửi hồ sơ của lượt khám",
        "Check in before submitting the episode",
    ),
    (
        "gw.endpoint",
        "Đúng địa chỉ API cho bộ quy tắc",
        "The pack's endpoint",
    ),
    (
        "gw.form_fields",
        "Đúng trường biểu mẫu (loaiHoSo, maTinh, maCSKCB, username)",
        "Right form fields (loaiHoSo, maTinh, maCSKCB, username)",
    ),
    (
        "gw.retry_transient_only",
        "Chỉ gửi lại khi lỗi tạm thời",
        "Retry transient failures only",
    ),
    (
        "gw.retry_limit",
        "Không gửi lại quá số lần cho phép",
        "No more retries than allowed",
    ),
    (
        "gw.duplicate_submission",
        "Không gửi lại tệp đã được tiếp nhận",
        "Never resend an accepted file",
    ),
    (
        "gw.correction_same_ma_lk",
        "Gửi bản sửa là phiên bản mới của cùng MA_LK",
        "Send a correction as a new version of the same MA_LK",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    Token,
    Checkin,
    Claim,
    Assessment,
    Admin,
    Unknown,
}

fn route_kind(route: &str) -> Route {
    let r = route.split('?').next().unwrap_or("");
    if r.ends_with("/api/token/take") {
        Route::Token
    } else if r.contains("/checkInKcb") {
        Route::Checkin
    } else if r.contains("/guiHoSoXml") {
        Route::Claim
    } else if r.contains("/guiDuLieuGdyk") {
        Route::Assessment
    } else if r.starts_with("/sandbox/") {
        Route::Admin
    } else {
        Route::Unknown
    }
}

/// Under QĐ 3176 the sources disagree on the check-in function: connectors.md §A.3 gives
/// `checkInKcbQd3176`, xml130.md the QĐ 4750 one, which the gateway still serves. Both pass.
fn also_accepted(pack: Pack, kind: Route, route: &str) -> bool {
    pack == Pack::Qd3176
        && kind == Route::Checkin
        && route.split('?').next() == Some("/api/qd130/checkInKcbQd4750")
}

/// The check-in and claim endpoints of `pack`.
pub fn endpoints(pack: Pack) -> (&'static str, &'static str) {
    match pack {
        Pack::Qd130 => ("/api/qd130/checkInKcbQd130", "/api/qd130/guiHoSoXmlQD130"),
        Pack::Qd4750 => ("/api/qd130/checkInKcbQd4750", "/api/qd130/guiHoSoXmlQD4750"),
        Pack::Qd3176 => ("/api/qd130/checkInKcbQd3176", "/api/qd130/guiHoSoXmlQD3176"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    Unauthorized,
    Transient,
    Rejected,
}

fn outcome(e: &TrafficEntry) -> Outcome {
    let code = e.ma_ket_qua.as_deref();
    match e.status {
        None | Some(408) | Some(429) | Some(500..=599) => Outcome::Transient,
        Some(401) => Outcome::Unauthorized,
        Some(200) if code == Some("401") => Outcome::Unauthorized,
        Some(200) if code.is_none() || code == Some("200") => Outcome::Ok,
        _ => Outcome::Rejected,
    }
}

fn finding(rule: &'static str, request: Option<usize>, vi: String, en: String) -> GatewayFinding {
    GatewayFinding {
        rule,
        request,
        message_vi: vi,
        message_en: en,
    }
}

/// Checks a traffic log against the profile; an empty result means the log conforms.
pub fn check(log: &[TrafficEntry], profile: &Profile) -> Vec<GatewayFinding> {
    let mut out = Vec::new();
    let (checkin_route, claim_route) = endpoints(profile.pack);
    let mut have_token = false;
    let mut after_401 = false;
    // Identity of a request: (route kind, MA_LK, file hash).
    type Id = (u8, String, String);
    let mut last_outcome: BTreeMap<Id, Outcome> = BTreeMap::new();
    let mut retries: BTreeMap<Id, usize> = BTreeMap::new();
    let mut unauthorized: BTreeMap<Id, usize> = BTreeMap::new();
    let mut checked_in: Vec<String> = Vec::new();
    let mut accepted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, e) in log.iter().enumerate() {
        let n = Some(i + 1);
        let kind = route_kind(&e.route);
        if kind == Route::Admin {
            continue;
        }
        let result = outcome(e);
        if kind == Route::Token {
            if result == Outcome::Ok {
                have_token = true;
                after_401 = false;
            }
            continue;
        }
        if after_401 {
            out.push(finding(
                "gw.renew_after_401",
                n,
                "gọi tiếp sau phản hồi 401 mà chưa lấy token mới (POST /api/token/take)".into(),
                "called again after a 401 without taking a new token (POST /api/token/take)".into(),
            ));
            after_401 = false;
        } else if !have_token {
            out.push(finding(
                "gw.token_first",
                n,
                format!("gọi {} trước khi lấy token", e.route),
                format!("called {} before taking a token", e.route),
            ));
        }
        let expected_route = match kind {
            Route::Checkin => Some(checkin_route),
            Route::Claim => Some(claim_route),
            _ => None,
        };
        match (kind, expected_route) {
            (Route::Unknown, _) => out.push(finding(
                "gw.endpoint",
                n,
                format!("địa chỉ API không có trong cổng: {}", e.route),
                format!("not a gateway endpoint: {}", e.route),
            )),
            (Route::Assessment, _) if profile.pack != Pack::Qd130 => out.push(finding(
                "gw.endpoint",
                n,
                "XML12 chỉ gửi qua API riêng theo QĐ 130; từ QĐ 4750 nhập trên cổng".into(),
                "XML12 has its own API under QĐ 130 only; from QĐ 4750 it is entered on the portal"
                    .into(),
            )),
            (_, Some(want))
                if e.route.split('?').next() != Some(want)
                    && !also_accepted(profile.pack, kind, &e.route) =>
            {
                out.push(finding(
                    "gw.endpoint",
                    n,
                    format!(
                        "bộ quy tắc {} dùng {want}, không phải {}",
                        profile.pack, e.route
                    ),
                    format!("pack {} uses {want}, not {}", profile.pack, e.route),
                ))
            }
            _ => {}
        }
        if matches!(kind, Route::Checkin | Route::Claim | Route::Assessment) {
            check_fields(e, kind, n, &mut out);
        }
        let id: Id = (
            kind as u8,
            e.ma_lk.clone().unwrap_or_default(),
            e.file_hash.clone().unwrap_or_default(),
        );
        match last_outcome.get(&id) {
            Some(Outcome::Ok) if kind == Route::Claim => out.push(finding(
                "gw.duplicate_submission",
                n,
                format!("gửi lại tệp đã được tiếp nhận (MA_LK {})", id.1),
                format!("resent a file the gateway already accepted (MA_LK {})", id.1),
            )),
            Some(Outcome::Rejected) => out.push(finding(
                "gw.retry_transient_only",
                n,
                "gửi lại nguyên tệp đã bị từ chối (lỗi dữ liệu không phải lỗi tạm thời: sửa rồi gửi phiên bản mới)".into(),
                "resent unchanged a file the gateway rejected (a data error is not transient: correct it and send a new version)".into(),
            )),
            Some(Outcome::Transient) => {
                let r = retries.entry(id.clone()).or_default();
                *r += 1;
                if *r == profile.max_retries + 1 {
                    out.push(finding(
                        "gw.retry_limit",
                        n,
                        format!("gửi lại quá {} lần sau lỗi tạm thời", profile.max_retries),
                        format!("more than {} retries after transient failures", profile.max_retries),
                    ));
                }
            }
            // The first retry after a renewal is expected; a retry whose own renewed attempt got
            // a 401 too is one too many.
            Some(Outcome::Unauthorized) if unauthorized.get(&id).copied().unwrap_or(0) >= 2 => {
                out.push(finding(
                    "gw.one_retry_after_401",
                    n,
                    "gửi lại lần thứ hai sau 401: chỉ gửi lại một lần sau khi lấy token mới".into(),
                    "a second retry after a 401: retry once after renewing the token".into(),
                ));
            }
            _ => {}
        }
        if kind == Route::Claim {
            let m = id.1.clone();
            if !m.is_empty() && !checked_in.contains(&m) && !profile.no_checkin.contains(&m) {
                out.push(finding(
                    "gw.checkin_before_submit",
                    n,
                    format!("gửi hồ sơ MA_LK {m} khi chưa check-in thành công"),
                    format!("submitted MA_LK {m} without a successful check-in"),
                ));
            }
        }
        match result {
            Outcome::Ok => {
                if kind == Route::Checkin {
                    if let Some(m) = &e.ma_lk {
                        checked_in.push(m.clone());
                    }
                }
                if kind == Route::Claim {
                    let hashes = accepted.entry(id.1.clone()).or_default();
                    if !hashes.contains(&id.2) {
                        hashes.push(id.2.clone());
                    }
                }
            }
            Outcome::Unauthorized => {
                after_401 = true;
                have_token = false;
                *unauthorized.entry(id.clone()).or_default() += 1;
            }
            _ => {}
        }
        last_outcome.insert(id, result);
    }
    for m in &profile.corrections {
        let versions = accepted.get(m).map_or(0, Vec::len);
        if versions < 2 {
            out.push(finding(
                "gw.correction_same_ma_lk",
                None,
                format!("bản sửa của MA_LK {m} phải được gửi là phiên bản mới (tệp khác) của cùng MA_LK; cổng tiếp nhận {versions} phiên bản"),
                format!("the correction of MA_LK {m} must be sent as a new version (another file) of the same MA_LK; the gateway accepted {versions} version(s)"),
            ));
        }
    }
    out
}

fn check_fields(e: &TrafficEntry, kind: Route, n: Option<usize>, out: &mut Vec<GatewayFinding>) {
    let want = match kind {
        Route::Checkin => "0",
        Route::Claim => "130",
        _ => "12",
    };
    let get = |k: &str| e.fields.get(k).map(String::as_str).unwrap_or("");
    let mut bad = |vi: String, en: String| out.push(finding("gw.form_fields", n, vi, en));
    if get("loaiHoSo") != want {
        bad(
            format!("loaiHoSo phải là {want}, nhận {:?}", get("loaiHoSo")),
            format!("loaiHoSo must be {want}, got {:?}", get("loaiHoSo")),
        );
    }
    let cskcb = get("maCSKCB");
    if cskcb.chars().count() != 5 {
        bad(
            format!("maCSKCB phải có 5 ký tự, nhận {cskcb:?}"),
            format!("maCSKCB must have 5 characters, got {cskcb:?}"),
        );
    } else {
        let tinh: String = cskcb.chars().take(2).collect();
        if get("maTinh") != tinh {
            bad(
                format!(
                    "maTinh phải là 2 ký tự đầu của maCSKCB ({tinh}), nhận {:?}",
                    get("maTinh")
                ),
                format!(
                    "maTinh must be the first 2 characters of maCSKCB ({tinh}), got {:?}",
                    get("maTinh")
                ),
            );
        }
    }
    if get("username").is_empty() {
        bad("thiếu username".into(), "username missing".into());
    }
    if !e.fields.contains_key("fileHSBase64") && e.file_hash.is_none() {
        bad("thiếu fileHSBase64".into(), "fileHSBase64 missing".into());
    }
}

/// Reads a traffic log (a JSON list of [`TrafficEntry`]).
pub fn parse_log(text: &str) -> Result<Vec<TrafficEntry>, String> {
    serde_json::from_str(text).map_err(|e| format!("traffic log: {e}"))
}

#[cfg(test)]
mod tests;

/// The traffic log of a sandbox gateway, from the JSON of its `GET /sandbox/requests` (or of
/// [`lienthong_connectors::sandbox::request_json`]): what a vendor's system sent to it.
pub fn from_sandbox_json(requests: &serde_json::Value) -> Result<Vec<TrafficEntry>, String> {
    let list = requests
        .as_array()
        .ok_or("the sandbox's request log is not a JSON list")?;
    let s = |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let mut out = Vec::with_capacity(list.len());
    for r in list {
        let route = s(r, "path")
            .or_else(|| s(r, "route"))
            .ok_or("a request without a route")?;
        let fields = r
            .get("fields")
            .and_then(|f| f.as_object())
            .map(|o| {
                o.iter()
                    .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                    .collect()
            })
            .unwrap_or_default();
        let status = r
            .get("http_status")
            .and_then(|v| v.as_u64())
            .filter(|s| *s != 0)
            .map(|s| s as u16);
        out.push(TrafficEntry {
            route,
            fields,
            status,
            ma_ket_qua: s(r, "ma_ket_qua"),
            time: s(r, "at"),
            ma_lk: s(r, "ma_lk"),
            file_hash: s(r, "file_sha256"),
        });
    }
    Ok(out)
}

/// The traffic log of an in-process sandbox gateway.
pub fn from_sandbox(sandbox: &lienthong_connectors::sandbox::Sandbox) -> Vec<TrafficEntry> {
    let json: Vec<serde_json::Value> = sandbox
        .requests()
        .iter()
        .map(lienthong_connectors::sandbox::request_json)
        .collect();
    from_sandbox_json(&serde_json::Value::Array(json)).unwrap_or_default()
}
