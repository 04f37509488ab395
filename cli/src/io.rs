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
