//! XML13 (*giấy chuyển tuyến / chuyển cơ sở KBCB*): the referral paper. QĐ 3176 renamed three elements and removed two; see [`crate::record::Layout`].

mod builder;
pub use builder::COPIED_FROM_XML1;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{Referral, ReferralBuilder};
