//! XML7 rules from the dictionary's notes.

use super::DischargePaper;
use crate::types::codes::Bit;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx};

impl FamilyRules for DischargePaper {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        let terminated = self.ma_dinh_chi_thai.value() == Some(&Bit::Co);
        let (vi, en) = ("MA_DINH_CHI_THAI = 1", "MA_DINH_CHI_THAI is 1");
        c.required_when(
            "xml7.nguyennhan_dinhchi.required",
            terminated,
            "NGUYENNHAN_DINHCHI",
            vi,
            en,
        );
        c.required_when(
            "xml7.thoigian_dinhchi.required",
            terminated,
            "THOIGIAN_DINHCHI",
            vi,
            en,
        );
        c.required_when("xml7.tuoi_thai.required", terminated, "TUOI_THAI", vi, en);
        c.not_before(
            "xml7.ngay_ra.order",
            "NGAY_RA",
            self.ngay_ra.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
        c.not_before(
            "xml7.ngoaitru_denngay.order",
            "NGOAITRU_DENNGAY",
            self.ngoaitru_denngay.value(),
            "NGOAITRU_TUNGAY",
            self.ngoaitru_tungay.value(),
        );
        // Outpatient leave: the number of days and both dates go together.
        let given = [
            !self.so_ngay_nghi.is_absent(),
            !self.ngoaitru_tungay.is_absent(),
            !self.ngoaitru_denngay.is_absent(),
        ];
        if given.iter().any(|g| *g) && !given.iter().all(|g| *g) {
            c.error(
                "xml7.outpatient_leave.all_or_none",
                "SO_NGAY_NGHI",
                "SO_NGAY_NGHI, NGOAITRU_TUNGAY và NGOAITRU_DENNGAY phải cùng có hoặc cùng để trống".into(),
                "SO_NGAY_NGHI, NGOAITRU_TUNGAY and NGOAITRU_DENNGAY must be given together or all left empty".into(),
            );
        }
        codes::tuoi_thai(
            &mut c,
            "xml7.tuoi_thai.range",
            self.tuoi_thai.value().map(|v| v.get()),
        );
        codes::health_id(&mut c, "xml7.ma_ttdv.pattern", "MA_TTDV", &self.ma_ttdv);
        codes::health_id(&mut c, "xml7.ma_bs.pattern", "MA_BS", &self.ma_bs);
        codes::temp_card(&mut c, "xml7.ma_the_tam.pattern", &self.ma_the_tam);
    }
}
