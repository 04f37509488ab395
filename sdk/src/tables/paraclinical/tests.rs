use super::*;
use crate::record::{Record, Req};
use crate::tables::Summary;
use crate::validate::{check_record, RuleCtx};

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
        .ket_luan("Đường huyết bình thường")
        .ngay_kq("202503100930")
        .ma_bs_doc_kq("004321/HCM-CCHN")
}

/// Asserts that the build fails with exactly one finding: `rule` at `field`.
fn only(b: ParaclinicalResultBuilder, rule: &str, field: &str) {
    let f = b.build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

fn rules(r: &ParaclinicalResult) -> Vec<&'static str> {
    check_record(r, &RuleCtx::default())
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn valid_result_builds_and_keeps_wire_forms() {
    let r = valid().build().expect("valid result");
    assert_eq!(r.stt.value().unwrap().get(), 1);
    assert_eq!(r.ma_chi_so.value().unwrap().as_str(), "GLU");
    assert_eq!(r.gia_tri.wire(), "5.6");
    assert_eq!(r.ngay_kq.value().unwrap().hour(), 9);
    assert!(rules(&r).is_empty(), "{:?}", rules(&r));
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ten_chi_so(""), "field.required", "TEN_CHI_SO");
}

#[test]
fn every_mandatory_element_is_required() {
    for spec in ParaclinicalResult::FIELDS
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
    only(valid().ngay_kq("202502300930"), "field.format", "NGAY_KQ");
    only(valid().stt("1.0"), "field.format", "STT");
    only(valid().ma_chi_so(" GLU"), "field.format", "MA_CHI_SO");
}

#[test]
fn oversized_values_are_max_length_errors() {
    only(
        valid().gia_tri("9".repeat(51).as_str()),
        "field.max_length",
        "GIA_TRI",
    );
    only(
        valid().ten_chi_so("G".repeat(256).as_str()),
        "field.max_length",
        "TEN_CHI_SO",
    );
}

#[test]
fn a_value_needs_its_result_time() {
    only(valid().ngay_kq(""), "xml4.ngay_kq.required", "NGAY_KQ");
    // A descriptive result without GIA_TRI needs no result time.
    let r = valid()
        .gia_tri("")
        .ngay_kq("")
        .mo_ta("Phổi hai bên sáng đều")
        .build()
        .expect("descriptive result");
    assert!(!rules(&r).contains(&"xml4.ngay_kq.required"));
}

#[test]
fn for_episode_copies_the_episode_key() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_bn("BN0001234")
        .build_unchecked();
    let b = ParaclinicalResultBuilder::for_episode(&summary);
    for el in COPIED_FROM_XML1 {
        let copied = b.peek().get(el).unwrap().wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(copied, summary.get(el).unwrap().wire(), "{el}");
    }
    let r = b.stt("1").ten_chi_so("Glucose").build().expect("from XML1");
    assert_eq!(r.ma_lk.wire(), "LK2503100001");
    assert!(r.ma_dich_vu.is_absent());
}

#[test]
fn debug_output_redacts_result_text() {
    let s = format!("{:?}", valid().build().unwrap());
    assert!(!s.contains("Đường huyết") && !s.contains("mmol"), "{s}");
    assert!(s.contains("[redacted]") && s.contains("GLU"), "{s}");
}
