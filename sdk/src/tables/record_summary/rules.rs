//! XML8 rules that need only the record itself.

use super::RecordSummary;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx};

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
        codes::health_id(&mut c, "xml8.ma_ttdv.pattern", "MA_TTDV", &self.ma_ttdv);
        codes::temp_card(&mut c, "xml8.ma_the_tam.pattern", &self.ma_the_tam);
    }
}
