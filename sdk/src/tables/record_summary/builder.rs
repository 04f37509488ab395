//! Building the record summary (XML8): start from the episode's XML1 so the shared elements agree.

use super::RecordSummaryBuilder;
use crate::tables::Summary;

/// The elements the record summary (XML8) copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &[
    "MA_LK",
    "MA_LOAI_KCB",
    "NGAY_VAO",
    "NGAY_RA",
    "CHAN_DOAN_VAO",
    "CHAN_DOAN_RV",
    "KET_QUA_DTRI",
    "GHI_CHU",
    "MA_TTDV",
];

impl RecordSummaryBuilder {
    /// A builder with the elements it shares with XML1 already copied from `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }
}
