//! Check-in rules from the dictionary's notes (BHXH validation sheet for QĐ 4750).

use super::CheckinRow;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, Pack, RuleCtx, Severity};

impl FamilyRules for CheckinRow {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        // The first cost item is a service, a drug or a supply, named when coded.
        c.one_of(
            "checkin.first_cost_item",
            &["MA_DICH_VU", "MA_THUOC", "MA_VAT_TU"],
        );
        c.required_when(
            "checkin.ten_dich_vu.required",
            !self.ma_dich_vu.is_absent(),
            "TEN_DICH_VU",
            "có MA_DICH_VU",
            "MA_DICH_VU is given",
        );
        c.required_when(
            "checkin.ten_thuoc.required",
            !self.ma_thuoc.is_absent(),
            "TEN_THUOC",
            "có MA_THUOC",
            "MA_THUOC is given",
        );
        c.required_when(
            "checkin.ten_vat_tu.required",
            !self.ma_vat_tu.is_absent(),
            "TEN_VAT_TU",
            "có MA_VAT_TU",
            "MA_VAT_TU is given",
        );
        c.required_when(
            "checkin.ly_do_vnt.required",
            !self.ngay_vao_noi_tru.is_absent(),
            "LY_DO_VNT",
            "có NGAY_VAO_NOI_TRU",
            "NGAY_VAO_NOI_TRU is given",
        );
        c.not_before(
            "checkin.ngay_vao_noi_tru.order",
            "NGAY_VAO_NOI_TRU",
            self.ngay_vao_noi_tru.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
        c.not_before(
            "checkin.gt_the_den.order",
            "GT_THE_DEN",
            self.gt_the_den.value(),
            "GT_THE_TU",
            self.gt_the_tu.value(),
        );
        if let Some(card) = self.ma_the_bhyt.value() {
            codes::card_prefixes(
                &mut c,
                "checkin.ma_the_bhyt.prefix",
                "MA_THE_BHYT",
                std::slice::from_ref(card),
            );
        }
        codes::doituong(
            &mut c,
            "checkin.ma_doituong_kcb.code_list",
            &self.ma_doituong_kcb,
        );
        // A check-in document is not a HOSO: without a pack from the caller, the visit date picks it.
        let pack = ctx
            .pack
            .or_else(|| self.ngay_vao.value().map(|d| Pack::for_date(d.date())));
        let emergency = self
            .ma_doituong_kcb
            .value()
            .is_some_and(|d| d.as_str() == "2");
        c.flag_if(
            emergency && pack.is_some_and(|p| p != Pack::Qd130),
            "checkin.ma_doituong_kcb.emergency",
            Severity::Warning,
            "MA_DOITUONG_KCB",
            || "Không gửi check-in cho lượt cấp cứu (MA_DOITUONG_KCB = 2)".into(),
            || "no check-in is sent for an emergency visit (MA_DOITUONG_KCB 2)".into(),
        );
    }
}
