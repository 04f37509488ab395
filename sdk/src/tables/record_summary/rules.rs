//! XML8 rules that need only the record itself.

use super::RecordSummary;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

impl FamilyRules for RecordSummary {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        c.not_before(
            "xml8.ngay_ra.order",
            "NGAY_RA",
            self.ngay_ra.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
    }
}
