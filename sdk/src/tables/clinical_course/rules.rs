//! XML5 rules. The dictionary gives XML5 no conditional requirements: every mandatory element is
//! always mandatory, which the dictionary rules check. Timing against the episode (XML1) is a
//! cross-table rule of the rule pack.

use super::ClinicalNote;
use crate::validate::{FamilyRules, Finding, RuleCtx};

impl FamilyRules for ClinicalNote {
    fn check(&self, _ctx: &RuleCtx<'_>, _out: &mut Vec<Finding>) {}
}
