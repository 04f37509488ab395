//! XML6 rules from the dictionary's notes.

use super::HivRecord;
use crate::types::codes::{KqDtriLao, LoaiDtriLao, MaTinhTrangDk, MaXuTri};
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx, Severity};

impl FamilyRules for HivRecord {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        let tb = matches!(self.loai_dtri_lao.value(), Some(l) if *l != LoaiDtriLao::Khong);
        let (vi, en) = ("LOAI_DTRI_LAO khác 0", "LOAI_DTRI_LAO is not 0");
        c.required_when(
            "xml6.phacdo_dtri_lao.required",
            tb,
            "PHACDO_DTRI_LAO",
            vi,
            en,
        );
        c.required_when(
            "xml6.ngaybd_dtri_lao.required",
            tb,
            "NGAYBD_DTRI_LAO",
            vi,
            en,
        );
        // The end date stays empty while treatment goes on (KQ_DTRI_LAO 1), as its description says.
        let ended = tb && !matches!(self.kq_dtri_lao.value(), Some(KqDtriLao::DangDieuTri));
        c.required_when(
            "xml6.ngaykt_dtri_lao.required",
            ended,
            "NGAYKT_DTRI_LAO",
            "LOAI_DTRI_LAO khác 0 và đã kết thúc điều trị lao",
            "LOAI_DTRI_LAO is not 0 and TB treatment has ended",
        );
        let infant = self
            .ma_tinh_trang_dk
            .value()
            .is_some_and(|l| l.items().contains(&MaTinhTrangDk::TreDuoi18Thang));
        let (vi, en) = ("MA_TINH_TRANG_DK có mã 1", "MA_TINH_TRANG_DK includes 1");
        for (rule, field) in [
            ("xml6.lan_xn_pcr.required", "LAN_XN_PCR"),
            ("xml6.ngay_xn_pcr.required", "NGAY_XN_PCR"),
            ("xml6.ngay_kq_xn_pcr.required", "NGAY_KQ_XN_PCR"),
            ("xml6.ma_kq_xn_pcr.required", "MA_KQ_XN_PCR"),
        ] {
            c.required_when(rule, infant, field, vi, en);
        }
        let arv = self
            .ma_xu_tri
            .value()
            .is_some_and(|l| l.items().contains(&MaXuTri::Arv));
        let (vi, en) = ("MA_XU_TRI có mã 1 (ARV)", "MA_XU_TRI includes 1 (ARV)");
        c.required_when(
            "xml6.ngay_bat_dau_xu_tri.required",
            arv,
            "NGAY_BAT_DAU_XU_TRI",
            vi,
            en,
        );
        c.required_when(
            "xml6.ngay_ket_thuc_xu_tri.required",
            arv,
            "NGAY_KET_THUC_XU_TRI",
            vi,
            en,
        );
        c.required_when(
            "xml6.so_ngay_cap_thuoc_arv.required",
            arv,
            "SO_NGAY_CAP_THUOC_ARV",
            vi,
            en,
        );
        let other_regimen = self
            .ma_phac_do_dieu_tri
            .value()
            .is_some_and(|p| p.as_str() == "KHAC");
        c.required_when(
            "xml6.ma_bac_phac_do.required",
            other_regimen,
            "MA_BAC_PHAC_DO",
            "MA_PHAC_DO_DIEU_TRI là KHAC",
            "MA_PHAC_DO_DIEU_TRI is KHAC",
        );
        c.not_before(
            "xml6.ngay_ket_thuc_xu_tri.order",
            "NGAY_KET_THUC_XU_TRI",
            self.ngay_ket_thuc_xu_tri.value(),
            "NGAY_BAT_DAU_XU_TRI",
            self.ngay_bat_dau_xu_tri.value(),
        );
        // DT-8, as the note is written: a one-day course (start = end) allows 0 days.
        if let (Some(days), Some(from), Some(to)) = (
            self.so_ngay_cap_thuoc_arv.value().map(|v| v.get()),
            self.ngay_bat_dau_xu_tri.value(),
            self.ngay_ket_thuc_xu_tri.value(),
        ) {
            let span = to.day_number() - from.day_number();
            // Over 3 digits is a field.max_length error already.
            if span >= 0 && days <= 999 {
                c.flag_if(
                    days as i64 > span,
                    "xml6.so_ngay_cap_thuoc_arv.range",
                    Severity::Error,
                    "SO_NGAY_CAP_THUOC_ARV",
                    || format!("SO_NGAY_CAP_THUOC_ARV = {days} lớn hơn NGAY_KET_THUC_XU_TRI − NGAY_BAT_DAU_XU_TRI = {span} ngày"),
                    || format!("SO_NGAY_CAP_THUOC_ARV = {days} exceeds NGAY_KET_THUC_XU_TRI − NGAY_BAT_DAU_XU_TRI = {span} days"),
                );
            }
        }
        if let (Some(kq), Some(xn)) = (self.ngay_kq_xn_pcr.value(), self.ngay_xn_pcr.value()) {
            c.flag_if(
                kq < xn,
                "xml6.ngay_kq_xn_pcr.order",
                Severity::Warning,
                "NGAY_KQ_XN_PCR",
                || "NGAY_KQ_XN_PCR sớm hơn NGAY_XN_PCR".into(),
                || "NGAY_KQ_XN_PCR is earlier than NGAY_XN_PCR".into(),
            );
        }
        codes::card_prefixes(
            &mut c,
            "xml6.ma_the_bhyt.prefix",
            "MA_THE_BHYT",
            codes::cards(&self.ma_the_bhyt),
        );
        if let (Some(kq), Some(xn)) = (self.ngay_kq_xn_tlvr.value(), self.ngay_xn_tlvr.value()) {
            c.flag_if(
                kq < xn,
                "xml6.ngay_kq_xn_tlvr.order",
                Severity::Warning,
                "NGAY_KQ_XN_TLVR",
                || "NGAY_KQ_XN_TLVR sớm hơn NGAY_XN_TLVR".into(),
                || "NGAY_KQ_XN_TLVR is earlier than NGAY_XN_TLVR".into(),
            );
        }
    }
}
