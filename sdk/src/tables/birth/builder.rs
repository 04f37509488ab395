//! Building a birth certificate (XML9): start from the episode's XML1 so the shared elements agree.

use super::BirthCertificateBuilder;
use crate::tables::Summary;

/// The elements a birth certificate (XML9) copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &[
    "MA_LK",
    "MA_QUOCTICH",
    "MATINH_CU_TRU",
    "MAHUYEN_CU_TRU",
    "MAXA_CU_TRU",
    "MA_TTDV",
];

impl BirthCertificateBuilder {
    /// A builder with the elements it shares with XML1 already copied from `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }
}
