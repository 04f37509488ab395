//! Rules of the envelope itself: its header, the number of `HOSO`, and what each `HOSO` must hold.

use super::{Finding, Severity};
use crate::codec::EnvelopeHeader;
use crate::hoso::Hoso;
use crate::record::TableId;
use crate::types::{AnyField, Field, Wire};

fn envelope_finding(rule: &'static str, field: Option<&str>, vi: String, en: String) -> Finding {
    debug_assert!(
        super::catalog::rule(rule).is_some(),
        "rule {rule} is missing from the catalogue"
    );
    Finding {
        rule,
        severity: Severity::Error,
        table: None,
        ma_lk: None,
        stt: None,
        field: field.map(str::to_owned),
        path: match field {
            Some(f) => format!("GIAMDINHHS/{f}"),
            None => "GIAMDINHHS".into(),
        },
        line: None,
        column: None,
        message_vi: vi,
        message_en: en,
        hint_vi: String::new(),
        hint_en: String::new(),
    }
}

fn header_field<T: Wire>(out: &mut Vec<Finding>, name: &str, f: &Field<T>) {
    if f.is_absent() {
        out.push(envelope_finding(
            "envelope.required",
            Some(name),
            format!("Thiếu {name} trong phần đầu của GIAMDINHHS"),
            format!("{name} is missing from the GIAMDINHHS header"),
        ));
    } else if let Some(e) = AnyField::format_error(f) {
        out.push(envelope_finding(
            "envelope.format",
            Some(name),
            format!("{name} sai định dạng: cần {}", e.expected_vi),
            format!("{name} has the wrong format: expected {}", e.expected_en),
        ));
    }
}

/// Checks the envelope header against the number of `HOSO` actually read.
pub fn check_header(header: &EnvelopeHeader, hoso_read: usize) -> Vec<Finding> {
    let mut out = Vec::new();
    header_field(&mut out, "MACSKCB", &header.macskcb);
    header_field(&mut out, "NGAYLAP", &header.ngaylap);
    header_field(&mut out, "SOLUONGHOSO", &header.soluonghoso);
    if let Some(n) = header.soluonghoso.value() {
        if n.get() != hoso_read as u64 {
            out.push(envelope_finding(
                "envelope.soluonghoso",
                Some("SOLUONGHOSO"),
                format!("SOLUONGHOSO ghi {} nhưng tệp có {hoso_read} HOSO", n.get()),
                format!(
                    "SOLUONGHOSO says {} but the file holds {hoso_read} HOSO",
                    n.get()
                ),
            ));
        }
    }
    out
}

/// `MACSKCB` of the envelope must be the facility of every `HOSO` (xml130.md ENV-6).
pub fn check_facility(header: &EnvelopeHeader, hoso: &Hoso) -> Option<Finding> {
    let sender = header.macskcb.value()?;
    let facility = hoso.xml1.as_ref()?.ma_cskcb.value()?;
    (sender != facility).then(|| {
        let index = hoso.source.as_ref().map(|s| s.index);
        let mut f = envelope_finding(
            "envelope.macskcb.mismatch",
            Some("MACSKCB"),
            format!(
                "MACSKCB của tệp ({}) khác MA_CSKCB của XML1 ({})",
                sender.as_str(),
                facility.as_str()
            ),
            format!(
                "MACSKCB of the file ({}) differs from MA_CSKCB of XML1 ({})",
                sender.as_str(),
                facility.as_str()
            ),
        );
        f.ma_lk = hoso.ma_lk().map(str::to_owned);
        f.path = index.map_or_else(
            || "HOSO/XML1/MA_CSKCB".into(),
            |i| format!("HOSO[{i}]/XML1/MA_CSKCB"),
        );
        f.table = Some(TableId::Xml1);
        f
    })
}

/// What each `HOSO` must hold: an XML1, and no table under an unknown or misplaced `LOAIHOSO`.
pub(crate) fn check_hoso_tables(hoso: &Hoso, out: &mut Vec<Finding>) {
    let index = hoso.source.as_ref().map(|s| s.index);
    let path = index.map_or_else(|| "HOSO".to_owned(), |i| format!("HOSO[{i}]"));
    let line = hoso.source.as_ref().map(|s| s.line);
    let base = |rule, vi: String, en: String| Finding {
        rule,
        severity: Severity::Error,
        table: None,
        ma_lk: hoso.ma_lk().map(str::to_owned),
        stt: None,
        field: Some("LOAIHOSO".into()),
        path: path.clone(),
        line,
        column: None,
        message_vi: vi,
        message_en: en,
        hint_vi: String::new(),
        hint_en: String::new(),
    };
    if !hoso.has(TableId::Xml1) {
        out.push(base(
            "hoso.xml1_missing",
            "HOSO không có bảng XML1 (bảng tổng hợp bắt buộc)".into(),
            "the HOSO has no XML1 table (the mandatory summary)".into(),
        ));
    }
    for f in &hoso.other_files {
        out.push(base(
            "hoso.unknown_table",
            format!(
                "LOAIHOSO {:?} không thuộc các bảng gửi trong GIAMDINHHS (XML1-XML11, XML13-XML15)",
                f.loaihoso
            ),
            format!(
                "LOAIHOSO {:?} is not a table sent in GIAMDINHHS (XML1-XML11, XML13-XML15)",
                f.loaihoso
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Envelope;
    use crate::hoso::OtherFile;
    use crate::types::{Date, FacilityCode};

    #[test]
    fn header_is_checked_against_the_hoso_read() {
        let h = EnvelopeHeader::new(
            FacilityCode::new("79001").unwrap(),
            Date::new(2025, 3, 1).unwrap(),
            2,
        );
        assert!(check_header(&h, 2).is_empty());
        let f = check_header(&h, 3);
        assert_eq!(
            (f.len(), f[0].rule, f[0].path.as_str()),
            (1, "envelope.soluonghoso", "GIAMDINHHS/SOLUONGHOSO")
        );
        let f = check_header(&EnvelopeHeader::default(), 0);
        assert_eq!(
            f.iter().filter(|x| x.rule == "envelope.required").count(),
            3
        );
        let bad = EnvelopeHeader {
            macskcb: Field::from_wire("7900"),
            ..h
        };
        assert_eq!(check_header(&bad, 2)[0].rule, "envelope.format");
    }

    #[test]
    fn a_hoso_without_xml1_or_with_an_unknown_table_is_an_error() {
        let mut h = Hoso::default();
        h.other_files.push(OtherFile {
            loaihoso: "XML12".into(),
            content: String::new(),
        });
        let rules: Vec<_> = crate::validate::check_hoso(&h)
            .iter()
            .map(|f| f.rule)
            .collect();
        assert_eq!(rules, ["hoso.xml1_missing", "hoso.unknown_table"]);
        let env = Envelope::new(
            FacilityCode::new("79001").unwrap(),
            Date::new(2025, 3, 1).unwrap(),
            vec![h],
        );
        let back = Envelope::from_bytes(&env.to_bytes().unwrap()).unwrap();
        assert_eq!(back.hosos[0].other_files, env.hosos[0].other_files);
    }
}
