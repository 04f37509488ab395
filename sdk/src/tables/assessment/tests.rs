use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, debug_hides, each_copied, each_only, each_required_is_required, only,
};
use crate::tables::Summary;
use crate::types::codes;

/// A first assessment after an occupational accident.
fn valid() -> AssessmentBuilder {
    Assessment::builder()
        .nguoi_chu_tri("Nguyễn Văn Bảo")
        .chuc_vu("1")
        .ngay_hop("20250320")
        .ho_ten("TRẦN VĂN CƯỜNG")
        .ngay_sinh("19700305")
        .so_cccd("001070001234")
        .ngay_cap_cccd("20210415")
        .noi_cap_cccd("Cục Cảnh sát QLHC về TTXH")
        .dia_chi("Số 5 Hàng Bài, Hoàn Kiếm, Hà Nội")
        .matinh_cu_tru("01")
        .mahuyen_cu_tru("002")
        .maxa_cu_tru("00070")
        .ma_bhxh("0112345678")
        .ma_the_bhyt("DN4010112345678")
        .nghe_nghiep("Công nhân cơ khí")
        .dien_thoai("0912345678")
        .ma_doi_tuong("TNLĐ")
        .kham_giam_dinh("1")
        .so_bien_ban("BB-125/2025")
        .dang_huong_che_do("4")
        .ngay_chung_tu("20250320")
        .so_giay_gioi_thieu("GT-77/2025")
        .ngay_de_nghi("20250301")
        .ma_donvi("DV01234")
        .gioi_thieu_cua("Công ty TNHH Cơ khí Hà Nội")
        .ket_qua_kham("Gãy xương cẳng chân phải đã liền xương")
        .so_van_ban_can_cu("56/2017/TT-BYT")
        .tyle_ttct_moi("21")
        .tong_tyle_ttct("21")
        .de_nghi("Giải quyết chế độ tai nạn lao động")
        .duoc_xacdinh("Tỷ lệ tổn thương cơ thể 21%")
}

#[test]
fn valid_assessment_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.so_cccd.value().unwrap().as_str(), "001070001234");
    assert_eq!(r.ma_bhxh.value().unwrap().as_str(), "0112345678");
    assert_eq!(r.dien_thoai.wire(), "0912345678");
    assert_eq!(r.maxa_cu_tru.wire(), "00070");
    let doi_tuong = r.ma_doi_tuong.value().unwrap();
    assert_eq!(doi_tuong.items(), &[codes::MaDoiTuongGd::Tnld]);
    assert_eq!(r.tong_tyle_ttct.value().unwrap().get(), 21);
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().so_cccd(""), "field.required", "SO_CCCD");
    // XML12 has no MA_LK: the path is the table and the element.
    let f = valid().so_cccd("").build().unwrap_err();
    assert_eq!(
        (f.0[0].path.as_str(), f.0[0].ma_lk.as_deref()),
        ("XML12/SO_CCCD", None)
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
            (valid().ngay_hop("20250230"), "NGAY_HOP"),
            (valid().ma_the_bhyt("DN0010112345678"), "MA_THE_BHYT"),
            (valid().ma_bhxh("01123456"), "MA_BHXH"),
            (valid().so_cccd("001 070 001"), "SO_CCCD"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().dien_thoai("0912345678123456"), "DIEN_THOAI"),
            (valid().dang_huong_che_do("1;4;5"), "DANG_HUONG_CHE_DO"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().chuc_vu("3"), "CHUC_VU"),
            (valid().kham_giam_dinh("9"), "KHAM_GIAM_DINH"),
            (valid().ma_doi_tuong("TNLĐ;XYZ"), "MA_DOI_TUONG"),
        ],
    );
}

#[test]
fn meeting_not_before_birth() {
    only(
        valid().ngay_sinh("20250321"),
        "xml12.ngay_hop.order",
        "NGAY_HOP",
    );
    // Birth year only: nothing to compare.
    builds_clean(valid().ngay_sinh("19700000"));
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ho_ten("TRẦN VĂN CƯỜNG")
        .dia_chi("Số 5 Hàng Bài, Hoàn Kiếm, Hà Nội")
        .matinh_cu_tru("01")
        .mahuyen_cu_tru("002")
        .maxa_cu_tru("00070")
        .dien_thoai("0912345678")
        .build_unchecked();
    let b = AssessmentBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    assert_eq!(b.peek().dien_thoai.wire(), "0912345678");
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &[
            "TRẦN",
            "001070001234",
            "0112345678",
            "0912345678",
            "1970",
            "Hàng Bài",
        ],
    );
    assert!(
        s.contains("20250320") && s.contains("KHAM_GIAM_DINH: \"1\""),
        "{s}"
    );
}
