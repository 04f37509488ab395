use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, debug_hides, each_copied, each_only, each_required_is_required, only,
};
use crate::tables::Summary;
use crate::types::codes;

/// Summary of a five-day inpatient stay for pneumonia.
fn valid() -> RecordSummaryBuilder {
    RecordSummary::builder()
        .ma_lk("LK2503100001")
        .ma_loai_kcb("03")
        .ho_ten_me("ĐỖ THỊ LAN")
        .ngay_vao("202503100800")
        .ngay_ra("202503151000")
        .chan_doan_vao("Viêm phổi")
        .chan_doan_rv("Viêm phổi, không xác định")
        .qt_benhly("Sốt cao, ho đờm 3 ngày trước vào viện")
        .tomtat_kq("X-quang: đám mờ đáy phổi phải")
        .pp_dieutri("Nội khoa: kháng sinh")
        .ket_qua_dtri("1")
        .ma_ttdv("0101234567")
        .ngay_ct("20250315")
        .ma_the_tam("TE1790000001234")
}

#[test]
fn valid_summary_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.ma_loai_kcb.wire(), "03");
    assert_eq!(r.ma_loai_kcb.value(), Some(&codes::MaLoaiKcb::NoiTru));
    assert_eq!(r.ket_qua_dtri.value(), Some(&codes::KetQuaDtri::Khoi));
    assert_eq!(r.ma_ttdv.value().unwrap().as_str(), "0101234567");
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().qt_benhly(""), "field.required", "QT_BENHLY");
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
            (valid().ngay_ra("202502301000"), "NGAY_RA"),
            (valid().ngay_sinhcon("20250132"), "NGAY_SINHCON"),
            (valid().so_conchet("1a"), "SO_CONCHET"),
            (valid().ma_the_tam("TE6790000001234"), "MA_THE_TAM"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().ma_ttdv("1".repeat(256).as_str()), "MA_TTDV"),
            (valid().ho_ten_me("Đ".repeat(256).as_str()), "HO_TEN_ME"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().ma_loai_kcb("3"), "MA_LOAI_KCB"),
            (valid().ket_qua_dtri("0"), "KET_QUA_DTRI"),
        ],
    );
}

#[test]
fn discharge_not_before_admission() {
    only(
        valid().ngay_ra("202503092300"),
        "xml8.ngay_ra.order",
        "NGAY_RA",
    );
    builds_clean(valid().ngay_ra("202503100800"));
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_loai_kcb("04")
        .ngay_vao("202503100800")
        .ngay_ra("202503101700")
        .chan_doan_vao("Đau bụng")
        .chan_doan_rv("Viêm dạ dày cấp")
        .ket_qua_dtri("2")
        .ghi_chu("Tái khám sau 1 tuần")
        .ma_ttdv("0101234567")
        .build_unchecked();
    let b = RecordSummaryBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    let r = b
        .qt_benhly("Đau thượng vị")
        .tomtat_kq("Nội soi: viêm niêm mạc")
        .pp_dieutri("Nội khoa")
        .ngay_ct("20250310")
        .build()
        .expect("from XML1");
    assert_eq!(
        r.ma_loai_kcb.value(),
        Some(&codes::MaLoaiKcb::NoiTruBanNgay)
    );
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &["ĐỖ THỊ", "TE1790000001234", "Viêm phổi", "X-quang"],
    );
    assert!(
        s.contains("LK2503100001") && s.contains("0101234567"),
        "{s}"
    );
}
