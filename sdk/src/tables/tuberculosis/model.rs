//! XML15: one tuberculosis treatment record: the record, field for field as in `spec/qd130/bang_15_lao.csv`.

use crate::record::TableId;
#[allow(unused_imports)]
use crate::types::{
    codes, BhxhNumber, BirthDate, BirthDateTime, CardNumber, Cccd, Code, Date, DateOrDateTime,
    DateTime, Dec, FacilityCode, IcdCode, Ident, Int, List, MaLk, Text,
};

crate::record! {
    /// XML15: one tuberculosis treatment record.
    pub struct TbRecord / TbRecordBuilder : TableId::Xml15 {
        ma_lk: MaLk = "MA_LK" [200] req;
        stt: Int = "STT" [10] opt;
        ma_bn: Ident = "MA_BN" [200] req;
        ho_ten: Text = "HO_TEN" [255] opt;
        so_cccd: Cccd = "SO_CCCD" [15] opt;
        phanloai_lao_vitri: codes::PhanLoaiLaoViTri = "PHANLOAI_LAO_VITRI" [1] req;
        phanloai_lao_ts: codes::PhanLoaiLaoTs = "PHANLOAI_LAO_TS" [1] req;
        phanloai_lao_hiv: codes::PhanLoaiLaoHiv = "PHANLOAI_LAO_HIV" [1] req;
        phanloai_lao_vk: codes::PhanLoaiLaoVk = "PHANLOAI_LAO_VK" [1] req;
        phanloai_lao_kt: codes::PhanLoaiLaoKt = "PHANLOAI_LAO_KT" [1] req;
        loai_dtri_lao: codes::LoaiDtriLao = "LOAI_DTRI_LAO" [1] req;
        ngaybd_dtri_lao: Date = "NGAYBD_DTRI_LAO" [8] req;
        phacdo_dtri_lao: codes::PhacDoDtriLao = "PHACDO_DTRI_LAO" [2] req;
        ngaykt_dtri_lao: Date = "NGAYKT_DTRI_LAO" [8] opt;
        ket_qua_dtri_lao: codes::KetQuaDtriLao = "KET_QUA_DTRI_LAO" [1] req;
        ma_cskcb: FacilityCode = "MA_CSKCB" [5] opt;
        ngaykd_hiv: Date = "NGAYKD_HIV" [8] opt;
        bddt_arv: Date = "BDDT_ARV" [8] req;
        ngay_bat_dau_dt_ctx: Date = "NGAY_BAT_DAU_DT_CTX" [8] req;
        du_phong: Text = "DU_PHONG" [40000] opt;
    }
}
