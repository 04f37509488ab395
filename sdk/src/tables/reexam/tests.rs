use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, debug_hides, each_copied, each_only, each_required_is_required, only,
};
use crate::tables::Summary;
use crate::types::DateOrDateTime;

/// A follow-up appointment one week after discharge.
fn valid() -> ReexamBuilder {
    Reexam::builder()
        .ma_lk("LK2503100001")
        .so_giayhen_kl("GH-0456/2025")
        .ma_cskcb("79024")
        .ho_ten("NGUYỄN VĂN AN")
        .ngay_sinh("198504150000")
        .gioi_tinh("1")
        .dia_chi("Số 12 Lê Lợi, Quận 1, TP Hồ Chí Minh")
        .ma_the_bhyt("HC4797912345678")
        .gt_the_den("20251231")
        .ngay_vao("202503100800")
        .ngay_ra("202503151000")
        .ngay_hen_kl("20250322")
        .chan_doan_rv("Viêm phổi")
        .ma_benh_chinh("J18.9")
        .ma_doituong_kcb("1.1")
        .ma_bac_si("001234/HCM-CCHN")
        .ma_ttdv("0101234567")
        .ngay_ct("20250315")
}

#[test]
fn valid_appointment_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert!(matches!(
        r.ngay_hen_kl.value(),
        Some(DateOrDateTime::Date(_))
    ));
    assert_eq!(r.ngay_hen_kl.wire(), "20250322");
    assert_eq!(r.ma_cskcb.value().unwrap().as_str(), "79024");
    assert_eq!(r.ma_bac_si.value().unwrap().len(), 1);
    // The appointment may also carry a time.
    let r = valid().ngay_hen_kl("202503220730").build().unwrap();
    assert_eq!(r.ngay_hen_kl.value().unwrap().date().day(), 22);
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ngay_hen_kl(""), "field.required", "NGAY_HEN_KL");
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
            (valid().ngay_hen_kl("20250230"), "NGAY_HEN_KL"),
            (valid().ngay_hen_kl("2025032207"), "NGAY_HEN_KL"),
            (valid().ma_the_bhyt("HC4797912345678;"), "MA_THE_BHYT"),
            (valid().ngay_sinh("198504152500"), "NGAY_SINH"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().ma_doituong_kcb("1.1.1.1.1.1"), "MA_DOITUONG_KCB"),
            (valid().ma_ttdv("1".repeat(256).as_str()), "MA_TTDV"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    only(valid().gioi_tinh("9"), "field.unknown_code", "GIOI_TINH");
}

#[test]
fn appointment_not_before_discharge() {
    only(
        valid().ngay_hen_kl("20250314"),
        "xml14.ngay_hen_kl.order",
        "NGAY_HEN_KL",
    );
    // Dates are compared: an appointment on the day of discharge is fine, whatever the time.
    builds_clean(valid().ngay_hen_kl("20250315"));
    builds_clean(valid().ngay_hen_kl("202503150900"));
}

#[test]
fn document_date_not_before_admission() {
    only(
        valid().ngay_ct("20250309"),
        "xml14.ngay_ct.order",
        "NGAY_CT",
    );
    builds_clean(valid().ngay_ct("20250310"));
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_cskcb("79024")
        .ho_ten("NGUYỄN VĂN AN")
        .ngay_sinh("198500000000")
        .gioi_tinh("1")
        .dia_chi("Số 12 Lê Lợi, Quận 1")
        .ma_the_bhyt("HC4797912345678")
        .gt_the_den("20251231")
        .ngay_vao("202503100800")
        .ngay_vao_noi_tru("202503100900")
        .ngay_ra("202503151000")
        .chan_doan_rv("Viêm phổi")
        .ma_benh_chinh("J18.9")
        .ma_benh_kt("I10")
        .ma_benh_yhct("U62.411")
        .ma_doituong_kcb("1.1")
        .ma_ttdv("0101234567")
        .build_unchecked();
    let b = ReexamBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    let r = b
        .so_giayhen_kl("GH-0456/2025")
        .ngay_hen_kl("20250322")
        .ma_bac_si("001234/HCM-CCHN")
        .ngay_ct("20250315")
        .build()
        .expect("from XML1");
    assert_eq!(r.ngay_sinh.wire(), "198500000000");
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &["NGUYỄN", "HC4797912345678", "1985", "Lê Lợi", "GH-0456"],
    );
    assert!(s.contains("LK2503100001") && s.contains("20250322"), "{s}");
}
