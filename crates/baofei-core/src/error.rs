//! Structured, bilingual errors that name the offending field.

use serde::Serialize;
use std::fmt::{self, Write as _};

/// What went wrong, in a form a program can branch on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// A required field is absent.
    Missing,
    /// The text is not a number, date or known code.
    Invalid,
    /// The value is below its allowed minimum (e.g. negative).
    TooSmall,
    /// The value is above its allowed maximum (absurdly large).
    TooLarge,
    /// The code is not one the rules know (sector, region, grade).
    Unknown,
    /// The combination is not supported (e.g. a 环责险 class under 安责险).
    Unsupported,
    /// No rule is in force on that date.
    NoRuleInForce,
    /// Arithmetic would overflow.
    Overflow,
    /// A rule pack is malformed or tries to change the law.
    InvalidPack,
}

/// One problem with the input or a rule pack. Front ends show `message_zh` / `message_en` next to `field`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Dotted path of the field, e.g. `history.0.deaths` or `sector`.
    pub field: String,
    /// Machine-readable kind.
    pub code: ErrorCode,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
}

impl FieldError {
    /// Builds an error for `field`.
    pub fn new(
        field: impl Into<String>,
        code: ErrorCode,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        FieldError {
            field: field.into(),
            code,
            message_zh: zh.into(),
            message_en: en.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({})",
            self.field, self.message_en, self.message_zh
        )
    }
}

/// Every problem found, so a form can mark all bad fields at once. Never empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    /// A single error.
    pub fn one(e: FieldError) -> Self {
        Errors(vec![e])
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// `"text"` with quotes, backslashes and control characters escaped: how a message quotes a value it
/// was given. Used instead of `{:?}`, whose escaping brings Unicode tables into the browser bundle.
pub fn quoted(s: &str) -> String {
    // At most this many characters of the value are echoed (security review N3: an error quoting a
    // 100 MB value whole, twice, held the memory and the thread).
    const ECHO: usize = 64;
    let mut out = String::with_capacity(s.len().min(ECHO * 4) + 5);
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        if i == ECHO {
            out.push('…');
            break;
        }
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotes_like_debug_for_plain_text_and_escapes_the_rest() {
        for s in ["grade1", "重庆市", "", "a b"] {
            assert_eq!(quoted(s), format!("{s:?}"));
        }
        assert_eq!(quoted("a\"b\\c"), r#""a\"b\\c""#);
        // An unknown value is echoed at most 64 characters long (security review N3).
        let long = "中".repeat(1_000_000);
        let q = quoted(&long);
        assert_eq!(q.chars().count(), 64 + 3, "{}", &q[..20]);
        assert!(q.ends_with("…\""));
        assert_eq!(quoted("x\ny\u{0}"), r#""x\u{a}y\u{0}""#);
    }
}
