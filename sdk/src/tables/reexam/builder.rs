//! Building the re-examination appointment (XML14): start from the episode's XML1 so the shared elements agree.

use super::ReexamBuilder;
use crate::tables::Summary;

/// The elements the re-examination appointment (XML14) copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &[
    "MA_LK",
    "MA_CSKCB",
    "HO_TEN",
    "NGAY_SINH",
    "GIOI_TINH",
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
    "MA_DOITUONG_KCB",
    "MA_TTDV",
];

impl ReexamBuilder {
    /// A builder with the elements it shares with XML1 already copied from `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }
}
