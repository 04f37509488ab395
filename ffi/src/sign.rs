//! Signing (`lienthong_signer` over a PKCS#12 key file or a callback into a USB token or HSM) and
//! verifying (`lienthong_verification`) the facility's XMLDSig signature in `CHUKYDONVI`.

use crate::error::{lienthong_error, lienthong_status, Error};
use crate::ffi::{
    boundary, boundary_or, bytes_arg, bytes_handle, free_boxed, lienthong_bytes, lienthong_str,
    str_arg, to_boxed_ptr, try_mut, try_ref, write_out, Castable,
};
use crate::log::{lienthong_log_callback, lienthong_log_level, log, Logger};
use lienthong::sign::{
    format_utc, sign, verify, CertificateInfo, KeyError, KeyFileSigner, Password, SignError,
    Signer, Validity, Verification, VerifyError,
};
use std::ffi::{c_char, c_int, c_void};

/// Signs with RSASSA-PKCS1-v1_5 and SHA-256 inside a device (USB token, HSM): hash and sign the
/// `len` bytes at `data` (the canonical `SignedInfo`), write the signature to `out` and its length
/// to `*out_len`. On entry `*out_len` is the room at `out` (at least the key's modulus length).
/// Return 0 on success, anything else on failure. `user` is the pointer given with the callback.
pub type lienthong_sign_callback = Option<
    unsafe extern "C" fn(
        user: *mut c_void,
        data: *const u8,
        len: usize,
        out: *mut u8,
        out_len: *mut usize,
    ) -> c_int,
>;

/// A signer whose key stays in a device, reached through the caller's callback.
#[derive(Debug)]
pub(crate) struct CallbackSigner {
    certificate: Vec<u8>,
    callback: unsafe extern "C" fn(*mut c_void, *const u8, usize, *mut u8, *mut usize) -> c_int,
    user: *mut c_void,
    room: usize,
}

// SAFETY: the signer only hands `user` back to the caller's callback; the header requires the
// callback to be thread-safe when the signer is shared between threads.
unsafe impl Send for CallbackSigner {}
// SAFETY: as above.
unsafe impl Sync for CallbackSigner {}

impl Signer for CallbackSigner {
    fn certificate_der(&self) -> &[u8] {
        &self.certificate
    }

    fn sign_rsa_sha256(&self, data: &[u8]) -> Result<Vec<u8>, SignError> {
        let mut out = vec![0u8; self.room];
        let mut out_len = out.len();
        // SAFETY: `data` and `out` are valid for the lengths passed; the callback and `user` are
        // the caller's, valid while the signer lives, per the header.
        let rc = unsafe {
            (self.callback)(
                self.user,
                data.as_ptr(),
                data.len(),
                out.as_mut_ptr(),
                &mut out_len,
            )
        };
        if rc != 0 {
            return Err(SignError::Device(format!(
                "the signing callback returned {rc}"
            )));
        }
        if out_len == 0 || out_len > out.len() {
            return Err(SignError::Device(format!(
                "the signing callback reported {out_len} bytes (room: {})",
                out.len()
            )));
        }
        out.truncate(out_len);
        Ok(out)
    }
}

#[derive(Debug)]
enum Key {
    File(Box<KeyFileSigner>),
    Callback(CallbackSigner),
}

/// The Rust side of `lienthong_signer`.
#[derive(Debug)]
pub(crate) struct SignerCell {
    key: Key,
    logger: Option<Logger>,
}

impl SignerCell {
    pub(crate) fn signer(&self) -> &dyn Signer {
        match &self.key {
            Key::File(k) => k.as_ref(),
            Key::Callback(c) => c,
        }
    }
}

fn key_error(e: &KeyError) -> Error {
    let status = match e {
        KeyError::WrongPassword => lienthong_status::WrongPassword,
        _ => lienthong_status::Key,
    };
    Error::new(status, e.message_vi(), e.to_string())
}

fn sign_error(e: &SignError) -> Error {
    let status = match e {
        SignError::Key(k) => return key_error(k),
        SignError::Device(_) => lienthong_status::SigningDevice,
        _ => lienthong_status::Sign,
    };
    Error::new(status, e.message_vi(), e.to_string())
}

fn verify_error(e: &VerifyError) -> Error {
    Error::new(lienthong_status::Verify, e.message_vi(), e.to_string())
}

/// What signs: a key file's private key, or a device through a callback.
///
/// Owned by the caller; free it with `lienthong_signer_free` (which wipes a key file's key from
/// memory). A key-file signer may sign from several threads at once; a callback signer may when its
/// callback is thread-safe.
#[derive(Debug)]
pub struct lienthong_signer {
    _private: [u8; 0],
}

impl Castable for lienthong_signer {
    type Rust = SignerCell;
}

fn give_signer(key: Key, out: *mut *mut lienthong_signer) -> Result<(), Error> {
    let cell = SignerCell { key, logger: None };
    // SAFETY: `out` is NULL or writable, per the header of every caller.
    unsafe { write_out(out, to_boxed_ptr::<lienthong_signer>(cell)) }
}

fn from_pkcs12(p12: &[u8], password: *const c_char) -> Result<Key, Error> {
    // SAFETY: `password` is NULL or a C string, per the header of every caller.
    let password = Password::new(unsafe { str_arg(password, "password") }?);
    KeyFileSigner::from_pkcs12(p12, &password)
        .map(|k| Key::File(Box::new(k)))
        .map_err(|e| key_error(&e))
}

/// A signer over a PKCS#12 key file (`.p12`/`.pfx`) held in `len` bytes at `data`, opened with
/// `password` (UTF-8). A wrong password gives `LIENTHONG_STATUS_WRONG_PASSWORD`; other problems
/// `LIENTHONG_STATUS_KEY`. The library keeps no copy of the password.
#[no_mangle]
pub unsafe extern "C" fn lienthong_signer_from_pkcs12(
    data: *const u8,
    len: usize,
    password: *const c_char,
    signer_out: *mut *mut lienthong_signer,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        if signer_out.is_null() {
            return Err(Error::null("signer_out"));
        }
        // SAFETY: `data` is NULL or valid for `len` bytes, per the header.
        let p12 = unsafe { bytes_arg(data, len, "data") }?;
        give_signer(from_pkcs12(p12, password)?, signer_out)
    })
}

/// A signer over the PKCS#12 key file at `path`, as `lienthong_signer_from_pkcs12`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_signer_from_pkcs12_path(
    path: *const c_char,
    password: *const c_char,
    signer_out: *mut *mut lienthong_signer,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        if signer_out.is_null() {
            return Err(Error::null("signer_out"));
        }
        // SAFETY: `path` is NULL or a C string, per the header.
        let path = unsafe { str_arg(path, "path") }?;
        let p12 = std::fs::read(path).map_err(|e| Error::io("the key file", &e))?;
        give_signer(from_pkcs12(&p12, password)?, signer_out)
    })
}

/// A signer whose key stays in a device: `certificate_der` (`certificate_len` bytes, copied) is
/// the signer's X.509 certificate, written into the signature; `callback` signs. `user` is handed
/// back to every call and must stay valid while the signer lives. Every signature made is checked
/// against the certificate before it is used.
#[no_mangle]
pub unsafe extern "C" fn lienthong_signer_from_callback(
    certificate_der: *const u8,
    certificate_len: usize,
    callback: lienthong_sign_callback,
    user: *mut c_void,
    signer_out: *mut *mut lienthong_signer,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        if signer_out.is_null() {
            return Err(Error::null("signer_out"));
        }
        // SAFETY: `certificate_der` is NULL or valid for `certificate_len` bytes, per the header.
        let cert = unsafe { bytes_arg(certificate_der, certificate_len, "certificate_der") }?;
        let callback = callback.ok_or_else(|| Error::null("callback"))?;
        let info = CertificateInfo::from_der(cert).map_err(|e| key_error(&e))?;
        // Room for the largest signature the key can make, and never less than 4096 bits' worth.
        let room = info.key_bits.div_ceil(8).max(512);
        let key = Key::Callback(CallbackSigner {
            certificate: cert.to_vec(),
            callback,
            user,
            room,
        });
        give_signer(key, signer_out)
    })
}

/// Sets the log callback of the signer (NULL: no logging), as `lienthong_validator_set_log`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_signer_set_log(
    signer: *mut lienthong_signer,
    callback: lienthong_log_callback,
    user: *mut c_void,
    max_level: lienthong_log_level,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `signer` is NULL or a live signer no other thread uses, per the header.
        let s = unsafe { try_mut(signer) }.ok_or_else(|| Error::null("signer"))?;
        s.logger = Logger::new(callback, user, max_level);
        Ok(())
    })
}

/// Frees a signer. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_signer_free(signer: *mut lienthong_signer) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a signer it owns and no longer uses.
        unsafe { free_boxed(signer) }
    })
}

/// Signs a claim document (a `GIAMDINHHS` envelope, a check-in or an XML12 document, `len` bytes at
/// `data`): the content of `CHUKYDONVI` is replaced by an enveloped XMLDSig signature and no other
/// byte changes. The signed document goes to a new buffer freed with `lienthong_bytes_free`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_sign(
    signer: *const lienthong_signer,
    data: *const u8,
    len: usize,
    signed_out: *mut *mut lienthong_bytes,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `signer` is NULL or a live signer, per the header.
        let s = unsafe { try_ref(signer) }.ok_or_else(|| Error::null("signer"))?;
        // SAFETY: `data` is NULL or valid for `len` bytes, per the header.
        let doc = unsafe { bytes_arg(data, len, "data") }?;
        if signed_out.is_null() {
            return Err(Error::null("signed_out"));
        }
        log(&s.logger, lienthong_log_level::Info, || {
            format!("signing a document of {} bytes", doc.len())
        });
        let signed = sign(doc, s.signer()).map_err(|e| {
            let err = sign_error(&e);
            log(&s.logger, lienthong_log_level::Error, || {
                err.message_en.clone()
            });
            err
        })?;
        log(&s.logger, lienthong_log_level::Info, || {
            format!("signed: {} bytes", signed.len())
        });
        // SAFETY: `signed_out` is not NULL and writable, per the header.
        unsafe { write_out(signed_out, bytes_handle(signed)) }
    })
}

/// The Rust side of `lienthong_verification`.
#[derive(Debug)]
pub(crate) struct VerificationCell {
    v: Verification,
    not_before: String,
    not_after: String,
}

/// The result of checking a signed document: whether the digests and the signature value check
/// out, whether the signature covers the whole document, and the signer's certificate.
///
/// Owned by the caller; free it with `lienthong_verification_free`. Immutable: it may be read from
/// several threads at once.
#[derive(Debug)]
pub struct lienthong_verification {
    _private: [u8; 0],
}

impl Castable for lienthong_verification {
    type Rust = VerificationCell;
}

/// Checks the signature of a document (`len` bytes at `data`), judging the certificate's validity
/// now. A signature that is checked and found wrong is a success with
/// `lienthong_verification_is_valid` false; `LIENTHONG_STATUS_VERIFY` means there was nothing that
/// could be checked (not XML, not signed, a malformed or unsupported signature).
#[no_mangle]
pub unsafe extern "C" fn lienthong_verify(
    data: *const u8,
    len: usize,
    verification_out: *mut *mut lienthong_verification,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `data` is NULL or valid for `len` bytes, per the header.
        let doc = unsafe { bytes_arg(data, len, "data") }?;
        if verification_out.is_null() {
            return Err(Error::null("verification_out"));
        }
        let v = verify(doc).map_err(|e| verify_error(&e))?;
        let (not_before, not_after) = v.certificate.as_ref().map_or_else(Default::default, |c| {
            (format_utc(c.not_before), format_utc(c.not_after))
        });
        let cell = VerificationCell {
            v,
            not_before,
            not_after,
        };
        // SAFETY: `verification_out` is not NULL and writable, per the header.
        unsafe {
            write_out(
                verification_out,
                to_boxed_ptr::<lienthong_verification>(cell),
            )
        }
    })
}

/// One yes/no answer of a verification (false for NULL), behind the panic boundary.
fn verification_flag(
    v: Option<&VerificationCell>,
    get: impl FnOnce(&VerificationCell) -> bool,
) -> bool {
    boundary_or(false, || v.is_some_and(get))
}

/// Whether every digest and the signature value check out (XMLDSig core validation; says
/// nothing of the certificate's validity period).
/// False for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_is_valid(
    verification: *const lienthong_verification,
) -> bool {
    // SAFETY: the caller passes NULL or a live verification.
    verification_flag(unsafe { try_ref(verification) }, |c| c.v.is_valid())
}
/// Whether every reference's digest matches.
/// False for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_digests_ok(
    verification: *const lienthong_verification,
) -> bool {
    // SAFETY: the caller passes NULL or a live verification.
    verification_flag(unsafe { try_ref(verification) }, |c| c.v.digests_ok())
}
/// Whether the signature value checks out with the signer's key.
/// False for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_signature_ok(
    verification: *const lienthong_verification,
) -> bool {
    // SAFETY: the caller passes NULL or a live verification.
    verification_flag(unsafe { try_ref(verification) }, |c| c.v.signature_ok)
}
/// Whether a reference with a matching digest covers the whole document (minus the signature),
/// as the claim profile requires.
/// False for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_covers_whole_document(
    verification: *const lienthong_verification,
) -> bool {
    // SAFETY: the caller passes NULL or a live verification.
    verification_flag(unsafe { try_ref(verification) }, |c| {
        c.v.covers_whole_document()
    })
}
/// Whether the file passes as a signed claim file: valid, covering the whole document, by a
/// certificate within its validity period now.
/// False for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_is_acceptable(
    verification: *const lienthong_verification,
) -> bool {
    // SAFETY: the caller passes NULL or a live verification.
    verification_flag(unsafe { try_ref(verification) }, |c| c.v.is_acceptable())
}

/// A view of one string of a verification (empty for NULL), behind the panic boundary.
fn verification_view(
    v: Option<&VerificationCell>,
    get: impl FnOnce(&VerificationCell) -> &str,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        v.map_or(lienthong_str::empty(), |c| lienthong_str::from_str(get(c)))
    })
}

/// The certificate's subject (`CN=..., O=...`).
/// Empty when the signature carries no certificate, or for NULL. Valid until the verification is
/// freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_certificate_subject(
    verification: *const lienthong_verification,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live verification.
    verification_view(unsafe { try_ref(verification) }, |c| {
        c.v.certificate.as_ref().map_or("", |x| &x.subject)
    })
}
/// The certificate's issuer.
/// Empty when the signature carries no certificate, or for NULL. Valid until the verification is
/// freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_certificate_issuer(
    verification: *const lienthong_verification,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live verification.
    verification_view(unsafe { try_ref(verification) }, |c| {
        c.v.certificate.as_ref().map_or("", |x| &x.issuer)
    })
}
/// The certificate's serial number (hexadecimal).
/// Empty when the signature carries no certificate, or for NULL. Valid until the verification is
/// freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_certificate_serial(
    verification: *const lienthong_verification,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live verification.
    verification_view(unsafe { try_ref(verification) }, |c| {
        c.v.certificate.as_ref().map_or("", |x| &x.serial)
    })
}
/// Start of the certificate's validity (`2025-01-01T00:00:00Z`).
/// Empty when the signature carries no certificate, or for NULL. Valid until the verification is
/// freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_certificate_not_before(
    verification: *const lienthong_verification,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live verification.
    verification_view(unsafe { try_ref(verification) }, |c| &c.not_before)
}
/// End of the certificate's validity (`2027-01-01T00:00:00Z`).
/// Empty when the signature carries no certificate, or for NULL. Valid until the verification is
/// freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_certificate_not_after(
    verification: *const lienthong_verification,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live verification.
    verification_view(unsafe { try_ref(verification) }, |c| &c.not_after)
}
/// Where the certificate stood when checked: `current`, `expired` or `not_yet_valid`.
/// Empty when the signature carries no certificate, or for NULL. Valid until the verification is
/// freed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_certificate_validity(
    verification: *const lienthong_verification,
) -> lienthong_str {
    // SAFETY: the caller passes NULL or a live verification.
    verification_view(unsafe { try_ref(verification) }, |c| {
        c.v.certificate_validity().map_or("", Validity::as_str)
    })
}

/// Frees a verification. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_verification_free(verification: *mut lienthong_verification) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a verification it owns and no longer uses.
        unsafe { free_boxed(verification) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../sdk/tests/fixtures/sign/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn a_wrong_password_has_its_own_status() {
        let p12 = fixture("modern.p12");
        let e = from_pkcs12(&p12, c"not-the-password".as_ptr()).unwrap_err();
        assert_eq!(e.status, lienthong_status::WrongPassword);
        assert!(from_pkcs12(&p12, c"lienthong-test".as_ptr()).is_ok());
    }

    #[test]
    fn a_signed_fixture_verifies() {
        let key = from_pkcs12(&fixture("modern.p12"), c"lienthong-test".as_ptr()).unwrap();
        let cell = SignerCell { key, logger: None };
        let signed = sign(&fixture("envelope.xml"), cell.signer()).unwrap();
        let v = verify(&signed).unwrap();
        assert!(v.is_valid() && v.covers_whole_document());
    }
}
