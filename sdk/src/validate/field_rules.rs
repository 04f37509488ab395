//! Rules that follow from the field dictionary alone: required elements, formats, sizes, code
//! lists, unknown elements, and Unicode normalisation.

use super::{Finding, RuleCtx, Severity};
use crate::record::{FieldSpec, Record, Req, TableId};
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// Rule ids of the dictionary rules (stable).
pub mod ids {
    /// A mandatory element is missing or empty.
    pub const REQUIRED: &str = "field.required";
    /// A value does not have the element's format.
    pub const FORMAT: &str = "field.format";
    /// A value is longer than the element's maximum size.
    pub const MAX_LENGTH: &str = "field.max_length";
    /// A code is not in the element's code list.
    pub const UNKNOWN_CODE: &str = "field.unknown_code";
    /// An element the dictionary does not know.
    pub const UNKNOWN_ELEMENT: &str = "field.unknown_element";
    /// Text in decomposed (NFD) or otherwise non-NFC Unicode.
    pub const NOT_NFC: &str = "field.not_nfc";
}

/// Code lists whose values are a vendor convention rather than part of the decision: an unknown
/// code there is only a warning.
const SOFT_CODE_LISTS: &[&str] = &["NHOM_MAU"];

/// Known errata of the field dictionary (xml130.md §7.1), applied instead of the CSV value:
/// XML6 `MA_XU_TRI` is a `;`-list of size 10 since QĐ 4750 (D5: the sheet still prints N(1));
/// XML13 `TOMTAT_KQ` is optional (D14: the sheet's own VALID column says to make it optional).
const SIZE_ERRATA: &[(TableId, &str, u32)] = &[(TableId::Xml6, "MA_XU_TRI", 10)];
const OPTIONAL_ERRATA: &[(TableId, &str)] = &[(TableId::Xml13, "TOMTAT_KQ")];

fn max_len(table: TableId, spec: &FieldSpec) -> Option<u32> {
    SIZE_ERRATA
        .iter()
        .find(|(t, e, _)| *t == table && *e == spec.element)
        .map(|(_, _, n)| *n)
        .or(spec.max_len)
}

fn required(table: TableId, spec: &FieldSpec) -> bool {
    spec.required == Req::Yes && !OPTIONAL_ERRATA.contains(&(table, spec.element))
}

pub(crate) fn check_fields<R: Record>(record: &R, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let layout = record.layout();
    for (i, spec) in R::FIELDS.iter().enumerate() {
        let f = record.field(i);
        let el = spec.element;
        if f.is_absent() {
            if required(R::TABLE, spec) && spec.layouts.contains(layout) {
                out.push(
                    ctx.finding(
                        record,
                        ids::REQUIRED,
                        Severity::Error,
                        Some(el),
                        format!("Thiếu trường bắt buộc {el}"),
                        format!("required element {el} is missing or empty"),
                    )
                    .with_hint(
                        format!("Ghi giá trị cho {el} theo {}", R::TABLE.title_vi()),
                        format!("fill in {el} as {} requires", R::TABLE.title_en()),
                    ),
                );
            }
            continue;
        }
        if let Some(err) = f.format_error() {
            out.push(ctx.finding(
                record,
                ids::FORMAT,
                Severity::Error,
                Some(el),
                format!("{el} sai định dạng: cần {}", err.expected_vi),
                format!("{el} has the wrong format: expected {}", err.expected_en),
            ));
        }
        let wire = f.wire();
        if let Some(max) = max_len(R::TABLE, spec) {
            let len = wire.chars().count();
            if len > max as usize {
                out.push(ctx.finding(
                    record,
                    ids::MAX_LENGTH,
                    Severity::Error,
                    Some(el),
                    format!("{el} dài {len} ký tự, vượt quá tối đa {max} ký tự"),
                    format!("{el} is {len} characters long, more than the maximum of {max}"),
                ));
            }
        }
        if f.is_unknown_code() {
            let sev = if SOFT_CODE_LISTS.contains(&el) {
                Severity::Warning
            } else {
                Severity::Error
            };
            out.push(ctx.finding(
                record,
                ids::UNKNOWN_CODE,
                sev,
                Some(el),
                format!("{el} có mã không thuộc danh mục: {wire}"),
                format!("{el} has a code that is not in its code list: {wire}"),
            ));
        }
        if !wire.is_ascii()
            && is_nfc_quick(wire.chars()) != IsNormalized::Yes
            && !unicode_normalization::is_nfc(&wire)
        {
            out.push(
                ctx.finding(
                    record,
                    ids::NOT_NFC,
                    Severity::Warning,
                    Some(el),
                    format!("{el} dùng Unicode tổ hợp (NFD), không phải dạng dựng sẵn (NFC)"),
                    format!("{el} uses decomposed Unicode (NFD) instead of precomposed NFC"),
                )
                .with_hint(
                    "Chuyển văn bản tiếng Việt sang Unicode dựng sẵn (NFC) trước khi xuất",
                    "convert Vietnamese text to precomposed Unicode (NFC) before export",
                ),
            );
        }
    }
    for extra in record.extra() {
        out.push(ctx.finding(
            record,
            ids::UNKNOWN_ELEMENT,
            Severity::Warning,
            Some(&extra.name),
            format!(
                "Phần tử {} không có trong {}",
                extra.name,
                R::TABLE.title_vi()
            ),
            format!(
                "element {} is not part of {}",
                extra.name,
                R::TABLE.title_en()
            ),
        ));
    }
}
