//! The ICD-10 catalogue of QĐ 4469/QĐ-BYT (2020) with its constraint appendices: codes that are
//! never the main diagnosis (A2), sex-specific codes (A4), age ranges (A3) and dagger/asterisk
//! pairs (A1). The CSVs of `spec/icd10/` are compiled in verbatim and read on first use.

use crate::types::Date;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const CODES_CSV: &str = include_str!("../../spec/icd10/icd10_qd4469.csv");
const CONSTRAINTS_CSV: &str = include_str!("../../spec/icd10/icd10_qd4469_constraints.csv");
const PAIRS_CSV: &str = include_str!("../../spec/icd10/icd10_qd4469_dagger_asterisk.csv");

/// An age bound of appendix A3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    /// Whole days since birth.
    Days(u32),
    /// Whole years since birth.
    Years(u32),
}

/// The valid age range of a code (appendix A3), bounds inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeRange {
    /// Youngest valid age.
    pub min: Age,
    /// Oldest valid age, when bounded.
    pub max: Option<Age>,
    /// The appendix clause (`A3.1` ...).
    pub clause: &'static str,
}

/// What the appendices say about one code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IcdEntry {
    /// Vietnamese name (empty for codes known only from the appendices).
    pub name_vi: Box<str>,
    /// English name.
    pub name_en: Box<str>,
    /// Never the main diagnosis (appendix A2).
    pub not_main: bool,
    /// Only for women (A4.1).
    pub female_only: bool,
    /// Only for men (A4.2).
    pub male_only: bool,
    /// Valid age range (A3).
    pub age: Option<AgeRange>,
}

/// The catalogue.
#[derive(Debug, Default)]
pub struct Icd10 {
    codes: HashMap<Box<str>, IcdEntry>,
    /// (dagger, asterisk) pairs by their dot-less codes; the asterisk is the main diagnosis.
    pairs: HashSet<(Box<str>, Box<str>)>,
    /// Dot-less codes that are the dagger of some pair.
    daggers: HashSet<Box<str>>,
}

/// The dot-less form used by the appendices (`E11.9` -> `E119`), without a dagger or asterisk.
pub fn nodot(code: &str) -> String {
    code.trim_end_matches(['†', '*'])
        .chars()
        .filter(|c| *c != '.')
        .collect()
}

fn age_range(constraint: &str) -> Option<AgeRange> {
    use Age::*;
    let r = |min, max, clause| Some(AgeRange { min, max, clause });
    match constraint {
        "age_0_365_days" => r(Days(0), Some(Days(365)), "A3.1"),
        "age_over_27_days" => r(Days(28), None, "A3.5"),
        "age_1y_plus" => r(Years(1), None, "A3.6"),
        "age_over_15y" => r(Years(16), None, "A3.9"),
        "age_over_30y" => r(Years(31), None, "A3.10"),
        c if c.starts_with("appendix A3.2") => r(Days(0), Some(Years(2)), "A3.2"),
        c if c.starts_with("appendix A3.3") => r(Days(0), Some(Years(10)), "A3.3"),
        c if c.starts_with("appendix A3.4") => r(Days(0), Some(Years(19)), "A3.4"),
        c if c.starts_with("appendix A3.7") => r(Years(8), Some(Years(19)), "A3.7"),
        c if c.starts_with("appendix A3.8") => r(Years(9), Some(Years(60)), "A3.8"),
        _ => None,
    }
}

/// Splits one CSV line into fields (RFC 4180 quoting; the catalogue has no line breaks in fields).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

impl Icd10 {
    fn load() -> Self {
        let mut cat = Icd10::default();
        for line in CODES_CSV.lines().skip(1).filter(|l| !l.is_empty()) {
            let f = fields(line);
            if f.len() >= 4 {
                let e = cat.codes.entry(nodot(&f[0]).into()).or_default();
                if e.name_vi.is_empty() {
                    e.name_vi = f[2].as_str().into();
                    e.name_en = f[3].as_str().into();
                }
            }
        }
        for line in CONSTRAINTS_CSV.lines().skip(1).filter(|l| !l.is_empty()) {
            let f = fields(line);
            if f.len() < 2 {
                continue;
            }
            let e = cat.codes.entry(f[0].as_str().into()).or_default();
            match f[1].as_str() {
                "not_main_diagnosis" => e.not_main = true,
                "female_only" => e.female_only = true,
                "male_only" => e.male_only = true,
                other => e.age = age_range(other).or(e.age),
            }
        }
        for line in PAIRS_CSV.lines().skip(1).filter(|l| !l.is_empty()) {
            let f = fields(line);
            if f.len() >= 2 {
                cat.codes.entry(f[0].as_str().into()).or_default();
                cat.codes.entry(f[1].as_str().into()).or_default();
                cat.pairs
                    .insert((f[0].as_str().into(), f[1].as_str().into()));
                cat.daggers.insert(f[0].as_str().into());
            }
        }
        cat
    }

    /// The entry of a code as written in claim files (`E11.9`; a trailing `†` or `*` is ignored).
    pub fn get(&self, code: &str) -> Option<&IcdEntry> {
        self.codes.get(nodot(code).as_str())
    }

    /// True when `dagger` and `asterisk` form a pair of appendix A1 (whose main diagnosis is the
    /// asterisk code).
    pub fn is_pair(&self, dagger: &str, asterisk: &str) -> bool {
        self.pairs.contains(&(
            nodot(dagger).into_boxed_str(),
            nodot(asterisk).into_boxed_str(),
        ))
    }

    /// True when `code` is the dagger code of some pair.
    pub fn is_dagger(&self, code: &str) -> bool {
        self.daggers.contains(nodot(code).as_str())
    }

    /// Number of codes known.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// The catalogue, loaded on first use.
pub fn icd10() -> &'static Icd10 {
    static CATALOGUE: OnceLock<Icd10> = OnceLock::new();
    CATALOGUE.get_or_init(Icd10::load)
}

/// Whole years and days of age on `on` for someone born on `birth`.
pub fn age_on(birth: Date, on: Date) -> Option<(u32, u32)> {
    let days = on.day_number() - birth.day_number();
    if days < 0 {
        return None;
    }
    let mut years = i64::from(on.year()) - i64::from(birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    Some((years.max(0) as u32, days as u32))
}

impl AgeRange {
    /// True when an age of `years` whole years and `days` days is within the range.
    pub fn contains(&self, years: u32, days: u32) -> bool {
        let at_least = |a: Age| match a {
            Age::Days(d) => days >= d,
            Age::Years(y) => years >= y,
        };
        let at_most = |a: Age| match a {
            Age::Days(d) => days <= d,
            Age::Years(y) => years <= y,
        };
        at_least(self.min) && self.max.is_none_or(at_most)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_loads_codes_and_appendices() {
        let c = icd10();
        assert!(c.len() > 12_000);
        let e = c.get("E11.9").unwrap();
        assert!(e.name_vi.starts_with("Bệnh đái tháo đường"));
        assert!(c.get("Z00.0").unwrap().not_main);
        assert!(c.get("O00.0").unwrap().female_only && c.get("C60.0").unwrap().male_only);
        assert_eq!(c.get("I10").unwrap().age.unwrap().clause, "A3.6");
        assert!(c.get("A17.0†").is_some());
        assert!(c.get("Q99.9").is_some());
        assert!(c.get("E11.99").is_none());
        assert!(c.is_pair("A01.0", "G01"));
        assert!(c.is_dagger("A01.0"));
        assert!(!c.is_dagger("G01"));
    }

    #[test]
    fn ages_in_years_and_days() {
        let b = Date::new(2000, 2, 29).unwrap();
        assert_eq!(age_on(b, Date::new(2001, 2, 28).unwrap()), Some((0, 365)));
        assert_eq!(age_on(b, Date::new(2001, 3, 1).unwrap()).unwrap().0, 1);
        assert_eq!(age_on(b, Date::new(1999, 1, 1).unwrap()), None);
        let r = age_range("age_0_365_days").unwrap();
        assert!(r.contains(0, 365) && !r.contains(1, 366));
        let r = age_range("appendix A3.8 Bệnh sản phụ khoa (tuổi hợp lệ : 9 – 60 tuổi)").unwrap();
        assert!(
            r.contains(9, 3300)
                && r.contains(60, 22000)
                && !r.contains(61, 22300)
                && !r.contains(8, 3000)
        );
    }

    #[test]
    fn csv_fields_with_quotes() {
        assert_eq!(
            fields(r#"A00.0,A000,"Bệnh tả, typ ""a""",x"#),
            vec!["A00.0", "A000", "Bệnh tả, typ \"a\"", "x"]
        );
    }
}
