//! XML4 rules from the dictionary's notes.

use super::ParaclinicalResult;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

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
    }
}
