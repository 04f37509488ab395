//! `Hoso`: one episode (one `MA_LK`) with all of its tables, as carried by one `HOSO` element.

use crate::codec::Notice;
use crate::record::{Record, TableId};
use crate::tables::*;

/// A table file the envelope carried under an unknown or misplaced `LOAIHOSO` (for example
/// `XML12`, which has its own channel), kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherFile {
    /// The `LOAIHOSO` text.
    pub loaihoso: String,
    /// The `NOIDUNGFILE` text, exactly as read.
    pub content: String,
}

/// Where a table of a `HOSO` was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSource {
    /// The table.
    pub table: TableId,
    /// Line of its `FILEHOSO` in the envelope.
    pub line: u32,
    /// Column of its `FILEHOSO` in the envelope.
    pub column: u32,
    /// Line of each row (or of the record) inside the decoded table document.
    pub row_lines: Vec<u32>,
}

/// Where a `HOSO` was read from, and what the reader noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HosoSource {
    /// 1-based index of the `HOSO` in its envelope.
    pub index: usize,
    /// Line of the `HOSO` start tag.
    pub line: u32,
    /// The tables, in the order read.
    pub tables: Vec<TableSource>,
    /// Non-fatal observations (BOM, inline XML, wrapped base64...), reported as warnings.
    pub notices: Vec<Notice>,
}

impl HosoSource {
    /// The source of `table`.
    pub fn table(&self, table: TableId) -> Option<&TableSource> {
        self.tables.iter().find(|t| t.table == table)
    }
}

/// One episode with all its tables.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hoso {
    /// XML1, the episode summary (mandatory in a valid file).
    pub xml1: Option<Summary>,
    /// XML2 lines.
    pub xml2: Vec<DrugLine>,
    /// XML3 lines.
    pub xml3: Vec<ServiceLine>,
    /// XML4 results.
    pub xml4: Vec<ParaclinicalResult>,
    /// XML5 notes.
    pub xml5: Vec<ClinicalNote>,
    /// XML6 records.
    pub xml6: Vec<HivRecord>,
    /// XML7 discharge paper.
    pub xml7: Option<DischargePaper>,
    /// XML8 record summary.
    pub xml8: Option<RecordSummary>,
    /// XML9 birth certificates.
    pub xml9: Vec<BirthCertificate>,
    /// XML10 pregnancy-rest certificate.
    pub xml10: Option<PregnancyLeave>,
    /// XML11 sick-leave certificate.
    pub xml11: Option<SickLeave>,
    /// XML13 referral paper.
    pub xml13: Option<Referral>,
    /// XML14 re-examination appointment.
    pub xml14: Option<Reexam>,
    /// XML15 tuberculosis records.
    pub xml15: Vec<TbRecord>,
    /// Files under an unknown or misplaced `LOAIHOSO`, kept verbatim.
    pub other_files: Vec<OtherFile>,
    /// Where it was read from (`None` for a `Hoso` built in code).
    pub source: Option<HosoSource>,
}

/// Visits the tables of a `Hoso` with their record type.
pub trait TableVisitor {
    /// Called once per present table, in template order.
    fn visit<R: Record>(&mut self, rows: &[R]);
}

/// Visits one table of a `Hoso` mutably with its record type.
pub trait TableVisitorMut {
    /// Called with the rows of the table (an empty or one-element vector for flat tables).
    fn visit<R: Record>(&mut self, rows: &mut Vec<R>);
}

fn visit_opt<R: Record, V: TableVisitorMut>(slot: &mut Option<R>, v: &mut V) {
    let mut rows: Vec<R> = slot.take().into_iter().collect();
    v.visit(&mut rows);
    // A flat table holds one record; extra rows cannot be represented and are refused upstream.
    *slot = rows.into_iter().next();
}

impl Hoso {
    /// `MA_LK` of the episode (from XML1).
    pub fn ma_lk(&self) -> Option<&str> {
        match &self.xml1.as_ref()?.ma_lk {
            crate::types::Field::Value(v) => Some(v.as_str()),
            crate::types::Field::Invalid(raw) => Some(raw),
            crate::types::Field::Absent => None,
        }
    }

    /// True when the table is present (a list table with at least one row).
    pub fn has(&self, table: TableId) -> bool {
        match table {
            TableId::Xml1 => self.xml1.is_some(),
            TableId::Xml2 => !self.xml2.is_empty(),
            TableId::Xml3 => !self.xml3.is_empty(),
            TableId::Xml4 => !self.xml4.is_empty(),
            TableId::Xml5 => !self.xml5.is_empty(),
            TableId::Xml6 => !self.xml6.is_empty(),
            TableId::Xml7 => self.xml7.is_some(),
            TableId::Xml8 => self.xml8.is_some(),
            TableId::Xml9 => !self.xml9.is_empty(),
            TableId::Xml10 => self.xml10.is_some(),
            TableId::Xml11 => self.xml11.is_some(),
            TableId::Xml13 => self.xml13.is_some(),
            TableId::Xml14 => self.xml14.is_some(),
            TableId::Xml15 => !self.xml15.is_empty(),
            TableId::Checkin | TableId::Xml12 => false,
        }
    }

    /// Calls `v` for every present table, in template order.
    pub fn visit_tables<V: TableVisitor>(&self, v: &mut V) {
        fn one<R: Record, V: TableVisitor>(v: &mut V, r: &Option<R>) {
            if let Some(r) = r {
                v.visit(std::slice::from_ref(r));
            }
        }
        fn many<R: Record, V: TableVisitor>(v: &mut V, r: &[R]) {
            if !r.is_empty() {
                v.visit(r);
            }
        }
        one(v, &self.xml1);
        many(v, &self.xml2);
        many(v, &self.xml3);
        many(v, &self.xml4);
        many(v, &self.xml5);
        many(v, &self.xml6);
        one(v, &self.xml7);
        one(v, &self.xml8);
        many(v, &self.xml9);
        one(v, &self.xml10);
        one(v, &self.xml11);
        one(v, &self.xml13);
        one(v, &self.xml14);
        many(v, &self.xml15);
    }

    /// Calls `v` with the rows of `table` (an envelope table), mutably.
    pub fn visit_table_mut<V: TableVisitorMut>(&mut self, table: TableId, v: &mut V) {
        match table {
            TableId::Xml1 => visit_opt(&mut self.xml1, v),
            TableId::Xml2 => v.visit(&mut self.xml2),
            TableId::Xml3 => v.visit(&mut self.xml3),
            TableId::Xml4 => v.visit(&mut self.xml4),
            TableId::Xml5 => v.visit(&mut self.xml5),
            TableId::Xml6 => v.visit(&mut self.xml6),
            TableId::Xml7 => visit_opt(&mut self.xml7, v),
            TableId::Xml8 => visit_opt(&mut self.xml8, v),
            TableId::Xml9 => v.visit(&mut self.xml9),
            TableId::Xml10 => visit_opt(&mut self.xml10, v),
            TableId::Xml11 => visit_opt(&mut self.xml11, v),
            TableId::Xml13 => visit_opt(&mut self.xml13, v),
            TableId::Xml14 => visit_opt(&mut self.xml14, v),
            TableId::Xml15 => v.visit(&mut self.xml15),
            TableId::Checkin | TableId::Xml12 => {}
        }
    }
}
