//! XML1 (*bảng chỉ tiêu tổng hợp KBCB*): the episode summary, one record per `HOSO`, with the totals of XML2 and XML3.

mod builder;
pub use builder::totals_of;
mod model;
mod rules;
#[cfg(test)]
mod tests;

pub use model::{Summary, SummaryBuilder};
