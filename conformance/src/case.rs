//! The cases: metadata (`case.json`), input (`input.json`) and reference output
//! (`expected.xml`), embedded at build time from `conformance/cases/`.

use lienthong::validate::Pack;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A case folder as embedded by `build.rs`.
#[derive(Debug, Clone, Copy)]
pub struct EmbeddedCase {
    /// Folder name (the case id).
    pub id: &'static str,
    /// `case.json`.
    pub case_json: &'static str,
    /// `input.json`.
    pub input_json: &'static str,
    /// `expected.xml` (empty when it was never generated).
    pub expected_xml: &'static str,
}

const EMBEDDED: &[EmbeddedCase] = include!(concat!(env!("OUT_DIR"), "/cases.rs"));
const RETIRED: &str = include_str!("../cases/RETIRED");

/// `case.json`: what a case is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseMeta {
    /// Stable id, the same as the folder name (`VN130-XML1-001`).
    pub id: String,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
    /// The decision clauses the case exercises (`QĐ 130 Bảng 1`, `QĐ 4750 Bảng 3 MUC_HUONG`).
    pub clauses: Vec<String>,
    /// The rule pack the vendor's file is checked under: `130`, `4750` or `3176`.
    pub pack: String,
    /// Whether the vendor's file must carry a valid signature in `CHUKYDONVI`.
    pub signature_required: bool,
    /// What the case checks, in Vietnamese.
    #[serde(default)]
    pub checks_vi: String,
    /// What the case checks, in English.
    #[serde(default)]
    pub checks_en: String,
}

/// One case of the suite.
#[derive(Debug, Clone)]
pub struct Case {
    /// Metadata.
    pub meta: CaseMeta,
    /// `input.json` text.
    pub input_json: String,
    /// `expected.xml` text.
    pub expected_xml: String,
}

impl Case {
    /// The case id.
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// The rule pack.
    pub fn pack(&self) -> Pack {
        Pack::from_name(&self.meta.pack).unwrap_or(Pack::Qd3176)
    }
}

/// A problem with the case files themselves (a suite bug, never a vendor's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuiteError(pub String);

impl std::fmt::Display for SuiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SuiteError {}

fn parse_case(
    id: &str,
    case_json: &str,
    input_json: &str,
    expected: &str,
) -> Result<Case, SuiteError> {
    let meta: CaseMeta =
        serde_json::from_str(case_json).map_err(|e| SuiteError(format!("{id}/case.json: {e}")))?;
    if meta.id != id {
        return Err(SuiteError(format!(
            "{id}/case.json: id {:?} differs from the folder name",
            meta.id
        )));
    }
    if Pack::from_name(&meta.pack).is_none() {
        return Err(SuiteError(format!(
            "{id}/case.json: unknown pack {:?}",
            meta.pack
        )));
    }
    if !valid_id(id) {
        return Err(SuiteError(format!(
            "{id}: ids are VN130-<AREA>-<NNN> (upper-case letters and digits)"
        )));
    }
    if retired().contains(&id) {
        return Err(SuiteError(format!(
            "{id} is listed in cases/RETIRED: a retired id is never used again"
        )));
    }
    Ok(Case {
        meta,
        input_json: input_json.to_string(),
        expected_xml: expected.to_string(),
    })
}

/// Whether `id` has the form `VN130-<AREA>-<NNN>`.
pub fn valid_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.len() == 3
        && parts[0] == "VN130"
        && !parts[1].is_empty()
        && parts[1]
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && parts[2].len() == 3
        && parts[2].chars().all(|c| c.is_ascii_digit())
}

/// The retired ids (`cases/RETIRED`: one id a line, `#` comments).
pub fn retired() -> Vec<&'static str> {
    RETIRED
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Every case embedded in this build, in id order.
pub fn suite() -> Result<Vec<Case>, SuiteError> {
    EMBEDDED
        .iter()
        .map(|e| parse_case(e.id, e.case_json, e.input_json, e.expected_xml))
        .collect()
}

/// The case folder of the source tree (for the generator and the tests).
pub fn source_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// Every case read from a `cases` folder on disk (the generator's view; `expected.xml` may be
/// missing), in id order.
pub fn suite_from_dir(dir: &Path) -> Result<Vec<Case>, SuiteError> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| SuiteError(format!("{}: {e}", dir.display())))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids.iter()
        .map(|id| {
            let read = |f: &str| {
                std::fs::read_to_string(dir.join(id).join(f))
                    .map_err(|e| SuiteError(format!("{id}/{f}: {e}")))
            };
            let expected = read("expected.xml").unwrap_or_default();
            parse_case(id, &read("case.json")?, &read("input.json")?, &expected)
        })
        .collect()
}
