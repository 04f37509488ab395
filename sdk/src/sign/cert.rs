//! What a verifier reports about a signer's X.509 certificate: subject, issuer, serial number,
//! validity period, and whether it is valid at a given time.

use super::error::KeyError;
use std::time::{SystemTime, UNIX_EPOCH};
use x509_parser::public_key::PublicKey;

/// The facts of a certificate that a person checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateInfo {
    /// Subject distinguished name (`C=VN, ..., CN=...`), in the certificate's order.
    pub subject: String,
    /// Issuer distinguished name (the certification authority).
    pub issuer: String,
    /// Serial number, upper-case hexadecimal without separators.
    pub serial: String,
    /// Start of validity, in seconds since the Unix epoch (UTC).
    pub not_before: i64,
    /// End of validity, in seconds since the Unix epoch (UTC).
    pub not_after: i64,
    /// Size of the public key in bits (0 when not RSA).
    pub key_bits: usize,
    /// SHA-256 fingerprint of the certificate, upper-case hexadecimal (compare it with the
    /// certificate registered on the BHXH portal).
    pub sha256_fingerprint: String,
}

/// Where a time falls relative to a certificate's validity period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// Within the period.
    Current,
    /// Before the start of the period.
    NotYetValid,
    /// After the end of the period.
    Expired,
}

impl Validity {
    /// Stable name: `current`, `not_yet_valid`, `expired`.
    pub fn as_str(self) -> &'static str {
        match self {
            Validity::Current => "current",
            Validity::NotYetValid => "not_yet_valid",
            Validity::Expired => "expired",
        }
    }
}

impl CertificateInfo {
    /// Reads a DER-encoded X.509 certificate.
    pub fn from_der(der: &[u8]) -> Result<Self, KeyError> {
        let (_, cert) =
            x509_parser::parse_x509_certificate(der).map_err(|_| KeyError::BadCertificate)?;
        let serial = cert.raw_serial();
        let first = serial
            .iter()
            .position(|b| *b != 0)
            .unwrap_or(serial.len().saturating_sub(1));
        let key_bits = match cert.public_key().parsed() {
            Ok(k @ PublicKey::RSA(_)) => k.key_size(),
            _ => 0,
        };
        Ok(CertificateInfo {
            subject: cert.subject().to_string(),
            issuer: cert.issuer().to_string(),
            serial: hex(&serial[first..]),
            not_before: cert.validity().not_before.timestamp(),
            not_after: cert.validity().not_after.timestamp(),
            key_bits,
            sha256_fingerprint: hex(ring::digest::digest(&ring::digest::SHA256, der).as_ref()),
        })
    }

    /// Where `at` falls relative to the validity period (both ends included).
    pub fn validity_at(&self, at: SystemTime) -> Validity {
        let t = unix_seconds(at);
        if t < self.not_before {
            Validity::NotYetValid
        } else if t > self.not_after {
            Validity::Expired
        } else {
            Validity::Current
        }
    }

    /// Whether the certificate has expired at `at`.
    pub fn is_expired_at(&self, at: SystemTime) -> bool {
        self.validity_at(at) == Validity::Expired
    }
}

/// The RSA public key (PKCS#1 `RSAPublicKey` DER) of a certificate, if it has one.
pub(crate) fn rsa_public_key(der: &[u8]) -> Option<Vec<u8>> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let spki = cert.public_key();
    match spki.parsed() {
        Ok(PublicKey::RSA(_)) => Some(spki.subject_public_key.data.to_vec()),
        _ => None,
    }
}

/// Seconds since the Unix epoch (negative before it).
pub(crate) fn unix_seconds(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_secs()).map_or(i64::MIN, |s| -s),
    }
}

/// Formats seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`.
///
/// ```
/// assert_eq!(lienthong::sign::format_utc(0), "1970-01-01T00:00:00Z");
/// assert_eq!(lienthong::sign::format_utc(1_735_689_600), "2025-01-01T00:00:00Z");
/// ```
pub fn format_utc(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` (UTC) into seconds since the Unix epoch.
///
/// ```
/// assert_eq!(lienthong::sign::parse_utc("2025-01-01"), Some(1_735_689_600));
/// assert_eq!(lienthong::sign::parse_utc("2025-01-01T00:00:01Z"), Some(1_735_689_601));
/// assert_eq!(lienthong::sign::parse_utc("2025-13-01"), None);
/// ```
pub fn parse_utc(s: &str) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if s.get(4..5) != Some("-") || s.get(7..8) != Some("-") || !(1..=12).contains(&m) {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    let (hh, mm, ss) = match s.len() {
        10 => (0, 0, 0),
        20 if s.get(10..11) == Some("T")
            && s.get(13..14) == Some(":")
            && s.get(16..17) == Some(":")
            && s.get(19..20) == Some("Z") =>
        {
            (num(11..13)?, num(14..16)?, num(17..19)?)
        }
        _ => return None,
    };
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    // Days since the epoch from the civil date (inverse of `format_utc`).
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2.rem_euclid(400);
    let doy = (153 * m2 + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss)
}

/// Upper-case hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}
