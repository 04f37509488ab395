//! The BHXH appraisal gateway client (`egw.baohiemxahoi.gov.vn`), after
//! `shared/research/connectors.md` part A.
//!
//! - Sessions: `POST /api/token/take` with the MD5 of the password; the token is cached and
//!   renewed a minute before its 10-minute expiry; a session error (HTTP 401, or `maKetQua` 401 in
//!   HTTP 200) drops it, logs in again and repeats the call exactly once.
//! - Card check (`KQNhanLichSuKCB2024`) and visit history (`Lskcb2025`) with typed results.
//! - Check-in (`loaiHoSo=0`) and claim submission (`loaiHoSo=130`) to the endpoint generation of
//!   the file's rule pack; the legacy QĐ 4210 submission for replays.
//! - Errors: one [`GatewayError`] variant per failure class; only transient failures are retried
//!   (exponential backoff with jitter, `Retry-After`, an overall deadline); a file the gateway
//!   rejected for its content is never retried.
//! - Security: TLS verified; plain `http://` only to loopback; credentials and tokens are
//!   [`Secret`](crate::secret::Secret)s; URLs (with their query strings) and bodies never reach
//!   logs or error text.

mod client;
mod config;
mod error;
mod wire;

pub use client::{generation_of, CardQuery, FileKind, GatewayClient, Generation};
pub use config::{Account, GatewayConfig, Officer, RetryPolicy, PRODUCTION_URL, TRAINING_URL};
pub use error::{Delivery, ErrorClass, GatewayError};
pub use wire::{file_code_meaning, CardCheck, CardStatus, PastVisit, Receipt};
