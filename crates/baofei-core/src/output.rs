//! The result every front end renders: the quote, its trace steps and messages. Plain data; the
//! pricing pipeline fills it, the top-level [`crate::quote`] composes it with guidance.

use crate::citation::{Citation, Reference};
use crate::date::Date;
use crate::domain::RiskTier;
use crate::domain::{Line, Obligation};
use rust_decimal::Decimal;
use serde::Serialize;

/// A bilingual message with a stable code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Message {
    /// Stable code, e.g. `below_minimum_limit`.
    pub code: String,
    /// Chinese text.
    pub zh: String,
    /// English text.
    pub en: String,
    /// Source, where the message restates a rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// The input field the message is about, where it is about one (shown at that field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// One step of the computation, as shown under "how was this computed".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Stable id, e.g. `base_premium`, `float.accident`.
    pub id: String,
    /// What the step does, Chinese.
    pub label_zh: String,
    /// What the step does, English.
    pub label_en: String,
    /// The parameter or table row used, in English, e.g. "较大 (larger) accident → 1.20".
    pub parameter: String,
    /// The same in Chinese, e.g. "较大事故 → 1.20".
    pub parameter_zh: String,
    /// Value after the step (a factor, a rate or an amount in 元), as a string.
    pub value: String,
    /// The value in Chinese where it is a word ("强制投保"), not a figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_zh: Option<String>,
    /// Where the parameter comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// True where the parameter is our assumption, not a published figure.
    pub illustrative: bool,
    /// How the rule was read, where that matters (English).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The same note in Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    /// Where a borrowed rule comes from, said beside the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// The factor the step multiplies the premium by, where it is a floating factor. Front ends read
    /// figures from here, never from `value` or `parameter`, which are prose: rewording a step cannot
    /// change a figure or a bar.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub factor: Option<Decimal>,
    /// What the step's table was read at, as people name it ("较大事故"), where that says more than
    /// the step's own label (not for a plain yes): Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice_zh: Option<String>,
    /// The same in English ("较大 (larger) accident").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice_en: Option<String>,
}

/// Compulsory status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ObligationResult {
    /// How strongly the law asks this enterprise to insure.
    pub level: Obligation,
    /// The rules behind it, strongest first.
    pub basis: Vec<Message>,
    /// The penalty for not insuring, when compulsory and a penalty is in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub penalty: Option<Message>,
}

/// Minimum limits and the chosen ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// Statutory minimum per-person death/disability limit in force, 元.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub minimum_per_person: Option<Decimal>,
    /// Its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_source: Option<Citation>,
    /// The day the minimum in force took effect (2025-03-29 for 40万元).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_from: Option<Date>,
    /// The per-person limit asked for, when it was below the minimum and so not used, 元.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_per_person: Option<Decimal>,
    /// The per-person limit used for pricing (never below the minimum), 元.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub per_person: Option<Decimal>,
    /// The aggregate limit used for pricing, 元.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub aggregate: Option<Decimal>,
    /// Whether the per-person limit asked for is below the minimum (the quote is then priced at the
    /// minimum).
    pub below_minimum: bool,
}

/// The float band that applied and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Band {
    /// Lowest float factor allowed.
    #[serde(with = "rust_decimal::serde::str")]
    pub low: Decimal,
    /// Highest float factor allowed.
    #[serde(with = "rust_decimal::serde::str")]
    pub high: Decimal,
    /// `normal`, `loaded` (较大+ accident or fatal accidents two years running) or `clean` (three accident-free years).
    pub kind: crate::domain::BandKind,
    /// The float before clamping.
    #[serde(with = "rust_decimal::serde::str")]
    pub raw_factor: Decimal,
    /// The float after clamping.
    #[serde(with = "rust_decimal::serde::str")]
    pub factor: Decimal,
    /// Whether the clamp changed the float.
    pub clamped: bool,
    /// Source of the band.
    pub source: Citation,
    /// Whether the band is our assumption for this region.
    pub illustrative: bool,
    /// Where the band comes from when it is borrowed (no national band is published).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
}

/// Accident-prevention fund and services.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Prevention {
    /// Minimum share of premium for the fund, if a rule sets one.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub min_ratio: Option<Decimal>,
    /// That share as an amount, 元.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub min_amount: Option<Decimal>,
    /// Maximum share of premium spent on prevention, if a rule sets one.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub max_ratio: Option<Decimal>,
    /// That share as an amount, 元.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub max_amount: Option<Decimal>,
    /// Sources of the ratios.
    pub sources: Vec<Citation>,
    /// Services the insurer owes.
    pub services: Vec<Service>,
}

/// One service owed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Service {
    /// Stable id.
    pub id: String,
    /// Name, Chinese.
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// Minimum times a year; 0 = as agreed in the contract.
    pub per_year: u32,
    /// Source.
    pub source: Citation,
    /// Whether the frequency is our assumption.
    pub illustrative: bool,
}

/// A complete quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Engine version.
    pub engine_version: String,
    /// Statute data version.
    pub statutes_version: String,
    /// Pricing pack id and version.
    pub pack: String,
    /// As-of date.
    pub as_of: Date,
    /// Region id.
    pub region: String,
    /// Line.
    pub line: Line,
    /// Sector id.
    pub sector: String,
    /// Compulsory status.
    pub obligation: ObligationResult,
    /// Limits.
    pub limits: Limits,
    /// Premium before the float (base x sector x tier), 元, unrounded shown to the fen.
    #[serde(with = "rust_decimal::serde::str")]
    pub guided_premium: Decimal,
    /// The estimated annual premium, 元, rounded to the fen.
    #[serde(with = "rust_decimal::serde::str")]
    pub premium: Decimal,
    /// Lowest premium the float band allows, 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub premium_low: Decimal,
    /// Highest premium the float band allows, 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub premium_high: Decimal,
    /// The float band.
    pub band: Band,
    /// Prevention fund and services.
    pub prevention: Prevention,
    /// Risk tier (high / medium / low) for prevention services.
    pub risk_tier: RiskTier,
    /// Every step.
    pub trace: Vec<Step>,
    /// Warnings (below minimum limit, cap reached, ...).
    pub warnings: Vec<Message>,
    /// Inputs the engine filled in (defaults), so nothing is silent.
    pub assumptions: Vec<Message>,
    /// True if any parameter used is illustrative.
    pub illustrative: bool,
    /// Duties and benefits that apply to this enterprise (guidance notes, each cited).
    pub notes: Vec<Message>,
    /// Actions that would lower the premium or close a compliance gap, each priced by the engine.
    pub next_steps: Vec<NextStep>,
}

/// One action and its effect on the premium.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NextStep {
    /// Stable id: `standardisation`, `leave_blacklist`, `rectify_hazards`, `raise_limit`, `env_credit`.
    pub id: String,
    /// What to do, Chinese.
    pub zh: String,
    /// What to do, English.
    pub en: String,
    /// Premium after the action, 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub premium_after: Decimal,
    /// Change against the current premium (negative = saving), 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub premium_change: Decimal,
    /// Why the action counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// Where `source` is another place's rule or the other line's: the words shown beside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
}

/// What holds whether or not a premium can be computed: when the premium cannot be (a missing premium
/// basis, a number that does not read), the compulsory status with its legal basis and penalty, the
/// legal minimum limit and the prevention ratios and services still do, and are shown with the
/// errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Known {
    /// Compulsory status, legal basis and penalty.
    pub obligation: ObligationResult,
    /// The statutory minimum per-person limit in force, 元 (安责险).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub minimum_per_person: Option<Decimal>,
    /// Its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_source: Option<Citation>,
    /// The day it took effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_from: Option<Date>,
    /// Prevention ratios and services (no amounts: there is no premium). Only the services owed
    /// whatever the size and risk tier: the others wait for the inputs being corrected.
    pub prevention: Prevention,
    /// How many services in force on the date are owed only for some sizes or risk tiers, and so are
    /// not listed until the quote can be priced (newcomer 2.9: the partial result must not read as
    /// the whole list).
    pub services_pending: u32,
}
