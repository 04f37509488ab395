//! Rules across the tables of one `HOSO` (xml130.md §4): every table linked to XML1 by `MA_LK`,
//! `STT` sequences, fields copied from XML1, which tables a visit type requires or forbids, the
//! money formulas of each line and the XML1 totals, dates within the stay, and days of treatment.
//! One pass per `HOSO`; nothing is quadratic in the number of lines.

mod dates;
mod episode;
mod linking;
mod money;

use super::{Finding, Pack, RuleCtx, Severity};
use crate::hoso::Hoso;
use crate::record::Record;
use crate::tables::Summary;
use crate::types::Date;

/// Collects the cross-table findings of one `HOSO`.
pub(crate) struct Cross<'a> {
    hoso: &'a Hoso,
    pub(crate) pack: Pack,
    out: &'a mut Vec<Finding>,
}

impl<'a> Cross<'a> {
    /// The location of row `i` (0-based) of a record of `R`'s table.
    fn ctx<R: Record>(&self, i: usize) -> RuleCtx<'a> {
        let source = self.hoso.source.as_ref();
        RuleCtx {
            hoso: source.map(|s| s.index),
            row: R::TABLE.list_and_row().map(|_| i + 1),
            line: source
                .and_then(|s| s.table(R::TABLE))
                .and_then(|t| t.row_lines.get(i).copied()),
            column: None,
            ma_lk: self.hoso.ma_lk(),
            pack: Some(self.pack),
        }
    }

    fn error<R: Record>(
        &mut self,
        rec: &R,
        i: usize,
        rule: &'static str,
        field: &str,
        vi: String,
        en: String,
    ) {
        let f = self
            .ctx::<R>(i)
            .finding(rec, rule, Severity::Error, Some(field), vi, en);
        self.out.push(f);
    }

    fn warning<R: Record>(
        &mut self,
        rec: &R,
        i: usize,
        rule: &'static str,
        field: &str,
        vi: String,
        en: String,
    ) {
        let f = self
            .ctx::<R>(i)
            .finding(rec, rule, Severity::Warning, Some(field), vi, en);
        self.out.push(f);
    }
}

/// The pack that applies to a visit: the newest decision in effect on its end date (or its start
/// date when it has no end date yet).
pub fn pack_for(summary: &Summary) -> Option<Pack> {
    let date: Option<Date> = summary
        .ngay_ra
        .value()
        .or(summary.ngay_vao.value())
        .map(|d| d.date());
    date.map(Pack::for_date)
}

/// Every cross-table finding of `hoso` under `pack` (or the pack of its dates when `None`).
pub(crate) fn check(hoso: &Hoso, pack: Option<Pack>, out: &mut Vec<Finding>) {
    let Some(summary) = hoso.xml1.as_ref() else {
        return;
    };
    let pack = pack.or_else(|| pack_for(summary)).unwrap_or(Pack::Qd3176);
    let mut c = Cross { hoso, pack, out };
    linking::check(&mut c, summary);
    money::check(&mut c, summary);
    dates::check(&mut c, summary);
    episode::check(&mut c, summary);
}

#[cfg(test)]
mod days_tests;
#[cfg(test)]
mod tests;
