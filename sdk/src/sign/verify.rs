//! Verifying XMLDSig signatures of claim documents, including those made by other software.
//!
//! Supported: `Reference` URIs `""`, `#id` (attributes `Id`, `ID` or `id`), `#xpointer(/)` and
//! `#xpointer(id('...'))`; the enveloped-signature transform; Canonical XML 1.0 and Exclusive
//! Canonicalization 1.0, each with or without comments; SHA-1, SHA-256, SHA-384 and SHA-512
//! digests; RSA PKCS#1 v1.5 signatures with those hashes (keys of 2048 bits or more); the key
//! from `X509Certificate` or `RSAKeyValue`. The certificate is reported, and its validity checked
//! against a time; it is not checked against a list of trusted certification authorities.

use super::c14n::{write_subset, Method, Subset};
use super::cert::{unix_seconds, CertificateInfo, Validity};
use super::dsig::{digest_subset, within, ENVELOPED_SIGNATURE};
use super::error::VerifyError;
use super::xml::{compact_text, dsig_child, element_qname, is_dsig, parse, text_of, XmlLimits};
use crate::codec::DocumentKind;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ring::digest;
use ring::signature::{self as sig, RsaPublicKeyComponents, UnparsedPublicKey};
use roxmltree::{Document, Node};
use std::time::SystemTime;

/// Most `Reference`s checked in one signature.
const MAX_REFERENCES: usize = 32;

/// Options of [`verify_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerifyOptions {
    /// The time at which the certificate's validity is judged (`None`: now).
    pub at: Option<SystemTime>,
    /// Limits on the document.
    pub limits: XmlLimits,
}

impl VerifyOptions {
    /// Options with explicit limits, judging the certificate now.
    pub fn with_limits(limits: XmlLimits) -> Self {
        VerifyOptions { at: None, limits }
    }
}

/// What part of the document a `Reference` covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// The whole document except the signature itself (the enveloped profile).
    WholeDocumentMinusSignature,
    /// The whole document, signature included (only possible for a signature outside it).
    WholeDocument,
    /// One element and its content.
    Element {
        /// The element's name as written.
        name: String,
        /// The ID it was found by.
        id: String,
        /// Whether the element is part of the signature (an `Object`).
        inside_signature: bool,
    },
}

/// The check of one `Reference`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceCheck {
    /// The `URI` attribute.
    pub uri: String,
    /// The transforms' algorithm URIs, in order.
    pub transforms: Vec<String>,
    /// The digest method's URI.
    pub digest_method: String,
    /// Whether the digest of the referenced content matches `DigestValue`.
    pub digest_ok: bool,
    /// What the reference covers.
    pub coverage: Coverage,
}

/// The result of verifying a signed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The kind of claim document, from its root element (`None` for other XML).
    pub document: Option<DocumentKind>,
    /// Where the signature is: the path of element names from the root.
    pub location: String,
    /// The `SignedInfo` canonicalization method's URI.
    pub canonicalization: String,
    /// The signature method's URI.
    pub signature_method: String,
    /// Each `Reference`, in order.
    pub references: Vec<ReferenceCheck>,
    /// Whether `SignatureValue` is a valid signature of the canonical `SignedInfo` by the key
    /// of [`certificate`](Self::certificate) (or of `RSAKeyValue`).
    pub signature_ok: bool,
    /// The signer's certificate (the one whose key checks the signature; the first one found
    /// when none does), if the signature carries one.
    pub certificate: Option<CertificateInfo>,
    /// The time the certificate's validity was judged at, in seconds since the Unix epoch.
    pub checked_at: i64,
}

impl Verification {
    /// Whether every reference's digest matches (and there is at least one).
    pub fn digests_ok(&self) -> bool {
        !self.references.is_empty() && self.references.iter().all(|r| r.digest_ok)
    }

    /// Whether the signature is valid: every digest and the signature value check out
    /// (XMLDSig core validation). This says nothing of the certificate's validity period.
    pub fn is_valid(&self) -> bool {
        self.digests_ok() && self.signature_ok
    }

    /// Whether a reference with a matching digest covers the whole document (minus the
    /// signature), as the claim profile requires.
    pub fn covers_whole_document(&self) -> bool {
        self.references.iter().any(|r| {
            r.digest_ok
                && matches!(
                    r.coverage,
                    Coverage::WholeDocumentMinusSignature | Coverage::WholeDocument
                )
        })
    }

    /// Where [`checked_at`](Self::checked_at) falls in the certificate's validity period.
    pub fn certificate_validity(&self) -> Option<Validity> {
        let at =
            std::time::UNIX_EPOCH + std::time::Duration::from_secs(self.checked_at.max(0) as u64);
        self.certificate.as_ref().map(|c| c.validity_at(at))
    }

    /// Whether the certificate had expired at [`checked_at`](Self::checked_at).
    pub fn certificate_expired(&self) -> bool {
        self.certificate_validity() == Some(Validity::Expired)
    }

    /// Whether the file passes as a signed claim file: valid, covering the whole document, by a
    /// certificate within its validity period.
    pub fn is_acceptable(&self) -> bool {
        self.is_valid()
            && self.covers_whole_document()
            && self.certificate_validity() == Some(Validity::Current)
    }
}

/// Verifies the signature of a document, judging the certificate now.
pub fn verify(xml: &[u8]) -> Result<Verification, VerifyError> {
    verify_with(xml, &VerifyOptions::default())
}

/// Verifies the signature of a document. The signature checked is the `Signature` inside the
/// root's last child `CHUKYDONVI`, or else the first XMLDSig `Signature` in the document.
///
/// `Ok` carries the findings, valid or not; `Err` means there is nothing to check (not XML, no
/// signature, a malformed one) or that the signature uses something not supported.
pub fn verify_with(xml: &[u8], opts: &VerifyOptions) -> Result<Verification, VerifyError> {
    let (_, text) = text_of(xml, &opts.limits)?;
    let doc = parse(text, &opts.limits)?;
    let signature = locate_signature(&doc).ok_or(VerifyError::NoSignature)?;
    let si = dsig_child(signature, "SignedInfo").ok_or(VerifyError::Missing {
        element: "SignedInfo",
    })?;
    let cm = dsig_child(si, "CanonicalizationMethod").ok_or(VerifyError::Missing {
        element: "CanonicalizationMethod",
    })?;
    let cm_uri = algorithm(cm)?;
    let method = method_of(cm, cm_uri, "canonicalization method")?;
    let sm = dsig_child(si, "SignatureMethod").ok_or(VerifyError::Missing {
        element: "SignatureMethod",
    })?;
    let sm_uri = algorithm(sm)?;
    let params = signature_params(sm_uri)?;

    let mut references = Vec::new();
    let count = si.children().filter(|c| is_dsig(*c, "Reference")).count();
    if count > MAX_REFERENCES {
        // Each reference may digest the whole document: bound the work a file can ask for.
        return Err(VerifyError::unsupported(
            "number of references",
            &count.to_string(),
        ));
    }
    for r in si.children().filter(|c| is_dsig(*c, "Reference")) {
        references.push(check_reference(&doc, signature, r)?);
    }
    if references.is_empty() {
        return Err(VerifyError::Missing {
            element: "Reference",
        });
    }

    let value_el = dsig_child(signature, "SignatureValue").ok_or(VerifyError::Missing {
        element: "SignatureValue",
    })?;
    let value = decode(&compact_text(value_el), "SignatureValue")?;
    let mut signed = Vec::new();
    write_subset(
        &Subset {
            apex: si,
            exclude: None,
            comments: true,
        },
        &method,
        &mut signed,
    );

    let (certs, rsa_key) = keys_of(signature)?;
    let mut signature_ok = false;
    let mut signer: Option<&Vec<u8>> = None;
    for c in &certs {
        if let Some(pk) = super::cert::rsa_public_key(c) {
            if UnparsedPublicKey::new(params, &pk)
                .verify(&signed, &value)
                .is_ok()
            {
                signature_ok = true;
                signer = Some(c);
                break;
            }
        }
    }
    if !signature_ok {
        if let Some((n, e)) = &rsa_key {
            signature_ok = RsaPublicKeyComponents { n, e }
                .verify(params, &signed, &value)
                .is_ok();
        }
    }
    let certificate = signer
        .or(certs.first())
        .and_then(|c| CertificateInfo::from_der(c).ok());
    Ok(Verification {
        document: crate::codec::sniff(text.as_bytes()),
        location: path_of(text, signature),
        canonicalization: cm_uri.to_owned(),
        signature_method: sm_uri.to_owned(),
        references,
        signature_ok,
        certificate,
        checked_at: unix_seconds(opts.at.unwrap_or_else(SystemTime::now)),
    })
}

/// The signature to verify: inside the root's last child `CHUKYDONVI`, else the first
/// XMLDSig `Signature` element of the document.
pub(crate) fn locate_signature<'a, 'i>(doc: &'a Document<'i>) -> Option<Node<'a, 'i>> {
    let root = doc.root_element();
    let slot = root
        .children()
        .rfind(|n| n.is_element())
        .filter(|n| n.tag_name().name() == "CHUKYDONVI" && n.tag_name().namespace().is_none());
    slot.and_then(|s| dsig_child(s, "Signature"))
        .or_else(|| doc.descendants().find(|n| is_dsig(*n, "Signature")))
}

fn algorithm<'a>(node: Node<'a, '_>) -> Result<&'a str, VerifyError> {
    node.attribute("Algorithm").ok_or(VerifyError::Missing {
        element: "Algorithm",
    })
}

/// The canonicalization method of `node` (with its `InclusiveNamespaces PrefixList`).
fn method_of(node: Node<'_, '_>, uri: &str, what: &'static str) -> Result<Method, VerifyError> {
    let mut m = Method::from_uri(uri).ok_or_else(|| VerifyError::unsupported(what, uri))?;
    if let Method::Exclusive {
        inclusive_prefixes, ..
    } = &mut m
    {
        let list = node
            .children()
            .find(|c| c.is_element() && c.tag_name().name() == "InclusiveNamespaces")
            .and_then(|c| c.attribute("PrefixList"));
        if let Some(list) = list {
            inclusive_prefixes.extend(list.split_ascii_whitespace().map(str::to_owned));
        }
    }
    Ok(m)
}

fn signature_params(uri: &str) -> Result<&'static sig::RsaParameters, VerifyError> {
    Ok(match uri {
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1" => {
            &sig::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY
        }
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" => &sig::RSA_PKCS1_2048_8192_SHA256,
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384" => &sig::RSA_PKCS1_2048_8192_SHA384,
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" => &sig::RSA_PKCS1_2048_8192_SHA512,
        other => return Err(VerifyError::unsupported("signature method", other)),
    })
}

fn digest_algorithm(uri: &str) -> Result<&'static digest::Algorithm, VerifyError> {
    Ok(match uri {
        "http://www.w3.org/2000/09/xmldsig#sha1" => &digest::SHA1_FOR_LEGACY_USE_ONLY,
        "http://www.w3.org/2001/04/xmlenc#sha256" => &digest::SHA256,
        "http://www.w3.org/2001/04/xmldsig-more#sha384" => &digest::SHA384,
        "http://www.w3.org/2001/04/xmlenc#sha512" => &digest::SHA512,
        other => return Err(VerifyError::unsupported("digest method", other)),
    })
}

fn decode(b64: &str, element: &'static str) -> Result<Vec<u8>, VerifyError> {
    STANDARD
        .decode(b64)
        .map_err(|_| VerifyError::BadBase64 { element })
}

/// The element carrying ID `id` (in an attribute `Id`, `ID` or `id` without namespace).
fn by_id<'a, 'i>(doc: &'a Document<'i>, id: &str, uri: &str) -> Result<Node<'a, 'i>, VerifyError> {
    let mut found = doc.descendants().filter(|n| {
        n.is_element()
            && n.attributes().any(|a| {
                a.namespace().is_none() && matches!(a.name(), "Id" | "ID" | "id") && a.value() == id
            })
    });
    let first = found.next().ok_or_else(|| VerifyError::ReferenceNotFound {
        uri: uri.chars().take(200).collect(),
    })?;
    if found.next().is_some() {
        return Err(VerifyError::DuplicateId {
            uri: uri.chars().take(200).collect(),
        });
    }
    Ok(first)
}

fn check_reference(
    doc: &Document<'_>,
    signature: Node<'_, '_>,
    reference: Node<'_, '_>,
) -> Result<ReferenceCheck, VerifyError> {
    let uri = reference.attribute("URI").ok_or(VerifyError::Missing {
        element: "Reference/@URI",
    })?;
    let xpointer_id = uri
        .strip_prefix("#xpointer(id(")
        .and_then(|s| s.strip_suffix("))"))
        .and_then(|s| {
            s.strip_prefix('\'')
                .and_then(|s| s.strip_suffix('\''))
                .or_else(|| s.strip_prefix('"').and_then(|s| s.strip_suffix('"')))
        });
    let (apex, comments) = match uri {
        "" => (doc.root(), false),
        "#xpointer(/)" => (doc.root(), true),
        _ if xpointer_id.is_some() => (by_id(doc, xpointer_id.unwrap_or(""), uri)?, true),
        _ if uri.starts_with('#') && !uri.starts_with("#xpointer(") => {
            (by_id(doc, &uri[1..], uri)?, false)
        }
        _ => return Err(VerifyError::unsupported("reference URI", uri)),
    };
    let mut exclude = None;
    let mut method: Option<Method> = None;
    let mut transforms = Vec::new();
    if let Some(ts) = dsig_child(reference, "Transforms") {
        for t in ts.children().filter(|c| is_dsig(*c, "Transform")) {
            let alg = algorithm(t)?;
            transforms.push(alg.to_owned());
            if method.is_some() {
                return Err(VerifyError::unsupported(
                    "transform after canonicalization",
                    alg,
                ));
            }
            if alg == ENVELOPED_SIGNATURE {
                if within(signature, apex.id()) {
                    exclude = Some(signature.id());
                }
            } else {
                method = Some(method_of(t, alg, "transform")?);
            }
        }
    }
    let dm = dsig_child(reference, "DigestMethod").ok_or(VerifyError::Missing {
        element: "DigestMethod",
    })?;
    let dm_uri = algorithm(dm)?;
    let alg = digest_algorithm(dm_uri)?;
    let dv = dsig_child(reference, "DigestValue").ok_or(VerifyError::Missing {
        element: "DigestValue",
    })?;
    let expected = decode(&compact_text(dv), "DigestValue")?;
    let set = Subset {
        apex,
        exclude,
        comments,
    };
    let actual = digest_subset(&set, method.as_ref().unwrap_or(&Method::C14N), alg);
    let whole = apex.is_root() || apex.id() == doc.root_element().id();
    let coverage = match (whole, exclude.is_some()) {
        (true, true) => Coverage::WholeDocumentMinusSignature,
        (true, false) => Coverage::WholeDocument,
        (false, _) => Coverage::Element {
            name: element_qname(doc.input_text(), apex).to_owned(),
            id: xpointer_id
                .unwrap_or(uri.trim_start_matches('#'))
                .to_owned(),
            inside_signature: within(apex, signature.id()),
        },
    };
    Ok(ReferenceCheck {
        uri: uri.to_owned(),
        transforms,
        digest_method: dm_uri.to_owned(),
        digest_ok: actual == expected,
        coverage,
    })
}

/// An `RSAKeyValue`: modulus and exponent, big-endian.
type RsaKeyValue = (Vec<u8>, Vec<u8>);

/// The certificates of `KeyInfo/X509Data` and the `RSAKeyValue`.
fn keys_of(signature: Node<'_, '_>) -> Result<(Vec<Vec<u8>>, Option<RsaKeyValue>), VerifyError> {
    let Some(ki) = dsig_child(signature, "KeyInfo") else {
        return Err(VerifyError::NoKey);
    };
    let mut certs = Vec::new();
    for c in ki.descendants().filter(|n| is_dsig(*n, "X509Certificate")) {
        certs.push(decode(&compact_text(c), "X509Certificate")?);
    }
    let rsa = ki
        .descendants()
        .find(|n| is_dsig(*n, "RSAKeyValue"))
        .map(|kv| -> Result<_, VerifyError> {
            let part = |name: &'static str| {
                dsig_child(kv, name)
                    .ok_or(VerifyError::Missing { element: name })
                    .and_then(|n| decode(&compact_text(n), name))
            };
            Ok((part("Modulus")?, part("Exponent")?))
        })
        .transpose()?;
    if certs.is_empty() && rsa.is_none() {
        return Err(VerifyError::NoKey);
    }
    Ok((certs, rsa))
}

/// `GIAMDINHHS/CHUKYDONVI/Signature`: the element names from the root to `node`.
fn path_of(text: &str, node: Node<'_, '_>) -> String {
    let mut names: Vec<&str> = node
        .ancestors()
        .filter(|a| a.is_element())
        .map(|a| element_qname(text, a))
        .collect();
    names.reverse();
    names.join("/")
}
