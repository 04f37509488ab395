//! The stages that `lienthong bench` and `cargo bench` measure, each a whole pass over an envelope
//! read from a [`BufRead`], and the process's peak memory.
//!
//! - [`floor`]: the least any reader must do: quick-xml events over the envelope and base64
//!   decoding of every `NOIDUNGFILE`, nothing kept.
//! - [`table_events`]: the floor plus quick-xml events over every decoded table document.
//! - [`parse`]: [`EnvelopeReader`] to typed records (every check of the codec).
//! - full validation is [`super::validate_reader`] itself.
//! - [`serialize`]: [`EnvelopeWriter`] writing what was read, timed alone.

use crate::codec::{EnvelopeReader, EnvelopeWriter, Limits, ParseError};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

/// What a stage went through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// `HOSO` elements.
    pub hoso: usize,
    /// Table documents (`NOIDUNGFILE`).
    pub tables: usize,
    /// Bytes of decoded table documents.
    pub decoded_bytes: u64,
    /// quick-xml events read (envelope and, where the stage reads them, tables).
    pub events: u64,
}

fn syntax(e: quick_xml::Error) -> io::Error {
    match e {
        quick_xml::Error::Io(e) => io::Error::new(e.kind(), e.to_string()),
        other => io::Error::new(io::ErrorKind::InvalidData, other.to_string()),
    }
}

fn scan<R: BufRead>(input: R, mut table: impl FnMut(&[u8], &mut Counts)) -> io::Result<Counts> {
    let mut reader = Reader::from_reader(input);
    let mut buf = Vec::with_capacity(1 << 16);
    let mut decoded = Vec::new();
    let mut compact = Vec::new();
    let mut in_content = false;
    let mut counts = Counts::default();
    loop {
        buf.clear();
        let ev = reader.read_event_into(&mut buf).map_err(syntax)?;
        counts.events += 1;
        match ev {
            Event::Start(e) => {
                let name = e.name();
                in_content = name.as_ref() == b"NOIDUNGFILE";
                if name.as_ref() == b"HOSO" {
                    counts.hoso += 1;
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"HOSO" => counts.hoso += 1,
            Event::Text(t) if in_content => {
                // The reader's own decoding (wrapped base64 included), so the floor moves with it.
                let _ = crate::codec::decode_content(&t, &mut compact, &mut decoded);
                counts.tables += 1;
                counts.decoded_bytes += decoded.len() as u64;
                table(&decoded, &mut counts);
            }
            Event::End(_) => in_content = false,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(counts)
}

/// quick-xml events over the envelope and base64 decoding of every table: no typed records, no
/// checks. The floor every other stage is compared with.
pub fn floor<R: BufRead>(input: R) -> io::Result<Counts> {
    scan(input, |_, _| {})
}

/// [`floor`] plus quick-xml events over every decoded table document (still no records).
pub fn table_events<R: BufRead>(input: R) -> io::Result<Counts> {
    let mut failed = None;
    let counts = scan(input, |doc, counts| {
        let mut r = Reader::from_reader(doc);
        loop {
            match r.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => counts.events += 1,
                Err(e) => {
                    failed.get_or_insert(syntax(e));
                    break;
                }
            }
        }
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(counts),
    }
}

/// The sequential half of reading: [`EnvelopeReader::next_raw`] over every `HOSO` (envelope
/// structure and checks, table content kept encoded). This bounds `--jobs`.
pub fn envelope_scan<R: BufRead>(input: R, limits: Limits) -> Result<Counts, ParseError> {
    let mut counts = Counts::default();
    let mut reader = EnvelopeReader::with_limits(input, limits)?;
    while let Some(raw) = reader.next_raw() {
        let raw = raw?;
        counts.hoso += 1;
        counts.decoded_bytes += raw.content_bytes() as u64;
    }
    Ok(counts)
}

/// Reads every `HOSO` into typed records with [`EnvelopeReader`].
pub fn parse<R: BufRead>(input: R, limits: Limits) -> Result<Counts, ParseError> {
    let mut counts = Counts::default();
    let reader = EnvelopeReader::with_limits(input, limits)?;
    for hoso in reader {
        let hoso = hoso?;
        counts.hoso += 1;
        counts.tables += hoso.source.as_ref().map_or(0, |s| s.tables.len());
    }
    Ok(counts)
}

/// A writer that only counts bytes.
#[derive(Debug, Default)]
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What [`serialize`] measured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// `HOSO` written.
    pub hoso: usize,
    /// Bytes of canonical XML written.
    pub bytes: u64,
    /// Time spent in [`EnvelopeWriter`] alone (reading is not counted).
    pub time: Duration,
}

/// Reads every `HOSO` and writes it back with [`EnvelopeWriter`] (to a byte counter), timing the
/// writer alone.
pub fn serialize<R: BufRead>(input: R, limits: Limits) -> Result<Written, String> {
    let mut reader = EnvelopeReader::with_limits(input, limits).map_err(|e| e.to_string())?;
    let mut time = Duration::ZERO;
    let start = Instant::now();
    let mut w =
        EnvelopeWriter::new(Counter::default(), reader.header()).map_err(|e| e.to_string())?;
    time += start.elapsed();
    let mut hoso = 0;
    for h in &mut reader {
        let h = h.map_err(|e| e.to_string())?;
        let start = Instant::now();
        w.write_hoso(&h).map_err(|e| e.to_string())?;
        time += start.elapsed();
        hoso += 1;
    }
    let start = Instant::now();
    let out = w.finish(reader.signature()).map_err(|e| e.to_string())?;
    time += start.elapsed();
    Ok(Written {
        hoso,
        bytes: out.0,
        time,
    })
}

/// Peak resident memory of this process in KiB (`VmHWM` of `/proc/self/status`; Linux only).
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak resident memory to the current one (Linux: `/proc/self/clear_refs`), so that
/// the next [`peak_rss_kb`] measures one stage. False when the system does not allow it.
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_sees_every_hoso() {
        let file = crate::gen::generate(&crate::gen::GenOptions {
            hoso: 7,
            seed: 2,
            ..Default::default()
        });
        let f = floor(&file[..]).unwrap();
        assert_eq!(f.hoso, 7);
        assert!(f.tables >= 7 && f.decoded_bytes > 0);
        let t = table_events(&file[..]).unwrap();
        assert_eq!(
            (t.hoso, t.tables, t.decoded_bytes),
            (7, f.tables, f.decoded_bytes)
        );
        assert!(t.events > f.events);
        let p = parse(&file[..], Limits::default()).unwrap();
        assert_eq!((p.hoso, p.tables), (7, f.tables));
        let w = serialize(&file[..], Limits::default()).unwrap();
        assert_eq!((w.hoso, w.bytes), (7, file.len() as u64));
    }
}
