//! Canonical XML 1.0 (W3C REC-xml-c14n-20010315), with and without comments, and Exclusive XML
//! Canonicalization 1.0 (for verifying signatures made by other software).
//!
//! Canonicalization works on the parsed document, so what the parser already did is part of it:
//! line ends are normalised, attribute values normalised, character and predefined entity
//! references replaced, CDATA sections replaced by their text. On top of that this module:
//!
//! - writes UTF-8 with no XML declaration and no `DOCTYPE`;
//! - writes every element as a start and an end tag (`<a></a>`, never `<a/>`);
//! - writes namespace declarations first, sorted by prefix (the default namespace first), then
//!   attributes sorted by namespace URI and local name, attributes without namespace first;
//! - renders a namespace declaration only where the nearest written ancestor does not already
//!   have the same one in scope; for a document subset (such as `SignedInfo`) this includes the
//!   declarations inherited from ancestors outside the subset, and (inclusive form) the apex also
//!   receives the `xml:*` attributes of its ancestors;
//! - escapes text (`&amp;` `&lt;` `&gt;` `&#xD;`) and attribute values (`&amp;` `&lt;` `&quot;`
//!   `&#x9;` `&#xA;` `&#xD;`);
//! - removes whitespace outside the document element and separates the processing instructions
//!   (and, with comments, the comments) there by a line feed; keeps processing instructions and
//!   drops comments unless asked to keep them.

use super::error::XmlError;
use super::xml::{element_qname, parse, text_of, XmlLimits, XML_NS};
use roxmltree::{Node, NodeId, NodeType};
use std::borrow::Cow;

/// URI of Canonical XML 1.0 without comments.
pub const C14N: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
/// URI of Canonical XML 1.0 with comments.
pub const C14N_WITH_COMMENTS: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
/// URI of Exclusive XML Canonicalization 1.0 without comments.
pub const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
/// URI of Exclusive XML Canonicalization 1.0 with comments.
pub const EXC_C14N_WITH_COMMENTS: &str = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";

/// A canonicalization method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    /// Canonical XML 1.0 (inclusive): what Lienthong signs with (without comments).
    Inclusive {
        /// Keep comments.
        with_comments: bool,
    },
    /// Exclusive XML Canonicalization 1.0.
    Exclusive {
        /// Keep comments.
        with_comments: bool,
        /// The `InclusiveNamespaces PrefixList`: prefixes treated as in the inclusive form
        /// (`#default` for the default namespace).
        inclusive_prefixes: Vec<String>,
    },
}

impl Method {
    /// Canonical XML 1.0 without comments.
    pub const C14N: Method = Method::Inclusive {
        with_comments: false,
    };

    /// The method named by an algorithm URI (with an empty prefix list for the exclusive form).
    pub fn from_uri(uri: &str) -> Option<Method> {
        Some(match uri {
            C14N => Method::Inclusive {
                with_comments: false,
            },
            C14N_WITH_COMMENTS => Method::Inclusive {
                with_comments: true,
            },
            EXC_C14N => Method::Exclusive {
                with_comments: false,
                inclusive_prefixes: Vec::new(),
            },
            EXC_C14N_WITH_COMMENTS => Method::Exclusive {
                with_comments: true,
                inclusive_prefixes: Vec::new(),
            },
            _ => return None,
        })
    }

    /// The algorithm URI of the method.
    pub fn uri(&self) -> &'static str {
        match self {
            Method::Inclusive {
                with_comments: false,
            } => C14N,
            Method::Inclusive {
                with_comments: true,
            } => C14N_WITH_COMMENTS,
            Method::Exclusive {
                with_comments: false,
                ..
            } => EXC_C14N,
            Method::Exclusive {
                with_comments: true,
                ..
            } => EXC_C14N_WITH_COMMENTS,
        }
    }

    /// Whether the method keeps comments.
    pub fn with_comments(&self) -> bool {
        match self {
            Method::Inclusive { with_comments } | Method::Exclusive { with_comments, .. } => {
                *with_comments
            }
        }
    }
}

/// Canonicalizes a whole document (a UTF-8 byte-order mark is skipped; a `DOCTYPE` is refused).
///
/// ```
/// use lienthong::sign::c14n::{canonicalize, Method};
/// let xml = br#"<?xml version="1.0"?><a b="2" a="1"><c/></a>"#;
/// assert_eq!(canonicalize(xml, &Method::C14N).unwrap(), br#"<a a="1" b="2"><c></c></a>"#);
/// ```
pub fn canonicalize(xml: &[u8], method: &Method) -> Result<Vec<u8>, XmlError> {
    let limits = XmlLimits::default();
    let (_, text) = text_of(xml, &limits)?;
    let doc = parse(text, &limits)?;
    let mut out = Vec::with_capacity(text.len());
    let set = Subset {
        apex: doc.root(),
        exclude: None,
        comments: true,
    };
    write_subset(&set, method, &mut out);
    Ok(out)
}

/// Where canonical bytes go (a buffer, or a digest).
pub(crate) trait Sink {
    /// Appends bytes.
    fn put(&mut self, bytes: &[u8]);
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// A document subset of the forms XMLDSig produces: the subtree of `apex` (the document root or
/// an element) minus the subtree of `exclude` (the enveloped signature), with or without comment
/// nodes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subset<'a, 'i> {
    pub apex: Node<'a, 'i>,
    pub exclude: Option<NodeId>,
    /// Whether comment nodes are in the subset (they are written only if the method keeps them).
    pub comments: bool,
}

/// Writes the canonical form of `set` to `out`.
pub(crate) fn write_subset(set: &Subset<'_, '_>, method: &Method, out: &mut dyn Sink) {
    let mut w = Writer {
        text: set.apex.document().input_text(),
        method,
        comments: set.comments && method.with_comments(),
        exclude: set.exclude,
        out,
        ns: NsStack::default(),
    };
    if set.apex.node_type() == NodeType::Root {
        let mut after_root = false;
        for child in set.apex.children() {
            if Some(child.id()) == w.exclude {
                continue;
            }
            match child.node_type() {
                NodeType::Element => {
                    w.subtree(child);
                    after_root = true;
                }
                NodeType::PI | NodeType::Comment => {
                    if child.node_type() == NodeType::Comment && !w.comments {
                        continue;
                    }
                    if after_root {
                        w.out.put(b"\n");
                    }
                    w.leaf(child);
                    if !after_root {
                        w.out.put(b"\n");
                    }
                }
                NodeType::Text | NodeType::Root => {}
            }
        }
    } else {
        w.subtree(set.apex);
    }
}

/// The namespace declarations written by the open ancestors: (prefix, URI), `""` for the
/// default namespace, `("", "")` for a written `xmlns=""`.
#[derive(Debug, Default)]
struct NsStack<'a> {
    decls: Vec<(&'a str, &'a str)>,
    marks: Vec<usize>,
}

impl<'a> NsStack<'a> {
    fn lookup(&self, prefix: &str) -> Option<&'a str> {
        self.decls
            .iter()
            .rev()
            .find(|(p, _)| *p == prefix)
            .map(|(_, u)| *u)
    }

    /// The default namespace in force in the output (`""` when none).
    fn default_ns(&self) -> &'a str {
        self.lookup("").unwrap_or("")
    }
}

struct Writer<'w, 'a> {
    text: &'a str,
    method: &'w Method,
    comments: bool,
    exclude: Option<NodeId>,
    out: &'w mut dyn Sink,
    ns: NsStack<'a>,
}

struct Attr<'a> {
    ns: &'a str,
    local: &'a str,
    qname: Cow<'a, str>,
    value: &'a str,
}

/// The namespace in scope on `e` for `prefix` (`""`: the default namespace), as (prefix, URI).
fn in_scope<'a>(e: Node<'a, '_>, prefix: &str) -> Option<(&'a str, &'a str)> {
    e.namespaces()
        .find(|n| n.name().unwrap_or("") == prefix)
        .map(|n| (n.name().unwrap_or(""), n.uri()))
}

/// The qualified name of an attribute as written.
fn attr_qname<'a>(
    text: &'a str,
    e: Node<'a, '_>,
    a: &roxmltree::Attribute<'a, '_>,
) -> Cow<'a, str> {
    let written = text.get(a.range_qname()).unwrap_or("");
    let local = a.name();
    let fits = written == local
        || written
            .strip_suffix(local)
            .and_then(|p| p.strip_suffix(':'))
            .is_some_and(|p| !p.is_empty() && !p.contains(':'));
    if fits {
        return Cow::Borrowed(written);
    }
    // The position is unreliable only for names longer than 65535 bytes: rebuild the name.
    match a.namespace() {
        None => Cow::Owned(local.to_owned()),
        Some(XML_NS) => Cow::Owned(format!("xml:{local}")),
        Some(uri) => match e.lookup_prefix(uri) {
            Some(p) if !p.is_empty() => Cow::Owned(format!("{p}:{local}")),
            _ => Cow::Owned(local.to_owned()),
        },
    }
}

impl<'w, 'a> Writer<'w, 'a> {
    /// Writes the subtree of element `apex`, skipping the excluded subtree, without recursion.
    fn subtree(&mut self, apex: Node<'a, '_>) {
        if Some(apex.id()) == self.exclude {
            return;
        }
        self.open(apex, true);
        let mut cur = match apex.first_child() {
            Some(c) => c,
            None => {
                self.close(apex);
                return;
            }
        };
        loop {
            let skip = Some(cur.id()) == self.exclude;
            if !skip && cur.is_element() {
                self.open(cur, false);
                if let Some(c) = cur.first_child() {
                    cur = c;
                    continue;
                }
                self.close(cur);
            } else if !skip {
                self.leaf(cur);
            }
            // Next in document order, closing the elements left behind.
            loop {
                if let Some(next) = cur.next_sibling() {
                    cur = next;
                    break;
                }
                match cur.parent() {
                    Some(p) => {
                        self.close(p);
                        if p.id() == apex.id() {
                            return;
                        }
                        cur = p;
                    }
                    None => return,
                }
            }
        }
    }

    /// Writes a text, comment or processing-instruction node.
    fn leaf(&mut self, node: Node<'a, '_>) {
        match node.node_type() {
            NodeType::Text => escape_text(self.out, node.text().unwrap_or("")),
            NodeType::Comment if self.comments => {
                self.out.put(b"<!--");
                put_normalized(self.out, node.text().unwrap_or(""));
                self.out.put(b"-->");
            }
            NodeType::PI => {
                if let Some(pi) = node.pi() {
                    self.out.put(b"<?");
                    self.out.put(pi.target.as_bytes());
                    if let Some(v) = pi.value.filter(|v| !v.is_empty()) {
                        self.out.put(b" ");
                        put_normalized(self.out, v);
                    }
                    self.out.put(b"?>");
                }
            }
            _ => {}
        }
    }

    /// The namespace declarations to write on `e`, sorted by prefix.
    fn declarations(&self, e: Node<'a, '_>, qname: &'a str) -> Vec<(&'a str, &'a str)> {
        let mut decls: Vec<(&'a str, &'a str)> = Vec::new();
        let default_here = in_scope(e, "").map_or("", |(_, u)| u);
        match self.method {
            Method::Inclusive { .. } => {
                for ns in e.namespaces() {
                    let (p, u) = (ns.name().unwrap_or(""), ns.uri());
                    if p == "xml" || u.is_empty() {
                        continue;
                    }
                    if self.ns.lookup(p) != Some(u) {
                        decls.push((p, u));
                    }
                }
                if default_here.is_empty() && !self.ns.default_ns().is_empty() {
                    decls.push(("", ""));
                }
            }
            Method::Exclusive {
                inclusive_prefixes, ..
            } => {
                // Visibly utilized prefixes, plus the prefix list.
                let mut used: Vec<&str> = vec![qname.split_once(':').map_or("", |(p, _)| p)];
                for a in e.attributes() {
                    if let Some((p, _)) = attr_qname(self.text, e, &a).split_once(':') {
                        if let Some((p, _)) = in_scope(e, p) {
                            used.push(p);
                        }
                    }
                }
                for p in inclusive_prefixes {
                    used.push(if p == "#default" { "" } else { p.as_str() });
                }
                used.sort_unstable();
                used.dedup();
                for p in used {
                    if p == "xml" {
                        continue;
                    }
                    match in_scope(e, p) {
                        Some((prefix, u)) if !u.is_empty() => {
                            if self.ns.lookup(prefix) != Some(u) {
                                decls.push((prefix, u));
                            }
                        }
                        _ => {
                            if p.is_empty() && !self.ns.default_ns().is_empty() {
                                decls.push(("", ""));
                            }
                        }
                    }
                }
            }
        }
        decls.sort_unstable_by(|a, b| a.0.cmp(b.0));
        decls
    }

    fn open(&mut self, e: Node<'a, '_>, is_apex: bool) {
        let qname = element_qname(self.text, e);
        let decls = self.declarations(e, qname);
        let mut attrs: Vec<Attr<'a>> = e
            .attributes()
            .map(|a| Attr {
                ns: a.namespace().unwrap_or(""),
                local: a.name(),
                qname: attr_qname(self.text, e, &a),
                value: a.value(),
            })
            .collect();
        if is_apex && matches!(self.method, Method::Inclusive { .. }) {
            // The xml:* attributes of ancestors outside the subset are inherited by its apex.
            for anc in e.ancestors().skip(1).filter(|a| a.is_element()) {
                for a in anc.attributes() {
                    if a.namespace() == Some(XML_NS)
                        && !attrs.iter().any(|x| x.ns == XML_NS && x.local == a.name())
                    {
                        attrs.push(Attr {
                            ns: XML_NS,
                            local: a.name(),
                            qname: Cow::Owned(format!("xml:{}", a.name())),
                            value: a.value(),
                        });
                    }
                }
            }
        }
        attrs.sort_unstable_by(|a, b| (a.ns, a.local).cmp(&(b.ns, b.local)));

        self.out.put(b"<");
        self.out.put(qname.as_bytes());
        for (p, u) in &decls {
            if p.is_empty() {
                self.out.put(b" xmlns=\"");
            } else {
                self.out.put(b" xmlns:");
                self.out.put(p.as_bytes());
                self.out.put(b"=\"");
            }
            escape_attr(self.out, u);
            self.out.put(b"\"");
        }
        for a in &attrs {
            self.out.put(b" ");
            self.out.put(a.qname.as_bytes());
            self.out.put(b"=\"");
            escape_attr(self.out, a.value);
            self.out.put(b"\"");
        }
        self.out.put(b">");
        self.ns.marks.push(self.ns.decls.len());
        self.ns.decls.extend(decls);
    }

    fn close(&mut self, e: Node<'a, '_>) {
        let qname = element_qname(self.text, e);
        self.out.put(b"</");
        self.out.put(qname.as_bytes());
        self.out.put(b">");
        if let Some(m) = self.ns.marks.pop() {
            self.ns.decls.truncate(m);
        }
    }
}

/// Writes `s` with runs between escapes copied whole.
fn put_escaped(out: &mut dyn Sink, s: &str, rep: impl Fn(u8) -> Option<&'static [u8]>) {
    let bytes = s.as_bytes();
    let mut last = 0;
    for (i, b) in bytes.iter().enumerate() {
        if let Some(r) = rep(*b) {
            out.put(&bytes[last..i]);
            out.put(r);
            last = i + 1;
        }
    }
    out.put(&bytes[last..]);
}

/// Text node escaping: `&` `<` `>` and carriage return.
fn escape_text(out: &mut dyn Sink, s: &str) {
    put_escaped(out, s, |b| match b {
        b'&' => Some(b"&amp;"),
        b'<' => Some(b"&lt;"),
        b'>' => Some(b"&gt;"),
        b'\r' => Some(b"&#xD;"),
        _ => None,
    });
}

/// Attribute value escaping: `&` `<` `"` tab, line feed and carriage return.
fn escape_attr(out: &mut dyn Sink, s: &str) {
    put_escaped(out, s, |b| match b {
        b'&' => Some(b"&amp;"),
        b'<' => Some(b"&lt;"),
        b'"' => Some(b"&quot;"),
        b'\t' => Some(b"&#x9;"),
        b'\n' => Some(b"&#xA;"),
        b'\r' => Some(b"&#xD;"),
        _ => None,
    });
}

/// Writes comment or processing-instruction text with XML line-end normalisation (CR LF and
/// lone CR become LF), which the parser leaves to the application for these nodes.
fn put_normalized(out: &mut dyn Sink, s: &str) {
    let bytes = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' {
            out.put(&bytes[last..i]);
            out.put(b"\n");
            i += if bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            last = i;
        } else {
            i += 1;
        }
    }
    out.put(&bytes[last..]);
}
