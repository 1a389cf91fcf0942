//! `QuoteInput` filled from the registry, and validated into an `Enterprise` with every error at once.

use crate::date::Date;
use crate::domain::{
    AccidentGrade, EnvCreditGrade, EnvRiskGrade, Line, SizeClass, StandardisationGrade,
};
use crate::error::{ErrorCode, Errors, FieldError};
use rust_decimal::Decimal;

use super::types::*;
use super::validator::*;

impl QuoteInput {
    /// Sets this registry field ([`crate::fields`]) from text as a form holds it (a flag is true when
    /// non-empty). Front ends fill the input with it from the registry, so the struct's fields are
    /// named here once, beside their definition; the match is exhaustive, so a new field that is not
    /// wired here does not compile.
    pub fn set(&mut self, field: crate::fields::Field, value: String) {
        use crate::fields::Field as F;
        let flag = !value.trim().is_empty();
        match field {
            F::AsOf => self.as_of = value,
            F::Region => self.region = value,
            F::Line => self.line = value,
            F::Sector => self.sector = value,
            F::Employees => self.employees = value,
            F::AnnualRevenue => self.annual_revenue = value,
            F::SizeClass => self.size_class = value,
            F::ContractValue => self.contract_value = value,
            F::Tonnage => self.tonnage = value,
            F::Vehicles => self.vehicles = value,
            F::Seats => self.seats = value,
            F::HighRiskProject => self.high_risk_project = flag,
            F::Metro => self.metro = flag,
            F::PerPersonLimit => self.per_person_limit = value,
            F::AggregateLimit => self.aggregate_limit = value,
            F::Standardisation => self.standardisation = value,
            F::Blacklisted => self.blacklisted = flag,
            F::RefusedRectification => self.refused_rectification = flag,
            F::LossRatio => self.loss_ratio = value,
            F::EnvRiskGrade => self.env_risk_grade = value,
            F::EnvCreditGrade => self.env_credit_grade = value,
            F::OtherCover => self.other_cover = value,
            F::RiskDeposit => self.risk_deposit = flag,
        }
    }

    /// Checks every field and returns the validated enterprise or every problem found.
    /// Sector and region codes are checked later against the statutes.
    pub fn validate(&self) -> Result<Enterprise, Errors> {
        self.validate_with(V::new())
    }

    /// The same checks, with each error's field and code but no message (the first look's engine,
    /// issue 31, only asks whether a state can be priced: `quote_figures`).
    pub fn validate_quietly(&self) -> Result<Enterprise, Errors> {
        self.validate_with(V::quiet())
    }

    fn validate_with<const QUIET: bool>(&self, mut v: V<QUIET>) -> Result<Enterprise, Errors> {
        let as_of = if self.as_of.trim().is_empty() {
            v.missing("as_of");
            None
        } else {
            let d = Date::parse(self.as_of.trim());
            if d.is_none() {
                v.say("as_of", ErrorCode::Invalid, |_| {
                    (
                        "日期格式应为 YYYY-MM-DD".into(),
                        "The policy start date must be a real date, YYYY-MM-DD".into(),
                    )
                });
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
            v.say("employees", ErrorCode::TooSmall, |_| {
                (
                    "从业人员数至少为 1".into(),
                    "The number of employees must be at least 1".into(),
                )
            });
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
                v.say(f, ErrorCode::TooSmall, |_| {
                    (
                        "限额须大于 0".into(),
                        format!("{} must be greater than 0", label_en(f)),
                    )
                });
            }
        }
        if self.history.len() > 3 {
            v.say("history", ErrorCode::TooLarge, |_| {
                (
                    "事故记录最多三年".into(),
                    "The accident history covers at most three years".into(),
                )
            });
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
                v.say(&f("deaths"), ErrorCode::Invalid, |_| (format!(
                        "{yzh}死亡 {} 人，超出所填事故等级的上限(一般事故死亡不超过2人，较大不超过9人，重大不超过29人；国务院令第493号第三条)。请改正事故等级，或按事故情况填写由死亡人数定级",
                        year.deaths
                    ), format!(
                        "{yen}: {} deaths are more than the accidents entered allow (一般 at most 2 deaths, 较大 at most 9, 重大 at most 29; State Council Decree 493, Art. 3). Correct the grades, or enter each accident by its facts to grade it from its deaths",
                        year.deaths
                    )));
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
                v.say(&f("deaths"), ErrorCode::Unsupported, |_| {
                    (
                        format!("{}有死亡人数但没有事故记录", YEARS[i].0),
                        format!("{}: deaths are entered but no accident", YEARS[i].1),
                    )
                });
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
