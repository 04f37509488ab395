//! XML6: one HIV/AIDS care record: the record, field for field as in `spec/qd130/bang_6_hiv_aids.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML6: one HIV/AIDS care record.
    pub struct HivRecord / HivRecordBuilder : TableId::Xml6 {
        ma_lk: MaLk = "MA_LK" [100] req;
        ma_the_bhyt: List<CardNumber> = "MA_THE_BHYT" [n] opt;
        so_cccd: Cccd = "SO_CCCD" [15] opt;
        ngay_sinh: BirthDateTime = "NGAY_SINH" [12] opt;
        gioi_tinh: codes::GioiTinh = "GIOI_TINH" [1] opt;
        dia_chi: Text = "DIA_CHI" [1024] opt;
        matinh_cu_tru: Code = "MATINH_CU_TRU" [3] opt;
        mahuyen_cu_tru: Code = "MAHUYEN_CU_TRU" [3] opt;
        maxa_cu_tru: Code = "MAXA_CU_TRU" [5] opt;
        ngaykd_hiv: Date = "NGAYKD_HIV" [8] opt;
        noi_lay_mau_xn: FacilityCode = "NOI_LAY_MAU_XN" [5] req;
        noi_xn_kd: FacilityCode = "NOI_XN_KD" [5] req;
        noi_bddt_arv: FacilityCode = "NOI_BDDT_ARV" [5] req;
        bddt_arv: Date = "BDDT_ARV" [8] opt;
        ma_phac_do_dieu_tri_bd: Code = "MA_PHAC_DO_DIEU_TRI_BD" [200] opt;
        ma_bac_phac_do_bd: codes::MaBacPhacDo = "MA_BAC_PHAC_DO_BD" [1] opt;
        ma_lydo_dtri: codes::MaLydoDtri = "MA_LYDO_DTRI" [1] req;
        loai_dtri_lao: codes::LoaiDtriLao = "LOAI_DTRI_LAO" [1] req;
        sang_loc_lao: codes::SangLocLao = "SANG_LOC_LAO" [1] req;
        phacdo_dtri_lao: codes::PhacDoDtriLao = "PHACDO_DTRI_LAO" [2] cond;
        ngaybd_dtri_lao: Date = "NGAYBD_DTRI_LAO" [8] cond;
        ngaykt_dtri_lao: Date = "NGAYKT_DTRI_LAO" [8] cond;
        kq_dtri_lao: codes::KqDtriLao = "KQ_DTRI_LAO" [1] req;
        ma_lydo_xntl_vr: codes::MaLydoXntlVr = "MA_LYDO_XNTL_VR" [1] opt;
        ngay_xn_tlvr: Date = "NGAY_XN_TLVR" [8] opt;
        kq_xntl_vr: codes::KqXntlVr = "KQ_XNTL_VR" [1] opt;
        ngay_kq_xn_tlvr: Date = "NGAY_KQ_XN_TLVR" [8] opt;
        ma_loai_bn: codes::MaLoaiBn = "MA_LOAI_BN" [1] req;
        giai_doan_lam_sang: codes::GiaiDoanLamSang = "GIAI_DOAN_LAM_SANG" [1] req;
        nhom_doi_tuong: codes::NhomDoiTuong = "NHOM_DOI_TUONG" [2] req;
        ma_tinh_trang_dk: List<codes::MaTinhTrangDk> = "MA_TINH_TRANG_DK" [18] req;
        lan_xn_pcr: codes::LanXnPcr = "LAN_XN_PCR" [1] cond;
        ngay_xn_pcr: Date = "NGAY_XN_PCR" [8] cond;
        ngay_kq_xn_pcr: Date = "NGAY_KQ_XN_PCR" [8] cond;
        ma_kq_xn_pcr: codes::Bit = "MA_KQ_XN_PCR" [1] cond;
        ngay_nhan_tt_mang_thai: Date = "NGAY_NHAN_TT_MANG_THAI" [8] opt;
        ngay_bat_dau_dt_ctx: Date = "NGAY_BAT_DAU_DT_CTX" [8] opt;
        ma_xu_tri: List<codes::MaXuTri> = "MA_XU_TRI" [1] req;
        ngay_bat_dau_xu_tri: Date = "NGAY_BAT_DAU_XU_TRI" [8] cond;
        ngay_ket_thuc_xu_tri: Date = "NGAY_KET_THUC_XU_TRI" [8] cond;
        ma_phac_do_dieu_tri: Code = "MA_PHAC_DO_DIEU_TRI" [200] req;
        ma_bac_phac_do: codes::MaBacPhacDo = "MA_BAC_PHAC_DO" [1] cond;
        so_ngay_cap_thuoc_arv: Int = "SO_NGAY_CAP_THUOC_ARV" [3] cond;
        ngay_chuyen_phac_do: Date = "NGAY_CHUYEN_PHAC_DO" [8] req;
        ly_do_chuyen_phac_do: codes::LyDoChuyenPhacDo = "LY_DO_CHUYEN_PHAC_DO" [1] req;
        ma_cskcb: FacilityCode = "MA_CSKCB" [5] opt;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
