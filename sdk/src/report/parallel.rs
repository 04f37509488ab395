//! Validating the `HOSO`s of one envelope on several threads (std threads and channels).
//!
//! The calling thread scans the envelope ([`EnvelopeReader::next_raw`]: quick-xml events and the
//! base64 text, no decoding) and hands raw `HOSO`s, in batches, to workers, which decode them
//! (base64 and the table documents) and run the rules. Results come back tagged with their batch
//! number and are passed on strictly in file order, so the findings, the counts and the first
//! structural error are exactly those of the sequential reader. At most `3 × jobs` batches of up
//! to 16 `HOSO`s (or 256 KiB of table content) are in flight, so memory stays independent of the
//! file's size.

use crate::codec::{EnvelopeReader, HosoDecoder, Limits, ParseError, RawHoso};
use crate::hoso::Hoso;
use crate::validate::Finding;
use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, sync_channel, Receiver, SyncSender};
use std::sync::Mutex;

/// `HOSO`s go to the workers in batches of about this many bytes of table content (or
/// [`BATCH_HOSO`]), so that handing work over (a wake-up per message) costs little next to the
/// work itself.
const BATCH_BYTES: usize = 256 << 10;
/// At most this many `HOSO`s per batch.
const BATCH_HOSO: usize = 16;
/// At most this many worker threads, whatever `jobs` asks: memory in flight stays under
/// `3 × MAX_JOBS` batches.
pub(crate) const MAX_JOBS: usize = 64;

/// The result of one `HOSO`: its findings or its structural error.
type Item = Result<Vec<Finding>, ParseError>;

/// What a worker sends back.
enum Done {
    /// The results of batch number `.0` (in file order), in order; a batch ends early at a
    /// structural error, which ends the file.
    Batch(usize, Vec<Item>),
    /// A worker panicked; the panic is raised again on the calling thread.
    Panic(Box<dyn std::any::Any + Send>),
}

/// Reads every remaining `HOSO` of `reader`, checking each with `check` on `jobs` threads, and
/// calls `on_item` with each result in file order. Stops at the first structural error (`on_item`
/// returns `Ok(false)` for it). Returns whether the whole list was read without one.
pub(super) fn run<R, C, F>(
    reader: &mut EnvelopeReader<R>,
    limits: Limits,
    jobs: usize,
    check: &C,
    on_item: &mut F,
) -> io::Result<bool>
where
    R: BufRead,
    C: Fn(&Hoso) -> Vec<Finding> + Sync,
    F: FnMut(Item) -> io::Result<bool>,
{
    // More threads than this only add memory (three batches each): the scan feeds at most a few.
    let jobs = jobs.min(MAX_JOBS);
    // Batches in flight: enough to keep every worker busy while the next ones are scanned.
    let window = jobs.max(1) * 3;
    let (work_tx, work_rx) = sync_channel::<(usize, Vec<RawHoso>)>(window);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = channel::<Done>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || {
                let mut decoder = HosoDecoder::new(limits);
                loop {
                    // The lock is held only while waiting for the next batch, never while working.
                    let next = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, batch)) = next else { return };
                    let result = catch_unwind(AssertUnwindSafe(|| {
                        let mut out = Vec::with_capacity(batch.len());
                        for raw in batch {
                            let item = decoder.decode(raw).map(|h| check(&h));
                            let failed = item.is_err();
                            out.push(item);
                            if failed {
                                break;
                            }
                        }
                        out
                    }));
                    let msg = match result {
                        Ok(items) => Done::Batch(seq, items),
                        Err(payload) => Done::Panic(payload),
                    };
                    let panicked = matches!(msg, Done::Panic(_));
                    if done_tx.send(msg).is_err() || panicked {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        // Dropping `work_tx` when `drive` returns (or unwinds) lets the workers finish.
        drive(reader, window, work_tx, &done_rx, on_item)
    })
}

fn drive<R, F>(
    reader: &mut EnvelopeReader<R>,
    window: usize,
    work_tx: SyncSender<(usize, Vec<RawHoso>)>,
    done_rx: &Receiver<Done>,
    on_item: &mut F,
) -> io::Result<bool>
where
    R: BufRead,
    F: FnMut(Item) -> io::Result<bool>,
{
    let mut sent = 0usize;
    let mut next = 0usize;
    let mut ready: BTreeMap<usize, Vec<Item>> = BTreeMap::new();
    let mut scanning = true;
    // A structural error outside any HOSO (in the list or after it): it comes after every HOSO
    // already sent.
    let mut tail_error = None;
    loop {
        while scanning && sent - next < window {
            let mut batch = Vec::new();
            let mut bytes = 0;
            while batch.len() < BATCH_HOSO && bytes < BATCH_BYTES {
                match reader.next_raw() {
                    Some(Ok(raw)) => {
                        bytes += raw.content_bytes();
                        batch.push(raw);
                    }
                    Some(Err(e)) => {
                        tail_error = Some(e);
                        scanning = false;
                        break;
                    }
                    None => {
                        scanning = false;
                        break;
                    }
                }
            }
            if batch.is_empty() {
                break;
            }
            if work_tx.send((sent, batch)).is_err() {
                // Every worker is gone, which only a panic does: it is waiting in `done_rx`.
                scanning = false;
                break;
            }
            sent += 1;
        }
        if next == sent {
            break;
        }
        match done_rx.recv() {
            Ok(Done::Batch(seq, items)) => {
                ready.insert(seq, items);
            }
            Ok(Done::Panic(payload)) => resume_unwind(payload),
            // Workers exit early only after reporting a panic; this is a safety net.
            Err(_) => return Err(io::Error::other("a validation thread stopped")),
        }
        while let Some(items) = ready.remove(&next) {
            next += 1;
            for item in items {
                if !on_item(item)? {
                    return Ok(false);
                }
            }
        }
    }
    match tail_error {
        Some(e) => {
            on_item(Err(e))?;
            Ok(false)
        }
        None => Ok(true),
    }
}
