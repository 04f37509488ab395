//! The sixteen tables and their document element names (xml130.md §1.2).

use std::fmt;

/// One table of QĐ 130: the check-in table ("XML0") and XML1-XML15.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    /// Check-in (visit status), sent on its own.
    Checkin,
    /// Episode summary.
    Xml1,
    /// Drugs, blood and medical gases.
    Xml2,
    /// Technical services, exams, beds, transport and medical supplies.
    Xml3,
    /// Paraclinical results.
    Xml4,
    /// Clinical course.
    Xml5,
    /// HIV/AIDS care.
    Xml6,
    /// Discharge paper.
    Xml7,
    /// Medical-record summary.
    Xml8,
    /// Birth certificate.
    Xml9,
    /// Pregnancy-rest certificate.
    Xml10,
    /// Sick-leave certificate (social insurance).
    Xml11,
    /// Medical assessment (separate channel).
    Xml12,
    /// Referral paper.
    Xml13,
    /// Re-examination appointment.
    Xml14,
    /// Tuberculosis treatment.
    Xml15,
}

impl TableId {
    /// Every table, check-in first.
    pub const ALL: [TableId; 16] = [
        TableId::Checkin,
        TableId::Xml1,
        TableId::Xml2,
        TableId::Xml3,
        TableId::Xml4,
        TableId::Xml5,
        TableId::Xml6,
        TableId::Xml7,
        TableId::Xml8,
        TableId::Xml9,
        TableId::Xml10,
        TableId::Xml11,
        TableId::Xml12,
        TableId::Xml13,
        TableId::Xml14,
        TableId::Xml15,
    ];

    /// The tables that travel inside a `GIAMDINHHS` envelope, in template order.
    pub const IN_ENVELOPE: [TableId; 14] = [
        TableId::Xml1,
        TableId::Xml2,
        TableId::Xml3,
        TableId::Xml4,
        TableId::Xml5,
        TableId::Xml6,
        TableId::Xml7,
        TableId::Xml8,
        TableId::Xml9,
        TableId::Xml10,
        TableId::Xml11,
        TableId::Xml13,
        TableId::Xml14,
        TableId::Xml15,
    ];

    /// The table's name: `LOAIHOSO` for envelope tables, `XML0` for check-in, `XML12`.
    pub fn name(self) -> &'static str {
        match self {
            TableId::Checkin => "XML0",
            TableId::Xml1 => "XML1",
            TableId::Xml2 => "XML2",
            TableId::Xml3 => "XML3",
            TableId::Xml4 => "XML4",
            TableId::Xml5 => "XML5",
            TableId::Xml6 => "XML6",
            TableId::Xml7 => "XML7",
            TableId::Xml8 => "XML8",
            TableId::Xml9 => "XML9",
            TableId::Xml10 => "XML10",
            TableId::Xml11 => "XML11",
            TableId::Xml12 => "XML12",
            TableId::Xml13 => "XML13",
            TableId::Xml14 => "XML14",
            TableId::Xml15 => "XML15",
        }
    }

    /// The table for a `LOAIHOSO` value (exact, upper case). `XML0` and `XML12` are recognised
    /// although they never belong in an envelope.
    pub fn from_name(name: &str) -> Option<TableId> {
        TableId::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Root element of the table document.
    pub fn root(self) -> &'static str {
        match self {
            TableId::Checkin => "CHI_TIEU_TRANG_THAI_KCB",
            TableId::Xml1 => "TONG_HOP",
            TableId::Xml2 => "CHITIEU_CHITIET_THUOC",
            TableId::Xml3 => "CHITIEU_CHITIET_DVKT_VTYT",
            TableId::Xml4 => "CHITIEU_CHITIET_DICHVUCANLAMSANG",
            TableId::Xml5 => "CHITIEU_CHITIET_DIENBIENLAMSANG",
            TableId::Xml6 => "CHI_TIEU_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS",
            TableId::Xml7 => "CHI_TIEU_DU_LIEU_GIAY_RA_VIEN",
            TableId::Xml8 => "CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN",
            TableId::Xml9 => "CHI_TIEU_DU_LIEU_GIAY_CHUNG_SINH",
            TableId::Xml10 => "CHI_TIEU_DU_LIEU_GIAY_NGHI_DUONG_THAI",
            TableId::Xml11 => "CHI_TIEU_DU_LIEU_GIAY_CHUNG_NHAN_NGHI_VIEC_HUONG_BAO_HIEM_XA_HOI",
            TableId::Xml12 => "CHI_TIEU_GIAM_DINH_YKHOA",
            TableId::Xml13 => "CHI_TIEU_GIAYCHUYENTUYEN",
            TableId::Xml14 => "CHI_TIEU_GIAYHEN_KHAMLAI",
            TableId::Xml15 => "CHI_TIEU_DIEUTRI_BENHLAO",
        }
    }

    /// List wrapper and row element for list tables; `None` for flat tables (one record whose
    /// elements sit directly under the root).
    pub fn list_and_row(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            TableId::Checkin => ("DSACH_TRANG_THAI_KCB", "TRANG_THAI_KCB"),
            TableId::Xml2 => ("DSACH_CHI_TIET_THUOC", "CHI_TIET_THUOC"),
            TableId::Xml3 => ("DSACH_CHI_TIET_DVKT", "CHI_TIET_DVKT"),
            TableId::Xml4 => ("DSACH_CHI_TIET_CLS", "CHI_TIET_CLS"),
            TableId::Xml5 => ("DSACH_CHI_TIET_DIEN_BIEN_BENH", "CHI_TIET_DIEN_BIEN_BENH"),
            TableId::Xml6 => (
                "DSACH_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS",
                "HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS",
            ),
            TableId::Xml9 => ("DSACH_GIAYCHUNGSINH", "DU_LIEU_GIAY_CHUNG_SINH"),
            TableId::Xml12 => ("DSACH_GIAM_DINH_YKHOA", "GIAM_DINH_YKHOA"),
            TableId::Xml15 => ("DSACH_CHITIET_DIEUTRI_BENHLAO", "CHITIET_DIEUTRI_BENHLAO"),
            _ => return None,
        })
    }

    /// True for tables with a `CHUKYDONVI` element inside their own root (check-in and XML12).
    pub fn has_own_signature(self) -> bool {
        matches!(self, TableId::Checkin | TableId::Xml12)
    }

    /// The field-dictionary CSV this table comes from (in `spec/qd130/`).
    pub fn dictionary_file(self) -> &'static str {
        match self {
            TableId::Checkin => "bang_check_in.csv",
            TableId::Xml1 => "bang_1_tong_hop.csv",
            TableId::Xml2 => "bang_2_thuoc.csv",
            TableId::Xml3 => "bang_3_dvkt_vtyt.csv",
            TableId::Xml4 => "bang_4_dich_vu_cls.csv",
            TableId::Xml5 => "bang_5_dien_bien_lam_sang.csv",
            TableId::Xml6 => "bang_6_hiv_aids.csv",
            TableId::Xml7 => "bang_7_giay_ra_vien.csv",
            TableId::Xml8 => "bang_8_tom_tat_hsba.csv",
            TableId::Xml9 => "bang_9_giay_chung_sinh.csv",
            TableId::Xml10 => "bang_10_giay_nghi_duong_thai.csv",
            TableId::Xml11 => "bang_11_giay_nghi_huong_bhxh.csv",
            TableId::Xml12 => "bang_12_du_lieu_giam_dinh_y_kh.csv",
            TableId::Xml13 => "bang_13_giay_chuyen_tuyen_bhyt.csv",
            TableId::Xml14 => "bang_14_giay_hen_kham_lai.csv",
            TableId::Xml15 => "bang_15_lao.csv",
        }
    }

    /// Vietnamese title.
    pub fn title_vi(self) -> &'static str {
        match self {
            TableId::Checkin => "Bảng check-in (trạng thái KBCB)",
            TableId::Xml1 => "Bảng 1 - tổng hợp KBCB",
            TableId::Xml2 => "Bảng 2 - chi tiết thuốc",
            TableId::Xml3 => "Bảng 3 - chi tiết DVKT và VTYT",
            TableId::Xml4 => "Bảng 4 - chi tiết dịch vụ cận lâm sàng",
            TableId::Xml5 => "Bảng 5 - diễn biến lâm sàng",
            TableId::Xml6 => "Bảng 6 - hồ sơ bệnh án chăm sóc và điều trị HIV/AIDS",
            TableId::Xml7 => "Bảng 7 - giấy ra viện",
            TableId::Xml8 => "Bảng 8 - tóm tắt hồ sơ bệnh án",
            TableId::Xml9 => "Bảng 9 - giấy chứng sinh",
            TableId::Xml10 => "Bảng 10 - giấy nghỉ dưỡng thai",
            TableId::Xml11 => "Bảng 11 - giấy chứng nhận nghỉ việc hưởng BHXH",
            TableId::Xml12 => "Bảng 12 - giám định y khoa",
            TableId::Xml13 => "Bảng 13 - giấy chuyển tuyến",
            TableId::Xml14 => "Bảng 14 - giấy hẹn khám lại",
            TableId::Xml15 => "Bảng 15 - quản lý điều trị bệnh lao",
        }
    }

    /// English title.
    pub fn title_en(self) -> &'static str {
        match self {
            TableId::Checkin => "check-in (visit status)",
            TableId::Xml1 => "table 1 - episode summary",
            TableId::Xml2 => "table 2 - drugs",
            TableId::Xml3 => "table 3 - services and medical supplies",
            TableId::Xml4 => "table 4 - paraclinical results",
            TableId::Xml5 => "table 5 - clinical course",
            TableId::Xml6 => "table 6 - HIV/AIDS care",
            TableId::Xml7 => "table 7 - discharge paper",
            TableId::Xml8 => "table 8 - medical-record summary",
            TableId::Xml9 => "table 9 - birth certificate",
            TableId::Xml10 => "table 10 - pregnancy-rest certificate",
            TableId::Xml11 => "table 11 - sick-leave certificate",
            TableId::Xml12 => "table 12 - medical assessment",
            TableId::Xml13 => "table 13 - referral paper",
            TableId::Xml14 => "table 14 - re-examination appointment",
            TableId::Xml15 => "table 15 - tuberculosis treatment",
        }
    }
}

impl fmt::Display for TableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
