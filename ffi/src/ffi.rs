//! Plumbing shared by every exported function: opaque-handle casts, string and byte views coming
//! in from C, borrowed string views going out, owned byte buffers, and the panic boundary.

use crate::error::{lienthong_error, lienthong_status, Error};
use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Binds an opaque C type to the Rust value behind its pointer.
///
/// The C type is a zero-sized struct that C code only ever sees behind a pointer; the pointer
/// really points at a `Self::Rust` (boxed when the handle is owned, or inside its owner when it
/// is borrowed).
pub(crate) trait Castable {
    type Rust;
}

/// Moves `value` to the heap and hands out the pointer C owns (freed by the type's `_free`).
pub(crate) fn to_boxed_ptr<T: Castable>(value: T::Rust) -> *mut T {
    Box::into_raw(Box::new(value)).cast()
}

/// A borrowed pointer to a value that lives inside another handle.
pub(crate) fn to_ptr<T: Castable>(value: &T::Rust) -> *const T {
    (value as *const T::Rust).cast()
}

/// A mutable borrowed pointer to a value that lives inside another handle.
pub(crate) fn to_mut_ptr<T: Castable>(value: &mut T::Rust) -> *mut T {
    (value as *mut T::Rust).cast()
}

/// The value behind a handle pointer, or `None` for NULL.
///
/// # Safety
/// `ptr` is NULL or was made by [`to_boxed_ptr`]/[`to_ptr`] for the same `T` and is still alive.
pub(crate) unsafe fn try_ref<'a, T: Castable>(ptr: *const T) -> Option<&'a T::Rust> {
    // SAFETY: per the contract, a non-NULL `ptr` points at a live `T::Rust`.
    unsafe { ptr.cast::<T::Rust>().as_ref() }
}

/// The value behind a mutable handle pointer, or `None` for NULL.
///
/// # Safety
/// As [`try_ref`], and no other reference to the value is in use.
pub(crate) unsafe fn try_mut<'a, T: Castable>(ptr: *mut T) -> Option<&'a mut T::Rust> {
    // SAFETY: per the contract, a non-NULL `ptr` points at a live `T::Rust` used by no one else.
    unsafe { ptr.cast::<T::Rust>().as_mut() }
}

/// Drops an owned handle; NULL is ignored.
///
/// # Safety
/// `ptr` is NULL or was made by [`to_boxed_ptr`] for the same `T` and not freed yet.
pub(crate) unsafe fn free_boxed<T: Castable>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: per the contract, `ptr` came from `Box::into_raw` of a `T::Rust`.
        drop(unsafe { Box::from_raw(ptr.cast::<T::Rust>()) });
    }
}

/// Writes `value` to an out-parameter.
///
/// # Safety
/// `out` is NULL or valid for writing one `V`.
pub(crate) unsafe fn write_out<V>(out: *mut V, value: V) -> Result<(), Error> {
    if out.is_null() {
        return Err(Error::null("out"));
    }
    // SAFETY: `out` is not NULL and, per the contract, valid for writes.
    unsafe { out.write(value) };
    Ok(())
}

/// A NUL-terminated UTF-8 string from C.
///
/// # Safety
/// `s` is NULL or points at a NUL-terminated string that stays alive for `'a`.
pub(crate) unsafe fn str_arg<'a>(s: *const c_char, name: &'static str) -> Result<&'a str, Error> {
    if s.is_null() {
        return Err(Error::null(name));
    }
    // SAFETY: `s` is not NULL and, per the contract, NUL-terminated and alive for `'a`.
    let c = unsafe { CStr::from_ptr(s) };
    c.to_str().map_err(|_| Error::utf8(name))
}

/// An optional NUL-terminated UTF-8 string from C (NULL is `None`).
///
/// # Safety
/// As [`str_arg`].
pub(crate) unsafe fn opt_str_arg<'a>(
    s: *const c_char,
    name: &'static str,
) -> Result<Option<&'a str>, Error> {
    if s.is_null() {
        Ok(None)
    } else {
        // SAFETY: forwarded contract.
        unsafe { str_arg(s, name) }.map(Some)
    }
}

/// A byte range from C. NULL is allowed when `len` is 0.
///
/// # Safety
/// `data` is NULL or valid for reading `len` bytes for `'a`.
pub(crate) unsafe fn bytes_arg<'a>(
    data: *const u8,
    len: usize,
    name: &'static str,
) -> Result<&'a [u8], Error> {
    if data.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(Error::null(name))
        };
    }
    // SAFETY: `data` is not NULL and, per the contract, valid for `len` bytes.
    Ok(unsafe { std::slice::from_raw_parts(data, len) })
}

/// A borrowed, read-only string view: `len` bytes of UTF-8 at `data`.
///
/// Not NUL-terminated (print it with `printf("%.*s", (int)s.len, s.data)`); never contains a NUL
/// byte. `data` is never NULL (an empty or absent value is `{"", 0}`). The view is valid until the
/// handle it came from is freed, or until the documented mutation of that handle.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct lienthong_str {
    /// The first byte.
    pub data: *const c_char,
    /// The number of bytes.
    pub len: usize,
}

impl lienthong_str {
    /// A view of `s`. Strings with an interior NUL are cut at it (they cannot come from the
    /// XML the SDK reads, which refuses NUL characters).
    pub(crate) fn from_str(s: &str) -> Self {
        let s = match s.as_bytes().iter().position(|b| *b == 0) {
            Some(n) => &s[..n],
            None => s,
        };
        lienthong_str {
            data: s.as_ptr().cast(),
            len: s.len(),
        }
    }

    /// The empty view, returned for absent values and NULL handles.
    pub(crate) fn empty() -> Self {
        lienthong_str::from_str("")
    }
}

/// An owned byte buffer (serialized XML or JSON, a signed document).
///
/// Read it with `lienthong_bytes_data` and `lienthong_bytes_len`; free it with
/// `lienthong_bytes_free`. Immutable, so it may be read from several threads at once.
#[derive(Debug)]
pub struct lienthong_bytes {
    _private: [u8; 0],
}

impl Castable for lienthong_bytes {
    type Rust = Vec<u8>;
}

/// The first byte of the buffer (NULL for a NULL buffer). Valid until the buffer is freed. The
/// bytes are followed by a NUL byte that `lienthong_bytes_len` does not count, so text buffers
/// can be passed straight to functions that expect a C string.
#[no_mangle]
pub unsafe extern "C" fn lienthong_bytes_data(bytes: *const lienthong_bytes) -> *const u8 {
    boundary_or(std::ptr::null(), || {
        // SAFETY: the caller passes NULL or a live buffer.
        unsafe { try_ref(bytes) }.map_or(std::ptr::null(), |v| v.as_ptr())
    })
}

/// The number of bytes in the buffer (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_bytes_len(bytes: *const lienthong_bytes) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live buffer.
        unsafe { try_ref(bytes) }.map_or(0, |v| v.len())
    })
}

/// Frees a buffer. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_bytes_free(bytes: *mut lienthong_bytes) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a buffer it owns and no longer uses.
        unsafe { free_boxed(bytes) }
    })
}

/// A buffer handle for `v`, with a NUL byte after the end that `len` does not count.
pub(crate) fn bytes_handle(mut v: Vec<u8>) -> *mut lienthong_bytes {
    v.reserve_exact(1);
    v.push(0);
    v.pop();
    to_boxed_ptr::<lienthong_bytes>(v)
}

/// Runs the body of a fallible function: clears `*err_out`, catches panics (status 9001), and
/// turns an `Err` into its status and, when `err_out` is not NULL, a new `lienthong_error`.
pub(crate) fn boundary(
    err_out: *mut *mut lienthong_error,
    body: impl FnOnce() -> Result<(), Error>,
) -> lienthong_status {
    if !err_out.is_null() {
        // SAFETY: a non-NULL `err_out` points at a `lienthong_error *` the caller owns.
        unsafe { err_out.write(std::ptr::null_mut()) };
    }
    let result = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(r) => r,
        Err(payload) => Err(Error::panic(payload.as_ref())),
    };
    match result {
        Ok(()) => lienthong_status::Ok,
        Err(e) => {
            let status = e.status;
            if !err_out.is_null() {
                let handle = catch_unwind(AssertUnwindSafe(|| e.into_handle()))
                    .unwrap_or(std::ptr::null_mut());
                // SAFETY: as above.
                unsafe { err_out.write(handle) };
            }
            status
        }
    }
}

/// Runs the body of an infallible function (getters, `_free`), returning `default` on a panic.
pub(crate) fn boundary_or<V>(default: V, body: impl FnOnce() -> V) -> V {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(default)
}
