//! The HTTP side: connections, TLS, body limits, faults, dispatch and the request log.

use super::admin;
use super::auth;
use super::cards;
use super::state::{json_fields, parse_pairs, Reply, Req, State};
use super::submit;
use super::types::{BodyForm, FaultKind, RecordedRequest, Route};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::watch;

/// Largest request body read (413 above).
pub(crate) const MAX_BODY: usize = 64 * 1024 * 1024;

/// Closing the connection without an answer: hyper drops a connection whose service fails.
#[derive(Debug)]
pub(crate) struct CloseConnection;

impl std::fmt::Display for CloseConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("sandbox fault: connection closed without a response")
    }
}

impl std::error::Error for CloseConnection {}

type HttpResult = Result<Response<Full<Bytes>>, CloseConnection>;

/// Resolves once shutdown is asked for (or the sandbox is dropped).
pub(crate) async fn shutdown_signal(mut rx: watch::Receiver<bool>) {
    while !*rx.borrow() {
        if rx.changed().await.is_err() {
            return;
        }
    }
}

/// The accept loop.
pub(crate) async fn accept_loop(
    listener: TcpListener,
    tls: Option<tokio_native_tls::TlsAcceptor>,
    state: Arc<State>,
    shutdown: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = shutdown_signal(shutdown.clone()) => return,
        };
        let (stream, peer) = match accepted {
            Ok(x) => x,
            Err(e) => {
                tracing::warn!(error = %e, "sandbox: accept failed");
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let state = state.clone();
        let shutdown = shutdown.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            match tls {
                Some(acceptor) => {
                    let handshake = tokio::select! {
                        h = tokio::time::timeout(Duration::from_secs(10), acceptor.accept(stream)) => h,
                        _ = shutdown_signal(shutdown.clone()) => return,
                    };
                    match handshake {
                        Ok(Ok(s)) => serve(s, peer, state, shutdown).await,
                        _ => tracing::debug!("sandbox: TLS handshake failed"),
                    }
                }
                None => serve(stream, peer, state, shutdown).await,
            }
        });
    }
}

async fn serve<S>(io: S, peer: SocketAddr, state: Arc<State>, shutdown: watch::Receiver<bool>)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let sd = shutdown.clone();
    let svc = service_fn(move |req| handle(state.clone(), peer.ip(), sd.clone(), req));
    let conn = http1::Builder::new().serve_connection(TokioIo::new(io), svc);
    tokio::select! {
        _ = conn => {}
        _ = shutdown_signal(shutdown) => {}
    }
}

fn respond(reply: &Reply) -> Response<Full<Bytes>> {
    let mut b =
        Response::builder().status(StatusCode::from_u16(reply.status).unwrap_or(StatusCode::OK));
    if let Some(ct) = reply.content_type {
        b = b.header("content-type", ct);
    }
    b.body(Full::new(reply.body.clone()))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::new())))
}

fn status_reply(status: u16) -> Reply {
    match status {
        502 => Reply {
            status,
            body: Bytes::from_static(
                b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            ),
            content_type: Some("text/html"),
            ma_ket_qua: None,
        },
        500 | 503 => {
            let mut r = Reply::json(
                status,
                serde_json::json!({"maKetQua": "500", "thongDiep": "Lỗi hệ thống"}),
            );
            r.status = status;
            r
        }
        s => Reply::empty(s),
    }
}

/// What the body is, from the content type and a look at it.
fn body_form(content_type: Option<&str>, body: &[u8]) -> BodyForm {
    if body.iter().all(u8::is_ascii_whitespace) {
        return BodyForm::Empty;
    }
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ct.contains("json") {
        BodyForm::Json
    } else if ct.contains("x-www-form-urlencoded") {
        BodyForm::Form
    } else {
        BodyForm::Other
    }
}

fn parse_request(
    route: Route,
    parts: &hyper::http::request::Parts,
    body: Bytes,
    peer: IpAddr,
) -> Req {
    let content_type = parts
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(200).collect::<String>());
    let form = body_form(content_type.as_deref(), &body);
    let query = parts
        .uri
        .query()
        .and_then(|q| parse_pairs(q.as_bytes()))
        .unwrap_or_default();
    let mut json = None;
    let mut fields = HashMap::new();
    match form {
        BodyForm::Json => {
            json = serde_json::from_slice(&body).ok();
            if let Some(v) = &json {
                fields = json_fields(v);
            }
        }
        BodyForm::Form => fields = parse_pairs(&body).unwrap_or_default(),
        BodyForm::Other => {
            // Model binding tries both; so does the sandbox.
            if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&body) {
                fields = json_fields(&v);
                json = Some(v);
            } else if let Some(f) = parse_pairs(&body) {
                fields = f;
            }
        }
        BodyForm::Empty => {}
    }
    Req {
        route,
        method: parts.method.as_str().to_string(),
        query,
        headers: parts.headers.clone(),
        form,
        fields,
        json,
        peer,
        content_type,
    }
}

/// Runs a route's handler.
pub(crate) fn dispatch(state: &State, req: &Req) -> Reply {
    match req.route {
        Route::TokenTake => auth::take(state, req),
        Route::CardCheck2019 | Route::CardCheck2024 => cards::card_check(state, req),
        Route::Lskcb2025 => cards::lskcb2025(state, req),
        Route::ChiTiet => cards::chi_tiet(state, req),
        Route::Mcct => cards::mcct(state, req),
        Route::CheckIn(_) | Route::Submit(_) => submit::submit(state, req),
        Route::Legacy4210 => submit::legacy_4210(state, req),
        Route::Any => Reply::empty(404),
    }
}

async fn run(state: &Arc<State>, req: Req) -> (Reply, Req) {
    let st = state.clone();
    match tokio::task::spawn_blocking(move || {
        let reply = dispatch(&st, &req);
        (reply, req)
    })
    .await
    {
        Ok(x) => x,
        Err(_) => {
            // A panic in a handler: answer 500 rather than fail the connection.
            let req = Req {
                route: Route::Any,
                method: String::new(),
                query: HashMap::new(),
                headers: Default::default(),
                form: BodyForm::Empty,
                fields: HashMap::new(),
                json: None,
                peer: IpAddr::from([127, 0, 0, 1]),
                content_type: None,
            };
            (status_reply(500), req)
        }
    }
}

fn record(state: &State, req: &Req, route: Route, status: u16, code: Option<String>) {
    let entry = RecordedRequest {
        route,
        method: req.method.clone(),
        http_status: status,
        ma_ket_qua: code,
        at: state.clock.now(),
        username: req.username(),
        content_type: req.content_type.clone(),
        body_form: req.form,
        fields: PROTOCOL_FIELDS
            .iter()
            .filter_map(|name| {
                req.field(&name.to_ascii_lowercase())
                    .map(|v| (name.to_string(), v.to_string()))
            })
            .collect(),
        ma_lk: None,
        file_sha256: None,
    };
    let entry = with_file_identity(entry, req);
    tracing::debug!(route = %route, status, "sandbox: request");
    state.lock().requests.push(entry);
}

/// The body fields recorded for inspection: never secrets, never the file.
const PROTOCOL_FIELDS: [&str; 4] = ["username", "loaiHoSo", "maTinh", "maCSKCB"];

/// Adds the `MA_LK` and hash of the file a check-in or claim request carries.
fn with_file_identity(mut entry: RecordedRequest, req: &Req) -> RecordedRequest {
    use base64::Engine as _;
    let Some(b64) = req.field("filehsbase64") else {
        return entry;
    };
    let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(b64.trim()) else {
        return entry;
    };
    let file = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    entry.file_sha256 = Some(crate::hex::sha256(file));
    entry.ma_lk = match lienthong::codec::sniff(&file[..file.len().min(4096)]) {
        Some(lienthong::codec::DocumentKind::Checkin) => {
            lienthong::codec::CheckinDocument::from_bytes(file)
                .ok()
                .and_then(|d| {
                    d.rows
                        .first()
                        .and_then(|r| r.ma_lk.value().map(|v| v.as_str().to_string()))
                })
        }
        Some(lienthong::codec::DocumentKind::Envelope) => lienthong::EnvelopeReader::new(file)
            .ok()
            .and_then(|mut r| r.next())
            .and_then(Result::ok)
            .and_then(|h| h.ma_lk().map(str::to_string)),
        _ => None,
    };
    entry
}

async fn handle(
    state: Arc<State>,
    peer: IpAddr,
    shutdown: watch::Receiver<bool>,
    request: Request<Incoming>,
) -> HttpResult {
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_string();
    let route = Route::from_path(&path);
    let too_big = parts
        .headers
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > MAX_BODY as u64);
    let body = if too_big {
        None
    } else {
        match Limited::new(body, MAX_BODY).collect().await {
            Ok(b) => Some(b.to_bytes()),
            Err(e) => {
                if e.downcast_ref::<http_body_util::LengthLimitError>()
                    .is_some()
                {
                    None
                } else {
                    // The client went away mid-body.
                    return Err(CloseConnection);
                }
            }
        }
    };
    let is_admin = path.starts_with("/sandbox/") || path == "/sandbox";
    let Some(body) = body else {
        let req = parse_request(route.unwrap_or(Route::Any), &parts, Bytes::new(), peer);
        if !is_admin {
            record(&state, &req, req.route, 413, None);
        }
        return Ok(respond(&Reply::empty(413)));
    };
    if is_admin {
        return Ok(respond(&admin::handle(&state, &parts, &body).await));
    }
    let Some(route) = route else {
        let req = parse_request(Route::Any, &parts, body, peer);
        record(&state, &req, Route::Any, 404, None);
        return Ok(respond(&Reply::empty(404)));
    };
    let req = parse_request(route, &parts, body, peer);
    if req.method != "POST" {
        record(&state, &req, route, 405, None);
        let mut r = Reply::json(
            405,
            serde_json::json!({"Message": format!("The requested resource does not support http method '{}'.", req.method)}),
        );
        r.ma_ket_qua = None;
        return Ok(respond(&r));
    }
    let fault = state.take_fault(route);
    if let Some(f) = fault {
        tracing::info!(route = %route, fault = ?f.kind, "sandbox: injecting a fault");
    }
    let reply = match fault.map(|f| f.kind) {
        None => run(&state, req).await,
        Some(FaultKind::Latency(d)) => {
            tokio::time::sleep(d).await;
            run(&state, req).await
        }
        Some(FaultKind::Hang) => {
            record(&state, &req, route, 0, None);
            shutdown_signal(shutdown).await;
            return Err(CloseConnection);
        }
        Some(FaultKind::Drop) => {
            record(&state, &req, route, 0, None);
            return Err(CloseConnection);
        }
        Some(FaultKind::ProcessThenDrop) => {
            let (reply, req) = run(&state, req).await;
            record(&state, &req, route, 0, reply.ma_ket_qua.clone());
            return Err(CloseConnection);
        }
        Some(FaultKind::Http(status)) => (status_reply(status), req),
        Some(FaultKind::SessionLost) => (auth::unauthorized(), req),
        Some(FaultKind::Http401Empty) => (Reply::empty(401), req),
    };
    let (reply, req) = reply;
    record(&state, &req, route, reply.status, reply.ma_ket_qua.clone());
    Ok(respond(&reply))
}
