use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, builds_without, cleared, debug_hides, each_copied, each_only,
    each_required_is_required, only,
};
use crate::tables::Summary;
use crate::types::codes;

/// Discharge of a newborn's mother, with the parents' details and no outpatient leave.
fn valid() -> DischargePaperBuilder {
    DischargePaper::builder()
        .ma_lk("LK2503100001")
        .so_luu_tru("LT2025/00123")
        .ma_yte("0123456789")
        .ma_khoa_rv("K19")
        .ngay_vao("202503100800")
        .ngay_ra("202503151000")
        .ma_dinh_chi_thai("0")
        .chan_doan_rv("Viêm phổi, không xác định")
        .pp_dieutri("Nội khoa: kháng sinh, hạ sốt")
        .ma_ttdv("0101234567")
        .ma_bs("001234/HCM-CCHN")
        .ten_bs("Lê Thị Hoa")
        .ngay_ct("20250315")
        .ma_cha("0123456788")
        .ma_me("0123456787")
        .ma_the_tam("TE1790000001234")
        .ho_ten_cha("PHẠM VĂN HÙNG")
        .ho_ten_me("ĐỖ THỊ LAN")
}

fn leave() -> DischargePaperBuilder {
    valid()
        .so_ngay_nghi("7")
        .ngoaitru_tungay("20250316")
        .ngoaitru_denngay("20250322")
}

#[test]
fn valid_paper_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.ma_cha.value().unwrap().as_str(), "0123456788");
    assert_eq!(r.ma_the_tam.value().unwrap().benefit_level(), 1);
    assert_eq!(r.ma_dinh_chi_thai.value(), Some(&codes::Bit::Khong));
    assert_eq!(r.ngay_ct.value().unwrap().day(), 15);
    assert!(leave().build().is_ok());
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ten_bs(""), "field.required", "TEN_BS");
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
            (valid().ngay_ct("20250230"), "NGAY_CT"),
            (valid().ma_the_tam("TE0790000001234"), "MA_THE_TAM"),
            (valid().ma_cha("012345678"), "MA_CHA"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (
                valid().chan_doan_rv("x".repeat(1501).as_str()),
                "CHAN_DOAN_RV",
            ),
            // QĐ 3176 (the default pack) allows 3 digits; QĐ 4750 allowed 2.
            (leave().so_ngay_nghi("1000"), "SO_NGAY_NGHI"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    only(
        valid().ma_dinh_chi_thai("2"),
        "field.unknown_code",
        "MA_DINH_CHI_THAI",
    );
}

#[test]
fn terminated_pregnancy_needs_cause_time_and_age() {
    let terminated = valid()
        .ma_dinh_chi_thai("1")
        .nguyennhan_dinhchi("Thai lưu")
        .thoigian_dinhchi("202503121000")
        .tuoi_thai("12");
    for (rule, field) in [
        ("xml7.nguyennhan_dinhchi.required", "NGUYENNHAN_DINHCHI"),
        ("xml7.thoigian_dinhchi.required", "THOIGIAN_DINHCHI"),
        ("xml7.tuoi_thai.required", "TUOI_THAI"),
    ] {
        only(cleared(&terminated, field), rule, field);
    }
    builds_clean(terminated);
    // MA_DINH_CHI_THAI = 0: none of them is needed.
    assert!(valid().build().unwrap().tuoi_thai.is_absent());
}

#[test]
fn discharge_not_before_admission() {
    only(
        valid().ngay_ra("202503100759"),
        "xml7.ngay_ra.order",
        "NGAY_RA",
    );
    assert!(valid().ngay_ra("202503100800").build().is_ok());
}

#[test]
fn outpatient_leave_end_not_before_start() {
    only(
        leave().ngoaitru_denngay("20250315"),
        "xml7.ngoaitru_denngay.order",
        "NGOAITRU_DENNGAY",
    );
    assert!(leave().ngoaitru_denngay("20250316").build().is_ok());
}

#[test]
fn outpatient_leave_is_all_or_none() {
    for field in ["SO_NGAY_NGHI", "NGOAITRU_TUNGAY", "NGOAITRU_DENNGAY"] {
        only(
            cleared(&leave(), field),
            "xml7.outpatient_leave.all_or_none",
            "SO_NGAY_NGHI",
        );
    }
    only(
        valid().ngoaitru_tungay("20250316"),
        "xml7.outpatient_leave.all_or_none",
        "SO_NGAY_NGHI",
    );
    builds_without(leave(), "xml7.outpatient_leave.all_or_none");
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ngay_vao("202503100800")
        .ngay_ra("202503151000")
        .chan_doan_rv("Viêm phổi, không xác định")
        .ma_ttdv("0101234567")
        .build_unchecked();
    let b = DischargePaperBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    let r = b
        .so_luu_tru("LT2025/00123")
        .ma_yte("0123456789")
        .ma_khoa_rv("K19")
        .pp_dieutri("Nội khoa")
        .ma_bs("001234/HCM-CCHN")
        .ten_bs("Lê Thị Hoa")
        .ngay_ct("20250315")
        .build()
        .expect("paper from XML1");
    assert_eq!(r.ngay_ra.wire(), "202503151000");
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &[
            "PHẠM",
            "ĐỖ THỊ",
            "0123456788",
            "TE1790000001234",
            "Viêm phổi",
        ],
    );
    assert!(s.contains("LK2503100001") && s.contains("K19"), "{s}");
}
