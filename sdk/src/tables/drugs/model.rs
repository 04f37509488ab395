//! XML2: one drug, blood or medical-gas line: the record, field for field as in `spec/qd130/bang_2_thuoc.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML2: one drug, blood or medical-gas line.
    pub struct DrugLine / DrugLineBuilder : TableId::Xml2 {
        ma_lk: MaLk = "MA_LK" [100] req;
        stt: Int = "STT" [10] req;
        ma_thuoc: Code = "MA_THUOC" [255] req;
        ma_pp_chebien: Code = "MA_PP_CHEBIEN" [255] opt;
        ma_cskcb_thuoc: Code = "MA_CSKCB_THUOC" [10] opt;
        ma_nhom: codes::MaNhom = "MA_NHOM" [2] req;
        ten_thuoc: Text = "TEN_THUOC" [1024] req;
        don_vi_tinh: Text = "DON_VI_TINH" [50] req;
        ham_luong: Text = "HAM_LUONG" [1024] req;
        duong_dung: Code = "DUONG_DUNG" [4] req;
        dang_bao_che: Text = "DANG_BAO_CHE" [1024] opt;
        lieu_dung: Text = "LIEU_DUNG" [1024] req;
        cach_dung: Text = "CACH_DUNG" [1024] opt;
        so_dang_ky: Code = "SO_DANG_KY" [255] cond;
        tt_thau: Code = "TT_THAU" [50] cond;
        pham_vi: codes::PhamVi = "PHAM_VI" [1] req;
        tyle_tt_bh: Int = "TYLE_TT_BH" [3] req;
        so_luong: Dec = "SO_LUONG" [10] req;
        don_gia: Dec = "DON_GIA" [15] req;
        thanh_tien_bv: Dec = "THANH_TIEN_BV" [15] req;
        thanh_tien_bh: Dec = "THANH_TIEN_BH" [15] req;
        t_nguonkhac_nsnn: Dec = "T_NGUONKHAC_NSNN" [15] req;
        t_nguonkhac_vtnn: Dec = "T_NGUONKHAC_VTNN" [15] req;
        t_nguonkhac_vttn: Dec = "T_NGUONKHAC_VTTN" [15] req;
        t_nguonkhac_cl: Dec = "T_NGUONKHAC_CL" [15] req;
        t_nguonkhac: Dec = "T_NGUONKHAC" [15] req;
        muc_huong: Int = "MUC_HUONG" [3] req;
        t_bntt: Dec = "T_BNTT" [15] req;
        t_bncct: Dec = "T_BNCCT" [15] req;
        t_bhtt: Dec = "T_BHTT" [15] req;
        ma_khoa: Code = "MA_KHOA" [15] req;
        ma_bac_si: List<Code> = "MA_BAC_SI" [255] cond;
        ma_dich_vu: Code = "MA_DICH_VU" [255] cond;
        ngay_yl: DateTime = "NGAY_YL" [12] req;
        ngay_th_yl: DateTime = "NGAY_TH_YL" [12] opt;
        ma_pttt: codes::MaPttt = "MA_PTTT" [1] req;
        nguon_ctra: codes::NguonCtra = "NGUON_CTRA" [1] req;
        vet_thuong_tp: codes::Flag = "VET_THUONG_TP" [1] opt;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
