//! The sandbox BHXH gateway (work in progress).
