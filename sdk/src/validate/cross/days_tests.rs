//! `xml1.so_ngay_dtri.service_days` (QĐ 3176, MA_LOAI_KCB 02 and 08): SO_NGAY_DTRI at most the
//! days on which the file records a drug or service line.

use crate::gen::{generate_hoso, GenOptions};
use crate::hoso::Hoso;
use crate::types::{DateTime, Field, Int};
use crate::validate::{check_hoso_with, Finding, Pack, Severity};

const RULE: &str = "xml1.so_ngay_dtri.service_days";

/// A generated outpatient-treatment visit (02) of March 2025, whose lines all fall on its first
/// day and whose SO_NGAY_DTRI is 1.
fn outpatient() -> Hoso {
    let opts = GenOptions {
        year: 2025,
        month: 3,
        ..Default::default()
    };
    let h = (0..500)
        .map(|i| generate_hoso(&opts, i))
        .find(|h| h.xml1.as_ref().unwrap().ma_loai_kcb.wire() == "02" && !h.xml2.is_empty())
        .expect("a generated 02 visit");
    assert_eq!(h.xml1.as_ref().unwrap().so_ngay_dtri.wire(), "1");
    h
}

fn span(h: &Hoso) -> u64 {
    let s = h.xml1.as_ref().unwrap();
    let (vao, ra) = (s.ngay_vao.value().unwrap(), s.ngay_ra.value().unwrap());
    (ra.date().day_number() - vao.date().day_number() + 1) as u64
}

fn set_days(h: &mut Hoso, n: u64) {
    h.xml1.as_mut().unwrap().so_ngay_dtri = Field::from(Int::new(n));
}

fn hits(h: &Hoso, pack: Pack) -> Vec<Finding> {
    check_hoso_with(h, Some(pack))
        .into_iter()
        .filter(|f| f.rule == RULE)
        .collect()
}

fn next_day(t: &DateTime, days: i64) -> DateTime {
    t.add_minutes(days * 1440).unwrap()
}

#[test]
fn the_days_of_the_stay_instead_of_the_service_days_are_reported() {
    let mut h = outpatient();
    assert!(hits(&h, Pack::Qd3176).is_empty());
    let n = span(&h);
    assert!(n >= 2, "the generated stay spans several days");
    set_days(&mut h, n);
    let f = hits(&h, Pack::Qd3176);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(f[0].path.ends_with("XML1/SO_NGAY_DTRI"), "{}", f[0].path);
    // The message gives counts and the visit type only.
    assert!(f[0].message_en.contains(&format!("SO_NGAY_DTRI = {n}")));
    assert!(
        f[0].message_en.contains("in the file (1)"),
        "{}",
        f[0].message_en
    );
    assert!(!f[0].hint_vi.is_empty() && !f[0].hint_en.is_empty());
    // Only QĐ 3176 counts service days; 130/4750 count the stay for 02.
    assert!(hits(&h, Pack::Qd4750).is_empty() && hits(&h, Pack::Qd130).is_empty());
}

#[test]
fn lines_on_the_same_day_count_once() {
    let mut h = outpatient();
    let extra = h.xml3[0].clone();
    h.xml3.push(extra.clone());
    h.xml3.push(extra);
    set_days(&mut h, 2);
    assert_eq!(hits(&h, Pack::Qd3176).len(), 1);
}

#[test]
fn every_date_of_drug_and_service_lines_counts() {
    let mut h = outpatient();
    set_days(&mut h, 2);
    assert_eq!(hits(&h, Pack::Qd3176).len(), 1);
    // A drug ordered on the next day: two days with a line.
    let mut drug = h.clone();
    let yl = *drug.xml2[0].ngay_yl.value().unwrap();
    drug.xml2[0].ngay_yl = Field::from(next_day(&yl, 1));
    assert!(hits(&drug, Pack::Qd3176).is_empty());
    // A service carried out (NGAY_TH_YL) on the next day counts as well.
    let mut done = h.clone();
    let yl = *done.xml3[0].ngay_yl.value().unwrap();
    done.xml3[0].ngay_th_yl = Field::from(next_day(&yl, 1));
    assert!(hits(&done, Pack::Qd3176).is_empty());
}

#[test]
fn a_line_without_a_readable_date_may_be_another_day() {
    let mut h = outpatient();
    set_days(&mut h, 2);
    assert_eq!(hits(&h, Pack::Qd3176).len(), 1);
    // Neither date: field.required reports it; the line may have been on another day.
    let mut missing = h.clone();
    missing.xml2[0].ngay_yl = Field::Absent;
    missing.xml2[0].ngay_th_yl = Field::Absent;
    assert!(hits(&missing, Pack::Qd3176).is_empty());
    // A malformed date: field.format reports it; the same holds.
    let mut malformed = h.clone();
    malformed.xml2[0].ngay_yl = Field::from_wire("202502300800");
    assert!(hits(&malformed, Pack::Qd3176).is_empty());
    // Only NGAY_TH_YL missing: the line still has its NGAY_YL day.
    let mut ordered = h.clone();
    for l in &mut ordered.xml3 {
        l.ngay_th_yl = Field::Absent;
    }
    for l in &mut ordered.xml2 {
        l.ngay_th_yl = Field::Absent;
    }
    assert_eq!(hits(&ordered, Pack::Qd3176).len(), 1);
}

#[test]
fn only_02_and_08_with_lines_and_within_the_stay() {
    let mut h = outpatient();
    let n = span(&h);
    set_days(&mut h, n);
    // 08 counts service days too.
    h.xml1.as_mut().unwrap().ma_loai_kcb = Field::from_wire("08");
    assert_eq!(hits(&h, Pack::Qd3176).len(), 1);
    // Inpatient care counts the stay.
    h.xml1.as_mut().unwrap().ma_loai_kcb = Field::from_wire("03");
    assert!(hits(&h, Pack::Qd3176).is_empty());
    h.xml1.as_mut().unwrap().ma_loai_kcb = Field::from_wire("02");
    // No lines: nothing to count from.
    let mut bare = h.clone();
    bare.xml2.clear();
    bare.xml3.clear();
    bare.xml4.clear();
    assert!(hits(&bare, Pack::Qd3176).is_empty());
    // Beyond the stay: xml1.so_ngay_dtri.visit_type reports it, once.
    set_days(&mut h, n + 1);
    let all = check_hoso_with(&h, Some(Pack::Qd3176));
    assert!(all.iter().any(|f| f.rule == "xml1.so_ngay_dtri.visit_type"));
    assert!(!all.iter().any(|f| f.rule == RULE));
}
