//! Embeds every case folder (`cases/<ID>/case.json`, `input.json`, `expected.xml`) and the
//! `cases/RETIRED` list in the crate, so that the `lienthong` binary carries the whole suite.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut ids: Vec<String> = std::fs::read_dir(&root)
        .expect("conformance/cases")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    let mut out = String::from("&[\n");
    for id in &ids {
        let dir = root.join(id);
        for f in ["case.json", "input.json", "expected.xml"] {
            println!("cargo:rerun-if-changed={}", dir.join(f).display());
        }
        let p = |f: &str| format!("{:?}", dir.join(f).display().to_string());
        let expected = dir.join("expected.xml");
        let expected = if expected.exists() {
            format!("include_str!({})", p("expected.xml"))
        } else {
            "\"\"".to_string()
        };
        writeln!(
            out,
            "    EmbeddedCase {{ id: {id:?}, case_json: include_str!({}), input_json: include_str!({}), expected_xml: {expected} }},",
            p("case.json"),
            p("input.json"),
        )
        .unwrap();
    }
    out.push_str("]\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("cases.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed={}", root.join("RETIRED").display());
}
