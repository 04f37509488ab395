//! Building the pregnancy-rest certificate (XML10): start from the episode's XML1 so the shared elements agree.

use super::PregnancyLeaveBuilder;
use crate::tables::Summary;

/// The elements the pregnancy-rest certificate (XML10) copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &["MA_LK", "CHAN_DOAN_RV", "MA_TTDV"];

impl PregnancyLeaveBuilder {
    /// A builder with the elements it shares with XML1 already copied from `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }
}
