//! Building an XML6 record: start from the episode's XML1 so the shared elements agree.

use super::HivRecordBuilder;
use crate::tables::Summary;

/// The elements an XML6 record copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &[
    "MA_LK",
    "MA_THE_BHYT",
    "SO_CCCD",
    "NGAY_SINH",
    "GIOI_TINH",
    "DIA_CHI",
    "MATINH_CU_TRU",
    "MAHUYEN_CU_TRU",
    "MAXA_CU_TRU",
    "MA_CSKCB",
];

impl HivRecordBuilder {
    /// A builder with the elements it shares with XML1 already copied from `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }
}
