//! The documents sent on their own: check-in ("XML0", root `CHI_TIEU_TRANG_THAI_KCB`) and XML12
//! (root `CHI_TIEU_GIAM_DINH_YKHOA`), each with its own `CHUKYDONVI` as the last child of the root.

use super::error::{ParseError, WriteError};
use super::limits::Limits;
use super::table_read::read_table;
use super::table_write::write_table;
use crate::record::Record;
use crate::tables::{Assessment, CheckinRow};

macro_rules! standalone {
    ($(#[$m:meta])* $name:ident, $row:ty) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $name {
            /// The rows.
            pub rows: Vec<$row>,
            /// Raw content of `CHUKYDONVI` (`None` when missing, `Some("")` when empty).
            pub signature: Option<String>,
            /// Line of each row in the document (empty for documents built in code).
            pub row_lines: Vec<u32>,
            /// The document started with a UTF-8 byte-order mark.
            pub had_bom: bool,
        }

        impl $name {
            /// A document of `rows` with an empty signature.
            pub fn new(rows: Vec<$row>) -> Self {
                $name { rows, signature: Some(String::new()), row_lines: Vec::new(), had_bom: false }
            }

            pub(crate) fn from_parts(rows: Vec<$row>, signature: Option<String>) -> Self {
                $name { rows, signature, row_lines: Vec::new(), had_bom: false }
            }

            /// Reads a document.
            pub fn from_bytes(bytes: &[u8]) -> Result<Self, ParseError> {
                Self::from_bytes_with_limits(bytes, Limits::default())
            }

            /// Reads a document with explicit limits.
            pub fn from_bytes_with_limits(bytes: &[u8], limits: Limits) -> Result<Self, ParseError> {
                match read_table::<$row>(bytes, &limits) {
                    Ok(t) => Ok($name { rows: t.rows, signature: t.signature, row_lines: t.row_lines, had_bom: t.had_bom }),
                    Err(e) => {
                        let (line, column) = e.position(bytes);
                        let mut err = ParseError::new(e.kind, line, column);
                        err.table = Some(<$row as Record>::TABLE);
                        Err(err)
                    }
                }
            }

            /// Writes the document in canonical form.
            pub fn to_bytes(&self) -> Result<Vec<u8>, WriteError> {
                let mut s = String::new();
                write_table(&self.rows, self.signature.as_deref(), &mut s)?;
                Ok(s.into_bytes())
            }
        }
    };
}

standalone!(
    /// A check-in document: one or more `TRANG_THAI_KCB` rows.
    CheckinDocument,
    CheckinRow
);
standalone!(
    /// An XML12 (medical-assessment) document: one or more `GIAM_DINH_YKHOA` rows.
    AssessmentDocument,
    Assessment
);
