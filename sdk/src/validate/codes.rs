//! Checks several tables share: card prefixes and benefit digits, the patient-category list,
//! practitioner codes by rule pack, gestational age and ICD codes that deserve a warning. Messages
//! name codes and element names, never card numbers or other patient identifiers.

use super::data;
use super::patterns;
use super::support::Check;
use super::{Pack, Severity};
use crate::record::{Record, TableId};
use crate::types::codes::{MaNhom, PhamVi};
use crate::types::{CardNumber, Code, Decimal, Field, IcdCode, List};

/// Each card must have a prefix of the card-prefix table and the benefit digit the table gives
/// for it (xml130.md §3.4, ID-2). The message names the prefix and digit only.
pub(crate) fn card_prefixes<R: Record>(
    c: &mut Check<'_, '_, R>,
    rule: &'static str,
    field: &str,
    cards: &[CardNumber],
) {
    for card in cards {
        let (prefix, digit) = (card.prefix(), card.benefit_level());
        match data::card_prefix(prefix) {
            None => {
                c.warning(
                    rule,
                    field,
                    format!("{field}: mã đối tượng {prefix} không có trong bảng mã thẻ"),
                    format!("{field}: card prefix {prefix} is not in the card-prefix table"),
                );
                return;
            }
            Some(p) if p.level != digit => {
                c.warning(
                    rule,
                    field,
                    format!(
                        "{field}: thẻ {prefix} có mức hưởng {}, không phải {digit}",
                        p.level
                    ),
                    format!(
                        "{field}: {prefix} cards have benefit level {}, not {digit}",
                        p.level
                    ),
                );
                return;
            }
            Some(_) => {}
        }
    }
}

/// The cards of a `;`-list field (none when absent or malformed).
pub(crate) fn cards(f: &Field<List<CardNumber>>) -> &[CardNumber] {
    f.value().map(List::items).unwrap_or_default()
}

/// MA_DOITUONG_KCB must be in the configured list (a warning until the official QĐ 824 list is
/// loaded; xml130.md D18).
pub(crate) fn doituong<R: Record>(c: &mut Check<'_, '_, R>, rule: &'static str, f: &Field<Code>) {
    if let Some(code) = f.value() {
        let code = code.as_str();
        // A value longer than the element's size is already a field.max_length error.
        if code.chars().count() <= 5 && !data::known_doituong(code) {
            c.warning(
                rule,
                "MA_DOITUONG_KCB",
                format!("MA_DOITUONG_KCB {code} không có trong danh mục đối tượng KCB đã cấu hình"),
                format!("MA_DOITUONG_KCB {code} is not in the configured patient-category list"),
            );
        }
    }
}

/// Under QĐ 130/4750 a signer or doctor code is the 10-digit health ID (ID-5); QĐ 3176 uses
/// practising-licence numbers and is not checked.
pub(crate) fn health_id<R: Record>(
    c: &mut Check<'_, '_, R>,
    rule: &'static str,
    field: &str,
    f: &Field<Code>,
) {
    if c.pack() == Pack::Qd3176 {
        return;
    }
    if let Some(v) = f.value() {
        let pack = c.pack();
        c.flag_if(
            !patterns::health_id(v.as_str()),
            rule,
            Severity::Error,
            field,
            || format!("Theo {pack}, {field} là mã định danh y tế gồm 10 chữ số"),
            || format!("under {pack}, {field} is the 10-digit health ID"),
        );
    }
}

/// Gestational age in weeks: 1 to 42 when given (DT-9).
pub(crate) fn tuoi_thai<R: Record>(
    c: &mut Check<'_, '_, R>,
    rule: &'static str,
    weeks: Option<u64>,
) {
    c.in_range(rule, "TUOI_THAI", weeks, 1, 42);
}

/// ICD codes that the gateway's vendor checker warns about as diagnoses (ID-6).
const WARN_CODES: &[&str] = &["Z00", "R53"];

/// A warning for each main or secondary diagnosis in [`WARN_CODES`] (the 3-character category).
pub(crate) fn icd_warn<R: Record>(
    c: &mut Check<'_, '_, R>,
    main: &Field<IcdCode>,
    secondary: &Field<List<IcdCode>>,
) {
    let mut all: Vec<(&str, &IcdCode)> = Vec::new();
    if let Some(m) = main.value() {
        all.push(("MA_BENH_CHINH", m));
    }
    if let Some(l) = secondary.value() {
        all.extend(l.items().iter().map(|x| ("MA_BENH_KT", x)));
    }
    for (field, code) in all {
        let s = code.as_str();
        if let Some(w) = WARN_CODES.iter().find(|w| s.starts_with(**w)) {
            c.warning(
                "icd.warn_code",
                field,
                format!("{field} có mã {s} (nhóm {w}) thường không được chấp nhận làm chẩn đoán điều trị"),
                format!("{field} holds {s} (category {w}), which is rarely accepted as a diagnosis for care"),
            );
        }
    }
}

/// QĐ 3176: at most 13 traditional-medicine disease codes (ID-7).
pub(crate) fn yhct_count<R: Record>(
    c: &mut Check<'_, '_, R>,
    rule: &'static str,
    f: &Field<List<Code>>,
) {
    if c.pack() != Pack::Qd3176 {
        return;
    }
    if let Some(l) = f.value() {
        let n = l.len();
        c.flag_if(
            n > 13,
            rule,
            Severity::Error,
            "MA_BENH_YHCT",
            || format!("MA_BENH_YHCT có {n} mã, tối đa 13 mã theo QĐ 3176"),
            || format!("MA_BENH_YHCT has {n} codes; QĐ 3176 allows at most 13"),
        );
    }
}

/// The payment fields of a drug or service line, when present and well-formed.
pub(crate) struct LineMoney<'a> {
    pub(crate) pham_vi: Option<&'a PhamVi>,
    pub(crate) tyle_tt_bh: Option<u64>,
    pub(crate) muc_huong: Option<u64>,
    pub(crate) thanh_tien_bv: Option<Decimal>,
    pub(crate) thanh_tien_bh: Option<Decimal>,
    pub(crate) t_bhtt: Option<Decimal>,
    pub(crate) t_nguonkhac: Option<Decimal>,
}

/// The rule ids of [`line_money`] for one table: TYLE_TT_BH range, MUC_HUONG range, out of scope,
/// other sources within the line amount.
pub(crate) type LineMoneyRules = [&'static str; 4];

/// Ranges of the percentages (PRC-1, §3.2), the out-of-scope consequences (PRC-5) and other
/// sources within the line amount (§4.2).
pub(crate) fn line_money<R: Record>(
    c: &mut Check<'_, '_, R>,
    ids: LineMoneyRules,
    m: &LineMoney<'_>,
) {
    let [tyle, muc, scope, other] = ids;
    c.in_range(tyle, "TYLE_TT_BH", m.tyle_tt_bh, 0, 100);
    c.in_range(muc, "MUC_HUONG", m.muc_huong, 0, 100);
    if m.pham_vi == Some(&PhamVi::NgoaiPhamVi) {
        let paid = [
            ("TYLE_TT_BH", m.tyle_tt_bh.map(Decimal::from)),
            ("THANH_TIEN_BH", m.thanh_tien_bh),
            ("T_BHTT", m.t_bhtt),
        ];
        if let Some((field, v)) = paid
            .iter()
            .find_map(|(f, v)| v.filter(|x| !x.is_zero()).map(|x| (*f, x)))
        {
            c.warning(
                scope,
                field,
                format!("PHAM_VI = 2 (ngoài phạm vi) nhưng {field} = {v}, cần bằng 0"),
                format!("PHAM_VI is 2 (out of scope) but {field} = {v}; it should be 0"),
            );
        }
    }
    if let (Some(nk), Some(bv)) = (m.t_nguonkhac, m.thanh_tien_bv) {
        c.flag_if(
            nk > bv,
            other,
            Severity::Warning,
            "T_NGUONKHAC",
            || format!("T_NGUONKHAC = {nk} lớn hơn THANH_TIEN_BV = {bv}"),
            || format!("T_NGUONKHAC = {nk} exceeds THANH_TIEN_BV = {bv}"),
        );
    }
}

/// MA_NHOM must belong to the table: drugs and blood in XML2, everything else in XML3; group 19
/// exists from QĐ 4750 (ID-8).
pub(crate) fn nhom_table<R: Record>(
    c: &mut Check<'_, '_, R>,
    rule: &'static str,
    nhom: Option<&MaNhom>,
) {
    let Some(n) = nhom.filter(|n| n.is_known()) else {
        return;
    };
    let drug_group = matches!(
        n,
        MaNhom::ThuocTrongDanhMuc
            | MaNhom::ThuocNgoaiDanhMuc
            | MaNhom::ThuocTyLe
            | MaNhom::Mau
            | MaNhom::CheMau
    );
    let xml2 = R::TABLE == TableId::Xml2;
    let code = n.code();
    let table = R::TABLE;
    if drug_group != xml2 {
        c.error(
            rule,
            "MA_NHOM",
            format!("MA_NHOM {code} không dùng ở {table}"),
            format!("MA_NHOM {code} does not belong in {table}"),
        );
    } else if *n == MaNhom::DichVuKhac && c.pack() == Pack::Qd130 {
        c.error(
            rule,
            "MA_NHOM",
            "MA_NHOM 19 chỉ có từ QĐ 4750".into(),
            "MA_NHOM 19 exists only from QĐ 4750".into(),
        );
    }
}

/// A temporary card (newborns, donors): `TE1`, a 2-digit province and 10 digits (xml130.md §3.4,
/// medium confidence: a vendor pattern), so a warning.
pub(crate) fn temp_card<R: Record>(
    c: &mut Check<'_, '_, R>,
    rule: &'static str,
    f: &Field<CardNumber>,
) {
    if let Some(card) = f.value() {
        let (prefix, digit) = (card.prefix(), card.benefit_level());
        c.flag_if(
            (prefix, digit) != ("TE", 1),
            rule,
            Severity::Warning,
            "MA_THE_TAM",
            || format!("MA_THE_TAM là thẻ tạm dạng TE1…, không phải {prefix}{digit}…"),
            || format!("MA_THE_TAM is a temporary TE1… card, not {prefix}{digit}…"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::record::Record;
    use crate::tables::{
        Assessment, BirthCertificate, DischargePaper, HivRecord, RecordSummary, SickLeave,
    };
    use crate::validate::{check_record, RuleCtx};

    fn fired<R: Record>(r: &R, rule: &str) -> bool {
        check_record(r, &RuleCtx::default())
            .iter()
            .any(|f| f.rule == rule)
    }

    #[test]
    fn temporary_cards_and_prefixes_in_other_tables() {
        let temp = "TE1791234567890";
        let other = "GD4791234567890";
        let d = |c| DischargePaper::builder().ma_the_tam(c).build_unchecked();
        assert!(
            fired(&d(other), "xml7.ma_the_tam.pattern")
                && !fired(&d(temp), "xml7.ma_the_tam.pattern")
        );
        let r = |c| RecordSummary::builder().ma_the_tam(c).build_unchecked();
        assert!(
            fired(&r(other), "xml8.ma_the_tam.pattern")
                && !fired(&r(temp), "xml8.ma_the_tam.pattern")
        );
        let s = |c| SickLeave::builder().ma_the_tam(c).build_unchecked();
        assert!(
            fired(&s(other), "xml11.ma_the_tam.pattern")
                && !fired(&s(temp), "xml11.ma_the_tam.pattern")
        );
        let b = |t, n| {
            BirthCertificate::builder()
                .ma_the_tam(t)
                .ma_the_nnd(n)
                .build_unchecked()
        };
        assert!(fired(&b(other, other), "xml9.ma_the_tam.pattern"));
        assert!(!fired(&b(temp, other), "xml9.ma_the_tam.pattern"));
        assert!(fired(&b(temp, "GD3791234567890"), "xml9.ma_the_nnd.prefix"));
        assert!(!fired(&b(temp, other), "xml9.ma_the_nnd.prefix"));
        let a = |c| Assessment::builder().ma_the_bhyt(c).build_unchecked();
        assert!(fired(&a("ZZ4791234567890"), "xml12.ma_the_bhyt.prefix"));
        assert!(!fired(&a(other), "xml12.ma_the_bhyt.prefix"));
    }

    #[test]
    fn signer_ids_by_pack_in_every_table() {
        use crate::tables::{PregnancyLeave, Reexam, Referral};
        use crate::validate::Pack;
        let at = |pack| RuleCtx {
            pack: Some(pack),
            ..Default::default()
        };
        fn has<R: Record>(r: &R, ctx: &RuleCtx<'_>, rule: &str) -> bool {
            check_record(r, ctx).iter().any(|f| f.rule == rule)
        }
        let (id, gphn) = ("7900012345", "000123/HCM");
        for (pack, bad) in [
            (Pack::Qd130, true),
            (Pack::Qd4750, true),
            (Pack::Qd3176, false),
        ] {
            let ctx = at(pack);
            let cases: Vec<(bool, bool, &str)> = vec![
                (
                    has(
                        &RecordSummary::builder().ma_ttdv(gphn).build_unchecked(),
                        &ctx,
                        "xml8.ma_ttdv.pattern",
                    ),
                    has(
                        &RecordSummary::builder().ma_ttdv(id).build_unchecked(),
                        &ctx,
                        "xml8.ma_ttdv.pattern",
                    ),
                    "xml8",
                ),
                (
                    has(
                        &BirthCertificate::builder().ma_ttdv(gphn).build_unchecked(),
                        &ctx,
                        "xml9.ma_ttdv.pattern",
                    ),
                    has(
                        &BirthCertificate::builder().ma_ttdv(id).build_unchecked(),
                        &ctx,
                        "xml9.ma_ttdv.pattern",
                    ),
                    "xml9",
                ),
                (
                    has(
                        &PregnancyLeave::builder().ma_ttdv(gphn).build_unchecked(),
                        &ctx,
                        "xml10.ma_ttdv.pattern",
                    ),
                    has(
                        &PregnancyLeave::builder().ma_ttdv(id).build_unchecked(),
                        &ctx,
                        "xml10.ma_ttdv.pattern",
                    ),
                    "xml10 ttdv",
                ),
                (
                    has(
                        &PregnancyLeave::builder().ma_bs(gphn).build_unchecked(),
                        &ctx,
                        "xml10.ma_bs.pattern",
                    ),
                    has(
                        &PregnancyLeave::builder().ma_bs(id).build_unchecked(),
                        &ctx,
                        "xml10.ma_bs.pattern",
                    ),
                    "xml10 bs",
                ),
                (
                    has(
                        &SickLeave::builder().ma_ttdv(gphn).build_unchecked(),
                        &ctx,
                        "xml11.ma_ttdv.pattern",
                    ),
                    has(
                        &SickLeave::builder().ma_ttdv(id).build_unchecked(),
                        &ctx,
                        "xml11.ma_ttdv.pattern",
                    ),
                    "xml11 ttdv",
                ),
                (
                    has(
                        &SickLeave::builder().ma_bs(gphn).build_unchecked(),
                        &ctx,
                        "xml11.ma_bs.pattern",
                    ),
                    has(
                        &SickLeave::builder().ma_bs(id).build_unchecked(),
                        &ctx,
                        "xml11.ma_bs.pattern",
                    ),
                    "xml11 bs",
                ),
                (
                    has(
                        &Referral::builder().ma_ttdv(gphn).build_unchecked(),
                        &ctx,
                        "xml13.ma_ttdv.pattern",
                    ),
                    has(
                        &Referral::builder().ma_ttdv(id).build_unchecked(),
                        &ctx,
                        "xml13.ma_ttdv.pattern",
                    ),
                    "xml13",
                ),
                (
                    has(
                        &Reexam::builder().ma_ttdv(gphn).build_unchecked(),
                        &ctx,
                        "xml14.ma_ttdv.pattern",
                    ),
                    has(
                        &Reexam::builder().ma_ttdv(id).build_unchecked(),
                        &ctx,
                        "xml14.ma_ttdv.pattern",
                    ),
                    "xml14",
                ),
            ];
            for (broken, clean, what) in cases {
                assert_eq!((broken, clean), (bad, false), "{what} under {pack}");
            }
        }
    }

    #[test]
    fn viral_load_result_not_before_sample() {
        let h = |xn, kq| {
            HivRecord::builder()
                .ngay_xn_tlvr(xn)
                .ngay_kq_xn_tlvr(kq)
                .build_unchecked()
        };
        assert!(fired(
            &h("20250310", "20250309"),
            "xml6.ngay_kq_xn_tlvr.order"
        ));
        assert!(!fired(
            &h("20250310", "20250310"),
            "xml6.ngay_kq_xn_tlvr.order"
        ));
    }
}
