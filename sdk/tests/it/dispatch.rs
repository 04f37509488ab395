//! Runs generic code for the record type of a `TableId`, and moves rows of a statically known
//! record type in and out of a `Hoso` (whose tables are reached through the visitor traits).

use lienthong::hoso::{Hoso, TableVisitorMut};
use lienthong::record::{Record, TableId};
use lienthong::tables::*;
use std::any::Any;

/// Generic code to run for one record type.
pub trait WithRecord {
    /// What the code returns.
    type Out;
    /// Runs the code for `R`.
    fn call<R: Record>(self) -> Self::Out;
}

/// Runs `f` for the record type of `table`.
pub fn with_record<F: WithRecord>(table: TableId, f: F) -> F::Out {
    match table {
        TableId::Checkin => f.call::<CheckinRow>(),
        TableId::Xml1 => f.call::<Summary>(),
        TableId::Xml2 => f.call::<DrugLine>(),
        TableId::Xml3 => f.call::<ServiceLine>(),
        TableId::Xml4 => f.call::<ParaclinicalResult>(),
        TableId::Xml5 => f.call::<ClinicalNote>(),
        TableId::Xml6 => f.call::<HivRecord>(),
        TableId::Xml7 => f.call::<DischargePaper>(),
        TableId::Xml8 => f.call::<RecordSummary>(),
        TableId::Xml9 => f.call::<BirthCertificate>(),
        TableId::Xml10 => f.call::<PregnancyLeave>(),
        TableId::Xml11 => f.call::<SickLeave>(),
        TableId::Xml12 => f.call::<Assessment>(),
        TableId::Xml13 => f.call::<Referral>(),
        TableId::Xml14 => f.call::<Reexam>(),
        TableId::Xml15 => f.call::<TbRecord>(),
    }
}

/// Puts `rows` into the table `R::TABLE` of `hoso` (an envelope table). A flat table keeps the
/// first row.
pub fn put_rows<R: Record>(hoso: &mut Hoso, rows: Vec<R>) {
    struct Put(Option<Box<dyn Any>>);
    impl TableVisitorMut for Put {
        fn visit<T: Record>(&mut self, slot: &mut Vec<T>) {
            let rows = self.0.take().expect("visited once");
            *slot = *rows.downcast::<Vec<T>>().expect("same record type");
        }
    }
    let mut v = Put(Some(Box::new(rows)));
    hoso.visit_table_mut(R::TABLE, &mut v);
    assert!(v.0.is_none(), "{} is not an envelope table", R::TABLE);
}

/// The rows of table `R::TABLE` of `hoso` (empty when absent).
pub fn rows_of<R: Record>(hoso: &mut Hoso) -> Vec<R> {
    struct Get(Option<Box<dyn Any>>);
    impl TableVisitorMut for Get {
        fn visit<T: Record>(&mut self, slot: &mut Vec<T>) {
            self.0 = Some(Box::new(slot.clone()));
        }
    }
    let mut v = Get(None);
    hoso.visit_table_mut(R::TABLE, &mut v);
    *v.0.expect("an envelope table")
        .downcast::<Vec<R>>()
        .expect("same record type")
}
