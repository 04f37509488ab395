//! The status enum every fallible function returns, and `lienthong_error`, the optional error
//! object carrying the message (Vietnamese and English) and every finding behind it.

use crate::ffi::{boundary_or, free_boxed, lienthong_str, to_boxed_ptr, to_ptr, try_ref, Castable};
use crate::validate::lienthong_finding;
use lienthong::validate::Finding;

/// What a function did. The numbers are stable: they are grouped by area and never reused.
///
/// - 0: success.
/// - 1xxx: the arguments (NULL, not UTF-8, unknown names, out of range) or the file system.
/// - 2xxx: reading or writing a document (XML structure, JSON shape).
/// - 3xxx: validation (a value that does not fit its field, a record that does not build, a rules
///   file that cannot be used).
/// - 4xxx: signing and verifying.
/// - 5xxx: the BHXH gateway (`lienthong_gateway_*`: one status per failure class) and the outbox
///   (`lienthong_outbox_*`).
/// - 9xxx: a bug inside the library (a caught panic); the call had no effect that can be relied on.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum lienthong_status {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullParameter = 1001,
    /// A string argument is not valid UTF-8.
    InvalidUtf8 = 1002,
    /// An argument has a value the function does not accept (an unknown rule pack, for example).
    InvalidArgument = 1003,
    /// No table of that name (`XML0`, `XML1` ... `XML15`), or the table cannot go where asked.
    UnknownTable = 1004,
    /// The table has no element of that name.
    UnknownElement = 1005,
    /// A row or `HOSO` index past the end.
    IndexOutOfRange = 1006,
    /// A file could not be read or written.
    Io = 1007,
    /// The XML document is malformed or does not have the QĐ 130 structure; the error carries the
    /// finding with its line and column.
    Parse = 2001,
    /// The JSON document is malformed or does not have the expected shape.
    Json = 2002,
    /// The document could not be written (a value that cannot be serialized).
    Write = 2003,
    /// A value does not fit its field (format, size, closed code list); it was not stored. The error carries the
    /// findings.
    InvalidValue = 3001,
    /// A record did not build: at least one rule found an error. The error carries every finding
    /// (errors and warnings).
    BuildFailed = 3002,
    /// A rules file (TOML) could not be used.
    RulesConfig = 3003,
    /// The key file could not be read (not PKCS#12, no key, an unsupported key).
    Key = 4001,
    /// Wrong password for the key file (or the file is damaged).
    WrongPassword = 4002,
    /// The document cannot be signed (not a claim document, `CHUKYDONVI` missing or misplaced).
    Sign = 4003,
    /// The signing callback (USB token, HSM) reported a failure or returned an unusable value.
    SigningDevice = 4004,
    /// The signature could not be checked (not signed, malformed, unsupported algorithm). A
    /// signature that is checked and found invalid is not an error: see `lienthong_verification`.
    Verify = 4005,
    /// The gateway configuration cannot be used (a bad URL, plain `http://` to a remote host, a
    /// facility code that is not 5 characters, an unreadable root certificate, no clerk for a card
    /// check). Nothing was sent.
    GatewayConfig = 5001,
    /// The gateway could not be reached, or the connection broke. See
    /// `lienthong_error_outcome_unknown`: the request may have arrived.
    GatewayTransport = 5002,
    /// The gateway did not answer in time (the request may have arrived).
    GatewayTimeout = 5003,
    /// The TLS certificate or handshake was refused (an untrusted server: see
    /// `lienthong_gateway_add_root_pem`).
    GatewayTls = 5004,
    /// The account could not log in, or the gateway refused the session (wrong username or
    /// password, wrong facility, a locked account). `lienthong_error_gateway_code` gives the code.
    GatewaySession = 5005,
    /// The gateway refused the file or the request for its content; never retried: fix the data.
    /// `lienthong_error_gateway_code` and `lienthong_error_gateway_message` give the gateway's code
    /// (`123` structure, `124` content, `125` signature, ...) and message.
    GatewayRejected = 5006,
    /// The gateway (or a proxy before it) failed: HTTP 5xx or `maKetQua` 500. The request may
    /// have been processed.
    GatewayServer = 5007,
    /// The gateway's answer could not be understood.
    GatewayInvalidResponse = 5008,
    /// The outbox database could not be opened, read or written.
    OutboxStorage = 5009,
    /// No outbox entry with that id.
    OutboxNotFound = 5010,
    /// A panic was caught inside the library. Please report it.
    Panic = 9001,
    /// An internal error (a bug); please report it.
    Internal = 9002,
}

impl lienthong_status {
    /// A short English description of the status.
    pub(crate) fn description(self) -> &'static str {
        use lienthong_status as S;
        match self {
            S::Ok => "success",
            S::NullParameter => "a required argument was NULL",
            S::InvalidUtf8 => "a string argument is not valid UTF-8",
            S::InvalidArgument => "an argument has a value that is not accepted",
            S::UnknownTable => "unknown table",
            S::UnknownElement => "the table has no element of that name",
            S::IndexOutOfRange => "index out of range",
            S::Io => "a file could not be read or written",
            S::Parse => "the XML document could not be read",
            S::Json => "the JSON document could not be read",
            S::Write => "the document could not be written",
            S::InvalidValue => "the value does not fit the field",
            S::BuildFailed => "the record did not build",
            S::RulesConfig => "the rules file could not be used",
            S::Key => "the key file could not be read",
            S::WrongPassword => "wrong password for the key file",
            S::Sign => "the document could not be signed",
            S::SigningDevice => "the signing device failed",
            S::Verify => "the signature could not be checked",
            S::GatewayConfig => "the gateway configuration cannot be used",
            S::GatewayTransport => "the gateway could not be reached",
            S::GatewayTimeout => "the gateway did not answer in time",
            S::GatewayTls => "TLS error talking to the gateway",
            S::GatewaySession => "the gateway refused the login or the session",
            S::GatewayRejected => "the gateway rejected the file or the request",
            S::GatewayServer => "the gateway failed (server error)",
            S::GatewayInvalidResponse => "the gateway's answer could not be understood",
            S::OutboxStorage => "the outbox database could not be used",
            S::OutboxNotFound => "no such outbox entry",
            S::Panic => "internal error: a panic was caught (please report it)",
            S::Internal => "internal error (please report it)",
        }
    }
}

/// An English description of a status (a static string). Unknown numbers get a generic text.
#[no_mangle]
pub extern "C" fn lienthong_status_description(status: u32) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        let all = [
            lienthong_status::Ok,
            lienthong_status::NullParameter,
            lienthong_status::InvalidUtf8,
            lienthong_status::InvalidArgument,
            lienthong_status::UnknownTable,
            lienthong_status::UnknownElement,
            lienthong_status::IndexOutOfRange,
            lienthong_status::Io,
            lienthong_status::Parse,
            lienthong_status::Json,
            lienthong_status::Write,
            lienthong_status::InvalidValue,
            lienthong_status::BuildFailed,
            lienthong_status::RulesConfig,
            lienthong_status::Key,
            lienthong_status::WrongPassword,
            lienthong_status::Sign,
            lienthong_status::SigningDevice,
            lienthong_status::Verify,
            lienthong_status::GatewayConfig,
            lienthong_status::GatewayTransport,
            lienthong_status::GatewayTimeout,
            lienthong_status::GatewayTls,
            lienthong_status::GatewaySession,
            lienthong_status::GatewayRejected,
            lienthong_status::GatewayServer,
            lienthong_status::GatewayInvalidResponse,
            lienthong_status::OutboxStorage,
            lienthong_status::OutboxNotFound,
            lienthong_status::Panic,
            lienthong_status::Internal,
        ];
        let text = all
            .iter()
            .find(|s| **s as u32 == status)
            .map_or("unknown status", |s| s.description());
        lienthong_str::from_str(text)
    })
}

/// The Rust side of `lienthong_error`.
#[derive(Debug)]
pub(crate) struct Error {
    pub(crate) status: lienthong_status,
    pub(crate) message_vi: String,
    pub(crate) message_en: String,
    pub(crate) findings: Vec<Finding>,
    /// What the gateway said, for gateway errors.
    pub(crate) gateway: Option<Box<GatewayDetail>>,
}

/// The gateway's side of a gateway error.
#[derive(Debug, Default)]
pub(crate) struct GatewayDetail {
    /// `maKetQua`, when the gateway gave one.
    pub(crate) code: String,
    /// The gateway's message (`thongDiep`/`ghiChu`) for rejections.
    pub(crate) message: String,
    pub(crate) transient: bool,
    pub(crate) outcome_unknown: bool,
}

impl Error {
    pub(crate) fn new(
        status: lienthong_status,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Error {
            status,
            message_vi: vi.into(),
            message_en: en.into(),
            findings: Vec::new(),
            gateway: None,
        }
    }

    pub(crate) fn with_findings(mut self, findings: Vec<Finding>) -> Self {
        self.findings = findings;
        self
    }

    pub(crate) fn null(name: &str) -> Self {
        Error::new(
            lienthong_status::NullParameter,
            format!("tham số {name} là NULL"),
            format!("argument {name} is NULL"),
        )
    }

    pub(crate) fn utf8(name: &str) -> Self {
        Error::new(
            lienthong_status::InvalidUtf8,
            format!("tham số {name} không phải chuỗi UTF-8 hợp lệ"),
            format!("argument {name} is not valid UTF-8"),
        )
    }

    pub(crate) fn io(what: &str, e: &std::io::Error) -> Self {
        // The OS message is English only; the path is not repeated (the caller has it).
        Error::new(
            lienthong_status::Io,
            format!("không đọc/ghi được {what}: {e}"),
            format!("cannot read or write {what}: {e}"),
        )
    }

    pub(crate) fn panic(payload: &(dyn std::any::Any + Send)) -> Self {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Error::new(
            lienthong_status::Panic,
            format!("lỗi nội bộ của thư viện (panic): {detail}"),
            format!("internal error in the library (panic): {detail}"),
        )
    }

    pub(crate) fn into_handle(self) -> *mut lienthong_error {
        to_boxed_ptr::<lienthong_error>(self)
    }
}

/// An error: its status, a message in Vietnamese and in English, and the findings behind it (the
/// parse error's position, every finding of a record that did not build, the format problem of a
/// value). Returned through the optional `lienthong_error **err_out` parameter of fallible
/// functions; free it with `lienthong_error_free`.
///
/// Immutable once made: it may be read from several threads at once.
#[derive(Debug)]
pub struct lienthong_error {
    _private: [u8; 0],
}

impl Castable for lienthong_error {
    type Rust = Error;
}

/// The status of the error (`LIENTHONG_STATUS_INTERNAL` for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_status(err: *const lienthong_error) -> lienthong_status {
    boundary_or(lienthong_status::Internal, || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }.map_or(lienthong_status::Internal, |e| e.status)
    })
}

/// The Vietnamese message. Valid until the error is freed. Contains no patient data.
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_message_vi(err: *const lienthong_error) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }.map_or(lienthong_str::empty(), |e| {
            lienthong_str::from_str(&e.message_vi)
        })
    })
}

/// The English message. Valid until the error is freed. Contains no patient data.
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_message_en(err: *const lienthong_error) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }.map_or(lienthong_str::empty(), |e| {
            lienthong_str::from_str(&e.message_en)
        })
    })
}

/// The number of findings the error carries (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_finding_count(err: *const lienthong_error) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }.map_or(0, |e| e.findings.len())
    })
}

/// Finding `index` (from 0), borrowed from the error: valid until the error is freed. NULL when
/// `err` is NULL or `index` is out of range.
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_finding(
    err: *const lienthong_error,
    index: usize,
) -> *const lienthong_finding {
    boundary_or(std::ptr::null(), || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }
            .and_then(|e| e.findings.get(index))
            .map_or(std::ptr::null(), to_ptr::<lienthong_finding>)
    })
}

/// The gateway's result code (`maKetQua`) behind a 5xxx error: `401` for a wrong password,
/// `123`/`124`/`125` for a rejected file, ... Empty when the gateway gave none (a network error),
/// for other errors, and for NULL. Valid until the error is freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_gateway_code(
    err: *const lienthong_error,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }
            .and_then(|e| e.gateway.as_ref())
            .map_or(lienthong_str::empty(), |g| lienthong_str::from_str(&g.code))
    })
}

/// The gateway's own message behind a rejection (`LIENTHONG_STATUS_GATEWAY_REJECTED`), written by
/// the gateway for the facility's staff (usually Vietnamese). Empty otherwise, and for NULL. Valid
/// until the error is freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_gateway_message(
    err: *const lienthong_error,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }
            .and_then(|e| e.gateway.as_ref())
            .map_or(lienthong_str::empty(), |g| {
                lienthong_str::from_str(&g.message)
            })
    })
}

/// Whether trying the same call again later may succeed (network failures, timeouts, server
/// errors). False for rejections, configuration and login errors, other errors, and NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_is_transient(err: *const lienthong_error) -> bool {
    boundary_or(false, || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }
            .and_then(|e| e.gateway.as_ref())
            .is_some_and(|g| g.transient)
    })
}

/// Whether the request may have reached the gateway and been processed although no answer came
/// back (a timeout or a lost connection after sending, a server error). Sending the same bytes
/// again is safe: the gateway keeps the latest version of each `MA_LK`. False for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_outcome_unknown(err: *const lienthong_error) -> bool {
    boundary_or(false, || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { try_ref(err) }
            .and_then(|e| e.gateway.as_ref())
            .is_some_and(|g| g.outcome_unknown)
    })
}

/// Frees an error. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_error_free(err: *mut lienthong_error) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or an error it owns and no longer uses.
        unsafe { free_boxed(err) }
    })
}
