//! Runs generic code for the record type of a `TableId`, and moves rows of a statically known
//! record type in and out of a `Hoso` (whose tables are reached through the visitor traits).

use lienthong::hoso::{Hoso, TableVisitorMut};
use lienthong::record::{ExtraElement, InLayouts, Layout, Record, TableId};
use lienthong::tables::*;
use lienthong::types::Kind;
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

/// A well-formed wire value of `kind`; `n` varies it (leading and trailing zeros, unknown codes,
/// several list items, Vietnamese text with markup characters).
pub fn sample_wire(kind: Kind, n: usize) -> String {
    match kind {
        Kind::Text => [
            "Nguyễn Thị Ánh <&> ]]> \"x\"",
            "  Sốt cao\r\nho nhiều  ",
            "Đau đầu, chóng mặt",
        ][n % 3]
            .into(),
        Kind::Code => ["K01", "57/QĐ-TTMS;G1;N1;2024", "40.17", "0001"][n % 4].into(),
        Kind::Ident => ["BN00000001", "0912345678", "00A1"][n % 3].into(),
        Kind::MaLk => format!("79001.250310.{:07}", n + 1),
        Kind::Facility => ["79001", "01000", "0100A"][n % 3].into(),
        Kind::Card => ["GD4797912345678", "HT3010000000001"][n % 2].into(),
        Kind::Cccd => ["079085001234", "012345678", "B1234567"][n % 3].into(),
        Kind::Bhxh => ["7912345678", "0100000001"][n % 2].into(),
        Kind::Icd => ["E11.9", "I10", "A17.0†", "G01*"][n % 4].into(),
        Kind::Int => ["1", "03", "0", "2025"][n % 4].into(),
        Kind::Dec => ["034500.00", "0.5", "1000", "058.50", "0"][n % 5].into(),
        Kind::Date => ["20250310", "20240229", "19991231"][n % 3].into(),
        Kind::DateTime => ["202503100805", "202402292359", "200001010000"][n % 3].into(),
        Kind::BirthDateTime => ["198500000000", "198504150730", "202503100000"][n % 3].into(),
        Kind::BirthDate => ["19850000", "19850415"][n % 2].into(),
        Kind::DateOrDateTime => ["20250310", "202503100805"][n % 2].into(),
        Kind::Enum(codes) => {
            if n % 4 == 3 {
                "ZZ9".into()
            } else {
                codes[n % codes.len()].into()
            }
        }
        Kind::List(inner) => {
            let items = 1 + n % 3;
            (0..items)
                .map(|i| sample_wire(*inner, n + i))
                .collect::<Vec<_>>()
                .join(";")
        }
    }
}

/// A record whose every element of `layout` has a value (and one element outside the
/// dictionary).
pub fn full_record<R: Record>(layout: Layout, n: usize) -> R {
    // Only a table with QĐ 3176 elements (XML13) can show its layout in a file.
    let layout = if R::FIELDS.iter().any(|f| f.layouts == InLayouts::Qd3176Only) {
        layout
    } else {
        Layout::Qd4750
    };
    let mut r = R::default();
    r.set_layout(layout);
    for (i, f) in R::FIELDS.iter().enumerate() {
        if f.layouts.contains(layout) || f.layouts == InLayouts::Qd4750Only {
            r.field_mut(i).set_wire(&sample_wire(f.kind, n + i));
        }
    }
    r.extra_mut().push(ExtraElement {
        name: "GHI_CHU_RIENG".into(),
        text: format!("ghi chú {n} & <x>").into(),
    });
    r
}

/// The differences between two records, element by element (wire text), for failure messages.
pub fn diff_records<R: Record>(a: &R, b: &R) -> Vec<String> {
    let mut out = Vec::new();
    for (i, f) in R::FIELDS.iter().enumerate() {
        let (x, y) = (a.field(i), b.field(i));
        if x.wire() != y.wire()
            || x.is_absent() != y.is_absent()
            || x.is_invalid() != y.is_invalid()
        {
            out.push(format!(
                "{}: {:?} (absent {}, invalid {}) vs {:?} (absent {}, invalid {})",
                f.element,
                x.wire(),
                x.is_absent(),
                x.is_invalid(),
                y.wire(),
                y.is_absent(),
                y.is_invalid()
            ));
        }
    }
    if a.extra() != b.extra() {
        out.push(format!("extra: {:?} vs {:?}", a.extra(), b.extra()));
    }
    if a.layout() != b.layout() {
        out.push(format!("layout: {:?} vs {:?}", a.layout(), b.layout()));
    }
    if out.is_empty() && a != b {
        out.push("records differ in a way the wire text does not show".into());
    }
    out
}
