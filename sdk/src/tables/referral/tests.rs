use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, debug_hides, each_copied, each_only, each_required_is_required, only,
};
use crate::tables::Summary;
use crate::types::codes;

/// An inpatient transferred to a higher-level hospital (QĐ 4750 layout).
fn valid() -> ReferralBuilder {
    Referral::builder()
        .ma_lk("LK2503100001")
        .so_hoso("HS2503100001")
        .so_chuyentuyen("CT-0123/2025")
        .giay_chuyen_tuyen("GCT0123")
        .ma_cskcb("79024")
        .ma_noi_di("79024")
        .ma_noi_den("79001")
        .ho_ten("NGUYỄN VĂN AN")
        .ngay_sinh("198504150000")
        .gioi_tinh("1")
        .ma_quoctich("000")
        .ma_dantoc("01")
        .dia_chi("Số 12 Lê Lợi, Quận 1, TP Hồ Chí Minh")
        .ma_the_bhyt("HC4797912345678")
        .gt_the_den("20251231")
        .ngay_vao("202503100800")
        .ngay_vao_noi_tru("202503100900")
        .ngay_ra("202503121000")
        .dau_hieu_ls("Khó thở, SpO2 88%")
        .chan_doan_rv("Viêm phổi nặng")
        .qt_benhly("Sốt cao, ho đờm, khó thở tăng dần")
        .tomtat_kq("X-quang: đám mờ hai phế trường")
        .ma_benh_chinh("J18.9")
        .ma_benh_kt("I10;E11.9")
        .ten_dich_vu("Chụp X-quang ngực thẳng")
        .ma_loai_rv("2")
        .ma_lydo_ct("2")
        .huong_dieu_tri("Tiếp tục điều trị tại tuyến trên")
        .phuongtien_vc("Xe cứu thương")
        .ma_bac_si("001234/HCM-CCHN")
        .ma_ttdv("0101234567")
}

/// The same referral in the QĐ 3176 layout (renamed and removed elements).
fn valid_3176() -> ReferralBuilder {
    valid()
        .layout(Layout::Qd3176)
        .ma_noi_di("")
        .ma_noi_den("")
        .ten_dich_vu("")
        .ma_cskcb_di("79024")
        .ma_cskcb_den("79001")
        .tinh_trang_ct("Tỉnh, thở oxy qua mask")
}

#[test]
fn valid_referral_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.ma_noi_den.value().unwrap().as_str(), "79001");
    assert_eq!(r.ma_lydo_ct.value(), Some(&codes::MaLydoCt::VuotKhaNang));
    assert_eq!(r.ma_benh_kt.wire(), "I10;E11.9");
    assert_eq!(r.layout, Layout::Qd4750);
    let r = valid_3176().build().expect("valid 3176 referral");
    assert_eq!(r.ma_cskcb_di.value().unwrap().items()[0].as_str(), "79024");
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ma_lydo_ct(""), "field.required", "MA_LYDO_CT");
}

#[test]
fn every_mandatory_element_is_required_in_its_layout() {
    // TOMTAT_KQ: the sheet marks it `x` but its own VALID note makes it optional (errata).
    each_required_is_required(&valid(), Layout::Qd4750, &["TOMTAT_KQ"]);
    each_required_is_required(&valid_3176(), Layout::Qd3176, &["TOMTAT_KQ"]);
}

#[test]
fn tomtat_kq_is_optional_per_the_sheets_own_note() {
    assert!(valid().tomtat_kq("").build().is_ok());
}

#[test]
fn ten_dich_vu_is_required_only_in_the_4750_layout() {
    only(valid().ten_dich_vu(""), "field.required", "TEN_DICH_VU");
    let r = valid_3176().build().unwrap();
    assert!(r.ten_dich_vu.is_absent());
}

#[test]
fn malformed_values_are_format_errors() {
    each_only(
        "field.format",
        [
            (valid().gt_the_den("20251231;20250230"), "GT_THE_DEN"),
            (valid().ma_the_bhyt("HC479791234567"), "MA_THE_BHYT"),
            (valid().ma_benh_chinh("J18."), "MA_BENH_CHINH"),
            (valid_3176().ma_cskcb_di("79024;7901"), "MA_CSKCB_DI"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (
                valid().phuongtien_vc("x".repeat(256).as_str()),
                "PHUONGTIEN_VC",
            ),
            (valid().so_hoso("9".repeat(101).as_str()), "SO_HOSO"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().ma_lydo_ct("4"), "MA_LYDO_CT"),
            (valid().ma_loai_rv("6"), "MA_LOAI_RV"),
        ],
    );
}

#[test]
fn discharge_and_inpatient_admission_not_before_arrival() {
    only(
        valid().ngay_ra("202503100759").ngay_vao_noi_tru(""),
        "xml13.ngay_ra.order",
        "NGAY_RA",
    );
    only(
        valid().ngay_vao_noi_tru("202503100700"),
        "xml13.ngay_vao_noi_tru.order",
        "NGAY_VAO_NOI_TRU",
    );
    builds_clean(
        valid()
            .ngay_vao_noi_tru("202503100800")
            .ngay_ra("202503100800"),
    );
}

#[test]
fn for_episode_copies_the_shared_elements_of_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_cskcb("79024")
        .ma_noi_di("79030")
        .ma_noi_den("79001")
        .ho_ten("NGUYỄN VĂN AN")
        .ngay_sinh("198504150000")
        .gioi_tinh("1")
        .ma_quoctich("000")
        .ma_dantoc("01")
        .ma_nghe_nghiep("00")
        .dia_chi("Số 12 Lê Lợi, Quận 1")
        .ma_the_bhyt("HC4797912345678;HC4797912345679")
        .gt_the_den("20250630;20251231")
        .ngay_vao("202503100800")
        .ngay_vao_noi_tru("202503100900")
        .ngay_ra("202503121000")
        .chan_doan_rv("Viêm phổi nặng")
        .ma_benh_chinh("J18.9")
        .ma_benh_kt("I10;E11.9")
        .ma_benh_yhct("U62.411")
        .pp_dieu_tri("Nội khoa")
        .ma_loai_rv("2")
        .ma_ttdv("0101234567")
        .build_unchecked();
    let b = ReferralBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    assert_eq!(b.peek().gt_the_den.value().unwrap().len(), 2);
    // Under QĐ 3176 the facilities move to the renamed elements and no 4750 element is set.
    let b = ReferralBuilder::for_episode_in(&summary, Layout::Qd3176);
    assert_eq!(b.peek().ma_cskcb_di.wire(), "79030");
    assert_eq!(b.peek().ma_cskcb_den.wire(), "79001");
    assert!(
        b.peek().ma_noi_di.is_absent()
            && b.peek().ma_noi_den.is_absent()
            && b.peek().pp_dieu_tri.is_absent()
    );
    assert_eq!(b.peek().layout, Layout::Qd3176);
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &[
            "NGUYỄN",
            "HC4797912345678",
            "1985",
            "Lê Lợi",
            "SpO2",
            "GCT0123",
        ],
    );
    assert!(s.contains("LK2503100001") && s.contains("J18.9"), "{s}");
}
