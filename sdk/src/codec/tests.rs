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
