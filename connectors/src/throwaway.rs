//! A throw-away signing key and self-signed certificate, made fresh in memory, for the demo,
//! the sandbox and tests. Never use it for real claims: no gateway trusts it.

use lienthong::sign::KeyFileSigner;
use rsa::pkcs8::EncodePrivateKey;

/// A fresh RSA-2048 key and a self-signed certificate for `common_name`, valid from yesterday
/// for 30 days. Returns the signer and the certificate (DER), to register with a sandbox.
pub fn throwaway_signer(common_name: &str) -> Result<(KeyFileSigner, Vec<u8>), String> {
    let mut rng = rsa::rand_core::OsRng;
    let key = rsa::RsaPrivateKey::new(&mut rng, 2048).map_err(|e| e.to_string())?;
    let pkcs8 = key.to_pkcs8_der().map_err(|e| e.to_string())?;
    let pem = key
        .to_pkcs8_pem(rsa::pkcs8::LineEnding::LF)
        .map_err(|e| e.to_string())?;
    let kp = rcgen::KeyPair::from_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256)
        .map_err(|e| e.to_string())?;
    let mut params =
        rcgen::CertificateParams::new(Vec::<String>::new()).map_err(|e| e.to_string())?;
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, common_name);
    params.distinguished_name.push(
        rcgen::DnType::OrganizationName,
        "Lienthong demo (not trusted)",
    );
    let now = std::time::SystemTime::now();
    let day = std::time::Duration::from_secs(86_400);
    params.not_before = (now - day).into();
    params.not_after = (now + 30 * day).into();
    let cert = params.self_signed(&kp).map_err(|e| e.to_string())?;
    let cert_der = cert.der().to_vec();
    let signer = KeyFileSigner::from_der(pkcs8.as_bytes(), &cert_der).map_err(|e| e.to_string())?;
    Ok((signer, cert_der))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_verifies() {
        let (signer, cert) = throwaway_signer("BV Demo 99001").unwrap();
        assert!(cert.len() > 300);
        let file = lienthong::gen::generate(&lienthong::gen::GenOptions {
            hoso: 1,
            seed: 3,
            ..Default::default()
        });
        let signed = lienthong::sign::sign(&file, &signer).unwrap();
        let v = lienthong::sign::verify(&signed).unwrap();
        assert!(v.is_valid() && v.covers_whole_document());
        assert!(v.certificate.unwrap().subject.contains("BV Demo 99001"));
    }
}
