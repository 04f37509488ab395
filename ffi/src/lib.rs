//! The C library of Lienthong (`liblienthong_ffi`, header `include/lienthong.h`) for hospital
//! software written in C, C++, C#, Java, Delphi and anything else that can call C.
//!
//! Conventions (they follow rustls-ffi; `docs/ffi/guide.md` explains them for vendors):
//!
//! - Every handle is an opaque pointer. Each `_new`/`_parse`/`_from_*` has a matching `_free`,
//!   which accepts NULL. Pointers documented as *borrowed* are never freed.
//! - Every fallible function returns a `lienthong_status` (0 is success; the numbers are grouped by
//!   area and stable) and takes an optional last argument `lienthong_error **err_out`: when not
//!   NULL it is set to NULL, and on failure to a new error with a Vietnamese and an English message
//!   and the findings behind it. Outputs go through `_out` parameters, written only on success.
//! - Strings come in as NUL-terminated UTF-8 (`const char *`) and go out as borrowed views
//!   (`lienthong_str`), valid until the handle they came from is freed or changed. Documents come
//!   out in owned buffers (`lienthong_bytes`) with their own free function.
//! - A panic never unwinds into C: it is caught and becomes `LIENTHONG_STATUS_PANIC` (9001), or a
//!   neutral value (NULL, 0, false, an empty string) for functions without a status.
//! - There is no global state: logging and options are set per handle. Each handle documents what
//!   may be done with it from several threads. Gateway calls block the caller on a runtime owned
//!   by the `lienthong_gateway` handle.

// C-facing names follow C conventions (`lienthong_envelope`, `lienthong_status`).
#![allow(non_camel_case_types)]

mod envelope;
mod error;
mod ffi;
mod gateway;
mod hoso;
mod log;
mod outbox;
mod record;
mod sign;
mod validate;

pub use envelope::lienthong_envelope;
pub use error::{lienthong_error, lienthong_status};
pub use ffi::{lienthong_bytes, lienthong_str};
pub use gateway::{lienthong_card_check, lienthong_gateway, lienthong_receipt};
pub use hoso::lienthong_hoso;
pub use log::{lienthong_log_callback, lienthong_log_level};
pub use outbox::{
    lienthong_dispatch_progress, lienthong_dispatch_summary, lienthong_enqueued_list,
    lienthong_outbox, lienthong_outbox_entry,
};
pub use record::{lienthong_builder, lienthong_record};
pub use sign::{lienthong_sign_callback, lienthong_signer, lienthong_verification};
pub use validate::{lienthong_finding, lienthong_report, lienthong_severity, lienthong_validator};

use ffi::{boundary, boundary_or};

/// Major version of the library (and of the Lienthong SDK it was built from).
pub const LIENTHONG_VERSION_MAJOR: u32 = 0;
/// Minor version.
pub const LIENTHONG_VERSION_MINOR: u32 = 1;
/// Patch version.
pub const LIENTHONG_VERSION_PATCH: u32 = 0;
/// The version as one number, `(MAJOR << 16) | (MINOR << 8) | PATCH`, for `#if` comparisons.
pub const LIENTHONG_VERSION_NUMBER: u32 = 0x00_01_00;

/// The version of the library as a static NUL-terminated string, such as
/// `"lienthong-ffi/0.1.0"`. Compare it with the `LIENTHONG_VERSION_*` macros of the header you
/// compiled against: the ABI is not yet stable between versions.
#[no_mangle]
pub extern "C" fn lienthong_version() -> *const std::ffi::c_char {
    concat!("lienthong-ffi/", env!("CARGO_PKG_VERSION"), "\0")
        .as_ptr()
        .cast()
}

/// Panics inside the library on purpose, and returns `LIENTHONG_STATUS_PANIC` with an error
/// describing it. It exists so that bindings can test that a panic never crosses into their
/// code; it has no other use.
#[no_mangle]
pub unsafe extern "C" fn lienthong_test_panic(
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || panic!("lienthong_test_panic was called"))
}

/// As `lienthong_test_panic`, for a function without a status: returns 0 after the panic.
#[no_mangle]
pub extern "C" fn lienthong_test_panic_value() -> usize {
    boundary_or(0, || panic!("lienthong_test_panic_value was called"))
}

/// The Lienthong version this library was built from.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_constants_match_the_crate() {
        let part = |s: &str| s.parse::<u32>().unwrap();
        assert_eq!(
            LIENTHONG_VERSION_MAJOR,
            part(env!("CARGO_PKG_VERSION_MAJOR"))
        );
        assert_eq!(
            LIENTHONG_VERSION_MINOR,
            part(env!("CARGO_PKG_VERSION_MINOR"))
        );
        assert_eq!(
            LIENTHONG_VERSION_PATCH,
            part(env!("CARGO_PKG_VERSION_PATCH"))
        );
        assert_eq!(
            LIENTHONG_VERSION_NUMBER,
            (LIENTHONG_VERSION_MAJOR << 16)
                | (LIENTHONG_VERSION_MINOR << 8)
                | LIENTHONG_VERSION_PATCH
        );
        // SAFETY: the function returns a static NUL-terminated string.
        let v = unsafe { std::ffi::CStr::from_ptr(lienthong_version()) };
        assert_eq!(v.to_str().unwrap(), format!("lienthong-ffi/{}", version()));
    }

    #[test]
    fn the_header_declares_the_current_version() {
        let header = include_str!("../include/lienthong.h");
        for (name, value) in [
            ("MAJOR", LIENTHONG_VERSION_MAJOR),
            ("MINOR", LIENTHONG_VERSION_MINOR),
            ("PATCH", LIENTHONG_VERSION_PATCH),
        ] {
            let line = format!("#define LIENTHONG_VERSION_{name} {value}");
            assert!(header.contains(&line), "{line} missing from lienthong.h");
        }
    }

    #[test]
    fn handles_documented_as_shareable_are_send_and_sync() {
        fn shareable<T: Send + Sync>() {}
        shareable::<envelope::EnvelopeCell>();
        shareable::<hoso::HosoCell>();
        shareable::<record::RecordCell>();
        shareable::<validate::Validator>();
        shareable::<sign::SignerCell>();
        shareable::<error::Error>();
        shareable::<gateway::GatewayCell>();
        shareable::<gateway::CardCheckCell>();
        shareable::<outbox::OutboxCell>();
        shareable::<lienthong_connectors::outbox::Entry>();
        shareable::<lienthong_connectors::bhxh::Receipt>();
        shareable::<Vec<u8>>();
    }

    #[test]
    fn boundary_clears_err_out_and_reports_errors_through_it() {
        let mut err: *mut lienthong_error = std::ptr::dangling_mut();
        assert_eq!(boundary(&mut err, || Ok(())), lienthong_status::Ok);
        assert!(err.is_null());
        let status = boundary(&mut err, || Err(error::Error::null("x")));
        assert_eq!(status, lienthong_status::NullParameter);
        assert!(!err.is_null());
        // SAFETY: `err` was just made and is freed once.
        unsafe { error::lienthong_error_free(err) };
        assert_eq!(
            boundary(std::ptr::null_mut(), || Err(error::Error::null("x"))),
            lienthong_status::NullParameter
        );
    }

    #[test]
    fn views_stop_at_an_interior_nul_and_buffers_end_with_one() {
        let v = ffi::lienthong_str::from_str("ab\0cd");
        assert_eq!(v.len, 2);
        let b = ffi::bytes_handle(b"xyz".to_vec());
        // SAFETY: `b` is a live buffer, read within its length plus the documented NUL, and freed once.
        unsafe {
            let data = ffi::lienthong_bytes_data(b);
            assert_eq!(ffi::lienthong_bytes_len(b), 3);
            assert_eq!(*data.add(3), 0);
            ffi::lienthong_bytes_free(b);
        }
    }

    #[test]
    fn a_panic_becomes_status_9001_with_an_error() {
        let mut err: *mut lienthong_error = std::ptr::null_mut();
        // SAFETY: `err` is a valid out-parameter.
        let status = unsafe { lienthong_test_panic(&mut err) };
        assert_eq!(status, lienthong_status::Panic);
        assert_eq!(status as u32, 9001);
        assert!(!err.is_null());
        // SAFETY: `err` was just returned and is freed once.
        unsafe {
            assert_eq!(error::lienthong_error_status(err), lienthong_status::Panic);
            error::lienthong_error_free(err);
        }
        assert_eq!(lienthong_test_panic_value(), 0);
    }
}
