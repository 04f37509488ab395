//! Running the record rules over a whole `HOSO` or standalone document, with locations.

use super::{check_record, Finding, Pack, RuleCtx, Severity};
use crate::codec::{AssessmentDocument, CheckinDocument};
use crate::hoso::{Hoso, TableVisitor};
use crate::record::Record;

struct Collect<'a> {
    hoso: &'a Hoso,
    ma_lk: Option<&'a str>,
    pack: Option<Pack>,
    out: &'a mut Vec<Finding>,
}

impl TableVisitor for Collect<'_> {
    fn visit<R: Record>(&mut self, rows: &[R]) {
        let source = self.hoso.source.as_ref();
        let table_src = source.and_then(|s| s.table(R::TABLE));
        let listed = R::TABLE.list_and_row().is_some();
        for (i, r) in rows.iter().enumerate() {
            let ctx = RuleCtx {
                hoso: source.map(|s| s.index),
                row: listed.then_some(i + 1),
                line: table_src.and_then(|t| t.row_lines.get(i).copied()),
                column: None,
                ma_lk: self.ma_lk,
                pack: self.pack,
            };
            r.check(&ctx, self.out);
        }
    }
}

/// Every finding of `hoso` under the rule pack of its dates: the reader's notices, the record
/// rules of every table, and the rules across its tables. Locations use the `HOSO` index and row
/// lines recorded when it was read.
pub fn check_hoso(hoso: &Hoso) -> Vec<Finding> {
    check_hoso_with(hoso, None)
}

/// [`check_hoso`] under `pack` (the pack of the visit's dates when `None`).
pub fn check_hoso_with(hoso: &Hoso, pack: Option<Pack>) -> Vec<Finding> {
    let mut out = Vec::new();
    let index = hoso.source.as_ref().map(|s| s.index);
    if let Some(src) = &hoso.source {
        out.extend(
            src.notices
                .iter()
                .map(|n| n.to_finding(index, hoso.ma_lk())),
        );
    }
    super::envelope::check_hoso_tables(hoso, &mut out);
    hoso.visit_tables(&mut Collect {
        hoso,
        ma_lk: hoso.ma_lk(),
        pack: pack.or_else(|| hoso.xml1.as_ref().and_then(super::pack_for)),
        out: &mut out,
    });
    super::cross::check(hoso, pack, &mut out);
    out
}

fn check_rows<R: Record>(rows: &[R], row_lines: &[u32]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let ctx = RuleCtx {
            row: Some(i + 1),
            line: row_lines.get(i).copied(),
            ..Default::default()
        };
        out.extend(check_record(r, &ctx));
    }
    out
}

/// Every finding of the record rules of a check-in document.
pub fn check_checkin(doc: &CheckinDocument) -> Vec<Finding> {
    let mut out = check_rows(&doc.rows, &doc.row_lines);
    // ENV-7 for the rows of one check-in document: STT 1, 2, 3... (the first break only).
    for (i, r) in doc.rows.iter().enumerate() {
        let expected = (i + 1).to_string();
        if r.stt().as_deref() != Some(expected.as_str()) && !r.stt.is_absent() {
            let ctx = RuleCtx {
                row: Some(i + 1),
                line: doc.row_lines.get(i).copied(),
                ..Default::default()
            };
            out.push(ctx.finding(
                r,
                "checkin.stt.sequence",
                Severity::Warning,
                Some("STT"),
                format!(
                    "STT phải tăng dần từ 1: dòng {} cần STT = {expected}",
                    i + 1
                ),
                format!(
                    "STT must run 1, 2, 3...: row {} needs STT = {expected}",
                    i + 1
                ),
            ));
            break;
        }
    }
    out
}

/// Every finding of the record rules of an XML12 document.
pub fn check_assessment(doc: &AssessmentDocument) -> Vec<Finding> {
    check_rows(&doc.rows, &doc.row_lines)
}
