//! The shared rule fixtures in `fixtures/rules/`: each `input.xml` validates to exactly its
//! `expected.json`, reports the rule the folder is named after (and the same visit unbroken
//! reports nothing), and regenerating the set gives the committed bytes.
//! Regenerate with `cargo run -p lienthong --example rule_fixtures -- fixtures/rules`.

#[path = "../examples/rule_fixtures/cases.rs"]
mod cases;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/rules")
}

const REGENERATE: &str = "cargo run -p lienthong --example rule_fixtures -- fixtures/rules";

/// A line diff that names the first differing line and shows a few lines around it.
fn diff(name: &str, want: &str, got: &str) -> String {
    let (w, g): (Vec<_>, Vec<_>) = (want.lines().collect(), got.lines().collect());
    let first = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let from = first.saturating_sub(3);
    let mut out = format!("{name}: first difference at line {}\n", first + 1);
    for i in from..(first + 4).min(w.len().max(g.len())) {
        match (w.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => out.push_str(&format!("  {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    out.push_str(&format!("- {a}\n"));
                }
                if let Some(b) = b {
                    out.push_str(&format!("+ {b}\n"));
                }
            }
        }
    }
    out
}

fn folders() -> BTreeSet<String> {
    std::fs::read_dir(root())
        .expect("fixtures/rules exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn every_input_validates_to_its_expected_json() {
    let mut failures = Vec::new();
    let names = folders();
    assert!(names.len() >= 40, "only {} fixtures", names.len());
    for name in &names {
        let dir = root().join(name);
        let input = std::fs::read(dir.join("input.xml")).expect("input.xml");
        let want = std::fs::read_to_string(dir.join("expected.json")).expect("expected.json");
        let got = cases::expected(&input);
        if got != want {
            failures.push(diff(name, &want, &got));
            continue;
        }
        let findings: Vec<serde_json::Value> = serde_json::from_str(&want).expect("JSON array");
        if !findings.iter().any(|f| f["rule"] == name.as_str()) {
            failures.push(format!("{name}: expected.json does not report {name}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unbroken_inputs_are_clean() {
    for case in cases::all() {
        let clean = cases::input(&case, false);
        assert_eq!(
            cases::expected(&clean),
            "[]\n",
            "{}: the visit before the break",
            case.rule
        );
    }
}

#[test]
fn fixtures_match_the_generator() {
    let all = cases::all();
    let made: BTreeSet<String> = all.iter().map(|c| c.rule.to_owned()).collect();
    assert_eq!(
        folders(),
        made,
        "fixture folders differ from the cases; run {REGENERATE}"
    );
    for case in &all {
        let dir = root().join(case.rule);
        let input = cases::input(case, true);
        assert!(
            std::fs::read(dir.join("input.xml")).ok().as_deref() == Some(&input[..]),
            "{}/input.xml differs from the generator; run {REGENERATE}",
            case.rule
        );
        let want = std::fs::read_to_string(dir.join("expected.json")).unwrap_or_default();
        let got = cases::expected(&input);
        assert!(
            want == got,
            "{}; run {REGENERATE}",
            diff(case.rule, &want, &got)
        );
    }
}
