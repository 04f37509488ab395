//! Assertions the family tests share.

use crate::record::{Layout, Record, RecordBuilder, Req};
use crate::types::{Dec, Decimal, Field};
use crate::validate::{check_record, RuleCtx};

/// Asserts that building fails with exactly one finding: `rule` at element `field`, with a path
/// ending in `/FIELD`.
pub(crate) fn only<B: RecordBuilder>(b: B, rule: &str, field: &str) {
    let f = b.try_build().expect_err("build should fail");
    assert_eq!(f.0.len(), 1, "{f}");
    let x = &f.0[0];
    assert_eq!((x.rule, x.field.as_deref()), (rule, Some(field)), "{f}");
    assert!(x.path.ends_with(&format!("/{field}")), "{}", x.path);
}

/// Asserts [`only`] for each case: building each builder fails with exactly one finding, `rule` at
/// the element named with it.
pub(crate) fn each_only<'a, B: RecordBuilder>(
    rule: &str,
    cases: impl IntoIterator<Item = (B, &'a str)>,
) {
    for (b, field) in cases {
        only(b, rule, field);
    }
}

/// A copy of `b` with `element` cleared (set to empty wire text).
pub(crate) fn cleared<B: RecordBuilder>(b: &B, element: &str) -> B {
    let mut b = b.clone();
    b.set_wire(element, "").expect("element of the table");
    b
}

/// Asserts that clearing any mandatory element of `valid` (in `layout`, which must be the layout
/// of `valid`) fails with exactly `field.required` at that element; `except` lists elements the
/// dictionary's errata make optional, each of which must be a mandatory element of `layout`.
pub(crate) fn each_required_is_required<B: RecordBuilder>(
    valid: &B,
    layout: Layout,
    except: &[&str],
) {
    assert_eq!(
        valid.record().layout(),
        layout,
        "the builder is in another layout"
    );
    let specs: Vec<_> = B::Output::FIELDS
        .iter()
        .filter(|s| s.required == Req::Yes && s.layouts.contains(layout))
        .collect();
    for e in except {
        assert!(
            specs.iter().any(|s| s.element == *e),
            "{e} is not a mandatory element of {layout:?}"
        );
    }
    let checked: Vec<_> = specs
        .into_iter()
        .filter(|s| !except.contains(&s.element))
        .collect();
    assert!(!checked.is_empty(), "no mandatory element to check");
    for spec in checked {
        only(cleared(valid, spec.element), "field.required", spec.element);
    }
}

/// Asserts that `b` builds and that the `Debug` output of the record shows none of `secrets`;
/// returns that output, for checks of what it does show.
pub(crate) fn debug_hides<B: RecordBuilder>(b: &B, secrets: &[&str]) -> String {
    let shown = format!("{:?}", b.clone().try_build().expect("the record builds"));
    for s in secrets {
        assert!(!shown.contains(s), "Debug output shows {s:?}: {shown}");
    }
    shown
}

/// Asserts that every element in `elements` of `copy` has a value, the same as in `source`.
pub(crate) fn each_copied<R: Record, S: Record>(copy: &R, source: &S, elements: &[&str]) {
    for el in elements {
        let copied = copy.get(el).expect("element of the copy").wire();
        assert!(!copied.is_empty(), "{el} not copied");
        assert_eq!(
            copied,
            source.get(el).expect("element of the source").wire(),
            "{el}"
        );
    }
}

/// The rule ids of every finding of the record's own rules.
pub(crate) fn rules<R: Record>(r: &R) -> Vec<&'static str> {
    check_record(r, &RuleCtx::default())
        .iter()
        .map(|f| f.rule)
        .collect()
}

/// Asserts that `b` builds and that the record has no finding at all (not even a warning);
/// returns the record.
pub(crate) fn builds_clean<B: RecordBuilder>(b: B) -> B::Output {
    let r = b.try_build().expect("the record builds");
    let fired = rules(&r);
    assert!(fired.is_empty(), "{fired:?}");
    r
}

/// Asserts that `b` builds and that `rule` does not fire on the record; returns the record.
pub(crate) fn builds_without<B: RecordBuilder>(b: B, rule: &str) -> B::Output {
    let r = b.try_build().expect("the record builds");
    let fired = rules(&r);
    assert!(!fired.contains(&rule), "{rule} in {fired:?}");
    r
}

/// A decimal from its text.
pub(crate) fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The value of a decimal field that is present and well-formed.
pub(crate) fn get(f: &Field<Dec>) -> Decimal {
    f.value().unwrap().get()
}
