use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, builds_without, debug_hides, each_copied, each_only, each_required_is_required,
    only,
};
use crate::tables::Summary;
use crate::types::codes;

/// Check-in of an outpatient whose first cost item is an examination.
fn valid() -> CheckinRowBuilder {
    CheckinRow::builder()
        .ma_lk("LK2503100001")
        .stt("1")
        .ma_bn("BN0001234")
        .ho_ten("NGUYỄN VĂN AN")
        .so_cccd("001085000123")
        .ngay_sinh("198504150000")
        .gioi_tinh("1")
        .ma_the_bhyt("HC4797912345678")
        .ma_dkbd("79024")
        .gt_the_tu("20250101")
        .gt_the_den("20251231")
        .ma_doituong_kcb("1.1")
        .ngay_vao("202503100800")
        .ma_loai_kcb("01")
        .ma_cskcb("79024")
        .ma_dich_vu("02.1896")
        .ten_dich_vu("Khám Nội")
        .ngay_yl("202503100815")
}

#[test]
fn valid_row_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.so_cccd.value().unwrap().as_str(), "001085000123");
    assert_eq!(r.ma_dkbd.value().unwrap().province(), "79");
    assert_eq!(r.ma_the_bhyt.value().unwrap().prefix(), "HC");
    assert_eq!(r.ma_loai_kcb.value(), Some(&codes::MaLoaiKcb::KhamBenh));
    assert_eq!(r.ngay_vao.wire(), "202503100800");
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ma_bn(""), "field.required", "MA_BN");
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
            (valid().ma_the_bhyt("HC0797912345678"), "MA_THE_BHYT"),
            (valid().gt_the_den("20250230"), "GT_THE_DEN"),
            (valid().ngay_vao("2025031008"), "NGAY_VAO"),
            (valid().stt("một"), "STT"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().ma_doituong_kcb("1.1.10"), "MA_DOITUONG_KCB"),
            (valid().ma_bn("B".repeat(101).as_str()), "MA_BN"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().ma_loai_kcb("3"), "MA_LOAI_KCB"),
            (valid().gioi_tinh("0"), "GIOI_TINH"),
        ],
    );
}

#[test]
fn first_cost_item_is_required() {
    only(
        valid().ma_dich_vu("").ten_dich_vu(""),
        "checkin.first_cost_item",
        "MA_DICH_VU",
    );
    for b in [
        valid()
            .ma_dich_vu("")
            .ten_dich_vu("")
            .ma_thuoc("40.17")
            .ten_thuoc("Paracetamol"),
        valid()
            .ma_dich_vu("")
            .ten_dich_vu("")
            .ma_vat_tu("N03.01.070")
            .ten_vat_tu("Bơm tiêm"),
    ] {
        builds_without(b, "checkin.first_cost_item");
    }
}

#[test]
fn coded_first_items_need_their_names() {
    only(
        valid().ten_dich_vu(""),
        "checkin.ten_dich_vu.required",
        "TEN_DICH_VU",
    );
    only(
        valid().ma_thuoc("40.17"),
        "checkin.ten_thuoc.required",
        "TEN_THUOC",
    );
    only(
        valid().ma_vat_tu("N03.01.070"),
        "checkin.ten_vat_tu.required",
        "TEN_VAT_TU",
    );
    builds_clean(
        valid()
            .ma_thuoc("40.17")
            .ten_thuoc("Paracetamol")
            .ma_vat_tu("N03.01.070")
            .ten_vat_tu("Bơm tiêm"),
    );
}

#[test]
fn inpatient_admission_needs_a_reason_and_comes_after_arrival() {
    let inpatient = valid().ma_loai_kcb("03").ngay_vao_noi_tru("202503100900");
    only(inpatient.clone(), "checkin.ly_do_vnt.required", "LY_DO_VNT");
    only(
        inpatient
            .clone()
            .ly_do_vnt("Sốt cao")
            .ngay_vao_noi_tru("202503100759"),
        "checkin.ngay_vao_noi_tru.order",
        "NGAY_VAO_NOI_TRU",
    );
    builds_clean(inpatient.ly_do_vnt("Sốt cao"));
    // Without NGAY_VAO_NOI_TRU, LY_DO_VNT is not required.
    assert!(valid().build().unwrap().ly_do_vnt.is_absent());
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .stt("1")
        .ma_bn("BN0001234")
        .ho_ten("TRẦN THỊ BÍCH")
        .so_cccd("079190000456")
        .ngay_sinh("199000000000")
        .gioi_tinh("2")
        .ma_doituong_kcb("2")
        .ngay_vao("202503100800")
        .ngay_vao_noi_tru("202503100930")
        .ly_do_vnt("Đau bụng cấp")
        .ma_ly_do_vnt("R10")
        .ma_loai_kcb("03")
        .ma_cskcb("01001")
        .build_unchecked();
    let b = CheckinRowBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    assert_eq!(b.peek().ma_cskcb.value().unwrap().as_str(), "01001");
    let r = b
        .ma_thuoc("40.17")
        .ten_thuoc("Paracetamol")
        .ngay_yl("202503100945")
        .build()
        .expect("check-in from XML1");
    assert_eq!(r.ho_ten.wire(), "TRẦN THỊ BÍCH");
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &[
            "NGUYỄN",
            "001085000123",
            "BN0001234",
            "HC4797912345678",
            "1985",
        ],
    );
    assert!(s.contains("LK2503100001") && s.contains("79024"), "{s}");
}
