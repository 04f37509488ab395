//! The outbox's SQLite store: durable writes, one row per file version, one per attempt.

use super::{Enqueued, Entry, OutboxError, State};
use crate::bhxh::{FileKind, Generation};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    generation TEXT NOT NULL,
    facility TEXT NOT NULL,
    ma_lk TEXT NOT NULL,
    version INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    file BLOB NOT NULL,
    source TEXT,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    code TEXT,
    message TEXT,
    ma_giao_dich TEXT,
    thoi_gian_tiep_nhan TEXT,
    last_error TEXT,
    UNIQUE (facility, kind, ma_lk, version)
);
CREATE INDEX IF NOT EXISTS entries_due ON entries (state, next_attempt_ms);
CREATE INDEX IF NOT EXISTS entries_key ON entries (ma_lk, facility, kind);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    n INTEGER NOT NULL,
    started_ms INTEGER NOT NULL,
    finished_ms INTEGER,
    outcome TEXT NOT NULL,
    code TEXT,
    ma_giao_dich TEXT,
    thoi_gian_tiep_nhan TEXT,
    error_class TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS attempts_entry ON attempts (entry_id);
";

const SCHEMA_VERSION: &str = "1";

pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

pub(crate) fn open(path: &Path) -> Result<Connection, OutboxError> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| OutboxError::Io(e.to_string()))?;
        }
    }
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    // WAL with synchronous=FULL: a commit is on disk when it returns.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.execute_batch(SCHEMA)?;
    let version: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key='schema'", [], |r| {
            r.get(0)
        })
        .optional()?;
    match version.as_deref() {
        None => {
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema', ?1)",
                [SCHEMA_VERSION],
            )?;
        }
        Some(SCHEMA_VERSION) => {}
        Some(other) => {
            return Err(OutboxError::Schema(other.to_string()));
        }
    }
    // Crash recovery: a send that was under way when the process stopped has an unknown outcome.
    let now = now_ms();
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE attempts SET outcome='interrupted', finished_ms=?1
         WHERE outcome='sending'",
        [now],
    )?;
    tx.execute(
        "UPDATE entries SET state='unknown', updated_ms=?1,
             last_error='process stopped during the send / tiến trình dừng khi đang gửi'
         WHERE state='sending'",
        [now],
    )?;
    tx.commit()?;
    Ok(conn)
}

pub(crate) const ENTRY_COLUMNS: &str = "id, kind, generation, facility, ma_lk, version, sha256, \
     source, state, attempts, next_attempt_ms, created_ms, updated_ms, code, message, \
     ma_giao_dich, thoi_gian_tiep_nhan, last_error, length(file)";

pub(crate) fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<Entry> {
    let kind: String = r.get(1)?;
    let generation: String = r.get(2)?;
    let state: String = r.get(8)?;
    Ok(Entry {
        id: r.get(0)?,
        kind: FileKind::from_name(&kind).unwrap_or(FileKind::Claim),
        generation: Generation::from_name(&generation).unwrap_or(Generation::Qd3176),
        facility: r.get(3)?,
        ma_lk: r.get(4)?,
        version: r.get(5)?,
        sha256: r.get(6)?,
        source: r.get(7)?,
        state: State::from_name(&state).unwrap_or(State::Unknown),
        attempts: r.get(9)?,
        next_attempt_ms: r.get(10)?,
        created_ms: r.get(11)?,
        updated_ms: r.get(12)?,
        code: r.get(13)?,
        message: r.get(14)?,
        ma_giao_dich: r.get(15)?,
        thoi_gian_tiep_nhan: r.get(16)?,
        last_error: r.get(17)?,
        file_bytes: r.get::<_, i64>(18)? as u64,
    })
}

pub(crate) struct NewEntry<'a> {
    pub kind: FileKind,
    pub generation: Generation,
    pub facility: &'a str,
    pub ma_lk: &'a str,
    pub file: &'a [u8],
    pub source: Option<&'a str>,
}

/// Writes a new version (or recognises the same bytes as the latest version) in one transaction.
pub(crate) fn enqueue(conn: &mut Connection, e: &NewEntry<'_>) -> Result<Enqueued, OutboxError> {
    let sha = crate::hex::sha256(e.file);
    let now = now_ms();
    let tx = conn.transaction()?;
    let latest: Option<(i64, u32, String, String)> = tx
        .query_row(
            "SELECT id, version, sha256, state FROM entries
             WHERE facility=?1 AND kind=?2 AND ma_lk=?3 ORDER BY version DESC LIMIT 1",
            params![e.facility, e.kind.name(), e.ma_lk],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((id, version, sha_latest, state)) = &latest {
        if *sha_latest == sha && state != "superseded" {
            return Ok(Enqueued {
                id: *id,
                version: *version,
                duplicate: true,
            });
        }
    }
    let version = latest.map_or(1, |l| l.1 + 1);
    // An older version not yet sent (or waiting to be resent) will never be sent: the newest
    // version wins. One in flight is caught when it comes back (see `dispatch`).
    tx.execute(
        "UPDATE entries SET state='superseded', updated_ms=?4
         WHERE facility=?1 AND kind=?2 AND ma_lk=?3 AND state IN ('pending', 'unknown')",
        params![e.facility, e.kind.name(), e.ma_lk, now],
    )?;
    tx.execute(
        "INSERT INTO entries (kind, generation, facility, ma_lk, version, sha256, file, source,
             state, created_ms, updated_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', ?9, ?9)",
        params![
            e.kind.name(),
            e.generation.name(),
            e.facility,
            e.ma_lk,
            version,
            sha,
            e.file,
            e.source,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    Ok(Enqueued {
        id,
        version,
        duplicate: false,
    })
}
