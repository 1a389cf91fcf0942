//! The rule files' JSON Schema (draft 2020-12), generated from the readers themselves (issue 30 M8): each
//! struct's schema comes from the field lists its [`FromJson`](super::FromJson) reading uses
//! (`from_json_struct!` and the hand-written readings in `rules::schema`), each field's schema from its
//! Rust type. So the schema cannot list a field the reader refuses or miss one it reads; a test compares
//! `docs/pack.schema.json` with this output and checks the shipped rules against it.
//!
//! Text only, built by hand (no JSON library in the core); the CLI pretty-prints it (`baofei pack schema`).
//! Never called by the browser bundles, so none of it is in the wasm.

/// A type's JSON Schema, as compact JSON text.
pub trait Shape {
    /// The schema of this type's JSON form.
    fn shape() -> String;
}

/// The schema of a field's type, reached through a projection (`|s: &S| &s.field`): the macros list a
/// struct's fields by name once, for the reader and for the schema, and the types come from the struct.
pub fn field<S, T: Shape, F: Fn(&S) -> &T>(_: F) -> String {
    T::shape()
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object with exactly these members: `(name, schema, required)`; unknown members are refused, as
/// the reader refuses them.
pub fn object(fields: &[(&str, String, bool)]) -> String {
    let props: Vec<String> = fields
        .iter()
        .map(|(k, s, _)| format!("{}:{s}", quote(k)))
        .collect();
    let required: Vec<String> = fields
        .iter()
        .filter(|(_, _, r)| *r)
        .map(|(k, _, _)| quote(k))
        .collect();
    format!(
        r#"{{"type":"object","properties":{{{}}},"required":[{}],"additionalProperties":false}}"#,
        props.join(","),
        required.join(",")
    )
}

/// A string from a fixed list (the enums' keys).
pub fn keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> String {
    let list: Vec<String> = keys.into_iter().map(quote).collect();
    format!(r#"{{"type":"string","enum":[{}]}}"#, list.join(","))
}

impl Shape for String {
    fn shape() -> String {
        r#"{"type":"string"}"#.into()
    }
}

impl Shape for bool {
    fn shape() -> String {
        r#"{"type":"boolean"}"#.into()
    }
}

impl Shape for u8 {
    fn shape() -> String {
        r#"{"type":"integer","minimum":0,"maximum":255}"#.into()
    }
}

impl Shape for u32 {
    fn shape() -> String {
        r#"{"type":"integer","minimum":0,"maximum":4294967295}"#.into()
    }
}

/// Decimals are strings only (a JSON number would have passed through `f64` in most writers).
impl Shape for rust_decimal::Decimal {
    fn shape() -> String {
        r#"{"type":"string","pattern":"^-?[0-9]+(\\.[0-9]+)?$","description":"a decimal as a string, e.g. \"1.30\""}"#.into()
    }
}

impl Shape for crate::date::Date {
    fn shape() -> String {
        r#"{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$","description":"a date, YYYY-MM-DD"}"#.into()
    }
}

/// Optional members may also be `null` (read as absent).
impl<T: Shape> Shape for Option<T> {
    fn shape() -> String {
        format!(r#"{{"anyOf":[{},{{"type":"null"}}]}}"#, T::shape())
    }
}

impl<T: Shape> Shape for Vec<T> {
    fn shape() -> String {
        format!(r#"{{"type":"array","items":{}}}"#, T::shape())
    }
}

/// The names an object's keys may take: any for a string key, the listed ones for an enum's.
pub trait KeyShape {
    /// `propertyNames`'s schema.
    fn key_shape() -> String;
}

impl KeyShape for String {
    fn key_shape() -> String {
        r#"{"type":"string"}"#.into()
    }
}

impl<K: KeyShape, V: Shape> Shape for crate::map::SortedMap<K, V> {
    fn shape() -> String {
        format!(
            r#"{{"type":"object","propertyNames":{},"additionalProperties":{}}}"#,
            K::key_shape(),
            V::shape()
        )
    }
}
