//! Generated files are consistent and clean.

use crate::support::*;
use lienthong::codec::EnvelopeReader;
use lienthong::gen::{generate_hoso, GenOptions};
use lienthong::money::LineAmounts;
use lienthong::tables::summary::totals_of;

#[test]
fn generation_is_deterministic() {
    assert_eq!(generated(20, 42), generated(20, 42));
    assert_ne!(generated(20, 42), generated(20, 43));
}

#[test]
fn generated_records_raise_no_finding() {
    let file = generated(300, 7);
    let mut n = 0;
    for h in EnvelopeReader::new(&file[..]).unwrap() {
        let h = h.unwrap();
        let f = record_findings(&h);
        assert!(
            f.is_empty(),
            "{}",
            f.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
        n += 1;
    }
    assert_eq!(n, 300);
}

#[test]
fn generated_totals_balance() {
    let opts = GenOptions::default();
    for i in 0..200 {
        let h = generate_hoso(&opts, i);
        let x1 = h.xml1.as_ref().unwrap();
        let t = totals_of(&h.xml2, &h.xml3).unwrap();
        let get = |f: &lienthong::types::Field<lienthong::types::Dec>| f.value().unwrap().get();
        assert_eq!(get(&x1.t_tongchi_bv), t.t_tongchi_bv);
        assert_eq!(
            get(&x1.t_tongchi_bv),
            get(&x1.t_bntt) + get(&x1.t_bncct) + get(&x1.t_bhtt) + get(&x1.t_nguonkhac)
        );
        assert_eq!(get(&x1.t_bhtt), get(&x1.t_tongchi_bh) - get(&x1.t_bncct));
        for l in &h.xml2 {
            let a = LineAmounts {
                thanh_tien_bv: get(&l.thanh_tien_bv),
                thanh_tien_bh: get(&l.thanh_tien_bh),
                t_nguonkhac: get(&l.t_nguonkhac),
                t_bntt: get(&l.t_bntt),
                t_bncct: get(&l.t_bncct),
                t_bhtt: get(&l.t_bhtt),
            };
            assert!(a.balances());
        }
    }
}

#[test]
fn generated_files_cover_inpatient_and_outpatient_tables() {
    let opts = GenOptions::default();
    let hs: Vec<_> = (0..300).map(|i| generate_hoso(&opts, i)).collect();
    for (name, present) in [
        ("XML4", hs.iter().any(|h| !h.xml4.is_empty())),
        ("XML5", hs.iter().any(|h| !h.xml5.is_empty())),
        ("XML7", hs.iter().any(|h| h.xml7.is_some())),
        ("XML8", hs.iter().any(|h| h.xml8.is_some())),
        ("XML13", hs.iter().any(|h| h.xml13.is_some())),
        ("XML14", hs.iter().any(|h| h.xml14.is_some())),
        (
            "beds",
            hs.iter()
                .any(|h| h.xml3.iter().any(|l| l.ma_nhom.wire() == "15")),
        ),
        (
            "supplies",
            hs.iter()
                .any(|h| h.xml3.iter().any(|l| l.ma_nhom.wire() == "10")),
        ),
    ] {
        assert!(present, "{name} never generated");
    }
}
