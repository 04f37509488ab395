//! Routes, faults, and what the sandbox records.

use std::fmt;
use std::time::{Duration, SystemTime};

/// The endpoint generations are the client's ([`crate::bhxh::Generation`]): one type on both
/// sides of the wire.
pub use crate::bhxh::Generation;

fn generation_tag(g: Generation) -> String {
    format!("qd{}", g.name())
}

fn parse_generation(tag: &str) -> Option<Generation> {
    Generation::from_name(tag.strip_prefix("qd")?)
}

/// A function of the gateway (also what a [`Fault`] matches).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// `POST /api/token/take`.
    TokenTake,
    /// `POST /api/egw/KQNhanLichSuKCB2019`.
    CardCheck2019,
    /// `POST /api/egw/KQNhanLichSuKCB2024`.
    CardCheck2024,
    /// `POST /api/egw/Lskcb2025`.
    Lskcb2025,
    /// `POST /api/egw/nhanHoSoKCBChiTiet`.
    ChiTiet,
    /// `POST /api/TraCuuCCT/TraCuuTienMCCT`.
    Mcct,
    /// `POST /api/qd130/checkInKcbQd4750|3176`.
    CheckIn(Generation),
    /// `POST /api/qd130/guiHoSoXmlQD130|4750|3176`.
    Submit(Generation),
    /// `POST /api/egw/guiHoSoGiamDinh4210`.
    Legacy4210,
    /// Any route (for faults); unknown paths are recorded under it.
    Any,
}

impl Route {
    /// Stable name: `token_take`, `card_check_2019`, `card_check_2024`, `lskcb2025`, `chi_tiet`,
    /// `mcct`, `check_in_qd4750`, `submit_qd3176`, `legacy_4210`, `any`...
    pub fn name(self) -> String {
        match self {
            Route::TokenTake => "token_take".into(),
            Route::CardCheck2019 => "card_check_2019".into(),
            Route::CardCheck2024 => "card_check_2024".into(),
            Route::Lskcb2025 => "lskcb2025".into(),
            Route::ChiTiet => "chi_tiet".into(),
            Route::Mcct => "mcct".into(),
            Route::CheckIn(g) => format!("check_in_{}", generation_tag(g)),
            Route::Submit(g) => format!("submit_{}", generation_tag(g)),
            Route::Legacy4210 => "legacy_4210".into(),
            Route::Any => "any".into(),
        }
    }

    /// The route named by [`Route::name`] (case-insensitive).
    pub fn from_name(name: &str) -> Option<Route> {
        let n = name.trim().to_ascii_lowercase();
        Some(match n.as_str() {
            "token_take" => Route::TokenTake,
            "card_check_2019" => Route::CardCheck2019,
            "card_check_2024" => Route::CardCheck2024,
            "lskcb2025" => Route::Lskcb2025,
            "chi_tiet" => Route::ChiTiet,
            "mcct" => Route::Mcct,
            "legacy_4210" => Route::Legacy4210,
            "any" => Route::Any,
            _ => {
                if let Some(g) = n.strip_prefix("check_in_") {
                    Route::CheckIn(parse_generation(g)?)
                } else if let Some(g) = n.strip_prefix("submit_") {
                    Route::Submit(parse_generation(g)?)
                } else {
                    return None;
                }
            }
        })
    }

    /// The route of a request path (case-insensitive, as ASP.NET routes are).
    pub fn from_path(path: &str) -> Option<Route> {
        let p = path.trim_end_matches('/').to_ascii_lowercase();
        Some(match p.as_str() {
            "/api/token/take" => Route::TokenTake,
            "/api/egw/kqnhanlichsukcb2019" => Route::CardCheck2019,
            "/api/egw/kqnhanlichsukcb2024" => Route::CardCheck2024,
            "/api/egw/lskcb2025" => Route::Lskcb2025,
            "/api/egw/nhanhosokcbchitiet" => Route::ChiTiet,
            "/api/tracuucct/tracuutienmcct" => Route::Mcct,
            "/api/qd130/checkinkcbqd4750" => Route::CheckIn(Generation::Qd4750),
            "/api/qd130/checkinkcbqd3176" => Route::CheckIn(Generation::Qd3176),
            "/api/qd130/guihosoxmlqd130" => Route::Submit(Generation::Qd130),
            "/api/qd130/guihosoxmlqd4750" => Route::Submit(Generation::Qd4750),
            "/api/qd130/guihosoxmlqd3176" => Route::Submit(Generation::Qd3176),
            "/api/egw/guihosogiamdinh4210" => Route::Legacy4210,
            _ => return None,
        })
    }

    /// The path of the route (`None` for [`Route::Any`] and [`Route::CheckIn`] of QĐ 130).
    pub fn path(self) -> Option<&'static str> {
        Some(match self {
            Route::TokenTake => "/api/token/take",
            Route::CardCheck2019 => "/api/egw/KQNhanLichSuKCB2019",
            Route::CardCheck2024 => "/api/egw/KQNhanLichSuKCB2024",
            Route::Lskcb2025 => "/api/egw/Lskcb2025",
            Route::ChiTiet => "/api/egw/nhanHoSoKCBChiTiet",
            Route::Mcct => "/api/TraCuuCCT/TraCuuTienMCCT",
            Route::CheckIn(Generation::Qd4750) => "/api/qd130/checkInKcbQd4750",
            Route::CheckIn(Generation::Qd3176) => "/api/qd130/checkInKcbQd3176",
            Route::Submit(Generation::Qd130) => "/api/qd130/guiHoSoXmlQD130",
            Route::Submit(Generation::Qd4750) => "/api/qd130/guiHoSoXmlQD4750",
            Route::Submit(Generation::Qd3176) => "/api/qd130/guiHoSoXmlQD3176",
            Route::Legacy4210 => "/api/egw/guiHoSoGiamDinh4210",
            Route::CheckIn(Generation::Qd130) | Route::Any => return None,
        })
    }

    /// Whether a fault for `self` applies to a request on `route`.
    pub fn matches(self, route: Route) -> bool {
        self == Route::Any || self == route
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// What goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// Wait this long (real time), then answer normally.
    Latency(Duration),
    /// Read the request and never answer (until shutdown).
    Hang,
    /// Read the request and close the connection without a response; the request is not
    /// processed.
    Drop,
    /// Process the request fully (a submission is stored and gets a `maGiaoDich`), then close
    /// the connection without a response: the client cannot know the outcome.
    ProcessThenDrop,
    /// Answer this HTTP status: 502 with an HTML body like a proxy, 500/503 with a JSON
    /// `maKetQua` `"500"`, other statuses with an empty body.
    Http(u16),
    /// HTTP 200 with `{"maKetQua":"401",...}`, as if the token had expired.
    SessionLost,
    /// HTTP 401 with an empty body.
    Http401Empty,
}

/// A fault to inject: applies to the next `times` requests on `route` (0 counts as 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    /// The route it applies to ([`Route::Any`]: every gateway route).
    pub route: Route,
    /// What happens.
    pub kind: FaultKind,
    /// How many matching requests it applies to.
    pub times: u32,
}

impl Fault {
    /// A fault on `route` for one request.
    pub fn once(route: Route, kind: FaultKind) -> Self {
        Fault {
            route,
            kind,
            times: 1,
        }
    }
}

/// One check-in or claim file received (accepted or not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// `maGiaoDich` (new for every call, also for rejected files).
    pub ma_giao_dich: String,
    /// `thoiGianTiepNhan`, `yyyyMMddHHmmss` Vietnam time.
    pub thoi_gian_tiep_nhan: String,
    /// The route it came on.
    pub route: Route,
    /// `loaiHoSo` as sent.
    pub loai_ho_so: String,
    /// `maCSKCB` as sent.
    pub facility: String,
    /// The `MA_LK` of the records in the file (empty when the file could not be read).
    pub ma_lk: Vec<String>,
    /// `maKetQua`.
    pub code: String,
    /// `thongDiep` (rule ids and counts; never patient values).
    pub message: String,
    /// Whether the file was accepted (`maKetQua` 200).
    pub accepted: bool,
    /// The version of the first `MA_LK` this file made: 1, 2... per (facility, `MA_LK`) over
    /// accepted files (0 when not accepted).
    pub version: u32,
    /// SHA-256 of the decoded file, lower-case hex (empty when it could not be decoded).
    pub file_sha256: String,
    /// Subject of the signer's certificate, when a signature was verified.
    pub signed_by: Option<String>,
}

/// How a request body was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyForm {
    /// JSON.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// No body.
    Empty,
    /// Anything else.
    Other,
}

impl BodyForm {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            BodyForm::Json => "json",
            BodyForm::Form => "form",
            BodyForm::Empty => "empty",
            BodyForm::Other => "other",
        }
    }
}

/// One request the sandbox received on a gateway route (admin routes are not recorded). Holds
/// no secret and no patient data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The route ([`Route::Any`] for unknown paths).
    pub route: Route,
    /// HTTP method.
    pub method: String,
    /// HTTP status answered (0 when the connection was closed or left without an answer).
    pub http_status: u16,
    /// `maKetQua` (or `MaKetQua`) of the answer, when it had one.
    pub ma_ket_qua: Option<String>,
    /// When it arrived, on the sandbox clock.
    pub at: SystemTime,
    /// The account named in the request, if any.
    pub username: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// How the body was encoded.
    pub body_form: BodyForm,
    /// The non-secret form fields the gateway protocol defines (`username`, `loaiHoSo`,
    /// `maTinh`, `maCSKCB`), under their protocol names.
    pub fields: std::collections::BTreeMap<String, String>,
    /// The `MA_LK` of the file sent (check-in and claim routes), when it could be read.
    pub ma_lk: Option<String>,
    /// SHA-256 (hex) of the decoded file sent, BOM removed.
    pub file_sha256: Option<String>,
}
