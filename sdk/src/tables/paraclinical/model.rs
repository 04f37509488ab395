//! XML4: one paraclinical result: the record, field for field as in `spec/qd130/bang_4_dich_vu_cls.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML4: one paraclinical result.
    pub struct ParaclinicalResult / ParaclinicalResultBuilder : TableId::Xml4 {
        ma_lk: MaLk = "MA_LK" [100] req;
        stt: Int = "STT" [10] req;
        ma_dich_vu: Code = "MA_DICH_VU" [50] opt;
        ma_chi_so: Code = "MA_CHI_SO" [50] opt;
        ten_chi_so: Text = "TEN_CHI_SO" [255] req;
        gia_tri: Text = "GIA_TRI" [50] opt;
        don_vi_do: Text = "DON_VI_DO" [50] opt;
        mo_ta: Text = "MO_TA" [n] opt;
        ket_luan: Text = "KET_LUAN" [n] opt;
        ngay_kq: DateTime = "NGAY_KQ" [12] cond;
        ma_bs_doc_kq: Code = "MA_BS_DOC_KQ" [255] opt;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
