//! XML12: one medical-assessment record: the record, field for field as in `spec/qd130/bang_12_du_lieu_giam_dinh_y_kh.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML12: one medical-assessment record.
    pub struct Assessment / AssessmentBuilder : TableId::Xml12 {
        nguoi_chu_tri: Text = "NGUOI_CHU_TRI" [255] req;
        chuc_vu: codes::ChucVu = "CHUC_VU" [1] req;
        ngay_hop: Date = "NGAY_HOP" [8] req;
        ho_ten: Text = "HO_TEN" [255] req;
        ngay_sinh: BirthDate = "NGAY_SINH" [8] req;
        so_cccd: Cccd = "SO_CCCD" [15] req;
        ngay_cap_cccd: Date = "NGAY_CAP_CCCD" [8] req;
        noi_cap_cccd: Text = "NOI_CAP_CCCD" [1024] req;
        dia_chi: Text = "DIA_CHI" [1024] req;
        matinh_cu_tru: Code = "MATINH_CU_TRU" [3] req;
        mahuyen_cu_tru: Code = "MAHUYEN_CU_TRU" [3] req;
        maxa_cu_tru: Code = "MAXA_CU_TRU" [5] req;
        ma_bhxh: BhxhNumber = "MA_BHXH" [10] req;
        ma_the_bhyt: CardNumber = "MA_THE_BHYT" [15] opt;
        nghe_nghiep: Text = "NGHE_NGHIEP" [100] opt;
        dien_thoai: Ident = "DIEN_THOAI" [15] req;
        ma_doi_tuong: List<codes::MaDoiTuongGd> = "MA_DOI_TUONG" [20] req;
        kham_giam_dinh: codes::KhamGiamDinh = "KHAM_GIAM_DINH" [1] req;
        so_bien_ban: Ident = "SO_BIEN_BAN" [200] req;
        tyle_ttct_cu: Int = "TYLE_TTCT_CU" [3] opt;
        dang_huong_che_do: List<codes::DangHuongCheDo> = "DANG_HUONG_CHE_DO" [3] req;
        ngay_chung_tu: Date = "NGAY_CHUNG_TU" [8] req;
        so_giay_gioi_thieu: Ident = "SO_GIAY_GIOI_THIEU" [200] req;
        ngay_de_nghi: Date = "NGAY_DE_NGHI" [8] req;
        ma_donvi: Code = "MA_DONVI" [200] req;
        gioi_thieu_cua: Text = "GIOI_THIEU_CUA" [1024] req;
        ket_qua_kham: Text = "KET_QUA_KHAM" [n] req;
        so_van_ban_can_cu: Ident = "SO_VAN_BAN_CAN_CU" [200] req;
        tyle_ttct_moi: Int = "TYLE_TTCT_MOI" [3] req;
        tong_tyle_ttct: Int = "TONG_TYLE_TTCT" [3] req;
        dang_khuyettat: codes::DangKhuyetTat = "DANG_KHUYETTAT" [1] opt;
        muc_do_khuyettat: codes::MucDoKhuyetTat = "MUC_DO_KHUYETTAT" [1] opt;
        de_nghi: Text = "DE_NGHI" [n] req;
        duoc_xacdinh: Text = "DUOC_XACDINH" [n] req;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
