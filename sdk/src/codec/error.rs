//! Structural errors (parsing stops at the first) and write errors. Messages name the `HOSO`,
//! the table, the element and the position, never a value from the file.

use crate::record::TableId;
use std::fmt;

/// What went wrong, structurally.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading the input failed.
    Io(String),
    /// The bytes are not UTF-8.
    NotUtf8,
    /// A document declares an encoding other than UTF-8.
    Encoding(String),
    /// The XML is not well-formed (the parser's own description, which names no content).
    Syntax(String),
    /// A `DOCTYPE` declaration (refused: it enables entity-expansion attacks).
    Doctype,
    /// An entity other than the five predefined ones or a character reference.
    UnknownEntity,
    /// The root element is not the expected one.
    UnexpectedRoot {
        /// The expected root element.
        expected: &'static str,
        /// The root element found.
        found: String,
    },
    /// An element that does not belong where it is.
    UnexpectedElement {
        /// The element found.
        element: String,
        /// Its parent.
        parent: String,
    },
    /// Non-whitespace text where only elements belong.
    UnexpectedText {
        /// The element holding the text.
        parent: String,
    },
    /// A required structural element is missing.
    MissingElement {
        /// The missing element.
        element: &'static str,
        /// Where it was expected.
        parent: &'static str,
    },
    /// An element occurs twice where it may occur once.
    DuplicateElement {
        /// The element.
        element: String,
    },
    /// A value element contains child elements.
    NestedElement {
        /// The value element.
        element: String,
    },
    /// A table appears twice in one `HOSO`.
    DuplicateTable,
    /// `NOIDUNGFILE` is not valid base64.
    Base64,
    /// A limit was exceeded.
    Limit {
        /// What was limited.
        what: &'static str,
        /// The limit.
        limit: u64,
    },
    /// The input ended inside the document.
    UnexpectedEof,
    /// Content after the end of the root element.
    TrailingContent,
}

/// A structural error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// 1-based index of the `HOSO` being read, when inside one.
    pub hoso: Option<usize>,
    /// The table being read, when inside one (`LOAIHOSO` text for unknown tables is not kept).
    pub table: Option<TableId>,
    /// Line in the outer file (1-based).
    pub line: u32,
    /// Column in the outer file (1-based, in bytes).
    pub column: u32,
    /// Line and column inside the decoded table document, for errors inside a table.
    pub table_position: Option<(u32, u32)>,
}

impl ParseError {
    pub(crate) fn new(kind: ErrorKind, line: u32, column: u32) -> Self {
        ParseError {
            kind,
            hoso: None,
            table: None,
            line,
            column,
            table_position: None,
        }
    }

    /// A stable id for the kind of error (for reports and bindings).
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::Io(_) => "parse.io",
            ErrorKind::NotUtf8 => "parse.not_utf8",
            ErrorKind::Encoding(_) => "parse.encoding",
            ErrorKind::Syntax(_) => "parse.syntax",
            ErrorKind::Doctype => "parse.doctype",
            ErrorKind::UnknownEntity => "parse.unknown_entity",
            ErrorKind::UnexpectedRoot { .. } => "parse.unexpected_root",
            ErrorKind::UnexpectedElement { .. } => "parse.unexpected_element",
            ErrorKind::UnexpectedText { .. } => "parse.unexpected_text",
            ErrorKind::MissingElement { .. } => "parse.missing_element",
            ErrorKind::DuplicateElement { .. } => "parse.duplicate_element",
            ErrorKind::NestedElement { .. } => "parse.nested_element",
            ErrorKind::DuplicateTable => "parse.duplicate_table",
            ErrorKind::Base64 => "parse.base64",
            ErrorKind::Limit { .. } => "parse.limit",
            ErrorKind::UnexpectedEof => "parse.unexpected_eof",
            ErrorKind::TrailingContent => "parse.trailing_content",
        }
    }

    /// The English description of the error alone, without its position.
    pub fn message_en(&self) -> String {
        match &self.kind {
            ErrorKind::Io(e) => format!("could not read the input: {e}"),
            ErrorKind::NotUtf8 => "the bytes are not valid UTF-8".into(),
            ErrorKind::Encoding(e) => format!("the document declares encoding {e:?}; only UTF-8 is allowed"),
            ErrorKind::Syntax(e) => format!("malformed XML: {e}"),
            ErrorKind::Doctype => "a DOCTYPE declaration is not allowed".into(),
            ErrorKind::UnknownEntity => "an entity reference other than &amp; &lt; &gt; &apos; &quot; or a character reference".into(),
            ErrorKind::UnexpectedRoot { expected, found } => format!("root element is {found}, expected {expected}"),
            ErrorKind::UnexpectedElement { element, parent } => format!("element {element} is not expected in {parent}"),
            ErrorKind::UnexpectedText { parent } => format!("text is not expected directly in {parent}"),
            ErrorKind::MissingElement { element, parent } => format!("element {element} is missing from {parent}"),
            ErrorKind::DuplicateElement { element } => format!("element {element} appears more than once"),
            ErrorKind::NestedElement { element } => format!("element {element} holds child elements instead of a value"),
            ErrorKind::DuplicateTable => "the table appears more than once in the HOSO".into(),
            ErrorKind::Base64 => "NOIDUNGFILE is not valid base64".into(),
            ErrorKind::Limit { what, limit } => format!("{what} exceeds the limit of {limit}"),
            ErrorKind::UnexpectedEof => "the input ends before the document is complete".into(),
            ErrorKind::TrailingContent => "there is content after the end of the document".into(),
        }
    }

    /// The Vietnamese description of the error alone, without its position.
    pub fn message_vi(&self) -> String {
        match &self.kind {
            ErrorKind::Io(e) => format!("không đọc được dữ liệu: {e}"),
            ErrorKind::NotUtf8 => "dữ liệu không phải UTF-8 hợp lệ".into(),
            ErrorKind::Encoding(e) => format!("tài liệu khai báo bảng mã {e:?}; chỉ chấp nhận UTF-8"),
            ErrorKind::Syntax(e) => format!("XML sai cú pháp: {e}"),
            ErrorKind::Doctype => "không được dùng khai báo DOCTYPE".into(),
            ErrorKind::UnknownEntity => "tham chiếu thực thể không hợp lệ (chỉ cho phép &amp; &lt; &gt; &apos; &quot; và mã ký tự)".into(),
            ErrorKind::UnexpectedRoot { expected, found } => format!("phần tử gốc là {found}, cần {expected}"),
            ErrorKind::UnexpectedElement { element, parent } => format!("phần tử {element} không được phép nằm trong {parent}"),
            ErrorKind::UnexpectedText { parent } => format!("không được có văn bản trực tiếp trong {parent}"),
            ErrorKind::MissingElement { element, parent } => format!("thiếu phần tử {element} trong {parent}"),
            ErrorKind::DuplicateElement { element } => format!("phần tử {element} xuất hiện nhiều lần"),
            ErrorKind::NestedElement { element } => format!("phần tử {element} chứa phần tử con thay vì giá trị"),
            ErrorKind::DuplicateTable => "bảng xuất hiện nhiều lần trong một HOSO".into(),
            ErrorKind::Base64 => "NOIDUNGFILE không phải base64 hợp lệ".into(),
            ErrorKind::Limit { what, limit } => format!("{what} vượt giới hạn {limit}"),
            ErrorKind::UnexpectedEof => "dữ liệu kết thúc trước khi tài liệu hoàn chỉnh".into(),
            ErrorKind::TrailingContent => "có nội dung sau khi tài liệu đã kết thúc".into(),
        }
    }

    /// `HOSO[2]/XML3` style location of the error.
    pub fn location(&self) -> String {
        let mut s = String::new();
        if let Some(h) = self.hoso {
            s.push_str(&format!("HOSO[{h}]"));
        }
        if let Some(t) = self.table {
            if !s.is_empty() {
                s.push('/');
            }
            s.push_str(t.name());
        }
        s
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = self.location();
        if !loc.is_empty() {
            write!(f, "{loc} ")?;
        }
        write!(f, "(line {}, column {}", self.line, self.column)?;
        if let Some((l, c)) = self.table_position {
            write!(f, "; inside the table: line {l}, column {c}")?;
        }
        write!(f, "): {}", self.message_en())
    }
}

impl std::error::Error for ParseError {}

/// A record cannot be written as XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// A value holds a character XML 1.0 cannot represent.
    InvalidChar {
        /// The table.
        table: TableId,
        /// 1-based row, for list tables.
        row: Option<usize>,
        /// The element.
        element: String,
    },
    /// An envelope value (header, `LOAIHOSO`, kept `NOIDUNGFILE`) holds a character XML 1.0 cannot
    /// represent.
    InvalidEnvelopeChar {
        /// The element.
        element: &'static str,
    },
    /// An element kept outside the dictionary has a name that is not an XML name.
    InvalidName {
        /// The table.
        table: TableId,
        /// 1-based row, for list tables.
        row: Option<usize>,
    },
    /// The raw `CHUKYDONVI` content given to the writer is not well-formed XML.
    MalformedSignature,
    /// Writing to the output failed.
    Io(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::InvalidChar {
                table,
                row,
                element,
            } => {
                write!(f, "{table}")?;
                if let Some(r) = row {
                    write!(f, "[{r}]")?;
                }
                write!(f, "/{element} holds a character that XML cannot represent")
            }
            WriteError::InvalidEnvelopeChar { element } => {
                write!(
                    f,
                    "GIAMDINHHS/{element} holds a character that XML cannot represent"
                )
            }
            WriteError::InvalidName { table, row } => {
                write!(f, "{table}")?;
                if let Some(r) = row {
                    write!(f, "[{r}]")?;
                }
                write!(
                    f,
                    " holds an extra element whose name is not a valid XML name"
                )
            }
            WriteError::MalformedSignature => {
                f.write_str("the CHUKYDONVI content is not well-formed XML")
            }
            WriteError::Io(e) => write!(f, "could not write the output: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e.to_string())
    }
}
