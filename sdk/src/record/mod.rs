//! What every table record shares: the field dictionary ([`FieldSpec`]), the [`Record`] trait the
//! codec and tools work through, and the `record!` macro that declares a table's struct, its
//! dictionary and its builder from one list of elements.

mod table;

pub use table::TableId;

use crate::types::{AnyField, Kind};
use crate::validate::{Finding, RuleCtx};

/// Whether an element is mandatory (the `required` column of the field dictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Req {
    /// Always required (`x`).
    Yes,
    /// Optional.
    No,
    /// Required in some situations, described in the dictionary; the rule pack checks them.
    Cond,
}

/// Layout generations that change which elements a table has.
///
/// Only XML13 differs: QĐ 3176 renamed `MA_NOI_DI`, `MA_NOI_DEN` and `PP_DIEU_TRI` and removed
/// `TEN_DICH_VU` and `TEN_THUOC`. Every other table has one element list from QĐ 4750 on (QĐ 130
/// files are a subset of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Layout {
    /// The element lists of QĐ 4750 (also used for QĐ 130 files).
    #[default]
    Qd4750,
    /// The element lists as amended by QĐ 3176.
    Qd3176,
}

/// Which layouts include an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InLayouts {
    /// Every layout.
    All,
    /// Only the QĐ 4750 layout (removed or renamed by QĐ 3176).
    Qd4750Only,
    /// Only the QĐ 3176 layout.
    Qd3176Only,
}

impl InLayouts {
    /// True when the element belongs to `layout`.
    pub fn contains(self, layout: Layout) -> bool {
        match self {
            InLayouts::All => true,
            InLayouts::Qd4750Only => layout == Layout::Qd4750,
            InLayouts::Qd3176Only => layout == Layout::Qd3176,
        }
    }
}

/// One row of a table's field dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// XML element name.
    pub element: &'static str,
    /// Maximum size in characters (`None`: no fixed limit, `n` in the dictionary).
    pub max_len: Option<u32>,
    /// Whether the element is mandatory.
    pub required: Req,
    /// The field type's shape.
    pub kind: Kind,
    /// Which layouts include the element.
    pub layouts: InLayouts,
}

/// An element the dictionary does not know, kept so that nothing read is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraElement {
    /// Element name.
    pub name: Box<str>,
    /// Text content.
    pub text: Box<str>,
}

/// A record of one table (one row of a list table, or the single record of a flat table).
pub trait Record: Clone + PartialEq + Default + std::fmt::Debug + Send + Sync + 'static {
    /// The table.
    const TABLE: TableId;
    /// The field dictionary, in the official element order.
    const FIELDS: &'static [FieldSpec];
    /// Field `i` of [`Self::FIELDS`].
    fn field(&self, i: usize) -> &dyn AnyField;
    /// Field `i` of [`Self::FIELDS`], mutable.
    fn field_mut(&mut self, i: usize) -> &mut dyn AnyField;
    /// Elements not in the dictionary, in the order read.
    fn extra(&self) -> &[ExtraElement];
    /// Elements not in the dictionary, mutable.
    fn extra_mut(&mut self) -> &mut Vec<ExtraElement>;
    /// The element layout of this record.
    fn layout(&self) -> Layout;
    /// Sets the element layout.
    fn set_layout(&mut self, layout: Layout);
    /// Checks that belong to this table family alone (conditional requirements and the like).
    fn check_family(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>);
    /// The dictionary rules' per-element lookups for this record type, made once per rule pack.
    #[doc(hidden)]
    fn field_plans() -> &'static crate::validate::FieldPlans;

    /// Index of `element` in [`Self::FIELDS`].
    fn index_of(element: &str) -> Option<usize> {
        Self::FIELDS.iter().position(|f| f.element == element)
    }
    /// The field named `element`.
    fn get(&self, element: &str) -> Option<&dyn AnyField> {
        Self::index_of(element).map(|i| self.field(i))
    }
    /// Whether element `i` is written: it belongs to the record's layout, or it has a value (so
    /// that nothing read is dropped).
    fn emits(&self, i: usize) -> bool {
        Self::FIELDS[i].layouts.contains(self.layout()) || !self.field(i).is_absent()
    }
    /// `MA_LK` as text, when the table has it and it is present.
    fn ma_lk(&self) -> Option<std::borrow::Cow<'_, str>> {
        let f = self.get("MA_LK")?;
        (!f.is_absent()).then(|| f.wire())
    }
    /// `STT` as text, when the table has it and it is present.
    fn stt(&self) -> Option<std::borrow::Cow<'_, str>> {
        let f = self.get("STT")?;
        (!f.is_absent()).then(|| f.wire())
    }
    /// Every finding of the record's own rules (field rules and family rules).
    fn check(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        crate::validate::field_rules::check_fields(self, ctx, out);
        self.check_family(ctx, out);
    }
}

/// What every table's builder can do, for code that works over any table (bindings, tests).
pub trait RecordBuilder: Clone + Default + std::fmt::Debug {
    /// The record it builds.
    type Output: Record;
    /// Sets an element by name from wire text.
    fn set_wire(
        &mut self,
        element: &str,
        wire: &str,
    ) -> Result<(), crate::validate::UnknownElement>;
    /// The record built so far.
    fn record(&self) -> &Self::Output;
    /// Checks the record's rules; every finding at once when one is an error.
    fn try_build(self) -> Result<Self::Output, crate::validate::Findings>;
}

#[doc(hidden)]
#[macro_export]
macro_rules! __max_len {
    (n) => {
        None
    };
    ($n:literal) => {
        Some($n)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __req {
    (req) => {
        $crate::record::Req::Yes
    };
    (opt) => {
        $crate::record::Req::No
    };
    (cond) => {
        $crate::record::Req::Cond
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __layouts {
    () => {
        $crate::record::InLayouts::All
    };
    (v4750) => {
        $crate::record::InLayouts::Qd4750Only
    };
    (v3176) => {
        $crate::record::InLayouts::Qd3176Only
    };
}

/// Declares a table record, its field dictionary and its builder.
///
/// Each line is `field: Type = "ELEMENT" [max] req|opt|cond [@v4750|@v3176];` in the official
/// element order; `[n]` means no fixed size.
#[macro_export]
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident / $builder:ident : $table:path {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $elem:literal [$max:tt] $req:ident $(@ $layout:ident)? ; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Default)]
        pub struct $name {
            $( $(#[$fmeta])* #[doc = concat!("`", $elem, "`")] pub $field: $crate::types::Field<$ty>, )*
            /// Elements not in the dictionary, kept verbatim.
            pub extra: Vec<$crate::record::ExtraElement>,
            /// Element layout (QĐ 4750 or QĐ 3176 where they differ).
            pub layout: $crate::record::Layout,
        }

        impl $name {
            const GET: &'static [fn(&$name) -> &dyn $crate::types::AnyField] =
                &[$( |r: &$name| -> &dyn $crate::types::AnyField { &r.$field } ),*];
            const GET_MUT: &'static [fn(&mut $name) -> &mut dyn $crate::types::AnyField] =
                &[$( |r: &mut $name| -> &mut dyn $crate::types::AnyField { &mut r.$field } ),*];

            /// A builder for this record.
            pub fn builder() -> $builder {
                $builder::default()
            }
        }

        impl $crate::record::Record for $name {
            const TABLE: $crate::record::TableId = $table;
            const FIELDS: &'static [$crate::record::FieldSpec] = &[$(
                $crate::record::FieldSpec {
                    element: $elem,
                    max_len: $crate::__max_len!($max),
                    required: $crate::__req!($req),
                    kind: <$ty as $crate::types::Wire>::KIND,
                    layouts: $crate::__layouts!($($layout)?),
                }
            ),*];
            fn field(&self, i: usize) -> &dyn $crate::types::AnyField {
                Self::GET[i](self)
            }
            fn field_mut(&mut self, i: usize) -> &mut dyn $crate::types::AnyField {
                Self::GET_MUT[i](self)
            }
            fn extra(&self) -> &[$crate::record::ExtraElement] {
                &self.extra
            }
            fn extra_mut(&mut self) -> &mut Vec<$crate::record::ExtraElement> {
                &mut self.extra
            }
            fn layout(&self) -> $crate::record::Layout {
                self.layout
            }
            fn set_layout(&mut self, layout: $crate::record::Layout) {
                self.layout = layout;
            }
            fn check_family(&self, ctx: &$crate::validate::RuleCtx<'_>, out: &mut Vec<$crate::validate::Finding>) {
                <$name as $crate::validate::FamilyRules>::check(self, ctx, out)
            }
            fn field_plans() -> &'static $crate::validate::FieldPlans {
                static PLANS: $crate::validate::FieldPlans = $crate::validate::FieldPlans::new();
                &PLANS
            }
        }

        impl ::std::fmt::Debug for $name {
            /// Prints codes, dates and amounts; patient data (names, identifiers, free text, birth
            /// dates) is redacted.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut d = f.debug_struct(stringify!($name));
                $( if !self.$field.is_absent() { d.field($elem, &self.$field); } )*
                if !self.extra.is_empty() {
                    d.field("extra", &self.extra.len());
                }
                d.finish()
            }
        }

        $(#[$meta])*
        ///
        /// Builder: set fields with typed values or wire text, then `build()` runs the record's
        /// rules and returns every problem at once.
        #[derive(Clone, Default, Debug)]
        #[must_use]
        pub struct $builder {
            record: $name,
        }

        impl $builder {
            /// An empty builder.
            pub fn new() -> Self {
                Self::default()
            }
            /// Starts from an existing record.
            pub fn from_record(record: $name) -> Self {
                $builder { record }
            }
            $(
                #[doc = concat!("Sets `", $elem, "` from a typed value, an `Option`, or wire text.")]
                pub fn $field(mut self, value: impl Into<$crate::types::Field<$ty>>) -> Self {
                    self.record.$field = value.into();
                    self
                }
            )*
            /// The record built so far.
            pub fn peek(&self) -> &$name {
                &self.record
            }
            /// Copies the elements named in `elements` from `source` (a record of another table),
            /// as wire text: an element absent in the source becomes absent here too. Elements
            /// this table or the source does not have are skipped.
            pub fn copy_from<S: $crate::record::Record>(mut self, source: &S, elements: &[&str]) -> Self {
                for el in elements {
                    if let (Some(from), Some(i)) = (source.get(el), <$name as $crate::record::Record>::index_of(el)) {
                        <$name as $crate::record::Record>::field_mut(&mut self.record, i).set_wire(&from.wire());
                    }
                }
                self
            }
            /// Sets the element layout.
            pub fn layout(mut self, layout: $crate::record::Layout) -> Self {
                self.record.layout = layout;
                self
            }
            /// Sets an element by name from wire text (for bindings and generic tools).
            pub fn set(&mut self, element: &str, wire: &str) -> Result<(), $crate::validate::UnknownElement> {
                let i = <$name as $crate::record::Record>::index_of(element)
                    .ok_or($crate::validate::UnknownElement { table: $table })?;
                <$name as $crate::record::Record>::field_mut(&mut self.record, i).set_wire(wire);
                Ok(())
            }
            /// Checks the record's rules and returns the record, or every finding of error
            /// severity (with the warnings) at once.
            pub fn build(self) -> Result<$name, $crate::validate::Findings> {
                $crate::validate::build_checked(self.record)
            }
            /// Returns the record without checking it.
            pub fn build_unchecked(self) -> $name {
                self.record
            }
        }

        impl $crate::record::RecordBuilder for $builder {
            type Output = $name;
            fn set_wire(&mut self, element: &str, wire: &str) -> Result<(), $crate::validate::UnknownElement> {
                self.set(element, wire)
            }
            fn record(&self) -> &$name {
                &self.record
            }
            fn try_build(self) -> Result<$name, $crate::validate::Findings> {
                self.build()
            }
        }
    };
}
