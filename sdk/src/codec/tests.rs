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

/// The fast path for `<NAME>text</NAME>` reads exactly what the general path reads: the same
/// records, lines and signature, or the same error at the same offset, on generated documents of
/// every table and on thousands of variants with markup, references, forbidden characters,
/// repeated elements and truncations inserted where the fast path looks.
#[test]
fn the_fast_field_path_reads_what_the_general_path_reads() {
    use super::table_read::{read_table, read_table_general};
    use crate::hoso::TableVisitor;
    use crate::record::Record;

    struct Compare {
        seed: u64,
        documents: usize,
        fast_errors: usize,
    }
    impl Compare {
        fn rand(&mut self, n: usize) -> usize {
            self.seed = self
                .seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.seed >> 33) as usize) % n.max(1)
        }
        fn check<R: Record>(&mut self, doc: &str) {
            let limits = Limits::default();
            let fast = read_table::<R>(doc.as_bytes(), &limits);
            let general = read_table_general::<R>(doc.as_bytes(), &limits);
            self.documents += 1;
            match (&fast, &general) {
                (Ok(a), Ok(b)) => {
                    assert!(a.rows == b.rows, "rows differ for {doc:?}");
                    assert_eq!(a.row_lines, b.row_lines, "{doc:?}");
                    assert_eq!(a.signature, b.signature, "{doc:?}");
                }
                (Err(a), Err(b)) => {
                    self.fast_errors += 1;
                    assert_eq!((&a.kind, a.offset), (&b.kind, b.offset), "{doc:?}");
                }
                _ => panic!("one path failed and not the other for {doc:?}"),
            }
        }
    }
    const SNIPPETS: &[&str] = &[
        " ",
        "\n\t",
        "&amp;",
        "&#x41;",
        "&bad;",
        "<!--c-->",
        "<![CDATA[x]]>",
        "\u{1}",
        "\u{FFFE}",
        "<MA_LK>x</MA_LK>",
        "<STT>1</STT>",
        "<STT/>",
        "</STT>",
        "<",
        ">",
        "]]>",
        "<?pi?>",
        "<UNKNOWN_X>v</UNKNOWN_X>",
        "<MA_LK a=\"1\">x</MA_LK>",
        "</MA_LK >",
        "<!DOCTYPE x>",
    ];
    impl TableVisitor for Compare {
        fn visit<R: Record>(&mut self, rows: &[R]) {
            let doc = table_document(rows).expect("generated rows are written");
            self.check::<R>(&doc);
            // Where the fast path looks: after each tag, and at a few random places.
            let tags: Vec<usize> = doc.match_indices('>').map(|(i, _)| i + 1).collect();
            for _ in 0..60 {
                let at = if self.rand(4) == 0 {
                    let mut at = self.rand(doc.len());
                    while !doc.is_char_boundary(at) {
                        at -= 1;
                    }
                    at
                } else {
                    tags[self.rand(tags.len())]
                };
                let snippet = SNIPPETS[self.rand(SNIPPETS.len())];
                let mut variant = doc.clone();
                variant.insert_str(at, snippet);
                self.check::<R>(&variant);
                self.check::<R>(&doc[..at]);
            }
            // Long text and a value at the size limit of text are read the same way.
            let long = doc.replacen("</MA_LK>", &format!("{}</MA_LK>", "x".repeat(70_000)), 1);
            self.check::<R>(&long);
        }
    }
    let mut cmp = Compare {
        seed: 7,
        documents: 0,
        fast_errors: 0,
    };
    for i in 0..12 {
        let opts = crate::gen::GenOptions {
            seed: 11 + i as u64,
            ..Default::default()
        };
        crate::gen::generate_hoso(&opts, i).visit_tables(&mut cmp);
    }
    assert!(cmp.documents > 5_000, "{} documents", cmp.documents);
    assert!(
        cmp.fast_errors > 1_000,
        "{} errors compared",
        cmp.fast_errors
    );
}

/// The split decoder (vectorised body, reference decoder for the last group) accepts and
/// rejects exactly what the reference decoder alone does, with the same bytes: random inputs
/// over the alphabet, padding, whitespace and stray bytes, at every length up to 80 and a few
/// long ones.
#[test]
fn split_base64_decoding_matches_the_reference_decoder() {
    use base64::Engine;
    let mut seed = 0x5eed_u64;
    let mut rand = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut accepted = 0;
    for round in 0..60_000 {
        let len = if round % 100 == 0 {
            4000 + rand(9)
        } else {
            rand(81)
        };
        let mut src: Vec<u8> = (0..len).map(|_| ALPHABET[rand(64)]).collect();
        // Now and then: padding at the end, a stray byte anywhere, canonical endings.
        match rand(6) {
            0 if len > 0 => src[len - 1] = b'=',
            1 if len > 1 => {
                src[len - 1] = b'=';
                src[len - 2] = b'=';
            }
            2 if len > 0 => src[rand(len)] = [b'=', b' ', b'-', b'_', 0xC3, b'\n'][rand(6)],
            3 => src = crate::codec::BASE64.encode(&src).into_bytes(),
            _ => {}
        }
        let mut want = Vec::new();
        let want_ok = crate::codec::BASE64.decode_vec(&src, &mut want).is_ok();
        let mut got = Vec::new();
        let got_ok = decode_base64(&src, &mut got).is_ok();
        assert_eq!(got_ok, want_ok, "{:?}", String::from_utf8_lossy(&src));
        if want_ok {
            assert_eq!(got, want);
            accepted += 1;
        }
    }
    assert!(accepted > 15_000, "{accepted} accepted");
}
