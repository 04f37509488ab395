//! `lienthong`: validate, convert and generate QĐ 130 claim files.

mod bench;
mod conformance;
mod convert;
mod demo;
mod demo_gateway;
mod gateway;
mod io;
mod rules;
mod sandbox;
mod sign;
mod validate;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

// Reading records allocates for long text and per row; mimalloc's thread-local free lists cut
// validation time by about a tenth against glibc's allocator (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Lienthong: QĐ 130/QĐ-BYT health-insurance claim files for Vietnamese hospitals.
#[derive(Debug, Parser)]
#[command(name = "lienthong", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// Human-readable, Vietnamese and English.
    Text,
    /// The JSON report contract.
    Json,
    /// JUnit XML, for CI tools: a test case per HOSO.
    Junit,
    /// One self-contained HTML page for people: totals by rule and table, then each HOSO.
    Html,
}

/// Target formats of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ConvertTo {
    /// JSON (element names as keys, values as strings exactly as in the file).
    Json,
    /// XML in canonical form.
    Xml,
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Print every rule: id, severity, table, element, source and description.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = rules::CatalogFormat::Text)]
        format: rules::CatalogFormat,
        /// Output file (standard output when omitted).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum CardCommand {
    /// Check a card with the gateway (KQNhanLichSuKCB2024). Exit 0: usable card; 1: not usable;
    /// 2: the command could not run.
    Check(gateway::CardCheckArgs),
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The rule catalogue.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Run the demo: generate visits, validate them, break one and explain the findings,
    /// round-trip XML through JSON, then sign, check in and submit every visit to an in-process
    /// sandbox gateway through the outbox. Needs no configuration and no network.
    Demo {
        /// Number of visits to generate.
        #[arg(long, default_value_t = 60)]
        hoso: usize,
    },
    /// Check files: structure, field dictionary and table rules. Exit 0: no error; 1: errors found;
    /// 2: the command could not run.
    Validate {
        /// Files to check (`-` for standard input): envelopes, check-in or XML12 documents.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Write the report here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Rule pack for every HOSO: 130, 4750 or 3176 (default: each HOSO's pack follows its dates).
        #[arg(long)]
        pack: Option<String>,
        /// A TOML rules file that changes severities (`[severity] "icd.age" = "error"`, or "off").
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Threads that decode and check HOSOs while the file is read (0: one per core; at
        /// most 64). The report is the same, in file order, whatever the number.
        #[arg(long, default_value_t = 1)]
        jobs: usize,
    },
    /// Measure reading, validation and writing speed on a file, stage by stage, against the floor
    /// (quick-xml events and base64 alone) and a Python ElementTree baseline, with peak memory.
    Bench {
        /// An envelope (make one with `lienthong gen --hoso 20000 -o FILE`).
        file: PathBuf,
        /// Threads for the parallel validation stage (0: one per core).
        #[arg(long, default_value_t = 0)]
        jobs: usize,
        /// Runs of each stage; the fastest is shown.
        #[arg(long, default_value_t = 1)]
        runs: usize,
        /// Python interpreter for the baseline.
        #[arg(long, default_value = "python3")]
        python: String,
        /// Skip the Python baseline.
        #[arg(long)]
        no_python: bool,
    },
    /// Convert between XML and JSON. Exit 0: converted; 1: the input is not a valid file;
    /// 2: the command could not run.
    Convert {
        /// Input file (`-` for standard input): XML (envelope, check-in, XML12) or its JSON form.
        file: PathBuf,
        /// Target format.
        #[arg(long, value_enum)]
        to: ConvertTo,
        /// Output file (standard output when omitted).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Generate a synthetic claim file of realistic, consistent (invented) visits.
    Gen {
        /// Number of HOSO (episodes).
        #[arg(long, default_value_t = 10)]
        hoso: usize,
        /// Seed: the same seed gives the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Facility code (5 characters).
        #[arg(long, default_value = "79001")]
        facility: String,
        /// Output file (standard output when omitted).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Sign a claim file (envelope, check-in or XML12 document) with the facility's key: an
    /// XMLDSig signature inside CHUKYDONVI, nothing else changed. Exit 0: signed; 1: the input
    /// cannot be signed; 2: the command could not run.
    Sign(sign::SignArgs),
    /// Card checks on the BHXH gateway.
    Card {
        #[command(subcommand)]
        command: CardCommand,
    },
    /// Send check-in documents (loaiHoSo=0) through the outbox: from check-in documents, or
    /// derived from each visit of claim files. Exit 0: all accepted; 1: some not accepted;
    /// 2: the command could not run.
    Checkin(gateway::SendArgs),
    /// Validate, sign (with --sign-key), and send claim files through the outbox, one HOSO per
    /// file, to the endpoint of each visit's rule pack. Exit 0: all accepted; 1: some invalid,
    /// rejected or not yet sent; 2: the command could not run.
    Submit(gateway::SendArgs),
    /// The durable outbox: list, show one MA_LK's history, retry, send what is due.
    Outbox {
        #[command(subcommand)]
        command: gateway::OutboxCommand,
    },
    /// Verify the signature of a claim file and show its certificate. Exit 0: valid; 1: invalid
    /// (or the certificate is not current); 2: the command could not run.
    Verify(sign::VerifyArgs),
    /// The sandbox BHXH gateway (cổng giám định giả lập) for integration tests and demos.
    Sandbox {
        #[command(subcommand)]
        command: sandbox::SandboxCommand,
    },
    /// The conformance suite vendors run before certification: list and export the cases, check
    /// the vendor's files, check a recorded gateway traffic log.
    Conformance {
        #[command(subcommand)]
        command: conformance::ConformanceCommand,
    },
}

/// A failure of the command itself (exit code 2) or of its input (exit code 1).
#[derive(Debug)]
pub enum Failure {
    /// The command could not run (missing file, unwritable output, bad arguments).
    CannotRun(String),
    /// The input is invalid.
    BadInput(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo { hoso } => demo::run(hoso.max(1)),
        Command::Rules {
            command: RulesCommand::List { format, output },
        } => rules::list(format, output.as_deref()),
        Command::Validate {
            files,
            format,
            output,
            pack,
            rules,
            jobs,
        } => validate::options(pack.as_deref(), rules.as_deref()).and_then(|o| {
            let o = lienthong::report::ValidateOptions {
                jobs: bench::jobs(jobs),
                ..o
            };
            validate::run(&files, format, output.as_deref(), &o)
        }),
        Command::Bench {
            file,
            jobs,
            runs,
            python,
            no_python,
        } => bench::run(
            &file,
            &bench::BenchOptions {
                jobs: bench::jobs(jobs),
                runs,
                python: (!no_python).then_some(python),
            },
        ),
        Command::Convert { file, to, output } => convert::run(&file, to, output.as_deref()),
        Command::Gen {
            hoso,
            seed,
            facility,
            output,
        } => gen(hoso, seed, facility, output.as_deref()),
        Command::Sign(args) => sign::run_sign(&args),
        Command::Verify(args) => sign::run_verify(&args),
        Command::Card {
            command: CardCommand::Check(args),
        } => gateway::card_check(&args),
        Command::Checkin(args) => {
            gateway::send(&args, lienthong_connectors::bhxh::FileKind::CheckIn)
        }
        Command::Submit(args) => gateway::send(&args, lienthong_connectors::bhxh::FileKind::Claim),
        Command::Outbox { command } => gateway::outbox(&command),
        Command::Sandbox { command } => sandbox::run(&command),
        Command::Conformance { command } => conformance::run(command),
    };
    match result {
        Ok(code) => code,
        Err(Failure::BadInput(msg)) => {
            eprintln!("lienthong: {msg}");
            ExitCode::from(1)
        }
        Err(Failure::CannotRun(msg)) => {
            eprintln!("lienthong: {msg}");
            ExitCode::from(2)
        }
    }
}

fn gen(
    hoso: usize,
    seed: u64,
    facility: String,
    output: Option<&std::path::Path>,
) -> Result<ExitCode, Failure> {
    if lienthong::types::FacilityCode::new(&facility).is_err() {
        return Err(Failure::CannotRun(
            "--facility must be a 5-character facility code (mã CSKCB gồm 5 ký tự)".into(),
        ));
    }
    let opts = lienthong::gen::GenOptions {
        hoso,
        seed,
        facility,
        ..Default::default()
    };
    let out = io::create(output)?;
    lienthong::gen::generate_to(&opts, out).map_err(|e| Failure::CannotRun(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}
