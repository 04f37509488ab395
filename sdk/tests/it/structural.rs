//! Structural errors of the codec, one case per error path, and the non-standard input the
//! readers accept but report as a `Notice`.
//!
//! The error paths are tables of `Case`s, one table per kind of error. Every case checks the
//! error's kind and `code()`, the `HOSO` index, the table, the position in the input and, for
//! errors inside a decoded table, the position inside the table document. A position must fall
//! on the offending token: on the line where it starts and at a column from its first byte to
//! just past its last (`Pos::On`), unless the case asks for an exact place. Every message must
//! name its place and must not contain any patient value of the input (see `check_message`). A
//! failing table names each case that failed.

use crate::support::{generated, parse};
use base64::Engine;
use lienthong::codec::{
    AssessmentDocument, CheckinDocument, Envelope, EnvelopeReader, ErrorKind, Limits, Notice,
    NoticeKind, ParseError,
};
use lienthong::hoso::{Hoso, OtherFile};
use lienthong::record::TableId::{self, Checkin, Xml1, Xml12, Xml2};
use lienthong::tables::Summary;
use lienthong::types::Field;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Patient values planted in the inputs; no error message may contain them.
const NAME: &str = "NGUYỄN VĂN AN";
const CCCD: &str = "079085001234";
const PHONE: &str = "0912345678";
const SECRETS: [&str; 5] = [NAME, CCCD, PHONE, "NGUY", "079085"];

const DECL: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

// ---------------------------------------------------------------------------------------------
// Inputs

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// An XML1 document (flat table). Line 5 holds the name, line 6 the citizen ID.
fn xml1() -> String {
    format!(
        "{DECL}<TONG_HOP>\n  <MA_LK>79001.250310.0000001</MA_LK>\n  <STT>1</STT>\n  <HO_TEN>{NAME}</HO_TEN>\n  <SO_CCCD>{CCCD}</SO_CCCD>\n  <DIEN_THOAI>{PHONE}</DIEN_THOAI>\n</TONG_HOP>\n"
    )
}

/// An XML2 document (list table) with one row. Line 7 holds a drug name.
fn xml2() -> String {
    format!(
        "{DECL}<CHITIEU_CHITIET_THUOC>\n  <DSACH_CHI_TIET_THUOC>\n    <CHI_TIET_THUOC>\n      <MA_LK>79001.250310.0000001</MA_LK>\n      <STT>1</STT>\n      <TEN_THUOC>Paracetamol 500mg</TEN_THUOC>\n    </CHI_TIET_THUOC>\n  </DSACH_CHI_TIET_THUOC>\n</CHITIEU_CHITIET_THUOC>\n"
    )
}

/// An XML2 document of `n` rows, each empty or holding `MA_LK` and `STT`.
fn xml2_rows(n: usize, empty: bool) -> String {
    let row = if empty {
        "    <CHI_TIET_THUOC/>\n"
    } else {
        "    <CHI_TIET_THUOC>\n      <MA_LK>79001.250310.0000001</MA_LK>\n      <STT>1</STT>\n    </CHI_TIET_THUOC>\n"
    };
    format!(
        "{DECL}<CHITIEU_CHITIET_THUOC>\n  <DSACH_CHI_TIET_THUOC>\n{}  </DSACH_CHI_TIET_THUOC>\n</CHITIEU_CHITIET_THUOC>\n",
        row.repeat(n)
    )
}

/// An envelope of `hosos`, each a list of (`LOAIHOSO`, raw `NOIDUNGFILE` text). The first `HOSO`
/// starts on line 6 and each `FILEHOSO` has a line of its own.
fn envelope(hosos: &[Vec<(&str, String)>]) -> String {
    let mut s = format!(
        "{DECL}<GIAMDINHHS>\n  <THONGTINDONVI><MACSKCB>79001</MACSKCB></THONGTINDONVI>\n  <THONGTINHOSO><NGAYLAP>20250310</NGAYLAP><SOLUONGHOSO>{}</SOLUONGHOSO>\n    <DANHSACHHOSO>\n",
        hosos.len()
    );
    for h in hosos {
        s.push_str("      <HOSO>\n");
        for (t, c) in h {
            s.push_str(&format!("        <FILEHOSO><LOAIHOSO>{t}</LOAIHOSO><NOIDUNGFILE>{c}</NOIDUNGFILE></FILEHOSO>\n"));
        }
        s.push_str("      </HOSO>\n");
    }
    s.push_str("    </DANHSACHHOSO>\n  </THONGTINHOSO>\n  <CHUKYDONVI/>\n</GIAMDINHHS>\n");
    s
}

/// `xml1()` base64-encoded.
fn xml1_b64() -> String {
    b64(xml1().as_bytes())
}

/// One `HOSO` whose XML1 and XML2 `FILEHOSO`s hold these `NOIDUNGFILE` texts.
fn pair(xml1_text: impl Into<String>, xml2_text: impl Into<String>) -> String {
    envelope(&[vec![("XML1", xml1_text.into()), ("XML2", xml2_text.into())]])
}

/// One `HOSO` holding XML1 and XML2, base64-encoded.
fn base() -> String {
    pair(xml1_b64(), b64(xml2().as_bytes()))
}

/// One `HOSO` holding one table document.
fn one(table: &str, doc: &[u8]) -> String {
    envelope(&[vec![(table, b64(doc))]])
}

/// `s` with the byte at `offset` into the first occurrence of `token` replaced by `byte`.
fn with_byte(s: String, token: &str, offset: usize, byte: u8) -> Vec<u8> {
    let at = s
        .find(token)
        .unwrap_or_else(|| panic!("{token:?} is not in the input"));
    let mut bytes = s.into_bytes();
    bytes[at + offset] = byte;
    bytes
}

/// The default limits changed by `set`.
fn limits(set: impl FnOnce(&mut Limits)) -> Limits {
    let mut l = Limits::default();
    set(&mut l);
    l
}

/// An envelope that must be read; `label` names the input on failure.
#[track_caller]
fn read(label: &str, file: &str) -> Envelope {
    Envelope::from_bytes(file.as_bytes()).unwrap_or_else(|e| panic!("{label}: {e}"))
}

/// The first `HOSO` of an envelope that must be read.
fn first(file: &str) -> Hoso {
    parse(file.as_bytes()).hosos.remove(0)
}

/// The XML1 record of an envelope holding it.
fn xml1_of(file: &str) -> Summary {
    first(file).xml1.expect("an XML1 record")
}

/// The records of a `HOSO` without where they were read from.
fn records(mut h: Hoso) -> Hoso {
    h.source = None;
    h
}

/// The records of `base()`.
fn base_records() -> Hoso {
    records(first(&base()))
}

fn notices(h: &Hoso) -> &[Notice] {
    &h.source.as_ref().expect("read from a file").notices
}

// ---------------------------------------------------------------------------------------------
// Positions

/// Line and columns (first byte, just past the last byte) of the `nth` occurrence of `token`.
fn span(doc: &[u8], token: &str, nth: usize) -> (u32, u32, u32) {
    assert!(!token.contains('\n'), "tokens are single-line");
    let t = token.as_bytes();
    let mut found = doc.windows(t.len()).enumerate().filter(|(_, w)| *w == t);
    let (offset, _) = found
        .nth(nth)
        .unwrap_or_else(|| panic!("{token:?} #{nth} is not in the input"));
    let (line, col) = line_col(&doc[..offset]);
    (line, col, col + t.len() as u32)
}

/// Line and column just past `before`.
fn line_col(before: &[u8]) -> (u32, u32) {
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, (before.len() - start) as u32 + 1)
}

/// Where a position must be.
#[derive(Debug)]
enum Pos {
    /// On the `nth` occurrence of a token: its line, a column from its first byte to just past
    /// its last.
    On(String, usize),
    /// Exactly at the first byte of the `nth` occurrence of a token.
    Start(&'static str, usize),
    /// Exactly just past the last byte of the `nth` occurrence of a token.
    Past(&'static str, usize),
    /// Exactly this line and column.
    Exactly(u32, u32),
    /// Just past the last byte of the input.
    End,
}

/// Asserts that `(line, column)` in `input` is where `want` says.
#[track_caller]
fn assert_pos(input: &[u8], want: &Pos, (line, column): (u32, u32)) {
    let (ok, place) = match want {
        Pos::On(t, n) => {
            let (l, first, past) = span(input, t, *n);
            let ok = line == l && (first..=past).contains(&column);
            (ok, format!("line {l}, columns {first}-{past}"))
        }
        Pos::Start(t, n) | Pos::Past(t, n) => {
            let (l, first, past) = span(input, t, *n);
            let c = if matches!(want, Pos::Start(..)) {
                first
            } else {
                past
            };
            ((line, column) == (l, c), format!("line {l}, column {c}"))
        }
        Pos::Exactly(l, c) => ((line, column) == (*l, *c), String::new()),
        Pos::End => {
            let (l, c) = line_col(input);
            ((line, column) == (l, c), format!("line {l}, column {c}"))
        }
    };
    assert!(ok, "position ({line}, {column}) is not {want:?} ({place})");
}

// ---------------------------------------------------------------------------------------------
// Error cases: what is read, and what the error must be

/// Checks on an input beyond its error.
type MoreChecks = Box<dyn Fn(&[u8])>;

/// One input that must be refused, and what the error must be. Built from its name, then its
/// input (`file`, `doc`, `second` or `standalone`), then what to expect.
#[derive(Default)]
struct Case {
    name: String,
    /// The input: an envelope, or a document sent on its own (`standalone`).
    input: Vec<u8>,
    standalone: Option<TableId>,
    limits: Limits,
    /// The decoded table document, for errors inside it.
    doc: Option<Vec<u8>>,
    code: &'static str,
    /// The expected kind; of a syntax error only the kind is compared (the text is the
    /// parser's).
    kind: Option<ErrorKind>,
    hoso: Option<usize>,
    table: Option<TableId>,
    /// Where `line` and `column` must be in the input.
    at: Option<Pos>,
    /// Where `table_position` must be in the table document (`None`: it must be absent).
    inside: Option<Pos>,
    /// Limits with which the same input is accepted.
    accepted_with: Option<Limits>,
    /// More checks on the input.
    also: Option<MoreChecks>,
}

impl Case {
    fn named(name: impl Into<String>) -> Case {
        let name = name.into();
        Case {
            name,
            ..Case::default()
        }
    }

    /// An envelope read whole: the error is outside any `HOSO` and table unless told otherwise.
    fn file(mut self, file: impl Into<Vec<u8>>) -> Case {
        self.input = file.into();
        self
    }

    /// A table document, base64-encoded, as the only `FILEHOSO` of one `HOSO`: the error is in
    /// that `HOSO` and table, and its envelope position on that `FILEHOSO`.
    fn doc(self, table: TableId, doc: impl Into<Vec<u8>>) -> Case {
        let doc = doc.into();
        let file = one(table.name(), &doc);
        self.file(file).in_file(table, doc, 0)
    }

    /// The same, the table document following a well-formed XML1 in the second `FILEHOSO`.
    fn second(self, table: TableId, doc: impl Into<Vec<u8>>) -> Case {
        let doc = doc.into();
        let file = envelope(&[vec![("XML1", xml1_b64()), (table.name(), b64(&doc))]]);
        self.file(file).in_file(table, doc, 1)
    }

    /// `base()` with the first `from` replaced by `to`.
    fn base_with(self, from: &str, to: &str) -> Case {
        self.file(base().replacen(from, to, 1))
    }

    /// `xml1()` with the first `from` replaced by `to`, as with `doc`.
    fn xml1_with(self, from: &str, to: &str) -> Case {
        self.doc(Xml1, xml1().replacen(from, to, 1))
    }

    /// `xml2()` with the first `from` replaced by `to`, as with `doc`.
    fn xml2_with(self, from: &str, to: &str) -> Case {
        self.doc(Xml2, xml2().replacen(from, to, 1))
    }

    fn in_file(mut self, table: TableId, doc: Vec<u8>, nth: usize) -> Case {
        self.doc = Some(doc);
        self.hoso(1).table(table).at("<FILEHOSO>", nth)
    }

    /// A check-in or XML12 document sent on its own.
    fn standalone(mut self, table: TableId, doc: impl Into<Vec<u8>>) -> Case {
        assert!(
            matches!(table, Checkin | Xml12),
            "{table} is not sent on its own"
        );
        self.standalone = Some(table);
        self.file(doc).table(table)
    }

    fn limits(mut self, limits: Limits) -> Case {
        self.limits = limits;
        self
    }

    fn err(mut self, code: &'static str, kind: ErrorKind) -> Case {
        (self.code, self.kind) = (code, Some(kind));
        self
    }

    /// Any syntax error.
    fn syntax(self) -> Case {
        self.err("parse.syntax", ErrorKind::Syntax(String::new()))
    }

    fn hoso(mut self, hoso: usize) -> Case {
        self.hoso = Some(hoso);
        self
    }

    fn table(mut self, table: TableId) -> Case {
        self.table = Some(table);
        self
    }

    /// The position in the input is on the `nth` occurrence of `token`.
    fn at(self, token: impl Into<String>, nth: usize) -> Case {
        self.at_pos(Pos::On(token.into(), nth))
    }

    fn at_pos(mut self, pos: Pos) -> Case {
        self.at = Some(pos);
        self
    }

    /// The position in the table document is on the `nth` occurrence of `token`.
    fn inside(self, token: impl Into<String>, nth: usize) -> Case {
        self.inside_pos(Pos::On(token.into(), nth))
    }

    fn inside_pos(mut self, pos: Pos) -> Case {
        self.inside = Some(pos);
        self
    }

    fn accepted_with(mut self, limits: Limits) -> Case {
        self.accepted_with = Some(limits);
        self
    }

    fn also(mut self, f: impl Fn(&[u8]) + 'static) -> Case {
        self.also = Some(Box::new(f));
        self
    }

    fn read(&self, limits: Limits) -> Result<(), ParseError> {
        let bytes = &self.input;
        match self.standalone {
            None => Envelope::from_bytes_with_limits(bytes, limits).map(drop),
            Some(Checkin) => CheckinDocument::from_bytes_with_limits(bytes, limits).map(drop),
            Some(_) => AssessmentDocument::from_bytes_with_limits(bytes, limits).map(drop),
        }
    }

    fn check(&self) {
        let Err(e) = self.read(self.limits) else {
            panic!("the input was accepted")
        };
        let want = self.kind.as_ref().expect("the case names its error");
        let same = match (want, &e.kind) {
            (ErrorKind::Syntax(_), ErrorKind::Syntax(_)) => true,
            (want, got) => want == got,
        };
        assert!(same, "kind {:?}, expected {want:?}: {e}", e.kind);
        assert_eq!(e.code(), self.code, "{e}");
        assert_eq!(e.hoso, self.hoso, "{e}");
        assert_eq!(e.table, self.table, "{e}");
        let at = self.at.as_ref().expect("the case names its position");
        assert_pos(&self.input, at, (e.line, e.column));
        match (&self.inside, e.table_position) {
            (Some(want), Some(pos)) => {
                assert_pos(self.doc.as_deref().expect("a table document"), want, pos)
            }
            (None, None) => {}
            (want, got) => panic!("table position {got:?}, expected {want:?}: {e}"),
        }
        check_message(&e);
        if let Some(Err(e)) = self.accepted_with.map(|l| self.read(l)) {
            panic!("refused with the raised limits: {e}");
        }
        if let Some(also) = &self.also {
            also(&self.input);
        }
    }
}

/// Checks every case; a failure names each case that failed and why.
#[track_caller]
fn run(cases: Vec<Case>) {
    let failed: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let p = catch_unwind(AssertUnwindSafe(|| c.check())).err()?;
            let why = (p.downcast_ref::<String>().map(String::as_str))
                .or_else(|| p.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            Some(format!("{}: {why}", c.name))
        })
        .collect();
    let report = format!("{} of {} cases failed:\n", failed.len(), cases.len());
    assert!(failed.is_empty(), "{report}{}", failed.join("\n"));
}

/// The message names the place and position and holds no patient value.
#[track_caller]
fn check_message(e: &ParseError) {
    let s = e.to_string();
    if let Some(h) = e.hoso {
        assert!(s.contains(&format!("HOSO[{h}]")), "{s}");
    }
    if let Some(t) = e.table {
        assert!(s.contains(t.name()), "{s}");
    }
    let at = format!("line {}, column {}", e.line, e.column);
    assert!(s.contains(&at), "{s}");
    if let Some((l, c)) = e.table_position {
        let inside = format!("inside the table: line {l}, column {c}");
        assert!(s.contains(&inside), "{s}");
    }
    let (vi, debug) = (e.message_vi(), format!("{e:?}"));
    for secret in SECRETS {
        assert!(!s.contains(secret), "the message shows patient data: {s}");
        assert!(!vi.contains(secret), "the message shows patient data: {vi}");
        let shown = debug.contains(secret);
        assert!(!shown, "the debug form shows patient data: {debug}");
    }
}

fn unexpected(element: &str, parent: &str) -> ErrorKind {
    let (element, parent) = (element.into(), parent.into());
    ErrorKind::UnexpectedElement { element, parent }
}

fn text_in(parent: &str) -> ErrorKind {
    let parent = parent.into();
    ErrorKind::UnexpectedText { parent }
}

fn missing(element: &'static str, parent: &'static str) -> ErrorKind {
    ErrorKind::MissingElement { element, parent }
}

fn duplicate(element: &str) -> ErrorKind {
    let element = element.into();
    ErrorKind::DuplicateElement { element }
}

fn nested(element: &str) -> ErrorKind {
    let element = element.into();
    ErrorKind::NestedElement { element }
}

fn limit(what: &'static str, limit: u64) -> ErrorKind {
    ErrorKind::Limit { what, limit }
}

fn root(expected: &'static str, found: &str) -> ErrorKind {
    let found = found.into();
    ErrorKind::UnexpectedRoot { expected, found }
}

// ---------------------------------------------------------------------------------------------
// The error paths, one table of cases per kind of error

#[test]
fn doctypes_and_roots() {
    let doctype = "<!DOCTYPE GIAMDINHHS [<!ENTITY x \"y\">]>\n<GIAMDINHHS>";
    let checkin = "<!DOCTYPE x>\n<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB/><CHUKYDONVI/></CHI_TIEU_TRANG_THAI_KCB>";
    let code = "parse.unexpected_root";
    run(vec![
        Case::named("doctype_in_the_envelope")
            .base_with("<GIAMDINHHS>", doctype)
            .err("parse.doctype", ErrorKind::Doctype)
            .at("<!DOCTYPE", 0),
        Case::named("doctype_inside_a_table")
            .xml1_with("<TONG_HOP>", "<!DOCTYPE TONG_HOP>\n<TONG_HOP>")
            .err("parse.doctype", ErrorKind::Doctype)
            .inside("<!DOCTYPE TONG_HOP>", 0),
        Case::named("doctype_in_a_checkin_document")
            .standalone(Checkin, checkin)
            .err("parse.doctype", ErrorKind::Doctype)
            .at("<!DOCTYPE x>", 0),
        Case::named("wrong_root_of_the_envelope")
            .file(base().replace("GIAMDINHHS>", "GIAMDINH_HS>"))
            .err(code, root("GIAMDINHHS", "GIAMDINH_HS"))
            .at("<GIAMDINH_HS>", 0),
        // An XML2 document sent as XML1.
        Case::named("wrong_root_of_a_table")
            .doc(Xml1, xml2())
            .err(code, root("TONG_HOP", "CHITIEU_CHITIET_THUOC"))
            .inside("<CHITIEU_CHITIET_THUOC>", 0),
        Case::named("wrong_root_of_a_standalone_document")
            .standalone(Xml12, "<CHI_TIEU_TRANG_THAI_KCB/>")
            .err(
                code,
                root("CHI_TIEU_GIAM_DINH_YKHOA", "CHI_TIEU_TRANG_THAI_KCB"),
            )
            .at("<CHI_TIEU_TRANG_THAI_KCB/>", 0),
        Case::named("empty_input_has_no_root")
            .file("")
            .err("parse.missing_element", missing("GIAMDINHHS", "document"))
            .at_pos(Pos::Exactly(1, 1)),
    ]);
}

#[test]
fn unexpected_elements() {
    let code = "parse.unexpected_element";
    let cskcb = format!("</MACSKCB><TEN_CSKCB>{NAME}</TEN_CSKCB>");
    let generated = String::from_utf8(generated(2, 5)).unwrap();
    let in_hoso = format!("<HO_TEN>{NAME}</HO_TEN><FILEHOSO>");
    let in_file = format!("XML2</LOAIHOSO><GHICHU>{CCCD}</GHICHU>");
    let dvkt = "    <CHI_TIET_DVKT/>\n    <CHI_TIET_THUOC>";
    let extra = "  <TONG_HOP/>\n  <DSACH_CHI_TIET_THUOC>";
    run(vec![
        Case::named("unexpected_element_in_thongtindonvi")
            .base_with("</MACSKCB>", &cskcb)
            .err(code, unexpected("TEN_CSKCB", "THONGTINDONVI"))
            .at("<TEN_CSKCB>", 0),
        Case::named("unexpected_element_in_thongtinhoso")
            .base_with("<SOLUONGHOSO>", "<GHICHU/><SOLUONGHOSO>")
            .err(code, unexpected("GHICHU", "THONGTINHOSO"))
            .at("<GHICHU/>", 0),
        Case::named("unexpected_element_in_the_root")
            .base_with("<THONGTINHOSO>", "<KHAC/><THONGTINHOSO>")
            .err(code, unexpected("KHAC", "GIAMDINHHS"))
            .at("<KHAC/>", 0),
        Case::named("unexpected_element_in_danhsachhoso")
            .base_with("      <HOSO>\n", "      <HOSO_KHAC/>\n")
            .err(code, unexpected("HOSO_KHAC", "DANHSACHHOSO"))
            .at("<HOSO_KHAC/>", 0),
        // In the canonical layout of a generated file: exactly at the start tag.
        Case::named("envelope_positions_are_at_the_start_tag")
            .file(generated.replacen("      <HOSO>\n", "      <HOSO_X/>\n", 1))
            .err(code, unexpected("HOSO_X", "DANHSACHHOSO"))
            .at_pos(Pos::Start("<HOSO_X/>", 0)),
        Case::named("unexpected_element_in_hoso")
            .base_with("<FILEHOSO>", &in_hoso)
            .err(code, unexpected("HO_TEN", "HOSO"))
            .hoso(1)
            .at("<HO_TEN>", 0),
        Case::named("unexpected_element_in_filehoso")
            .base_with("XML2</LOAIHOSO>", &in_file)
            .err(code, unexpected("GHICHU", "FILEHOSO"))
            .hoso(1)
            .at("<GHICHU>", 0),
        Case::named("unexpected_element_in_a_list")
            .second(Xml2, xml2().replacen("    <CHI_TIET_THUOC>", dvkt, 1))
            .err(code, unexpected("CHI_TIET_DVKT", "DSACH_CHI_TIET_THUOC"))
            .inside("<CHI_TIET_DVKT/>", 0),
        Case::named("unexpected_element_in_the_root_of_a_list_table")
            .xml2_with("  <DSACH_CHI_TIET_THUOC>", extra)
            .err(code, unexpected("TONG_HOP", "CHITIEU_CHITIET_THUOC"))
            .inside("<TONG_HOP/>", 0),
    ]);
}

#[test]
fn text_where_elements_belong() {
    let code = "parse.unexpected_text";
    let list = "<DSACH_CHI_TIET_THUOC>\n";
    let row = "<CHI_TIET_THUOC>\n";
    run(vec![
        Case::named("text_directly_in_the_root")
            .base_with("<GIAMDINHHS>\n", &format!("<GIAMDINHHS>{NAME}\n"))
            .err(code, text_in("GIAMDINHHS"))
            .at(NAME, 0),
        Case::named("text_directly_in_hoso")
            .base_with("<HOSO>\n", &format!("<HOSO>{CCCD}\n"))
            .err(code, text_in("HOSO"))
            .hoso(1)
            .at(CCCD, 0),
        Case::named("cdata_directly_in_filehoso")
            .base_with("<LOAIHOSO>", &format!("<![CDATA[{NAME}]]><LOAIHOSO>"))
            .err(code, text_in("FILEHOSO"))
            .hoso(1)
            .at("<![CDATA[", 0),
        Case::named("text_directly_in_a_table_row")
            .xml2_with(row, &format!("<CHI_TIET_THUOC>{NAME}<HO_TEN/>\n"))
            .err(code, text_in("CHI_TIET_THUOC"))
            .inside(NAME, 0),
        Case::named("text_directly_in_a_list")
            .xml2_with(list, "<DSACH_CHI_TIET_THUOC>abc<CHI_TIET_THUOC/>\n")
            .err(code, text_in("DSACH_CHI_TIET_THUOC"))
            .inside("abc", 0),
        // Exactly at the first byte of the text.
        Case::named("table_positions_are_on_the_line_of_the_offending_text")
            .xml2_with(list, "<DSACH_CHI_TIET_THUOC>abc\n")
            .err(code, text_in("DSACH_CHI_TIET_THUOC"))
            .inside_pos(Pos::Start("abc", 0)),
        Case::named("text_directly_in_a_flat_table")
            .xml1_with("<TONG_HOP>\n", &format!("<TONG_HOP>{PHONE}<MA_BN/>\n"))
            .err(code, text_in("TONG_HOP"))
            .inside(PHONE, 0),
    ]);
}

#[test]
fn missing_elements() {
    let code = "parse.missing_element";
    let content = format!("<NOIDUNGFILE>{}</NOIDUNGFILE>", xml1_b64());
    let header = "<THONGTINDONVI><MACSKCB>79001</MACSKCB></THONGTINDONVI>";
    run(vec![
        // Found missing at the end of the FILEHOSO.
        Case::named("missing_loaihoso")
            .base_with("<LOAIHOSO>XML1</LOAIHOSO>", "")
            .err(code, missing("LOAIHOSO", "FILEHOSO"))
            .hoso(1)
            .at("</FILEHOSO>", 0),
        Case::named("missing_noidungfile")
            .base_with(&content, "")
            .err(code, missing("NOIDUNGFILE", "FILEHOSO"))
            .hoso(1)
            .at("</FILEHOSO>", 0),
        Case::named("empty_filehoso")
            .base_with("<FILEHOSO>", "<FILEHOSO/><FILEHOSO>")
            .err(code, missing("LOAIHOSO", "FILEHOSO"))
            .hoso(1)
            .at("<FILEHOSO/>", 0),
        Case::named("missing_thongtindonvi")
            .base_with(header, "")
            .err(code, missing("THONGTINDONVI", "GIAMDINHHS"))
            .at("<THONGTINHOSO>", 0),
        // An empty NOIDUNGFILE decodes to an empty document, whose only position is line 1,
        // column 1.
        Case::named("missing_table_root")
            .doc(Xml1, "")
            .err(code, missing("TONG_HOP", "document"))
            .inside_pos(Pos::Exactly(1, 1)),
    ]);
}

#[test]
fn duplicate_elements() {
    let code = "parse.duplicate_element";
    let ho_ten = format!("<HO_TEN>{NAME}</HO_TEN>");
    let notes = "  <GHI_CHU_RIENG>a</GHI_CHU_RIENG>\n  <GHI_CHU_RIENG>b</GHI_CHU_RIENG>\n  <STT>";
    let stt = "      <STT>1</STT>\n";
    let end = "</CHITIEU_CHITIET_THUOC>";
    let two_loaihoso = "<LOAIHOSO>XML1</LOAIHOSO><LOAIHOSO>XML2</LOAIHOSO>";
    let (x1, x2) = (xml1_b64(), b64(xml2().as_bytes()));
    let hosos = [
        vec![("XML1", x1.clone())],
        vec![("XML1", x1), ("XML2", x2.clone()), ("XML2", x2)],
    ];
    run(vec![
        Case::named("duplicate_element_in_a_row")
            .xml1_with("  <SO_CCCD>", &format!("  {ho_ten}\n  <SO_CCCD>"))
            .err(code, duplicate("HO_TEN"))
            .inside(&ho_ten, 1),
        Case::named("duplicate_empty_element_in_a_list_row")
            .xml2_with(stt, &format!("{stt}      <STT/>\n"))
            .err(code, duplicate("STT"))
            .inside("<STT/>", 0),
        Case::named("duplicate_unknown_element_in_a_row")
            .xml1_with("  <STT>", notes)
            .err(code, duplicate("GHI_CHU_RIENG"))
            .inside("<GHI_CHU_RIENG>b</GHI_CHU_RIENG>", 0),
        Case::named("duplicate_list_wrapper")
            .xml2_with(end, &format!("  <DSACH_CHI_TIET_THUOC/>\n{end}"))
            .err(code, duplicate("DSACH_CHI_TIET_THUOC"))
            .inside("<DSACH_CHI_TIET_THUOC/>", 0),
        Case::named("duplicate_loaihoso")
            .base_with("<LOAIHOSO>XML1</LOAIHOSO>", two_loaihoso)
            .err(code, duplicate("LOAIHOSO"))
            .hoso(1)
            .at("<LOAIHOSO>XML2", 0),
        Case::named("duplicate_table_in_a_hoso")
            .file(envelope(&hosos))
            .err("parse.duplicate_table", ErrorKind::DuplicateTable)
            .hoso(2)
            .table(Xml2)
            .at("<FILEHOSO>", 3),
    ]);
}

#[test]
fn values_holding_elements() {
    let code = "parse.nested_element";
    let ho_ten = format!("<HO_TEN>{NAME}</HO_TEN>");
    run(vec![
        Case::named("nested_element_in_a_table_value")
            .xml1_with(&ho_ten, &format!("<HO_TEN>{NAME}<B>x</B></HO_TEN>"))
            .err(code, nested("HO_TEN"))
            .inside("<B>", 0),
        Case::named("nested_empty_element_in_a_row_value")
            .xml2_with("<STT>1</STT>", "<STT><SO/></STT>")
            .err(code, nested("STT"))
            .inside("<SO/>", 0),
        Case::named("nested_element_in_an_envelope_value")
            .base_with("<MACSKCB>79001</", "<MACSKCB><MA>79001</MA></")
            .err(code, nested("MACSKCB"))
            .at("<MA>", 0),
        Case::named("nested_element_in_loaihoso")
            .base_with("<LOAIHOSO>XML1</", "<LOAIHOSO><X>XML1</X></")
            .err(code, nested("LOAIHOSO"))
            .hoso(1)
            .at("<X>", 0),
    ]);
}

#[test]
fn base64_and_encodings() {
    let signature = "<CHUKYDONVI><Signature>abc</Signature></CHUKYDONVI>";
    let signed = base().replacen("<CHUKYDONVI/>", signature, 1);
    let (utf8, iso) = ("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"");
    let mut cases = vec![
        // Exactly at the bad byte.
        Case::named("non_utf8_bytes_in_a_table")
            .doc(Xml1, with_byte(xml1(), CCCD, 3, 0xFF))
            .err("parse.not_utf8", ErrorKind::NotUtf8)
            .inside_pos(Pos::Past("<SO_CCCD>079", 0)),
        Case::named("non_utf8_bytes_in_an_envelope_value")
            .file(with_byte(base(), "79001", 2, 0xC3))
            .err("parse.not_utf8", ErrorKind::NotUtf8)
            .at("79", 0),
        // Exactly at the text that holds the bad byte.
        Case::named("non_utf8_bytes_in_the_signature")
            .file(with_byte(signed, "abc", 1, 0xFE))
            .err("parse.not_utf8", ErrorKind::NotUtf8)
            .at_pos(Pos::Past("<Signature>", 0)),
        Case::named("declared_non_utf8_encoding_of_the_envelope")
            .base_with(utf8, "encoding=\"windows-1258\"")
            .err("parse.encoding", ErrorKind::Encoding("windows-1258".into()))
            .at("<?xml", 0),
        Case::named("declared_non_utf8_encoding_of_a_table")
            .xml1_with(utf8, iso)
            .err("parse.encoding", ErrorKind::Encoding("ISO-8859-1".into()))
            .inside(format!("<?xml version=\"1.0\" {iso}?>"), 0),
    ];
    cases.extend(["!!!!", "QUJD=A", "QUJDR", "QU@D"].map(|bad| {
        Case::named(format!("bad_base64 {bad}"))
            .file(pair(xml1_b64(), bad))
            .err("parse.base64", ErrorKind::Base64)
            .hoso(1)
            .table(Xml2)
            .at("<FILEHOSO>", 1)
    }));
    run(cases);
}

#[test]
fn non_utf8_bytes_in_envelope_markup_are_refused() {
    for (label, markup) in [
        ("comment", "<GIAMDINHHS><!-- @ -->"),
        ("attribute", "<GIAMDINHHS xmlns:x=\"@\">"),
        ("processing instruction", "<GIAMDINHHS><?pi @?>"),
    ] {
        let file = with_byte(base().replacen("<GIAMDINHHS>", markup, 1), "@", 0, 0xFF);
        match Envelope::from_bytes(&file) {
            Ok(_) => panic!("{label}: a non-UTF-8 byte was accepted"),
            Err(e) => assert_eq!(e.code(), "parse.not_utf8", "{label}: {e}"),
        }
    }
}

#[test]
fn utf8_encoding_names_in_any_case_are_accepted() {
    for enc in ["UTF-8", "utf8", "Utf-8"] {
        let doc = xml1().replacen("utf-8", enc, 1);
        let file = one("XML1", doc.as_bytes()).replacen("utf-8", enc, 1);
        let x1 = read(enc, &file).hosos.remove(0).xml1.unwrap();
        assert_eq!(x1.ho_ten.wire(), NAME);
    }
}

#[test]
fn unknown_entities() {
    let code = "parse.unknown_entity";
    let (name, cccd) = (format!("<HO_TEN>{NAME}"), format!("<SO_CCCD>{CCCD}"));
    let mut cases = vec![
        Case::named("unknown_entity_in_a_table")
            .xml1_with(&name, &format!("{name}&nbsp;"))
            .err(code, ErrorKind::UnknownEntity)
            .inside("&nbsp;", 0),
        Case::named("unknown_entity_in_the_envelope")
            .base_with("<MACSKCB>79001", "<MACSKCB>79001&copy;")
            .err(code, ErrorKind::UnknownEntity)
            .at("&copy;", 0),
    ];
    let non_xml = ["&#0;", "&#x1;", "&#xFFFE;", "&#xD800;", "&#99999999;"];
    cases.extend(non_xml.map(|bad| {
        Case::named(format!("character_reference_to_a_non_xml_character {bad}"))
            .xml1_with(&cccd, &format!("{cccd}{bad}"))
            .err(code, ErrorKind::UnknownEntity)
            .inside(bad, 0)
    }));
    run(cases);
}

#[test]
fn predefined_entities_and_character_references_are_resolved() {
    let all = "<HO_TEN>&lt;&amp;&gt;&apos;&quot;&#272;&#x1EA0;";
    let doc = xml1().replacen(&format!("<HO_TEN>{NAME}"), all, 1);
    let x1 = xml1_of(&one("XML1", doc.as_bytes()));
    assert_eq!(x1.ho_ten.wire(), "<&>'\"ĐẠ");
}

#[test]
fn raw_non_xml_characters_are_refused_like_their_references() {
    let refused = |doc: String| {
        let file = one("XML1", doc.as_bytes());
        Envelope::from_bytes(file.as_bytes()).expect_err("the input was accepted")
    };
    let e = refused(xml1().replacen(NAME, "NGUY&#1;EN", 1));
    assert_eq!(e.code(), "parse.unknown_entity");
    // The same character written raw is refused too, in a table and in the envelope.
    let e = refused(xml1().replacen(NAME, "NGUY\u{1}EN", 1));
    assert_eq!((e.hoso, e.table), (Some(1), Some(Xml1)), "{e}");
    check_message(&e);
    let raw = base().replacen("<MACSKCB>79001", "<MACSKCB>79\u{1}001", 1);
    assert!(Envelope::from_bytes(raw.as_bytes()).is_err());
}

#[test]
fn truncated_and_malformed_input() {
    let full = base();
    let cut = |at: &str, keep: usize| full[..full.find(at).unwrap() + keep].to_owned();
    let x1 = xml1();
    let cut_table = &x1[..x1.find(CCCD).unwrap() + 3];
    let (eof, trailing) = ("parse.unexpected_eof", "parse.trailing_content");
    let ho_ten = format!("<HO_TEN>{NAME}</HO_TEN>");
    let cdata = format!("<HO_TEN><![CDATA[{NAME}</HO_TEN>");
    let odd_name = format!("<1GHI_CHU>{NAME}</1GHI_CHU>");
    let pi = "<HOSO><?xml version=\"1.0\"?>\n";
    let mut cases = vec![
        // At the end of the input.
        Case::named("truncated_envelope_between_tags")
            .file(cut("      </HOSO>", 0))
            .err(eof, ErrorKind::UnexpectedEof)
            .hoso(1)
            .at_pos(Pos::End),
        Case::named("truncated_envelope_inside_a_tag")
            .file(cut("</HOSO>", 4))
            .syntax()
            .hoso(1)
            .at("</HO", 0),
        Case::named("truncated_envelope_before_the_end_of_the_root")
            .file(cut("  <CHUKYDONVI/>", 0))
            .err(eof, ErrorKind::UnexpectedEof)
            .at_pos(Pos::End),
        // Past the list: the error names no HOSO.
        Case::named("errors_after_the_list_name_no_hoso")
            .file(cut("</THONGTINHOSO>", 5))
            .syntax()
            .at("</THO", 1),
        Case::named("truncated_table")
            .doc(Xml1, cut_table)
            .err(eof, ErrorKind::UnexpectedEof)
            .inside("079", 0),
        Case::named("trailing_content_after_a_table")
            .doc(Xml1, format!("{}<TONG_HOP/>\n", xml1()))
            .err(trailing, ErrorKind::TrailingContent)
            .inside("<TONG_HOP/>", 0),
        Case::named("mismatched_end_tag_in_the_envelope")
            .base_with("</HOSO>", "</HOSO_>")
            .syntax()
            .hoso(1)
            .at("</HOSO_>", 0),
        Case::named("mismatched_end_tag_in_a_table")
            .xml1_with("</HO_TEN>", "</HO_TEM>")
            .syntax()
            .inside("</HO_TEM>", 0),
        Case::named("unclosed_cdata_in_a_table")
            .xml1_with(&ho_ten, &cdata)
            .syntax()
            .inside("<![CDATA[", 0),
        Case::named("invalid_element_name_in_a_row")
            .xml1_with("  <STT>", &format!("  {odd_name}\n  <STT>"))
            .syntax()
            .inside(odd_name, 0),
        Case::named("xml_declaration_inside_the_envelope")
            .base_with("<HOSO>\n", pi)
            .syntax()
            .hoso(1)
            .at("<?xml version=\"1.0\"?>", 0),
    ];
    cases.extend(["<GIAMDINHHS/>", "abc", "<![CDATA[x]]>"].map(|extra| {
        Case::named(format!("trailing_content_after_the_envelope {extra}"))
            .file(format!("{}{extra}\n", base().trim_end()))
            .err(trailing, ErrorKind::TrailingContent)
            .at(extra, 0)
    }));
    run(cases);
}

#[test]
fn io_error_while_reading() {
    /// Fails every read.
    #[derive(Debug)]
    struct Fail;
    impl std::io::Read for Fail {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    // Yields the first `ok` bytes of `data`, 16 at a time, then fails.
    let failing = |data: &[u8], ok: usize| {
        let ok = std::io::Cursor::new(data[..ok].to_vec());
        std::io::BufReader::with_capacity(16, std::io::Read::chain(ok, Fail))
    };
    let text = envelope(&[vec![("XML1", xml1_b64())], vec![("XML1", xml1_b64())]]);
    let second = text.match_indices("<HOSO>").nth(1).unwrap().0;
    let data = text.into_bytes();
    // Failing at once: the header cannot be read.
    let e = EnvelopeReader::new(failing(&data, 0)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Io("disk on fire".into()));
    let got = (e.code(), e.hoso, e.line, e.column);
    assert_eq!(got, ("parse.io", None, 1, 1));
    check_message(&e);
    // Failing in the second HOSO: the first is yielded, then the error, then nothing.
    let mut r = EnvelopeReader::new(failing(&data, second + 20)).unwrap();
    assert!(r.next().unwrap().is_ok());
    let e = r.next().unwrap().unwrap_err();
    assert_eq!((e.code(), e.hoso), ("parse.io", Some(2)), "{e}");
    // Inside the second HOSO, where the input stopped.
    let (line, _, _) = span(&data, "<HOSO>", 1);
    assert!(e.line >= line && e.line <= line + 2, "{e}");
    check_message(&e);
    assert!(r.next().is_none());
}

#[test]
fn limits_are_enforced() {
    let code = "parse.limit";
    let inline = xml1().replacen(DECL, "", 1);
    let inline_len = inline.len();
    let deep = inline.replacen("<STT>1</STT>", "<STT><a><b><c/></b></a></STT>", 1);
    let signature = "<CHUKYDONVI><Signature>0123456789abcdef</Signature></CHUKYDONVI>";
    let deep_signature = "<CHUKYDONVI><a><b><c><d/></c></b></a></CHUKYDONVI>";
    let checkin = "<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB/><CHUKYDONVI><a><b><c/></b></a></CHUKYDONVI></CHI_TIEU_TRANG_THAI_KCB>";
    let checkin_row = format!(
        "<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB><TRANG_THAI_KCB><HO_TEN>{NAME}</HO_TEN></TRANG_THAI_KCB></DSACH_TRANG_THAI_KCB><CHUKYDONVI/></CHI_TIEU_TRANG_THAI_KCB>"
    );
    let x2 = b64(xml2().as_bytes());
    let three_files = [("XML1", xml1_b64()), ("XML2", x2), ("XML99", "QUJD".into())];
    run(vec![
        // MA_LK (20 bytes) is the longest value.
        Case::named("limit_on_text_length_in_a_table")
            .doc(Xml1, xml1())
            .limits(limits(|l| l.max_text_bytes = 19))
            .err(code, limit("text length", 19))
            .inside("79001.250310.0000001</MA_LK>", 0)
            .accepted_with(limits(|l| l.max_text_bytes = 20)),
        Case::named("limit_on_signature_size")
            .file(envelope(&[]).replacen("<CHUKYDONVI/>", signature, 1))
            .limits(limits(|l| l.max_text_bytes = 16))
            .err(code, limit("signature size", 16))
            .at("0123456789abcdef", 0)
            .also(|file| {
                let env = Envelope::from_bytes_with_limits(file, limits(|l| l.max_text_bytes = 64));
                let signature = env.unwrap().signature;
                let want = "<Signature>0123456789abcdef</Signature>";
                assert_eq!(signature.as_deref(), Some(want));
            }),
        Case::named("limit_on_depth_in_the_signature")
            .base_with("<CHUKYDONVI/>", deep_signature)
            .limits(limits(|l| l.max_depth = 3))
            .err(code, limit("element depth", 3))
            .at("<c>", 0)
            .accepted_with(limits(|l| l.max_depth = 4)),
        // Reported by the envelope reader before the table is decoded: no table position.
        Case::named("limit_on_depth_in_inline_xml")
            .file(envelope(&[vec![("XML1", deep)]]))
            .limits(limits(|l| l.max_depth = 3))
            .err(code, limit("element depth", 3))
            .hoso(1)
            .at("<b>", 0),
        Case::named("limit_on_depth_in_a_standalone_signature")
            .standalone(Checkin, checkin)
            .limits(limits(|l| l.max_depth = 2))
            .err(code, limit("element depth", 2))
            .at("<b>", 0)
            .also(|doc| {
                let ok = CheckinDocument::from_bytes_with_limits(doc, limits(|l| l.max_depth = 3));
                let signature = ok.unwrap().signature;
                assert_eq!(signature.as_deref(), Some("<a><b><c/></b></a>"));
            }),
        // The base64 text is limited to what max_table_bytes of decoded content needs; the
        // error is on the base64 text of the first table.
        Case::named("limit_on_table_size_of_base64_content")
            .file(base())
            .limits(limits(|l| l.max_table_bytes = 60))
            .err(code, limit("text length", 60 / 3 * 4 + 8))
            .hoso(1)
            .at(xml1_b64(), 0),
        // Where the copied document passes the limit.
        Case::named("limit_on_table_size_of_inline_xml")
            .file(envelope(&[vec![("XML1", inline)]]))
            .limits(limits(|l| l.max_table_bytes = 60))
            .err(code, limit("table size", 60))
            .hoso(1)
            .at("</STT>", 0)
            .accepted_with(limits(|l| l.max_table_bytes = inline_len + 8)),
        Case::named("limit_on_table_size_of_a_standalone_document")
            .standalone(Checkin, checkin_row)
            .limits(limits(|l| l.max_table_bytes = 64))
            .err(code, limit("table size", 64))
            .at_pos(Pos::Exactly(1, 1))
            .also(|doc| {
                let all = limits(|l| l.max_table_bytes = doc.len());
                let ok = CheckinDocument::from_bytes_with_limits(doc, all).unwrap();
                assert_eq!(ok.rows[0].ho_ten.wire(), NAME);
            }),
        Case::named("limit_on_rows")
            .doc(Xml2, xml2_rows(3, false))
            .limits(limits(|l| l.max_rows = 2))
            .err(code, limit("number of rows", 2))
            .inside("<CHI_TIET_THUOC>", 2)
            .also(|file| {
                let env = Envelope::from_bytes_with_limits(file, limits(|l| l.max_rows = 3));
                assert_eq!(env.unwrap().hosos[0].xml2.len(), 3);
            }),
        Case::named("limit_on_rows_counts_empty_rows")
            .doc(Xml2, xml2_rows(3, true))
            .limits(limits(|l| l.max_rows = 2))
            .err(code, limit("number of rows", 2))
            .inside("<CHI_TIET_THUOC/>", 2),
        Case::named("limit_on_files_per_hoso")
            .file(envelope(&[three_files.to_vec()]))
            .limits(limits(|l| l.max_files_per_hoso = 2))
            .err(code, limit("FILEHOSO per HOSO", 2))
            .hoso(1)
            .at("<FILEHOSO>", 2)
            .accepted_with(limits(|l| l.max_files_per_hoso = 3)),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Positions and rows of what is read

#[test]
fn table_sources_are_at_the_filehoso_start_tag() {
    // The canonical layout indents FILEHOSO by 8 spaces: its `<` is in column 9.
    let file = generated(2, 5);
    let env = parse(&file);
    let t = &env.hosos[0].source.as_ref().unwrap().tables[0];
    assert_pos(&file, &Pos::Start("<FILEHOSO>", 0), (t.line, t.column));
}

/// The line of each row of XML2 in `h`.
fn xml2_row_lines(h: &Hoso) -> Vec<u32> {
    let source = h.source.as_ref().expect("read from a file");
    source.table(Xml2).expect("an XML2 table").row_lines.clone()
}

#[test]
fn list_row_lines_are_the_lines_of_the_row_elements() {
    let doc = xml2_rows(2, false);
    let row = |n| span(doc.as_bytes(), "<CHI_TIET_THUOC>", n).0;
    let h = first(&one("XML2", doc.as_bytes()));
    assert_eq!(xml2_row_lines(&h), vec![row(0), row(1)]);
}

#[test]
fn hosos_before_an_error_are_yielded_intact_and_none_after() {
    let file = generated(4, 11);
    let clean = parse(&file);
    let text = String::from_utf8(file).unwrap();
    // Break the base64 of the third HOSO's first table.
    let third = text.match_indices("<HOSO>").nth(2).unwrap().0;
    let content = third + text[third..].find("<NOIDUNGFILE>").unwrap() + "<NOIDUNGFILE>".len();
    let broken = format!("{}!{}", &text[..content], &text[content + 1..]);
    let mut r = EnvelopeReader::new(broken.as_bytes()).unwrap();
    assert_eq!(r.next().unwrap().unwrap(), clean.hosos[0]);
    assert_eq!(r.next().unwrap().unwrap(), clean.hosos[1]);
    let e = r.next().unwrap().unwrap_err();
    let got = (e.code(), e.hoso, e.table);
    assert_eq!(got, ("parse.base64", Some(3), Some(Xml1)));
    assert_eq!(r.hoso_read(), 3);
    assert!(r.next().is_none(), "nothing after the error");
    assert!(r.next().is_none());
    assert_eq!(r.signature(), None, "the tail was never read");
    // The whole-file reader reports the same error.
    assert_eq!(Envelope::from_bytes(broken.as_bytes()).unwrap_err(), e);
}

// ---------------------------------------------------------------------------------------------
// Accepted and reported

/// The only notice of `h`, which must be of `kind` and about `table`.
#[track_caller]
fn only_notice<'h>(h: &'h Hoso, kind: NoticeKind, table: TableId, label: &str) -> &'h Notice {
    let n = notices(h);
    assert_eq!(n.len(), 1, "{label}: {n:?}");
    assert_eq!((n[0].kind, n[0].table), (kind, Some(table)), "{label}");
    &n[0]
}

#[test]
fn bom_on_the_envelope_is_a_notice() {
    let plain = base();
    let env = parse(&[b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()].concat());
    let bom = Notice {
        kind: NoticeKind::Bom,
        table: None,
        line: 1,
        column: 1,
    };
    assert_eq!(env.notices, vec![bom]);
    assert_eq!(env.notices[0].rule(), "doc.bom");
    let clean = parse(plain.as_bytes());
    assert!(clean.notices.is_empty());
    assert_eq!(env.hosos, clean.hosos);
}

#[test]
fn bom_on_a_table_is_a_notice() {
    let xml2_bom = [b"\xEF\xBB\xBF".as_slice(), xml2().as_bytes()].concat();
    let file = pair(xml1_b64(), b64(&xml2_bom));
    let env = parse(file.as_bytes());
    assert!(env.notices.is_empty());
    let h = &env.hosos[0];
    let n = only_notice(h, NoticeKind::TableBom, Xml2, "BOM");
    let filehoso = Pos::On("<FILEHOSO>".into(), 1);
    assert_pos(file.as_bytes(), &filehoso, (n.line, n.column));
    assert_eq!(records(h.clone()), base_records());
    // The BOM does not shift the rows.
    assert_eq!(xml2_row_lines(h), xml2_row_lines(&first(&base())));
}

#[test]
fn inline_xml_is_a_notice() {
    let inline = xml1().replacen(DECL, "", 1);
    let file = pair(inline, b64(xml2().as_bytes()));
    let env = parse(file.as_bytes());
    let h = &env.hosos[0];
    let n = only_notice(h, NoticeKind::InlineXml, Xml1, "inline");
    assert_eq!(n.rule(), "doc.inline_xml");
    assert_eq!(records(h.clone()), base_records());
    // Written back as base64.
    let written = parse(base().as_bytes()).to_bytes().unwrap();
    assert_eq!(env.to_bytes().unwrap(), written);
}

#[test]
fn wrapped_base64_is_a_notice() {
    let encoded = xml1_b64();
    let lines: Vec<&str> = encoded
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let indented: String = lines.iter().map(|l| format!("\n          {l}")).collect();
    for (label, text) in [
        ("LF", format!("\n{}\n", lines.join("\n"))),
        ("CRLF", lines.join("\r\n")),
        ("spaces", lines.join(" ")),
        ("indented", indented),
    ] {
        let file = pair(text, b64(xml2().as_bytes()));
        let h = &read(label, &file).hosos[0];
        only_notice(h, NoticeKind::Base64Whitespace, Xml1, label);
        assert_eq!(records(h.clone()), base_records(), "{label}");
    }
}

#[test]
fn empty_list_table_is_a_notice() {
    let (start, end) = ("<CHITIEU_CHITIET_THUOC>", "</CHITIEU_CHITIET_THUOC>");
    for doc in [
        format!("{start}<DSACH_CHI_TIET_THUOC/>{end}"),
        format!("{start}\n  <DSACH_CHI_TIET_THUOC>\n  </DSACH_CHI_TIET_THUOC>\n{end}"),
        "<CHITIEU_CHITIET_THUOC/>".into(),
        format!("{start}{end}"),
    ] {
        let file = pair(xml1_b64(), b64(doc.as_bytes()));
        let h = &read(&doc, &file).hosos[0];
        assert!(h.xml2.is_empty());
        let n = only_notice(h, NoticeKind::EmptyTable, Xml2, &doc);
        assert_eq!(n.line, span(file.as_bytes(), "<FILEHOSO>", 1).0);
        assert_eq!(n.to_finding(Some(1), h.ma_lk()).path, "HOSO[1]/XML2");
    }
}

#[test]
fn cdata_and_escaped_text_read_the_same() {
    let value = "A & <B> ]] > 'x' \"y\" Đ";
    let forms = [
        "<![CDATA[A & <B> ]] > 'x' \"y\" Đ]]>",
        "A &amp; &lt;B&gt; ]] &gt; &apos;x&apos; &quot;y&quot; &#272;",
        "A <![CDATA[&]]> &#60;B&#x3E;<![CDATA[ ]] > ]]>'x' \"y\" Đ",
        "<![CDATA[A & <B>]]><![CDATA[ ]] > 'x' ]]>\"y\" Đ",
    ];
    let ho_ten = format!("<HO_TEN>{NAME}</HO_TEN>");
    let seen = forms.map(|form| {
        let doc = xml1().replacen(&ho_ten, &format!("<HO_TEN>{form}</HO_TEN>"), 1);
        let x1 = read(form, &one("XML1", doc.as_bytes())).hosos[0]
            .xml1
            .clone()
            .unwrap();
        assert_eq!(x1.ho_ten.wire(), value, "{form}");
        x1
    });
    assert!(seen.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn empty_elements_in_both_forms_are_absent() {
    let element = format!("  <SO_CCCD>{CCCD}</SO_CCCD>\n");
    let read = |to: &str| xml1_of(&one("XML1", xml1().replacen(&element, to, 1).as_bytes()));
    let without = read("");
    let short = read("  <SO_CCCD/>\n");
    let long = read("  <SO_CCCD></SO_CCCD>\n");
    assert_eq!(short.so_cccd, Field::Absent);
    assert_eq!(long.so_cccd, Field::Absent);
    assert_eq!(short, without);
    assert_eq!(long, without);
    assert_eq!(read("  <SO_CCCD />\n"), without);
    // An element with only whitespace is not empty: the text is kept.
    let blank = read("  <SO_CCCD> </SO_CCCD>\n");
    assert_eq!(blank.so_cccd, Field::Invalid(" ".into()));
    // The same in the envelope header.
    for empty in ["<MACSKCB/>", "<MACSKCB></MACSKCB>"] {
        let file = base().replacen("<MACSKCB>79001</MACSKCB>", empty, 1);
        let macskcb = parse(file.as_bytes()).header.macskcb;
        assert_eq!(macskcb, Field::Absent, "{empty}");
    }
}

#[test]
fn inner_documents_with_and_without_declaration_read_the_same() {
    let body = xml1().replacen(DECL, "", 1);
    let variants = [
        body.clone(),
        format!("<?xml version=\"1.0\"?>\n{body}"),
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{body}"),
        format!("<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n{body}"),
        format!("<!-- exported -->\n{body}"),
        xml1(),
    ];
    let expected = first(&one("XML1", xml1().as_bytes())).xml1;
    assert!(expected.is_some());
    for v in &variants {
        let h = &read(v, &one("XML1", v.as_bytes())).hosos[0];
        assert_eq!(h.xml1, expected, "{v}");
        assert!(notices(h).is_empty());
    }
}

fn other_file(loaihoso: &str, content: impl Into<String>) -> OtherFile {
    let (loaihoso, content) = (loaihoso.into(), content.into());
    OtherFile { loaihoso, content }
}

#[test]
fn unknown_loaihoso_is_kept_verbatim_and_written_back() {
    let xml12 = "<CHI_TIEU_GIAM_DINH_YKHOA><DSACH_GIAM_DINH_YKHOA/><CHUKYDONVI/></CHI_TIEU_GIAM_DINH_YKHOA>";
    let escaped = "not base64 &amp;amp; &lt;kept&gt;"; // in the file, read as text
    let file = envelope(&[vec![
        ("XML1", xml1_b64()),
        ("XML12", b64(xml12.as_bytes())),
        ("XML99", escaped.into()),
        ("XML0", "QUJD".into()),
        ("xml2", b64(xml2().as_bytes())),
    ]]);
    let env = parse(file.as_bytes());
    let h = &env.hosos[0];
    assert!(h.xml1.is_some());
    assert!(h.xml2.is_empty(), "LOAIHOSO is matched exactly");
    let expected = vec![
        other_file("XML12", b64(xml12.as_bytes())),
        other_file("XML99", "not base64 &amp; <kept>"),
        other_file("XML0", "QUJD"),
        other_file("xml2", b64(xml2().as_bytes())),
    ];
    assert_eq!(h.other_files, expected);
    assert!(notices(h).is_empty());
    let written = String::from_utf8(env.to_bytes().unwrap()).unwrap();
    let x12 = b64(xml12.as_bytes());
    let x12 = format!("<LOAIHOSO>XML12</LOAIHOSO>\n          <NOIDUNGFILE>{x12}</NOIDUNGFILE>");
    assert!(written.contains(&x12));
    assert!(written.contains(&format!("<NOIDUNGFILE>{escaped}</NOIDUNGFILE>")));
    let again = parse(written.as_bytes());
    assert_eq!(again.hosos[0].other_files, expected);
    assert_eq!(records(again.hosos[0].clone()), records(h.clone()));
    assert_eq!(again.to_bytes().unwrap(), written.into_bytes());
}

#[test]
fn unknown_loaihoso_with_inline_xml_is_kept() {
    let inline = "<CHI_TIEU_GIAM_DINH_YKHOA><DSACH_GIAM_DINH_YKHOA><GIAM_DINH_YKHOA><HO_TEN>A &amp; B</HO_TEN></GIAM_DINH_YKHOA></DSACH_GIAM_DINH_YKHOA><CHUKYDONVI/></CHI_TIEU_GIAM_DINH_YKHOA>";
    let file = envelope(&[vec![("XML1", xml1_b64()), ("XML12", inline.into())]]);
    let env = parse(file.as_bytes());
    assert_eq!(env.hosos[0].other_files, vec![other_file("XML12", inline)]);
    let again = parse(&env.to_bytes().unwrap());
    assert_eq!(again.hosos[0].other_files, env.hosos[0].other_files);
}

#[test]
fn empty_hoso_and_empty_list_are_read() {
    let env = parse(envelope(&[vec![]]).as_bytes());
    assert_eq!(env.hosos.len(), 1);
    assert_eq!(records(env.hosos[0].clone()), Hoso::default());
    let file = envelope(&[]).replace("<DANHSACHHOSO>\n    </DANHSACHHOSO>", "<DANHSACHHOSO/>");
    let env = parse(file.as_bytes());
    assert!(env.hosos.is_empty());
    assert_eq!(env.signature.as_deref(), Some(""));
}

#[test]
fn envelope_writer_refuses_characters_xml_cannot_represent() {
    let mut env = parse(base().as_bytes());
    env.header.macskcb = "79\u{1}001".into();
    let refused = env.to_bytes().is_err();
    assert!(refused, "a control character in MACSKCB was written");
    let mut env = parse(base().as_bytes());
    env.hosos[0].other_files.push(other_file("XML99", "\u{1}"));
    let refused = env.to_bytes().is_err();
    assert!(refused, "a control character in NOIDUNGFILE was written");
}
