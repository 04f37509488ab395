//! XML7: discharge paper: the record, field for field as in `spec/qd130/bang_7_giay_ra_vien.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML7: discharge paper.
    pub struct DischargePaper / DischargePaperBuilder : TableId::Xml7 {
        ma_lk: MaLk = "MA_LK" [100] req;
        so_luu_tru: Ident = "SO_LUU_TRU" [200] req;
        ma_yte: Ident = "MA_YTE" [200] req;
        ma_khoa_rv: Code = "MA_KHOA_RV" [200] req;
        ngay_vao: DateTime = "NGAY_VAO" [12] req;
        ngay_ra: DateTime = "NGAY_RA" [12] req;
        ma_dinh_chi_thai: codes::Bit = "MA_DINH_CHI_THAI" [1] opt;
        nguyennhan_dinhchi: Text = "NGUYENNHAN_DINHCHI" [n] cond;
        thoigian_dinhchi: DateTime = "THOIGIAN_DINHCHI" [12] cond;
        tuoi_thai: Int = "TUOI_THAI" [2] cond;
        chan_doan_rv: Text = "CHAN_DOAN_RV" [1500] req;
        pp_dieutri: Text = "PP_DIEUTRI" [1500] req;
        ghi_chu: Text = "GHI_CHU" [1500] opt;
        ma_ttdv: Code = "MA_TTDV" [10] req;
        ma_bs: Code = "MA_BS" [200] req;
        ten_bs: Text = "TEN_BS" [255] req;
        ngay_ct: Date = "NGAY_CT" [8] req;
        ma_cha: BhxhNumber = "MA_CHA" [10] opt;
        ma_me: BhxhNumber = "MA_ME" [10] opt;
        ma_the_tam: CardNumber = "MA_THE_TAM" [15] opt;
        ho_ten_cha: Text = "HO_TEN_CHA" [255] opt;
        ho_ten_me: Text = "HO_TEN_ME" [255] opt;
        so_ngay_nghi: Int = "SO_NGAY_NGHI" [2] opt;
        ngoaitru_tungay: Date = "NGOAITRU_TUNGAY" [8] opt;
        ngoaitru_denngay: Date = "NGOAITRU_DENNGAY" [8] opt;
        du_phong: Text = "DU_PHONG" [4000] opt;
    }
}
