//! Code lists of QĐ 130 as amended (xml130.md §3.5). Every enum has an `Other` variant that keeps
//! an unknown code verbatim, so reading a file never loses or rewrites a value; the rule pack
//! reports unknown codes.

use super::field::{FormatError, Kind, Wire};
use std::fmt;

macro_rules! code_list {
    ($(
        $(#[$m:meta])*
        $name:ident { $($variant:ident = $code:literal : $vi:literal / $en:literal),+ $(,)? }
    )*) => {$(
        $(#[$m])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("`", $code, "`: ", $en, ".")]
                $variant,
            )+
            /// A code not in the list, kept verbatim.
            Other(Box<str>),
        }

        impl $name {
            /// Every known wire code, in list order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The wire code.
            pub fn code(&self) -> &str {
                match self {
                    $($name::$variant => $code,)+
                    $name::Other(s) => s,
                }
            }
            /// True for a code in the list.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
            /// Vietnamese label (`None` for an unknown code).
            pub fn label_vi(&self) -> Option<&'static str> {
                match self {
                    $($name::$variant => Some($vi),)+
                    $name::Other(_) => None,
                }
            }
            /// English label (`None` for an unknown code).
            pub fn label_en(&self) -> Option<&'static str> {
                match self {
                    $($name::$variant => Some($en),)+
                    $name::Other(_) => None,
                }
            }
        }

        impl Wire for $name {
            const KIND: Kind = Kind::Enum(Self::CODES);
            fn parse_wire(s: &str) -> Result<Self, FormatError> {
                Ok(match s {
                    $($code => $name::$variant,)+
                    _ if is_code_text(s) => $name::Other(s.into()),
                    _ => return Err(FormatError::new("mã không có khoảng trắng", "a code without whitespace")),
                })
            }
            fn write_wire(&self, out: &mut String) {
                out.push_str(self.code());
            }
            fn wire_str(&self) -> Option<&str> {
                Some(self.code())
            }
            fn is_known(&self) -> bool {
                $name::is_known(self)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.code())
            }
        }
    )*};
}

fn is_code_text(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && super::text::is_xml_char(c))
}

code_list! {
    /// Sex (`GIOI_TINH`, `GIOI_TINH_CON`).
    GioiTinh { Nam = "1": "nam" / "male", Nu = "2": "nữ" / "female", ChuaXacDinh = "3": "chưa xác định" / "undetermined" }

    /// Blood group (`NHOM_MAU`, vendor list; not fixed by the decision).
    NhomMau {
        A = "A": "A" / "A", APos = "A+": "A+" / "A+", ANeg = "A-": "A-" / "A-",
        B = "B": "B" / "B", BPos = "B+": "B+" / "B+", BNeg = "B-": "B-" / "B-",
        Ab = "AB": "AB" / "AB", AbPos = "AB+": "AB+" / "AB+", AbNeg = "AB-": "AB-" / "AB-",
        O = "O": "O" / "O", OPos = "O+": "O+" / "O+", ONeg = "O-": "O-" / "O-",
        Rh = "Rh": "Rh" / "Rh", RhPos = "Rh+": "Rh+" / "Rh+", RhNeg = "Rh-": "Rh-" / "Rh-",
    }

    /// Form of care (`MA_LOAI_KCB`, QĐ 824 appendix 1).
    MaLoaiKcb {
        KhamBenh = "01": "khám bệnh" / "examination",
        NgoaiTru = "02": "điều trị ngoại trú" / "outpatient treatment",
        NoiTru = "03": "điều trị nội trú" / "inpatient treatment",
        NoiTruBanNgay = "04": "điều trị nội trú ban ngày" / "day-care inpatient",
        NgoaiTruManTinh = "05": "điều trị ngoại trú bệnh mạn tính (khám, cấp thuốc)" / "outpatient chronic disease, exam and drugs",
        LuuTramYte = "06": "điều trị lưu tại trạm y tế xã, PKĐKKV" / "observation at commune station or regional polyclinic",
        NhanThuocTheoHen = "07": "nhận thuốc theo hẹn" / "drug collection by appointment",
        NgoaiTruManTinhDvkt = "08": "điều trị ngoại trú bệnh mạn tính có DVKT" / "outpatient chronic disease with technical services",
        NoiTruDuoi4Gio = "09": "điều trị nội trú dưới 4 giờ" / "inpatient under 4 hours",
        Khac = "10": "các trường hợp khác" / "other cases",
    }

    /// Injury or accident (`MA_TAI_NAN`, QĐ 5937 appendix 4).
    MaTaiNan {
        Khong = "0": "không" / "none", GiaoThong = "1": "tai nạn giao thông" / "traffic",
        LaoDong = "2": "tai nạn lao động" / "occupational", DuoiNuoc = "3": "đuối nước" / "drowning",
        Bong = "4": "bỏng" / "burn", BaoLuc = "5": "bạo lực, xung đột" / "violence",
        TuTu = "6": "tự tử" / "self-harm", NgoDoc = "7": "ngộ độc" / "poisoning", Khac = "8": "khác" / "other",
    }

    /// Treatment outcome (`KET_QUA_DTRI`).
    KetQuaDtri {
        Khoi = "1": "khỏi" / "cured", Do = "2": "đỡ" / "improved", KhongThayDoi = "3": "không thay đổi" / "unchanged",
        NangHon = "4": "nặng hơn" / "worse", TuVong = "5": "tử vong" / "died",
        TienLuongNang = "6": "tiên lượng nặng xin về" / "grave prognosis, family requested discharge",
        ChuaXacDinh = "7": "chưa xác định" / "undetermined", TuVongNgoaiVien = "8": "tử vong ngoại viện" / "died outside the facility",
    }

    /// Discharge type (`MA_LOAI_RV`).
    MaLoaiRv {
        RaVien = "1": "ra viện" / "discharged",
        ChuyenTuyen = "2": "chuyển tuyến / chuyển cơ sở KBCB" / "transferred for professional reasons",
        TronVien = "3": "trốn viện" / "absconded",
        XinRaVien = "4": "xin ra viện" / "discharged at own request",
        ChuyenTuyenTheoYeuCau = "5": "chuyển tuyến theo yêu cầu người bệnh" / "transferred at patient's request",
    }

    /// Residence area printed on the card (`MA_KHUVUC`).
    MaKhuVuc { K1 = "K1": "khu vực K1" / "area K1", K2 = "K2": "khu vực K2" / "area K2", K3 = "K3": "khu vực K3" / "area K3" }

    /// Cost group (`MA_NHOM`, QĐ 5937 appendix 3).
    MaNhom {
        XetNghiem = "1": "xét nghiệm" / "laboratory test",
        ChanDoanHinhAnh = "2": "chẩn đoán hình ảnh" / "diagnostic imaging",
        ThamDoChucNang = "3": "thăm dò chức năng" / "functional exploration",
        ThuocTrongDanhMuc = "4": "thuốc trong danh mục BHYT" / "drug in the insurance list",
        ThuocNgoaiDanhMuc = "5": "thuốc điều trị ung thư, chống thải ghép ngoài danh mục" / "cancer or anti-rejection drug outside the list",
        ThuocTyLe = "6": "thuốc thanh toán theo tỷ lệ" / "drug paid by ratio",
        Mau = "7": "máu" / "blood",
        PhauThuat = "8": "phẫu thuật" / "surgery",
        DvktTyLe = "9": "DVKT thanh toán theo tỷ lệ" / "technical service paid by ratio",
        VatTuTrongDanhMuc = "10": "vật tư y tế trong danh mục" / "medical supply in the list",
        VatTuTyLe = "11": "vật tư y tế thanh toán theo tỷ lệ" / "medical supply paid by ratio",
        VanChuyen = "12": "vận chuyển người bệnh" / "patient transport",
        Kham = "13": "khám bệnh" / "examination",
        GiuongNgoaiTru = "14": "giường điều trị ngoại trú, ban ngày" / "outpatient or day-care bed",
        GiuongNoiTru = "15": "giường điều trị nội trú" / "inpatient bed",
        GiuongLuu = "16": "giường lưu" / "observation bed",
        CheMau = "17": "chế phẩm máu" / "blood product",
        ThuThuat = "18": "thủ thuật" / "procedure",
        DichVuKhac = "19": "dịch vụ khác (ăn, ở, đi lại)" / "other services (meals, travel, accommodation)",
    }

    /// Scope of payment (`PHAM_VI`).
    PhamVi {
        TrongPhamVi = "1": "trong phạm vi hưởng BHYT" / "covered by the fund",
        NgoaiPhamVi = "2": "ngoài phạm vi, người bệnh tự trả" / "outside scope, patient pays",
        NgoaiPhamViLlvt = "3": "ngoài danh mục, chi trả cho lực lượng vũ trang" / "outside the list, paid for armed forces",
    }

    /// Payment method (`MA_PTTT`).
    MaPttt { PhiDichVu = "1": "phí dịch vụ" / "fee for service", DinhSuat = "2": "định suất" / "capitation", Drg = "3": "DRG" / "DRG" }

    /// Source of the drug (`NGUON_CTRA`).
    NguonCtra {
        QuyBhyt = "1": "quỹ BHYT" / "insurance fund", DuAn = "2": "thuốc dự án, viện trợ" / "project or aid",
        ChuongTrinh = "3": "chương trình mục tiêu quốc gia" / "national target programme", Khac = "4": "nguồn khác" / "other source",
    }

    /// A flag that is `1` or empty (`VET_THUONG_TP`, `TAI_SU_DUNG`).
    Flag { Co = "1": "có" / "yes" }

    /// `0` or `1` (`MA_DINH_CHI_THAI`, `SINHCON_PHAUTHUAT`, `SINHCON_DUOI32TUAN`, `MA_KQ_XN_PCR`).
    Bit { Khong = "0": "không" / "no", Co = "1": "có" / "yes" }

    /// Anaesthesia method (`PP_VO_CAM`).
    PpVoCam {
        Me = "1": "gây mê" / "general anaesthesia", Te = "2": "gây tê" / "local or regional anaesthesia",
        Cham = "3": "châm tê" / "acupuncture anaesthesia", Khac = "4": "khác" / "other",
    }

    /// Reason for a transfer (`MA_LYDO_CT`).
    MaLydoCt {
        DuDieuKien = "1": "đủ điều kiện chuyển tuyến" / "meets the referral rules",
        VuotKhaNang = "2": "vượt khả năng chuyên môn" / "beyond the facility's capacity",
        TheoYeuCau = "3": "theo yêu cầu người bệnh" / "at the patient's request",
    }

    /// Regimen line (`MA_BAC_PHAC_DO`, `MA_BAC_PHAC_DO_BD`).
    MaBacPhacDo { Bac1 = "1": "bậc 1" / "first line", Bac2 = "2": "bậc 2" / "second line", Bac3 = "3": "bậc 3" / "third line" }

    /// Reason for registering HIV care (`MA_LYDO_DTRI`).
    MaLydoDtri {
        DangKyMoi = "1": "đăng ký mới" / "new registration",
        ChuyenToiChuaArv = "2": "chuyển tới, chưa điều trị ARV" / "transferred in, not on ARV",
        ChuyenToiDangArv = "3": "chuyển tới, đang điều trị ARV" / "transferred in, on ARV",
        DieuTriLai = "4": "điều trị lại" / "restarting ARV",
        DangKyLai = "5": "đăng ký lại, chưa điều trị ARV" / "re-registering, not on ARV",
    }

    /// Kind of TB treatment (`LOAI_DTRI_LAO`).
    LoaiDtriLao {
        Khong = "0": "không điều trị" / "none", LaoTiemAn = "1": "lao tiềm ẩn" / "latent TB",
        Lao = "2": "lao (nhạy cảm thuốc)" / "TB (drug-sensitive)", LaoKhangThuoc = "3": "lao kháng thuốc" / "drug-resistant TB",
    }

    /// TB screening (`SANG_LOC_LAO`).
    SangLocLao {
        KhongSangLoc = "1": "không sàng lọc" / "not screened", TrieuChung = "2": "sàng lọc triệu chứng" / "symptom screening",
        XQuang = "3": "X-quang ngực" / "chest X-ray", Crp = "4": "xét nghiệm CRP" / "C-reactive protein test",
    }

    /// TB regimen (`PHACDO_DTRI_LAO`, the 27-code list of QĐ 3176). In XML6, QĐ 130 and 4750 list
    /// only codes 1-12 (with other meanings, so the labels are those of 3176); the rule pack
    /// reports 13-27 there as unknown codes.
    PhacDoDtriLao {
        A1 = "1": "A1 2HRZE/4RHE" / "A1 2HRZE/4RHE", A2 = "2": "A2 2HRZE/4RH" / "A2 2HRZE/4RH",
        A1a = "3": "A1a 2HPMZ/2HPM" / "A1a 2HPMZ/2HPM", A2a = "4": "A2a 2HRZE/2RH" / "A2a 2HRZE/2RH",
        B1 = "5": "B1 2HRZE/10RHE" / "B1 2HRZE/10RHE", B2 = "6": "B2 2HRZE/10RH" / "B2 2HRZE/10RH",
        B2a = "7": "B2a 6HRZEto" / "B2a 6HRZEto", CaNhan = "8": "phác đồ cá nhân" / "individual regimen",
        C1a = "9": "C1a" / "C1a", C1b = "10": "C1b" / "C1b", C2a = "11": "C2a" / "C2a", C2b = "12": "C2b" / "C2b",
        C3 = "13": "C3" / "C3", BpalM = "14": "BPaL-M" / "BPaL-M", Bpal = "15": "BPaL" / "BPaL",
        D1 = "16": "D1" / "D1", D2 = "17": "D2" / "D2", E = "18": "E" / "E",
        CaNhanKhac = "19": "phác đồ cá nhân khác" / "other individual regimen", H69 = "20": "6H/9H" / "6H/9H",
        Rh3 = "21": "3RH" / "3RH", Hp3 = "22": "3HP" / "3HP", Hp1 = "23": "1HP" / "1HP", R4 = "24": "4R" / "4R",
        L6 = "25": "6L" / "6L", Inh = "26": "INH" / "INH", Khac = "27": "khác" / "other",
    }

    /// TB treatment result in the HIV record (`KQ_DTRI_LAO`).
    KqDtriLao {
        DangDieuTri = "1": "đang điều trị" / "on treatment", HoanThanh = "2": "hoàn thành" / "completed",
        ThatBai = "3": "thất bại" / "failed", TuVong = "4": "tử vong" / "died", BoTri = "5": "bỏ trị" / "lost to follow-up",
        Ngung = "6": "ngừng điều trị" / "stopped", KhongDanhGia = "7": "không đánh giá" / "not evaluated",
    }

    /// Reason for a viral-load test (`MA_LYDO_XNTL_VR`).
    MaLydoXntlVr {
        ThuongQuy = "1": "thường quy" / "routine", NghiNgoThatBai = "2": "nghi ngờ thất bại điều trị" / "suspected treatment failure",
        Khac = "3": "khác" / "other",
    }

    /// Viral-load result (`KQ_XNTL_VR`).
    KqXntlVr {
        KhongPhatHien = "1": "không phát hiện" / "not detected", Duoi50 = "2": "dưới 50 bản sao/ml" / "under 50 copies/ml",
        Tu50Den200 = "3": "50 đến dưới 200" / "50 to under 200", Tu200Den1000 = "4": "200 đến 1000" / "200 to 1000",
        Tren1000 = "5": "trên 1000" / "over 1000",
    }

    /// Kind of HIV patient (`MA_LOAI_BN`).
    MaLoaiBn {
        NhiemHiv = "1": "người nhiễm HIV" / "HIV-infected", TrePhoiNhiem = "2": "trẻ phơi nhiễm" / "HIV-exposed child",
        Prep = "3": "PrEP" / "PrEP", Pep = "4": "PEP" / "PEP", Khac = "5": "khác" / "other",
    }

    /// WHO clinical stage (`GIAI_DOAN_LAM_SANG`).
    GiaiDoanLamSang { I = "1": "giai đoạn I" / "stage I", Ii = "2": "giai đoạn II" / "stage II", Iii = "3": "giai đoạn III" / "stage III", Iv = "4": "giai đoạn IV" / "stage IV" }

    /// Population group (`NHOM_DOI_TUONG`; QĐ 4750 numbers it 0..11, QĐ 3176 renumbered it 1..11,
    /// so labels follow 3176). The rule pack reports `0` under QĐ 3176 as an unknown code.
    NhomDoiTuong {
        C0 = "0": "người sử dụng ma túy (4750)" / "drug users (4750 numbering)",
        C1 = "1": "người sử dụng ma túy" / "drug users", C2 = "2": "người bán dâm" / "sex workers",
        C3 = "3": "nam quan hệ tình dục đồng giới" / "men who have sex with men", C4 = "4": "người chuyển giới" / "transgender",
        C5 = "5": "vợ, chồng, người thân người nhiễm HIV" / "spouses or family of PLHIV",
        C6 = "6": "bạn tình người nhiễm HIV" / "sexual partners of PLHIV", C7 = "7": "người mắc STI" / "STI patients",
        C8 = "8": "phạm nhân, trại viên" / "prisoners or detainees", C9 = "9": "bệnh nhân lao" / "TB patients",
        C10 = "10": "nghi AIDS" / "suspected AIDS", C11 = "11": "khác" / "others",
    }

    /// Registration condition (`MA_TINH_TRANG_DK`, a `;`-list).
    MaTinhTrangDk {
        TreDuoi18Thang = "1": "trẻ dưới 18 tháng sinh từ mẹ nhiễm HIV" / "child under 18 months born to HIV+ mother",
        PhoiNhiem = "2": "phơi nhiễm" / "exposure", DieuTriLao = "3": "đang điều trị lao" / "on TB treatment",
        MangThai = "4": "mang thai" / "pregnant", ChuyenDa = "5": "chuyển dạ" / "in labour", SauSinh = "6": "sau sinh" / "postpartum",
        ViemGan = "7": "viêm gan" / "hepatitis", TiemChich = "8": "tiêm chích ma túy" / "injecting drug use", Khac = "9": "khác" / "other",
    }

    /// PCR test round (`LAN_XN_PCR`).
    LanXnPcr { Lan1 = "1": "lần 1" / "first", Lan2 = "2": "lần 2" / "second", Lan3 = "3": "lần 3" / "third" }

    /// Care given (`MA_XU_TRI`, a `;`-list).
    MaXuTri {
        Arv = "1": "điều trị ARV" / "ARV", Lao = "2": "điều trị lao" / "TB treatment", DuPhongLao = "3": "dự phòng lao" / "TB prophylaxis",
        Ctx = "4": "cotrimoxazole" / "cotrimoxazole", Pltmc = "5": "dự phòng lây truyền mẹ con" / "PMTCT",
        ViemGanB = "6": "viêm gan B" / "hepatitis B", ViemGanC = "7": "viêm gan C" / "hepatitis C", Khac = "8": "khác" / "other",
    }

    /// Reason for a regimen change (`LY_DO_CHUYEN_PHAC_DO`).
    LyDoChuyenPhacDo {
        ThieuThuoc = "1": "thiếu thuốc" / "drug shortage", TacDungPhu = "2": "tác dụng phụ" / "side effects",
        ThatBai = "3": "thất bại điều trị" / "treatment failure", ToiUu = "4": "tối ưu phác đồ" / "regimen optimisation",
        HuongDanMoi = "5": "phác đồ mới theo hướng dẫn quốc gia" / "new national-guideline regimen", Khac = "6": "khác" / "other",
    }

    /// TB site (`PHANLOAI_LAO_VITRI`).
    PhanLoaiLaoViTri { Phoi = "1": "lao phổi" / "pulmonary", NgoaiPhoi = "2": "lao ngoài phổi" / "extrapulmonary" }

    /// TB treatment history (`PHANLOAI_LAO_TS`).
    PhanLoaiLaoTs {
        Moi = "1": "mới" / "new", TaiPhat = "2": "tái phát" / "relapse", ThatBai = "3": "thất bại" / "failure",
        SauBoTri = "4": "điều trị lại sau bỏ trị" / "retreatment after loss to follow-up",
        DieuTriLaiKhac = "5": "điều trị lại khác" / "other retreatment", KhongRo = "6": "không rõ tiền sử" / "unknown history",
    }

    /// HIV status of a TB patient (`PHANLOAI_LAO_HIV`).
    PhanLoaiLaoHiv { HivDuong = "1": "lao/HIV dương tính" / "TB/HIV positive", HivAm = "2": "lao/HIV âm tính" / "TB/HIV negative", KhongRo = "3": "không rõ" / "HIV status unknown" }

    /// Bacteriological evidence (`PHANLOAI_LAO_VK`).
    PhanLoaiLaoVk { CoBangChung = "1": "có bằng chứng vi khuẩn học" / "bacteriologically confirmed", LamSang = "2": "chẩn đoán lâm sàng" / "clinically diagnosed" }

    /// Drug-resistance class (`PHANLOAI_LAO_KT`).
    PhanLoaiLaoKt {
        KhangDon = "1": "kháng đơn" / "mono-resistant", KhangNhieu = "2": "kháng nhiều" / "poly-resistant",
        DaKhang = "3": "đa kháng" / "MDR", KhangR = "4": "kháng rifampicin" / "RR-TB", TienSieuKhang = "5": "tiền siêu kháng" / "pre-XDR",
        SieuKhang = "6": "siêu kháng" / "XDR",
    }

    /// TB treatment outcome (`KET_QUA_DTRI_LAO`).
    KetQuaDtriLao {
        Khoi = "1": "khỏi" / "cured", HoanThanh = "2": "hoàn thành điều trị" / "treatment completed", ThatBai = "3": "thất bại" / "failed",
        TuVong = "4": "tử vong" / "died", BoTri = "5": "bỏ trị" / "lost to follow-up", KhongDanhGia = "6": "không đánh giá" / "not evaluated",
    }

    /// Role of the person chairing an assessment (`CHUC_VU`).
    ChucVu { ChuTich = "1": "chủ tịch" / "chairman", KyThay = "2": "ký thay" / "signing on behalf" }

    /// Kind of medical assessment (`KHAM_GIAM_DINH`).
    KhamGiamDinh {
        LanDau = "1": "giám định lần đầu" / "first assessment", Lai = "2": "giám định lại" / "re-assessment",
        TaiPhat = "3": "tái phát" / "recurrence", PhucQuyet = "4": "phúc quyết" / "appeal review",
        PhucQuyetLanCuoi = "5": "phúc quyết lần cuối" / "final appeal review", BoSung = "6": "giám định bổ sung" / "supplementary",
        VetThuongConSot = "7": "vết thương còn sót" / "residual-wound examination", TongHop = "8": "giám định tổng hợp" / "combined assessment",
    }

    /// Benefit regime being received (`DANG_HUONG_CHE_DO`).
    DangHuongCheDo {
        ThuongBinh = "1": "thương binh" / "war invalid", OmDau = "2": "bệnh tật, ốm đau" / "illness or disability",
        BenhNgheNghiep = "3": "bệnh nghề nghiệp" / "occupational disease", TaiNanLaoDong = "4": "tai nạn lao động" / "occupational accident",
        ChatDoc = "5": "chất độc hóa học" / "toxic chemicals", BenhBinh = "6": "bệnh binh" / "sick soldier", Khac = "7": "khác" / "other",
    }

    /// Kind of disability (`DANG_KHUYETTAT`).
    DangKhuyetTat {
        VanDong = "1": "vận động" / "mobility", NgheNoi = "2": "nghe, nói" / "hearing or speech", Nhin = "3": "nhìn" / "vision",
        ThanKinh = "4": "thần kinh, tâm thần" / "neurological or psychiatric", TriTue = "5": "trí tuệ" / "intellectual", Khac = "6": "khác" / "other",
    }

    /// Degree of disability (`MUC_DO_KHUYETTAT`).
    MucDoKhuyetTat { TuThucHien = "1": "tự thực hiện được" / "can do", CanTroGiup = "2": "cần trợ giúp" / "can do with help", KhongThucHien = "3": "không thực hiện được" / "cannot do" }

    /// Assessment subject (`MA_DOI_TUONG` of XML12, a `;`-list).
    MaDoiTuongGd {
        Bb = "BB": "bệnh binh" / "sick soldier", Bhxh1l = "BHXH1L": "BHXH một lần" / "one-time social-insurance payout",
        Bnn = "BNN": "bệnh nghề nghiệp" / "occupational disease", Cdhh = "CĐHH": "chất độc hóa học" / "toxic chemicals",
        Knldh = "KNLĐH": "suy giảm KNLĐ hưu trước tuổi" / "early retirement", Knldt = "KNLĐT": "suy giảm KNLĐ tuất" / "survivorship",
        Nkt = "NKT": "người khuyết tật" / "disability", Nvqs = "NVQS": "nghĩa vụ quân sự" / "military-service screening",
        Tb = "TB": "thương binh" / "war invalid", Th = "TH": "tổng hợp" / "combined assessment", Tnld = "TNLĐ": "tai nạn lao động" / "occupational accident",
    }

    /// Form number of the sick-leave certificate (`MAU_SO`).
    MauSo { Ct07 = "CT07": "mẫu CT07" / "form CT07" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_are_kept_verbatim() {
        let k = MaLoaiKcb::parse_wire("11").unwrap();
        assert!(!k.is_known());
        assert_eq!(k.code(), "11");
        let k = MaLoaiKcb::parse_wire("03").unwrap();
        assert_eq!(k, MaLoaiKcb::NoiTru);
        assert!(
            MaLoaiKcb::parse_wire("3").unwrap() != MaLoaiKcb::NoiTru,
            "'3' is not '03'"
        );
        assert!(MaLoaiKcb::parse_wire(" 03").is_err());
        assert_eq!(
            MaDoiTuongGd::parse_wire("KNLĐH").unwrap(),
            MaDoiTuongGd::Knldh
        );
    }

    #[test]
    fn code_lists_have_no_duplicates() {
        for codes in [
            MaNhom::CODES,
            MaLoaiKcb::CODES,
            PhacDoDtriLao::CODES,
            NhomMau::CODES,
        ] {
            let mut v = codes.to_vec();
            v.sort_unstable();
            v.dedup();
            assert_eq!(v.len(), codes.len());
        }
    }
}
