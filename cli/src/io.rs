//! Opening inputs and outputs (`-` and no path mean standard input and output).

use crate::Failure;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

/// Opens an input for reading.
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, Failure> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin())));
    }
    let f = File::open(path)
        .map_err(|e| Failure::CannotRun(format!("cannot open {}: {e}", path.display())))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, f)))
}

/// Creates an output (standard output when `path` is `None` or `-`).
pub fn create(path: Option<&Path>) -> Result<Box<dyn Write>, Failure> {
    match path {
        None => Ok(Box::new(BufWriter::new(io::stdout()))),
        Some(p) if p.as_os_str() == "-" => Ok(Box::new(BufWriter::new(io::stdout()))),
        Some(p) => {
            let f = File::create(p)
                .map_err(|e| Failure::CannotRun(format!("cannot create {}: {e}", p.display())))?;
            Ok(Box::new(BufWriter::new(f)))
        }
    }
}

/// Maps a write failure to "could not run".
pub fn write_failed(e: io::Error) -> Failure {
    Failure::CannotRun(format!("cannot write the output: {e}"))
}

/// Wraps an input to show a progress line on standard error while it is read, when standard error
/// is a terminal and the input is large. The line shows bytes read and the share of the file.
pub struct Progress<R> {
    inner: R,
    read: u64,
    total: u64,
    last: std::time::Instant,
    shown: bool,
}

impl<R> Progress<R> {
    /// `total` is the input's size in bytes (0 when unknown).
    pub fn new(inner: R, total: u64) -> Self {
        Progress {
            inner,
            read: 0,
            total,
            last: std::time::Instant::now(),
            shown: false,
        }
    }

    fn tick(&mut self) {
        if self.last.elapsed() < std::time::Duration::from_millis(250) {
            return;
        }
        self.last = std::time::Instant::now();
        self.shown = true;
        let mb = self.read as f64 / 1e6;
        if self.total > 0 {
            let pct = self.read as f64 * 100.0 / self.total as f64;
            let bar = "#".repeat((pct / 5.0) as usize);
            eprint!("\r[{bar:<20}] {pct:5.1}% {mb:.0} MB");
        } else {
            eprint!("\r{mb:.0} MB");
        }
    }
}

impl<R> Drop for Progress<R> {
    fn drop(&mut self) {
        if self.shown {
            eprint!("\r{:60}\r", "");
        }
    }
}

impl<R: io::Read> io::Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        self.tick();
        Ok(n)
    }
}

/// Opens an input for reading, with a progress line when standard error is a terminal and the
/// file is larger than 20 MB.
pub fn open_with_progress(path: &Path) -> Result<Box<dyn BufRead>, Failure> {
    use std::io::IsTerminal;
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if path.as_os_str() == "-" || !io::stderr().is_terminal() || size < 20_000_000 {
        return open(path);
    }
    let f = File::open(path)
        .map_err(|e| Failure::CannotRun(format!("cannot open {}: {e}", path.display())))?;
    Ok(Box::new(BufReader::with_capacity(
        1 << 16,
        Progress::new(f, size),
    )))
}
