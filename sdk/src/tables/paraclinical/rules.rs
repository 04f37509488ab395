//! XML4 rules from the dictionary's notes.

use super::ParaclinicalResult;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, Pack, RuleCtx, Severity};

impl FamilyRules for ParaclinicalResult {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        c.required_when(
            "xml4.ngay_kq.required",
            !self.gia_tri.is_absent(),
            "NGAY_KQ",
            "có GIA_TRI",
            "GIA_TRI is given",
        );
        let both = !self.gia_tri.is_absent() && !self.ket_luan.is_absent();
        c.flag_if(
            both && c.pack() == Pack::Qd3176,
            "xml4.ket_luan.with_gia_tri",
            Severity::Warning,
            "KET_LUAN",
            || "Theo QĐ 3176, chỉ số có GIA_TRI thì để trống KET_LUAN".into(),
            || "under QĐ 3176, KET_LUAN stays empty when GIA_TRI is given".into(),
        );
    }
}
