//! Parsing documents for signing and verification: a namespace-aware DOM (`roxmltree`) over the
//! UTF-8 text, with no `DOCTYPE`, a declared encoding of UTF-8 (or none) and size limits.

use super::error::XmlError;
use roxmltree::{Document, Node, ParsingOptions};

/// The XMLDSig namespace.
pub const DSIG_NS: &str = "http://www.w3.org/2000/09/xmldsig#";
/// The namespace bound to the `xml` prefix.
pub(crate) const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Limits on documents given to sign, verify or canonicalize (they are read whole into memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlLimits {
    /// Largest document, in bytes.
    pub max_bytes: usize,
    /// Most XML nodes (elements, texts, comments...).
    pub max_nodes: u32,
    /// Deepest element nesting.
    pub max_depth: usize,
}

impl Default for XmlLimits {
    /// 1 GiB, 20 million nodes, depth 256: far above any claim file (whose tables are base64
    /// text), low enough that a hostile file cannot exhaust memory through the tree.
    fn default() -> Self {
        XmlLimits {
            max_bytes: 1 << 30,
            max_nodes: 20_000_000,
            max_depth: 256,
        }
    }
}

/// Splits off a UTF-8 byte-order mark and checks that the rest is UTF-8. Returns the length of
/// the mark (0 or 3) and the text.
pub(crate) fn text_of<'b>(
    bytes: &'b [u8],
    limits: &XmlLimits,
) -> Result<(usize, &'b str), XmlError> {
    if bytes.len() > limits.max_bytes {
        return Err(XmlError::Limit {
            what: "document size",
            limit: limits.max_bytes as u64,
        });
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let text = std::str::from_utf8(&bytes[bom..]).map_err(|_| XmlError::NotUtf8)?;
    Ok((bom, text))
}

/// Parses `text` (without BOM), refusing a `DOCTYPE` and encodings other than UTF-8.
pub(crate) fn parse<'i>(text: &'i str, limits: &XmlLimits) -> Result<Document<'i>, XmlError> {
    check_prolog(text)?;
    let opts = ParsingOptions {
        allow_dtd: false,
        nodes_limit: limits.max_nodes,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, opts).map_err(|e| match e {
        roxmltree::Error::DtdDetected => XmlError::Doctype,
        roxmltree::Error::NodesLimitReached => XmlError::Limit {
            what: "number of XML nodes",
            limit: u64::from(limits.max_nodes),
        },
        other => XmlError::Syntax(other.to_string()),
    })?;
    let mut depth = 0usize;
    let mut max = 0usize;
    walk(doc.root(), |edge| match edge {
        Edge::Open(n) if n.is_element() => {
            depth += 1;
            max = max.max(depth);
        }
        Edge::Close(n) if n.is_element() => depth -= 1,
        _ => {}
    });
    if max > limits.max_depth {
        return Err(XmlError::Limit {
            what: "element depth",
            limit: limits.max_depth as u64,
        });
    }
    Ok(doc)
}

/// Checks the prolog: the declared encoding and the absence of a `DOCTYPE` (which `roxmltree`
/// accepts when it has no internal subset).
fn check_prolog(text: &str) -> Result<(), XmlError> {
    let mut s = text;
    if let Some(rest) = s.strip_prefix("<?xml") {
        if rest.starts_with(|c: char| c.is_ascii_whitespace()) {
            let end = rest.find("?>").unwrap_or(rest.len());
            if let Some(enc) = pseudo_attr(&rest[..end], "encoding") {
                if !enc.eq_ignore_ascii_case("utf-8") && !enc.eq_ignore_ascii_case("utf8") {
                    return Err(XmlError::Encoding(enc.chars().take(40).collect()));
                }
            }
            s = &rest[(end + 2).min(rest.len())..];
        }
    }
    loop {
        s = s.trim_start_matches([' ', '\t', '\r', '\n']);
        if s.starts_with("<!DOCTYPE") {
            return Err(XmlError::Doctype);
        } else if let Some(rest) = s.strip_prefix("<!--") {
            match rest.find("-->") {
                Some(i) => s = &rest[i + 3..],
                None => return Ok(()),
            }
        } else if let Some(rest) = s.strip_prefix("<?") {
            match rest.find("?>") {
                Some(i) => s = &rest[i + 2..],
                None => return Ok(()),
            }
        } else {
            return Ok(());
        }
    }
}

/// The value of pseudo-attribute `name` in the text of an XML declaration.
fn pseudo_attr<'a>(decl: &'a str, name: &str) -> Option<&'a str> {
    let at = decl.find(name)?;
    let rest = decl[at + name.len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    rest.find(quote).map(|end| &rest[..end])
}

/// A step of a document-order walk.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Edge<'a, 'i> {
    /// Entering a node (leaves are entered and closed at once).
    Open(Node<'a, 'i>),
    /// Leaving a node.
    Close(Node<'a, 'i>),
}

/// Walks the subtree of `apex` in document order without recursion.
pub(crate) fn walk<'a, 'i>(apex: Node<'a, 'i>, mut f: impl FnMut(Edge<'a, 'i>)) {
    let mut cur = apex;
    loop {
        f(Edge::Open(cur));
        if let Some(child) = cur.first_child() {
            cur = child;
            continue;
        }
        loop {
            f(Edge::Close(cur));
            if cur.id() == apex.id() {
                return;
            }
            if let Some(next) = cur.next_sibling() {
                cur = next;
                break;
            }
            match cur.parent() {
                Some(p) => cur = p,
                None => return,
            }
        }
    }
}

/// The qualified name of an element as written (`ds:Signature`), read from the source text.
pub(crate) fn element_qname<'a>(doc_text: &'a str, node: Node<'_, '_>) -> &'a str {
    let start = node.range().start + 1;
    let rest = doc_text.get(start..).unwrap_or("");
    let end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Whether `node` is the element `local` of the XMLDSig namespace.
pub(crate) fn is_dsig(node: Node<'_, '_>, local: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == local
        && node.tag_name().namespace() == Some(DSIG_NS)
}

/// The first child element of `node` that is XMLDSig element `local`.
pub(crate) fn dsig_child<'a, 'i>(node: Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_dsig(*c, local))
}

/// The text content of an element (its text children joined), whitespace removed: for base64
/// values, which signers often wrap.
pub(crate) fn compact_text(node: Node<'_, '_>) -> String {
    let mut s = String::new();
    for c in node.children().filter(|c| c.is_text()) {
        s.extend(
            c.text()
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace()),
        );
    }
    s
}

/// Byte offset of the `>` that ends the start tag beginning at `start` (skipping quoted
/// attribute values), and whether the tag is empty (`/>`).
pub(crate) fn start_tag_end(text: &str, start: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = start + 1;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some((i, i > 0 && bytes[i - 1] == b'/')),
            None => {}
        }
        i += 1;
    }
    None
}

/// Byte offset of the end tag of the element spanning `range` (the last `<` in it).
pub(crate) fn end_tag_start(text: &str, range: std::ops::Range<usize>) -> Option<usize> {
    text.get(range.clone())?.rfind('<').map(|i| range.start + i)
}
