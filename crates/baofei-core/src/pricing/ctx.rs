//! What every pricing stage shares: the context that collects the trace, warnings and assumptions,
//! the `step!` macro that records a trace entry, and checked arithmetic.

use crate::citation::{Citation, Reference};
use crate::error::{ErrorCode, Errors, FieldError};
use crate::input::Enterprise;
use crate::money::fmt_factor;
use crate::output::{Message, Step};
use crate::rules::{Dated, FactorTable, Param};
use rust_decimal::Decimal;

pub(crate) fn err(
    field: &str,
    code: ErrorCode,
    zh: impl Into<String>,
    en: impl Into<String>,
) -> Errors {
    Errors::one(FieldError::new(field, code, zh, en))
}

fn overflow() -> Errors {
    err(
        "input",
        ErrorCode::Overflow,
        "数值过大，无法计算",
        "numbers too large to compute",
    )
}

pub(crate) fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Errors> {
    a.checked_mul(b).ok_or_else(overflow)
}

/// Records a trace step. The parameter and value strings are only built when the caller asked for a
/// trace (batch quoting does not), but the illustrative flag is always accumulated.
macro_rules! step_ {
    ($cx:expr, $id:expr, $zh:expr, $en:expr, $param:expr, $value:expr, $src:expr, $ill:expr, $note:expr $(,)?) => {{
        let illustrative: bool = $ill;
        $cx.illustrative |= illustrative;
        if $cx.tracing {
            $cx.step($id, $zh, $en, $param, $value, $src, illustrative, $note);
        }
    }};
}
pub(crate) use step_ as step;

/// A bilingual message without a source.
pub(crate) fn msg(code: &str, zh: impl Into<String>, en: impl Into<String>) -> Message {
    Message {
        code: code.into(),
        zh: zh.into(),
        en: en.into(),
        source: None,
        field: None,
    }
}

/// What a trace step says besides its value: the rule's note in both languages and, for a rule
/// borrowed from elsewhere, where it comes from.
#[derive(Clone, Copy, Default)]
pub(crate) struct Notes<'a> {
    en: Option<&'a String>,
    zh: Option<&'a String>,
    reference: Option<&'a Reference>,
}

impl<'a> Notes<'a> {
    /// The notes of a dated rule value.
    pub(crate) fn of<T>(d: &'a Dated<T>) -> Notes<'a> {
        Notes {
            en: d.note.as_ref(),
            zh: d.note_zh.as_ref(),
            reference: d.reference.as_ref(),
        }
    }
    /// A note of the engine's own (a reading it applies), in both languages.
    pub(crate) fn own(en: &'a String, zh: &'a String) -> Notes<'a> {
        Notes {
            en: Some(en),
            zh: Some(zh),
            reference: None,
        }
    }
}

/// The state one pricing run accumulates; stages read the enterprise from it and record into it.
pub(crate) struct Ctx<'a> {
    pub(crate) e: &'a Enterprise,
    pub(crate) tracing: bool,
    pub(crate) trace: Vec<Step>,
    pub(crate) warnings: Vec<Message>,
    pub(crate) assumptions: Vec<Message>,
    pub(crate) illustrative: bool,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn step(
        &mut self,
        id: &str,
        zh: &str,
        en: &str,
        parameter: String,
        value: String,
        source: Option<&Citation>,
        illustrative: bool,
        notes: Notes<'_>,
    ) {
        self.trace.push(Step {
            id: id.into(),
            label_zh: zh.into(),
            label_en: en.into(),
            parameter,
            value,
            source: source.cloned(),
            illustrative,
            note: notes.en.cloned(),
            note_zh: notes.zh.cloned(),
            reference: notes.reference.cloned(),
        });
    }
    pub(crate) fn lookup<'p, T>(
        &self,
        p: &'p Param<T>,
        field: &str,
    ) -> Result<&'p Dated<T>, Errors> {
        p.lookup(&self.e.region, self.e.as_of).ok_or_else(|| {
            err(
                "as_of",
                ErrorCode::NoRuleInForce,
                format!("{} 在该日期无有效规则", self.e.as_of),
                format!(
                    "no rule for {field} is in force on {} in this region",
                    self.e.as_of
                ),
            )
        })
    }
    /// Looks up `key` in a factor table, records the step and returns the factor.
    pub(crate) fn factor(
        &mut self,
        id: &str,
        zh: &str,
        en: &str,
        table: &str,
        p: &Param<FactorTable>,
        key: &str,
    ) -> Result<Decimal, Errors> {
        let d = self.lookup(p, table)?;
        // Validation guarantees every key; a missing one would be a validator bug, reported not panicked.
        let f = d.value.get(key).map(|v| v.0).ok_or_else(|| {
            err(
                table,
                ErrorCode::InvalidPack,
                "费率表缺少键",
                format!("{table} lacks key {key}"),
            )
        })?;
        step!(
            self,
            id,
            zh,
            en,
            format!("{table}[{key}] = {}", fmt_factor(f)),
            fmt_factor(f),
            Some(&d.source),
            d.illustrative,
            Notes::of(d),
        );
        Ok(f)
    }
}
