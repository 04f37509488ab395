//! XML14: re-examination appointment: the record, field for field as in `spec/qd130/bang_14_giay_hen_kham_lai.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML14: re-examination appointment.
    pub struct Reexam / ReexamBuilder : TableId::Xml14 {
        ma_lk: MaLk = "MA_LK" [200] req;
        so_giayhen_kl: Ident = "SO_GIAYHEN_KL" [100] req;
        ma_cskcb: FacilityCode = "MA_CSKCB" [5] req;
        ho_ten: Text = "HO_TEN" [255] req;
        ngay_sinh: BirthDateTime = "NGAY_SINH" [12] opt;
        gioi_tinh: codes::GioiTinh = "GIOI_TINH" [1] opt;
        dia_chi: Text = "DIA_CHI" [1024] opt;
        ma_the_bhyt: List<CardNumber> = "MA_THE_BHYT" [200] opt;
        gt_the_den: List<Date> = "GT_THE_DEN" [200] opt;
        ngay_vao: DateTime = "NGAY_VAO" [12] opt;
        ngay_vao_noi_tru: DateTime = "NGAY_VAO_NOI_TRU" [12] opt;
        ngay_ra: DateTime = "NGAY_RA" [12] opt;
        ngay_hen_kl: DateOrDateTime = "NGAY_HEN_KL" [12] req;
        chan_doan_rv: Text = "CHAN_DOAN_RV" [4000] opt;
        ma_benh_chinh: IcdCode = "MA_BENH_CHINH" [50] opt;
        ma_benh_kt: List<IcdCode> = "MA_BENH_KT" [200] opt;
        ma_benh_yhct: List<Code> = "MA_BENH_YHCT" [255] opt;
        ma_doituong_kcb: Code = "MA_DOITUONG_KCB" [10] opt;
        ma_bac_si: List<Code> = "MA_BAC_SI" [255] req;
        ma_ttdv: Code = "MA_TTDV" [10] req;
        ngay_ct: Date = "NGAY_CT" [8] req;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
