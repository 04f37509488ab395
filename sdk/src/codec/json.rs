//! The JSON form of QĐ 130 files: every table of every `HOSO` with element names as keys and
//! values as strings exactly as in the XML, so XML -> JSON -> XML keeps every field.
//!
//! ```json
//! {"GIAMDINHHS": {
//!   "THONGTINDONVI": {"MACSKCB": "79999"},
//!   "THONGTINHOSO": {"NGAYLAP": "20250310", "SOLUONGHOSO": "1",
//!     "DANHSACHHOSO": [{"XML1": {"MA_LK": "...", ...}, "XML2": [{...}, ...]}]},
//!   "CHUKYDONVI": ""}}
//! ```
//! Flat tables are objects, list tables arrays of objects. Empty elements are `""`; elements
//! outside the dictionary keep their names. Files under unknown `LOAIHOSO` values are listed under
//! `"OTHER_FILES"` as `{"LOAIHOSO", "NOIDUNGFILE"}`. The check-in and XML12 documents use their
//! own root and list names (`{"CHI_TIEU_TRANG_THAI_KCB": {"DSACH_TRANG_THAI_KCB": [...],
//! "CHUKYDONVI": ""}}`).

use super::{AssessmentDocument, CheckinDocument, Envelope, EnvelopeHeader};
use crate::hoso::{Hoso, OtherFile, TableVisitor, TableVisitorMut};
use crate::record::{ExtraElement, InLayouts, Layout, Record, TableId};
use crate::types::Field;
use serde_json::{Map, Value};
use std::fmt;
use std::io::Write;

/// The JSON does not have the expected shape. Names the place, never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Where in the document (`GIAMDINHHS/THONGTINHOSO/DANHSACHHOSO[2]/XML3[1]/SO_LUONG`).
    pub path: String,
    /// What is wrong.
    pub message: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for JsonError {}

fn jerr(path: impl Into<String>, message: &'static str) -> JsonError {
    JsonError {
        path: path.into(),
        message,
    }
}

/// One record as a JSON object.
pub fn record_to_json<R: Record>(rec: &R) -> Map<String, Value> {
    let mut m = Map::new();
    for (i, spec) in R::FIELDS.iter().enumerate() {
        if rec.emits(i) {
            m.insert(
                spec.element.to_owned(),
                Value::String(rec.field(i).wire().into_owned()),
            );
        }
    }
    for x in rec.extra() {
        m.insert(x.name.to_string(), Value::String(x.text.to_string()));
    }
    m
}

/// One record from a JSON object.
pub fn record_from_json<R: Record>(obj: &Value, path: &str) -> Result<R, JsonError> {
    let obj = obj.as_object().ok_or_else(|| {
        jerr(
            path,
            "expected an object of element names and string values",
        )
    })?;
    let mut rec = R::default();
    for (k, v) in obj {
        let text = match v {
            Value::String(s) => s.as_str(),
            Value::Null => "",
            _ => return Err(jerr(format!("{path}/{k}"), "expected a string value")),
        };
        match R::index_of(k) {
            Some(i) => {
                rec.field_mut(i).set_wire(text);
                if R::FIELDS[i].layouts == InLayouts::Qd3176Only {
                    rec.set_layout(Layout::Qd3176);
                }
            }
            None if !super::limits::is_xml_name(k.as_bytes()) => {
                return Err(jerr(format!("{path}/{k}"), "not a valid XML element name"))
            }
            None => rec.extra_mut().push(ExtraElement {
                name: k.as_str().into(),
                text: text.into(),
            }),
        }
    }
    Ok(rec)
}

struct ToJson<'a>(&'a mut Map<String, Value>);

impl TableVisitor for ToJson<'_> {
    fn visit<R: Record>(&mut self, rows: &[R]) {
        let v = if R::TABLE.list_and_row().is_some() {
            Value::Array(
                rows.iter()
                    .map(|r| Value::Object(record_to_json(r)))
                    .collect(),
            )
        } else {
            Value::Object(record_to_json(&rows[0]))
        };
        self.0.insert(R::TABLE.name().to_owned(), v);
    }
}

/// One `HOSO` as a JSON object keyed by table name.
pub fn hoso_to_json(hoso: &Hoso) -> Value {
    let mut m = Map::new();
    hoso.visit_tables(&mut ToJson(&mut m));
    if !hoso.other_files.is_empty() {
        let files = hoso
            .other_files
            .iter()
            .map(|f| {
                let mut o = Map::new();
                o.insert("LOAIHOSO".into(), Value::String(f.loaihoso.clone()));
                o.insert("NOIDUNGFILE".into(), Value::String(f.content.clone()));
                Value::Object(o)
            })
            .collect();
        m.insert("OTHER_FILES".into(), Value::Array(files));
    }
    Value::Object(m)
}

struct FromJson<'a> {
    value: &'a Value,
    path: String,
    result: Result<(), JsonError>,
}

impl TableVisitorMut for FromJson<'_> {
    fn visit<R: Record>(&mut self, rows: &mut Vec<R>) {
        self.result = (|| {
            if R::TABLE.list_and_row().is_some() {
                let arr = self
                    .value
                    .as_array()
                    .ok_or_else(|| jerr(self.path.as_str(), "expected an array of rows"))?;
                *rows = arr
                    .iter()
                    .enumerate()
                    .map(|(i, v)| record_from_json::<R>(v, &format!("{}[{}]", self.path, i + 1)))
                    .collect::<Result<_, _>>()?;
            } else {
                *rows = vec![record_from_json::<R>(self.value, &self.path)?];
            }
            Ok(())
        })();
    }
}

/// One `HOSO` from its JSON object.
pub fn hoso_from_json(value: &Value, path: &str) -> Result<Hoso, JsonError> {
    let obj = value
        .as_object()
        .ok_or_else(|| jerr(path, "expected an object keyed by table name"))?;
    let mut hoso = Hoso::default();
    for (k, v) in obj {
        let p = format!("{path}/{k}");
        if k == "OTHER_FILES" {
            for (i, f) in v
                .as_array()
                .ok_or_else(|| jerr(p.as_str(), "expected an array"))?
                .iter()
                .enumerate()
            {
                let get = |key: &str| f.get(key).and_then(Value::as_str).map(str::to_owned);
                match (get("LOAIHOSO"), get("NOIDUNGFILE")) {
                    (Some(loaihoso), Some(content)) => {
                        hoso.other_files.push(OtherFile { loaihoso, content })
                    }
                    _ => {
                        return Err(jerr(
                            format!("{p}[{}]", i + 1),
                            "expected LOAIHOSO and NOIDUNGFILE strings",
                        ))
                    }
                }
            }
            continue;
        }
        let table = TableId::from_name(k)
            .filter(|t| TableId::IN_ENVELOPE.contains(t))
            .ok_or_else(|| {
                jerr(
                    p.as_str(),
                    "not a table of the envelope (XML1-XML11, XML13-XML15)",
                )
            })?;
        let mut fill = FromJson {
            value: v,
            path: p,
            result: Ok(()),
        };
        hoso.visit_table_mut(table, &mut fill);
        fill.result?;
    }
    Ok(hoso)
}

fn header_json(h: &EnvelopeHeader) -> (Value, Map<String, Value>) {
    let mut unit = Map::new();
    unit.insert(
        "MACSKCB".into(),
        Value::String(h.macskcb.wire().into_owned()),
    );
    let mut info = Map::new();
    info.insert(
        "NGAYLAP".into(),
        Value::String(h.ngaylap.wire().into_owned()),
    );
    info.insert(
        "SOLUONGHOSO".into(),
        Value::String(h.soluonghoso.wire().into_owned()),
    );
    (Value::Object(unit), info)
}

fn signature_json(sig: Option<&str>) -> Value {
    sig.map_or(Value::Null, |s| Value::String(s.to_owned()))
}

/// Streams an envelope as JSON, one `HOSO` at a time.
#[derive(Debug)]
pub struct JsonEnvelopeWriter<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> JsonEnvelopeWriter<W> {
    /// Writes everything up to the `DANHSACHHOSO` array.
    pub fn new(mut out: W, header: &EnvelopeHeader) -> std::io::Result<Self> {
        let (unit, info) = header_json(header);
        write!(
            out,
            "{{\"GIAMDINHHS\":{{\"THONGTINDONVI\":{unit},\"THONGTINHOSO\":{{"
        )?;
        for (k, v) in &info {
            write!(out, "{}:{v},", Value::String(k.clone()))?;
        }
        write!(out, "\"DANHSACHHOSO\":[")?;
        Ok(JsonEnvelopeWriter { out, first: true })
    }

    /// Writes one `HOSO`.
    pub fn write_hoso(&mut self, hoso: &Hoso) -> std::io::Result<()> {
        if !self.first {
            self.out.write_all(b",\n")?;
        } else {
            self.out.write_all(b"\n")?;
        }
        self.first = false;
        serde_json::to_writer(&mut self.out, &hoso_to_json(hoso))?;
        Ok(())
    }

    /// Closes the array and writes `CHUKYDONVI`.
    pub fn finish(mut self, signature: Option<&str>) -> std::io::Result<W> {
        write!(
            self.out,
            "\n]}},\"CHUKYDONVI\":{}}}}}\n",
            signature_json(signature)
        )?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A whole envelope as JSON.
pub fn envelope_to_json(env: &Envelope) -> Value {
    let (unit, mut info) = header_json(&env.header);
    info.insert(
        "DANHSACHHOSO".into(),
        Value::Array(env.hosos.iter().map(hoso_to_json).collect()),
    );
    let mut root = Map::new();
    root.insert("THONGTINDONVI".into(), unit);
    root.insert("THONGTINHOSO".into(), Value::Object(info));
    root.insert(
        "CHUKYDONVI".into(),
        signature_json(env.signature.as_deref()),
    );
    let mut top = Map::new();
    top.insert("GIAMDINHHS".into(), Value::Object(root));
    Value::Object(top)
}

fn str_at<'a>(v: &'a Value, key: &str, path: &str) -> Result<&'a str, JsonError> {
    match v.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(Value::Null) | None => Ok(""),
        Some(_) => Err(jerr(format!("{path}/{key}"), "expected a string value")),
    }
}

/// An envelope from its JSON form.
pub fn envelope_from_json(v: &Value) -> Result<Envelope, JsonError> {
    let root = v
        .get("GIAMDINHHS")
        .ok_or_else(|| jerr("", "expected a GIAMDINHHS object"))?;
    let unit = root
        .get("THONGTINDONVI")
        .ok_or_else(|| jerr("GIAMDINHHS", "missing THONGTINDONVI"))?;
    let info = root
        .get("THONGTINHOSO")
        .ok_or_else(|| jerr("GIAMDINHHS", "missing THONGTINHOSO"))?;
    let header = EnvelopeHeader {
        macskcb: Field::from_wire(str_at(unit, "MACSKCB", "GIAMDINHHS/THONGTINDONVI")?),
        ngaylap: Field::from_wire(str_at(info, "NGAYLAP", "GIAMDINHHS/THONGTINHOSO")?),
        soluonghoso: Field::from_wire(str_at(info, "SOLUONGHOSO", "GIAMDINHHS/THONGTINHOSO")?),
    };
    let list_path = "GIAMDINHHS/THONGTINHOSO/DANHSACHHOSO";
    let list = match info.get("DANHSACHHOSO") {
        Some(Value::Array(a)) => a.as_slice(),
        None | Some(Value::Null) => &[],
        Some(_) => return Err(jerr(list_path, "expected an array of HOSO objects")),
    };
    let hosos = list
        .iter()
        .enumerate()
        .map(|(i, h)| hoso_from_json(h, &format!("{list_path}[{}]", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    let signature = match root.get("CHUKYDONVI") {
        Some(Value::String(s)) => Some(s.clone()),
        None | Some(Value::Null) => None,
        Some(_) => {
            return Err(jerr(
                "GIAMDINHHS/CHUKYDONVI",
                "expected a string (the raw signature XML)",
            ))
        }
    };
    Ok(Envelope {
        header,
        hosos,
        signature,
        notices: Vec::new(),
    })
}

macro_rules! standalone_json {
    ($doc:ty, $to:ident, $from:ident, $table:expr) => {
        /// The document as JSON.
        pub fn $to(doc: &$doc) -> Value {
            let (list, _) = $table.list_and_row().expect("list table");
            let mut inner = Map::new();
            inner.insert(
                list.into(),
                Value::Array(
                    doc.rows
                        .iter()
                        .map(|r| Value::Object(record_to_json(r)))
                        .collect(),
                ),
            );
            inner.insert(
                "CHUKYDONVI".into(),
                signature_json(doc.signature.as_deref()),
            );
            let mut top = Map::new();
            top.insert($table.root().into(), Value::Object(inner));
            Value::Object(top)
        }

        /// The document from its JSON form.
        pub fn $from(v: &Value) -> Result<$doc, JsonError> {
            let root = $table.root();
            let (list, _) = $table.list_and_row().expect("list table");
            let inner = v
                .get(root)
                .ok_or_else(|| jerr("", "expected the document's root object"))?;
            let path = format!("{root}/{list}");
            let rows = match inner.get(list) {
                Some(Value::Array(a)) => a
                    .iter()
                    .enumerate()
                    .map(|(i, r)| record_from_json(r, &format!("{path}[{}]", i + 1)))
                    .collect::<Result<Vec<_>, _>>()?,
                None | Some(Value::Null) => Vec::new(),
                Some(_) => return Err(jerr(path, "expected an array of rows")),
            };
            let signature = match inner.get("CHUKYDONVI") {
                Some(Value::String(s)) => Some(s.clone()),
                None | Some(Value::Null) => None,
                Some(_) => return Err(jerr(format!("{root}/CHUKYDONVI"), "expected a string")),
            };
            Ok(<$doc>::from_parts(rows, signature))
        }
    };
}

standalone_json!(
    CheckinDocument,
    checkin_to_json,
    checkin_from_json,
    TableId::Checkin
);
standalone_json!(
    AssessmentDocument,
    assessment_to_json,
    assessment_from_json,
    TableId::Xml12
);

/// Which document a JSON value holds, from its single top-level key.
pub fn document_kind(v: &Value) -> Option<TableIdOrEnvelope> {
    let obj = v.as_object()?;
    if obj.contains_key("GIAMDINHHS") {
        Some(TableIdOrEnvelope::Envelope)
    } else if obj.contains_key(TableId::Checkin.root()) {
        Some(TableIdOrEnvelope::Table(TableId::Checkin))
    } else if obj.contains_key(TableId::Xml12.root()) {
        Some(TableIdOrEnvelope::Table(TableId::Xml12))
    } else {
        None
    }
}

/// A claim envelope or one of the standalone documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableIdOrEnvelope {
    /// `GIAMDINHHS`.
    Envelope,
    /// A standalone table document (check-in or XML12).
    Table(TableId),
}
