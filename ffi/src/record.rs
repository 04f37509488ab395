//! Records of any table, read and written by table name and element name: `lienthong_record`
//! (a built record) and `lienthong_builder` (a record being built).

use crate::error::lienthong_error;
use crate::error::{lienthong_status, Error};
use crate::ffi::{
    boundary, boundary_or, free_boxed, lienthong_str, str_arg, to_boxed_ptr, try_mut, try_ref,
    write_out, Castable,
};
use lienthong::record::{FieldSpec, Record, TableId};
use lienthong::tables::*;
use lienthong::types::AnyField;
use lienthong::validate::{check_record, Finding, RuleCtx, Severity};
use std::any::Any;
use std::collections::HashMap;
use std::ffi::c_char;
use std::sync::Mutex;

/// Object-safe access to a record of any table.
pub(crate) trait DynRecord: Any + Send + Sync + std::fmt::Debug {
    fn table(&self) -> TableId;
    fn fields(&self) -> &'static [FieldSpec];
    fn field(&self, i: usize) -> &dyn AnyField;
    fn field_mut(&mut self, i: usize) -> &mut dyn AnyField;
    fn check(&self) -> Vec<Finding>;
    fn clone_box(&self) -> Box<dyn DynRecord>;
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
}

impl<R: Record> DynRecord for R {
    fn table(&self) -> TableId {
        R::TABLE
    }
    fn fields(&self) -> &'static [FieldSpec] {
        R::FIELDS
    }
    fn field(&self, i: usize) -> &dyn AnyField {
        Record::field(self, i)
    }
    fn field_mut(&mut self, i: usize) -> &mut dyn AnyField {
        Record::field_mut(self, i)
    }
    fn check(&self) -> Vec<Finding> {
        check_record(self, &RuleCtx::default())
    }
    fn clone_box(&self) -> Box<dyn DynRecord> {
        Box::new(self.clone())
    }
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}

/// An empty record of `table`.
pub(crate) fn new_record(table: TableId) -> Box<dyn DynRecord> {
    match table {
        TableId::Checkin => Box::new(CheckinRow::default()),
        TableId::Xml1 => Box::new(Summary::default()),
        TableId::Xml2 => Box::new(DrugLine::default()),
        TableId::Xml3 => Box::new(ServiceLine::default()),
        TableId::Xml4 => Box::new(ParaclinicalResult::default()),
        TableId::Xml5 => Box::new(ClinicalNote::default()),
        TableId::Xml6 => Box::new(HivRecord::default()),
        TableId::Xml7 => Box::new(DischargePaper::default()),
        TableId::Xml8 => Box::new(RecordSummary::default()),
        TableId::Xml9 => Box::new(BirthCertificate::default()),
        TableId::Xml10 => Box::new(PregnancyLeave::default()),
        TableId::Xml11 => Box::new(SickLeave::default()),
        TableId::Xml12 => Box::new(Assessment::default()),
        TableId::Xml13 => Box::new(Referral::default()),
        TableId::Xml14 => Box::new(Reexam::default()),
        TableId::Xml15 => Box::new(TbRecord::default()),
    }
}

/// The table named `name` (`XML0` for check-in, `XML1` ... `XML15`).
pub(crate) fn table_arg(name: &str) -> Result<TableId, Error> {
    TableId::from_name(name).ok_or_else(|| {
        Error::new(
            lienthong_status::UnknownTable,
            "không có bảng tên này (XML0, XML1 ... XML15)",
            "no table of that name (XML0, XML1 ... XML15)",
        )
    })
}

/// The index of `element` in the dictionary of `table`.
pub(crate) fn element_index(
    fields: &'static [FieldSpec],
    table: TableId,
    element: &str,
) -> Result<usize, Error> {
    fields
        .iter()
        .position(|f| f.element == element)
        .ok_or_else(|| {
            Error::new(
                lienthong_status::UnknownElement,
                format!("bảng {} không có phần tử tên này", table.name()),
                format!("{} has no element of that name", table.name()),
            )
        })
}

/// Sets element `i` of `rec` from wire text, refusing text that does not fit the field: on a
/// format, size or code-list error the old value is kept and the error carries the findings.
pub(crate) fn set_checked(rec: &mut dyn DynRecord, i: usize, value: &str) -> Result<(), Error> {
    let element = rec.fields()[i].element;
    let mut old = String::new();
    rec.field(i).write_wire(&mut old);
    rec.field_mut(i).set_wire(value);
    // Only this element's own format rules decide: clearing a value (required or not) is allowed,
    // and rules across fields wait for build and validation.
    let findings: Vec<Finding> = rec
        .check()
        .into_iter()
        .filter(|f| {
            f.severity == Severity::Error
                && f.field.as_deref() == Some(element)
                && f.rule.starts_with("field.")
                && f.rule != "field.required"
        })
        .collect();
    if findings.is_empty() {
        return Ok(());
    }
    rec.field_mut(i).set_wire(&old);
    let table = rec.table().name();
    Err(Error::new(
        lienthong_status::InvalidValue,
        format!(
            "giá trị không hợp lệ cho {table}/{element}: {}",
            findings[0].message_vi
        ),
        format!(
            "invalid value for {table}/{element}: {}",
            findings[0].message_en
        ),
    )
    .with_findings(findings))
}

/// Wire text of fields that have to be formatted (numbers, dates), kept so that the borrowed
/// views handed to C stay valid. Keyed by field; an entry is dropped when its field is set.
#[derive(Debug)]
pub(crate) struct TextCache<K> {
    map: Mutex<HashMap<K, Box<str>>>,
}

impl<K> Default for TextCache<K> {
    fn default() -> Self {
        TextCache {
            map: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: std::hash::Hash + Eq + Copy> TextCache<K> {
    /// A view of `field`'s wire text, borrowed from the field or from the cache.
    pub(crate) fn view(&self, key: K, field: &dyn AnyField) -> lienthong_str {
        if let Some(s) = field.wire_str() {
            return lienthong_str::from_str(s);
        }
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        let text = map
            .entry(key)
            .or_insert_with(|| field.wire().into_owned().into_boxed_str());
        // The boxed text does not move when the map grows; it lives until the entry is removed,
        // which needs `&mut self` (a set or a free), as the views' documentation says.
        lienthong_str::from_str(text)
    }

    pub(crate) fn forget(&mut self, key: K) {
        self.map
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&key);
    }

    pub(crate) fn clear(&mut self) {
        self.map
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

/// The Rust side of `lienthong_record` and `lienthong_builder`.
#[derive(Debug)]
pub(crate) struct RecordCell {
    pub(crate) rec: Box<dyn DynRecord>,
    cache: TextCache<usize>,
}

impl RecordCell {
    pub(crate) fn new(rec: Box<dyn DynRecord>) -> Self {
        RecordCell {
            rec,
            cache: TextCache::default(),
        }
    }

    fn get(&self, element: &str) -> Result<lienthong_str, Error> {
        let i = element_index(self.rec.fields(), self.rec.table(), element)?;
        Ok(self.cache.view(i, self.rec.field(i)))
    }

    fn set(&mut self, element: &str, value: &str) -> Result<(), Error> {
        let i = element_index(self.rec.fields(), self.rec.table(), element)?;
        set_checked(self.rec.as_mut(), i, value)?;
        self.cache.forget(i);
        Ok(())
    }
}

/// One record of one table (one row of a list table, or the record of a flat table), made by
/// `lienthong_builder_build` or copied out of a `HOSO` with `lienthong_hoso_record`.
///
/// Owned by the caller; free it with `lienthong_record_free`. Reading from several threads at
/// once is safe; setting a field while another thread uses the record is not.
#[derive(Debug)]
pub struct lienthong_record {
    _private: [u8; 0],
}

impl Castable for lienthong_record {
    type Rust = RecordCell;
}

/// A record of one table being built. Set elements by name, then `lienthong_builder_build` runs
/// the table's rules and returns the record or every finding.
///
/// Owned by the caller; free it with `lienthong_builder_free`. Not safe for concurrent mutation.
#[derive(Debug)]
pub struct lienthong_builder {
    _private: [u8; 0],
}

impl Castable for lienthong_builder {
    type Rust = RecordCell;
}

fn with_elem<'a>(element: *const c_char) -> Result<&'a str, Error> {
    // SAFETY: callers pass the C string argument through, under the header's contract.
    unsafe { str_arg(element, "element") }
}

/// Starts a builder for table `table` (`XML0` for the check-in table, `XML1` ... `XML15`).
#[no_mangle]
pub unsafe extern "C" fn lienthong_builder_new(
    table: *const c_char,
    builder_out: *mut *mut lienthong_builder,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `table` is NULL or a C string, per the header.
        let t = table_arg(unsafe { str_arg(table, "table") }?)?;
        let handle = to_boxed_ptr::<lienthong_builder>(RecordCell::new(new_record(t)));
        // SAFETY: `builder_out` is NULL or writable, per the header.
        unsafe { write_out(builder_out, handle) }.inspect_err(|_| {
            // SAFETY: the handle was just made and never shared.
            unsafe { free_boxed(handle) }
        })
    })
}

/// Sets element `element` (for example `SO_LUONG`) from its wire text (`"1.5"`, `"202503100830"`;
/// `""` clears it). A value that does not fit the field (its format, its size, or a closed code
/// list) is refused with `LIENTHONG_STATUS_INVALID_VALUE` and the element keeps its old value.
/// Views of this element obtained earlier become invalid.
#[no_mangle]
pub unsafe extern "C" fn lienthong_builder_set(
    builder: *mut lienthong_builder,
    element: *const c_char,
    value: *const c_char,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `builder` is NULL or a live builder no other thread uses, per the header.
        let b = unsafe { try_mut(builder) }.ok_or_else(|| Error::null("builder"))?;
        // SAFETY: `value` is NULL or a C string, per the header.
        let value = unsafe { str_arg(value, "value") }?;
        b.set(with_elem(element)?, value)
    })
}

/// The wire text of element `element` as set so far (`""` when absent). The view is valid until
/// the builder is freed or that element is set again.
#[no_mangle]
pub unsafe extern "C" fn lienthong_builder_get(
    builder: *const lienthong_builder,
    element: *const c_char,
    value_out: *mut lienthong_str,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `builder` is NULL or a live builder, per the header.
        let b = unsafe { try_ref(builder) }.ok_or_else(|| Error::null("builder"))?;
        let v = b.get(with_elem(element)?)?;
        // SAFETY: `value_out` is NULL or writable, per the header.
        unsafe { write_out(value_out, v) }
    })
}

/// Runs the table's rules on the record built so far. On success `*record_out` receives a new
/// record (the builder is left as it was and must still be freed). When a rule finds an error,
/// returns `LIENTHONG_STATUS_BUILD_FAILED` and the error carries every finding, errors and
/// warnings.
#[no_mangle]
pub unsafe extern "C" fn lienthong_builder_build(
    builder: *const lienthong_builder,
    record_out: *mut *mut lienthong_record,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `builder` is NULL or a live builder, per the header.
        let b = unsafe { try_ref(builder) }.ok_or_else(|| Error::null("builder"))?;
        if record_out.is_null() {
            return Err(Error::null("record_out"));
        }
        let findings = b.rec.check();
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        if errors > 0 {
            let t = b.rec.table().name();
            return Err(Error::new(
                lienthong_status::BuildFailed,
                format!("bản ghi {t} chưa hợp lệ: {errors} lỗi"),
                format!("the {t} record is not valid: {errors} error(s)"),
            )
            .with_findings(findings));
        }
        let handle = to_boxed_ptr::<lienthong_record>(RecordCell::new(b.rec.clone_box()));
        // SAFETY: `record_out` is not NULL and writable, per the header.
        unsafe { write_out(record_out, handle) }
    })
}

/// Frees a builder. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_builder_free(builder: *mut lienthong_builder) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a builder it owns and no longer uses.
        unsafe { free_boxed(builder) }
    })
}

/// The table of the record (`XML1` ...), a static string. Empty for NULL.
#[no_mangle]
pub unsafe extern "C" fn lienthong_record_table(record: *const lienthong_record) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the caller passes NULL or a live record.
        unsafe { try_ref(record) }.map_or(lienthong_str::empty(), |r| {
            lienthong_str::from_str(r.rec.table().name())
        })
    })
}

/// The wire text of element `element` (`""` when absent). The view is valid until the record is
/// freed or that element is set.
#[no_mangle]
pub unsafe extern "C" fn lienthong_record_get(
    record: *const lienthong_record,
    element: *const c_char,
    value_out: *mut lienthong_str,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `record` is NULL or a live record, per the header.
        let r = unsafe { try_ref(record) }.ok_or_else(|| Error::null("record"))?;
        let v = r.get(with_elem(element)?)?;
        // SAFETY: `value_out` is NULL or writable, per the header.
        unsafe { write_out(value_out, v) }
    })
}

/// Sets element `element` from its wire text, as `lienthong_builder_set` does (a value that does
/// not fit is refused and the old one kept). No other rule runs: validate the file, or rebuild.
#[no_mangle]
pub unsafe extern "C" fn lienthong_record_set(
    record: *mut lienthong_record,
    element: *const c_char,
    value: *const c_char,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `record` is NULL or a live record no other thread uses, per the header.
        let r = unsafe { try_mut(record) }.ok_or_else(|| Error::null("record"))?;
        // SAFETY: `value` is NULL or a C string, per the header.
        let value = unsafe { str_arg(value, "value") }?;
        r.set(with_elem(element)?, value)
    })
}

/// The number of elements in the table's dictionary (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_record_element_count(record: *const lienthong_record) -> usize {
    boundary_or(0, || {
        // SAFETY: the caller passes NULL or a live record.
        unsafe { try_ref(record) }.map_or(0, |r| r.rec.fields().len())
    })
}

/// The name of element `index` of the table's dictionary, in the official order (a static string;
/// empty when out of range or for NULL).
#[no_mangle]
pub unsafe extern "C" fn lienthong_record_element_name(
    record: *const lienthong_record,
    index: usize,
) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the caller passes NULL or a live record.
        unsafe { try_ref(record) }
            .and_then(|r| r.rec.fields().get(index))
            .map_or(lienthong_str::empty(), |f| {
                lienthong_str::from_str(f.element)
            })
    })
}

/// Frees a record. NULL is fine.
#[no_mangle]
pub unsafe extern "C" fn lienthong_record_free(record: *mut lienthong_record) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a record it owns and no longer uses.
        unsafe { free_boxed(record) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_makes_a_record_of_itself() {
        for t in TableId::ALL {
            let r = new_record(t);
            assert_eq!(r.table(), t);
            assert!(!r.fields().is_empty());
            assert_eq!(table_arg(t.name()).unwrap(), t);
        }
        assert_eq!(
            table_arg("XML16").unwrap_err().status,
            lienthong_status::UnknownTable
        );
    }

    #[test]
    fn set_refuses_a_value_of_the_wrong_format_and_keeps_the_old_one() {
        let mut cell = RecordCell::new(new_record(TableId::Xml2));
        cell.set("SO_LUONG", "2.5").unwrap();
        let e = cell.set("SO_LUONG", "two").unwrap_err();
        assert_eq!(e.status, lienthong_status::InvalidValue);
        assert!(!e.findings.is_empty());
        let v = cell.get("SO_LUONG").unwrap();
        // SAFETY: the view points into `cell`, alive here.
        let s = unsafe { std::slice::from_raw_parts(v.data.cast::<u8>(), v.len) };
        assert_eq!(s, b"2.5");
        assert_eq!(
            cell.set("NO_SUCH", "1").unwrap_err().status,
            lienthong_status::UnknownElement
        );
        cell.set("SO_LUONG", "").unwrap();
    }
}
