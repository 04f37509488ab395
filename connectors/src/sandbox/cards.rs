//! Card check (KQNhanLichSuKCB2019/2024), visit history (Lskcb2025), one visit's detail
//! (nhanHoSoKCBChiTiet) and the co-payment lookup (TraCuuTienMCCT).

use super::auth::{check_headers, check_query, unauthorized, Authed};
use super::clock::{digits, parse_ddmmyyyy, valid_date, vn, vn_ddmmyyyy, vn_minute};
use super::config::{CardStatus, SandboxCard};
use super::state::{Lookup, Reply, Req, State};
use super::types::{BodyForm, Route};
use lienthong::record::Record;
use serde_json::{json, Map, Value};

/// Province codes printed on cards (characters 4-5): the 63 provinces, 97/98 for the defence and
/// police funds, 99 for the sandbox.
const PROVINCES: &[&str] = &[
    "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25",
    "26", "27", "30", "31", "33", "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48",
    "49", "51", "52", "54", "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75",
    "77", "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96", "97",
    "98", "99",
];

/// The Vietnamese note for a card-check code.
pub(crate) fn card_message(code: &str) -> &'static str {
    match code {
        "000" => "Thông tin thẻ BHYT chính xác",
        "001" => {
            "Thẻ do BHXH Bộ Quốc phòng quản lý, đề nghị kiểm tra thẻ và thông tin giấy tờ tùy thân"
        }
        "002" => {
            "Thẻ do BHXH Bộ Công an quản lý, đề nghị kiểm tra thẻ và thông tin giấy tờ tùy thân"
        }
        "003" => "Thẻ cũ hết giá trị sử dụng, đã được cấp thẻ mới",
        "004" => "Thẻ cũ còn giá trị sử dụng, đã được cấp thẻ mới",
        "010" => "Thẻ hết giá trị sử dụng",
        "050" => "Không có thông tin thẻ",
        "051" => "Mã thẻ không đúng",
        "052" => "Mã tỉnh cấp thẻ (ký tự thứ 4, 5 của mã thẻ) không đúng",
        "053" => "Mã quyền lợi thẻ (ký tự thứ 3 của mã thẻ) không đúng",
        "054" => "CCCD của cán bộ tra cứu không có trong danh sách người dùng CSKCB đăng ký",
        "055" => "Họ tên cán bộ tra cứu không khớp với số CCCD",
        "060" => "Thẻ sai họ tên",
        "061" => "Thẻ sai họ tên (đúng ký tự đầu)",
        "070" => "Thẻ sai ngày sinh",
        "100" => "Lỗi khi lấy dữ liệu sổ thẻ",
        "101" => "Lỗi server",
        "110" => "Thẻ đã thu hồi",
        "120" => "Thẻ đã báo giảm",
        "121" => "Thẻ đã báo giảm. Giảm do chuyển ngoại tỉnh",
        "122" => "Thẻ đã báo giảm. Giảm do chuyển nội tỉnh",
        "123" => "Thẻ đã báo giảm. Giảm do tăng lại cùng đơn vị",
        "124" => "Thẻ đã báo giảm. Giảm do ngừng tham gia",
        "130" => "Trẻ em không xuất trình thẻ",
        "205" => "Lỗi sai định dạng tham số",
        _ => "Lỗi máy chủ",
    }
}

/// Upper-cased, with runs of whitespace collapsed and the ends trimmed.
pub(crate) fn norm_name(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_uppercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A birth date as the request gives it: `dd/MM/yyyy`, `MM/yyyy` or `yyyy`, as (day, month, year)
/// with the parts not given as `None`. `ddMMyyyy` and empty are refused.
pub(crate) fn parse_birth(s: &str) -> Option<(Option<u32>, Option<u32>, i64)> {
    let s = s.trim();
    match s.len() {
        10 => parse_ddmmyyyy(s).map(|(y, m, d)| (Some(d), Some(m), y)),
        7 if s.as_bytes()[2] == b'/' => {
            let m = digits(&s[0..2])?;
            let y = digits(&s[3..7])? as i64;
            valid_date(y, m, 1).then_some((None, Some(m), y))
        }
        4 => {
            let y = digits(s)? as i64;
            valid_date(y, 1, 1).then_some((None, None, y))
        }
        _ => None,
    }
}

fn birth_matches(card: &str, asked: (Option<u32>, Option<u32>, i64)) -> bool {
    let Some((cd, cm, cy)) = parse_birth(card) else {
        return false;
    };
    let (d, m, y) = asked;
    y == cy && (m.is_none() || cm.is_none() || m == cm) && (d.is_none() || cd.is_none() || d == cd)
}

/// Whether `card`'s `dd/MM/yyyy` range holds the sandbox's current date.
fn in_validity(state: &State, from: &str, to: &str) -> bool {
    let c = vn(state.clock.now());
    let today = (c.year, c.month, c.day);
    let from = parse_ddmmyyyy(from);
    let to = parse_ddmmyyyy(to);
    matches!((from, to), (Some(f), Some(t)) if f <= today && today <= t)
}

/// Finds a card by card number, social-insurance number or CCCD; `Err(code)` for a number
/// that cannot be one.
fn find_card<'a>(state: &'a State, ma_the: &str) -> Result<Option<&'a SandboxCard>, &'static str> {
    let m = ma_the.trim().to_ascii_uppercase();
    let b = m.as_bytes();
    match b.len() {
        15 => {
            if !(b[0].is_ascii_uppercase()
                && b[1].is_ascii_uppercase()
                && b[2..].iter().all(u8::is_ascii_digit))
            {
                return Err("051");
            }
            if !(b'1'..=b'5').contains(&b[2]) {
                return Err("053");
            }
            if !PROVINCES.contains(&&m[3..5]) {
                return Err("052");
            }
            Ok(state.config.cards.iter().find(|c| c.ma_the == m))
        }
        10 if b.iter().all(u8::is_ascii_digit) => {
            Ok(state.config.cards.iter().find(|c| c.ma_so_bhxh == m))
        }
        12 if b.iter().all(u8::is_ascii_digit) => Ok(state
            .config
            .cards
            .iter()
            .find(|c| !c.cccd.is_empty() && c.cccd == m)),
        _ => Err("051"),
    }
}

/// The card-check code for a found card.
fn card_code(
    state: &State,
    card: &SandboxCard,
    name: &str,
    birth: (Option<u32>, Option<u32>, i64),
) -> &'static str {
    match card.status {
        CardStatus::DataError => return "100",
        CardStatus::ServerError => return "101",
        CardStatus::Revoked => return "110",
        CardStatus::Reduced => return "120",
        CardStatus::ReducedOtherProvince => return "121",
        CardStatus::ReducedSameProvince => return "122",
        CardStatus::ReducedRejoined => return "123",
        CardStatus::ReducedStopped => return "124",
        CardStatus::ChildWithoutCard => return "130",
        CardStatus::Active => {}
    }
    let (want, got) = (norm_name(&card.ho_ten), norm_name(name));
    if want != got {
        return if want.chars().next() == got.chars().next() {
            "061"
        } else {
            "060"
        };
    }
    if !birth_matches(&card.ngay_sinh, birth) {
        return "070";
    }
    let valid = in_validity(state, &card.gt_the_tu, &card.gt_the_den);
    if card.new_card.is_some() {
        return if valid { "004" } else { "003" };
    }
    if !valid {
        return "010";
    }
    match &card.ma_the[..2] {
        "QN" => "001",
        "CA" => "002",
        _ => "000",
    }
}

/// What a lookup concluded.
struct Outcome<'a> {
    code: &'static str,
    card: Option<&'a SandboxCard>,
}

/// The checks shared by the card check and Lskcb2025.
fn look_up<'a>(state: &'a State, req: &Req, who: &Authed, officers: bool) -> Outcome<'a> {
    let none = |code| Outcome { code, card: None };
    let ma_the = req.field("mathe").unwrap_or("").trim();
    let ho_ten = req.field("hoten").unwrap_or("");
    let Some(birth) = req.field("ngaysinh").and_then(parse_birth) else {
        return none("205");
    };
    if ma_the.is_empty() || ho_ten.trim().is_empty() {
        return none("205");
    }
    if officers {
        let (Some(name), Some(cccd)) = (req.field("hotencb"), req.field("cccdcb")) else {
            return none("205");
        };
        let cccd = cccd.trim();
        let Some(officer) = state
            .config
            .officers
            .iter()
            .find(|o| o.facility == who.facility && o.cccd == cccd)
        else {
            return none("054");
        };
        if norm_name(&officer.name) != norm_name(name) {
            return none("055");
        }
    }
    let card = match find_card(state, ma_the) {
        Err(code) => return none(code),
        Ok(None) => return none("050"),
        Ok(Some(c)) => c,
    };
    Outcome {
        code: card_code(state, card, ho_ten, birth),
        card: Some(card),
    }
}

fn opt(s: &str) -> Value {
    Value::String(s.to_string())
}

fn visit_json(v: &super::config::SandboxVisit) -> Value {
    json!({
        "maHoSo": v.ma_ho_so, "maCSKCB": v.ma_cskcb, "tenCSKCB": v.ten_cskcb,
        "ngayVao": v.ngay_vao, "ngayRa": v.ngay_ra, "tenBenh": v.ten_benh,
        "tinhTrang": v.tinh_trang, "kqDieuTri": v.kq_dieu_tri, "lyDoVV": v.ly_do_vv,
        "TEMP1": null, "TEMP2": null, "TEMP3": null, "TEMP4": null, "TEMP5": null,
    })
}

/// Seeded visits plus those of accepted claims on the card, newest first.
fn visits(state: &State, card: &SandboxCard) -> Vec<Value> {
    let mut out: Vec<(String, Value)> = card
        .visits
        .iter()
        .map(|v| (v.ngay_vao.clone(), visit_json(v)))
        .collect();
    let inner = state.lock();
    for s in &inner.hosos {
        let Some(x1) = s.hoso.xml1.as_ref() else {
            continue;
        };
        let on_card = x1
            .ma_the_bhyt
            .wire()
            .split(';')
            .any(|n| n.trim() == card.ma_the);
        if !on_card {
            continue;
        }
        let ngay_vao = x1.ngay_vao.wire().into_owned();
        out.push((
            ngay_vao.clone(),
            json!({
                "maHoSo": s.ma_giao_dich, "maCSKCB": s.facility, "tenCSKCB": null,
                "ngayVao": ngay_vao, "ngayRa": x1.ngay_ra.wire(),
                "tenBenh": x1.chan_doan_rv.wire(),
                "tinhTrang": x1.ma_loai_rv.wire(), "kqDieuTri": x1.ket_qua_dtri.wire(),
                "lyDoVV": x1.ma_doituong_kcb.wire(),
                "TEMP1": null, "TEMP2": null, "TEMP3": null, "TEMP4": null, "TEMP5": null,
            }),
        ));
    }
    out.sort_by(|a, b| b.0.cmp(&a.0));
    out.into_iter().map(|(_, v)| v).collect()
}

/// `KQNhanLichSuKCB2019` and `KQNhanLichSuKCB2024`.
pub(crate) fn card_check(state: &State, req: &Req) -> Reply {
    let Some(who) = check_query(state, req) else {
        return unauthorized();
    };
    let officers = req.route == Route::CardCheck2024;
    let out = look_up(state, req, &who, officers);
    let code = out.code;
    let note = card_message(code);
    let key = req.field("mathe").unwrap_or("").trim().to_ascii_uppercase();
    let history = {
        let mut inner = state.lock();
        let list = inner.lookups.entry(key).or_default();
        list.push(Lookup {
            user: who.username.clone(),
            at: vn_minute(state.clock.now()),
            message: note.into(),
            code: code.into(),
        });
        let skip = list.len().saturating_sub(10);
        list[skip..]
            .iter()
            .rev()
            .map(|l| json!({"userKT": l.user, "thoiGianKT": l.at, "thongBao": l.message, "maLoi": l.code}))
            .collect::<Vec<_>>()
    };
    tracing::info!(route = %req.route, code, "sandbox: card check");
    let mut body = Map::new();
    body.insert("maKetQua".into(), code.into());
    body.insert("ghiChu".into(), note.into());
    let card = out.card.filter(|_| code != "205");
    let s = |f: fn(&SandboxCard) -> &str| card.map_or(Value::Null, |c| opt(f(c)));
    body.insert("maThe".into(), s(|c| &c.ma_the));
    body.insert("hoTen".into(), s(|c| &c.ho_ten));
    body.insert("ngaySinh".into(), s(|c| &c.ngay_sinh));
    body.insert("gioiTinh".into(), s(|c| &c.gioi_tinh));
    body.insert("diaChi".into(), s(|c| &c.dia_chi));
    body.insert("maDKBD".into(), s(|c| &c.ma_dkbd));
    body.insert("cqBHXH".into(), s(|c| &c.cq_bhxh));
    body.insert("gtTheTu".into(), s(|c| &c.gt_the_tu));
    body.insert("gtTheDen".into(), s(|c| &c.gt_the_den));
    body.insert("maKV".into(), s(|c| &c.ma_kv));
    body.insert("ngayDu5Nam".into(), s(|c| &c.ngay_du_5_nam));
    body.insert("maSoBHXH".into(), s(|c| &c.ma_so_bhxh));
    let new = card.and_then(|c| c.new_card.as_ref());
    let n = |f: fn(&super::config::NewCard) -> &str| new.map_or(Value::Null, |c| opt(f(c)));
    body.insert(
        "maTheCu".into(),
        if new.is_some() {
            s(|c| &c.ma_the)
        } else {
            Value::Null
        },
    );
    body.insert("maTheMoi".into(), n(|c| &c.ma_the));
    body.insert("gtTheTuMoi".into(), n(|c| &c.gt_the_tu));
    body.insert("gtTheDenMoi".into(), n(|c| &c.gt_the_den));
    body.insert("maDKBDMoi".into(), n(|c| &c.ma_dkbd));
    body.insert("tenDKBDMoi".into(), n(|c| &c.ten_dkbd));
    let history_2018 = match card {
        Some(c) if !state.config.post_cv2746 => Value::Array(visits(state, c)),
        _ => Value::Null,
    };
    body.insert("dsLichSuKCB2018".into(), history_2018);
    body.insert("dsLichSuKT2018".into(), Value::Array(history));
    Reply::json(200, Value::Object(body))
}

/// `Lskcb2025`: form body only (JSON gives 205).
pub(crate) fn lskcb2025(state: &State, req: &Req) -> Reply {
    let Some(who) = check_query(state, req) else {
        return unauthorized();
    };
    if req.form != BodyForm::Form {
        return Reply::json(
            200,
            json!({"maKetQua": "205", "ghiChu": card_message("205"), "dsLichSuKCB2025": null}),
        );
    }
    let out = look_up(state, req, &who, true);
    let list = match out.card {
        Some(c) if matches!(out.code, "000" | "001" | "002" | "003" | "004" | "010") => {
            Value::Array(visits(state, c))
        }
        _ => Value::Null,
    };
    let ghi_chu = if out.code == "000" {
        Value::Null
    } else {
        card_message(out.code).into()
    };
    Reply::json(
        200,
        json!({"maKetQua": out.code, "ghiChu": ghi_chu, "dsLichSuKCB2025": list}),
    )
}

/// `MA_LK` -> `MaLk`, `T_TONGCHI` -> `TTongchi`: the PascalCase of nhanHoSoKCBChiTiet.
pub(crate) fn pascal(element: &str) -> String {
    element
        .split('_')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lower = p.to_ascii_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn record_json<R: Record>(r: &R) -> Value {
    let mut m = Map::new();
    for (i, spec) in R::FIELDS.iter().enumerate() {
        let f = r.field(i);
        let v = if f.is_absent() {
            Value::Null
        } else {
            Value::String(f.wire().into_owned())
        };
        m.insert(pascal(spec.element), v);
    }
    Value::Object(m)
}

/// `nhanHoSoKCBChiTiet?maHoSo=`: an accepted claim by its `maGiaoDich`, or a seeded visit.
pub(crate) fn chi_tiet(state: &State, req: &Req) -> Reply {
    if check_query(state, req).is_none() {
        return unauthorized();
    }
    let Some(id) = req.q("mahoso").map(str::trim).filter(|s| !s.is_empty()) else {
        return Reply::json(200, json!({"maKetQua": "205", "hoSoKCB": null}));
    };
    {
        let inner = state.lock();
        if let Some(s) = inner.hosos.iter().rev().find(|s| s.ma_giao_dich == id) {
            let h = &s.hoso;
            let xml1 = h.xml1.as_ref().map_or(Value::Null, record_json);
            let list = |v: Vec<Value>| Value::Array(v);
            return Reply::json(
                200,
                json!({"maKetQua": "200", "hoSoKCB": {
                    "xml1": xml1,
                    "dsXml2": list(h.xml2.iter().map(record_json).collect()),
                    "dsXml3": list(h.xml3.iter().map(record_json).collect()),
                    "dsXml4": list(h.xml4.iter().map(record_json).collect()),
                    "dsXml5": list(h.xml5.iter().map(record_json).collect()),
                }}),
            );
        }
    }
    for card in &state.config.cards {
        if let Some(v) = card.visits.iter().find(|v| v.ma_ho_so == id) {
            return Reply::json(
                200,
                json!({"maKetQua": "200", "hoSoKCB": {
                    "xml1": {"MaLk": v.ma_ho_so, "MaCskcb": v.ma_cskcb, "HoTen": card.ho_ten,
                             "MaThe": card.ma_the, "NgayVao": v.ngay_vao, "NgayRa": v.ngay_ra,
                             "TenBenh": v.ten_benh, "KetQuaDtri": v.kq_dieu_tri},
                    "dsXml2": [], "dsXml3": [], "dsXml4": [], "dsXml5": [],
                }}),
            );
        }
    }
    Reply::json(
        200,
        json!({"maKetQua": "204", "thongDiep": "Không tìm thấy hồ sơ", "hoSoKCB": null}),
    )
}

/// `TraCuuCCT/TraCuuTienMCCT`: header auth, PascalCase answer, HTTP 401 with an empty body when
/// the session is not valid.
pub(crate) fn mcct(state: &State, req: &Req) -> Reply {
    let Some(who) = check_headers(state, req, false) else {
        return Reply::empty(401);
    };
    let pascal_reply = |status: u16, code: &str, note: &str| {
        Reply::json(
            status,
            json!({"MaKetQua": code, "GhiChu": note, "DataCCT": null, "ThongTinSoThe": null}),
        )
    };
    if state
        .config
        .mcct_restricted
        .iter()
        .any(|u| u.eq_ignore_ascii_case(&who.username))
    {
        return pascal_reply(500, "500", "Có lỗi xảy ra trong quá trình tra cứu!");
    }
    let ma_the = req.field("mathe").unwrap_or("").trim().to_ascii_uppercase();
    let ho_ten = req.field("hoten").unwrap_or("");
    let ngay_sinh = req.field("ngaysinh").unwrap_or("");
    let len_ok = matches!(ma_the.len(), 10 | 12 | 15);
    if !len_ok || ho_ten.trim().is_empty() || ngay_sinh.trim().is_empty() {
        return pascal_reply(
            400,
            "400",
            "Thiếu tham số hoặc mã thẻ không đúng độ dài (10, 12 hoặc 15 ký tự)",
        );
    }
    let card = match find_card(state, &ma_the) {
        Ok(Some(c)) if norm_name(&c.ho_ten) == norm_name(ho_ten) => c,
        _ => {
            return pascal_reply(
                200,
                "204",
                "Không tìm thấy thông tin thẻ hoặc không có dữ liệu cùng chi trả",
            )
        }
    };
    if card.co_payments.is_empty() {
        return pascal_reply(
            200,
            "204",
            "Không tìm thấy thông tin thẻ hoặc không có dữ liệu cùng chi trả",
        );
    }
    let today = vn_ddmmyyyy(state.clock.now());
    let mut lines: Vec<_> = card.co_payments.iter().collect();
    let key = |d: &str| parse_ddmmyyyy(d);
    lines.sort_by_key(|c| std::cmp::Reverse(key(&c.ngay_ra)));
    let data: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({"Id": i + 1, "ngayTraCuu": today, "maThe": card.ma_the, "maCskcb": c.ma_cskcb,
                   "ngayVao": c.ngay_vao, "ngayRa": c.ngay_ra, "maDoiTuongKCB": c.ma_doi_tuong_kcb,
                   "tBNCCTMCCT": c.co_payment, "tBNCCTLuyKe": c.cumulative,
                   "ngayNhanCong": c.ngay_nhan, "ngayNhan": c.ngay_nhan,
                   "duPhong1": "", "duPhong2": "", "duPhong3": "", "duPhong4": "", "duPhong5": ""})
        })
        .collect();
    let now = vn(state.clock.now());
    Reply::json(
        200,
        json!({
            "MaKetQua": "200",
            "GhiChu": format!(
                "Nguồn DL lấy từ các CSKCB đề nghị thanh toán KCB BHYT trên HTTTGĐ BHYT tính đến: {today} {:02}:{:02}",
                now.hour, now.minute
            ),
            "DataCCT": data,
            "ThongTinSoThe": {"hoTen": card.ho_ten, "ngaySinh": card.ngay_sinh,
                "ngayKetThuc": card.gt_the_den, "maBhxh": card.ma_so_bhxh,
                "duPhong1": "", "duPhong2": "", "duPhong3": "", "duPhong4": "", "duPhong5": ""},
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_births() {
        assert_eq!(norm_name("  nguyễn   văn mẫu "), "NGUYỄN VĂN MẪU");
        assert_eq!(parse_birth("01/01/1980"), Some((Some(1), Some(1), 1980)));
        assert_eq!(parse_birth("01/1980"), Some((None, Some(1), 1980)));
        assert_eq!(parse_birth("1980"), Some((None, None, 1980)));
        assert_eq!(parse_birth("01011980"), None);
        assert_eq!(parse_birth(""), None);
        assert_eq!(parse_birth("31/02/1980"), None);
        assert_eq!(pascal("T_TONGCHI"), "TTongchi");
        assert_eq!(pascal("MA_LK"), "MaLk");
    }
}
