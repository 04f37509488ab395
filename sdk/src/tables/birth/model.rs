//! XML9: one birth certificate: the record, field for field as in `spec/qd130/bang_9_giay_chung_sinh.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML9: one birth certificate.
    pub struct BirthCertificate / BirthCertificateBuilder : TableId::Xml9 {
        ma_lk: MaLk = "MA_LK" [100] req;
        ma_bhxh_nnd: BhxhNumber = "MA_BHXH_NND" [10] opt;
        ma_the_nnd: CardNumber = "MA_THE_NND" [15] opt;
        ho_ten_nnd: Text = "HO_TEN_NND" [255] req;
        ngaysinh_nnd: BirthDate = "NGAYSINH_NND" [8] req;
        ma_dantoc_nnd: Code = "MA_DANTOC_NND" [2] req;
        so_cccd_nnd: Cccd = "SO_CCCD_NND" [15] req;
        ngaycap_cccd_nnd: Date = "NGAYCAP_CCCD_NND" [8] req;
        noicap_cccd_nnd: Text = "NOICAP_CCCD_NND" [1024] req;
        noi_cu_tru_nnd: Text = "NOI_CU_TRU_NND" [1024] req;
        ma_quoctich: Code = "MA_QUOCTICH" [3] req;
        matinh_cu_tru: Code = "MATINH_CU_TRU" [3] req;
        mahuyen_cu_tru: Code = "MAHUYEN_CU_TRU" [3] req;
        maxa_cu_tru: Code = "MAXA_CU_TRU" [5] req;
        ho_ten_cha: Text = "HO_TEN_CHA" [255] opt;
        ma_the_tam: CardNumber = "MA_THE_TAM" [15] req;
        ho_ten_con: Text = "HO_TEN_CON" [255] opt;
        gioi_tinh_con: codes::GioiTinh = "GIOI_TINH_CON" [1] req;
        so_con: Int = "SO_CON" [2] req;
        lan_sinh: Int = "LAN_SINH" [2] req;
        so_con_song: Int = "SO_CON_SONG" [2] req;
        can_nang_con: Dec = "CAN_NANG_CON" [10] req;
        ngay_sinh_con: DateTime = "NGAY_SINH_CON" [12] req;
        noi_sinh_con: Text = "NOI_SINH_CON" [1024] req;
        tinh_trang_con: Text = "TINH_TRANG_CON" [n] req;
        sinhcon_phauthuat: codes::Bit = "SINHCON_PHAUTHUAT" [1] req;
        sinhcon_duoi32tuan: codes::Bit = "SINHCON_DUOI32TUAN" [1] req;
        ghi_chu: Text = "GHI_CHU" [n] req;
        nguoi_do_de: Text = "NGUOI_DO_DE" [255] req;
        nguoi_ghi_phieu: Text = "NGUOI_GHI_PHIEU" [255] req;
        ngay_ct: Date = "NGAY_CT" [8] req;
        so: Ident = "SO" [200] req;
        quyen_so: Ident = "QUYEN_SO" [200] req;
        ma_ttdv: Code = "MA_TTDV" [10] req;
        du_phong: Text = "DU_PHONG" [4000] opt;
    }
}
