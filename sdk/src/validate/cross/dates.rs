//! Date rules across tables: orders within the stay (xml130.md DT-3), card validity (DT-7) and
//! days of treatment by visit type and rule pack (DUR-1), including the days with services of
//! QĐ 3176.

use super::Cross;
use crate::record::Record;
use crate::tables::Summary;
use crate::types::codes::MaLoaiKcb;
use crate::types::{Date, DateTime, Field, List};
use crate::validate::Pack;
use std::collections::HashSet;

/// `NGAY_YL` of every drug and service line lies within the stay.
fn orders_within_stay<R: Record>(
    c: &mut Cross<'_>,
    rows: &[R],
    at: impl Fn(&R) -> &Field<DateTime>,
    stay: (DateTime, DateTime),
) {
    let rule = if R::TABLE == crate::record::TableId::Xml2 {
        "xml2.ngay_yl.range"
    } else {
        "xml3.ngay_yl.range"
    };
    for (i, r) in rows.iter().enumerate() {
        let Some(t) = at(r).value() else { continue };
        if *t < stay.0 || *t > stay.1 {
            let side = if *t < stay.0 {
                ("trước NGAY_VAO", "before NGAY_VAO")
            } else {
                ("sau NGAY_RA", "after NGAY_RA")
            };
            c.error(
                r,
                i,
                rule,
                "NGAY_YL",
                format!("NGAY_YL của {} nằm {} của XML1", R::TABLE, side.0),
                format!("NGAY_YL of {} is {} of XML1", R::TABLE, side.1),
            );
        }
    }
}

fn card_validity(c: &mut Cross<'_>, s: &Summary) {
    let (Some(from), Some(to)) = (
        s.gt_the_tu.value().map(List::items),
        s.gt_the_den.value().map(List::items),
    ) else {
        return;
    };
    if from.len() != to.len() {
        return; // xml1.card_lists.count reports it
    }
    for (a, b) in from.iter().zip(to) {
        if b < a {
            c.error(
                s,
                0,
                "xml1.card_validity.order",
                "GT_THE_DEN",
                format!("Thẻ có GT_THE_DEN {} trước GT_THE_TU {}", fmt(*b), fmt(*a)),
                format!(
                    "a card's GT_THE_DEN {} is before its GT_THE_TU {}",
                    fmt(*b),
                    fmt(*a)
                ),
            );
            return;
        }
    }
    let (Some(vao), Some(ra)) = (s.ngay_vao.value(), s.ngay_ra.value()) else {
        return;
    };
    // Every day of the stay must fall in the validity of some card.
    let mut periods: Vec<(Date, Date)> = from.iter().copied().zip(to.iter().copied()).collect();
    periods.sort();
    let mut day = vao.date();
    for (a, b) in periods {
        if a > day {
            break;
        }
        if b >= day {
            day = match b.add_days(1) {
                Some(d) => d,
                None => return,
            };
        }
    }
    if day <= ra.date() {
        c.warning(
            s,
            0,
            "xml1.card_validity.coverage",
            "GT_THE_DEN",
            format!(
                "Thời hạn thẻ BHYT không bao phủ ngày {} của đợt điều trị",
                fmt(day)
            ),
            format!(
                "the validity of the insurance card(s) does not cover {} of the stay",
                fmt(day)
            ),
        );
    }
}

fn fmt(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// The visit type, `SO_NGAY_DTRI` and the calendar days from `NGAY_VAO` to `NGAY_RA` (both
/// counted), when all are present and well-formed.
fn declared_days(s: &Summary) -> Option<(&MaLoaiKcb, u64, u64)> {
    let (kcb, days) = (s.ma_loai_kcb.value()?, s.so_ngay_dtri.value()?);
    let (vao, ra) = (s.ngay_vao.value()?, s.ngay_ra.value()?);
    let span = (ra.date().day_number() - vao.date().day_number() + 1).max(0) as u64;
    Some((kcb, days.get(), span))
}

/// `SO_NGAY_DTRI` by visit type (DUR-1): zero for examinations and short stays, the calendar days
/// of the stay for inpatient care, at most those days where the count depends on service days.
fn days_of_treatment(c: &mut Cross<'_>, s: &Summary) {
    let Some((kcb, days, span)) = declared_days(s) else {
        return;
    };
    use MaLoaiKcb::*;
    let legacy = c.pack != Pack::Qd3176;
    let expected: Option<(u64, u64)> = match kcb {
        KhamBenh | NoiTruDuoi4Gio => Some((0, 0)),
        NhanThuocTheoHen if legacy => Some((0, 0)),
        NoiTru | NoiTruBanNgay | LuuTramYte if legacy => Some((span, span)),
        NgoaiTru if legacy => Some((span, span)),
        // QĐ 3176: the stay less any wait for a scheduled admission; days with services for 02/08.
        NoiTru | NoiTruBanNgay | LuuTramYte | NgoaiTru | NgoaiTruManTinhDvkt if !legacy => {
            Some((1, span))
        }
        _ => None,
    };
    // The counts of drug days (05, 07 under QĐ 3176) and days with services (05, 08 under QĐ
    // 130/4750) are not in the file, but they cannot exceed the calendar days of the stay.
    let bounded = if legacy {
        matches!(kcb, NgoaiTruManTinh | NgoaiTruManTinhDvkt)
    } else {
        matches!(kcb, NgoaiTruManTinh | NhanThuocTheoHen)
    };
    if bounded && days > span {
        c.warning(
            s,
            0,
            "xml1.so_ngay_dtri.upper_bound",
            "SO_NGAY_DTRI",
            format!(
                "SO_NGAY_DTRI = {days} lớn hơn số ngày từ NGAY_VAO đến NGAY_RA ({span}) với MA_LOAI_KCB {}",
                kcb.code()
            ),
            format!(
                "SO_NGAY_DTRI = {days} exceeds the {span} calendar days from NGAY_VAO to NGAY_RA for MA_LOAI_KCB {}",
                kcb.code()
            ),
        );
    }
    // QĐ 3176: inpatient days are the days of the stay less only a wait for a scheduled admission.
    if !legacy && matches!(kcb, NoiTru | NoiTruBanNgay | LuuTramYte) && days >= 1 && days < span {
        c.warning(
            s,
            0,
            "xml1.so_ngay_dtri.stay_days",
            "SO_NGAY_DTRI",
            format!("SO_NGAY_DTRI = {days} ít hơn {span} ngày của đợt điều trị; chỉ trừ thời gian chờ nhập viện theo hẹn"),
            format!("SO_NGAY_DTRI = {days} is less than the {span} days of the stay; only a wait for a scheduled admission is left out"),
        );
    }
    let Some((lo, hi)) = expected else { return };
    if days < lo || days > hi {
        let want = if lo == hi {
            format!("{lo}")
        } else {
            format!("{lo}-{hi}")
        };
        c.error(
            s,
            0,
            "xml1.so_ngay_dtri.visit_type",
            "SO_NGAY_DTRI",
            format!(
                "SO_NGAY_DTRI = {days} nhưng với MA_LOAI_KCB {} theo {} cần {want}",
                kcb.code(),
                c.pack
            ),
            format!(
                "SO_NGAY_DTRI = {days} but MA_LOAI_KCB {} under {} needs {want}",
                kcb.code(),
                c.pack
            ),
        );
    }
}

/// The most days with services any reading of QĐ 3176 can count: the calendar days of every
/// `NGAY_YL` and `NGAY_TH_YL` of the drug (XML2) and service (XML3) lines, plus one possible extra
/// day for each date that is present but unreadable and for each line with neither date. One pass
/// over the lines with a set of day numbers.
fn most_service_days(c: &Cross<'_>) -> u64 {
    let mut days: HashSet<i64> = HashSet::new();
    let mut unknown = 0u64;
    let mut note = |dates: [&Field<DateTime>; 2]| {
        if dates.iter().all(|f| f.is_absent()) {
            unknown += 1;
        }
        for f in dates {
            match f {
                Field::Value(t) => {
                    days.insert(t.date().day_number());
                }
                Field::Invalid(_) => unknown += 1,
                Field::Absent => {}
            }
        }
    };
    for l in &c.hoso.xml2 {
        note([&l.ngay_yl, &l.ngay_th_yl]);
    }
    for l in &c.hoso.xml3 {
        note([&l.ngay_yl, &l.ngay_th_yl]);
    }
    days.len() as u64 + unknown
}

/// QĐ 3176: for outpatient treatment (02) and chronic outpatient care with technical services
/// (08), SO_NGAY_DTRI is the number of days with services (DUR-1). Which dates count (NGAY_YL or
/// NGAY_TH_YL) and whether drug lines count is not settled (csv-notes.md, Part 1 row 44), so only
/// what every reading agrees on is checked: the count cannot exceed the days on which the file
/// records any line at all. A count above the days of the stay is `xml1.so_ngay_dtri.visit_type`'s;
/// a visit without lines has nothing to count from.
fn service_days(c: &mut Cross<'_>, s: &Summary) {
    if c.pack != Pack::Qd3176 {
        return;
    }
    let Some((kcb, days, span)) = declared_days(s) else {
        return;
    };
    if !matches!(kcb, MaLoaiKcb::NgoaiTru | MaLoaiKcb::NgoaiTruManTinhDvkt) {
        return;
    }
    if c.hoso.xml2.is_empty() && c.hoso.xml3.is_empty() {
        return;
    }
    if days > span {
        return;
    }
    let most = most_service_days(c);
    if days > most {
        c.warning(
            s,
            0,
            "xml1.so_ngay_dtri.service_days",
            "SO_NGAY_DTRI",
            format!(
                "SO_NGAY_DTRI = {days} lớn hơn số ngày có thuốc hoặc dịch vụ trong hồ sơ ({most}) với MA_LOAI_KCB {}",
                kcb.code()
            ),
            format!(
                "SO_NGAY_DTRI = {days} exceeds the number of days with a drug or service line in the file ({most}) for MA_LOAI_KCB {}",
                kcb.code()
            ),
        );
    }
}

pub(super) fn check(c: &mut Cross<'_>, s: &Summary) {
    let hoso = c.hoso;
    if let (Some(vao), Some(ra)) = (s.ngay_vao.value(), s.ngay_ra.value()) {
        if vao <= ra {
            orders_within_stay(c, &hoso.xml2, |l| &l.ngay_yl, (*vao, *ra));
            orders_within_stay(c, &hoso.xml3, |l| &l.ngay_yl, (*vao, *ra));
        }
    }
    card_validity(c, s);
    days_of_treatment(c, s);
    service_days(c, s);
}
