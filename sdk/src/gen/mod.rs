//! Synthetic claim files for tests, benchmarks, the demo and fuzz seeds: realistic, fully
//! consistent visits (Vietnamese names, structurally valid CCCD and card numbers, outpatient and
//! inpatient episodes with drugs, services, beds and supplies, totals that balance under the
//! formulas of xml130.md §4). All data is invented. The same options always give the same bytes.

mod catalog;
mod rng;

pub use rng::Rng;

use crate::codec::{EnvelopeHeader, EnvelopeWriter, WriteError};
use crate::hoso::Hoso;
use crate::money::{drug_line, service_line};
use crate::tables::*;
use crate::types::{Date, DateTime, Dec, Decimal, FacilityCode, Int};
use catalog::*;
use std::io::Write;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenOptions {
    /// Number of `HOSO` (episodes).
    pub hoso: usize,
    /// Seed: the same seed gives the same file.
    pub seed: u64,
    /// The facility (`MA_CSKCB`, `MACSKCB`), 5 characters.
    pub facility: String,
    /// Year of the visits.
    pub year: u16,
    /// Month of the visits.
    pub month: u8,
    /// Statutory base salary in đồng (for the 15 % threshold of the benefit level).
    pub base_salary: u64,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions {
            hoso: 10,
            seed: 1,
            facility: "79001".into(),
            year: 2025,
            month: 3,
            base_salary: 2_340_000,
        }
    }
}

/// A whole generated envelope in memory.
pub fn generate(opts: &GenOptions) -> Vec<u8> {
    // Generated records are always writable (no control characters), so writing cannot fail.
    generate_to(opts, Vec::new()).unwrap_or_default()
}

/// Streams a generated envelope into `out`, one `HOSO` at a time (memory stays flat).
pub fn generate_to<W: Write>(opts: &GenOptions, out: W) -> Result<W, WriteError> {
    let facility = FacilityCode::new(&opts.facility)
        .unwrap_or_else(|_| FacilityCode::new("79001").expect("valid code"));
    let made = Date::new(opts.year, opts.month, 28)
        .unwrap_or_else(|| Date::new(2025, 3, 28).expect("valid date"));
    let header = EnvelopeHeader::new(facility, made, opts.hoso as u64);
    let mut w = EnvelopeWriter::new(out, &header)?;
    for i in 0..opts.hoso {
        w.write_hoso(&generate_hoso(opts, i))?;
    }
    w.finish(None)
}

fn dec(v: Decimal) -> Dec {
    Dec::new(v.normalize()).unwrap_or_default()
}

fn d(v: u64) -> Dec {
    Dec::from_u64(v)
}

struct LineSpec {
    drug: Option<&'static Drug>,
    service: Option<&'static Service>,
    qty: u64,
    at: DateTime,
    done: Option<DateTime>,
    result: Option<DateTime>,
    donation: u64,
}

/// Episode `index` (0-based) of the file described by `opts`.
pub fn generate_hoso(opts: &GenOptions, index: usize) -> Hoso {
    let mut rng = Rng::new(
        opts.seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ (index as u64).wrapping_mul(0x9E37_79B9),
    );
    let facility = &opts.facility;
    let male = rng.chance(48);
    let name = format!(
        "{} {} {}",
        rng.pick(HO),
        rng.pick(if male { DEM_NAM } else { DEM_NU }),
        rng.pick(if male { TEN_NAM } else { TEN_NU })
    )
    .to_uppercase();
    let birth_year = rng.range(1945, 2005) as u16;
    let birth = if rng.chance(4) {
        format!("{birth_year}00000000")
    } else {
        format!(
            "{birth_year}{:02}{:02}0000",
            rng.range(1, 12),
            rng.range(1, 28)
        )
    };
    let century = if birth_year >= 2000 { 2 } else { 0 } + u64::from(!male);
    let cccd = format!("079{century}{:02}{}", birth_year % 100, rng.digits(6));
    let (prefix, level) = *rng.pick(CARD_PREFIXES);
    let card = format!("{prefix}{level}79{}", rng.digits(10));
    let day = rng.range(1, 26) as u8;
    let vao = DateTime::new(
        opts.year,
        opts.month,
        day,
        rng.range(7, 15) as u8,
        rng.range(0, 59) as u8,
    )
    .unwrap_or_else(|| DateTime::new(2025, 3, 1, 8, 0).expect("valid"));
    let kind = match rng.range(0, 99) {
        0..=64 => "01",
        65..=84 => "03",
        85..=94 => "02",
        _ => "09",
    };
    let (diag_code, diag_text, _) = *rng.pick(if kind == "03" {
        &DIAGNOSES[8..]
    } else {
        &DIAGNOSES[..8]
    });
    let ma_lk = format!(
        "{facility}.{:02}{:02}{:02}.{index:07}",
        opts.year % 100,
        opts.month,
        day
    );
    let at = |m: i64| vao.add_minutes(m).unwrap_or(vao);

    // Timeline of the episode.
    let (vao_nt, ra, stay_days) = match kind {
        "03" => {
            let days = rng.range(2, 8) as i64;
            (
                Some(at(60)),
                at(60 + days * 1440 + rng.range(0, 300) as i64),
                days,
            )
        }
        "02" => {
            let days = rng.range(1, 4) as i64;
            (None, at(days * 1440 + 60), days)
        }
        "09" => (Some(at(20)), at(20 + rng.range(60, 200) as i64), 0),
        _ => (None, at(rng.range(40, 200) as i64), 0),
    };
    // QĐ 130/4750: outpatient treatment ends at 23:59 of the discharge day (abolished by 3176).
    let legacy = crate::validate::Pack::for_date(ra.date()) != crate::validate::Pack::Qd3176;
    let ra = if kind == "02" && legacy {
        let d = ra.date();
        DateTime::new(d.year(), d.month(), d.day(), 23, 59).unwrap_or(ra)
    } else {
        ra
    };
    let span = (ra.date().day_number() - vao.date().day_number() + 1) as u64;
    let so_ngay = match kind {
        "03" | "02" => span,
        _ => 0,
    };

    // Lines: exam, paraclinical services, drugs, beds and supplies for inpatients.
    let mut lines = vec![LineSpec {
        drug: None,
        service: Some(&EXAM),
        qty: 1,
        at: at(5),
        done: Some(at(10)),
        result: None,
        donation: 0,
    }];
    for _ in 0..rng.range(0, 3) {
        let s = rng.pick(PARACLINICAL);
        if lines
            .iter()
            .any(|l| l.service.is_some_and(|x| x.code == s.code))
        {
            continue;
        }
        lines.push(LineSpec {
            drug: None,
            service: Some(s),
            qty: 1,
            at: at(15),
            done: Some(at(25)),
            result: Some(at(35)),
            donation: 0,
        });
    }
    let inpatient = matches!(kind, "03" | "09");
    for _ in 0..rng.range(1, 4) {
        let drug = rng.pick(if inpatient { DRUGS } else { &DRUGS[..7] });
        if lines
            .iter()
            .any(|l| l.drug.is_some_and(|x| x.code == drug.code))
        {
            continue;
        }
        let qty = if inpatient {
            rng.range(2, 10)
        } else {
            rng.range(10, 60)
        };
        let donation = if drug.ratio < 100 && rng.chance(50) {
            100_000
        } else {
            0
        };
        let given = inpatient.then(|| at(45));
        lines.push(LineSpec {
            drug: Some(drug),
            service: None,
            qty,
            at: at(40),
            done: given,
            result: None,
            donation,
        });
    }
    if kind == "03" {
        lines.push(LineSpec {
            drug: None,
            service: Some(&BED),
            qty: stay_days as u64,
            at: at(60),
            done: None,
            result: None,
            donation: 0,
        });
        lines.push(LineSpec {
            drug: None,
            service: Some(&SUPPLY),
            qty: rng.range(2, 6),
            at: at(70),
            done: None,
            result: None,
            donation: 0,
        });
    }

    // Benefit level: the card's, or 100 % when the in-scope total is under 15 % of the base salary.
    let amounts = |muc: u64| -> Vec<crate::money::LineAmounts> {
        lines
            .iter()
            .map(|l| match (l.drug, l.service) {
                (Some(dr), _) => drug_line(
                    Decimal::from(l.qty),
                    Decimal::from(dr.price),
                    dr.ratio,
                    muc,
                    Decimal::from(l.donation),
                ),
                (_, Some(s)) => service_line(
                    Decimal::from(l.qty),
                    Decimal::from(s.price_bv),
                    Decimal::from(s.price_bh),
                    100,
                    100,
                    muc,
                    Decimal::ZERO,
                ),
                _ => None,
            })
            // Catalogue prices and quantities are small: the amounts always fit.
            .map(Option::unwrap_or_default)
            .collect()
    };
    let mut muc = muc_huong(level);
    let in_scope: Decimal = amounts(muc).iter().map(|a| a.thanh_tien_bh).sum();
    if in_scope < Decimal::from(opts.base_salary * 15 / 100) {
        muc = 100;
    }
    let amounts = amounts(muc);
    // QĐ 3176: outpatient treatment counts the days with services, not the days of the stay.
    let so_ngay = if kind == "02" && !legacy {
        let days: std::collections::HashSet<i64> = lines
            .iter()
            .flat_map(|l| [Some(l.at), l.done])
            .flatten()
            .map(|t| t.date().day_number())
            .collect();
        days.len() as u64
    } else {
        so_ngay
    };

    let khoa = if kind == "01" { "K01" } else { "K02" };
    let doctor = format!("{:06}/HCM-GPHN", rng.range(1, 99999));
    let mut xml2 = Vec::new();
    let mut xml3 = Vec::new();
    let mut xml4 = Vec::new();
    for (l, a) in lines.iter().zip(&amounts) {
        let common_t = |x: Decimal| dec(x);
        if let Some(dr) = l.drug {
            let b = DrugLine::builder()
                .ma_lk(ma_lk.as_str())
                .stt(Int::new(xml2.len() as u64 + 1))
                .ma_thuoc(dr.code)
                .ma_nhom(if dr.ratio < 100 { "6" } else { "4" })
                .ten_thuoc(dr.name)
                .don_vi_tinh(dr.unit)
                .ham_luong(dr.strength)
                .duong_dung(dr.route)
                .lieu_dung(dr.dosage)
                .so_dang_ky(format!("VD-{}-22", 10000 + rng.range(0, 89999)).as_str())
                .tt_thau("57/QĐ-TTMS;G1;N1;2024")
                .pham_vi("1")
                .tyle_tt_bh(Int::new(dr.ratio))
                .so_luong(d(l.qty))
                .don_gia(d(dr.price))
                .thanh_tien_bv(common_t(a.thanh_tien_bv))
                .thanh_tien_bh(common_t(a.thanh_tien_bh))
                .t_nguonkhac_nsnn(d(l.donation))
                .t_nguonkhac_vtnn(d(0))
                .t_nguonkhac_vttn(d(0))
                .t_nguonkhac_cl(d(0))
                .t_nguonkhac(common_t(a.t_nguonkhac))
                .muc_huong(Int::new(muc))
                .t_bntt(common_t(a.t_bntt))
                .t_bncct(common_t(a.t_bncct))
                .t_bhtt(common_t(a.t_bhtt))
                .ma_khoa(khoa)
                .ma_bac_si(doctor.as_str())
                .ngay_yl(l.at)
                .ngay_th_yl(l.done)
                .ma_pttt("1")
                .nguon_ctra("1");
            xml2.push(b.build_unchecked());
        } else if let Some(s) = l.service {
            let supply = s.nhom == "10";
            let mut b = ServiceLine::builder()
                .ma_lk(ma_lk.as_str())
                .stt(Int::new(xml3.len() as u64 + 1))
                .ma_nhom(s.nhom)
                .don_vi_tinh(if supply {
                    "cái"
                } else if s.nhom == "15" {
                    "ngày"
                } else {
                    "lần"
                })
                .pham_vi("1")
                .so_luong(d(l.qty))
                .don_gia_bv(d(s.price_bv))
                .don_gia_bh(d(s.price_bh))
                .tyle_tt_dv(Int::new(100))
                .tyle_tt_bh(Int::new(100))
                .thanh_tien_bv(common_t(a.thanh_tien_bv))
                .thanh_tien_bh(common_t(a.thanh_tien_bh))
                .muc_huong(Int::new(muc))
                .t_nguonkhac_nsnn(d(0))
                .t_nguonkhac_vtnn(d(0))
                .t_nguonkhac_vttn(d(0))
                .t_nguonkhac_cl(d(0))
                .t_nguonkhac(common_t(a.t_nguonkhac))
                .t_bntt(common_t(a.t_bntt))
                .t_bncct(common_t(a.t_bncct))
                .t_bhtt(common_t(a.t_bhtt))
                .ma_khoa(khoa)
                .ma_bac_si(doctor.as_str())
                .ma_benh(diag_code)
                .ngay_yl(l.at)
                .ma_pttt("1");
            b = if supply {
                b.ma_vat_tu(s.code)
                    .ten_vat_tu(s.name)
                    .tt_thau("20.00;G1;N1;2024")
            } else {
                b.ma_dich_vu(s.code).ten_dich_vu(s.name)
            };
            if s.nhom == "15" {
                b = b.ma_giuong("H001");
            }
            if matches!(s.nhom, "1" | "2" | "3") {
                b = b
                    .nguoi_thuc_hien(doctor.as_str())
                    .ngay_th_yl(l.done)
                    .ngay_kq(l.result)
                    .ma_may(s.machine.unwrap_or(""));
            } else if s.nhom == "13" {
                b = b.ngay_th_yl(l.done);
            }
            let line = b.build_unchecked();
            if matches!(s.nhom, "1" | "2" | "3") {
                xml4.push(
                    ParaclinicalResult::builder()
                        .ma_lk(ma_lk.as_str())
                        .stt(Int::new(xml4.len() as u64 + 1))
                        .ma_dich_vu(s.code)
                        .ten_chi_so(s.name)
                        .gia_tri(if s.nhom == "1" { "5.6" } else { "" })
                        .ket_luan(if s.nhom == "1" {
                            ""
                        } else {
                            "Chưa phát hiện bất thường"
                        })
                        .ngay_kq(l.result)
                        .ma_bs_doc_kq(doctor.as_str())
                        .build_unchecked(),
                );
            }
            xml3.push(line);
        }
    }

    let rv = if kind == "03" && rng.chance(10) {
        "2"
    } else {
        "1"
    };
    let reexam = kind == "01" && rng.chance(30);
    let reexam_date = ra.date().add_days(30);
    let summary_b = Summary::builder()
        .ma_lk(ma_lk.as_str())
        .stt(Int::new(index as u64 + 1))
        .ma_bn(format!("BN{:08}", index + 1).as_str())
        .ho_ten(name.as_str())
        .so_cccd(cccd.as_str())
        .ngay_sinh(birth.as_str())
        .gioi_tinh(if male { "1" } else { "2" })
        .ma_quoctich("000")
        .ma_dantoc("01")
        .ma_nghe_nghiep("00")
        .dia_chi(
            format!(
                "Số {} đường {}, {}, TP Hồ Chí Minh",
                rng.range(1, 300),
                rng.pick(DUONG),
                rng.pick(PHUONG)
            )
            .as_str(),
        )
        .matinh_cu_tru("79")
        .mahuyen_cu_tru("760")
        .maxa_cu_tru("26734")
        .dien_thoai(format!("09{}", rng.digits(8)).as_str())
        .ma_the_bhyt(card.as_str())
        .ma_dkbd(facility.as_str())
        .gt_the_tu(format!("{}0101", opts.year).as_str())
        .gt_the_den(format!("{}1231", opts.year).as_str())
        .ly_do_vv(if inpatient {
            "Sốt, mệt nhiều"
        } else {
            "Khám bệnh"
        })
        .ly_do_vnt(if inpatient {
            "Theo dõi và điều trị nội trú"
        } else {
            ""
        })
        .chan_doan_vao(diag_text)
        .chan_doan_rv(diag_text)
        .ma_benh_chinh(diag_code)
        .ma_doituong_kcb("1.1")
        .ngay_vao(vao)
        .ngay_vao_noi_tru(vao_nt)
        .ngay_ra(ra)
        .so_ngay_dtri(Int::new(so_ngay))
        .pp_dieu_tri("Nội khoa")
        .ket_qua_dtri("2")
        .ma_loai_rv(rv)
        .ma_noi_den(if rv == "2" { "79002" } else { "" })
        .ngay_ttoan(ra.add_minutes(15))
        .nam_qt(Int::new(u64::from(opts.year)))
        .thang_qt(Int::new(u64::from(opts.month)))
        .ma_loai_kcb(kind)
        .ma_khoa(if kind == "01" { "K01" } else { "K01;K02" })
        .ma_cskcb(facility.as_str())
        .can_nang(Dec::new(Decimal::new(rng.range(4500, 8000) as i64, 2)).unwrap_or_default())
        .ngay_tai_kham(
            reexam
                .then_some(())
                .and(reexam_date)
                .map(crate::types::List::from),
        )
        .ma_hsba(format!("{}{:07}", if inpatient { "NT" } else { "KB" }, index + 1).as_str())
        .ma_ttdv("7900012345")
        .totals_from(&xml2, &xml3);
    let summary = summary_b.build_unchecked();

    let mut hoso = Hoso {
        xml1: None,
        xml2,
        xml3,
        xml4,
        ..Default::default()
    };
    if matches!(kind, "02" | "03" | "09") {
        let days = if kind == "09" { 1 } else { span.max(1) };
        hoso.xml5 = (0..days)
            .map(|i| {
                ClinicalNote::builder()
                    .ma_lk(ma_lk.as_str())
                    .stt(Int::new(i + 1))
                    .dien_bien_ls(if i == 0 {
                        "Bệnh nhân tỉnh, sốt nhẹ. CSST<M85_T37.8_HA120/80_NT18>"
                    } else {
                        "Bệnh ổn định, ăn uống được"
                    })
                    .thoi_diem_dbls(
                        vao.add_minutes(90 + i as i64 * 1440)
                            .filter(|t| *t <= ra)
                            .unwrap_or(ra),
                    )
                    .nguoi_thuc_hien(doctor.as_str())
                    .build_unchecked()
            })
            .collect();
    }
    if inpatient {
        hoso.xml7 = Some(
            DischargePaperBuilder::for_episode(&summary)
                .so_luu_tru(format!("LT{:07}", index + 1).as_str())
                // The health code is the patient code of XML1 (QĐ 130 Bảng 7, MA_YTE).
                .ma_yte(summary.ma_bn.wire().as_ref())
                .ma_khoa_rv("K02")
                .pp_dieutri("Nội khoa, kháng sinh đường tĩnh mạch")
                // QĐ 130/4750: the doctor's 10-digit health ID; QĐ 3176: the licence number.
                .ma_bs(if legacy {
                    "7900054321"
                } else {
                    doctor.as_str()
                })
                .ten_bs("BS. NGUYỄN VĂN BÌNH")
                .ngay_ct(ra.date())
                .build_unchecked(),
        );
    }
    if kind == "03" {
        hoso.xml8 = Some(
            RecordSummaryBuilder::for_episode(&summary)
                .qt_benhly("Vào viện vì sốt, được điều trị nội khoa, diễn biến ổn định")
                .tomtat_kq("Xét nghiệm máu trong giới hạn bình thường")
                .pp_dieutri("Nội khoa")
                .ngay_ct(ra.date())
                .build_unchecked(),
        );
    }
    if rv == "2" {
        hoso.xml13 = Some(
            ReferralBuilder::for_episode(&summary)
                .ma_noi_den("79002")
                .so_hoso(format!("CT{:07}", index + 1).as_str())
                .so_chuyentuyen(format!("{:05}", index + 1).as_str())
                .giay_chuyen_tuyen(format!("GCT{:07}", index + 1).as_str())
                .dau_hieu_ls("Sốt cao kéo dài, đáp ứng điều trị kém")
                .qt_benhly("Điều trị nội khoa 3 ngày không cải thiện")
                .tomtat_kq("Bạch cầu tăng")
                .ten_dich_vu("Xét nghiệm, chẩn đoán hình ảnh")
                .ma_lydo_ct("2")
                .huong_dieu_tri("Tiếp tục điều trị chuyên khoa")
                .phuongtien_vc("Xe cứu thương")
                .ma_bac_si(doctor.as_str())
                .build_unchecked(),
        );
    }
    if reexam {
        hoso.xml14 = Some(
            ReexamBuilder::for_episode(&summary)
                .so_giayhen_kl(format!("HK{:07}", index + 1).as_str())
                .ngay_hen_kl(reexam_date.map(crate::types::DateOrDateTime::Date))
                .ma_bac_si(doctor.as_str())
                .ngay_ct(ra.date())
                .build_unchecked(),
        );
    }
    hoso.xml1 = Some(summary);
    hoso
}

/// The check-in row that the facility would have sent for a generated episode (first cost: the
/// examination).
pub fn checkin_for(hoso: &Hoso) -> Option<CheckinRow> {
    let summary = hoso.xml1.as_ref()?;
    let exam = hoso.xml3.first()?;
    Some(
        CheckinRowBuilder::for_episode(summary)
            .ma_the_bhyt(
                summary
                    .ma_the_bhyt
                    .value()
                    .and_then(|l| l.items().first().cloned()),
            )
            .ma_dkbd(
                summary
                    .ma_dkbd
                    .value()
                    .and_then(|l| l.items().first().cloned()),
            )
            .gt_the_tu(
                summary
                    .gt_the_tu
                    .value()
                    .and_then(|l| l.items().first().copied()),
            )
            .gt_the_den(
                summary
                    .gt_the_den
                    .value()
                    .and_then(|l| l.items().first().copied()),
            )
            .ma_dich_vu(exam.ma_dich_vu.clone())
            .ten_dich_vu(exam.ten_dich_vu.clone())
            .ngay_yl(exam.ngay_yl.clone())
            .stt(Int::new(1))
            .build_unchecked(),
    )
}
