use super::*;
use crate::record::{Record, Req};
use crate::tables::Summary;
use crate::types::DateOrDateTime;
use crate::validate::{check_record, Findings, RuleCtx};

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

/// Asserts that the build fails with exactly one finding: `rule` at `field`.
fn only(b: ReexamBuilder, rule: &str, field: &str) {
    let f = b.build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

fn clean(r: Result<Reexam, Findings>) -> bool {
    check_record(&r.expect("valid appointment"), &RuleCtx::default()).is_empty()
}

#[test]
fn valid_appointment_builds_and_keeps_wire_forms() {
    let r = valid().build().expect("valid appointment");
    assert!(matches!(
        r.ngay_hen_kl.value(),
        Some(DateOrDateTime::Date(_))
    ));
    assert_eq!(r.ngay_hen_kl.wire(), "20250322");
    assert_eq!(r.ma_cskcb.value().unwrap().as_str(), "79024");
    assert_eq!(r.ma_bac_si.value().unwrap().len(), 1);
    assert!(clean(valid().build()));
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
    for spec in Reexam::FIELDS.iter().filter(|s| s.required == Req::Yes) {
        let mut b = valid();
        b.set(spec.element, "").unwrap();
        only(b, "field.required", spec.element);
    }
}

#[test]
fn malformed_values_are_format_errors() {
    only(
        valid().ngay_hen_kl("20250230"),
        "field.format",
        "NGAY_HEN_KL",
    );
    only(
        valid().ngay_hen_kl("2025032207"),
        "field.format",
        "NGAY_HEN_KL",
    );
    only(
        valid().ma_the_bhyt("HC4797912345678;"),
        "field.format",
        "MA_THE_BHYT",
    );
    only(
        valid().ngay_sinh("198504152500"),
        "field.format",
        "NGAY_SINH",
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    only(
        valid().ma_doituong_kcb("1.1.1.1.1.1"),
        "field.max_length",
        "MA_DOITUONG_KCB",
    );
    only(
        valid().ma_ttdv("01012345678"),
        "field.max_length",
        "MA_TTDV",
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
    assert!(clean(valid().ngay_hen_kl("20250315").build()));
    assert!(clean(valid().ngay_hen_kl("202503150900").build()));
}

#[test]
fn document_date_not_before_admission() {
    only(
        valid().ngay_ct("20250309"),
        "xml14.ngay_ct.order",
        "NGAY_CT",
    );
    assert!(clean(valid().ngay_ct("20250310").build()));
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
    for el in COPIED_FROM_XML1 {
        let copied = b.peek().get(el).unwrap().wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(copied, summary.get(el).unwrap().wire(), "{el}");
    }
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
    let s = format!("{:?}", valid().build().unwrap());
    for secret in ["NGUYỄN", "HC4797912345678", "1985", "Lê Lợi", "GH-0456"] {
        assert!(!s.contains(secret), "{secret} in {s}");
    }
    assert!(s.contains("LK2503100001") && s.contains("20250322"), "{s}");
}
