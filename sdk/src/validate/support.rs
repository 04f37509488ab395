//! Small helpers that family rules share, so each rule reads as one line.

use super::{Finding, Pack, RuleCtx, Severity};
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

    /// True when the value of `field` is longer than its size (a `field.max_length` error
    /// already; range rules then stay silent).
    fn oversized(&self, field: &str) -> bool {
        let (Some(i), Some(f)) = (R::index_of(field), self.rec.get(field)) else {
            return false;
        };
        R::FIELDS[i]
            .max_len
            .is_some_and(|max| f.wire().chars().count() > max as usize)
    }

    fn absent(&self, field: &str) -> bool {
        self.rec.get(field).is_none_or(|f| f.is_absent())
    }

    /// The rule pack in force (QĐ 3176 when the context does not say).
    pub(crate) fn pack(&self) -> Pack {
        self.ctx.pack.unwrap_or(Pack::Qd3176)
    }

    /// A finding of `severity` at `field`.
    pub(crate) fn report(
        &mut self,
        rule: &'static str,
        severity: Severity,
        field: &str,
        vi: String,
        en: String,
    ) {
        self.out.push(
            self.ctx
                .finding(self.rec, rule, severity, Some(field), vi, en),
        );
    }

    /// A finding of `severity` when `bad` holds.
    pub(crate) fn flag_if(
        &mut self,
        bad: bool,
        rule: &'static str,
        severity: Severity,
        field: &str,
        vi: impl FnOnce() -> String,
        en: impl FnOnce() -> String,
    ) {
        if bad {
            self.report(rule, severity, field, vi(), en());
        }
    }

    /// `field` (a whole number) must lie in `lo..=hi` when given.
    pub(crate) fn in_range(
        &mut self,
        rule: &'static str,
        field: &str,
        value: Option<u64>,
        lo: u64,
        hi: u64,
    ) {
        if let Some(v) = value.filter(|_| !self.oversized(field)) {
            if v < lo || v > hi {
                self.error(
                    rule,
                    field,
                    format!("{field} = {v} nằm ngoài khoảng {lo}-{hi}"),
                    format!("{field} = {v} is outside {lo}-{hi}"),
                );
            }
        }
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
