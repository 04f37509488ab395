//! Money rules: the formulas of each XML2 and XML3 line (xml130.md §4.2, per rule pack) and the
//! XML1 totals against the lines (§4.3). Amounts are compared after rounding both sides to two
//! decimals, half away from zero, as the gateway's checker does.

use super::Cross;
use crate::money::{drug_line, service_line, LineAmounts};
use crate::record::Record;
use crate::tables::summary::totals_of;
use crate::tables::{DrugLine, ServiceLine, Summary};
use crate::types::{round_half_away, Dec, Decimal, Field, Int};
use crate::validate::Pack;

fn dec(f: &Field<Dec>) -> Option<Decimal> {
    f.value().map(|d| d.get())
}

fn int(f: &Field<Int>) -> Option<u64> {
    f.value().map(|i| i.get())
}

fn r2(v: Decimal) -> Decimal {
    round_half_away(v, 2)
}

fn other_sources(parts: [&Field<Dec>; 4]) -> Decimal {
    // A sum out of range cannot equal any stated amount.
    parts
        .iter()
        .filter_map(|f| dec(f))
        .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
        .unwrap_or(Decimal::MAX)
}

/// The stated amounts of a line, when all six are present and well-formed.
fn stated(
    bv: &Field<Dec>,
    bh: &Field<Dec>,
    nk: &Field<Dec>,
    bntt: &Field<Dec>,
    bncct: &Field<Dec>,
    bhtt: &Field<Dec>,
) -> Option<LineAmounts> {
    Some(LineAmounts {
        thanh_tien_bv: dec(bv)?,
        thanh_tien_bh: dec(bh)?,
        t_nguonkhac: dec(nk)?,
        t_bntt: dec(bntt)?,
        t_bncct: dec(bncct)?,
        t_bhtt: dec(bhtt)?,
    })
}

/// What a line's inputs give: the computed amounts (of which `THANH_TIEN_BV` and `THANH_TIEN_BH`
/// are compared), the benefit level in percent and the sum of the four other-source columns.
#[derive(Clone, Copy)]
struct Expected {
    amounts: LineAmounts,
    muc_huong: u64,
    parts: Decimal,
}

/// Compares a line's stated amounts with what its inputs give: `want` holds the computed
/// `THANH_TIEN_BV` and `THANH_TIEN_BH`, `muc_huong` the benefit level in percent, `parts` the sum
/// of the four other-source columns.
fn compare<R: Record>(
    c: &mut Cross<'_>,
    rec: &R,
    i: usize,
    prefix: &'static [&'static str; 7],
    stated: &LineAmounts,
    want: &Expected,
) {
    let Expected {
        amounts: want,
        muc_huong,
        parts,
    } = *want;
    let [bv_rule, bh_rule, nk_rule, bhtt_rule, split_rule, balance_rule, other_rule] = *prefix;
    let t = R::TABLE;
    let mismatch = |c: &mut Cross<'_>,
                    rule: &'static str,
                    field: &str,
                    got: Decimal,
                    want: Decimal,
                    how_vi: &str,
                    how_en: &str| {
        if r2(got) != r2(want) {
            c.error(
                rec,
                i,
                rule,
                field,
                format!("{t} {field} = {got} nhưng {how_vi} cho {}", r2(want)),
                format!("{t} {field} = {got} but {how_en} gives {}", r2(want)),
            );
        }
    };
    mismatch(
        c,
        bv_rule,
        "THANH_TIEN_BV",
        stated.thanh_tien_bv,
        want.thanh_tien_bv,
        "công thức",
        "the formula",
    );
    mismatch(
        c,
        bh_rule,
        "THANH_TIEN_BH",
        stated.thanh_tien_bh,
        want.thanh_tien_bh,
        "công thức",
        "the formula",
    );
    mismatch(
        c,
        nk_rule,
        "T_NGUONKHAC",
        stated.t_nguonkhac,
        parts,
        "tổng 4 nguồn khác",
        "the sum of the four other sources",
    );
    // Values over the element's size can be too large to multiply: such a line already has a
    // field.max_length error, and its split is not checked.
    let fund = stated
        .thanh_tien_bh
        .checked_mul(Decimal::from(muc_huong))
        .map(|f| r2(f / Decimal::ONE_HUNDRED));
    if let (true, Some(fund)) = (stated.t_nguonkhac.is_zero(), fund) {
        // Without other sources the split is fixed: fund share, co-payment, patient share.
        mismatch(
            c,
            bhtt_rule,
            "T_BHTT",
            stated.t_bhtt,
            fund,
            "THANH_TIEN_BH × MUC_HUONG",
            "THANH_TIEN_BH × MUC_HUONG",
        );
        mismatch(
            c,
            split_rule,
            "T_BNCCT",
            stated.t_bncct,
            stated.thanh_tien_bh - fund,
            "THANH_TIEN_BH − T_BHTT",
            "THANH_TIEN_BH − T_BHTT",
        );
        mismatch(
            c,
            split_rule,
            "T_BNTT",
            stated.t_bntt,
            stated.thanh_tien_bv - stated.thanh_tien_bh,
            "THANH_TIEN_BV − THANH_TIEN_BH",
            "THANH_TIEN_BV − THANH_TIEN_BH",
        );
    }
    if !stated.t_nguonkhac.is_zero() {
        other_sources_split(c, rec, i, other_rule, stated, muc_huong);
    }
    let parts_sum = [stated.t_bncct, stated.t_bhtt, stated.t_nguonkhac]
        .into_iter()
        .try_fold(stated.t_bntt, |a, b| a.checked_add(b));
    let Some(parts_sum) = parts_sum else { return };
    if r2(parts_sum) != r2(stated.thanh_tien_bv) {
        c.error(
            rec,
            i,
            balance_rule,
            "THANH_TIEN_BV",
            format!("{t}: T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC = {parts_sum} khác THANH_TIEN_BV = {}", stated.thanh_tien_bv),
            format!("{t}: T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC = {parts_sum} differs from THANH_TIEN_BV = {}", stated.thanh_tien_bv),
        );
    }
}

/// §4.2: other sources pay the patient's share first, then the co-payment, then the fund's share.
/// Under QĐ 130/4750 a facility-level split and the ARV case are also allowed and cannot be told
/// apart in the file, so a line that does not follow this order is only a warning.
fn other_sources_split<R: Record>(
    c: &mut Cross<'_>,
    rec: &R,
    i: usize,
    rule: &'static str,
    stated: &LineAmounts,
    muc_huong: u64,
) {
    let Some(fund) = stated.thanh_tien_bh.checked_mul(Decimal::from(muc_huong)) else {
        return;
    };
    let fund = r2(fund / Decimal::ONE_HUNDRED);
    let mut want = [
        ("T_BNTT", stated.thanh_tien_bv - stated.thanh_tien_bh),
        ("T_BNCCT", stated.thanh_tien_bh - fund),
        ("T_BHTT", fund),
    ];
    let mut left = stated.t_nguonkhac;
    for (_, part) in want.iter_mut() {
        let take = left.min(*part).max(Decimal::ZERO);
        *part -= take;
        left -= take;
    }
    let got = [stated.t_bntt, stated.t_bncct, stated.t_bhtt];
    if let Some(((field, w), g)) = want.iter().zip(got).find(|((_, w), g)| r2(*g) != r2(*w)) {
        let t = R::TABLE;
        let w = r2(*w);
        c.warning(
            rec,
            i,
            rule,
            field,
            format!("{t} {field} = {g} nhưng trừ nguồn khác theo thứ tự (người bệnh, cùng chi trả, quỹ) cho {w}"),
            format!("{t} {field} = {g} but deducting other sources in order (patient, co-payment, fund) gives {w}"),
        );
    }
}

const DRUG_RULES: [&str; 7] = [
    "xml2.thanh_tien_bv.formula",
    "xml2.thanh_tien_bh.formula",
    "xml2.t_nguonkhac.sum",
    "xml2.t_bhtt.formula",
    "xml2.share.formula",
    "xml2.balance",
    "xml2.share.other_sources",
];
const SERVICE_RULES: [&str; 7] = [
    "xml3.thanh_tien_bv.formula",
    "xml3.thanh_tien_bh.formula",
    "xml3.t_nguonkhac.sum",
    "xml3.t_bhtt.formula",
    "xml3.share.formula",
    "xml3.balance",
    "xml3.share.other_sources",
];

fn drug(c: &mut Cross<'_>, l: &DrugLine, i: usize) {
    let (Some(sl), Some(dg), Some(tl), Some(mh)) = (
        dec(&l.so_luong),
        dec(&l.don_gia),
        int(&l.tyle_tt_bh),
        int(&l.muc_huong),
    ) else {
        return;
    };
    let Some(s) = stated(
        &l.thanh_tien_bv,
        &l.thanh_tien_bh,
        &l.t_nguonkhac,
        &l.t_bntt,
        &l.t_bncct,
        &l.t_bhtt,
    ) else {
        return;
    };
    let parts = other_sources([
        &l.t_nguonkhac_nsnn,
        &l.t_nguonkhac_vtnn,
        &l.t_nguonkhac_vttn,
        &l.t_nguonkhac_cl,
    ]);
    let Some(want) = drug_line(sl, dg, tl, mh, Decimal::ZERO) else {
        return;
    };
    compare(
        c,
        l,
        i,
        &DRUG_RULES,
        &s,
        &Expected {
            amounts: want,
            muc_huong: mh,
            parts,
        },
    );
}

fn service(c: &mut Cross<'_>, l: &ServiceLine, i: usize) {
    let (Some(sl), Some(bv), Some(bh), Some(tl), Some(mh)) = (
        dec(&l.so_luong),
        dec(&l.don_gia_bv),
        dec(&l.don_gia_bh),
        int(&l.tyle_tt_bh),
        int(&l.muc_huong),
    ) else {
        return;
    };
    let dv = int(&l.tyle_tt_dv).unwrap_or(100);
    let Some(s) = stated(
        &l.thanh_tien_bv,
        &l.thanh_tien_bh,
        &l.t_nguonkhac,
        &l.t_bntt,
        &l.t_bncct,
        &l.t_bhtt,
    ) else {
        return;
    };
    let parts = other_sources([
        &l.t_nguonkhac_nsnn,
        &l.t_nguonkhac_vtnn,
        &l.t_nguonkhac_vttn,
        &l.t_nguonkhac_cl,
    ]);
    // QĐ 130 wrote the service ratio into neither amount; QĐ 4750 and 3176 apply it to both.
    let effective_dv = if c.pack == Pack::Qd130 { 100 } else { dv };
    let Some(mut want) = service_line(sl, bv, bh, effective_dv, tl, mh, Decimal::ZERO) else {
        return;
    };
    // The special case of QĐ 3176: the facility does not charge the patient the difference of a
    // reduced service, THANH_TIEN_BV = SL × DG_BV − SL × DG_BH × (100 − TYLE_TT_DV) / 100.
    let special = sl
        .checked_mul(bv)
        .zip(sl.checked_mul(bh))
        .and_then(|(a, b)| {
            let cut =
                b.checked_mul(Decimal::from(100u64.saturating_sub(dv)))? / Decimal::ONE_HUNDRED;
            a.checked_sub(cut).map(r2)
        });
    if c.pack == Pack::Qd3176 && special.is_some_and(|v| r2(s.thanh_tien_bv) == v) {
        want.thanh_tien_bv = s.thanh_tien_bv;
    }
    compare(
        c,
        l,
        i,
        &SERVICE_RULES,
        &s,
        &Expected {
            amounts: want,
            muc_huong: mh,
            parts,
        },
    );
}

/// (rule, element, stated value, sum of the lines, what the sum is in Vietnamese, in English).
type TotalCheck<'a> = (
    &'static str,
    &'static str,
    &'a Field<Dec>,
    Decimal,
    &'static str,
    &'static str,
);

/// The XML1 totals against the lines.
fn totals(c: &mut Cross<'_>, s: &Summary) {
    let hoso = c.hoso;
    let Some(t) = totals_of(&hoso.xml2, &hoso.xml3) else {
        return;
    };
    let checks: [TotalCheck<'_>; 8] = [
        (
            "xml1.t_thuoc.sum",
            "T_THUOC",
            &s.t_thuoc,
            t.t_thuoc,
            "tổng THANH_TIEN_BV của XML2",
            "the sum of XML2 THANH_TIEN_BV",
        ),
        (
            "xml1.t_vtyt.sum",
            "T_VTYT",
            &s.t_vtyt,
            t.t_vtyt,
            "tổng THANH_TIEN_BV vật tư (nhóm 10, 11)",
            "the sum of supply lines (MA_NHOM 10, 11)",
        ),
        (
            "xml1.t_tongchi_bv.sum",
            "T_TONGCHI_BV",
            &s.t_tongchi_bv,
            t.t_tongchi_bv,
            "tổng THANH_TIEN_BV",
            "the sum of THANH_TIEN_BV",
        ),
        (
            "xml1.t_tongchi_bh.sum",
            "T_TONGCHI_BH",
            &s.t_tongchi_bh,
            t.t_tongchi_bh,
            "tổng THANH_TIEN_BH",
            "the sum of THANH_TIEN_BH",
        ),
        (
            "xml1.t_bntt.sum",
            "T_BNTT",
            &s.t_bntt,
            t.t_bntt,
            "tổng T_BNTT các dòng",
            "the sum of line T_BNTT",
        ),
        (
            "xml1.t_bncct.sum",
            "T_BNCCT",
            &s.t_bncct,
            t.t_bncct,
            "tổng T_BNCCT các dòng",
            "the sum of line T_BNCCT",
        ),
        (
            "xml1.t_nguonkhac.sum",
            "T_NGUONKHAC",
            &s.t_nguonkhac,
            t.t_nguonkhac,
            "tổng T_NGUONKHAC các dòng",
            "the sum of line T_NGUONKHAC",
        ),
        (
            "xml1.t_bhtt.sum",
            "T_BHTT",
            &s.t_bhtt,
            t.t_bhtt,
            "tổng T_BHTT các dòng",
            "the sum of line T_BHTT",
        ),
    ];
    for (rule, field, stated, want, vi, en) in checks {
        let Some(got) = dec(stated) else { continue };
        if r2(got) != r2(want) {
            let emit = if rule == "xml1.t_bhtt.sum" {
                Cross::warning::<Summary>
            } else {
                Cross::error::<Summary>
            };
            emit(
                c,
                s,
                0,
                rule,
                field,
                format!("{field} = {got} nhưng {vi} là {}", r2(want)),
                format!("{field} = {got} but {en} is {}", r2(want)),
            );
        }
    }
    if let (Some(bhtt), Some(bh), Some(bncct)) =
        (dec(&s.t_bhtt), dec(&s.t_tongchi_bh), dec(&s.t_bncct))
    {
        // TOT-6 is the official form. When another source paid part of the insured share, the
        // lines' T_BHTT is what the fund pays and the official form over-counts by that part;
        // a summary that equals the lines' sum then follows TOT-5/TOT-9 and is not an error
        // (xml130.md TOT-6 note: the two agree only when no deduction reached T_BHTT).
        let deducted = t.t_nguonkhac > Decimal::ZERO;
        let lines_agree = r2(bhtt) == r2(t.t_bhtt);
        if r2(bhtt) != r2(bh - bncct) && !(deducted && lines_agree) {
            c.error(
                s,
                0,
                "xml1.t_bhtt.formula",
                "T_BHTT",
                format!(
                    "T_BHTT = {bhtt} nhưng T_TONGCHI_BH − T_BNCCT = {}",
                    r2(bh - bncct)
                ),
                format!(
                    "T_BHTT = {bhtt} but T_TONGCHI_BH − T_BNCCT = {}",
                    r2(bh - bncct)
                ),
            );
        }
    }
    // Capitation and DRG lines are outside T_BHTT_GDV; the check does not apply to cards of the
    // armed forces and police (QN, CA, CY), which the fund settles separately.
    let armed = s.ma_the_bhyt.value().is_some_and(|l| {
        l.items()
            .iter()
            .any(|c| matches!(c.prefix(), "QN" | "CA" | "CY"))
    });
    if let (Some(got), false) = (dec(&s.t_bhtt_gdv), armed) {
        if r2(got) != r2(t.t_bhtt_gdv) {
            c.error(
                s,
                0,
                "xml1.t_bhtt_gdv.sum",
                "T_BHTT_GDV",
                format!(
                    "T_BHTT_GDV = {got} nhưng tổng T_BHTT các dòng MA_PTTT = 1 là {}",
                    r2(t.t_bhtt_gdv)
                ),
                format!(
                    "T_BHTT_GDV = {got} but the sum of T_BHTT of MA_PTTT = 1 lines is {}",
                    r2(t.t_bhtt_gdv)
                ),
            );
        }
    }
    if let (Some(bv), Some(bntt), Some(bncct), Some(bhtt), Some(nk)) = (
        dec(&s.t_tongchi_bv),
        dec(&s.t_bntt),
        dec(&s.t_bncct),
        dec(&s.t_bhtt),
        dec(&s.t_nguonkhac),
    ) {
        let sum = [bncct, bhtt, nk]
            .into_iter()
            .try_fold(bntt, |a, b| a.checked_add(b));
        if let Some(sum) = sum.filter(|sum| r2(bv) != r2(*sum)) {
            c.warning(
                s,
                0,
                "xml1.balance",
                "T_TONGCHI_BV",
                format!(
                    "T_TONGCHI_BV = {bv} khác T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC = {sum}"
                ),
                format!(
                    "T_TONGCHI_BV = {bv} differs from T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC = {sum}"
                ),
            );
        }
    }
}

pub(super) fn check(c: &mut Cross<'_>, summary: &Summary) {
    let hoso = c.hoso;
    for (i, l) in hoso.xml2.iter().enumerate() {
        drug(c, l, i);
    }
    for (i, l) in hoso.xml3.iter().enumerate() {
        service(c, l, i);
    }
    totals(c, summary);
}
