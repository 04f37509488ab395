//! Helpers shared by the integration tests.

use lienthong::codec::Envelope;
use lienthong::gen::{generate, GenOptions};
use lienthong::hoso::{Hoso, TableVisitor};
use lienthong::record::Record;
use lienthong::validate::{check_record, Finding, RuleCtx};

/// A generated file of `n` episodes.
pub fn generated(n: usize, seed: u64) -> Vec<u8> {
    generate(&GenOptions {
        hoso: n,
        seed,
        ..Default::default()
    })
}

/// Every record-level finding of every table of a `HOSO`.
pub fn record_findings(h: &Hoso) -> Vec<Finding> {
    struct V(Vec<Finding>, Option<usize>);
    impl TableVisitor for V {
        fn visit<R: Record>(&mut self, rows: &[R]) {
            for (i, r) in rows.iter().enumerate() {
                let ctx = RuleCtx {
                    hoso: self.1,
                    row: Some(i + 1),
                    ..Default::default()
                };
                self.0.extend(check_record(r, &ctx));
            }
        }
    }
    let mut v = V(Vec::new(), h.source.as_ref().map(|s| s.index));
    h.visit_tables(&mut v);
    v.0
}

/// Parses a whole envelope, panicking with the error's text on failure.
pub fn parse(bytes: &[u8]) -> Envelope {
    Envelope::from_bytes(bytes).unwrap_or_else(|e| panic!("parse failed: {e}"))
}
