//! Building XML1: the totals come from the visit's XML2 and XML3 lines.

use super::SummaryBuilder;
use crate::money::{LineAmounts, LineKind, Totals};
use crate::tables::{DrugLine, ServiceLine};
use crate::types::codes::{MaNhom, MaPttt};
use crate::types::{Dec, Decimal, Field};

fn dec(f: &Field<Dec>) -> Decimal {
    f.value().map_or(Decimal::ZERO, |d| d.get())
}

fn money(v: Decimal) -> Dec {
    // Totals of non-negative line amounts are never negative; a negative input line is reported
    // by the rules, and its total written as zero here rather than failing.
    Dec::new(v.normalize()).unwrap_or_default()
}

/// The XML1 totals of a visit's lines, as the lines state them; `None` when a sum overflows.
pub fn totals_of(drugs: &[DrugLine], services: &[ServiceLine]) -> Option<Totals> {
    let mut t = Totals::default();
    for d in drugs {
        let a = LineAmounts {
            thanh_tien_bv: dec(&d.thanh_tien_bv),
            thanh_tien_bh: dec(&d.thanh_tien_bh),
            t_nguonkhac: dec(&d.t_nguonkhac),
            t_bntt: dec(&d.t_bntt),
            t_bncct: dec(&d.t_bncct),
            t_bhtt: dec(&d.t_bhtt),
        };
        t.add(
            LineKind::Drug,
            &a,
            d.ma_pttt.value() == Some(&MaPttt::PhiDichVu),
        );
    }
    for s in services {
        let a = LineAmounts {
            thanh_tien_bv: dec(&s.thanh_tien_bv),
            thanh_tien_bh: dec(&s.thanh_tien_bh),
            t_nguonkhac: dec(&s.t_nguonkhac),
            t_bntt: dec(&s.t_bntt),
            t_bncct: dec(&s.t_bncct),
            t_bhtt: dec(&s.t_bhtt),
        };
        let kind = match s.ma_nhom.value() {
            Some(MaNhom::VatTuTrongDanhMuc | MaNhom::VatTuTyLe) => LineKind::Supply,
            _ => LineKind::Service,
        };
        t.add(kind, &a, s.ma_pttt.value() == Some(&MaPttt::PhiDichVu))?;
    }
    Some(t)
}

impl SummaryBuilder {
    /// Sets the nine money totals (`T_THUOC` ... `T_BHTT_GDV`) from the visit's lines (left
    /// unchanged when a sum overflows).
    pub fn totals_from(self, drugs: &[DrugLine], services: &[ServiceLine]) -> Self {
        let Some(t) = totals_of(drugs, services) else {
            return self;
        };
        self.t_thuoc(money(t.t_thuoc))
            .t_vtyt(money(t.t_vtyt))
            .t_tongchi_bv(money(t.t_tongchi_bv))
            .t_tongchi_bh(money(t.t_tongchi_bh))
            .t_bntt(money(t.t_bntt))
            .t_bncct(money(t.t_bncct))
            .t_bhtt(money(t.t_bhtt))
            .t_nguonkhac(money(t.t_nguonkhac))
            .t_bhtt_gdv(money(t.t_bhtt_gdv))
    }
}
