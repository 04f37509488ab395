//! XML10: pregnancy-rest certificate: the record, field for field as in `spec/qd130/bang_10_giay_nghi_duong_thai.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML10: pregnancy-rest certificate.
    pub struct PregnancyLeave / PregnancyLeaveBuilder : TableId::Xml10 {
        ma_lk: MaLk = "MA_LK" [100] req;
        so_seri: Ident = "SO_SERI" [200] req;
        so_ct: Ident = "SO_CT" [200] req;
        so_ngay: Int = "SO_NGAY" [3] req;
        don_vi: Text = "DON_VI" [1024] req;
        chan_doan_rv: Text = "CHAN_DOAN_RV" [n] req;
        tu_ngay: Date = "TU_NGAY" [8] req;
        den_ngay: Date = "DEN_NGAY" [8] req;
        ma_ttdv: Code = "MA_TTDV" [10] req;
        ten_bs: Text = "TEN_BS" [255] req;
        ma_bs: Code = "MA_BS" [200] req;
        ngay_ct: Date = "NGAY_CT" [8] req;
        du_phong: Text = "DU_PHONG" [4000] opt;
    }
}
