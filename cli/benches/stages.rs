//! `cargo bench -p lienthong-cli`: the stages of `lienthong bench` under criterion, on a generated
//! file held in memory (throughput in bytes of the envelope). `lienthong bench FILE` measures the
//! same stages on a file of any size, with the Python baseline and peak memory.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lienthong::codec::Limits;
use lienthong::report::bench as stages;
use lienthong::report::{validate_reader, ValidateOptions};

fn file() -> Vec<u8> {
    let hoso = std::env::var("LIENTHONG_BENCH_HOSO")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    lienthong::gen::generate(&lienthong::gen::GenOptions {
        hoso,
        seed: 1,
        ..Default::default()
    })
}

fn bench(c: &mut Criterion) {
    let file = file();
    let mut g = c.benchmark_group("envelope");
    g.throughput(Throughput::Bytes(file.len() as u64));
    g.sample_size(10);
    g.bench_function("floor: events + base64", |b| {
        b.iter(|| stages::floor(&file[..]).unwrap())
    });
    g.bench_function("floor + table events", |b| {
        b.iter(|| stages::table_events(&file[..]).unwrap())
    });
    g.bench_function("envelope scan", |b| {
        b.iter(|| stages::envelope_scan(&file[..], Limits::default()).unwrap())
    });
    g.bench_function("parse to typed records", |b| {
        b.iter(|| stages::parse(&file[..], Limits::default()).unwrap())
    });
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    for jobs in [1, jobs]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
    {
        let options = ValidateOptions {
            jobs,
            ..Default::default()
        };
        g.bench_function(format!("full validation, {jobs} thread(s)"), |b| {
            b.iter(|| validate_reader(&file[..], &options, |_| {}).unwrap())
        });
    }
    g.bench_function("parse + serialize", |b| {
        b.iter(|| stages::serialize(&file[..], Limits::default()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
