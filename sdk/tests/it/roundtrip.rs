//! Property tests: for every table, random records (absent, well-formed or junk values for each
//! element of the dictionary, elements outside the dictionary, both XML13 layouts) read back
//! exactly as written, through the whole envelope (or the check-in and XML12 documents); and no
//! input makes a reader panic.

use crate::dispatch::{diff_records, put_rows, rows_of};
use crate::support::generated;
use lienthong::codec::{
    parse_table, table_document, AssessmentDocument, CheckinDocument, Envelope, EnvelopeReader,
    Limits,
};
use lienthong::hoso::Hoso;
use lienthong::record::{ExtraElement, InLayouts, Layout, Record, TableId};
use lienthong::tables::*;
use lienthong::types::{days_in_month, is_xml_char, Date, FacilityCode, Kind};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::sync::OnceLock;

/// Cases per table: enough to meet every kind of value many times, few enough to stay fast.
const CASES: u32 = 96;

fn re(pattern: &str) -> BoxedStrategy<String> {
    proptest::string::string_regex(pattern)
        .expect("a valid pattern")
        .boxed()
}

fn date() -> BoxedStrategy<String> {
    (1000u16..=9999, 1u8..=12, 1u8..=31)
        .prop_map(|(y, m, d)| format!("{y:04}{m:02}{:02}", d.min(days_in_month(y, m))))
        .boxed()
}

fn date_time() -> BoxedStrategy<String> {
    (date(), 0u8..24, 0u8..60)
        .prop_map(|(d, h, m)| format!("{d}{h:02}{m:02}"))
        .boxed()
}

/// Free text: Vietnamese words, markup characters, CDATA ends, CR LF, surrounding spaces.
fn text() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        3 => select(vec![
            "Nguyễn", "Thị", "Ánh", "Đặng", "Hồ Chí Minh", "sốt cao", "ho khan", "viêm phổi", "Ư", "ệ",
            "]]>", "]]", "<", "&", ">", "<&>", "<![CDATA[", "&amp;", "&#13;", "\r\n", "\r", "\n", "\t",
            " ", "  ", "'", "\"", ";", "ü", "😀", "\u{FFFD}", "\u{E000}", "\u{85}", "\u{2028}",
        ])
        .prop_map(str::to_owned),
        2 => re("[a-zA-Z0-9 ,.()/-]{1,10}"),
    ];
    vec(piece, 0..8).prop_map(|v| v.concat()).boxed()
}

/// Anything XML 1.0 can carry, with a bias towards characters that need escaping.
fn junk() -> BoxedStrategy<String> {
    let ch = prop_oneof![
        3 => any::<char>().prop_filter("a character XML allows", |c| is_xml_char(*c)),
        2 => select(vec!['<', '&', '>', ']', '\r', '\n', '\t', ' ', ';', '"', '\'', 'Đ', '0', '.', '-', '\u{A0}']),
    ];
    vec(ch, 0..24).prop_map(String::from_iter).boxed()
}

/// A plausible well-formed wire value of `kind`.
fn valid(kind: Kind) -> BoxedStrategy<String> {
    match kind {
        Kind::Text => text(),
        Kind::Code => prop_oneof![
            re("[A-Z0-9][A-Z0-9./_-]{0,10}"),
            re("[0-9]{1,3}/QĐ-[A-Z]{2,5};G[0-9];N[0-9];20[0-9]{2}"),
            re("[A-Za-zĐđ0-9]{1,4} [A-Za-z0-9]{1,4}"),
        ]
        .boxed(),
        Kind::Ident => re("[A-Z0-9]{1,15}"),
        Kind::MaLk => re("[0-9]{5}\\.[0-9]{6}\\.[0-9]{7}"),
        Kind::Facility => prop_oneof![re("[0-9]{5}"), re("[0-9A-Z]{5}")].boxed(),
        Kind::Card => re("[A-Z]{2}[1-5][0-9]{12}"),
        Kind::Cccd => prop_oneof![re("[0-9]{12}"), re("[0-9]{9}"), re("[A-Z][0-9]{7}")].boxed(),
        Kind::Bhxh => re("[0-9]{10}"),
        Kind::Icd => re("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?[†*]?"),
        Kind::Int => re("[0-9]{1,19}"),
        Kind::Dec => prop_oneof![
            // Leading zeros and trailing fractional zeros are part of the value's wire form.
            4 => re("0{0,3}[0-9]{1,9}(\\.[0-9]{0,4}0{1,3})?"),
            // Up to 28 significant digits; 29 digits are tested in `decimal_wire_forms_are_kept`.
            1 => re("[0-9]{1,14}\\.[0-9]{1,14}"),
            1 => re("[1-9][0-9]{19,27}"),
        ]
        .boxed(),
        Kind::Date => date(),
        Kind::DateTime => date_time(),
        Kind::BirthDateTime => prop_oneof![
            (1000u16..=9999).prop_map(|y| format!("{y}00000000")),
            date().prop_map(|d| format!("{d}0000")),
            date_time(),
        ]
        .boxed(),
        Kind::BirthDate => {
            prop_oneof![(1000u16..=9999).prop_map(|y| format!("{y}0000")), date()].boxed()
        }
        Kind::DateOrDateTime => prop_oneof![date(), date_time()].boxed(),
        Kind::Enum(codes) => prop_oneof![
            4 => select(codes.to_vec()).prop_map(str::to_owned),
            1 => re("[A-Z0-9]{1,3}"),
        ]
        .boxed(),
        Kind::List(inner) => vec(valid(*inner), 1..4).prop_map(|v| v.join(";")).boxed(),
    }
}

/// A field: absent, well-formed, or junk.
fn field(kind: Kind) -> BoxedStrategy<Option<String>> {
    prop_oneof![
        2 => Just(None),
        4 => valid(kind).prop_map(Some),
        1 => junk().prop_map(Some),
    ]
    .boxed()
}

/// Names of elements outside every dictionary.
fn extra_name() -> BoxedStrategy<String> {
    prop_oneof![
        re("X_[A-Z0-9_]{1,8}"),
        re("GHI_CHÚ_[0-9]"),
        re("x-[a-z]{1,4}\\.[0-9]")
    ]
    .boxed()
}

/// A record and the wire text given to each of its elements (by index).
type Given<R> = (R, Vec<(usize, String)>);

/// A random record and the wire text of each element it was given.
fn record<R: Record>() -> BoxedStrategy<Given<R>> {
    let has_3176 = R::FIELDS.iter().any(|f| f.layouts == InLayouts::Qd3176Only);
    let fields: Vec<BoxedStrategy<Option<String>>> =
        R::FIELDS.iter().map(|f| field(f.kind)).collect();
    let extras = prop_oneof![
        3 => Just(Vec::new()),
        1 => vec((extra_name(), prop_oneof![text(), junk()]), 1..4),
    ];
    let qd3176 = if has_3176 {
        any::<bool>().boxed()
    } else {
        Just(false).boxed()
    };
    (fields, extras, qd3176)
        .prop_map(|(values, extras, qd3176)| {
            let layout = if qd3176 {
                Layout::Qd3176
            } else {
                Layout::Qd4750
            };
            let mut r = R::default();
            r.set_layout(layout);
            let mut given = Vec::new();
            for (i, v) in values.into_iter().enumerate() {
                let Some(s) = v else { continue };
                // A QĐ 3176 element with a value makes the record a QĐ 3176 one.
                if layout == Layout::Qd4750 && R::FIELDS[i].layouts == InLayouts::Qd3176Only {
                    continue;
                }
                r.field_mut(i).set_wire(&s);
                given.push((i, s));
            }
            for (name, text) in extras {
                if R::index_of(&name).is_none() && !r.extra().iter().any(|x| *x.name == *name) {
                    r.extra_mut().push(ExtraElement {
                        name: name.into(),
                        text: text.into(),
                    });
                }
            }
            (r, given)
        })
        .boxed()
}

fn rows<R: Record>() -> BoxedStrategy<Vec<Given<R>>> {
    let n = if R::TABLE.list_and_row().is_some() {
        1..4
    } else {
        1..2
    };
    vec(record::<R>(), n).boxed()
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Every element given a non-empty wire text keeps that exact text.
fn check_wire_kept<R: Record>(r: &R, given: &[(usize, String)]) -> Result<(), TestCaseError> {
    for (i, s) in given {
        let f = r.field(*i);
        if s.is_empty() {
            prop_assert!(
                f.is_absent(),
                "{}: empty text is absent",
                R::FIELDS[*i].element
            );
        } else {
            prop_assert_eq!(
                f.wire(),
                s.as_str(),
                "{}: the wire text changed when parsed",
                R::FIELDS[*i].element
            );
        }
    }
    Ok(())
}

fn same_rows<R: Record>(what: &str, got: &[R], want: &[R], doc: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(got.len(), want.len(), "{}: row count\n{}", what, doc);
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let d = diff_records(g, w);
        prop_assert!(
            d.is_empty(),
            "{}: row {} differs (read vs written):\n{}\n{}",
            what,
            i + 1,
            d.join("\n"),
            doc
        );
    }
    Ok(())
}

/// parse(write(x)) == x through a whole envelope, and through a lone table document.
fn envelope_roundtrip<R: Record>() {
    let facility = FacilityCode::new("79001").unwrap();
    let made = Date::new(2025, 3, 10).unwrap();
    let result = runner().run(&rows::<R>(), |generated| {
        for (r, given) in &generated {
            check_wire_kept(r, given)?;
        }
        let rows: Vec<R> = generated.into_iter().map(|(r, _)| r).collect();
        let doc = table_document(&rows).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut hoso = Hoso::default();
        put_rows(&mut hoso, rows.clone());
        let env = Envelope::new(facility.clone(), made, vec![hoso.clone()]);
        let bytes = env
            .to_bytes()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let read =
            Envelope::from_bytes(&bytes).map_err(|e| TestCaseError::fail(format!("{e}\n{doc}")))?;
        prop_assert_eq!(read.hosos.len(), 1);
        let mut h = read.hosos[0].clone();
        let notices = &h.source.as_ref().unwrap().notices;
        prop_assert!(notices.is_empty(), "{:?}", notices);
        same_rows("envelope", &rows_of::<R>(&mut h), &rows, &doc)?;
        h.source = None;
        prop_assert!(h == hoso, "the HOSO differs elsewhere");
        prop_assert!(read.header == env.header && read.signature == env.signature);
        prop_assert!(
            read.to_bytes().unwrap() == bytes,
            "writing what was read changes the file"
        );
        // The table document alone.
        let parsed = parse_table::<R>(doc.as_bytes(), Limits::default())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{doc}")))?;
        same_rows("document", &parsed, &rows, &doc)?;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{}: {e}", R::TABLE);
    }
}

/// parse(write(x)) == x through the check-in or XML12 document (`R` is its row type).
macro_rules! document_roundtrip {
    ($doc:ty, $row:ty) => {{
        let strategy = (
            vec(record::<$row>(), 0..4),
            prop_oneof![
                Just(None),
                Just(Some(String::new())),
                Just(Some("<Signature>MIIB</Signature>".to_owned()))
            ],
        );
        let result = runner().run(&strategy, |(generated, signature)| {
            for (r, given) in &generated {
                check_wire_kept(r, given)?;
            }
            let rows: Vec<$row> = generated.into_iter().map(|(r, _)| r).collect();
            let mut doc = <$doc>::new(rows.clone());
            doc.signature = signature.clone();
            let bytes = doc
                .to_bytes()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let text = String::from_utf8(bytes.clone()).unwrap();
            let read = <$doc>::from_bytes(&bytes)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            same_rows("document", &read.rows, &rows, &text)?;
            prop_assert_eq!(read.signature.clone(), Some(signature.unwrap_or_default()));
            prop_assert!(!read.had_bom);
            prop_assert!(
                read.to_bytes().unwrap() == bytes,
                "writing what was read changes the document"
            );
            Ok(())
        });
        if let Err(e) = result {
            panic!("{}: {e}", <$row as Record>::TABLE);
        }
    }};
}

macro_rules! envelope_tables {
    ($($test:ident: $ty:ty),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                envelope_roundtrip::<$ty>();
            }
        )*
        const ENVELOPE_TABLES: &[TableId] = &[$(<$ty as Record>::TABLE),*];
    };
}

envelope_tables!(
    xml1_round_trips: Summary,
    xml2_round_trips: DrugLine,
    xml3_round_trips: ServiceLine,
    xml4_round_trips: ParaclinicalResult,
    xml5_round_trips: ClinicalNote,
    xml6_round_trips: HivRecord,
    xml7_round_trips: DischargePaper,
    xml8_round_trips: RecordSummary,
    xml9_round_trips: BirthCertificate,
    xml10_round_trips: PregnancyLeave,
    xml11_round_trips: SickLeave,
    xml13_round_trips: Referral,
    xml14_round_trips: Reexam,
    xml15_round_trips: TbRecord,
);

#[test]
fn checkin_round_trips() {
    document_roundtrip!(CheckinDocument, CheckinRow);
}

#[test]
fn xml12_round_trips() {
    document_roundtrip!(AssessmentDocument, Assessment);
}

#[test]
fn every_table_has_a_round_trip_test() {
    let mut covered: Vec<TableId> = ENVELOPE_TABLES.to_vec();
    covered.extend([TableId::Checkin, TableId::Xml12]);
    covered.sort();
    assert_eq!(covered, TableId::ALL.to_vec());
}

#[test]
fn both_xml13_layouts_are_generated() {
    let mut runner = runner();
    let (mut old, mut new) = (0, 0);
    for _ in 0..64 {
        let (r, _) = record::<Referral>()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        match r.layout {
            Layout::Qd4750 => old += 1,
            Layout::Qd3176 => new += 1,
        }
    }
    assert!(old > 0 && new > 0, "{old} / {new}");
}

// ---------------------------------------------------------------------------------------------
// Readers never panic

/// A small generated file to corrupt.
fn sample_file() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| generated(2, 21))
}

/// A check-in document to corrupt.
fn sample_checkin() -> &'static [u8] {
    static DOC: OnceLock<Vec<u8>> = OnceLock::new();
    DOC.get_or_init(|| {
        let opts = lienthong::gen::GenOptions::default();
        let rows = (0..2)
            .filter_map(|i| lienthong::gen::checkin_for(&lienthong::gen::generate_hoso(&opts, i)))
            .collect();
        CheckinDocument::new(rows).to_bytes().unwrap()
    })
}

/// An edit of a byte string: overwrite, insert or delete at a position.
fn apply(bytes: &[u8], edits: &[(prop::sample::Index, u8, u8)]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    for (at, byte, op) in edits {
        if b.is_empty() {
            b.push(*byte);
            continue;
        }
        let i = at.index(b.len());
        match op % 3 {
            0 => b[i] = *byte,
            1 => b.insert(i, *byte),
            _ => {
                b.remove(i);
            }
        }
    }
    b
}

/// Markup-like fragments, to reach deeper than random bytes do.
fn markup() -> BoxedStrategy<Vec<u8>> {
    vec(
        select(vec![
            "<",
            ">",
            "</",
            "/>",
            "<?xml version=\"1.0\"?>",
            "<!DOCTYPE x>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "&amp;",
            "&#1;",
            "&x;",
            "GIAMDINHHS",
            "THONGTINDONVI",
            "MACSKCB",
            "THONGTINHOSO",
            "DANHSACHHOSO",
            "HOSO",
            "FILEHOSO",
            "LOAIHOSO",
            "NOIDUNGFILE",
            "XML1",
            "XML2",
            "CHUKYDONVI",
            "CHI_TIEU_TRANG_THAI_KCB",
            "DSACH_TRANG_THAI_KCB",
            "TRANG_THAI_KCB",
            "MA_LK",
            "PD94bWwg",
            "=",
            "\"",
            " ",
            "\n",
            "\u{FEFF}",
            "\u{FFFD}",
            "\u{1}",
        ]),
        0..64,
    )
    .prop_map(|v| v.concat().into_bytes())
    .boxed()
}

/// Reading `bytes` every way must not panic; what is accepted must write out and read back the
/// same.
fn read_everything(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(env) = Envelope::from_bytes(bytes) {
        if let Ok(out) = env.to_bytes() {
            let again = Envelope::from_bytes(&out)
                .map_err(|e| TestCaseError::fail(format!("canonical output refused: {e}")))?;
            prop_assert_eq!(again.hosos.len(), env.hosos.len());
            for (a, b) in again.hosos.iter().zip(&env.hosos) {
                let (a, b) = (
                    Hoso {
                        source: None,
                        ..a.clone()
                    },
                    Hoso {
                        source: None,
                        ..b.clone()
                    },
                );
                prop_assert!(a == b, "the canonical output reads differently");
            }
            prop_assert!(again.to_bytes().unwrap() == out);
        }
    }
    if let Ok(mut r) = EnvelopeReader::new(bytes) {
        let mut n = 0;
        while let Some(h) = r.next() {
            n += 1;
            prop_assert!(n <= bytes.len() + 1, "the reader does not stop");
            if h.is_err() {
                prop_assert!(r.next().is_none(), "something after an error");
                break;
            }
        }
    }
    let _ = CheckinDocument::from_bytes(bytes).map(|d| d.to_bytes());
    let _ = AssessmentDocument::from_bytes(bytes).map(|d| d.to_bytes());
    let _ = parse_table::<Summary>(bytes, Limits::default());
    let _ = parse_table::<DrugLine>(bytes, Limits::default());
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..512)) {
        read_everything(&bytes)?;
    }

    #[test]
    fn markup_soup_never_panics(bytes in markup()) {
        read_everything(&bytes)?;
    }

    #[test]
    fn corrupted_files_never_panic(edits in vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..6)) {
        read_everything(&apply(sample_file(), &edits))?;
    }

    #[test]
    fn corrupted_checkin_documents_never_panic(edits in vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..6)) {
        read_everything(&apply(sample_checkin(), &edits))?;
    }
}

proptest! {
    #![proptest_config(Config { cases: 128, failure_persistence: None, ..Config::default() })]

    /// Corrupts a decoded table, then wraps it in base64 again (so the corruption reaches the
    /// table reader instead of breaking the base64).
    #[test]
    fn corrupted_tables_never_panic(
        which in 0usize..4,
        edits in vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..6),
    ) {
        use base64::Engine;
        let env = Envelope::from_bytes(sample_file()).unwrap();
        let h = &env.hosos[0];
        let doc = match which {
            0 => table_document(std::slice::from_ref(h.xml1.as_ref().unwrap())).unwrap(),
            1 => table_document(&h.xml2).unwrap(),
            2 => table_document(&h.xml3).unwrap(),
            _ => table_document(&h.xml4).unwrap(),
        };
        let name = ["XML1", "XML2", "XML3", "XML4"][which];
        let bad = apply(doc.as_bytes(), &edits);
        let b64 = base64::engine::general_purpose::STANDARD.encode(&bad);
        let file = format!(
            "<GIAMDINHHS><THONGTINDONVI><MACSKCB>79001</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20250310</NGAYLAP><SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>{name}</LOAIHOSO><NOIDUNGFILE>{b64}</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>"
        );
        read_everything(file.as_bytes())?;
        read_everything(&bad)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Decimals at the edge of the 96-bit mantissa

#[test]

fn decimals_of_29_digits_keep_their_wire_form() {
    use lienthong::types::{Dec, Field};
    for s in [
        "9.9999999999999999999999999999",
        "846809713757394.97833409119030",
        "79228162514264337593543950.336",
    ] {
        let f = Field::<Dec>::from_wire(s);
        assert_eq!(f.wire(), s, "{s}: read as {f:?}");
    }
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    /// Every decimal the wire allows (up to 30 characters) is kept exactly or kept as invalid
    /// text; never rounded.
    #[test]

    fn decimal_wire_forms_are_kept(
        s in prop_oneof![
            re("[0-9]{1,29}(\\.[0-9]{1,28})?").prop_filter("at most 30 characters", |s| s.len() <= 30),
            // Exactly 29 digits around a point: at the edge of the mantissa.
            (re("[1-9][0-9]{28}"), 1usize..29).prop_map(|(d, k)| format!("{}.{}", &d[..k], &d[k..])),
        ]
    ) {
        let f = lienthong::types::Field::<lienthong::types::Dec>::from_wire(&s);
        prop_assert_eq!(f.wire(), s.as_str());
    }
}
