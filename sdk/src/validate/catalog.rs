//! The catalogue of every rule Lienthong checks: a stable id (never renumbered or reused; a
//! retired id stays listed as retired), the default severity, where it applies, where it comes
//! from, and what it checks in Vietnamese and English. `lienthong rules list` prints it.

use super::Severity;
use crate::record::TableId;

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable id.
    pub id: &'static str,
    /// Default severity (a rules file can override it).
    pub severity: Severity,
    /// The table it applies to (`None`: the envelope, or every table).
    pub table: Option<TableId>,
    /// The element it is about (`None`: several, or every element).
    pub field: Option<&'static str>,
    /// Where the rule comes from: decision and clause, or the source of a practice rule.
    pub source: &'static str,
    /// What it checks, in Vietnamese.
    pub description_vi: &'static str,
    /// What it checks, in English.
    pub description_en: &'static str,
    /// Retired: kept so the id is never reused.
    pub retired: bool,
}

macro_rules! catalog {
    ($( $id:literal, $sev:ident, $table:expr, $field:expr, $source:literal, $vi:literal, $en:literal; )*) => {
        /// Every rule, in id order within each group.
        pub static RULES: &[RuleInfo] = &[$(
            RuleInfo {
                id: $id,
                severity: Severity::$sev,
                table: $table,
                field: $field,
                source: $source,
                description_vi: $vi,
                description_en: $en,
                retired: false,
            },
        )*];
    };
}

use TableId::*;
const ANY: Option<TableId> = None;
const fn t(x: TableId) -> Option<TableId> {
    Some(x)
}
const fn f(x: &'static str) -> Option<&'static str> {
    Some(x)
}
const NOFIELD: Option<&str> = None;

catalog! {
    // Structure (parsing stops at the first of these).
    "parse.io", Error, ANY, NOFIELD, "—", "Không đọc được dữ liệu vào", "the input could not be read";
    "parse.not_utf8", Error, ANY, NOFIELD, "QĐ 130 Điều 1 (UTF-8)", "Dữ liệu không phải UTF-8", "the bytes are not UTF-8";
    "parse.encoding", Error, ANY, NOFIELD, "QĐ 130 Điều 1 (UTF-8)", "Tài liệu khai báo bảng mã khác UTF-8", "a document declares an encoding other than UTF-8";
    "parse.syntax", Error, ANY, NOFIELD, "XML 1.0", "XML sai cú pháp", "the XML is not well-formed";
    "parse.doctype", Error, ANY, NOFIELD, "Chính sách an toàn (XXE, billion laughs)", "Không cho phép khai báo DOCTYPE", "DOCTYPE declarations are refused";
    "parse.unknown_entity", Error, ANY, NOFIELD, "XML 1.0 (không có DTD)", "Tham chiếu thực thể không được định nghĩa", "an entity reference that is not predefined";
    "parse.unexpected_root", Error, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.4-3.5", "Phần tử gốc không đúng", "the root element is not the expected one";
    "parse.unexpected_element", Error, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.4-3.5", "Phần tử không đúng vị trí", "an element where it does not belong";
    "parse.unexpected_text", Error, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.4-3.5", "Văn bản nằm ngoài phần tử giá trị", "text where only elements belong";
    "parse.missing_element", Error, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.4", "Thiếu phần tử cấu trúc bắt buộc", "a structural element is missing";
    "parse.duplicate_element", Error, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.5", "Phần tử xuất hiện nhiều lần", "an element occurs twice";
    "parse.nested_element", Error, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.5", "Phần tử giá trị chứa phần tử con", "a value element holds child elements";
    "parse.duplicate_table", Error, ANY, NOFIELD, "xml130.md ENV-3", "Một bảng xuất hiện nhiều lần trong HOSO", "a table appears twice in one HOSO";
    "parse.base64", Error, ANY, f("NOIDUNGFILE"), "CV 1245/BHXH-CNTT §3.4 (NOIDUNGFILE)", "NOIDUNGFILE không phải base64 hợp lệ", "NOIDUNGFILE is not valid base64";
    "parse.limit", Error, ANY, NOFIELD, "Giới hạn an toàn của Lienthong", "Vượt giới hạn kích thước, độ sâu hoặc số dòng", "a size, depth or row limit was exceeded";
    "parse.unexpected_eof", Error, ANY, NOFIELD, "XML 1.0", "Tệp kết thúc trước khi hoàn chỉnh", "the input ends before the document is complete";
    "parse.trailing_content", Error, ANY, NOFIELD, "XML 1.0", "Có nội dung sau phần tử gốc", "content after the end of the document";
    // Accepted but non-standard encodings of the content.
    "doc.bom", Warning, ANY, NOFIELD, "QĐ 130 Điều 1; CV 1245", "Tệp có ký tự BOM đầu tệp", "the file starts with a byte-order mark";
    "doc.table_bom", Warning, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.5", "Nội dung bảng có ký tự BOM", "a table document starts with a byte-order mark";
    "doc.inline_xml", Warning, ANY, f("NOIDUNGFILE"), "CV 1245/BHXH-CNTT §3.4", "NOIDUNGFILE chứa XML trực tiếp thay vì base64", "NOIDUNGFILE holds inline XML instead of base64";
    "doc.base64_whitespace", Warning, ANY, f("NOIDUNGFILE"), "CV 1245/BHXH-CNTT §3.4", "Chuỗi base64 có xuống dòng hoặc khoảng trắng", "the base64 text contains line breaks or spaces";
    "doc.empty_table", Warning, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.4", "Bảng không có dòng dữ liệu", "a list table has no rows";
    // Envelope.
    "envelope.required", Error, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.4", "Thiếu MACSKCB, NGAYLAP hoặc SOLUONGHOSO", "MACSKCB, NGAYLAP or SOLUONGHOSO is missing";
    "envelope.format", Error, ANY, NOFIELD, "CV 1245/BHXH-CNTT §3.4", "MACSKCB, NGAYLAP hoặc SOLUONGHOSO sai định dạng", "MACSKCB, NGAYLAP or SOLUONGHOSO has the wrong format";
    "envelope.soluonghoso", Error, ANY, f("SOLUONGHOSO"), "xml130.md ENV-2", "SOLUONGHOSO khác số HOSO trong tệp", "SOLUONGHOSO differs from the number of HOSO";
    "hoso.xml1_missing", Error, ANY, f("LOAIHOSO"), "xml130.md ENV-3", "HOSO không có bảng XML1", "a HOSO has no XML1";
    "hoso.unknown_table", Error, ANY, f("LOAIHOSO"), "xml130.md ENV-3; QĐ 130 Bảng 12 (kênh riêng)", "LOAIHOSO không thuộc các bảng gửi trong GIAMDINHHS", "LOAIHOSO is not a table of the envelope";
    // The field dictionary (every table).
    "field.required", Error, ANY, NOFIELD, "QĐ 4750 phụ lục; CTN4750 cột Bắt buộc", "Trường bắt buộc bị thiếu hoặc để trống", "a mandatory element is missing or empty";
    "field.format", Error, ANY, NOFIELD, "QĐ 130/4750/3176 phụ lục (kiểu, định dạng)", "Giá trị sai kiểu hoặc định dạng", "a value has the wrong type or format";
    "field.max_length", Error, ANY, NOFIELD, "QĐ 4750 phụ lục; CTN4750 (kích thước tối đa)", "Giá trị dài hơn kích thước tối đa", "a value is longer than the maximum size";
    "field.unknown_code", Error, ANY, NOFIELD, "QĐ 130/4750/3176 phụ lục (danh mục mã)", "Mã không thuộc danh mục của quyết định đang áp dụng", "a code is not in its code list under the decision in force";
    "field.unknown_element", Warning, ANY, NOFIELD, "QĐ 4750 phụ lục", "Phần tử không có trong bảng", "an element the table does not define";
    "field.cccd.pattern", Error, ANY, NOFIELD, "CTN4750 (SO_CCCD: 9, 12 chữ số hoặc chữ in hoa + 7 chữ số); QĐ 3176 (hộ chiếu nước ngoài)", "Số CCCD/hộ chiếu không đúng dạng (cảnh báo theo QĐ 3176)", "a citizen ID or passport number of an unexpected form (a warning under QĐ 3176)";
    "field.not_nfc", Warning, ANY, NOFIELD, "xml130.md §1.7 (Unicode dựng sẵn)", "Văn bản dùng Unicode tổ hợp (NFD)", "text uses decomposed Unicode (NFD)";
    // ICD-10 (QĐ 4469).
    "icd.unknown", Error, ANY, NOFIELD, "QĐ 4469/QĐ-BYT", "Mã bệnh không có trong danh mục ICD-10", "a diagnosis code is not in the ICD-10 catalogue";
    "icd.not_main", Error, t(Xml1), f("MA_BENH_CHINH"), "QĐ 4469 phụ lục A2", "Mã không được dùng làm bệnh chính", "a code that may not be the main diagnosis";
    "icd.sex", Error, t(Xml1), NOFIELD, "QĐ 4469 phụ lục A4", "Mã bệnh không phù hợp giới tính", "a sex-specific code for the other sex";
    "icd.age", Warning, t(Xml1), NOFIELD, "QĐ 4469 phụ lục A3", "Mã bệnh không phù hợp tuổi", "an age-specific code outside its age range";
    "icd.asterisk_main", Warning, t(Xml1), f("MA_BENH_CHINH"), "QĐ 4469 phụ lục A1", "Cặp mã dao găm/hoa thị: mã hoa thị là bệnh chính", "a dagger/asterisk pair whose asterisk should be the main diagnosis";
    "icd.max_secondary", Error, t(Xml1), f("MA_BENH_KT"), "QĐ 130 Bảng 1 (MA_BENH_KT tối đa 12 mã)", "MA_BENH_KT quá 12 mã", "MA_BENH_KT has more than 12 codes";
    // Check-in.
    "checkin.first_cost_item", Error, t(Checkin), f("MA_DICH_VU"), "CTN4750 bảng check-in", "Phải có MA_DICH_VU, MA_THUOC hoặc MA_VAT_TU", "one of MA_DICH_VU, MA_THUOC, MA_VAT_TU is required";
    "checkin.ten_dich_vu.required", Error, t(Checkin), f("TEN_DICH_VU"), "CTN4750 bảng check-in", "TEN_DICH_VU bắt buộc khi có MA_DICH_VU", "TEN_DICH_VU is required with MA_DICH_VU";
    "checkin.ten_thuoc.required", Error, t(Checkin), f("TEN_THUOC"), "CTN4750 bảng check-in", "TEN_THUOC bắt buộc khi có MA_THUOC", "TEN_THUOC is required with MA_THUOC";
    "checkin.ten_vat_tu.required", Error, t(Checkin), f("TEN_VAT_TU"), "CTN4750 bảng check-in", "TEN_VAT_TU bắt buộc khi có MA_VAT_TU", "TEN_VAT_TU is required with MA_VAT_TU";
    "checkin.ly_do_vnt.required", Error, t(Checkin), f("LY_DO_VNT"), "CTN4750 bảng check-in", "LY_DO_VNT bắt buộc khi có NGAY_VAO_NOI_TRU", "LY_DO_VNT is required with NGAY_VAO_NOI_TRU";
    "checkin.ngay_vao_noi_tru.order", Error, t(Checkin), f("NGAY_VAO_NOI_TRU"), "xml130.md DT-2", "NGAY_VAO_NOI_TRU không được trước NGAY_VAO", "NGAY_VAO_NOI_TRU may not be before NGAY_VAO";
    // XML1.
    "xml1.ngay_vao_noi_tru.order", Error, t(Xml1), f("NGAY_VAO_NOI_TRU"), "CTN4750 Bảng 1; xml130.md DT-2", "NGAY_VAO_NOI_TRU không được trước NGAY_VAO", "NGAY_VAO_NOI_TRU may not be before NGAY_VAO";
    "xml1.ngay_ra.order", Error, t(Xml1), f("NGAY_RA"), "xml130.md DT-3", "NGAY_RA không được trước NGAY_VAO", "NGAY_RA may not be before NGAY_VAO";
    "xml1.card_lists.count", Error, t(Xml1), f("MA_THE_BHYT"), "QĐ 130 Bảng 1; xml130.md DT-7", "Số thẻ trong MA_THE_BHYT, MA_DKBD, GT_THE_TU, GT_THE_DEN phải bằng nhau", "the four card lists must have the same number of entries";
    "xml1.ly_do_vnt.required", Error, t(Xml1), f("LY_DO_VNT"), "xml130.md DUR-5", "Điều trị nội trú phải có LY_DO_VNT", "inpatient episodes need LY_DO_VNT";
    "xml1.ngay_vao_noi_tru.required", Error, t(Xml1), f("NGAY_VAO_NOI_TRU"), "xml130.md DUR-5", "Điều trị nội trú phải có NGAY_VAO_NOI_TRU", "inpatient episodes need NGAY_VAO_NOI_TRU";
    // XML2.
    "xml2.tt_thau.required", Error, t(Xml2), f("TT_THAU"), "CTN4750 Bảng 2 (bắt buộc trừ nhóm 7, 17)", "TT_THAU bắt buộc trừ máu và chế phẩm máu", "TT_THAU is required except for blood (MA_NHOM 7, 17)";
    "xml2.ngay_th_yl.order", Error, t(Xml2), f("NGAY_TH_YL"), "CTN4750 Bảng 2; xml130.md DT-4", "NGAY_TH_YL không được trước NGAY_YL", "NGAY_TH_YL may not be before NGAY_YL";
    // XML3.
    "xml3.item_code", Error, t(Xml3), f("MA_DICH_VU"), "QĐ 130 Bảng 3", "Phải có MA_DICH_VU hoặc MA_VAT_TU", "MA_DICH_VU or MA_VAT_TU is required";
    "xml3.ten_dich_vu.required", Error, t(Xml3), f("TEN_DICH_VU"), "QĐ 130 Bảng 3", "TEN_DICH_VU bắt buộc khi có MA_DICH_VU", "TEN_DICH_VU is required with MA_DICH_VU";
    "xml3.ten_vat_tu.required", Error, t(Xml3), f("TEN_VAT_TU"), "QĐ 130 Bảng 3", "TEN_VAT_TU bắt buộc khi có MA_VAT_TU", "TEN_VAT_TU is required with MA_VAT_TU";
    "xml3.ma_xang_dau.required", Error, t(Xml3), f("MA_XANG_DAU"), "CTN4750 Bảng 3 (MA_NHOM = 12)", "MA_XANG_DAU bắt buộc với vận chuyển (nhóm 12)", "MA_XANG_DAU is required for transport (MA_NHOM 12)";
    "xml3.tt_thau.required", Error, t(Xml3), f("TT_THAU"), "CTN4750 Bảng 3 (MA_NHOM = 10)", "TT_THAU bắt buộc với vật tư nhóm 10", "TT_THAU is required for supplies of MA_NHOM 10";
    "xml3.nguoi_thuc_hien.required", Error, t(Xml3), f("NGUOI_THUC_HIEN"), "CTN4750 Bảng 3 (MA_NHOM 1, 2, 3, 8, 18)", "NGUOI_THUC_HIEN bắt buộc với nhóm 1, 2, 3, 8, 18", "NGUOI_THUC_HIEN is required for MA_NHOM 1, 2, 3, 8, 18";
    "xml3.ngay_th_yl.required", Error, t(Xml3), f("NGAY_TH_YL"), "CTN4750 Bảng 3 (MA_NHOM 1, 2, 3, 8, 18)", "NGAY_TH_YL bắt buộc với nhóm 1, 2, 3, 8, 18", "NGAY_TH_YL is required for MA_NHOM 1, 2, 3, 8, 18";
    "xml3.ngay_th_yl.order", Error, t(Xml3), f("NGAY_TH_YL"), "CTN4750 Bảng 3; xml130.md DT-4", "NGAY_TH_YL không được trước NGAY_YL", "NGAY_TH_YL may not be before NGAY_YL";
    "xml3.ngay_kq.order", Error, t(Xml3), f("NGAY_KQ"), "CTN4750 Bảng 3; xml130.md DT-4", "NGAY_KQ không được trước NGAY_YL", "NGAY_KQ may not be before NGAY_YL";
    // XML4.
    "xml4.ngay_kq.required", Error, t(Xml4), f("NGAY_KQ"), "CTN4750 Bảng 4", "NGAY_KQ bắt buộc khi có GIA_TRI", "NGAY_KQ is required with GIA_TRI";
    // XML6.
    "xml6.phacdo_dtri_lao.required", Error, t(Xml6), f("PHACDO_DTRI_LAO"), "CTN4750 Bảng 6", "PHACDO_DTRI_LAO bắt buộc khi LOAI_DTRI_LAO khác 0", "PHACDO_DTRI_LAO is required unless LOAI_DTRI_LAO is 0";
    "xml6.ngaybd_dtri_lao.required", Error, t(Xml6), f("NGAYBD_DTRI_LAO"), "CTN4750 Bảng 6", "NGAYBD_DTRI_LAO bắt buộc khi LOAI_DTRI_LAO khác 0", "NGAYBD_DTRI_LAO is required unless LOAI_DTRI_LAO is 0";
    "xml6.ngaykt_dtri_lao.required", Error, t(Xml6), f("NGAYKT_DTRI_LAO"), "CTN4750 Bảng 6", "NGAYKT_DTRI_LAO bắt buộc khi LOAI_DTRI_LAO khác 0", "NGAYKT_DTRI_LAO is required unless LOAI_DTRI_LAO is 0";
    "xml6.lan_xn_pcr.required", Error, t(Xml6), f("LAN_XN_PCR"), "CTN4750 Bảng 6", "LAN_XN_PCR bắt buộc khi MA_TINH_TRANG_DK có mã 1", "LAN_XN_PCR is required when MA_TINH_TRANG_DK includes 1";
    "xml6.ngay_xn_pcr.required", Error, t(Xml6), f("NGAY_XN_PCR"), "CTN4750 Bảng 6", "NGAY_XN_PCR bắt buộc khi MA_TINH_TRANG_DK có mã 1", "NGAY_XN_PCR is required when MA_TINH_TRANG_DK includes 1";
    "xml6.ngay_kq_xn_pcr.required", Error, t(Xml6), f("NGAY_KQ_XN_PCR"), "CTN4750 Bảng 6", "NGAY_KQ_XN_PCR bắt buộc khi MA_TINH_TRANG_DK có mã 1", "NGAY_KQ_XN_PCR is required when MA_TINH_TRANG_DK includes 1";
    "xml6.ma_kq_xn_pcr.required", Error, t(Xml6), f("MA_KQ_XN_PCR"), "CTN4750 Bảng 6", "MA_KQ_XN_PCR bắt buộc khi MA_TINH_TRANG_DK có mã 1", "MA_KQ_XN_PCR is required when MA_TINH_TRANG_DK includes 1";
    "xml6.ngay_bat_dau_xu_tri.required", Error, t(Xml6), f("NGAY_BAT_DAU_XU_TRI"), "CTN4750 Bảng 6", "NGAY_BAT_DAU_XU_TRI bắt buộc khi MA_XU_TRI có mã 1", "NGAY_BAT_DAU_XU_TRI is required when MA_XU_TRI includes 1";
    "xml6.ngay_ket_thuc_xu_tri.required", Error, t(Xml6), f("NGAY_KET_THUC_XU_TRI"), "CTN4750 Bảng 6", "NGAY_KET_THUC_XU_TRI bắt buộc khi MA_XU_TRI có mã 1", "NGAY_KET_THUC_XU_TRI is required when MA_XU_TRI includes 1";
    "xml6.so_ngay_cap_thuoc_arv.required", Error, t(Xml6), f("SO_NGAY_CAP_THUOC_ARV"), "CTN4750 Bảng 6", "SO_NGAY_CAP_THUOC_ARV bắt buộc khi MA_XU_TRI có mã 1", "SO_NGAY_CAP_THUOC_ARV is required when MA_XU_TRI includes 1";
    "xml6.ma_bac_phac_do.required", Error, t(Xml6), f("MA_BAC_PHAC_DO"), "CTN4750 Bảng 6", "MA_BAC_PHAC_DO bắt buộc khi MA_PHAC_DO_DIEU_TRI là KHAC", "MA_BAC_PHAC_DO is required when MA_PHAC_DO_DIEU_TRI is KHAC";
    "xml6.ngay_ket_thuc_xu_tri.order", Error, t(Xml6), f("NGAY_KET_THUC_XU_TRI"), "xml130.md DT-8", "NGAY_KET_THUC_XU_TRI không được trước NGAY_BAT_DAU_XU_TRI", "NGAY_KET_THUC_XU_TRI may not be before NGAY_BAT_DAU_XU_TRI";
    // XML7.
    "xml7.nguyennhan_dinhchi.required", Error, t(Xml7), f("NGUYENNHAN_DINHCHI"), "CTN4750 Bảng 7", "NGUYENNHAN_DINHCHI bắt buộc khi MA_DINH_CHI_THAI = 1", "NGUYENNHAN_DINHCHI is required when MA_DINH_CHI_THAI is 1";
    "xml7.thoigian_dinhchi.required", Error, t(Xml7), f("THOIGIAN_DINHCHI"), "CTN4750 Bảng 7", "THOIGIAN_DINHCHI bắt buộc khi MA_DINH_CHI_THAI = 1", "THOIGIAN_DINHCHI is required when MA_DINH_CHI_THAI is 1";
    "xml7.tuoi_thai.required", Error, t(Xml7), f("TUOI_THAI"), "CTN4750 Bảng 7", "TUOI_THAI bắt buộc khi MA_DINH_CHI_THAI = 1", "TUOI_THAI is required when MA_DINH_CHI_THAI is 1";
    "xml7.ngay_ra.order", Error, t(Xml7), f("NGAY_RA"), "xml130.md DT-3", "NGAY_RA không được trước NGAY_VAO", "NGAY_RA may not be before NGAY_VAO";
    "xml7.ngoaitru_denngay.order", Error, t(Xml7), f("NGOAITRU_DENNGAY"), "QĐ 130 Bảng 7", "NGOAITRU_DENNGAY không được trước NGOAITRU_TUNGAY", "NGOAITRU_DENNGAY may not be before NGOAITRU_TUNGAY";
    "xml7.outpatient_leave.all_or_none", Error, t(Xml7), f("SO_NGAY_NGHI"), "QĐ 130 Bảng 7; xml130.md DT-9", "SO_NGAY_NGHI, NGOAITRU_TUNGAY, NGOAITRU_DENNGAY cùng có hoặc cùng trống", "SO_NGAY_NGHI, NGOAITRU_TUNGAY and NGOAITRU_DENNGAY go together";
    // XML8-XML15.
    "xml8.ngay_ra.order", Error, t(Xml8), f("NGAY_RA"), "xml130.md DT-3", "NGAY_RA không được trước NGAY_VAO", "NGAY_RA may not be before NGAY_VAO";
    "xml9.ngay_sinh_con.order", Error, t(Xml9), f("NGAY_SINH_CON"), "QĐ 130 Bảng 9", "NGAY_SINH_CON không được trước ngày sinh của mẹ", "NGAY_SINH_CON may not be before the mother's birth date";
    "xml9.so_con_song.range", Error, t(Xml9), f("SO_CON_SONG"), "QĐ 130 Bảng 9", "SO_CON_SONG không được lớn hơn SO_CON", "SO_CON_SONG may not exceed SO_CON";
    "xml10.den_ngay.order", Error, t(Xml10), f("DEN_NGAY"), "QĐ 130 Bảng 10", "DEN_NGAY không được trước TU_NGAY", "DEN_NGAY may not be before TU_NGAY";
    "xml11.nguyennhan_dinhchi.required", Error, t(Xml11), f("NGUYENNHAN_DINHCHI"), "CTN4750 Bảng 11", "NGUYENNHAN_DINHCHI bắt buộc khi MA_DINH_CHI_THAI = 1", "NGUYENNHAN_DINHCHI is required when MA_DINH_CHI_THAI is 1";
    "xml11.tuoi_thai.required", Error, t(Xml11), f("TUOI_THAI"), "CTN4750 Bảng 11", "TUOI_THAI bắt buộc khi MA_DINH_CHI_THAI = 1", "TUOI_THAI is required when MA_DINH_CHI_THAI is 1";
    "xml11.den_ngay.order", Error, t(Xml11), f("DEN_NGAY"), "QĐ 130 Bảng 11", "DEN_NGAY không được trước TU_NGAY", "DEN_NGAY may not be before TU_NGAY";
    "xml12.ngay_hop.order", Error, t(Xml12), f("NGAY_HOP"), "QĐ 130 Bảng 12", "NGAY_HOP không được trước NGAY_SINH", "NGAY_HOP may not be before NGAY_SINH";
    "xml13.ngay_ra.order", Error, t(Xml13), f("NGAY_RA"), "xml130.md DT-3", "NGAY_RA không được trước NGAY_VAO", "NGAY_RA may not be before NGAY_VAO";
    "xml13.ngay_vao_noi_tru.order", Error, t(Xml13), f("NGAY_VAO_NOI_TRU"), "xml130.md DT-2", "NGAY_VAO_NOI_TRU không được trước NGAY_VAO", "NGAY_VAO_NOI_TRU may not be before NGAY_VAO";
    "xml14.ngay_hen_kl.order", Error, t(Xml14), f("NGAY_HEN_KL"), "CTN4750 Bảng 14; xml130.md DT-6", "NGAY_HEN_KL không được trước NGAY_RA", "NGAY_HEN_KL may not be before NGAY_RA";
    "xml14.ngay_ct.order", Error, t(Xml14), f("NGAY_CT"), "CTN4750 Bảng 14; xml130.md DT-6", "NGAY_CT không được trước NGAY_VAO", "NGAY_CT may not be before NGAY_VAO";
    "xml15.ngaykt_dtri_lao.order", Error, t(Xml15), f("NGAYKT_DTRI_LAO"), "QĐ 4750 Bảng 15", "NGAYKT_DTRI_LAO không được trước NGAYBD_DTRI_LAO", "NGAYKT_DTRI_LAO may not be before NGAYBD_DTRI_LAO";
    // Across the tables of one HOSO.
    "hoso.ma_lk.mismatch", Error, ANY, f("MA_LK"), "QĐ 130 (MA_LK là khóa chính); xml130.md ENV-5", "MA_LK của mọi bảng phải giống XML1", "every table's MA_LK must equal that of XML1";
    "hoso.stt.sequence", Warning, ANY, f("STT"), "QĐ 130 (STT tăng từ 1); xml130.md ENV-7", "STT phải tăng dần từ 1", "STT must run 1, 2, 3...";
    "hoso.copied_field.mismatch", Error, ANY, NOFIELD, "CTN4750 Bảng 6, 13, 14, 15 (cột VALID); QĐ 130 Bảng 7 (MA_YTE); xml130.md ENV-11", "Trường sao từ XML1 phải giống XML1 (cảnh báo với MA_YTE của XML7 và PP_DIEUTRI theo QĐ 3176)", "a field copied from XML1 must equal XML1 (a warning for XML7 MA_YTE, and for PP_DIEUTRI under QĐ 3176)";
    "hoso.xml8.visit_type", Error, t(Xml8), f("MA_LOAI_KCB"), "CTN4750 Bảng 8; QĐ 3176 Bảng 8", "Bảng 8 chỉ gửi với loại KCB cho phép", "XML8 only for the visit types allowed";
    "hoso.xml5.visit_type", Warning, t(Xml5), f("MA_LOAI_KCB"), "QĐ 130 Bảng 5; xml130.md ENV-12", "Bảng 5 không dùng cho khám bệnh, nhận thuốc theo hẹn", "XML5 is not used for examinations or drug collection";
    "hoso.xml7.missing", Warning, t(Xml7), f("MA_LOAI_KCB"), "QĐ 130 Bảng 7; xml130.md ENV-12", "Điều trị nội trú cần giấy ra viện (Bảng 7)", "inpatient episodes need a discharge paper (XML7)";
    "hoso.xml13.discharge_type", Error, t(Xml13), f("MA_LOAI_RV"), "QĐ 4750 Bảng 13; xml130.md ENV-12", "Bảng 13 chỉ gửi khi MA_LOAI_RV là 2 hoặc 5", "XML13 only when MA_LOAI_RV is 2 or 5";
    "hoso.xml13.missing", Warning, t(Xml13), f("MA_LOAI_RV"), "QĐ 4750 Bảng 13", "Chuyển tuyến cần giấy chuyển tuyến (Bảng 13)", "a transfer needs a referral paper (XML13)";
    "hoso.xml4.without_service", Warning, t(Xml4), NOFIELD, "QĐ 130 Bảng 4; xml130.md ENV-12", "Có Bảng 4 nhưng không có dịch vụ cận lâm sàng", "XML4 without any paraclinical service in XML3";
    "envelope.macskcb.mismatch", Error, ANY, f("MACSKCB"), "CV 1245/BHXH-CNTT; xml130.md ENV-6", "MACSKCB của tệp phải giống MA_CSKCB của XML1", "MACSKCB must equal XML1 MA_CSKCB";
    // Money: per line (per rule pack) and XML1 totals.
    "xml2.thanh_tien_bv.formula", Error, t(Xml2), f("THANH_TIEN_BV"), "QĐ 130/3176 Bảng 2 (THANH_TIEN_BV)", "THANH_TIEN_BV = SO_LUONG × DON_GIA", "THANH_TIEN_BV = SO_LUONG × DON_GIA";
    "xml2.thanh_tien_bh.formula", Error, t(Xml2), f("THANH_TIEN_BH"), "QĐ 130/3176 Bảng 2 (THANH_TIEN_BH)", "THANH_TIEN_BH = SO_LUONG × DON_GIA × TYLE_TT_BH", "THANH_TIEN_BH = SO_LUONG × DON_GIA × TYLE_TT_BH";
    "xml2.t_nguonkhac.sum", Error, t(Xml2), f("T_NGUONKHAC"), "QĐ 130 Bảng 2 (T_NGUONKHAC)", "T_NGUONKHAC = tổng 4 nguồn khác", "T_NGUONKHAC = the sum of the four other sources";
    "xml2.t_bhtt.formula", Error, t(Xml2), f("T_BHTT"), "QĐ 3176 Bảng 2 (T_BHTT)", "T_BHTT = THANH_TIEN_BH × MUC_HUONG", "T_BHTT = THANH_TIEN_BH × MUC_HUONG";
    "xml2.share.formula", Error, t(Xml2), NOFIELD, "QĐ 3176 Bảng 2 (T_BNCCT, T_BNTT)", "T_BNCCT = THANH_TIEN_BH − T_BHTT; T_BNTT = THANH_TIEN_BV − THANH_TIEN_BH", "T_BNCCT = THANH_TIEN_BH − T_BHTT; T_BNTT = THANH_TIEN_BV − THANH_TIEN_BH";
    "xml2.balance", Error, t(Xml2), f("THANH_TIEN_BV"), "xml130.md §4.2 (đồng nhất thức)", "THANH_TIEN_BV = T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC", "THANH_TIEN_BV = T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC";
    "xml3.thanh_tien_bv.formula", Error, t(Xml3), f("THANH_TIEN_BV"), "QĐ 130/4750/3176 Bảng 3 (THANH_TIEN_BV)", "THANH_TIEN_BV = SO_LUONG × DON_GIA_BV (× TYLE_TT_DV từ QĐ 4750)", "THANH_TIEN_BV = SO_LUONG × DON_GIA_BV (× TYLE_TT_DV from QĐ 4750)";
    "xml3.thanh_tien_bh.formula", Error, t(Xml3), f("THANH_TIEN_BH"), "QĐ 130/3176 Bảng 3 (THANH_TIEN_BH)", "THANH_TIEN_BH = SO_LUONG × DON_GIA_BH × TYLE_TT_BH (× TYLE_TT_DV từ QĐ 4750)", "THANH_TIEN_BH = SO_LUONG × DON_GIA_BH × TYLE_TT_BH (× TYLE_TT_DV from QĐ 4750)";
    "xml3.t_nguonkhac.sum", Error, t(Xml3), f("T_NGUONKHAC"), "QĐ 130 Bảng 3 (T_NGUONKHAC)", "T_NGUONKHAC = tổng 4 nguồn khác", "T_NGUONKHAC = the sum of the four other sources";
    "xml3.t_bhtt.formula", Error, t(Xml3), f("T_BHTT"), "QĐ 3176 Bảng 3 (T_BHTT)", "T_BHTT = THANH_TIEN_BH × MUC_HUONG", "T_BHTT = THANH_TIEN_BH × MUC_HUONG";
    "xml3.share.formula", Error, t(Xml3), NOFIELD, "QĐ 3176 Bảng 3 (T_BNCCT, T_BNTT)", "T_BNCCT = THANH_TIEN_BH − T_BHTT; T_BNTT = THANH_TIEN_BV − THANH_TIEN_BH", "T_BNCCT = THANH_TIEN_BH − T_BHTT; T_BNTT = THANH_TIEN_BV − THANH_TIEN_BH";
    "xml3.balance", Error, t(Xml3), f("THANH_TIEN_BV"), "xml130.md §4.2 (đồng nhất thức)", "THANH_TIEN_BV = T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC", "THANH_TIEN_BV = T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC";
    "xml1.t_thuoc.sum", Error, t(Xml1), f("T_THUOC"), "QĐ 130 Bảng 1; xml130.md TOT-1", "T_THUOC = tổng THANH_TIEN_BV của XML2", "T_THUOC = the sum of XML2 THANH_TIEN_BV";
    "xml1.t_vtyt.sum", Error, t(Xml1), f("T_VTYT"), "QĐ 130 Bảng 1; xml130.md TOT-2", "T_VTYT = tổng THANH_TIEN_BV vật tư", "T_VTYT = the sum of supply lines";
    "xml1.t_tongchi_bv.sum", Error, t(Xml1), f("T_TONGCHI_BV"), "QĐ 130 Bảng 1; xml130.md TOT-3", "T_TONGCHI_BV = tổng THANH_TIEN_BV", "T_TONGCHI_BV = the sum of THANH_TIEN_BV";
    "xml1.t_tongchi_bh.sum", Error, t(Xml1), f("T_TONGCHI_BH"), "QĐ 130 Bảng 1; xml130.md TOT-4", "T_TONGCHI_BH = tổng THANH_TIEN_BH", "T_TONGCHI_BH = the sum of THANH_TIEN_BH";
    "xml1.t_bntt.sum", Error, t(Xml1), f("T_BNTT"), "QĐ 130 Bảng 1; xml130.md TOT-5", "T_BNTT = tổng T_BNTT các dòng", "T_BNTT = the sum of line T_BNTT";
    "xml1.t_bncct.sum", Error, t(Xml1), f("T_BNCCT"), "QĐ 130 Bảng 1; xml130.md TOT-5", "T_BNCCT = tổng T_BNCCT các dòng", "T_BNCCT = the sum of line T_BNCCT";
    "xml1.t_nguonkhac.sum", Error, t(Xml1), f("T_NGUONKHAC"), "QĐ 130 Bảng 1; xml130.md TOT-5", "T_NGUONKHAC = tổng T_NGUONKHAC các dòng", "T_NGUONKHAC = the sum of line T_NGUONKHAC";
    "xml1.t_bhtt.formula", Error, t(Xml1), f("T_BHTT"), "QĐ 130 Bảng 1; xml130.md TOT-6", "T_BHTT = T_TONGCHI_BH − T_BNCCT", "T_BHTT = T_TONGCHI_BH − T_BNCCT";
    "xml1.t_bhtt.sum", Warning, t(Xml1), f("T_BHTT"), "xml130.md TOT-6 (kiểm tra nhất quán)", "T_BHTT = tổng T_BHTT các dòng", "T_BHTT = the sum of line T_BHTT";
    "xml1.t_bhtt_gdv.sum", Error, t(Xml1), f("T_BHTT_GDV"), "QĐ 130 Bảng 1; xml130.md TOT-7", "T_BHTT_GDV = tổng T_BHTT các dòng MA_PTTT = 1", "T_BHTT_GDV = the sum of T_BHTT of MA_PTTT = 1 lines";
    "xml1.balance", Warning, t(Xml1), f("T_TONGCHI_BV"), "xml130.md TOT-9", "T_TONGCHI_BV = T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC", "T_TONGCHI_BV = T_BNTT + T_BNCCT + T_BHTT + T_NGUONKHAC";
    // Dates across tables.
    "xml2.ngay_yl.range", Error, t(Xml2), f("NGAY_YL"), "xml130.md DT-3", "NGAY_YL phải trong khoảng NGAY_VAO - NGAY_RA", "NGAY_YL must lie between NGAY_VAO and NGAY_RA";
    "xml3.ngay_yl.range", Error, t(Xml3), f("NGAY_YL"), "xml130.md DT-3", "NGAY_YL phải trong khoảng NGAY_VAO - NGAY_RA", "NGAY_YL must lie between NGAY_VAO and NGAY_RA";
    "xml1.card_validity.order", Error, t(Xml1), f("GT_THE_DEN"), "xml130.md DT-7", "GT_THE_TU không được sau GT_THE_DEN", "GT_THE_TU may not be after GT_THE_DEN";
    "xml1.card_validity.coverage", Warning, t(Xml1), f("GT_THE_DEN"), "xml130.md DT-7", "Thời hạn thẻ phải bao phủ đợt điều trị", "the card validity must cover the stay";
    "xml1.so_ngay_dtri.visit_type", Error, t(Xml1), f("SO_NGAY_DTRI"), "QĐ 130/4750/3176 Bảng 1 (SO_NGAY_DTRI); xml130.md DUR-1", "SO_NGAY_DTRI theo loại KCB", "SO_NGAY_DTRI by visit type";
    // Rule pack completion (docs/rules/csv-notes.md): codes, patterns, ranges, payment and dates.
    "field.decimal_places", Error, ANY, NOFIELD, "QĐ 130 phụ lục (làm tròn); xml130.md §3.2", "Số chữ số thập phân vượt quy định (tiền 2, đơn giá và số lượng 3)", "more decimals than allowed (money 2, unit prices and quantities 3)";
    "icd.warn_code", Warning, t(Xml1), NOFIELD, "xml130.md ID-6 (mã cảnh báo Z00, R53)", "Mã bệnh Z00 hoặc R53 cần xem lại", "diagnosis Z00 or R53 deserves a second look";
    "checkin.stt.sequence", Warning, t(Checkin), f("STT"), "xml130.md ENV-7", "STT của bảng check-in phải tăng dần từ 1", "check-in STT must run 1, 2, 3...";
    "checkin.gt_the_den.order", Error, t(Checkin), f("GT_THE_DEN"), "xml130.md DT-7", "GT_THE_DEN không được trước GT_THE_TU", "GT_THE_DEN may not be before GT_THE_TU";
    "checkin.ma_the_bhyt.prefix", Warning, t(Checkin), f("MA_THE_BHYT"), "xml130.md §3.4, ID-2 (QĐ 1351/QĐ-BHXH)", "Mã đối tượng thẻ không có trong bảng hoặc sai mức hưởng", "unknown card prefix or a benefit digit the prefix does not have";
    "checkin.ma_doituong_kcb.code_list", Warning, t(Checkin), f("MA_DOITUONG_KCB"), "QĐ 824/QĐ-BYT PL2; xml130.md §3.5, ID-17, D18", "MA_DOITUONG_KCB không có trong danh mục đã cấu hình", "MA_DOITUONG_KCB is not in the configured list";
    "checkin.ma_doituong_kcb.emergency", Warning, t(Checkin), f("MA_DOITUONG_KCB"), "QĐ 4750 Điều 2; xml130.md §1.3", "Không gửi check-in cho cấp cứu (MA_DOITUONG_KCB = 2)", "no check-in is sent for emergencies (MA_DOITUONG_KCB 2)";
    "xml1.ma_the_bhyt.prefix", Warning, t(Xml1), f("MA_THE_BHYT"), "xml130.md §3.4, ID-2 (QĐ 1351/QĐ-BHXH)", "Mã đối tượng thẻ không có trong bảng hoặc sai mức hưởng", "unknown card prefix or a benefit digit the prefix does not have";
    "xml1.ma_doituong_kcb.code_list", Warning, t(Xml1), f("MA_DOITUONG_KCB"), "QĐ 824/QĐ-BYT PL2; xml130.md §3.5, ID-17, D18", "MA_DOITUONG_KCB không có trong danh mục đã cấu hình", "MA_DOITUONG_KCB is not in the configured list";
    "xml1.referral.required", Warning, t(Xml1), f("MA_NOI_DI"), "xml130.md ID-17", "Đúng tuyến chuyển đến (1.3) cần MA_NOI_DI và GIAY_CHUYEN_TUYEN", "a referred visit (1.3) needs MA_NOI_DI and GIAY_CHUYEN_TUYEN";
    "xml1.ma_noi_den.transfer", Warning, t(Xml1), f("MA_NOI_DEN"), "QĐ 130 Bảng 1 (MA_NOI_DEN); CTN4750", "MA_NOI_DEN có khi và chỉ khi chuyển tuyến (MA_LOAI_RV 2, 5)", "MA_NOI_DEN is given exactly for transfers (MA_LOAI_RV 2, 5)";
    "xml1.nam_qt.pattern", Error, t(Xml1), f("NAM_QT"), "QĐ 130 Bảng 1; xml130.md §3.2", "NAM_QT phải có 4 chữ số", "NAM_QT must have 4 digits";
    "xml1.thang_qt.range", Error, t(Xml1), f("THANG_QT"), "QĐ 130 Bảng 1; xml130.md §3.2", "THANG_QT từ 1 đến 12", "THANG_QT from 1 to 12";
    "xml1.can_nang.range", Warning, t(Xml1), f("CAN_NANG"), "xml130.md ID-20", "CAN_NANG phải lớn hơn 0 và không quá 200 kg", "CAN_NANG must be above 0 and at most 200 kg";
    "xml1.ma_ttdv.pattern", Error, t(Xml1), f("MA_TTDV"), "CTN4750 Bảng 1; xml130.md ID-5 (QĐ 130/4750)", "MA_TTDV là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_TTDV is the 10-digit health ID (QĐ 130/4750)";
    "xml1.ngay_ra.end_of_day", Warning, t(Xml1), f("NGAY_RA"), "QĐ 130/4750 Bảng 1 (NGAY_RA); xml130.md §3.1", "Với MA_LOAI_KCB 02, 05, 07 giờ ra là 2359 (QĐ 130/4750)", "for MA_LOAI_KCB 02, 05, 07 NGAY_RA ends at 2359 (QĐ 130/4750)";
    "xml1.ngay_ra.exam_same_day", Warning, t(Xml1), f("NGAY_RA"), "xml130.md DUR-4", "Khám bệnh (01) kết thúc vào ngày sau ngày vào", "an examination (01) that ends on a later day";
    "xml1.ma_benh_yhct.count", Error, t(Xml1), f("MA_BENH_YHCT"), "QĐ 3176 Bảng 1; xml130.md ID-7", "MA_BENH_YHCT tối đa 13 mã (QĐ 3176)", "MA_BENH_YHCT has at most 13 codes (QĐ 3176)";
    "xml2.ma_nhom.table", Error, t(Xml2), f("MA_NHOM"), "QĐ 5937 PL3; xml130.md ID-8", "MA_NHOM của Bảng 2 là 4, 5, 6, 7 hoặc 17", "XML2 MA_NHOM is 4, 5, 6, 7 or 17";
    "xml2.tyle_tt_bh.range", Error, t(Xml2), f("TYLE_TT_BH"), "xml130.md PRC-1", "TYLE_TT_BH từ 0 đến 100", "TYLE_TT_BH from 0 to 100";
    "xml2.muc_huong.range", Error, t(Xml2), f("MUC_HUONG"), "xml130.md §3.2, §4.2", "MUC_HUONG từ 0 đến 100", "MUC_HUONG from 0 to 100";
    "xml2.pham_vi.out_of_scope", Warning, t(Xml2), f("PHAM_VI"), "xml130.md PRC-5", "Ngoài phạm vi (PHAM_VI = 2) thì quỹ không trả", "out of scope (PHAM_VI 2) means the fund pays nothing";
    "xml2.t_nguonkhac.range", Warning, t(Xml2), f("T_NGUONKHAC"), "xml130.md §4.2 (nguồn khác)", "T_NGUONKHAC không lớn hơn THANH_TIEN_BV", "T_NGUONKHAC may not exceed THANH_TIEN_BV";
    "xml2.so_dang_ky.required", Warning, t(Xml2), f("SO_DANG_KY"), "CTN4750 Bảng 2 (như QĐ 4210)", "Thuốc (nhóm 4, 5, 6) cần SO_DANG_KY", "drugs (MA_NHOM 4, 5, 6) need SO_DANG_KY";
    "xml2.so_dang_ky.format", Warning, t(Xml2), f("SO_DANG_KY"), "QĐ 130 Bảng 2 (SO_DANG_KY); xml130.md §3.4", "SO_DANG_KY không có khoảng trắng; HD/CP/VT theo dạng <tiền tố>.<mã CSKCB>.<yy>.<số>", "SO_DANG_KY has no spaces; HD/CP/VT numbers are <prefix>.<facility>.<yy>.<n>";
    "xml2.ma_bac_si.required", Error, t(Xml2), f("MA_BAC_SI"), "CTN4750 Bảng 2 (giữ như QĐ 4210)", "MA_BAC_SI bắt buộc", "MA_BAC_SI is required";
    "xml2.tt_thau.format", Error, t(Xml2), f("TT_THAU"), "QĐ 130 Bảng 2 (TT_THAU); xml130.md ID-11", "TT_THAU sai dạng <QĐ>;G<gói>;N<nhóm>;<năm>", "TT_THAU is not <decision>;G<package>;N<group>;<year>";
    "xml3.ma_nhom.table", Error, t(Xml3), f("MA_NHOM"), "QĐ 5937 PL3; xml130.md ID-8", "MA_NHOM của thuốc, máu không dùng ở Bảng 3; nhóm 19 từ QĐ 4750", "drug and blood MA_NHOM do not belong in XML3; 19 only from QĐ 4750";
    "xml3.tyle_tt_bh.range", Error, t(Xml3), f("TYLE_TT_BH"), "xml130.md PRC-1", "TYLE_TT_BH từ 0 đến 100", "TYLE_TT_BH from 0 to 100";
    "xml3.tyle_tt_dv.range", Error, t(Xml3), f("TYLE_TT_DV"), "xml130.md PRC-2", "TYLE_TT_DV từ 0 đến 100", "TYLE_TT_DV from 0 to 100";
    "xml3.muc_huong.range", Error, t(Xml3), f("MUC_HUONG"), "xml130.md §3.2, §4.2", "MUC_HUONG từ 0 đến 100", "MUC_HUONG from 0 to 100";
    "xml3.pham_vi.out_of_scope", Warning, t(Xml3), f("PHAM_VI"), "xml130.md PRC-5", "Ngoài phạm vi (PHAM_VI = 2) thì quỹ không trả", "out of scope (PHAM_VI 2) means the fund pays nothing";
    "xml3.t_nguonkhac.range", Warning, t(Xml3), f("T_NGUONKHAC"), "xml130.md §4.2 (nguồn khác)", "T_NGUONKHAC không lớn hơn THANH_TIEN_BV", "T_NGUONKHAC may not exceed THANH_TIEN_BV";
    "xml3.ma_giuong.pattern", Error, t(Xml3), f("MA_GIUONG"), "QĐ 130 Bảng 3 (MA_GIUONG); xml130.md ID-9", "Mỗi mã giường là H, T, C hoặc K và 3 chữ số", "each bed code is H, T, C or K and 3 digits";
    "xml3.ma_giuong.required", Error, t(Xml3), f("MA_GIUONG"), "xml130.md ID-9", "Dòng giường (nhóm 14, 15, 16) cần MA_GIUONG", "bed lines (MA_NHOM 14, 15, 16) need MA_GIUONG";
    "xml3.goi_vtyt.pattern", Error, t(Xml3), f("GOI_VTYT"), "CTN4750 Bảng 3; xml130.md ID-10", "GOI_VTYT là G và số từ 1 đến 999", "GOI_VTYT is G and a number from 1 to 999";
    "xml3.tt_thau.format", Error, t(Xml3), f("TT_THAU"), "QĐ 130/4750 Bảng 3 (TT_THAU); xml130.md ID-11", "TT_THAU vật tư sai dạng <QĐ>[.<đơn vị>];G<gói>;N<nhóm>;<năm>", "supply TT_THAU is not <decision>[.<issuer>];G<package>;N<group>;<year>";
    "xml3.ma_may.required", Warning, t(Xml3), f("MA_MAY"), "xml130.md ID-13 (QĐ 3176)", "Dịch vụ cận lâm sàng (nhóm 1, 2, 3) cần MA_MAY", "paraclinical services (MA_NHOM 1, 2, 3) need MA_MAY";
    "xml3.ma_may.pattern", Warning, t(Xml3), f("MA_MAY"), "QĐ 130/3176 Bảng 3 (MA_MAY); xml130.md §3.4", "MA_MAY sai dạng XX.n.YYYYY.Z (QĐ 3176: XX.n.Z)", "MA_MAY is not XX.n.YYYYY.Z (QĐ 3176: XX.n.Z)";
    "xml3.pp_vo_cam.required", Warning, t(Xml3), f("PP_VO_CAM"), "xml130.md ID-13", "Phẫu thuật (nhóm 8) cần PP_VO_CAM", "surgery (MA_NHOM 8) needs PP_VO_CAM";
    "xml3.don_gia_bh.unpriced", Error, t(Xml3), f("DON_GIA_BH"), "xml130.md PRC-4", "Dịch vụ chưa có giá, bỏ dở (_TB) hoặc _TT (QĐ 3176) có DON_GIA_BH = 0", "unpriced (XX.YYYY.0000), abandoned (_TB) or _TT (QĐ 3176) services have DON_GIA_BH 0";
    "xml3.don_gia_bh.ceiling", Error, t(Xml3), f("DON_GIA_BH"), "QĐ 4750/3176 Bảng 3; xml130.md PRC-3", "Vật tư có trần: DON_GIA_BH = min(DON_GIA_BV, T_TRANTT)", "supplies with a ceiling: DON_GIA_BH = min(DON_GIA_BV, T_TRANTT)";
    "xml3.ma_benh_yhct.count", Error, t(Xml3), f("MA_BENH_YHCT"), "QĐ 3176 Bảng 3; xml130.md ID-7", "MA_BENH_YHCT tối đa 13 mã (QĐ 3176)", "MA_BENH_YHCT has at most 13 codes (QĐ 3176)";
    "xml3.ngay_kq.in_episode", Warning, t(Xml3), f("NGAY_KQ"), "QĐ 130/4750/3176 Bảng 3 (NGAY_KQ); xml130.md DT-3, DT-5", "NGAY_KQ quá hạn trả kết quả muộn sau NGAY_RA", "NGAY_KQ is later after NGAY_RA than late results may be";
    "xml4.ngay_kq.in_episode", Warning, t(Xml4), f("NGAY_KQ"), "QĐ 130/4750/3176 Bảng 4 (NGAY_KQ); xml130.md DT-3, DT-5", "NGAY_KQ quá hạn trả kết quả muộn sau NGAY_RA", "NGAY_KQ is later after NGAY_RA than late results may be";
    "xml4.ket_luan.with_gia_tri", Warning, t(Xml4), f("KET_LUAN"), "QĐ 3176 Bảng 4; xml130.md ID-14", "Có GIA_TRI thì để trống KET_LUAN (QĐ 3176)", "KET_LUAN stays empty when GIA_TRI is given (QĐ 3176)";
    "xml4.ket_luan.imaging", Warning, t(Xml4), f("KET_LUAN"), "xml130.md ID-14", "Kết quả chẩn đoán hình ảnh cần KET_LUAN", "imaging results need KET_LUAN";
    "xml6.so_ngay_cap_thuoc_arv.range", Error, t(Xml6), f("SO_NGAY_CAP_THUOC_ARV"), "CTN4750 Bảng 6; xml130.md DT-8", "SO_NGAY_CAP_THUOC_ARV không quá NGAY_KET_THUC_XU_TRI − NGAY_BAT_DAU_XU_TRI", "SO_NGAY_CAP_THUOC_ARV may not exceed NGAY_KET_THUC_XU_TRI − NGAY_BAT_DAU_XU_TRI";
    "xml6.ngay_kq_xn_pcr.order", Warning, t(Xml6), f("NGAY_KQ_XN_PCR"), "QĐ 130 Bảng 6", "NGAY_KQ_XN_PCR không được trước NGAY_XN_PCR", "NGAY_KQ_XN_PCR may not be before NGAY_XN_PCR";
    "xml6.ma_the_bhyt.prefix", Warning, t(Xml6), f("MA_THE_BHYT"), "xml130.md §3.4, ID-2 (QĐ 1351/QĐ-BHXH)", "Mã đối tượng thẻ không có trong bảng hoặc sai mức hưởng", "unknown card prefix or a benefit digit the prefix does not have";
    "xml7.tuoi_thai.range", Error, t(Xml7), f("TUOI_THAI"), "QĐ 130 Bảng 7; xml130.md DT-9", "TUOI_THAI từ 1 đến 42 tuần", "TUOI_THAI from 1 to 42 weeks";
    "xml7.ma_ttdv.pattern", Error, t(Xml7), f("MA_TTDV"), "xml130.md ID-5 (QĐ 130/4750)", "MA_TTDV là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_TTDV is the 10-digit health ID (QĐ 130/4750)";
    "xml7.ma_bs.pattern", Error, t(Xml7), f("MA_BS"), "xml130.md ID-5 (QĐ 130/4750)", "MA_BS là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_BS is the 10-digit health ID (QĐ 130/4750)";
    "xml8.ma_ttdv.pattern", Error, t(Xml8), f("MA_TTDV"), "xml130.md ID-5 (QĐ 130/4750)", "MA_TTDV là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_TTDV is the 10-digit health ID (QĐ 130/4750)";
    "xml9.ma_ttdv.pattern", Error, t(Xml9), f("MA_TTDV"), "xml130.md ID-5 (QĐ 130/4750)", "MA_TTDV là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_TTDV is the 10-digit health ID (QĐ 130/4750)";
    "xml10.ma_ttdv.pattern", Error, t(Xml10), f("MA_TTDV"), "xml130.md ID-5 (QĐ 130/4750)", "MA_TTDV là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_TTDV is the 10-digit health ID (QĐ 130/4750)";
    "xml10.ma_bs.pattern", Error, t(Xml10), f("MA_BS"), "xml130.md ID-5 (QĐ 130/4750)", "MA_BS là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_BS is the 10-digit health ID (QĐ 130/4750)";
    "xml13.ma_ttdv.pattern", Error, t(Xml13), f("MA_TTDV"), "xml130.md ID-5 (QĐ 130/4750)", "MA_TTDV là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_TTDV is the 10-digit health ID (QĐ 130/4750)";
    "xml14.ma_ttdv.pattern", Error, t(Xml14), f("MA_TTDV"), "xml130.md ID-5 (QĐ 130/4750)", "MA_TTDV là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_TTDV is the 10-digit health ID (QĐ 130/4750)";
    "xml11.ma_ttdv.pattern", Error, t(Xml11), f("MA_TTDV"), "xml130.md ID-5 (QĐ 130/4750)", "MA_TTDV là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_TTDV is the 10-digit health ID (QĐ 130/4750)";
    "xml11.ma_bs.pattern", Error, t(Xml11), f("MA_BS"), "xml130.md ID-5 (QĐ 130/4750)", "MA_BS là mã định danh y tế 10 chữ số (QĐ 130/4750)", "MA_BS is the 10-digit health ID (QĐ 130/4750)";
    "xml11.tuoi_thai.range", Error, t(Xml11), f("TUOI_THAI"), "QĐ 130 Bảng 11; xml130.md DT-9", "TUOI_THAI từ 1 đến 42 tuần", "TUOI_THAI from 1 to 42 weeks";
    "xml11.tu_ngay.visit_date", Error, t(Xml11), f("TU_NGAY"), "QĐ 130 Bảng 11 (TU_NGAY); xml130.md DT-9", "TU_NGAY phải trùng ngày đến khám (ngày của NGAY_VAO)", "TU_NGAY must be the day of the visit (date of NGAY_VAO)";
    "xml11.ma_the_bhyt.prefix", Warning, t(Xml11), f("MA_THE_BHYT"), "xml130.md §3.4, ID-2 (QĐ 1351/QĐ-BHXH)", "Mã đối tượng thẻ không có trong bảng hoặc sai mức hưởng", "unknown card prefix or a benefit digit the prefix does not have";
    "hoso.muc_huong.benefit_level", Warning, ANY, f("MUC_HUONG"), "QĐ 130 Bảng 2, 3 (MUC_HUONG); xml130.md §4.2", "MUC_HUONG đúng tuyến khác mức hưởng của thẻ", "an in-network MUC_HUONG other than the card's benefit level";
    "hoso.muc_huong.low_cost", Warning, ANY, f("MUC_HUONG"), "xml130.md §4.2 (dưới 15 % lương cơ sở)", "Chi phí dưới 15 % lương cơ sở: MUC_HUONG = 100", "costs under 15 % of the base salary: MUC_HUONG 100";
    "hoso.muc_huong.exempt", Warning, ANY, f("MUC_HUONG"), "xml130.md §4.2 (miễn cùng chi trả)", "Được miễn cùng chi trả (NGAY_MIEN_CCT): MUC_HUONG = 100", "exempt from co-payment (NGAY_MIEN_CCT): MUC_HUONG 100";
    "hoso.exam_fee.inpatient_once", Warning, t(Xml3), f("MA_NHOM"), "xml130.md DUR-3", "Điều trị nội trú chỉ có một lần khám", "an inpatient episode has at most one examination fee";
    "xml1.so_ngay_dtri.upper_bound", Warning, t(Xml1), f("SO_NGAY_DTRI"), "QĐ 130/4750/3176 Bảng 1 (SO_NGAY_DTRI); xml130.md DUR-1", "SO_NGAY_DTRI của ngoại trú mạn tính, nhận thuốc không quá số ngày của đợt", "SO_NGAY_DTRI of chronic outpatient care or drug collection at most the days of the stay";
    "xml2.share.other_sources", Warning, t(Xml2), NOFIELD, "xml130.md §4.2 (nguồn khác)", "Nguồn khác trừ lần lượt vào T_BNTT, T_BNCCT rồi T_BHTT", "other sources are deducted from T_BNTT, then T_BNCCT, then T_BHTT";
    "xml3.share.other_sources", Warning, t(Xml3), NOFIELD, "xml130.md §4.2 (nguồn khác)", "Nguồn khác trừ lần lượt vào T_BNTT, T_BNCCT rồi T_BHTT", "other sources are deducted from T_BNTT, then T_BNCCT, then T_BHTT";
    "xml12.ma_the_bhyt.prefix", Warning, t(Xml12), f("MA_THE_BHYT"), "xml130.md §3.4, ID-2 (QĐ 1351/QĐ-BHXH)", "Mã đối tượng thẻ không có trong bảng hoặc sai mức hưởng", "unknown card prefix or a benefit digit the prefix does not have";
    "xml9.ma_the_nnd.prefix", Warning, t(Xml9), f("MA_THE_NND"), "xml130.md §3.4, ID-2 (QĐ 1351/QĐ-BHXH)", "Mã đối tượng thẻ không có trong bảng hoặc sai mức hưởng", "unknown card prefix or a benefit digit the prefix does not have";
    "xml7.ma_the_tam.pattern", Warning, t(Xml7), f("MA_THE_TAM"), "xml130.md §3.4, ID-2 (mẫu của nhà cung cấp)", "Thẻ tạm có dạng TE1 + mã tỉnh + 10 chữ số", "a temporary card is TE1, a province code and 10 digits";
    "xml8.ma_the_tam.pattern", Warning, t(Xml8), f("MA_THE_TAM"), "xml130.md §3.4, ID-2 (mẫu của nhà cung cấp)", "Thẻ tạm có dạng TE1 + mã tỉnh + 10 chữ số", "a temporary card is TE1, a province code and 10 digits";
    "xml9.ma_the_tam.pattern", Warning, t(Xml9), f("MA_THE_TAM"), "xml130.md §3.4, ID-2 (mẫu của nhà cung cấp)", "Thẻ tạm có dạng TE1 + mã tỉnh + 10 chữ số", "a temporary card is TE1, a province code and 10 digits";
    "xml11.ma_the_tam.pattern", Warning, t(Xml11), f("MA_THE_TAM"), "xml130.md §3.4, ID-2 (mẫu của nhà cung cấp)", "Thẻ tạm có dạng TE1 + mã tỉnh + 10 chữ số", "a temporary card is TE1, a province code and 10 digits";
    "xml6.ngay_kq_xn_tlvr.order", Warning, t(Xml6), f("NGAY_KQ_XN_TLVR"), "QĐ 130 Bảng 6", "NGAY_KQ_XN_TLVR không được trước NGAY_XN_TLVR", "NGAY_KQ_XN_TLVR may not be before NGAY_XN_TLVR";
    "xml3.tyle_tt_dv.exam_sequence", Warning, t(Xml3), f("TYLE_TT_DV"), "QĐ 130 Bảng 3 (TYLE_TT_DV); xml130.md §3.5, DUR-3", "Tỷ lệ các lần khám trong ngày: 100, 30, 30, 30, 10, sau đó 0", "exam ratios within a visit: 100, 30, 30, 30, 10, then 0";
    "xml1.so_ngay_dtri.stay_days", Warning, t(Xml1), f("SO_NGAY_DTRI"), "QĐ 3176 Bảng 1 (SO_NGAY_DTRI); xml130.md DUR-1", "Điều trị nội trú (QĐ 3176): SO_NGAY_DTRI bằng số ngày của đợt trừ thời gian chờ", "inpatient care (QĐ 3176): SO_NGAY_DTRI is the days of the stay less any wait";
    "hoso.bed_days.duration", Warning, t(Xml3), f("SO_LUONG"), "xml130.md DUR-2", "Số ngày giường không phù hợp thời gian điều trị", "bed days do not fit the length of stay";
    "xml1.so_ngay_dtri.service_days", Warning, t(Xml1), f("SO_NGAY_DTRI"), "QĐ 3176 Bảng 1 (SO_NGAY_DTRI, MA_LOAI_KCB 02, 08); xml130.md DUR-1", "Ngoại trú (02, 08; QĐ 3176): SO_NGAY_DTRI không quá số ngày có thuốc hoặc dịch vụ trong hồ sơ", "outpatient treatment (02, 08; QĐ 3176): SO_NGAY_DTRI at most the days on which the file has a drug or service";
}

/// The catalogue entry of a rule id.
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate rule id");
        for r in RULES {
            assert!(
                r.id.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'.'
                    || b == b'_'),
                "{}",
                r.id
            );
            assert!(
                !r.description_vi.is_empty() && !r.description_en.is_empty(),
                "{}",
                r.id
            );
        }
    }

    #[test]
    fn every_parse_error_code_is_catalogued() {
        for id in [
            "parse.io",
            "parse.not_utf8",
            "parse.encoding",
            "parse.syntax",
            "parse.doctype",
            "parse.unknown_entity",
            "parse.unexpected_root",
            "parse.unexpected_element",
            "parse.unexpected_text",
            "parse.missing_element",
            "parse.duplicate_element",
            "parse.nested_element",
            "parse.duplicate_table",
            "parse.base64",
            "parse.limit",
            "parse.unexpected_eof",
            "parse.trailing_content",
        ] {
            assert!(rule(id).is_some(), "{id}");
        }
    }
}
