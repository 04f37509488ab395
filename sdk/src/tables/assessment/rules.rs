//! XML12 rules that need only the record itself.

use super::Assessment;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

impl FamilyRules for Assessment {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        let birth = self.ngay_sinh.value().and_then(|b| b.date());
        c.not_before(
            "xml12.ngay_hop.order",
            "NGAY_HOP",
            self.ngay_hop.value().copied(),
            "NGAY_SINH",
            birth,
        );
    }
}
