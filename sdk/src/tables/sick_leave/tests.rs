use super::*;
use crate::record::{Record, Req};
use crate::tables::Summary;
use crate::types::codes;
use crate::validate::{check_record, RuleCtx};

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

/// Asserts that the build fails with exactly one finding: `rule` at `field`.
fn only(b: SickLeaveBuilder, rule: &str, field: &str) {
    let f = b.build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

fn rules(r: &SickLeave) -> Vec<&'static str> {
    check_record(r, &RuleCtx::default())
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn valid_certificate_builds_and_keeps_wire_forms() {
    let r = valid().build().expect("valid certificate");
    assert_eq!(r.ma_bhxh.value().unwrap().as_str(), "0123456789");
    assert_eq!(r.mau_so.value(), Some(&codes::MauSo::Ct07));
    assert_eq!(r.ma_the_bhyt.value().unwrap().items()[0].province(), "79");
    assert_eq!(r.so_ngay_nghi.value().unwrap().get(), 5);
    assert!(rules(&r).is_empty(), "{:?}", rules(&r));
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ma_bhxh(""), "field.required", "MA_BHXH");
}

#[test]
fn every_mandatory_element_is_required() {
    for spec in SickLeave::FIELDS.iter().filter(|s| s.required == Req::Yes) {
        let mut b = valid();
        b.set(spec.element, "").unwrap();
        only(b, "field.required", spec.element);
    }
}

#[test]
fn malformed_values_are_format_errors() {
    only(valid().ma_bhxh("012345678X"), "field.format", "MA_BHXH");
    only(valid().den_ngay("20250230"), "field.format", "DEN_NGAY");
    only(
        valid().ma_the_bhyt("DN4797912345678;DN7797912345678"),
        "field.format",
        "MA_THE_BHYT",
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    only(
        valid().so_ngay_nghi("1000"),
        "field.max_length",
        "SO_NGAY_NGHI",
    );
    only(
        valid().so_ct("9".repeat(201).as_str()),
        "field.max_length",
        "SO_CT",
    );
}

#[test]
fn unknown_codes_are_reported() {
    only(valid().mau_so("CT08"), "field.unknown_code", "MAU_SO");
    only(
        valid().ma_dinh_chi_thai("3"),
        "field.unknown_code",
        "MA_DINH_CHI_THAI",
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
        let mut b = terminated.clone();
        b.set(field, "").unwrap();
        only(b, rule, field);
    }
    let r = terminated.build().expect("termination details given");
    assert!(rules(&r).is_empty(), "{:?}", rules(&r));
}

#[test]
fn leave_end_not_before_start() {
    only(
        valid().den_ngay("20250309"),
        "xml11.den_ngay.order",
        "DEN_NGAY",
    );
    let r = valid().so_ngay_nghi("1").den_ngay("20250310").build();
    assert!(rules(&r.expect("one day")).is_empty());
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
    for el in COPIED_FROM_XML1 {
        let copied = b.peek().get(el).unwrap().wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(copied, summary.get(el).unwrap().wire(), "{el}");
    }
    assert_eq!(b.peek().ma_the_bhyt.value().unwrap().len(), 2);
}

#[test]
fn debug_output_redacts_personal_data() {
    let s = format!("{:?}", valid().build().unwrap());
    for secret in [
        "0123456789",
        "DN4797912345678",
        "Sữa Việt Nam",
        "KCB2025001",
    ] {
        assert!(!s.contains(secret), "{secret} in {s}");
    }
    assert!(s.contains("LK2503100001") && s.contains("CT07"), "{s}");
}
