//! How to fix a finding, per rule id, for the rules that have a fixed hint. A finding built through
//! [`super::RuleCtx::finding`] carries its rule's hint; rules without an entry keep an empty hint
//! (or set one themselves).

/// The hint of `rule` in Vietnamese and English.
pub(crate) fn hint(rule: &str) -> Option<(&'static str, &'static str)> {
    Some(match rule {
        "field.decimal_places" => (
            "Làm tròn tiền đến 2 chữ số thập phân, đơn giá và số lượng đến 3",
            "round money to 2 decimals, unit prices and quantities to 3",
        ),
        "icd.warn_code" => (
            "Kiểm tra lại chẩn đoán; Z00 (khám tổng quát) và R53 (mệt mỏi) ít khi là lý do điều trị BHYT",
            "check the diagnosis; Z00 (general examination) and R53 (malaise) rarely justify insured care",
        ),
        "checkin.stt.sequence" => (
            "Đánh số STT liên tục 1, 2, 3… theo thứ tự dòng",
            "number STT 1, 2, 3... in row order",
        ),
        "checkin.gt_the_den.order" => (
            "Kiểm tra hạn thẻ trên cổng BHXH và ghi đúng GT_THE_TU, GT_THE_DEN",
            "check the card on the BHXH portal and copy GT_THE_TU and GT_THE_DEN",
        ),
        "checkin.ma_the_bhyt.prefix" | "xml1.ma_the_bhyt.prefix" | "xml6.ma_the_bhyt.prefix"
        | "xml11.ma_the_bhyt.prefix" => (
            "Đối chiếu mã thẻ với thẻ BHYT; ký tự 3 là mức hưởng theo mã đối tượng (QĐ 1351/QĐ-BHXH)",
            "compare with the card; character 3 is the benefit level of the prefix (QĐ 1351/QĐ-BHXH)",
        ),
        "checkin.ma_doituong_kcb.code_list" | "xml1.ma_doituong_kcb.code_list" => (
            "Dùng mã đối tượng KCB theo danh mục dùng chung (QĐ 824/QĐ-BYT)",
            "use a patient-category code of the shared list (QĐ 824/QĐ-BYT)",
        ),
        "checkin.ma_doituong_kcb.emergency" => (
            "Không gửi bảng check-in cho lượt cấp cứu",
            "do not send a check-in for an emergency visit",
        ),
        "xml1.referral.required" => (
            "Ghi MA_NOI_DI và GIAY_CHUYEN_TUYEN của giấy chuyển tuyến",
            "fill in MA_NOI_DI and GIAY_CHUYEN_TUYEN from the referral letter",
        ),
        "xml1.ma_noi_den.transfer" => (
            "Chỉ ghi MA_NOI_DEN khi chuyển tuyến (MA_LOAI_RV 2 hoặc 5) và luôn ghi khi chuyển tuyến",
            "give MA_NOI_DEN for transfers (MA_LOAI_RV 2 or 5) and only for them",
        ),
        "xml1.nam_qt.pattern" | "xml1.thang_qt.range" => (
            "Ghi năm quyết toán 4 chữ số và tháng 1-12",
            "write the settlement year with 4 digits and the month as 1-12",
        ),
        "xml1.can_nang.range" => (
            "Ghi cân nặng theo kg, ví dụ 58.00",
            "write the weight in kg, for example 58.00",
        ),
        "xml1.ma_ttdv.pattern" | "xml7.ma_ttdv.pattern" | "xml7.ma_bs.pattern" | "xml8.ma_ttdv.pattern" | "xml9.ma_ttdv.pattern" | "xml10.ma_ttdv.pattern" | "xml10.ma_bs.pattern" | "xml13.ma_ttdv.pattern" | "xml14.ma_ttdv.pattern" | "xml11.ma_ttdv.pattern" | "xml11.ma_bs.pattern" => (
            "Theo QĐ 130/4750 ghi mã định danh y tế (mã số BHXH, 10 chữ số)",
            "under QĐ 130/4750 use the health ID (the 10-digit social-insurance number)",
        ),
        "xml1.ngay_ra.end_of_day" => (
            "Với điều trị ngoại trú, ghi giờ ra là 2359 của ngày ra",
            "for outpatient treatment write 2359 as the time of NGAY_RA",
        ),
        "xml1.ngay_ra.exam_same_day" => (
            "Kiểm tra MA_LOAI_KCB: khám bệnh kết thúc trong ngày",
            "check MA_LOAI_KCB: an examination ends the same day",
        ),
        "xml1.ma_benh_yhct.count" | "xml3.ma_benh_yhct.count" => (
            "Ghi tối đa 13 mã YHCT",
            "list at most 13 traditional-medicine codes",
        ),
        "xml2.ma_nhom.table" | "xml3.ma_nhom.table" => (
            "Thuốc, máu (nhóm 4, 5, 6, 7, 17) ghi ở Bảng 2; dịch vụ và vật tư ở Bảng 3",
            "drugs and blood (MA_NHOM 4, 5, 6, 7, 17) go in XML2; services and supplies in XML3",
        ),
        "xml2.tyle_tt_bh.range"
        | "xml3.tyle_tt_bh.range"
        | "xml3.tyle_tt_dv.range"
        | "xml2.muc_huong.range"
        | "xml3.muc_huong.range" => (
            "Ghi tỷ lệ phần trăm là số nguyên từ 0 đến 100",
            "write percentages as whole numbers from 0 to 100",
        ),
        "xml2.pham_vi.out_of_scope" | "xml3.pham_vi.out_of_scope" => (
            "Ngoài phạm vi: TYLE_TT_BH, THANH_TIEN_BH và T_BHTT bằng 0",
            "out of scope: TYLE_TT_BH, THANH_TIEN_BH and T_BHTT are 0",
        ),
        "xml2.t_nguonkhac.range" | "xml3.t_nguonkhac.range" => (
            "Nguồn khác không vượt thành tiền của dòng",
            "other sources cannot exceed the line amount",
        ),
        "xml2.so_dang_ky.required" => (
            "Ghi số đăng ký lưu hành hoặc số giấy phép nhập khẩu",
            "fill in the marketing-authorisation or import-licence number",
        ),
        "xml2.so_dang_ky.format" => (
            "Bỏ khoảng trắng; thuốc tự bào chế ghi HD|CP|VT.<mã CSKCB>.<yy>.<số>",
            "remove spaces; in-house preparations use HD|CP|VT.<facility>.<yy>.<n>",
        ),
        "xml2.ma_bac_si.required" => (
            "Ghi mã bác sĩ chỉ định",
            "fill in the prescribing doctor's code",
        ),
        "xml2.tt_thau.format" => (
            "Ví dụ: 57/QĐ-TTMS;G1;N1;2022",
            "for example 57/QĐ-TTMS;G1;N1;2022",
        ),
        "xml3.tt_thau.format" => (
            "Ví dụ: 20.00;G1;N1;2021",
            "for example 20.00;G1;N1;2021",
        ),
        "xml3.ma_giuong.pattern" | "xml3.ma_giuong.required" => (
            "Ghi mã giường H001, T001, C001 hoặc K001, nhiều giường cách nhau bởi ;",
            "use bed codes such as H001, T001, C001 or K001, separated by ;",
        ),
        "xml3.goi_vtyt.pattern" => ("Ví dụ: G1, G2", "for example G1, G2"),
        "xml3.ma_may.required" | "xml3.ma_may.pattern" => (
            "Ghi mã máy đã đăng ký trên cổng BHXH, ví dụ SH.1.79001.1",
            "use the machine code registered on the BHXH portal, for example SH.1.79001.1",
        ),
        "xml3.pp_vo_cam.required" => (
            "Ghi phương pháp vô cảm của phẫu thuật",
            "fill in the anaesthesia method of the surgery",
        ),
        "xml3.don_gia_bh.unpriced" => (
            "Dịch vụ chưa có giá hoặc bỏ dở: DON_GIA_BH = 0",
            "unpriced or abandoned services: DON_GIA_BH 0",
        ),
        "xml3.don_gia_bh.ceiling" => (
            "DON_GIA_BH là giá mua nhưng không vượt T_TRANTT",
            "DON_GIA_BH is the purchase price capped at T_TRANTT",
        ),
        "xml3.ngay_kq.in_episode" | "xml4.ngay_kq.in_episode" => (
            "Kiểm tra NGAY_KQ; theo QĐ 3176 gửi lại hồ sơ thay thế khi có kết quả muộn",
            "check NGAY_KQ; under QĐ 3176 send a replacement file when a result comes late",
        ),
        "xml4.ket_luan.with_gia_tri" => (
            "Chỉ số có giá trị thì để trống KET_LUAN",
            "leave KET_LUAN empty for an indicator with GIA_TRI",
        ),
        "xml4.ket_luan.imaging" => (
            "Ghi kết luận của chẩn đoán hình ảnh",
            "fill in the conclusion of the imaging result",
        ),
        "xml6.so_ngay_cap_thuoc_arv.range" => (
            "Số ngày cấp thuốc ARV không quá số ngày giữa bắt đầu và kết thúc xử trí",
            "ARV supply days cannot exceed the days between the start and the end of treatment",
        ),
        "xml6.ngay_kq_xn_pcr.order" => (
            "Kiểm tra ngày lấy mẫu và ngày có kết quả PCR",
            "check the PCR sample and result dates",
        ),
        "xml12.ma_the_bhyt.prefix" | "xml9.ma_the_nnd.prefix" => (
            "Đối chiếu mã thẻ với thẻ BHYT; ký tự 3 là mức hưởng theo mã đối tượng (QĐ 1351/QĐ-BHXH)",
            "compare with the card; character 3 is the benefit level of the prefix (QĐ 1351/QĐ-BHXH)",
        ),
        "xml7.ma_the_tam.pattern"
        | "xml8.ma_the_tam.pattern"
        | "xml9.ma_the_tam.pattern"
        | "xml11.ma_the_tam.pattern" => (
            "Thẻ tạm của trẻ sơ sinh có dạng TE1 + mã tỉnh + 10 chữ số",
            "a newborn's temporary card is TE1, a province code and 10 digits",
        ),
        "xml6.ngay_kq_xn_tlvr.order" => (
            "Kiểm tra ngày lấy mẫu và ngày có kết quả tải lượng virus",
            "check the viral-load sample and result dates",
        ),
        "xml3.tyle_tt_dv.exam_sequence" => (
            "Lần khám thứ 2 đến 4 trong ngày 30 %, lần 5 10 %, từ lần 6 không thanh toán",
            "the 2nd to 4th exams of a visit are paid at 30 %, the 5th at 10 %, later ones not at all",
        ),
        "hoso.copied_field.mismatch" => (
            "Ghi đúng giá trị của phần tử XML1 được nêu trong thông báo, cùng HOSO (MA_YTE của XML7 lấy theo MA_BN)",
            "write the value of the XML1 element the message names, from the same HOSO (XML7 MA_YTE is XML1 MA_BN)",
        ),
        "xml1.so_ngay_dtri.service_days" => (
            "Theo QĐ 3176, với MA_LOAI_KCB 02 và 08 ghi số ngày thực tế có sử dụng dịch vụ (các ngày có NGAY_YL hoặc NGAY_TH_YL), không phải số ngày từ NGAY_VAO đến NGAY_RA",
            "under QĐ 3176, MA_LOAI_KCB 02 and 08 count the days on which services were used (days with a NGAY_YL or NGAY_TH_YL), not the days from NGAY_VAO to NGAY_RA",
        ),
        "xml1.so_ngay_dtri.stay_days" => (
            "Ghi số ngày từ NGAY_VAO đến NGAY_RA (+1), trừ thời gian chờ nhập viện theo hẹn",
            "count the days from NGAY_VAO to NGAY_RA (+1), less any wait for a scheduled admission",
        ),
        "xml7.tuoi_thai.range" | "xml11.tuoi_thai.range" => (
            "Ghi tuổi thai theo tuần, từ 1 đến 42",
            "write the gestational age in weeks, 1 to 42",
        ),
        "xml11.tu_ngay.visit_date" => (
            "TU_NGAY là ngày người bệnh đến khám",
            "TU_NGAY is the day the patient came",
        ),
        "hoso.muc_huong.benefit_level" => (
            "Đúng tuyến: MUC_HUONG theo ký tự 3 của thẻ (1, 2, 5: 100; 3: 95; 4: 80) hoặc 100",
            "in-network: MUC_HUONG follows card character 3 (1, 2, 5: 100; 3: 95; 4: 80) or is 100",
        ),
        "hoso.muc_huong.low_cost" | "hoso.muc_huong.exempt" => (
            "Ghi MUC_HUONG = 100 cho mọi dòng",
            "set MUC_HUONG to 100 on every line",
        ),
        "xml1.so_ngay_dtri.upper_bound" => (
            "Đếm số ngày cấp thuốc hoặc số ngày có dịch vụ, không quá số ngày từ NGAY_VAO đến NGAY_RA",
            "count the drug days or service days; they cannot exceed the days from NGAY_VAO to NGAY_RA",
        ),
        "xml2.share.other_sources" | "xml3.share.other_sources" => (
            "Trừ nguồn khác vào phần người bệnh trả trước, rồi cùng chi trả, rồi quỹ BHYT",
            "deduct other sources from the patient's share first, then the co-payment, then the fund",
        ),
        "hoso.exam_fee.inpatient_once" => (
            "Điều trị nội trú chỉ thanh toán một lần khám",
            "an inpatient episode pays for one examination",
        ),
        "hoso.bed_days.duration" => (
            "Kiểm tra số lượng ngày giường so với thời gian điều trị",
            "check the bed quantities against the length of stay",
        ),
        _ => return None,
    })
}
