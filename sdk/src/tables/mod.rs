//! The sixteen tables of QĐ 130, one module per table family. Every family has the same files:
//! `model.rs` (the record and its dictionary), `builder.rs` (helpers for building it),
//! `rules.rs` (the family's own checks) and `tests.rs`.

pub mod assessment;
pub mod birth;
pub mod checkin;
pub mod clinical_course;
pub mod discharge;
pub mod drugs;
pub mod hiv;
pub mod paraclinical;
pub mod pregnancy_leave;
pub mod record_summary;
pub mod reexam;
pub mod referral;
pub mod services;
pub mod sick_leave;
pub mod summary;
pub mod tuberculosis;

#[cfg(test)]
pub(crate) mod test_support;

pub use assessment::{Assessment, AssessmentBuilder};
pub use birth::{BirthCertificate, BirthCertificateBuilder};
pub use checkin::{CheckinRow, CheckinRowBuilder};
pub use clinical_course::{ClinicalNote, ClinicalNoteBuilder};
pub use discharge::{DischargePaper, DischargePaperBuilder};
pub use drugs::{DrugLine, DrugLineBuilder};
pub use hiv::{HivRecord, HivRecordBuilder};
pub use paraclinical::{ParaclinicalResult, ParaclinicalResultBuilder};
pub use pregnancy_leave::{PregnancyLeave, PregnancyLeaveBuilder};
pub use record_summary::{RecordSummary, RecordSummaryBuilder};
pub use reexam::{Reexam, ReexamBuilder};
pub use referral::{Referral, ReferralBuilder};
pub use services::{ServiceLine, ServiceLineBuilder};
pub use sick_leave::{SickLeave, SickLeaveBuilder};
pub use summary::{Summary, SummaryBuilder};
pub use tuberculosis::{TbRecord, TbRecordBuilder};

/// Checkin by its table number.
pub type Xml0 = CheckinRow;
/// Xml1 by its table number.
pub type Xml1 = Summary;
/// Xml2 by its table number.
pub type Xml2 = DrugLine;
/// Xml3 by its table number.
pub type Xml3 = ServiceLine;
/// Xml4 by its table number.
pub type Xml4 = ParaclinicalResult;
/// Xml5 by its table number.
pub type Xml5 = ClinicalNote;
/// Xml6 by its table number.
pub type Xml6 = HivRecord;
/// Xml7 by its table number.
pub type Xml7 = DischargePaper;
/// Xml8 by its table number.
pub type Xml8 = RecordSummary;
/// Xml9 by its table number.
pub type Xml9 = BirthCertificate;
/// Xml10 by its table number.
pub type Xml10 = PregnancyLeave;
/// Xml11 by its table number.
pub type Xml11 = SickLeave;
/// Xml12 by its table number.
pub type Xml12 = Assessment;
/// Xml13 by its table number.
pub type Xml13 = Referral;
/// Xml14 by its table number.
pub type Xml14 = Reexam;
/// Xml15 by its table number.
pub type Xml15 = TbRecord;
