//! Integration tests of signing and verification through the public API: the three signed
//! documents, tables unchanged, tampering, certificates, PKCS#12 of both encryption families.
//! The keys are throw-away fixtures (`tests/fixtures/sign/README.md`).

mod signing {
    use lienthong::codec::{AssessmentDocument, CheckinDocument, DocumentKind, Envelope};
    use lienthong::gen::{checkin_for, generate, generate_hoso, GenOptions};
    use lienthong::sign::{
        sign, verify, verify_with, Coverage, KeyError, KeyFileSigner, Password, Signer, Validity,
        VerifyOptions,
    };
    use lienthong::tables::Assessment;
    use lienthong::types::Field;
    use std::time::{Duration, UNIX_EPOCH};

    const PASSWORD: &str = "lienthong-test";

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/sign/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn signer(file: &str) -> KeyFileSigner {
        KeyFileSigner::from_pkcs12(&fixture(file), &Password::new(PASSWORD)).unwrap()
    }

    /// The envelope read and written back.
    fn after_bytes(doc: &[u8]) -> Vec<u8> {
        Envelope::from_bytes(doc).unwrap().to_bytes().unwrap()
    }

    /// Flips one base64 character of the first `NOIDUNGFILE` (to another base64 character).
    fn tamper_base64(doc: &[u8]) -> Vec<u8> {
        let s = std::str::from_utf8(doc).unwrap();
        let at = s.find("<NOIDUNGFILE>").unwrap() + "<NOIDUNGFILE>".len() + 100;
        let mut t = doc.to_vec();
        t[at] = if t[at] == b'Q' { b'R' } else { b'Q' };
        t
    }

    #[test]
    fn envelope_round_trip_keeps_every_table() {
        let file = generate(&GenOptions {
            hoso: 25,
            seed: 11,
            ..Default::default()
        });
        let signed = sign(&file, &signer("modern.p12")).unwrap();
        let before = Envelope::from_bytes(&file).unwrap();
        let after = Envelope::from_bytes(&signed).unwrap();
        assert_eq!(before.header, after.header);
        assert_eq!(before.hosos, after.hosos);
        assert_eq!(before.signature.as_deref(), Some(""));
        assert!(after.signature.unwrap().contains("<SignatureValue>"));
        // Byte for byte up to CHUKYDONVI, and after it.
        let cut = file.len() - b"  <CHUKYDONVI/>\n</GIAMDINHHS>\n".len();
        assert_eq!(&signed[..cut], &file[..cut]);
        assert!(signed.ends_with(b"</Signature></CHUKYDONVI>\n</GIAMDINHHS>\n"));

        let v = verify(&signed).unwrap();
        assert!(v.is_valid() && v.is_acceptable());
        assert_eq!(v.document, Some(DocumentKind::Envelope));
        assert!(!verify(&tamper_base64(&signed)).unwrap().is_valid());
        // A signed canonical file reads and writes back byte for byte, signature included.
        assert_eq!(after_bytes(&signed), signed);
    }

    #[test]
    fn checkin_document_sign_and_verify() {
        let opts = GenOptions {
            hoso: 1,
            seed: 5,
            ..Default::default()
        };
        let rows: Vec<_> = (0..3)
            .filter_map(|i| checkin_for(&generate_hoso(&opts, i)))
            .collect();
        assert!(!rows.is_empty());
        let doc = CheckinDocument::new(rows).to_bytes().unwrap();
        let signed = sign(&doc, &signer("legacy.p12")).unwrap();
        let before = CheckinDocument::from_bytes(&doc).unwrap();
        let after = CheckinDocument::from_bytes(&signed).unwrap();
        assert_eq!(before.rows, after.rows);
        assert_eq!(before.row_lines, after.row_lines);
        let v = verify(&signed).unwrap();
        assert!(v.is_acceptable(), "{v:?}");
        assert_eq!(v.document, Some(DocumentKind::Checkin));
        assert_eq!(v.location, "CHI_TIEU_TRANG_THAI_KCB/CHUKYDONVI/Signature");
        // One character of a row's value.
        let s = String::from_utf8(signed).unwrap();
        let at = s.find("<MA_LK>").unwrap() + "<MA_LK>".len();
        let mut t = s.into_bytes();
        t[at] = if t[at] == b'7' { b'8' } else { b'7' };
        let v = verify(&t).unwrap();
        assert!(!v.digests_ok() && v.signature_ok && !v.is_valid());
    }

    #[test]
    fn xml12_document_sign_and_verify() {
        let a = Assessment {
            nguoi_chu_tri: Field::from_wire("Trần Thị Mẫu"),
            ho_ten: Field::from_wire("Nguyễn Văn Mẫu"),
            ngay_hop: Field::from_wire("20250301"),
            ..Default::default()
        };
        let doc = AssessmentDocument::new(vec![a]).to_bytes().unwrap();
        let signed = sign(&doc, &signer("modern.p12")).unwrap();
        assert_eq!(
            AssessmentDocument::from_bytes(&doc).unwrap().rows,
            AssessmentDocument::from_bytes(&signed).unwrap().rows
        );
        let v = verify(&signed).unwrap();
        assert!(v.is_acceptable());
        assert_eq!(v.document, Some(DocumentKind::Assessment));
        let t = String::from_utf8(signed)
            .unwrap()
            .replace("Nguyễn", "Nguyên");
        assert!(!verify(t.as_bytes()).unwrap().is_valid());
    }

    #[test]
    fn certificate_information() {
        let signed = sign(&fixture("envelope.xml"), &signer("modern.p12")).unwrap();
        let v = verify(&signed).unwrap();
        let c = v.certificate.clone().unwrap();
        assert_eq!(
            c.subject,
            "C=VN, ST=Hà Nội, O=Bệnh viện Đa khoa Mẫu, CN=Bệnh viện Đa khoa Mẫu, uid=MST:0100000000-999"
        );
        assert_eq!(
            c.issuer,
            "C=VN, O=CA Thử Nghiệm Lienthong, CN=Lienthong Test CA"
        );
        assert_eq!(c.serial, "5401A2B3C4D5E6F7");
        assert_eq!(c.key_bits, 2048);
        assert!(c.not_after - c.not_before > 99 * 365 * 86_400);
        assert_eq!(v.certificate_validity(), Some(Validity::Current));
        let expired = verify_with(
            &signed,
            &VerifyOptions {
                at: Some(UNIX_EPOCH + Duration::from_secs(c.not_after as u64 + 86_400)),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(expired.is_valid() && expired.certificate_expired() && !expired.is_acceptable());
    }

    #[test]
    fn pkcs12_both_families_and_pem_sign_the_same() {
        let doc = fixture("envelope.xml");
        let modern = sign(&doc, &signer("modern.p12")).unwrap();
        let legacy = sign(&doc, &signer("legacy.p12")).unwrap();
        let pem = KeyFileSigner::from_pem(
            &fixture("signer.enc.pem"),
            Some(&fixture("signer.crt.pem")),
            Some(&Password::new(PASSWORD)),
        )
        .unwrap();
        assert_eq!(modern, legacy);
        assert_eq!(modern, sign(&doc, &pem).unwrap());
        assert_eq!(
            KeyFileSigner::from_pkcs12(&fixture("legacy.p12"), &Password::new("x")).unwrap_err(),
            KeyError::WrongPassword
        );
    }

    #[test]
    fn files_signed_by_xmlsec1_verify() {
        let v = verify(&fixture("xmlsec-envelope.xml")).unwrap();
        assert!(v.is_valid() && v.covers_whole_document());
        assert_eq!(
            v.references[0].coverage,
            Coverage::WholeDocumentMinusSignature
        );
        let v = verify(&fixture("xmlsec-exc-id.xml")).unwrap();
        assert!(v.is_valid() && v.covers_whole_document());
        assert!(!verify(&tamper_base64(&fixture("xmlsec-envelope.xml")))
            .unwrap()
            .is_valid());
    }

    #[test]
    fn secrets_stay_out_of_debug_and_errors() {
        let p = Password::new(PASSWORD);
        let s = signer("modern.p12");
        let shown = format!("{p:?} {s:?}");
        assert!(!shown.contains(PASSWORD));
        assert!(shown.contains("[redacted]"));
        let e = KeyFileSigner::from_pkcs12(&fixture("modern.p12"), &Password::new("mat-khau-sai"))
            .unwrap_err();
        let text = format!("{e} {e:?} {}", e.message_vi());
        assert!(!text.contains("mat-khau-sai"));
        // The certificate given to the document is the signer's.
        assert_eq!(
            verify(&sign(&fixture("envelope.xml"), &s).unwrap())
                .unwrap()
                .certificate
                .unwrap()
                .sha256_fingerprint
                .len(),
            64
        );
        assert!(!s.certificate_der().is_empty());
    }
}
