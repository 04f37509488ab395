//! `lienthong bench FILE [--jobs N]`: how fast this machine reads, validates and writes a claim
//! file, stage by stage, against the floor (quick-xml events and base64 alone) and against the
//! Python scripts in use today (ElementTree), with peak memory. The stages are those of
//! `lienthong::report::bench`; `cargo bench` runs the same ones under criterion.

use crate::Failure;
use lienthong::report::bench::{self as stages, peak_rss_kb, reset_peak_rss};
use lienthong::report::{validate_reader, ValidateOptions};
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// The Python baseline, run as `python -c SCRIPT FILE`.
const BASELINE: &str = include_str!("bench_baseline.py");

/// Options of `lienthong bench`.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Threads for the parallel validation stage.
    pub jobs: usize,
    /// Runs of each stage (the fastest is shown).
    pub runs: usize,
    /// Python interpreter for the baseline (`None`: skip it).
    pub python: Option<String>,
}

/// `--jobs`: 0 means one thread per available core.
pub fn jobs(n: usize) -> usize {
    if n == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        n
    }
}

/// One measured stage.
#[derive(Debug, Clone)]
struct Row {
    name: String,
    time: Duration,
    /// Bytes the throughput is counted on (the input file, or the output for serialization).
    bytes: u64,
    hoso: usize,
    /// Peak RSS in KiB during the stage, and whether it is the stage's own (reset before it).
    peak_kb: Option<(u64, bool)>,
}

impl Row {
    fn mb_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.time.as_secs_f64().max(1e-9)
    }
    fn hoso_s(&self) -> f64 {
        self.hoso as f64 / self.time.as_secs_f64().max(1e-9)
    }
}

fn open(path: &Path) -> Result<BufReader<File>, Failure> {
    File::open(path)
        .map(|f| BufReader::with_capacity(1 << 16, f))
        .map_err(|e| Failure::CannotRun(format!("cannot open {}: {e}", path.display())))
}

/// Runs `stage` `runs` times; keeps the fastest time and the highest peak.
fn measure(
    name: &str,
    runs: usize,
    bytes: u64,
    mut stage: impl FnMut() -> Result<(usize, Option<Duration>), Failure>,
) -> Result<Row, Failure> {
    let mut best: Option<Row> = None;
    for _ in 0..runs.max(1) {
        let own = reset_peak_rss();
        let start = Instant::now();
        let (hoso, timed) = stage()?;
        let time = timed.unwrap_or_else(|| start.elapsed());
        let peak = peak_rss_kb().map(|kb| (kb, own));
        let row = Row {
            name: name.to_owned(),
            time,
            bytes,
            hoso,
            peak_kb: peak,
        };
        best = Some(match best {
            Some(b) => Row {
                peak_kb: match (b.peak_kb, row.peak_kb) {
                    (Some(x), Some(y)) => Some(if x.0 >= y.0 { x } else { y }),
                    (x, y) => x.or(y),
                },
                ..if row.time < b.time { row } else { b }
            },
            None => row,
        });
    }
    Ok(best.expect("at least one run"))
}

fn python_row(python: &str, path: &Path, bytes: u64, runs: usize) -> Result<Row, String> {
    let mut best: Option<Row> = None;
    for _ in 0..runs.max(1) {
        let out = Command::new(python)
            .arg("-c")
            .arg(BASELINE)
            .arg(path)
            .output()
            .map_err(|e| format!("cannot run {python}: {e}"))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            let last = err.lines().last().unwrap_or("").to_owned();
            return Err(format!("{python} failed: {last}"));
        }
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .map_err(|e| format!("unexpected output from {python}: {e}"))?;
        let secs = v["seconds"].as_f64().unwrap_or(f64::NAN);
        let row = Row {
            name: "Python ElementTree baseline".into(),
            time: Duration::from_secs_f64(secs.max(0.0)),
            bytes,
            hoso: v["hoso"].as_u64().unwrap_or(0) as usize,
            // getrusage's ru_maxrss is the child's own peak (KiB on Linux).
            peak_kb: v["maxrss_kb"].as_u64().map(|kb| (kb, true)),
        };
        best = Some(match best {
            Some(b) if b.time <= row.time => b,
            _ => row,
        });
    }
    best.ok_or_else(|| "no run".into())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_owned());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .map(|l| format!(", load average {l}"))
        .unwrap_or_default();
    format!("{cpu}, {cores} cores available{load}")
}

fn ratio_pct(a: &Row, b: &Row) -> f64 {
    a.mb_s() / b.mb_s() * 100.0
}

fn speedup(a: &Row, b: &Row) -> f64 {
    b.time.as_secs_f64() / a.time.as_secs_f64().max(1e-9)
}

pub fn run(path: &Path, opts: &BenchOptions) -> Result<ExitCode, Failure> {
    let size = std::fs::metadata(path)
        .map_err(|e| Failure::CannotRun(format!("cannot open {}: {e}", path.display())))?
        .len();
    let runs = opts.runs.max(1);
    let fail = |e: &dyn std::fmt::Display| Failure::BadInput(format!("{}: {e}", path.display()));
    let mut rows = Vec::new();
    // One-time costs (the ICD-10 catalogue, the rule tables) are paid before measuring.
    let warm = lienthong::gen::generate(&lienthong::gen::GenOptions {
        hoso: 2,
        ..Default::default()
    });
    let _ = validate_reader(&warm[..], &ValidateOptions::default(), |_| {});

    let floor = measure("floor: quick-xml events + base64", runs, size, || {
        let c = stages::floor(open(path)?).map_err(|e| fail(&e))?;
        Ok((c.hoso, None))
    })?;
    let counts = stages::floor(open(path)?).map_err(|e| fail(&e))?;
    rows.push(floor.clone());
    rows.push(measure("+ events of every table", runs, size, || {
        let c = stages::table_events(open(path)?).map_err(|e| fail(&e))?;
        Ok((c.hoso, None))
    })?);
    rows.push(measure(
        "envelope scan (sequential part)",
        runs,
        size,
        || {
            let c = stages::envelope_scan(open(path)?, Default::default()).map_err(|e| fail(&e))?;
            Ok((c.hoso, None))
        },
    )?);
    rows.push(measure("parse to typed records", runs, size, || {
        let c = stages::parse(open(path)?, Default::default()).map_err(|e| fail(&e))?;
        Ok((c.hoso, None))
    })?);
    let mut validate_rows = Vec::new();
    let mut job_counts = vec![1];
    if opts.jobs > 1 {
        job_counts.push(opts.jobs);
    }
    for jobs in job_counts {
        let options = ValidateOptions {
            jobs,
            ..Default::default()
        };
        let name = if jobs == 1 {
            "full validation, 1 thread".to_owned()
        } else {
            format!("full validation, --jobs {jobs}")
        };
        let row = measure(&name, runs, size, || {
            let sum = validate_reader(open(path)?, &options, |_| {}).map_err(|e| fail(&e))?;
            Ok((sum.hoso, None))
        })?;
        validate_rows.push(row.clone());
        rows.push(row);
    }
    let mut written = 0;
    let mut ser = measure("serialize (EnvelopeWriter)", runs, size, || {
        let w = stages::serialize(open(path)?, Default::default()).map_err(|e| fail(&e))?;
        written = w.bytes;
        Ok((w.hoso, Some(w.time)))
    })?;
    ser.bytes = written;
    rows.push(ser);
    let python = match &opts.python {
        Some(py) => match python_row(py, path, size, runs) {
            Ok(row) => {
                rows.push(row.clone());
                Some(row)
            }
            Err(e) => {
                eprintln!("lienthong bench: Python baseline skipped: {e}");
                None
            }
        },
        None => None,
    };

    let mut out = std::io::stdout().lock();
    let w = |out: &mut dyn Write, s: String| {
        let _ = writeln!(out, "{s}");
    };
    w(
        &mut out,
        format!(
            "lienthong bench: {} ({:.1} MB, {} HOSO, {} tables, {:.1} MB of table XML)",
            path.display(),
            size as f64 / 1e6,
            counts.hoso,
            counts.tables,
            counts.decoded_bytes as f64 / 1e6
        ),
    );
    w(
        &mut out,
        format!(
            "machine: {}; lienthong {}; best of {runs} run(s)",
            machine(),
            env!("CARGO_PKG_VERSION")
        ),
    );
    w(&mut out, String::new());
    w(
        &mut out,
        format!(
            "{:<36} {:>8} {:>8} {:>9} {:>9} {:>9} {:>11}",
            "stage", "time s", "MB/s", "HOSO/s", "% floor", "x Python", "peak RSS MB"
        ),
    );
    for r in &rows {
        let vs_py = python
            .as_ref()
            .map_or("-".to_owned(), |p| format!("{:.1}", r.mb_s() / p.mb_s()));
        let peak = match r.peak_kb {
            Some((kb, true)) => format!("{:.1}", kb as f64 / 1024.0),
            Some((kb, false)) => format!("<={:.1}", kb as f64 / 1024.0),
            None => "-".to_owned(),
        };
        w(
            &mut out,
            format!(
                "{:<36} {:>8.3} {:>8.1} {:>9.0} {:>9.1} {:>9} {:>11}",
                r.name,
                r.time.as_secs_f64(),
                r.mb_s(),
                r.hoso_s(),
                ratio_pct(r, &floor),
                vs_py,
                peak
            ),
        );
    }
    w(&mut out, String::new());
    w(&mut out, "targets:".to_owned());
    let mark = |ok: bool| if ok { "met" } else { "MISSED" };
    let one = &validate_rows[0];
    if let Some(p) = &python {
        let x = speedup(one, p);
        w(
            &mut out,
            format!(
                "  full validation >= 8x Python baseline: {x:.1}x ({})",
                mark(x >= 8.0)
            ),
        );
    }
    let pct = ratio_pct(one, &floor);
    w(
        &mut out,
        format!(
            "  full validation >= 40 % of the floor's throughput: {pct:.1} % ({})",
            mark(pct >= 40.0)
        ),
    );
    if let Some(par) = validate_rows.get(1) {
        let x = speedup(par, one);
        w(
            &mut out,
            format!(
                "  --jobs {} >= 1.8x one thread: {x:.2}x ({})",
                opts.jobs,
                mark(x >= 1.8)
            ),
        );
    }
    let peak = rows
        .iter()
        .filter(|r| !r.name.starts_with("Python"))
        .filter_map(|r| r.peak_kb.map(|p| p.0))
        .max();
    if let Some(kb) = peak {
        let mb = kb as f64 / 1024.0;
        w(
            &mut out,
            format!("  peak memory < 64 MB: {mb:.1} MB ({})", mark(mb < 64.0)),
        );
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}
