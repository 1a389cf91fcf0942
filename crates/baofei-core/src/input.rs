//! The one input structure every front end fills, and its validation.
//!
//! Numbers arrive as strings (JSON integers are accepted for counts), so that money never passes through
//! a binary float and every bad field can be named in the error.

use crate::date::Date;
use crate::domain::{
    AccidentGrade, EnvCreditGrade, EnvRiskGrade, Line, SizeClass, StandardisationGrade,
};
use crate::error::{quoted, ErrorCode, Errors, FieldError};
use crate::text::Text;
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

/// Collects field errors while a validator walks its input (shared with [`crate::offer`]). Fields are
/// named in messages from the registry ([`crate::fields`]) or, for another input's fields (an
/// offer's), from the names its validator brings; never by their data key.
pub(crate) struct V {
    pub(crate) errs: Vec<FieldError>,
    /// Names of fields outside the registry: (key, name), or (prefix ending in `.`, name).
    pub(crate) names: &'static [(&'static str, Text)],
}

impl V {
    /// A validator for the enterprise's input.
    pub(crate) fn new() -> V {
        V::with_names(&[])
    }

    /// A validator for an input whose fields are named by `names`.
    pub(crate) fn with_names(names: &'static [(&'static str, Text)]) -> V {
        V {
            errs: Vec::new(),
            names,
        }
    }

    /// The field's name in messages.
    fn name(&self, field: &str) -> Option<Text> {
        crate::fields::by_key(field).map(|f| f.name).or_else(|| {
            self.names
                .iter()
                .find(|(k, _)| *k == field || (k.ends_with('.') && field.starts_with(k)))
                .map(|(_, t)| *t)
        })
    }

    fn zh(&self, field: &str) -> String {
        self.name(field)
            .map_or_else(|| field.to_string(), |t| t.zh.to_string())
    }

    pub(crate) fn en(&self, field: &str) -> String {
        self.name(field)
            .map_or_else(|| label_en(field), |t| t.en.to_string())
    }
}

/// A number as people type it, in plain ASCII: full-width digits and signs (１２０, －５, ３．５ from
/// a Chinese IME) become ASCII, and thousands separators (1,200 / 1，200) are dropped when they sit
/// between groups of three digits. Anything else is left for the parser to refuse.
pub fn plain_number(s: &str) -> String {
    let ascii: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            '，' => ',',
            other => other,
        })
        .collect();
    if !ascii.contains(',') {
        return ascii;
    }
    let (int, frac) = match ascii.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (ascii.as_str(), None),
    };
    let digits = int.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = digits.split(',').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped {
        return ascii;
    }
    let mut out = int.replace(',', "");
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// An amount with an optional 万 or 亿 suffix (and an optional 元), as people write them:
/// "5000万" → 50,000,000; "1.2亿元" → 120,000,000. Exact; `None` when it is no number.
pub fn plain_amount(s: &str) -> Option<Decimal> {
    let t = plain_number(s);
    let t = t.strip_suffix('元').unwrap_or(&t).trim_end();
    // "5千万" and "3百万" as people say them (newcomer review 2.2), before the plain 万.
    let (num, scale) = if let Some(n) = t.strip_suffix("千万") {
        (n, Decimal::from(10_000_000))
    } else if let Some(n) = t.strip_suffix("百万") {
        (n, Decimal::from(1_000_000))
    } else if let Some(n) = t.strip_suffix('万') {
        (n, Decimal::from(10_000))
    } else if let Some(n) = t.strip_suffix('亿') {
        (n, Decimal::from(100_000_000))
    } else {
        (t, Decimal::ONE)
    };
    num.trim().parse::<Decimal>().ok()?.checked_mul(scale)
}

/// How a field is named in English messages (the Chinese label comes with each check): never the
/// data key (issue 13 point 10).
pub fn label_en(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("history.") {
        let p: Vec<&str> = rest.split('.').collect();
        let year = p
            .first()
            .and_then(|y| y.parse::<usize>().ok())
            .and_then(|y| YEARS.get(y))
            .map(|y| y.1)
            .unwrap_or("A year");
        return match p.as_slice() {
            [_, "deaths"] => format!("{year}: deaths"),
            [_, grade] => format!("{year}: number of {} accidents", grade_en(grade)),
            [_, "accidents", n, what] => format!(
                "{year}, accident {}: {}",
                n.parse::<usize>().map(|n| n + 1).unwrap_or(1),
                match *what {
                    "serious_injuries" => "serious injuries",
                    "direct_loss" => "direct economic loss",
                    other => other,
                }
            ),
            _ => year.to_string(),
        };
    }
    match field {
        "history" => "The accident history".to_string(),
        // Every other field is named by the registry; an unknown one by its key, which only a
        // caller's typo can produce.
        other => crate::fields::by_key(other)
            .map_or(other, |f| f.name.en)
            .to_string(),
    }
}

fn grade_en(key: &str) -> &str {
    match key {
        "ordinary" => "一般 (ordinary)",
        "larger" => "较大 (larger)",
        "serious" => "重大 (serious)",
        "especially_serious" => "特别重大 (especially serious)",
        other => other,
    }
}

impl V {
    pub(crate) fn push(&mut self, field: &str, code: ErrorCode, zh: String, en: String) {
        self.errs.push(FieldError::new(field, code, zh, en));
    }
    pub(crate) fn count(&mut self, field: &str, s: &str) -> Option<u32> {
        let zh = self.zh(field);
        self.count_as(field, s, &zh)
    }
    pub(crate) fn money(&mut self, field: &str, s: &str, max: Decimal) -> Option<Decimal> {
        let zh = self.zh(field);
        self.money_as(field, s, &zh, max)
    }
    pub(crate) fn code<T: Copy>(&mut self, field: &str, s: &str, table: &[(&str, T)]) -> Option<T> {
        let zh = self.zh(field);
        self.code_as(field, s, table, &zh)
    }
    pub(crate) fn missing(&mut self, field: &str) {
        let zh = self.zh(field);
        self.missing_as(field, &zh);
    }
    pub(crate) fn count_as(&mut self, field: &str, s: &str, label_zh: &str) -> Option<u32> {
        let s = plain_number(s);
        // The unit the form itself shows may be typed with the number: "120人", "20辆", "300座"
        // (newcomer review 5.3).
        let s = s
            .strip_suffix(['人', '名', '辆', '座', '个', '起'])
            .map_or(s.as_str(), str::trim_end);
        if s.is_empty() {
            return None;
        }
        let label = self.en(field);
        if s.starts_with('-') {
            self.push(
                field,
                ErrorCode::TooSmall,
                format!("{label_zh}不能为负数"),
                format!("{label} cannot be negative"),
            );
            return None;
        }
        match s.parse::<u64>() {
            Ok(n) if n <= u64::from(MAX_COUNT) => Some(n as u32),
            Ok(_) => {
                self.push(
                    field,
                    ErrorCode::TooLarge,
                    format!("{label_zh}过大(上限 {MAX_COUNT})"),
                    format!("{label} is too large (at most {MAX_COUNT})"),
                );
                None
            }
            Err(_) if s.bytes().all(|b| b.is_ascii_digit()) => {
                self.push(
                    field,
                    ErrorCode::TooLarge,
                    format!("{label_zh}过大"),
                    format!("{label} is too large"),
                );
                None
            }
            Err(_) => {
                self.push(
                    field,
                    ErrorCode::Invalid,
                    format!("{label_zh}须为整数"),
                    format!("{label} must be a whole number"),
                );
                None
            }
        }
    }
    pub(crate) fn money_as(
        &mut self,
        field: &str,
        s: &str,
        label_zh: &str,
        max: Decimal,
    ) -> Option<Decimal> {
        if s.trim().is_empty() {
            return None;
        }
        let label = self.en(field);
        // Decimal::from_str accepts only plain decimal notation: no exponent, no NaN, no Infinity;
        // plain_amount adds full-width digits, thousands separators and a 万/亿 suffix.
        match plain_amount(s).ok_or(()) {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                self.push(
                    field,
                    ErrorCode::TooSmall,
                    format!("{label_zh}不能为负数"),
                    format!("{label} cannot be negative"),
                );
                None
            }
            Ok(d) if d > max => {
                self.push(
                    field,
                    ErrorCode::TooLarge,
                    format!("{label_zh}超出上限 {}", crate::money::wan(max)),
                    format!("{label} exceeds the maximum of {}", crate::money::cny(max)),
                );
                None
            }
            Ok(d) => Some(d.normalize()),
            Err(_) => {
                self.push(
                    field,
                    ErrorCode::Invalid,
                    format!("{label_zh}不是有效数字"),
                    format!("{label} is not a valid number"),
                );
                None
            }
        }
    }
    pub(crate) fn code_as<T: Copy>(
        &mut self,
        field: &str,
        s: &str,
        table: &[(&str, T)],
        label_zh: &str,
    ) -> Option<T> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        let found = table.iter().find(|(k, _)| *k == s).map(|(_, v)| *v);
        if found.is_none() {
            let keys: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
            self.push(
                field,
                ErrorCode::Unknown,
                format!("未知的{label_zh}: {s}"),
                format!(
                    "{} {} is not one of the known values ({})",
                    self.en(field),
                    quoted(s),
                    keys.join(", ")
                ),
            );
        }
        found
    }
    pub(crate) fn missing_as(&mut self, field: &str, label_zh: &str) {
        self.push(
            field,
            ErrorCode::Missing,
            format!("请填写{label_zh}"),
            format!("{} is required", self.en(field)),
        );
    }
}

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

impl QuoteInput {
    /// Sets the field with this registry key ([`crate::fields`]) from text as a form holds it (a flag
    /// is true when non-empty); false for a key that is not a field. Front ends fill the input with
    /// it from the registry, so the struct's fields are named here once, beside their definition.
    pub fn set(&mut self, key: &str, value: String) -> bool {
        let flag = !value.trim().is_empty();
        match key {
            "as_of" => self.as_of = value,
            "region" => self.region = value,
            "line" => self.line = value,
            "sector" => self.sector = value,
            "employees" => self.employees = value,
            "annual_revenue" => self.annual_revenue = value,
            "size_class" => self.size_class = value,
            "contract_value" => self.contract_value = value,
            "tonnage" => self.tonnage = value,
            "vehicles" => self.vehicles = value,
            "seats" => self.seats = value,
            "high_risk_project" => self.high_risk_project = flag,
            "metro" => self.metro = flag,
            "per_person_limit" => self.per_person_limit = value,
            "aggregate_limit" => self.aggregate_limit = value,
            "standardisation" => self.standardisation = value,
            "blacklisted" => self.blacklisted = flag,
            "refused_rectification" => self.refused_rectification = flag,
            "loss_ratio" => self.loss_ratio = value,
            "env_risk_grade" => self.env_risk_grade = value,
            "env_credit_grade" => self.env_credit_grade = value,
            "other_cover" => self.other_cover = value,
            "risk_deposit" => self.risk_deposit = flag,
            _ => return false,
        }
        true
    }

    /// Checks every field and returns the validated enterprise or every problem found.
    /// Sector and region codes are checked later against the statutes.
    pub fn validate(&self) -> Result<Enterprise, Errors> {
        let mut v = V::new();
        let as_of = if self.as_of.trim().is_empty() {
            v.missing("as_of");
            None
        } else {
            let d = Date::parse(self.as_of.trim());
            if d.is_none() {
                v.push(
                    "as_of",
                    ErrorCode::Invalid,
                    "日期格式应为 YYYY-MM-DD".into(),
                    "The policy start date must be a real date, YYYY-MM-DD".into(),
                );
            }
            d
        };
        if self.region.trim().is_empty() {
            v.missing("region");
        }
        if self.sector.trim().is_empty() {
            v.missing("sector");
        }
        let line = if self.line.trim().is_empty() {
            v.missing("line");
            None
        } else {
            v.code("line", &self.line, &Line::ALL.map(|x| (x.key(), x)))
        };
        let max_money = Decimal::from(MAX_MONEY);
        let employees = v.count("employees", &self.employees);
        if employees.is_none() && self.employees.trim().is_empty() && line == Some(Line::WorkSafety)
        {
            v.missing("employees");
        }
        if employees == Some(0) && line == Some(Line::WorkSafety) {
            v.push(
                "employees",
                ErrorCode::TooSmall,
                "从业人员数至少为 1".into(),
                "The number of employees must be at least 1".into(),
            );
        }
        let annual_revenue = v.money("annual_revenue", &self.annual_revenue, max_money);
        let sizes = SizeClass::ALL.map(|x| (x.key(), x));
        let size_given = v.code("size_class", &self.size_class, &sizes);
        let contract_value = v.money("contract_value", &self.contract_value, max_money);
        let tonnage = v.money("tonnage", &self.tonnage, Decimal::from(1_000_000_000));
        let vehicles = v.count("vehicles", &self.vehicles);
        let seats = v.count("seats", &self.seats);
        let per_person_limit = v.money(
            "per_person_limit",
            &self.per_person_limit,
            Decimal::from(100_000_000),
        );
        let aggregate_limit = v.money("aggregate_limit", &self.aggregate_limit, max_money);
        for (f, val) in [
            ("per_person_limit", per_person_limit),
            ("aggregate_limit", aggregate_limit),
        ] {
            if val.is_some_and(|d| d.is_zero()) {
                v.push(
                    f,
                    ErrorCode::TooSmall,
                    "限额须大于 0".into(),
                    format!("{} must be greater than 0", label_en(f)),
                );
            }
        }
        if self.history.len() > 3 {
            v.push(
                "history",
                ErrorCode::TooLarge,
                "事故记录最多三年".into(),
                "The accident history covers at most three years".into(),
            );
        }
        let mut history: [Year; 3] = Default::default();
        for (i, y) in self.history.iter().take(3).enumerate() {
            let f = |name: &str| format!("history.{i}.{name}");
            let mut year = Year::default();
            for (g, s, zh) in [
                (AccidentGrade::Ordinary, &y.ordinary, "一般事故数"),
                (AccidentGrade::Larger, &y.larger, "较大事故数"),
                (AccidentGrade::Serious, &y.serious, "重大事故数"),
                (
                    AccidentGrade::EspeciallySerious,
                    &y.especially_serious,
                    "特别重大事故数",
                ),
            ] {
                year.by_grade[g as usize] = v.count_as(&f(g.key()), s, zh).unwrap_or(0);
            }
            year.deaths = v.count_as(&f("deaths"), &y.deaths, "死亡人数").unwrap_or(0);
            // 国务院令第493号 第三条: 一般 means at most 2 deaths, 较大 at most 9, 重大 at most 29. Deaths in
            // the table beyond what its accidents allow are an impossible history: refused at the cell,
            // never priced as entered (the facts helper below grades each accident from its deaths).
            let [o, l, s, x] = year.by_grade.map(u64::from);
            let allowed = 2 * o + 9 * l + 29 * s;
            if x == 0 && o + l + s > 0 && u64::from(year.deaths) > allowed {
                let (yzh, yen) = YEARS[i];
                v.push(
                    &f("deaths"),
                    ErrorCode::Invalid,
                    format!(
                        "{yzh}死亡 {} 人，超出所填事故等级的上限(一般事故死亡不超过2人，较大不超过9人，重大不超过29人；国务院令第493号第三条)。请改正事故等级，或按事故情况填写由死亡人数定级",
                        year.deaths
                    ),
                    format!(
                        "{yen}: {} deaths are more than the accidents entered allow (一般 at most 2 deaths, 较大 at most 9, 重大 at most 29; State Council Decree 493, Art. 3). Correct the grades, or enter each accident by its facts to grade it from its deaths",
                        year.deaths
                    ),
                );
            }
            for (j, a) in y.accidents.iter().enumerate() {
                let af = |name: &str| format!("history.{i}.accidents.{j}.{name}");
                let d = v
                    .count_as(&af("deaths"), &a.deaths, "死亡人数")
                    .unwrap_or(0);
                let inj = v
                    .count_as(&af("serious_injuries"), &a.serious_injuries, "重伤人数")
                    .unwrap_or(0);
                let loss = v
                    .money_as(
                        &af("direct_loss"),
                        &a.direct_loss,
                        "直接经济损失",
                        max_money,
                    )
                    .unwrap_or_default();
                let g = crate::accident::grade(d, inj, loss);
                year.by_grade[g as usize] = year.by_grade[g as usize].saturating_add(1);
                year.deaths = year.deaths.saturating_add(d);
            }
            let total: u64 = year.by_grade.iter().map(|n| u64::from(*n)).sum();
            if year.deaths > 0 && total == 0 {
                v.push(
                    &f("deaths"),
                    ErrorCode::Unsupported,
                    format!("{}有死亡人数但没有事故记录", YEARS[i].0),
                    format!("{}: deaths are entered but no accident", YEARS[i].1),
                );
            }
            history[i] = year;
        }
        let grades = StandardisationGrade::ALL.map(|x| (x.key(), x));
        let standardisation = v
            .code("standardisation", &self.standardisation, &grades)
            .unwrap_or(StandardisationGrade::None);
        let loss_ratio = v.money("loss_ratio", &self.loss_ratio, Decimal::from(100));
        let env_risk_grade = v.code(
            "env_risk_grade",
            &self.env_risk_grade,
            &EnvRiskGrade::ALL.map(|x| (x.key(), x)),
        );
        let env_credit_grade = v.code(
            "env_credit_grade",
            &self.env_credit_grade,
            &EnvCreditGrade::ALL.map(|x| (x.key(), x)),
        );
        let other_cover = v.code(
            "other_cover",
            &self.other_cover,
            &OtherCover::ALL.map(|x| (x.key(), x)),
        );
        if line == Some(Line::Environmental) {
            if self.env_risk_grade.trim().is_empty() {
                v.missing("env_risk_grade");
            }
            if self.env_credit_grade.trim().is_empty() {
                v.missing("env_credit_grade");
            }
        }
        if !v.errs.is_empty() {
            return Err(Errors(v.errs));
        }
        // Every field that was required was checked above, so these are present.
        let (Some(as_of), Some(line)) = (as_of, line) else {
            return Err(Errors::one(FieldError::new(
                "as_of",
                ErrorCode::Invalid,
                "输入不完整",
                "incomplete input",
            )));
        };
        let employees = employees.unwrap_or(0);
        let size_class = match size_given {
            Some(s) => (s, false),
            None => (size_from_employees(employees), true),
        };
        Ok(Enterprise {
            as_of,
            region: self.region.trim().to_string(),
            line,
            sector: self.sector.trim().to_string(),
            employees,
            annual_revenue,
            size_class,
            contract_value,
            tonnage,
            vehicles,
            seats,
            high_risk_project: self.high_risk_project,
            metro: self.metro,
            per_person_limit,
            aggregate_limit,
            history,
            standardisation,
            blacklisted: self.blacklisted,
            refused_rectification: self.refused_rectification,
            loss_ratio,
            env_risk_grade,
            env_credit_grade,
            other_cover,
            risk_deposit: self.risk_deposit,
        })
    }
}
