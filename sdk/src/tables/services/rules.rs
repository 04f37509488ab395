//! XML3 rules from the dictionary's notes.

use super::ServiceLine;
use crate::types::codes::{Flag, MaNhom};
use crate::types::{Dec, Decimal, Field};
use crate::validate::codes::{self, LineMoney};
use crate::validate::support::Check;
use crate::validate::{icd, patterns};
use crate::validate::{FamilyRules, Finding, Pack, RuleCtx, Severity};

fn dec(f: &Field<Dec>) -> Option<Decimal> {
    f.value().map(|d| d.get())
}

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
        self.codes_and_prices(&mut c, outsourced);
    }
}

impl ServiceLine {
    /// Table membership of MA_NHOM, percentages, bed, package, tender and machine codes, and the
    /// price rules of unpriced services and supplies with a ceiling (csv-notes.md, XML3).
    fn codes_and_prices(&self, c: &mut Check<'_, '_, Self>, outsourced: bool) {
        let pack = c.pack();
        let nhom = self.ma_nhom.value();
        codes::nhom_table(c, "xml3.ma_nhom.table", nhom);
        codes::line_money(
            c,
            [
                "xml3.tyle_tt_bh.range",
                "xml3.muc_huong.range",
                "xml3.pham_vi.out_of_scope",
                "xml3.t_nguonkhac.range",
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
        c.in_range(
            "xml3.tyle_tt_dv.range",
            "TYLE_TT_DV",
            self.tyle_tt_dv.value().map(|v| v.get()),
            0,
            100,
        );
        codes::yhct_count(c, "xml3.ma_benh_yhct.count", &self.ma_benh_yhct);
        let bed = matches!(
            nhom,
            Some(MaNhom::GiuongNgoaiTru | MaNhom::GiuongNoiTru | MaNhom::GiuongLuu)
        );
        c.required_when(
            "xml3.ma_giuong.required",
            bed,
            "MA_GIUONG",
            "MA_NHOM là 14, 15 hoặc 16 (giường)",
            "MA_NHOM is 14, 15 or 16 (beds)",
        );
        if let Some(beds) = self.ma_giuong.value() {
            if let Some(bad) = beds
                .items()
                .iter()
                .find(|b| !patterns::ma_giuong_item(b.as_str()))
            {
                let bad = bad.as_str();
                c.error(
                    "xml3.ma_giuong.pattern",
                    "MA_GIUONG",
                    format!("Mã giường {bad} không có dạng H, T, C hoặc K và 3 chữ số"),
                    format!("bed code {bad} is not H, T, C or K followed by 3 digits"),
                );
            }
        }
        if let Some(g) = self.goi_vtyt.value() {
            let g = g.as_str();
            c.flag_if(
                !patterns::goi_vtyt(g),
                "xml3.goi_vtyt.pattern",
                Severity::Error,
                "GOI_VTYT",
                || format!("GOI_VTYT {g} không có dạng G1 đến G999"),
                || format!("GOI_VTYT {g} is not G1 to G999"),
            );
        }
        if let Some(t) = self.tt_thau.value() {
            // Bid group N0 exists for tenders from 14/04/2023 (QĐ 4750 text): doubtful under QĐ 130.
            let n0 = pack == Pack::Qd130 && t.as_str().split(';').any(|p| p == "N0");
            c.flag_if(
                n0 && patterns::tt_thau_supply(t.as_str()),
                "xml3.tt_thau.format",
                Severity::Warning,
                "TT_THAU",
                || "Nhóm thầu N0 chỉ dùng từ QĐ 4750 (gói thầu từ 14/04/2023)".into(),
                || "bid group N0 is used from QĐ 4750 (tenders from 14/04/2023)".into(),
            );
            c.flag_if(
                !patterns::tt_thau_supply(t.as_str()),
                "xml3.tt_thau.format",
                Severity::Error,
                "TT_THAU",
                || "TT_THAU không có dạng <QĐ>[.<đơn vị>];G<gói>;N<nhóm>;<năm> hoặc <QĐ>.<đơn vị>;G<gói>;<năm>".into(),
                || "TT_THAU is neither <decision>[.<issuer>];G<package>;N<group>;<year> nor <decision>.<issuer>;G<package>;<year>".into(),
            );
        }
        let paraclinical = matches!(
            nhom,
            Some(MaNhom::XetNghiem | MaNhom::ChanDoanHinhAnh | MaNhom::ThamDoChucNang)
        );
        if pack == Pack::Qd3176 && paraclinical && !outsourced && self.ma_may.is_absent() {
            c.warning(
                "xml3.ma_may.required",
                "MA_MAY",
                "Thiếu MA_MAY của dịch vụ cận lâm sàng (nhóm 1, 2, 3)".into(),
                "MA_MAY of a paraclinical service (MA_NHOM 1, 2, 3) is missing".into(),
            );
        }
        if let Some(m) = self.ma_may.value() {
            let bad = m
                .as_str()
                .split(';')
                .any(|item| !patterns::ma_may_item(item, pack));
            c.flag_if(
                bad,
                "xml3.ma_may.pattern",
                Severity::Warning,
                "MA_MAY",
                || format!("MA_MAY sai dạng mã máy của {pack}"),
                || format!("MA_MAY does not have the machine-code form of {pack}"),
            );
        }
        c.flag_if(
            nhom == Some(&MaNhom::PhauThuat) && self.pp_vo_cam.is_absent(),
            "xml3.pp_vo_cam.required",
            Severity::Warning,
            "PP_VO_CAM",
            || "Thiếu PP_VO_CAM của phẫu thuật (nhóm 8)".into(),
            || "PP_VO_CAM of a surgery (MA_NHOM 8) is missing".into(),
        );
        self.prices(c, pack);
    }

    /// PRC-4 (unpriced, abandoned and `_TT` services) and PRC-3 (supplies with a ceiling).
    fn prices(&self, c: &mut Check<'_, '_, Self>, pack: Pack) {
        let (bv, bh) = (dec(&self.don_gia_bv), dec(&self.don_gia_bh));
        if let Some(code) = self.ma_dich_vu.value().map(|m| m.as_str()) {
            let b = code.as_bytes();
            let unpriced_code = b.len() >= 12
                && b[..2].iter().all(u8::is_ascii_digit)
                && b[2] == b'.'
                && b[3..7].iter().all(u8::is_ascii_digit)
                && &b[7..12] == b".0000";
            let why = if unpriced_code {
                Some((
                    "dịch vụ chưa có giá (XX.YYYY.0000)",
                    "an unpriced service (XX.YYYY.0000)",
                ))
            } else if code.ends_with("_TB") {
                Some(("dịch vụ bỏ dở (_TB)", "an abandoned service (_TB)"))
            } else if code.ends_with("_TT") && pack == Pack::Qd3176 {
                Some((
                    "dịch vụ _TT không có giá (QĐ 3176)",
                    "an unpriced _TT service (QĐ 3176)",
                ))
            } else {
                None
            };
            if let Some((vi, en)) = why {
                let both = pack == Pack::Qd3176;
                for (field, v) in [("DON_GIA_BH", bh), ("DON_GIA_BV", bv)] {
                    if field == "DON_GIA_BV" && !both {
                        continue;
                    }
                    if let Some(v) = v.filter(|v| !v.is_zero()) {
                        c.error(
                            "xml3.don_gia_bh.unpriced",
                            field,
                            format!("{field} = {v} nhưng với {vi} phải bằng 0"),
                            format!("{field} = {v} but must be 0 for {en}"),
                        );
                    }
                }
            }
        }
        let reused = self.tai_su_dung.value() == Some(&Flag::Co);
        if pack != Pack::Qd130 && !self.ma_vat_tu.is_absent() && !reused {
            if let (Some(bv), Some(bh), Some(cap)) = (bv, bh, dec(&self.t_trantt)) {
                let want = bv.min(cap);
                c.flag_if(
                    bh != want,
                    "xml3.don_gia_bh.ceiling",
                    Severity::Error,
                    "DON_GIA_BH",
                    || format!("DON_GIA_BH = {bh} nhưng min(DON_GIA_BV, T_TRANTT) = {want}"),
                    || format!("DON_GIA_BH = {bh} but min(DON_GIA_BV, T_TRANTT) = {want}"),
                );
            }
        }
    }
}
