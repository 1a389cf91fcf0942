//! Rule data: statutes (the law, fixed by this build) and pricing packs (an insurer's or ours).
//!
//! Every value is effective-dated and cited. A [`PricingPack`] can change prices and labels, but it has
//! no field through which it could change a statutory floor or cap: those live only in [`Statutes`].
//! Both are validated when loaded ([`Statutes::validate`], [`PricingPack::validate`], in [`validate`]);
//! the engine never trusts a pack it did not check. The types are here, their reading from JSON in
//! `schema`, their checks in [`validate`]; [`Rules`] pairs checked statutes with a checked pack.

use crate::citation::{Citation, Reference};
use crate::date::Date;
use crate::domain::{
    EnvCreditGrade, EnvRiskGrade, Line, Obligation, PremiumBasis, StandardisationGrade,
};
use crate::error::Errors;
use crate::map::SortedMap;
use rust_decimal::Decimal;
use serde::Serialize;

pub mod local;
pub mod schema;
mod statutes;
pub mod validate;

/// One effective-dated value with its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dated<T> {
    /// First day in force.
    pub from: Date,
    /// First day no longer in force (repeal), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub source: Citation,
    /// True where no published figure exists and the value is our assumption.
    pub illustrative: bool,
    /// Why it is illustrative, or how it is read (English).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The same note in Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    /// Where a borrowed rule comes from (another region, the other line, an analogue).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
}

impl<T> Dated<T> {
    /// Whether this value is in force on `day`.
    pub fn in_force(&self, day: Date) -> bool {
        applies(self.from, self.until, &[], &[], day)
    }
}

/// Whether a rule in force from `from` until the day before `until`, limited to `regions` (empty:
/// nationwide), applies on `day` in the place `chain` names (a region, then the regions it sits in:
/// see [`Statutes::chain`]). The one place every dated, regional rule is tested.
pub fn applies(
    from: Date,
    until: Option<Date>,
    regions: &[String],
    chain: &[&str],
    day: Date,
) -> bool {
    from <= day
        && until.is_none_or(|u| day < u)
        && (regions.is_empty() || regions.iter().any(|r| chain.contains(&r.as_str())))
}

/// An OpenFisca-style parameter: description, unit, national values, and regional overrides.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Param<T> {
    /// What the parameter means.
    pub description: String,
    /// Unit of the value (`ratio`, `元`, `factor`...).
    pub unit: String,
    /// Values that apply everywhere unless a region overrides them.
    pub national: Vec<Dated<T>>,
    /// Per-region values, keyed by region id; they replace the national value where in force.
    pub regions: SortedMap<String, Vec<Dated<T>>>,
}

fn latest_in_force<T>(vs: &[Dated<T>], day: Date) -> Option<&Dated<T>> {
    vs.iter().filter(|v| v.in_force(day)).max_by_key(|v| v.from)
}

impl<T> Param<T> {
    /// The value in force on `day` in the place `chain` names (a region, then the regions it sits in),
    /// preferring the most local: a city's own, else its province's, else the national; within one
    /// level the latest `from` wins.
    pub fn lookup(&self, chain: &[&str], day: Date) -> Option<&Dated<T>> {
        let (national, regional) = self.both(chain, day);
        regional.or(national)
    }

    /// The national value in force and the most local regional one, separately (for floors that take
    /// the higher).
    pub fn both(&self, chain: &[&str], day: Date) -> (Option<&Dated<T>>, Option<&Dated<T>>) {
        let latest = |vs| latest_in_force(vs, day);
        (
            latest(&self.national),
            chain
                .iter()
                .find_map(|r| self.regions.get(*r).and_then(|vs| latest(vs))),
        )
    }

    /// The first day any value applies in the place `chain` names, nationally or locally: what a
    /// "nothing in force on that day" error tells the reader to pick instead (newcomer 5.6).
    pub fn first_day(&self, chain: &[&str]) -> Option<Date> {
        self.national
            .iter()
            .chain(chain.iter().filter_map(|r| self.regions.get(*r)).flatten())
            .map(|v| v.from)
            .min()
    }

    fn all_values(&self) -> impl Iterator<Item = (String, &Dated<T>)> {
        self.national
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("national.{i}"), v))
            .chain(self.regions.iter().flat_map(|(r, vs)| {
                vs.iter()
                    .enumerate()
                    .map(move |(i, v)| (format!("regions.{r}.{i}"), v))
            }))
    }
}

/// A region the rules know.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Region {
    /// Stable id, e.g. `chongqing`.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The province a prefecture-level city sits in: the city inherits its rules where it has none
    /// of its own (national rules come after both).
    pub parent: Option<String>,
}

/// A sector or 环责险 risk class, with the basis its premium is computed on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectorDef {
    /// Stable id `group.sub`, e.g. `hazardous_chemicals.production`.
    pub id: String,
    /// Line it belongs to.
    pub line: Line,
    /// Group name in Chinese, e.g. 危险化学品.
    pub group_zh: String,
    /// Group name in English.
    pub group_en: String,
    /// Subsector name in Chinese.
    pub name_zh: String,
    /// Subsector name in English.
    pub name_en: String,
    /// What its premium multiplies.
    pub basis: PremiumBasis,
    /// The subsector is itself a high-risk project (construction tables price it in their high-risk
    /// column), whatever the input's `high_risk_project` flag says.
    pub high_risk_project: bool,
}

impl SectorDef {
    /// The group part of the id (`hazardous_chemicals` for `hazardous_chemicals.production`).
    pub fn group(&self) -> &str {
        self.id.split('.').next().unwrap_or(&self.id)
    }
}

/// A rule that makes (or encourages) insurance for some sectors.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObligationRule {
    /// Line concerned.
    pub line: Line,
    /// Sector groups (`mining`) or full ids (`mining.coal`); `*` for all sectors of the line.
    pub sectors: Vec<String>,
    /// Regions where it applies; empty for nationwide.
    pub regions: Vec<String>,
    /// How strong.
    pub obligation: Obligation,
    /// What the rule says, in Chinese.
    pub text_zh: String,
    /// What the rule says, in English.
    pub text_en: String,
    /// First day in force.
    pub from: Date,
    /// First day no longer in force.
    pub until: Option<Date>,
    /// Source.
    pub source: Citation,
}

/// The penalty for not insuring when required.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Penalty {
    /// Fine range in 元 on first finding.
    #[serde(with = "rust_decimal::serde::str")]
    pub fine_min: Decimal,
    /// Upper end of the first fine.
    #[serde(with = "rust_decimal::serde::str")]
    pub fine_max: Decimal,
    /// Fine range if still not corrected after the deadline.
    #[serde(with = "rust_decimal::serde::str")]
    pub repeat_min: Decimal,
    /// Upper end of the repeat fine.
    #[serde(with = "rust_decimal::serde::str")]
    pub repeat_max: Decimal,
    /// The penalty in words, Chinese.
    pub text_zh: String,
    /// The penalty in words, English.
    pub text_en: String,
}

/// The statutory float band (费率浮动幅度) of seed 002 二(五), as amplitudes around 1.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FloatBand {
    /// Normal amplitude either way (0.40 = within 40% of the base guided rate).
    #[serde(with = "rust_decimal::serde::str")]
    pub normal: Decimal,
    /// Upward amplitude allowed after a 较大 or worse accident or fatal accidents in two consecutive years.
    #[serde(with = "rust_decimal::serde::str")]
    pub loaded_up: Decimal,
    /// Accident-free years after which the downward float may exceed `normal`.
    pub clean_years: u8,
}

/// A prevention service the insurer owes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceRule {
    /// Stable id, e.g. `hazard_inspection`.
    pub id: String,
    /// Line.
    pub line: Line,
    /// Name in Chinese.
    pub name_zh: String,
    /// Name in English.
    pub name_en: String,
    /// Minimum times per year; 0 means "provided, frequency set by contract".
    pub per_year: u32,
    /// Applies only to these size classes (empty: all).
    pub sizes: Vec<crate::domain::SizeClass>,
    /// Applies only to these risk tiers (empty: all).
    pub tiers: Vec<crate::domain::RiskTier>,
    /// Regions (empty: nationwide).
    pub regions: Vec<String>,
    /// First day in force.
    pub from: Date,
    /// First day no longer in force (its source repealed or superseded).
    pub until: Option<Date>,
    /// Source.
    pub source: Citation,
    /// True where the frequency is our assumption.
    pub illustrative: bool,
}

/// A condition on the enterprise for a guidance note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Holds only employer-liability, carrier-liability or construction group accident cover.
    OtherCover,
    /// Has a stored safety risk deposit (安全生产风险抵押金).
    RiskDeposit,
    /// Refused to rectify a major hidden hazard.
    RefusedRectification,
    /// On the joint-punishment blacklist.
    Blacklisted,
    /// Environmental credit grade 诚信.
    EnvCreditTrustworthy,
}

crate::domain::keys!(Flag {
    OtherCover = "other_cover",
    RiskDeposit = "risk_deposit",
    RefusedRectification = "refused_rectification",
    Blacklisted = "blacklisted",
    EnvCreditTrustworthy = "env_credit_trustworthy",
});

/// A duty or benefit shown with the result when its conditions hold (issue: guidance as cited rules).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuidanceRule {
    /// Stable id.
    pub id: String,
    /// Line.
    pub line: Line,
    /// Sector groups or ids (empty: all).
    pub sectors: Vec<String>,
    /// Regions (empty: nationwide).
    pub regions: Vec<String>,
    /// Shown only when the obligation is at least this strong.
    pub min_obligation: Option<Obligation>,
    /// Every flag must hold.
    pub when: Vec<Flag>,
    /// The note, Chinese.
    pub text_zh: String,
    /// The note, English.
    pub text_en: String,
    /// First day in force.
    pub from: Date,
    /// First day no longer in force.
    pub until: Option<Date>,
    /// Source.
    pub source: Citation,
}

/// The law: what no pricing pack may change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statutes {
    /// Version of the statute data.
    pub version: String,
    /// Regions.
    pub regions: Vec<Region>,
    /// Sector taxonomy of both lines.
    pub sectors: Vec<SectorDef>,
    /// Who must (or is encouraged to) insure.
    pub obligations: Vec<ObligationRule>,
    /// Penalty for a compulsory enterprise that does not insure, per line.
    pub penalty: SortedMap<Line, Param<Penalty>>,
    /// Minimum per-person death/disability limit (元), 安责险 only. The higher of national and regional applies.
    pub minimum_limit: Param<FactorValue>,
    /// Float band, per line.
    pub float_band: SortedMap<Line, Param<FloatBand>>,
    /// Minimum share of premium for the prevention fund, per line.
    pub prevention_min: SortedMap<Line, Param<FactorValue>>,
    /// Maximum share of premium spent on prevention services, per line.
    pub prevention_max: SortedMap<Line, Param<FactorValue>>,
    /// Prevention services owed.
    pub services: Vec<ServiceRule>,
    /// Duties and benefits attached to insuring.
    pub guidance: Vec<GuidanceRule>,
    /// What an insurer's 安责险 offer is checked against.
    pub offer_rules: OfferRules,
}

/// The rules an insurer's 安责险 offer is checked against (the offer check reads them; no statute
/// value of it lives in code), each a dated, cited parameter looked up through the place's chain.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfferRules {
    /// Highest intermediary commission, as a share of the premium.
    pub commission_cap: Param<FactorValue>,
    /// The policy term in years, in principle (a sector rule may set another, such as construction's
    /// project period).
    pub policy_term_years: Param<FactorValue>,
    /// Whether the services' content and frequency must be written into the contract (1 = must).
    pub services_in_contract: Param<FactorValue>,
    /// How many cover items the rules list (the offer check's list of them must match).
    pub covered_items: Param<FactorValue>,
}

/// How a base premium is computed for some sectors.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scheme {
    /// quantity (headcount, seats or vehicles) x per-person limit x rate.
    Proportional {
        /// Rate on the per-person limit, e.g. 0.001 (1‰).
        #[serde(with = "rust_decimal::serde::str")]
        rate: Decimal,
    },
    /// Tonnes x 元 per tonne.
    PerTonne {
        /// 元 per tonne of approved capacity.
        #[serde(with = "rust_decimal::serde::str")]
        yuan_per_tonne: Decimal,
    },
    /// Contract value x rate from a banded table (construction).
    ContractTable {
        /// Bands in ascending order of contract value.
        bands: Vec<ContractBand>,
        /// Multiplier for metro works (Hunan: +50%), if the table has one.
        #[serde(
            skip_serializing_if = "Option::is_none",
            with = "crate::rules::opt_dec"
        )]
        metro_factor: Option<Decimal>,
    },
    /// Premium by aggregate limit tier (环责险).
    LimitTiers {
        /// Tiers in ascending order of limit.
        tiers: Vec<LimitTier>,
    },
}

/// One contract-value band of a construction table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContractBand {
    /// The band covers contract values up to and including this (元); `None` for the top band.
    #[serde(with = "crate::rules::opt_dec")]
    pub up_to: Option<Decimal>,
    /// Rows by cover.
    pub rows: Vec<ContractRow>,
}

/// One row of a construction table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContractRow {
    /// Per-person death/disability cover the row prices (元).
    #[serde(with = "rust_decimal::serde::str")]
    pub per_person: Decimal,
    /// Aggregate limit the row prices (元).
    #[serde(with = "rust_decimal::serde::str")]
    pub aggregate: Decimal,
    /// Rate on contract value for ordinary projects (e.g. 0.00145 for 1.45‰).
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    /// Rate for high-risk projects, if the table distinguishes them.
    #[serde(with = "crate::rules::opt_dec")]
    pub high_risk_rate: Option<Decimal>,
}

/// One 环责险 limit tier.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LimitTier {
    /// Aggregate limit (元).
    #[serde(with = "rust_decimal::serde::str")]
    pub limit: Decimal,
    /// Annual base premium (元).
    #[serde(with = "rust_decimal::serde::str")]
    pub premium: Decimal,
}

/// Base rating for a set of sectors.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RateEntry {
    /// Sector ids or groups this entry prices.
    pub sectors: Vec<String>,
    /// How.
    pub scheme: Scheme,
    /// Sector differential (差别费率) per sector id; missing ids use 1.
    pub sector_factors: SortedMap<String, FactorValue>,
    /// Where this entry's figures come from when they are another place's (a table borrowed for
    /// construction from Hunan, for coal from Hubei); said beside the figure instead of the table's
    /// general label, so a hazardous-chemicals quote does not read "construction: reference Hunan"
    /// (newcomer review 1.16).
    pub reference: Option<Reference>,
}

/// A decimal (factor, ratio or amount) carried as a JSON string only: a JSON number would pass through
/// `f64` on its way in, so it is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct FactorValue(#[serde(with = "rust_decimal::serde::str")] pub Decimal);

/// Keyed multiplicative factors (e.g. `{"grade1": "0.90", ...}`).
pub type FactorTable = SortedMap<String, FactorValue>;

/// One loss-ratio band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LossRatioBand {
    /// Applies to loss ratios below this; `None` for the top band.
    #[serde(with = "crate::rules::opt_dec")]
    pub below: Option<Decimal>,
    /// Factor.
    #[serde(with = "rust_decimal::serde::str")]
    pub factor: Decimal,
}

/// Pack identity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PackMeta {
    /// Stable id, e.g. `baofei-reference`.
    pub id: String,
    /// Version.
    pub version: String,
    /// Name in Chinese.
    pub name_zh: String,
    /// Name in English.
    pub name_en: String,
}

/// Pricing: what an insurer may change. Nothing here can lower a statutory floor or widen a cap.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PricingPack {
    /// Identity.
    pub meta: PackMeta,
    /// Base rates: each dated value is a list of entries; a region's list replaces the national one.
    pub rates: SortedMap<Line, Param<Vec<RateEntry>>>,
    /// 分级费率 by enterprise size.
    pub size_factors: Param<FactorTable>,
    /// 分级费率 by environmental risk grade (环责险).
    pub env_risk_factors: Param<FactorTable>,
    /// Float by the worst accident grade of the last year (`none` when there was none).
    pub accident_factors: Param<FactorTable>,
    /// Float by deaths last year (`0`, `1`, `2`, `3+`).
    pub death_factors: Param<FactorTable>,
    /// Float when fatal accidents happened in two consecutive years (`yes`/`no`).
    pub consecutive_fatal_factors: Param<FactorTable>,
    /// Float by 安全生产标准化 grade.
    pub standardisation_factors: Param<FactorTable>,
    /// Float by consecutive accident-free years (`0`..`3`).
    pub claim_free_factors: Param<FactorTable>,
    /// Float when on the joint-punishment blacklist (`yes`/`no`).
    pub blacklist_factors: Param<FactorTable>,
    /// Float when a major hidden hazard was not rectified (`yes`/`no`).
    pub refused_rectification_factors: Param<FactorTable>,
    /// Float by environmental credit grade (环责险).
    pub env_credit_factors: Param<FactorTable>,
    /// Float by last policy year's loss ratio.
    pub loss_ratio_factors: Param<Vec<LossRatioBand>>,
    /// Lowest float factor after the clean-years condition (the seed sets none; must be in (0, 1 - normal]).
    pub clean_floor: Param<FactorValue>,
}

impl PricingPack {
    /// The keyed factor tables (tier and float) with their names in the pack's JSON, in the pack's order:
    /// what `illustrative_tables` and `baofei pack check` walk. (`validate` walks them in its own order,
    /// with each table's keys.)
    pub fn factor_tables(&self) -> [(&'static str, &Param<FactorTable>); 10] {
        [
            ("size_factors", &self.size_factors),
            ("env_risk_factors", &self.env_risk_factors),
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
        ]
    }

    /// Where this pack still holds illustrative values (no published figure: this tool's or the
    /// insurer's assumption), as paths in the pack's JSON (`size_factors.national`,
    /// `rates.work_safety.regions.hunan`), in the pack's order: a quote that uses one of them says it
    /// is illustrative. `baofei pack check` and `validatePack` list them (issue 30 M8), so an insurer
    /// sees which tables to replace with its filed figures before its quotes stop saying so.
    pub fn illustrative_tables(&self) -> Vec<String> {
        fn scan<T>(name: &str, p: &Param<T>, out: &mut Vec<String>) {
            if p.national.iter().any(|d| d.illustrative) {
                out.push(format!("{name}.national"));
            }
            for (region, values) in p.regions.iter() {
                if values.iter().any(|d| d.illustrative) {
                    out.push(format!("{name}.regions.{region}"));
                }
            }
        }
        let mut out = Vec::new();
        for (line, p) in self.rates.iter() {
            scan(&format!("rates.{}", line.key()), p, &mut out);
        }
        for (name, p) in self.factor_tables() {
            scan(name, p, &mut out);
        }
        scan("loss_ratio_factors", &self.loss_ratio_factors, &mut out);
        scan("clean_floor", &self.clean_floor, &mut out);
        out
    }
}

pub(crate) mod opt_dec {
    //! `Option<Decimal>` as an optional string.
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }
}

/// Keys each factor table must have, in the order that must never get cheaper as things get worse.
pub const ORDERED_KEYS: &[(&str, &[&str])] = &[
    (
        "accident_factors",
        &[
            "none",
            "ordinary",
            "larger",
            "serious",
            "especially_serious",
        ],
    ),
    ("death_factors", &["0", "1", "2", "3+"]),
    ("consecutive_fatal_factors", &["no", "yes"]),
    ("standardisation_factors", &StandardisationGrade::KEYS),
    ("claim_free_factors", &["3", "2", "1", "0"]),
    ("blacklist_factors", &["no", "yes"]),
    ("refused_rectification_factors", &["no", "yes"]),
    ("env_credit_factors", &EnvCreditGrade::KEYS),
    ("env_risk_factors", &EnvRiskGrade::KEYS),
];

/// Keys of the size table (no order imposed).
pub const SIZE_KEYS: &[&str] = &["large", "medium", "small", "micro"];

/// Largest factor a pack may use anywhere: keeps absurd packs out and arithmetic far from overflow.
pub const MAX_FACTOR: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

impl Statutes {
    /// The sector with this id.
    pub fn sector(&self, id: &str) -> Option<&SectorDef> {
        self.sectors.iter().find(|s| s.id == id)
    }
}

/// Whether a sector list (`*`, groups or ids) names this sector.
pub fn names_sector(list: &[String], s: &SectorDef) -> bool {
    list.iter()
        .any(|x| x == "*" || x == &s.id || x == s.group())
}

/// Validated statutes and a validated pricing pack, ready to quote with.
#[derive(Clone, Debug)]
pub struct Rules {
    statutes: Statutes,
    pack: PricingPack,
}

impl Rules {
    /// Validates both and pairs them. This is the only way to build `Rules`, so the engine only ever
    /// sees checked data.
    pub fn new(statutes: Statutes, pack: PricingPack) -> Result<Rules, Errors> {
        statutes.validate()?;
        pack.validate(&statutes)?;
        Ok(Rules { statutes, pack })
    }
    /// Rules that already passed [`Rules::new`] when this program was built: baofei-rules' build
    /// script validates the shipped statutes and reference pack, so the browser need not carry the
    /// statutes' checks or repeat them at start-up. Anything read at run time (an insurer's pack) must
    /// go through [`Rules::new`] or [`Rules::with_pack`].
    pub fn validated_at_build(statutes: Statutes, pack: PricingPack) -> Rules {
        Rules { statutes, pack }
    }
    /// The statutes.
    pub fn statutes(&self) -> &Statutes {
        &self.statutes
    }
    /// The pricing pack.
    pub fn pack(&self) -> &PricingPack {
        &self.pack
    }
    /// The same statutes with another pricing pack (an insurer's), validated.
    pub fn with_pack(&self, pack: PricingPack) -> Result<Rules, Errors> {
        pack.validate(&self.statutes)?;
        Ok(Rules {
            statutes: self.statutes.clone(),
            pack,
        })
    }
}
