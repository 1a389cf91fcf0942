//! The input structure and the validated enterprise it becomes.

use crate::date::Date;
use crate::domain::{
    AccidentGrade, EnvCreditGrade, EnvRiskGrade, Line, SizeClass, StandardisationGrade,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

/// Facts of one accident; the engine derives its grade (see [`crate::accident`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AccidentFacts {
    /// Deaths.
    #[serde(deserialize_with = "str_or_int")]
    pub deaths: String,
    /// Serious injuries incl. acute industrial poisoning.
    #[serde(deserialize_with = "str_or_int")]
    pub serious_injuries: String,
    /// Direct economic loss in 元.
    #[serde(deserialize_with = "str_or_int")]
    pub direct_loss: String,
}

/// Accident record of one year: counts by grade and deaths, and/or a list of accidents by facts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HistoryYear {
    /// Number of 一般 accidents.
    #[serde(deserialize_with = "str_or_int")]
    pub ordinary: String,
    /// Number of 较大 accidents.
    #[serde(deserialize_with = "str_or_int")]
    pub larger: String,
    /// Number of 重大 accidents.
    #[serde(deserialize_with = "str_or_int")]
    pub serious: String,
    /// Number of 特别重大 accidents.
    #[serde(deserialize_with = "str_or_int")]
    pub especially_serious: String,
    /// Deaths in the counted accidents.
    #[serde(deserialize_with = "str_or_int")]
    pub deaths: String,
    /// Accidents given by their facts; their grades and deaths are added to the counts above.
    pub accidents: Vec<AccidentFacts>,
}

/// Everything the engine needs about one enterprise. Empty strings mean "not given".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuoteInput {
    /// As-of date, `YYYY-MM-DD`: which rules are in force.
    pub as_of: String,
    /// Region id, e.g. `chongqing`.
    pub region: String,
    /// `work_safety` or `environmental`.
    pub line: String,
    /// Sector id, e.g. `hazardous_chemicals.production`.
    pub sector: String,
    /// Employees (all must be insured at one sum).
    #[serde(deserialize_with = "str_or_int")]
    pub employees: String,
    /// Annual revenue in 元 (optional; informs the size class when none is given).
    #[serde(deserialize_with = "str_or_int")]
    pub annual_revenue: String,
    /// `large`, `medium`, `small`, `micro`; derived from employees when empty.
    pub size_class: String,
    /// 工程造价 in 元 (construction).
    #[serde(deserialize_with = "str_or_int")]
    pub contract_value: String,
    /// Approved annual capacity in tonnes (coal).
    #[serde(deserialize_with = "str_or_int")]
    pub tonnage: String,
    /// Vehicles (road freight).
    #[serde(deserialize_with = "str_or_int")]
    pub vehicles: String,
    /// Seats (road passenger).
    #[serde(deserialize_with = "str_or_int")]
    pub seats: String,
    /// Construction: a high-risk project (tall, long-span, tunnel...).
    pub high_risk_project: bool,
    /// Construction: metro works.
    pub metro: bool,
    /// Chosen per-person death/disability limit in 元; defaults to the legal minimum in force.
    #[serde(deserialize_with = "str_or_int")]
    pub per_person_limit: String,
    /// Chosen aggregate limit in 元.
    #[serde(deserialize_with = "str_or_int")]
    pub aggregate_limit: String,
    /// Accident history, most recent year first (at most three years).
    pub history: Vec<HistoryYear>,
    /// 安全生产标准化等级: `grade1`, `grade2`, `grade3`, `none`.
    pub standardisation: String,
    /// On the joint-punishment (失信联合惩戒) blacklist.
    pub blacklisted: bool,
    /// Refused to rectify a major hidden hazard.
    pub refused_rectification: bool,
    /// Loss ratio of the last policy year, e.g. `0.45`; empty if unknown.
    #[serde(deserialize_with = "str_or_int")]
    pub loss_ratio: String,
    /// 环责险: environmental risk grade `general`, `larger`, `major`.
    pub env_risk_grade: String,
    /// Other cover held instead of 安责险: `employer_liability`, `carrier_liability`,
    /// `construction_group_accident`, or empty.
    pub other_cover: String,
    /// Has a stored safety risk deposit (安全生产风险抵押金).
    pub risk_deposit: bool,
    /// 环责险: environmental credit grade `trustworthy`, `good`, `warning`, `poor`.
    pub env_credit_grade: String,
}

/// Accepts a JSON string or integer (never a float: money must not pass through f64).
pub(crate) fn str_or_int<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum SI {
        S(String),
        I(i64),
        U(u64),
    }
    Ok(
        match SI::deserialize(d).map_err(|_| {
            serde::de::Error::custom("expected a string or an integer (decimals must be strings)")
        })? {
            SI::S(s) => s,
            SI::I(i) => i.to_string(),
            SI::U(u) => u.to_string(),
        },
    )
}

/// The three years of history as the form names them: index 0 is the last year.
pub const YEARS: [(&str, &str); 3] = [
    ("上一年", "Last year"),
    ("前第二年", "Two years ago"),
    ("前第三年", "Three years ago"),
];

/// One validated year of history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Year {
    /// Accidents per grade (index = `AccidentGrade as usize`).
    pub by_grade: [u32; 4],
    /// Deaths.
    pub deaths: u32,
}

impl Year {
    /// Worst grade, if any accident.
    pub fn worst(&self) -> Option<AccidentGrade> {
        AccidentGrade::ALL
            .iter()
            .rev()
            .copied()
            .find(|g| self.by_grade[*g as usize] > 0)
    }
    /// Whether there was any accident or death.
    pub fn any(&self) -> bool {
        self.deaths > 0 || self.by_grade.iter().any(|n| *n > 0)
    }
}

/// Validated input.
#[derive(Clone, Debug, PartialEq)]
pub struct Enterprise {
    /// As-of date.
    pub as_of: Date,
    /// Region id (checked against the statutes).
    pub region: String,
    /// Line.
    pub line: Line,
    /// Sector id (checked against the statutes).
    pub sector: String,
    /// Employees.
    pub employees: u32,
    /// Revenue.
    pub annual_revenue: Option<Decimal>,
    /// Size class, and whether it was derived rather than given.
    pub size_class: (SizeClass, bool),
    /// 工程造价.
    pub contract_value: Option<Decimal>,
    /// Tonnes.
    pub tonnage: Option<Decimal>,
    /// Vehicles.
    pub vehicles: Option<u32>,
    /// Seats.
    pub seats: Option<u32>,
    /// High-risk construction project.
    pub high_risk_project: bool,
    /// Metro works.
    pub metro: bool,
    /// Per-person limit.
    pub per_person_limit: Option<Decimal>,
    /// Aggregate limit.
    pub aggregate_limit: Option<Decimal>,
    /// Three years, most recent first (missing years are accident-free).
    pub history: [Year; 3],
    /// Standardisation grade.
    pub standardisation: StandardisationGrade,
    /// Blacklisted.
    pub blacklisted: bool,
    /// Refused to rectify.
    pub refused_rectification: bool,
    /// Loss ratio.
    pub loss_ratio: Option<Decimal>,
    /// Environmental risk grade.
    pub env_risk_grade: Option<EnvRiskGrade>,
    /// Environmental credit grade.
    pub env_credit_grade: Option<EnvCreditGrade>,
    /// Holds only another cover (employer, carrier, construction group accident).
    pub other_cover: Option<OtherCover>,
    /// Has a stored safety risk deposit.
    pub risk_deposit: bool,
}

pub use crate::domain::OtherCover;

/// Largest money amount accepted anywhere (1万亿元): beyond any real enterprise, far from overflow.
pub const MAX_MONEY: i64 = 1_000_000_000_000;
/// Largest count accepted (employees, vehicles, seats, accidents, deaths).
pub const MAX_COUNT: u32 = 10_000_000;

/// Size class from headcount alone when none is given. The thresholds follow the usual industrial
/// classification (1000 / 300 / 20 employees); they are an assumption and the quote says so.
pub fn size_from_employees(employees: u32) -> SizeClass {
    match employees {
        1000.. => SizeClass::Large,
        300.. => SizeClass::Medium,
        20.. => SizeClass::Small,
        _ => SizeClass::Micro,
    }
}
