//! The money formulas of XML2 and XML3 lines and the XML1 totals (xml130.md §4.2-§4.3), in exact
//! decimals rounded half away from zero to 2 places, as the gateway's checker compares them.
//!
//! The formulas are those written by QĐ 3176 (which give the same results as the QĐ 130 and
//! QĐ 4750 texts for the cases those texts cover). Money from other sources is deducted from the
//! patient's own share first, then the co-payment, then the fund's share.

use crate::types::{round_half_away, Decimal};

/// The amounts of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineAmounts {
    /// `THANH_TIEN_BV`: cost at the hospital's price.
    pub thanh_tien_bv: Decimal,
    /// `THANH_TIEN_BH`: cost within the insurance scope.
    pub thanh_tien_bh: Decimal,
    /// `T_NGUONKHAC`: paid by other sources.
    pub t_nguonkhac: Decimal,
    /// `T_BNTT`: paid by the patient (outside the scope).
    pub t_bntt: Decimal,
    /// `T_BNCCT`: the patient's co-payment.
    pub t_bncct: Decimal,
    /// `T_BHTT`: claimed from the fund.
    pub t_bhtt: Decimal,
}

fn pct(v: u64) -> Decimal {
    Decimal::from(v) / Decimal::ONE_HUNDRED
}

fn r2(v: Decimal) -> Decimal {
    round_half_away(v, 2)
}

/// `a × b × c`, or `None` when the product does not fit a decimal (absurd input values).
fn mul3(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    a.checked_mul(b)?.checked_mul(c)
}

impl LineAmounts {
    /// Splits a line from its cost at the hospital's price and its cost within the insurance scope.
    fn split(
        thanh_tien_bv: Decimal,
        thanh_tien_bh: Decimal,
        muc_huong: u64,
        nguon_khac: Decimal,
    ) -> Option<Self> {
        let t_bhtt = r2(thanh_tien_bh.checked_mul(pct(muc_huong))?);
        let mut a = LineAmounts {
            thanh_tien_bv,
            thanh_tien_bh,
            t_nguonkhac: nguon_khac,
            t_bntt: thanh_tien_bv.checked_sub(thanh_tien_bh)?,
            t_bncct: thanh_tien_bh.checked_sub(t_bhtt)?,
            t_bhtt,
        };
        // Other sources pay the patient's share first, then the co-payment, then the fund's share.
        let mut left = nguon_khac;
        for part in [&mut a.t_bntt, &mut a.t_bncct, &mut a.t_bhtt] {
            let take = left.min(*part).max(Decimal::ZERO);
            *part -= take;
            left -= take;
        }
        Some(a)
    }

    /// True when `THANH_TIEN_BV = T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC`.
    pub fn balances(&self) -> bool {
        self.thanh_tien_bv == self.t_bntt + self.t_bncct + self.t_bhtt + self.t_nguonkhac
    }
}

/// An XML2 (drug) line: `SO_LUONG × DON_GIA`, the payment ratio `TYLE_TT_BH` and the benefit level
/// `MUC_HUONG` (percentages), and money from other sources. `None` when the amounts overflow.
pub fn drug_line(
    so_luong: Decimal,
    don_gia: Decimal,
    tyle_tt_bh: u64,
    muc_huong: u64,
    nguon_khac: Decimal,
) -> Option<LineAmounts> {
    let bv = r2(so_luong.checked_mul(don_gia)?);
    let bh = r2(mul3(so_luong, don_gia, pct(tyle_tt_bh))?);
    LineAmounts::split(bv, bh, muc_huong, nguon_khac)
}

/// An XML3 (service or supply) line under QĐ 3176: the service ratio `TYLE_TT_DV` applies to both
/// the hospital's and the insurance price. `None` when the amounts overflow.
pub fn service_line(
    so_luong: Decimal,
    don_gia_bv: Decimal,
    don_gia_bh: Decimal,
    tyle_tt_dv: u64,
    tyle_tt_bh: u64,
    muc_huong: u64,
    nguon_khac: Decimal,
) -> Option<LineAmounts> {
    let bv = r2(mul3(so_luong, don_gia_bv, pct(tyle_tt_dv))?);
    let bh = r2(mul3(so_luong, don_gia_bh, pct(tyle_tt_dv))?.checked_mul(pct(tyle_tt_bh))?);
    LineAmounts::split(bv, bh, muc_huong, nguon_khac)
}

/// The XML1 totals over a visit's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// `T_THUOC`: Σ XML2 `THANH_TIEN_BV`.
    pub t_thuoc: Decimal,
    /// `T_VTYT`: Σ `THANH_TIEN_BV` of XML3 supply lines (`MA_NHOM` 10, 11).
    pub t_vtyt: Decimal,
    /// `T_TONGCHI_BV`.
    pub t_tongchi_bv: Decimal,
    /// `T_TONGCHI_BH`.
    pub t_tongchi_bh: Decimal,
    /// `T_BNTT`.
    pub t_bntt: Decimal,
    /// `T_BNCCT`.
    pub t_bncct: Decimal,
    /// `T_BHTT`: Σ line `T_BHTT` (equal to `T_TONGCHI_BH − T_BNCCT` unless other sources reached the
    /// co-payment).
    pub t_bhtt: Decimal,
    /// `T_NGUONKHAC`.
    pub t_nguonkhac: Decimal,
    /// `T_BHTT_GDV`: Σ `T_BHTT` of fee-for-service lines (`MA_PTTT` = 1).
    pub t_bhtt_gdv: Decimal,
}

/// Which table a line comes from, for [`Totals::add`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// An XML2 line.
    Drug,
    /// An XML3 supply line (`MA_NHOM` 10 or 11).
    Supply,
    /// Any other XML3 line.
    Service,
}

impl Totals {
    /// Adds one line; `None` (and the totals unchanged) when a sum overflows.
    pub fn add(&mut self, kind: LineKind, a: &LineAmounts, fee_for_service: bool) -> Option<()> {
        let mut t = *self;
        match kind {
            LineKind::Drug => t.t_thuoc = t.t_thuoc.checked_add(a.thanh_tien_bv)?,
            LineKind::Supply => t.t_vtyt = t.t_vtyt.checked_add(a.thanh_tien_bv)?,
            LineKind::Service => {}
        }
        t.t_tongchi_bv = t.t_tongchi_bv.checked_add(a.thanh_tien_bv)?;
        t.t_tongchi_bh = t.t_tongchi_bh.checked_add(a.thanh_tien_bh)?;
        t.t_bntt = t.t_bntt.checked_add(a.t_bntt)?;
        t.t_bncct = t.t_bncct.checked_add(a.t_bncct)?;
        t.t_bhtt = t.t_bhtt.checked_add(a.t_bhtt)?;
        t.t_nguonkhac = t.t_nguonkhac.checked_add(a.t_nguonkhac)?;
        if fee_for_service {
            t.t_bhtt_gdv = t.t_bhtt_gdv.checked_add(a.t_bhtt)?;
        }
        *self = t;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn worked_example_of_xml130_section_5() {
        // Drugs: 60 × 1,250 at 100 %, 30 × 3,800 at 100 %, 30 × 5,000 at 50 %; benefit level 80 %.
        let l1 = drug_line(d("60"), d("1250"), 100, 80, Decimal::ZERO).unwrap();
        assert_eq!(
            (l1.thanh_tien_bv, l1.t_bhtt, l1.t_bncct, l1.t_bntt),
            (d("75000"), d("60000"), d("15000"), d("0"))
        );
        let l3 = drug_line(d("30"), d("5000"), 50, 80, Decimal::ZERO).unwrap();
        assert_eq!(
            (l3.thanh_tien_bh, l3.t_bhtt, l3.t_bncct, l3.t_bntt),
            (d("75000"), d("60000"), d("15000"), d("75000"))
        );
        let s = service_line(d("1"), d("43900"), d("43900"), 100, 100, 80, Decimal::ZERO).unwrap();
        assert_eq!((s.t_bhtt, s.t_bncct), (d("35120"), d("8780")));
        let mut t = Totals::default();
        for (k, a) in [
            (LineKind::Drug, l1),
            (
                LineKind::Drug,
                drug_line(d("30"), d("3800"), 100, 80, Decimal::ZERO).unwrap(),
            ),
            (LineKind::Drug, l3),
            (
                LineKind::Service,
                service_line(d("1"), d("34500"), d("34500"), 100, 100, 80, Decimal::ZERO).unwrap(),
            ),
            (
                LineKind::Service,
                service_line(d("1"), d("21500"), d("21500"), 100, 100, 80, Decimal::ZERO).unwrap(),
            ),
            (LineKind::Service, s),
        ] {
            assert!(a.balances());
            t.add(k, &a, true).unwrap();
        }
        assert_eq!(t.t_tongchi_bv, d("438900"));
        assert_eq!(t.t_tongchi_bh, d("363900"));
        assert_eq!(t.t_bhtt, d("291120"));
        assert_eq!(t.t_bncct, d("72780"));
        assert_eq!(t.t_bntt, d("75000"));
        assert_eq!(t.t_thuoc, d("339000"));
    }

    #[test]
    fn other_sources_are_deducted_in_order() {
        // 10,000,000 at 50 % and 80 %, donor pays 3,000,000: patient share 5,000,000 absorbs it.
        let a = drug_line(d("1"), d("10000000"), 50, 80, d("3000000")).unwrap();
        assert_eq!(a.t_bntt, d("2000000"));
        assert_eq!((a.t_bncct, a.t_bhtt), (d("1000000"), d("4000000")));
        assert!(a.balances());
        // Larger than the patient's share: the rest comes off the co-payment, then the fund.
        let a = drug_line(d("1"), d("1000"), 100, 80, d("900")).unwrap();
        assert_eq!((a.t_bntt, a.t_bncct, a.t_bhtt), (d("0"), d("0"), d("100")));
        assert!(a.balances());
    }

    #[test]
    fn second_exam_uses_the_service_ratio() {
        let a = service_line(d("1"), d("100000"), d("40000"), 30, 100, 100, Decimal::ZERO).unwrap();
        assert!(drug_line(
            d("9999999999"),
            d("99999999999999999999"),
            100,
            100,
            Decimal::ZERO
        )
        .is_none());
        assert_eq!((a.thanh_tien_bv, a.thanh_tien_bh), (d("30000"), d("12000")));
    }
}
