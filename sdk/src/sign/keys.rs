//! Signing keys: the [`Signer`] trait (so that a USB token or HSM can sign without its private key
//! leaving it), the signer over key files ([`KeyFileSigner`]: PKCS#12 `.p12`/`.pfx` with modern
//! PBES2/AES or legacy 3DES/RC2 encryption, or PEM), and [`Password`], a secret that never
//! prints.

use super::cert::{rsa_public_key, CertificateInfo};
use super::error::{KeyError, SignError};
use ring::signature::{KeyPair, RsaKeyPair};
use std::fmt;
use zeroize::Zeroizing;

/// Something that signs with an RSA key and SHA-256 (PKCS#1 v1.5), and knows its certificate.
///
/// [`KeyFileSigner`] implements it over key files. A vendor whose key lives in a USB token or an
/// HSM implements it over the device's own interface (PKCS#11, a vendor SDK): the document
/// code only passes the bytes to sign and never sees the key.
pub trait Signer {
    /// The signer's X.509 certificate, DER-encoded (written into `KeyInfo/X509Data`).
    fn certificate_der(&self) -> &[u8];

    /// Signs `data` with RSASSA-PKCS1-v1_5 and SHA-256 (the device hashes `data` itself) and
    /// returns the signature (as long as the key's modulus).
    fn sign_rsa_sha256(&self, data: &[u8]) -> Result<Vec<u8>, SignError>;
}

/// A password or PIN. It is wiped from memory when dropped, and neither `Debug` nor any error
/// shows it (`Debug` prints `[redacted]`; there is no `Display`).
///
/// Take it from an environment variable or from a callback (a prompt, a secrets manager), never
/// from a command-line argument, which other users of the machine can see.
pub struct Password(Zeroizing<String>);

impl Password {
    /// A password from a string the caller already holds.
    pub fn new(secret: impl Into<String>) -> Self {
        Password(Zeroizing::new(secret.into()))
    }

    /// The password held in environment variable `var`.
    pub fn from_env(var: &str) -> Result<Self, KeyError> {
        match std::env::var(var) {
            Ok(v) => Ok(Password::new(v)),
            Err(std::env::VarError::NotPresent) => Err(KeyError::PasswordEnvMissing {
                var: var.to_owned(),
            }),
            Err(std::env::VarError::NotUnicode(_)) => Err(KeyError::PasswordEnvNotUnicode {
                var: var.to_owned(),
            }),
        }
    }

    /// The password given by `ask` (for example a prompt); `None` means none was given.
    pub fn from_callback(ask: impl FnOnce() -> Option<String>) -> Result<Self, KeyError> {
        ask().map(Password::new).ok_or(KeyError::NoPassword)
    }

    /// The secret itself, for handing to a key store or device. Do not log it.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// A signer over an RSA private key loaded from files, with its certificate.
///
/// `Debug` shows the certificate's subject, never the key.
pub struct KeyFileSigner {
    key: RsaKeyPair,
    certificate: Vec<u8>,
    others: Vec<Vec<u8>>,
}

impl fmt::Debug for KeyFileSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let subject = CertificateInfo::from_der(&self.certificate)
            .map(|c| c.subject)
            .unwrap_or_default();
        f.debug_struct("KeyFileSigner")
            .field("certificate", &subject)
            .field("key", &"[redacted]")
            .finish()
    }
}

impl KeyFileSigner {
    /// Loads the private key and its certificate from a PKCS#12 archive (`.p12`/`.pfx`, as
    /// Vietnamese certification authorities issue them), checking its integrity MAC. Modern
    /// (PBES2 with AES) and legacy (pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd40BitRC2-CBC)
    /// encryption are supported.
    pub fn from_pkcs12(p12: &[u8], password: &Password) -> Result<Self, KeyError> {
        use p12_keystore::error::Error as P12;
        let archive = p12_keystore::Pkcs12Archive::from_pkcs12(p12, password.expose_secret())
            .map_err(|e| match e {
                P12::MacError(_) | P12::UnpadError | P12::InvalidLength => KeyError::WrongPassword,
                P12::UnsupportedEncryptionScheme
                | P12::UnsupportedMacAlgorithm
                | P12::UnsupportedContentType => KeyError::UnsupportedPkcs12,
                P12::InvalidPrivateKey => KeyError::KeyRejected("not a PKCS#8 key"),
                _ => KeyError::NotPkcs12,
            })?;
        let certs: Vec<Vec<u8>> = archive
            .certs
            .iter()
            .map(|c| c.cert.as_der().to_vec())
            .collect();
        if archive.keys.is_empty() {
            return Err(KeyError::NoPrivateKey);
        }
        // Several keys are rare; take the first that has its certificate in the archive.
        let mut last_err = KeyError::NoCertificate;
        for bag in &archive.keys {
            let der = Zeroizing::new(bag.key.as_der().to_vec());
            match Self::with_certificates(&der, certs.clone()) {
                Ok(s) => return Ok(s),
                Err(e) => last_err = e,
            }
        }
        Err(last_err)
    }

    /// Loads a PEM private key (PKCS#8 `PRIVATE KEY`, encrypted PKCS#8 `ENCRYPTED PRIVATE KEY`
    /// with PBES2, or PKCS#1 `RSA PRIVATE KEY`) and its certificate. The certificate is taken
    /// from `cert_pem` when given, otherwise from the key file itself (a combined file). Extra
    /// certificates (the CA chain) are kept.
    pub fn from_pem(
        key_pem: &[u8],
        cert_pem: Option<&[u8]>,
        password: Option<&Password>,
    ) -> Result<Self, KeyError> {
        let mut key: Option<Zeroizing<Vec<u8>>> = None;
        let mut certs = Vec::new();
        for (label, contents) in pem_blocks(key_pem)? {
            match label.as_str() {
                "CERTIFICATE" => certs.push(contents.to_vec()),
                "PRIVATE KEY" | "RSA PRIVATE KEY" if key.is_none() => key = Some(contents),
                "ENCRYPTED PRIVATE KEY" if key.is_none() => {
                    let password = password.ok_or(KeyError::EncryptedPem)?;
                    key = Some(decrypt_pkcs8(&contents, password)?);
                }
                "EC PRIVATE KEY" => return Err(KeyError::KeyRejected("not an RSA key")),
                _ => {}
            }
        }
        if let Some(c) = cert_pem {
            certs = pem_blocks(c)?
                .into_iter()
                .filter(|(label, _)| label == "CERTIFICATE")
                .map(|(_, der)| der.to_vec())
                .collect();
        }
        let key = key.ok_or(KeyError::Pem("no private key block"))?;
        Self::with_certificates(&key, certs)
    }

    /// Builds a signer from a DER private key (PKCS#8 or PKCS#1) and a DER certificate.
    pub fn from_der(key_der: &[u8], certificate_der: &[u8]) -> Result<Self, KeyError> {
        Self::with_certificates(key_der, vec![certificate_der.to_vec()])
    }

    /// The key, with the certificate among `certs` whose public key is the key's.
    fn with_certificates(key_der: &[u8], certs: Vec<Vec<u8>>) -> Result<Self, KeyError> {
        let key = RsaKeyPair::from_pkcs8(key_der)
            .or_else(|e| RsaKeyPair::from_der(key_der).map_err(|_| e))
            .map_err(|e| KeyError::KeyRejected(rejection(&e)))?;
        if certs.is_empty() {
            return Err(KeyError::NoCertificate);
        }
        let public = key.public_key().as_ref().to_vec();
        let found = certs
            .iter()
            .position(|c| rsa_public_key(c).as_deref() == Some(&public[..]));
        match found {
            Some(i) => {
                let mut others = certs;
                let certificate = others.remove(i);
                Ok(KeyFileSigner {
                    key,
                    certificate,
                    others,
                })
            }
            None if certs.iter().all(|c| CertificateInfo::from_der(c).is_err()) => {
                Err(KeyError::BadCertificate)
            }
            None => Err(KeyError::CertificateMismatch),
        }
    }

    /// Facts about the signer's certificate.
    pub fn certificate_info(&self) -> Result<CertificateInfo, KeyError> {
        CertificateInfo::from_der(&self.certificate)
    }

    /// The other certificates found with the key (usually the CA chain), DER-encoded.
    pub fn other_certificates(&self) -> &[Vec<u8>] {
        &self.others
    }
}

impl Signer for KeyFileSigner {
    fn certificate_der(&self) -> &[u8] {
        &self.certificate
    }

    fn sign_rsa_sha256(&self, data: &[u8]) -> Result<Vec<u8>, SignError> {
        let rng = ring::rand::SystemRandom::new();
        let mut sig = vec![0u8; self.key.public().modulus_len()];
        self.key
            .sign(&ring::signature::RSA_PKCS1_SHA256, &rng, data, &mut sig)
            .map_err(|_| SignError::Device("RSA signing failed".into()))?;
        Ok(sig)
    }
}

/// Why `ring` refused a key, in words.
fn rejection(e: &ring::error::KeyRejected) -> &'static str {
    match e.to_string().as_str() {
        "TooSmall" => "the key is smaller than 2048 bits",
        "TooLarge" => "the key is larger than 4096 bits",
        "WrongAlgorithm" => "not an RSA key",
        "InvalidEncoding" => "not a valid PKCS#8 or PKCS#1 RSA key",
        "VersionNotSupported" => "unsupported key format version",
        "InconsistentComponents" | "InvalidComponent" => "the key's components are inconsistent",
        _ => "the key is not usable",
    }
}

/// A PEM block: its label and decoded contents.
type PemBlock = (String, Zeroizing<Vec<u8>>);

/// The blocks of a PEM file.
fn pem_blocks(bytes: &[u8]) -> Result<Vec<PemBlock>, KeyError> {
    let mut out = Vec::new();
    for block in x509_parser::pem::Pem::iter_from_buffer(bytes) {
        let block = block.map_err(|_| KeyError::Pem("a PEM block is damaged"))?;
        out.push((block.label, Zeroizing::new(block.contents)));
    }
    if out.is_empty() {
        return Err(KeyError::Pem("no PEM block found"));
    }
    Ok(out)
}

/// Decrypts an `EncryptedPrivateKeyInfo` (PBES2) into PKCS#8 DER.
fn decrypt_pkcs8(der: &[u8], password: &Password) -> Result<Zeroizing<Vec<u8>>, KeyError> {
    let info = pkcs8::EncryptedPrivateKeyInfoRef::try_from(der)
        .map_err(|_| KeyError::Pem("the encrypted private key is damaged"))?;
    let doc = info
        .decrypt(password.expose_secret())
        .map_err(|_| KeyError::EncryptedPem)?;
    Ok(Zeroizing::new(doc.as_bytes().to_vec()))
}
