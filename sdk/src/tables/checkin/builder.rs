//! Building a check-in row: start from the episode's XML1 so the shared elements agree.

use super::CheckinRowBuilder;
use crate::tables::Summary;

/// The elements a check-in row copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &[
    "MA_LK",
    "STT",
    "MA_BN",
    "HO_TEN",
    "SO_CCCD",
    "NGAY_SINH",
    "GIOI_TINH",
    "MA_DOITUONG_KCB",
    "NGAY_VAO",
    "NGAY_VAO_NOI_TRU",
    "LY_DO_VNT",
    "MA_LY_DO_VNT",
    "MA_LOAI_KCB",
    "MA_CSKCB",
];

impl CheckinRowBuilder {
    /// A builder with the elements it shares with XML1 already copied from `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }
}
