//! Writing table documents in the canonical form: UTF-8 without BOM, an XML declaration, every
//! element of the record's layout in dictionary order (empty ones as `<X/>`), free text in CDATA,
//! two-space indentation and LF line ends.

use super::error::WriteError;
use super::limits::is_xml_name;
use crate::record::{Record, TableId};
use crate::types::{is_xml_text, Kind};

/// Appends `s` with `&`, `<`, `>` escaped (and `\r`, which parsers would otherwise normalise).
pub(crate) fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#13;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

fn write_value(out: &mut String, kind: Kind, value: &str) {
    if kind == Kind::Text && !value.contains("]]>") && !value.contains('\r') {
        out.push_str("<![CDATA[");
        out.push_str(value);
        out.push_str("]]>");
    } else {
        escape_into(out, value);
    }
}

/// Writes the elements of one record at `indent`.
pub(crate) fn write_record<R: Record>(
    rec: &R,
    row: Option<usize>,
    indent: &str,
    out: &mut String,
) -> Result<(), WriteError> {
    let mut value = String::new();
    for (i, spec) in R::FIELDS.iter().enumerate() {
        if !rec.emits(i) {
            continue;
        }
        value.clear();
        rec.field(i).write_wire(&mut value);
        push_element(out, indent, spec.element, spec.kind, &value, R::TABLE, row)?;
    }
    for extra in rec.extra() {
        if !is_xml_name(extra.name.as_bytes()) {
            return Err(WriteError::InvalidName {
                table: R::TABLE,
                row,
            });
        }
        push_element(
            out,
            indent,
            &extra.name,
            Kind::Code,
            &extra.text,
            R::TABLE,
            row,
        )?;
    }
    Ok(())
}

fn push_element(
    out: &mut String,
    indent: &str,
    name: &str,
    kind: Kind,
    value: &str,
    table: TableId,
    row: Option<usize>,
) -> Result<(), WriteError> {
    if !is_xml_text(value) {
        return Err(WriteError::InvalidChar {
            table,
            row,
            element: name.to_owned(),
        });
    }
    out.push_str(indent);
    out.push('<');
    out.push_str(name);
    if value.is_empty() {
        out.push_str("/>\n");
    } else {
        out.push('>');
        write_value(out, kind, value);
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }
    Ok(())
}

/// Checks that raw `CHUKYDONVI` content is well-formed XML (balanced elements, no `DOCTYPE`,
/// only characters XML allows), so that writing it cannot produce a broken file.
pub(crate) fn check_signature(raw: &str) -> Result<(), WriteError> {
    use quick_xml::events::Event;
    if !is_xml_text(raw) {
        return Err(WriteError::MalformedSignature);
    }
    let wrapped = format!("<CHUKYDONVI>{raw}</CHUKYDONVI>");
    let mut r = quick_xml::Reader::from_str(&wrapped);
    r.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if is_xml_name(e.name().as_ref()) => depth += 1,
            Ok(Event::Empty(e)) if is_xml_name(e.name().as_ref()) => {}
            Ok(Event::Start(_)) | Ok(Event::Empty(_)) => {
                return Err(WriteError::MalformedSignature)
            }
            Ok(Event::End(_)) => {
                depth -= 1;
                if depth == 0 {
                    return match r.read_event() {
                        Ok(Event::Eof) => Ok(()),
                        _ => Err(WriteError::MalformedSignature),
                    };
                }
            }
            Ok(Event::Eof) | Ok(Event::DocType(_)) | Ok(Event::Decl(_)) | Err(_) => {
                return Err(WriteError::MalformedSignature)
            }
            Ok(Event::GeneralRef(g)) => {
                let name = String::from_utf8_lossy(&g);
                if !g.is_char_ref() && quick_xml::escape::resolve_predefined_entity(&name).is_none()
                {
                    return Err(WriteError::MalformedSignature);
                }
            }
            Ok(_) => {}
        }
    }
}

/// Writes a whole table document. `signature` is the raw content of `CHUKYDONVI` for the
/// check-in and XML12 documents (written empty when `None`); other tables have none.
pub(crate) fn write_table<R: Record>(
    rows: &[R],
    signature: Option<&str>,
    out: &mut String,
) -> Result<(), WriteError> {
    let table = R::TABLE;
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<");
    out.push_str(table.root());
    out.push_str(">\n");
    match table.list_and_row() {
        None => {
            if let Some(rec) = rows.first() {
                write_record(rec, None, "  ", out)?;
            }
        }
        Some((list, row)) => {
            out.push_str("  <");
            out.push_str(list);
            out.push_str(">\n");
            for (i, rec) in rows.iter().enumerate() {
                out.push_str("    <");
                out.push_str(row);
                out.push_str(">\n");
                write_record(rec, Some(i + 1), "      ", out)?;
                out.push_str("    </");
                out.push_str(row);
                out.push_str(">\n");
            }
            out.push_str("  </");
            out.push_str(list);
            out.push_str(">\n");
        }
    }
    if table.has_own_signature() {
        match signature {
            Some(s) if !s.is_empty() => {
                check_signature(s)?;
                out.push_str("  <CHUKYDONVI>");
                out.push_str(s);
                out.push_str("</CHUKYDONVI>\n");
            }
            _ => out.push_str("  <CHUKYDONVI/>\n"),
        }
    }
    out.push_str("</");
    out.push_str(table.root());
    out.push_str(">\n");
    Ok(())
}
