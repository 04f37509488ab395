//! XML9 rules that need only the certificate itself.

use super::BirthCertificate;
use crate::validate::support::Check;
use crate::validate::{codes, FamilyRules, Finding, RuleCtx};

impl FamilyRules for BirthCertificate {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        let mother_birth = self.ngaysinh_nnd.value().and_then(|b| b.date());
        let child_birth = self.ngay_sinh_con.value().map(|d| d.date());
        c.not_before(
            "xml9.ngay_sinh_con.order",
            "NGAY_SINH_CON",
            child_birth,
            "NGAYSINH_NND",
            mother_birth,
        );
        if let (Some(living), Some(born)) = (self.so_con_song.value(), self.so_con.value()) {
            if living.get() > born.get() {
                c.error(
                    "xml9.so_con_song.range",
                    "SO_CON_SONG",
                    format!(
                        "SO_CON_SONG ({}) lớn hơn SO_CON ({})",
                        living.get(),
                        born.get()
                    ),
                    format!(
                        "SO_CON_SONG ({}) is greater than SO_CON ({})",
                        living.get(),
                        born.get()
                    ),
                );
            }
        }
        codes::health_id(&mut c, "xml9.ma_ttdv.pattern", "MA_TTDV", &self.ma_ttdv);
        if let Some(card) = self.ma_the_nnd.value() {
            codes::card_prefixes(
                &mut c,
                "xml9.ma_the_nnd.prefix",
                "MA_THE_NND",
                std::slice::from_ref(card),
            );
        }
        codes::temp_card(&mut c, "xml9.ma_the_tam.pattern", &self.ma_the_tam);
    }
}
