//! The report renderers on a file with one broken visit.

use super::*;
use crate::gen::{generate, GenOptions};
use base64::Engine;

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

/// Every way a file can end (cleanly, a broken table, an envelope error inside or between
/// `HOSO`s, a cut) gives the same findings, in the same order, on any number of threads.
#[test]
fn parallel_validation_reports_exactly_what_one_thread_does() {
    let file = generate(&GenOptions {
        hoso: 40,
        seed: 11,
        ..Default::default()
    });
    let text = String::from_utf8(file.clone()).unwrap();
    let nth = |needle: &str, n: usize| text.match_indices(needle).nth(n).unwrap().0;
    let mut variants: Vec<(&str, String)> = vec![("clean", text.clone())];
    let mut with_findings = crate::Envelope::from_bytes(&file).unwrap();
    for (i, h) in with_findings.hosos.iter_mut().enumerate().step_by(3) {
        h.xml1.as_mut().unwrap().t_thuoc = crate::types::Field::from_wire(&i.to_string());
    }
    variants.push((
        "findings",
        String::from_utf8(with_findings.to_bytes().unwrap()).unwrap(),
    ));
    let at = nth("<NOIDUNGFILE>", 57) + "<NOIDUNGFILE>".len();
    variants.push((
        "bad base64",
        format!("{}!!{}", &text[..at], &text[at + 2..]),
    ));
    let broken = crate::codec::BASE64.encode("<TONG_HOP><STT>1</STT><STT>2</STT></TONG_HOP>");
    let (from, to) = (nth("<NOIDUNGFILE>", 41), nth("</NOIDUNGFILE>", 41));
    variants.push((
        "table error",
        format!("{}<NOIDUNGFILE>{broken}{}", &text[..from], &text[to..]),
    ));
    let at = nth("<NOIDUNGFILE>", 23) + "<NOIDUNGFILE>".len();
    variants.push((
        "inline table error",
        format!(
            "{}<TONG_HOP><X>{}",
            &text[..at],
            &text[nth("</NOIDUNGFILE>", 23)..]
        ),
    ));
    let at = nth("</FILEHOSO>", 30) + "</FILEHOSO>".len();
    variants.push((
        "element inside a HOSO",
        format!("{}<BAD/>{}", &text[..at], &text[at..]),
    ));
    let at = nth("</HOSO>", 17) + "</HOSO>".len();
    variants.push((
        "element between HOSO",
        format!("{}<BAD/>{}", &text[..at], &text[at..]),
    ));
    variants.push(("cut", text[..text.len() * 2 / 3].to_owned()));
    variants.push((
        "count",
        text.replacen("<SOLUONGHOSO>40<", "<SOLUONGHOSO>41<", 1),
    ));
    let run = |bytes: &[u8], jobs: usize| {
        let options = ValidateOptions {
            jobs,
            ..Default::default()
        };
        let mut findings = Vec::new();
        let sum = validate_reader(bytes, &options, |f| findings.push(format!("{f:?}"))).unwrap();
        (sum, findings)
    };
    for (name, v) in &variants {
        let one = run(v.as_bytes(), 1);
        assert!(name == &"clean" || one.0.errors > 0, "{name}: {:?}", one.0);
        for jobs in [2, 3, 8] {
            assert_eq!(run(v.as_bytes(), jobs), one, "{name} with {jobs} threads");
        }
    }
    // Far more threads than the cap: capped, same report.
    let (_, clean) = &variants[0];
    assert_eq!(run(clean.as_bytes(), 100_000), run(clean.as_bytes(), 1));
}
