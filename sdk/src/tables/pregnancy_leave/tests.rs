use super::*;
use crate::record::{Record, Req};
use crate::tables::Summary;
use crate::validate::{check_record, RuleCtx};

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

/// Asserts that the build fails with exactly one finding: `rule` at `field`.
fn only(b: PregnancyLeaveBuilder, rule: &str, field: &str) {
    let f = b.build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

#[test]
fn valid_certificate_builds_and_keeps_wire_forms() {
    let r = valid().build().expect("valid certificate");
    assert_eq!(r.so_ngay.value().unwrap().get(), 10);
    assert_eq!(r.so_seri.value().unwrap().as_str(), "AB0012345");
    let (from, to) = (r.tu_ngay.value().unwrap(), r.den_ngay.value().unwrap());
    assert_eq!(to.day_number() - from.day_number() + 1, 10);
    assert!(check_record(&r, &RuleCtx::default()).is_empty());
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().den_ngay(""), "field.required", "DEN_NGAY");
}

#[test]
fn every_mandatory_element_is_required() {
    for spec in PregnancyLeave::FIELDS
        .iter()
        .filter(|s| s.required == Req::Yes)
    {
        let mut b = valid();
        b.set(spec.element, "").unwrap();
        only(b, "field.required", spec.element);
    }
}

#[test]
fn malformed_values_are_format_errors() {
    only(valid().tu_ngay("20250230"), "field.format", "TU_NGAY");
    only(valid().ngay_ct("2025031O"), "field.format", "NGAY_CT");
    only(valid().so_ngay("1O"), "field.format", "SO_NGAY");
}

#[test]
fn oversized_values_are_max_length_errors() {
    only(valid().so_ngay("1000"), "field.max_length", "SO_NGAY");
    only(
        valid().ma_ttdv("01012345678"),
        "field.max_length",
        "MA_TTDV",
    );
}

#[test]
fn rest_end_not_before_start() {
    only(
        valid().den_ngay("20250309"),
        "xml10.den_ngay.order",
        "DEN_NGAY",
    );
    let r = valid().so_ngay("1").den_ngay("20250310").build();
    assert!(check_record(&r.expect("one day"), &RuleCtx::default()).is_empty());
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .chan_doan_rv("Dọa sẩy thai")
        .ma_ttdv("0101234567")
        .build_unchecked();
    let b = PregnancyLeaveBuilder::for_episode(&summary);
    for el in COPIED_FROM_XML1 {
        let copied = b.peek().get(el).unwrap().wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(copied, summary.get(el).unwrap().wire(), "{el}");
    }
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
    let s = format!("{:?}", valid().build().unwrap());
    for secret in [
        "AB0012345",
        "123/GNDT",
        "Việt Tiến",
        "sẩy thai",
        "Lê Thị Hoa",
    ] {
        assert!(!s.contains(secret), "{secret} in {s}");
    }
    assert!(s.contains("LK2503100001") && s.contains("20250319"), "{s}");
}
