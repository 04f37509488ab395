use super::*;
use crate::record::{Record, Req};
use crate::tables::Summary;
use crate::types::codes;
use crate::validate::{check_record, RuleCtx};

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

/// Asserts that the build fails with exactly one finding: `rule` at `field`.
fn only(b: RecordSummaryBuilder, rule: &str, field: &str) {
    let f = b.build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

#[test]
fn valid_summary_builds_and_keeps_wire_forms() {
    let r = valid().build().expect("valid record summary");
    assert_eq!(r.ma_loai_kcb.wire(), "03");
    assert_eq!(r.ma_loai_kcb.value(), Some(&codes::MaLoaiKcb::NoiTru));
    assert_eq!(r.ket_qua_dtri.value(), Some(&codes::KetQuaDtri::Khoi));
    assert_eq!(r.ma_ttdv.value().unwrap().as_str(), "0101234567");
    assert!(check_record(&r, &RuleCtx::default()).is_empty());
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().qt_benhly(""), "field.required", "QT_BENHLY");
}

#[test]
fn every_mandatory_element_is_required() {
    for spec in RecordSummary::FIELDS
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
    only(valid().ngay_ra("202502301000"), "field.format", "NGAY_RA");
    only(
        valid().ngay_sinhcon("20250132"),
        "field.format",
        "NGAY_SINHCON",
    );
    only(valid().so_conchet("1a"), "field.format", "SO_CONCHET");
    only(
        valid().ma_the_tam("TE6790000001234"),
        "field.format",
        "MA_THE_TAM",
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    only(
        valid().ma_ttdv("01012345678"),
        "field.max_length",
        "MA_TTDV",
    );
    only(
        valid().ho_ten_me("Đ".repeat(256).as_str()),
        "field.max_length",
        "HO_TEN_ME",
    );
}

#[test]
fn unknown_codes_are_reported() {
    only(
        valid().ma_loai_kcb("3"),
        "field.unknown_code",
        "MA_LOAI_KCB",
    );
    only(
        valid().ket_qua_dtri("0"),
        "field.unknown_code",
        "KET_QUA_DTRI",
    );
}

#[test]
fn discharge_not_before_admission() {
    only(
        valid().ngay_ra("202503092300"),
        "xml8.ngay_ra.order",
        "NGAY_RA",
    );
    let r = valid()
        .ngay_ra("202503100800")
        .build()
        .expect("same minute");
    assert!(check_record(&r, &RuleCtx::default()).is_empty());
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
    for el in COPIED_FROM_XML1 {
        let copied = b.peek().get(el).unwrap().wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(copied, summary.get(el).unwrap().wire(), "{el}");
    }
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
    let s = format!("{:?}", valid().build().unwrap());
    for secret in ["ĐỖ THỊ", "TE1790000001234", "Viêm phổi", "X-quang"] {
        assert!(!s.contains(secret), "{secret} in {s}");
    }
    assert!(
        s.contains("LK2503100001") && s.contains("0101234567"),
        "{s}"
    );
}
