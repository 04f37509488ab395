use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, cleared, debug_hides, each_copied, each_only, each_required_is_required, only,
};
use crate::tables::Summary;
use crate::types::codes;

/// A five-day CT07 sick-leave certificate.
fn valid() -> SickLeaveBuilder {
    SickLeave::builder()
        .ma_lk("LK2503100001")
        .so_ct("456/CT07")
        .so_seri("CT0012345")
        .so_kcb("KCB2025001")
        .don_vi("Công ty Cổ phần Sữa Việt Nam")
        .ma_bhxh("0123456789")
        .ma_the_bhyt("DN4797912345678")
        .chan_doan_rv("Viêm phổi")
        .pp_dieutri("Nội khoa")
        .ma_dinh_chi_thai("0")
        .so_ngay_nghi("5")
        .tu_ngay("20250310")
        .den_ngay("20250314")
        .ma_ttdv("0101234567")
        .ma_bs("001234/HCM-CCHN")
        .ngay_ct("20250310")
        .mau_so("CT07")
}

#[test]
fn valid_certificate_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.ma_bhxh.value().unwrap().as_str(), "0123456789");
    assert_eq!(r.mau_so.value(), Some(&codes::MauSo::Ct07));
    assert_eq!(r.ma_the_bhyt.value().unwrap().items()[0].province(), "79");
    assert_eq!(r.so_ngay_nghi.value().unwrap().get(), 5);
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ma_bhxh(""), "field.required", "MA_BHXH");
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
            (valid().ma_bhxh("012345678X"), "MA_BHXH"),
            (valid().den_ngay("20250230"), "DEN_NGAY"),
            (
                valid().ma_the_bhyt("DN4797912345678;DN7797912345678"),
                "MA_THE_BHYT",
            ),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().so_ngay_nghi("1000"), "SO_NGAY_NGHI"),
            (valid().so_ct("9".repeat(201).as_str()), "SO_CT"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().mau_so("CT08"), "MAU_SO"),
            (valid().ma_dinh_chi_thai("3"), "MA_DINH_CHI_THAI"),
        ],
    );
}

#[test]
fn terminated_pregnancy_needs_cause_and_age() {
    let terminated = valid()
        .ma_dinh_chi_thai("1")
        .nguyennhan_dinhchi("Thai lưu")
        .tuoi_thai("10");
    for (rule, field) in [
        ("xml11.nguyennhan_dinhchi.required", "NGUYENNHAN_DINHCHI"),
        ("xml11.tuoi_thai.required", "TUOI_THAI"),
    ] {
        only(cleared(&terminated, field), rule, field);
    }
    builds_clean(terminated);
}

#[test]
fn leave_end_not_before_start() {
    only(
        valid().den_ngay("20250309"),
        "xml11.den_ngay.order",
        "DEN_NGAY",
    );
    builds_clean(valid().so_ngay_nghi("1").den_ngay("20250310"));
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_the_bhyt("DN4797912345678;DN4797912345679")
        .chan_doan_rv("Viêm phổi")
        .ma_ttdv("0101234567")
        .build_unchecked();
    let b = SickLeaveBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    assert_eq!(b.peek().ma_the_bhyt.value().unwrap().len(), 2);
}

#[test]
fn debug_output_redacts_personal_data() {
    let s = debug_hides(
        &valid(),
        &[
            "0123456789",
            "DN4797912345678",
            "Sữa Việt Nam",
            "KCB2025001",
        ],
    );
    assert!(s.contains("LK2503100001") && s.contains("CT07"), "{s}");
}

#[test]
fn gestational_age_and_card_prefix() {
    let fired = |b: SickLeaveBuilder| crate::tables::test_support::rules(&b.build_unchecked());
    assert!(fired(valid().tuoi_thai("43")).contains(&"xml11.tuoi_thai.range"));
    assert!(fired(valid().tuoi_thai("0")).contains(&"xml11.tuoi_thai.range"));
    assert!(!fired(valid().tuoi_thai("42")).contains(&"xml11.tuoi_thai.range"));
    // DN cards have benefit level 4.
    assert!(fired(valid().ma_the_bhyt("DN3797912345678")).contains(&"xml11.ma_the_bhyt.prefix"));
    assert!(!fired(valid()).contains(&"xml11.ma_the_bhyt.prefix"));
}
