//! XML13 rules that need only the referral paper itself.

use super::Referral;
use crate::validate::icd;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx};

impl FamilyRules for Referral {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        icd::known_codes(&mut c, "MA_BENH_KT", &self.ma_benh_kt);
        if let Some(m) = self.ma_benh_chinh.value() {
            icd::known(&mut c, "MA_BENH_CHINH", m);
        }
        c.not_before(
            "xml13.ngay_ra.order",
            "NGAY_RA",
            self.ngay_ra.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
        c.not_before(
            "xml13.ngay_vao_noi_tru.order",
            "NGAY_VAO_NOI_TRU",
            self.ngay_vao_noi_tru.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
        codes::health_id(&mut c, "xml13.ma_ttdv.pattern", "MA_TTDV", &self.ma_ttdv);
    }
}
