//! ICD-10 rules against the QĐ 4469 catalogue: membership, never-main codes, sex- and age-specific
//! codes, dagger/asterisk pairs, and the count limit of secondary codes.

use super::support::Check;
use crate::catalog::icd10::{age_on, icd10};
use crate::record::Record;
use crate::types::codes::GioiTinh;
use crate::types::{Date, Field, IcdCode, List};

/// At most this many codes in `MA_BENH_KT` (QĐ 130 XML1 `MA_BENH_KT`).
pub const MAX_SECONDARY: usize = 12;

/// Every code of a list field must be in the catalogue.
pub(crate) fn known_codes<R: Record>(
    c: &mut Check<'_, '_, R>,
    field: &str,
    codes: &Field<List<IcdCode>>,
) {
    for code in codes.value().map(List::items).unwrap_or_default() {
        known(c, field, code);
    }
}

/// One code must be in the catalogue.
pub(crate) fn known<R: Record>(c: &mut Check<'_, '_, R>, field: &str, code: &IcdCode) {
    if icd10().get(code.as_str()).is_none() {
        c.error(
            "icd.unknown",
            field,
            format!(
                "{field}: mã {} không có trong danh mục ICD-10 của QĐ 4469",
                code.as_str()
            ),
            format!(
                "{field}: code {} is not in the ICD-10 catalogue of QĐ 4469",
                code.as_str()
            ),
        );
    }
}

/// The diagnosis rules of an episode: main code and secondary codes, against the patient's sex and
/// age on admission.
pub(crate) fn diagnoses<R: Record>(
    c: &mut Check<'_, '_, R>,
    main: &Field<IcdCode>,
    secondary: &Field<List<IcdCode>>,
    sex: Option<&GioiTinh>,
    birth: Option<Date>,
    admitted: Option<Date>,
) {
    let cat = icd10();
    let age = birth.zip(admitted).and_then(|(b, a)| age_on(b, a));
    let mut all: Vec<(&str, &IcdCode)> = Vec::new();
    if let Some(m) = main.value() {
        all.push(("MA_BENH_CHINH", m));
    }
    let others = secondary.value().map(List::items).unwrap_or_default();
    all.extend(others.iter().map(|x| ("MA_BENH_KT", x)));
    if others.len() > MAX_SECONDARY {
        c.error(
            "icd.max_secondary",
            "MA_BENH_KT",
            format!(
                "MA_BENH_KT có {} mã, tối đa {MAX_SECONDARY} mã",
                others.len()
            ),
            format!(
                "MA_BENH_KT has {} codes, at most {MAX_SECONDARY} are allowed",
                others.len()
            ),
        );
    }
    for (field, code) in all {
        let Some(e) = cat.get(code.as_str()) else {
            known(c, field, code);
            continue;
        };
        let code = code.as_str();
        if field == "MA_BENH_CHINH" && e.not_main {
            c.error(
                "icd.not_main",
                field,
                format!("Mã {code} không được dùng làm bệnh chính (phụ lục A2 QĐ 4469)"),
                format!("code {code} may not be the main diagnosis (QĐ 4469 appendix A2)"),
            );
        }
        let wrong_sex = match sex {
            Some(GioiTinh::Nam) => e.female_only,
            Some(GioiTinh::Nu) => e.male_only,
            _ => false,
        };
        if wrong_sex {
            c.error(
                "icd.sex",
                field,
                format!(
                    "Mã {code} chỉ dùng cho {} (phụ lục A4 QĐ 4469) nhưng GIOI_TINH khác",
                    if e.female_only { "nữ" } else { "nam" }
                ),
                format!(
                    "code {code} is for {} only (QĐ 4469 appendix A4) but GIOI_TINH differs",
                    if e.female_only { "women" } else { "men" }
                ),
            );
        }
        if let (Some(range), Some((years, days))) = (e.age, age) {
            if !range.contains(years, days) {
                c.warning(
                    "icd.age",
                    field,
                    format!("Mã {code} không phù hợp tuổi người bệnh ({years} tuổi) theo phụ lục {} QĐ 4469", range.clause),
                    format!("code {code} does not fit the patient's age ({years} years) under QĐ 4469 appendix {}", range.clause),
                );
            }
        }
    }
    if let Some(m) = main.value() {
        if let Some(ast) = others.iter().find(|s| cat.is_pair(m.as_str(), s.as_str())) {
            c.warning(
                "icd.asterisk_main",
                "MA_BENH_CHINH",
                format!("Cặp mã {}/{}: theo phụ lục A1 QĐ 4469, mã dấu * ({}) là bệnh chính", m.as_str(), ast.as_str(), ast.as_str()),
                format!("pair {}/{}: under QĐ 4469 appendix A1 the asterisk code ({}) is the main diagnosis", m.as_str(), ast.as_str(), ast.as_str()),
            );
        }
    }
}
