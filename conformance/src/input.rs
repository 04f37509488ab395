//! The neutral input form (`input.json`, described in `docs/conformance/input-format.md`) and
//! how Lienthong's builders turn it into the reference document.
//!
//! Keys are the element names of the decision's dictionary, grouped by meaning (patient, cards,
//! visit, payment, lines, results, papers). What a hospital system computes or copies is **not**
//! in the input and is derived here exactly as a vendor's system must derive it:
//!
//! - `MA_LK` of every row (from the episode) and `STT` of every row (1, 2, 3 ... in input order);
//! - the money columns of XML2 and XML3 lines (`THANH_TIEN_BV`, `THANH_TIEN_BH`, `T_NGUONKHAC`,
//!   `T_BNTT`, `T_BNCCT`, `T_BHTT`) and the nine XML1 totals;
//! - the XML1 card elements (`MA_THE_BHYT`, `MA_DKBD`, `GT_THE_TU`, `GT_THE_DEN`), one `;`-item
//!   per card, in the order of `cards`;
//! - the elements XML6, XML7, XML8, XML9, XML13, XML14 copy from XML1;
//! - the wire form of dates (`2025-03-10` → `20250310`, `2025-03-10T08:00` → `202503100800`,
//!   a birth date without time → `…0000`, a birth year alone → `yyyy00000000`) and of lists
//!   (JSON arrays → `;`-joined).

use lienthong::codec::{AssessmentDocument, CheckinDocument, Envelope};
use lienthong::record::{Layout, Record, RecordBuilder};
use lienthong::tables::*;
use lienthong::types::{Date, FacilityCode, Int, Kind};
use lienthong::validate::{
    check_assessment, check_checkin, check_hoso_with, Finding, Pack, Severity,
};
use lienthong::Hoso;
use serde_json::{Map, Value};

/// The format tag every `input.json` carries.
pub const FORMAT: &str = "lienthong-conformance-input/1";

/// The document a case asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    /// A `GIAMDINHHS` claim envelope.
    Envelope(Envelope),
    /// A check-in document ("XML0").
    Checkin(CheckinDocument),
    /// An XML12 document.
    Assessment(AssessmentDocument),
}

impl Document {
    /// The canonical bytes (unsigned: `CHUKYDONVI` empty).
    pub fn to_bytes(&self) -> Result<Vec<u8>, InputError> {
        let r = match self {
            Document::Envelope(e) => e.to_bytes(),
            Document::Checkin(d) => d.to_bytes(),
            Document::Assessment(d) => d.to_bytes(),
        };
        r.map_err(|e| InputError(format!("writing the document: {e}")))
    }
}

/// An input that cannot be turned into a valid document (a suite bug, never a vendor's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// The reference document of an input, with the warnings the rule pack gives on it.
#[derive(Debug, Clone)]
pub struct Built {
    /// The document.
    pub document: Document,
    /// Warning findings (the reference never has errors).
    pub warnings: Vec<Finding>,
}

fn err<T>(msg: impl Into<String>) -> Result<T, InputError> {
    Err(InputError(msg.into()))
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `yyyy-MM-dd` → `yyyyMMdd`.
fn iso_date(s: &str) -> Option<String> {
    let p: Vec<&str> = s.split('-').collect();
    (p.len() == 3
        && p[0].len() == 4
        && p[1].len() == 2
        && p[2].len() == 2
        && p.iter().all(|x| digits(x)))
    .then(|| p.concat())
}

/// `yyyy-MM-ddTHH:mm` → `yyyyMMddHHmm`.
fn iso_datetime(s: &str) -> Option<String> {
    let (d, t) = s.split_once('T')?;
    let (h, m) = t.split_once(':')?;
    (h.len() == 2 && m.len() == 2 && digits(h) && digits(m))
        .then(|| Some(format!("{}{h}{m}", iso_date(d)?)))
        .flatten()
}

/// A birth date: `yyyy` (day and month unknown), `yyyy-MM-dd` (time unknown) or
/// `yyyy-MM-ddTHH:mm`; `with_time` for the 12-character form.
fn birth(s: &str, with_time: bool) -> Option<String> {
    let t = if with_time { "0000" } else { "" };
    if s.len() == 4 && digits(s) {
        return Some(format!("{s}0000{t}"));
    }
    if s.contains('T') {
        return with_time.then(|| iso_datetime(s)).flatten();
    }
    iso_date(s).map(|d| format!("{d}{t}"))
}

fn scalar_wire(v: &Value, kind: Kind, at: &str) -> Result<String, InputError> {
    let s = match v {
        Value::Null => return Ok(String::new()),
        Value::String(s) => s.as_str(),
        Value::Number(n) if n.is_u64() => return Ok(n.to_string()),
        Value::Number(_) => {
            return err(format!(
                "{at}: write decimals as strings (\"0.5\"), JSON numbers are whole numbers only"
            ))
        }
        _ => return err(format!("{at}: expected a string, a whole number or null")),
    };
    let converted = match kind {
        Kind::Date => iso_date(s),
        Kind::DateTime => iso_datetime(s),
        Kind::BirthDateTime => birth(s, true),
        Kind::BirthDate => birth(s, false),
        Kind::DateOrDateTime if s.contains('T') => iso_datetime(s),
        Kind::DateOrDateTime => iso_date(s),
        _ => return Ok(s.to_string()),
    };
    converted.ok_or_else(|| {
        InputError(format!(
            "{at}: {s:?} is not an ISO date (yyyy-MM-dd) or date-time (yyyy-MM-ddTHH:mm) as this element needs"
        ))
    })
}

/// The wire text of an input value for an element of `kind`.
pub fn wire(v: &Value, kind: Kind, at: &str) -> Result<String, InputError> {
    match (v, kind) {
        (Value::Array(items), Kind::List(inner)) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, x)| scalar_wire(x, *inner, &format!("{at}[{i}]")))
            .collect::<Result<Vec<_>, _>>()?
            .join(";")),
        (Value::Array(_), _) => err(format!("{at}: a list, but the element holds one value")),
        (_, Kind::List(inner)) => scalar_wire(v, *inner, at),
        _ => scalar_wire(v, kind, at),
    }
}

/// Elements a system derives; the input never states them.
const LINE_MONEY: &[&str] = &[
    "MA_LK",
    "STT",
    "THANH_TIEN_BV",
    "THANH_TIEN_BH",
    "T_NGUONKHAC",
    "T_BNTT",
    "T_BNCCT",
    "T_BHTT",
];
const XML1_DERIVED: &[&str] = &[
    "MA_LK",
    "STT",
    "MA_THE_BHYT",
    "MA_DKBD",
    "GT_THE_TU",
    "GT_THE_DEN",
    "T_THUOC",
    "T_VTYT",
    "T_TONGCHI_BV",
    "T_TONGCHI_BH",
    "T_BNTT",
    "T_BNCCT",
    "T_BHTT",
    "T_NGUONKHAC",
    "T_BHTT_GDV",
];
const ROW_KEYS: &[&str] = &["MA_LK", "STT"];

/// Sets every element of `obj` on `b`.
fn fill<B: RecordBuilder>(
    b: &mut B,
    obj: &Map<String, Value>,
    derived: &[&str],
    at: &str,
) -> Result<(), InputError> {
    for (k, v) in obj {
        let at = format!("{at}.{k}");
        if derived.contains(&k.as_str()) {
            return err(format!(
                "{at}: derived by the system, not stated in the input"
            ));
        }
        let Some(i) = B::Output::index_of(k) else {
            return err(format!(
                "{at}: not an element of {}",
                B::Output::TABLE.name()
            ));
        };
        let w = wire(v, B::Output::FIELDS[i].kind, &at)?;
        b.set_wire(k, &w)
            .map_err(|_| InputError(format!("{at}: unknown element")))?;
    }
    Ok(())
}

fn set<B: RecordBuilder>(b: &mut B, element: &str, wire: &str) {
    if B::Output::index_of(element).is_some() {
        let _ = b.set_wire(element, wire);
    }
}

fn object<'a>(v: &'a Value, at: &str) -> Result<&'a Map<String, Value>, InputError> {
    v.as_object()
        .ok_or_else(|| InputError(format!("{at}: expected an object")))
}

fn list<'a>(ep: &'a Map<String, Value>, key: &str, at: &str) -> Result<&'a [Value], InputError> {
    match ep.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => err(format!("{at}.{key}: expected a list")),
    }
}

fn built<B: RecordBuilder>(b: B, at: &str) -> Result<B::Output, InputError> {
    b.try_build()
        .map_err(|f| InputError(format!("{at}: the builder refuses the record:\n{f}")))
}

/// Builds a list table: each row gets `MA_LK` and `STT` (1-based, input order).
fn rows<B: RecordBuilder>(
    items: &[Value],
    start: impl Fn() -> B,
    ma_lk: &str,
    at: &str,
) -> Result<Vec<B::Output>, InputError> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let at = format!("{at}[{i}]");
            let mut b = start();
            set(&mut b, "MA_LK", ma_lk);
            set(&mut b, "STT", &(i + 1).to_string());
            fill(&mut b, object(v, &at)?, ROW_KEYS, &at)?;
            built(b, &at)
        })
        .collect()
}

/// Builds a flat table (one record) when the episode has it.
fn one<B: RecordBuilder>(
    ep: &Map<String, Value>,
    key: &str,
    start: impl Fn() -> B,
    ma_lk: &str,
    at: &str,
) -> Result<Option<B::Output>, InputError> {
    let Some(v) = ep.get(key).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let at = format!("{at}.{key}");
    let mut b = start();
    set(&mut b, "MA_LK", ma_lk);
    fill(&mut b, object(v, &at)?, ROW_KEYS, &at)?;
    built(b, &at).map(Some)
}

const EPISODE_KEYS: &[&str] = &[
    "MA_LK",
    "patient",
    "cards",
    "visit",
    "payment",
    "drugs",
    "services",
    "results",
    "notes",
    "hiv",
    "discharge",
    "record_summary",
    "births",
    "pregnancy_leave",
    "sick_leave",
    "referral",
    "reexam",
    "tb",
];

fn summary(
    ep: &Map<String, Value>,
    index: usize,
    ma_lk: &str,
    drugs: &[DrugLine],
    services: &[ServiceLine],
    at: &str,
) -> Result<Summary, InputError> {
    let mut b = Summary::builder()
        .ma_lk(ma_lk)
        .stt(Int::new(index as u64 + 1));
    let mut seen: Vec<&str> = Vec::new();
    for section in ["patient", "visit", "payment"] {
        let Some(v) = ep.get(section) else { continue };
        let obj = object(v, &format!("{at}.{section}"))?;
        for k in obj.keys() {
            if seen.contains(&k.as_str()) {
                return err(format!("{at}.{section}.{k}: stated twice"));
            }
            seen.push(k);
        }
        fill(&mut b, obj, XML1_DERIVED, &format!("{at}.{section}"))?;
    }
    let cards = list(ep, "cards", at)?;
    for el in ["MA_THE_BHYT", "MA_DKBD", "GT_THE_TU", "GT_THE_DEN"] {
        let kind = match Summary::FIELDS[Summary::index_of(el).expect("XML1 element")].kind {
            Kind::List(k) => *k,
            k => k,
        };
        let mut items = Vec::new();
        for (i, c) in cards.iter().enumerate() {
            let at = format!("{at}.cards[{i}]");
            let c = object(c, &at)?;
            if let Some(k) = c.keys().find(|k| {
                !matches!(
                    k.as_str(),
                    "MA_THE_BHYT" | "MA_DKBD" | "GT_THE_TU" | "GT_THE_DEN"
                )
            }) {
                return err(format!("{at}.{k}: not a card element"));
            }
            items.push(scalar_wire(
                c.get(el).unwrap_or(&Value::Null),
                kind,
                &format!("{at}.{el}"),
            )?);
        }
        if !items.is_empty() {
            b.set_wire(el, &items.join(";"))
                .map_err(|_| InputError(el.into()))?;
        }
    }
    built(b.totals_from(drugs, services), &format!("{at} (XML1)"))
}

fn episode(ep: &Value, index: usize, pack: Pack, at: &str) -> Result<Hoso, InputError> {
    let ep = object(ep, at)?;
    if let Some(k) = ep.keys().find(|k| !EPISODE_KEYS.contains(&k.as_str())) {
        return err(format!("{at}.{k}: not a section of an episode"));
    }
    let ma_lk = match ep.get("MA_LK") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        _ => return err(format!("{at}.MA_LK: required")),
    };
    let ma_lk = ma_lk.as_str();
    let lines = |key: &str| list(ep, key, at);
    let mut drugs = Vec::new();
    for (i, v) in lines("drugs")?.iter().enumerate() {
        let at = format!("{at}.drugs[{i}]");
        let mut b = DrugLine::builder().ma_lk(ma_lk).stt(Int::new(i as u64 + 1));
        fill(&mut b, object(v, &at)?, LINE_MONEY, &at)?;
        drugs.push(built(b.compute_amounts(), &at)?);
    }
    let mut services = Vec::new();
    for (i, v) in lines("services")?.iter().enumerate() {
        let at = format!("{at}.services[{i}]");
        let mut b = ServiceLine::builder()
            .ma_lk(ma_lk)
            .stt(Int::new(i as u64 + 1));
        fill(&mut b, object(v, &at)?, LINE_MONEY, &at)?;
        services.push(built(b.compute_amounts(), &at)?);
    }
    let s = summary(ep, index, ma_lk, &drugs, &services, at)?;
    let layout = if pack == Pack::Qd3176 {
        Layout::Qd3176
    } else {
        Layout::Qd4750
    };
    let hoso = Hoso {
        xml2: drugs,
        xml3: services,
        xml4: rows(
            lines("results")?,
            ParaclinicalResult::builder,
            ma_lk,
            &format!("{at}.results"),
        )?,
        xml5: rows(
            lines("notes")?,
            ClinicalNote::builder,
            ma_lk,
            &format!("{at}.notes"),
        )?,
        xml6: rows(
            lines("hiv")?,
            || HivRecordBuilder::for_episode(&s),
            ma_lk,
            &format!("{at}.hiv"),
        )?,
        xml7: one(
            ep,
            "discharge",
            || DischargePaperBuilder::for_episode(&s),
            ma_lk,
            at,
        )?,
        xml8: one(
            ep,
            "record_summary",
            || RecordSummaryBuilder::for_episode(&s),
            ma_lk,
            at,
        )?,
        xml9: rows(
            lines("births")?,
            || BirthCertificateBuilder::for_episode(&s),
            ma_lk,
            &format!("{at}.births"),
        )?,
        xml10: one(ep, "pregnancy_leave", PregnancyLeave::builder, ma_lk, at)?,
        xml11: one(ep, "sick_leave", SickLeave::builder, ma_lk, at)?,
        xml13: one(
            ep,
            "referral",
            || ReferralBuilder::for_episode_in(&s, layout),
            ma_lk,
            at,
        )?,
        xml14: one(ep, "reexam", || ReexamBuilder::for_episode(&s), ma_lk, at)?,
        xml15: rows(lines("tb")?, TbRecord::builder, ma_lk, &format!("{at}.tb"))?,
        xml1: Some(s),
        ..Default::default()
    };
    Ok(hoso)
}

fn errors_only(findings: Vec<Finding>, at: &str) -> Result<Vec<Finding>, InputError> {
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("  {f}"))
        .collect();
    if errors.is_empty() {
        Ok(findings)
    } else {
        err(format!(
            "{at}: the rule pack finds errors in the reference:\n{}",
            errors.join("\n")
        ))
    }
}

fn standalone_rows<B: RecordBuilder>(
    input: &Map<String, Value>,
    start: impl Fn() -> B,
) -> Result<Vec<B::Output>, InputError> {
    let items = list(input, "rows", "input")?;
    if items.is_empty() {
        return err("input.rows: a standalone document needs at least one row");
    }
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let at = format!("input.rows[{i}]");
            let mut b = start();
            set(&mut b, "STT", &(i + 1).to_string());
            fill(&mut b, object(v, &at)?, &["STT"], &at)?;
            built(b, &at)
        })
        .collect()
}

/// Builds the reference document of `input` (the parsed `input.json`) under `pack`, with
/// Lienthong's builders; refuses an input whose reference would have a rule error.
pub fn build(input: &Value, pack: Pack) -> Result<Built, InputError> {
    let input = object(input, "input")?;
    match input.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        other => return err(format!("input.format: {other:?}, expected {FORMAT:?}")),
    }
    let allowed: &[&str] = &[
        "format",
        "document",
        "facility",
        "file_date",
        "episodes",
        "rows",
    ];
    if let Some(k) = input.keys().find(|k| !allowed.contains(&k.as_str())) {
        return err(format!("input.{k}: not a key of the input"));
    }
    match input.get("document").and_then(Value::as_str) {
        Some("envelope") => {
            let facility = input
                .get("facility")
                .and_then(Value::as_str)
                .and_then(|f| FacilityCode::new(f).ok())
                .ok_or_else(|| InputError("input.facility: a 5-character facility code".into()))?;
            let date = input
                .get("file_date")
                .and_then(Value::as_str)
                .and_then(iso_date)
                .and_then(|d| {
                    let n = |r: std::ops::Range<usize>| d[r].parse::<u32>().ok();
                    Date::new(n(0..4)? as u16, n(4..6)? as u8, n(6..8)? as u8)
                })
                .ok_or_else(|| InputError("input.file_date: an ISO date".into()))?;
            let episodes = list(input, "episodes", "input")?;
            if episodes.is_empty() {
                return err("input.episodes: at least one episode");
            }
            let mut hosos = Vec::new();
            let mut warnings = Vec::new();
            for (i, ep) in episodes.iter().enumerate() {
                let at = format!("input.episodes[{i}]");
                let h = episode(ep, i, pack, &at)?;
                warnings.extend(errors_only(check_hoso_with(&h, Some(pack)), &at)?);
                hosos.push(h);
            }
            Ok(Built {
                document: Document::Envelope(Envelope::new(facility, date, hosos)),
                warnings,
            })
        }
        Some("checkin") => {
            let doc = CheckinDocument::new(standalone_rows(input, CheckinRow::builder)?);
            let warnings = errors_only(check_checkin(&doc), "input")?;
            Ok(Built {
                document: Document::Checkin(doc),
                warnings,
            })
        }
        Some("assessment") => {
            let doc = AssessmentDocument::new(standalone_rows(input, Assessment::builder)?);
            let warnings = errors_only(check_assessment(&doc), "input")?;
            Ok(Built {
                document: Document::Assessment(doc),
                warnings,
            })
        }
        other => err(format!(
            "input.document: {other:?}, expected \"envelope\", \"checkin\" or \"assessment\""
        )),
    }
}

/// Builds the reference bytes of an `input.json` text.
pub fn reference_bytes(input_json: &str, pack: Pack) -> Result<Vec<u8>, InputError> {
    let v: Value =
        serde_json::from_str(input_json).map_err(|e| InputError(format!("input.json: {e}")))?;
    build(&v, pack)?.document.to_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_take_their_wire_form_from_the_element_kind() {
        let s = |x: &str| Value::String(x.into());
        assert_eq!(wire(&s("2025-03-10"), Kind::Date, "x").unwrap(), "20250310");
        assert_eq!(
            wire(&s("2025-03-10T08:05"), Kind::DateTime, "x").unwrap(),
            "202503100805"
        );
        assert_eq!(
            wire(&s("1985-04-15"), Kind::BirthDateTime, "x").unwrap(),
            "198504150000"
        );
        assert_eq!(
            wire(&s("1985"), Kind::BirthDateTime, "x").unwrap(),
            "198500000000"
        );
        assert_eq!(wire(&s("1985"), Kind::BirthDate, "x").unwrap(), "19850000");
        assert!(wire(&s("20250310"), Kind::Date, "x").is_err());
        assert!(wire(&s("2025-03-10"), Kind::DateTime, "x").is_err());
        let list = Value::Array(vec![s("2025-04-10"), s("2025-05-10")]);
        static DATE: Kind = Kind::Date;
        assert_eq!(
            wire(&list, Kind::List(&DATE), "x").unwrap(),
            "20250410;20250510"
        );
        assert!(wire(&serde_json::json!(0.5), Kind::Dec, "x").is_err());
        assert_eq!(wire(&serde_json::json!(3), Kind::Dec, "x").unwrap(), "3");
    }

    fn minimal() -> Value {
        serde_json::json!({
            "format": FORMAT, "document": "checkin",
            "rows": [{"MA_LK": "LK1", "MA_BN": "BN1", "HO_TEN": "NGUYỄN VĂN A", "NGAY_SINH": "1985-04-15",
                      "GIOI_TINH": "1", "MA_THE_BHYT": "GD4799990000001", "MA_DKBD": "79999",
                      "GT_THE_TU": "2025-01-01", "GT_THE_DEN": "2025-12-31", "MA_DOITUONG_KCB": "1.1",
                      "NGAY_VAO": "2025-03-10T08:00", "MA_LOAI_KCB": "01", "MA_CSKCB": "79999",
                      "MA_DICH_VU": "02.1896", "TEN_DICH_VU": "Khám Nội", "NGAY_YL": "2025-03-10T08:10"}]
        })
    }

    #[test]
    fn the_input_is_strict() {
        assert!(build(&minimal(), Pack::Qd3176).is_ok());
        let refused = |edit: &dyn Fn(&mut Value), needle: &str| {
            let mut v = minimal();
            edit(&mut v);
            let e = build(&v, Pack::Qd3176).unwrap_err();
            assert!(e.0.contains(needle), "{e}");
        };
        refused(&|v| v["format"] = "other".into(), "input.format");
        refused(&|v| v["extra"] = 1.into(), "input.extra");
        refused(&|v| v["rows"][0]["STT"] = "1".into(), "derived");
        refused(
            &|v| v["rows"][0]["NOT_AN_ELEMENT"] = "1".into(),
            "not an element of XML0",
        );
        refused(
            &|v| v["rows"][0]["NGAY_VAO"] = "202503100800".into(),
            "not an ISO date",
        );
        refused(
            &|v| v["rows"][0]["GIOI_TINH"] = "9".into(),
            "the builder refuses",
        );
        refused(&|v| v["rows"] = Value::Array(vec![]), "at least one row");
    }

    #[test]
    fn line_money_and_card_lists_are_derived_never_stated() {
        let v = serde_json::json!({
            "format": FORMAT, "document": "envelope", "facility": "79999", "file_date": "2025-03-10",
            "episodes": [{"MA_LK": "LK1", "drugs": [{"THANH_TIEN_BV": "1"}]}]
        });
        assert!(build(&v, Pack::Qd3176)
            .unwrap_err()
            .0
            .contains("drugs[0].THANH_TIEN_BV: derived"));
        let v = serde_json::json!({
            "format": FORMAT, "document": "envelope", "facility": "79999", "file_date": "2025-03-10",
            "episodes": [{"MA_LK": "LK1", "visit": {"MA_THE_BHYT": "GD4799990000001"}}]
        });
        assert!(build(&v, Pack::Qd3176)
            .unwrap_err()
            .0
            .contains("visit.MA_THE_BHYT: derived"));
        let v = serde_json::json!({
            "format": FORMAT, "document": "envelope", "facility": "79999", "file_date": "2025-03-10",
            "episodes": [{"MA_LK": "LK1", "patient": {"MA_BN": "1"}, "visit": {"MA_BN": "1"}}]
        });
        assert!(build(&v, Pack::Qd3176)
            .unwrap_err()
            .0
            .contains("stated twice"));
    }
}
