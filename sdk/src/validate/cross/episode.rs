//! Episode rules across tables: the benefit level of the lines against the card, the 15 %
//! base-salary threshold and co-payment exemption (xml130.md §4.2), late results (DT-3, DT-5),
//! the sick-leave start day (DT-9), the inpatient examination fee (DUR-3), bed days against the
//! stay (DUR-2) and imaging conclusions (ID-14). One pass over the lines each.

use super::Cross;
use crate::record::Record;
use crate::tables::Summary;
use crate::types::codes::{KetQuaDtri, MaLoaiKcb, MaLoaiRv, MaNhom, PhamVi};
use crate::types::{DateTime, Decimal, Field, Int};
use crate::validate::{data, Pack};
use std::collections::HashSet;

fn int(f: &Field<Int>) -> Option<u64> {
    f.value().map(|v| v.get())
}

/// Which benefit rule applies to the lines of an in-network episode, and what it allows.
enum Benefit {
    /// Exempt from co-payment (NGAY_MIEN_CCT on or before the visit): 100 only.
    Exempt,
    /// In-scope costs under 15 % of the base salary in force: 100 only.
    LowCost { threshold: Decimal },
    /// The card's level (any card of the episode) or 100.
    Card(Vec<u64>),
}

fn benefit(s: &Summary) -> Option<Benefit> {
    // Only in-network visits (MA_DOITUONG_KCB 1.x); out-of-network ratios depend on the tier.
    let dt = s.ma_doituong_kcb.value()?;
    if !dt.as_str().starts_with("1.") {
        return None;
    }
    let vao = s.ngay_vao.value()?;
    if let Some(from) = s.ngay_mien_cct.value().map(|d| d.date()) {
        if from <= vao.date() {
            return Some(Benefit::Exempt);
        }
    }
    // The base salary of the visit's end date (start date when open), as for the rule pack.
    let day = s.ngay_ra.value().unwrap_or(vao).date();
    if let (Some(base), Some(bh)) = (
        data::base_salary_on(day),
        s.t_tongchi_bh.value().map(|v| v.get()),
    ) {
        let threshold = Decimal::from(base) * Decimal::from(15) / Decimal::ONE_HUNDRED;
        if bh < threshold {
            return Some(Benefit::LowCost { threshold });
        }
    }
    let cards = s.ma_the_bhyt.value()?;
    let mut levels: Vec<u64> = cards
        .items()
        .iter()
        .filter_map(|card| data::benefit_percent(card.benefit_level()))
        .collect();
    levels.dedup();
    (!levels.is_empty()).then_some(Benefit::Card(levels))
}

/// The first line of `rows` whose MUC_HUONG the benefit rule does not allow, and how many there
/// are.
fn first_bad<R: Record>(
    rows: &[R],
    muc: impl Fn(&R) -> (Option<u64>, bool),
    allowed: &dyn Fn(u64) -> bool,
) -> (Option<(usize, u64)>, usize) {
    let mut first = None;
    let mut n = 0;
    for (i, r) in rows.iter().enumerate() {
        let (m, covered) = muc(r);
        if let Some(m) = m.filter(|m| covered && !allowed(*m)) {
            n += 1;
            first.get_or_insert((i, m));
        }
    }
    (first, n)
}

fn benefit_levels(c: &mut Cross<'_>, s: &Summary) {
    let Some(rule) = benefit(s) else { return };
    let allowed: Box<dyn Fn(u64) -> bool> = match &rule {
        Benefit::Exempt | Benefit::LowCost { .. } => Box::new(|m| m == 100),
        Benefit::Card(levels) => {
            let levels = levels.clone();
            Box::new(move |m| m == 100 || levels.contains(&m))
        }
    };
    let (id, vi, en) = match &rule {
        Benefit::Exempt => (
            "hoso.muc_huong.exempt",
            "người bệnh được miễn cùng chi trả (NGAY_MIEN_CCT) nên MUC_HUONG = 100".to_owned(),
            "the patient is exempt from co-payment (NGAY_MIEN_CCT), so MUC_HUONG is 100".to_owned(),
        ),
        Benefit::LowCost { threshold } => (
            "hoso.muc_huong.low_cost",
            format!("T_TONGCHI_BH dưới 15 % lương cơ sở ({threshold}) nên MUC_HUONG = 100"),
            format!(
                "T_TONGCHI_BH is under 15 % of the base salary ({threshold}), so MUC_HUONG is 100"
            ),
        ),
        Benefit::Card(levels) => {
            let list = levels
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            (
                "hoso.muc_huong.benefit_level",
                format!("đúng tuyến, MUC_HUONG theo mức hưởng của thẻ ({list}) hoặc 100"),
                format!("in network, MUC_HUONG is the card's level ({list}) or 100"),
            )
        }
    };
    let hoso = c.hoso;
    let (d, nd) = first_bad(
        &hoso.xml2,
        |l| {
            (
                int(&l.muc_huong),
                l.pham_vi.value() != Some(&PhamVi::NgoaiPhamVi),
            )
        },
        &*allowed,
    );
    let (v, nv) = first_bad(
        &hoso.xml3,
        |l| {
            (
                int(&l.muc_huong),
                l.pham_vi.value() != Some(&PhamVi::NgoaiPhamVi),
            )
        },
        &*allowed,
    );
    let n = nd + nv;
    let msg = |m: u64| {
        (
            format!("MUC_HUONG = {m} ({n} dòng) nhưng {vi}"),
            format!("MUC_HUONG = {m} ({n} lines) but {en}"),
        )
    };
    if let Some((i, m)) = d {
        let (a, b) = msg(m);
        c.warning(&hoso.xml2[i], i, id, "MUC_HUONG", a, b);
    } else if let Some((i, m)) = v {
        let (a, b) = msg(m);
        c.warning(&hoso.xml3[i], i, id, "MUC_HUONG", a, b);
    }
}

/// Days a paraclinical result may come after the end of the episode (DT-5): 30 under QĐ 130,
/// 60 under QĐ 4750; QĐ 3176 has no window (a replacement file is sent instead).
fn late_result_days(pack: Pack) -> i64 {
    match pack {
        Pack::Qd130 => 30,
        Pack::Qd4750 => 60,
        Pack::Qd3176 => 0,
    }
}

fn late_results<R: Record>(
    c: &mut Cross<'_>,
    rows: &[R],
    at: impl Fn(&R) -> Option<&DateTime>,
    rule: &'static str,
    ra: DateTime,
) {
    let days = late_result_days(c.pack);
    let Some(limit) = ra.add_minutes(days * 1440) else {
        return;
    };
    let pack = c.pack;
    for (i, r) in rows.iter().enumerate() {
        if at(r).is_some_and(|kq| *kq > limit) {
            let (vi, en) = if days == 0 {
                (
                    format!("NGAY_KQ sau NGAY_RA; theo {pack} kết quả muộn được gửi bằng hồ sơ thay thế"),
                    format!("NGAY_KQ is after NGAY_RA; under {pack} a late result is sent in a replacement file"),
                )
            } else {
                (
                    format!("NGAY_KQ muộn hơn NGAY_RA quá {days} ngày cho phép theo {pack}"),
                    format!(
                        "NGAY_KQ is more than the {days} days after NGAY_RA that {pack} allows"
                    ),
                )
            };
            c.warning(r, i, rule, "NGAY_KQ", vi, en);
        }
    }
}

/// XML11 TU_NGAY is the day the patient came (the date of XML1 NGAY_VAO).
fn sick_leave_start(c: &mut Cross<'_>, s: &Summary) {
    let hoso = c.hoso;
    let (Some(leave), Some(vao)) = (hoso.xml11.as_ref(), s.ngay_vao.value()) else {
        return;
    };
    if let Some(tu) = leave.tu_ngay.value() {
        if *tu != vao.date() {
            c.error(
                leave,
                0,
                "xml11.tu_ngay.visit_date",
                "TU_NGAY",
                "TU_NGAY khác ngày đến khám (ngày của NGAY_VAO trong XML1)".into(),
                "TU_NGAY differs from the day of the visit (the date of XML1 NGAY_VAO)".into(),
            );
        }
    }
}

fn is_bed(n: Option<&MaNhom>) -> bool {
    matches!(
        n,
        Some(MaNhom::GiuongNgoaiTru | MaNhom::GiuongNoiTru | MaNhom::GiuongLuu)
    )
}

/// DUR-3 (one examination fee for an inpatient stay) and DUR-2 (bed days against the stay).
fn inpatient(c: &mut Cross<'_>, s: &Summary) {
    use MaLoaiKcb::*;
    if !matches!(
        s.ma_loai_kcb.value(),
        Some(NoiTru | NoiTruBanNgay | NoiTruDuoi4Gio)
    ) {
        return;
    }
    let hoso = c.hoso;
    let exams: Vec<usize> = hoso
        .xml3
        .iter()
        .enumerate()
        .filter(|(_, l)| l.ma_nhom.value() == Some(&MaNhom::Kham))
        .map(|(i, _)| i)
        .collect();
    if let Some(&i) = exams.get(1) {
        let n = exams.len();
        c.warning(
            &hoso.xml3[i],
            i,
            "hoso.exam_fee.inpatient_once",
            "MA_NHOM",
            format!("Điều trị nội trú có {n} dòng khám (nhóm 13), chỉ được một"),
            format!("an inpatient episode with {n} examination lines (MA_NHOM 13); one is allowed"),
        );
    }
    let (Some(vao), Some(ra)) = (s.ngay_vao.value(), s.ngay_ra.value()) else {
        return;
    };
    let minutes = ra.minute_number() - vao.minute_number();
    let mut beds = Decimal::ZERO;
    let mut first = None;
    for (i, l) in hoso.xml3.iter().enumerate() {
        if is_bed(l.ma_nhom.value()) {
            if let Some(q) = l.so_luong.value() {
                // Values over the element's size can be huge: give up rather than overflow.
                let Some(sum) = beds.checked_add(q.get()) else {
                    return;
                };
                beds = sum;
                first.get_or_insert(i);
            }
        }
    }
    let Some(i) = first else { return };
    let special = matches!(
        s.ket_qua_dtri.value(),
        Some(
            KetQuaDtri::KhongThayDoi
                | KetQuaDtri::NangHon
                | KetQuaDtri::TuVong
                | KetQuaDtri::TienLuongNang
        )
    ) || matches!(
        s.ma_loai_rv.value(),
        Some(MaLoaiRv::ChuyenTuyen | MaLoaiRv::TronVien | MaLoaiRv::XinRaVien)
    );
    let days = int(&s.so_ngay_dtri).map(Decimal::from);
    let problem = if minutes < 240 && !beds.is_zero() {
        Some(("dưới 4 giờ", "under 4 hours", "0".to_owned()))
    } else if (240..1440).contains(&minutes) && beds >= Decimal::from(2) {
        Some(("từ 4 đến 24 giờ", "4 to 24 hours", "< 2".to_owned()))
    } else if minutes >= 2880 && !special {
        days.filter(|d| beds >= *d).map(|d| {
            (
                "từ 2 ngày",
                "2 days or more",
                format!("< SO_NGAY_DTRI = {d}"),
            )
        })
    } else {
        None
    };
    if let Some((vi, en, want)) = problem {
        c.warning(
            &hoso.xml3[i],
            i,
            "hoso.bed_days.duration",
            "SO_LUONG",
            format!(
                "Tổng số ngày giường {beds} không phù hợp thời gian điều trị {vi} (cần {want})"
            ),
            format!("{beds} bed days do not fit a stay of {en} (expected {want})"),
        );
    }
}

/// ID-14: an imaging result (the service is an XML3 line of MA_NHOM 2) has a conclusion.
fn imaging_conclusions(c: &mut Cross<'_>) {
    let hoso = c.hoso;
    if hoso.xml4.is_empty() {
        return;
    }
    let imaging: HashSet<&str> = hoso
        .xml3
        .iter()
        .filter(|l| l.ma_nhom.value() == Some(&MaNhom::ChanDoanHinhAnh))
        .filter_map(|l| l.ma_dich_vu.value().map(|m| m.as_str()))
        .collect();
    if imaging.is_empty() {
        return;
    }
    for (i, r) in hoso.xml4.iter().enumerate() {
        let is_imaging = r
            .ma_dich_vu
            .value()
            .is_some_and(|m| imaging.contains(m.as_str()));
        if is_imaging && r.ket_luan.is_absent() && r.gia_tri.is_absent() {
            c.warning(
                r,
                i,
                "xml4.ket_luan.imaging",
                "KET_LUAN",
                "Kết quả chẩn đoán hình ảnh (nhóm 2 ở Bảng 3) không có KET_LUAN".into(),
                "an imaging result (MA_NHOM 2 in XML3) has no KET_LUAN".into(),
            );
        }
    }
}

/// DUR-3: the examinations of a visit, in NGAY_YL order, are paid at TYLE_TT_DV 100, 30, 30, 30,
/// 10, then 0 (§3.5). QĐ 3176 also allows a lower ratio (100 − a discount), so there only a ratio
/// above the sequence is reported. The first line out of sequence is reported.
fn exam_sequence(c: &mut Cross<'_>) {
    const RATIOS: [u64; 5] = [100, 30, 30, 30, 10];
    let hoso = c.hoso;
    let mut exams: Vec<(Option<DateTime>, usize)> = hoso
        .xml3
        .iter()
        .enumerate()
        .filter(|(_, l)| l.ma_nhom.value() == Some(&MaNhom::Kham))
        .map(|(i, l)| (l.ngay_yl.value().copied(), i))
        .collect();
    if exams.len() < 2
        && exams
            .iter()
            .all(|(_, i)| int(&hoso.xml3[*i].tyle_tt_dv) == Some(100))
    {
        return;
    }
    exams.sort();
    let lenient = c.pack == Pack::Qd3176;
    for (k, (_, i)) in exams.into_iter().enumerate() {
        let want = RATIOS.get(k).copied().unwrap_or(0);
        let Some(got) = int(&hoso.xml3[i].tyle_tt_dv) else {
            continue;
        };
        if got > want || (!lenient && got != want) {
            let n = k + 1;
            c.warning(
                &hoso.xml3[i],
                i,
                "xml3.tyle_tt_dv.exam_sequence",
                "TYLE_TT_DV",
                format!("Lần khám thứ {n} có TYLE_TT_DV = {got}, cần {want}"),
                format!("examination {n} has TYLE_TT_DV = {got}; it should be {want}"),
            );
            return;
        }
    }
}

pub(super) fn check(c: &mut Cross<'_>, s: &Summary) {
    exam_sequence(c);
    benefit_levels(c, s);
    if let Some(ra) = s.ngay_ra.value().copied() {
        let hoso = c.hoso;
        late_results(
            c,
            &hoso.xml3,
            |l| l.ngay_kq.value(),
            "xml3.ngay_kq.in_episode",
            ra,
        );
        late_results(
            c,
            &hoso.xml4,
            |l| l.ngay_kq.value(),
            "xml4.ngay_kq.in_episode",
            ra,
        );
    }
    sick_leave_start(c, s);
    inpatient(c, s);
    imaging_conclusions(c);
}
