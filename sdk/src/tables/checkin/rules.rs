//! Check-in rules from the dictionary's notes (BHXH validation sheet for QĐ 4750).

use super::CheckinRow;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

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
    }
}
