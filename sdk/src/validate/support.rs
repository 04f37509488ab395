//! Small helpers that family rules share, so each rule reads as one line.

use super::{Finding, RuleCtx, Severity};
use crate::record::Record;

/// Collects the findings of one record's family rules.
pub(crate) struct Check<'a, 'c, R: Record> {
    rec: &'a R,
    ctx: &'a RuleCtx<'c>,
    out: &'a mut Vec<Finding>,
}

impl<'a, 'c, R: Record> Check<'a, 'c, R> {
    pub(crate) fn new(rec: &'a R, ctx: &'a RuleCtx<'c>, out: &'a mut Vec<Finding>) -> Self {
        Check { rec, ctx, out }
    }

    fn absent(&self, field: &str) -> bool {
        self.rec.get(field).is_none_or(|f| f.is_absent())
    }

    /// An error finding at `field`.
    pub(crate) fn error(&mut self, rule: &'static str, field: &str, vi: String, en: String) {
        self.out.push(
            self.ctx
                .finding(self.rec, rule, Severity::Error, Some(field), vi, en),
        );
    }

    /// A warning finding at `field`.
    pub(crate) fn warning(&mut self, rule: &'static str, field: &str, vi: String, en: String) {
        self.out.push(
            self.ctx
                .finding(self.rec, rule, Severity::Warning, Some(field), vi, en),
        );
    }

    /// `field` must be present when `when` holds (`cond_*` describes the condition).
    pub(crate) fn required_when(
        &mut self,
        rule: &'static str,
        when: bool,
        field: &str,
        cond_vi: &str,
        cond_en: &str,
    ) {
        if when && self.absent(field) {
            self.error(
                rule,
                field,
                format!("Thiếu {field}: bắt buộc khi {cond_vi}"),
                format!("{field} is missing: it is required when {cond_en}"),
            );
        }
    }

    /// At least one of `fields` must be present.
    pub(crate) fn one_of(&mut self, rule: &'static str, fields: &[&str]) {
        if fields.iter().all(|f| self.absent(f)) {
            let list = fields.join(", ");
            self.error(
                rule,
                fields[0],
                format!("Phải có ít nhất một trong các trường {list}"),
                format!("at least one of {list} must be given"),
            );
        }
    }

    /// `later_field` must not be before `earlier_field` (both present and well-formed).
    pub(crate) fn not_before<T: Ord>(
        &mut self,
        rule: &'static str,
        later_field: &str,
        later: Option<T>,
        earlier_field: &str,
        earlier: Option<T>,
    ) {
        if let (Some(l), Some(e)) = (later, earlier) {
            if l < e {
                self.error(
                    rule,
                    later_field,
                    format!("{later_field} sớm hơn {earlier_field}"),
                    format!("{later_field} is earlier than {earlier_field}"),
                );
            }
        }
    }
}
