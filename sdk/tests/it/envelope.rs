//! Envelope round trips.

use crate::support::*;
use lienthong::codec::{Envelope, EnvelopeReader};

#[test]
fn canonical_file_reads_and_writes_back_byte_for_byte() {
    let file = generated(50, 3);
    let env = parse(&file);
    assert_eq!(env.hosos.len(), 50);
    let again = env.to_bytes().unwrap();
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(file).unwrap()
    );
}

#[test]
fn streaming_reader_yields_each_hoso_with_its_position() {
    let file = generated(5, 9);
    let mut r = EnvelopeReader::new(&file[..]).unwrap();
    assert_eq!(r.header().soluonghoso.wire(), "5");
    let hs: Vec<_> = (&mut r).map(Result::unwrap).collect();
    assert_eq!(hs.len(), 5);
    assert_eq!(r.signature(), Some(""));
    let src = hs[1].source.as_ref().unwrap();
    assert_eq!(src.index, 2);
    assert!(src.line > 8);
    assert_eq!(src.tables[0].table, lienthong::record::TableId::Xml1);
    assert_eq!(src.tables[0].row_lines, vec![2]);
    assert!(src.notices.is_empty());
    let env = Envelope::from_bytes(&file).unwrap();
    assert_eq!(env.hosos, hs);
}
