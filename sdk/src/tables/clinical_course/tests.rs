use super::*;
use crate::record::{Record, Req};
use crate::tables::Summary;
use crate::validate::{check_record, RuleCtx};

/// A morning ward-round note.
fn valid() -> ClinicalNoteBuilder {
    ClinicalNote::builder()
        .ma_lk("LK2503100001")
        .stt("1")
        .dien_bien_ls("Bệnh nhân tỉnh, sốt nhẹ. CSST<M75_T37.5_HA120/70_NT18_HL2>")
        .hoi_chan("Hội chẩn khoa: tiếp tục kháng sinh")
        .thoi_diem_dbls("202503110800")
        .nguoi_thuc_hien("001234/HCM-CCHN;004321/HCM-CCHN")
}

/// Asserts that the build fails with exactly one finding: `rule` at `field`.
fn only(b: ClinicalNoteBuilder, rule: &str, field: &str) {
    let f = b.build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

#[test]
fn valid_note_builds_and_keeps_wire_forms() {
    let r = valid().build().expect("valid note");
    let people = r.nguoi_thuc_hien.value().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people.items()[1].as_str(), "004321/HCM-CCHN");
    assert_eq!(r.nguoi_thuc_hien.wire(), "001234/HCM-CCHN;004321/HCM-CCHN");
    assert_eq!(r.thoi_diem_dbls.wire(), "202503110800");
    assert!(check_record(&r, &RuleCtx::default()).is_empty());
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().dien_bien_ls(""), "field.required", "DIEN_BIEN_LS");
}

#[test]
fn every_mandatory_element_is_required() {
    for spec in ClinicalNote::FIELDS
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
    only(
        valid().thoi_diem_dbls("202502300800"),
        "field.format",
        "THOI_DIEM_DBLS",
    );
    only(
        valid().thoi_diem_dbls("202503112460"),
        "field.format",
        "THOI_DIEM_DBLS",
    );
    only(
        valid().nguoi_thuc_hien("001234/HCM-CCHN; 004321/HCM-CCHN"),
        "field.format",
        "NGUOI_THUC_HIEN",
    );
    only(
        valid().nguoi_thuc_hien("001234/HCM-CCHN;"),
        "field.format",
        "NGUOI_THUC_HIEN",
    );
}

#[test]
fn oversized_values_are_max_length_errors() {
    let many = vec!["001234/HCM-CCHN"; 17].join(";");
    assert!(many.len() > 255);
    only(
        valid().nguoi_thuc_hien(many.as_str()),
        "field.max_length",
        "NGUOI_THUC_HIEN",
    );
}

#[test]
fn family_rules_add_nothing() {
    // XML5 has no conditional rules: an empty note only misses its mandatory elements.
    let empty = ClinicalNote::default();
    let mut out = Vec::new();
    empty.check_family(&RuleCtx::default(), &mut out);
    assert!(out.is_empty());
    let all = check_record(&empty, &RuleCtx::default());
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|f| f.rule == "field.required"));
}

#[test]
fn decomposed_vietnamese_is_a_warning() {
    // "Sốt" with a combining acute accent and circumflex (NFD).
    let r = valid()
        .dien_bien_ls("So\u{302}\u{301}t nhe\u{323}")
        .build()
        .expect("warning only");
    let f = check_record(&r, &RuleCtx::default());
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].rule, f[0].field.as_deref()),
        ("field.not_nfc", Some("DIEN_BIEN_LS"))
    );
}

#[test]
fn for_episode_copies_the_episode_key() {
    let summary = Summary::builder().ma_lk("LK2503100001").build_unchecked();
    let b = ClinicalNoteBuilder::for_episode(&summary);
    for el in COPIED_FROM_XML1 {
        let copied = b.peek().get(el).unwrap().wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(copied, summary.get(el).unwrap().wire(), "{el}");
    }
    let r = b
        .stt("1")
        .dien_bien_ls("Ổn định")
        .thoi_diem_dbls("202503110800")
        .nguoi_thuc_hien("001234/HCM-CCHN")
        .build()
        .expect("from XML1");
    assert_eq!(r.ma_lk.wire(), "LK2503100001");
}

#[test]
fn debug_output_redacts_clinical_text() {
    let s = format!("{:?}", valid().build().unwrap());
    assert!(!s.contains("sốt nhẹ") && !s.contains("Hội chẩn"), "{s}");
    assert!(
        s.contains("LK2503100001") && s.contains("[redacted]"),
        "{s}"
    );
}
