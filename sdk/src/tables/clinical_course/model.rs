//! XML5: one clinical-course note: the record, field for field as in `spec/qd130/bang_5_dien_bien_lam_sang.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML5: one clinical-course note.
    pub struct ClinicalNote / ClinicalNoteBuilder : TableId::Xml5 {
        ma_lk: MaLk = "MA_LK" [100] req;
        stt: Int = "STT" [10] req;
        dien_bien_ls: Text = "DIEN_BIEN_LS" [n] req;
        giai_doan_benh: Text = "GIAI_DOAN_BENH" [n] opt;
        hoi_chan: Text = "HOI_CHAN" [n] opt;
        phau_thuat: Text = "PHAU_THUAT" [n] opt;
        thoi_diem_dbls: DateTime = "THOI_DIEM_DBLS" [12] req;
        nguoi_thuc_hien: List<Code> = "NGUOI_THUC_HIEN" [255] req;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
