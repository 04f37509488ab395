use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, builds_without, debug_hides, each_copied, each_only, each_required_is_required,
    only,
};
use crate::tables::Summary;
use crate::types::codes;

/// A single live birth at a maternity hospital.
fn valid() -> BirthCertificateBuilder {
    BirthCertificate::builder()
        .ma_lk("LK2503100001")
        .ma_bhxh_nnd("0795123456")
        .ma_the_nnd("GD4797912345678")
        .ho_ten_nnd("ĐỖ THỊ LAN")
        .ngaysinh_nnd("19950512")
        .ma_dantoc_nnd("01")
        .so_cccd_nnd("079195000789")
        .ngaycap_cccd_nnd("20210610")
        .noicap_cccd_nnd("Cục Cảnh sát QLHC về TTXH")
        .noi_cu_tru_nnd("Số 12 Lê Lợi, Quận 1, TP Hồ Chí Minh")
        .ma_quoctich("000")
        .matinh_cu_tru("79")
        .mahuyen_cu_tru("760")
        .maxa_cu_tru("26740")
        .ho_ten_cha("PHẠM VĂN HÙNG")
        .ma_the_tam("TE1790000001234")
        .ho_ten_con("PHẠM MINH KHANG")
        .gioi_tinh_con("1")
        .so_con("1")
        .lan_sinh("2")
        .so_con_song("1")
        .can_nang_con("3200")
        .ngay_sinh_con("202503120835")
        .noi_sinh_con("Bệnh viện Từ Dũ")
        .tinh_trang_con("Khỏe mạnh")
        .sinhcon_phauthuat("0")
        .sinhcon_duoi32tuan("0")
        .ghi_chu("Không")
        .nguoi_do_de("Nguyễn Thị Mai")
        .nguoi_ghi_phieu("Trần Văn Bình")
        .ngay_ct("20250313")
        .so("000123")
        .quyen_so("05/2025")
        .ma_ttdv("0101234567")
}

#[test]
fn valid_certificate_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.ma_bhxh_nnd.value().unwrap().as_str(), "0795123456");
    assert_eq!(r.so_cccd_nnd.value().unwrap().as_str(), "079195000789");
    assert_eq!(r.so.wire(), "000123");
    assert_eq!(r.can_nang_con.value().unwrap().get(), 3200.into());
    assert_eq!(r.gioi_tinh_con.value(), Some(&codes::GioiTinh::Nam));
    assert_eq!(r.sinhcon_phauthuat.value(), Some(&codes::Bit::Khong));
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().so_cccd_nnd(""), "field.required", "SO_CCCD_NND");
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
            (valid().ngaycap_cccd_nnd("20210230"), "NGAYCAP_CCCD_NND"),
            (valid().ma_the_nnd("GD0797912345678"), "MA_THE_NND"),
            (valid().ma_bhxh_nnd("79512345"), "MA_BHXH_NND"),
            (valid().can_nang_con("3,2"), "CAN_NANG_CON"),
            (valid().ngaysinh_nnd("19951300"), "NGAYSINH_NND"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().so_con("100"), "SO_CON"),
            (valid().ma_dantoc_nnd("001"), "MA_DANTOC_NND"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().gioi_tinh_con("4"), "GIOI_TINH_CON"),
            (valid().sinhcon_duoi32tuan("2"), "SINHCON_DUOI32TUAN"),
        ],
    );
}

#[test]
fn child_not_born_before_mother() {
    only(
        valid().ngaysinh_nnd("20250313"),
        "xml9.ngay_sinh_con.order",
        "NGAY_SINH_CON",
    );
    // A mother's birth date without month and day cannot be compared.
    builds_without(valid().ngaysinh_nnd("19950000"), "xml9.ngay_sinh_con.order");
}

#[test]
fn living_children_not_more_than_born() {
    only(
        valid().so_con_song("2"),
        "xml9.so_con_song.range",
        "SO_CON_SONG",
    );
    builds_without(
        valid().so_con("2").so_con_song("2"),
        "xml9.so_con_song.range",
    );
    builds_clean(valid().so_con("2").so_con_song("1"));
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_quoctich("000")
        .matinh_cu_tru("01")
        .mahuyen_cu_tru("001")
        .maxa_cu_tru("00001")
        .ma_ttdv("0101234567")
        .build_unchecked();
    let b = BirthCertificateBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    assert_eq!(b.peek().maxa_cu_tru.wire(), "00001");
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &[
            "ĐỖ THỊ",
            "079195000789",
            "0795123456",
            "PHẠM",
            "1995",
            "Từ Dũ",
        ],
    );
    assert!(
        s.contains("LK2503100001") && s.contains("202503120835"),
        "{s}"
    );
}
