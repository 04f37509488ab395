use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, builds_without, d, debug_hides, each_only, each_required_is_required, get, only,
    rules,
};
use crate::types::codes;

/// An internal-medicine examination at 34,500.00, benefit level 80 %.
fn valid() -> ServiceLineBuilder {
    ServiceLine::builder()
        .ma_lk("LK2503100001")
        .stt("1")
        .ma_dich_vu("02.1896")
        .ma_nhom("13")
        .ten_dich_vu("Khám Nội")
        .don_vi_tinh("Lần")
        .pham_vi("1")
        .so_luong("1")
        .don_gia_bv("34500.00")
        .don_gia_bh("34500.00")
        .tyle_tt_dv("100")
        .tyle_tt_bh("100")
        .thanh_tien_bv("34500.00")
        .thanh_tien_bh("34500.00")
        .muc_huong("80")
        .t_nguonkhac_nsnn("0")
        .t_nguonkhac_vtnn("0")
        .t_nguonkhac_vttn("0")
        .t_nguonkhac_cl("0")
        .t_nguonkhac("0")
        .t_bntt("0")
        .t_bncct("6900.00")
        .t_bhtt("27600.00")
        .ma_khoa("K01")
        .ma_bac_si("001234/HCM-CCHN")
        .ma_benh("J18.9;I10")
        .ngay_yl("202503100830")
        .ngay_kq("202503100900")
        .ma_pttt("1")
}

/// A separately-paid supply line (MA_NHOM 11).
fn supply() -> ServiceLineBuilder {
    valid()
        .ma_dich_vu("")
        .ten_dich_vu("")
        .ma_vat_tu("N03.01.070")
        .ten_vat_tu("Bơm tiêm 5ml")
        .ma_nhom("11")
}

/// A laboratory test (MA_NHOM 1) with its performer and execution time.
fn lab() -> ServiceLineBuilder {
    valid()
        .ma_dich_vu("23.0166.1494")
        .ten_dich_vu("Định lượng Glucose [Máu]")
        .ma_nhom("1")
        .nguoi_thuc_hien("004321/HCM-CCHN")
        .ngay_th_yl("202503100840")
        .ma_may("SH.1.79001.1")
        .pp_vo_cam("1")
}

#[test]
fn valid_line_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.don_gia_bv.wire(), "34500.00");
    assert_eq!(r.don_gia_bv.value().unwrap().scale(), 2);
    assert_eq!(get(&r.t_bhtt), d("27600"));
    assert_eq!(r.ma_nhom.value(), Some(&codes::MaNhom::Kham));
    assert_eq!(r.ma_benh.value().unwrap().len(), 2);
    assert_eq!(r.ma_benh.wire(), "J18.9;I10");
    assert!(lab().build().is_ok());
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ma_benh(""), "field.required", "MA_BENH");
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
            (valid().don_gia_bh("34,500"), "DON_GIA_BH"),
            (valid().ma_benh("J18.9; I10"), "MA_BENH"),
            (valid().ma_benh("J189"), "MA_BENH"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().don_gia_bv("1234567890123.45"), "DON_GIA_BV"),
            (valid().ma_dich_vu("X".repeat(51).as_str()), "MA_DICH_VU"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().ma_nhom("20"), "MA_NHOM"),
            (valid().ma_pttt("4"), "MA_PTTT"),
            (valid().tai_su_dung("2"), "TAI_SU_DUNG"),
        ],
    );
}

#[test]
fn a_service_or_supply_code_is_required() {
    only(
        valid().ma_dich_vu("").ten_dich_vu(""),
        "xml3.item_code",
        "MA_DICH_VU",
    );
    builds_without(supply(), "xml3.item_code");
}

#[test]
fn coded_items_need_their_names() {
    only(
        valid().ten_dich_vu(""),
        "xml3.ten_dich_vu.required",
        "TEN_DICH_VU",
    );
    only(
        supply().ten_vat_tu(""),
        "xml3.ten_vat_tu.required",
        "TEN_VAT_TU",
    );
    // A service line may also name the supply it uses.
    let r = valid().ma_vat_tu("N03.01.070").ten_vat_tu("Bơm tiêm 5ml");
    let r = r.build().unwrap();
    let fired = rules(&r);
    assert!(!fired.contains(&"xml3.ten_vat_tu.required"), "{fired:?}");
    assert!(!fired.contains(&"xml3.ten_dich_vu.required"), "{fired:?}");
}

#[test]
fn transport_needs_fuel_code() {
    let transport = valid().ma_dich_vu("VC.79024").ma_nhom("12");
    only(
        transport.clone(),
        "xml3.ma_xang_dau.required",
        "MA_XANG_DAU",
    );
    builds_without(transport.ma_xang_dau("DO"), "xml3.ma_xang_dau.required");
}

#[test]
fn listed_supplies_need_tender_info() {
    only(supply().ma_nhom("10"), "xml3.tt_thau.required", "TT_THAU");
    builds_without(
        supply().ma_nhom("10").tt_thau("20.00;G1;N1;2024"),
        "xml3.tt_thau.required",
    );
}

#[test]
fn performed_services_need_performer_and_execution_time() {
    for nhom in ["1", "2", "3", "8", "18"] {
        only(
            lab().ma_nhom(nhom).nguoi_thuc_hien(""),
            "xml3.nguoi_thuc_hien.required",
            "NGUOI_THUC_HIEN",
        );
        only(
            lab().ma_nhom(nhom).ngay_th_yl(""),
            "xml3.ngay_th_yl.required",
            "NGAY_TH_YL",
        );
        assert!(lab().ma_nhom(nhom).build().is_ok(), "{nhom}");
    }
    // An examination (13) needs neither.
    let r = valid().build().unwrap();
    assert!(r.nguoi_thuc_hien.is_absent() && r.ngay_th_yl.is_absent());
}

#[test]
fn execution_and_result_times_not_before_order_time() {
    only(
        lab().ngay_th_yl("202503100829"),
        "xml3.ngay_th_yl.order",
        "NGAY_TH_YL",
    );
    only(
        valid().ngay_kq("202503091200"),
        "xml3.ngay_kq.order",
        "NGAY_KQ",
    );
    let r = lab()
        .ngay_th_yl("202503100830")
        .ngay_kq("202503100830")
        .build();
    let fired = rules(&r.expect("same minute is allowed"));
    assert!(!fired.iter().any(|r| r.ends_with(".order")), "{fired:?}");
}

#[test]
fn compute_amounts_with_ratios_and_other_sources() {
    let base = valid()
        .so_luong("30")
        .don_gia_bv("5000")
        .don_gia_bh("5000")
        .tyle_tt_dv("")
        .tyle_tt_bh("50")
        .muc_huong("80");
    // TYLE_TT_DV absent counts as 100.
    let a = base.amounts().unwrap();
    let got = [
        a.thanh_tien_bv,
        a.thanh_tien_bh,
        a.t_bhtt,
        a.t_bncct,
        a.t_bntt,
    ];
    assert_eq!(got, ["150000", "75000", "60000", "15000", "75000"].map(d));
    let r = base
        .clone()
        .tyle_tt_dv("100")
        .t_nguonkhac_nsnn("50000")
        .t_nguonkhac_vtnn("30000")
        .compute_amounts()
        .build()
        .expect("computed line is valid");
    assert_eq!(get(&r.t_nguonkhac), d("80000"));
    assert_eq!(
        (get(&r.t_bntt), get(&r.t_bncct), get(&r.t_bhtt)),
        (d("0"), d("10000"), d("60000"))
    );
}

#[test]
fn compute_amounts_second_exam_uses_service_ratio() {
    let r = valid()
        .don_gia_bv("100000")
        .don_gia_bh("40000")
        .tyle_tt_dv("30")
        .compute_amounts()
        .build()
        .unwrap();
    let got = [
        &r.thanh_tien_bv,
        &r.thanh_tien_bh,
        &r.t_bhtt,
        &r.t_bncct,
        &r.t_bntt,
    ]
    .map(get);
    assert_eq!(got, ["30000", "12000", "9600", "2400", "18000"].map(d));
}

#[test]
fn debug_output_redacts_free_text() {
    let s = debug_hides(&valid(), &["Khám Nội"]);
    assert!(s.contains("[redacted]") && s.contains("02.1896"), "{s}");
}

#[test]
fn unpriced_services_have_no_insurance_price() {
    let fired = |b: ServiceLineBuilder| rules(&b.build_unchecked());
    assert!(fired(valid().ma_dich_vu("02.1896.0000")).contains(&"xml3.don_gia_bh.unpriced"));
    assert!(fired(valid().ma_dich_vu("02.1896_TB")).contains(&"xml3.don_gia_bh.unpriced"));
    assert!(!fired(valid()).contains(&"xml3.don_gia_bh.unpriced"));
    // Non-ASCII after the numeric part must not trip the byte-level check.
    assert!(!fired(valid().ma_dich_vu("02.1896.000é")).contains(&"xml3.don_gia_bh.unpriced"));
    // Priced at zero, the rule is satisfied.
    let zero = valid()
        .ma_dich_vu("02.1896.0000")
        .don_gia_bh("0")
        .don_gia_bv("0");
    assert!(!fired(zero).contains(&"xml3.don_gia_bh.unpriced"));
}
