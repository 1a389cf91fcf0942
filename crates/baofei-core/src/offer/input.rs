//! The offer as the enterprise types it (strings, as the form and the JS API hold them) and the
//! closed lists it names.

use crate::input::str_or_int;
use serde::{Deserialize, Serialize};

/// An insurer's offer as the enterprise reads it off the quote. Empty strings mean "not stated";
/// amounts in 元, as strings or integers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OfferInput {
    /// The insurer's name, as written on the offer (free text, shown back only).
    pub insurer: String,
    /// Policy start date `YYYY-MM-DD`; the quote form's date when empty.
    pub start: String,
    /// Policy end date `YYYY-MM-DD`.
    pub end: String,
    /// Premium offered, 元.
    #[serde(deserialize_with = "str_or_int")]
    pub premium: String,
    /// Per-person death/disability limit offered, 元.
    #[serde(deserialize_with = "str_or_int")]
    pub per_person_limit: String,
    /// Aggregate limit offered, 元.
    #[serde(deserialize_with = "str_or_int")]
    pub aggregate_limit: String,
    /// Per-accident limit offered, 元.
    #[serde(deserialize_with = "str_or_int")]
    pub per_accident_limit: String,
    /// Number of people the policy insures.
    #[serde(deserialize_with = "str_or_int")]
    pub insured: String,
    /// Whether one uniform sum covers everyone insured: `yes`, `no`.
    pub uniform: String,
    /// Covered items, keys of [`COVER_ITEMS`].
    pub covers: Vec<String>,
    /// Prevention services promised, each with its frequency.
    pub services: Vec<PromisedService>,
    /// Whether the services' content and frequency are written into the contract: `yes`, `no`.
    pub written: String,
    /// Prevention spending stated, 元 (optional).
    #[serde(deserialize_with = "str_or_int")]
    pub prevention_spend: String,
    /// Intermediary commission, percent of premium, e.g. `4` or `4%` (optional).
    #[serde(deserialize_with = "str_or_int")]
    pub commission: String,
    /// Who pays the premium: `enterprise`, `employees` (charged to staff) or `shared`.
    pub payer: String,
    /// Whether the offer allows surrender or late renewal: `yes`, `no`.
    pub lapse: String,
}

/// A prevention service the offer promises.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PromisedService {
    /// Service id, as in the quote's `prevention.services`.
    pub id: String,
    /// Times a year promised.
    #[serde(deserialize_with = "str_or_int")]
    pub per_year: String,
}

/// The items 应急〔2025〕27号 Art. 3 requires a 安责险 policy to pay: key, Chinese, English.
pub const COVER_ITEMS: [(&str, &str, &str); 7] = [
    (
        "employee_injury",
        "从业人员人身伤亡",
        "employees' death and injury",
    ),
    (
        "third_party_injury",
        "第三者人身伤亡",
        "third parties' death and injury",
    ),
    (
        "third_party_property",
        "第三者财产损失",
        "third parties' property loss",
    ),
    ("rescue", "应急抢险救援费用", "emergency rescue costs"),
    ("medical", "医疗救护费用", "medical treatment costs"),
    ("appraisal", "事故鉴定费用", "accident appraisal costs"),
    ("litigation", "法律诉讼费用", "litigation costs"),
];

/// Who may pay: key, Chinese, English.
pub const PAYERS: [(&str, &str, &str); 3] = [
    ("enterprise", "企业全额承担", "the enterprise, in full"),
    ("employees", "向从业人员摊派", "charged to employees"),
    ("shared", "企业与从业人员分担", "shared with employees"),
];
