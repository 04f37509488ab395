//! `Record` (one row of a table) and `Hoso` (one episode), read-only views over the Rust records,
//! and the generic builder behind `lienthong.build()`.

use crate::errors;
use crate::report::issues;
use lienthong::hoso::{Hoso as RsHoso, TableVisitorMut};
use lienthong::record::{
    ExtraElement, FieldSpec, Layout, Record as RsRecord, RecordBuilder, TableId,
};
use lienthong::tables::*;
use lienthong::types::{AnyField, Kind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use std::any::Any;
use std::sync::Arc;

/// Object-safe access to a record of any table.
pub trait DynRecord: Send + Sync {
    fn table(&self) -> TableId;
    fn specs(&self) -> &'static [FieldSpec];
    fn field_at(&self, i: usize) -> &dyn AnyField;
    fn extras(&self) -> &[ExtraElement];
    fn layout_of(&self) -> Layout;
    fn as_any(&self) -> &dyn Any;
}

impl<R: RsRecord> DynRecord for R {
    fn table(&self) -> TableId {
        R::TABLE
    }
    fn specs(&self) -> &'static [FieldSpec] {
        R::FIELDS
    }
    fn field_at(&self, i: usize) -> &dyn AnyField {
        self.field(i)
    }
    fn extras(&self) -> &[ExtraElement] {
        self.extra()
    }
    fn layout_of(&self) -> Layout {
        self.layout()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Row `i` of `table` in `h`.
fn row(h: &RsHoso, t: TableId, i: usize) -> Option<&dyn DynRecord> {
    fn one<R: RsRecord>(o: &Option<R>, i: usize) -> Option<&dyn DynRecord> {
        o.as_ref().filter(|_| i == 0).map(|r| r as &dyn DynRecord)
    }
    fn many<R: RsRecord>(v: &[R], i: usize) -> Option<&dyn DynRecord> {
        v.get(i).map(|r| r as &dyn DynRecord)
    }
    match t {
        TableId::Xml1 => one(&h.xml1, i),
        TableId::Xml2 => many(&h.xml2, i),
        TableId::Xml3 => many(&h.xml3, i),
        TableId::Xml4 => many(&h.xml4, i),
        TableId::Xml5 => many(&h.xml5, i),
        TableId::Xml6 => many(&h.xml6, i),
        TableId::Xml7 => one(&h.xml7, i),
        TableId::Xml8 => one(&h.xml8, i),
        TableId::Xml9 => many(&h.xml9, i),
        TableId::Xml10 => one(&h.xml10, i),
        TableId::Xml11 => one(&h.xml11, i),
        TableId::Xml13 => one(&h.xml13, i),
        TableId::Xml14 => one(&h.xml14, i),
        TableId::Xml15 => many(&h.xml15, i),
        TableId::Checkin | TableId::Xml12 => None,
    }
}

fn row_count(h: &RsHoso, t: TableId) -> usize {
    (0..).take_while(|&i| row(h, t, i).is_some()).count()
}

/// Where a `Record`'s data lives.
enum Src {
    /// Row `.2` of table `.1` of a `HOSO` read or built.
    InHoso(Arc<RsHoso>, TableId, usize),
    /// A record of its own (built, or of a standalone document).
    Own(Arc<dyn DynRecord>),
}

/// One record of a table: a row of a list table, or the record of a flat table.
///
/// Fields are attributes named like their elements in lower case (`rec.ma_lk`,
/// `rec.thanh_tien_bv`): `None` when absent, `str` for identifiers, codes, text and dates (wire
/// form: `yyyyMMdd` or `yyyyMMddHHmm`), `int` for integers, `decimal.Decimal` for amounts and
/// quantities. A value that does not fit its type is returned as the exact text read.
#[pyclass(frozen, module = "lienthong._lienthong")]
pub struct Record {
    src: Src,
}

impl Record {
    fn with<T>(&self, f: impl FnOnce(&dyn DynRecord) -> T) -> T {
        match &self.src {
            Src::InHoso(h, t, i) => f(row(h, *t, *i).expect("row exists")),
            Src::Own(r) => f(r.as_ref()),
        }
    }
}

fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    DECIMAL
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("decimal")?.getattr("Decimal")?.unbind())
        })
        .map(|d| d.bind(py))
}

/// The Python value of field `i`.
fn value<'py>(py: Python<'py>, r: &dyn DynRecord, i: usize) -> PyResult<Bound<'py, PyAny>> {
    let f = r.field_at(i);
    if f.is_absent() {
        return Ok(py.None().into_bound(py));
    }
    let wire = f.wire();
    if f.is_invalid() {
        return Ok(wire.into_pyobject(py)?.into_any());
    }
    match r.specs()[i].kind {
        Kind::Int => match wire.parse::<u64>() {
            Ok(n) => Ok(n.into_pyobject(py)?.into_any()),
            Err(_) => Ok(wire.into_pyobject(py)?.into_any()),
        },
        Kind::Dec => decimal_class(py)?.call1((wire.as_ref(),)),
        _ => Ok(wire.into_pyobject(py)?.into_any()),
    }
}

fn index_of(r: &dyn DynRecord, name: &str) -> Option<usize> {
    let upper = name.to_ascii_uppercase();
    r.specs().iter().position(|s| s.element == upper)
}

/// Whether field `i` is part of the record's columns: in its layout, or present.
fn shown(r: &dyn DynRecord, i: usize) -> bool {
    r.specs()[i].layouts.contains(r.layout_of()) || !r.field_at(i).is_absent()
}

fn record_dict<'py>(
    py: Python<'py>,
    r: &dyn DynRecord,
    wire: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (i, s) in r.specs().iter().enumerate() {
        if !shown(r, i) {
            continue;
        }
        let key = s.element.to_ascii_lowercase();
        if wire {
            let f = r.field_at(i);
            if f.is_absent() {
                d.set_item(key, py.None())?;
            } else {
                d.set_item(key, f.wire().as_ref())?;
            }
        } else {
            d.set_item(key, value(py, r, i)?)?;
        }
    }
    Ok(d)
}

fn same(a: &dyn DynRecord, b: &dyn DynRecord) -> bool {
    a.table() == b.table()
        && a.layout_of() == b.layout_of()
        && a.extras() == b.extras()
        && (0..a.specs().len()).all(|i| a.field_at(i).wire() == b.field_at(i).wire())
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with(|r| {
            f.debug_struct("Record")
                .field("table", &r.table())
                .finish_non_exhaustive()
        })
    }
}

#[pymethods]
impl Record {
    /// `XML1`...`XML15`, or `XML0` for a check-in row.
    #[getter]
    fn table(&self) -> &'static str {
        self.with(|r| r.table().name())
    }
    /// `"4750"` or `"3176"`: the element layout (only XML13 differs).
    #[getter]
    fn layout(&self) -> &'static str {
        self.with(|r| match r.layout_of() {
            Layout::Qd4750 => "4750",
            Layout::Qd3176 => "3176",
        })
    }
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        self.with(|r| match index_of(r, name) {
            Some(i) if !name.starts_with('_') => value(py, r, i),
            _ => Err(pyo3::exceptions::PyAttributeError::new_err(format!(
                "{} has no field {name:?}",
                r.table().name()
            ))),
        })
    }
    /// `rec["THANH_TIEN_BV"]` or `rec["thanh_tien_bv"]`.
    fn __getitem__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        self.with(|r| match index_of(r, name) {
            Some(i) => value(py, r, i),
            None => Err(pyo3::exceptions::PyKeyError::new_err(name.to_owned())),
        })
    }
    fn __contains__(&self, name: &str) -> bool {
        self.with(|r| index_of(r, name).is_some())
    }
    /// The field names (lower case) of the record's layout, in the official order.
    fn keys(&self) -> Vec<String> {
        self.with(|r| {
            (0..r.specs().len())
                .filter(|&i| shown(r, i))
                .map(|i| r.specs()[i].element.to_ascii_lowercase())
                .collect()
        })
    }
    /// The exact text of an element as read or set (`""` when absent).
    fn wire(&self, name: &str) -> PyResult<String> {
        self.with(|r| match index_of(r, name) {
            Some(i) => Ok(r.field_at(i).wire().into_owned()),
            None => Err(pyo3::exceptions::PyKeyError::new_err(name.to_owned())),
        })
    }
    /// The fields as a dict (lower-case keys, official order). With `wire=True`, every value is
    /// the exact text (`str`) or `None`.
    #[pyo3(signature = (*, wire=false))]
    fn to_dict<'py>(&self, py: Python<'py>, wire: bool) -> PyResult<Bound<'py, PyDict>> {
        self.with(|r| record_dict(py, r, wire))
    }
    /// Elements not in the dictionary, kept verbatim: `{name: text}`.
    #[getter]
    fn extra<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.with(|r| {
            let d = PyDict::new(py);
            for e in r.extras() {
                d.set_item(e.name.as_ref(), e.text.as_ref())?;
            }
            Ok(d)
        })
    }
    fn __dir__(&self) -> Vec<String> {
        let mut names = self.keys();
        names.extend(
            ["table", "layout", "keys", "wire", "to_dict", "extra"]
                .iter()
                .map(|s| s.to_string()),
        );
        names
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Record>() {
            Ok(o) => self.with(|a| o.get().with(|b| same(a, b))),
            Err(_) => false,
        }
    }
    /// Shows the table and the row's `STT`; never patient data.
    fn __repr__(&self) -> String {
        self.with(|r| {
            let stt = index_of(r, "STT")
                .map(|i| r.field_at(i).wire().into_owned())
                .filter(|s| !s.is_empty());
            match stt {
                Some(s) => format!("<Record {} STT={s}>", r.table().name()),
                None => format!("<Record {}>", r.table().name()),
            }
        })
    }
}

/// The envelope tables by attribute name.
const TABLE_ATTRS: [(&str, TableId); 14] = [
    ("xml1", TableId::Xml1),
    ("xml2", TableId::Xml2),
    ("xml3", TableId::Xml3),
    ("xml4", TableId::Xml4),
    ("xml5", TableId::Xml5),
    ("xml6", TableId::Xml6),
    ("xml7", TableId::Xml7),
    ("xml8", TableId::Xml8),
    ("xml9", TableId::Xml9),
    ("xml10", TableId::Xml10),
    ("xml11", TableId::Xml11),
    ("xml13", TableId::Xml13),
    ("xml14", TableId::Xml14),
    ("xml15", TableId::Xml15),
];

fn is_flat(t: TableId) -> bool {
    t.list_and_row().is_none()
}

fn table_by_name(name: &str) -> Option<TableId> {
    let upper = name.to_ascii_uppercase();
    TableId::from_name(&upper).or(match upper.as_str() {
        "CHECKIN" => Some(TableId::Checkin),
        _ => None,
    })
}

/// One episode (one `HOSO`, one `MA_LK`) with all its tables.
///
/// Flat tables (`xml1`, `xml7`, `xml8`, `xml10`, `xml11`, `xml13`, `xml14`) are a `Record` or
/// `None`; list tables (`xml2`...`xml6`, `xml9`, `xml15`) are a list of `Record`s.
#[derive(Debug)]
#[pyclass(frozen, module = "lienthong._lienthong")]
pub struct Hoso {
    pub(crate) inner: Arc<RsHoso>,
}

struct Fill<'a> {
    records: &'a [Bound<'a, Record>],
}

impl TableVisitorMut for Fill<'_> {
    fn visit<R: RsRecord>(&mut self, rows: &mut Vec<R>) {
        for r in self.records {
            r.get().with(|d| {
                if let Some(x) = d.as_any().downcast_ref::<R>() {
                    rows.push(x.clone());
                }
            });
        }
    }
}

impl Hoso {
    fn rows(&self, t: TableId) -> Vec<Record> {
        (0..row_count(&self.inner, t))
            .map(|i| Record {
                src: Src::InHoso(self.inner.clone(), t, i),
            })
            .collect()
    }
    fn table_value<'py>(&self, py: Python<'py>, t: TableId) -> PyResult<Bound<'py, PyAny>> {
        let mut rows = self.rows(t);
        if is_flat(t) {
            match rows.pop() {
                Some(r) => Ok(Bound::new(py, r)?.into_any()),
                None => Ok(py.None().into_bound(py)),
            }
        } else {
            Ok(PyList::new(py, rows)?.into_any())
        }
    }
}

#[pymethods]
impl Hoso {
    #[getter]
    fn xml1<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml1)
    }
    #[getter]
    fn xml2<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml2)
    }
    #[getter]
    fn xml3<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml3)
    }
    #[getter]
    fn xml4<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml4)
    }
    #[getter]
    fn xml5<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml5)
    }
    #[getter]
    fn xml6<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml6)
    }
    #[getter]
    fn xml7<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml7)
    }
    #[getter]
    fn xml8<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml8)
    }
    #[getter]
    fn xml9<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml9)
    }
    #[getter]
    fn xml10<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml10)
    }
    #[getter]
    fn xml11<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml11)
    }
    #[getter]
    fn xml13<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml13)
    }
    #[getter]
    fn xml14<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml14)
    }
    #[getter]
    fn xml15<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.table_value(py, TableId::Xml15)
    }
    /// A `HOSO` from records: `Hoso(xml1=summary, xml2=[line, ...])`. Each record must be of
    /// the table its keyword names.
    #[new]
    #[pyo3(signature = (**tables))]
    fn new(tables: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut h = RsHoso::default();
        if let Some(tables) = tables {
            for (k, v) in tables.iter() {
                let key: String = k.extract()?;
                let t = TABLE_ATTRS
                    .iter()
                    .find(|(n, _)| *n == key)
                    .map(|(_, t)| *t)
                    .ok_or_else(|| {
                        pyo3::exceptions::PyTypeError::new_err(format!(
                            "Hoso() got an unexpected keyword argument {key:?}"
                        ))
                    })?;
                let records: Vec<Bound<'_, Record>> = if v.is_none() {
                    Vec::new()
                } else if let Ok(r) = v.cast::<Record>() {
                    vec![r.clone()]
                } else {
                    v.try_iter()?
                        .map(|x| x.and_then(|x| Ok(x.cast_into::<Record>()?)))
                        .collect::<PyResult<_>>()?
                };
                if is_flat(t) && records.len() > 1 {
                    return Err(pyo3::exceptions::PyValueError::new_err(format!(
                        "{key} holds one record"
                    )));
                }
                for r in &records {
                    let rt = r.get().with(|d| d.table());
                    if rt != t {
                        return Err(pyo3::exceptions::PyValueError::new_err(format!(
                            "{key} takes {} records, not {}",
                            t.name(),
                            rt.name()
                        )));
                    }
                }
                h.visit_table_mut(t, &mut Fill { records: &records });
            }
        }
        Ok(Hoso { inner: Arc::new(h) })
    }
    /// `MA_LK` of the episode (from XML1).
    #[getter]
    fn ma_lk(&self) -> Option<&str> {
        self.inner.ma_lk()
    }
    /// 1-based index of the `HOSO` in the file it was read from (`None` when built).
    #[getter]
    fn index(&self) -> Option<usize> {
        self.inner.source.as_ref().map(|s| s.index)
    }
    /// The names of the tables present (`["XML1", "XML2", ...]`), in template order.
    #[getter]
    fn tables(&self) -> Vec<&'static str> {
        TABLE_ATTRS
            .iter()
            .filter(|(_, t)| self.inner.has(*t))
            .map(|(_, t)| t.name())
            .collect()
    }
    /// The rows of a table by name (`"XML2"`), always as a list.
    fn table(&self, name: &str) -> PyResult<Vec<Record>> {
        match table_by_name(name) {
            Some(t) if t != TableId::Checkin && t != TableId::Xml12 => Ok(self.rows(t)),
            _ => Err(pyo3::exceptions::PyValueError::new_err(format!(
                "no table {name:?} in a HOSO (XML1-XML11, XML13-XML15)"
            ))),
        }
    }
    /// `{"xml1": {...} | None, "xml2": [{...}, ...], ...}` with every table key.
    #[pyo3(signature = (*, wire=false))]
    fn to_dict<'py>(&self, py: Python<'py>, wire: bool) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (name, t) in TABLE_ATTRS {
            let rows: Vec<Bound<'py, PyDict>> = (0..row_count(&self.inner, t))
                .map(|i| record_dict(py, row(&self.inner, t, i).expect("row"), wire))
                .collect::<PyResult<_>>()?;
            if is_flat(t) {
                d.set_item(name, rows.into_iter().next())?;
            } else {
                d.set_item(name, rows)?;
            }
        }
        Ok(d)
    }
    /// The `HOSO` in the SDK's JSON form (`lienthong convert --to json`), as a string.
    fn to_json(&self) -> String {
        lienthong::codec::json::hoso_to_json(&self.inner).to_string()
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Hoso>() {
            Ok(o) => {
                let (a, b) = (&self.inner, &o.get().inner);
                TABLE_ATTRS.iter().all(|(_, t)| {
                    let n = row_count(a, *t);
                    n == row_count(b, *t)
                        && (0..n).all(|i| same(row(a, *t, i).unwrap(), row(b, *t, i).unwrap()))
                }) && a.other_files == b.other_files
            }
            Err(_) => false,
        }
    }
    fn __repr__(&self) -> String {
        format!("<Hoso {}>", self.tables().join(" "))
    }
}

fn build_with<B: RecordBuilder>(
    pairs: &[(String, String)],
    check: bool,
) -> Result<Result<Arc<dyn DynRecord>, lienthong::validate::Findings>, String>
where
    B::Output: RsRecord,
{
    let mut b = B::default();
    for (k, v) in pairs {
        b.set_wire(&k.to_ascii_uppercase(), v)
            .map_err(|e| format!("{e}: {k:?}"))?;
    }
    Ok(if check {
        b.try_build().map(|r| Arc::new(r) as Arc<dyn DynRecord>)
    } else {
        Ok(Arc::new(b.record().clone()) as Arc<dyn DynRecord>)
    })
}

/// Builds a record of `table` from `{field: wire text}` (the Python wrapper converts values).
/// With `check`, the record's rules run and any error raises `ValidationError` with every issue.
#[pyfunction]
#[pyo3(signature = (table, fields, *, check=true))]
pub fn build(
    py: Python<'_>,
    table: &str,
    fields: Vec<(String, String)>,
    check: bool,
) -> PyResult<Record> {
    let t = table_by_name(table).ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!(
            "unknown table {table:?} (XML0 or CHECKIN, XML1-XML15)"
        ))
    })?;
    let f = &fields;
    let r = match t {
        TableId::Checkin => build_with::<CheckinRowBuilder>(f, check),
        TableId::Xml1 => build_with::<SummaryBuilder>(f, check),
        TableId::Xml2 => build_with::<DrugLineBuilder>(f, check),
        TableId::Xml3 => build_with::<ServiceLineBuilder>(f, check),
        TableId::Xml4 => build_with::<ParaclinicalResultBuilder>(f, check),
        TableId::Xml5 => build_with::<ClinicalNoteBuilder>(f, check),
        TableId::Xml6 => build_with::<HivRecordBuilder>(f, check),
        TableId::Xml7 => build_with::<DischargePaperBuilder>(f, check),
        TableId::Xml8 => build_with::<RecordSummaryBuilder>(f, check),
        TableId::Xml9 => build_with::<BirthCertificateBuilder>(f, check),
        TableId::Xml10 => build_with::<PregnancyLeaveBuilder>(f, check),
        TableId::Xml11 => build_with::<SickLeaveBuilder>(f, check),
        TableId::Xml12 => build_with::<AssessmentBuilder>(f, check),
        TableId::Xml13 => build_with::<ReferralBuilder>(f, check),
        TableId::Xml14 => build_with::<ReexamBuilder>(f, check),
        TableId::Xml15 => build_with::<TbRecordBuilder>(f, check),
    };
    match r {
        Err(unknown) => Err(errors::simple(py, "UnknownFieldError", unknown)),
        Ok(Ok(rec)) => Ok(Record { src: Src::Own(rec) }),
        Ok(Err(findings)) => {
            let kw = PyDict::new(py);
            kw.set_item("issues", issues(py, &findings.0)?)?;
            Err(errors::raise(
                py,
                "ValidationError",
                (findings.to_string(),),
                Some(&kw),
            ))
        }
    }
}

/// The field dictionary of a table: one dict per element (`name`, `element`, `max_len`,
/// `required`, `kind`).
#[pyfunction]
pub fn fields<'py>(py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyList>> {
    let t = table_by_name(table).ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!("unknown table {table:?}"))
    })?;
    fn specs<R: RsRecord>() -> &'static [FieldSpec] {
        R::FIELDS
    }
    let list = match t {
        TableId::Checkin => specs::<CheckinRow>(),
        TableId::Xml1 => specs::<Summary>(),
        TableId::Xml2 => specs::<DrugLine>(),
        TableId::Xml3 => specs::<ServiceLine>(),
        TableId::Xml4 => specs::<ParaclinicalResult>(),
        TableId::Xml5 => specs::<ClinicalNote>(),
        TableId::Xml6 => specs::<HivRecord>(),
        TableId::Xml7 => specs::<DischargePaper>(),
        TableId::Xml8 => specs::<RecordSummary>(),
        TableId::Xml9 => specs::<BirthCertificate>(),
        TableId::Xml10 => specs::<PregnancyLeave>(),
        TableId::Xml11 => specs::<SickLeave>(),
        TableId::Xml12 => specs::<Assessment>(),
        TableId::Xml13 => specs::<Referral>(),
        TableId::Xml14 => specs::<Reexam>(),
        TableId::Xml15 => specs::<TbRecord>(),
    };
    let out = PyList::empty(py);
    for s in list {
        let d = PyDict::new(py);
        d.set_item("name", s.element.to_ascii_lowercase())?;
        d.set_item("element", s.element)?;
        d.set_item("max_len", s.max_len)?;
        d.set_item(
            "required",
            match s.required {
                lienthong::record::Req::Yes => "yes",
                lienthong::record::Req::No => "no",
                lienthong::record::Req::Cond => "conditional",
            },
        )?;
        d.set_item("kind", kind_name(s.kind))?;
        out.append(d)?;
    }
    Ok(out)
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Int => "int",
        Kind::Dec => "decimal",
        Kind::Date | Kind::BirthDate => "date",
        Kind::DateTime | Kind::BirthDateTime => "datetime",
        Kind::DateOrDateTime => "date_or_datetime",
        Kind::Enum(_) => "code",
        Kind::List(_) => "list",
        Kind::Text => "text",
        _ => "identifier",
    }
}
