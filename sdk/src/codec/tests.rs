//! Regression tests for inputs the fuzzers found, and small codec unit tests.

use super::*;
use crate::tables::Summary;

/// Found by the `standalone` and table fuzz targets: quick-xml accepts `<      <X/>` and
/// `<A"B/>` as elements with malformed names; writing such a name back produced XML that does not
/// parse. They are now structural errors.
#[test]
fn malformed_element_names_are_structural_errors() {
    for bad in ["<      <TEN_VAT_TU/>", "<A\"B/>", "<1ABC>x</1ABC>"] {
        let doc = format!("<TONG_HOP><MA_LK>1</MA_LK>{bad}</TONG_HOP>");
        let err = parse_table::<Summary>(doc.as_bytes(), Limits::default()).unwrap_err();
        assert_eq!(err.code(), "parse.syntax", "{bad}: {err}");
        assert_eq!(err.table, Some(TableId::Xml1));
    }
    let ok = parse_table::<Summary>(
        b"<TONG_HOP><NHOM.MAU>x</NHOM.MAU></TONG_HOP>",
        Limits::default(),
    )
    .unwrap();
    assert_eq!(&*ok[0].extra[0].name, "NHOM.MAU");
}

#[test]
fn sniff_finds_the_document_kind() {
    assert_eq!(
        sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x --><GIAMDINHHS>"),
        Some(DocumentKind::Envelope)
    );
    assert_eq!(
        sniff(b"  <CHI_TIEU_TRANG_THAI_KCB/>"),
        Some(DocumentKind::Checkin)
    );
    assert_eq!(
        sniff(b"<CHI_TIEU_GIAM_DINH_YKHOA >"),
        Some(DocumentKind::Assessment)
    );
    assert_eq!(sniff(b"<TONG_HOP>"), None);
    assert_eq!(sniff(b"{\"a\":1}"), None);
}

#[test]
fn checkin_document_round_trips_with_its_signature() {
    let doc = b"<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB><TRANG_THAI_KCB><MA_LK>A</MA_LK></TRANG_THAI_KCB>\
</DSACH_TRANG_THAI_KCB><CHUKYDONVI><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X a='1'/></Signature></CHUKYDONVI>\
</CHI_TIEU_TRANG_THAI_KCB>";
    let d = CheckinDocument::from_bytes(doc).unwrap();
    assert_eq!(d.rows.len(), 1);
    assert_eq!(
        d.signature.as_deref(),
        Some("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X a='1'/></Signature>")
    );
    let again = CheckinDocument::from_bytes(&d.to_bytes().unwrap()).unwrap();
    assert_eq!((again.rows, again.signature), (d.rows, d.signature));
}

/// Found by the `json` fuzz target: a JSON key that is not an XML name became an element name
/// and the XML written from it did not parse. Such keys are refused, and the writer refuses such
/// names too.
#[test]
fn json_keys_and_extra_elements_must_be_xml_names() {
    let v: serde_json::Value = serde_json::from_str(
        r#"{"GIAMDINHHS":{"THONGTINDONVI":{"MACSKCB":"79001"},"THONGTINHOSO":{"NGAYLAP":"20250301","SOLUONGHOSO":"1",
        "DANHSACHHOSO":[{"XML1":{"MA_LK":"A","1BAD":"x"}}]},"CHUKYDONVI":""}}"#,
    )
    .unwrap();
    let e = json::envelope_from_json(&v).unwrap_err();
    assert!(e.path.ends_with("XML1/1BAD"), "{e}");
    let mut s = Summary::default();
    s.extra.push(crate::record::ExtraElement {
        name: "a b".into(),
        text: "x".into(),
    });
    let err = table_document(std::slice::from_ref(&s)).unwrap_err();
    assert_eq!(
        err,
        WriteError::InvalidName {
            table: TableId::Xml1,
            row: None
        }
    );
}
