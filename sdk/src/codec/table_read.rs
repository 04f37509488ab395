//! Reading one table document (the decoded content of `NOIDUNGFILE`, or a check-in or XML12
//! document) into typed records.

use super::error::ErrorKind;
use super::limits::{is_xml_name, line_col, Limits, LineTracker};
use crate::record::{ExtraElement, InLayouts, Layout, Record};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;

/// A structural error inside a table document, at a byte offset of the document.
#[derive(Debug)]
pub(crate) struct TableError {
    pub kind: ErrorKind,
    pub offset: usize,
}

impl TableError {
    /// Line and column inside the document.
    pub(crate) fn position(&self, doc: &[u8]) -> (u32, u32) {
        line_col(doc, self.offset)
    }
}

/// The records of one table document.
#[derive(Debug)]
pub(crate) struct TableDoc<R> {
    pub rows: Vec<R>,
    /// Line of each row's start element inside the document.
    pub row_lines: Vec<u32>,
    /// Raw content of a `CHUKYDONVI` inside the root (check-in and XML12 documents).
    pub signature: Option<String>,
    /// The document started with a byte-order mark.
    pub had_bom: bool,
}

/// True when UTF-8 `text` holds a character XML 1.0 does not allow (C0 controls other than tab,
/// line feed and carriage return; U+FFFE; U+FFFF).
pub(crate) fn has_forbidden_chars(text: &[u8]) -> bool {
    // Controls: blocks folded without an early exit, which compiles to vector code.
    let control = |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r');
    text.chunks(512)
        .any(|block| block.iter().fold(false, |acc, &b| acc | control(b)))
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        || memchr::memchr_iter(0xEF, text).any(|i| {
            text.get(i + 1) == Some(&0xBF) && matches!(text.get(i + 2), Some(0xBE | 0xBF))
        })
}

fn name_of(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.name().as_ref()).into_owned()
}

struct Parser<'a> {
    doc: &'a [u8],
    /// The same bytes, already checked to be UTF-8.
    doc_str: &'a str,
    reader: Reader<&'a [u8]>,
    limits: &'a Limits,
    lines: LineTracker,
    text: String,
    /// Byte offset where the last event started.
    start: usize,
    /// The document holds a character XML does not allow somewhere, so each text event is checked
    /// for one (when it holds none, no event can).
    check_chars: bool,
    /// Bytes stepped over past the XML reader by [`Parser::fast_field`]: the reader's positions
    /// plus this are offsets in the document.
    skipped: usize,
    /// Use [`Parser::fast_field`] (always, except in the test that compares both paths).
    fast: bool,
}

impl<'a> Parser<'a> {
    /// `piece` (the content of an event, which borrows from the document) as text, without
    /// checking its UTF-8 again: the whole document was checked once. Falls back to checking (and
    /// copying) when `piece` is not part of the document.
    fn text_of(&self, piece: &[u8]) -> Result<Cow<'a, str>, TableError> {
        let base = self.doc_str.as_ptr() as usize;
        let at = (piece.as_ptr() as usize).wrapping_sub(base);
        if at <= self.doc_str.len() && piece.len() <= self.doc_str.len() - at {
            // Within the document's own bytes: the same memory, so the same text.
            if let Some(s) = self.doc_str.get(at..at + piece.len()) {
                return Ok(Cow::Borrowed(s));
            }
        }
        std::str::from_utf8(piece)
            .map(|s| Cow::Owned(s.to_owned()))
            .map_err(|_| self.err(ErrorKind::NotUtf8))
    }

    /// An error at the start of the last event read.
    fn err(&self, kind: ErrorKind) -> TableError {
        TableError {
            kind,
            offset: self.start,
        }
    }

    /// The reader's position in the document.
    fn pos(&self) -> usize {
        self.reader.buffer_position() as usize + self.skipped
    }

    fn next(&mut self) -> Result<Event<'a>, TableError> {
        let before = self.pos();
        let skipped = self.skipped;
        let ev = self.reader.read_event().map_err(|e| TableError {
            kind: ErrorKind::Syntax(e.to_string()),
            offset: self.reader.error_position() as usize + skipped,
        })?;
        self.start = before;
        let forbidden = self.check_chars
            && match &ev {
                Event::Text(t) => has_forbidden_chars(t),
                Event::CData(t) => has_forbidden_chars(t),
                _ => false,
            };
        if forbidden {
            return Err(self.err(ErrorKind::Syntax(
                "a character XML 1.0 does not allow".into(),
            )));
        }
        Ok(ev)
    }

    /// Reads the text content of the element just opened, up to its end tag. A value in one piece
    /// (the usual case) is returned borrowed from the document; otherwise `None`, and the value is
    /// in `self.text`.
    fn read_value(&mut self, element: &[u8]) -> Result<Option<&'a str>, TableError> {
        self.text.clear();
        let mut ev = self.next()?;
        let piece = match &ev {
            Event::Text(t) => Some(self.text_of(t)?),
            Event::CData(t) => Some(self.text_of(t)?),
            Event::End(_) => return Ok(Some("")),
            _ => None,
        };
        if let Some(piece) = piece {
            if piece.len() > self.limits.max_text_bytes {
                return Err(self.err(ErrorKind::Limit {
                    what: "text length",
                    limit: self.limits.max_text_bytes as u64,
                }));
            }
            ev = self.next()?;
            match (piece, &ev) {
                (Cow::Borrowed(s), Event::End(_)) => return Ok(Some(s)),
                (piece, _) => self.text.push_str(&piece),
            }
        }
        loop {
            match ev {
                Event::Text(t) => {
                    let s = self.text_of(&t)?;
                    self.text.push_str(&s);
                }
                Event::CData(t) => {
                    let s = self.text_of(&t)?;
                    self.text.push_str(&s);
                }
                Event::GeneralRef(r) => {
                    let c = if r.is_char_ref() {
                        r.resolve_char_ref()
                            .ok()
                            .flatten()
                            .filter(|c| crate::types::is_xml_char(*c))
                    } else {
                        let name = r.decode().map_err(|_| self.err(ErrorKind::NotUtf8))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .and_then(|s| s.chars().next())
                    };
                    match c {
                        Some(c) => self.text.push(c),
                        None => return Err(self.err(ErrorKind::UnknownEntity)),
                    }
                }
                Event::End(_) => return Ok(None),
                Event::Start(_) | Event::Empty(_) => {
                    let element = String::from_utf8_lossy(element).into_owned();
                    return Err(self.err(ErrorKind::NestedElement { element }));
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::DocType(_) => return Err(self.err(ErrorKind::Doctype)),
                Event::Decl(_) => {
                    return Err(self.err(ErrorKind::Syntax(
                        "XML declaration inside an element".into(),
                    )))
                }
                Event::Eof => return Err(self.err(ErrorKind::UnexpectedEof)),
            }
            if self.text.len() > self.limits.max_text_bytes {
                return Err(self.err(ErrorKind::Limit {
                    what: "text length",
                    limit: self.limits.max_text_bytes as u64,
                }));
            }
            ev = self.next()?;
        }
    }

    /// Skips whitespace, comments and processing instructions; returns the next other event.
    fn next_structural(&mut self, parent: &str) -> Result<Event<'a>, TableError> {
        loop {
            match self.next()? {
                Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.err(ErrorKind::UnexpectedText {
                        parent: parent.to_owned(),
                    }))
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::DocType(_) => return Err(self.err(ErrorKind::Doctype)),
                ev => return Ok(ev),
            }
        }
    }

    /// Reads the usual shape of a field, `<NAME>text</NAME>` or `<NAME/>` with a name of `R`,
    /// text without references, CDATA, comments or markup, and nothing the general path would
    /// refuse (a repeated element, a forbidden character, text over the limit), straight from the
    /// document,
    /// and steps the XML reader over it. It yields what the general path would read: the element
    /// and its text, borrowed. `None` leaves the reader untouched, and the general path reads
    /// whatever comes next, with its own errors and positions.
    ///
    /// Only called where the reader stands after markup (a start tag, an end tag or an empty
    /// element), where it would next read text up to a `<`.
    fn fast_field<R: Record>(&mut self, seen: u128, hint: usize) -> Option<(usize, &'a str)> {
        let doc: &'a str = self.doc_str;
        if !self.fast {
            return None;
        }
        let at = self.pos();
        let rest = doc.as_bytes().get(at..)?;
        // The reader's remaining input must be exactly the rest of the document.
        if self.reader.get_ref().len() != rest.len() {
            return None;
        }
        let ws = rest
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .count();
        let open = &rest[ws..];
        if open.first() != Some(&b'<') {
            return None;
        }
        // Element names of records are short; a longer name takes the general path.
        let gt = memchr::memchr(b'>', open.get(..open.len().min(48))?)?;
        // `<NAME/>`: an empty element.
        let empty = open[gt - 1] == b'/';
        let name = &open[1..if empty { gt - 1 } else { gt }];
        let idx = if R::FIELDS
            .get(hint)
            .is_some_and(|f| f.element.as_bytes() == name)
        {
            hint
        } else {
            R::FIELDS
                .iter()
                .position(|f| f.element.as_bytes() == name)?
        };
        if seen & (1u128 << idx) != 0 {
            return None;
        }
        if empty {
            let consumed = ws + gt + 1;
            let input = self.reader.get_mut();
            *input = input.get(consumed..)?;
            self.skipped += consumed;
            return Some((idx, ""));
        }
        let body = &open[gt + 1..];
        let lt = memchr::memchr2(b'<', b'&', body)?;
        if body[lt] != b'<' || lt > self.limits.max_text_bytes {
            return None;
        }
        let text = &body[..lt];
        if self.check_chars && has_forbidden_chars(text) {
            return None;
        }
        let close = &body[lt..];
        let closes = close.len() > name.len() + 2
            && close.starts_with(b"</")
            && &close[2..2 + name.len()] == name
            && close[2 + name.len()] == b'>';
        if !closes {
            return None;
        }
        let text_at = at + ws + gt + 1;
        let value = doc.get(text_at..text_at + lt)?;
        let consumed = ws + gt + 1 + lt + name.len() + 3;
        let input = self.reader.get_mut();
        *input = input.get(consumed..)?;
        self.skipped += consumed;
        Some((idx, value))
    }

    /// Reads the fields of one record into `rec` (a default record already in place in its
    /// table, so that the record, one or two kilobytes, is never moved) until the end tag of
    /// `container`.
    fn read_record<R: Record>(&mut self, rec: &mut R, container: &str) -> Result<(), TableError> {
        let mut seen: u128 = 0;
        let mut hint = 0usize;
        loop {
            if let Some((i, value)) = self.fast_field::<R>(seen, hint) {
                seen |= 1u128 << i;
                hint = i + 1;
                rec.field_mut(i).set_wire(value);
                if let InLayouts::Qd3176Only = R::FIELDS[i].layouts {
                    rec.set_layout(Layout::Qd3176);
                }
                continue;
            }
            let (name, has_content) = match self.next_structural(container)? {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(_) => return Ok(()),
                Event::Eof => return Err(self.err(ErrorKind::UnexpectedEof)),
                _ => return Err(self.err(ErrorKind::Syntax("unexpected markup".into()))),
            };
            let el = name.name();
            let el = el.as_ref();
            let idx = if R::FIELDS
                .get(hint)
                .is_some_and(|f| f.element.as_bytes() == el)
            {
                Some(hint)
            } else {
                R::FIELDS.iter().position(|f| f.element.as_bytes() == el)
            };
            let value = if has_content {
                self.read_value(el)?
            } else {
                Some("")
            };
            let value = value.unwrap_or(&self.text);
            match idx {
                Some(i) => {
                    if seen & (1u128 << i) != 0 {
                        let element = String::from_utf8_lossy(el).into_owned();
                        return Err(self.err(ErrorKind::DuplicateElement { element }));
                    }
                    seen |= 1u128 << i;
                    hint = i + 1;
                    rec.field_mut(i).set_wire(value);
                    match R::FIELDS[i].layouts {
                        InLayouts::Qd3176Only => rec.set_layout(Layout::Qd3176),
                        InLayouts::Qd4750Only | InLayouts::All => {}
                    }
                }
                None => {
                    if !is_xml_name(el) {
                        return Err(self.err(ErrorKind::Syntax(
                            "an element name is not a valid XML name".into(),
                        )));
                    }
                    let name = String::from_utf8_lossy(el);
                    if rec.extra().iter().any(|x| *x.name == *name) {
                        return Err(self.err(ErrorKind::DuplicateElement {
                            element: name.into_owned(),
                        }));
                    }
                    let extra = ExtraElement {
                        name: name.into(),
                        text: value.into(),
                    };
                    rec.extra_mut().push(extra);
                }
            }
        }
    }

    /// Captures the raw content of the element just opened (used for `CHUKYDONVI`).
    fn capture_raw(&mut self) -> Result<String, TableError> {
        let content_start = self.pos();
        let mut depth = 1usize;
        loop {
            let before = self.pos();
            match self.next()? {
                Event::Start(_) => {
                    depth += 1;
                    if depth > self.limits.max_depth {
                        return Err(self.err(ErrorKind::Limit {
                            what: "element depth",
                            limit: self.limits.max_depth as u64,
                        }));
                    }
                }
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        let raw = &self.doc[content_start..before];
                        return std::str::from_utf8(raw)
                            .map(str::to_owned)
                            .map_err(|_| self.err(ErrorKind::NotUtf8));
                    }
                }
                Event::DocType(_) => return Err(self.err(ErrorKind::Doctype)),
                Event::Eof => return Err(self.err(ErrorKind::UnexpectedEof)),
                _ => {}
            }
        }
    }
}

/// Reads a table document whose root and row elements are those of `R::TABLE`.
pub(crate) fn read_table<R: Record>(
    doc: &[u8],
    limits: &Limits,
) -> Result<TableDoc<R>, TableError> {
    let body_start = if doc.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    read_table_body(doc, limits, true).map_err(|mut e| {
        e.offset += body_start;
        e
    })
}

/// [`read_table`] through the general path alone, without [`Parser::fast_field`].
#[cfg(test)]
pub(crate) fn read_table_general<R: Record>(
    doc: &[u8],
    limits: &Limits,
) -> Result<TableDoc<R>, TableError> {
    read_table_body(doc, limits, false)
}

fn read_table_body<R: Record>(
    doc: &[u8],
    limits: &Limits,
    fast: bool,
) -> Result<TableDoc<R>, TableError> {
    if doc.len() > limits.max_table_bytes {
        return Err(TableError {
            kind: ErrorKind::Limit {
                what: "table size",
                limit: limits.max_table_bytes as u64,
            },
            offset: 0,
        });
    }
    let had_bom = doc.starts_with(b"\xEF\xBB\xBF");
    let body_start = if had_bom { 3 } else { 0 };
    let text = match std::str::from_utf8(doc) {
        Ok(t) => t,
        Err(e) => {
            return Err(TableError {
                kind: ErrorKind::NotUtf8,
                offset: e.valid_up_to() - body_start,
            })
        }
    };
    let mut reader = Reader::from_str(&text[body_start..]);
    reader.config_mut().check_end_names = true;
    let mut p = Parser {
        doc: &doc[body_start..],
        doc_str: &text[body_start..],
        reader,
        limits,
        lines: LineTracker::new(),
        text: String::new(),
        start: 0,
        check_chars: has_forbidden_chars(&doc[body_start..]),
        skipped: 0,
        fast,
    };
    let table = R::TABLE;
    let root = table.root();
    // Prolog: declaration, comments, whitespace, then the root element.
    let root_empty = loop {
        match p.next()? {
            Event::Decl(d) => {
                if let Some(Ok(enc)) = d.encoding() {
                    let enc = String::from_utf8_lossy(&enc).into_owned();
                    if !enc.eq_ignore_ascii_case("utf-8") && !enc.eq_ignore_ascii_case("utf8") {
                        return Err(p.err(ErrorKind::Encoding(enc)));
                    }
                }
            }
            Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
            Event::Comment(_) | Event::PI(_) => {}
            Event::DocType(_) => return Err(p.err(ErrorKind::Doctype)),
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() != root.as_bytes() => {
                return Err(p.err(ErrorKind::UnexpectedRoot {
                    expected: root,
                    found: name_of(&e),
                }))
            }
            Event::Start(_) => break false,
            Event::Empty(_) => break true,
            Event::Eof => {
                return Err(p.err(ErrorKind::MissingElement {
                    element: root,
                    parent: "document",
                }))
            }
            _ => {
                return Err(p.err(ErrorKind::UnexpectedText {
                    parent: "document".into(),
                }))
            }
        }
    };
    let root_offset = p.start;
    let mut out = TableDoc {
        rows: Vec::new(),
        row_lines: Vec::new(),
        signature: None,
        had_bom,
    };
    if !root_empty {
        match table.list_and_row() {
            None => {
                let line = p.lines.line_at(p.doc, root_offset);
                out.rows.push(R::default());
                if let Some(rec) = out.rows.last_mut() {
                    p.read_record(rec, root)?;
                }
                out.row_lines.push(line);
            }
            Some((list, row)) => read_list(&mut p, &mut out, root, list, row)?,
        }
    } else if table.list_and_row().is_none() {
        out.rows.push(R::default());
        out.row_lines.push(p.lines.line_at(p.doc, root_offset));
    }
    // Epilog: only whitespace, comments and processing instructions.
    loop {
        match p.next()? {
            Event::Eof => break,
            Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
            Event::Comment(_) | Event::PI(_) => {}
            _ => return Err(p.err(ErrorKind::TrailingContent)),
        }
    }
    Ok(out)
}

fn read_list<R: Record>(
    p: &mut Parser<'_>,
    out: &mut TableDoc<R>,
    root: &'static str,
    list: &'static str,
    row: &'static str,
) -> Result<(), TableError> {
    let mut seen_list = false;
    loop {
        match p.next_structural(root)? {
            Event::End(_) => return Ok(()),
            Event::Eof => return Err(p.err(ErrorKind::UnexpectedEof)),
            Event::Empty(e) if e.name().as_ref() == list.as_bytes() && !seen_list => {
                seen_list = true
            }
            Event::Empty(e)
                if e.name().as_ref() == b"CHUKYDONVI"
                    && R::TABLE.has_own_signature()
                    && out.signature.is_none() =>
            {
                out.signature = Some(String::new());
            }
            Event::Start(e)
                if e.name().as_ref() == b"CHUKYDONVI"
                    && R::TABLE.has_own_signature()
                    && out.signature.is_none() =>
            {
                out.signature = Some(p.capture_raw()?);
            }
            Event::Start(e) if e.name().as_ref() == list.as_bytes() && !seen_list => {
                seen_list = true;
                loop {
                    match p.next_structural(list)? {
                        Event::End(_) => break,
                        Event::Start(r) | Event::Empty(r)
                            if r.name().as_ref() == row.as_bytes()
                                && out.rows.len() >= p.limits.max_rows =>
                        {
                            let _ = r;
                            return Err(p.err(ErrorKind::Limit {
                                what: "number of rows",
                                limit: p.limits.max_rows as u64,
                            }));
                        }
                        Event::Start(r) if r.name().as_ref() == row.as_bytes() => {
                            let row_start = p.start;
                            if out.rows.len() >= p.limits.max_rows {
                                return Err(p.err(ErrorKind::Limit {
                                    what: "number of rows",
                                    limit: p.limits.max_rows as u64,
                                }));
                            }
                            let line = p.lines.line_at(p.doc, row_start);
                            out.rows.push(R::default());
                            if let Some(rec) = out.rows.last_mut() {
                                p.read_record(rec, row)?;
                            }
                            out.row_lines.push(line);
                        }
                        Event::Empty(r) if r.name().as_ref() == row.as_bytes() => {
                            let row_start = p.start;
                            let line = p.lines.line_at(p.doc, row_start);
                            out.rows.push(R::default());
                            out.row_lines.push(line);
                        }
                        Event::Start(r) | Event::Empty(r) => {
                            return Err(p.err(ErrorKind::UnexpectedElement {
                                element: name_of(&r),
                                parent: list.into(),
                            }))
                        }
                        Event::Eof => return Err(p.err(ErrorKind::UnexpectedEof)),
                        _ => return Err(p.err(ErrorKind::Syntax("unexpected markup".into()))),
                    }
                }
            }
            Event::Start(e) | Event::Empty(e) => {
                let element = name_of(&e);
                return Err(if element == list {
                    p.err(ErrorKind::DuplicateElement { element })
                } else {
                    p.err(ErrorKind::UnexpectedElement {
                        element,
                        parent: root.into(),
                    })
                });
            }
            _ => return Err(p.err(ErrorKind::Syntax("unexpected markup".into()))),
        }
    }
}
