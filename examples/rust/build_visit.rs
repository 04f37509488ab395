//! Builds the worked example of an outpatient visit (xml130.md §5: an insured woman, one exam, a
//! glucose test, an ultrasound and three take-home drugs, one paid at 50 %) with Lienthong's
//! builders, checks every record, and writes the `GIAMDINHHS` envelope.
//!
//! Run: `cargo run -p lienthong --example build_visit -- visit.xml` (standard output without a path).

use lienthong::codec::Envelope;
use lienthong::tables::{DrugLine, ServiceLine, Summary};
use lienthong::types::{Date, DateTime, FacilityCode, Int};
use lienthong::validate::check_hoso;
use lienthong::Hoso;

type Error = Box<dyn std::error::Error>;

const MA_LK: &str = "79999.KB250310.0001";

fn drug(
    stt: u64,
    code: &str,
    name: &str,
    strength: &str,
    qty: u64,
    price: u64,
    ratio: u64,
) -> Result<DrugLine, Error> {
    let line = DrugLine::builder()
        .ma_lk(MA_LK)
        .stt(Int::new(stt))
        .ma_thuoc(code)
        .ma_nhom(if ratio < 100 { "6" } else { "4" })
        .ten_thuoc(name)
        .don_vi_tinh("viên")
        .ham_luong(strength)
        .duong_dung("1.01")
        .lieu_dung("1 viên/lần, ngày 2 lần")
        .so_dang_ky("VD-12345-22")
        .tt_thau("57/QĐ-TTMS;G1;N1;2024")
        .pham_vi("1")
        .tyle_tt_bh(Int::new(ratio))
        .so_luong(lienthong::types::Dec::from(qty))
        .don_gia(lienthong::types::Dec::from(price))
        .t_nguonkhac_nsnn("0")
        .t_nguonkhac_vtnn("0")
        .t_nguonkhac_vttn("0")
        .t_nguonkhac_cl("0")
        .muc_huong(Int::new(80))
        .ma_khoa("K01")
        .ma_bac_si("0009999/HCM-GPHN")
        .ngay_yl("202503100830")
        .ma_pttt("1")
        .nguon_ctra("1")
        .compute_amounts()
        .build()?;
    Ok(line)
}

fn service(stt: u64, code: &str, name: &str, nhom: &str, price: u64) -> Result<ServiceLine, Error> {
    let mut b = ServiceLine::builder()
        .ma_lk(MA_LK)
        .stt(Int::new(stt))
        .ma_dich_vu(code)
        .ten_dich_vu(name)
        .ma_nhom(nhom)
        .don_vi_tinh("lần")
        .pham_vi("1")
        .so_luong(lienthong::types::Dec::from(1))
        .don_gia_bv(lienthong::types::Dec::from(price))
        .don_gia_bh(lienthong::types::Dec::from(price))
        .tyle_tt_dv(Int::new(100))
        .tyle_tt_bh(Int::new(100))
        .muc_huong(Int::new(80))
        .t_nguonkhac_nsnn("0")
        .t_nguonkhac_vtnn("0")
        .t_nguonkhac_vttn("0")
        .t_nguonkhac_cl("0")
        .ma_khoa("K01")
        .ma_bac_si("0009999/HCM-GPHN")
        .ma_benh("E11.9")
        .ngay_yl("202503100810")
        .ma_pttt("1");
    if nhom != "13" {
        // Paraclinical services name the machine that ran them (xml3.ma_may.required).
        let machine = if nhom == "1" {
            "SH.1.79999.1"
        } else {
            "SA.1.79999.1"
        };
        b = b
            .ma_may(machine)
            .nguoi_thuc_hien("0009998/HCM-GPHN")
            .ngay_th_yl("202503100815")
            .ngay_kq("202503100900");
    }
    Ok(b.compute_amounts().build()?)
}

fn main() -> Result<(), Error> {
    let drugs = vec![
        drug(1, "40.677", "Metformin", "500mg", 60, 1250, 100)?,
        drug(2, "40.678", "Gliclazid", "30mg", 30, 3800, 100)?,
        drug(
            3,
            "40.999",
            "Thuốc thanh toán theo tỷ lệ",
            "10mg",
            30,
            5000,
            50,
        )?,
    ];
    let services = vec![
        service(1, "02.1896", "Khám Nội", "13", 34500)?,
        service(2, "23.0075.1494", "Định lượng Glucose [Máu]", "1", 21500)?,
        service(3, "18.0001.0001", "Siêu âm ổ bụng", "2", 43900)?,
    ];
    let summary = Summary::builder()
        .ma_lk(MA_LK)
        .stt(Int::new(1))
        .ma_bn("BN0000001")
        .ho_ten("TRẦN THỊ MẪU")
        .so_cccd("079185000001")
        .ngay_sinh("198504150000")
        .gioi_tinh("2")
        .ma_quoctich("000")
        .ma_dantoc("01")
        .ma_nghe_nghiep("00")
        .dia_chi("Số 1 đường Thử Nghiệm, Phường Mẫu, TP Hồ Chí Minh")
        .matinh_cu_tru("79")
        .mahuyen_cu_tru("760")
        .maxa_cu_tru("26734")
        .ma_the_bhyt("GD4799990000001")
        .ma_dkbd("79999")
        .gt_the_tu("20250101")
        .gt_the_den("20251231")
        .ly_do_vv("Khám định kỳ đái tháo đường")
        .chan_doan_vao("Đái tháo đường type 2")
        .chan_doan_rv("Bệnh đái tháo đường không phụ thuộc insulin, không có biến chứng; Tăng huyết áp vô căn")
        .ma_benh_chinh("E11.9")
        .ma_benh_kt("I10")
        .ma_doituong_kcb("1.1")
        .ngay_vao(DateTime::new(2025, 3, 10, 8, 0).ok_or("date")?)
        .ngay_ra(DateTime::new(2025, 3, 10, 9, 50).ok_or("date")?)
        .so_ngay_dtri(Int::new(0))
        .ket_qua_dtri("2")
        .ma_loai_rv("1")
        .ngay_ttoan("202503101000")
        .nam_qt(Int::new(2025))
        .thang_qt(Int::new(3))
        .ma_loai_kcb("01")
        .ma_khoa("K01")
        .ma_cskcb("79999")
        .can_nang("58.00")
        .ma_hsba("KB2503100001")
        .ma_ttdv("7999900001")
        .totals_from(&drugs, &services)
        .build()?;
    // The totals of the worked example: 438,900 in all, 291,120 from the fund.
    assert_eq!(summary.t_tongchi_bv.wire(), "438900");
    assert_eq!(summary.t_bhtt.wire(), "291120");

    let hoso = Hoso {
        xml1: Some(summary),
        xml2: drugs,
        xml3: services,
        ..Default::default()
    };
    let findings = check_hoso(&hoso);
    for f in &findings {
        eprintln!("{f}");
    }
    let envelope = Envelope::new(
        FacilityCode::new("79999")?,
        Date::new(2025, 3, 10).ok_or("date")?,
        vec![hoso],
    );
    let bytes = envelope.to_bytes()?;
    match std::env::args().nth(1) {
        Some(path) => std::fs::write(path, &bytes)?,
        None => print!("{}", String::from_utf8(bytes)?),
    }
    if findings.is_empty() {
        Ok(())
    } else {
        Err(format!("{} finding(s)", findings.len()).into())
    }
}
