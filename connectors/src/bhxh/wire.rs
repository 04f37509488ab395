//! The gateway's result codes, mapped to typed outcomes, and the answers it sends.
//!
//! Sources: `shared/research/connectors.md` §A.1 (token), §A.2.1 (card check), §A.3.2 (claim
//! files). Codes are strings on the wire (`"000"`, `"200"`); some functions send numbers, so
//! [`code_of`] accepts both.

use serde_json::Value;
use std::fmt;

/// The result code of an answer: `maKetQua` (or `MaKetQua`), as a string, numbers included.
pub fn code_of(body: &Value) -> Option<String> {
    let v = body.get("maKetQua").or_else(|| body.get("MaKetQua"))?;
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string member of an answer, `None` when missing, null or not a string.
pub fn str_of(body: &Value, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::to_string)
}

/// What the login codes mean (§A.1).
pub fn login_code_meaning(code: &str) -> (&'static str, &'static str) {
    match code {
        "401" => (
            "tài khoản không tồn tại hoặc sai mật khẩu",
            "unknown account or wrong password",
        ),
        "402" => ("mã CSKCB không đúng", "wrong facility code"),
        "403" => ("tài khoản bị khóa", "account locked"),
        "500" => ("lỗi hệ thống", "system error"),
        _ => ("mã không xác định", "unknown code"),
    }
}

/// The card check's verdict (§A.2.1), one variant per code family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardStatus {
    /// 000: the card is valid and the details match.
    Valid,
    /// 001 / 002: valid, but the card is managed by the Ministry of Defence (001) or Public
    /// Security (002): check an identity document.
    ValidCheckIdentity { code: String },
    /// 003: the old card expired and a new card was issued: use [`CardCheck::new_card`].
    Replaced,
    /// 004: the old card is still valid, and a new card was issued.
    ReplacedStillValid,
    /// 010: the card has expired.
    Expired,
    /// 050: no such card.
    NotFound,
    /// 051 / 052 / 053: the card number, its province (characters 4-5) or its benefit digit
    /// (character 3) is wrong.
    WrongCardNumber { code: String },
    /// 060: wrong name; 061: wrong name, right first letter.
    WrongName { first_letter_ok: bool },
    /// 070: wrong date of birth.
    WrongBirthDate,
    /// 110: the card was withdrawn.
    Revoked,
    /// 120-124: the card holder was reported as leaving (transfer, stop, ...).
    Reduced { code: String },
    /// 130: a child presented no card.
    ChildWithoutCard,
    /// Any other code the gateway may send; kept verbatim.
    Other { code: String },
}

impl CardStatus {
    /// Maps a card-check code. Request errors (054, 055, 205), session (401) and transient
    /// codes (100, 101, 500) are not card statuses; the client turns them into errors.
    pub fn from_code(code: &str) -> CardStatus {
        match code {
            "000" => CardStatus::Valid,
            "001" | "002" => CardStatus::ValidCheckIdentity { code: code.into() },
            "003" => CardStatus::Replaced,
            "004" => CardStatus::ReplacedStillValid,
            "010" => CardStatus::Expired,
            "050" => CardStatus::NotFound,
            "051" | "052" | "053" => CardStatus::WrongCardNumber { code: code.into() },
            "060" => CardStatus::WrongName {
                first_letter_ok: false,
            },
            "061" => CardStatus::WrongName {
                first_letter_ok: true,
            },
            "070" => CardStatus::WrongBirthDate,
            "110" => CardStatus::Revoked,
            "120" | "121" | "122" | "123" | "124" => CardStatus::Reduced { code: code.into() },
            "130" => CardStatus::ChildWithoutCard,
            other => CardStatus::Other { code: other.into() },
        }
    }

    /// Whether the visit may be covered (codes 000-004, as clients treat them).
    pub fn is_usable(&self) -> bool {
        matches!(
            self,
            CardStatus::Valid
                | CardStatus::ValidCheckIdentity { .. }
                | CardStatus::Replaced
                | CardStatus::ReplacedStillValid
        )
    }

    /// Vietnamese and English meaning.
    pub fn meaning(&self) -> (&'static str, &'static str) {
        match self {
            CardStatus::Valid => ("thông tin thẻ chính xác", "card details are correct"),
            CardStatus::ValidCheckIdentity { .. } => (
                "thẻ do BHXH Bộ Quốc phòng/Bộ Công an quản lý, kiểm tra giấy tờ tùy thân",
                "card managed by Defence/Public Security insurance: check an identity document",
            ),
            CardStatus::Replaced => (
                "thẻ cũ hết giá trị, đã được cấp thẻ mới",
                "old card expired, a new card was issued",
            ),
            CardStatus::ReplacedStillValid => (
                "thẻ cũ còn giá trị, đã được cấp thẻ mới",
                "old card still valid, a new card was issued",
            ),
            CardStatus::Expired => ("thẻ hết giá trị sử dụng", "card expired"),
            CardStatus::NotFound => ("không có thông tin thẻ", "no such card"),
            CardStatus::WrongCardNumber { .. } => (
                "mã thẻ, mã tỉnh hoặc mã quyền lợi không đúng",
                "wrong card number, province or benefit digit",
            ),
            CardStatus::WrongName { .. } => ("sai họ tên", "wrong name"),
            CardStatus::WrongBirthDate => ("sai ngày sinh", "wrong date of birth"),
            CardStatus::Revoked => ("thẻ đã thu hồi", "card withdrawn"),
            CardStatus::Reduced { .. } => ("thẻ đã báo giảm", "card holder reported as leaving"),
            CardStatus::ChildWithoutCard => {
                ("trẻ em không xuất trình thẻ", "child presented no card")
            }
            CardStatus::Other { .. } => ("mã kết quả khác", "other result code"),
        }
    }
}

/// The answer to a card check. Personal fields never print in `Debug`.
#[derive(Clone)]
pub struct CardCheck {
    /// The gateway's code (`maKetQua`).
    pub code: String,
    /// The typed verdict.
    pub status: CardStatus,
    /// The gateway's note on validity (`ghiChu`), shown verbatim to staff.
    pub note: Option<String>,
    /// The card number the gateway holds (`maThe`).
    pub card: Option<String>,
    /// Validity, `dd/MM/yyyy` (`gtTheTu`, `gtTheDen`).
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    /// Registered primary-care facility (`maDKBD`).
    pub primary_facility: Option<String>,
    /// Living-area code (`maKV`).
    pub area: Option<String>,
    /// Date of five consecutive years (`ngayDu5Nam`).
    pub five_years: Option<String>,
    /// For 003/004: the new card (`maTheMoi`) and its validity.
    pub new_card: Option<String>,
    pub new_valid_from: Option<String>,
    pub new_valid_to: Option<String>,
    /// The raw answer, for fields not modelled here (patient data: handle with care).
    pub raw: Value,
}

impl fmt::Debug for CardCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CardCheck")
            .field("code", &self.code)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl CardCheck {
    pub(crate) fn from_body(code: String, body: Value) -> Self {
        let s = |k: &str| str_of(&body, k).filter(|v| !v.is_empty());
        CardCheck {
            status: CardStatus::from_code(&code),
            code,
            note: s("ghiChu"),
            card: s("maThe"),
            valid_from: s("gtTheTu"),
            valid_to: s("gtTheDen"),
            primary_facility: s("maDKBD"),
            area: s("maKV"),
            five_years: s("ngayDu5Nam"),
            new_card: s("maTheMoi"),
            new_valid_from: s("gtTheTuMoi"),
            new_valid_to: s("gtTheDenMoi"),
            raw: body,
        }
    }
}

/// One past visit from the history service (`dsLichSuKCB2025`).
#[derive(Clone, serde::Deserialize, serde::Serialize)]
pub struct PastVisit {
    #[serde(rename = "maHoSo", default, deserialize_with = "string_or_number")]
    pub record_id: Option<String>,
    #[serde(rename = "maCSKCB", default)]
    pub facility: Option<String>,
    #[serde(rename = "ngayVao", default)]
    pub admitted: Option<String>,
    #[serde(rename = "ngayRa", default)]
    pub discharged: Option<String>,
    #[serde(rename = "tenBenh", default)]
    pub diagnosis: Option<String>,
    #[serde(rename = "tinhTrang", default, deserialize_with = "string_or_number")]
    pub discharge_status: Option<String>,
    #[serde(rename = "kqDieuTri", default, deserialize_with = "string_or_number")]
    pub result: Option<String>,
    #[serde(rename = "lyDoVV", default, deserialize_with = "string_or_number")]
    pub attendance: Option<String>,
}

impl fmt::Debug for PastVisit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PastVisit")
            .field("facility", &self.facility)
            .finish_non_exhaustive()
    }
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::Deserialize;
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// The gateway's receipt for a check-in or claim file (§A.3.2).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Receipt {
    /// `maKetQua`, `"200"` on success.
    pub code: String,
    /// The transaction id (`maGiaoDich`); keep it with the exact file version.
    pub ma_giao_dich: String,
    /// Receive time, `yyyyMMddHHmmss` local time (`thoiGianTiepNhan`): legal evidence.
    pub thoi_gian_tiep_nhan: String,
    /// The gateway's message (`thongDiep`).
    pub message: String,
}

/// What a claim-file code means (§A.3.2; only 200/401/403 are published for this family, the
/// rest comes from its sibling services).
pub fn file_code_meaning(code: &str) -> (&'static str, &'static str) {
    match code {
        "200" => ("tiếp nhận thành công", "received"),
        "123" => (
            "file sai cấu trúc, thiếu thẻ bắt buộc, sai mã CSKCB hoặc thiếu chữ ký",
            "file structure wrong, required tag missing, facility mismatch or no signature",
        ),
        "124" => ("lỗi nghiệp vụ nội dung", "content (business rule) error"),
        "125" => (
            "lỗi chữ ký số: không ký, ký sai hoặc chứng thư chưa đăng ký",
            "digital signature error: unsigned, invalid or unregistered certificate",
        ),
        "202" => (
            "sai định dạng ngày hoặc lỗi nội dung XML",
            "wrong date format or XML content error",
        ),
        "204" => (
            "không mở được file XML hoặc file không có nội dung",
            "XML file unreadable or empty",
        ),
        "205" => (
            "đầu vào không đúng, base64 không giải mã được hoặc file trống",
            "bad input, undecodable base64 or empty file",
        ),
        "401" => ("lỗi xác thực", "authentication error"),
        "402" | "403" => (
            "tài khoản, mã CSKCB hoặc quyền không đúng",
            "account, facility or permission refused",
        ),
        "500" => ("lỗi hệ thống", "system error"),
        "1001" => ("file quá dài", "file too large"),
        _ => ("mã không xác định", "unknown code"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn codes_as_strings_or_numbers() {
        assert_eq!(code_of(&json!({"maKetQua":"000"})).as_deref(), Some("000"));
        assert_eq!(code_of(&json!({"maKetQua":200})).as_deref(), Some("200"));
        assert_eq!(code_of(&json!({"MaKetQua":"204"})).as_deref(), Some("204"));
        assert_eq!(code_of(&json!({"x":1})), None);
    }

    #[test]
    fn every_card_code_has_a_status() {
        let usable = ["000", "001", "002", "003", "004"];
        for c in [
            "000", "001", "002", "003", "004", "010", "050", "051", "052", "053", "060", "061",
            "070", "110", "120", "121", "122", "123", "124", "130",
        ] {
            let s = CardStatus::from_code(c);
            assert!(!matches!(s, CardStatus::Other { .. }), "{c}");
            assert_eq!(s.is_usable(), usable.contains(&c), "{c}");
        }
        assert!(matches!(
            CardStatus::from_code("090"),
            CardStatus::Other { .. }
        ));
    }

    #[test]
    fn card_check_debug_hides_personal_data() {
        let c = CardCheck::from_body(
            "000".into(),
            json!({"maThe":"HC4999912345678","hoTen":"NGUYEN VAN MAU","diaChi":"x"}),
        );
        let d = format!("{c:?}");
        assert!(!d.contains("NGUYEN") && !d.contains("HC49999"), "{d}");
    }

    #[test]
    fn history_accepts_numbers_and_strings() {
        let v: PastVisit =
            serde_json::from_value(json!({"maHoSo": 123, "tinhTrang":"4","kqDieuTri":1})).unwrap();
        assert_eq!(v.record_id.as_deref(), Some("123"));
        assert_eq!(v.result.as_deref(), Some("1"));
    }
}
