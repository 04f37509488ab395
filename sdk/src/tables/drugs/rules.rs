//! XML2 rules from the dictionary's notes.

use super::DrugLine;
use crate::types::codes::MaNhom;
use crate::types::{Dec, Decimal, Field};
use crate::validate::codes::{self, LineMoney};
use crate::validate::support::Check;
use crate::validate::{patterns, FamilyRules, Finding, RuleCtx, Severity};

fn dec(f: &Field<Dec>) -> Option<Decimal> {
    f.value().map(|d| d.get())
}

impl FamilyRules for DrugLine {
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        let mut c = Check::new(self, ctx, out);
        let blood = matches!(self.ma_nhom.value(), Some(MaNhom::Mau | MaNhom::CheMau));
        c.required_when(
            "xml2.tt_thau.required",
            !blood,
            "TT_THAU",
            "MA_NHOM khác 7 và 17",
            "MA_NHOM is not 7 or 17",
        );
        c.not_before(
            "xml2.ngay_th_yl.order",
            "NGAY_TH_YL",
            self.ngay_th_yl.value(),
            "NGAY_YL",
            self.ngay_yl.value(),
        );
        let nhom = self.ma_nhom.value();
        codes::nhom_table(&mut c, "xml2.ma_nhom.table", nhom);
        codes::line_money(
            &mut c,
            [
                "xml2.tyle_tt_bh.range",
                "xml2.muc_huong.range",
                "xml2.pham_vi.out_of_scope",
                "xml2.t_nguonkhac.range",
            ],
            &LineMoney {
                pham_vi: self.pham_vi.value(),
                tyle_tt_bh: self.tyle_tt_bh.value().map(|v| v.get()),
                muc_huong: self.muc_huong.value().map(|v| v.get()),
                thanh_tien_bv: dec(&self.thanh_tien_bv),
                thanh_tien_bh: dec(&self.thanh_tien_bh),
                t_bhtt: dec(&self.t_bhtt),
                t_nguonkhac: dec(&self.t_nguonkhac),
            },
        );
        // Registration number of a drug (not blood, medical gases, blood transport or herbal
        // packaging, which have none). A warning: other exemptions need the drug catalogue.
        let exempt_code = self.ma_thuoc.value().is_some_and(|m| {
            let m = m.as_str();
            m == "40.17" || m == "40.573" || m.starts_with("VM.") || m.starts_with("BB.")
        });
        let drug = matches!(
            nhom,
            Some(MaNhom::ThuocTrongDanhMuc | MaNhom::ThuocNgoaiDanhMuc | MaNhom::ThuocTyLe)
        );
        if drug && !exempt_code && self.so_dang_ky.is_absent() {
            c.warning(
                "xml2.so_dang_ky.required",
                "SO_DANG_KY",
                "Thiếu SO_DANG_KY của thuốc (nhóm 4, 5, 6)".into(),
                "SO_DANG_KY of a drug (MA_NHOM 4, 5, 6) is missing".into(),
            );
        }
        if let Some(v) = self.so_dang_ky.value() {
            c.flag_if(
                !patterns::so_dang_ky(v.as_str()),
                "xml2.so_dang_ky.format",
                Severity::Warning,
                "SO_DANG_KY",
                || "SO_DANG_KY có khoảng trắng hoặc sai dạng HD|CP|VT.<mã CSKCB>.<yy>.<số>".into(),
                || "SO_DANG_KY contains spaces or is not HD|CP|VT.<facility>.<yy>.<n>".into(),
            );
        }
        if self.ma_bac_si.is_absent() {
            c.error(
                "xml2.ma_bac_si.required",
                "MA_BAC_SI",
                "Thiếu MA_BAC_SI (bác sĩ chỉ định)".into(),
                "MA_BAC_SI (the prescribing doctor) is missing".into(),
            );
        }
        if let Some(v) = self.tt_thau.value() {
            c.flag_if(
                !patterns::tt_thau_drug(v.as_str()),
                "xml2.tt_thau.format",
                Severity::Error,
                "TT_THAU",
                || {
                    "TT_THAU không có dạng <số QĐ>;G<gói>;N<nhóm>;<năm> hoặc <số văn bản>;<năm>"
                        .into()
                },
                || {
                    "TT_THAU is neither <decision>;G<package>;N<group>;<year> nor <document>;<year>"
                        .into()
                },
            );
        }
    }
}
