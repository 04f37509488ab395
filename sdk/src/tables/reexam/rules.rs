//! XML14 rules (BHXH validation sheet: the appointment is not before discharge, the document
//! date not before admission).

use super::Reexam;
use crate::validate::icd;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx};

impl FamilyRules for Reexam {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        icd::known_codes(&mut c, "MA_BENH_KT", &self.ma_benh_kt);
        if let Some(m) = self.ma_benh_chinh.value() {
            icd::known(&mut c, "MA_BENH_CHINH", m);
        }
        let appointment = self.ngay_hen_kl.value().map(|d| d.date());
        c.not_before(
            "xml14.ngay_hen_kl.order",
            "NGAY_HEN_KL",
            appointment,
            "NGAY_RA",
            self.ngay_ra.value().map(|d| d.date()),
        );
        c.not_before(
            "xml14.ngay_ct.order",
            "NGAY_CT",
            self.ngay_ct.value().copied(),
            "NGAY_VAO",
            self.ngay_vao.value().map(|d| d.date()),
        );
        codes::health_id(&mut c, "xml14.ma_ttdv.pattern", "MA_TTDV", &self.ma_ttdv);
    }
}
