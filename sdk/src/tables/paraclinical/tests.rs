use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, builds_without, debug_hides, each_copied, each_only, each_required_is_required,
    only,
};
use crate::tables::Summary;

/// A blood-glucose result.
fn valid() -> ParaclinicalResultBuilder {
    ParaclinicalResult::builder()
        .ma_lk("LK2503100001")
        .stt("1")
        .ma_dich_vu("23.0166.1494")
        .ma_chi_so("GLU")
        .ten_chi_so("Glucose")
        .gia_tri("5.6")
        .don_vi_do("mmol/L")
        .ngay_kq("202503100930")
        .ma_bs_doc_kq("004321/HCM-CCHN")
}

#[test]
fn valid_result_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.stt.value().unwrap().get(), 1);
    assert_eq!(r.ma_chi_so.value().unwrap().as_str(), "GLU");
    assert_eq!(r.gia_tri.wire(), "5.6");
    assert_eq!(r.ngay_kq.value().unwrap().hour(), 9);
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ten_chi_so(""), "field.required", "TEN_CHI_SO");
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
            (valid().ngay_kq("202502300930"), "NGAY_KQ"),
            (valid().stt("1.0"), "STT"),
            (valid().ma_chi_so(" GLU"), "MA_CHI_SO"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            // QĐ 3176 (the default pack) allows 255 characters; the QĐ 4750 sheet 50.
            (valid().gia_tri("9".repeat(256).as_str()), "GIA_TRI"),
            (valid().ten_chi_so("G".repeat(256).as_str()), "TEN_CHI_SO"),
        ],
    );
}

#[test]
fn a_value_needs_its_result_time() {
    only(valid().ngay_kq(""), "xml4.ngay_kq.required", "NGAY_KQ");
    // A descriptive result without GIA_TRI needs no result time.
    builds_without(
        valid()
            .gia_tri("")
            .ngay_kq("")
            .mo_ta("Phổi hai bên sáng đều"),
        "xml4.ngay_kq.required",
    );
}

#[test]
fn for_episode_copies_the_episode_key() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_bn("BN0001234")
        .build_unchecked();
    let b = ParaclinicalResultBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    let r = b.stt("1").ten_chi_so("Glucose").build().expect("from XML1");
    assert_eq!(r.ma_lk.wire(), "LK2503100001");
    assert!(r.ma_dich_vu.is_absent());
}

#[test]
fn debug_output_redacts_result_text() {
    let s = debug_hides(&valid(), &["Đường huyết", "mmol"]);
    assert!(s.contains("[redacted]") && s.contains("GLU"), "{s}");
}
