//! XML1 rules that need only the summary record itself.

use super::Summary;
use crate::types::codes::{MaLoaiKcb, MaLoaiRv};
use crate::types::{Decimal, Field};
use crate::validate::support::Check;
use crate::validate::{codes, icd};
use crate::validate::{FamilyRules, Finding, Pack, RuleCtx, Severity};

fn items<T: crate::types::Wire + crate::types::ListKind>(
    f: &Field<crate::types::List<T>>,
) -> Option<usize> {
    match f {
        Field::Absent => Some(0),
        Field::Value(l) => Some(l.len()),
        Field::Invalid(_) => None,
    }
}

impl FamilyRules for Summary {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        c.not_before(
            "xml1.ngay_vao_noi_tru.order",
            "NGAY_VAO_NOI_TRU",
            self.ngay_vao_noi_tru.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
        c.not_before(
            "xml1.ngay_ra.order",
            "NGAY_RA",
            self.ngay_ra.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
        // One entry per card in each of the four card lists.
        let counts = [
            items(&self.ma_the_bhyt),
            items(&self.ma_dkbd),
            items(&self.gt_the_tu),
            items(&self.gt_the_den),
        ];
        if let [Some(a), Some(b), Some(t), Some(d)] = counts {
            if a > 0 && (a != b || a != t || a != d) {
                c.error(
                    "xml1.card_lists.count",
                    "MA_THE_BHYT",
                    format!("Số thẻ trong MA_THE_BHYT ({a}), MA_DKBD ({b}), GT_THE_TU ({t}), GT_THE_DEN ({d}) không bằng nhau"),
                    format!("MA_THE_BHYT ({a}), MA_DKBD ({b}), GT_THE_TU ({t}) and GT_THE_DEN ({d}) list different numbers of cards"),
                );
            }
        }
        let birth = self.ngay_sinh.value().and_then(|b| b.date());
        let admitted = self.ngay_vao.value().map(|d| d.date());
        icd::diagnoses(
            &mut c,
            &self.ma_benh_chinh,
            &self.ma_benh_kt,
            self.gioi_tinh.value(),
            birth,
            admitted,
        );
        let inpatient = matches!(
            self.ma_loai_kcb.value(),
            Some(MaLoaiKcb::NoiTru | MaLoaiKcb::NoiTruBanNgay)
        );
        c.required_when(
            "xml1.ly_do_vnt.required",
            inpatient,
            "LY_DO_VNT",
            "điều trị nội trú (MA_LOAI_KCB 03, 04)",
            "the episode is inpatient (MA_LOAI_KCB 03, 04)",
        );
        c.required_when(
            "xml1.ngay_vao_noi_tru.required",
            inpatient,
            "NGAY_VAO_NOI_TRU",
            "điều trị nội trú (MA_LOAI_KCB 03, 04)",
            "the episode is inpatient (MA_LOAI_KCB 03, 04)",
        );
        self.codes_and_ranges(&mut c);
    }
}

impl Summary {
    /// Card prefixes, code lists, settlement period, weight, signer, referral fields, discharge
    /// time conventions (docs/rules/csv-notes.md Part 1, XML1).
    fn codes_and_ranges(&self, c: &mut Check<'_, '_, Self>) {
        let pack = c.pack();
        codes::card_prefixes(
            c,
            "xml1.ma_the_bhyt.prefix",
            "MA_THE_BHYT",
            codes::cards(&self.ma_the_bhyt),
        );
        codes::doituong(c, "xml1.ma_doituong_kcb.code_list", &self.ma_doituong_kcb);
        codes::icd_warn(c, &self.ma_benh_chinh, &self.ma_benh_kt);
        codes::yhct_count(c, "xml1.ma_benh_yhct.count", &self.ma_benh_yhct);
        codes::health_id(c, "xml1.ma_ttdv.pattern", "MA_TTDV", &self.ma_ttdv);
        if let Some(y) = self.nam_qt.value().map(|v| v.get()) {
            c.flag_if(
                !(1000..=9999).contains(&y),
                "xml1.nam_qt.pattern",
                Severity::Error,
                "NAM_QT",
                || format!("NAM_QT = {y} không phải năm 4 chữ số"),
                || format!("NAM_QT = {y} is not a 4-digit year"),
            );
        }
        c.in_range(
            "xml1.thang_qt.range",
            "THANG_QT",
            self.thang_qt.value().map(|v| v.get()),
            1,
            12,
        );
        if let Some(kg) = self.can_nang.value().map(|v| v.get()) {
            c.flag_if(
                kg <= Decimal::ZERO || kg > Decimal::from(200),
                "xml1.can_nang.range",
                Severity::Warning,
                "CAN_NANG",
                || format!("CAN_NANG = {kg} kg nằm ngoài khoảng (0, 200]"),
                || format!("CAN_NANG = {kg} kg is outside (0, 200]"),
            );
        }
        // ID-17: a referred in-network visit names where it came from and the referral letter.
        let referred = self
            .ma_doituong_kcb
            .value()
            .is_some_and(|d| d.as_str() == "1.3");
        for field in ["MA_NOI_DI", "GIAY_CHUYEN_TUYEN"] {
            let absent = if field == "MA_NOI_DI" {
                self.ma_noi_di.is_absent()
            } else {
                self.giay_chuyen_tuyen.is_absent()
            };
            c.flag_if(
                referred && absent,
                "xml1.referral.required",
                Severity::Warning,
                field,
                || format!("Thiếu {field}: MA_DOITUONG_KCB 1.3 (chuyển tuyến đến) cần giấy chuyển tuyến"),
                || format!("{field} is missing: MA_DOITUONG_KCB 1.3 (referred) needs the referral letter"),
            );
        }
        // MA_NOI_DEN is the destination of a transfer and empty otherwise.
        if let Some(rv) = self.ma_loai_rv.value().filter(|r| r.is_known()) {
            let transfer = matches!(rv, MaLoaiRv::ChuyenTuyen | MaLoaiRv::ChuyenTuyenTheoYeuCau);
            let given = !self.ma_noi_den.is_absent();
            let code = rv.code();
            c.flag_if(
                transfer != given,
                "xml1.ma_noi_den.transfer",
                Severity::Warning,
                "MA_NOI_DEN",
                || {
                    if given {
                        format!("Có MA_NOI_DEN nhưng MA_LOAI_RV là {code}, không phải chuyển tuyến")
                    } else {
                        format!("Chuyển tuyến (MA_LOAI_RV {code}) nhưng thiếu MA_NOI_DEN")
                    }
                },
                || {
                    if given {
                        format!("MA_NOI_DEN is given but MA_LOAI_RV is {code}, not a transfer")
                    } else {
                        format!("a transfer (MA_LOAI_RV {code}) without MA_NOI_DEN")
                    }
                },
            );
        }
        let kcb = self.ma_loai_kcb.value();
        if let (Some(k), Some(vao), Some(ra)) = (kcb, self.ngay_vao.value(), self.ngay_ra.value()) {
            use MaLoaiKcb::*;
            // QĐ 130/4750: outpatient treatment, chronic outpatient care and drug collection end at
            // 23:59 of the discharge day (abolished by QĐ 3176).
            let end_of_day = pack != Pack::Qd3176
                && matches!(k, NgoaiTru | NgoaiTruManTinh | NhanThuocTheoHen)
                && (ra.hour(), ra.minute()) != (23, 59);
            let code = k.code();
            c.flag_if(
                end_of_day,
                "xml1.ngay_ra.end_of_day",
                Severity::Warning,
                "NGAY_RA",
                || format!("Theo {pack}, MA_LOAI_KCB {code} ghi giờ ra là 2359"),
                || format!("under {pack}, MA_LOAI_KCB {code} ends at 2359"),
            );
            c.flag_if(
                *k == KhamBenh && ra.date() > vao.date(),
                "xml1.ngay_ra.exam_same_day",
                Severity::Warning,
                "NGAY_RA",
                || "Khám bệnh (MA_LOAI_KCB 01) nhưng NGAY_RA sau ngày của NGAY_VAO".into(),
                || {
                    "an examination (MA_LOAI_KCB 01) whose NGAY_RA is on a later day than NGAY_VAO"
                        .into()
                },
            );
        }
    }
}
