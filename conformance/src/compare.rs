//! Field-for-field comparison of a vendor's document with the reference.
//!
//! Both documents are parsed with Lienthong's reader and compared record by record: `HOSO` by
//! `MA_LK` (order ignored), rows of a table by `STT` (by position when a table has no `STT`),
//! and every element of the table's dictionary. Values are compared as the wire text, except:
//!
//! - decimals (`Dec`, and each item of a list of decimals) are compared with the SDK's `Dec`
//!   equality, so `34500`, `34500.0` and `34500.00` are equal (§3.2: parsers must accept trailing
//!   zeros) but a leading zero (`034500`) is a difference;
//! - an empty element and a missing one are the same (§1.7: empty = absent).
//!
//! Formatting that the XML itself does not carry (whitespace between elements, CDATA or escaped
//! text, attribute quotes, base64 line wrapping, the order of `HOSO`) never shows up, because
//! parsed records are compared, not bytes. The envelope's `NGAYLAP` (the date the file was made)
//! is not compared; `MACSKCB` is.

use lienthong::codec::{sniff, AssessmentDocument, CheckinDocument, DocumentKind, Envelope};
use lienthong::hoso::TableVisitor;
use lienthong::record::{Record, TableId};
use lienthong::types::{Dec, Kind, Wire};
use lienthong::validate::Finding;
use serde::Serialize;

/// One element of one row, as read.
#[derive(Debug, Clone)]
pub struct FieldView {
    /// Element name.
    pub element: &'static str,
    /// Its kind.
    pub kind: Kind,
    /// Wire text (`""` when absent).
    pub wire: String,
}

/// One row (or the record of a flat table), as read.
#[derive(Debug, Clone)]
pub struct RowView {
    /// The table.
    pub table: TableId,
    /// `MA_LK`, when the table has it.
    pub ma_lk: Option<String>,
    /// `STT`, when the table has it.
    pub stt: Option<String>,
    /// 1-based position in its table.
    pub position: usize,
    /// The dictionary's elements.
    pub fields: Vec<FieldView>,
    /// Elements outside the dictionary (name, text).
    pub extra: Vec<(String, String)>,
}

/// A whole document, as read.
#[derive(Debug, Clone)]
pub struct DocView {
    /// The kind of document.
    pub kind: DocumentKind,
    /// `MACSKCB` of an envelope.
    pub facility: Option<String>,
    /// The episodes (`MA_LK`, rows of every table in template order, other files' `LOAIHOSO`);
    /// a standalone document is one episode without `MA_LK`.
    pub episodes: Vec<(String, Vec<RowView>, Vec<String>)>,
}

struct Collect<'a>(&'a mut Vec<RowView>);

impl TableVisitor for Collect<'_> {
    fn visit<R: Record>(&mut self, rows: &[R]) {
        self.0
            .extend(rows.iter().enumerate().map(|(i, r)| view(r, i + 1)));
    }
}

fn view<R: Record>(r: &R, position: usize) -> RowView {
    RowView {
        table: R::TABLE,
        ma_lk: r.ma_lk().map(|s| s.into_owned()),
        stt: r.stt().map(|s| s.into_owned()),
        position,
        fields: R::FIELDS
            .iter()
            .enumerate()
            .map(|(i, f)| FieldView {
                element: f.element,
                kind: f.kind,
                wire: r.field(i).wire().into_owned(),
            })
            .collect(),
        extra: r
            .extra()
            .iter()
            .map(|e| (e.name.to_string(), e.text.to_string()))
            .collect(),
    }
}

/// Why a document cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// In Vietnamese.
    pub vi: String,
    /// In English.
    pub en: String,
}

fn unreadable(e: &lienthong::ParseError) -> Unreadable {
    let f = Finding::from(e);
    Unreadable {
        vi: format!("{} ({})", f.message_vi, f.path),
        en: format!("{} ({})", f.message_en, f.path),
    }
}

/// Parses any claim document (envelope, check-in, XML12) into its comparable view.
pub fn parse(bytes: &[u8]) -> Result<DocView, Unreadable> {
    match sniff(bytes) {
        Some(DocumentKind::Checkin) => {
            let d = CheckinDocument::from_bytes(bytes).map_err(|e| unreadable(&e))?;
            let rows = d.rows.iter().enumerate().map(|(i, r)| view(r, i + 1));
            Ok(DocView {
                kind: DocumentKind::Checkin,
                facility: None,
                episodes: vec![(String::new(), rows.collect(), Vec::new())],
            })
        }
        Some(DocumentKind::Assessment) => {
            let d = AssessmentDocument::from_bytes(bytes).map_err(|e| unreadable(&e))?;
            let rows = d.rows.iter().enumerate().map(|(i, r)| view(r, i + 1));
            Ok(DocView {
                kind: DocumentKind::Assessment,
                facility: None,
                episodes: vec![(String::new(), rows.collect(), Vec::new())],
            })
        }
        Some(DocumentKind::Envelope) => {
            let e = Envelope::from_bytes(bytes).map_err(|e| unreadable(&e))?;
            let episodes = e
                .hosos
                .iter()
                .map(|h| {
                    let mut rows = Vec::new();
                    h.visit_tables(&mut Collect(&mut rows));
                    let other = h.other_files.iter().map(|o| o.loaihoso.clone()).collect();
                    (h.ma_lk().unwrap_or("").to_string(), rows, other)
                })
                .collect();
            Ok(DocView {
                kind: DocumentKind::Envelope,
                facility: Some(e.header.macskcb.wire().into_owned()),
                episodes,
            })
        }
        None => Err(Unreadable {
            vi: "không phải tài liệu XML của QĐ 130 (gốc GIAMDINHHS, CHI_TIEU_TRANG_THAI_KCB hoặc CHI_TIEU_GIAM_DINH_YKHOA)".into(),
            en: "not a QĐ 130 XML document (root GIAMDINHHS, CHI_TIEU_TRANG_THAI_KCB or CHI_TIEU_GIAM_DINH_YKHOA)".into(),
        }),
    }
}

/// What kind of difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// Another kind of document (envelope, check-in, XML12).
    Document,
    /// An envelope header element (`MACSKCB`).
    Header,
    /// A `HOSO` of the reference is missing.
    MissingHoso,
    /// A `HOSO` the reference does not have.
    UnexpectedHoso,
    /// A row (or a flat table) of the reference is missing.
    MissingRow,
    /// A row (or a flat table) the reference does not have.
    UnexpectedRow,
    /// An element has another value.
    Value,
    /// An element outside the dictionary.
    UnexpectedElement,
    /// A table file under an unknown or misplaced `LOAIHOSO`.
    UnexpectedFile,
}

impl DiffKind {
    /// Short description, Vietnamese and English.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            DiffKind::Document => ("khác loại tài liệu", "another kind of document"),
            DiffKind::Header => ("khác thông tin đơn vị", "another envelope header value"),
            DiffKind::MissingHoso => ("thiếu HOSO", "HOSO missing"),
            DiffKind::UnexpectedHoso => ("thừa HOSO", "unexpected HOSO"),
            DiffKind::MissingRow => ("thiếu bản ghi", "row missing"),
            DiffKind::UnexpectedRow => ("thừa bản ghi", "unexpected row"),
            DiffKind::Value => ("khác giá trị", "different value"),
            DiffKind::UnexpectedElement => ("thẻ ngoài từ điển", "element outside the dictionary"),
            DiffKind::UnexpectedFile => ("thừa tệp bảng", "unexpected table file"),
        }
    }
}

/// One difference between the vendor's document and the reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// What kind of difference.
    pub kind: DiffKind,
    /// Table (`XML1` ... `XML15`, `XML0`; `GIAMDINHHS` for the envelope).
    pub table: String,
    /// `MA_LK` of the episode or row.
    pub ma_lk: Option<String>,
    /// `STT` of the row (or its position, `#3`, for a table without `STT`).
    pub stt: Option<String>,
    /// The element.
    pub element: Option<String>,
    /// The reference's value.
    pub expected: Option<String>,
    /// The vendor's value.
    pub actual: Option<String>,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.table)?;
        if let Some(m) = &self.ma_lk {
            write!(f, " MA_LK={m}")?;
        }
        if let Some(s) = &self.stt {
            write!(f, " STT={s}")?;
        }
        if let Some(e) = &self.element {
            write!(f, " {e}")?;
        }
        let (_, en) = self.kind.describe();
        write!(f, ": {en}")?;
        match (&self.expected, &self.actual) {
            (Some(x), Some(a)) => write!(f, ": expected {x:?}, got {a:?}"),
            (Some(x), None) => write!(f, ": expected {x:?}"),
            (None, Some(a)) => write!(f, ": got {a:?}"),
            (None, None) => Ok(()),
        }
    }
}

/// Whether two wire values of an element of `kind` are the same value.
pub fn same_value(kind: Kind, expected: &str, actual: &str) -> bool {
    if expected == actual {
        return true;
    }
    match kind {
        Kind::Dec => match (Dec::parse_wire(expected), Dec::parse_wire(actual)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
        Kind::List(Kind::Dec) => {
            let (a, b): (Vec<_>, Vec<_>) =
                (expected.split(';').collect(), actual.split(';').collect());
            a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| same_value(Kind::Dec, x, y))
        }
        _ => false,
    }
}

fn key(r: &RowView) -> String {
    match &r.stt {
        Some(s) => s.clone(),
        None => format!("#{}", r.position),
    }
}

fn row_key(r: &RowView) -> (String, String) {
    (r.ma_lk.clone().unwrap_or_default(), key(r))
}

fn diff_rows(ma_lk: &str, expected: &[RowView], actual: &[RowView], out: &mut Vec<Difference>) {
    let base = |r: &RowView, kind| Difference {
        kind,
        table: r.table.name().into(),
        ma_lk: r
            .ma_lk
            .clone()
            .or_else(|| (!ma_lk.is_empty()).then(|| ma_lk.into())),
        stt: r.table.list_and_row().map(|_| key(r)),
        element: None,
        expected: None,
        actual: None,
    };
    let mut used = vec![false; actual.len()];
    for e in expected {
        let found = actual
            .iter()
            .enumerate()
            .find(|(i, a)| !used[*i] && a.table == e.table && row_key(a) == row_key(e));
        let Some((i, a)) = found else {
            out.push(base(e, DiffKind::MissingRow));
            continue;
        };
        used[i] = true;
        for (fe, fa) in e.fields.iter().zip(&a.fields) {
            if !same_value(fe.kind, &fe.wire, &fa.wire) {
                out.push(Difference {
                    element: Some(fe.element.into()),
                    expected: Some(fe.wire.clone()),
                    actual: Some(fa.wire.clone()),
                    ..base(e, DiffKind::Value)
                });
            }
        }
        for (name, text) in &a.extra {
            out.push(Difference {
                element: Some(name.clone()),
                actual: Some(text.clone()),
                ..base(a, DiffKind::UnexpectedElement)
            });
        }
    }
    for (i, a) in actual.iter().enumerate() {
        if !used[i] {
            out.push(base(a, DiffKind::UnexpectedRow));
        }
    }
}

/// Every difference of `actual` from `expected`, in reference order.
pub fn diff(expected: &DocView, actual: &DocView) -> Vec<Difference> {
    let mut out = Vec::new();
    let doc = |k: DocumentKind| format!("{k:?}");
    if expected.kind != actual.kind {
        out.push(Difference {
            kind: DiffKind::Document,
            table: "GIAMDINHHS".into(),
            ma_lk: None,
            stt: None,
            element: None,
            expected: Some(doc(expected.kind)),
            actual: Some(doc(actual.kind)),
        });
        return out;
    }
    if expected.facility != actual.facility {
        out.push(Difference {
            kind: DiffKind::Header,
            table: "GIAMDINHHS".into(),
            ma_lk: None,
            stt: None,
            element: Some("MACSKCB".into()),
            expected: expected.facility.clone(),
            actual: actual.facility.clone(),
        });
    }
    let hoso = |kind, ma_lk: &str| Difference {
        kind,
        table: "GIAMDINHHS".into(),
        ma_lk: Some(ma_lk.into()),
        stt: None,
        element: None,
        expected: None,
        actual: None,
    };
    let mut used = vec![false; actual.episodes.len()];
    for (ma_lk, rows, _) in &expected.episodes {
        let found = actual
            .episodes
            .iter()
            .enumerate()
            .find(|(i, (m, _, _))| !used[*i] && m == ma_lk);
        let Some((i, (_, arows, aother))) = found else {
            out.push(hoso(DiffKind::MissingHoso, ma_lk));
            continue;
        };
        used[i] = true;
        diff_rows(ma_lk, rows, arows, &mut out);
        for o in aother {
            out.push(Difference {
                element: Some(format!("LOAIHOSO={o}")),
                ..hoso(DiffKind::UnexpectedFile, ma_lk)
            });
        }
    }
    for (i, (m, _, _)) in actual.episodes.iter().enumerate() {
        if !used[i] {
            out.push(hoso(DiffKind::UnexpectedHoso, m));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_compare_by_value_and_keep_leading_zeros_significant() {
        assert!(same_value(Kind::Dec, "34500", "34500.00"));
        assert!(same_value(Kind::Dec, "0.5", "0.50"));
        assert!(!same_value(Kind::Dec, "34500", "034500"));
        assert!(!same_value(Kind::Dec, "34500", "34500.01"));
        static DEC: Kind = Kind::Dec;
        assert!(same_value(Kind::List(&DEC), "3200;2900", "3200.0;2900"));
        assert!(!same_value(Kind::List(&DEC), "3200;2900", "3200"));
        assert!(!same_value(Kind::Code, "01", "1"));
        assert!(!same_value(Kind::Text, "a", "a "));
    }
}
