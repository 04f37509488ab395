//! XML13: referral paper: the record, field for field as in `spec/qd130/bang_13_giay_chuyen_tuyen_bhyt.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML13: referral paper.
    pub struct Referral / ReferralBuilder : TableId::Xml13 {
        ma_lk: MaLk = "MA_LK" [250] req;
        so_hoso: Ident = "SO_HOSO" [100] req;
        so_chuyentuyen: Ident = "SO_CHUYENTUYEN" [100] req;
        giay_chuyen_tuyen: Ident = "GIAY_CHUYEN_TUYEN" [100] req;
        ma_cskcb: FacilityCode = "MA_CSKCB" [5] opt;
        ma_noi_di: FacilityCode = "MA_NOI_DI" [5] opt @v4750;
        ma_cskcb_di: List<FacilityCode> = "MA_CSKCB_DI" [100] opt @v3176;
        ma_noi_den: FacilityCode = "MA_NOI_DEN" [5] opt @v4750;
        ma_cskcb_den: FacilityCode = "MA_CSKCB_DEN" [5] opt @v3176;
        ho_ten: Text = "HO_TEN" [255] req;
        ngay_sinh: BirthDateTime = "NGAY_SINH" [12] opt;
        gioi_tinh: codes::GioiTinh = "GIOI_TINH" [1] opt;
        ma_quoctich: Code = "MA_QUOCTICH" [3] opt;
        ma_dantoc: Code = "MA_DANTOC" [2] opt;
        ma_nghe_nghiep: Code = "MA_NGHE_NGHIEP" [5] opt;
        dia_chi: Text = "DIA_CHI" [1024] opt;
        ma_the_bhyt: List<CardNumber> = "MA_THE_BHYT" [200] opt;
        gt_the_den: List<Date> = "GT_THE_DEN" [200] opt;
        ngay_vao: DateTime = "NGAY_VAO" [12] opt;
        ngay_vao_noi_tru: DateTime = "NGAY_VAO_NOI_TRU" [12] opt;
        ngay_ra: DateTime = "NGAY_RA" [12] opt;
        dau_hieu_ls: Text = "DAU_HIEU_LS" [4000] req;
        chan_doan_rv: Text = "CHAN_DOAN_RV" [4000] opt;
        qt_benhly: Text = "QT_BENHLY" [4000] req;
        tomtat_kq: Text = "TOMTAT_KQ" [4000] req;
        pp_dieutri: Text = "PP_DIEUTRI" [4000] opt;
        ma_benh_chinh: IcdCode = "MA_BENH_CHINH" [50] opt;
        ma_benh_kt: List<IcdCode> = "MA_BENH_KT" [200] opt;
        ma_benh_yhct: List<Code> = "MA_BENH_YHCT" [255] opt;
        ten_dich_vu: Text = "TEN_DICH_VU" [1024] req @v4750;
        ten_thuoc: Text = "TEN_THUOC" [1024] opt @v4750;
        pp_dieu_tri: Text = "PP_DIEU_TRI" [4000] opt @v4750;
        tinh_trang_ct: Text = "TINH_TRANG_CT" [4000] opt @v3176;
        ma_loai_rv: codes::MaLoaiRv = "MA_LOAI_RV" [1] opt;
        ma_lydo_ct: codes::MaLydoCt = "MA_LYDO_CT" [1] req;
        huong_dieu_tri: Text = "HUONG_DIEU_TRI" [4000] req;
        phuongtien_vc: Text = "PHUONGTIEN_VC" [255] req;
        hoten_nguoi_ht: Text = "HOTEN_NGUOI_HT" [255] opt;
        chucdanh_nguoi_ht: Text = "CHUCDANH_NGUOI_HT" [255] opt;
        ma_bac_si: List<Code> = "MA_BAC_SI" [255] req;
        ma_ttdv: Code = "MA_TTDV" [10] req;
        du_phong: Text = "DU_PHONG" [4000] opt;
    }
}
