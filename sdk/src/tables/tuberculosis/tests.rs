use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, debug_hides, each_copied, each_only, each_required_is_required, only,
};
use crate::tables::Summary;
use crate::types::codes;

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

#[test]
fn valid_record_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.so_cccd.value().unwrap().as_str(), "001085000123");
    assert_eq!(r.phacdo_dtri_lao.value(), Some(&codes::PhacDoDtriLao::A2));
    assert_eq!(r.loai_dtri_lao.value(), Some(&codes::LoaiDtriLao::Lao));
    assert_eq!(r.ngaybd_dtri_lao.value().unwrap().month(), 1);
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
    each_required_is_required(&valid(), Layout::Qd4750, &[]);
}

#[test]
fn malformed_values_are_format_errors() {
    each_only(
        "field.format",
        [
            (valid().ngaybd_dtri_lao("20250230"), "NGAYBD_DTRI_LAO"),
            (valid().ma_cskcb("79-24"), "MA_CSKCB"),
            (valid().so_cccd("001085_000123"), "SO_CCCD"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().stt("12345678901"), "STT"),
            (valid().ho_ten("A".repeat(256).as_str()), "HO_TEN"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().phacdo_dtri_lao("28"), "PHACDO_DTRI_LAO"),
            (valid().phanloai_lao_kt("7"), "PHANLOAI_LAO_KT"),
            (valid().ket_qua_dtri_lao("0"), "KET_QUA_DTRI_LAO"),
        ],
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
        builds_clean(valid().ngaykt_dtri_lao(ok));
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
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
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
    let s = debug_hides(&valid(), &["NGUYỄN", "001085000123", "BN0001234"]);
    assert!(s.contains("LK2503100001") && s.contains("20250630"), "{s}");
}
