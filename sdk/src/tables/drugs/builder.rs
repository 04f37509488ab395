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
    /// four `T_NGUONKHAC_*` parts (missing values count as zero).
    pub fn amounts(&self) -> LineAmounts {
        let r = self.peek();
        let other = dec(&r.t_nguonkhac_nsnn)
            + dec(&r.t_nguonkhac_vtnn)
            + dec(&r.t_nguonkhac_vttn)
            + dec(&r.t_nguonkhac_cl);
        drug_line(
            dec(&r.so_luong),
            dec(&r.don_gia),
            pct(&r.tyle_tt_bh),
            pct(&r.muc_huong),
            other,
        )
    }

    /// Sets `THANH_TIEN_BV`, `THANH_TIEN_BH`, `T_NGUONKHAC`, `T_BNTT`, `T_BNCCT` and `T_BHTT`
    /// from [`Self::amounts`].
    pub fn compute_amounts(self) -> Self {
        let a = self.amounts();
        self.thanh_tien_bv(money(a.thanh_tien_bv))
            .thanh_tien_bh(money(a.thanh_tien_bh))
            .t_nguonkhac(money(a.t_nguonkhac))
            .t_bntt(money(a.t_bntt))
            .t_bncct(money(a.t_bncct))
            .t_bhtt(money(a.t_bhtt))
    }
}
