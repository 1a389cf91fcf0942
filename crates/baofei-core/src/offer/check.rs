//! What a check says: its verdict, whether it is a legal requirement, its citations, its sentence
//! and the question to ask.

use crate::citation::{Citation, Reference};
use crate::date::Date;
use crate::output::Quote;
use rust_decimal::Decimal;
use serde::Serialize;

/// A check's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The offer meets the rule.
    Meets,
    /// The offer does not meet it.
    Fails,
    /// The offer does not say enough to tell.
    Unclear,
}

impl Verdict {
    /// The verdict as its data key (`meets`, `fails`, `unclear`), as it is serialised.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Meets => "meets",
            Verdict::Fails => "fails",
            Verdict::Unclear => "unclear",
        }
    }
}

/// One check of the offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Stable id: `minimum_limit`, `all_employees`, `period`, `covered_items`, `premium`, `services`,
    /// `service.<id>`, `services_written`, `prevention_fund`, `commission`, `payer`, `lapse`.
    pub id: String,
    /// The answer.
    pub verdict: Verdict,
    /// Whether the rule is a legal requirement; `false` for a comparison with our illustrative
    /// estimate, which informs but cannot prove a breach.
    pub legal: bool,
    /// What was found, Chinese.
    pub zh: String,
    /// What was found, English.
    pub en: String,
    /// The rules applied.
    pub sources: Vec<Citation>,
    /// Where a rule is borrowed from another region, said beside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// What to ask the insurer, Chinese (when the verdict is not "meets").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question_zh: Option<String>,
    /// The same in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question_en: Option<String>,
}

/// The whole check: a verdict, its summary, every check and the estimate compared with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfferCheck {
    /// `fails` when a legal requirement fails; `unclear` when nothing fails but something cannot be
    /// told (or the indicative premium comparison fails); `meets` otherwise.
    pub verdict: Verdict,
    /// Number of legal requirements the offer fails.
    pub legal_failures: usize,
    /// The verdict in a sentence, Chinese.
    pub summary_zh: String,
    /// The verdict in a sentence, English.
    pub summary_en: String,
    /// The insurer, as given.
    pub insurer: String,
    /// Policy start used.
    pub start: Date,
    /// Policy end, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// Premium offered, 元.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub premium: Option<Decimal>,
    /// Offered premium ÷ guided premium, to four places.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub implied_float: Option<Decimal>,
    /// Every check, in the order a reader goes through an offer.
    pub checks: Vec<Check>,
    /// The estimate for the cover offered.
    pub quote: Quote,
}

/// A check with its answer; questions are added where the answer is not "meets".
pub(super) fn check(
    id: &str,
    verdict: Verdict,
    legal: bool,
    zh: String,
    en: String,
    sources: Vec<Citation>,
) -> Check {
    Check {
        id: id.into(),
        verdict,
        legal,
        zh,
        en,
        sources,
        reference: None,
        question_zh: None,
        question_en: None,
    }
}

impl Check {
    pub(super) fn ask(mut self, zh: impl Into<String>, en: impl Into<String>) -> Check {
        if self.verdict != Verdict::Meets {
            self.question_zh = Some(zh.into());
            self.question_en = Some(en.into());
        }
        self
    }
}
