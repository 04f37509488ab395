//! A throw-away CA and a server certificate for `localhost` and `127.0.0.1`.

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose,
};

fn io(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(format!("sandbox TLS setup: {e}"))
}

/// The acceptor and the CA certificate (PEM) clients must trust.
pub(crate) fn acceptor() -> std::io::Result<(tokio_native_tls::TlsAcceptor, String)> {
    let ca_key = KeyPair::generate().map_err(io)?;
    let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(io)?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "Lienthong sandbox CA");
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca_cert = ca.self_signed(&ca_key).map_err(io)?;

    let key = KeyPair::generate().map_err(io)?;
    let mut leaf = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
        .map_err(io)?;
    leaf.distinguished_name
        .push(DnType::CommonName, "localhost");
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    leaf.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    let cert = leaf.signed_by(&key, &ca_cert, &ca_key).map_err(io)?;

    let chain = format!("{}{}", cert.pem(), ca_cert.pem());
    let identity =
        native_tls::Identity::from_pkcs8(chain.as_bytes(), key.serialize_pem().as_bytes())
            .map_err(io)?;
    let acceptor = native_tls::TlsAcceptor::new(identity).map_err(io)?;
    Ok((tokio_native_tls::TlsAcceptor::from(acceptor), ca_cert.pem()))
}
