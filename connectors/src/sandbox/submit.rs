//! Check-in (XML0) and claim submission (QĐ 130 generations), and the legacy QĐ 4210 submit.

use super::auth::{check_headers, check_query, unauthorized};
use super::clock::vn_stamp;
use super::config::SignaturePolicy;
use super::state::{Reply, Req, State, StoredHoso};
use super::types::{Route, Submission};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use lienthong::codec::{
    sniff, CheckinDocument, DocumentKind, Envelope, EnvelopeReader, ErrorKind, ParseError,
};
use lienthong::hoso::TableVisitor;
use lienthong::record::Record;
use lienthong::report::{validate_reader, ValidateOptions};
use lienthong::sign::{verify_with, Validity, VerifyOptions};
use lienthong::types::Kind;
use lienthong::validate::Severity;
use lienthong::Hoso;
use ring::digest;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// A rejection: `maKetQua` and `thongDiep`.
struct Reject(&'static str, String);

fn reject(code: &'static str, msg: impl Into<String>) -> Reject {
    Reject(code, msg.into())
}

/// What a readable file holds.
struct Parsed {
    ma_lk: Vec<String>,
    hosos: Vec<Hoso>,
    signed_by: Option<String>,
}

/// Decodes `fileHSBase64` (line breaks and spaces tolerated).
fn decode_base64(s: &str, max: usize) -> Result<Vec<u8>, Reject> {
    let compact: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if compact.is_empty() {
        return Err(reject("205", "fileHSBase64 trống"));
    }
    if compact.len() / 4 * 3 > max.saturating_add(3) {
        return Err(reject(
            "1001",
            format!("File vượt quá dung lượng cho phép ({max} byte)"),
        ));
    }
    let bytes = STANDARD.decode(compact.as_bytes()).map_err(|_| {
        reject(
            "205",
            "fileHSBase64 không giải mã được (base64 không hợp lệ)",
        )
    })?;
    if bytes.len() > max {
        return Err(reject(
            "1001",
            format!("File vượt quá dung lượng cho phép ({max} byte)"),
        ));
    }
    Ok(bytes)
}

/// Unreadable (204) versus wrong structure (123).
fn parse_error(e: &ParseError) -> Reject {
    match e.kind {
        ErrorKind::Io(_)
        | ErrorKind::NotUtf8
        | ErrorKind::Encoding(_)
        | ErrorKind::Syntax(_)
        | ErrorKind::Doctype
        | ErrorKind::UnknownEntity
        | ErrorKind::UnexpectedEof
        | ErrorKind::TrailingContent => reject(
            "204",
            format!("Không đọc được file XML: {} ({})", e.message_vi(), e.code()),
        ),
        _ => reject(
            "123",
            format!("File sai cấu trúc: {} ({})", e.message_vi(), e.code()),
        ),
    }
}

/// Date elements whose text is not a date of their form (202).
struct BadDates(Vec<String>);

fn is_date(k: &Kind) -> bool {
    match k {
        Kind::Date
        | Kind::DateTime
        | Kind::BirthDate
        | Kind::BirthDateTime
        | Kind::DateOrDateTime => true,
        Kind::List(inner) => is_date(inner),
        _ => false,
    }
}

impl TableVisitor for BadDates {
    fn visit<R: Record>(&mut self, rows: &[R]) {
        for r in rows {
            for (i, spec) in R::FIELDS.iter().enumerate() {
                if is_date(&spec.kind) && r.field(i).is_invalid() {
                    let name = format!("{}/{}", R::TABLE.name(), spec.element);
                    if !self.0.contains(&name) {
                        self.0.push(name);
                    }
                }
            }
        }
    }
}

/// Reads the file, checks structure, facility, signature and date formats.
fn read_file(state: &State, file: &[u8], checkin: bool, facility: &str) -> Result<Parsed, Reject> {
    let body = file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(file);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(reject("204", "File không có nội dung"));
    }
    if std::str::from_utf8(body).is_err() {
        return Err(reject("204", "Không đọc được file XML: không phải UTF-8"));
    }
    let expected = if checkin {
        DocumentKind::Checkin
    } else {
        DocumentKind::Envelope
    };
    let root = if checkin {
        "CHI_TIEU_TRANG_THAI_KCB"
    } else {
        "GIAMDINHHS"
    };
    match sniff(body) {
        Some(k) if k == expected => {}
        Some(_) => {
            return Err(reject(
                "123",
                format!("File sai cấu trúc: thẻ gốc phải là {root}"),
            ))
        }
        None => {
            let looks_xml = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
            return Err(if looks_xml {
                reject("123", format!("File sai cấu trúc: thẻ gốc phải là {root}"))
            } else {
                reject("204", "Không đọc được file XML")
            });
        }
    }
    let mut bad = BadDates(Vec::new());
    let (ma_lk, hosos, signature) = if checkin {
        let doc = CheckinDocument::from_bytes(body).map_err(|e| parse_error(&e))?;
        if doc.rows.is_empty() {
            return Err(reject("123", "File sai cấu trúc: thiếu TRANG_THAI_KCB"));
        }
        let mut ma_lk = Vec::new();
        for row in &doc.rows {
            if row.ma_lk.is_absent() {
                return Err(reject("123", "File sai cấu trúc: thiếu thẻ bắt buộc MA_LK"));
            }
            if row.ma_cskcb.wire() != facility {
                return Err(reject(
                    "123",
                    "Mã CSKCB trong file (MA_CSKCB) không khớp với maCSKCB",
                ));
            }
            let lk = row.ma_lk.wire().into_owned();
            if !ma_lk.contains(&lk) {
                ma_lk.push(lk);
            }
        }
        bad.visit(&doc.rows);
        (ma_lk, Vec::new(), doc.signature)
    } else {
        let env = Envelope::from_bytes(body).map_err(|e| parse_error(&e))?;
        if env.header.macskcb.is_absent() {
            return Err(reject(
                "123",
                "File sai cấu trúc: thiếu thẻ bắt buộc MACSKCB",
            ));
        }
        if env.header.macskcb.wire() != facility {
            return Err(reject(
                "123",
                "Mã CSKCB trong file (MACSKCB) không khớp với maCSKCB",
            ));
        }
        if env.hosos.is_empty() {
            return Err(reject("123", "File sai cấu trúc: không có HOSO"));
        }
        let mut ma_lk = Vec::new();
        for h in &env.hosos {
            let Some(lk) = h.ma_lk() else {
                return Err(reject("123", "File sai cấu trúc: thiếu XML1 hoặc MA_LK"));
            };
            if let Some(x1) = &h.xml1 {
                if !x1.ma_cskcb.is_absent() && x1.ma_cskcb.wire() != facility {
                    return Err(reject(
                        "123",
                        "Mã CSKCB trong XML1 (MA_CSKCB) không khớp với maCSKCB",
                    ));
                }
            }
            if !ma_lk.iter().any(|l| l == lk) {
                ma_lk.push(lk.to_string());
            }
            h.visit_tables(&mut bad);
        }
        (ma_lk, env.hosos, env.signature)
    };
    let Some(signature) = signature else {
        return Err(reject("123", "File sai cấu trúc: thiếu CHUKYDONVI"));
    };
    let signed_by = check_signature(state, body, signature.trim().is_empty())?;
    if !bad.0.is_empty() {
        return Err(reject(
            "202",
            format!(
                "Sai định dạng ngày (yyyyMMdd hoặc yyyyMMddHHmm): {}",
                bad.0.join(", ")
            ),
        ));
    }
    Ok(Parsed {
        ma_lk,
        hosos,
        signed_by,
    })
}

/// Verifies the signature; under [`SignaturePolicy::Required`] a missing, invalid, expired or
/// unregistered signature is 125.
fn check_signature(state: &State, body: &[u8], unsigned: bool) -> Result<Option<String>, Reject> {
    let required = match &state.config.signatures {
        SignaturePolicy::Off => None,
        SignaturePolicy::Required { registered } => Some(registered),
    };
    if unsigned {
        return match required {
            Some(_) => Err(reject("125", "Lỗi chữ ký số: file chưa được ký")),
            None => Ok(None),
        };
    }
    let opts = VerifyOptions {
        at: Some(state.clock.now()),
        ..Default::default()
    };
    let result = verify_with(body, &opts);
    let Some(registered) = required else {
        return Ok(result
            .ok()
            .filter(|v| v.is_valid())
            .and_then(|v| v.certificate.map(|c| c.subject)));
    };
    let v = result.map_err(|e| reject("125", format!("Lỗi chữ ký số: {}", e.message_vi())))?;
    if !v.is_valid() || !v.covers_whole_document() {
        return Err(reject("125", "Lỗi chữ ký số: chữ ký không hợp lệ"));
    }
    let Some(cert) = v.certificate.clone() else {
        return Err(reject("125", "Lỗi chữ ký số: không có chứng thư số"));
    };
    if v.certificate_validity() != Some(Validity::Current) {
        return Err(reject(
            "125",
            "Lỗi chữ ký số: chứng thư số hết hạn hoặc chưa có hiệu lực",
        ));
    }
    if !registered.is_empty()
        && !registered.iter().any(|der| {
            crate::hex::upper(digest::digest(&digest::SHA256, der).as_ref())
                == cert.sha256_fingerprint
        })
    {
        return Err(reject(
            "125",
            "Lỗi chữ ký số: chứng thư số chưa được đăng ký",
        ));
    }
    Ok(Some(cert.subject))
}

/// The error findings of the rule pack, as `rule ×count` (never values).
fn rule_errors(file: &[u8]) -> Option<String> {
    let body = file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(file);
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let result = validate_reader(body, &ValidateOptions::default(), |f| {
        if f.severity == Severity::Error {
            *counts.entry(f.rule).or_default() += 1;
        }
    });
    if result.is_err() {
        return Some("không kiểm tra được nội dung".into());
    }
    if counts.is_empty() {
        return None;
    }
    Some(
        counts
            .iter()
            .map(|(r, n)| format!("{r} ×{n}"))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

fn next_id(state: &State, stamp: &str) -> String {
    let mut inner = state.lock();
    inner.seq += 1;
    format!("SBX{stamp}{:06}", inner.seq)
}

/// Records the submission and, when accepted, bumps the versions and keeps the records.
fn store(state: &State, mut s: Submission, hosos: Vec<Hoso>) -> Submission {
    let mut inner = state.lock();
    if s.accepted {
        let mut first = None;
        for lk in &s.ma_lk {
            let v = inner
                .versions
                .entry((s.facility.clone(), lk.clone()))
                .or_insert(0);
            *v += 1;
            first.get_or_insert(*v);
        }
        s.version = first.unwrap_or(0);
        for hoso in hosos {
            inner.hosos.push(StoredHoso {
                ma_giao_dich: s.ma_giao_dich.clone(),
                facility: s.facility.clone(),
                hoso,
            });
        }
    }
    inner.submissions.push(s.clone());
    s
}

/// `checkInKcbQd4750|3176`, `guiHoSoXmlQD130|4750|3176`.
pub(crate) fn submit(state: &State, req: &Req) -> Reply {
    let Some(who) = check_headers(state, req, true) else {
        return unauthorized();
    };
    let facility = req.field("macskcb").unwrap_or("").trim().to_string();
    if facility != who.facility {
        return Reply::code("401", "Mã CSKCB không thuộc tài khoản");
    }
    let checkin = matches!(req.route, Route::CheckIn(_));
    let loai = req.field("loaihoso").unwrap_or("").trim().to_string();
    let ma_tinh = req.field("matinh").unwrap_or("").trim();
    if !facility.starts_with(ma_tinh) || ma_tinh.len() != 2 {
        tracing::warn!(route = %req.route, "sandbox: maTinh is not the first two characters of maCSKCB (accepted, as the gateway does)");
    }
    let now = state.clock.now();
    let stamp = vn_stamp(now);
    let ma_giao_dich = next_id(state, &stamp);
    let file = req.field("filehsbase64").unwrap_or("");
    let mut sha = String::new();
    let outcome = (|| {
        let want = if checkin { "0" } else { "130" };
        if loai != want {
            return Err(reject("205", format!("loaiHoSo phải là {want}")));
        }
        let bytes = decode_base64(file, state.config.max_file_bytes)?;
        sha = crate::hex::sha256(&bytes);
        let parsed = read_file(state, &bytes, checkin, &facility)?;
        if state.config.check_rules {
            if let Some(errors) = rule_errors(&bytes) {
                return Err(reject("124", format!("Lỗi nghiệp vụ nội dung: {errors}")));
            }
        }
        Ok(parsed)
    })();
    let (code, message, parsed) = match outcome {
        Ok(p) => ("200", "Tiếp nhận thành công".to_string(), Some(p)),
        Err(Reject(code, msg)) => (code, msg, None),
    };
    let (ma_lk, hosos, signed_by) = match parsed {
        Some(p) => (p.ma_lk, p.hosos, p.signed_by),
        None => (Vec::new(), Vec::new(), None),
    };
    let s = store(
        state,
        Submission {
            ma_giao_dich: ma_giao_dich.clone(),
            thoi_gian_tiep_nhan: stamp.clone(),
            route: req.route,
            loai_ho_so: loai,
            facility,
            ma_lk,
            code: code.into(),
            message: message.clone(),
            accepted: code == "200",
            version: 0,
            file_sha256: sha,
            signed_by,
        },
        if checkin { Vec::new() } else { hosos },
    );
    tracing::info!(route = %req.route, code, version = s.version, "sandbox: file received");
    Reply::json(
        200,
        json!({"maKetQua": code, "maGiaoDich": ma_giao_dich, "thoiGianTiepNhan": stamp, "thongDiep": message}),
    )
}

/// The legacy body: a JSON base64 string or a JSON array of byte values.
fn legacy_bytes(req: &Req, max: usize) -> Result<Vec<u8>, Reject> {
    match &req.json {
        Some(Value::String(s)) => decode_base64(s, max),
        Some(Value::Array(items)) => {
            if items.len() > max {
                return Err(reject("1001", "File vượt quá dung lượng cho phép"));
            }
            items
                .iter()
                .map(|v| v.as_u64().filter(|n| *n <= 255).map(|n| n as u8))
                .collect::<Option<Vec<u8>>>()
                .ok_or_else(|| reject("205", "Dữ liệu không phải mảng byte"))
        }
        _ => Err(reject("205", "Dữ liệu đầu vào không đúng")),
    }
}

/// `POST /api/egw/guiHoSoGiamDinh4210`: style Q plus `loaiHoSo`, `maTinh`, `maCSKCB` in the
/// query; the body is the file as JSON `byte[]`.
pub(crate) fn legacy_4210(state: &State, req: &Req) -> Reply {
    let Some(who) = check_query(state, req) else {
        return unauthorized();
    };
    let facility = req.q("macskcb").unwrap_or("").trim().to_string();
    if facility != who.facility {
        return Reply::code("401", "Mã CSKCB không thuộc tài khoản");
    }
    let now = state.clock.now();
    let stamp = vn_stamp(now);
    let ma_giao_dich = next_id(state, &stamp);
    let mut sha = String::new();
    let mut ma_lk = Vec::new();
    let outcome = (|| {
        let bytes = legacy_bytes(req, state.config.max_file_bytes)?;
        sha = crate::hex::sha256(&bytes);
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(reject("204", "File XML rỗng"));
        }
        if sniff(body) != Some(DocumentKind::Envelope) {
            return Err(reject("201", "File XML sai định dạng"));
        }
        let mut reader =
            EnvelopeReader::new(body).map_err(|_| reject("201", "File XML sai định dạng"))?;
        if reader.header().macskcb.wire() != facility {
            return Err(reject("202", "Nội dung sai: MACSKCB không khớp maCSKCB"));
        }
        // The 4210 tables differ from QĐ 130: keep what reads, ignore the rest.
        for h in reader.by_ref().take(1000) {
            match h {
                Ok(h) => {
                    if let Some(lk) = h.ma_lk() {
                        ma_lk.push(lk.to_string());
                    }
                }
                Err(_) => break,
            }
        }
        Ok(())
    })();
    let (code, message) = match outcome {
        Ok(()) => ("200", "Tiếp nhận thành công".to_string()),
        Err(Reject(c, m)) => (c, m),
    };
    store(
        state,
        Submission {
            ma_giao_dich: ma_giao_dich.clone(),
            thoi_gian_tiep_nhan: stamp,
            route: Route::Legacy4210,
            loai_ho_so: req.q("loaihoso").unwrap_or("").to_string(),
            facility,
            ma_lk: if code == "200" { ma_lk } else { Vec::new() },
            code: code.into(),
            message: message.clone(),
            accepted: code == "200",
            version: 0,
            file_sha256: sha,
            signed_by: None,
        },
        Vec::new(),
    );
    Reply::json(
        200,
        json!({"maKetQua": code, "maGiaoDich": ma_giao_dich, "thongDiep": message}),
    )
}
