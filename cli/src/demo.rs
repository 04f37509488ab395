//! `lienthong demo`: the main job, end to end on this machine with no configuration and no
//! network. It generates a batch of invented visits, streams them through validation, breaks one
//! visit on purpose and explains what the validator says, proves the XML -> JSON -> XML round
//! trip, then signs every visit with a throw-away certificate, checks them in and submits them to
//! the sandbox gateway through the durable outbox (see `demo_gateway.rs`).

use crate::Failure;
use lienthong::codec::json::{envelope_from_json, envelope_to_json};
use lienthong::codec::Envelope;
use lienthong::gen::{generate, GenOptions};
use lienthong::report::{validate_reader, ValidateOptions};
use lienthong::types::Field;
use std::process::ExitCode;
use std::time::Instant;

/// Prints the heading of a demo step, in Vietnamese and English.
pub(crate) fn step(n: u32, vi: &str, en: &str) {
    println!("\n[{n}] {vi}\n    {en}");
}

pub fn run(hoso: usize) -> Result<ExitCode, Failure> {
    let fail = |e: &dyn std::fmt::Display| Failure::CannotRun(format!("demo failed: {e}"));
    println!(
        "Lienthong {} - demo / trình diễn (QĐ 130/QĐ-BYT, QĐ 4750, QĐ 3176)",
        env!("CARGO_PKG_VERSION")
    );

    step(
        1,
        "Tạo dữ liệu khám chữa bệnh giả lập",
        "Generating invented visits",
    );
    let t = Instant::now();
    let file = generate(&GenOptions {
        hoso,
        seed: 2026,
        facility: lienthong_connectors::sandbox::DEMO_FACILITY.into(),
        ..Default::default()
    });
    println!(
        "    {hoso} HOSO, {} bytes, {:.0} ms",
        file.len(),
        t.elapsed().as_secs_f64() * 1e3
    );

    step(
        2,
        "Kiểm tra từng HOSO (đọc luồng, bộ nhớ không đổi)",
        "Validating one HOSO at a time (streaming, flat memory)",
    );
    let t = Instant::now();
    let mut findings = Vec::new();
    let sum = validate_reader(&file[..], &ValidateOptions::default(), |f| findings.push(f))
        .map_err(|e| fail(&e))?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "    {} HOSO, {} lỗi/errors, {} cảnh báo/warnings, {:.1} MB/s",
        sum.hoso,
        sum.errors,
        sum.warnings,
        file.len() as f64 / 1e6 / secs.max(1e-9)
    );
    if sum.errors > 0 {
        return Err(Failure::CannotRun(
            "generated data should be clean; please report this".into(),
        ));
    }

    step(
        3,
        "Làm hỏng một HOSO để xem cảnh báo của bộ kiểm tra",
        "Breaking one visit on purpose to see what the validator reports",
    );
    let mut env = Envelope::from_bytes(&file).map_err(|e| fail(&e))?;
    let broken = &mut env.hosos[0];
    if let Some(line) = broken.xml2.first_mut() {
        line.tt_thau = Field::Absent;
    }
    if let Some(x1) = broken.xml1.as_mut() {
        // Discharge before admission, and a card number whose benefit digit is 7.
        x1.ngay_ra = Field::from_wire("202503010700");
        x1.ma_the_bhyt = Field::from_wire("GD7790000000001");
    }
    println!("    - XML2[1]: bỏ TT_THAU / removed TT_THAU");
    println!("    - XML1: NGAY_RA trước NGAY_VAO / NGAY_RA before NGAY_VAO");
    println!("    - XML1: MA_THE_BHYT có chữ số mức hưởng 7 / card with benefit digit 7");
    let bytes = env.to_bytes().map_err(|e| fail(&e))?;
    let mut shown = Vec::new();
    let sum = validate_reader(&bytes[..], &ValidateOptions::default(), |f| shown.push(f))
        .map_err(|e| fail(&e))?;
    for f in &shown {
        println!("    {} {} {}", f.severity.as_str(), f.rule, f.path);
        println!("      vi: {}", f.message_vi);
        println!("      en: {}", f.message_en);
    }
    println!("    => {} lỗi/errors: tệp này sẽ bị cổng giám định từ chối / the gateway would reject this file", sum.errors);

    step(
        4,
        "Chuyển XML -> JSON -> XML, giữ nguyên từng trường",
        "Converting XML -> JSON -> XML, every field kept",
    );
    let json = envelope_to_json(&Envelope::from_bytes(&file).map_err(|e| fail(&e))?);
    let back = envelope_from_json(&json)
        .map_err(|e| fail(&e))?
        .to_bytes()
        .map_err(|e| fail(&e))?;
    let same = back == file;
    println!(
        "    {} bytes JSON; XML giống hệt bản gốc / identical to the original: {same}",
        json.to_string().len()
    );
    if !same {
        return Err(Failure::CannotRun(
            "the round trip changed the file; please report this".into(),
        ));
    }

    crate::demo_gateway::run(&file, &bytes, 5)
}
