//! XML11 rules from the dictionary's notes.

use super::SickLeave;
use crate::types::codes::Bit;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx};

impl FamilyRules for SickLeave {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        let terminated = self.ma_dinh_chi_thai.value() == Some(&Bit::Co);
        let (vi, en) = ("MA_DINH_CHI_THAI = 1", "MA_DINH_CHI_THAI is 1");
        c.required_when(
            "xml11.nguyennhan_dinhchi.required",
            terminated,
            "NGUYENNHAN_DINHCHI",
            vi,
            en,
        );
        c.required_when("xml11.tuoi_thai.required", terminated, "TUOI_THAI", vi, en);
        c.not_before(
            "xml11.den_ngay.order",
            "DEN_NGAY",
            self.den_ngay.value(),
            "TU_NGAY",
            self.tu_ngay.value(),
        );
        codes::tuoi_thai(
            &mut c,
            "xml11.tuoi_thai.range",
            self.tuoi_thai.value().map(|v| v.get()),
        );
        codes::card_prefixes(
            &mut c,
            "xml11.ma_the_bhyt.prefix",
            "MA_THE_BHYT",
            codes::cards(&self.ma_the_bhyt),
        );
        codes::health_id(&mut c, "xml11.ma_ttdv.pattern", "MA_TTDV", &self.ma_ttdv);
        codes::health_id(&mut c, "xml11.ma_bs.pattern", "MA_BS", &self.ma_bs);
        codes::temp_card(&mut c, "xml11.ma_the_tam.pattern", &self.ma_the_tam);
    }
}
