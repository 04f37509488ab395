//! Writes seed corpora for the fuzz targets: generated envelopes, each table document of them,
//! and check-in and XML12 documents. Usage: `cargo run -p lienthong --example fuzz_seeds -- DIR`.

use lienthong::codec::{table_document, CheckinDocument, Envelope};
use lienthong::gen::{checkin_for, generate, GenOptions};
use lienthong::hoso::TableVisitor;
use lienthong::record::Record;
use std::path::{Path, PathBuf};

struct Tables<'a>(&'a Path, usize);

impl TableVisitor for Tables<'_> {
    fn visit<R: Record>(&mut self, rows: &[R]) {
        let name = format!("table_{}", R::TABLE.name().to_lowercase());
        let dir = self.0.join(name);
        std::fs::create_dir_all(&dir).expect("create corpus dir");
        let doc = table_document(rows).expect("generated records are writable");
        std::fs::write(dir.join(format!("seed_{}", self.1)), doc).expect("write seed");
    }
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fuzz/corpus".into()),
    );
    for target in [
        "envelope",
        "standalone",
        "table_xml0",
        "table_xml12",
        "json",
        "rules_file",
        "sign_verify",
    ] {
        std::fs::create_dir_all(dir.join(target)).expect("create corpus dir");
    }
    for seed in 0..4u64 {
        let file = generate(&GenOptions {
            hoso: 3,
            seed,
            ..Default::default()
        });
        std::fs::write(dir.join("envelope").join(format!("seed_{seed}")), &file)
            .expect("write seed");
        let env = Envelope::from_bytes(&file).expect("generated files parse");
        std::fs::write(dir.join("sign_verify").join(format!("seed_{seed}")), &file)
            .expect("write seed");
        let json = lienthong::codec::json::envelope_to_json(&env).to_string();
        std::fs::write(dir.join("json").join(format!("seed_{seed}")), json).expect("write seed");
        for (i, h) in env.hosos.iter().enumerate() {
            h.visit_tables(&mut Tables(&dir, seed as usize * 10 + i));
            if let Some(row) = checkin_for(h) {
                let doc = CheckinDocument::new(vec![row])
                    .to_bytes()
                    .expect("writable");
                std::fs::write(
                    dir.join("standalone").join(format!("seed_{seed}_{i}")),
                    &doc,
                )
                .expect("write seed");
                std::fs::write(
                    dir.join("table_xml0").join(format!("seed_{seed}_{i}")),
                    &doc,
                )
                .expect("write seed");
            }
        }
    }
    std::fs::write(
        dir.join("rules_file").join("seed"),
        "[severity]\n\"icd.age\" = \"error\"\n\"field.not_nfc\" = \"off\"\n",
    )
    .expect("write seed");
    // A file signed by xmlsec1, so the verifier's whole path is in the corpus.
    let signed = include_bytes!("../tests/fixtures/sign/xmlsec-envelope.xml");
    std::fs::write(dir.join("sign_verify").join("signed"), signed).expect("write seed");
    let xml12 = lienthong::codec::AssessmentDocument::new(vec![Default::default()])
        .to_bytes()
        .expect("writable");
    std::fs::write(dir.join("table_xml12").join("seed_empty"), xml12).expect("write seed");
}
