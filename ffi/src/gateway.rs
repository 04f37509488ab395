//! The BHXH gateway client (`lienthong_gateway`): card checks, direct submissions and check-ins,
//! each call blocking the caller on a tokio runtime owned by the handle.

use crate::error::{lienthong_error, lienthong_status, Error, GatewayDetail};
use crate::ffi::{
    boundary, boundary_or, bytes_arg, free_boxed, lienthong_str, opt_str_arg, str_arg,
    to_boxed_ptr, try_mut, try_ref, write_out, Castable,
};
use crate::log::{lienthong_log_callback, lienthong_log_level, log, Logger};
use lienthong_connectors::bhxh::{
    generation_of, Account, CardCheck, CardQuery, GatewayClient, GatewayConfig, GatewayError,
    Generation, Officer, Receipt,
};
use lienthong_connectors::secret::Secret;
use std::ffi::{c_char, c_void};
use std::future::Future;
use std::time::Duration;

/// Splits the connectors' bilingual text `"vi / en"` at its first separator.
fn split_bilingual(text: &str) -> (String, String) {
    match text.split_once(" / ") {
        Some((vi, en)) => (vi.to_string(), en.to_string()),
        None => (text.to_string(), text.to_string()),
    }
}

/// The Vietnamese and English messages of a gateway error. They hold routes, codes, HTTP statuses
/// and the gateway's own message: never credentials, tokens, URLs with query strings or bodies.
fn messages(e: &GatewayError) -> (String, String) {
    match e {
        GatewayError::Config(detail) => {
            let (vi, en) = split_bilingual(detail);
            (
                format!("cấu hình cổng không hợp lệ: {vi}"),
                format!("invalid gateway configuration: {en}"),
            )
        }
        GatewayError::Rejected {
            route,
            code,
            message,
        } => (
            format!("cổng từ chối (mã {code}) tại {route}: {message}"),
            format!("rejected by the gateway (code {code}) at {route}: {message}"),
        ),
        GatewayError::GaveUp { attempts, last } => {
            let (vi, en) = messages(last);
            (
                format!("đã thử {attempts} lần, không thành công: {vi}"),
                format!("gave up after {attempts} attempts: {en}"),
            )
        }
        other => split_bilingual(&other.to_string()),
    }
}

/// The innermost error of a `GaveUp`, which decides the status.
fn last_of(e: &GatewayError) -> &GatewayError {
    match e {
        GatewayError::GaveUp { last, .. } => last_of(last),
        other => other,
    }
}

/// A gateway error as a `lienthong_error`, one status per failure class.
pub(crate) fn gateway_error(e: &GatewayError) -> Error {
    use lienthong_status as S;
    let status = match last_of(e) {
        GatewayError::Config(_) => S::GatewayConfig,
        GatewayError::Transport { .. } => S::GatewayTransport,
        GatewayError::Timeout { .. } => S::GatewayTimeout,
        GatewayError::Tls { .. } => S::GatewayTls,
        GatewayError::Session { .. } | GatewayError::Login { .. } => S::GatewaySession,
        GatewayError::Rejected { .. } => S::GatewayRejected,
        GatewayError::Server { .. } => S::GatewayServer,
        GatewayError::InvalidResponse { .. } | GatewayError::GaveUp { .. } => {
            S::GatewayInvalidResponse
        }
    };
    let (vi, en) = messages(e);
    let mut err = Error::new(status, vi, en);
    err.gateway = Some(Box::new(GatewayDetail {
        code: e.code().unwrap_or_default().to_string(),
        message: match last_of(e) {
            GatewayError::Rejected { message, .. } => message.clone(),
            _ => String::new(),
        },
        transient: e.is_transient(),
        outcome_unknown: e.outcome_unknown(),
    }));
    err
}

/// Passes the connectors' `tracing` events (session taken, retries, answers: never credentials,
/// URLs or bodies) to a handle's log callback, for the duration of one call on the calling thread.
struct LogBridge(Logger);

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        use std::fmt::Write as _;
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

fn level_of(level: &tracing::Level) -> lienthong_log_level {
    match *level {
        tracing::Level::ERROR => lienthong_log_level::Error,
        tracing::Level::WARN => lienthong_log_level::Warn,
        tracing::Level::INFO => lienthong_log_level::Info,
        _ => lienthong_log_level::Debug,
    }
}

impl tracing::Subscriber for LogBridge {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        metadata.target().starts_with("lienthong") && self.0.enabled(level_of(metadata.level()))
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields(String::new());
        event.record(&mut fields);
        self.0.log(level_of(event.metadata().level()), &fields.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

/// The Rust side of `lienthong_gateway`.
pub(crate) struct GatewayCell {
    cfg: GatewayConfig,
    client: GatewayClient,
    runtime: tokio::runtime::Runtime,
    pub(crate) logger: Option<Logger>,
}

impl std::fmt::Debug for GatewayCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayCell")
            .field("client", &self.client)
            .finish_non_exhaustive()
    }
}

impl GatewayCell {
    /// Runs `fut` to completion on the handle's runtime, blocking the calling thread; the
    /// connectors' log events go to the handle's callback, on this thread.
    pub(crate) fn block_on<F: Future>(&self, fut: F) -> F::Output {
        match self.logger {
            Some(logger) => {
                let dispatch = tracing::Dispatch::new(LogBridge(logger));
                tracing::dispatcher::with_default(&dispatch, || self.runtime.block_on(fut))
            }
            None => self.runtime.block_on(fut),
        }
    }

    pub(crate) fn client(&self) -> &GatewayClient {
        &self.client
    }

    /// Applies a change to the configuration: the client is rebuilt (and the session dropped);
    /// on failure nothing changes.
    fn reconfigure(&mut self, change: impl FnOnce(&mut GatewayConfig)) -> Result<(), Error> {
        let mut cfg = self.cfg.clone();
        change(&mut cfg);
        let client = {
            let _guard = self.runtime.enter();
            GatewayClient::new(cfg.clone()).map_err(|e| gateway_error(&e))?
        };
        self.cfg = cfg;
        self.client = client;
        Ok(())
    }

    fn log(&self, level: lienthong_log_level, message: impl FnOnce() -> String) {
        log(&self.logger, level, message);
    }
}

/// A client of the BHXH appraisal gateway for one facility account.
///
/// Owned by the caller; free it with `lienthong_gateway_free`. Every network call blocks the
/// calling thread until it finishes (retries included) and runs on a small runtime owned by the
/// handle (two worker threads, stopped by `_free`). Once configured, one gateway may be used from
/// several threads at once (calls, `lienthong_outbox_dispatch`): they share one session. The
/// `_set_*` and `_add_*` calls must not run while another thread uses the handle.
#[derive(Debug)]
pub struct lienthong_gateway {
    _private: [u8; 0],
}

impl Castable for lienthong_gateway {
    type Rust = GatewayCell;
}

/// A gateway client for `url` (`https://egw.baohiemxahoi.gov.vn`; plain `http://` only to a
/// loopback address such as the sandbox) and the account of `facility` (`maCSKCB`, 5 characters):
/// `username` (NULL: the conventional `<facility>_BV`) with `password`. The password is copied
/// into memory that is wiped when the gateway is freed (only its MD5 is ever sent); the caller's
/// buffer is not kept. Nothing is sent yet. A configuration that cannot be used gives
/// `LIENTHONG_STATUS_GATEWAY_CONFIG`.
///
/// Defaults: connect timeout 5 s, request timeout 60 s, 5 attempts per call for transient
/// failures (backoff 0.5 s doubling up to 30 s, 300 s in all); no clerk (needed for card checks).
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_new(
    url: *const c_char,
    facility: *const c_char,
    username: *const c_char,
    password: *const c_char,
    gateway_out: *mut *mut lienthong_gateway,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        if gateway_out.is_null() {
            return Err(Error::null("gateway_out"));
        }
        // SAFETY: each string is NULL or a C string, per the header.
        let (url, facility, username, password) = unsafe {
            (
                str_arg(url, "url")?,
                str_arg(facility, "facility")?,
                opt_str_arg(username, "username")?,
                str_arg(password, "password")?,
            )
        };
        let mut account = Account::for_facility(facility, Secret::new(password));
        if let Some(u) = username {
            account.username = u.to_string();
        }
        let cfg = GatewayConfig::new(url, account);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("lienthong-gateway")
            .enable_all()
            .build()
            .map_err(|e| Error::io("the gateway runtime", &e))?;
        let client = {
            let _guard = runtime.enter();
            GatewayClient::new(cfg.clone()).map_err(|e| gateway_error(&e))?
        };
        let cell = GatewayCell {
            cfg,
            client,
            runtime,
            logger: None,
        };
        // SAFETY: `gateway_out` is not NULL and writable, per the header.
        unsafe { write_out(gateway_out, to_boxed_ptr::<lienthong_gateway>(cell)) }
    })
}

/// The gateway behind a mutable handle argument.
///
/// # Safety
/// `gateway` is NULL or a live gateway no other thread uses.
unsafe fn gateway_mut<'a>(gateway: *mut lienthong_gateway) -> Result<&'a mut GatewayCell, Error> {
    // SAFETY: forwarded contract.
    unsafe { try_mut(gateway) }.ok_or_else(|| Error::null("gateway"))
}

/// The gateway behind a shared handle argument.
///
/// # Safety
/// `gateway` is NULL or a live gateway.
pub(crate) unsafe fn gateway_ref<'a>(
    gateway: *const lienthong_gateway,
) -> Result<&'a GatewayCell, Error> {
    // SAFETY: forwarded contract.
    unsafe { try_ref(gateway) }.ok_or_else(|| Error::null("gateway"))
}

/// Sets the clerk whose full name (as registered) and 12-digit CCCD go with card checks
/// (`hoTenCb`, `cccdCb`). Required by `lienthong_gateway_check_card`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_set_officer(
    gateway: *mut lienthong_gateway,
    name: *const c_char,
    cccd: *const c_char,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `gateway` is NULL or a live gateway no other thread uses, per the header.
        let g = unsafe { gateway_mut(gateway) }?;
        // SAFETY: `name` and `cccd` are NULL or C strings, per the header.
        let (name, cccd) = unsafe { (str_arg(name, "name")?, str_arg(cccd, "cccd")?) };
        let officer = Officer {
            name: name.to_string(),
            cccd: cccd.to_string(),
        };
        g.reconfigure(|c| c.officer = Some(officer))
    })
}

/// Trusts one more root certificate (PEM text), for a gateway whose certificate does not chain
/// to the system's roots (the sandbox's `--cert-out` file, a hospital's TLS proxy). An unreadable
/// PEM gives `LIENTHONG_STATUS_GATEWAY_CONFIG` and changes nothing.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_add_root_pem(
    gateway: *mut lienthong_gateway,
    pem: *const c_char,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `gateway` is NULL or a live gateway no other thread uses, per the header.
        let g = unsafe { gateway_mut(gateway) }?;
        // SAFETY: `pem` is NULL or a C string, per the header.
        let pem = unsafe { str_arg(pem, "pem") }?.to_string();
        g.reconfigure(|c| c.extra_roots_pem.push(pem))
    })
}

/// Sets the time allowed to connect and for one request (sending to the end of the answer), in
/// milliseconds; 0 keeps the current value.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_set_timeouts(
    gateway: *mut lienthong_gateway,
    connect_ms: u64,
    request_ms: u64,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `gateway` is NULL or a live gateway no other thread uses, per the header.
        let g = unsafe { gateway_mut(gateway) }?;
        g.reconfigure(|c| {
            if connect_ms > 0 {
                c.connect_timeout = Duration::from_millis(connect_ms);
            }
            if request_ms > 0 {
                c.request_timeout = Duration::from_millis(request_ms);
            }
        })
    })
}

/// Sets how transient failures (network, timeouts, server errors) of one call are retried:
/// `max_attempts` in all (1: no retry; 0 is refused), a backoff starting at `base_delay_ms` and
/// doubling (with jitter) up to `max_delay_ms`, and no new attempt `deadline_ms` after the first.
/// Rejections and login errors are never retried.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_set_retry(
    gateway: *mut lienthong_gateway,
    max_attempts: u32,
    base_delay_ms: u64,
    max_delay_ms: u64,
    deadline_ms: u64,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `gateway` is NULL or a live gateway no other thread uses, per the header.
        let g = unsafe { gateway_mut(gateway) }?;
        if max_attempts == 0 {
            return Err(Error::new(
                lienthong_status::InvalidArgument,
                "max_attempts phải từ 1 trở lên",
                "max_attempts must be at least 1",
            ));
        }
        g.reconfigure(|c| {
            c.retry.max_attempts = max_attempts;
            c.retry.base_delay = Duration::from_millis(base_delay_ms);
            c.retry.max_delay = Duration::from_millis(max_delay_ms);
            c.retry.deadline = Duration::from_millis(deadline_ms);
        })
    })
}

/// Sets the log callback of the gateway (NULL: no logging), as `lienthong_validator_set_log`.
/// Messages (logins, answers, retries, outbox steps) never hold credentials, tokens or patient
/// data. They are passed on the thread that made the call.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_set_log(
    gateway: *mut lienthong_gateway,
    callback: lienthong_log_callback,
    user: *mut c_void,
    max_level: lienthong_log_level,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `gateway` is NULL or a live gateway no other thread uses, per the header.
        let g = unsafe { gateway_mut(gateway) }?;
        g.logger = Logger::new(callback, user, max_level);
        Ok(())
    })
}

/// Frees a gateway: stops its runtime (waiting for its threads) and wipes the password. NULL is
/// fine. No other thread may be using it.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_free(gateway: *mut lienthong_gateway) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a gateway it owns and no longer uses.
        unsafe { free_boxed(gateway) }
    })
}

/// Logs in now (`/api/token/take`), replacing any session. Not needed before other calls, which
/// log in when they must; useful to check an account. A wrong username or password gives
/// `LIENTHONG_STATUS_GATEWAY_SESSION` with the gateway's code (`401`).
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_login(
    gateway: *const lienthong_gateway,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `gateway` is NULL or a live gateway, per the header.
        let g = unsafe { gateway_ref(gateway) }?;
        g.log(lienthong_log_level::Info, || "logging in".into());
        g.block_on(g.client.login()).map_err(|e| {
            let err = gateway_error(&e);
            g.log(lienthong_log_level::Error, || err.message_en.clone());
            err
        })
    })
}

/// The Rust side of `lienthong_card_check`.
#[derive(Debug)]
pub(crate) struct CardCheckCell(CardCheck);

/// The answer to a card check: the gateway's code and what it means, and the card's details.
///
/// Owned by the caller; free it with `lienthong_card_check_free`. Immutable: it may be read from
/// several threads at once. It holds patient data (the card's details): handle it accordingly.
#[derive(Debug)]
pub struct lienthong_card_check {
    _private: [u8; 0],
}

impl Castable for lienthong_card_check {
    type Rust = CardCheckCell;
}

/// Checks a card (`KQNhanLichSuKCB2024`): `card` is the 15-character card number (or the 10-digit
/// social-insurance number, or the 12-digit CCCD), `name` the full name with diacritics,
/// `birth_date` `dd/MM/yyyy` (or `yyyy`). Needs the clerk (`lienthong_gateway_set_officer`).
///
/// Every answer about the card (valid, expired, wrong name, ...) is a success: read it from the
/// result. Request errors (the clerk not registered, malformed parameters) give
/// `LIENTHONG_STATUS_GATEWAY_REJECTED` with the code.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_check_card(
    gateway: *const lienthong_gateway,
    card: *const c_char,
    name: *const c_char,
    birth_date: *const c_char,
    check_out: *mut *mut lienthong_card_check,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `gateway` is NULL or a live gateway, per the header.
        let g = unsafe { gateway_ref(gateway) }?;
        // SAFETY: the strings are NULL or C strings, per the header.
        let q = unsafe {
            CardQuery {
                card: str_arg(card, "card")?.to_string(),
                name: str_arg(name, "name")?.to_string(),
                birth_date: str_arg(birth_date, "birth_date")?.to_string(),
            }
        };
        if check_out.is_null() {
            return Err(Error::null("check_out"));
        }
        g.log(lienthong_log_level::Info, || "checking a card".into());
        let check = g.block_on(g.client.check_card(&q)).map_err(|e| {
            let err = gateway_error(&e);
            g.log(lienthong_log_level::Error, || err.message_en.clone());
            err
        })?;
        g.log(lienthong_log_level::Info, || {
            format!("card check answered {}", check.code)
        });
        // SAFETY: `check_out` is not NULL and writable, per the header.
        unsafe {
            write_out(
                check_out,
                to_boxed_ptr::<lienthong_card_check>(CardCheckCell(check)),
            )
        }
    })
}

/// A view of one optional string of a card check (empty when absent or for NULL).
fn card_view(
    check: *const lienthong_card_check,
    get: impl FnOnce(&CardCheck) -> Option<&str>,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the callers pass NULL or a live card check, per the header.
        unsafe { try_ref(check) }
            .and_then(|c| get(&c.0))
            .map_or(lienthong_str::empty(), lienthong_str::from_str)
    })
}

/// The gateway's code (`maKetQua`): `000` valid, `001`/`002` valid (check an identity document),
/// `003`/`004` a new card was issued, `010` expired, `050` no such card, `060`/`061` wrong name,
/// `070` wrong birth date, ... Empty for NULL. Valid until the card check is freed (as every view
/// below).
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_code(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| Some(&c.code))
}

/// Whether the visit may be covered (codes `000` to `004`). False for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_is_usable(
    check: *const lienthong_card_check,
) -> bool {
    boundary_or(false, || {
        // SAFETY: the caller passes NULL or a live card check.
        unsafe { try_ref(check) }.is_some_and(|c| c.0.status.is_usable())
    })
}

/// What the code means, in Vietnamese.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_meaning_vi(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| Some(c.status.meaning().0))
}

/// What the code means, in English.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_meaning_en(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| Some(c.status.meaning().1))
}

/// The gateway's note on the card (`ghiChu`), to show to staff as it is. Empty when absent.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_note(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| c.note.as_deref())
}

/// The card number the gateway holds (`maThe`). Empty when absent.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_card(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| c.card.as_deref())
}

/// Start of the card's validity, `dd/MM/yyyy` (`gtTheTu`). Empty when absent.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_valid_from(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| c.valid_from.as_deref())
}

/// End of the card's validity, `dd/MM/yyyy` (`gtTheDen`). Empty when absent.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_valid_to(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| c.valid_to.as_deref())
}

/// The registered primary-care facility (`maDKBD`). Empty when absent.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_primary_facility(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| c.primary_facility.as_deref())
}

/// For codes `003`/`004`: the new card (`maTheMoi`). Empty otherwise.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_new_card(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| c.new_card.as_deref())
}

/// For codes `003`/`004`: start of the new card's validity (`gtTheTuMoi`). Empty otherwise.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_new_valid_from(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| c.new_valid_from.as_deref())
}

/// For codes `003`/`004`: end of the new card's validity (`gtTheDenMoi`). Empty otherwise.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_new_valid_to(
    check: *const lienthong_card_check,
) -> lienthong_str {
    card_view(check, |c| c.new_valid_to.as_deref())
}

/// Frees a card check. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_card_check_free(check: *mut lienthong_card_check) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a card check it owns and no longer uses.
        unsafe { free_boxed(check) }
    })
}

/// The gateway's receipt for a file it accepted: its code (`200`), the transaction id
/// (`maGiaoDich`) and the time it was received (`thoiGianTiepNhan`). Keep both with the exact
/// bytes sent: they are the evidence of submission.
///
/// Owned by the caller; free it with `lienthong_receipt_free`. Immutable.
#[derive(Debug)]
pub struct lienthong_receipt {
    _private: [u8; 0],
}

impl Castable for lienthong_receipt {
    type Rust = Receipt;
}

fn send(
    gateway: *const lienthong_gateway,
    data: *const u8,
    len: usize,
    receipt_out: *mut *mut lienthong_receipt,
    what: &str,
    call: impl FnOnce(&GatewayCell, &[u8]) -> Result<Receipt, GatewayError>,
) -> Result<(), Error> {
    // SAFETY: `gateway` is NULL or a live gateway, per the header of every caller.
    let g = unsafe { gateway_ref(gateway) }?;
    // SAFETY: `data` is NULL or valid for `len` bytes, per the header of every caller.
    let file = unsafe { bytes_arg(data, len, "data") }?;
    if receipt_out.is_null() {
        return Err(Error::null("receipt_out"));
    }
    g.log(lienthong_log_level::Info, || {
        format!("sending a {what} of {} bytes", file.len())
    });
    let receipt = call(g, file).map_err(|e| {
        let err = gateway_error(&e);
        g.log(lienthong_log_level::Error, || err.message_en.clone());
        err
    })?;
    g.log(lienthong_log_level::Info, || {
        format!(
            "accepted: code {}, maGiaoDich {}",
            receipt.code, receipt.ma_giao_dich
        )
    });
    // SAFETY: `receipt_out` is not NULL and writable, per the header of every caller.
    unsafe { write_out(receipt_out, to_boxed_ptr::<lienthong_receipt>(receipt)) }
}

/// Sends one claim file (`len` bytes at `data`: a `GIAMDINHHS` envelope, signed, as from
/// `lienthong_sign`) straight to the gateway (`loaiHoSo=130`), to the endpoint of the file's rule
/// pack, retrying transient failures. Blocks until the gateway answers or retries run out.
///
/// Nothing is recorded: prefer the outbox (`lienthong_outbox_enqueue_claims` and
/// `lienthong_outbox_dispatch`), which keeps every file and its fate across restarts. A file the
/// gateway refuses gives `LIENTHONG_STATUS_GATEWAY_REJECTED` with its code and message.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_submit(
    gateway: *const lienthong_gateway,
    data: *const u8,
    len: usize,
    receipt_out: *mut *mut lienthong_receipt,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        send(gateway, data, len, receipt_out, "claim file", |g, file| {
            g.block_on(g.client.submit(file))
        })
    })
}

/// Sends one check-in document (`loaiHoSo=0`, `len` bytes at `data`) to the check-in function of
/// `generation` (`"4750"` or `"3176"`; NULL: from the file, else `"3176"`), retrying transient
/// failures, as `lienthong_gateway_submit`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_gateway_check_in(
    gateway: *const lienthong_gateway,
    data: *const u8,
    len: usize,
    generation: *const c_char,
    receipt_out: *mut *mut lienthong_receipt,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `generation` is NULL or a C string, per the header.
        let generation = match unsafe { opt_str_arg(generation, "generation") }? {
            None => None,
            Some(name) => Some(Generation::from_name(name).ok_or_else(|| {
                Error::new(
                    lienthong_status::InvalidArgument,
                    format!("thế hệ hàm không hợp lệ: {name} (dùng 4750 hoặc 3176)"),
                    format!("unknown generation: {name} (use 4750 or 3176)"),
                )
            })?),
        };
        send(gateway, data, len, receipt_out, "check-in", |g, file| {
            let generation = generation
                .or_else(|| generation_of(file))
                .unwrap_or(Generation::Qd3176);
            g.block_on(g.client.check_in(file, generation))
        })
    })
}

/// A view of one string of a receipt (empty for NULL).
fn receipt_view(
    receipt: *const lienthong_receipt,
    get: impl FnOnce(&Receipt) -> &str,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the callers pass NULL or a live receipt, per the header.
        unsafe { try_ref(receipt) }
            .map_or(lienthong_str::empty(), |r| lienthong_str::from_str(get(r)))
    })
}

/// The gateway's code (`maKetQua`, `200`). Empty for NULL. Valid until the receipt is freed (as
/// every view below).
#[no_mangle]
pub unsafe extern "C" fn lienthong_receipt_code(
    receipt: *const lienthong_receipt,
) -> lienthong_str {
    receipt_view(receipt, |r| &r.code)
}

/// The transaction id (`maGiaoDich`).
#[no_mangle]
pub unsafe extern "C" fn lienthong_receipt_ma_giao_dich(
    receipt: *const lienthong_receipt,
) -> lienthong_str {
    receipt_view(receipt, |r| &r.ma_giao_dich)
}

/// When the gateway received the file, `yyyyMMddHHmmss` local time (`thoiGianTiepNhan`).
#[no_mangle]
pub unsafe extern "C" fn lienthong_receipt_thoi_gian_tiep_nhan(
    receipt: *const lienthong_receipt,
) -> lienthong_str {
    receipt_view(receipt, |r| &r.thoi_gian_tiep_nhan)
}

/// The gateway's message (`thongDiep`).
#[no_mangle]
pub unsafe extern "C" fn lienthong_receipt_message(
    receipt: *const lienthong_receipt,
) -> lienthong_str {
    receipt_view(receipt, |r| &r.message)
}

/// Frees a receipt. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_receipt_free(receipt: *mut lienthong_receipt) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a receipt it owns and no longer uses.
        unsafe { free_boxed(receipt) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lienthong_connectors::bhxh::Delivery;

    #[test]
    fn each_class_has_its_status_and_split_messages() {
        let e = GatewayError::Rejected {
            route: "guiHoSoXml",
            code: "124".into(),
            message: "Lỗi nghiệp vụ".into(),
        };
        let err = gateway_error(&e);
        assert_eq!(err.status as u32, 5006);
        assert_eq!(err.gateway.as_ref().unwrap().code, "124");
        assert_eq!(err.gateway.as_ref().unwrap().message, "Lỗi nghiệp vụ");
        assert!(err.message_vi.starts_with("cổng từ chối"));
        assert!(err.message_en.starts_with("rejected by the gateway"));

        let e = GatewayError::Config("URL thiếu http(s):// / URL needs http:// or https://".into());
        let err = gateway_error(&e);
        assert_eq!(err.status as u32, 5001);
        assert_eq!(
            err.message_en,
            "invalid gateway configuration: URL needs http:// or https://"
        );

        let e = GatewayError::GaveUp {
            attempts: 3,
            last: Box::new(GatewayError::Timeout {
                route: "guiHoSoXml",
                after: Duration::from_secs(1),
                delivery: Delivery::Unknown,
            }),
        };
        let err = gateway_error(&e);
        assert_eq!(err.status as u32, 5003);
        let g = err.gateway.unwrap();
        assert!(g.transient && g.outcome_unknown && g.code.is_empty());
        assert!(err
            .message_en
            .starts_with("gave up after 3 attempts: timed out"));
    }
}
