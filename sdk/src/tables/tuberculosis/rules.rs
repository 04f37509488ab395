//! XML15 rules that need only the record itself.

use super::TbRecord;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

impl FamilyRules for TbRecord {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        c.not_before(
            "xml15.ngaykt_dtri_lao.order",
            "NGAYKT_DTRI_LAO",
            self.ngaykt_dtri_lao.value(),
            "NGAYBD_DTRI_LAO",
            self.ngaybd_dtri_lao.value(),
        );
    }
}
