//! Signing and verifying claim files: the facility's XMLDSig signature in `CHUKYDONVI`.
//!
//! The `GIAMDINHHS` envelope, the check-in document (`CHI_TIEU_TRANG_THAI_KCB`) and the XML12
//! document (`CHI_TIEU_GIAM_DINH_YKHOA`) each end with a `CHUKYDONVI` element that holds an
//! enveloped XMLDSig signature over the whole document:
//!
//! ```xml
//! <CHUKYDONVI><Signature xmlns="http://www.w3.org/2000/09/xmldsig#">
//!   <SignedInfo>  C14N 1.0, rsa-sha256, Reference URI="" (enveloped-signature, C14N 1.0), sha256
//!   <SignatureValue>  <KeyInfo><X509Data><X509Certificate>
//! </Signature></CHUKYDONVI>
//! ```
//!
//! - [`sign`] replaces the content of `CHUKYDONVI` with a new signature and changes no other
//!   byte of the file, so every table reads the same before and after.
//! - [`verify`] checks any signed file, including files signed by other software, and reports
//!   the digest and signature checks separately, what the signature covers, and the signer's
//!   certificate (subject, issuer, serial, validity period, expiry at a given time).
//! - [`Signer`] is what signs: [`KeyFileSigner`] over PKCS#12 or PEM key files, or a vendor's
//!   own implementation over a USB token or HSM. Passwords are [`Password`]s, which never print.
//! - [`c14n`] is the Canonical XML 1.0 implementation both rest on.
//!
//! ```no_run
//! use lienthong::sign::{sign, verify, KeyFileSigner, Password};
//!
//! let password = Password::from_env("LIENTHONG_KEY_PASSWORD")?;
//! let signer = KeyFileSigner::from_pkcs12(&std::fs::read("facility.p12")?, &password)?;
//! let signed = sign(&std::fs::read("visits.xml")?, &signer)?;
//! let report = verify(&signed)?;
//! assert!(report.is_valid() && report.covers_whole_document());
//! println!("{}", report.certificate.unwrap().subject);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod c14n;
mod cert;
mod dsig;
mod error;
mod keys;
mod verify;
mod xml;

#[cfg(test)]
mod tests;

pub use cert::{format_utc, parse_utc, CertificateInfo, Validity};
pub use dsig::{sign, sign_with_limits, ENVELOPED_SIGNATURE, RSA_SHA256, SHA256};
pub use error::{KeyError, SignError, VerifyError, XmlError};
pub use keys::{KeyFileSigner, Password, Signer};
pub use verify::{verify, verify_with, Coverage, ReferenceCheck, Verification, VerifyOptions};
pub use xml::{XmlLimits, DSIG_NS};
