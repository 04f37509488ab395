//! XML1 rules that need only the summary record itself.

use super::Summary;
use crate::types::codes::MaLoaiKcb;
use crate::types::Field;
use crate::validate::icd;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

fn items<T: crate::types::Wire + crate::types::ListKind>(
    f: &Field<crate::types::List<T>>,
) -> Option<usize> {
    match f {
        Field::Absent => Some(0),
        Field::Value(l) => Some(l.len()),
        Field::Invalid(_) => None,
    }
}

impl FamilyRules for Summary {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        c.not_before(
            "xml1.ngay_vao_noi_tru.order",
            "NGAY_VAO_NOI_TRU",
            self.ngay_vao_noi_tru.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
        c.not_before(
            "xml1.ngay_ra.order",
            "NGAY_RA",
            self.ngay_ra.value(),
            "NGAY_VAO",
            self.ngay_vao.value(),
        );
        // One entry per card in each of the four card lists.
        let counts = [
            items(&self.ma_the_bhyt),
            items(&self.ma_dkbd),
            items(&self.gt_the_tu),
            items(&self.gt_the_den),
        ];
        if let [Some(a), Some(b), Some(t), Some(d)] = counts {
            if a > 0 && (a != b || a != t || a != d) {
                c.error(
                    "xml1.card_lists.count",
                    "MA_THE_BHYT",
                    format!("Số thẻ trong MA_THE_BHYT ({a}), MA_DKBD ({b}), GT_THE_TU ({t}), GT_THE_DEN ({d}) không bằng nhau"),
                    format!("MA_THE_BHYT ({a}), MA_DKBD ({b}), GT_THE_TU ({t}) and GT_THE_DEN ({d}) list different numbers of cards"),
                );
            }
        }
        let birth = self.ngay_sinh.value().and_then(|b| b.date());
        let admitted = self.ngay_vao.value().map(|d| d.date());
        icd::diagnoses(
            &mut c,
            &self.ma_benh_chinh,
            &self.ma_benh_kt,
            self.gioi_tinh.value(),
            birth,
            admitted,
        );
        let inpatient = matches!(
            self.ma_loai_kcb.value(),
            Some(MaLoaiKcb::NoiTru | MaLoaiKcb::NoiTruBanNgay)
        );
        c.required_when(
            "xml1.ly_do_vnt.required",
            inpatient,
            "LY_DO_VNT",
            "điều trị nội trú (MA_LOAI_KCB 03, 04)",
            "the episode is inpatient (MA_LOAI_KCB 03, 04)",
        );
        c.required_when(
            "xml1.ngay_vao_noi_tru.required",
            inpatient,
            "NGAY_VAO_NOI_TRU",
            "điều trị nội trú (MA_LOAI_KCB 03, 04)",
            "the episode is inpatient (MA_LOAI_KCB 03, 04)",
        );
    }
}
