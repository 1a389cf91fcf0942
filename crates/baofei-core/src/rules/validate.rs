//! Checks on rule data: the statutes' internal consistency and a pricing pack against the statutes
//! it will run under. Shipped rules pass them at build time (baofei-rules' build script); an insurer's
//! pack passes them when it is loaded.

use super::{
    FactorTable, Param, PricingPack, Scheme, Statutes, MAX_FACTOR, ORDERED_KEYS, SIZE_KEYS,
};
use crate::citation::Citation;
use crate::error::{ErrorCode, Errors, FieldError};
use rust_decimal::Decimal;

struct Check<'a> {
    errs: Vec<FieldError>,
    regions: &'a [String],
}

impl Check<'_> {
    fn err(&mut self, field: String, zh: String, en: String) {
        self.errs
            .push(FieldError::new(field, ErrorCode::InvalidPack, zh, en));
    }
    fn citation(&mut self, field: &str, c: &Citation) {
        if c.document.trim().is_empty() {
            self.err(
                format!("{field}.source.document"),
                "缺少出处文件名".into(),
                "source document is empty".into(),
            );
        }
    }
    fn param<T>(&mut self, field: &str, p: &Param<T>, mut each: impl FnMut(&mut Self, &str, &T)) {
        for r in p.regions.keys() {
            if !self.regions.iter().any(|x| x == r) {
                self.err(
                    format!("{field}.regions.{r}"),
                    format!("未知地区 {r}"),
                    format!("unknown region {r}"),
                );
            }
        }
        for (path, v) in p.all_values() {
            let f = format!("{field}.{path}");
            self.citation(&f, &v.source);
            if let Some(u) = v.until {
                if u <= v.from {
                    self.err(
                        f.clone(),
                        "失效日期早于生效日期".into(),
                        "`until` is not after `from`".into(),
                    );
                }
            }
            each(self, &f, &v.value);
        }
        // Two values of one scope starting the same day make the lookup ambiguous.
        let scopes = std::iter::once(("national".to_string(), &p.national))
            .chain(p.regions.iter().map(|(r, v)| (format!("regions.{r}"), v)));
        for (scope, vs) in scopes {
            let froms = || vs.iter().map(|v| v.from);
            if froms()
                .enumerate()
                .any(|(i, d)| froms().skip(i + 1).any(|e| e == d))
            {
                self.err(
                    format!("{field}.{scope}"),
                    "同一日期有两个取值".into(),
                    "two values start on the same day".into(),
                );
            }
            for (_, zh, en) in sequence_gaps(vs) {
                self.err(format!("{field}.{scope}"), zh, en);
            }
        }
    }
    fn factor(&mut self, field: &str, d: Decimal) {
        if d <= Decimal::ZERO || d > MAX_FACTOR {
            self.err(
                field.into(),
                format!("系数 {d} 超出 (0, 100]"),
                format!("factor {d} outside (0, 100]"),
            );
        }
    }
    fn table(&mut self, field: &str, t: &FactorTable, keys: &[&str], ordered: bool) {
        for k in keys {
            if !t.contains_key(*k) {
                self.err(
                    format!("{field}.{k}"),
                    format!("缺少键 {k}"),
                    format!("missing key {k}"),
                );
            }
        }
        for (k, v) in t {
            if !keys.contains(&k.as_str()) {
                self.err(
                    format!("{field}.{k}"),
                    format!("未知键 {k}"),
                    format!("unknown key {k}"),
                );
            }
            self.factor(&format!("{field}.{k}"), v.0);
        }
        if ordered {
            let vals: Vec<Decimal> = keys.iter().filter_map(|k| t.get(*k)).map(|v| v.0).collect();
            if vals.windows(2).any(|w| w[1] < w[0]) {
                self.err(
                    field.into(),
                    format!("系数须随风险单调不减 ({})", keys.join(" ≤ ")),
                    format!(
                        "factors must not decrease as risk worsens ({})",
                        keys.join(" <= ")
                    ),
                );
            }
        }
    }
}

/// One value after another, in date order: a later value may simply take over (no `until` on the
/// earlier one), but an `until` must meet the next `from` exactly. `until` is the first day a value no
/// longer applies, so an `until` the day before the next `from` leaves a day with no value in force, and
/// quotes on it fail although the data validated (integrator review 2026-12, M7); an `until` after the
/// next `from` makes two values apply at once. Each problem with the index (in `vs`) of the value after
/// the gap or overlap, in both languages. Packs and a host's local rules (`local`) are held to it alike.
pub(super) fn sequence_gaps<T>(vs: &[super::Dated<T>]) -> Vec<(usize, String, String)> {
    let mut order: Vec<(usize, &super::Dated<T>)> = vs.iter().enumerate().collect();
    crate::sort::sort_small_by(&mut order, |a, b| a.1.from < b.1.from);
    let mut out = Vec::new();
    for w in order.windows(2) {
        let ((_, this), (j, next)) = (w[0], w[1]);
        match this.until {
            Some(u) if u < next.from => out.push((
                j,
                format!(
                    "{} 至 {} 之间没有取值：until 是不再适用的第一天，要与下一条衔接请写 until = {}",
                    u, next.from, next.from
                ),
                format!(
                    "no value from {u} until {}: `until` is the first day a value no longer applies; to meet the next value write until = {}",
                    next.from, next.from
                ),
            )),
            Some(u) if u > next.from => out.push((
                j,
                format!("{} 起两个取值同时适用(until {u} 晚于下一条的 from)", next.from),
                format!(
                    "two values apply from {} (until {u} is after the next value's from)",
                    next.from
                ),
            )),
            _ => {}
        }
    }
    out
}

impl Statutes {
    /// Checks internal consistency: known regions, dated values, citations, sane ratios.
    pub fn validate(&self) -> Result<(), Errors> {
        let regions: Vec<String> = self.regions.iter().map(|r| r.id.clone()).collect();
        let mut c = Check {
            errs: Vec::new(),
            regions: &regions,
        };
        // A city sits in a province: the parent is known and has no parent itself, so a chain of
        // places is at most region, province, nation.
        for (i, r) in self.regions.iter().enumerate() {
            if let Some(p) = &r.parent {
                let parent = self.regions.iter().find(|x| &x.id == p);
                if parent.is_none_or(|x| x.parent.is_some() || x.id == r.id) {
                    c.err(
                        format!("regions.{i}.parent"),
                        format!("{} 的上级地区 {p} 须为已知的省级地区", r.id),
                        format!(
                            "the parent {p} of {} must be a known provincial region",
                            r.id
                        ),
                    );
                }
            }
        }
        c.param("minimum_limit", &self.minimum_limit, |c, f, v| {
            if v.0 <= Decimal::ZERO {
                c.err(
                    f.into(),
                    "最低限额须为正".into(),
                    "minimum limit must be positive".into(),
                );
            }
        });
        for (line, p) in &self.float_band {
            c.param(&format!("float_band.{}", line.key()), p, |c, f, b| {
                if b.normal <= Decimal::ZERO || b.normal >= Decimal::ONE || b.loaded_up < b.normal {
                    c.err(
                        f.into(),
                        "浮动幅度不合理".into(),
                        "float band must satisfy 0 < normal < 1 and loaded_up >= normal".into(),
                    );
                }
            });
        }
        for (name, m) in [
            ("prevention_min", &self.prevention_min),
            ("prevention_max", &self.prevention_max),
        ] {
            for (line, p) in m {
                c.param(&format!("{name}.{}", line.key()), p, |c, f, v| {
                    if v.0 < Decimal::ZERO || v.0 > Decimal::ONE {
                        c.err(
                            f.into(),
                            "比例须在 0 到 1 之间".into(),
                            "ratio must be within [0, 1]".into(),
                        );
                    }
                });
            }
        }
        // The offer check's rules: a share, a term of whole years, a must, a count.
        let o = &self.offer_rules;
        for (name, p, lo, hi) in [
            (
                "offer_rules.commission_cap",
                &o.commission_cap,
                Decimal::ZERO,
                Decimal::ONE,
            ),
            (
                "offer_rules.policy_term_years",
                &o.policy_term_years,
                Decimal::ONE,
                Decimal::from(5),
            ),
            (
                "offer_rules.services_in_contract",
                &o.services_in_contract,
                Decimal::ONE,
                Decimal::ONE,
            ),
            (
                "offer_rules.covered_items",
                &o.covered_items,
                Decimal::ONE,
                Decimal::from(20),
            ),
        ] {
            c.param(name, p, |c, f, v| {
                if v.0 < lo
                    || v.0 > hi
                    || (name != "offer_rules.commission_cap" && !v.0.fract().is_zero())
                {
                    c.err(
                        f.into(),
                        format!("取值须在 {lo} 到 {hi} 之间"),
                        format!("value must be within [{lo}, {hi}]"),
                    );
                }
            });
        }
        for (line, p) in &self.penalty {
            c.param(&format!("penalty.{}", line.key()), p, |_, _, _| {});
        }
        for (i, o) in self.obligations.iter().enumerate() {
            c.citation(&format!("obligations.{i}"), &o.source);
        }
        for (i, s) in self.services.iter().enumerate() {
            c.citation(&format!("services.{i}"), &s.source);
        }
        for (i, g) in self.guidance.iter().enumerate() {
            c.citation(&format!("guidance.{i}"), &g.source);
            for r in &g.regions {
                if !regions.contains(r) {
                    c.err(
                        format!("guidance.{i}.regions"),
                        format!("未知地区 {r}"),
                        format!("unknown region {r}"),
                    );
                }
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for s in &self.sectors {
            if !seen.insert(&s.id) {
                c.err(
                    format!("sectors.{}", s.id),
                    "行业重复".into(),
                    "duplicate sector".into(),
                );
            }
        }
        if c.errs.is_empty() {
            Ok(())
        } else {
            Err(Errors(c.errs))
        }
    }
}

impl PricingPack {
    /// Checks a pack against the statutes it will run under: known regions and sectors, complete and
    /// monotone factor tables, positive rates, and a clean floor inside the law's band.
    pub fn validate(&self, statutes: &Statutes) -> Result<(), Errors> {
        let regions: Vec<String> = statutes.regions.iter().map(|r| r.id.clone()).collect();
        let mut c = Check {
            errs: Vec::new(),
            regions: &regions,
        };
        for (line, p) in &self.rates {
            c.param(&format!("rates.{}", line.key()), p, |c, f, entries| {
                for (i, e) in entries.iter().enumerate() {
                    let f = format!("{f}.value.{i}");
                    for s in &e.sectors {
                        let known = s == "*"
                            || statutes
                                .sectors
                                .iter()
                                .any(|d| d.line == *line && (&d.id == s || d.group() == s));
                        if !known {
                            c.err(
                                format!("{f}.sectors"),
                                format!("未知行业 {s}"),
                                format!("unknown sector {s} for this line"),
                            );
                        }
                    }
                    for (s, v) in &e.sector_factors {
                        if statutes.sector(s).is_none() {
                            c.err(
                                format!("{f}.sector_factors.{s}"),
                                format!("未知行业 {s}"),
                                format!("unknown sector {s}"),
                            );
                        }
                        c.factor(&format!("{f}.sector_factors.{s}"), v.0);
                    }
                    check_scheme(c, &f, &e.scheme);
                }
            });
        }
        c.param("size_factors", &self.size_factors, |c, f, t| {
            c.table(f, t, SIZE_KEYS, false)
        });
        let tables: [(&str, &Param<FactorTable>); 9] = [
            ("accident_factors", &self.accident_factors),
            ("death_factors", &self.death_factors),
            ("consecutive_fatal_factors", &self.consecutive_fatal_factors),
            ("standardisation_factors", &self.standardisation_factors),
            ("claim_free_factors", &self.claim_free_factors),
            ("blacklist_factors", &self.blacklist_factors),
            (
                "refused_rectification_factors",
                &self.refused_rectification_factors,
            ),
            ("env_credit_factors", &self.env_credit_factors),
            ("env_risk_factors", &self.env_risk_factors),
        ];
        for (name, p) in tables {
            let keys = ORDERED_KEYS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, k)| *k)
                .unwrap_or(&[]);
            c.param(name, p, |c, f, t| c.table(f, t, keys, true));
        }
        c.param(
            "loss_ratio_factors",
            &self.loss_ratio_factors,
            |c, f, bands| {
                let mut prev: Option<Decimal> = None;
                for (i, b) in bands.iter().enumerate() {
                    c.factor(&format!("{f}.{i}.factor"), b.factor);
                    if prev.is_some_and(|p| b.factor < p) {
                        c.err(
                            format!("{f}.{i}"),
                            "赔付率系数须单调不减".into(),
                            "loss-ratio factors must not decrease".into(),
                        );
                    }
                    prev = Some(b.factor);
                    let last = i + 1 == bands.len();
                    if b.below.is_none() != last {
                        c.err(
                            format!("{f}.{i}.below"),
                            "只有最后一档可无上限".into(),
                            "only the last band may be open-ended".into(),
                        );
                    }
                }
                let bounds: Vec<Decimal> = bands.iter().filter_map(|b| b.below).collect();
                if bounds.windows(2).any(|w| w[1] <= w[0]) {
                    c.err(
                        f.into(),
                        "分档须递增".into(),
                        "band bounds must increase".into(),
                    );
                }
            },
        );
        c.param("clean_floor", &self.clean_floor, |c, f, v| {
            if v.0 <= Decimal::ZERO || v.0 > Decimal::ONE {
                c.err(
                    f.into(),
                    "下浮下限须在 (0, 1] 内".into(),
                    "clean floor must be within (0, 1]".into(),
                );
            }
        });
        if c.errs.is_empty() {
            Ok(())
        } else {
            Err(Errors(c.errs))
        }
    }
}

fn check_scheme(c: &mut Check<'_>, f: &str, s: &Scheme) {
    let pos = |c: &mut Check<'_>, field: String, d: Decimal, max: Decimal| {
        if d <= Decimal::ZERO || d > max {
            c.err(
                field,
                format!("数值 {d} 超出范围"),
                format!("value {d} out of range (0, {max}]"),
            );
        }
    };
    let big = Decimal::from(1_000_000_000_000i64);
    match s {
        Scheme::Proportional { rate } => pos(c, format!("{f}.scheme.rate"), *rate, Decimal::ONE),
        Scheme::PerTonne { yuan_per_tonne } => pos(
            c,
            format!("{f}.scheme.yuan_per_tonne"),
            *yuan_per_tonne,
            Decimal::from(10_000),
        ),
        Scheme::ContractTable {
            bands,
            metro_factor,
        } => {
            if bands.is_empty() {
                c.err(
                    format!("{f}.scheme.bands"),
                    "费率表为空".into(),
                    "table has no bands".into(),
                );
            }
            if let Some(m) = metro_factor {
                c.factor(&format!("{f}.scheme.metro_factor"), *m);
            }
            let tops: Vec<Decimal> = bands.iter().filter_map(|b| b.up_to).collect();
            if tops.windows(2).any(|w| w[1] <= w[0])
                || bands.iter().rev().skip(1).any(|b| b.up_to.is_none())
            {
                c.err(
                    format!("{f}.scheme.bands"),
                    "分档须递增且仅最高档无上限".into(),
                    "bands must ascend; only the last may be open".into(),
                );
            }
            for (i, b) in bands.iter().enumerate() {
                if b.rows.is_empty() {
                    c.err(
                        format!("{f}.scheme.bands.{i}.rows"),
                        "该档无费率".into(),
                        "band has no rows".into(),
                    );
                }
                for (j, r) in b.rows.iter().enumerate() {
                    let rf = format!("{f}.scheme.bands.{i}.rows.{j}");
                    pos(c, format!("{rf}.rate"), r.rate, Decimal::ONE);
                    pos(c, format!("{rf}.per_person"), r.per_person, big);
                    pos(c, format!("{rf}.aggregate"), r.aggregate, big);
                    if let Some(h) = r.high_risk_rate {
                        pos(c, format!("{rf}.high_risk_rate"), h, Decimal::ONE);
                    }
                }
            }
        }
        Scheme::LimitTiers { tiers } => {
            if tiers.is_empty() {
                c.err(
                    format!("{f}.scheme.tiers"),
                    "限额档为空".into(),
                    "no tiers".into(),
                );
            }
            for (i, t) in tiers.iter().enumerate() {
                pos(c, format!("{f}.scheme.tiers.{i}.limit"), t.limit, big);
                pos(c, format!("{f}.scheme.tiers.{i}.premium"), t.premium, big);
            }
            if tiers
                .windows(2)
                .any(|w| w[1].limit <= w[0].limit || w[1].premium < w[0].premium)
            {
                c.err(
                    format!("{f}.scheme.tiers"),
                    "限额档须递增".into(),
                    "tiers must ascend in limit and premium".into(),
                );
            }
        }
    }
}
