//! Rules that follow from the field dictionary alone: required elements, formats, sizes, code
//! lists, unknown elements, and Unicode normalisation.

use super::{Finding, RuleCtx, Severity};
use crate::record::{FieldSpec, Record, Req, TableId};
use crate::types::{Cccd, CccdForm, Kind};
use crate::validate::Pack;
use std::sync::OnceLock;
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
    /// A citizen ID or passport number of an unexpected form.
    pub const CCCD_PATTERN: &str = "field.cccd.pattern";
    /// More decimals than the element allows.
    pub const DECIMAL_PLACES: &str = "field.decimal_places";
}

/// The decimals an amount, price, quantity or weight may have (xml130.md §3.2): money 2, unit
/// prices and quantities 3, XML1 CAN_NANG 2. Only the tables with money lines are concerned.
fn max_decimals(table: TableId, element: &str) -> Option<usize> {
    if !matches!(table, TableId::Xml1 | TableId::Xml2 | TableId::Xml3) {
        return None;
    }
    if element.starts_with("DON_GIA") || element == "SO_LUONG" {
        Some(3)
    } else if element.starts_with("T_")
        || element.starts_with("THANH_TIEN")
        || element == "CAN_NANG"
    {
        Some(2)
    } else {
        None
    }
}

/// Decimals of a plain decimal's wire text, trailing zeros not counted.
fn decimals(wire: &str) -> usize {
    wire.split_once('.')
        .map_or(0, |(_, frac)| frac.trim_end_matches('0').len())
}

/// Code lists whose values are a vendor convention rather than part of the decision: an unknown
/// code there is only a warning.
const SOFT_CODE_LISTS: &[&str] = &["NHOM_MAU"];

/// Known errata of the field dictionary (xml130.md §7.1), applied instead of the CSV value:
/// XML6 `MA_XU_TRI` is a `;`-list of size 10 since QĐ 4750 (D5: the sheet still prints N(1));
/// XML13 `TOMTAT_KQ` is optional (D14: the sheet's own VALID column says to make it optional).
const SIZE_ERRATA: &[(TableId, &str, u32)] = &[(TableId::Xml6, "MA_XU_TRI", 10)];
const OPTIONAL_ERRATA: &[(TableId, &str)] = &[(TableId::Xml13, "TOMTAT_KQ")];

/// Sizes that QĐ 3176 changed (xml130.md §2, §6.4; csv-notes.md Part 3, item 1): the signer and
/// doctor codes became practising-licence numbers of up to 255 characters, the occupation code a
/// 2-character level-2 code, the traditional-medicine codes a list of at most 150 characters, XML7
/// SO_NGAY_NGHI 3 digits, XML4 MA_CHI_SO and GIA_TRI 255 characters, and SO_CCCD and XML7
/// PP_DIEUTRI have no fixed size (`u32::MAX`). `None` as table: every table. The dictionary's sizes
/// are those of QĐ 4750.
const SIZES_3176: &[(Option<TableId>, &str, u32)] = &[
    (None, "MA_TTDV", 255),
    (None, "MA_BS", 255),
    (None, "MA_NGHE_NGHIEP", 2),
    (None, "MA_BENH_YHCT", 150),
    (None, "SO_CCCD", u32::MAX),
    (Some(TableId::Xml7), "SO_NGAY_NGHI", 3),
    (Some(TableId::Xml7), "PP_DIEUTRI", u32::MAX),
    (Some(TableId::Xml4), "MA_CHI_SO", 255),
    (Some(TableId::Xml4), "GIA_TRI", 255),
];

fn max_len(table: TableId, spec: &FieldSpec, pack: Pack) -> Option<u32> {
    let by_pack = (pack == Pack::Qd3176)
        .then(|| {
            SIZES_3176
                .iter()
                .find(|(t, e, _)| t.is_none_or(|t| t == table) && *e == spec.element)
                .map(|(_, _, n)| *n)
        })
        .flatten();
    by_pack
        .or_else(|| {
            SIZE_ERRATA
                .iter()
                .find(|(t, e, _)| *t == table && *e == spec.element)
                .map(|(_, _, n)| *n)
        })
        .or(spec.max_len)
}

/// Where the BHXH sheet is stricter than the decision itself (csv-notes.md Part 3, item 1: QĐ 4750
/// raised MA_KHOA to 50): a value between the two sizes is a warning (xml130.md D2).
const DECISION_SIZES: &[(TableId, &str, u32)] = &[
    (TableId::Xml2, "MA_KHOA", 50),
    (TableId::Xml3, "MA_KHOA", 50),
];

/// Which decisions' list has a code, where the lists differ (xml130.md §3.5; csv-notes.md Part
/// 3, item 5). The enums hold the union, so these are checked against the decision in force.
#[derive(Debug)]
struct CodesByPack {
    /// The table (`None`: every table with the element).
    table: Option<TableId>,
    element: &'static str,
    codes: &'static [&'static str],
    /// The decisions whose list does not have these codes.
    unknown_under: &'static [Pack],
    /// Why, completing "{element} has code {code}, ...".
    why_vi: &'static str,
    why_en: &'static str,
}

/// The QĐ 3176 regimens beyond the 12 of QĐ 130 (xml130.md §3.5).
const PHACDO_3176_ONLY: &[&str] = &[
    "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27",
];

const CODES_BY_PACK: &[CodesByPack] = &[
    // QĐ 4750 added KET_QUA_DTRI 8 and XML6 MA_XU_TRI 6/7/8. MA_NHOM 19 is left to
    // `xml3.ma_nhom.table`.
    CodesByPack {
        table: None,
        element: "KET_QUA_DTRI",
        codes: &["8"],
        unknown_under: &[Pack::Qd130],
        why_vi: "mã này chỉ có từ QĐ 4750",
        why_en: "which exists only from QĐ 4750",
    },
    CodesByPack {
        table: Some(TableId::Xml6),
        element: "MA_XU_TRI",
        codes: &["6", "7", "8"],
        unknown_under: &[Pack::Qd130],
        why_vi: "mã này chỉ có từ QĐ 4750",
        why_en: "which exists only from QĐ 4750",
    },
    // XML6 PHACDO_DTRI_LAO: QĐ 130 lists 12 regimens, and the QĐ 4750 sheet
    // (`spec/qd130/bang_6_hiv_aids.csv`) prints the same 12; QĐ 3176 replaced them with the
    // 27-code list of XML15. XML15 is left alone (see csv-notes.md Part 3, item 5).
    CodesByPack {
        table: Some(TableId::Xml6),
        element: "PHACDO_DTRI_LAO",
        codes: PHACDO_3176_ONLY,
        unknown_under: &[Pack::Qd130, Pack::Qd4750],
        why_vi: "mã này chỉ có từ QĐ 3176 (danh mục của QĐ 130/4750 có 12 mã)",
        why_en: "which exists only from QĐ 3176 (the QĐ 130/4750 list has 12 codes)",
    },
    // XML6 NHOM_DOI_TUONG: QĐ 4750 numbers the groups 0..11, QĐ 3176 renumbers them 1..11.
    CodesByPack {
        table: Some(TableId::Xml6),
        element: "NHOM_DOI_TUONG",
        codes: &["0"],
        unknown_under: &[Pack::Qd3176],
        why_vi:
            "QĐ 3176 đánh số lại danh mục từ 1 (người sử dụng ma túy là mã 1) nên không còn mã này",
        why_en: "which QĐ 3176 dropped when it renumbered the list from 1 (drug users are code 1)",
    },
];

/// What the dictionary rules look up for one element under one rule pack (sizes, errata, decimals,
/// per-decision code lists), found once per record type and pack instead of once per value.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ElementPlan {
    required: bool,
    max_len: Option<u32>,
    /// The decision's own size where the BHXH sheet is stricter.
    decision_size: Option<u32>,
    max_decimals: Option<usize>,
    by_pack: Option<&'static CodesByPack>,
    soft_codes: bool,
}

/// The [`ElementPlan`]s of one record type: one list per rule pack, and one without a pack.
#[doc(hidden)]
#[derive(Debug)]
pub struct FieldPlans([OnceLock<Box<[ElementPlan]>>; 4]);

impl FieldPlans {
    /// Empty: filled on first use.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        FieldPlans([const { OnceLock::new() }; 4])
    }
}

fn plans<R: Record>(pack: Option<Pack>) -> &'static [ElementPlan] {
    let slot = match pack {
        None => 0,
        Some(Pack::Qd130) => 1,
        Some(Pack::Qd4750) => 2,
        Some(Pack::Qd3176) => 3,
    };
    R::field_plans().0[slot].get_or_init(|| {
        R::FIELDS
            .iter()
            .map(|spec| {
                let el = spec.element;
                ElementPlan {
                    required: required(R::TABLE, spec),
                    max_len: max_len(R::TABLE, spec, pack.unwrap_or(Pack::Qd3176)),
                    decision_size: DECISION_SIZES
                        .iter()
                        .find(|(t, e, _)| *t == R::TABLE && *e == el)
                        .map(|(_, _, n)| *n),
                    max_decimals: max_decimals(R::TABLE, el),
                    by_pack: pack.and_then(|p| {
                        CODES_BY_PACK.iter().find(|e| {
                            e.element == el
                                && e.table.is_none_or(|t| t == R::TABLE)
                                && e.unknown_under.contains(&p)
                        })
                    }),
                    soft_codes: SOFT_CODE_LISTS.contains(&el),
                }
            })
            .collect()
    })
}

impl CodesByPack {
    /// The first code of `wire` (a code or a `;`-list) among these codes.
    fn first_in<'w>(&self, wire: &'w str) -> Option<&'w str> {
        wire.split(';').find(|c| self.codes.contains(c))
    }
}

fn required(table: TableId, spec: &FieldSpec) -> bool {
    spec.required == Req::Yes && !OPTIONAL_ERRATA.contains(&(table, spec.element))
}

/// ID-3: a citizen ID has 12 digits (9 for old cards) or is a Vietnamese passport (a capital
/// letter and 7 digits). QĐ 3176 also allows foreign passports, so any other form is only a
/// warning there. The message never shows the number.
fn cccd_pattern<R: Record>(
    record: &R,
    ctx: &RuleCtx<'_>,
    el: &str,
    wire: &str,
    out: &mut Vec<Finding>,
) {
    let Ok(c) = Cccd::new(wire) else { return };
    if c.form() != CccdForm::Other {
        return;
    }
    let sev = if ctx.pack.unwrap_or(Pack::Qd3176) == Pack::Qd3176 {
        Severity::Warning
    } else {
        Severity::Error
    };
    out.push(ctx.finding(
        record,
        ids::CCCD_PATTERN,
        sev,
        Some(el),
        format!("{el} không có dạng 12 hoặc 9 chữ số, hay hộ chiếu (1 chữ in hoa và 7 chữ số)"),
        format!(
            "{el} is neither 12 or 9 digits nor a passport number (a capital letter and 7 digits)"
        ),
    ));
}

pub(crate) fn check_fields<R: Record>(record: &R, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let layout = record.layout();
    // Numbers and dates are formatted here to be measured; strings and codes are borrowed.
    let mut scratch = String::new();
    let plans = plans::<R>(ctx.pack);
    for ((i, spec), plan) in R::FIELDS.iter().enumerate().zip(plans) {
        let f = record.field(i);
        let el = spec.element;
        if f.is_absent() {
            if plan.required && spec.layouts.contains(layout) {
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
        let before = out.len();
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
        let wire: &str = match f.wire_str() {
            Some(s) => s,
            None => {
                scratch.clear();
                f.write_wire(&mut scratch);
                &scratch
            }
        };
        if let Some(max) = plan.max_len {
            // Characters, counted only when the bytes could be too many.
            let len = if wire.len() > max as usize {
                wire.chars().count()
            } else {
                0
            };
            if len > max as usize {
                // D2: over the portal sheet's size but within the decision's own limit: a warning.
                let decision = plan.decision_size.map(|n| n as usize);
                let (sev, vi, en) = match decision {
                    Some(limit) if len <= limit => (
                        Severity::Warning,
                        format!("{el} dài {len} ký tự, quá {max} ký tự của bảng kiểm tra BHXH (quyết định cho phép {limit})"),
                        format!("{el} is {len} characters long, more than the BHXH sheet's {max} (the decision allows {limit})"),
                    ),
                    _ => (
                        Severity::Error,
                        format!("{el} dài {len} ký tự, vượt quá tối đa {max} ký tự"),
                        format!("{el} is {len} characters long, more than the maximum of {max}"),
                    ),
                };
                out.push(ctx.finding(record, ids::MAX_LENGTH, sev, Some(el), vi, en));
            }
        }
        // Only when the value is otherwise well-formed: one problem, one finding.
        let reported = out.len() > before;
        if spec.kind == Kind::Cccd && !f.is_invalid() && !reported {
            cccd_pattern(record, ctx, el, wire, out);
        }
        if spec.kind == Kind::Dec && !reported {
            if let Some(max) = plan.max_decimals {
                let n = decimals(wire);
                if n > max {
                    out.push(ctx.finding(
                        record,
                        ids::DECIMAL_PLACES,
                        Severity::Error,
                        Some(el),
                        format!("{el} có {n} chữ số thập phân, tối đa {max}"),
                        format!("{el} has {n} decimals, at most {max} are allowed"),
                    ));
                }
            }
        }
        if f.is_unknown_code() {
            let sev = if plan.soft_codes {
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
        if let (Some(why), false) = (plan.by_pack, f.is_unknown_code()) {
            if let Some(code) = why.first_in(wire) {
                out.push(ctx.finding(
                    record,
                    ids::UNKNOWN_CODE,
                    Severity::Error,
                    Some(el),
                    format!("{el} có mã {code}, {}", why.why_vi),
                    format!("{el} has code {code}, {}", why.why_en),
                ));
            }
        }
        if !wire.is_ascii()
            && is_nfc_quick(wire.chars()) != IsNormalized::Yes
            && !unicode_normalization::is_nfc(wire)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::Reexam;

    #[test]
    fn sizes_follow_the_rule_pack() {
        let r = Reexam::builder().ma_ttdv("01012345678").build_unchecked();
        let at = |pack| {
            let mut out = Vec::new();
            check_fields(
                &r,
                &RuleCtx {
                    pack: Some(pack),
                    ..Default::default()
                },
                &mut out,
            );
            out.iter()
                .any(|f| f.rule == ids::MAX_LENGTH && f.field.as_deref() == Some("MA_TTDV"))
        };
        // A practising-licence number is longer than the 10-digit health ID of QĐ 130/4750.
        assert!(at(Pack::Qd4750));
        assert!(at(Pack::Qd130));
        assert!(!at(Pack::Qd3176));
    }

    #[test]
    fn department_codes_over_the_sheet_size_are_warnings() {
        use crate::tables::DrugLine;
        let sev = |khoa: &str| {
            let r = DrugLine::builder().ma_khoa(khoa).build_unchecked();
            let mut out = Vec::new();
            check_fields(&r, &RuleCtx::default(), &mut out);
            out.iter()
                .find(|f| f.rule == ids::MAX_LENGTH && f.field.as_deref() == Some("MA_KHOA"))
                .map(|f| f.severity)
        };
        assert_eq!(sev(&"K".repeat(15)), None);
        assert_eq!(sev(&"K".repeat(16)), Some(Severity::Warning));
        assert_eq!(sev(&"K".repeat(51)), Some(Severity::Error));
    }

    #[test]
    fn codes_added_by_4750_are_unknown_under_130() {
        use crate::tables::Summary;
        let r = Summary::builder().ket_qua_dtri("8").build_unchecked();
        let unknown = |pack| {
            let mut out = Vec::new();
            check_fields(
                &r,
                &RuleCtx {
                    pack: Some(pack),
                    ..Default::default()
                },
                &mut out,
            );
            out.iter()
                .any(|f| f.rule == ids::UNKNOWN_CODE && f.field.as_deref() == Some("KET_QUA_DTRI"))
        };
        assert!(unknown(Pack::Qd130));
        assert!(!unknown(Pack::Qd4750) && !unknown(Pack::Qd3176));
        use crate::tables::HivRecord as Hiv;
        let at = Hiv::index_of("MA_XU_TRI").unwrap();
        let entry = |pack| plans::<Hiv>(Some(pack))[at].by_pack;
        let newer = |wire| entry(Pack::Qd130).and_then(|e| e.first_in(wire));
        assert_eq!(newer("1;7"), Some("7"));
        assert!(newer("1;2").is_none());
        assert!(entry(Pack::Qd4750).is_none() && entry(Pack::Qd3176).is_none());
    }

    /// The XML6 code lists that QĐ 3176 replaced: the TB regimens (12 codes under QĐ 130/4750,
    /// 27 under 3176) and the population groups (0..11 under 4750, 1..11 under 3176).
    #[test]
    fn xml6_lists_follow_the_decision() {
        use crate::tables::HivRecord as Hiv;
        let unknown = |r: &Hiv, el: &str, pack| {
            let mut out = Vec::new();
            check_fields(
                r,
                &RuleCtx {
                    pack: Some(pack),
                    ..Default::default()
                },
                &mut out,
            );
            out.into_iter()
                .filter(|f| f.rule == ids::UNKNOWN_CODE && f.field.as_deref() == Some(el))
                .map(|f| f.message_en)
                .collect::<Vec<_>>()
        };
        let regimen = |code: &str| Hiv::builder().phacdo_dtri_lao(code).build_unchecked();
        for pack in [Pack::Qd130, Pack::Qd4750] {
            assert!(unknown(&regimen("12"), "PHACDO_DTRI_LAO", pack).is_empty());
            let m = unknown(&regimen("13"), "PHACDO_DTRI_LAO", pack);
            assert_eq!(m.len(), 1, "{pack}");
            assert!(m[0].contains("only from QĐ 3176"), "{}", m[0]);
            assert_eq!(unknown(&regimen("27"), "PHACDO_DTRI_LAO", pack).len(), 1);
        }
        assert!(unknown(&regimen("27"), "PHACDO_DTRI_LAO", Pack::Qd3176).is_empty());
        // A code no decision has is reported once, as before.
        for pack in Pack::ALL {
            assert_eq!(unknown(&regimen("28"), "PHACDO_DTRI_LAO", pack).len(), 1);
        }
        let group = |code: &str| Hiv::builder().nhom_doi_tuong(code).build_unchecked();
        assert!(unknown(&group("0"), "NHOM_DOI_TUONG", Pack::Qd4750).is_empty());
        let m = unknown(&group("0"), "NHOM_DOI_TUONG", Pack::Qd3176);
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("renumbered"), "{}", m[0]);
        for pack in [Pack::Qd4750, Pack::Qd3176] {
            assert!(unknown(&group("11"), "NHOM_DOI_TUONG", pack).is_empty());
            assert_eq!(unknown(&group("12"), "NHOM_DOI_TUONG", pack).len(), 1);
        }
        // XML15 has used the long regimen list since it was introduced.
        use crate::tables::TbRecord;
        let tb = TbRecord::builder().phacdo_dtri_lao("20").build_unchecked();
        let mut out = Vec::new();
        check_fields(
            &tb,
            &RuleCtx {
                pack: Some(Pack::Qd4750),
                ..Default::default()
            },
            &mut out,
        );
        assert!(!out.iter().any(|f| f.rule == ids::UNKNOWN_CODE));
    }

    #[test]
    fn cccd_forms_by_pack() {
        use crate::tables::Summary;
        let sev = |cccd: &str, pack| {
            let r = Summary::builder().so_cccd(cccd).build_unchecked();
            let mut out = Vec::new();
            check_fields(
                &r,
                &RuleCtx {
                    pack: Some(pack),
                    ..Default::default()
                },
                &mut out,
            );
            out.iter()
                .find(|f| f.rule == ids::CCCD_PATTERN)
                .map(|f| (f.severity, f.message_en.contains(cccd)))
        };
        assert_eq!(sev("079185000001", Pack::Qd4750), None);
        assert_eq!(sev("123456789", Pack::Qd4750), None);
        assert_eq!(sev("B1234567", Pack::Qd4750), None);
        assert_eq!(
            sev("X12345AB", Pack::Qd4750),
            Some((Severity::Error, false))
        );
        assert_eq!(
            sev("X12345AB", Pack::Qd3176),
            Some((Severity::Warning, false))
        );
        assert_eq!(
            sev("0791850000", Pack::Qd130),
            Some((Severity::Error, false))
        );
    }
}
