use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, debug_hides, each_copied, each_only, each_required_is_required, only,
};
use crate::tables::Summary;

/// Ten days of pregnancy rest.
fn valid() -> PregnancyLeaveBuilder {
    PregnancyLeave::builder()
        .ma_lk("LK2503100001")
        .so_seri("AB0012345")
        .so_ct("123/GNDT")
        .so_ngay("10")
        .don_vi("Công ty TNHH May Việt Tiến")
        .chan_doan_rv("Dọa sẩy thai")
        .tu_ngay("20250310")
        .den_ngay("20250319")
        .ma_ttdv("0101234567")
        .ten_bs("Lê Thị Hoa")
        .ma_bs("001234/HCM-CCHN")
        .ngay_ct("20250310")
}

#[test]
fn valid_certificate_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.so_ngay.value().unwrap().get(), 10);
    assert_eq!(r.so_seri.value().unwrap().as_str(), "AB0012345");
    let (from, to) = (r.tu_ngay.value().unwrap(), r.den_ngay.value().unwrap());
    assert_eq!(to.day_number() - from.day_number() + 1, 10);
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().den_ngay(""), "field.required", "DEN_NGAY");
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
            (valid().tu_ngay("20250230"), "TU_NGAY"),
            (valid().ngay_ct("2025031O"), "NGAY_CT"),
            (valid().so_ngay("1O"), "SO_NGAY"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().so_ngay("1000"), "SO_NGAY"),
            (valid().ma_ttdv("1".repeat(256).as_str()), "MA_TTDV"),
        ],
    );
}

#[test]
fn rest_end_not_before_start() {
    only(
        valid().den_ngay("20250309"),
        "xml10.den_ngay.order",
        "DEN_NGAY",
    );
    builds_clean(valid().so_ngay("1").den_ngay("20250310"));
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .chan_doan_rv("Dọa sẩy thai")
        .ma_ttdv("0101234567")
        .build_unchecked();
    let b = PregnancyLeaveBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    let r = b
        .so_seri("AB0012345")
        .so_ct("123/GNDT")
        .so_ngay("10")
        .don_vi("Công ty TNHH May Việt Tiến")
        .tu_ngay("20250310")
        .den_ngay("20250319")
        .ten_bs("Lê Thị Hoa")
        .ma_bs("001234/HCM-CCHN")
        .ngay_ct("20250310")
        .build()
        .expect("from XML1");
    assert_eq!(r.chan_doan_rv.wire(), "Dọa sẩy thai");
}

#[test]
fn debug_output_redacts_personal_data() {
    let s = debug_hides(
        &valid(),
        &[
            "AB0012345",
            "123/GNDT",
            "Việt Tiến",
            "sẩy thai",
            "Lê Thị Hoa",
        ],
    );
    assert!(s.contains("LK2503100001") && s.contains("20250319"), "{s}");
}
