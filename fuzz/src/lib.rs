//! Shared bodies of the fuzz targets. Every target checks more than "no panic": what parses must
//! write back, and what is written must parse back to the same records.

use lienthong::codec::{
    parse_table, table_document, AssessmentDocument, CheckinDocument, Envelope, Limits,
};
use lienthong::record::Record;

fn small_limits() -> Limits {
    Limits {
        max_table_bytes: 1 << 20,
        max_rows: 10_000,
        ..Limits::default()
    }
}

/// A whole envelope: parse, and when it parses, write and parse again to the same value.
pub fn envelope(data: &[u8]) {
    if let Ok(env) = Envelope::from_bytes_with_limits(data, small_limits()) {
        let _ = lienthong::validate::check_hoso(&env.hosos.first().cloned().unwrap_or_default());
        if let Ok(bytes) = env.to_bytes() {
            let again = Envelope::from_bytes(&bytes).expect("canonical output must parse");
            assert_eq!(again.hosos.len(), env.hosos.len());
            assert_eq!(
                again.to_bytes().expect("writes"),
                bytes,
                "canonical output must be stable"
            );
        }
    }
}

/// One table document of record type `R`.
pub fn table<R: Record>(data: &[u8]) {
    if let Ok(rows) = parse_table::<R>(data, small_limits()) {
        for r in &rows {
            let _ = lienthong::validate::check_record(r, &Default::default());
        }
        if let Ok(doc) = table_document(&rows) {
            let again = parse_table::<R>(doc.as_bytes(), Limits::default())
                .expect("canonical output must parse");
            assert!(again == rows, "round trip changed the records");
        }
    }
}

/// The standalone check-in and XML12 documents.
pub fn standalone(data: &[u8]) {
    if let Ok(d) = CheckinDocument::from_bytes_with_limits(data, small_limits()) {
        if let Ok(b) = d.to_bytes() {
            assert_eq!(
                CheckinDocument::from_bytes(&b).expect("parses").rows,
                d.rows
            );
        }
    }
    if let Ok(d) = AssessmentDocument::from_bytes_with_limits(data, small_limits()) {
        if let Ok(b) = d.to_bytes() {
            assert_eq!(
                AssessmentDocument::from_bytes(&b).expect("parses").rows,
                d.rows
            );
        }
    }
}

/// The JSON form: whatever parses as an envelope must write as XML and read back the same.
pub fn json(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    if let Ok(env) = lienthong::codec::json::envelope_from_json(&value) {
        if let Ok(bytes) = env.to_bytes() {
            let again = Envelope::from_bytes(&bytes).expect("canonical output must parse");
            assert_eq!(
                again.to_bytes().expect("writes"),
                bytes,
                "canonical output must be stable"
            );
        }
    }
}

/// The TOML rules file: never panics; what it accepts applies to every catalogued rule.
pub fn rules_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(config) = lienthong::validate::RuleConfig::from_toml(text) {
        let _ = format!("{config:?}");
    }
}
