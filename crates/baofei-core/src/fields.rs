//! The field registry: one definition of each enterprise input, read by every edge.
//!
//! For each field of [`crate::input::QuoteInput`] that a person fills in: its engine key (the JSON
//! name, and the path of its errors), its share-link key, its `<baofei-quote>` attribute, its label and
//! its name in messages (both languages), its unit, its kind (a closed vocabulary's keys come from the
//! vocabulary itself) and when a form shows it. Validation messages, the widget's form, print sheet
//! and share link, the link builder, the embed element's attributes and the TypeScript unions read it
//! (the last two are JavaScript and a `.d.ts`: tests fail when they disagree with it).
//!
//! Adding a field: one entry here, its field on `QuoteInput` and `Enterprise` with its validation, and
//! its pricing rule (ARCHITECTURE.md walks through it).

use crate::domain::{
    keys, EnvCreditGrade, EnvRiskGrade, Line, OtherCover, PremiumBasis, SizeClass,
    StandardisationGrade,
};
use crate::text::Text;

/// An input field, named by the type system: `QuoteInput::set` and the widget's form match on it, so
/// a new field is a compile error wherever it is not handled. Its key is the engine's JSON name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// `as_of`.
    AsOf,
    /// `region`.
    Region,
    /// `line`.
    Line,
    /// `sector`.
    Sector,
    /// `employees`.
    Employees,
    /// `annual_revenue`.
    AnnualRevenue,
    /// `size_class`.
    SizeClass,
    /// `contract_value`.
    ContractValue,
    /// `tonnage`.
    Tonnage,
    /// `vehicles`.
    Vehicles,
    /// `seats`.
    Seats,
    /// `high_risk_project`.
    HighRiskProject,
    /// `metro`.
    Metro,
    /// `per_person_limit`.
    PerPersonLimit,
    /// `aggregate_limit`.
    AggregateLimit,
    /// `standardisation`.
    Standardisation,
    /// `blacklisted`.
    Blacklisted,
    /// `refused_rectification`.
    RefusedRectification,
    /// `loss_ratio`.
    LossRatio,
    /// `env_risk_grade`.
    EnvRiskGrade,
    /// `env_credit_grade`.
    EnvCreditGrade,
    /// `other_cover`.
    OtherCover,
    /// `risk_deposit`.
    RiskDeposit,
}
keys!(Field { AsOf = "as_of", Region = "region", Line = "line", Sector = "sector", Employees = "employees", AnnualRevenue = "annual_revenue", SizeClass = "size_class", ContractValue = "contract_value", Tonnage = "tonnage", Vehicles = "vehicles", Seats = "seats", HighRiskProject = "high_risk_project", Metro = "metro", PerPersonLimit = "per_person_limit", AggregateLimit = "aggregate_limit", Standardisation = "standardisation", Blacklisted = "blacklisted", RefusedRectification = "refused_rectification", LossRatio = "loss_ratio", EnvRiskGrade = "env_risk_grade", EnvCreditGrade = "env_credit_grade", OtherCover = "other_cover", RiskDeposit = "risk_deposit" });

impl Field {
    /// The field's definition.
    pub fn spec(self) -> &'static FieldSpec {
        // In bounds and in order: checked when the crate compiles (`ORDERED` below).
        &FIELDS[self as usize]
    }

    /// The name of a choice field's value (`grade1` → 一级), when the field is a choice and the key
    /// one of its vocabulary's.
    pub fn choice_name(self, key: &str) -> Option<Text> {
        match self {
            Field::Line => Line::from_key(key).map(Line::name),
            Field::SizeClass => SizeClass::from_key(key).map(SizeClass::name),
            Field::Standardisation => {
                StandardisationGrade::from_key(key).map(StandardisationGrade::name)
            }
            Field::EnvRiskGrade => EnvRiskGrade::from_key(key).map(EnvRiskGrade::name),
            Field::EnvCreditGrade => EnvCreditGrade::from_key(key).map(EnvCreditGrade::name),
            Field::OtherCover => OtherCover::from_key(key).map(OtherCover::name),
            _ => None,
        }
    }

    /// Its share-link key, which is also the widget's form key.
    pub fn link(self) -> &'static str {
        self.spec().link
    }
}

/// Every `Field` has one row in [`FIELDS`], at its own index: a row out of order or missing does not
/// compile.
const ORDERED: () = {
    assert!(FIELDS.len() == Field::ALL.len());
    let mut i = 0;
    while i < FIELDS.len() {
        assert!(FIELDS[i].id as usize == i);
        i += 1;
    }
};
#[allow(clippy::let_unit_value)]
const _: () = ORDERED;

/// What a field holds, and so how it is typed, read and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// An id the rules name (a region, a sector, a line).
    Id,
    /// A whole number (people, vehicles, seats).
    Count,
    /// A decimal amount in the field's unit.
    Amount,
    /// A share entered as a percentage (`45` for 45%), sent to the engine as a ratio.
    Percent,
    /// One key of a closed vocabulary (the vocabulary's own `KEYS`).
    Choice(&'static [&'static str]),
    /// Yes or no.
    Flag,
}

/// The unit a field is entered in, shown beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// No unit.
    None,
    /// People.
    Person,
    /// 万元: the form takes 万元, the engine 元 (× 10,000).
    Wan,
    /// Tonnes.
    Tonne,
    /// Vehicles.
    Vehicle,
    /// Seats.
    Seat,
    /// Per cent.
    Percent,
}

impl Unit {
    /// The unit as shown beside the input.
    pub fn text(self) -> Text {
        match self {
            Unit::None => Text::new("", ""),
            Unit::Person => Text::new("人", "persons"),
            Unit::Wan => Text::new("万元", "× CNY 10,000"),
            Unit::Tonne => Text::new("吨", "tonnes"),
            Unit::Vehicle => Text::new("辆", "vehicles"),
            Unit::Seat => Text::new("座", "seats"),
            Unit::Percent => Text::new("%", "%"),
        }
    }
}

/// When a form shows the field (a link may set only what the reader can see and correct).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// On every line and sector.
    Always,
    /// Nowhere: the engine reads it, the form has no input for it.
    Never,
    /// On one line only.
    Line(Line),
    /// Where the sector's premium basis is this one.
    Basis(PremiumBasis),
}

/// One input field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field.
    pub id: Field,
    /// The engine's key: the `QuoteInput` JSON name and the path of the field's errors.
    pub key: &'static str,
    /// The share-link key (`#v=1&e=120`): short, because links are typed and printed as QR codes.
    pub link: &'static str,
    /// The `<baofei-quote>` attribute that sets it, if a host may preset it.
    pub attr: Option<&'static str>,
    /// The label above the input.
    pub label: Text,
    /// How messages name it: "从业人员数" / "The number of employees".
    pub name: Text,
    /// The unit it is entered in.
    pub unit: Unit,
    /// What it holds.
    pub kind: Kind,
    /// When a form shows it.
    pub shown: Shown,
    /// The form's default: the example enterprise the page opens with, or empty.
    pub default: &'static str,
}

impl FieldSpec {
    /// Whether a form shows the field on this line for a sector with this premium basis.
    pub fn shown_for(&self, line: Line, basis: Option<PremiumBasis>) -> bool {
        match self.shown {
            Shown::Always => true,
            Shown::Never => false,
            Shown::Line(l) => l == line,
            Shown::Basis(b) => basis == Some(b),
        }
    }
}

#[allow(clippy::too_many_arguments)] // a table row: positional, like the table it builds
const fn f(
    id: Field,
    link: &'static str,
    attr: Option<&'static str>,
    label: Text,
    name: Text,
    unit: Unit,
    kind: Kind,
    shown: Shown,
    default: &'static str,
) -> FieldSpec {
    FieldSpec {
        id,
        key: id.key(),
        link,
        attr,
        label,
        name,
        unit,
        kind,
        shown,
        default,
    }
}

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text::new(zh, en)
}
const WS: Shown = Shown::Line(Line::WorkSafety);
const ENV: Shown = Shown::Line(Line::Environmental);

/// Every input field, in the form's order. The accident history (a table of counts per year and
/// grade) is not here: its cells are named by `input::YEARS` and the accident grades.
#[rustfmt::skip]
pub const FIELDS: &[FieldSpec] = &[
    f(Field::AsOf, "d", Some("as-of"), t("保单起期(评估日期)", "Policy start date"), t("评估日期", "The policy start date"), Unit::None, Kind::Date, Shown::Always, ""),
    f(Field::Region, "r", Some("region"), t("地区", "Region"), t("地区", "The region"), Unit::None, Kind::Id, Shown::Always, "chongqing"),
    f(Field::Line, "l", Some("line"), t("险种", "Insurance line"), t("险种", "The insurance line"), Unit::None, Kind::Choice(&Line::KEYS), Shown::Always, "work_safety"),
    f(Field::Sector, "s", Some("sector"), t("细分行业", "Subsector"), t("行业", "The sector"), Unit::None, Kind::Id, Shown::Always, "hazardous_chemicals.production"),
    f(Field::Employees, "e", Some("employees"), t("从业人员数", "Employees"), t("从业人员数", "The number of employees"), Unit::Person, Kind::Count, Shown::Always, "100"),
    f(Field::AnnualRevenue, "rev", None, t("年营业收入(选填)", "Annual revenue (optional)"), t("营业收入", "The annual revenue"), Unit::Wan, Kind::Amount, Shown::Never, ""),
    f(Field::SizeClass, "sz", Some("size-class"), t("企业规模", "Size class"), t("企业规模", "The enterprise size"), Unit::None, Kind::Choice(&SizeClass::KEYS), WS, ""),
    f(Field::ContractValue, "cv", Some("contract-value"), t("工程造价", "Project contract value"), t("工程造价", "The contract value"), Unit::Wan, Kind::Amount, Shown::Basis(PremiumBasis::ContractValue), ""),
    f(Field::Tonnage, "t", Some("tonnage"), t("核定年产能", "Approved annual capacity"), t("核定产能", "The approved annual capacity"), Unit::Tonne, Kind::Amount, Shown::Basis(PremiumBasis::Tonnage), ""),
    f(Field::Vehicles, "veh", Some("vehicles"), t("车辆数", "Vehicles"), t("车辆数", "The number of vehicles"), Unit::Vehicle, Kind::Count, Shown::Basis(PremiumBasis::Vehicles), ""),
    f(Field::Seats, "seats", Some("seats"), t("核定座位数", "Approved seats"), t("座位数", "The number of seats"), Unit::Seat, Kind::Count, Shown::Basis(PremiumBasis::Seats), ""),
    f(Field::HighRiskProject, "hr", None, t("高风险工程(超高、大跨度、隧道、地铁等)", "High-risk project (tall, long-span, tunnel, metro...)"), t("高风险工程", "The high-risk project flag"), Unit::None, Kind::Flag, Shown::Basis(PremiumBasis::ContractValue), ""),
    f(Field::Metro, "metro", None, t("地铁工程", "Metro works"), t("地铁工程", "The metro works flag"), Unit::None, Kind::Flag, Shown::Basis(PremiumBasis::ContractValue), ""),
    f(Field::PerPersonLimit, "pp", Some("per-person-limit"), t("每人死亡伤残限额", "Per-person death/disability limit"), t("每人限额", "The per-person limit"), Unit::Wan, Kind::Amount, WS, ""),
    f(Field::AggregateLimit, "agg", Some("aggregate-limit"), t("累计赔偿限额(选填)", "Aggregate limit (optional)"), t("累计限额", "The aggregate limit"), Unit::Wan, Kind::Amount, Shown::Always, ""),
    f(Field::Standardisation, "std", Some("standardisation"), t("安全生产标准化等级", "Safety standardisation grade"), t("标准化等级", "The safety standardisation grade"), Unit::None, Kind::Choice(&StandardisationGrade::KEYS), WS, "none"),
    f(Field::Blacklisted, "bl", None, t("已被列入失信联合惩戒名单(黑名单)", "On the joint-punishment blacklist"), t("黑名单", "The blacklist status"), Unit::None, Kind::Flag, Shown::Always, ""),
    f(Field::RefusedRectification, "rr", None, t("对重大隐患拒不整改", "Refused to rectify a major hazard"), t("拒不整改", "Refusing to rectify a major hazard"), Unit::None, Kind::Flag, Shown::Always, ""),
    f(Field::LossRatio, "lr", None, t("上年度赔付率(选填)", "Loss ratio last policy year (optional)"), t("赔付率", "The loss ratio"), Unit::Percent, Kind::Percent, Shown::Always, ""),
    f(Field::EnvRiskGrade, "er", Some("env-risk-grade"), t("突发环境事件风险等级(HJ 941-2018)", "Environmental incident risk grade (HJ 941-2018)"), t("环境风险等级", "The environmental risk grade"), Unit::None, Kind::Choice(&EnvRiskGrade::KEYS), ENV, "general"),
    f(Field::EnvCreditGrade, "ec", Some("env-credit-grade"), t("企业环境信用等级", "Environmental credit grade"), t("环境信用等级", "The environmental credit grade"), Unit::None, Kind::Choice(&EnvCreditGrade::KEYS), ENV, "good"),
    f(Field::OtherCover, "oc", None, t("目前持有的其他险种", "Other cover currently held"), t("其他险种", "The other insurance held"), Unit::None, Kind::Choice(&OtherCover::KEYS), WS, ""),
    f(Field::RiskDeposit, "dep", None, t("存有安全生产风险抵押金", "Holds a safety risk deposit"), t("风险抵押金", "The risk deposit flag"), Unit::None, Kind::Flag, WS, ""),
];

/// The field with this engine key.
pub fn by_key(key: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.key == key)
}

/// The field with this share-link key.
pub fn by_link(link: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.link == link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_links_and_attributes_are_each_unique_and_plain() {
        for (i, a) in FIELDS.iter().enumerate() {
            for b in &FIELDS[i + 1..] {
                assert_ne!(a.key, b.key);
                assert_ne!(a.link, b.link, "{} and {}", a.key, b.key);
                assert!(a.attr.is_none() || a.attr != b.attr, "{}", a.key);
            }
            // Link keys travel in URLs and attributes in HTML: lower-case ASCII only.
            assert!(a.link.bytes().all(|c| c.is_ascii_lowercase()), "{}", a.link);
            assert!(a
                .attr
                .is_none_or(|x| x.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')));
            assert!(!a.label.zh.is_empty() && !a.label.en.is_empty() && !a.name.en.is_empty());
            if let Kind::Choice(keys) = a.kind {
                assert!(
                    a.default.is_empty() || keys.contains(&a.default),
                    "{}",
                    a.key
                );
            }
        }
        assert_eq!(by_link("e").map(|f| f.key), Some("employees"));
        // Every choice field names each of its vocabulary's values (the print sheet shows them).
        for spec in FIELDS {
            if let Kind::Choice(keys) = spec.kind {
                for k in keys {
                    assert!(spec.id.choice_name(k).is_some(), "{}: {k}", spec.key);
                }
            }
        }
        assert_eq!(by_key("employees").map(|f| f.link), Some("e"));
    }
}
