//! Check-in (visit status, "XML0"): the record, field for field as in `spec/qd130/bang_check_in.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// Check-in (visit status, "XML0").
    pub struct CheckinRow / CheckinRowBuilder : TableId::Checkin {
        ma_lk: MaLk = "MA_LK" [100] req;
        stt: Int = "STT" [10] req;
        ma_bn: Ident = "MA_BN" [100] req;
        ho_ten: Text = "HO_TEN" [255] req;
        so_cccd: Cccd = "SO_CCCD" [15] opt;
        ngay_sinh: BirthDateTime = "NGAY_SINH" [12] req;
        gioi_tinh: codes::GioiTinh = "GIOI_TINH" [1] req;
        ma_the_bhyt: CardNumber = "MA_THE_BHYT" [15] opt;
        ma_dkbd: FacilityCode = "MA_DKBD" [5] opt;
        gt_the_tu: Date = "GT_THE_TU" [8] opt;
        gt_the_den: Date = "GT_THE_DEN" [8] opt;
        ma_doituong_kcb: Code = "MA_DOITUONG_KCB" [5] req;
        ngay_vao: DateTime = "NGAY_VAO" [12] req;
        ngay_vao_noi_tru: DateTime = "NGAY_VAO_NOI_TRU" [12] opt;
        ly_do_vnt: Text = "LY_DO_VNT" [4000] cond;
        ma_ly_do_vnt: Code = "MA_LY_DO_VNT" [10] opt;
        ma_loai_kcb: codes::MaLoaiKcb = "MA_LOAI_KCB" [2] req;
        ma_cskcb: FacilityCode = "MA_CSKCB" [5] req;
        ma_dich_vu: Code = "MA_DICH_VU" [50] cond;
        ten_dich_vu: Text = "TEN_DICH_VU" [1024] cond;
        ma_thuoc: Code = "MA_THUOC" [255] cond;
        ten_thuoc: Text = "TEN_THUOC" [2000] cond;
        ma_vat_tu: Code = "MA_VAT_TU" [255] cond;
        ten_vat_tu: Text = "TEN_VAT_TU" [2000] cond;
        ngay_yl: DateTime = "NGAY_YL" [12] req;
        du_phong: Text = "DU_PHONG" [4000] opt;
    }
}
