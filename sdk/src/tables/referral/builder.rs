//! Building the referral paper (XML13): start from the episode's XML1 so the shared elements agree.

use super::ReferralBuilder;
use crate::record::Layout;
use crate::tables::Summary;

/// The elements the referral paper (XML13) copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &[
    "MA_LK",
    "MA_CSKCB",
    "MA_NOI_DI",
    "MA_NOI_DEN",
    "HO_TEN",
    "NGAY_SINH",
    "GIOI_TINH",
    "MA_QUOCTICH",
    "MA_DANTOC",
    "MA_NGHE_NGHIEP",
    "DIA_CHI",
    "MA_THE_BHYT",
    "GT_THE_DEN",
    "NGAY_VAO",
    "NGAY_VAO_NOI_TRU",
    "NGAY_RA",
    "CHAN_DOAN_RV",
    "MA_BENH_CHINH",
    "MA_BENH_KT",
    "MA_BENH_YHCT",
    "PP_DIEU_TRI",
    "MA_LOAI_RV",
    "MA_TTDV",
];

impl ReferralBuilder {
    /// A builder in the QĐ 4750 layout with the elements it shares with XML1 already copied from
    /// `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }

    /// A builder in `layout` with the elements it shares with XML1 copied from `summary`. Under
    /// QĐ 3176 the facilities go to `MA_CSKCB_DI` / `MA_CSKCB_DEN`, and `PP_DIEU_TRI` (renamed
    /// `TINH_TRANG_CT`, the condition at transfer) is not copied.
    pub fn for_episode_in(summary: &Summary, layout: Layout) -> Self {
        match layout {
            Layout::Qd4750 => Self::for_episode(summary),
            Layout::Qd3176 => {
                let shared: Vec<&str> = COPIED_FROM_XML1
                    .iter()
                    .copied()
                    .filter(|e| !matches!(*e, "MA_NOI_DI" | "MA_NOI_DEN" | "PP_DIEU_TRI"))
                    .collect();
                let mut b = Self::new()
                    .layout(Layout::Qd3176)
                    .copy_from(summary, &shared);
                // Both elements exist in both tables, under the 3176 names here.
                let _ = b.set("MA_CSKCB_DI", &summary.ma_noi_di.wire());
                let _ = b.set("MA_CSKCB_DEN", &summary.ma_noi_den.wire());
                b
            }
        }
    }
}
