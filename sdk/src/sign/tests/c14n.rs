//! Canonical XML test vectors: inputs written for Lienthong that exercise the features of the
//! examples of W3C REC-xml-c14n-20010315 §3 (no DTD: it is refused here), checked byte for byte.

use crate::sign::c14n::{canonicalize, write_subset, Method, Subset};
use crate::sign::xml::{parse, XmlLimits};
use crate::sign::XmlError;

fn c14n(xml: &str) -> String {
    String::from_utf8(canonicalize(xml.as_bytes(), &Method::C14N).unwrap()).unwrap()
}

fn c14n_comments(xml: &str) -> String {
    let m = Method::Inclusive {
        with_comments: true,
    };
    String::from_utf8(canonicalize(xml.as_bytes(), &m).unwrap()).unwrap()
}

/// Canonical form of the subtree of the first element named `apex`, minus the first element
/// named `exclude`.
fn subset(xml: &str, apex: &str, exclude: Option<&str>, method: &Method) -> String {
    let doc = parse(xml, &XmlLimits::default()).unwrap();
    let find = |name: &str| {
        doc.descendants()
            .find(|n| n.is_element() && n.tag_name().name() == name)
            .unwrap()
    };
    let set = Subset {
        apex: if apex.is_empty() {
            doc.root()
        } else {
            find(apex)
        },
        exclude: exclude.map(|e| find(e).id()),
        comments: false,
    };
    let mut out = Vec::new();
    write_subset(&set, method, &mut out);
    String::from_utf8(out).unwrap()
}

const EXC: Method = Method::Exclusive {
    with_comments: false,
    inclusive_prefixes: Vec::new(),
};

#[test]
fn pis_comments_and_outside_the_document_element() {
    // §3.1: declaration dropped, whitespace outside the root removed, one LF between the nodes
    // there, whitespace between PI target and data dropped, PI data kept, comments dropped.
    let input = "<?xml version=\"1.0\"?>\n\n<?hoso-style   kind=\"print\"\n   lang=\"vi\"   ?>\n\n\
                 <hoso>Xin chào!<!-- ghi chú 1 --></hoso>\n\n<?empty-pi     ?>\n\n\
                 <!-- ghi chú 2 -->\n\n<!-- ghi chú 3 -->\n";
    assert_eq!(
        c14n(input),
        "<?hoso-style kind=\"print\"\n   lang=\"vi\"   ?>\n<hoso>Xin chào!</hoso>\n<?empty-pi?>"
    );
    assert_eq!(
        c14n_comments(input),
        "<?hoso-style kind=\"print\"\n   lang=\"vi\"   ?>\n<hoso>Xin chào!<!-- ghi chú 1 --></hoso>\n\
         <?empty-pi?>\n<!-- ghi chú 2 -->\n<!-- ghi chú 3 -->"
    );
    // Before the root: PI and comment each followed by LF.
    assert_eq!(
        c14n_comments("<!--a--><?p x?><r/>"),
        "<!--a-->\n<?p x?>\n<r></r>"
    );
}

#[test]
fn whitespace_in_content_is_kept() {
    // §3.2: all whitespace inside the document element is significant.
    let input = "<bang>\n   <trong>   </trong>\n   <ban>   A   B   </ban>\n   <tron>\n      A\n      \
                 <trong>   </trong>\n      B\n      <ban>   A   B   </ban>\n      C\n   </tron>\n</bang>";
    assert_eq!(c14n(input), input);
}

#[test]
fn start_and_end_tags() {
    // §3.3: empty elements as start+end tags, whitespace in tags normalised, attributes sorted
    // (no-namespace first, then by namespace URI, then local name), namespace declarations
    // first and sorted, superfluous declarations removed, xmlns="" only where it undoes a
    // default namespace in the output.
    let input = r#"<hoso>
   <a1   />
   <a2   ></a2>
   <a3   ten = "a3"   ma="a3"   />
   <a4   ten="a4"   ma="a4"   ></a4>
   <a5 x:attr="out" y:attr="sorted" attr2="all" attr="I'm"
      xmlns:y="http://www.ietf.org"
      xmlns:x="http://www.w3.org"
      xmlns="http://example.org"/>
   <a6 xmlns="" xmlns:x="http://www.w3.org">
      <a7 xmlns="http://www.ietf.org">
         <a8 xmlns="" xmlns:x="http://www.w3.org">
            <a9 xmlns="" xmlns:x="http://www.ietf.org"/>
         </a8>
      </a7>
   </a6>
</hoso>"#;
    let expected = r#"<hoso>
   <a1></a1>
   <a2></a2>
   <a3 ma="a3" ten="a3"></a3>
   <a4 ma="a4" ten="a4"></a4>
   <a5 xmlns="http://example.org" xmlns:x="http://www.w3.org" xmlns:y="http://www.ietf.org" attr="I'm" attr2="all" y:attr="sorted" x:attr="out"></a5>
   <a6 xmlns:x="http://www.w3.org">
      <a7 xmlns="http://www.ietf.org">
         <a8 xmlns="">
            <a9 xmlns:x="http://www.ietf.org"></a9>
         </a8>
      </a7>
   </a6>
</hoso>"#;
    assert_eq!(c14n(input), expected);
}

#[test]
fn character_modifications_and_references() {
    // §3.4: character references replaced, CDATA replaced by escaped text, attribute values
    // normalised and re-escaped with double quotes, CR kept as &#xD;.
    let input = "<hoso>\n   <text>Dòng một&#x0d;&#10;Dòng hai</text>\n   <value>&#x32;</value>\n   \
                 <compute><![CDATA[value>\"0\" && value<\"10\" ?\"valid\":\"error\"]]></compute>\n   \
                 <compute expr='value>\"0\" &amp;&amp; value&lt;\"10\" ?\"valid\":\"error\"'>valid</compute>\n   \
                 <norm attr=' &apos;   &#x20;&#13;&#xa;&#9;   &apos; '/>\n</hoso>";
    let expected = "<hoso>\n   <text>Dòng một&#xD;\nDòng hai</text>\n   <value>2</value>\n   \
                    <compute>value&gt;\"0\" &amp;&amp; value&lt;\"10\" ?\"valid\":\"error\"</compute>\n   \
                    <compute expr=\"value>&quot;0&quot; &amp;&amp; value&lt;&quot;10&quot; ?&quot;valid&quot;:&quot;error&quot;\">valid</compute>\n   \
                    <norm attr=\" '    &#xD;&#xA;&#x9;   ' \"></norm>\n</hoso>";
    assert_eq!(c14n(input), expected);
}

#[test]
fn line_ends_are_normalised() {
    // Literal CR LF and lone CR become LF in text, comments and processing instructions;
    // in attribute values they are whitespace and become spaces.
    let input = "<?p a\r\nb?>\r\n<r a=\"x\r\ny\">1\r\n2\r3<!--c\r\nd--></r>";
    assert_eq!(
        c14n_comments(input),
        "<?p a\nb?>\n<r a=\"x y\">1\n2\n3<!--c\nd--></r>"
    );
}

#[test]
fn utf8_and_character_references() {
    // §3.6: output is UTF-8; characters given by reference are written as characters.
    assert_eq!(
        canonicalize("<doc>&#169; Đ&#x1EA1;i</doc>".as_bytes(), &Method::C14N).unwrap(),
        "<doc>© Đại</doc>".as_bytes()
    );
    // A byte-order mark is not part of the canonical form.
    assert_eq!(
        canonicalize(b"\xEF\xBB\xBF<a/>", &Method::C14N).unwrap(),
        b"<a></a>"
    );
}

#[test]
fn document_subset_inherits_namespaces_and_xml_attributes() {
    // §3.7/§3.8: the apex of a subset receives every namespace in scope and (inclusive form)
    // the xml:* attributes of its ancestors; descendants do not repeat them.
    let input = r#"<doc xmlns="http://www.ietf.org" xmlns:w3c="http://www.w3.org" xml:lang="vi" xml:space="default"><e1 xml:space="preserve"><e2 xmlns=""><e3 id="E3"/></e2></e1></doc>"#;
    assert_eq!(
        subset(input, "e1", None, &Method::C14N),
        r#"<e1 xmlns="http://www.ietf.org" xmlns:w3c="http://www.w3.org" xml:lang="vi" xml:space="preserve"><e2 xmlns=""><e3 id="E3"></e3></e2></e1>"#
    );
    // Exclusive: only visibly used namespaces, no inherited xml:* attributes.
    assert_eq!(
        subset(input, "e1", None, &EXC),
        r#"<e1 xmlns="http://www.ietf.org" xml:space="preserve"><e2 xmlns=""><e3 id="E3"></e3></e2></e1>"#
    );
}

#[test]
fn signed_info_in_an_envelope_gets_the_root_namespaces() {
    // What a verifier hashes for SignedInfo inside GIAMDINHHS: the dsig default namespace plus
    // the xsi/xsd declarations of the root, sorted.
    let input = r#"<GIAMDINHHS xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><CHUKYDONVI><Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo><X A="1"/></SignedInfo></Signature></CHUKYDONVI></GIAMDINHHS>"#;
    assert_eq!(
        subset(input, "SignedInfo", None, &Method::C14N),
        r#"<SignedInfo xmlns="http://www.w3.org/2000/09/xmldsig#" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><X A="1"></X></SignedInfo>"#
    );
    assert_eq!(
        subset(input, "SignedInfo", None, &EXC),
        r#"<SignedInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X A="1"></X></SignedInfo>"#
    );
}

#[test]
fn enveloped_signature_is_removed_with_its_subtree_only() {
    let input = "<r xmlns:ds=\"urn:x\">\n  <a>1</a>\n  <s><ds:Signature><ds:V>x</ds:V></ds:Signature></s>\n</r>";
    assert_eq!(
        subset(input, "", Some("Signature"), &Method::C14N),
        "<r xmlns:ds=\"urn:x\">\n  <a>1</a>\n  <s></s>\n</r>"
    );
}

#[test]
fn exclusive_renders_namespaces_where_used() {
    let input = r#"<r xmlns:a="urn:a" xmlns:b="urn:b" xmlns:c="urn:c"><a:x b:attr="1"><y/><a:z/></a:x></r>"#;
    assert_eq!(
        subset(input, "x", None, &EXC),
        r#"<a:x xmlns:a="urn:a" xmlns:b="urn:b" b:attr="1"><y></y><a:z></a:z></a:x>"#
    );
    let with_list = Method::Exclusive {
        with_comments: false,
        inclusive_prefixes: vec!["c".into(), "#default".into()],
    };
    assert_eq!(
        subset(input, "x", None, &with_list),
        r#"<a:x xmlns:a="urn:a" xmlns:b="urn:b" xmlns:c="urn:c" b:attr="1"><y></y><a:z></a:z></a:x>"#
    );
    // A prefix redeclared to the same URI deeper down is not repeated; to another URI it is.
    let input =
        r#"<a:r xmlns:a="urn:a"><a:s xmlns:a="urn:a"><a:t xmlns:a="urn:other"/></a:s></a:r>"#;
    assert_eq!(
        c14n(input),
        r#"<a:r xmlns:a="urn:a"><a:s><a:t xmlns:a="urn:other"></a:t></a:s></a:r>"#
    );
}

#[test]
fn refused_and_limited_input() {
    assert_eq!(
        canonicalize(b"<!DOCTYPE r><r/>", &Method::C14N),
        Err(XmlError::Doctype)
    );
    assert_eq!(
        canonicalize(
            b"<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>",
            &Method::C14N
        ),
        Err(XmlError::Doctype)
    );
    assert!(matches!(
        canonicalize(
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>",
            &Method::C14N
        ),
        Err(XmlError::Encoding(_))
    ));
    assert_eq!(
        canonicalize(b"<r>\xFF</r>", &Method::C14N),
        Err(XmlError::NotUtf8)
    );
    assert!(matches!(
        canonicalize(b"<r><a></r>", &Method::C14N),
        Err(XmlError::Syntax(_))
    ));
    let deep = format!("{}{}", "<a>".repeat(300), "</a>".repeat(300));
    assert!(matches!(
        canonicalize(deep.as_bytes(), &Method::C14N),
        Err(XmlError::Limit { .. })
    ));
    let ok = format!("{}{}", "<a>".repeat(200), "</a>".repeat(200));
    assert_eq!(
        canonicalize(ok.as_bytes(), &Method::C14N).unwrap(),
        format!("{}{}", "<a>".repeat(200), "</a>".repeat(200)).into_bytes()
    );
}

#[test]
fn method_uris_round_trip() {
    for uri in [
        crate::sign::c14n::C14N,
        crate::sign::c14n::C14N_WITH_COMMENTS,
        crate::sign::c14n::EXC_C14N,
        crate::sign::c14n::EXC_C14N_WITH_COMMENTS,
    ] {
        assert_eq!(Method::from_uri(uri).unwrap().uri(), uri);
    }
    assert_eq!(
        Method::from_uri("http://www.w3.org/2006/12/xml-c14n11"),
        None
    );
}
