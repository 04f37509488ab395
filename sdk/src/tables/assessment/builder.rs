//! Building an XML12 record: start from the episode's XML1 so the shared elements agree.

use super::AssessmentBuilder;
use crate::tables::Summary;

/// The elements an XML12 record copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &[
    "HO_TEN",
    "DIA_CHI",
    "MATINH_CU_TRU",
    "MAHUYEN_CU_TRU",
    "MAXA_CU_TRU",
    "DIEN_THOAI",
];

impl AssessmentBuilder {
    /// A builder with the elements it shares with XML1 already copied from `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }
}
