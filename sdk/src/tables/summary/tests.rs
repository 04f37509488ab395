use super::*;
use crate::record::{Layout, Record};
use crate::tables::test_support::{
    builds_clean, builds_without, d, debug_hides, each_only, each_required_is_required, get, only,
    rules,
};
use crate::tables::{DrugLine, ServiceLine};
use crate::types::codes;
use crate::validate::{check_record, RuleCtx, Severity};

/// An outpatient examination episode of a patient with one insurance card.
fn valid() -> SummaryBuilder {
    Summary::builder()
        .ma_lk("LK2503100001")
        .stt("1")
        .ma_bn("BN0001234")
        .ho_ten("NGUYỄN VĂN AN")
        .so_cccd("001085000123")
        .ngay_sinh("198504150000")
        .gioi_tinh("1")
        .ma_quoctich("000")
        .ma_dantoc("01")
        .ma_nghe_nghiep("00")
        .dia_chi("Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP Hồ Chí Minh")
        .matinh_cu_tru("79")
        .mahuyen_cu_tru("760")
        .maxa_cu_tru("26740")
        .ma_the_bhyt("HC4797912345678")
        .ma_dkbd("79024")
        .gt_the_tu("20250101")
        .gt_the_den("20251231")
        .ly_do_vv("Ho, sốt 3 ngày")
        .chan_doan_vao("Viêm phổi")
        .chan_doan_rv("Viêm phổi, không xác định")
        .ma_benh_chinh("J18.9")
        .ma_doituong_kcb("1.1")
        .ngay_vao("202503100800")
        .ngay_ra("202503101030")
        .so_ngay_dtri("0")
        .ket_qua_dtri("2")
        .ma_loai_rv("1")
        .t_thuoc("345000.00")
        .t_vtyt("0")
        .t_tongchi_bv("379500.00")
        .t_tongchi_bh("379500.00")
        .t_bntt("0")
        .t_bncct("75900.00")
        .t_bhtt("303600.00")
        .t_nguonkhac("0")
        .t_bhtt_gdv("303600.00")
        .nam_qt("2025")
        .thang_qt("03")
        .ma_loai_kcb("01")
        .ma_khoa("K01")
        .ma_cskcb("79024")
        .can_nang("62.50")
        .ma_hsba("HS2503100001")
}

/// An inpatient version of the episode.
fn inpatient() -> SummaryBuilder {
    valid()
        .ma_loai_kcb("03")
        .ngay_vao_noi_tru("202503100900")
        .ly_do_vnt("Sốt cao, khó thở")
        .ngay_ra("202503151000")
        .so_ngay_dtri("6")
}

#[test]
fn valid_summary_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    assert_eq!(r.so_cccd.value().unwrap().as_str(), "001085000123");
    assert_eq!(r.thang_qt.wire(), "03");
    assert_eq!(r.thang_qt.value().unwrap().get(), 3);
    assert_eq!(r.can_nang.wire(), "62.50");
    assert_eq!(r.t_bncct.wire(), "75900.00");
    assert_eq!(get(&r.t_bhtt), d("303600"));
    assert_eq!(r.ma_loai_kcb.value(), Some(&codes::MaLoaiKcb::KhamBenh));
    assert_eq!(r.ma_the_bhyt.value().unwrap().items()[0].benefit_level(), 4);
    assert_eq!(r.ngay_sinh.wire(), "198504150000");
    assert!(inpatient().build().is_ok());
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().ho_ten(""), "field.required", "HO_TEN");
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
            (valid().ma_the_bhyt("HC6797912345678"), "MA_THE_BHYT"),
            (valid().ngay_sinh("198502300000"), "NGAY_SINH"),
            (valid().gt_the_den("20250230"), "GT_THE_DEN"),
            (valid().t_bhtt("303.600,00"), "T_BHTT"),
            (valid().so_cccd("001085-000123"), "SO_CCCD"),
            (valid().ma_cskcb("7902"), "MA_CSKCB"),
        ],
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    each_only(
        "field.max_length",
        [
            (valid().ho_ten("A".repeat(256).as_str()), "HO_TEN"),
            (valid().ma_quoctich("0001"), "MA_QUOCTICH"),
        ],
    );
}

#[test]
fn unknown_codes_are_reported() {
    each_only(
        "field.unknown_code",
        [
            (valid().ma_loai_kcb("11"), "MA_LOAI_KCB"),
            (valid().gioi_tinh("4"), "GIOI_TINH"),
            (valid().ket_qua_dtri("9"), "KET_QUA_DTRI"),
        ],
    );
    // The blood-group list is a vendor convention: an unknown group is only a warning.
    let r = valid().nhom_mau("A2").build().expect("warning only");
    let f = check_record(&r, &RuleCtx::default());
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].rule, f[0].severity),
        ("field.unknown_code", Severity::Warning)
    );
}

#[test]
fn admission_and_discharge_times_are_ordered() {
    only(
        inpatient().ngay_vao_noi_tru("202503100759"),
        "xml1.ngay_vao_noi_tru.order",
        "NGAY_VAO_NOI_TRU",
    );
    only(
        valid().ngay_ra("202503092359"),
        "xml1.ngay_ra.order",
        "NGAY_RA",
    );
    let r = inpatient()
        .ngay_vao_noi_tru("202503100800")
        .build()
        .unwrap();
    assert!(!rules(&r).iter().any(|r| r.ends_with(".order")));
}

#[test]
fn card_lists_have_one_entry_per_card() {
    only(
        valid().ma_the_bhyt("HC4797912345678;HC4797912345679"),
        "xml1.card_lists.count",
        "MA_THE_BHYT",
    );
    // Two cards, four lists of two.
    builds_without(
        valid()
            .ma_the_bhyt("HC4797912345678;CN3797912345679")
            .ma_dkbd("79024;79025")
            .gt_the_tu("20250101;20250301")
            .gt_the_den("20250228;20251231"),
        "xml1.card_lists.count",
    );
    // Uninsured: all four lists empty.
    let r = valid()
        .ma_the_bhyt("")
        .ma_dkbd("")
        .gt_the_tu("")
        .gt_the_den("")
        .build();
    assert!(r.is_ok());
}

#[test]
fn inpatient_needs_reason_and_admission_time() {
    for kcb in ["03", "04"] {
        only(
            inpatient().ma_loai_kcb(kcb).ly_do_vnt(""),
            "xml1.ly_do_vnt.required",
            "LY_DO_VNT",
        );
        only(
            inpatient().ma_loai_kcb(kcb).ngay_vao_noi_tru(""),
            "xml1.ngay_vao_noi_tru.required",
            "NGAY_VAO_NOI_TRU",
        );
    }
    // Outpatient forms of care need neither.
    let r = builds_clean(valid().ma_loai_kcb("02"));
    assert!(r.ly_do_vnt.is_absent());
}

#[test]
fn totals_from_sums_drug_and_service_lines() {
    let drug = |sl: &str, gia: &str, tyle: &str| {
        DrugLine::builder()
            .so_luong(sl)
            .don_gia(gia)
            .tyle_tt_bh(tyle)
            .muc_huong("80")
            .ma_pttt("1")
            .compute_amounts()
            .build_unchecked()
    };
    let service = |nhom: &str, sl: &str, gia: &str, pttt: &str| {
        ServiceLine::builder()
            .ma_nhom(nhom)
            .so_luong(sl)
            .don_gia_bv(gia)
            .don_gia_bh(gia)
            .tyle_tt_bh("100")
            .muc_huong("80")
            .ma_pttt(pttt)
            .compute_amounts()
            .build_unchecked()
    };
    let drugs = [drug("30", "5000", "50"), drug("60", "1250", "100")];
    let services = [
        service("13", "1", "34500", "1"),
        service("10", "2", "12000", "2"),
    ];
    let r = valid()
        .totals_from(&drugs, &services)
        .build()
        .expect("summary with totals");
    for (el, want) in [
        ("T_THUOC", "225000"),
        ("T_VTYT", "24000"),
        ("T_TONGCHI_BV", "283500"),
        ("T_TONGCHI_BH", "208500"),
        ("T_BNTT", "75000"),
        ("T_BNCCT", "41700"),
        ("T_BHTT", "166800"),
        ("T_NGUONKHAC", "0"),
    ] {
        assert_eq!(d(&r.get(el).unwrap().wire()), d(want), "{el}");
    }
    // The capitation supply line (MA_PTTT 2) is left out of T_BHTT_GDV.
    assert_eq!(get(&r.t_bhtt_gdv), d("147600"));
    assert_eq!(totals_of(&drugs, &services).unwrap().t_bhtt, d("166800"));
    assert_eq!(totals_of(&[], &[]), Some(crate::money::Totals::default()));
}

#[test]
fn debug_output_redacts_patient_data() {
    let s = debug_hides(
        &valid(),
        &[
            "NGUYỄN",
            "001085000123",
            "BN0001234",
            "HC4797912345678",
            "1985",
            "Lê Lợi",
        ],
    );
    assert!(s.contains("LK2503100001") && s.contains("J18.9"), "{s}");
    // A malformed identifier is redacted too.
    let r = valid().so_cccd("001085-000123").build_unchecked();
    assert!(!format!("{r:?}").contains("000123"));
}
