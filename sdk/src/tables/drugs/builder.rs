//! Building XML2 lines: the money columns follow from quantity, price, ratios and other sources.

use super::DrugLineBuilder;
use crate::money::{drug_line, LineAmounts};
use crate::types::{Dec, Decimal, Field, Int};

pub(crate) fn dec(f: &Field<Dec>) -> Decimal {
    f.value().map_or(Decimal::ZERO, |d| d.get())
}

pub(crate) fn pct(f: &Field<Int>) -> u64 {
    f.value().map_or(0, |i| i.get())
}

pub(crate) fn money(v: Decimal) -> Dec {
    Dec::new(v.normalize()).unwrap_or_default()
}

impl DrugLineBuilder {
    /// The line's amounts computed from `SO_LUONG`, `DON_GIA`, `TYLE_TT_BH`, `MUC_HUONG` and the
    /// four `T_NGUONKHAC_*` parts (missing values count as zero); `None` when they overflow.
    pub fn amounts(&self) -> Option<LineAmounts> {
        let r = self.peek();
        let other = [
            &r.t_nguonkhac_nsnn,
            &r.t_nguonkhac_vtnn,
            &r.t_nguonkhac_vttn,
            &r.t_nguonkhac_cl,
        ]
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, f| acc.checked_add(dec(f)))?;
        drug_line(
            dec(&r.so_luong),
            dec(&r.don_gia),
            pct(&r.tyle_tt_bh),
            pct(&r.muc_huong),
            other,
        )
    }

    /// Sets `THANH_TIEN_BV`, `THANH_TIEN_BH`, `T_NGUONKHAC`, `T_BNTT`, `T_BNCCT` and `T_BHTT`
    /// from [`Self::amounts`] (left unchanged when the amounts overflow; `build()` then reports
    /// what is missing or wrong).
    pub fn compute_amounts(self) -> Self {
        let Some(a) = self.amounts() else { return self };
        self.thanh_tien_bv(money(a.thanh_tien_bv))
            .thanh_tien_bh(money(a.thanh_tien_bh))
            .t_nguonkhac(money(a.t_nguonkhac))
            .t_bntt(money(a.t_bntt))
            .t_bncct(money(a.t_bncct))
            .t_bhtt(money(a.t_bhtt))
    }
}
