//! Building the discharge paper (XML7): start from the episode's XML1 so the shared elements agree.

use super::DischargePaperBuilder;
use crate::tables::Summary;

/// The elements the discharge paper (XML7) copies from XML1 (the BHXH sheet requires them to be equal when given).
pub const COPIED_FROM_XML1: &[&str] = &["MA_LK", "NGAY_VAO", "NGAY_RA", "CHAN_DOAN_RV", "MA_TTDV"];

impl DischargePaperBuilder {
    /// A builder with the elements it shares with XML1 already copied from `summary`.
    pub fn for_episode(summary: &Summary) -> Self {
        Self::new().copy_from(summary, COPIED_FROM_XML1)
    }
}
