//! Reference catalogues compiled into the library.

pub mod icd10;
