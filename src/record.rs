//! The package's result types, each declared once.
//!
//! A report type is written with [`record!`]: each field's Rust name and type, its key in the
//! objects the package returns, and its documentation. From that one declaration come the
//! struct, its JSON writer ([`ToJson`]: the explainer's output path in the wasm binding), its
//! `serde::Serialize` (for Rust users) and its TypeScript interface (written into the package's
//! `.d.ts` by `examples/generate.rs`; see [`crate::typescript`]). A field cannot be added in
//! one of these and forgotten in another. The binding writes the results it returns most often
//! as records of its own (`Records` in `src/wasm.rs`), which name every field, so a new field
//! fails to compile there until it is written. The enums the reports carry get the same from
//! [`named!`]: their serialized names are their `as_str`, written once.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::to_json::{write_key, ToJson};

/// A type as the npm package declares it in TypeScript.
pub trait Declared {
    /// The type where a value of it is used: `string`, `Diagnostic[]`, `number | null`.
    fn ts_type() -> String;

    /// For a member left out when absent (`key?: T`): its type when present.
    fn ts_present() -> String {
        Self::ts_type()
    }
}

/// Whether a member marked `(optional)` is written at all (serde's `skip_serializing_if`).
pub trait Presence {
    fn is_present(&self) -> bool;
}

impl<T> Presence for Option<T> {
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

/// One member of a declared TypeScript interface.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberDeclaration {
    pub key: String,
    pub ts_type: String,
    /// Written `key?:`: left out of the object when absent.
    pub optional: bool,
    /// The doc comment, one entry per line.
    pub doc: Vec<&'static str>,
}

/// Sees each member of a record that is written, in order.
pub trait MemberVisitor {
    fn member<T: ToJson + Serialize>(&mut self, key: &str, value: &T);
}

/// A struct the package returns as a plain object.
pub trait Record {
    /// Its interface name in TypeScript.
    const NAME: &'static str;
    /// Its doc comment, one entry per line.
    const DOC: &'static [&'static str];

    /// The interface's members, in the order they are written.
    fn members() -> Vec<MemberDeclaration>;

    /// Visits each member that is written, in order.
    fn visit<V: MemberVisitor>(&self, visitor: &mut V);
}

/// A field whose members are written into the record that holds it (serde's `flatten`):
/// marked `=> flatten` in [`record!`].
pub trait Flatten {
    fn members() -> Vec<MemberDeclaration>;
    fn visit<V: MemberVisitor>(&self, visitor: &mut V);
}

/// The [`ToJson`] of every record.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // used by the wasm binding
pub fn write_record<R: Record>(record: &R, out: &mut String) {
    struct Json<'o> {
        out: &'o mut String,
        first: bool,
    }
    impl MemberVisitor for Json<'_> {
        fn member<T: ToJson + Serialize>(&mut self, key: &str, value: &T) {
            if !self.first {
                self.out.push(',');
            }
            self.first = false;
            write_key(self.out, key);
            value.write_json(self.out);
        }
    }
    out.push('{');
    record.visit(&mut Json { out, first: true });
    out.push('}');
}

/// The `serde::Serialize` of every record: a map with the same members in the same order.
pub fn serialize_record<R: Record, S: Serializer>(
    record: &R,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    struct Map<M: SerializeMap> {
        map: M,
        error: Option<M::Error>,
    }
    impl<M: SerializeMap> MemberVisitor for Map<M> {
        fn member<T: ToJson + Serialize>(&mut self, key: &str, value: &T) {
            if self.error.is_none() {
                if let Err(error) = self.map.serialize_entry(key, value) {
                    self.error = Some(error);
                }
            }
        }
    }
    struct Count(usize);
    impl MemberVisitor for Count {
        fn member<T: ToJson + Serialize>(&mut self, _: &str, _: &T) {
            self.0 += 1;
        }
    }
    // Formats that write a length first (bincode, postcard) need it up front.
    let mut count = Count(0);
    record.visit(&mut count);
    let mut map = Map {
        map: serializer.serialize_map(Some(count.0))?,
        error: None,
    };
    record.visit(&mut map);
    match map.error {
        Some(error) => Err(error),
        None => map.map.end(),
    }
}

/// Declares a report struct once: the struct, its JSON writer, its `Serialize` and its
/// TypeScript interface. Each field reads
///
/// ```text
/// /// Doc, for Rust and TypeScript alike.
/// pub field: Type => "jsKey",                 // always written
/// pub field: Option<T> => "jsKey" (optional), // left out when absent: `jsKey?: T`
/// pub field: Type => "jsKey": "TsType",       // the TypeScript type, where Rust's says less
/// pub field: Type => flatten,                 // the field's own members, inline
/// ```
macro_rules! record {
    (
        $(#[doc = $doc:literal])*
        #[derive($($derive:path),*)]
        pub struct $name:ident as $ts_name:literal {
            $(
                $(#[doc = $field_doc:literal])*
                pub $field:ident: $ty:ty => $key:tt $(($mode:ident))? $(: $ts:expr)?,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive($($derive),*)]
        pub struct $name {
            $($(#[doc = $field_doc])* pub $field: $ty,)*
        }

        impl $crate::record::Record for $name {
            const NAME: &'static str = $ts_name;
            const DOC: &'static [&'static str] = &[$($doc),*];

            // One statement per field, each a push (or an extend, for `flatten`).
            #[allow(clippy::vec_init_then_push)]
            fn members() -> Vec<$crate::record::MemberDeclaration> {
                let mut members = Vec::new();
                $($crate::record::record!(
                    @declare members, $key, $ty, [$($field_doc),*] $(, $mode)? $(; $ts)?
                );)*
                members
            }

            fn visit<V: $crate::record::MemberVisitor>(&self, visitor: &mut V) {
                $($crate::record::record!(@visit visitor, self.$field, $key $(, $mode)?);)*
            }
        }

        // A record can be written inside another one (`=> flatten`).
        impl $crate::record::Flatten for $name {
            fn members() -> Vec<$crate::record::MemberDeclaration> {
                <$name as $crate::record::Record>::members()
            }

            fn visit<V: $crate::record::MemberVisitor>(&self, visitor: &mut V) {
                <$name as $crate::record::Record>::visit(self, visitor)
            }
        }

        impl $crate::to_json::ToJson for $name {
            fn write_json(&self, out: &mut String) {
                $crate::record::write_record(self, out);
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::record::serialize_record(self, serializer)
            }
        }

        impl $crate::record::Declared for $name {
            fn ts_type() -> String {
                $ts_name.to_string()
            }
        }
    };

    (@visit $visitor:ident, $value:expr, flatten) => {
        $crate::record::Flatten::visit(&$value, $visitor)
    };
    (@visit $visitor:ident, $value:expr, $key:literal) => {
        $visitor.member($key, &$value)
    };
    (@visit $visitor:ident, $value:expr, $key:literal, optional) => {
        if $crate::record::Presence::is_present(&$value) {
            $visitor.member($key, &$value)
        }
    };

    (@declare $members:ident, flatten, $ty:ty, [$($doc:literal),*]) => {
        $members.extend(<$ty as $crate::record::Flatten>::members())
    };
    (@declare $members:ident, $key:literal, $ty:ty, [$($doc:literal),*]) => {
        $members.push($crate::record::MemberDeclaration {
            key: $key.to_string(),
            ts_type: <$ty as $crate::record::Declared>::ts_type(),
            optional: false,
            doc: vec![$($doc),*],
        })
    };
    (@declare $members:ident, $key:literal, $ty:ty, [$($doc:literal),*], optional) => {
        $members.push($crate::record::MemberDeclaration {
            key: $key.to_string(),
            ts_type: <$ty as $crate::record::Declared>::ts_present(),
            optional: true,
            doc: vec![$($doc),*],
        })
    };
    (@declare $members:ident, $key:literal, $ty:ty, [$($doc:literal),*]; $ts:expr) => {
        $members.push($crate::record::MemberDeclaration {
            key: $key.to_string(),
            ts_type: String::from($ts),
            optional: false,
            doc: vec![$($doc),*],
        })
    };
    (@declare $members:ident, $key:literal, $ty:ty, [$($doc:literal),*], optional; $ts:expr) => {
        $members.push($crate::record::MemberDeclaration {
            key: $key.to_string(),
            ts_type: String::from($ts),
            optional: true,
            doc: vec![$($doc),*],
        })
    };
}
pub(crate) use record;

/// For an enum the reports carry as a string: its JSON writer and `Serialize` write its
/// `as_str`, and TypeScript names it by its alias (declared in [`crate::typescript`] from the
/// enum's list of values).
macro_rules! named {
    ($($ty:ty => $alias:literal),* $(,)?) => {$(
        impl $crate::to_json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                self.as_str().write_json(out);
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl $crate::record::Declared for $ty {
            fn ts_type() -> String {
                $alias.to_string()
            }
        }
    )*};
}
pub(crate) use named;

/// `"a" | "b"`: a union of string literals.
pub fn union<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|item| format!("\"{item}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// `T[]`, parenthesized when `T` is a union.
fn array_of(item: String) -> String {
    if item.contains(' ') {
        format!("({item})[]")
    } else {
        format!("{item}[]")
    }
}

impl Declared for String {
    fn ts_type() -> String {
        "string".into()
    }
}

impl Declared for &str {
    fn ts_type() -> String {
        "string".into()
    }
}

impl Declared for bool {
    fn ts_type() -> String {
        "boolean".into()
    }
}

macro_rules! declared_number {
    ($($t:ty),*) => {$(
        impl Declared for $t {
            fn ts_type() -> String {
                "number".into()
            }
        }
    )*};
}
declared_number!(u32, usize, i64);

impl<T: Declared> Declared for Vec<T> {
    fn ts_type() -> String {
        array_of(T::ts_type())
    }
}

impl<T: Declared> Declared for Option<T> {
    fn ts_type() -> String {
        format!("{} | null", T::ts_type())
    }

    fn ts_present() -> String {
        T::ts_type()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    record! {
        /// A sample.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Sample as "Sample" {
            /// Always there.
            pub always: u32 => "always",
            pub maybe: Option<String> => "maybe" (optional),
            pub nullable: Option<Vec<String>> => "nullable",
            pub typed: String => "typed": "\"x\" | \"y\"",
            pub typed_maybe: Option<String> => "typedMaybe" (optional): "\"z\"",
        }
    }

    #[test]
    fn an_absent_optional_member_is_left_out_and_a_null_one_is_written() {
        let sample = Sample {
            always: 1,
            maybe: None,
            nullable: None,
            typed: "x".into(),
            typed_maybe: None,
        };
        assert_eq!(
            sample.to_json(),
            r#"{"always":1,"nullable":null,"typed":"x"}"#
        );
        assert_eq!(
            serde_json::to_string(&sample).expect("serializes"),
            sample.to_json()
        );
    }

    #[test]
    fn the_declaration_has_every_member_with_its_type_and_doc() {
        let members = <Sample as Record>::members();
        let shown: Vec<(String, String, bool)> = members
            .iter()
            .map(|m| (m.key.clone(), m.ts_type.clone(), m.optional))
            .collect();
        assert_eq!(
            shown,
            [
                ("always".into(), "number".into(), false),
                ("maybe".into(), "string".into(), true),
                ("nullable".into(), "string[] | null".into(), false),
                ("typed".into(), "\"x\" | \"y\"".into(), false),
                ("typedMaybe".into(), "\"z\"".into(), true),
            ]
        );
        assert_eq!(members[0].doc, [" Always there."]);
        assert_eq!(<Sample as Record>::DOC, [" A sample."]);
    }
}
