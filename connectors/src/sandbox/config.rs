//! What the sandbox knows: accounts, officers, cards, and the policies it applies.

use super::clock::{civil, unix, VN_OFFSET_SECS};
use std::fmt;
use std::time::{Duration, SystemTime};

/// The demo facility (`maCSKCB`).
pub const DEMO_FACILITY: &str = "99001";
/// The demo account.
pub const DEMO_USERNAME: &str = "99001_BV";
/// The demo account's plain password (send its MD5).
pub const DEMO_PASSWORD: &str = "sandbox-password";
/// A locked demo account (token/take answers 403).
pub const DEMO_LOCKED_USERNAME: &str = "99001_KHOA";
/// A demo account of a second facility, `99002`.
pub const DEMO_OTHER_USERNAME: &str = "99002_BV";
/// The demo account on the co-payment lookup restriction list (MCCT answers 500).
pub const DEMO_RESTRICTED_USERNAME: &str = "99003_BV";
/// The demo officer's name (KQNhanLichSuKCB2024 `hoTenCb`).
pub const DEMO_OFFICER_NAME: &str = "Trần Thị Tiếp Đón";
/// The demo officer's CCCD (KQNhanLichSuKCB2024 `cccdCb`).
pub const DEMO_OFFICER_CCCD: &str = "000000000000";
/// Name of the holder of every demo card.
pub const DEMO_HOLDER_NAME: &str = "Nguyễn Văn Mẫu";
/// Birth date of the holder of every demo card.
pub const DEMO_HOLDER_BIRTH: &str = "01/01/1980";

/// A facility account of the gateway.
#[derive(Clone, PartialEq, Eq)]
pub struct SandboxAccount {
    /// Account name, conventionally `<maCSKCB>_BV`.
    pub username: String,
    /// The plain password (clients send its MD5).
    pub password: String,
    /// The facility the account belongs to (`maCSKCB`).
    pub facility: String,
    /// A locked account cannot take a session (403).
    pub locked: bool,
}

impl fmt::Debug for SandboxAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxAccount")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("facility", &self.facility)
            .field("locked", &self.locked)
            .finish()
    }
}

/// An officer registered by a facility for card lookups (KQNhanLichSuKCB2024, codes 054/055).
#[derive(Clone, PartialEq, Eq)]
pub struct Officer {
    /// The facility (`maCSKCB`).
    pub facility: String,
    /// Full name (`hoTenCb`).
    pub name: String,
    /// 12-digit CCCD (`cccdCb`).
    pub cccd: String,
}

impl fmt::Debug for Officer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Officer")
            .field("facility", &self.facility)
            .field("name", &"<redacted>")
            .field("cccd", &"<redacted>")
            .finish()
    }
}

/// The state of a card in the registry, beyond its validity dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CardStatus {
    /// In use.
    #[default]
    Active,
    /// 100: the registry cannot read the card's data.
    DataError,
    /// 101: the registry fails (server error).
    ServerError,
    /// 110: the card was withdrawn.
    Revoked,
    /// 120: reported as reduced (báo giảm).
    Reduced,
    /// 121: reduced, moved to another province.
    ReducedOtherProvince,
    /// 122: reduced, moved within the province.
    ReducedSameProvince,
    /// 123: reduced because re-enrolled with the same employer.
    ReducedRejoined,
    /// 124: reduced, stopped participating.
    ReducedStopped,
    /// 130: a child who did not present a card.
    ChildWithoutCard,
}

/// The new card issued to replace a card (codes 003/004).
#[derive(Clone, PartialEq, Eq)]
pub struct NewCard {
    /// `maTheMoi`.
    pub ma_the: String,
    /// `gtTheTuMoi`, `dd/MM/yyyy`.
    pub gt_the_tu: String,
    /// `gtTheDenMoi`, `dd/MM/yyyy`.
    pub gt_the_den: String,
    /// `maDKBDMoi`.
    pub ma_dkbd: String,
    /// `tenDKBDMoi`.
    pub ten_dkbd: String,
}

impl fmt::Debug for NewCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewCard { <redacted> }")
    }
}

/// A past visit on a card (Lskcb2025, `dsLichSuKCB2018` before CV 2746).
#[derive(Clone, PartialEq, Eq)]
pub struct SandboxVisit {
    /// `maHoSo`.
    pub ma_ho_so: String,
    /// `maCSKCB`.
    pub ma_cskcb: String,
    /// `tenCSKCB`.
    pub ten_cskcb: String,
    /// `ngayVao`, `yyyyMMddHHmm`.
    pub ngay_vao: String,
    /// `ngayRa`, `yyyyMMddHHmm`.
    pub ngay_ra: String,
    /// `tenBenh`.
    pub ten_benh: String,
    /// `tinhTrang` (1 ra viện, 2 chuyển viện, 3 trốn viện, 4 xin ra viện).
    pub tinh_trang: String,
    /// `kqDieuTri` (1 khỏi ... 5 tử vong).
    pub kq_dieu_tri: String,
    /// `lyDoVV` (1 đúng tuyến, 2 cấp cứu, 3 trái tuyến, 4 thông tuyến).
    pub ly_do_vv: String,
}

impl fmt::Debug for SandboxVisit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SandboxVisit { <redacted> }")
    }
}

/// One co-payment line of a card (TraCuuTienMCCT `DataCCT`).
#[derive(Clone, PartialEq, Eq)]
pub struct CoPayment {
    /// `maCskcb`.
    pub ma_cskcb: String,
    /// `ngayVao`, `dd/MM/yyyy` (empty when unknown).
    pub ngay_vao: String,
    /// `ngayRa`, `dd/MM/yyyy` (empty when unknown).
    pub ngay_ra: String,
    /// `maDoiTuongKCB`.
    pub ma_doi_tuong_kcb: String,
    /// `tBNCCTMCCT`: the patient's co-payment on this visit, in đồng.
    pub co_payment: u64,
    /// `tBNCCTLuyKe`: the cumulative co-payment, in đồng.
    pub cumulative: u64,
    /// `ngayNhan`, `dd/MM/yyyy`.
    pub ngay_nhan: String,
}

impl fmt::Debug for CoPayment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CoPayment { <redacted> }")
    }
}

/// A health-insurance card in the sandbox registry.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SandboxCard {
    /// 15-character card number.
    pub ma_the: String,
    /// 10-digit social-insurance number (also accepted as `maThe`).
    pub ma_so_bhxh: String,
    /// 12-digit CCCD of the holder (also accepted as `maThe`; empty when unknown).
    pub cccd: String,
    /// Holder's full name.
    pub ho_ten: String,
    /// Birth date: `dd/MM/yyyy`, `MM/yyyy` or `yyyy`.
    pub ngay_sinh: String,
    /// `"Nam"` or `"Nữ"`.
    pub gioi_tinh: String,
    /// Address.
    pub dia_chi: String,
    /// Registered primary-care facility.
    pub ma_dkbd: String,
    /// Issuing office (`cqBHXH`).
    pub cq_bhxh: String,
    /// Valid from, `dd/MM/yyyy`.
    pub gt_the_tu: String,
    /// Valid to, `dd/MM/yyyy`.
    pub gt_the_den: String,
    /// Living-area code (K1/K2/K3) or empty.
    pub ma_kv: String,
    /// Date of five consecutive years, `dd/MM/yyyy`.
    pub ngay_du_5_nam: String,
    /// Registry status.
    pub status: CardStatus,
    /// The card that replaced this one.
    pub new_card: Option<NewCard>,
    /// Past visits.
    pub visits: Vec<SandboxVisit>,
    /// Co-payments (MCCT).
    pub co_payments: Vec<CoPayment>,
}

impl fmt::Debug for SandboxCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxCard")
            .field("ma_the", &"<redacted>")
            .field("status", &self.status)
            .field("new_card", &self.new_card.is_some())
            .field("visits", &self.visits.len())
            .field("co_payments", &self.co_payments.len())
            .finish_non_exhaustive()
    }
}

/// Whether submissions must carry a valid XMLDSig signature.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum SignaturePolicy {
    /// Signatures are not checked (`CHUKYDONVI` must still be present).
    #[default]
    Off,
    /// A valid signature covering the document is required (125 otherwise).
    Required {
        /// DER certificates registered on the portal; empty accepts any valid signature.
        registered: Vec<Vec<u8>>,
    },
}

impl fmt::Debug for SignaturePolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignaturePolicy::Off => f.write_str("Off"),
            SignaturePolicy::Required { registered } => f
                .debug_struct("Required")
                .field("registered", &registered.len())
                .finish(),
        }
    }
}

/// Everything the sandbox gateway knows and how strict it is.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Facility accounts.
    pub accounts: Vec<SandboxAccount>,
    /// Officers registered per facility (KQNhanLichSuKCB2024, 054/055).
    pub officers: Vec<Officer>,
    /// The card registry.
    pub cards: Vec<SandboxCard>,
    /// Session length (the real gateway: 10 minutes).
    pub session_ttl: Duration,
    /// Whether a token is valid only from the IP that took it.
    pub ip_binding: bool,
    /// Signature checks on check-ins and submissions.
    pub signatures: SignaturePolicy,
    /// Run the SDK rule pack on submissions; error findings give 124.
    pub check_rules: bool,
    /// Largest decoded file accepted (1001 above).
    pub max_file_bytes: usize,
    /// After CV 2746: the card check returns `dsLichSuKCB2018: null`.
    pub post_cv2746: bool,
    /// Accounts on the co-payment lookup restriction list (MCCT answers HTTP 500).
    pub mcct_restricted: Vec<String>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self::demo()
    }
}

/// A demo card number for each card-check code the registry itself produces.
///
/// | code | card |
/// |---|---|
/// | 000 | `HC4999912345678` (also by `maSoBHXH` `9912345678`) |
/// | 001 | `QN5979900000001` |
/// | 002 | `CA5989900000002` |
/// | 003 | `DN4999900000003` (new card `DN4999900000013`) |
/// | 004 | `GD4999900000004` (new card `GD4999900000014`) |
/// | 010 | `HT3999900000010` |
/// | 100, 101, 110, 120-124 | `HC4999900000` followed by the code (`HC4999900000110`) |
/// | 130 | `TE1999900000130` |
///
/// 050: any well-formed unknown number; 051/052/053: a malformed number, province or benefit
/// digit; 060/061/070: the 000 card with a wrong name or birth date.
pub fn demo_card_for(code: &str) -> Option<&'static str> {
    Some(match code {
        "000" => "HC4999912345678",
        "001" => "QN5979900000001",
        "002" => "CA5989900000002",
        "003" => "DN4999900000003",
        "004" => "GD4999900000004",
        "010" => "HT3999900000010",
        "050" => "HC4999999999999",
        "051" => "HC49999123",
        "052" => "HC4039912345678",
        "053" => "HC9999912345678",
        "100" => "HC4999900000100",
        "101" => "HC4999900000101",
        "110" => "HC4999900000110",
        "120" => "HC4999900000120",
        "121" => "HC4999900000121",
        "122" => "HC4999900000122",
        "123" => "HC4999900000123",
        "124" => "HC4999900000124",
        "130" => "TE1999900000130",
        _ => return None,
    })
}

fn ddmmyyyy(y: i64, m: u32, d: u32) -> String {
    format!("{d:02}/{m:02}/{y:04}")
}

impl SandboxConfig {
    /// The demo configuration: facility `99001`, account `99001_BV` with password
    /// `sandbox-password`, one officer, and cards that produce every card-check code
    /// ([`demo_card_for`]). Card validity is set around the current year.
    pub fn demo() -> Self {
        let year = civil(unix(SystemTime::now()).0, VN_OFFSET_SECS).year;
        let account = |username: &str, facility: &str, locked: bool| SandboxAccount {
            username: username.into(),
            password: DEMO_PASSWORD.into(),
            facility: facility.into(),
            locked,
        };
        let base = |ma_the: &str, bhxh: &str| SandboxCard {
            ma_the: ma_the.into(),
            ma_so_bhxh: bhxh.into(),
            cccd: String::new(),
            ho_ten: DEMO_HOLDER_NAME.into(),
            ngay_sinh: DEMO_HOLDER_BIRTH.into(),
            gioi_tinh: "Nam".into(),
            dia_chi: "Số 1 Đường Mẫu, Phường Mẫu, Tỉnh Mẫu".into(),
            ma_dkbd: DEMO_FACILITY.into(),
            cq_bhxh: "Bảo hiểm xã hội Tỉnh Mẫu".into(),
            gt_the_tu: ddmmyyyy(year - 1, 1, 1),
            gt_the_den: ddmmyyyy(year + 1, 12, 31),
            ma_kv: String::new(),
            ngay_du_5_nam: ddmmyyyy(year - 5, 1, 1),
            ..Default::default()
        };
        let mut main = base("HC4999912345678", "9912345678");
        main.cccd = "001080000001".into();
        main.visits = vec![SandboxVisit {
            ma_ho_so: "LS0000000001".into(),
            ma_cskcb: "99002".into(),
            ten_cskcb: "Bệnh viện Mẫu Hai".into(),
            ngay_vao: format!("{year:04}01101030"),
            ngay_ra: format!("{year:04}01101430"),
            ten_benh: "Viêm họng cấp".into(),
            tinh_trang: "1".into(),
            kq_dieu_tri: "1".into(),
            ly_do_vv: "1".into(),
        }];
        main.co_payments = vec![
            CoPayment {
                ma_cskcb: "99002".into(),
                ngay_vao: ddmmyyyy(year, 1, 10),
                ngay_ra: ddmmyyyy(year, 1, 10),
                ma_doi_tuong_kcb: "1.1".into(),
                co_payment: 250_000,
                cumulative: 250_000,
                ngay_nhan: ddmmyyyy(year, 1, 15),
            },
            CoPayment {
                ma_cskcb: DEMO_FACILITY.into(),
                ngay_vao: ddmmyyyy(year, 2, 2),
                ngay_ra: ddmmyyyy(year, 2, 5),
                ma_doi_tuong_kcb: "1.1".into(),
                co_payment: 1_000_000,
                cumulative: 1_250_000,
                ngay_nhan: ddmmyyyy(year, 2, 10),
            },
        ];
        let mut cards = vec![main];
        cards.push(base("QN5979900000001", "9900000001"));
        cards.push(base("CA5989900000002", "9900000002"));
        let mut replaced_old = base("DN4999900000003", "9900000003");
        replaced_old.gt_the_tu = ddmmyyyy(year - 2, 1, 1);
        replaced_old.gt_the_den = ddmmyyyy(year - 1, 6, 30);
        replaced_old.new_card = Some(NewCard {
            ma_the: "DN4999900000013".into(),
            gt_the_tu: ddmmyyyy(year - 1, 7, 1),
            gt_the_den: ddmmyyyy(year + 1, 6, 30),
            ma_dkbd: DEMO_FACILITY.into(),
            ten_dkbd: "Bệnh viện Đa khoa Mẫu".into(),
        });
        cards.push(replaced_old);
        let mut replaced_valid = base("GD4999900000004", "9900000004");
        replaced_valid.new_card = Some(NewCard {
            ma_the: "GD4999900000014".into(),
            gt_the_tu: ddmmyyyy(year, 1, 1),
            gt_the_den: ddmmyyyy(year + 2, 12, 31),
            ma_dkbd: "99002".into(),
            ten_dkbd: "Bệnh viện Mẫu Hai".into(),
        });
        cards.push(replaced_valid);
        let mut expired = base("HT3999900000010", "9900000010");
        expired.gt_the_tu = ddmmyyyy(year - 3, 1, 1);
        expired.gt_the_den = ddmmyyyy(year - 2, 12, 31);
        cards.push(expired);
        for (code, status) in [
            ("100", CardStatus::DataError),
            ("101", CardStatus::ServerError),
            ("110", CardStatus::Revoked),
            ("120", CardStatus::Reduced),
            ("121", CardStatus::ReducedOtherProvince),
            ("122", CardStatus::ReducedSameProvince),
            ("123", CardStatus::ReducedRejoined),
            ("124", CardStatus::ReducedStopped),
            ("130", CardStatus::ChildWithoutCard),
        ] {
            let number = demo_card_for(code).unwrap_or_default();
            let mut c = base(number, &format!("9900000{code}"));
            c.status = status;
            if status == CardStatus::ChildWithoutCard {
                c.ngay_sinh = ddmmyyyy(year - 1, 3, 1);
                c.gt_the_tu = ddmmyyyy(year - 1, 3, 1);
                c.gt_the_den = ddmmyyyy(year + 5, 2, 28);
            }
            cards.push(c);
        }
        SandboxConfig {
            accounts: vec![
                account(DEMO_USERNAME, DEMO_FACILITY, false),
                account(DEMO_LOCKED_USERNAME, DEMO_FACILITY, true),
                account(DEMO_OTHER_USERNAME, "99002", false),
                account(DEMO_RESTRICTED_USERNAME, "99003", false),
            ],
            officers: vec![Officer {
                facility: DEMO_FACILITY.into(),
                name: DEMO_OFFICER_NAME.into(),
                cccd: DEMO_OFFICER_CCCD.into(),
            }],
            cards,
            session_ttl: Duration::from_secs(600),
            ip_binding: false,
            signatures: SignaturePolicy::Off,
            check_rules: true,
            max_file_bytes: 20 * 1024 * 1024,
            post_cv2746: true,
            mcct_restricted: vec![DEMO_RESTRICTED_USERNAME.into()],
        }
    }
}
