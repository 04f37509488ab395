//! XML11: social-insurance sick-leave certificate (CT07): the record, field for field as in `spec/qd130/bang_11_giay_nghi_huong_bhxh.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML11: social-insurance sick-leave certificate (CT07).
    pub struct SickLeave / SickLeaveBuilder : TableId::Xml11 {
        ma_lk: MaLk = "MA_LK" [100] req;
        so_ct: Ident = "SO_CT" [200] req;
        so_seri: Ident = "SO_SERI" [200] req;
        so_kcb: Ident = "SO_KCB" [200] req;
        don_vi: Text = "DON_VI" [1024] req;
        ma_bhxh: BhxhNumber = "MA_BHXH" [10] req;
        ma_the_bhyt: List<CardNumber> = "MA_THE_BHYT" [n] opt;
        chan_doan_rv: Text = "CHAN_DOAN_RV" [n] req;
        pp_dieutri: Text = "PP_DIEUTRI" [n] req;
        ma_dinh_chi_thai: codes::Bit = "MA_DINH_CHI_THAI" [1] opt;
        nguyennhan_dinhchi: Text = "NGUYENNHAN_DINHCHI" [n] cond;
        tuoi_thai: Int = "TUOI_THAI" [2] cond;
        so_ngay_nghi: Int = "SO_NGAY_NGHI" [3] req;
        tu_ngay: Date = "TU_NGAY" [8] req;
        den_ngay: Date = "DEN_NGAY" [8] req;
        ho_ten_cha: Text = "HO_TEN_CHA" [255] opt;
        ho_ten_me: Text = "HO_TEN_ME" [255] opt;
        ma_ttdv: Code = "MA_TTDV" [10] req;
        ma_bs: Code = "MA_BS" [200] req;
        ngay_ct: Date = "NGAY_CT" [8] req;
        ma_the_tam: CardNumber = "MA_THE_TAM" [15] opt;
        mau_so: codes::MauSo = "MAU_SO" [5] opt;
        du_phong: Text = "DU_PHONG" [4000] opt;
    }
}
