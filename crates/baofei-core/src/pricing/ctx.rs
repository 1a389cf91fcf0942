//! What every pricing stage shares: the context that collects the trace, warnings and assumptions,
//! the `step!` macro that records a trace entry, and checked arithmetic.

use crate::citation::{Citation, Reference};
use crate::domain::{EnvCreditGrade, EnvRiskGrade, Line, SizeClass, StandardisationGrade};
use crate::error::{ErrorCode, Errors, FieldError};
use crate::input::Enterprise;
use crate::money::fmt_factor;
use crate::output::{Message, Step};
use crate::rules::{Dated, FactorTable, Param};
use crate::text::Text;
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
        if $cx.tracing() {
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
    /// The same notes with another reference (a table entry's own, over the table's).
    pub(crate) fn with_reference(self, reference: &'a Reference) -> Notes<'a> {
        Notes {
            reference: Some(reference),
            ..self
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
/// `D` is how much the run records besides its figures (`super::detail`): a constant, so a build that
/// never asks for the prose carries none of the code that writes it (the first look's engine, issue 31).
pub(crate) struct Ctx<'a, const D: u8> {
    pub(crate) e: &'a Enterprise,
    /// The enterprise's region, then the regions it sits in (see `Statutes::chain`).
    pub(crate) chain: Vec<&'a str>,
    /// The level asked for at run time (read where `D` is `detail::ANY`).
    pub(crate) detail: u8,
    pub(crate) trace: Vec<Step>,
    pub(crate) warnings: Vec<Message>,
    pub(crate) assumptions: Vec<Message>,
    pub(crate) illustrative: bool,
}

impl<const D: u8> Ctx<'_, D> {
    /// Whether this run records the trace (its steps' prose and values).
    pub(crate) const fn tracing(&self) -> bool {
        self.level() >= super::detail::TRACE
    }
    /// The level: the constant, or the run's own where the constant is [`super::detail::ANY`].
    const fn level(&self) -> u8 {
        if D == super::detail::ANY {
            self.detail
        } else {
            D
        }
    }
    /// Whether this run records warnings and assumptions.
    pub(crate) const fn telling(&self) -> bool {
        self.level() >= super::detail::BRIEF
    }
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn step(
        &mut self,
        id: &str,
        zh: &str,
        en: &str,
        parameter: (String, String),
        value: String,
        source: Option<&Citation>,
        illustrative: bool,
        notes: Notes<'_>,
    ) {
        self.trace.push(Step {
            id: id.into(),
            label_zh: zh.into(),
            label_en: en.into(),
            parameter: parameter.1,
            parameter_zh: parameter.0,
            value_zh: None,
            value,
            source: source.cloned(),
            illustrative,
            note: notes.en.cloned(),
            note_zh: notes.zh.cloned(),
            reference: notes.reference.cloned(),
            factor: None,
            choice_zh: None,
            choice_en: None,
        });
    }
    /// Records the last step's factor and what its table was read at, as data (the breakdown and
    /// chart read these, never the step's prose).
    pub(crate) fn typed(&mut self, factor: Decimal, choice: Option<(String, String)>) {
        let tracing = self.tracing();
        if let Some(s) = self.trace.last_mut().filter(|_| tracing) {
            s.factor = Some(factor);
            if let Some((zh, en)) = choice {
                s.choice_zh = Some(zh);
                s.choice_en = Some(en);
            }
        }
    }
    /// Marks the last step as a work-safety (安责险) rule borrowed for the environmental line, and
    /// replaces the rule's own note (which speaks of work-safety accidents and the place it comes from)
    /// with one that says what was borrowed: no 环责险 figure exists, and the environmental trace must
    /// not read as if the work-safety rule applied to it (newcomer review 10.2).
    pub(crate) fn borrowed_from_work_safety(&mut self, what_zh: &str, what_en: &str) {
        let tracing = self.tracing();
        if let Some(s) = self.trace.last_mut().filter(|_| tracing) {
            let place = s.reference.as_ref().map(|r| (r.zh.clone(), r.en.clone()));
            s.reference = Some(Reference {
                zh: format!("借用安责险{what_zh}(假设)"),
                en: format!("borrowed from the 安责险 {what_en} (assumption)"),
            });
            let (pz, pe) = match place {
                Some((zh, en)) => (
                    format!("，该表本身{zh}"),
                    format!("; that table is itself a {en}"),
                ),
                None => (String::new(), String::new()),
            };
            s.note_zh = Some(format!(
                "环责险无公开的{what_zh}；借用安全生产责任保险的{what_zh}作为本工具的假设{pz}。"
            ));
            s.note = Some(format!(
                "No 环责险 {what_en} is published; the work-safety line's {what_en} is borrowed as Baofei's assumption{pe}."
            ));
            s.illustrative = true;
        }
        self.illustrative = true;
    }
    /// The last step's value in Chinese, where the value is a word rather than a figure.
    pub(crate) fn value_zh(&mut self, zh: &str) {
        let tracing = self.tracing();
        if let Some(s) = self.trace.last_mut().filter(|_| tracing) {
            s.value_zh = Some(zh.into());
        }
    }
    pub(crate) fn lookup<'p, T>(&self, p: &'p Param<T>) -> Result<&'p Dated<T>, Errors> {
        p.lookup(&self.chain, self.e.as_of).ok_or_else(|| {
            err(
                "as_of",
                ErrorCode::NoRuleInForce,
                format!(
                    "{} 当日本地区无有效的{}规定(请检查保单起始日期)",
                    self.e.as_of, p.description
                ),
                format!(
                    "No rule needed here is in force on {} in this region: check the policy start date",
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
        let d = self.lookup(p)?;
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
            {
                let (zh, en) = key_label(table, key, self.e.line);
                (
                    format!("{zh} → {}", fmt_factor(f)),
                    format!("{en} → {}", fmt_factor(f)),
                )
            },
            fmt_factor(f),
            Some(&d.source),
            d.illustrative,
            Notes::of(d),
        );
        if self.tracing() {
            // A yes says nothing the step's label does not ("失信联合惩戒黑名单").
            let choice = (key != "yes").then(|| key_label(table, key, self.e.line));
            self.typed(f, choice);
        }
        Ok(f)
    }
}

/// How a factor table's key reads in each language: "较大" / "较大 (larger)", not `larger`. The
/// environmental line reads the accident tables it borrows as environmental incidents
/// (突发环境事件): a pollution incident is not a 生产安全事故 (newcomer review 10.2).
fn key_label(table: &str, key: &str, line: Line) -> (String, String) {
    let pair = |zh: &str, en: &str| (zh.to_string(), en.to_string());
    // A key of a table over a closed vocabulary, named by the vocabulary.
    let named: Option<Text> = match table {
        "standardisation_factors" => StandardisationGrade::from_key(key).map(|g| g.name()),
        "size_factors" => SizeClass::from_key(key).map(|g| g.name()),
        "env_risk_factors" => EnvRiskGrade::from_key(key).map(|g| g.name()),
        "env_credit_factors" => EnvCreditGrade::from_key(key).map(|g| g.name()),
        _ => None,
    };
    if line == Line::Environmental {
        let grade = |zh: &str, en: &str| {
            (
                format!("{zh}突发环境事件"),
                format!("{zh} ({en}) environmental incident"),
            )
        };
        match (table, key) {
            ("accident_factors", "none") => {
                return pair("无突发环境事件", "no environmental incident")
            }
            ("accident_factors", "ordinary") => return grade("一般", "ordinary"),
            ("accident_factors", "larger") => return grade("较大", "larger"),
            ("accident_factors", "serious") => return grade("重大", "serious"),
            ("accident_factors", "especially_serious") => {
                return grade("特别重大", "especially serious")
            }
            ("claim_free_factors", n) => {
                return (
                    format!("连续{n}年无突发环境事件"),
                    format!("{n} incident-free years"),
                )
            }
            _ => {}
        }
    }
    match (table, key) {
        ("accident_factors", "none") => pair("无事故", "no accident"),
        ("accident_factors", "ordinary") => pair("一般事故", "一般 (ordinary) accident"),
        ("accident_factors", "larger") => pair("较大事故", "较大 (larger) accident"),
        ("accident_factors", "serious") => pair("重大事故", "重大 (serious) accident"),
        ("accident_factors", "especially_serious") => {
            pair("特别重大事故", "特别重大 (especially serious) accident")
        }
        ("death_factors", "3+") => pair("死亡3人及以上", "3 or more deaths"),
        ("death_factors", n) => (format!("死亡{n}人"), format!("{n} deaths")),
        ("claim_free_factors", n) => (
            format!("连续{n}年无事故"),
            format!("{n} accident-free years"),
        ),
        (_, "yes") => pair("是", "yes"),
        (_, "no") => pair("否", "no"),
        // The vocabularies name their own values (`keys!`): no key is typed here again.
        (_, other) => match (table, named) {
            ("env_risk_factors", Some(t)) => {
                (format!("{}环境风险", t.zh), format!("{} risk", t.en))
            }
            (_, Some(t)) => pair(t.zh, t.en),
            (_, None) => pair(other, other),
        },
    }
}
