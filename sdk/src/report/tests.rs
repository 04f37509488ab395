//! The report renderers on a file with one broken visit.

use super::*;
use crate::gen::{generate, GenOptions};

fn broken_report() -> Vec<FileReport> {
    let file = generate(&GenOptions {
        hoso: 4,
        seed: 3,
        ..Default::default()
    });
    let mut env = crate::Envelope::from_bytes(&file).unwrap();
    env.hosos[1].xml1.as_mut().unwrap().t_thuoc = crate::types::Field::from_wire("1");
    env.hosos[2].xml1.as_mut().unwrap().nhom_mau = crate::types::Field::from_wire("Z");
    let bytes = env.to_bytes().unwrap();
    let mut findings = Vec::new();
    let sum = validate_reader(&bytes[..], &ValidateOptions::default(), |f| {
        findings.push(f)
    })
    .unwrap();
    vec![FileReport {
        path: "a<b>.xml".into(),
        hoso: sum.hoso,
        findings,
    }]
}

#[test]
fn junit_has_a_case_per_hoso_and_a_failure_per_broken_one() {
    let x = junit::render(&broken_report());
    assert!(
        x.contains("<testsuites name=\"lienthong validate\" tests=\"4\" failures=\"1\">"),
        "{x}"
    );
    assert!(x.contains("name=\"a&lt;b&gt;.xml\""));
    assert_eq!(x.matches("<testcase").count(), 4);
    assert_eq!(x.matches("<failure").count(), 1);
    assert!(x.contains("type=\"xml1.t_thuoc.sum\""));
    assert!(x.contains("<system-out>warning [field.unknown_code]"));
}

#[test]
fn html_is_self_contained_with_totals_and_each_hoso() {
    let h = html::render(&broken_report(), "Lienthong test");
    assert!(h.starts_with("<!DOCTYPE html>") && h.ends_with("</html>\n"));
    assert!(
        !h.contains("<script") && !h.contains("<link") && !h.contains("src="),
        "no external resources"
    );
    assert!(
        h.contains("<code>xml1.t_thuoc.sum</code>")
            && h.contains("T_THUOC = tổng THANH_TIEN_BV của XML2")
    );
    assert!(h.contains("HOSO[2]") && h.contains("HOSO[3]") && !h.contains("HOSO[1]"));
    assert!(h.contains("a&lt;b&gt;.xml"));
}
