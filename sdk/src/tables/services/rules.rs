//! XML3 rules from the dictionary's notes.

use super::ServiceLine;
use crate::types::codes::MaNhom;
use crate::validate::icd;
use crate::validate::support::Check;
use crate::validate::{FamilyRules, Finding, RuleCtx};

impl FamilyRules for ServiceLine {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        icd::known_codes(&mut c, "MA_BENH", &self.ma_benh);
        let nhom = self.ma_nhom.value();
        c.one_of("xml3.item_code", &["MA_DICH_VU", "MA_VAT_TU"]);
        c.required_when(
            "xml3.ten_dich_vu.required",
            !self.ma_dich_vu.is_absent(),
            "TEN_DICH_VU",
            "có MA_DICH_VU",
            "MA_DICH_VU is given",
        );
        c.required_when(
            "xml3.ten_vat_tu.required",
            !self.ma_vat_tu.is_absent(),
            "TEN_VAT_TU",
            "có MA_VAT_TU",
            "MA_VAT_TU is given",
        );
        c.required_when(
            "xml3.ma_xang_dau.required",
            nhom == Some(&MaNhom::VanChuyen),
            "MA_XANG_DAU",
            "MA_NHOM = 12",
            "MA_NHOM is 12",
        );
        c.required_when(
            "xml3.tt_thau.required",
            nhom == Some(&MaNhom::VatTuTrongDanhMuc),
            "TT_THAU",
            "MA_NHOM = 10",
            "MA_NHOM is 10",
        );
        // Outsourced paraclinical samples (`.K.` in the service code) are performed elsewhere.
        let outsourced = self
            .ma_dich_vu
            .value()
            .is_some_and(|m| m.as_str().contains(".K."));
        let performed = !outsourced
            && matches!(
                nhom,
                Some(
                    MaNhom::XetNghiem
                        | MaNhom::ChanDoanHinhAnh
                        | MaNhom::ThamDoChucNang
                        | MaNhom::PhauThuat
                        | MaNhom::ThuThuat
                )
            );
        c.required_when(
            "xml3.nguoi_thuc_hien.required",
            performed,
            "NGUOI_THUC_HIEN",
            "MA_NHOM là 1, 2, 3, 8 hoặc 18",
            "MA_NHOM is 1, 2, 3, 8 or 18",
        );
        c.required_when(
            "xml3.ngay_th_yl.required",
            performed,
            "NGAY_TH_YL",
            "MA_NHOM là 1, 2, 3, 8 hoặc 18",
            "MA_NHOM is 1, 2, 3, 8 or 18",
        );
        c.not_before(
            "xml3.ngay_th_yl.order",
            "NGAY_TH_YL",
            self.ngay_th_yl.value(),
            "NGAY_YL",
            self.ngay_yl.value(),
        );
        c.not_before(
            "xml3.ngay_kq.order",
            "NGAY_KQ",
            self.ngay_kq.value(),
            "NGAY_YL",
            self.ngay_yl.value(),
        );
    }
}
