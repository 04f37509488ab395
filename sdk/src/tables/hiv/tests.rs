use super::*;
use crate::record::Layout;
use crate::tables::test_support::{
    builds_clean, builds_without, cleared, debug_hides, each_copied, each_only,
    each_required_is_required, only,
};
use crate::tables::Summary;
use crate::types::codes;
use crate::validate::Findings;

/// An adult on first-line ARV, 90 days of drugs dispensed, no TB treatment.
fn valid() -> HivRecordBuilder {
    HivRecord::builder()
        .ma_lk("LK2503100001")
        .ma_the_bhyt("HC4797912345678")
        .so_cccd("001085000123")
        .ngay_sinh("198504150000")
        .gioi_tinh("1")
        .dia_chi("Số 12 Lê Lợi, Quận 1, TP Hồ Chí Minh")
        .matinh_cu_tru("79")
        .mahuyen_cu_tru("760")
        .maxa_cu_tru("26740")
        .ngaykd_hiv("20200115")
        .noi_lay_mau_xn("79024")
        .noi_xn_kd("79001")
        .noi_bddt_arv("79024")
        .bddt_arv("20200201")
        .ma_lydo_dtri("1")
        .loai_dtri_lao("0")
        .sang_loc_lao("2")
        .kq_dtri_lao("7")
        .ma_loai_bn("1")
        .giai_doan_lam_sang("1")
        .nhom_doi_tuong("11")
        .ma_tinh_trang_dk("9")
        .ma_xu_tri("1")
        .ngay_bat_dau_xu_tri("20250310")
        .ngay_ket_thuc_xu_tri("20250608")
        .ma_phac_do_dieu_tri("1a")
        .so_ngay_cap_thuoc_arv("90")
        .ngay_chuyen_phac_do("20240601")
        .ly_do_chuyen_phac_do("4")
        .ma_cskcb("79024")
}

/// (rule, field) of every finding of a failed build.
fn found(res: Result<HivRecord, Findings>) -> Vec<(&'static str, String)> {
    let f = res.expect_err("build should fail");
    f.0.iter()
        .map(|x| (x.rule, x.field.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn valid_record_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.so_cccd.value().unwrap().as_str(), "001085000123");
    assert_eq!(r.so_ngay_cap_thuoc_arv.value().unwrap().get(), 90);
    assert_eq!(r.loai_dtri_lao.value(), Some(&codes::LoaiDtriLao::Khong));
    assert_eq!(r.ma_xu_tri.value().unwrap().items(), &[codes::MaXuTri::Arv]);
    assert_eq!(r.noi_xn_kd.wire(), "79001");
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().noi_xn_kd(""), "field.required", "NOI_XN_KD");
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
            (
                valid().ngay_chuyen_phac_do("20240230"),
                "NGAY_CHUYEN_PHAC_DO",
            ),
            (valid().ma_the_bhyt("HC9797912345678"), "MA_THE_BHYT"),
            (valid().noi_bddt_arv("7902"), "NOI_BDDT_ARV"),
            (valid().ma_tinh_trang_dk("4;;6"), "MA_TINH_TRANG_DK"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (
                valid().so_ngay_cap_thuoc_arv("1000"),
                "SO_NGAY_CAP_THUOC_ARV",
            ),
            (
                valid().ma_tinh_trang_dk("2;3;4;5;6;7;8;9;2;3"),
                "MA_TINH_TRANG_DK",
            ),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().ma_loai_bn("6"), "MA_LOAI_BN"),
            (valid().ma_tinh_trang_dk("4;10"), "MA_TINH_TRANG_DK"),
            (valid().giai_doan_lam_sang("5"), "GIAI_DOAN_LAM_SANG"),
        ],
    );
}

#[test]
fn tb_treatment_needs_regimen_and_dates() {
    let got = found(valid().loai_dtri_lao("2").build());
    let want = [
        ("xml6.phacdo_dtri_lao.required", "PHACDO_DTRI_LAO"),
        ("xml6.ngaybd_dtri_lao.required", "NGAYBD_DTRI_LAO"),
        ("xml6.ngaykt_dtri_lao.required", "NGAYKT_DTRI_LAO"),
    ];
    assert_eq!(got, want.map(|(r, f)| (r, f.to_string())));
    builds_clean(
        valid()
            .loai_dtri_lao("1")
            .phacdo_dtri_lao("22")
            .ngaybd_dtri_lao("20250310")
            .ngaykt_dtri_lao("20250610"),
    );
}

#[test]
fn infants_need_pcr_results() {
    let got = found(valid().ma_tinh_trang_dk("1;2").build());
    let want = [
        ("xml6.lan_xn_pcr.required", "LAN_XN_PCR"),
        ("xml6.ngay_xn_pcr.required", "NGAY_XN_PCR"),
        ("xml6.ngay_kq_xn_pcr.required", "NGAY_KQ_XN_PCR"),
        ("xml6.ma_kq_xn_pcr.required", "MA_KQ_XN_PCR"),
    ];
    assert_eq!(got, want.map(|(r, f)| (r, f.to_string())));
    builds_clean(
        valid()
            .ma_tinh_trang_dk("1")
            .lan_xn_pcr("1")
            .ngay_xn_pcr("20250301")
            .ngay_kq_xn_pcr("20250305")
            .ma_kq_xn_pcr("0"),
    );
}

#[test]
fn arv_needs_course_dates_and_days_dispensed() {
    for (rule, field) in [
        ("xml6.ngay_bat_dau_xu_tri.required", "NGAY_BAT_DAU_XU_TRI"),
        ("xml6.ngay_ket_thuc_xu_tri.required", "NGAY_KET_THUC_XU_TRI"),
        (
            "xml6.so_ngay_cap_thuoc_arv.required",
            "SO_NGAY_CAP_THUOC_ARV",
        ),
    ] {
        only(cleared(&valid(), field), rule, field);
    }
    // Cotrimoxazole only: no ARV course.
    builds_clean(
        valid()
            .ma_xu_tri("4")
            .ngay_bat_dau_xu_tri("")
            .ngay_ket_thuc_xu_tri("")
            .so_ngay_cap_thuoc_arv(""),
    );
}

#[test]
fn other_regimen_needs_its_line() {
    only(
        valid().ma_phac_do_dieu_tri("KHAC"),
        "xml6.ma_bac_phac_do.required",
        "MA_BAC_PHAC_DO",
    );
    builds_without(
        valid().ma_phac_do_dieu_tri("KHAC").ma_bac_phac_do("2"),
        "xml6.ma_bac_phac_do.required",
    );
}

#[test]
fn arv_course_end_not_before_start() {
    only(
        valid().ngay_ket_thuc_xu_tri("20250309"),
        "xml6.ngay_ket_thuc_xu_tri.order",
        "NGAY_KET_THUC_XU_TRI",
    );
    // A one-day course is in order (its ARV days are another rule's business).
    let r = valid()
        .ngay_ket_thuc_xu_tri("20250310")
        .so_ngay_cap_thuoc_arv("0")
        .build();
    assert!(r.is_ok(), "one-day course is allowed");
}

#[test]
fn for_episode_copies_demographics_from_xml1() {
    let summary = Summary::builder()
        .ma_lk("LK2503100001")
        .ma_the_bhyt("HC4797912345678;HC4797912345679")
        .so_cccd("079190000456")
        .ngay_sinh("199000000000")
        .gioi_tinh("2")
        .dia_chi("Thôn 3, xã Tân Phú")
        .matinh_cu_tru("79")
        .mahuyen_cu_tru("783")
        .maxa_cu_tru("27640")
        .ma_cskcb("79024")
        .build_unchecked();
    let b = HivRecordBuilder::for_episode(&summary);
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
    assert_eq!(b.peek().ma_the_bhyt.value().unwrap().len(), 2);
    assert_eq!(b.peek().so_cccd.value().unwrap().as_str(), "079190000456");
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &["001085000123", "HC4797912345678", "1985", "Lê Lợi"],
    );
    assert!(s.contains("LK2503100001") && s.contains("79024"), "{s}");
}

#[test]
fn arv_days_fit_the_course() {
    // 10/03 to 08/06 is 90 days.
    only(
        valid().so_ngay_cap_thuoc_arv("91"),
        "xml6.so_ngay_cap_thuoc_arv.range",
        "SO_NGAY_CAP_THUOC_ARV",
    );
    builds_without(valid(), "xml6.so_ngay_cap_thuoc_arv.range");
}

#[test]
fn pcr_result_not_before_sample_and_cards_known() {
    let fired = |b: HivRecordBuilder| crate::tables::test_support::rules(&b.build_unchecked());
    let pcr = valid()
        .ma_tinh_trang_dk("1")
        .lan_xn_pcr("1")
        .ma_kq_xn_pcr("0")
        .ngay_xn_pcr("20250305");
    assert!(!fired(pcr.clone().ngay_kq_xn_pcr("20250305")).contains(&"xml6.ngay_kq_xn_pcr.order"));
    assert!(fired(pcr.ngay_kq_xn_pcr("20250304")).contains(&"xml6.ngay_kq_xn_pcr.order"));
    assert!(fired(valid().ma_the_bhyt("ZZ4797912345678")).contains(&"xml6.ma_the_bhyt.prefix"));
    assert!(!fired(valid().ma_the_bhyt("DN4797912345678")).contains(&"xml6.ma_the_bhyt.prefix"));
}
