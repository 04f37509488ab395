//! Keys, certificates and passwords: loading every supported form, refusing the wrong ones,
//! and never showing a secret.

use super::{fixture, PASSWORD};
use crate::sign::{CertificateInfo, KeyError, KeyFileSigner, Password, Signer, Validity};
use std::time::{Duration, UNIX_EPOCH};

/// Everything a value can print.
fn shown<T: std::fmt::Debug + std::fmt::Display>(v: &T) -> String {
    format!("{v} {v:?}")
}

/// Base64 lines of a PEM key body (any of which would be key material in output).
fn key_lines(pem: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(pem)
        .lines()
        .filter(|l| !l.starts_with("-----") && l.len() > 20)
        .map(|l| l[..20].to_owned())
        .collect()
}

fn assert_no_secret(text: &str) {
    assert!(!text.contains(PASSWORD), "password in {text}");
    for line in key_lines(&fixture("signer.key.pem")) {
        assert!(!text.contains(&line), "key material in {text}");
    }
}

#[test]
fn password_never_prints() {
    let p = Password::new(PASSWORD);
    assert_eq!(format!("{p:?}"), "[redacted]");
    assert_eq!(format!("{:?}", Some(&p)), "Some([redacted])");
    assert_eq!(p.expose_secret(), PASSWORD);
}

#[test]
fn password_from_env_and_callback() {
    let var = "LIENTHONG_SIGN_TEST_PASSWORD_UNIT";
    std::env::set_var(var, PASSWORD);
    assert_eq!(Password::from_env(var).unwrap().expose_secret(), PASSWORD);
    std::env::remove_var(var);
    let e = Password::from_env(var).unwrap_err();
    assert_eq!(
        e,
        KeyError::PasswordEnvMissing {
            var: var.to_owned()
        }
    );
    assert!(e.to_string().contains(var) && e.message_vi().contains(var));
    let p = Password::from_callback(|| Some(PASSWORD.to_owned())).unwrap();
    assert_eq!(p.expose_secret(), PASSWORD);
    assert_eq!(
        Password::from_callback(|| None).unwrap_err(),
        KeyError::NoPassword
    );
}

fn check_signer(s: &KeyFileSigner) {
    let info = s.certificate_info().unwrap();
    assert!(
        info.subject.contains("CN=Bệnh viện Đa khoa Mẫu"),
        "{}",
        info.subject
    );
    assert!(
        info.issuer.contains("CN=Lienthong Test CA"),
        "{}",
        info.issuer
    );
    assert_eq!(info.serial, "5401A2B3C4D5E6F7");
    assert_eq!(info.key_bits, 2048);
    let sig = s.sign_rsa_sha256(b"abc").unwrap();
    assert_eq!(sig.len(), 256);
    // Deterministic (PKCS#1 v1.5) and checkable with the certificate's key.
    assert_eq!(sig, s.sign_rsa_sha256(b"abc").unwrap());
    let pk = crate::sign::cert::rsa_public_key(s.certificate_der()).unwrap();
    ring::signature::UnparsedPublicKey::new(&ring::signature::RSA_PKCS1_2048_8192_SHA256, pk)
        .verify(b"abc", &sig)
        .unwrap();
    let debug = format!("{s:?}");
    assert!(debug.contains("[redacted]") && debug.contains("Bệnh viện"));
    assert_no_secret(&debug);
}

#[test]
fn pkcs12_modern_pbes2_aes() {
    let s = KeyFileSigner::from_pkcs12(&fixture("modern.p12"), &Password::new(PASSWORD)).unwrap();
    check_signer(&s);
    // The CA certificate of the archive is kept aside, not taken as the signer's.
    assert_eq!(s.other_certificates().len(), 1);
    let ca = CertificateInfo::from_der(&s.other_certificates()[0]).unwrap();
    assert!(ca.subject.contains("Lienthong Test CA"));
}

#[test]
fn pkcs12_legacy_3des_and_rc2() {
    let s = KeyFileSigner::from_pkcs12(&fixture("legacy.p12"), &Password::new(PASSWORD)).unwrap();
    check_signer(&s);
}

#[test]
fn pkcs12_wrong_password_and_garbage() {
    for f in ["modern.p12", "legacy.p12"] {
        let e =
            KeyFileSigner::from_pkcs12(&fixture(f), &Password::new("sai-mat-khau")).unwrap_err();
        assert_eq!(e, KeyError::WrongPassword, "{f}");
        assert_no_secret(&shown(&e));
    }
    let p12 = fixture("modern.p12");
    for cut in [0, 1, 10, 100, p12.len() / 2, p12.len() - 1] {
        assert!(KeyFileSigner::from_pkcs12(&p12[..cut], &Password::new(PASSWORD)).is_err());
    }
    let mut flipped = p12.clone();
    flipped[p12.len() / 2] ^= 0x55;
    let e = KeyFileSigner::from_pkcs12(&flipped, &Password::new(PASSWORD)).unwrap_err();
    assert_no_secret(&format!("{} {e:?} {}", e, e.message_vi()));
    assert_eq!(
        KeyFileSigner::from_pkcs12(b"not a key", &Password::new(PASSWORD)).unwrap_err(),
        KeyError::NotPkcs12
    );
}

#[test]
fn pem_pkcs8_pkcs1_encrypted_and_combined() {
    let cert = fixture("signer.crt.pem");
    let pkcs8 = KeyFileSigner::from_pem(&fixture("signer.key.pem"), Some(&cert), None).unwrap();
    check_signer(&pkcs8);
    let pkcs1 = KeyFileSigner::from_pem(&fixture("signer.rsa.pem"), Some(&cert), None).unwrap();
    check_signer(&pkcs1);
    let enc = KeyFileSigner::from_pem(
        &fixture("signer.enc.pem"),
        Some(&cert),
        Some(&Password::new(PASSWORD)),
    )
    .unwrap();
    check_signer(&enc);
    // Key, certificate and CA in one file.
    let mut combined = fixture("signer.key.pem");
    combined.extend(fixture("ca.crt.pem"));
    combined.extend(fixture("signer.crt.pem"));
    let both = KeyFileSigner::from_pem(&combined, None, None).unwrap();
    check_signer(&both);
    assert_eq!(both.other_certificates().len(), 1);
}

#[test]
fn pem_errors() {
    let cert = fixture("signer.crt.pem");
    let enc = fixture("signer.enc.pem");
    assert_eq!(
        KeyFileSigner::from_pem(&enc, Some(&cert), None).unwrap_err(),
        KeyError::EncryptedPem
    );
    let e = KeyFileSigner::from_pem(&enc, Some(&cert), Some(&Password::new("sai"))).unwrap_err();
    assert_eq!(e, KeyError::EncryptedPem);
    assert_eq!(
        KeyFileSigner::from_pem(
            &fixture("signer.key.pem"),
            Some(&fixture("other.crt.pem")),
            None
        )
        .unwrap_err(),
        KeyError::CertificateMismatch
    );
    assert_eq!(
        KeyFileSigner::from_pem(&fixture("signer.key.pem"), None, None).unwrap_err(),
        KeyError::NoCertificate
    );
    let e = KeyFileSigner::from_pem(&cert, Some(&cert), None).unwrap_err();
    assert_eq!(e, KeyError::Pem("no private key block"));
    assert_eq!(
        e.message_vi(),
        "không đọc được tệp PEM: không có khối khóa bí mật"
    );
    assert!(matches!(
        KeyFileSigner::from_pem(b"hello", None, None).unwrap_err(),
        KeyError::Pem(_)
    ));
    // A damaged key body is rejected without echoing it.
    let mut bad = fixture("signer.key.pem");
    let mid = bad.len() / 2;
    bad[mid] = if bad[mid] == b'A' { b'B' } else { b'A' };
    if let Err(e) = KeyFileSigner::from_pem(&bad, Some(&cert), None) {
        assert_no_secret(&format!("{e} {e:?} {}", e.message_vi()));
    }
    // DER inputs that are not keys.
    assert!(matches!(
        KeyFileSigner::from_der(b"\x30\x03\x02\x01\x00", b"x").unwrap_err(),
        KeyError::KeyRejected(_)
    ));
}

#[test]
fn certificate_validity_at_a_time() {
    let info = CertificateInfo::from_der(
        &x509_parser::pem::parse_x509_pem(&fixture("signer.crt.pem"))
            .unwrap()
            .1
            .contents,
    )
    .unwrap();
    assert!(info.not_before < info.not_after);
    let at = |t: i64| UNIX_EPOCH + Duration::from_secs(t as u64);
    assert_eq!(info.validity_at(at(info.not_before)), Validity::Current);
    assert_eq!(info.validity_at(at(info.not_after)), Validity::Current);
    assert_eq!(
        info.validity_at(at(info.not_before - 1)),
        Validity::NotYetValid
    );
    assert_eq!(info.validity_at(at(info.not_after + 1)), Validity::Expired);
    assert!(info.is_expired_at(at(info.not_after + 1)));
    assert!(!info.is_expired_at(std::time::SystemTime::now()));
    assert_eq!(info.sha256_fingerprint.len(), 64);
    assert_eq!(
        CertificateInfo::from_der(b"\x30\x00").unwrap_err(),
        KeyError::BadCertificate
    );
}

#[test]
fn utc_formatting_round_trips() {
    use crate::sign::{format_utc, parse_utc};
    for t in [0i64, 951_782_400, 1_735_689_599, 4_102_444_800, -86_400] {
        assert_eq!(parse_utc(&format_utc(t)), Some(t), "{t}");
    }
    assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(parse_utc("2023-02-29"), None);
    assert_eq!(parse_utc("2024-02-29"), Some(1_709_164_800));
    assert_eq!(parse_utc("2024-02-29T24:00:00Z"), None);
    assert_eq!(parse_utc("2024-2-29"), None);
    assert_eq!(parse_utc("２０２４-02-29"), None);
}
