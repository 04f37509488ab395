//! The shared rule fixtures (`fixtures/rules/<rule-id>/`): for each rule, a generated visit broken
//! in one place. Used by the `rule_fixtures` example, which writes them, and by the
//! `rule_fixtures` integration test, which checks that the files on disk are what this code
//! generates and what `validate` reports. Everything here is deterministic.

#![allow(dead_code)]

use lienthong::codec::{CheckinDocument, EnvelopeHeader, EnvelopeWriter};
use lienthong::gen::{checkin_for, generate_hoso, GenOptions};
use lienthong::hoso::Hoso;
use lienthong::report::{finding_json, validate_reader, ValidateOptions};
use lienthong::tables::{CheckinRow, ServiceLine, Summary};
use lienthong::types::{Date, FacilityCode, Field, Wire};

/// How a fixture breaks its visit.
#[derive(Clone, Copy)]
pub enum Edit {
    /// Edits the episode, written as a one-`HOSO` `GIAMDINHHS` envelope.
    Hoso(fn(&mut Hoso)),
    /// Edits the check-in rows of the episode, written as a check-in document.
    Checkin(fn(&mut Vec<CheckinRow>)),
}

/// One fixture.
#[derive(Clone, Copy)]
pub struct Case {
    /// The rule id (the folder name); `expected.json` must report it.
    pub rule: &'static str,
    /// Year and month of the generated visits (they choose the rule pack).
    pub period: (u16, u8),
    /// Which generated visit to start from (the first that matches).
    pub pick: fn(&Hoso) -> bool,
    /// The break.
    pub edit: Edit,
    /// MACSKCB of the envelope header.
    pub sender: &'static str,
}

const P130: (u16, u8) = (2023, 10);
const P4750: (u16, u8) = (2024, 8);
const P3176: (u16, u8) = (2025, 3);

fn set<T: Wire>(f: &mut Field<T>, wire: &str) {
    *f = Field::from_wire(wire);
}

fn x1(h: &mut Hoso) -> &mut Summary {
    h.xml1.as_mut().expect("generated visits have XML1")
}

fn kind(h: &Hoso) -> String {
    h.xml1
        .as_ref()
        .map_or(String::new(), |s| s.ma_loai_kcb.wire().into_owned())
}

fn muc(h: &Hoso) -> String {
    h.xml3
        .first()
        .map_or(String::new(), |l| l.muc_huong.wire().into_owned())
}

fn nhom(l: &ServiceLine) -> String {
    l.ma_nhom.wire().into_owned()
}

fn line<'a>(h: &'a mut Hoso, group: &str) -> &'a mut ServiceLine {
    h.xml3
        .iter_mut()
        .find(|l| l.ma_nhom.wire() == group)
        .expect("a line of the group")
}

fn has_group(h: &Hoso, group: &str) -> bool {
    h.xml3.iter().any(|l| nhom(l) == group)
}

fn any(_: &Hoso) -> bool {
    true
}
fn exam(h: &Hoso) -> bool {
    kind(h) == "01" && h.xml14.is_none() && h.xml13.is_none()
}
fn inpatient(h: &Hoso) -> bool {
    kind(h) == "03" && h.xml13.is_none()
}
fn paid_80(h: &Hoso) -> bool {
    exam(h) && muc(h) == "80"
}
fn donated_line(l: &lienthong::tables::DrugLine) -> bool {
    l.t_nguonkhac.value().is_some_and(|d| !d.get().is_zero())
}
fn donated(h: &Hoso) -> bool {
    h.xml13.is_none() && h.xml14.is_none() && h.xml2.iter().any(donated_line)
}
fn lab(h: &Hoso) -> bool {
    exam(h) && has_group(h, "1")
}
fn imaging(h: &Hoso) -> bool {
    exam(h) && has_group(h, "2")
}

fn case(
    rule: &'static str,
    period: (u16, u8),
    pick: fn(&Hoso) -> bool,
    edit: fn(&mut Hoso),
) -> Case {
    Case {
        rule,
        period,
        pick,
        edit: Edit::Hoso(edit),
        sender: "79001",
    }
}

fn checkin(rule: &'static str, period: (u16, u8), edit: fn(&mut Vec<CheckinRow>)) -> Case {
    Case {
        rule,
        period,
        pick: exam,
        edit: Edit::Checkin(edit),
        sender: "79001",
    }
}

/// Every fixture, in folder order.
pub fn all() -> Vec<Case> {
    let mut v = vec![
        // The field dictionary.
        case("field.required", P3176, exam, |h| {
            set(&mut x1(h).ho_ten, "")
        }),
        case("field.format", P3176, exam, |h| {
            set(&mut x1(h).ngay_vao, "202502300800")
        }),
        case("field.max_length", P3176, exam, |h| {
            set(&mut x1(h).ma_bn, &"B".repeat(101))
        }),
        case("field.unknown_code", P3176, exam, |h| {
            set(&mut x1(h).gioi_tinh, "4")
        }),
        case("field.cccd.pattern", P4750, exam, |h| {
            set(&mut x1(h).so_cccd, "0791850001")
        }),
        case("field.not_nfc", P3176, exam, |h| {
            set(&mut x1(h).chan_doan_vao, "Vie\u{302}m da\u{323} da\u{300}y")
        }),
        case("field.decimal_places", P3176, exam, |h| {
            set(&mut x1(h).can_nang, "60.125")
        }),
        // ICD-10.
        case("icd.unknown", P3176, exam, |h| {
            set(&mut x1(h).ma_benh_kt, "U99.9")
        }),
        case("icd.warn_code", P3176, exam, |h| {
            set(&mut x1(h).ma_benh_kt, "R53")
        }),
        // XML1.
        case("xml1.ngay_ra.order", P3176, exam, |h| {
            let s = x1(h);
            let vao = *s.ngay_vao.value().unwrap();
            s.ngay_ra = Field::from(vao.add_minutes(-30).unwrap());
        }),
        case("xml1.card_lists.count", P3176, exam, |h| {
            set(&mut x1(h).ma_dkbd, "79001;79002")
        }),
        case("xml1.card_validity.order", P3176, exam, |h| {
            set(&mut x1(h).gt_the_tu, "20260101")
        }),
        case("xml1.card_validity.coverage", P3176, exam, |h| {
            set(&mut x1(h).gt_the_den, "20250101")
        }),
        case("xml1.ma_the_bhyt.prefix", P3176, paid_80, |h| {
            let s = x1(h);
            let card = s.ma_the_bhyt.wire().into_owned();
            set(&mut s.ma_the_bhyt, &format!("ZZ{}", &card[2..]));
        }),
        case("xml1.ma_doituong_kcb.code_list", P3176, exam, |h| {
            set(&mut x1(h).ma_doituong_kcb, "1.11")
        }),
        case("xml1.referral.required", P3176, exam, |h| {
            set(&mut x1(h).ma_doituong_kcb, "1.3")
        }),
        case("xml1.ma_noi_den.transfer", P3176, exam, |h| {
            set(&mut x1(h).ma_noi_den, "79002")
        }),
        case("xml1.nam_qt.pattern", P3176, exam, |h| {
            set(&mut x1(h).nam_qt, "25")
        }),
        case("xml1.thang_qt.range", P3176, exam, |h| {
            set(&mut x1(h).thang_qt, "13")
        }),
        case("xml1.can_nang.range", P3176, exam, |h| {
            set(&mut x1(h).can_nang, "250")
        }),
        case("xml1.ma_ttdv.pattern", P130, exam, |h| {
            set(&mut x1(h).ma_ttdv, "79000123")
        }),
        case(
            "xml1.ngay_ra.end_of_day",
            P4750,
            |h| kind(h) == "02",
            |h| {
                let s = x1(h);
                let ra = *s.ngay_ra.value().unwrap();
                s.ngay_ra = Field::from(ra.add_minutes(-60).unwrap());
            },
        ),
        case("xml1.ngay_ra.exam_same_day", P3176, exam, |h| {
            let s = x1(h);
            let ra = *s.ngay_ra.value().unwrap();
            s.ngay_ra = Field::from(ra.add_minutes(24 * 60).unwrap());
        }),
        case("xml1.ma_benh_yhct.count", P3176, exam, |h| {
            let codes: Vec<String> = (1..=14).map(|i| format!("U{i:02}")).collect();
            set(&mut x1(h).ma_benh_yhct, &codes.join(";"));
        }),
        case("xml1.so_ngay_dtri.visit_type", P3176, exam, |h| {
            set(&mut x1(h).so_ngay_dtri, "2")
        }),
        case("xml1.t_thuoc.sum", P3176, exam, |h| {
            set(&mut x1(h).t_thuoc, "1")
        }),
        case("xml1.so_ngay_dtri.stay_days", P3176, inpatient, |h| {
            let s = x1(h);
            let days = s.so_ngay_dtri.value().unwrap().get();
            set(&mut s.so_ngay_dtri, &(days - 1).to_string());
        }),
        case(
            "xml3.tyle_tt_dv.exam_sequence",
            P3176,
            |h| exam(h) && has_group(h, "3"),
            |h| set(&mut line(h, "3").ma_nhom, "13"),
        ),
        case(
            "xml1.so_ngay_dtri.service_days",
            P3176,
            |h| kind(h) == "02",
            |h| {
                // The calendar days of the stay instead of the days with services.
                let s = x1(h);
                let (vao, ra) = (s.ngay_vao.value().unwrap(), s.ngay_ra.value().unwrap());
                let span = ra.date().day_number() - vao.date().day_number() + 1;
                set(&mut s.so_ngay_dtri, &span.to_string());
            },
        ),
        case("xml1.so_ngay_dtri.upper_bound", P4750, exam, |h| {
            let s = x1(h);
            set(&mut s.ma_loai_kcb, "08");
            set(&mut s.so_ngay_dtri, "3");
        }),
        case("hoso.xml8.visit_type", P4750, inpatient, |h| {
            set(&mut x1(h).ma_loai_kcb, "02");
            set(&mut h.xml8.as_mut().unwrap().ma_loai_kcb, "02");
            let s = x1(h);
            let ra = *s.ngay_ra.value().unwrap();
            let d = ra.date();
            s.ngay_ra = Field::from(
                lienthong::types::DateTime::new(d.year(), d.month(), d.day(), 23, 59).unwrap(),
            );
        }),
        // XML2.
        case("xml2.ma_nhom.table", P3176, exam, |h| {
            set(&mut h.xml2[0].ma_nhom, "1")
        }),
        case("xml2.tyle_tt_bh.range", P3176, exam, |h| {
            set(&mut h.xml2[0].tyle_tt_bh, "101")
        }),
        case("xml2.muc_huong.range", P3176, exam, |h| {
            set(&mut h.xml2[0].muc_huong, "120")
        }),
        case("xml2.pham_vi.out_of_scope", P3176, exam, |h| {
            set(&mut h.xml2[0].pham_vi, "2")
        }),
        case("xml2.t_nguonkhac.range", P3176, exam, |h| {
            let l = &mut h.xml2[0];
            let bv = l.thanh_tien_bv.wire().into_owned();
            set(&mut l.t_nguonkhac, &format!("{bv}1"));
        }),
        case("xml2.so_dang_ky.required", P3176, exam, |h| {
            set(&mut h.xml2[0].so_dang_ky, "")
        }),
        case("xml2.so_dang_ky.format", P3176, exam, |h| {
            set(&mut h.xml2[0].so_dang_ky, "CP.7900.24.1")
        }),
        case("xml2.ma_bac_si.required", P3176, exam, |h| {
            set(&mut h.xml2[0].ma_bac_si, "")
        }),
        case("xml2.tt_thau.format", P3176, exam, |h| {
            set(&mut h.xml2[0].tt_thau, "G1;N1;2024")
        }),
        case("xml2.thanh_tien_bv.formula", P3176, exam, |h| {
            let l = &mut h.xml2[0];
            let q = l.so_luong.value().unwrap().get() + lienthong::types::Decimal::ONE;
            l.so_luong = Field::from(lienthong::types::Dec::new(q).unwrap());
        }),
        case("xml2.share.other_sources", P3176, donated, |h| {
            let l = h
                .xml2
                .iter_mut()
                .find(|l| l.t_nguonkhac.wire() != "0")
                .unwrap();
            let one = lienthong::types::Decimal::ONE;
            let bntt = l.t_bntt.value().unwrap().get() + one;
            let bhtt = l.t_bhtt.value().unwrap().get() - one;
            l.t_bntt = Field::from(lienthong::types::Dec::new(bntt).unwrap());
            l.t_bhtt = Field::from(lienthong::types::Dec::new(bhtt).unwrap());
        }),
        case("xml2.ngay_yl.range", P3176, exam, |h| {
            let vao = *h.xml1.as_ref().unwrap().ngay_vao.value().unwrap();
            h.xml2[0].ngay_yl = Field::from(vao.add_minutes(-60).unwrap());
        }),
        // XML3.
        case("xml3.ma_nhom.table", P3176, exam, |h| {
            set(&mut line(h, "13").ma_nhom, "4")
        }),
        case("xml3.tyle_tt_dv.range", P3176, exam, |h| {
            set(&mut line(h, "13").tyle_tt_dv, "150")
        }),
        case("xml3.tyle_tt_bh.range", P3176, exam, |h| {
            set(&mut line(h, "13").tyle_tt_bh, "200")
        }),
        case("xml3.muc_huong.range", P3176, exam, |h| {
            set(&mut line(h, "13").muc_huong, "101")
        }),
        case("xml3.t_nguonkhac.range", P3176, exam, |h| {
            let l = line(h, "13");
            let bv = l.thanh_tien_bv.wire().into_owned();
            set(&mut l.t_nguonkhac, &format!("{bv}1"));
        }),
        case("xml3.pham_vi.out_of_scope", P3176, exam, |h| {
            set(&mut line(h, "13").pham_vi, "2")
        }),
        case("xml3.ma_giuong.pattern", P3176, inpatient, |h| {
            set(&mut line(h, "15").ma_giuong, "X001")
        }),
        case("xml3.ma_giuong.required", P3176, inpatient, |h| {
            set(&mut line(h, "15").ma_giuong, "")
        }),
        case("xml3.goi_vtyt.pattern", P3176, inpatient, |h| {
            set(&mut line(h, "10").goi_vtyt, "G0")
        }),
        case("xml3.tt_thau.format", P3176, inpatient, |h| {
            set(&mut line(h, "10").tt_thau, "20.00;G1")
        }),
        case("xml3.ma_may.required", P3176, lab, |h| {
            set(&mut line(h, "1").ma_may, "")
        }),
        case("xml3.ma_may.pattern", P4750, lab, |h| {
            set(&mut line(h, "1").ma_may, "SH.1.1")
        }),
        case("xml3.pp_vo_cam.required", P3176, lab, |h| {
            let l = line(h, "1");
            set(&mut l.ma_nhom, "8");
            set(&mut l.ma_may, "");
        }),
        case("xml3.don_gia_bh.unpriced", P3176, exam, |h| {
            set(&mut line(h, "13").ma_dich_vu, "02.1896_TB")
        }),
        case("xml3.don_gia_bh.ceiling", P3176, inpatient, |h| {
            let l = line(h, "10");
            let price = l.don_gia_bv.value().unwrap().get();
            let cap = price / lienthong::types::Decimal::from(2);
            l.t_trantt = Field::from(lienthong::types::Dec::new(cap).unwrap());
        }),
        case("xml3.ngay_kq.in_episode", P3176, lab, |h| {
            let ra = *h.xml1.as_ref().unwrap().ngay_ra.value().unwrap();
            line(h, "1").ngay_kq = Field::from(ra.add_minutes(2 * 1440).unwrap());
        }),
        case("xml3.ngay_th_yl.order", P3176, lab, |h| {
            let l = line(h, "1");
            let yl = *l.ngay_yl.value().unwrap();
            l.ngay_th_yl = Field::from(yl.add_minutes(-5).unwrap());
        }),
        case("xml3.ma_benh_yhct.count", P3176, exam, |h| {
            let codes: Vec<String> = (1..=14).map(|i| format!("U{i:02}")).collect();
            set(&mut line(h, "13").ma_benh_yhct, &codes.join(";"));
        }),
        // XML4.
        case("xml4.ket_luan.with_gia_tri", P3176, lab, |h| {
            let r = h.xml4.iter_mut().find(|r| !r.gia_tri.is_absent()).unwrap();
            set(&mut r.ket_luan, "Bình thường");
        }),
        case("xml4.ket_luan.imaging", P3176, imaging, |h| {
            let r = h.xml4.iter_mut().find(|r| r.gia_tri.is_absent()).unwrap();
            set(&mut r.ket_luan, "");
        }),
        case("xml4.ngay_kq.in_episode", P130, lab, |h| {
            let ra = *h.xml1.as_ref().unwrap().ngay_ra.value().unwrap();
            h.xml4[0].ngay_kq = Field::from(ra.add_minutes(31 * 1440).unwrap());
        }),
        // XML7.
        case("xml7.tuoi_thai.range", P3176, inpatient, |h| {
            set(&mut h.xml7.as_mut().unwrap().tuoi_thai, "50")
        }),
        case("xml7.ma_bs.pattern", P4750, inpatient, |h| {
            set(&mut h.xml7.as_mut().unwrap().ma_bs, "000123/HCM-GPHN")
        }),
        case("xml7.ma_ttdv.pattern", P4750, inpatient, |h| {
            set(&mut h.xml7.as_mut().unwrap().ma_ttdv, "79000123")
        }),
        case("hoso.xml7.missing", P3176, inpatient, |h| h.xml7 = None),
        // Across tables.
        case("hoso.ma_lk.mismatch", P3176, exam, |h| {
            set(&mut h.xml2[0].ma_lk, "OTHER.0001")
        }),
        case("hoso.stt.sequence", P3176, exam, |h| {
            set(&mut h.xml2[0].stt, "5")
        }),
        case(
            "hoso.xml13.discharge_type",
            P3176,
            |h| h.xml13.is_some(),
            |h| {
                let s = x1(h);
                set(&mut s.ma_loai_rv, "1");
                set(&mut s.ma_noi_den, "");
            },
        ),
        case(
            "hoso.copied_field.mismatch",
            P3176,
            |h| h.xml14.is_some(),
            |h| set(&mut h.xml14.as_mut().unwrap().ma_benh_chinh, "J00"),
        ),
        case(
            "hoso.xml13.missing",
            P3176,
            |h| h.xml13.is_some(),
            |h| h.xml13 = None,
        ),
        case("hoso.muc_huong.benefit_level", P3176, paid_80, |h| {
            let s = x1(h);
            let card = s.ma_the_bhyt.wire().into_owned();
            set(&mut s.ma_the_bhyt, &format!("HT3{}", &card[3..]));
        }),
        case("hoso.muc_huong.low_cost", P3176, paid_80, |h| {
            set(&mut x1(h).t_tongchi_bh, "300000")
        }),
        case("hoso.muc_huong.exempt", P3176, paid_80, |h| {
            set(&mut x1(h).ngay_mien_cct, "20250101")
        }),
        case("hoso.exam_fee.inpatient_once", P3176, inpatient, |h| {
            set(&mut line(h, "15").ma_nhom, "13")
        }),
        case("hoso.bed_days.duration", P3176, inpatient, |h| {
            let days = h.xml1.as_ref().unwrap().so_ngay_dtri.wire().into_owned();
            set(&mut line(h, "15").so_luong, &days);
        }),
        case("hoso.xml4.without_service", P3176, lab, |h| {
            for l in h
                .xml3
                .iter_mut()
                .filter(|l| matches!(nhom(l).as_str(), "1" | "2" | "3"))
            {
                set(&mut l.ma_nhom, "18");
            }
        }),
        // Check-in documents.
        checkin("checkin.stt.sequence", P3176, |rows| {
            let mut second = rows[0].clone();
            set(&mut second.stt, "3");
            rows.push(second);
        }),
        checkin("checkin.gt_the_den.order", P3176, |rows| {
            set(&mut rows[0].gt_the_den, "20241231")
        }),
        checkin("checkin.ma_the_bhyt.prefix", P3176, |rows| {
            let card = rows[0].ma_the_bhyt.wire().into_owned();
            let level = &card[2..3];
            let other = if level == "4" { "3" } else { "4" };
            set(
                &mut rows[0].ma_the_bhyt,
                &format!("GD{other}{}", &card[3..]),
            );
        }),
        checkin("checkin.ma_doituong_kcb.code_list", P3176, |rows| {
            set(&mut rows[0].ma_doituong_kcb, "4.1")
        }),
        checkin("checkin.ma_doituong_kcb.emergency", P4750, |rows| {
            set(&mut rows[0].ma_doituong_kcb, "2")
        }),
    ];
    v.push(Case {
        sender: "79009",
        ..case("envelope.macskcb.mismatch", P3176, exam, |_| {})
    });
    v.sort_by_key(|c| c.rule);
    v
}

/// The visit a case starts from.
fn start(case: &Case) -> (GenOptions, Hoso) {
    let opts = GenOptions {
        hoso: 1,
        year: case.period.0,
        month: case.period.1,
        ..Default::default()
    };
    let h = (0..2000)
        .map(|i| generate_hoso(&opts, i))
        .find(|h| (case.pick)(h))
        .unwrap_or_else(|| panic!("{}: no generated visit matches", case.rule));
    (opts, h)
}

/// The input bytes of a case, broken (`broken = true`) or as generated.
pub fn input(case: &Case, broken: bool) -> Vec<u8> {
    let (opts, mut h) = start(case);
    match case.edit {
        Edit::Hoso(edit) => {
            if broken {
                edit(&mut h);
            }
            let sender = FacilityCode::new(if broken { case.sender } else { "79001" })
                .expect("valid facility");
            let made = Date::new(opts.year, opts.month, 28).expect("valid date");
            let header = EnvelopeHeader::new(sender, made, 1);
            let mut w = EnvelopeWriter::new(Vec::new(), &header).expect("header");
            w.write_hoso(&h).expect("writable");
            w.finish(None).expect("writable")
        }
        Edit::Checkin(edit) => {
            let mut rows = vec![checkin_for(&h).expect("a check-in row")];
            if broken {
                edit(&mut rows);
            }
            CheckinDocument::new(rows).to_bytes().expect("writable")
        }
    }
}

/// What `lienthong validate --format json` reports for `input`: the findings array, pretty
/// printed, with a final newline.
pub fn expected(input: &[u8]) -> String {
    let mut findings = Vec::new();
    validate_reader(input, &ValidateOptions::default(), |f| {
        findings.push(finding_json(&f))
    })
    .expect("in-memory input");
    let mut s = serde_json::to_string_pretty(&serde_json::Value::Array(findings))
        .expect("JSON values serialise");
    s.push('\n');
    s
}
