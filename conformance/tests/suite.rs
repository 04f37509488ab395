//! The suite checks itself: every case is well formed and up to date, Lienthong's own builders
//! pass every case, and one changed field fails exactly its case with a diff that names it.

use lienthong::codec::Envelope;
use lienthong::record::Record;
use lienthong::sign::{sign, KeyFileSigner};
use lienthong_conformance::case::{self, Case};
use lienthong_conformance::compare::DiffKind;
use lienthong_conformance::run::{self, Problem, Status};
use lienthong_conformance::{coverage, input, report};
use std::path::{Path, PathBuf};

fn suite() -> Vec<Case> {
    case::suite().expect("the embedded suite loads")
}

fn signer() -> KeyFileSigner {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keys");
    let key = std::fs::read(dir.join("vendor.key.pem")).unwrap();
    let cert = std::fs::read(dir.join("vendor.crt.pem")).unwrap();
    KeyFileSigner::from_pem(&key, Some(&cert), None).unwrap()
}

/// A scratch folder under the target directory, emptied.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What Lienthong itself produces for each case: the reference, signed when required.
fn lienthong_output(cases: &[Case], dir: &Path) {
    let s = signer();
    for c in cases {
        let bytes = input::reference_bytes(&c.input_json, c.pack()).unwrap();
        let bytes = if c.meta.signature_required {
            sign(&bytes, &s).unwrap()
        } else {
            bytes
        };
        std::fs::write(dir.join(format!("{}.xml", c.id())), bytes).unwrap();
    }
}

fn failing(r: &run::RunReport) -> Vec<(String, Status)> {
    r.cases
        .iter()
        .filter(|c| c.status != Status::Pass)
        .map(|c| (c.id.clone(), c.status))
        .collect()
}

#[test]
fn the_suite_has_at_least_40_well_formed_cases_covering_every_table() {
    let cases = suite();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let retired = case::retired();
    for c in &cases {
        assert!(case::valid_id(c.id()), "{}", c.id());
        assert!(!retired.contains(&c.id()), "{} is retired", c.id());
        assert!(!c.meta.clauses.is_empty(), "{}: no clause", c.id());
        assert!(!c.meta.title_vi.is_empty() && !c.meta.title_en.is_empty());
        assert!(!c.expected_xml.is_empty(), "{}: no expected.xml", c.id());
    }
    let covered: Vec<String> = cases.iter().flat_map(coverage::tables_of).collect();
    for t in coverage::ALL_TABLES {
        assert!(covered.iter().any(|c| c == t), "no case carries {t}");
    }
    for pack in ["130", "4750", "3176"] {
        assert!(
            cases.iter().any(|c| c.meta.pack == pack),
            "no case of pack {pack}"
        );
    }
    assert!(cases.iter().any(|c| c.meta.signature_required));
}

#[test]
fn every_expected_file_is_what_the_builders_make_of_its_input() {
    for c in suite() {
        let bytes = input::reference_bytes(&c.input_json, c.pack())
            .unwrap_or_else(|e| panic!("{}: {e}", c.id()));
        assert!(
            String::from_utf8(bytes).unwrap() == c.expected_xml,
            "{}/expected.xml is out of date: run `cargo run -p lienthong-conformance --bin lienthong-conformance-regen`",
            c.id()
        );
    }
}

#[test]
fn the_source_tree_matches_the_embedded_suite() {
    let on_disk = case::suite_from_dir(&case::source_dir()).unwrap();
    let embedded = suite();
    assert_eq!(on_disk.len(), embedded.len());
    for (a, b) in on_disk.iter().zip(&embedded) {
        assert_eq!(a.meta, b.meta);
        assert_eq!(a.expected_xml, b.expected_xml, "{}", a.id());
    }
}

#[test]
fn the_coverage_table_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/conformance/coverage.md");
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == coverage::markdown(&suite()),
        "docs/conformance/coverage.md is out of date: run `cargo run -p lienthong-conformance --bin lienthong-conformance-regen`"
    );
}

#[test]
fn lienthong_passes_every_case_and_every_report_names_the_versions() {
    let cases = suite();
    let dir = scratch("self-test");
    lienthong_output(&cases, &dir);
    let r = run::run_dir(&cases, &dir);
    assert_eq!(failing(&r), vec![], "{}", report::text(&r));
    assert!(r.all_passed());
    assert_eq!(r.totals().pass, cases.len());
    for out in [
        report::text(&r),
        report::json(&r),
        report::junit(&r),
        report::html(&r),
    ] {
        assert!(out.contains(lienthong_conformance::SUITE_VERSION), "{out}");
        assert!(out.contains(lienthong_conformance::LIENTHONG_VERSION));
        assert!(out.contains("QĐ 130, QĐ 4750, QĐ 3176"));
    }
    let json: serde_json::Value = serde_json::from_str(&report::json(&r)).unwrap();
    assert_eq!(json["summary"]["pass"], cases.len());
}

fn hoso_mutated(bytes: &[u8], f: impl FnOnce(&mut Envelope)) -> Vec<u8> {
    let mut e = Envelope::from_bytes(bytes).unwrap();
    f(&mut e);
    e.to_bytes().unwrap()
}

#[test]
fn one_changed_field_fails_exactly_its_case_and_the_diff_names_it() {
    let cases = suite();
    let dir = scratch("mutation");
    lienthong_output(&cases, &dir);
    let target = "VN130-XML3-001";
    let path = dir.join(format!("{target}.xml"));
    let mutated = hoso_mutated(&std::fs::read(&path).unwrap(), |e| {
        let line = &mut e.hosos[0].xml3[1];
        let i = lienthong::tables::ServiceLine::index_of("TEN_DICH_VU").unwrap();
        line.field_mut(i).set_wire("Khám Mắt (sửa)");
    });
    std::fs::write(&path, mutated).unwrap();
    let r = run::run_dir(&cases, &dir);
    assert_eq!(failing(&r), vec![(target.to_string(), Status::Fail)]);
    let result = r.cases.iter().find(|c| c.id == target).unwrap();
    assert_eq!(result.problems.len(), 1, "{:?}", result.problems);
    let Problem::Diff(d) = &result.problems[0] else {
        panic!("{:?}", result.problems[0])
    };
    assert_eq!(d.kind, DiffKind::Value);
    assert_eq!(d.table, "XML3");
    assert_eq!(d.ma_lk.as_deref(), Some("79999.KB250314.0009"));
    assert_eq!(d.stt.as_deref(), Some("2"));
    assert_eq!(d.element.as_deref(), Some("TEN_DICH_VU"));
    assert_eq!(d.expected.as_deref(), Some("Khám Mắt"));
    assert_eq!(d.actual.as_deref(), Some("Khám Mắt (sửa)"));
    let text = report::text(&r);
    assert!(
        text.contains("XML3 MA_LK=79999.KB250314.0009 STT=2 TEN_DICH_VU"),
        "{text}"
    );
    assert!(report::junit(&r).contains("failures=\"1\""));
}

#[test]
fn a_changed_byte_in_a_check_in_document_fails_its_case() {
    let cases = suite();
    let dir = scratch("mutation-checkin");
    lienthong_output(&cases, &dir);
    let target = "VN130-XML0-002";
    let path = dir.join(format!("{target}.xml"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("<MA_LOAI_KCB>03</MA_LOAI_KCB>"));
    std::fs::write(
        &path,
        text.replacen(
            "<MA_LOAI_KCB>03</MA_LOAI_KCB>",
            "<MA_LOAI_KCB>04</MA_LOAI_KCB>",
            1,
        ),
    )
    .unwrap();
    let r = run::run_dir(&cases, &dir);
    assert_eq!(failing(&r), vec![(target.to_string(), Status::Fail)]);
    let problems = &r.cases.iter().find(|c| c.id == target).unwrap().problems;
    assert!(
        matches!(
            &problems[..],
            [Problem::Diff(d)] if d.table == "XML0" && d.stt.as_deref() == Some("1") && d.element.as_deref() == Some("MA_LOAI_KCB")
        ),
        "{problems:?}"
    );
}

fn one(id: &str) -> Vec<Case> {
    suite().into_iter().filter(|c| c.id() == id).collect()
}

#[test]
fn formatting_the_standard_tolerates_is_not_a_difference() {
    // Trailing zeros in money, the order of HOSO, and a date of making the file other than the
    // input's.
    let cases = one("VN130-ENV-001");
    let reference = input::reference_bytes(&cases[0].input_json, cases[0].pack()).unwrap();
    let vendor = hoso_mutated(&reference, |e| {
        e.hosos.reverse();
        for h in &mut e.hosos {
            let s = h.xml1.as_mut().unwrap();
            let v = format!("{}.00", s.t_tongchi_bv.wire());
            s.t_tongchi_bv = v.as_str().into();
            for line in &mut h.xml2 {
                let v = format!("{}.0", line.don_gia.wire());
                line.don_gia = v.as_str().into();
            }
        }
        e.header.ngaylap = "20250313".into();
    });
    let vendor = sign(&vendor, &signer()).unwrap();
    let r = run::check_case(&cases[0], &vendor);
    assert_eq!(r.status, Status::Pass, "{:?}", r.problems);

    // A leading zero is not a formatting the SDK's decimal accepts as equal.
    let vendor = hoso_mutated(&reference, |e| {
        let s = e.hosos[0].xml1.as_mut().unwrap();
        s.can_nang = "058.00".into();
    });
    let vendor = sign(&vendor, &signer()).unwrap();
    let r = run::check_case(&cases[0], &vendor);
    assert_eq!(r.status, Status::Fail);
    assert!(r
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Diff(d) if d.element.as_deref() == Some("CAN_NANG"))));
}

#[test]
fn signatures_are_required_where_the_case_says_and_checked_wherever_present() {
    let cases = one("VN130-XML12-001");
    let c = &cases[0];
    assert!(c.meta.signature_required);
    let unsigned = input::reference_bytes(&c.input_json, c.pack()).unwrap();
    let r = run::check_case(c, &unsigned);
    assert_eq!(r.status, Status::Fail);
    assert!(
        matches!(&r.problems[..], [Problem::Signature { .. }]),
        "{:?}",
        r.problems
    );

    let signed = sign(&unsigned, &signer()).unwrap();
    assert_eq!(run::check_case(c, &signed).status, Status::Pass);
    // Changed after signing: the digest no longer matches.
    let text = String::from_utf8(signed).unwrap();
    let tampered = text.replacen("TRẦN VĂN CƯỜNG", "TRẦN VĂN CUONG", 1);
    let r = run::check_case(c, tampered.as_bytes());
    assert!(r
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Signature { .. })));

    // Not required, but a broken signature is still a failure.
    let cases = one("VN130-XML12-002");
    let c = &cases[0];
    assert!(!c.meta.signature_required);
    let bytes = input::reference_bytes(&c.input_json, c.pack()).unwrap();
    assert_eq!(run::check_case(c, &bytes).status, Status::Pass);
    let signed = String::from_utf8(sign(&bytes, &signer()).unwrap()).unwrap();
    let broken = signed.replacen("LÝ THỊ BỐN", "LÝ THỊ BÔN", 1);
    assert_eq!(run::check_case(c, broken.as_bytes()).status, Status::Fail);
}

#[test]
fn missing_files_are_skipped_and_unreadable_ones_are_errors() {
    let cases = suite();
    let dir = scratch("partial");
    std::fs::write(dir.join("VN130-XML1-001.xml"), b"<GIAMDINHHS><oops").unwrap();
    std::fs::write(dir.join("VN130-XML1-002.xml"), b"not xml at all").unwrap();
    let r = run::run_dir(&cases, &dir);
    let t = r.totals();
    assert_eq!((t.error, t.skip, t.pass), (2, cases.len() - 2, 0));
    assert!(!r.all_passed());
    assert!(report::junit(&r).contains("<skipped"));
    assert!(report::junit(&r).contains("<error"));
}

#[test]
fn a_rule_error_in_the_vendors_file_fails_the_case() {
    let cases = one("VN130-XML1-001");
    let reference = input::reference_bytes(&cases[0].input_json, cases[0].pack()).unwrap();
    let vendor = hoso_mutated(&reference, |e| {
        e.hosos[0].xml1.as_mut().unwrap().t_bhtt = "291000".into();
    });
    let r = run::check_case(&cases[0], &vendor);
    assert_eq!(r.status, Status::Fail);
    assert!(r
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Rule { rule, .. } if rule == "xml1.t_bhtt.formula")));
    assert!(r
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Diff(d) if d.element.as_deref() == Some("T_BHTT") && d.expected.as_deref() == Some("291120"))));
}

#[test]
fn selecting_cases_by_id() {
    let picked = run::select(suite(), &["VN130-XML0-001".into()]).unwrap();
    assert_eq!(picked.len(), 1);
    assert!(run::select(suite(), &["VN130-NOPE-001".into()]).is_err());
}

#[test]
fn missing_and_unexpected_rows_and_hoso_are_differences() {
    let cases = one("VN130-ENV-002");
    let c = &cases[0];
    let reference = input::reference_bytes(&c.input_json, c.pack()).unwrap();
    let vendor = hoso_mutated(&reference, |e| {
        e.hosos[1].xml4.pop();
        e.hosos[1].xml13 = None;
        let extra = e.hosos[0].clone();
        let mut extra = extra;
        let s = extra.xml1.as_mut().unwrap();
        s.ma_lk = "79999.KB250414.9999".into();
        e.hosos.push(extra);
        e.header.soluonghoso = "4".into();
    });
    let expected = lienthong_conformance::compare::parse(&reference).unwrap();
    let actual = lienthong_conformance::compare::parse(&vendor).unwrap();
    let diffs = lienthong_conformance::compare::diff(&expected, &actual);
    let kinds: Vec<(DiffKind, &str, Option<&str>)> = diffs
        .iter()
        .map(|d| (d.kind, d.table.as_str(), d.stt.as_deref()))
        .collect();
    assert!(
        kinds.contains(&(DiffKind::MissingRow, "XML4", Some("2"))),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(DiffKind::MissingRow, "XML13", None)),
        "{kinds:?}"
    );
    assert!(diffs
        .iter()
        .any(|d| d.kind == DiffKind::UnexpectedHoso
            && d.ma_lk.as_deref() == Some("79999.KB250414.9999")));
    // The copied HOSO's other tables keep the old MA_LK: the rule pack reports them, and the
    // comparison reports the unexpected HOSO once.
    assert_eq!(
        diffs
            .iter()
            .filter(|d| d.kind == DiffKind::UnexpectedHoso)
            .count(),
        1
    );
    assert_eq!(
        diffs
            .iter()
            .filter(|d| d.kind == DiffKind::MissingHoso)
            .count(),
        0
    );
}
