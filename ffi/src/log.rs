//! Logging through a callback the caller sets on a handle (there is no global logger).

use crate::ffi::lienthong_str;
use std::ffi::c_void;

/// How important a log message is.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum lienthong_log_level {
    /// Something failed.
    Error = 1,
    /// Something unusual that did not stop the work.
    Warn = 2,
    /// The main steps (a file validated, a document signed).
    Info = 3,
    /// Details (each finding, each step of signing).
    Debug = 4,
}

/// A log callback: `user` is the pointer given with it, `message` is valid only during the call
/// (copy it to keep it) and never contains patient data. The callback is called on the thread that
/// made the library call; when one handle is used from several threads, it must be thread-safe.
pub type lienthong_log_callback = Option<
    unsafe extern "C" fn(user: *mut c_void, level: lienthong_log_level, message: lienthong_str),
>;

/// A callback with its user pointer and the most detailed level it wants.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Logger {
    callback: unsafe extern "C" fn(*mut c_void, lienthong_log_level, lienthong_str),
    user: *mut c_void,
    max_level: lienthong_log_level,
}

// SAFETY: the logger only hands `user` back to the caller's callback; the header requires the
// callback to be thread-safe when the handle holding it is shared between threads.
unsafe impl Send for Logger {}
// SAFETY: as above.
unsafe impl Sync for Logger {}

impl Logger {
    pub(crate) fn new(
        callback: lienthong_log_callback,
        user: *mut c_void,
        max_level: lienthong_log_level,
    ) -> Option<Logger> {
        callback.map(|callback| Logger {
            callback,
            user,
            max_level,
        })
    }

    /// Whether `level` would be passed on (to skip formatting otherwise).
    pub(crate) fn enabled(&self, level: lienthong_log_level) -> bool {
        level <= self.max_level
    }

    pub(crate) fn log(&self, level: lienthong_log_level, message: &str) {
        if self.enabled(level) {
            // SAFETY: the caller gave this function pointer and user pointer together and keeps
            // them valid while the handle holding them lives, as the header requires.
            unsafe { (self.callback)(self.user, level, lienthong_str::from_str(message)) }
        }
    }
}

/// Logs through an optional logger.
pub(crate) fn log(
    logger: &Option<Logger>,
    level: lienthong_log_level,
    message: impl FnOnce() -> String,
) {
    if let Some(l) = logger {
        if l.enabled(level) {
            l.log(level, &message());
        }
    }
}
