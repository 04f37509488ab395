//! Signing claim documents with an enveloped XMLDSig signature inside `CHUKYDONVI`.
//!
//! The profile (the one Vietnamese vendors use for the BHXH gateway): Canonical XML 1.0 without
//! comments for `SignedInfo`, RSA with SHA-256, one `Reference URI=""` over the whole document
//! with the transforms enveloped-signature then Canonical XML 1.0, a SHA-256 digest, and the
//! signer's certificate in `KeyInfo/X509Data/X509Certificate`. The `Signature` element (in the
//! XMLDSig default namespace) replaces the content of `CHUKYDONVI`, the last child of the root;
//! no other byte of the file changes.

use super::c14n::{write_subset, Method, Sink, Subset, C14N};
use super::error::SignError;
use super::keys::Signer;
use super::verify::{locate_signature, verify_with, VerifyOptions};
use super::xml::{element_qname, end_tag_start, parse, start_tag_end, text_of, XmlLimits, DSIG_NS};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use roxmltree::{Document, Node, NodeId};
use std::ops::Range;

/// URI of the RSA with SHA-256 signature method.
pub const RSA_SHA256: &str = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
/// URI of the SHA-256 digest method.
pub const SHA256: &str = "http://www.w3.org/2001/04/xmlenc#sha256";
/// URI of the enveloped-signature transform.
pub const ENVELOPED_SIGNATURE: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

/// The element that holds the signature.
const SLOT: &str = "CHUKYDONVI";

/// Signs a claim document (a `GIAMDINHHS` envelope, a check-in or an XML12 document) with
/// `signer`, returning the signed file. See [`sign_with_limits`].
pub fn sign(xml: &[u8], signer: &dyn Signer) -> Result<Vec<u8>, SignError> {
    sign_with_limits(xml, signer, &XmlLimits::default())
}

/// Signs a claim document with explicit limits.
///
/// The content of `CHUKYDONVI` (an empty element, whitespace, or an earlier signature) is
/// replaced by the new `Signature`; when the root has no `CHUKYDONVI`, one is added as its last
/// child. Every byte outside `CHUKYDONVI` (declaration, byte-order mark, layout, base64 text) is
/// kept. The result is verified before it is returned.
pub fn sign_with_limits(
    xml: &[u8],
    signer: &dyn Signer,
    limits: &XmlLimits,
) -> Result<Vec<u8>, SignError> {
    let (bom, text) = text_of(xml, limits)?;
    let slot = {
        let doc = parse(text, limits)?;
        Slot::find(&doc, text)?
    };
    let cert = STANDARD.encode(signer.certificate_der());

    // 1. The digest of the document without the signature (enveloped transform, then C14N).
    let digest = {
        let draft = slot.splice(text, &signature_xml(&signed_info_xml(""), "", &cert));
        let doc = parse(&draft, limits)?;
        let sig = our_signature(&doc)?;
        digest_subset(
            &Subset {
                apex: doc.root(),
                exclude: Some(sig.id()),
                comments: false,
            },
            &Method::C14N,
            &ring::digest::SHA256,
        )
    };

    // 2. The canonical SignedInfo, in the context of the document (it inherits the namespace
    //    declarations of CHUKYDONVI's ancestors), is what the signer signs.
    let signed_info = signed_info_xml(&STANDARD.encode(digest));
    let to_sign = {
        let draft = slot.splice(text, &signature_xml(&signed_info, "", &cert));
        let doc = parse(&draft, limits)?;
        let sig = our_signature(&doc)?;
        let si = sig.first_element_child().ok_or(SignError::SelfCheck)?;
        let mut out = Vec::new();
        write_subset(
            &Subset {
                apex: si,
                exclude: None,
                comments: true,
            },
            &Method::C14N,
            &mut out,
        );
        out
    };
    let value = signer.sign_rsa_sha256(&to_sign)?;

    // 3. The file with the signature value, checked before it is handed back.
    let signature = signature_xml(&signed_info, &STANDARD.encode(value), &cert);
    let mut out = Vec::with_capacity(xml.len() + signature.len() + 64);
    out.extend_from_slice(&xml[..bom]);
    slot.write(text, &signature, &mut out);
    let check = verify_with(&out, &VerifyOptions::with_limits(*limits));
    match check {
        Ok(v) if v.is_valid() && v.covers_whole_document() => Ok(out),
        _ => Err(SignError::SelfCheck),
    }
}

/// The `Signature` this module placed inside `CHUKYDONVI`.
fn our_signature<'a, 'i>(doc: &'a Document<'i>) -> Result<Node<'a, 'i>, SignError> {
    locate_signature(doc).ok_or(SignError::SelfCheck)
}

/// Where the signature goes: `replace` (a byte range of the text) becomes
/// `prefix + signature + suffix`.
#[derive(Debug)]
struct Slot {
    replace: Range<usize>,
    prefix: String,
    suffix: String,
}

impl Slot {
    fn find(doc: &Document<'_>, text: &str) -> Result<Slot, SignError> {
        let root = doc.root_element();
        let root_name = element_qname(text, root);
        let signable = root.tag_name().namespace().is_none()
            && matches!(
                root_name,
                "GIAMDINHHS" | "CHI_TIEU_TRANG_THAI_KCB" | "CHI_TIEU_GIAM_DINH_YKHOA"
            );
        if !signable {
            return Err(SignError::NotSignable {
                root: root_name.chars().take(100).collect(),
            });
        }
        let is_slot =
            |n: &Node<'_, '_>| n.tag_name().name() == SLOT && n.tag_name().namespace().is_none();
        let last = root.children().rfind(|n| n.is_element());
        let bad = || SignError::Xml(super::error::XmlError::Syntax("unexpected tag".into()));
        match last {
            Some(slot) if is_slot(&slot) => {
                let range = slot.range();
                let (gt, empty) = start_tag_end(text, range.start).ok_or_else(bad)?;
                if empty {
                    Ok(Slot {
                        replace: range.clone(),
                        prefix: format!("{}>", &text[range.start..gt - 1]),
                        suffix: format!("</{}>", element_qname(text, slot)),
                    })
                } else {
                    let end = end_tag_start(text, range).ok_or_else(bad)?;
                    Ok(Slot {
                        replace: gt + 1..end,
                        prefix: String::new(),
                        suffix: String::new(),
                    })
                }
            }
            _ if root.children().any(|c| is_slot(&c)) => Err(SignError::SlotNotLast),
            _ => {
                let end = end_tag_start(text, root.range()).ok_or_else(bad)?;
                let (gt, empty) = start_tag_end(text, root.range().start).ok_or_else(bad)?;
                if empty || end <= gt {
                    return Err(SignError::NotSignable {
                        root: root_name.chars().take(100).collect(),
                    });
                }
                let newline = text[..end].ends_with('\n');
                Ok(Slot {
                    replace: end..end,
                    prefix: format!("{}<{SLOT}>", if newline { "  " } else { "" }),
                    suffix: format!("</{SLOT}>{}", if newline { "\n" } else { "" }),
                })
            }
        }
    }

    /// The text with `signature` in the slot.
    fn splice(&self, text: &str, signature: &str) -> String {
        let mut s = String::with_capacity(text.len() + signature.len() + 64);
        s.push_str(&text[..self.replace.start]);
        s.push_str(&self.prefix);
        s.push_str(signature);
        s.push_str(&self.suffix);
        s.push_str(&text[self.replace.end..]);
        s
    }

    /// Appends the text with `signature` in the slot to `out`.
    fn write(&self, text: &str, signature: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(&text.as_bytes()[..self.replace.start]);
        out.extend_from_slice(self.prefix.as_bytes());
        out.extend_from_slice(signature.as_bytes());
        out.extend_from_slice(self.suffix.as_bytes());
        out.extend_from_slice(&text.as_bytes()[self.replace.end..]);
    }
}

/// The `SignedInfo` element, written already in canonical form (start and end tags, sorted
/// attributes) so that it reads the same to every verifier.
fn signed_info_xml(digest_b64: &str) -> String {
    format!(
        "<SignedInfo><CanonicalizationMethod Algorithm=\"{C14N}\"></CanonicalizationMethod>\
<SignatureMethod Algorithm=\"{RSA_SHA256}\"></SignatureMethod><Reference URI=\"\"><Transforms>\
<Transform Algorithm=\"{ENVELOPED_SIGNATURE}\"></Transform><Transform Algorithm=\"{C14N}\">\
</Transform></Transforms><DigestMethod Algorithm=\"{SHA256}\"></DigestMethod>\
<DigestValue>{digest_b64}</DigestValue></Reference></SignedInfo>"
    )
}

/// The whole `Signature` element.
fn signature_xml(signed_info: &str, value_b64: &str, cert_b64: &str) -> String {
    format!(
        "<Signature xmlns=\"{DSIG_NS}\">{signed_info}<SignatureValue>{value_b64}</SignatureValue>\
<KeyInfo><X509Data><X509Certificate>{cert_b64}</X509Certificate></X509Data></KeyInfo></Signature>"
    )
}

/// A digest being computed over canonical bytes, buffered into large updates.
struct DigestSink {
    ctx: ring::digest::Context,
    buf: Vec<u8>,
}

impl Sink for DigestSink {
    fn put(&mut self, bytes: &[u8]) {
        if self.buf.len() + bytes.len() > self.buf.capacity() {
            self.ctx.update(&self.buf);
            self.buf.clear();
        }
        if bytes.len() >= self.buf.capacity() {
            self.ctx.update(bytes);
        } else {
            self.buf.extend_from_slice(bytes);
        }
    }
}

/// The digest of the canonical form of `set`.
pub(crate) fn digest_subset(
    set: &Subset<'_, '_>,
    method: &Method,
    alg: &'static ring::digest::Algorithm,
) -> Vec<u8> {
    let mut sink = DigestSink {
        ctx: ring::digest::Context::new(alg),
        buf: Vec::with_capacity(1 << 16),
    };
    write_subset(set, method, &mut sink);
    sink.ctx.update(&sink.buf);
    sink.ctx.finish().as_ref().to_vec()
}

/// Whether `node` lies inside the subtree of `ancestor` (or is it).
pub(crate) fn within(node: Node<'_, '_>, ancestor: NodeId) -> bool {
    node.ancestors().any(|a| a.id() == ancestor)
}
