//! Signing and verifying: the profile written, bytes kept outside `CHUKYDONVI`, tampering
//! found, signatures of other software read, bad input refused without panics.

use super::{fixture, signer};
use crate::sign::{
    sign, verify, verify_with, Coverage, KeyFileSigner, SignError, Signer, Validity, VerifyError,
    VerifyOptions, DSIG_NS,
};
use std::time::{Duration, UNIX_EPOCH};

fn text(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap()
}

/// The bytes before the `CHUKYDONVI` start tag and after its end tag.
fn outside(doc: &[u8]) -> (&[u8], &[u8]) {
    let s = text(doc);
    let start = s.rfind("<CHUKYDONVI").unwrap();
    let end = s.rfind("</CHUKYDONVI>").map_or_else(
        || start + s[start..].find("/>").unwrap() + 2,
        |e| e + "</CHUKYDONVI>".len(),
    );
    (&doc[..start], &doc[end..])
}

#[test]
fn signs_an_envelope_with_the_profile() {
    let original = fixture("envelope.xml");
    let signed = sign(&original, &signer()).unwrap();
    // Nothing outside CHUKYDONVI changed.
    assert_eq!(outside(&original), outside(&signed));
    let s = text(&signed);
    for part in [
        "<CHUKYDONVI><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>",
        "<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\">",
        "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\">",
        "<Reference URI=\"\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"></Transform><Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"></Transform></Transforms>",
        "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\">",
        "<KeyInfo><X509Data><X509Certificate>",
        "</Signature></CHUKYDONVI>\n</GIAMDINHHS>\n",
    ] {
        assert!(s.contains(part), "missing {part}");
    }
    let v = verify(&signed).unwrap();
    assert!(v.is_valid() && v.digests_ok() && v.signature_ok);
    assert!(v.covers_whole_document() && v.is_acceptable());
    assert_eq!(v.location, "GIAMDINHHS/CHUKYDONVI/Signature");
    assert_eq!(v.document, Some(crate::codec::DocumentKind::Envelope));
    assert_eq!(v.references.len(), 1);
    assert_eq!(
        v.references[0].coverage,
        Coverage::WholeDocumentMinusSignature
    );
    let cert = v.certificate.as_ref().unwrap();
    assert_eq!(cert.serial, "5401A2B3C4D5E6F7");
    assert_eq!(v.certificate_validity(), Some(Validity::Current));
    // The reader sees the same tables, and the signature as the CHUKYDONVI content.
    let a = crate::Envelope::from_bytes(&original).unwrap();
    let b = crate::Envelope::from_bytes(&signed).unwrap();
    assert_eq!((a.header, a.hosos), (b.header.clone(), b.hosos.clone()));
    assert!(b.signature.unwrap().starts_with("<Signature xmlns="));
}

#[test]
fn tampering_is_found() {
    let signed = sign(&fixture("envelope.xml"), &signer()).unwrap();
    let s = text(&signed);
    // One character of a table's base64.
    let at = s.find("<NOIDUNGFILE>").unwrap() + "<NOIDUNGFILE>".len() + 40;
    let mut t = signed.clone();
    t[at] = if t[at] == b'A' { b'B' } else { b'A' };
    let v = verify(&t).unwrap();
    assert!(!v.digests_ok() && v.signature_ok && !v.is_valid() && !v.is_acceptable());
    // Anything in the header.
    let t = s.replace("<MACSKCB>79001</MACSKCB>", "<MACSKCB>79002</MACSKCB>");
    assert!(!verify(t.as_bytes()).unwrap().is_valid());
    // The signature value.
    let sv = s.find("<SignatureValue>").unwrap() + "<SignatureValue>".len() + 10;
    let mut t = signed.clone();
    t[sv] = if t[sv] == b'A' { b'B' } else { b'A' };
    let v = verify(&t).unwrap();
    assert!(v.digests_ok() && !v.signature_ok && !v.is_valid());
    // The digest value: the digest no longer matches, and SignedInfo no longer matches the
    // signature.
    let dv = s.find("<DigestValue>").unwrap() + "<DigestValue>".len() + 3;
    let mut t = signed.clone();
    t[dv] = if t[dv] == b'A' { b'B' } else { b'A' };
    let v = verify(&t).unwrap();
    assert!(!v.digests_ok() && !v.signature_ok);
    // Layout changes that canonicalization ignores do not break it: attribute quotes and
    // order in the root, an XML declaration's quotes.
    let t = s.replacen(
        "<GIAMDINHHS xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">",
        "<GIAMDINHHS  xmlns:xsd='http://www.w3.org/2001/XMLSchema' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' >",
        1,
    );
    assert!(
        verify(t.replacen("version=\"1.0\"", "version='1.0'", 1).as_bytes())
            .unwrap()
            .is_valid()
    );
}

#[test]
fn resigning_replaces_the_signature() {
    let original = fixture("envelope.xml");
    let once = sign(&original, &signer()).unwrap();
    let twice = sign(&once, &signer()).unwrap();
    assert_eq!(once, twice, "PKCS#1 v1.5 signing is deterministic");
    assert_eq!(text(&twice).matches("<Signature xmlns").count(), 1);
    assert_eq!(outside(&original), outside(&twice));
}

#[test]
fn slot_forms_and_file_layouts() {
    let base = text(&fixture("envelope.xml")).to_owned();
    let cases = [
        base.replace("<CHUKYDONVI/>", "<CHUKYDONVI></CHUKYDONVI>"),
        base.replace("<CHUKYDONVI/>", "<CHUKYDONVI >\n    \n  </CHUKYDONVI>"),
        base.replace("<CHUKYDONVI/>", "<CHUKYDONVI />"),
        base.replace("\n", "\r\n"),
        format!("\u{FEFF}{base}"),
        base.replace("<CHUKYDONVI/>", "<!-- ký sau --><CHUKYDONVI/><?pi x?>"),
    ];
    for (i, doc) in cases.iter().enumerate() {
        let signed = sign(doc.as_bytes(), &signer()).unwrap_or_else(|e| panic!("{i}: {e}"));
        assert_eq!(outside(doc.as_bytes()), outside(&signed), "case {i}");
        assert!(verify(&signed).unwrap().is_acceptable(), "case {i}");
        crate::Envelope::from_bytes(&signed).unwrap_or_else(|e| panic!("{i}: {e}"));
    }
    // No CHUKYDONVI: one is added as the last child, nothing else changes.
    let without = base.replace("  <CHUKYDONVI/>\n", "");
    let signed = sign(without.as_bytes(), &signer()).unwrap();
    let s = text(&signed);
    let at = s.find("  <CHUKYDONVI>").unwrap();
    assert_eq!(&s[..at], &without[..at]);
    assert!(s.ends_with("</Signature></CHUKYDONVI>\n</GIAMDINHHS>\n"));
    assert!(verify(&signed).unwrap().is_acceptable());
}

#[test]
fn refuses_what_it_cannot_sign() {
    assert!(matches!(
        sign(b"<other><CHUKYDONVI/></other>", &signer()),
        Err(SignError::NotSignable { .. })
    ));
    assert!(matches!(
        sign(b"<GIAMDINHHS><CHUKYDONVI/><X/></GIAMDINHHS>", &signer()),
        Err(SignError::SlotNotLast)
    ));
    assert!(matches!(
        sign(
            b"<!DOCTYPE GIAMDINHHS><GIAMDINHHS><CHUKYDONVI/></GIAMDINHHS>",
            &signer()
        ),
        Err(SignError::Xml(crate::sign::XmlError::Doctype))
    ));
    assert!(matches!(
        sign(b"<GIAMDINHHS><CHUKYDONVI>", &signer()),
        Err(SignError::Xml(_))
    ));
    assert!(matches!(
        sign(b"<GIAMDINHHS/>", &signer()),
        Err(SignError::NotSignable { .. })
    ));
}

/// A signer standing for a USB token: the key stays inside it.
struct Token {
    inner: KeyFileSigner,
    fail: Option<&'static str>,
    garbage: bool,
}

impl Signer for Token {
    fn certificate_der(&self) -> &[u8] {
        self.inner.certificate_der()
    }
    fn sign_rsa_sha256(&self, data: &[u8]) -> Result<Vec<u8>, SignError> {
        if let Some(msg) = self.fail {
            return Err(SignError::Device(msg.into()));
        }
        let mut sig = self.inner.sign_rsa_sha256(data)?;
        if self.garbage {
            sig[0] ^= 1;
        }
        Ok(sig)
    }
}

#[test]
fn a_device_signer_plugs_in() {
    let doc = fixture("envelope.xml");
    let token = Token {
        inner: signer(),
        fail: None,
        garbage: false,
    };
    assert_eq!(sign(&doc, &token).unwrap(), sign(&doc, &signer()).unwrap());
    let failing = Token {
        inner: signer(),
        fail: Some("PIN locked"),
        garbage: false,
    };
    assert_eq!(
        sign(&doc, &failing).unwrap_err(),
        SignError::Device("PIN locked".into())
    );
    let wrong = Token {
        inner: signer(),
        fail: None,
        garbage: true,
    };
    assert_eq!(sign(&doc, &wrong).unwrap_err(), SignError::SelfCheck);
}

#[test]
fn verifies_a_file_signed_by_xmlsec1() {
    let doc = fixture("xmlsec-envelope.xml");
    let v = verify(&doc).unwrap();
    assert!(v.is_valid() && v.covers_whole_document(), "{v:?}");
    // KeyInfo lists the CA first; the signer is the certificate whose key checks out.
    assert_eq!(v.certificate.as_ref().unwrap().serial, "5401A2B3C4D5E6F7");
    let s = text(&doc);
    let at = s.rfind("<NOIDUNGFILE>").unwrap() + "<NOIDUNGFILE>".len() + 7;
    let mut t = doc.clone();
    t[at] = if t[at] == b'Q' { b'R' } else { b'Q' };
    assert!(!verify(&t).unwrap().is_valid());
}

#[test]
fn verifies_other_profiles() {
    // Prefixed ds:, exclusive canonicalization with a prefix list, a reference by ID and one
    // to a signed Object, made by xmlsec1 (see make.sh).
    let doc = fixture("xmlsec-exc-id.xml");
    let v = verify(&doc).unwrap();
    assert!(v.is_valid(), "{v:?}");
    assert!(v.covers_whole_document());
    assert_eq!(v.references.len(), 2);
    assert_eq!(
        v.references[0].coverage,
        Coverage::WholeDocumentMinusSignature
    );
    assert_eq!(
        v.references[1].coverage,
        Coverage::Element {
            name: "ds:Object".into(),
            id: "Object-CHUKYDONVI-Id-1".into(),
            inside_signature: true
        }
    );
    assert_eq!(v.canonicalization, crate::sign::c14n::EXC_C14N);
    let t = text(&doc).replace("Nguyễn", "Nguyen");
    assert!(!verify(t.as_bytes()).unwrap().is_valid());
}

#[test]
fn certificate_time_is_judged_at_the_given_time() {
    let signed = sign(&fixture("envelope.xml"), &signer()).unwrap();
    let v = verify(&signed).unwrap();
    let cert = v.certificate.clone().unwrap();
    let later = VerifyOptions {
        at: Some(UNIX_EPOCH + Duration::from_secs(cert.not_after as u64 + 1)),
        ..Default::default()
    };
    let v = verify_with(&signed, &later).unwrap();
    assert!(v.is_valid() && v.certificate_expired() && !v.is_acceptable());
    let earlier = VerifyOptions {
        at: Some(UNIX_EPOCH + Duration::from_secs(cert.not_before as u64 - 1)),
        ..Default::default()
    };
    let v = verify_with(&signed, &earlier).unwrap();
    assert_eq!(v.certificate_validity(), Some(Validity::NotYetValid));
}

#[test]
fn verification_errors() {
    let unsigned = fixture("envelope.xml");
    let e = verify(&unsigned).unwrap_err();
    assert_eq!(e, VerifyError::NoSignature);
    assert!(e.is_invalid_signature());
    let signed = String::from_utf8(sign(&unsigned, &signer()).unwrap()).unwrap();
    let e = verify(
        signed
            .replace("xmldsig-more#rsa-sha256", "xmldsig-more#ecdsa-sha256")
            .as_bytes(),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        VerifyError::Unsupported {
            what: "signature method",
            ..
        }
    ));
    assert!(!e.is_invalid_signature());
    let e = verify(
        signed
            .replace("<SignatureValue>", "<SignatureValue>!")
            .as_bytes(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        VerifyError::BadBase64 {
            element: "SignatureValue"
        }
    );
    let start = signed.find("<KeyInfo>").unwrap();
    let end = signed.find("</KeyInfo>").unwrap() + "</KeyInfo>".len();
    let no_key = format!("{}{}", &signed[..start], &signed[end..]);
    assert_eq!(verify(no_key.as_bytes()).unwrap_err(), VerifyError::NoKey);
    let e = verify(signed.replace("URI=\"\"", "URI=\"#nothing\"").as_bytes()).unwrap_err();
    assert!(matches!(e, VerifyError::ReferenceNotFound { .. }));
    let e = verify(
        signed
            .replace("URI=\"\"", "URI=\"http://example.invalid/x\"")
            .as_bytes(),
    )
    .unwrap_err();
    assert!(matches!(e, VerifyError::Unsupported { .. }));
    assert!(matches!(verify(b"not xml"), Err(VerifyError::Xml(_))));
    // A signature asking for many digests of the whole document is refused.
    let r0 = signed.find("<Reference").unwrap();
    let r1 = signed.find("</Reference>").unwrap() + "</Reference>".len();
    let many = format!(
        "{}{}{}",
        &signed[..r0],
        signed[r0..r1].repeat(33),
        &signed[r1..]
    );
    let e = verify(many.as_bytes()).unwrap_err();
    assert_eq!(
        e,
        VerifyError::Unsupported {
            what: "number of references",
            uri: "33".into()
        }
    );
    assert!(e.message_vi().contains("số lượng tham chiếu"));
    // A signature in a foreign namespace is not an XMLDSig signature.
    let foreign = signed.replace(DSIG_NS, "urn:not-dsig");
    assert_eq!(
        verify(foreign.as_bytes()).unwrap_err(),
        VerifyError::NoSignature
    );
}

#[test]
fn damaged_signed_files_never_panic() {
    let signed = sign(&fixture("envelope.xml"), &signer()).unwrap();
    let s = text(&signed);
    let from = s.find("<CHUKYDONVI>").unwrap();
    // KeyInfo is not covered by the signature (the certificate is reported, not trusted).
    let key_info = s.find("<KeyInfo>").unwrap()..s.find("</KeyInfo>").unwrap();
    // Truncations and single-byte changes throughout the signature.
    for cut in (from..signed.len()).step_by(37) {
        let _ = verify(&signed[..cut]);
        let mut t = signed.clone();
        t[cut] = b'<';
        let _ = verify(&t);
        let mut t = signed.clone();
        t[cut] = b'x';
        if let Ok(v) = verify(&t) {
            let unnoticed = v.is_valid() && t[cut] != signed[cut] && !key_info.contains(&cut);
            assert!(!unnoticed, "change at {cut} went unnoticed");
        }
    }
}
