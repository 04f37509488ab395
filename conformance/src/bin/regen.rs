//! Regenerates every `conformance/cases/<ID>/expected.xml` from its `input.json` with
//! Lienthong's builders, and `docs/conformance/coverage.md`.
//!
//! Run: `cargo run -p lienthong-conformance --bin lienthong-conformance-regen`
//! (`--check`: change nothing, exit 1 when a file is out of date).

use lienthong_conformance::{case, coverage, input};
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let dir = case::source_dir();
    let mut cases = match case::suite_from_dir(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut stale = 0;
    for c in &mut cases {
        let built = serde_json::from_str(&c.input_json)
            .map_err(|e| input::InputError(format!("input.json: {e}")))
            .and_then(|v| input::build(&v, c.pack()));
        let bytes = match built.and_then(|b| {
            for w in &b.warnings {
                eprintln!("{}: warning: {w}", c.id());
            }
            b.document.to_bytes()
        }) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", c.id());
                return ExitCode::from(2);
            }
        };
        let text = String::from_utf8(bytes).expect("UTF-8");
        if text != c.expected_xml {
            stale += 1;
            println!(
                "{}: expected.xml {}",
                c.id(),
                if check { "out of date" } else { "written" }
            );
            if !check {
                let path = dir.join(c.id()).join("expected.xml");
                if let Err(e) = std::fs::write(&path, &text) {
                    eprintln!("{}: {e}", path.display());
                    return ExitCode::from(2);
                }
            }
            c.expected_xml = text;
        }
    }
    let md = coverage::markdown(&cases);
    let path = dir.join("../../docs/conformance/coverage.md");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(md.as_str()) {
        stale += 1;
        println!(
            "docs/conformance/coverage.md {}",
            if check { "out of date" } else { "written" }
        );
        if !check {
            let _ = std::fs::create_dir_all(path.parent().expect("docs"));
            if let Err(e) = std::fs::write(&path, md) {
                eprintln!("{}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    println!(
        "{} cases, {stale} file(s) {}",
        cases.len(),
        if check { "out of date" } else { "regenerated" }
    );
    if check && stale > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
