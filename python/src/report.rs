//! `validate()`, `Report` and `Issue`: the JSON finding contract of `lienthong validate`.

use crate::errors;
use crate::input::{open_failed, Input};
use lienthong::report::{finding_json, validate_reader, FileSummary, ValidateOptions};
use lienthong::validate::catalog::RULES;
use lienthong::validate::{Finding, Override, Pack, RuleConfig, Severity};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;
use std::sync::Arc;

/// A JSON value as the equivalent Python value.
pub fn json_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match n.as_u64() {
            Some(u) => u.into_pyobject(py)?.into_any(),
            None => match n.as_i64() {
                Some(i) => i.into_pyobject(py)?.into_any(),
                None => n.as_f64().unwrap_or(0.0).into_pyobject(py)?.into_any(),
            },
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(a) => {
            let l = PyList::empty(py);
            for x in a {
                l.append(json_to_py(py, x)?)?;
            }
            l.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, json_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// One finding: a rule id, a severity, where it is and what is wrong, in Vietnamese and English.
/// Messages never contain values from the file.
#[derive(Debug)]
#[pyclass(frozen, module = "lienthong._lienthong")]
pub struct Issue {
    pub(crate) f: Finding,
}

#[pymethods]
impl Issue {
    /// Stable rule id (`field.required`, `money.line_total`, ...).
    #[getter]
    fn rule(&self) -> &'static str {
        self.f.rule
    }
    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.f.severity.as_str()
    }
    /// `XML1`...`XML15`, `XML0` (check-in), or `GIAMDINHHS` for the envelope.
    #[getter]
    fn table(&self) -> &'static str {
        self.f.table.map_or("GIAMDINHHS", |t| t.name())
    }
    #[getter]
    fn ma_lk(&self) -> Option<&str> {
        self.f.ma_lk.as_deref()
    }
    #[getter]
    fn stt(&self) -> Option<&str> {
        self.f.stt.as_deref()
    }
    #[getter]
    fn field(&self) -> Option<&str> {
        self.f.field.as_deref()
    }
    /// `HOSO[2]/XML3[5]/THANH_TIEN_BV` (1-based indices).
    #[getter]
    fn path(&self) -> &str {
        &self.f.path
    }
    #[getter]
    fn line(&self) -> Option<u32> {
        self.f.line
    }
    #[getter]
    fn column(&self) -> Option<u32> {
        self.f.column
    }
    #[getter]
    fn message_vi(&self) -> &str {
        &self.f.message_vi
    }
    #[getter]
    fn message_en(&self) -> &str {
        &self.f.message_en
    }
    /// How to fix it, in Vietnamese ("" when there is no hint).
    #[getter]
    fn hint(&self) -> &str {
        &self.f.hint_vi
    }
    /// How to fix it, in English.
    #[getter]
    fn hint_en(&self) -> &str {
        &self.f.hint_en
    }
    /// The issue as the JSON object of `lienthong validate --format json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &finding_json(&self.f))
    }
    fn __repr__(&self) -> String {
        format!(
            "Issue(rule={:?}, severity={:?}, path={:?})",
            self.f.rule,
            self.f.severity.as_str(),
            self.f.path
        )
    }
    fn __str__(&self) -> String {
        self.f.to_string()
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Issue>().is_ok_and(|o| o.get().f == self.f)
    }
}

/// Python `Issue` objects for findings.
pub fn issues(py: Python<'_>, findings: &[Finding]) -> PyResult<Vec<Py<Issue>>> {
    findings
        .iter()
        .map(|f| Py::new(py, Issue { f: f.clone() }))
        .collect()
}

/// The outcome of validating one file.
#[derive(Debug)]
#[pyclass(frozen, module = "lienthong._lienthong")]
pub struct Report {
    path: String,
    summary: FileSummary,
    findings: Arc<Vec<Finding>>,
}

impl Report {
    fn json(&self) -> Value {
        let issues: Vec<Value> = self.findings.iter().map(finding_json).collect();
        serde_json::json!({
            "files": [{"path": self.path, "issues": issues, "hoso": self.summary.hoso}],
            "summary": {
                "files": 1,
                "hoso": self.summary.hoso,
                "errors": self.summary.errors,
                "warnings": self.summary.warnings,
            },
        })
    }
    fn of(&self, py: Python<'_>, sev: Option<Severity>) -> PyResult<Vec<Py<Issue>>> {
        self.findings
            .iter()
            .filter(|f| sev.is_none_or(|s| f.severity == s))
            .map(|f| Py::new(py, Issue { f: f.clone() }))
            .collect()
    }
}

#[pymethods]
impl Report {
    /// True when there is no error (warnings allowed).
    #[getter]
    fn ok(&self) -> bool {
        self.summary.errors == 0
    }
    /// The path as given (`"<bytes>"` for bytes).
    #[getter]
    fn path(&self) -> &str {
        &self.path
    }
    /// `HOSO` read (rows, for standalone check-in and XML12 documents).
    #[getter]
    fn hoso(&self) -> usize {
        self.summary.hoso
    }
    /// Every issue, in file order.
    #[getter]
    fn issues(&self, py: Python<'_>) -> PyResult<Vec<Py<Issue>>> {
        self.of(py, None)
    }
    /// The issues of severity `error`.
    #[getter]
    fn errors(&self, py: Python<'_>) -> PyResult<Vec<Py<Issue>>> {
        self.of(py, Some(Severity::Error))
    }
    /// The issues of severity `warning`.
    #[getter]
    fn warnings(&self, py: Python<'_>) -> PyResult<Vec<Py<Issue>>> {
        self.of(py, Some(Severity::Warning))
    }
    #[getter]
    fn error_count(&self) -> usize {
        self.summary.errors
    }
    #[getter]
    fn warning_count(&self) -> usize {
        self.summary.warnings
    }
    /// The report as `lienthong validate --format json` writes it for this one file.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        let v = self.json();
        let r = match indent {
            None => serde_json::to_string(&v),
            Some(n) => {
                let ind = vec![b' '; n];
                let mut out = Vec::new();
                let fmt = serde_json::ser::PrettyFormatter::with_indent(&ind);
                let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
                serde::Serialize::serialize(&v, &mut ser)
                    .map(|_| String::from_utf8(out).unwrap_or_default())
            }
        };
        r.map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }
    /// The report as a Python dict (the parsed form of `to_json()`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.json())
    }
    fn __len__(&self) -> usize {
        self.findings.len()
    }
    fn __bool__(&self) -> bool {
        self.ok()
    }
    fn __repr__(&self) -> String {
        format!(
            "Report(path={:?}, hoso={}, errors={}, warnings={})",
            self.path, self.summary.hoso, self.summary.errors, self.summary.warnings
        )
    }
}

fn pack_arg(py: Python<'_>, pack: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Pack>> {
    let Some(p) = pack else { return Ok(None) };
    if p.is_none() {
        return Ok(None);
    }
    let name = p.str()?.to_string();
    Pack::from_name(&name).map(Some).ok_or_else(|| {
        errors::simple(
            py,
            "ConfigError",
            format!("pack {name:?}: use 130, 4750 or 3176 (gói quy tắc không hợp lệ)"),
        )
    })
}

fn rules_arg(py: Python<'_>, rules: Option<&Bound<'_, PyAny>>) -> PyResult<RuleConfig> {
    let Some(r) = rules else {
        return Ok(RuleConfig::default());
    };
    if r.is_none() {
        return Ok(RuleConfig::default());
    }
    let config_error = |m: String| errors::simple(py, "ConfigError", m);
    if let Ok(d) = r.cast::<PyDict>() {
        let mut cfg = RuleConfig::default();
        for (k, v) in d.iter() {
            let id: String = k.extract()?;
            let level: String = v.str()?.to_string();
            if lienthong::validate::catalog::rule(&id).is_none() {
                return Err(config_error(format!(
                    "rules: unknown rule id {id:?} (see lienthong.rules())"
                )));
            }
            let o = match level.as_str() {
                "error" => Override::Severity(Severity::Error),
                "warning" => Override::Severity(Severity::Warning),
                "off" => Override::Off,
                _ => {
                    return Err(config_error(format!(
                        "rules: {id}: use \"error\", \"warning\" or \"off\""
                    )))
                }
            };
            cfg.set(&id, o);
        }
        return Ok(cfg);
    }
    let path: std::path::PathBuf = r.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(
            "rules: expected a path to a TOML rules file or a dict {rule_id: 'error'|'warning'|'off'}",
        )
    })?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| errors::file_error(py, &e, &path.display().to_string()))?;
    RuleConfig::from_toml(&text).map_err(|e| config_error(e.to_string()))
}

/// Validates one file: a `GIAMDINHHS` envelope, a check-in document or an XML12 document.
#[pyfunction]
#[pyo3(signature = (source, pack=None, rules=None, *, jobs=1))]
pub fn validate(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    pack: Option<&Bound<'_, PyAny>>,
    rules: Option<&Bound<'_, PyAny>>,
    jobs: usize,
) -> PyResult<Report> {
    let input = Input::extract(source)?;
    let options = ValidateOptions {
        pack: pack_arg(py, pack)?,
        rules: rules_arg(py, rules)?,
        jobs: if jobs == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            jobs
        },
        ..Default::default()
    };
    let path = input.name().to_owned();
    let result = py.detach(move || {
        let reader = input.open().map_err(Err)?;
        let mut findings = Vec::new();
        validate_reader(reader, &options, |f| findings.push(f))
            .map(|summary| (summary, findings))
            .map_err(Ok)
    });
    match result {
        Ok((summary, findings)) => Ok(Report {
            path,
            summary,
            findings: Arc::new(findings),
        }),
        Err(Err(open)) => Err(open_failed(py, open)),
        Err(Ok(read)) => Err(errors::file_error(py, &read, &path)),
    }
}

/// The rule catalogue: one dict per rule (`id`, `severity`, `table`, `field`, `source`,
/// `description_vi`, `description_en`, `retired`).
#[pyfunction]
pub fn rules<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for r in RULES {
        let d = PyDict::new(py);
        d.set_item("id", r.id)?;
        d.set_item("severity", r.severity.as_str())?;
        d.set_item("table", r.table.map(|t| t.name()))?;
        d.set_item("field", r.field)?;
        d.set_item("source", r.source)?;
        d.set_item("description_vi", r.description_vi)?;
        d.set_item("description_en", r.description_en)?;
        d.set_item("retired", r.retired)?;
        out.append(d)?;
    }
    Ok(out)
}
