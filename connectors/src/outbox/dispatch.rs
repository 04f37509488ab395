//! Sending what the outbox holds, one file at a time, recording every attempt.

use super::store::{self, now_ms};
use super::{Entry, Outbox, OutboxError, Stage, State};
use crate::bhxh::{GatewayClient, GatewayError, RetryPolicy};
use rusqlite::{params, OptionalExtension};
use std::time::{Duration, Instant};

/// How [`Outbox::dispatch`] sends.
#[derive(Debug, Clone)]
pub struct DispatchOptions {
    /// Attempts per entry before it is `dead`.
    pub max_attempts: u32,
    /// Backoff between attempts of one entry (its `max_attempts` is not used here).
    pub backoff: RetryPolicy,
    /// Wait for entries whose next attempt is in the future (until `deadline`), instead of
    /// returning as soon as nothing is due.
    pub wait: bool,
    /// The longest a dispatch runs.
    pub deadline: Duration,
}

impl Default for DispatchOptions {
    fn default() -> Self {
        DispatchOptions {
            max_attempts: 8,
            backoff: RetryPolicy::default(),
            wait: true,
            deadline: Duration::from_secs(600),
        }
    }
}

/// What a dispatch did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DispatchSummary {
    pub attempts: u32,
    pub accepted: u32,
    pub rejected: u32,
    pub dead: u32,
    pub superseded: u32,
    /// Entries still pending or unknown when the dispatch stopped.
    pub left: u32,
}

impl Outbox {
    /// Sends every due entry through `client`, check-ins first, oldest first, until nothing is
    /// left to send (or, with `wait`, until every entry is final or the deadline passes).
    /// `progress` sees each entry after each attempt.
    ///
    /// Stops early, leaving entries to a later dispatch, when the account cannot log in or the
    /// configuration is unusable: those failures are not the file's.
    pub async fn dispatch(
        &self,
        client: &GatewayClient,
        opts: &DispatchOptions,
        mut progress: impl FnMut(&Entry),
    ) -> Result<DispatchSummary, GatewayDispatchError> {
        let started = Instant::now();
        let mut sum = DispatchSummary::default();
        // Versions a crash or an older Lienthong left behind a newer one; after this, enqueue
        // and the check below keep it so.
        sum.superseded += self.supersede_stale()?;
        loop {
            let Some(entry) = self.next_due()? else {
                let next = self.next_wakeup()?;
                match next {
                    Some(at) if opts.wait => {
                        let wait = Duration::from_millis((at - now_ms()).max(0) as u64);
                        if started.elapsed() + wait > opts.deadline {
                            break;
                        }
                        tokio::time::sleep(wait.max(Duration::from_millis(5))).await;
                        continue;
                    }
                    _ => break,
                }
            };
            if started.elapsed() > opts.deadline {
                break;
            }
            // A newer version arrived while this one was in flight: never send it again.
            if self.has_newer_version(&entry)? {
                self.mark_superseded(entry.id)?;
                sum.superseded += 1;
                continue;
            }
            let file = self.file(entry.id)?;
            let n = self.mark_sending(entry.id)?;
            self.at(Stage::MarkedSending);
            sum.attempts += 1;
            let result = client
                .send_file(entry.kind, entry.generation, &file, &RetryPolicy::none())
                .await;
            self.at(Stage::Answered);
            let updated = match result {
                Ok(receipt) => {
                    sum.accepted += 1;
                    self.finish(entry.id, n, Finish::Accepted(&receipt))?
                }
                Err(e) => match e {
                    GatewayError::Rejected { .. } => {
                        sum.rejected += 1;
                        self.finish(entry.id, n, Finish::Rejected(&e))?
                    }
                    GatewayError::Login { .. }
                    | GatewayError::Config(_)
                    | GatewayError::Tls { .. }
                    | GatewayError::Session { .. } => {
                        // Not the file's fault: put it back as it was and stop.
                        self.finish(entry.id, n, Finish::Aborted(&e))?;
                        return Err(GatewayDispatchError::Gateway(e));
                    }
                    _ => {
                        let dead = n >= opts.max_attempts;
                        if dead {
                            sum.dead += 1;
                        }
                        let wait = opts.backoff.backoff(n, e.retry_after());
                        self.finish(
                            entry.id,
                            n,
                            Finish::Failed {
                                error: &e,
                                dead,
                                wait,
                            },
                        )?
                    }
                },
            };
            progress(&updated);
        }
        sum.left = self.with(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM entries WHERE state IN ('pending','unknown','sending')",
                [],
                |r| r.get::<_, i64>(0),
            )? as u32)
        })?;
        Ok(sum)
    }

    /// Marks as superseded every `pending`/`unknown` entry that is not the newest version of its
    /// (facility, kind, `MA_LK`): an older version must never reach the gateway after a newer one.
    fn supersede_stale(&self) -> Result<u32, OutboxError> {
        let now = now_ms();
        self.with(|c| {
            Ok(c.execute(
                "UPDATE entries SET state='superseded', updated_ms=?1
                 WHERE state IN ('pending','unknown') AND EXISTS (
                     SELECT 1 FROM entries AS newer
                     WHERE newer.facility=entries.facility AND newer.kind=entries.kind
                       AND newer.ma_lk=entries.ma_lk AND newer.version>entries.version)",
                [now],
            )? as u32)
        })
    }

    fn has_newer_version(&self, e: &Entry) -> Result<bool, OutboxError> {
        self.with(|c| {
            Ok(c.query_row(
                "SELECT EXISTS (SELECT 1 FROM entries WHERE facility=?1 AND kind=?2 AND ma_lk=?3
                     AND version>?4)",
                params![e.facility, e.kind.name(), e.ma_lk, e.version],
                |r| r.get(0),
            )?)
        })
    }

    fn mark_superseded(&self, id: i64) -> Result<(), OutboxError> {
        let now = now_ms();
        self.with(|c| {
            c.execute(
                "UPDATE entries SET state='superseded', updated_ms=?2 WHERE id=?1",
                params![id, now],
            )?;
            Ok(())
        })
    }

    fn next_due(&self) -> Result<Option<Entry>, OutboxError> {
        let now = now_ms();
        self.with(|c| {
            let sql = format!(
                "SELECT {} FROM entries WHERE state IN ('pending','unknown') AND next_attempt_ms<=?1
                 ORDER BY CASE kind WHEN 'checkin' THEN 0 ELSE 1 END, id LIMIT 1",
                store::ENTRY_COLUMNS
            );
            Ok(c.query_row(&sql, [now], store::entry_from_row).optional()?)
        })
    }

    fn next_wakeup(&self) -> Result<Option<i64>, OutboxError> {
        self.with(|c| {
            Ok(c.query_row(
                "SELECT MIN(next_attempt_ms) FROM entries WHERE state IN ('pending','unknown')",
                [],
                |r| r.get::<_, Option<i64>>(0),
            )?)
        })
    }

    /// Records the start of an attempt (committed before the request leaves).
    fn mark_sending(&self, id: i64) -> Result<u32, OutboxError> {
        let now = now_ms();
        self.with(|c| {
            let tx = c.transaction()?;
            let n: u32 = tx.query_row(
                "UPDATE entries SET state='sending', attempts=attempts+1, updated_ms=?2
                 WHERE id=?1 RETURNING attempts",
                params![id, now],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO attempts (entry_id, n, started_ms, outcome) VALUES (?1, ?2, ?3, 'sending')",
                params![id, n, now],
            )?;
            tx.commit()?;
            Ok(n)
        })
    }

    fn finish(&self, id: i64, n: u32, how: Finish<'_>) -> Result<Entry, OutboxError> {
        let now = now_ms();
        self.with(|c| {
            let tx = c.transaction()?;
            match how {
                Finish::Accepted(r) => {
                    tx.execute(
                        "UPDATE attempts SET outcome='accepted', finished_ms=?3, code=?4,
                             ma_giao_dich=?5, thoi_gian_tiep_nhan=?6
                         WHERE entry_id=?1 AND n=?2",
                        params![id, n, now, r.code, r.ma_giao_dich, r.thoi_gian_tiep_nhan],
                    )?;
                    tx.execute(
                        "UPDATE entries SET state='accepted', updated_ms=?2, code=?3, message=?4,
                             ma_giao_dich=?5, thoi_gian_tiep_nhan=?6, last_error=NULL
                         WHERE id=?1",
                        params![
                            id,
                            now,
                            r.code,
                            r.message,
                            r.ma_giao_dich,
                            r.thoi_gian_tiep_nhan
                        ],
                    )?;
                }
                Finish::Rejected(e) => {
                    let (code, message) = match e {
                        GatewayError::Rejected { code, message, .. } => {
                            (code.clone(), message.clone())
                        }
                        _ => (String::new(), e.to_string()),
                    };
                    tx.execute(
                        "UPDATE attempts SET outcome='rejected', finished_ms=?3, code=?4,
                             error_class='rejected', error=?5
                         WHERE entry_id=?1 AND n=?2",
                        params![id, n, now, code, message],
                    )?;
                    tx.execute(
                        "UPDATE entries SET state='rejected', updated_ms=?2, code=?3, message=?4,
                             last_error=NULL
                         WHERE id=?1",
                        params![id, now, code, message],
                    )?;
                }
                Finish::Failed { error, dead, wait } => {
                    let unknown = error.outcome_unknown();
                    let outcome = if unknown { "unknown" } else { "failed" };
                    let state = if dead {
                        State::Dead
                    } else if unknown {
                        State::Unknown
                    } else {
                        State::Pending
                    };
                    // An unknown outcome stays unknown until a later send settles it.
                    let prior_unknown: bool = tx.query_row(
                        "SELECT EXISTS (SELECT 1 FROM attempts WHERE entry_id=?1
                             AND outcome IN ('unknown','interrupted'))",
                        [id],
                        |r| r.get(0),
                    )?;
                    let state = if state == State::Pending && prior_unknown {
                        State::Unknown
                    } else {
                        state
                    };
                    let text = error.to_string();
                    tx.execute(
                        "UPDATE attempts SET outcome=?3, finished_ms=?4, code=?5, error_class=?6,
                             error=?7
                         WHERE entry_id=?1 AND n=?2",
                        params![
                            id,
                            n,
                            outcome,
                            now,
                            error.code(),
                            error.class().name(),
                            text
                        ],
                    )?;
                    tx.execute(
                        "UPDATE entries SET state=?2, updated_ms=?3, next_attempt_ms=?4,
                             code=?5, last_error=?6
                         WHERE id=?1",
                        params![
                            id,
                            state.name(),
                            now,
                            now + wait.as_millis() as i64,
                            error.code(),
                            format!("{}: {text}", error.class())
                        ],
                    )?;
                }
                Finish::Aborted(e) => {
                    let text = e.to_string();
                    tx.execute(
                        "UPDATE attempts SET outcome='failed', finished_ms=?3, error_class=?4,
                             error=?5
                         WHERE entry_id=?1 AND n=?2",
                        params![id, n, now, e.class().name(), text],
                    )?;
                    // The request never carried the file (login failed first): no attempt used.
                    tx.execute(
                        "UPDATE entries SET state = CASE WHEN EXISTS (SELECT 1 FROM attempts
                                 WHERE entry_id=?1 AND outcome IN ('unknown','interrupted'))
                                 THEN 'unknown' ELSE 'pending' END,
                             updated_ms=?2, last_error=?3
                         WHERE id=?1",
                        params![id, now, format!("{}: {text}", e.class())],
                    )?;
                }
            }
            tx.commit()?;
            Ok(())
        })?;
        self.get(id)
    }
}

enum Finish<'a> {
    Accepted(&'a crate::bhxh::Receipt),
    Rejected(&'a GatewayError),
    Failed {
        error: &'a GatewayError,
        dead: bool,
        wait: Duration,
    },
    Aborted(&'a GatewayError),
}

/// Why a dispatch stopped before the outbox was settled.
#[derive(Debug, Clone, thiserror::Error)]
pub enum GatewayDispatchError {
    #[error(transparent)]
    Outbox(#[from] OutboxError),
    #[error(transparent)]
    Gateway(GatewayError),
}

#[cfg(test)]
impl Outbox {
    pub(crate) fn mark_sending_for_tests(&self, id: i64) -> u32 {
        self.mark_sending(id).unwrap()
    }
}
