//! Reference data the rules look up: values that change over time or come from catalogues outside
//! the decision texts. Each table is a small CSV file next to this module (comment lines start with
//! `#`), compiled in and parsed once. Editing a CSV file is enough to update a value.

use crate::types::Date;
use std::collections::HashMap;
use std::sync::OnceLock;

const BASE_SALARY: &str = include_str!("base_salary.csv");
const CARD_PREFIXES: &str = include_str!("card_prefixes.csv");
const MA_DOITUONG_KCB: &str = include_str!("ma_doituong_kcb.csv");

/// The data rows of a CSV table: comment lines and the header line skipped, cells split on `,`.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split(',').map(str::trim).collect())
}

fn parse_date(s: &str) -> Option<Date> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Date::new(y, m, d)
}

/// The statutory base salary (VND per month) in force on `date`, or `None` before the first known
/// value (the research gives no value before 01/07/2024).
pub fn base_salary_on(date: Date) -> Option<u64> {
    static TABLE: OnceLock<Vec<(Date, u64)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut v: Vec<(Date, u64)> = rows(BASE_SALARY)
            .filter_map(|r| Some((parse_date(r.first()?)?, r.get(1)?.parse().ok()?)))
            .collect();
        v.sort();
        v
    });
    table
        .iter()
        .rev()
        .find(|(from, _)| *from <= date)
        .map(|(_, amount)| *amount)
}

/// What the card-prefix table says about a prefix: the benefit digit and the in-network benefit in
/// percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardPrefix {
    /// Benefit level (character 3 of the card number), 1 to 5.
    pub level: u8,
    /// In-network benefit in percent (80, 95 or 100).
    pub percent: u64,
}

/// The entry of a 2-letter card prefix, or `None` for a prefix the table does not know.
pub fn card_prefix(prefix: &str) -> Option<CardPrefix> {
    static TABLE: OnceLock<HashMap<&'static str, CardPrefix>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            rows(CARD_PREFIXES)
                .filter_map(|r| {
                    Some((
                        *r.first()?,
                        CardPrefix {
                            level: r.get(1)?.parse().ok()?,
                            percent: r.get(2)?.parse().ok()?,
                        },
                    ))
                })
                .collect()
        })
        .get(prefix)
        .copied()
}

/// The in-network benefit in percent of a benefit digit (1, 2, 5: 100; 3: 95; 4: 80).
pub fn benefit_percent(level: u8) -> Option<u64> {
    match level {
        1 | 2 | 5 => Some(100),
        3 => Some(95),
        4 => Some(80),
        _ => None,
    }
}

/// True when `code` is in the configured MA_DOITUONG_KCB list.
pub fn known_doituong(code: &str) -> bool {
    static TABLE: OnceLock<Vec<&'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            rows(MA_DOITUONG_KCB)
                .filter_map(|r| r.first().copied())
                .collect()
        })
        .contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(base_salary_on(d(2024, 6, 30)), None);
        assert_eq!(base_salary_on(d(2024, 7, 1)), Some(2_340_000));
        assert_eq!(base_salary_on(d(2026, 1, 1)), Some(2_340_000));
        assert_eq!(
            card_prefix("HT"),
            Some(CardPrefix {
                level: 3,
                percent: 95
            })
        );
        assert_eq!(card_prefix("ZZ"), None);
        for r in rows(CARD_PREFIXES) {
            let p = card_prefix(r[0]).unwrap();
            assert_eq!(benefit_percent(p.level), Some(p.percent), "{}", r[0]);
        }
        assert!(known_doituong("1.10") && known_doituong("2") && !known_doituong("1.11"));
    }
}
