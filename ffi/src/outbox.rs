//! The durable outbox (`lienthong_outbox`): files are written to an SQLite database before they
//! are sent, sent through a `lienthong_gateway`, and their fate recorded.

use crate::error::{lienthong_error, lienthong_status, Error};
use crate::ffi::{
    boundary, boundary_or, bytes_arg, free_boxed, lienthong_str, opt_str_arg, str_arg,
    to_boxed_ptr, to_ptr, try_mut, try_ref, write_out, Castable,
};
use crate::gateway::{gateway_error, gateway_ref, lienthong_gateway};
use crate::log::lienthong_log_level;
use crate::sign::lienthong_signer;
use lienthong_connectors::bhxh::RetryPolicy;
use lienthong_connectors::outbox::{
    DispatchOptions, Entry, GatewayDispatchError, Outbox, OutboxError,
};
use lienthong_connectors::prepare::{checkin_files, claim_files, PrepareError, Prepared};
use std::ffi::{c_char, c_void};
use std::sync::Mutex;
use std::time::Duration;

fn outbox_error(e: &OutboxError) -> Error {
    let status = match e {
        OutboxError::NotFound(_) => lienthong_status::OutboxNotFound,
        _ => lienthong_status::OutboxStorage,
    };
    let text = e.to_string();
    match text.split_once(" / ") {
        Some((vi, en)) => Error::new(status, vi, en),
        None => Error::new(status, text.clone(), text),
    }
}

fn prepare_error(e: &PrepareError) -> Error {
    match e {
        PrepareError::Parse(p) => Error::new(
            lienthong_status::Parse,
            format!("không đọc được tệp: {p}"),
            format!("the file could not be read: {p}"),
        ),
        PrepareError::Write(w) => Error::new(
            lienthong_status::Write,
            format!("không ghi được tệp của từng HOSO: {w}"),
            format!("the file of one HOSO could not be written: {w}"),
        ),
        PrepareError::Sign(s) => Error::new(lienthong_status::Sign, s.message_vi(), s.to_string()),
        other => {
            let text = other.to_string();
            let (vi, en) = text.split_once(" / ").unwrap_or((&text, &text));
            Error::new(lienthong_status::InvalidArgument, vi, en)
        }
    }
}

/// The Rust side of `lienthong_outbox`.
#[derive(Debug)]
pub(crate) struct OutboxCell {
    outbox: Outbox,
    options: DispatchOptions,
    /// One dispatch at a time per handle.
    dispatching: Mutex<()>,
}

/// The durable outbox: every claim file and check-in is written to an SQLite database (one file)
/// before it is sent, and each attempt and its outcome (`maGiaoDich`, the gateway's code) is
/// recorded. Reopening the file after a crash or restart resumes where it stopped; a send whose
/// outcome is unknown is reconciled by sending the same bytes again.
///
/// Owned by the caller; free it with `lienthong_outbox_free` (the database stays on disk). May be
/// used from several threads at once (enqueue, read entries, dispatch); dispatches on one handle
/// run one after the other. `lienthong_outbox_set_dispatch_options` must not run while another
/// thread uses it. Open one handle per database file in a process.
#[derive(Debug)]
pub struct lienthong_outbox {
    _private: [u8; 0],
}

impl Castable for lienthong_outbox {
    type Rust = OutboxCell;
}

/// The default dispatch: up to 8 attempts per file, backoff 0.5 s doubling up to 30 s, waiting
/// for entries that are due later, for at most 10 minutes.
fn default_options() -> DispatchOptions {
    DispatchOptions::default()
}

/// Opens the outbox database at `path` (UTF-8), creating it (and its folder) when missing.
/// Sends that a stopped process left under way become `unknown`, to be sent again.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_open(
    path: *const c_char,
    outbox_out: *mut *mut lienthong_outbox,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        if outbox_out.is_null() {
            return Err(Error::null("outbox_out"));
        }
        // SAFETY: `path` is NULL or a C string, per the header.
        let path = unsafe { str_arg(path, "path") }?;
        let outbox = Outbox::open(path).map_err(|e| outbox_error(&e))?;
        let cell = OutboxCell {
            outbox,
            options: default_options(),
            dispatching: Mutex::new(()),
        };
        // SAFETY: `outbox_out` is not NULL and writable, per the header.
        unsafe { write_out(outbox_out, to_boxed_ptr::<lienthong_outbox>(cell)) }
    })
}

/// Frees an outbox handle (the database stays). NULL is fine. No other thread may be using it.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_free(outbox: *mut lienthong_outbox) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or an outbox it owns and no longer uses.
        unsafe { free_boxed(outbox) }
    })
}

/// The outbox behind a shared handle argument.
///
/// # Safety
/// `outbox` is NULL or a live outbox.
unsafe fn outbox_ref<'a>(outbox: *const lienthong_outbox) -> Result<&'a OutboxCell, Error> {
    // SAFETY: forwarded contract.
    unsafe { try_ref(outbox) }.ok_or_else(|| Error::null("outbox"))
}

/// Sets how `lienthong_outbox_dispatch` sends: `max_attempts` per file before it is `dead` (0 is
/// refused), the backoff between attempts of one file (from `base_delay_ms`, doubling with jitter
/// up to `max_delay_ms`), whether to `wait` for files whose next attempt is later (false: return
/// as soon as nothing is due), and the longest a dispatch runs (`deadline_ms`).
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_set_dispatch_options(
    outbox: *mut lienthong_outbox,
    max_attempts: u32,
    base_delay_ms: u64,
    max_delay_ms: u64,
    wait: bool,
    deadline_ms: u64,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `outbox` is NULL or a live outbox no other thread uses, per the header.
        let o = unsafe { try_mut(outbox) }.ok_or_else(|| Error::null("outbox"))?;
        if max_attempts == 0 {
            return Err(Error::new(
                lienthong_status::InvalidArgument,
                "max_attempts phải từ 1 trở lên",
                "max_attempts must be at least 1",
            ));
        }
        o.options = DispatchOptions {
            max_attempts,
            backoff: RetryPolicy {
                max_attempts,
                base_delay: Duration::from_millis(base_delay_ms),
                max_delay: Duration::from_millis(max_delay_ms),
                deadline: Duration::from_millis(deadline_ms),
            },
            wait,
            deadline: Duration::from_millis(deadline_ms),
        };
        Ok(())
    })
}

/// One file written by an enqueue.
#[derive(Debug)]
pub(crate) struct EnqueuedItem {
    id: i64,
    version: u32,
    duplicate: bool,
    ma_lk: String,
    hoso_index: usize,
}

/// What an enqueue wrote: one item per `HOSO` (per file), in file order.
///
/// Owned by the caller; free it with `lienthong_enqueued_list_free`. Immutable.
#[derive(Debug)]
pub struct lienthong_enqueued_list {
    _private: [u8; 0],
}

impl Castable for lienthong_enqueued_list {
    type Rust = Vec<EnqueuedItem>;
}

/// `prepare::claim_files` or `prepare::checkin_files`.
type PrepareFn =
    fn(&[u8], Option<&dyn lienthong::sign::Signer>) -> Result<Vec<Prepared>, PrepareError>;

fn enqueue(
    outbox: *const lienthong_outbox,
    data: *const u8,
    len: usize,
    signer: *const lienthong_signer,
    source: *const c_char,
    list_out: *mut *mut lienthong_enqueued_list,
    prepare: PrepareFn,
) -> Result<(), Error> {
    // SAFETY: `outbox` is NULL or a live outbox, per the header of every caller.
    let o = unsafe { outbox_ref(outbox) }?;
    // SAFETY: `data` is NULL or valid for `len` bytes, per the header of every caller.
    let input = unsafe { bytes_arg(data, len, "data") }?;
    // SAFETY: `signer` is NULL or a live signer, per the header of every caller.
    let signer = unsafe { try_ref(signer) };
    // SAFETY: `source` is NULL or a C string, per the header of every caller.
    let source = unsafe { opt_str_arg(source, "source") }?;
    if list_out.is_null() {
        return Err(Error::null("list_out"));
    }
    let files = prepare(input, signer.map(|s| s.signer())).map_err(|e| prepare_error(&e))?;
    let mut items = Vec::with_capacity(files.len());
    for f in files {
        let done = o
            .outbox
            .enqueue(
                f.kind,
                f.generation,
                &f.facility,
                &f.ma_lk,
                &f.bytes,
                source,
            )
            .map_err(|e| outbox_error(&e))?;
        items.push(EnqueuedItem {
            id: done.id,
            version: done.version,
            duplicate: done.duplicate,
            ma_lk: f.ma_lk,
            hoso_index: f.hoso_index,
        });
    }
    // SAFETY: `list_out` is not NULL and writable, per the header of every caller.
    unsafe { write_out(list_out, to_boxed_ptr::<lienthong_enqueued_list>(items)) }
}

/// Writes the claim files of an envelope (`len` bytes at `data`, a `GIAMDINHHS` document) to the
/// outbox, one file per `HOSO` (the gateway takes one visit per file), each signed with `signer`
/// when it is not NULL (an envelope with one already signed `HOSO` and a NULL signer is kept as it
/// is). `source` (NULL allowed) is a file name recorded with each entry. Returns only once every
/// file is on disk; nothing is sent.
///
/// Each file becomes version 1, 2, ... of its (facility, `MA_LK`); a new version replaces an older
/// one not sent yet, and the same bytes as the latest version are not written twice
/// (`lienthong_enqueued_list_duplicate`). All files are prepared (and signed) before the first is
/// written, so a parse or signing error writes nothing; a storage error may leave the first files
/// written.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_enqueue_claims(
    outbox: *const lienthong_outbox,
    data: *const u8,
    len: usize,
    signer: *const lienthong_signer,
    source: *const c_char,
    list_out: *mut *mut lienthong_enqueued_list,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        enqueue(outbox, data, len, signer, source, list_out, claim_files)
    })
}

/// Writes the check-in documents derived from an envelope's visits (one per `HOSO`, signed with
/// `signer` when not NULL) to the outbox, as `lienthong_outbox_enqueue_claims`. Visits with no
/// check-in (emergencies, QĐ 130 files of 2023) are skipped, so the list may be shorter than the
/// envelope.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_enqueue_checkins(
    outbox: *const lienthong_outbox,
    data: *const u8,
    len: usize,
    signer: *const lienthong_signer,
    source: *const c_char,
    list_out: *mut *mut lienthong_enqueued_list,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        enqueue(outbox, data, len, signer, source, list_out, checkin_files)
    })
}

/// The number of files in the list (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_enqueued_list_count(
    list: *const lienthong_enqueued_list,
) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live list.
        unsafe { try_ref(list) }.map_or(0, Vec::len)
    })
}

fn item<'a>(list: *const lienthong_enqueued_list, index: usize) -> Option<&'a EnqueuedItem> {
    // SAFETY: the callers pass NULL or a live list, per the header.
    unsafe { try_ref(list) }.and_then(|l| l.get(index))
}

/// The outbox entry id of file `index` (from 0), for `lienthong_outbox_get`; 0 for NULL or an
/// index out of range.
#[no_mangle]
pub unsafe extern "C" fn lienthong_enqueued_list_id(
    list: *const lienthong_enqueued_list,
    index: usize,
) -> i64 {
    boundary_or(0, || item(list, index).map_or(0, |i| i.id))
}

/// The version of file `index` within its `MA_LK` (1, 2, ...); 0 for NULL or out of range.
#[no_mangle]
pub unsafe extern "C" fn lienthong_enqueued_list_version(
    list: *const lienthong_enqueued_list,
    index: usize,
) -> u32 {
    boundary_or(0, || item(list, index).map_or(0, |i| i.version))
}

/// Whether file `index` had the same bytes as the latest version already in the outbox (nothing
/// new was written). False for NULL or out of range.
#[no_mangle]
pub unsafe extern "C" fn lienthong_enqueued_list_duplicate(
    list: *const lienthong_enqueued_list,
    index: usize,
) -> bool {
    boundary_or(false, || item(list, index).is_some_and(|i| i.duplicate))
}

/// Which `HOSO` of the envelope file `index` came from (from 1); 0 for NULL or out of range.
#[no_mangle]
pub unsafe extern "C" fn lienthong_enqueued_list_hoso_index(
    list: *const lienthong_enqueued_list,
    index: usize,
) -> usize {
    boundary_or(0, || item(list, index).map_or(0, |i| i.hoso_index))
}

/// The `MA_LK` of file `index`. Empty for NULL or out of range. Valid until the list is freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_enqueued_list_ma_lk(
    list: *const lienthong_enqueued_list,
    index: usize,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        item(list, index).map_or(lienthong_str::empty(), |i| {
            lienthong_str::from_str(&i.ma_lk)
        })
    })
}

/// Frees an enqueued list. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_enqueued_list_free(list: *mut lienthong_enqueued_list) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a list it owns and no longer uses.
        unsafe { free_boxed(list) }
    })
}

/// One entry of the outbox as it stood when read: one version of one file and its fate. Holds no
/// patient data beyond the `MA_LK`.
///
/// Owned by the caller when it comes from `lienthong_outbox_get` (free it with
/// `lienthong_outbox_entry_free`); **borrowed**, valid only during the call, when it is passed to
/// a dispatch progress callback. Immutable.
#[derive(Debug)]
pub struct lienthong_outbox_entry {
    _private: [u8; 0],
}

impl Castable for lienthong_outbox_entry {
    type Rust = Entry;
}

/// Called by `lienthong_outbox_dispatch` after each attempt, on the thread that called it, with
/// the entry as it now stands (borrowed: valid only during the call; copy what you need).
pub type lienthong_dispatch_progress =
    Option<unsafe extern "C" fn(user: *mut c_void, entry: *const lienthong_outbox_entry)>;

/// What a dispatch did.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct lienthong_dispatch_summary {
    /// Attempts made (sends to the gateway).
    pub attempts: u32,
    /// Files the gateway accepted.
    pub accepted: u32,
    /// Files the gateway refused for their content (fix the data, enqueue a new version).
    pub rejected: u32,
    /// Files whose attempts ran out (`lienthong_outbox_retry` makes them pending again).
    pub dead: u32,
    /// Older versions replaced by a newer one before they were sent.
    pub superseded: u32,
    /// Files still pending or unknown when the dispatch stopped (due later, or the deadline
    /// passed).
    pub left: u32,
}

/// Sends every due file of the outbox through `gateway`, check-ins first, oldest first, one at a
/// time, recording each attempt; blocks until nothing is left to send (or, with the `wait` dispatch
/// option, the default, until every file is settled or the deadline passes). `progress` (NULL
/// allowed) is called after each attempt with `user`. The summary is written to `*summary_out`.
///
/// A rejected file is recorded and the dispatch goes on: that is a success, counted in
/// `rejected`. The dispatch stops early with the gateway's status when the account cannot log in
/// (`LIENTHONG_STATUS_GATEWAY_SESSION`), the TLS certificate is refused or the configuration is
/// unusable: those failures are not the files', which stay in the outbox for a later dispatch.
/// `LIENTHONG_STATUS_OUTBOX_STORAGE` means the database failed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_dispatch(
    outbox: *const lienthong_outbox,
    gateway: *const lienthong_gateway,
    progress: lienthong_dispatch_progress,
    user: *mut c_void,
    summary_out: *mut lienthong_dispatch_summary,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `outbox` is NULL or a live outbox, per the header.
        let o = unsafe { outbox_ref(outbox) }?;
        // SAFETY: `gateway` is NULL or a live gateway, per the header.
        let g = unsafe { gateway_ref(gateway) }?;
        if summary_out.is_null() {
            return Err(Error::null("summary_out"));
        }
        let _one_at_a_time = o.dispatching.lock().unwrap_or_else(|p| p.into_inner());
        crate::log::log(&g.logger, lienthong_log_level::Info, || {
            "dispatching the outbox".into()
        });
        let on_entry = |e: &Entry| {
            crate::log::log(&g.logger, lienthong_log_level::Info, || {
                format!(
                    "outbox entry #{} ({} {} v{}): {}",
                    e.id,
                    e.kind.name(),
                    e.ma_lk,
                    e.version,
                    e.state
                )
            });
            if let Some(cb) = progress {
                // SAFETY: the caller's callback and `user` are valid during the call, per the
                // header; the entry outlives the call.
                unsafe { cb(user, to_ptr::<lienthong_outbox_entry>(e)) }
            }
        };
        let sum = g
            .block_on(o.outbox.dispatch(g.client(), &o.options, on_entry))
            .map_err(|e| {
                let err = match &e {
                    GatewayDispatchError::Outbox(x) => outbox_error(x),
                    GatewayDispatchError::Gateway(x) => gateway_error(x),
                };
                crate::log::log(&g.logger, lienthong_log_level::Error, || {
                    err.message_en.clone()
                });
                err
            })?;
        let summary = lienthong_dispatch_summary {
            attempts: sum.attempts,
            accepted: sum.accepted,
            rejected: sum.rejected,
            dead: sum.dead,
            superseded: sum.superseded,
            left: sum.left,
        };
        crate::log::log(&g.logger, lienthong_log_level::Info, || {
            format!(
                "dispatch done: {} accepted, {} rejected, {} dead, {} left",
                sum.accepted, sum.rejected, sum.dead, sum.left
            )
        });
        // SAFETY: `summary_out` is not NULL and writable, per the header.
        unsafe { write_out(summary_out, summary) }
    })
}

/// Reads entry `id` (from `lienthong_enqueued_list_id`) as it stands now, into a new handle.
/// `LIENTHONG_STATUS_OUTBOX_NOT_FOUND` when there is no such entry.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_get(
    outbox: *const lienthong_outbox,
    id: i64,
    entry_out: *mut *mut lienthong_outbox_entry,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `outbox` is NULL or a live outbox, per the header.
        let o = unsafe { outbox_ref(outbox) }?;
        if entry_out.is_null() {
            return Err(Error::null("entry_out"));
        }
        let entry = o.outbox.get(id).map_err(|e| outbox_error(&e))?;
        // SAFETY: `entry_out` is not NULL and writable, per the header.
        unsafe { write_out(entry_out, to_boxed_ptr::<lienthong_outbox_entry>(entry)) }
    })
}

/// Makes `dead` entries of `ma_lk` (NULL: of every `MA_LK`) pending again with fresh attempts, and
/// entries waiting for a backoff due now; the next dispatch sends them. Rejected entries are not
/// retried: fix the data and enqueue a new version. `*changed_out` (NULL allowed) receives how many
/// entries changed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_retry(
    outbox: *const lienthong_outbox,
    ma_lk: *const c_char,
    changed_out: *mut usize,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `outbox` is NULL or a live outbox, per the header.
        let o = unsafe { outbox_ref(outbox) }?;
        // SAFETY: `ma_lk` is NULL or a C string, per the header.
        let ma_lk = unsafe { opt_str_arg(ma_lk, "ma_lk") }?;
        let n = o.outbox.retry(ma_lk).map_err(|e| outbox_error(&e))?;
        if !changed_out.is_null() {
            // SAFETY: `changed_out` is not NULL and, per the header, writable.
            unsafe { changed_out.write(n) };
        }
        Ok(())
    })
}

/// A view of one string of an entry (empty when absent, or for NULL).
fn entry_view(
    entry: *const lienthong_outbox_entry,
    get: impl FnOnce(&Entry) -> Option<&str>,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the callers pass NULL or a live entry, per the header.
        unsafe { try_ref(entry) }
            .and_then(get)
            .map_or(lienthong_str::empty(), lienthong_str::from_str)
    })
}

/// A number of an entry (0 for NULL).
fn entry_number<V: Default>(
    entry: *const lienthong_outbox_entry,
    get: impl FnOnce(&Entry) -> V,
) -> V {
    boundary_or(V::default(), || {
        // SAFETY: the callers pass NULL or a live entry, per the header.
        unsafe { try_ref(entry) }.map_or_else(V::default, get)
    })
}

/// The entry's id (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_id(entry: *const lienthong_outbox_entry) -> i64 {
    entry_number(entry, |e| e.id)
}

/// The entry's version within its (facility, kind, `MA_LK`): 1, 2, ... (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_version(
    entry: *const lienthong_outbox_entry,
) -> u32 {
    entry_number(entry, |e| e.version)
}

/// The attempts made so far (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_attempts(
    entry: *const lienthong_outbox_entry,
) -> u32 {
    entry_number(entry, |e| e.attempts)
}

/// The state: `pending`, `sending`, `unknown` (to be sent again), `accepted`, `rejected`, `dead`
/// or `superseded`. Empty for NULL. Valid while the entry is (as every view below).
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_state(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| Some(e.state.name()))
}

/// The state in Vietnamese, for staff (`đã tiếp nhận`, `bị từ chối`, ...).
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_state_vi(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| Some(e.state.name_vi()))
}

/// Whether the entry will not change any more by itself (accepted, rejected, dead, superseded).
/// False for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_is_final(
    entry: *const lienthong_outbox_entry,
) -> bool {
    entry_number(entry, |e| e.state.is_final())
}

/// The kind: `claim` or `checkin`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_kind(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| Some(e.kind.name()))
}

/// The endpoint generation: `130`, `4750` or `3176`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_generation(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| Some(e.generation.name()))
}

/// The facility code (`maCSKCB`).
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_facility(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| Some(&e.facility))
}

/// The `MA_LK`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_ma_lk(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| Some(&e.ma_lk))
}

/// The gateway's last code (`200`, or the code of a rejection). Empty when none yet.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_code(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| e.code.as_deref())
}

/// The gateway's last message (the reason of a rejection). Empty when none.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_message(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| e.message.as_deref())
}

/// The transaction id of the accepted file (`maGiaoDich`). Empty until accepted.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_ma_giao_dich(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| e.ma_giao_dich.as_deref())
}

/// When the gateway received the accepted file, `yyyyMMddHHmmss` (`thoiGianTiepNhan`). Empty
/// until accepted.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_thoi_gian_tiep_nhan(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| e.thoi_gian_tiep_nhan.as_deref())
}

/// The last error (class and text; never credentials or patient data). Empty when none.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_last_error(
    entry: *const lienthong_outbox_entry,
) -> lienthong_str {
    entry_view(entry, |e| e.last_error.as_deref())
}

/// Frees an entry from `lienthong_outbox_get`. NULL is fine. Never free the entries passed to
/// a progress callback.
#[no_mangle]
pub unsafe extern "C" fn lienthong_outbox_entry_free(entry: *mut lienthong_outbox_entry) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or an entry it owns and no longer uses.
        unsafe { free_boxed(entry) }
    })
}
