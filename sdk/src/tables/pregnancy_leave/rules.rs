//! XML10 rules that need only the certificate itself.

use super::PregnancyLeave;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

impl FamilyRules for PregnancyLeave {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        c.not_before(
            "xml10.den_ngay.order",
            "DEN_NGAY",
            self.den_ngay.value(),
            "TU_NGAY",
            self.tu_ngay.value(),
        );
    }
}
