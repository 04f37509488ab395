//! # Lienthong conformance suite
//!
//! The scenarios a hospital-software vendor runs before certification, and the runner that checks
//! what the vendor's system made of them.
//!
//! - [`case`]: the cases (`cases/<ID>/case.json`, `input.json`, `expected.xml`), embedded in the
//!   crate so that the `lienthong` binary carries the whole suite;
//! - [`input`]: the neutral input form and how Lienthong's builders turn it into the reference
//!   document (`expected.xml`);
//! - [`compare`]: field-for-field comparison of a vendor's document with the reference;
//! - [`run`]: one result per case (pass, fail, skip, error) and [`report`]: text, JSON, JUnit and
//!   HTML;
//! - [`gateway`]: the gateway behaviour profile, checked over a recorded traffic log;
//! - [`coverage`]: the coverage table (`docs/conformance/coverage.md`).
//!
//! The formats are described in `docs/conformance/`.

pub mod case;
pub mod compare;
pub mod coverage;
pub mod gateway;
pub mod input;
pub mod report;
pub mod run;

/// Version of the suite: the cases and the pass criteria. A new case or a changed criterion
/// raises it; case ids never change meaning (see `cases/RETIRED`).
pub const SUITE_VERSION: &str = "1.1.0";

/// Version of Lienthong (the SDK that made the reference files and checks the vendor's).
pub const LIENTHONG_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The rule packs the suite uses, oldest first, as reports name them: each case runs under its
/// own pack.
pub fn rule_packs(cases: &[case::Case]) -> String {
    let mut packs: Vec<lienthong::validate::Pack> = cases.iter().map(case::Case::pack).collect();
    packs.sort();
    packs.dedup();
    packs
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
