use super::*;
use crate::record::{Layout, Record};
use crate::tables::test_support::{
    builds_clean, debug_hides, each_copied, each_only, each_required_is_required, only,
};
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

#[test]
fn valid_note_builds_and_keeps_wire_forms() {
    let r = builds_clean(valid());
    let people = r.nguoi_thuc_hien.value().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people.items()[1].as_str(), "004321/HCM-CCHN");
    assert_eq!(r.nguoi_thuc_hien.wire(), "001234/HCM-CCHN;004321/HCM-CCHN");
    assert_eq!(r.thoi_diem_dbls.wire(), "202503110800");
}

#[test]
fn missing_mandatory_element_is_reported() {
    only(valid().dien_bien_ls(""), "field.required", "DIEN_BIEN_LS");
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
            (valid().thoi_diem_dbls("202502300800"), "THOI_DIEM_DBLS"),
            (valid().thoi_diem_dbls("202503112460"), "THOI_DIEM_DBLS"),
            (
                valid().nguoi_thuc_hien("001234/HCM-CCHN; 004321/HCM-CCHN"),
                "NGUOI_THUC_HIEN",
            ),
            (
                valid().nguoi_thuc_hien("001234/HCM-CCHN;"),
                "NGUOI_THUC_HIEN",
            ),
        ],
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
    each_copied(b.peek(), &summary, COPIED_FROM_XML1);
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
    let s = debug_hides(&valid(), &["sốt nhẹ", "Hội chẩn"]);
    assert!(
        s.contains("LK2503100001") && s.contains("[redacted]"),
        "{s}"
    );
}
