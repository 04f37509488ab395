//! XML2 rules from the dictionary's notes.

use super::DrugLine;
use crate::types::codes::MaNhom;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

impl FamilyRules for DrugLine {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        let blood = matches!(self.ma_nhom.value(), Some(MaNhom::Mau | MaNhom::CheMau));
        c.required_when(
            "xml2.tt_thau.required",
            !blood,
            "TT_THAU",
            "MA_NHOM khác 7 và 17",
            "MA_NHOM is not 7 or 17",
        );
        c.not_before(
            "xml2.ngay_th_yl.order",
            "NGAY_TH_YL",
            self.ngay_th_yl.value(),
            "NGAY_YL",
            self.ngay_yl.value(),
        );
    }
}
