use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, builds_without, d, debug_hides, each_only, each_required_is_required, get, only,
};
use crate::types::codes;

/// A paracetamol line: 10 tablets at 34,500.00, fully covered, benefit level 80 %.
fn valid() -> DrugLineBuilder {
    DrugLine::builder()
        .ma_lk("LK2503100001")
        .stt("1")
        .ma_thuoc("40.17")
        .ma_nhom("4")
        .ten_thuoc("Paracetamol")
        .don_vi_tinh("Viên")
        .ham_luong("500mg")
        .duong_dung("1.01")
        .lieu_dung("Ngày uống 2 lần, mỗi lần 1 viên")
        .so_dang_ky("VD-12345-10")
        .tt_thau("123/QĐ-BV;G1;N1;2024")
        .pham_vi("1")
        .tyle_tt_bh("100")
        .so_luong("10")
        .don_gia("34500.00")
        .thanh_tien_bv("345000.00")
        .thanh_tien_bh("345000.00")
        .t_nguonkhac_nsnn("0")
        .t_nguonkhac_vtnn("0")
        .t_nguonkhac_vttn("0")
        .t_nguonkhac_cl("0")
        .t_nguonkhac("0")
        .muc_huong("80")
        .t_bntt("0")
        .t_bncct("69000.00")
        .t_bhtt("276000.00")
        .ma_khoa("K01")
        .ma_bac_si("001234/HCM-CCHN")
        .ngay_yl("202503100830")
        .ngay_th_yl("202503100900")
        .ma_pttt("1")
        .nguon_ctra("1")
}

#[test]
fn valid_line_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.don_gia.wire(), "34500.00");
    assert_eq!(r.don_gia.value().unwrap().scale(), 2);
    assert_eq!(r.don_gia.value().unwrap().get(), d("34500"));
    assert_eq!(r.stt.value().unwrap().get(), 1);
    assert_eq!(r.ma_nhom.value(), Some(&codes::MaNhom::ThuocTrongDanhMuc));
    assert_eq!(r.ngay_yl.wire(), "202503100830");
    assert_eq!(r.ma_lk.value().unwrap().as_str(), "LK2503100001");
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ma_thuoc(""), "field.required", "MA_THUOC");
}

#[test]
fn every_mandatory_element_is_required() {
    each_required_is_required(&valid(), Layout::Qd4750, &[]);
}

#[test]
fn malformed_values_are_format_errors() {
    each_only(
        "field.format",
        [
            (valid().ngay_yl("202502301200"), "NGAY_YL"),
            (valid().don_gia("34.500,00"), "DON_GIA"),
            (valid().so_luong("mười"), "SO_LUONG"),
            (valid().muc_huong("-80"), "MUC_HUONG"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            // Over the sheet's 15 but within the 50 of QĐ 4750 is only a warning (D2).
            (valid().ma_khoa("K".repeat(51).as_str()), "MA_KHOA"),
            (valid().tyle_tt_bh("1000"), "TYLE_TT_BH"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().ma_nhom("20"), "MA_NHOM"),
            (valid().pham_vi("4"), "PHAM_VI"),
            (valid().nguon_ctra("5"), "NGUON_CTRA"),
        ],
    );
}

#[test]
fn tender_info_required_except_for_blood() {
    only(valid().tt_thau(""), "xml2.tt_thau.required", "TT_THAU");
    // Blood (7) and blood products (17) have no tender information.
    for nhom in ["7", "17"] {
        builds_without(valid().ma_nhom(nhom).tt_thau(""), "xml2.tt_thau.required");
    }
}

#[test]
fn execution_time_not_before_order_time() {
    only(
        valid().ngay_th_yl("202503100829"),
        "xml2.ngay_th_yl.order",
        "NGAY_TH_YL",
    );
    for ok in ["202503100830", "202503111200", ""] {
        builds_without(valid().ngay_th_yl(ok), "xml2.ngay_th_yl.order");
    }
}

#[test]
fn compute_amounts_for_a_ratio_drug() {
    let b = valid()
        .so_luong("30")
        .don_gia("5000")
        .tyle_tt_bh("50")
        .muc_huong("80")
        .compute_amounts();
    let r = b.build().expect("computed line is valid");
    assert_eq!(get(&r.thanh_tien_bv), d("150000"));
    assert_eq!(get(&r.thanh_tien_bh), d("75000"));
    assert_eq!(get(&r.t_bhtt), d("60000"));
    assert_eq!(get(&r.t_bncct), d("15000"));
    assert_eq!(get(&r.t_bntt), d("75000"));
    assert_eq!(get(&r.t_nguonkhac), d("0"));
}

#[test]
fn compute_amounts_deducts_other_sources_in_order() {
    // 80,000 from other sources: 75,000 covers the patient's own share, 5,000 the co-payment.
    let b = valid()
        .so_luong("30")
        .don_gia("5000")
        .tyle_tt_bh("50")
        .muc_huong("80")
        .t_nguonkhac_nsnn("50000")
        .t_nguonkhac_vttn("30000")
        .compute_amounts();
    let a = b.amounts().unwrap();
    assert_eq!(
        (a.t_nguonkhac, a.t_bntt, a.t_bncct, a.t_bhtt),
        (d("80000"), d("0"), d("10000"), d("60000"))
    );
    assert!(a.balances());
    let r = b.build().expect("computed line is valid");
    assert_eq!(get(&r.t_nguonkhac), d("80000"));
    assert_eq!(get(&r.t_bncct), d("10000"));
    assert_eq!(get(&r.t_bntt), d("0"));
}

#[test]
fn compute_amounts_rounds_half_away_to_two_places() {
    // 3 × 1,234.565 = 3,703.695 → 3,703.70; at 100 % and 95 %: fund 3,518.515 → 3,518.52.
    let a = valid()
        .so_luong("3")
        .don_gia("1234.565")
        .tyle_tt_bh("100")
        .muc_huong("95")
        .amounts()
        .unwrap();
    assert_eq!(a.thanh_tien_bv, d("3703.70"));
    assert_eq!(a.t_bhtt, d("3518.52"));
    assert_eq!(a.t_bncct, d("185.18"));
    assert!(a.balances());
}

#[test]
fn debug_output_redacts_free_text() {
    let s = debug_hides(&valid(), &["Paracetamol", "mỗi lần"]);
    assert!(s.contains("[redacted]") && s.contains("40.17"), "{s}");
}

#[test]
fn set_by_name_rejects_unknown_elements() {
    let mut b = valid();
    assert!(b.set("HO_TEN", "NGUYỄN VĂN A").is_err());
    b.set("SO_LUONG", "12.5").unwrap();
    assert_eq!(b.peek().so_luong.wire(), "12.5");
}
