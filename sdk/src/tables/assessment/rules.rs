//! XML12 rules that need only the record itself.

use super::Assessment;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx};

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
        if let Some(card) = self.ma_the_bhyt.value() {
            codes::card_prefixes(
                &mut c,
                "xml12.ma_the_bhyt.prefix",
                "MA_THE_BHYT",
                std::slice::from_ref(card),
            );
        }
    }
}
