//! Writes the shared rule fixtures: one folder per rule with `input.xml` (a generated visit
//! broken in one place) and `expected.json` (the findings `lienthong validate --format json`
//! reports for it). Usage: `cargo run -p lienthong --example rule_fixtures -- fixtures/rules`.
//! The `rule_fixtures` integration test checks that the committed files are what this writes.

mod cases;

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fixtures/rules".into()),
    );
    let all = cases::all();
    for case in &all {
        let folder = dir.join(case.rule);
        std::fs::create_dir_all(&folder).expect("create the fixture folder");
        let input = cases::input(case, true);
        let expected = cases::expected(&input);
        std::fs::write(folder.join("input.xml"), &input).expect("write input.xml");
        std::fs::write(folder.join("expected.json"), expected).expect("write expected.json");
    }
    println!("{} fixtures in {}", all.len(), dir.display());
}
