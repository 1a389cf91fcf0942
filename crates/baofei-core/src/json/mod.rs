//! A small, strict JSON reader for rule files and insurer packs.
//!
//! Why not serde_json: its deserializers are monomorphised for every rule type and were the largest
//! single item in the browser bundle (~150 KB before compression, see docs/size-steps.md). This reader
//! builds one untyped tree with one non-generic parser; each rule type then reads itself from the tree
//! ([`FromJson`]), which is a few field look-ups per type.
//!
//! It is strict because packs come from anyone: the limits ([`Limits`]) on nesting, array and object
//! length are checked while parsing (no stack overflow, no quadratic blow-up), duplicate keys are
//! refused at any depth (a lenient reader silently keeps one of them), numbers are kept as text (a
//! decimal never passes through `f64`) and decimals must be JSON strings.

pub mod packed;
pub mod shape;

mod macros;

use crate::error::quoted;
use crate::map::SortedMap;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt::Write as _;

/// A parsed JSON value, borrowing from the text where it can (keys and strings without escapes are
/// not copied). Numbers keep their text; objects keep their members in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, exactly as written (validated against the JSON grammar).
    Number(&'a str),
    /// A string, unescaped.
    Str(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, members in document order (keys are unique: duplicates are refused).
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::Str(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }
}

/// Limits checked while parsing.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Deepest nesting of arrays and objects accepted.
    pub max_depth: usize,
    /// Most elements in one array, and most members in one object.
    pub max_len: usize,
}

/// The limits for rule documents and insurers' packs (the schema nests 8 deep; the largest table has
/// a few dozen entries). One definition for the browser, the build script and the tests.
pub const RULE_LIMITS: Limits = Limits {
    max_depth: 24,
    max_len: 2_000,
};

/// Why a document could not be read (boxed: a reader's `Result` stays one pointer wide on the error
/// side, which keeps every `?` small in the bundle). Its fields are on [`JsonErrorDetail`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError(Box<JsonErrorDetail>);

/// Where (a line and column, or a path such as `rates.work_safety.national.0.value`) and what, in
/// both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonErrorDetail {
    /// `line 3, column 7` for syntax, or the dotted path of the value.
    pub at: String,
    /// What is wrong, in English.
    pub en: String,
    /// What is wrong, in Chinese.
    pub zh: String,
}

impl std::ops::Deref for JsonError {
    type Target = JsonErrorDetail;
    fn deref(&self) -> &JsonErrorDetail {
        &self.0
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.en)
    }
}

/// Parses `text` as one JSON document within `limits`.
pub fn parse(text: &str, limits: Limits) -> Result<Json<'_>, JsonError> {
    let mut p = Parser {
        text,
        s: text.as_bytes(),
        i: 0,
        limits,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("trailing characters", "文档结尾有多余字符"));
    }
    Ok(v)
}

/// Parses `text` within `limits` and reads it as a `T` from the document's root.
pub fn read<T: FromJson>(text: &str, limits: Limits) -> Result<T, JsonError> {
    T::from_json(&parse(text, limits)?, &At::ROOT)
}

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
    limits: Limits,
}

impl<'a> Parser<'a> {
    fn err(&self, en: &str, zh: &str) -> JsonError {
        // Line and column counted only when reporting: the happy path pays nothing for them.
        let before = &self.s[..self.i.min(self.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        JsonError(Box::new(JsonErrorDetail {
            at: format!("line {line}, column {column}"),
            en: en.to_owned(),
            zh: format!("第{line}行第{column}列: {zh}"),
        }))
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn literal(&mut self, word: &str, v: Json<'a>) -> Result<Json<'a>, JsonError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("expected a value", "此处应为一个值"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, JsonError> {
        match self.peek() {
            None => Err(self.err("unexpected end of input", "文档意外结束")),
            Some(b'{') | Some(b'[') if depth >= self.limits.max_depth => Err(self.err(
                &format!("nesting deeper than {}", self.limits.max_depth),
                &format!("嵌套超过 {} 层", self.limits.max_depth),
            )),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("expected a value", "此处应为一个值")),
        }
    }

    fn too_long(&self) -> JsonError {
        self.err(
            &format!("array longer than {}", self.limits.max_len),
            &format!("数组或对象超过 {} 项", self.limits.max_len),
        )
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, JsonError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            if items.len() == self.limits.max_len {
                return Err(self.too_long());
            }
            items.push(self.value(depth + 1)?);
            self.ws();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.err("expected `,` or `]`", "此处应为 `,` 或 `]`"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, JsonError> {
        self.i += 1;
        let mut members: Vec<(Cow<'a, str>, Json<'a>)> = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.err("expected a key in double quotes", "此处应为带双引号的键"));
            }
            if members.len() == self.limits.max_len {
                return Err(self.too_long());
            }
            let key_at = self.i;
            let key = self.string()?;
            // Linear scan: objects are capped at `max_len` members, so this stays small.
            if members.iter().any(|(k, _)| *k == key) {
                self.i = key_at;
                return Err(self.err(
                    &format!("duplicate key {}", quoted(&key)),
                    &format!("重复的键 {}", quoted(&key)),
                ));
            }
            self.ws();
            if !self.eat(b':') {
                return Err(self.err("expected `:`", "此处应为 `:`"));
            }
            self.ws();
            let v = self.value(depth + 1)?;
            members.push((key, v));
            self.ws();
            if self.eat(b'}') {
                return Ok(Json::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.err("expected `,` or `}`", "此处应为 `,` 或 `}`"));
            }
        }
    }

    fn number(&mut self) -> Result<Json<'a>, JsonError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i > from
        };
        self.eat(b'-');
        if self.eat(b'0') {
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err("leading zero in a number", "数字不能以 0 开头"));
            }
        } else if !digits(self) {
            return Err(self.err("invalid number", "无效的数字"));
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.err("invalid number", "无效的数字"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !digits(self) {
                return Err(self.err("invalid number", "无效的数字"));
            }
        }
        // The number is ASCII, so both ends are character boundaries.
        Ok(Json::Number(&self.text[start..self.i]))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.err("invalid \\u escape", "无效的 \\u 转义"))?;
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.i += 1; // the opening quote
        let start = self.i;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character in one piece.
            let from = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // `from` and `self.i` sit on ASCII bytes (or the ends), so they are character boundaries.
            let run = &self.text[from..self.i];
            match self.peek() {
                None => return Err(self.err("unterminated string", "字符串没有结束引号")),
                Some(b'"') => {
                    self.i += 1;
                    // No escape met: the string is a slice of the text.
                    if from == start {
                        return Ok(Cow::Borrowed(run));
                    }
                    out.push_str(run);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err(self.err("unpaired surrogate", "不成对的代理项"));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("unpaired surrogate", "不成对的代理项"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(
                                char::from_u32(code).ok_or_else(|| {
                                    self.err("unpaired surrogate", "不成对的代理项")
                                })?,
                            );
                            continue;
                        }
                        _ => return Err(self.err("invalid escape", "无效的转义")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.err("control character in a string", "字符串中有控制字符"))
                }
            }
        }
    }
}

/// Where a value sits in the document, as a chain of keys and indices (built on the stack while
/// reading, rendered only for an error).
#[derive(Clone, Copy, Debug)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    key: Key<'a>,
}

#[derive(Clone, Copy, Debug)]
enum Key<'a> {
    Root,
    Field(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    /// The document itself.
    pub const ROOT: At<'static> = At {
        parent: None,
        key: Key::Root,
    };

    /// The member `name` of this value.
    pub fn field(&'a self, name: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            key: Key::Field(name),
        }
    }

    /// Element `i` of this value.
    pub fn index(&'a self, i: usize) -> At<'a> {
        At {
            parent: Some(self),
            key: Key::Index(i),
        }
    }

    /// Dotted path, e.g. `rates.work_safety.national.0.value` (the style validation errors use).
    pub fn path(&self) -> String {
        let mut parts = Vec::new();
        let mut at = Some(self);
        while let Some(a) = at {
            parts.push(a.key);
            at = a.parent;
        }
        let mut s = String::new();
        for k in parts.iter().rev() {
            let start = s.len();
            match k {
                Key::Root => continue,
                Key::Field(f) => s.push_str(f),
                Key::Index(i) => {
                    let _ = write!(s, "{i}");
                }
            }
            if start > 0 {
                s.insert(start, '.');
            }
        }
        if s.is_empty() {
            s.push('/');
        }
        s
    }

    /// An error at this place.
    pub fn error(&self, en: String, zh: String) -> JsonError {
        JsonError(Box::new(JsonErrorDetail {
            at: self.path(),
            en,
            zh,
        }))
    }

    /// "invalid type: found X, expected Y".
    pub fn invalid_type(
        &self,
        found: &Json<'_>,
        expected_en: &str,
        expected_zh: &str,
    ) -> JsonError {
        self.error(
            format!("invalid type: {}, expected {expected_en}", found.kind()),
            format!("类型错误: 此处为 {}，应为{expected_zh}", found.kind()),
        )
    }
}

/// A type that reads itself from a parsed JSON value.
pub trait FromJson: Sized {
    /// Reads `v`, which sits at `at` (for error messages).
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError>;
}

impl FromJson for String {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        match v {
            Json::Str(s) => Ok(s.as_ref().to_owned()),
            _ => Err(at.invalid_type(v, "a string", "字符串")),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(at.invalid_type(v, "true or false", " true 或 false")),
        }
    }
}

/// Whole numbers (counts such as services per year) are JSON numbers without sign, fraction or exponent.
fn unsigned(v: &Json<'_>, at: &At<'_>, max: u64) -> Result<u64, JsonError> {
    match v {
        Json::Number(t) => t.parse::<u64>().ok().filter(|n| *n <= max).ok_or_else(|| {
            at.error(
                format!("invalid value {t}, expected a whole number from 0 to {max}"),
                format!("无效的值 {t}，应为 0 到 {max} 的整数"),
            )
        }),
        _ => Err(at.invalid_type(v, "a whole number", "整数")),
    }
}

impl FromJson for u8 {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        unsigned(v, at, u8::MAX.into()).map(|n| n as u8)
    }
}

impl FromJson for u32 {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        unsigned(v, at, u32::MAX.into()).map(|n| n as u32)
    }
}

/// Decimals are strings only: a JSON number would have passed through `f64` in most writers.
impl FromJson for Decimal {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        match v {
            Json::Str(s) => crate::money::parse_plain(s).ok_or(()).map_err(|_| {
                at.error(
                    format!("invalid decimal {}", quoted(s)),
                    format!("无效的小数 {}", quoted(s)),
                )
            }),
            _ => Err(at.invalid_type(
                v,
                "a decimal as a string, e.g. \"1.30\"",
                "字符串形式的小数，例如 \"1.30\"",
            )),
        }
    }
}

impl FromJson for crate::date::Date {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        let s = String::from_json(v, at)?;
        crate::date::Date::parse(&s).ok_or_else(|| {
            at.error(
                format!("invalid date {}, expected YYYY-MM-DD", quoted(&s)),
                format!("无效的日期 {}，应为 YYYY-MM-DD", quoted(&s)),
            )
        })
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        match v {
            Json::Null => Ok(None),
            _ => T::from_json(v, at).map(Some),
        }
    }
}

// A plain loop rather than `collect::<Result<_, _>>()`: the adapters `collect` instantiates for
// every element type cost more wasm than the readers themselves (measured: docs/size-steps.md).
impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        let Json::Array(items) = v else {
            return Err(at.invalid_type(v, "an array", "数组"));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            out.push(T::from_json(x, &at.index(i))?);
        }
        Ok(out)
    }
}

/// A type usable as an object key.
pub trait FromKey: Sized {
    /// Reads a key; `at` is the member's place.
    fn from_key(k: &str, at: &At<'_>) -> Result<Self, JsonError>;
}

impl FromKey for String {
    fn from_key(k: &str, _: &At<'_>) -> Result<Self, JsonError> {
        Ok(k.to_owned())
    }
}

impl<K: FromKey + Ord, V: FromJson> FromJson for SortedMap<K, V> {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        let Json::Object(members) = v else {
            return Err(at.invalid_type(v, "an object", "对象"));
        };
        let mut out = SortedMap::new();
        for (k, x) in members {
            let here = at.field(k);
            out.insert(K::from_key(k, &here)?, V::from_json(x, &here)?);
        }
        Ok(out)
    }
}

/// An object being read as a struct: refuses unknown members, reads required and defaulted ones.
pub struct Fields<'a> {
    members: &'a [(Cow<'a, str>, Json<'a>)],
    at: &'a At<'a>,
}

impl<'a> Fields<'a> {
    /// Checks that `v` is an object whose members are all in `known`.
    pub fn new(v: &'a Json<'a>, at: &'a At<'a>, known: &[&str]) -> Result<Self, JsonError> {
        let Json::Object(members) = v else {
            return Err(at.invalid_type(v, "an object", "对象"));
        };
        if let Some((k, _)) = members.iter().find(|(k, _)| !known.contains(&k.as_ref())) {
            return Err(at.error(
                format!("unknown field `{k}`, expected one of {}", known.join(", ")),
                format!("未知字段 `{k}`，可用字段: {}", known.join(", ")),
            ));
        }
        Ok(Fields { members, at })
    }

    fn find(&self, name: &str) -> Option<&'a Json<'a>> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    // Kept out of line: `req` is instantiated for every field type, this part need not be.
    #[inline(never)]
    fn required(&self, name: &str) -> Result<&'a Json<'a>, JsonError> {
        self.find(name).ok_or_else(|| {
            self.at.error(
                format!("missing field `{name}`"),
                format!("缺少字段 `{name}`"),
            )
        })
    }

    /// A member that must be present.
    pub fn req<T: FromJson>(&self, name: &str) -> Result<T, JsonError> {
        T::from_json(self.required(name)?, &self.at.field(name))
    }

    /// A member that may be absent (then the type's default: none, empty, false).
    pub fn opt<T: FromJson + Default>(&self, name: &str) -> Result<T, JsonError> {
        match self.find(name) {
            Some(v) => T::from_json(v, &self.at.field(name)),
            None => Ok(T::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::from_json_struct;

    const L: Limits = Limits {
        max_depth: 8,
        max_len: 4,
    };

    fn ok(s: &str) -> Json<'_> {
        parse(s, L).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn bad(s: &str, needle: &str) {
        let e = parse(s, L).expect_err(s);
        assert!(e.en.contains(needle), "{s}: {e}");
    }

    #[test]
    fn reads_every_kind_of_value() {
        let wide = Limits {
            max_depth: 8,
            max_len: 5,
        };
        assert_eq!(
            parse(
                r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00中"} "#,
                wide
            )
            .unwrap(),
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number("1"),
                        Json::Number("-2.5e3"),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("b".into(), Json::Str("x\"\\/\né😀中".into())),
            ])
        );
        assert_eq!(ok("[]"), Json::Array(vec![]));
        assert_eq!(ok("{}"), Json::Object(vec![]));
        assert_eq!(ok("0"), Json::Number("0"));
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for (s, needle) in [
            ("", "end of input"),
            ("[1,]", "expected a value"),
            ("[1 2]", "expected `,` or `]`"),
            ("{\"a\" 1}", "expected `:`"),
            ("{a:1}", "key in double quotes"),
            ("{\"a\":1,}", "key in double quotes"),
            ("01", "leading zero"),
            ("1.", "invalid number"),
            ("-", "invalid number"),
            ("1e", "invalid number"),
            (".5", "expected a value"),
            ("NaN", "expected a value"),
            ("tru", "expected a value"),
            ("\"abc", "unterminated"),
            ("\"a\tb\"", "control character"),
            ("\"\\x\"", "invalid escape"),
            ("\"\\u12\"", "invalid \\u escape"),
            ("\"\\ud800\"", "unpaired surrogate"),
            ("\"\\udc00\"", "unpaired surrogate"),
            ("1 2", "trailing characters"),
        ] {
            bad(s, needle);
        }
    }

    #[test]
    fn enforces_the_limits() {
        bad("[[[[[[[[[1]]]]]]]]]", "nesting deeper than 8");
        ok("[[[[[[[[1]]]]]]]]");
        bad("[1,2,3,4,5]", "array longer than 4");
        ok("[1,2,3,4]");
        bad(r#"{"a":1,"b":2,"c":3,"d":4,"e":5}"#, "longer than 4");
        bad(r#"{"a":1,"b":{"c":1,"c":2}}"#, "duplicate key \"c\"");
        // Escapes cannot hide a duplicate.
        bad(r#"{"a":1,"\u0061":2}"#, "duplicate key \"a\"");
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = parse("{\n  \"a\": [1,\n   中x]}", L).unwrap_err();
        assert_eq!(e.at, "line 3, column 4");
        assert!(e.zh.starts_with("第3行第4列"));
    }

    #[derive(Debug, PartialEq)]
    struct S {
        name: String,
        n: u8,
        list: Vec<Decimal>,
        when: Option<crate::date::Date>,
        flag: bool,
    }
    from_json_struct!(S { name, n } optional { list, when, flag });

    fn read(s: &str) -> Result<S, JsonError> {
        S::from_json(&ok(s), &At::ROOT)
    }

    #[test]
    fn structs_read_required_and_defaulted_fields_and_name_the_place() {
        assert_eq!(
            read(r#"{"name":"x","n":3,"list":["1.50"],"when":"2025-03-29"}"#).unwrap(),
            S {
                name: "x".into(),
                n: 3,
                list: vec![Decimal::new(150, 2)],
                when: crate::date::Date::parse("2025-03-29"),
                flag: false,
            }
        );
        let e = read(r#"{"name":"x"}"#).unwrap_err();
        assert_eq!((e.at.as_str(), e.en.as_str()), ("/", "missing field `n`"));
        let e = read(r#"{"name":"x","n":1,"extra":1}"#).unwrap_err();
        assert!(e.en.starts_with("unknown field `extra`"), "{e}");
        let e = read(r#"{"name":"x","n":1,"list":["1", 2]}"#).unwrap_err();
        assert_eq!(e.at, "list.1");
        assert!(e.en.starts_with("invalid type: number"), "{e}");
        let e = read(r#"{"name":"x","n":256}"#).unwrap_err();
        assert_eq!(e.at, "n");
        let e = read(r#"{"name":"x","n":1,"when":"2023-02-29"}"#).unwrap_err();
        assert!(e.en.contains("invalid date"), "{e}");
        let e = read(r#"{"name":"x","n":1,"list":["1e400"]}"#).unwrap_err();
        assert!(e.en.contains("invalid decimal"), "{e}");
    }
}
