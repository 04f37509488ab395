//! XML3: one technical service, exam, bed, transport or supply line: the record, field for field as in `spec/qd130/bang_3_dvkt_vtyt.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML3: one technical service, exam, bed, transport or supply line.
    pub struct ServiceLine / ServiceLineBuilder : TableId::Xml3 {
        ma_lk: MaLk = "MA_LK" [100] req;
        stt: Int = "STT" [10] req;
        ma_dich_vu: Code = "MA_DICH_VU" [50] cond;
        ma_pttt_qt: List<Code> = "MA_PTTT_QT" [255] opt;
        ma_vat_tu: Code = "MA_VAT_TU" [255] cond;
        ma_nhom: codes::MaNhom = "MA_NHOM" [2] req;
        goi_vtyt: Code = "GOI_VTYT" [4] opt;
        ten_vat_tu: Text = "TEN_VAT_TU" [1024] cond;
        ten_dich_vu: Text = "TEN_DICH_VU" [1024] cond;
        ma_xang_dau: Code = "MA_XANG_DAU" [20] cond;
        don_vi_tinh: Text = "DON_VI_TINH" [50] req;
        pham_vi: codes::PhamVi = "PHAM_VI" [1] req;
        so_luong: Dec = "SO_LUONG" [10] req;
        don_gia_bv: Dec = "DON_GIA_BV" [15] req;
        don_gia_bh: Dec = "DON_GIA_BH" [15] req;
        tt_thau: Code = "TT_THAU" [100] cond;
        tyle_tt_dv: Int = "TYLE_TT_DV" [3] req;
        tyle_tt_bh: Int = "TYLE_TT_BH" [3] req;
        thanh_tien_bv: Dec = "THANH_TIEN_BV" [15] req;
        thanh_tien_bh: Dec = "THANH_TIEN_BH" [15] req;
        t_trantt: Dec = "T_TRANTT" [15] opt;
        muc_huong: Int = "MUC_HUONG" [3] req;
        t_nguonkhac_nsnn: Dec = "T_NGUONKHAC_NSNN" [15] req;
        t_nguonkhac_vtnn: Dec = "T_NGUONKHAC_VTNN" [15] req;
        t_nguonkhac_vttn: Dec = "T_NGUONKHAC_VTTN" [15] req;
        t_nguonkhac_cl: Dec = "T_NGUONKHAC_CL" [15] req;
        t_nguonkhac: Dec = "T_NGUONKHAC" [15] req;
        t_bntt: Dec = "T_BNTT" [15] req;
        t_bncct: Dec = "T_BNCCT" [15] req;
        t_bhtt: Dec = "T_BHTT" [15] req;
        ma_khoa: Code = "MA_KHOA" [20] req;
        ma_giuong: List<Code> = "MA_GIUONG" [50] opt;
        ma_bac_si: List<Code> = "MA_BAC_SI" [255] req;
        nguoi_thuc_hien: List<Code> = "NGUOI_THUC_HIEN" [255] cond;
        ma_benh: List<IcdCode> = "MA_BENH" [100] req;
        ma_benh_yhct: List<Code> = "MA_BENH_YHCT" [255] opt;
        ngay_yl: DateTime = "NGAY_YL" [12] req;
        ngay_th_yl: DateTime = "NGAY_TH_YL" [12] cond;
        ngay_kq: DateTime = "NGAY_KQ" [12] opt;
        ma_pttt: codes::MaPttt = "MA_PTTT" [1] req;
        vet_thuong_tp: codes::Flag = "VET_THUONG_TP" [1] opt;
        pp_vo_cam: codes::PpVoCam = "PP_VO_CAM" [1] opt;
        vi_tri_th_dvkt: Int = "VI_TRI_TH_DVKT" [3] opt;
        ma_may: Code = "MA_MAY" [1024] opt;
        ma_hieu_sp: Code = "MA_HIEU_SP" [255] opt;
        tai_su_dung: codes::Flag = "TAI_SU_DUNG" [1] opt;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
