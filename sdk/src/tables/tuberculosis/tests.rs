use super::*;
use crate::record::{Record, Req};
use crate::tables::Summary;
use crate::types::codes;
use crate::validate::{check_record, RuleCtx};

/// A new drug-sensitive pulmonary TB patient co-infected with HIV.
fn valid() -> TbRecordBuilder {
    TbRecord::builder()
        .ma_lk("LK2503100001")
        .stt("1")
        .ma_bn("BN0001234")
        .ho_ten("NGUYỄN VĂN AN")
        .so_cccd("001085000123")
        .phanloai_lao_vitri("1")
        .phanloai_lao_ts("1")
        .phanloai_lao_hiv("1")
        .phanloai_lao_vk("1")
        .phanloai_lao_kt("1")
        .loai_dtri_lao("2")
        .ngaybd_dtri_lao("20250101")
        .phacdo_dtri_lao("2")
        .ngaykt_dtri_lao("20250630")
        .ket_qua_dtri_lao("2")
        .ma_cskcb("79024")
        .ngaykd_hiv("20200115")
        .bddt_arv("20200201")
        .ngay_bat_dau_dt_ctx("20200201")
}

/// Asserts that the build fails with exactly one finding: `rule` at `field`.
fn only(b: TbRecordBuilder, rule: &str, field: &str) {
    let f = b.build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

#[test]
fn valid_record_builds_and_keeps_wire_forms() {
    let r = valid().build().expect("valid record");
    assert_eq!(r.so_cccd.value().unwrap().as_str(), "001085000123");
    assert_eq!(r.phacdo_dtri_lao.value(), Some(&codes::PhacDoDtriLao::A2));
    assert_eq!(r.loai_dtri_lao.value(), Some(&codes::LoaiDtriLao::Lao));
    assert_eq!(r.ngaybd_dtri_lao.value().unwrap().month(), 1);
    assert!(check_record(&r, &RuleCtx::default()).is_empty());
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(
        valid().phacdo_dtri_lao(""),
        "field.required",
        "PHACDO_DTRI_LAO",
    );
}

#[test]
fn every_mandatory_element_is_required() {
    for spec in TbRecord::FIELDS.iter().filter(|s| s.required == Req::Yes) {
        let mut b = valid();
        b.set(spec.element, "").unwrap();
        only(b, "field.required", spec.element);
    }
}

#[test]
fn malformed_values_are_format_errors() {
    only(
        valid().ngaybd_dtri_lao("20250230"),
        "field.format",
        "NGAYBD_DTRI_LAO",
    );
    only(valid().ma_cskcb("79-24"), "field.format", "MA_CSKCB");
    only(valid().so_cccd("001085_000123"), "field.format", "SO_CCCD");
}

#[test]
fn oversized_values_are_max_length_errors() {
    only(valid().stt("12345678901"), "field.max_length", "STT");
    only(
        valid().ho_ten("A".repeat(256).as_str()),
        "field.max_length",
        "HO_TEN",
    );
}

#[test]
fn unknown_codes_are_reported() {
    only(
        valid().phacdo_dtri_lao("28"),
        "field.unknown_code",
        "PHACDO_DTRI_LAO",
    );
    only(
        valid().phanloai_lao_kt("7"),
        "field.unknown_code",
        "PHANLOAI_LAO_KT",
    );
    only(
        valid().ket_qua_dtri_lao("0"),
        "field.unknown_code",
        "KET_QUA_DTRI_LAO",
    );
}

#[test]
fn treatment_end_not_before_start() {
    only(
        valid().ngaykt_dtri_lao("20241231"),
        "xml15.ngaykt_dtri_lao.order",
        "NGAYKT_DTRI_LAO",
    );
    for ok in ["20250101", ""] {
        let r = valid().ngaykt_dtri_lao(ok).build().expect("end date ok");
        assert!(check_record(&r, &RuleCtx::default()).is_empty(), "{ok}");
    }
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_bn("BN0001234")
        .ho_ten("NGUYỄN VĂN AN")
        .so_cccd("001085000123")
        .ma_cskcb("79024")
        .build_unchecked();
    let b = TbRecordBuilder::for_episode(&summary);
    for el in COPIED_FROM_XML1 {
        let copied = b.peek().get(el).unwrap().wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(copied, summary.get(el).unwrap().wire(), "{el}");
    }
    let r = b
        .phanloai_lao_vitri("2")
        .phanloai_lao_ts("1")
        .phanloai_lao_hiv("2")
        .phanloai_lao_vk("2")
        .phanloai_lao_kt("1")
        .loai_dtri_lao("2")
        .ngaybd_dtri_lao("20250101")
        .phacdo_dtri_lao("1")
        .ket_qua_dtri_lao("1")
        .bddt_arv("20200201")
        .ngay_bat_dau_dt_ctx("20200201")
        .build()
        .expect("from XML1");
    assert_eq!(r.so_cccd.value().unwrap().as_str(), "001085000123");
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = format!("{:?}", valid().build().unwrap());
    for secret in ["NGUYỄN", "001085000123", "BN0001234"] {
        assert!(!s.contains(secret), "{secret} in {s}");
    }
    assert!(s.contains("LK2503100001") && s.contains("20250630"), "{s}");
}
