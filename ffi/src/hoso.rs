//! `lienthong_hoso`: one episode (one `HOSO`, one `MA_LK`) with its tables, read and written by
//! table name, row and element name.

use crate::error::{lienthong_error, lienthong_status, Error};
use crate::ffi::{
    boundary, boundary_or, free_boxed, lienthong_str, str_arg, to_boxed_ptr, try_mut, try_ref,
    write_out, Castable,
};
use crate::record::{
    element_index, lienthong_record, set_checked, table_arg, DynRecord, RecordCell, TextCache,
};
use lienthong::record::TableId;
use lienthong::Hoso;
use std::ffi::c_char;

/// The Rust side of `lienthong_hoso`.
#[derive(Debug, Default)]
pub(crate) struct HosoCell {
    pub(crate) hoso: Hoso,
    cache: TextCache<(TableId, usize, usize)>,
}

impl HosoCell {
    pub(crate) fn new(hoso: Hoso) -> Self {
        HosoCell {
            hoso,
            cache: TextCache::default(),
        }
    }
}

impl Clone for HosoCell {
    fn clone(&self) -> Self {
        HosoCell::new(self.hoso.clone())
    }
}

macro_rules! per_table {
    ($h:expr, $t:expr, flat => |$f:ident| $flat:expr, list => |$l:ident| $list:expr, other => $other:expr) => {
        match $t {
            TableId::Xml1 => {
                let $f = &mut $h.xml1;
                $flat
            }
            TableId::Xml2 => {
                let $l = &mut $h.xml2;
                $list
            }
            TableId::Xml3 => {
                let $l = &mut $h.xml3;
                $list
            }
            TableId::Xml4 => {
                let $l = &mut $h.xml4;
                $list
            }
            TableId::Xml5 => {
                let $l = &mut $h.xml5;
                $list
            }
            TableId::Xml6 => {
                let $l = &mut $h.xml6;
                $list
            }
            TableId::Xml7 => {
                let $f = &mut $h.xml7;
                $flat
            }
            TableId::Xml8 => {
                let $f = &mut $h.xml8;
                $flat
            }
            TableId::Xml9 => {
                let $l = &mut $h.xml9;
                $list
            }
            TableId::Xml10 => {
                let $f = &mut $h.xml10;
                $flat
            }
            TableId::Xml11 => {
                let $f = &mut $h.xml11;
                $flat
            }
            TableId::Xml13 => {
                let $f = &mut $h.xml13;
                $flat
            }
            TableId::Xml14 => {
                let $f = &mut $h.xml14;
                $flat
            }
            TableId::Xml15 => {
                let $l = &mut $h.xml15;
                $list
            }
            TableId::Checkin | TableId::Xml12 => $other,
        }
    };
}

macro_rules! per_table_ref {
    ($h:expr, $t:expr, flat => |$f:ident| $flat:expr, list => |$l:ident| $list:expr, other => $other:expr) => {
        match $t {
            TableId::Xml1 => {
                let $f = &$h.xml1;
                $flat
            }
            TableId::Xml2 => {
                let $l = &$h.xml2;
                $list
            }
            TableId::Xml3 => {
                let $l = &$h.xml3;
                $list
            }
            TableId::Xml4 => {
                let $l = &$h.xml4;
                $list
            }
            TableId::Xml5 => {
                let $l = &$h.xml5;
                $list
            }
            TableId::Xml6 => {
                let $l = &$h.xml6;
                $list
            }
            TableId::Xml7 => {
                let $f = &$h.xml7;
                $flat
            }
            TableId::Xml8 => {
                let $f = &$h.xml8;
                $flat
            }
            TableId::Xml9 => {
                let $l = &$h.xml9;
                $list
            }
            TableId::Xml10 => {
                let $f = &$h.xml10;
                $flat
            }
            TableId::Xml11 => {
                let $f = &$h.xml11;
                $flat
            }
            TableId::Xml13 => {
                let $f = &$h.xml13;
                $flat
            }
            TableId::Xml14 => {
                let $f = &$h.xml14;
                $flat
            }
            TableId::Xml15 => {
                let $l = &$h.xml15;
                $list
            }
            TableId::Checkin | TableId::Xml12 => $other,
        }
    };
}

fn not_in_envelope() -> Error {
    Error::new(
        lienthong_status::UnknownTable,
        "XML0 và XML12 không nằm trong HOSO (gửi riêng)",
        "XML0 and XML12 are not part of a HOSO (they are sent on their own)",
    )
}

fn out_of_range(table: TableId, row: usize, rows: usize) -> Error {
    Error::new(
        lienthong_status::IndexOutOfRange,
        format!("bảng {} có {rows} dòng, không có dòng {row}", table.name()),
        format!("{} has {rows} row(s); there is no row {row}", table.name()),
    )
}

/// The number of rows of `table` in `hoso` (0 or 1 for a flat table).
pub(crate) fn row_count(hoso: &Hoso, table: TableId) -> Result<usize, Error> {
    per_table_ref!(hoso, table,
        flat => |f| Ok(usize::from(f.is_some())),
        list => |l| Ok(l.len()),
        other => Err(not_in_envelope()))
}

/// Row `row` of `table`.
pub(crate) fn row_ref(hoso: &Hoso, table: TableId, row: usize) -> Result<&dyn DynRecord, Error> {
    let rows = row_count(hoso, table)?;
    let found: Option<&dyn DynRecord> = per_table_ref!(hoso, table,
        flat => |f| f.as_ref().filter(|_| row == 0).map(|r| r as &dyn DynRecord),
        list => |l| l.get(row).map(|r| r as &dyn DynRecord),
        other => None);
    found.ok_or_else(|| out_of_range(table, row, rows))
}

/// Row `row` of `table`, mutable.
pub(crate) fn row_mut(
    hoso: &mut Hoso,
    table: TableId,
    row: usize,
) -> Result<&mut dyn DynRecord, Error> {
    let rows = row_count(hoso, table)?;
    let found: Option<&mut dyn DynRecord> = per_table!(hoso, table,
        flat => |f| f.as_mut().filter(|_| row == 0).map(|r| r as &mut dyn DynRecord),
        list => |l| l.get_mut(row).map(|r| r as &mut dyn DynRecord),
        other => None);
    found.ok_or_else(|| out_of_range(table, row, rows))
}

/// Adds `rec` to its table: a new last row of a list table, or the record of a flat table
/// (replacing the one there). Returns the row index.
pub(crate) fn add_record(hoso: &mut Hoso, rec: Box<dyn DynRecord>) -> Result<usize, Error> {
    fn take<R: 'static>(rec: Box<dyn DynRecord>) -> Result<R, Error> {
        rec.into_any().downcast::<R>().map(|b| *b).map_err(|_| {
            Error::new(
                lienthong_status::Internal,
                "bản ghi không đúng kiểu của bảng",
                "the record is not of its table's type",
            )
        })
    }
    let table = rec.table();
    per_table!(hoso, table,
        flat => |f| { *f = Some(take(rec)?); Ok(0) },
        list => |l| { l.push(take(rec)?); Ok(l.len() - 1) },
        other => Err(not_in_envelope()))
}

/// Removes row `row` of `table` (the record of a flat table); later rows move up by one.
pub(crate) fn remove_row(hoso: &mut Hoso, table: TableId, row: usize) -> Result<(), Error> {
    let rows = row_count(hoso, table)?;
    if row >= rows {
        return Err(out_of_range(table, row, rows));
    }
    per_table!(hoso, table,
        flat => |f| { *f = None; Ok(()) },
        list => |l| { l.remove(row); Ok(()) },
        other => Err(not_in_envelope()))
}

/// One episode (one `HOSO`): XML1 and the tables that go with it, each a list of rows (a flat
/// table has 0 or 1 row). Tables are named `XML1` ... `XML15` (not `XML0` or `XML12`, which travel
/// on their own); rows are numbered from 0; elements are the XML element names.
///
/// A `HOSO` is either owned by the caller (from `lienthong_hoso_new`; free it with
/// `lienthong_hoso_free`) or borrowed from an envelope (`lienthong_envelope_hoso`,
/// `lienthong_envelope_hoso_mut`: valid until the envelope is freed; never free it). Reading from
/// several threads at once is safe; changing it while another thread uses it is not.
#[derive(Debug)]
pub struct lienthong_hoso {
    _private: [u8; 0],
}

impl Castable for lienthong_hoso {
    type Rust = HosoCell;
}

/// A new, empty `HOSO`, owned by the caller.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_new(
    hoso_out: *mut *mut lienthong_hoso,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        let handle = to_boxed_ptr::<lienthong_hoso>(HosoCell::default());
        // SAFETY: `hoso_out` is NULL or writable, per the header.
        unsafe { write_out(hoso_out, handle) }.inspect_err(|_| {
            // SAFETY: the handle was just made and never shared.
            unsafe { free_boxed(handle) }
        })
    })
}

/// Frees a `HOSO` made by `lienthong_hoso_new`. NULL is fine. Never pass a `HOSO` borrowed from an
/// envelope.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_free(hoso: *mut lienthong_hoso) {
    boundary_or((), || {
        // SAFETY: the caller passes NULL or a HOSO it owns and no longer uses.
        unsafe { free_boxed(hoso) }
    })
}

/// `MA_LK` of the episode, from XML1 (empty when there is no XML1 or no `MA_LK`). Valid until the
/// `HOSO` is freed or XML1 changes.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_ma_lk(hoso: *const lienthong_hoso) -> lienthong_str {
    boundary_or(lienthong_str::empty(), || {
        // SAFETY: the caller passes NULL or a live HOSO.
        unsafe { try_ref(hoso) }
            .and_then(|h| h.hoso.ma_lk())
            .map_or(lienthong_str::empty(), lienthong_str::from_str)
    })
}

/// The number of rows of `table` (`"XML3"`): 0 when absent, 0 or 1 for a flat table.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_row_count(
    hoso: *const lienthong_hoso,
    table: *const c_char,
    count_out: *mut usize,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `hoso` is NULL or a live HOSO, per the header.
        let h = unsafe { try_ref(hoso) }.ok_or_else(|| Error::null("hoso"))?;
        // SAFETY: `table` is NULL or a C string, per the header.
        let t = table_arg(unsafe { str_arg(table, "table") }?)?;
        let n = row_count(&h.hoso, t)?;
        // SAFETY: `count_out` is NULL or writable, per the header.
        unsafe { write_out(count_out, n) }
    })
}

/// The wire text of `element` in row `row` of `table` (`""` when absent). The view is valid until
/// the `HOSO` is freed or changed.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_get(
    hoso: *const lienthong_hoso,
    table: *const c_char,
    row: usize,
    element: *const c_char,
    value_out: *mut lienthong_str,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `hoso` is NULL or a live HOSO, per the header.
        let h = unsafe { try_ref(hoso) }.ok_or_else(|| Error::null("hoso"))?;
        // SAFETY: `table` and `element` are NULL or C strings, per the header.
        let (t, el) = unsafe { (str_arg(table, "table")?, str_arg(element, "element")?) };
        let t = table_arg(t)?;
        let rec = row_ref(&h.hoso, t, row)?;
        let i = element_index(rec.fields(), t, el)?;
        let v = h.cache.view((t, row, i), rec.field(i));
        // SAFETY: `value_out` is NULL or writable, per the header.
        unsafe { write_out(value_out, v) }
    })
}

/// Sets `element` in row `row` of `table` from its wire text (`""` clears it). A value that does
/// not fit the field (its format, its size, or a closed code list) is refused with
/// `LIENTHONG_STATUS_INVALID_VALUE` and the old value kept. Views obtained from this `HOSO` earlier become invalid.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_set(
    hoso: *mut lienthong_hoso,
    table: *const c_char,
    row: usize,
    element: *const c_char,
    value: *const c_char,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `hoso` is NULL or a live HOSO no other thread uses, per the header.
        let h = unsafe { try_mut(hoso) }.ok_or_else(|| Error::null("hoso"))?;
        // SAFETY: the string arguments are NULL or C strings, per the header.
        let (t, el, v) = unsafe {
            (
                str_arg(table, "table")?,
                str_arg(element, "element")?,
                str_arg(value, "value")?,
            )
        };
        let t = table_arg(t)?;
        let rec = row_mut(&mut h.hoso, t, row)?;
        let i = element_index(rec.fields(), t, el)?;
        set_checked(rec, i, v)?;
        h.cache.forget((t, row, i));
        Ok(())
    })
}

/// Adds a copy of `record` to its table: a new last row of a list table (XML2, XML3 ...), or the
/// record of a flat table (XML1, XML7 ...), replacing the one there. `*row_out` (may be NULL)
/// receives the row index. `record` stays the caller's.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_add_record(
    hoso: *mut lienthong_hoso,
    record: *const lienthong_record,
    row_out: *mut usize,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `hoso` is NULL or a live HOSO no other thread uses, per the header.
        let h = unsafe { try_mut(hoso) }.ok_or_else(|| Error::null("hoso"))?;
        // SAFETY: `record` is NULL or a live record, per the header.
        let r = unsafe { try_ref(record) }.ok_or_else(|| Error::null("record"))?;
        let row = add_record(&mut h.hoso, r.rec.clone_box())?;
        // A replaced flat record may have had cached texts.
        h.cache.clear();
        if !row_out.is_null() {
            // SAFETY: `row_out` is not NULL and writable, per the header.
            unsafe { write_out(row_out, row) }?;
        }
        Ok(())
    })
}

/// Removes row `row` of `table` (for a flat table, its record); later rows move up by one. `STT`
/// values are not renumbered. Views obtained from this `HOSO` earlier become invalid.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_remove_row(
    hoso: *mut lienthong_hoso,
    table: *const c_char,
    row: usize,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `hoso` is NULL or a live HOSO no other thread uses, per the header.
        let h = unsafe { try_mut(hoso) }.ok_or_else(|| Error::null("hoso"))?;
        // SAFETY: `table` is NULL or a C string, per the header.
        let t = table_arg(unsafe { str_arg(table, "table") }?)?;
        remove_row(&mut h.hoso, t, row)?;
        h.cache.clear();
        Ok(())
    })
}

/// A copy of row `row` of `table` as a new record owned by the caller (free it with
/// `lienthong_record_free`). Changing the copy does not change the `HOSO`.
#[no_mangle]
pub unsafe extern "C" fn lienthong_hoso_record(
    hoso: *const lienthong_hoso,
    table: *const c_char,
    row: usize,
    record_out: *mut *mut lienthong_record,
    err_out: *mut *mut lienthong_error,
) -> lienthong_status {
    boundary(err_out, || {
        // SAFETY: `hoso` is NULL or a live HOSO, per the header.
        let h = unsafe { try_ref(hoso) }.ok_or_else(|| Error::null("hoso"))?;
        // SAFETY: `table` is NULL or a C string, per the header.
        let t = table_arg(unsafe { str_arg(table, "table") }?)?;
        if record_out.is_null() {
            return Err(Error::null("record_out"));
        }
        let rec = row_ref(&h.hoso, t, row)?.clone_box();
        let handle = to_boxed_ptr::<lienthong_record>(RecordCell::new(rec));
        // SAFETY: `record_out` is not NULL and writable, per the header.
        unsafe { write_out(record_out, handle) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::new_record;

    #[test]
    fn rows_are_added_read_and_refused_out_of_range() {
        let mut h = Hoso::default();
        assert_eq!(row_count(&h, TableId::Xml2).unwrap(), 0);
        assert_eq!(add_record(&mut h, new_record(TableId::Xml2)).unwrap(), 0);
        assert_eq!(add_record(&mut h, new_record(TableId::Xml2)).unwrap(), 1);
        assert_eq!(add_record(&mut h, new_record(TableId::Xml1)).unwrap(), 0);
        assert_eq!(add_record(&mut h, new_record(TableId::Xml1)).unwrap(), 0);
        assert_eq!(row_count(&h, TableId::Xml2).unwrap(), 2);
        assert_eq!(row_count(&h, TableId::Xml1).unwrap(), 1);
        assert_eq!(
            row_ref(&h, TableId::Xml2, 2).unwrap_err().status,
            lienthong_status::IndexOutOfRange
        );
        assert_eq!(
            add_record(&mut h, new_record(TableId::Checkin))
                .unwrap_err()
                .status,
            lienthong_status::UnknownTable
        );
        remove_row(&mut h, TableId::Xml2, 0).unwrap();
        assert_eq!(row_count(&h, TableId::Xml2).unwrap(), 1);
        assert!(remove_row(&mut h, TableId::Xml2, 1).is_err());
        row_mut(&mut h, TableId::Xml1, 0)
            .unwrap()
            .field_mut(0)
            .set_wire("LK1");
        assert_eq!(h.ma_lk(), Some("LK1"));
    }
}
