//! XML5 (*diễn biến lâm sàng*): clinical-course notes.

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{ClinicalNote, ClinicalNoteBuilder};
