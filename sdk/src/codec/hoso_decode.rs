//! Decoding what [`EnvelopeReader::next_raw`](super::EnvelopeReader::next_raw) scanned: the
//! base64 (or inline XML) of each `FILEHOSO` into the typed tables of a [`Hoso`]. Separate from the
//! scan so that `HOSO`s can be decoded on other threads while the reader streams.

use super::error::{ErrorKind, ParseError};
use super::limits::Limits;
use super::table_read::{read_table, TableError};
use super::{Notice, NoticeKind};
use crate::hoso::{Hoso, HosoSource, OtherFile, TableSource, TableVisitorMut};
use crate::record::{Record, TableId};
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// The reference base64 decoder: padding optional, canonical trailing bits.
pub(crate) const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Decodes base64 `src` (no whitespace) and appends the bytes to `out`, accepting exactly what
/// [`BASE64`] accepts. The body, whole 4-character groups without padding, goes through a
/// vectorised decoder; the last group, where padding and trailing bits are judged, through
/// [`BASE64`]. On error `out` may hold part of the bytes.
pub(crate) fn decode_base64(src: &[u8], out: &mut Vec<u8>) -> Result<(), ()> {
    let body = src.len().saturating_sub(1) / 4 * 4;
    let (body, last) = src.split_at(body);
    base64_simd::STANDARD_NO_PAD
        .decode_append(body, out)
        .map_err(|_| ())?;
    base64::Engine::decode_vec(&BASE64, last, out).map_err(|_| ())
}

/// Decodes the base64 text of a `NOIDUNGFILE` into `out` (cleared first), leaving out line
/// breaks and spaces when it has any (`compact` is the scratch buffer for that). `Ok(true)` when
/// whitespace was left out of non-empty base64.
pub(crate) fn decode_content(
    text: &[u8],
    compact: &mut Vec<u8>,
    out: &mut Vec<u8>,
) -> Result<bool, ()> {
    out.clear();
    if !has_ascii_whitespace(text) {
        return decode_base64(text, out).map(|_| false);
    }
    compact.clear();
    compact.extend(text.iter().copied().filter(|b| !b.is_ascii_whitespace()));
    decode_base64(compact, out).map(|_| !compact.is_empty())
}

/// One `FILEHOSO` as scanned: `LOAIHOSO`, the `NOIDUNGFILE` text (or inline XML) and where it
/// starts.
#[derive(Debug)]
pub(crate) struct RawFile {
    pub(super) loaihoso: String,
    pub(super) content: String,
    pub(super) inline: Vec<u8>,
    pub(super) line: u32,
    pub(super) column: u32,
}

/// One `HOSO` from [`EnvelopeReader::next_raw`]: its files with their tables still encoded.
/// Turn it into a [`Hoso`] with [`HosoDecoder::decode`], on any thread.
#[derive(Debug)]
pub struct RawHoso {
    pub(super) index: usize,
    pub(super) line: u32,
    pub(super) files: Vec<RawFile>,
    /// The structural error that ended the scan inside this `HOSO`.
    pub(super) pending: Option<ParseError>,
}

impl RawHoso {
    /// 1-based index of the `HOSO` in its envelope.
    pub fn index(&self) -> usize {
        self.index
    }

    /// Line of the `HOSO` start tag.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// Bytes of table content it holds (encoded), a measure of the work decoding it takes.
    pub fn content_bytes(&self) -> usize {
        self.files
            .iter()
            .map(|f| f.content.len() + f.inline.len())
            .sum()
    }
}

/// Decodes [`RawHoso`]s into [`Hoso`]s: base64 and the table documents. It keeps its buffers from
/// one `HOSO` to the next; use one per thread.
#[derive(Debug, Default)]
pub struct HosoDecoder {
    limits: Limits,
    decoded: Vec<u8>,
    compact: Vec<u8>,
}

impl HosoDecoder {
    /// A decoder applying `limits` (use the reader's).
    pub fn new(limits: Limits) -> Self {
        HosoDecoder {
            limits,
            decoded: Vec::new(),
            compact: Vec::new(),
        }
    }

    /// The `Hoso`, or the first structural error in it (in file order).
    pub fn decode(&mut self, raw: RawHoso) -> Result<Hoso, ParseError> {
        let mut hoso = Hoso::default();
        let mut source = HosoSource {
            index: raw.index,
            line: raw.line,
            tables: Vec::new(),
            notices: Vec::new(),
        };
        let mut seen: Vec<TableId> = Vec::new();
        for file in raw.files {
            self.decode_file(raw.index, file, &mut hoso, &mut source, &mut seen)?;
        }
        if let Some(e) = raw.pending {
            return Err(e);
        }
        hoso.source = Some(source);
        Ok(hoso)
    }

    fn decode_file(
        &mut self,
        index: usize,
        file: RawFile,
        hoso: &mut Hoso,
        source: &mut HosoSource,
        seen: &mut Vec<TableId>,
    ) -> Result<(), ParseError> {
        let RawFile {
            loaihoso,
            content,
            inline,
            line,
            column,
        } = file;
        let table = TableId::from_name(&loaihoso).filter(|t| TableId::IN_ENVELOPE.contains(t));
        let Some(table) = table else {
            let content = if inline.is_empty() {
                content
            } else {
                String::from_utf8_lossy(&inline).into_owned()
            };
            hoso.other_files.push(OtherFile { loaihoso, content });
            return Ok(());
        };
        let at = |kind, line, column| ParseError {
            kind,
            hoso: Some(index),
            table: Some(table),
            line,
            column,
            table_position: None,
        };
        if seen.contains(&table) {
            return Err(at(ErrorKind::DuplicateTable, line, column));
        }
        seen.push(table);
        let doc: &[u8] = if !inline.is_empty() {
            source.notices.push(Notice {
                kind: NoticeKind::InlineXml,
                table: Some(table),
                line,
                column,
            });
            &inline
        } else {
            let wrapped = decode_content(content.as_bytes(), &mut self.compact, &mut self.decoded)
                .map_err(|_| at(ErrorKind::Base64, line, column))?;
            if wrapped {
                source.notices.push(Notice {
                    kind: NoticeKind::Base64Whitespace,
                    table: Some(table),
                    line,
                    column,
                });
            }
            &self.decoded
        };
        let mut fill = Fill {
            doc,
            limits: &self.limits,
            result: None,
        };
        hoso.visit_table_mut(table, &mut fill);
        match fill.result {
            Some(Ok((row_lines, had_bom))) => {
                if had_bom {
                    source.notices.push(Notice {
                        kind: NoticeKind::TableBom,
                        table: Some(table),
                        line,
                        column,
                    });
                }
                if row_lines.is_empty() {
                    source.notices.push(Notice {
                        kind: NoticeKind::EmptyTable,
                        table: Some(table),
                        line,
                        column,
                    });
                }
                source.tables.push(TableSource {
                    table,
                    line,
                    column,
                    row_lines,
                });
                Ok(())
            }
            Some(Err(e)) => Err(ParseError {
                table_position: Some(e.position(doc)),
                ..at(e.kind, line, column)
            }),
            None => Ok(()),
        }
    }
}

/// True when every byte is printable ASCII other than the space (`!` to DEL), as base64 text is:
/// then the text is UTF-8 and holds no whitespace and no character XML forbids. A minimum and a
/// maximum over the bytes compile to vector code, many times faster than testing each byte.
pub(crate) fn printable_ascii(text: &[u8]) -> bool {
    let (mut lo, mut hi) = (u8::MAX, 0u8);
    for block in text.chunks(4096) {
        for &b in block {
            lo = lo.min(b);
            hi = hi.max(b);
        }
        if lo <= b' ' || hi >= 0x80 {
            return false;
        }
    }
    true
}

/// `text.iter().any(u8::is_ascii_whitespace)`, with a fast path for base64 text.
fn has_ascii_whitespace(text: &[u8]) -> bool {
    !printable_ascii(text) && text.iter().any(u8::is_ascii_whitespace)
}

/// Parses one table document into the matching table of a `Hoso`.
struct Fill<'a> {
    doc: &'a [u8],
    limits: &'a Limits,
    result: Option<Result<(Vec<u32>, bool), TableError>>,
}

impl TableVisitorMut for Fill<'_> {
    fn visit<R: Record>(&mut self, rows: &mut Vec<R>) {
        self.result = Some(read_table::<R>(self.doc, self.limits).map(|t| {
            *rows = t.rows;
            (t.row_lines, t.had_bom)
        }));
    }
}
