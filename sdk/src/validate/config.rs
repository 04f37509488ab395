//! Rule packs (which decision's rules apply to a visit) and per-rule severity overrides read from
//! a TOML rules file.
//!
//! ```toml
//! # lienthong rules file
//! [severity]
//! "icd.age" = "error"        # make a warning an error
//! "field.not_nfc" = "off"    # do not report this rule at all
//! ```

use super::{catalog, Finding, Severity};
use crate::types::Date;
use std::collections::HashMap;
use std::fmt;

/// A rule pack: the rules as a decision wrote them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pack {
    /// QĐ 130/QĐ-BYT (18/01/2023), for visits ending before 01/04/2024.
    Qd130,
    /// QĐ 4750/QĐ-BYT (29/12/2023), trial from 01/04/2024, official from 01/07/2024.
    Qd4750,
    /// QĐ 3176/QĐ-BYT (29/10/2024), applied from 01/01/2025.
    Qd3176,
}

impl Pack {
    /// Every pack, oldest first.
    pub const ALL: [Pack; 3] = [Pack::Qd130, Pack::Qd4750, Pack::Qd3176];

    /// The pack's name on the command line (`130`, `4750`, `3176`).
    pub fn name(self) -> &'static str {
        match self {
            Pack::Qd130 => "130",
            Pack::Qd4750 => "4750",
            Pack::Qd3176 => "3176",
        }
    }

    /// The pack named `name` (`130`, `4750`, `3176`, with or without a `qd` prefix).
    pub fn from_name(name: &str) -> Option<Pack> {
        let n = name
            .trim()
            .trim_start_matches(['q', 'Q'])
            .trim_start_matches(['d', 'D', 'đ', 'Đ']);
        Pack::ALL.into_iter().find(|p| p.name() == n)
    }

    /// The first day the pack applies to (by the visit's end date).
    pub fn effective_from(self) -> Date {
        let d = |y, m, d| Date::new(y, m, d).expect("valid constant date");
        match self {
            Pack::Qd130 => d(2023, 3, 31),
            Pack::Qd4750 => d(2024, 4, 1),
            Pack::Qd3176 => d(2025, 1, 1),
        }
    }

    /// The pack for a visit that ended (or, without an end, started) on `date`: the newest pack in
    /// effect on that day. Visits before QĐ 130 fall under QĐ 130 (the earliest pack there is).
    pub fn for_date(date: Date) -> Pack {
        Pack::ALL
            .into_iter()
            .rev()
            .find(|p| p.effective_from() <= date)
            .unwrap_or(Pack::Qd130)
    }
}

impl fmt::Display for Pack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "QĐ {}", self.name())
    }
}

/// What a rules file may set a rule to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Override {
    /// Report with this severity.
    Severity(Severity),
    /// Do not report.
    Off,
}

/// A rules file could not be used. Names the key, never anything else from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rules file: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Severity overrides per rule id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleConfig {
    overrides: HashMap<String, Override>,
}

impl RuleConfig {
    /// Reads a rules file. Unknown rule ids and values other than `error`, `warning` and `off`
    /// are errors, so a typo cannot silently switch a check off.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let value: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| ConfigError(e.message().to_owned()))?;
        let mut overrides = HashMap::new();
        for (key, v) in &value {
            if key != "severity" {
                return Err(ConfigError(format!(
                    "unknown section [{key}]; only [severity] is allowed"
                )));
            }
            let table = v
                .as_table()
                .ok_or_else(|| ConfigError("[severity] must be a table".into()))?;
            for (id, level) in table {
                if catalog::rule(id).is_none() {
                    return Err(ConfigError(format!(
                        "unknown rule id {id:?} (see `lienthong rules list`)"
                    )));
                }
                let o = match level.as_str() {
                    Some("error") => Override::Severity(Severity::Error),
                    Some("warning") => Override::Severity(Severity::Warning),
                    Some("off") => Override::Off,
                    _ => {
                        return Err(ConfigError(format!(
                            "{id}: use \"error\", \"warning\" or \"off\""
                        )))
                    }
                };
                overrides.insert(id.to_string(), o);
            }
        }
        Ok(RuleConfig { overrides })
    }

    /// Sets one override.
    pub fn set(&mut self, rule: &str, o: Override) {
        self.overrides.insert(rule.to_owned(), o);
    }

    /// The finding with its severity overridden, or `None` when its rule is off.
    pub fn apply(&self, mut f: Finding) -> Option<Finding> {
        match self.overrides.get(f.rule) {
            None => Some(f),
            Some(Override::Off) => None,
            Some(Override::Severity(s)) => {
                f.severity = *s;
                Some(f)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_follow_the_effective_dates() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(Pack::for_date(d(2023, 1, 1)), Pack::Qd130);
        assert_eq!(Pack::for_date(d(2024, 3, 31)), Pack::Qd130);
        assert_eq!(Pack::for_date(d(2024, 4, 1)), Pack::Qd4750);
        assert_eq!(Pack::for_date(d(2024, 12, 31)), Pack::Qd4750);
        assert_eq!(Pack::for_date(d(2025, 1, 1)), Pack::Qd3176);
        assert_eq!(Pack::from_name("qd4750"), Some(Pack::Qd4750));
        assert_eq!(Pack::from_name("3176"), Some(Pack::Qd3176));
        assert_eq!(Pack::from_name("4210"), None);
    }

    #[test]
    fn rules_files_override_and_refuse_typos() {
        let c = RuleConfig::from_toml(
            "[severity]\n\"icd.age\" = \"error\"\n\"field.not_nfc\" = \"off\"\n",
        )
        .unwrap();
        let f = |rule| Finding {
            rule,
            severity: Severity::Warning,
            table: None,
            ma_lk: None,
            stt: None,
            field: None,
            path: String::new(),
            line: None,
            column: None,
            message_vi: String::new(),
            message_en: String::new(),
            hint_vi: String::new(),
            hint_en: String::new(),
        };
        assert_eq!(c.apply(f("icd.age")).unwrap().severity, Severity::Error);
        assert!(c.apply(f("field.not_nfc")).is_none());
        assert_eq!(c.apply(f("icd.sex")).unwrap().severity, Severity::Warning);
        assert!(
            RuleConfig::from_toml("[severity]\n\"icd.agee\" = \"error\"")
                .unwrap_err()
                .0
                .contains("icd.agee")
        );
        assert!(RuleConfig::from_toml("[severity]\n\"icd.age\" = \"fatal\"").is_err());
        assert!(RuleConfig::from_toml("[other]\nx = 1").is_err());
        assert!(RuleConfig::from_toml("not toml").is_err());
    }
}
