//! Sandbox-only endpoints under `/sandbox/`, for tests in other languages and the conformance
//! suite.
//!
//! | Method and path | Does |
//! |---|---|
//! | `GET /sandbox/clock` | `{"now": "...Z"}` |
//! | `POST /sandbox/clock/advance?seconds=N` | moves the clock forward |
//! | `POST /sandbox/faults` | queues a fault: `{"route":"submit_qd3176","kind":"latency","ms":500,"times":1}`; kinds `latency` (`ms`), `hang`, `drop`, `process_then_drop`, `http` (`status`), `session_lost`, `http401_empty` |
//! | `DELETE /sandbox/faults` | clears the queue |
//! | `POST /sandbox/sessions/expire` | invalidates every token |
//! | `GET /sandbox/submissions` | every file received, as JSON |
//! | `GET /sandbox/requests` | the request log, as JSON |

use super::clock::dotnet_utc;
use super::state::{Reply, State};
use super::types::{Fault, FaultKind, RecordedRequest, Route, Submission};
use hyper::http::request::Parts;
use serde_json::{json, Value};
use std::time::Duration;

fn ok(v: Value) -> Reply {
    let mut r = Reply::json(200, v);
    r.ma_ket_qua = None;
    r
}

fn bad(msg: &str) -> Reply {
    let mut r = Reply::json(400, json!({"error": msg}));
    r.ma_ket_qua = None;
    r
}

/// A fault from its JSON form.
pub fn fault_from_json(v: &Value) -> Result<Fault, String> {
    let route = v
        .get("route")
        .and_then(Value::as_str)
        .map_or(Some(Route::Any), Route::from_name)
        .ok_or("unknown route")?;
    let kind = v
        .get("kind")
        .and_then(Value::as_str)
        .ok_or("kind is missing")?;
    let kind = match kind.to_ascii_lowercase().as_str() {
        "latency" => FaultKind::Latency(Duration::from_millis(
            v.get("ms")
                .and_then(Value::as_u64)
                .ok_or("latency needs ms")?,
        )),
        "hang" => FaultKind::Hang,
        "drop" => FaultKind::Drop,
        "process_then_drop" => FaultKind::ProcessThenDrop,
        "http" => FaultKind::Http(
            v.get("status")
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok())
                .filter(|s| (100..=599).contains(s))
                .ok_or("http needs a status 100-599")?,
        ),
        "session_lost" => FaultKind::SessionLost,
        "http401_empty" => FaultKind::Http401Empty,
        _ => return Err("unknown kind".into()),
    };
    let times = v
        .get("times")
        .and_then(Value::as_u64)
        .map_or(1, |t| t.min(u32::MAX as u64) as u32);
    Ok(Fault { route, kind, times })
}

/// A submission as JSON (snake_case, the Rust field names).
pub fn submission_json(s: &Submission) -> Value {
    json!({
        "ma_giao_dich": s.ma_giao_dich, "thoi_gian_tiep_nhan": s.thoi_gian_tiep_nhan,
        "route": s.route.name(), "loai_ho_so": s.loai_ho_so, "facility": s.facility,
        "ma_lk": s.ma_lk, "code": s.code, "message": s.message, "accepted": s.accepted,
        "version": s.version, "file_sha256": s.file_sha256, "signed_by": s.signed_by,
    })
}

/// A recorded request as JSON.
pub fn request_json(r: &RecordedRequest) -> Value {
    json!({
        "route": r.route.name(), "path": r.route.path(), "method": r.method, "http_status": r.http_status,
        "ma_ket_qua": r.ma_ket_qua, "at": dotnet_utc(r.at), "username": r.username,
        "content_type": r.content_type, "body_form": r.body_form.as_str(),
        "fields": r.fields, "ma_lk": r.ma_lk, "file_sha256": r.file_sha256,
    })
}

pub(crate) async fn handle(state: &State, parts: &Parts, body: &[u8]) -> Reply {
    let path = parts.uri.path().trim_end_matches('/');
    let method = parts.method.as_str();
    let query = parts
        .uri
        .query()
        .and_then(|q| super::state::parse_pairs(q.as_bytes()))
        .unwrap_or_default();
    match (method, path) {
        ("GET", "/sandbox/clock") => ok(json!({"now": dotnet_utc(state.clock.now())})),
        ("POST", "/sandbox/clock/advance") => {
            let Some(secs) = query.get("seconds").and_then(|s| s.parse::<u64>().ok()) else {
                return bad("seconds must be a whole number");
            };
            state.clock.advance(Duration::from_secs(secs));
            ok(json!({"now": dotnet_utc(state.clock.now())}))
        }
        ("POST", "/sandbox/faults") => {
            let v: Value = match serde_json::from_slice(body) {
                Ok(v) => v,
                Err(_) => return bad("the body must be a JSON fault"),
            };
            match fault_from_json(&v) {
                Ok(f) => {
                    state.lock().faults.push_back(f);
                    ok(json!({"queued": state.lock().faults.len()}))
                }
                Err(e) => bad(&e),
            }
        }
        ("DELETE", "/sandbox/faults") => {
            state.lock().faults.clear();
            ok(json!({"queued": 0}))
        }
        ("POST", "/sandbox/sessions/expire") => {
            state.lock().sessions.clear();
            ok(json!({"expired": true}))
        }
        ("GET", "/sandbox/submissions") => {
            let list: Vec<Value> = state
                .lock()
                .submissions
                .iter()
                .map(submission_json)
                .collect();
            ok(Value::Array(list))
        }
        ("GET", "/sandbox/requests") => {
            let list: Vec<Value> = state.lock().requests.iter().map(request_json).collect();
            ok(Value::Array(list))
        }
        _ => Reply::empty(404),
    }
}
