//! The streaming reader of `GIAMDINHHS` envelopes: one `HOSO` at a time, memory independent of
//! the file's size.

use super::error::{ErrorKind, ParseError};
use super::hoso_decode::{printable_ascii, HosoDecoder, RawFile, RawHoso};
use super::limits::Limits;
use super::table_read::has_forbidden_chars;
use super::{EnvelopeHeader, Notice, NoticeKind};
use crate::hoso::Hoso;
use crate::types::Field;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::BufRead;

/// A `BufRead` that counts lines as the XML reader consumes bytes.
#[derive(Debug)]
struct Counting<R> {
    inner: R,
    offset: u64,
    line: u32,
    line_start: u64,
}

impl<R: BufRead> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let avail = self.fill_buf()?;
            let n = avail.len().min(buf.len());
            buf[..n].copy_from_slice(&avail[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            let chunk = &buf[..amt.min(buf.len())];
            for p in memchr::memchr_iter(b'\n', chunk) {
                self.line += 1;
                self.line_start = self.offset + p as u64 + 1;
            }
        }
        self.offset += amt as u64;
        self.inner.consume(amt);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    InList,
    Done,
    Failed,
}

/// Reads a `GIAMDINHHS` envelope one `HOSO` at a time.
///
/// ```
/// use lienthong::codec::EnvelopeReader;
/// let file = lienthong::gen::generate(&lienthong::gen::GenOptions { hoso: 3, seed: 7, ..Default::default() });
/// let mut reader = EnvelopeReader::new(&file[..]).unwrap();
/// let mut count = 0;
/// for hoso in &mut reader {
///     let hoso = hoso.unwrap();
///     assert!(hoso.xml1.is_some());
///     count += 1;
/// }
/// assert_eq!(count, 3);
/// ```
#[derive(Debug)]
pub struct EnvelopeReader<R: BufRead> {
    reader: Reader<Counting<R>>,
    buf: Vec<u8>,
    limits: Limits,
    header: EnvelopeHeader,
    state: State,
    index: usize,
    signature: Option<String>,
    notices: Vec<Notice>,
    text: String,
    decoder: HosoDecoder,
    pos: (u32, u32),
    /// The last event was text (quick-xml then consumes the `<` or `&` that ends it).
    after_text: bool,
}

fn lossy(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}

impl<R: BufRead> EnvelopeReader<R> {
    /// Starts reading with the default [`Limits`]: reads up to the first `HOSO`.
    pub fn new(input: R) -> Result<Self, ParseError> {
        Self::with_limits(input, Limits::default())
    }

    /// Starts reading with explicit limits.
    pub fn with_limits(input: R, limits: Limits) -> Result<Self, ParseError> {
        let mut counting = Counting {
            inner: input,
            offset: 0,
            line: 1,
            line_start: 0,
        };
        let mut notices = Vec::new();
        let bom = counting
            .fill_buf()
            .map_err(|e| ParseError::new(ErrorKind::Io(e.to_string()), 1, 1))?
            .starts_with(b"\xEF\xBB\xBF");
        if bom {
            counting.consume(3);
            notices.push(Notice {
                kind: NoticeKind::Bom,
                table: None,
                line: 1,
                column: 1,
            });
        }
        let mut reader = Reader::from_reader(counting);
        reader.config_mut().check_end_names = true;
        let mut r = EnvelopeReader {
            reader,
            buf: Vec::with_capacity(1 << 16),
            limits,
            header: EnvelopeHeader::default(),
            state: State::InList,
            index: 0,
            signature: None,
            notices,
            text: String::new(),
            decoder: HosoDecoder::new(limits),
            pos: (1, 1),
            after_text: false,
        };
        r.read_head()?;
        Ok(r)
    }

    /// The envelope's header (`MACSKCB`, `NGAYLAP`, `SOLUONGHOSO`).
    pub fn header(&self) -> &EnvelopeHeader {
        &self.header
    }

    /// Raw content of `CHUKYDONVI`, available once every `HOSO` has been read (`None` when the
    /// element is missing).
    pub fn signature(&self) -> Option<&str> {
        self.signature.as_deref()
    }

    /// Observations about the envelope itself (not about one `HOSO`).
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Number of `HOSO` read so far.
    pub fn hoso_read(&self) -> usize {
        self.index
    }

    fn here(&self) -> (u32, u32) {
        let c = self.reader.get_ref();
        (c.line, (c.offset - c.line_start + 1) as u32)
    }

    fn err(&self, kind: ErrorKind) -> ParseError {
        let mut e = ParseError::new(kind, self.pos.0, self.pos.1);
        if self.index > 0 && self.state == State::InList {
            e.hoso = Some(self.index);
        }
        e
    }

    /// Reads the next event, recording the position where it starts. Envelope-level events are
    /// few per `HOSO`, so they are owned; the table documents are parsed from borrowed bytes.
    fn next(&mut self) -> Result<Event<'static>, ParseError> {
        match self.read_next(false)? {
            Next::Event(ev) => Ok(ev),
            // Not asked to append text.
            Next::Appended => Ok(Event::Text(quick_xml::events::BytesText::new(""))),
        }
    }

    /// [`Self::next`], except that with `append_text` a text event is appended to `self.text`
    /// straight from the read buffer instead of being copied into an event (the base64 text of
    /// every table goes this way).
    fn read_next(&mut self, append_text: bool) -> Result<Next, ParseError> {
        self.buf.clear();
        self.pos = self.here();
        let ev = match self.reader.read_event_into(&mut self.buf) {
            Ok(ev) => ev,
            Err(e) => {
                let kind = match e {
                    quick_xml::Error::Io(io) => ErrorKind::Io(io.to_string()),
                    other => ErrorKind::Syntax(other.to_string()),
                };
                return Err(self.err(kind));
            }
        };
        // The buffered reader reads text up to and including the `<` that ends it, so markup that
        // follows text starts one byte before the position recorded (always on the same line).
        if self.after_text && !matches!(ev, Event::Text(_) | Event::GeneralRef(_) | Event::Eof) {
            self.pos.1 = self.pos.1.saturating_sub(1).max(1);
        }
        self.after_text = matches!(ev, Event::Text(_));
        // Everything the reader passes over must be UTF-8 and hold only characters XML allows,
        // not just the values it keeps.
        let utf8 = |t: &[u8]| std::str::from_utf8(t).is_ok();
        let bad = match &ev {
            Event::Text(t) if printable_ascii(t) => None,
            Event::Text(t) => Some(has_forbidden_chars(t) || !utf8(t)),
            Event::CData(t) => Some(has_forbidden_chars(t) || !utf8(t)),
            Event::Comment(t) | Event::DocType(t) => Some(!utf8(t)),
            Event::PI(t) => Some(!utf8(t)),
            Event::Start(t) | Event::Empty(t) => Some(!utf8(t)),
            _ => None,
        };
        if bad == Some(true) {
            let utf8 = match &ev {
                Event::Text(t) => utf8(t),
                Event::CData(t) => utf8(t),
                _ => false,
            };
            return Err(self.err(if utf8 {
                ErrorKind::Syntax("a character XML 1.0 does not allow".into())
            } else {
                ErrorKind::NotUtf8
            }));
        }
        if append_text {
            if let Event::Text(t) = &ev {
                match std::str::from_utf8(t) {
                    Ok(s) => self.text.push_str(s),
                    Err(_) => return Err(self.err(ErrorKind::NotUtf8)),
                }
                return Ok(Next::Appended);
            }
        }
        Ok(Next::Event(ev.into_owned()))
    }

    /// The next start/empty/end event, skipping whitespace, comments and processing instructions.
    /// Returns (is_start, is_empty, name) or the end marker.
    fn next_tag(&mut self, parent: &str) -> Result<Tag, ParseError> {
        loop {
            let tag = match self.next()? {
                Event::Start(e) => Tag::Start(lossy(e.name().as_ref())),
                Event::Empty(e) => Tag::Empty(lossy(e.name().as_ref())),
                Event::End(_) => Tag::End,
                Event::Eof => Tag::Eof,
                Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => continue,
                Event::Comment(_) | Event::PI(_) => continue,
                Event::DocType(_) => return Err(self.err(ErrorKind::Doctype)),
                Event::Decl(_) => {
                    return Err(self.err(ErrorKind::Syntax(
                        "XML declaration inside the document".into(),
                    )))
                }
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.err(ErrorKind::UnexpectedText {
                        parent: parent.to_owned(),
                    }))
                }
            };
            return Ok(tag);
        }
    }

    /// Reads text up to the end of the element just opened into `self.text`. When `inline` is
    /// given, child elements are captured as XML into it instead of being an error.
    fn read_text(
        &mut self,
        element: &str,
        mut inline: Option<&mut Vec<u8>>,
    ) -> Result<(), ParseError> {
        self.text.clear();
        let max_text = self.limits.max_table_bytes / 3 * 4 + 8;
        loop {
            let ev = match self.read_next(true)? {
                Next::Event(ev) => Some(ev),
                Next::Appended => None,
            };
            let Some(ev) = ev else {
                if self.text.len() > max_text {
                    return Err(self.err(ErrorKind::Limit {
                        what: "text length",
                        limit: max_text as u64,
                    }));
                }
                continue;
            };
            match ev {
                Event::Text(t) => match std::str::from_utf8(&t) {
                    Ok(s) => self.text.push_str(s),
                    Err(_) => return Err(self.err(ErrorKind::NotUtf8)),
                },
                Event::CData(t) => match std::str::from_utf8(&t) {
                    Ok(s) => self.text.push_str(s),
                    Err(_) => return Err(self.err(ErrorKind::NotUtf8)),
                },
                Event::GeneralRef(r) => {
                    let c = if r.is_char_ref() {
                        r.resolve_char_ref()
                            .ok()
                            .flatten()
                            .filter(|c| crate::types::is_xml_char(*c))
                    } else {
                        let name = lossy(&r);
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .and_then(|s| s.chars().next())
                    };
                    match c {
                        Some(c) => self.text.push(c),
                        None => return Err(self.err(ErrorKind::UnknownEntity)),
                    }
                }
                Event::End(_) => return Ok(()),
                Event::Start(start) => match inline.as_deref_mut() {
                    Some(out) => self.capture(start, out)?,
                    None => {
                        return Err(self.err(ErrorKind::NestedElement {
                            element: element.to_owned(),
                        }))
                    }
                },
                Event::Empty(start) => match inline.as_deref_mut() {
                    Some(out) => {
                        let mut w = quick_xml::Writer::new(out);
                        let _ = w.write_event(Event::Empty(start));
                    }
                    None => {
                        return Err(self.err(ErrorKind::NestedElement {
                            element: element.to_owned(),
                        }))
                    }
                },
                Event::Comment(_) | Event::PI(_) => {}
                Event::DocType(_) => return Err(self.err(ErrorKind::Doctype)),
                Event::Decl(_) => {
                    return Err(self.err(ErrorKind::Syntax(
                        "XML declaration inside an element".into(),
                    )))
                }
                Event::Eof => return Err(self.err(ErrorKind::UnexpectedEof)),
            }
            if self.text.len() > max_text {
                return Err(self.err(ErrorKind::Limit {
                    what: "text length",
                    limit: max_text as u64,
                }));
            }
        }
    }

    /// Copies the subtree starting with `start` (already read) into `out` as XML.
    fn capture(&mut self, start: BytesStart<'static>, out: &mut Vec<u8>) -> Result<(), ParseError> {
        let mut depth = 1usize;
        let mut w = quick_xml::Writer::new(std::mem::take(out));
        let _ = w.write_event(Event::Start(start));
        let result = loop {
            let ev = match self.next() {
                Ok(ev) => ev,
                Err(e) => break Err(e),
            };
            match &ev {
                Event::Start(_) => {
                    depth += 1;
                    if depth > self.limits.max_depth {
                        break Err(self.err(ErrorKind::Limit {
                            what: "element depth",
                            limit: self.limits.max_depth as u64,
                        }));
                    }
                }
                Event::End(_) => depth -= 1,
                Event::DocType(_) => break Err(self.err(ErrorKind::Doctype)),
                Event::Eof => break Err(self.err(ErrorKind::UnexpectedEof)),
                _ => {}
            }
            let _ = w.write_event(ev);
            if w.get_ref().len() > self.limits.max_table_bytes {
                break Err(self.err(ErrorKind::Limit {
                    what: "table size",
                    limit: self.limits.max_table_bytes as u64,
                }));
            }
            if depth == 0 {
                break Ok(());
            }
        };
        *out = w.into_inner();
        result
    }

    fn read_head(&mut self) -> Result<(), ParseError> {
        // Prolog and root.
        loop {
            match self.next()? {
                Event::Decl(d) => {
                    if let Some(Ok(enc)) = d.encoding() {
                        let enc = lossy(&enc);
                        if !enc.eq_ignore_ascii_case("utf-8") && !enc.eq_ignore_ascii_case("utf8") {
                            return Err(self.err(ErrorKind::Encoding(enc)));
                        }
                    }
                }
                Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
                Event::Comment(_) | Event::PI(_) => {}
                Event::DocType(_) => return Err(self.err(ErrorKind::Doctype)),
                Event::Start(e) if e.name().as_ref() == b"GIAMDINHHS" => break,
                Event::Start(e) | Event::Empty(e) => {
                    let found = lossy(e.name().as_ref());
                    return Err(self.err(ErrorKind::UnexpectedRoot {
                        expected: "GIAMDINHHS",
                        found,
                    }));
                }
                Event::Eof => {
                    return Err(self.err(ErrorKind::MissingElement {
                        element: "GIAMDINHHS",
                        parent: "document",
                    }))
                }
                _ => {
                    return Err(self.err(ErrorKind::UnexpectedText {
                        parent: "document".into(),
                    }))
                }
            }
        }
        let mut seen_unit = false;
        loop {
            match self.next_tag("GIAMDINHHS")? {
                Tag::Start(n) if n == "THONGTINDONVI" && !seen_unit => {
                    seen_unit = true;
                    loop {
                        match self.next_tag("THONGTINDONVI")? {
                            Tag::Start(n) if n == "MACSKCB" => {
                                self.read_text("MACSKCB", None)?;
                                self.header.macskcb = Field::from_wire(&self.text);
                            }
                            Tag::Empty(n) if n == "MACSKCB" => self.header.macskcb = Field::Absent,
                            Tag::End => break,
                            other => return Err(self.unexpected(other, "THONGTINDONVI")),
                        }
                    }
                }
                Tag::Empty(n) if n == "THONGTINDONVI" && !seen_unit => seen_unit = true,
                Tag::Start(n) if n == "THONGTINHOSO" => {
                    if !seen_unit {
                        return Err(self.err(ErrorKind::MissingElement {
                            element: "THONGTINDONVI",
                            parent: "GIAMDINHHS",
                        }));
                    }
                    loop {
                        match self.next_tag("THONGTINHOSO")? {
                            Tag::Start(n) if n == "NGAYLAP" => {
                                self.read_text("NGAYLAP", None)?;
                                self.header.ngaylap = Field::from_wire(&self.text);
                            }
                            Tag::Start(n) if n == "SOLUONGHOSO" => {
                                self.read_text("SOLUONGHOSO", None)?;
                                self.header.soluonghoso = Field::from_wire(&self.text);
                            }
                            Tag::Empty(n) if n == "NGAYLAP" || n == "SOLUONGHOSO" => {}
                            Tag::Start(n) if n == "DANHSACHHOSO" => return Ok(()),
                            Tag::Empty(n) if n == "DANHSACHHOSO" => {
                                self.read_tail()?;
                                return Ok(());
                            }
                            other => return Err(self.unexpected(other, "THONGTINHOSO")),
                        }
                    }
                }
                other => return Err(self.unexpected(other, "GIAMDINHHS")),
            }
        }
    }

    fn unexpected(&self, tag: Tag, parent: &'static str) -> ParseError {
        match tag {
            Tag::Start(element) | Tag::Empty(element) => self.err(ErrorKind::UnexpectedElement {
                element,
                parent: parent.into(),
            }),
            Tag::End => self.err(ErrorKind::MissingElement {
                element: match parent {
                    "GIAMDINHHS" => "THONGTINHOSO",
                    "THONGTINHOSO" => "DANHSACHHOSO",
                    "HOSO" | "DANHSACHHOSO" => "FILEHOSO",
                    _ => "MACSKCB",
                },
                parent,
            }),
            Tag::Eof => self.err(ErrorKind::UnexpectedEof),
        }
    }

    /// After `DANHSACHHOSO`: the end of `THONGTINHOSO`, `CHUKYDONVI`, the end of the root.
    fn read_tail(&mut self) -> Result<(), ParseError> {
        self.state = State::Done;
        match self.next_tag("THONGTINHOSO")? {
            Tag::End => {}
            other => return Err(self.unexpected(other, "THONGTINHOSO")),
        }
        loop {
            match self.next_tag("GIAMDINHHS")? {
                Tag::Empty(n) if n == "CHUKYDONVI" && self.signature.is_none() => {
                    self.signature = Some(String::new())
                }
                Tag::Start(n) if n == "CHUKYDONVI" && self.signature.is_none() => {
                    let mut raw = Vec::new();
                    self.read_signature(&mut raw)?;
                    self.signature =
                        Some(String::from_utf8(raw).map_err(|_| self.err(ErrorKind::NotUtf8))?);
                }
                Tag::End => break,
                other => return Err(self.unexpected(other, "GIAMDINHHS")),
            }
        }
        loop {
            match self.next()? {
                Event::Eof => return Ok(()),
                Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(self.err(ErrorKind::TrailingContent)),
            }
        }
    }

    /// Copies the raw content of `CHUKYDONVI` (whose start tag was just read) into `out`.
    fn read_signature(&mut self, out: &mut Vec<u8>) -> Result<(), ParseError> {
        let mut w = quick_xml::Writer::new(std::mem::take(out));
        let mut depth = 1usize;
        let result = loop {
            let ev = match self.next() {
                Ok(ev) => ev,
                Err(e) => break Err(e),
            };
            match &ev {
                Event::Start(_) => {
                    depth += 1;
                    if depth > self.limits.max_depth {
                        break Err(self.err(ErrorKind::Limit {
                            what: "element depth",
                            limit: self.limits.max_depth as u64,
                        }));
                    }
                }
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        break Ok(());
                    }
                }
                Event::DocType(_) => break Err(self.err(ErrorKind::Doctype)),
                Event::Eof => break Err(self.err(ErrorKind::UnexpectedEof)),
                _ => {}
            }
            let _ = w.write_event(ev);
            if w.get_ref().len() > self.limits.max_text_bytes {
                break Err(self.err(ErrorKind::Limit {
                    what: "signature size",
                    limit: self.limits.max_text_bytes as u64,
                }));
            }
        };
        *out = w.into_inner();
        result
    }

    /// Scans one `HOSO` whose start tag was just read: its files, still encoded. A structural
    /// error inside it ends the scan and is kept for [`HosoDecoder::decode`], which reports it
    /// after the files before it (as reading them in one pass would).
    fn scan_hoso(&mut self) -> RawHoso {
        let (line, _) = self.pos;
        let mut raw = RawHoso {
            index: self.index,
            line,
            files: Vec::new(),
            pending: None,
        };
        if let Err(e) = self.scan_files(&mut raw.files) {
            raw.pending = Some(e);
        }
        raw
    }

    fn scan_files(&mut self, files: &mut Vec<RawFile>) -> Result<(), ParseError> {
        loop {
            match self.next_tag("HOSO")? {
                Tag::End => return Ok(()),
                Tag::Start(n) if n == "FILEHOSO" => {
                    if files.len() >= self.limits.max_files_per_hoso {
                        return Err(self.err(ErrorKind::Limit {
                            what: "FILEHOSO per HOSO",
                            limit: self.limits.max_files_per_hoso as u64,
                        }));
                    }
                    let file = self.scan_file()?;
                    files.push(file);
                }
                Tag::Empty(n) if n == "FILEHOSO" => {
                    return Err(self.err(ErrorKind::MissingElement {
                        element: "LOAIHOSO",
                        parent: "FILEHOSO",
                    }))
                }
                other => return Err(self.unexpected(other, "HOSO")),
            }
        }
    }

    fn scan_file(&mut self) -> Result<RawFile, ParseError> {
        let (line, column) = self.pos;
        let mut loaihoso: Option<String> = None;
        let mut content: Option<String> = None;
        let mut inline: Vec<u8> = Vec::new();
        loop {
            match self.next_tag("FILEHOSO")? {
                Tag::Start(n) if n == "LOAIHOSO" && loaihoso.is_none() => {
                    self.read_text("LOAIHOSO", None)?;
                    loaihoso = Some(self.text.clone());
                }
                Tag::Empty(n) if n == "LOAIHOSO" && loaihoso.is_none() => {
                    loaihoso = Some(String::new())
                }
                Tag::Start(n) if n == "NOIDUNGFILE" && content.is_none() => {
                    self.read_text("NOIDUNGFILE", Some(&mut inline))?;
                    content = Some(std::mem::take(&mut self.text));
                }
                Tag::Empty(n) if n == "NOIDUNGFILE" && content.is_none() => {
                    content = Some(String::new())
                }
                Tag::Start(n) | Tag::Empty(n) if n == "LOAIHOSO" || n == "NOIDUNGFILE" => {
                    return Err(self.err(ErrorKind::DuplicateElement { element: n }))
                }
                Tag::End => break,
                other => return Err(self.unexpected(other, "FILEHOSO")),
            }
        }
        let loaihoso = loaihoso.ok_or_else(|| {
            self.err(ErrorKind::MissingElement {
                element: "LOAIHOSO",
                parent: "FILEHOSO",
            })
        })?;
        let content = content.ok_or_else(|| {
            self.err(ErrorKind::MissingElement {
                element: "NOIDUNGFILE",
                parent: "FILEHOSO",
            })
        })?;
        Ok(RawFile {
            loaihoso,
            content,
            inline,
            line,
            column,
        })
    }

    /// The next `HOSO` as the envelope scan found it, its tables still encoded: the cheap,
    /// sequential half of reading. [`HosoDecoder::decode`] does the rest (base64 and the table
    /// documents) and can run on other threads; decoding each `RawHoso` in order gives exactly
    /// what iterating the reader gives, errors and positions included.
    ///
    /// ```
    /// use lienthong::codec::{EnvelopeReader, HosoDecoder, Limits};
    /// let file = lienthong::gen::generate(&lienthong::gen::GenOptions { hoso: 2, seed: 3, ..Default::default() });
    /// let mut reader = EnvelopeReader::new(&file[..]).unwrap();
    /// let mut decoder = HosoDecoder::new(Limits::default());
    /// while let Some(raw) = reader.next_raw() {
    ///     let hoso = decoder.decode(raw.unwrap()).unwrap();
    ///     assert!(hoso.xml1.is_some());
    /// }
    /// assert_eq!(reader.hoso_read(), 2);
    /// ```
    pub fn next_raw(&mut self) -> Option<Result<RawHoso, ParseError>> {
        if self.state != State::InList {
            return None;
        }
        let result = match self.next_tag("DANHSACHHOSO") {
            Ok(Tag::Start(n)) if n == "HOSO" => {
                self.index += 1;
                let raw = self.scan_hoso();
                if raw.pending.is_some() {
                    self.state = State::Failed;
                }
                return Some(Ok(raw));
            }
            Ok(Tag::Empty(n)) if n == "HOSO" => {
                self.index += 1;
                let (line, _) = self.pos;
                Ok(Some(RawHoso {
                    index: self.index,
                    line,
                    files: Vec::new(),
                    pending: None,
                }))
            }
            Ok(Tag::End) => self.read_tail().map(|_| None),
            Ok(other) => Err(self.unexpected(other, "DANHSACHHOSO")),
            Err(e) => Err(e),
        };
        match result {
            Ok(Some(h)) => Some(Ok(h)),
            Ok(None) => None,
            Err(e) => {
                self.state = State::Failed;
                Some(Err(e))
            }
        }
    }
}

/// What [`EnvelopeReader::read_next`] read.
enum Next {
    /// An event.
    Event(Event<'static>),
    /// A text event, appended to the reader's text.
    Appended,
}

#[derive(Debug)]
enum Tag {
    Start(String),
    Empty(String),
    End,
    Eof,
}

impl<R: BufRead> Iterator for EnvelopeReader<R> {
    type Item = Result<Hoso, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let raw = match self.next_raw()? {
            Ok(raw) => raw,
            Err(e) => return Some(Err(e)),
        };
        let result = self.decoder.decode(raw);
        if result.is_err() {
            self.state = State::Failed;
        }
        Some(result)
    }
}
