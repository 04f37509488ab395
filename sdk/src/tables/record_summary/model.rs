//! XML8: medical-record summary: the record, field for field as in `spec/qd130/bang_8_tom_tat_hsba.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML8: medical-record summary.
    pub struct RecordSummary / RecordSummaryBuilder : TableId::Xml8 {
        ma_lk: MaLk = "MA_LK" [100] req;
        ma_loai_kcb: codes::MaLoaiKcb = "MA_LOAI_KCB" [2] req;
        ho_ten_cha: Text = "HO_TEN_CHA" [255] opt;
        ho_ten_me: Text = "HO_TEN_ME" [255] opt;
        nguoi_giam_ho: Text = "NGUOI_GIAM_HO" [255] opt;
        don_vi: Text = "DON_VI" [1024] opt;
        ngay_vao: DateTime = "NGAY_VAO" [12] req;
        ngay_ra: DateTime = "NGAY_RA" [12] req;
        chan_doan_vao: Text = "CHAN_DOAN_VAO" [n] req;
        chan_doan_rv: Text = "CHAN_DOAN_RV" [n] req;
        qt_benhly: Text = "QT_BENHLY" [n] req;
        tomtat_kq: Text = "TOMTAT_KQ" [n] req;
        pp_dieutri: Text = "PP_DIEUTRI" [n] req;
        ngay_sinhcon: Date = "NGAY_SINHCON" [8] opt;
        ngay_conchet: Date = "NGAY_CONCHET" [8] opt;
        so_conchet: Int = "SO_CONCHET" [2] opt;
        ket_qua_dtri: codes::KetQuaDtri = "KET_QUA_DTRI" [1] req;
        ghi_chu: Text = "GHI_CHU" [n] opt;
        ma_ttdv: Code = "MA_TTDV" [10] req;
        ngay_ct: Date = "NGAY_CT" [8] req;
        ma_the_tam: CardNumber = "MA_THE_TAM" [15] opt;
        du_phong: Text = "DU_PHONG" [n] opt;
    }
}
