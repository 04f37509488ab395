//! XML1: episode summary: the record, field for field as in `spec/qd130/bang_1_tong_hop.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML1: episode summary.
    pub struct Summary / SummaryBuilder : TableId::Xml1 {
        ma_lk: MaLk = "MA_LK" [100] req;
        stt: Int = "STT" [10] opt;
        ma_bn: Ident = "MA_BN" [100] req;
        ho_ten: Text = "HO_TEN" [255] req;
        so_cccd: Cccd = "SO_CCCD" [15] opt;
        ngay_sinh: BirthDateTime = "NGAY_SINH" [12] req;
        gioi_tinh: codes::GioiTinh = "GIOI_TINH" [1] req;
        nhom_mau: codes::NhomMau = "NHOM_MAU" [10] opt;
        ma_quoctich: Code = "MA_QUOCTICH" [3] req;
        ma_dantoc: Code = "MA_DANTOC" [2] req;
        ma_nghe_nghiep: Code = "MA_NGHE_NGHIEP" [5] req;
        dia_chi: Text = "DIA_CHI" [1024] req;
        matinh_cu_tru: Code = "MATINH_CU_TRU" [3] req;
        mahuyen_cu_tru: Code = "MAHUYEN_CU_TRU" [3] req;
        maxa_cu_tru: Code = "MAXA_CU_TRU" [5] req;
        dien_thoai: Ident = "DIEN_THOAI" [15] opt;
        ma_the_bhyt: List<CardNumber> = "MA_THE_BHYT" [n] opt;
        ma_dkbd: List<FacilityCode> = "MA_DKBD" [n] opt;
        gt_the_tu: List<Date> = "GT_THE_TU" [n] opt;
        gt_the_den: List<Date> = "GT_THE_DEN" [n] opt;
        ngay_mien_cct: DateOrDateTime = "NGAY_MIEN_CCT" [12] opt;
        ly_do_vv: Text = "LY_DO_VV" [n] req;
        ly_do_vnt: Text = "LY_DO_VNT" [n] opt;
        ma_ly_do_vnt: Code = "MA_LY_DO_VNT" [5] opt;
        chan_doan_vao: Text = "CHAN_DOAN_VAO" [n] req;
        chan_doan_rv: Text = "CHAN_DOAN_RV" [n] req;
        ma_benh_chinh: IcdCode = "MA_BENH_CHINH" [7] req;
        ma_benh_kt: List<IcdCode> = "MA_BENH_KT" [100] opt;
        ma_benh_yhct: List<Code> = "MA_BENH_YHCT" [255] opt;
        ma_pttt_qt: List<Code> = "MA_PTTT_QT" [125] opt;
        ma_doituong_kcb: Code = "MA_DOITUONG_KCB" [5] req;
        ma_noi_di: FacilityCode = "MA_NOI_DI" [5] opt;
        ma_noi_den: FacilityCode = "MA_NOI_DEN" [5] opt;
        ma_tai_nan: codes::MaTaiNan = "MA_TAI_NAN" [2] opt;
        ngay_vao: DateTime = "NGAY_VAO" [12] req;
        ngay_vao_noi_tru: DateTime = "NGAY_VAO_NOI_TRU" [12] opt;
        ngay_ra: DateTime = "NGAY_RA" [12] req;
        giay_chuyen_tuyen: Ident = "GIAY_CHUYEN_TUYEN" [50] opt;
        so_ngay_dtri: Int = "SO_NGAY_DTRI" [3] req;
        pp_dieu_tri: Text = "PP_DIEU_TRI" [n] opt;
        ket_qua_dtri: codes::KetQuaDtri = "KET_QUA_DTRI" [1] req;
        ma_loai_rv: codes::MaLoaiRv = "MA_LOAI_RV" [1] req;
        ghi_chu: Text = "GHI_CHU" [n] opt;
        ngay_ttoan: DateTime = "NGAY_TTOAN" [12] opt;
        t_thuoc: Dec = "T_THUOC" [15] req;
        t_vtyt: Dec = "T_VTYT" [15] req;
        t_tongchi_bv: Dec = "T_TONGCHI_BV" [15] req;
        t_tongchi_bh: Dec = "T_TONGCHI_BH" [15] req;
        t_bntt: Dec = "T_BNTT" [15] req;
        t_bncct: Dec = "T_BNCCT" [15] req;
        t_bhtt: Dec = "T_BHTT" [15] req;
        t_nguonkhac: Dec = "T_NGUONKHAC" [15] req;
        t_bhtt_gdv: Dec = "T_BHTT_GDV" [15] req;
        nam_qt: Int = "NAM_QT" [4] req;
        thang_qt: Int = "THANG_QT" [2] req;
        ma_loai_kcb: codes::MaLoaiKcb = "MA_LOAI_KCB" [2] req;
        ma_khoa: List<Code> = "MA_KHOA" [50] req;
        ma_cskcb: FacilityCode = "MA_CSKCB" [5] req;
        ma_khuvuc: codes::MaKhuVuc = "MA_KHUVUC" [2] opt;
        can_nang: Dec = "CAN_NANG" [6] req;
        can_nang_con: List<Dec> = "CAN_NANG_CON" [100] opt;
        nam_nam_lien_tuc: Date = "NAM_NAM_LIEN_TUC" [8] opt;
        ngay_tai_kham: List<Date> = "NGAY_TAI_KHAM" [50] opt;
        ma_hsba: Ident = "MA_HSBA" [100] req;
        ma_ttdv: Code = "MA_TTDV" [10] opt;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
