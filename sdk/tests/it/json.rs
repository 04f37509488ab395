//! The JSON form keeps every field: XML -> JSON -> XML gives back the same canonical bytes, and
//! every value in JSON is the exact string of the file.

use crate::dispatch::{full_record, put_rows, with_record, WithRecord};
use crate::support::{generated, parse};
use lienthong::codec::json::{
    assessment_from_json, assessment_to_json, checkin_from_json, checkin_to_json,
    envelope_from_json, envelope_to_json, hoso_from_json, hoso_to_json, record_to_json,
    JsonEnvelopeWriter,
};
use lienthong::codec::{AssessmentDocument, CheckinDocument, Envelope};
use lienthong::gen::{checkin_for, generate_hoso, GenOptions};
use lienthong::hoso::{Hoso, OtherFile};
use lienthong::record::{Layout, Record, TableId};
use lienthong::tables::{Assessment, CheckinRow, DrugLine, Referral};
use lienthong::types::{Date, FacilityCode};
use serde_json::Value;

/// XML -> JSON text -> XML.
fn through_json(env: &Envelope) -> Envelope {
    let text = serde_json::to_string_pretty(&envelope_to_json(env)).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    envelope_from_json(&value).unwrap_or_else(|e| panic!("{e}"))
}

fn without_source(h: &Hoso) -> Hoso {
    Hoso {
        source: None,
        ..h.clone()
    }
}

#[test]
fn generated_files_survive_xml_json_xml() {
    for (n, seed) in [(40, 1), (25, 17), (1, 3)] {
        let file = generated(n, seed);
        let env = parse(&file);
        let back = through_json(&env);
        assert_eq!(back.header, env.header);
        assert_eq!(back.signature, env.signature);
        assert_eq!(back.hosos.len(), n);
        for (a, b) in env.hosos.iter().zip(&back.hosos) {
            assert_eq!(without_source(a), *b);
        }
        assert_eq!(
            String::from_utf8(back.to_bytes().unwrap()).unwrap(),
            String::from_utf8(file).unwrap(),
            "seed {seed}"
        );
    }
}

#[test]
fn streaming_json_equals_the_whole_envelope_json() {
    let file = generated(12, 5);
    let env = parse(&file);
    let mut w = JsonEnvelopeWriter::new(Vec::new(), &env.header).unwrap();
    for h in &env.hosos {
        w.write_hoso(h).unwrap();
    }
    let out = w.finish(env.signature.as_deref()).unwrap();
    let streamed: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(streamed, envelope_to_json(&env));
    // Also with a signature, without one, and without any HOSO.
    for signature in [Some("<Signature>abc</Signature>"), None] {
        let mut env2 = env.clone();
        env2.signature = signature.map(str::to_owned);
        env2.hosos.truncate(0);
        let w = JsonEnvelopeWriter::new(Vec::new(), &env2.header).unwrap();
        let out = w.finish(env2.signature.as_deref()).unwrap();
        let streamed: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(streamed, envelope_to_json(&env2));
        assert_eq!(envelope_from_json(&streamed).unwrap(), env2);
    }
}

/// A HOSO with every envelope table, every element of each record filled.
fn full_hoso(layout: Layout, n: usize) -> Hoso {
    struct Fill<'a>(&'a mut Hoso, Layout, usize);
    impl WithRecord for Fill<'_> {
        type Out = ();
        fn call<R: Record>(self) {
            let rows: Vec<R> = (0..2)
                .map(|i| full_record::<R>(self.1, self.2 + i))
                .collect();
            put_rows(self.0, rows);
        }
    }
    let mut h = Hoso::default();
    for t in TableId::IN_ENVELOPE {
        with_record(t, Fill(&mut h, layout, n));
    }
    h.other_files.push(OtherFile {
        loaihoso: "XML12".into(),
        content: "QUJD".into(),
    });
    h
}

#[test]
fn every_field_of_every_table_survives_xml_json_xml() {
    let hosos = vec![
        full_hoso(Layout::Qd4750, 0),
        full_hoso(Layout::Qd3176, 7),
        full_hoso(Layout::Qd4750, 3),
    ];
    let env = Envelope::new(
        FacilityCode::new("79001").unwrap(),
        Date::new(2025, 3, 10).unwrap(),
        hosos,
    );
    let xml = env.to_bytes().unwrap();
    let read = parse(&xml);
    for (a, b) in env.hosos.iter().zip(&read.hosos) {
        assert_eq!(*a, without_source(b), "the XML round trip itself");
    }
    assert_eq!(read.hosos[1].xml13.as_ref().unwrap().layout, Layout::Qd3176);
    let back = through_json(&read);
    for (a, b) in env.hosos.iter().zip(&back.hosos) {
        assert_eq!(a, b);
    }
    assert_eq!(back.to_bytes().unwrap(), xml);
    // One HOSO at a time, too.
    for h in &env.hosos {
        assert_eq!(hoso_from_json(&hoso_to_json(h), "HOSO").unwrap(), *h);
    }
}

#[test]
fn json_values_are_the_exact_strings_of_the_file() {
    let opts = GenOptions::default();
    let mut h = generate_hoso(&opts, 0);
    let mut line = h.xml2[0].clone();
    line.don_gia = "034500.00".into();
    line.so_luong = "0002.500".into();
    line.tyle_tt_bh = "0100".into();
    line.thanh_tien_bv = "12,5".into(); // not a decimal: kept as read
    line.ngay_yl = "202503101205".into();
    line.ten_thuoc = " Paracetamol 500mg\r\n(viên) ".into();
    line.ma_khoa = "".into();
    h.xml2 = vec![line];
    let env = Envelope::new(
        FacilityCode::new("01000").unwrap(),
        Date::new(2025, 3, 10).unwrap(),
        vec![h],
    );
    let read = parse(&env.to_bytes().unwrap());
    let json = envelope_to_json(&read);
    let root = &json["GIAMDINHHS"];
    assert_eq!(root["THONGTINDONVI"]["MACSKCB"], "01000");
    assert_eq!(root["THONGTINHOSO"]["NGAYLAP"], "20250310");
    assert_eq!(root["THONGTINHOSO"]["SOLUONGHOSO"], "1");
    assert_eq!(root["CHUKYDONVI"], "");
    let x2 = &root["THONGTINHOSO"]["DANHSACHHOSO"][0]["XML2"][0];
    assert_eq!(x2["DON_GIA"], "034500.00");
    assert_eq!(x2["SO_LUONG"], "0002.500");
    assert_eq!(x2["TYLE_TT_BH"], "0100");
    assert_eq!(x2["THANH_TIEN_BV"], "12,5");
    assert_eq!(x2["NGAY_YL"], "202503101205");
    assert_eq!(x2["TEN_THUOC"], " Paracetamol 500mg\r\n(viên) ");
    assert_eq!(x2["MA_KHOA"], "", "absent elements are empty strings");
    // Elements in dictionary order, every one of the layout.
    let keys: Vec<&str> = x2.as_object().unwrap().keys().map(String::as_str).collect();
    let fields: Vec<&str> = DrugLine::FIELDS.iter().map(|f| f.element).collect();
    assert_eq!(keys, fields);
    // Every string of the JSON is the text of its element in the table document.
    let doc = lienthong::codec::table_document(&read.hosos[0].xml2).unwrap();
    for (k, v) in x2.as_object().unwrap() {
        let v = v.as_str().unwrap();
        if v.is_empty() {
            assert!(doc.contains(&format!("<{k}/>")), "{k}");
        } else if !v.contains(['\r', '<', '&']) {
            assert!(
                doc.contains(&format!("<{k}>{v}</{k}>"))
                    || doc.contains(&format!("<{k}><![CDATA[{v}]]></{k}>")),
                "{k}"
            );
        }
    }
    // And back.
    let back = envelope_from_json(&json).unwrap();
    let line = &back.hosos[0].xml2[0];
    assert_eq!(line.don_gia.wire(), "034500.00");
    assert_eq!(line.thanh_tien_bv.wire(), "12,5");
    assert!(line.thanh_tien_bv.value().is_none());
    assert_eq!(back.to_bytes().unwrap(), read.to_bytes().unwrap());
}

#[test]
fn qd3176_layout_and_extra_elements_survive_json() {
    let mut r: Referral = full_record(Layout::Qd3176, 4);
    r.ten_dich_vu = "".into();
    r.ma_cskcb_di = "".into();
    let obj = record_to_json(&r);
    assert_eq!(
        obj["MA_CSKCB_DI"], "",
        "an empty 3176 element is still written"
    );
    assert!(
        !obj.contains_key("TEN_DICH_VU"),
        "an empty 4750-only element is left out"
    );
    assert_eq!(obj["GHI_CHU_RIENG"], "ghi chú 4 & <x>");
    let h = Hoso {
        xml13: Some(r.clone()),
        ..Hoso::default()
    };
    let back = hoso_from_json(&hoso_to_json(&h), "HOSO").unwrap();
    assert_eq!(back.xml13, Some(r));
}

#[test]
fn checkin_documents_survive_xml_json_xml() {
    let opts = GenOptions {
        seed: 9,
        ..Default::default()
    };
    let rows: Vec<CheckinRow> = (0..6)
        .filter_map(|i| checkin_for(&generate_hoso(&opts, i)))
        .collect();
    assert_eq!(rows.len(), 6);
    let mut full: Vec<CheckinRow> = vec![
        full_record(Layout::Qd4750, 2),
        full_record(Layout::Qd4750, 5),
    ];
    full.extend(rows);
    for signature in [
        Some(String::new()),
        Some("<Signature>MIIB</Signature>".to_owned()),
        None,
    ] {
        let mut doc = CheckinDocument::new(full.clone());
        doc.signature = signature.clone();
        let xml = doc.to_bytes().unwrap();
        let read = CheckinDocument::from_bytes(&xml).unwrap();
        assert_eq!(read.rows, full);
        // A missing signature is written as an empty one.
        assert_eq!(read.signature, Some(signature.clone().unwrap_or_default()));
        let text = serde_json::to_string(&checkin_to_json(&read)).unwrap();
        let back = checkin_from_json(&serde_json::from_str(&text).unwrap()).unwrap();
        assert_eq!(back.rows, full);
        assert_eq!(back.signature, read.signature);
        assert_eq!(back.to_bytes().unwrap(), xml);
    }
    let json = checkin_to_json(&CheckinDocument::new(full.clone()));
    let first = &json["CHI_TIEU_TRANG_THAI_KCB"]["DSACH_TRANG_THAI_KCB"][2];
    assert_eq!(first["MA_LK"].as_str(), full[2].ma_lk().as_deref());
}

#[test]
fn xml12_documents_survive_xml_json_xml() {
    let rows: Vec<Assessment> = (0..4).map(|i| full_record(Layout::Qd4750, i * 5)).collect();
    let mut doc = AssessmentDocument::new(rows.clone());
    doc.signature = Some("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignatureValue>AAA=</SignatureValue></Signature>".into());
    let xml = doc.to_bytes().unwrap();
    let read = AssessmentDocument::from_bytes(&xml).unwrap();
    assert_eq!(read.rows, rows);
    assert_eq!(read.signature, doc.signature);
    let text = serde_json::to_string(&assessment_to_json(&read)).unwrap();
    let back = assessment_from_json(&serde_json::from_str(&text).unwrap()).unwrap();
    assert_eq!(back.rows, rows);
    assert_eq!(back.to_bytes().unwrap(), xml);
    // An empty document.
    let empty = AssessmentDocument::new(Vec::new());
    let back = assessment_from_json(&assessment_to_json(&empty)).unwrap();
    assert_eq!(back.to_bytes().unwrap(), empty.to_bytes().unwrap());
}

#[test]
fn json_errors_name_the_place_not_the_value() {
    let env = parse(&generated(2, 4));
    let mut json = envelope_to_json(&env);
    json["GIAMDINHHS"]["THONGTINHOSO"]["DANHSACHHOSO"][1]["XML1"]["HO_TEN"] =
        serde_json::json!(["NGUYỄN VĂN AN"]);
    let e = envelope_from_json(&json).unwrap_err();
    assert_eq!(
        e.path,
        "GIAMDINHHS/THONGTINHOSO/DANHSACHHOSO[2]/XML1/HO_TEN"
    );
    assert!(!e.to_string().contains("NGUY"));
    let mut json = envelope_to_json(&env);
    json["GIAMDINHHS"]["THONGTINHOSO"]["DANHSACHHOSO"][0]["XML12"] = serde_json::json!([]);
    let e = envelope_from_json(&json).unwrap_err();
    assert_eq!(e.path, "GIAMDINHHS/THONGTINHOSO/DANHSACHHOSO[1]/XML12");
}
