//! Assertions the family tests share.

use crate::record::{Layout, Record, RecordBuilder, Req};

/// Asserts that building fails with exactly one finding: `rule` at element `field`, with a path
/// ending in `/FIELD`.
pub(crate) fn only<B: RecordBuilder>(b: B, rule: &str, field: &str) {
    let f = b.try_build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

/// Asserts that clearing any mandatory element of `valid` (in `layout`) fails with exactly
/// `field.required` at that element; `except` lists elements the dictionary's errata make optional.
pub(crate) fn each_required_is_required<B: RecordBuilder>(valid: &B, layout: Layout, except: &[&str]) {
    let specs = B::Output::FIELDS.iter().filter(|s| s.required == Req::Yes && s.layouts.contains(layout));
    for spec in specs.filter(|s| !except.contains(&s.element)) {
        let mut b = valid.clone();
        b.set_wire(spec.element, "").expect("element of the table");
        only(b, "field.required", spec.element);
    }
}

/// Asserts that `Debug` output of the record built by `b` shows none of `secrets`.
pub(crate) fn debug_hides<B: RecordBuilder>(b: &B, secrets: &[&str]) {
    let shown = format!("{:?}", b.record());
    for s in secrets {
        assert!(!shown.contains(s), "Debug output shows {s:?}: {shown}");
    }
}
