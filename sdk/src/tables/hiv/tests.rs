use super::*;
use crate::record::{Record, Req};
use crate::tables::Summary;
use crate::types::codes;
use crate::validate::{check_record, Findings, RuleCtx};

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

/// Asserts that the build fails with exactly one finding: `rule` at `field`.
fn only(b: HivRecordBuilder, rule: &str, field: &str) {
    let f = b.build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

/// (rule, field) of every finding of a failed build.
fn found(res: Result<HivRecord, Findings>) -> Vec<(&'static str, String)> {
    let f = res.expect_err("build should fail");
    f.0.iter()
        .map(|x| (x.rule, x.field.clone().unwrap_or_default()))
        .collect()
}

fn rules(r: &HivRecord) -> Vec<&'static str> {
    check_record(r, &RuleCtx::default())
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn valid_record_builds_and_keeps_wire_forms() {
    let r = valid().build().expect("valid record");
    assert_eq!(r.so_cccd.value().unwrap().as_str(), "001085000123");
    assert_eq!(r.so_ngay_cap_thuoc_arv.value().unwrap().get(), 90);
    assert_eq!(r.loai_dtri_lao.value(), Some(&codes::LoaiDtriLao::Khong));
    assert_eq!(r.ma_xu_tri.value().unwrap().items(), &[codes::MaXuTri::Arv]);
    assert_eq!(r.noi_xn_kd.wire(), "79001");
    assert!(rules(&r).is_empty(), "{:?}", rules(&r));
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().noi_xn_kd(""), "field.required", "NOI_XN_KD");
}

#[test]
fn every_mandatory_element_is_required() {
    for spec in HivRecord::FIELDS.iter().filter(|s| s.required == Req::Yes) {
        let mut b = valid();
        b.set(spec.element, "").unwrap();
        only(b, "field.required", spec.element);
    }
}

#[test]
fn malformed_values_are_format_errors() {
    only(
        valid().ngay_chuyen_phac_do("20240230"),
        "field.format",
        "NGAY_CHUYEN_PHAC_DO",
    );
    only(
        valid().ma_the_bhyt("HC9797912345678"),
        "field.format",
        "MA_THE_BHYT",
    );
    only(valid().noi_bddt_arv("7902"), "field.format", "NOI_BDDT_ARV");
    only(
        valid().ma_tinh_trang_dk("4;;6"),
        "field.format",
        "MA_TINH_TRANG_DK",
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    only(
        valid().so_ngay_cap_thuoc_arv("1000"),
        "field.max_length",
        "SO_NGAY_CAP_THUOC_ARV",
    );
    only(
        valid().ma_tinh_trang_dk("2;3;4;5;6;7;8;9;2;3"),
        "field.max_length",
        "MA_TINH_TRANG_DK",
    );
}

#[test]
fn unknown_codes_are_reported() {
    only(valid().ma_loai_bn("6"), "field.unknown_code", "MA_LOAI_BN");
    only(
        valid().ma_tinh_trang_dk("4;10"),
        "field.unknown_code",
        "MA_TINH_TRANG_DK",
    );
    only(
        valid().giai_doan_lam_sang("5"),
        "field.unknown_code",
        "GIAI_DOAN_LAM_SANG",
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
    let r = valid()
        .loai_dtri_lao("1")
        .phacdo_dtri_lao("22")
        .ngaybd_dtri_lao("20250310")
        .ngaykt_dtri_lao("20250610")
        .build()
        .expect("latent TB with regimen");
    assert!(rules(&r).is_empty(), "{:?}", rules(&r));
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
    let r = valid()
        .ma_tinh_trang_dk("1")
        .lan_xn_pcr("1")
        .ngay_xn_pcr("20250301")
        .ngay_kq_xn_pcr("20250305")
        .ma_kq_xn_pcr("0")
        .build()
        .expect("infant with PCR");
    assert!(rules(&r).is_empty(), "{:?}", rules(&r));
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
        let mut b = valid();
        b.set(field, "").unwrap();
        only(b, rule, field);
    }
    // Cotrimoxazole only: no ARV course.
    let r = valid()
        .ma_xu_tri("4")
        .ngay_bat_dau_xu_tri("")
        .ngay_ket_thuc_xu_tri("")
        .so_ngay_cap_thuoc_arv("")
        .build()
        .expect("no ARV");
    assert!(rules(&r).is_empty(), "{:?}", rules(&r));
}

#[test]
fn other_regimen_needs_its_line() {
    only(
        valid().ma_phac_do_dieu_tri("KHAC"),
        "xml6.ma_bac_phac_do.required",
        "MA_BAC_PHAC_DO",
    );
    let r = valid()
        .ma_phac_do_dieu_tri("KHAC")
        .ma_bac_phac_do("2")
        .build()
        .expect("other regimen with its line");
    assert!(!rules(&r).contains(&"xml6.ma_bac_phac_do.required"));
}

#[test]
fn arv_course_end_not_before_start() {
    only(
        valid().ngay_ket_thuc_xu_tri("20250309"),
        "xml6.ngay_ket_thuc_xu_tri.order",
        "NGAY_KET_THUC_XU_TRI",
    );
    let r = valid().ngay_ket_thuc_xu_tri("20250310").build();
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
    for el in COPIED_FROM_XML1 {
        let copied = b.peek().get(el).unwrap().wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(copied, summary.get(el).unwrap().wire(), "{el}");
    }
    assert_eq!(b.peek().ma_the_bhyt.value().unwrap().len(), 2);
    assert_eq!(b.peek().so_cccd.value().unwrap().as_str(), "079190000456");
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = format!("{:?}", valid().build().unwrap());
    for secret in ["001085000123", "HC4797912345678", "1985", "Lê Lợi"] {
        assert!(!s.contains(secret), "{secret} in {s}");
    }
    assert!(s.contains("LK2503100001") && s.contains("79024"), "{s}");
}
