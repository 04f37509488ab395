//! Hard limits that keep a hostile or broken file from exhausting memory, and line/column
//! bookkeeping.

/// Limits applied while reading. The defaults are far above any real claim file and low enough
/// that one bad file cannot take a server down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Maximum element nesting depth (the deepest legitimate path is 6 in the envelope; the
    /// signature goes deeper).
    pub max_depth: usize,
    /// Maximum length in bytes of one text value.
    pub max_text_bytes: usize,
    /// Maximum decoded size in bytes of one table document.
    pub max_table_bytes: usize,
    /// Maximum number of rows in one list table.
    pub max_rows: usize,
    /// Maximum number of `FILEHOSO` in one `HOSO`.
    pub max_files_per_hoso: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_text_bytes: 1 << 20,
            max_table_bytes: 64 << 20,
            max_rows: 200_000,
            max_files_per_hoso: 64,
        }
    }
}

/// True when `name` is an XML name (a well-formed element name).
pub(crate) fn is_xml_name(name: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(name) else {
        return false;
    };
    let mut chars = s.chars();
    let start_ok = |c: char| c.is_alphabetic() || c == '_' || c == ':';
    match chars.next() {
        Some(c) if start_ok(c) => {
            chars.all(|c| start_ok(c) || c.is_alphanumeric() || matches!(c, '-' | '.' | '\u{B7}'))
        }
        _ => false,
    }
}

/// Line and column (1-based, column in bytes) of byte `offset` in `text`.
pub(crate) fn line_col(text: &[u8], offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let col = offset - memchr::memrchr(b'\n', before).map_or(0, |p| p + 1) + 1;
    (line as u32, col as u32)
}

/// Counts lines incrementally as a reader moves forward through a slice.
#[derive(Debug, Default)]
pub(crate) struct LineTracker {
    offset: usize,
    line: u32,
}

impl LineTracker {
    pub(crate) fn new() -> Self {
        LineTracker { offset: 0, line: 1 }
    }
    /// The line of byte `offset`, which must not be before the previous call's offset.
    pub(crate) fn line_at(&mut self, text: &[u8], offset: usize) -> u32 {
        let offset = offset.min(text.len());
        if offset > self.offset {
            self.line += memchr::memchr_iter(b'\n', &text[self.offset..offset]).count() as u32;
            self.offset = offset;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        let t = b"ab\ncd\n\nefg";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 4), (2, 2));
        assert_eq!(line_col(t, 7), (4, 1));
        let mut tr = LineTracker::new();
        assert_eq!(tr.line_at(t, 1), 1);
        assert_eq!(tr.line_at(t, 5), 2);
        assert_eq!(tr.line_at(t, 9), 4);
    }
}
