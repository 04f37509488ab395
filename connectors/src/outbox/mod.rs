//! The durable outbox: every check-in and claim file is written to an embedded SQLite database
//! before it is sent, and its fate is recorded.
//!
//! States: `pending` -> `sending` -> `accepted` (with `maGiaoDich` and `thoiGianTiepNhan`),
//! `rejected` (with the gateway's code and message), or back to `pending`/`unknown` with a
//! backoff after a transient failure, and `dead` after the allowed attempts. A send whose outcome
//! is unknown (timeout or lost connection after the request left, or a process that stopped
//! mid-send) is reconciled by sending the **same bytes** again: the gateway keeps the latest
//! version of each `MA_LK`, so a resend is harmless and every transaction id learnt is kept in
//! the attempt history.
//!
//! Guarantees:
//! - [`Outbox::enqueue`] returns only after the file is on disk (WAL, `synchronous=FULL`).
//! - Versions of a (facility, kind, `MA_LK`) are numbered 1, 2, ...; only the newest is ever
//!   sent: enqueueing version 2 supersedes a version 1 still pending, and a version 1 whose
//!   outcome is unknown is not resent once version 2 exists.
//! - Killing the process at any moment loses nothing and never sends a different version;
//!   opening the outbox again resumes.
//! - Check-ins are sent before claim files.

mod dispatch;
mod store;
#[cfg(test)]
mod tests;

pub use dispatch::{DispatchOptions, DispatchSummary, GatewayDispatchError};

use crate::bhxh::{FileKind, Generation};
use rusqlite::{params, Connection, OptionalExtension};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Where an entry is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Written, not sent yet (or waiting for its next attempt).
    Pending,
    /// A send is under way.
    Sending,
    /// A send may or may not have reached the gateway; the same bytes will be sent again.
    Unknown,
    /// The gateway received it (`maKetQua` 200).
    Accepted,
    /// The gateway refused its content; fix the data and enqueue a new version.
    Rejected,
    /// Transient failures used up every attempt; `outbox retry` makes it pending again.
    Dead,
    /// A newer version of the same `MA_LK` replaced it before it was sent.
    Superseded,
}

impl State {
    /// Every state.
    pub const ALL: [State; 7] = [
        State::Pending,
        State::Sending,
        State::Unknown,
        State::Accepted,
        State::Rejected,
        State::Dead,
        State::Superseded,
    ];

    /// The name stored and printed.
    pub fn name(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Sending => "sending",
            State::Unknown => "unknown",
            State::Accepted => "accepted",
            State::Rejected => "rejected",
            State::Dead => "dead",
            State::Superseded => "superseded",
        }
    }

    /// The state named `name`.
    pub fn from_name(name: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether the entry will not change any more by itself.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            State::Accepted | State::Rejected | State::Dead | State::Superseded
        )
    }

    /// Vietnamese name, for reports.
    pub fn name_vi(self) -> &'static str {
        match self {
            State::Pending => "chờ gửi",
            State::Sending => "đang gửi",
            State::Unknown => "chưa rõ kết quả",
            State::Accepted => "đã tiếp nhận",
            State::Rejected => "bị từ chối",
            State::Dead => "ngừng gửi",
            State::Superseded => "đã thay bằng bản mới",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One version of one file in the outbox. Holds no patient data beyond the `MA_LK`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub id: i64,
    pub kind: FileKind,
    pub generation: Generation,
    pub facility: String,
    pub ma_lk: String,
    pub version: u32,
    pub sha256: String,
    /// The file name it came from, when known.
    pub source: Option<String>,
    pub state: State,
    pub attempts: u32,
    pub next_attempt_ms: i64,
    pub created_ms: i64,
    pub updated_ms: i64,
    /// The gateway's last code and message.
    pub code: Option<String>,
    pub message: Option<String>,
    /// The accepted transaction (`maGiaoDich`, `thoiGianTiepNhan`).
    pub ma_giao_dich: Option<String>,
    pub thoi_gian_tiep_nhan: Option<String>,
    /// The last error (class and text; never credentials or patient data).
    pub last_error: Option<String>,
    pub file_bytes: u64,
}

/// One attempt to send an entry.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Attempt {
    pub n: u32,
    pub started_ms: i64,
    pub finished_ms: Option<i64>,
    /// `sending`, `accepted`, `rejected`, `failed`, `unknown`, `interrupted`.
    pub outcome: String,
    pub code: Option<String>,
    pub ma_giao_dich: Option<String>,
    pub thoi_gian_tiep_nhan: Option<String>,
    pub error_class: Option<String>,
    pub error: Option<String>,
}

/// What [`Outbox::enqueue`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Enqueued {
    pub id: i64,
    pub version: u32,
    /// The same bytes were already the latest version: nothing new was written.
    pub duplicate: bool,
}

/// Outbox failures (storage, not the gateway).
#[derive(Debug, Clone, thiserror::Error)]
pub enum OutboxError {
    #[error("lỗi cơ sở dữ liệu hộp thư đi / outbox database error: {0}")]
    Db(String),
    #[error("lỗi tệp hộp thư đi / outbox file error: {0}")]
    Io(String),
    #[error(
        "phiên bản lược đồ hộp thư đi không hỗ trợ: {0} / unsupported outbox schema version: {0}"
    )]
    Schema(String),
    #[error("không có mục nào cho {0} / no outbox entry for {0}")]
    NotFound(String),
    #[error("hộp thư đi: {0}")]
    Invalid(String),
}

impl From<rusqlite::Error> for OutboxError {
    fn from(e: rusqlite::Error) -> Self {
        OutboxError::Db(e.to_string())
    }
}

/// The moments a test can stop the process at (see [`Outbox::set_hook`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The entry is on disk, nothing sent.
    Enqueued,
    /// The attempt is recorded as `sending`, the request not yet sent.
    MarkedSending,
    /// The gateway answered; the answer is not yet recorded.
    Answered,
}

type Hook = Arc<dyn Fn(Stage) + Send + Sync>;

/// The outbox. Cheap to clone; clones share the connection.
#[derive(Clone)]
pub struct Outbox {
    conn: Arc<Mutex<Connection>>,
    path: PathBuf,
    hook: Option<Hook>,
}

impl fmt::Debug for Outbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outbox").field("path", &self.path).finish()
    }
}

impl Outbox {
    /// Opens (creating if needed) the outbox at `path`, and turns sends that a stopped process
    /// left under way into `unknown` entries, to be resent.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, OutboxError> {
        let path = path.as_ref().to_path_buf();
        let conn = store::open(&path)?;
        Ok(Outbox {
            conn: Arc::new(Mutex::new(conn)),
            path,
            hook: None,
        })
    }

    /// The default location: `$LIENTHONG_OUTBOX`, else the user's data folder
    /// (`$XDG_DATA_HOME` or `~/.local/share` on Linux, `~/Library/Application Support` on
    /// macOS, `%APPDATA%` on Windows) + `lienthong/outbox.sqlite`.
    pub fn default_path() -> PathBuf {
        if let Some(p) = std::env::var_os("LIENTHONG_OUTBOX").filter(|p| !p.is_empty()) {
            return PathBuf::from(p);
        }
        let env = |k: &str| {
            std::env::var_os(k)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
        };
        let base = if cfg!(windows) {
            env("APPDATA")
        } else if cfg!(target_os = "macos") {
            env("HOME").map(|h| h.join("Library/Application Support"))
        } else {
            env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))
        };
        base.unwrap_or_else(|| PathBuf::from("."))
            .join("lienthong")
            .join("outbox.sqlite")
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Calls `hook` at each [`Stage`]; crash tests abort the process there.
    pub fn set_hook(&mut self, hook: impl Fn(Stage) + Send + Sync + 'static) {
        self.hook = Some(Arc::new(hook));
    }

    pub(crate) fn at(&self, stage: Stage) {
        if let Some(h) = &self.hook {
            h(stage);
        }
    }

    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, OutboxError>,
    ) -> Result<T, OutboxError> {
        let mut guard = self
            .conn
            .lock()
            .map_err(|_| OutboxError::Invalid("connection lock poisoned".into()))?;
        f(&mut guard)
    }

    /// Writes one file durably. `ma_lk` and `facility` identify the record the gateway will
    /// keep ("latest version wins"); the same bytes as the latest version are recognised and not
    /// written twice.
    pub fn enqueue(
        &self,
        kind: FileKind,
        generation: Generation,
        facility: &str,
        ma_lk: &str,
        file: &[u8],
        source: Option<&str>,
    ) -> Result<Enqueued, OutboxError> {
        if ma_lk.is_empty() || ma_lk.len() > 100 || facility.is_empty() {
            return Err(OutboxError::Invalid(
                "MA_LK hoặc mã CSKCB rỗng / empty MA_LK or facility".into(),
            ));
        }
        let out = self.with(|c| {
            store::enqueue(
                c,
                &store::NewEntry {
                    kind,
                    generation,
                    facility,
                    ma_lk,
                    file,
                    source,
                },
            )
        })?;
        tracing::debug!(
            id = out.id,
            version = out.version,
            duplicate = out.duplicate,
            "outbox: file written / đã ghi vào hộp thư đi"
        );
        self.at(Stage::Enqueued);
        Ok(out)
    }

    /// Every entry, newest first, optionally only those in `state`.
    pub fn list(&self, state: Option<State>) -> Result<Vec<Entry>, OutboxError> {
        self.with(|c| {
            let sql = format!(
                "SELECT {} FROM entries WHERE (?1 IS NULL OR state=?1) ORDER BY id DESC",
                store::ENTRY_COLUMNS
            );
            let mut st = c.prepare(&sql)?;
            let rows = st.query_map([state.map(State::name)], store::entry_from_row)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    /// One entry.
    pub fn get(&self, id: i64) -> Result<Entry, OutboxError> {
        self.with(|c| {
            let sql = format!("SELECT {} FROM entries WHERE id=?1", store::ENTRY_COLUMNS);
            c.query_row(&sql, [id], store::entry_from_row)
                .optional()?
                .ok_or_else(|| OutboxError::NotFound(format!("#{id}")))
        })
    }

    /// Every version of a `MA_LK` (all facilities and kinds), oldest first, with its attempts.
    pub fn history(&self, ma_lk: &str) -> Result<Vec<(Entry, Vec<Attempt>)>, OutboxError> {
        self.with(|c| {
            let sql = format!(
                "SELECT {} FROM entries WHERE ma_lk=?1 ORDER BY kind, version",
                store::ENTRY_COLUMNS
            );
            let entries: Vec<Entry> = c
                .prepare(&sql)?
                .query_map([ma_lk], store::entry_from_row)?
                .collect::<Result<_, _>>()?;
            let mut out = Vec::with_capacity(entries.len());
            for e in entries {
                let attempts = attempts_of(c, e.id)?;
                out.push((e, attempts));
            }
            Ok(out)
        })
    }

    /// The attempts of one entry, oldest first.
    pub fn attempts(&self, id: i64) -> Result<Vec<Attempt>, OutboxError> {
        self.with(|c| attempts_of(c, id))
    }

    /// The stored bytes of an entry (exactly what is sent).
    pub fn file(&self, id: i64) -> Result<Vec<u8>, OutboxError> {
        self.with(|c| {
            c.query_row("SELECT file FROM entries WHERE id=?1", [id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| OutboxError::NotFound(format!("#{id}")))
        })
    }

    /// Makes `dead` entries (and `unknown` ones waiting for a backoff) of `ma_lk` — or of every
    /// `MA_LK` when `None` — due now. A `rejected` entry is not retried: its content must be
    /// fixed and enqueued as a new version. Returns how many entries changed.
    pub fn retry(&self, ma_lk: Option<&str>) -> Result<usize, OutboxError> {
        let now = store::now_ms();
        self.with(|c| {
            let n = c.execute(
                "UPDATE entries SET state = CASE state WHEN 'dead' THEN 'pending' ELSE state END,
                     attempts = CASE state WHEN 'dead' THEN 0 ELSE attempts END,
                     next_attempt_ms=0, updated_ms=?2
                 WHERE state IN ('dead', 'pending', 'unknown') AND (?1 IS NULL OR ma_lk=?1)",
                params![ma_lk, now],
            )?;
            Ok(n)
        })
    }

    /// Counts per state.
    pub fn counts(&self) -> Result<Vec<(State, u64)>, OutboxError> {
        self.with(|c| {
            let mut st = c.prepare("SELECT state, COUNT(*) FROM entries GROUP BY state")?;
            let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (s, n) = row?;
                if let Some(s) = State::from_name(&s) {
                    out.push((s, n as u64));
                }
            }
            Ok(out)
        })
    }
}

fn attempts_of(c: &Connection, id: i64) -> Result<Vec<Attempt>, OutboxError> {
    let mut st = c.prepare(
        "SELECT n, started_ms, finished_ms, outcome, code, ma_giao_dich, thoi_gian_tiep_nhan,
                error_class, error
         FROM attempts WHERE entry_id=?1 ORDER BY n",
    )?;
    let rows = st.query_map([id], |r| {
        Ok(Attempt {
            n: r.get(0)?,
            started_ms: r.get(1)?,
            finished_ms: r.get(2)?,
            outcome: r.get(3)?,
            code: r.get(4)?,
            ma_giao_dich: r.get(5)?,
            thoi_gian_tiep_nhan: r.get(6)?,
            error_class: r.get(7)?,
            error: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
