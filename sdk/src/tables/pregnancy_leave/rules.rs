//! XML10 rules that need only the certificate itself.

use super::PregnancyLeave;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx};

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
        codes::health_id(&mut c, "xml10.ma_ttdv.pattern", "MA_TTDV", &self.ma_ttdv);
        codes::health_id(&mut c, "xml10.ma_bs.pattern", "MA_BS", &self.ma_bs);
    }
}
