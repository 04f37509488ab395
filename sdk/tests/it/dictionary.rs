//! The records' field dictionaries (`Record::FIELDS`) match the official CSV dictionaries of
//! `spec/qd130/` element for element: order, maximum size and whether the element is required.

use crate::dispatch::{with_record, WithRecord};
use lienthong::record::{FieldSpec, InLayouts, Record, Req, TableId};
use std::path::{Path, PathBuf};

/// The shared copy of the dictionaries (the source of truth of the project).
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/spec/qd130");
/// The copy vendored with the crate, used when the shared one is not there.
const VENDORED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/qd130");

/// The elements that only QĐ 3176 adds (to XML13); they are not in the QĐ 4750 dictionary.
const QD3176_EXTRAS: [(TableId, &str); 3] = [
    (TableId::Xml13, "MA_CSKCB_DI"),
    (TableId::Xml13, "MA_CSKCB_DEN"),
    (TableId::Xml13, "TINH_TRANG_CT"),
];

fn spec_dir() -> PathBuf {
    let shared = Path::new(SHARED);
    if shared.is_dir() {
        shared.to_path_buf()
    } else {
        let vendored = Path::new(VENDORED);
        assert!(vendored.is_dir(), "neither {SHARED} nor {VENDORED} exists");
        vendored.to_path_buf()
    }
}

/// One row of a dictionary CSV.
#[derive(Debug)]
struct Row {
    stt: String,
    element: String,
    max_size: String,
    required: String,
}

fn read_csv(path: &Path) -> Vec<Row> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{}: no column {name}", path.display()))
    };
    let (stt, element, max_size, required) =
        (col("stt"), col("element"), col("max_size"), col("required"));
    r.records()
        .map(|rec| {
            let rec = rec.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Row {
                stt: rec[stt].to_owned(),
                element: rec[element].to_owned(),
                max_size: rec[max_size].to_owned(),
                required: rec[required].to_owned(),
            }
        })
        .collect()
}

fn expected_req(required: &str) -> Req {
    match required {
        "x" => Req::Yes,
        "" => Req::No,
        _ => Req::Cond,
    }
}

fn expected_max(max_size: &str, what: &str) -> Option<u32> {
    match max_size {
        "n" => None,
        s => Some(
            s.parse()
                .unwrap_or_else(|_| panic!("{what}: max_size {s:?} is neither a number nor n")),
        ),
    }
}

struct Fields;

impl WithRecord for Fields {
    type Out = (TableId, &'static [FieldSpec]);
    fn call<R: Record>(self) -> Self::Out {
        (R::TABLE, R::FIELDS)
    }
}

/// Every difference between a table's `FIELDS` and its CSV, as readable lines.
fn differences(table: TableId, fields: &[FieldSpec], rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    // The fields the CSV describes: all but the QĐ 3176 additions, which must be exactly the
    // allowed ones.
    let mut listed = Vec::new();
    for f in fields {
        let allowed_extra = QD3176_EXTRAS.contains(&(table, f.element));
        if allowed_extra {
            if f.layouts != InLayouts::Qd3176Only {
                out.push(format!(
                    "{table}: {} should be QĐ 3176 only, is {:?}",
                    f.element, f.layouts
                ));
            }
            continue;
        }
        if f.layouts == InLayouts::Qd3176Only {
            out.push(format!(
                "{table}: {} is QĐ 3176 only but not an allowed QĐ 3176 addition",
                f.element
            ));
        }
        listed.push(f);
    }
    for (i, row) in rows.iter().enumerate() {
        let what = format!("{table} row {} ({})", row.stt, row.element);
        let Some(f) = listed.get(i) else {
            out.push(format!("{what}: missing from FIELDS"));
            continue;
        };
        if f.element != row.element {
            let pos = listed.iter().position(|f| f.element == row.element);
            out.push(match pos {
                Some(p) => format!(
                    "{what}: out of order, FIELDS has it at {} and {} here",
                    p + 1,
                    f.element
                ),
                None => format!("{what}: missing from FIELDS ({} here)", f.element),
            });
            continue;
        }
        let max = expected_max(&row.max_size, &what);
        if f.max_len != max {
            out.push(format!(
                "{what}: max_len {:?}, dictionary {:?} ({:?})",
                f.max_len, max, row.max_size
            ));
        }
        let req = expected_req(&row.required);
        if f.required != req {
            out.push(format!(
                "{what}: required {:?}, dictionary {req:?} ({:?})",
                f.required, row.required
            ));
        }
    }
    for f in listed.iter().skip(rows.len()) {
        out.push(format!(
            "{table}: FIELDS has {} which the dictionary does not list",
            f.element
        ));
    }
    out
}

#[test]
fn fields_match_the_official_dictionaries() {
    let dir = spec_dir();
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for table in TableId::ALL {
        let (t, fields) = with_record(table, Fields);
        assert_eq!(t, table, "the dispatch maps {table} to the record of {t}");
        let file = table.dictionary_file();
        files.push(file);
        let rows = read_csv(&dir.join(file));
        assert!(!rows.is_empty(), "{file} has no rows");
        problems.extend(differences(table, fields, &rows));
    }
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
    // Every CSV of the directory belongs to exactly one table.
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    on_disk.sort();
    files.sort();
    assert_eq!(
        on_disk,
        files,
        "CSV files of {} vs TableId::dictionary_file",
        dir.display()
    );
}

#[test]
fn every_allowed_qd3176_addition_exists() {
    for (table, element) in QD3176_EXTRAS {
        let (_, fields) = with_record(table, Fields);
        let f = fields.iter().find(|f| f.element == element);
        assert!(
            f.is_some_and(|f| f.layouts == InLayouts::Qd3176Only),
            "{table}/{element}"
        );
    }
}

#[test]
fn element_names_are_unique_within_each_table() {
    for table in TableId::ALL {
        let (_, fields) = with_record(table, Fields);
        for (i, f) in fields.iter().enumerate() {
            assert!(
                !fields[..i].iter().any(|g| g.element == f.element),
                "{table}: {} twice",
                f.element
            );
        }
        // The reader keeps a 128-bit set of the elements seen in a record.
        assert!(fields.len() <= 128, "{table} has {} fields", fields.len());
    }
}

#[test]
fn vendored_dictionaries_equal_the_shared_ones() {
    let (shared, vendored) = (Path::new(SHARED), Path::new(VENDORED));
    assert!(vendored.is_dir(), "the vendored copy {VENDORED} is missing");
    if !shared.is_dir() {
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(shared)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".csv") || n == "README.md")
        .collect();
    names.sort();
    assert_eq!(names.len(), 17, "16 CSVs and README.md: {names:?}");
    for name in &names {
        let a = std::fs::read(shared.join(name)).unwrap();
        let b =
            std::fs::read(vendored.join(name)).unwrap_or_else(|e| panic!("vendored {name}: {e}"));
        assert!(a == b, "vendored {name} differs from the shared copy");
    }
    let mut vendored_names: Vec<String> = std::fs::read_dir(vendored)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    vendored_names.sort();
    assert_eq!(
        vendored_names, names,
        "the vendored directory holds exactly the shared files"
    );
}
