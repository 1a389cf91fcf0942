//! The quote pipeline: validate, classify, price, float within the law's band, round, explain.
//!
//! Order of steps (each one a trace entry):
//!
//! 1. obligation and penalty;
//! 2. minimum limit;
//! 3. base premium from the pack's scheme;
//! 4. sector differential;
//! 5. tier (size, or environmental risk grade);
//! 6. floating factors, multiplied, then clamped into the statutory band;
//! 7. rounding to the fen;
//! 8. prevention fund and services.

use crate::assess::RiskTier;
use crate::citation::Citation;
use crate::domain::{AccidentGrade, Line, Obligation, PremiumBasis};
use crate::error::{quoted, ErrorCode, Errors, FieldError};
use crate::input::{Enterprise, QuoteInput};
use crate::money::{fmt_factor, round_fen};
use crate::quote::{Band, Limits, Message, ObligationResult, Prevention, Quote, Service, Step};
use crate::rules::{
    applies, names_sector, Dated, FactorTable, FactorValue, Param, PricingPack, RateEntry, Scheme,
    SectorDef, Statutes,
};
use rust_decimal::Decimal;

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

/// Engine version stamped on every quote.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

fn err(field: &str, code: ErrorCode, zh: impl Into<String>, en: impl Into<String>) -> Errors {
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

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Errors> {
    a.checked_mul(b).ok_or_else(overflow)
}

/// Records a trace step. The parameter and value strings are only built when the caller asked for a
/// trace (batch quoting does not), but the illustrative flag is always accumulated.
macro_rules! step {
    ($cx:expr, $id:expr, $zh:expr, $en:expr, $param:expr, $value:expr, $src:expr, $ill:expr, $note:expr $(,)?) => {{
        let illustrative: bool = $ill;
        $cx.illustrative |= illustrative;
        if $cx.tracing {
            $cx.step($id, $zh, $en, $param, $value, $src, illustrative, $note);
        }
    }};
}

struct Ctx<'a> {
    e: &'a Enterprise,
    tracing: bool,
    trace: Vec<Step>,
    warnings: Vec<Message>,
    assumptions: Vec<Message>,
    illustrative: bool,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments)]
    fn step(
        &mut self,
        id: &str,
        zh: &str,
        en: &str,
        parameter: String,
        value: String,
        source: Option<&Citation>,
        illustrative: bool,
        note: Option<&String>,
    ) {
        self.trace.push(Step {
            id: id.into(),
            label_zh: zh.into(),
            label_en: en.into(),
            parameter,
            value,
            source: source.cloned(),
            illustrative,
            note: note.cloned(),
        });
    }
    fn lookup<'p, T>(&self, p: &'p Param<T>, field: &str) -> Result<&'p Dated<T>, Errors> {
        p.lookup(&self.e.region, self.e.as_of).ok_or_else(|| {
            err(
                "as_of",
                ErrorCode::NoRuleInForce,
                format!("{} 在该日期无有效规则", self.e.as_of),
                format!(
                    "no rule for {field} is in force on {} in this region",
                    self.e.as_of
                ),
            )
        })
    }
    /// Looks up `key` in a factor table, records the step and returns the factor.
    fn factor(
        &mut self,
        id: &str,
        zh: &str,
        en: &str,
        table: &str,
        p: &Param<FactorTable>,
        key: &str,
    ) -> Result<Decimal, Errors> {
        let d = self.lookup(p, table)?;
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
            format!("{table}[{key}] = {}", fmt_factor(f)),
            fmt_factor(f),
            Some(&d.source),
            d.illustrative,
            d.note.as_ref(),
        );
        Ok(f)
    }
}

/// Quotes one enterprise.
pub fn quote(rules: &Rules, input: &QuoteInput) -> Result<Quote, Errors> {
    let e = input.validate()?;
    quote_enterprise(rules, &e)
}

/// Quotes one enterprise for batch use: every figure, flag and warning of [`quote`], but no trace,
/// guidance notes, next steps, legal-basis texts, service list or source list (none of which a batch
/// row shows), at a fraction of the cost. A property test checks the figures are the same.
pub fn quote_brief(rules: &Rules, input: &QuoteInput) -> Result<Quote, Errors> {
    price(rules, &input.validate()?, false)
}

/// Quotes an already validated enterprise: the price, then the guidance notes that apply and the next
/// steps, each priced by running the engine again on the improved enterprise.
pub fn quote_enterprise(rules: &Rules, e: &Enterprise) -> Result<Quote, Errors> {
    let mut q = price(rules, e, true)?;
    q.notes = crate::guidance::notes(&rules.statutes, e, q.obligation.level);
    q.next_steps = crate::guidance::next_steps(rules, e, &q)?;
    Ok(q)
}

/// The price and its trace, without notes or next steps (what trying an improvement needs).
/// With `tracing` false no trace is built (the premium and every other field are the same).
pub(crate) fn price(rules: &Rules, e: &Enterprise, tracing: bool) -> Result<Quote, Errors> {
    let st = &rules.statutes;
    let pack = &rules.pack;
    if !st.regions.iter().any(|r| r.id == e.region) {
        let known: Vec<&str> = st.regions.iter().map(|r| r.id.as_str()).collect();
        return Err(err(
            "region",
            ErrorCode::Unknown,
            format!("未知地区 {}", e.region),
            format!(
                "unknown region {}; known: {}",
                quoted(&e.region),
                known.join(", ")
            ),
        ));
    }
    let sector = st.sector(&e.sector).ok_or_else(|| {
        err(
            "sector",
            ErrorCode::Unknown,
            format!("未知行业 {}", e.sector),
            format!("unknown sector {}", quoted(&e.sector)),
        )
    })?;
    if sector.line != e.line {
        return Err(err(
            "sector",
            ErrorCode::Unsupported,
            "该行业不属于所选险种",
            "this sector belongs to the other insurance line",
        ));
    }
    let mut cx = Ctx {
        e,
        tracing,
        trace: Vec::new(),
        warnings: Vec::new(),
        assumptions: Vec::new(),
        illustrative: false,
    };

    // 3. Base premium: a region's entries override the national ones for the sectors they name.
    let rates_param = pack.rates.get(&e.line).ok_or_else(|| {
        err(
            "line",
            ErrorCode::NoRuleInForce,
            "该险种无费率",
            "the pack has no rates for this line",
        )
    })?;
    let (nat, reg) = rates_param.both(&e.region, e.as_of);
    let (rates, entry) = reg
        .and_then(|d| pick_entry(&d.value, sector).map(|en| (d, en)))
        .or_else(|| nat.and_then(|d| pick_entry(&d.value, sector).map(|en| (d, en))))
        .ok_or_else(|| {
            if nat.is_none() && reg.is_none() {
                err(
                    "as_of",
                    ErrorCode::NoRuleInForce,
                    format!("{} 无有效费率", e.as_of),
                    format!("no rates are in force on {} in this region", e.as_of),
                )
            } else {
                err(
                    "sector",
                    ErrorCode::NoRuleInForce,
                    "该行业在费率包中无费率",
                    "the pricing pack has no rate for this sector",
                )
            }
        })?;
    let (rates_src, rates_ill, rates_note) =
        (rates.source.clone(), rates.illustrative, rates.note.clone());
    let obligation = obligation(st, e, sector, &mut cx)?;
    let limits = limits(st, e, sector, &mut cx)?;
    let base = base_premium(
        &mut cx,
        entry,
        sector,
        &limits,
        &rates_src,
        rates_ill,
        rates_note.as_ref(),
    )?;

    // 4. Sector differential.
    let sf = entry
        .sector_factors
        .get(&sector.id)
        .or_else(|| entry.sector_factors.get(sector.group()))
        .map(|v| v.0)
        .unwrap_or(Decimal::ONE);
    step!(
        cx,
        "sector_factor",
        "差别费率(行业)",
        "sector differential",
        format!("sector_factors[{}] = {}", sector.id, fmt_factor(sf)),
        fmt_factor(sf),
        Some(&rates_src),
        rates_ill,
        None,
    );

    // 5. Tier.
    let tier = match e.line {
        Line::WorkSafety => {
            let (size, derived) = e.size_class;
            if derived {
                cx.assumptions.push(msg(
                    "size_from_employees",
                    format!("未填写企业规模，按从业人员数 {} 人推定为 {}", e.employees, size.key()),
                    format!("size class not given; assumed {} from {} employees (1000/300/20 thresholds)", size.key(), e.employees),
                ));
            }
            cx.factor(
                "tier_factor",
                "分级费率(企业规模)",
                "tier factor (size)",
                "size_factors",
                &pack.size_factors,
                size.key(),
            )?
        }
        Line::Environmental => {
            let g = e.env_risk_grade.ok_or_else(|| {
                err(
                    "env_risk_grade",
                    ErrorCode::Missing,
                    "请填写环境风险等级",
                    "env_risk_grade is required",
                )
            })?;
            cx.factor(
                "tier_factor",
                "分级费率(环境风险等级)",
                "tier factor (environmental risk grade)",
                "env_risk_factors",
                &pack.env_risk_factors,
                g.key(),
            )?
        }
    };
    let guided = mul(mul(base, sf)?, tier)?;
    step!(
        cx,
        "guided_premium",
        "基准保费(浮动前)",
        "guided premium (before float)",
        "base × sector × tier".into(),
        round_fen(guided).to_string(),
        None,
        false,
        None,
    );

    // 6. Float.
    let raw = float_raw(&mut cx, pack)?;
    let band = band(st, pack, e, raw, &mut cx)?;
    step!(
        cx,
        "float_factor",
        "浮动系数(限幅后)",
        "floating factor (clamped to band)",
        format!(
            "clamp({}, {}, {})",
            fmt_factor(raw),
            fmt_factor(band.low),
            fmt_factor(band.high)
        ),
        fmt_factor(band.factor),
        Some(&band.source),
        band.illustrative,
        None,
    );

    // 7. Round once, at the end, to the fen.
    let premium = round_fen(mul(guided, band.factor)?);
    let premium_low = round_fen(mul(guided, band.low)?);
    let premium_high = round_fen(mul(guided, band.high)?);
    step!(
        cx,
        "premium",
        "保费(四舍五入到分)",
        "premium (rounded half away from zero to the fen)",
        "guided × float".into(),
        premium.to_string(),
        None,
        false,
        None,
    );

    // 8. Prevention.
    let risk_tier = crate::assess::risk_tier(e, &band);
    step!(
        cx,
        "risk_tier",
        "风险分级(高/中/低)",
        "risk tier (high/medium/low)",
        "high: loaded band, blacklist or unrectified major hazard; low: 3 clean years and good grade".into(),
        risk_tier.key().into(),
        Some(&crate::assess::tiering_citation()),
        true,
        Some(&"The 2024 notice requires tiering but sets no criteria; these are ours.".to_string()),
    );
    let prevention = prevention(st, e, premium, risk_tier, &mut cx)?;
    warnings(st, e, &limits, &band, &mut cx);

    Ok(Quote {
        engine_version: ENGINE_VERSION.into(),
        statutes_version: st.version.clone(),
        pack: format!("{}@{}", pack.meta.id, pack.meta.version),
        as_of: e.as_of,
        region: e.region.clone(),
        line: e.line,
        sector: sector.id.clone(),
        obligation,
        limits,
        guided_premium: round_fen(guided),
        premium,
        premium_low,
        premium_high,
        band,
        prevention,
        risk_tier,
        illustrative: cx.illustrative,
        notes: Vec::new(),
        next_steps: Vec::new(),
        trace: cx.trace,
        warnings: cx.warnings,
        assumptions: cx.assumptions,
    })
}

fn msg(code: &str, zh: impl Into<String>, en: impl Into<String>) -> Message {
    Message {
        code: code.into(),
        zh: zh.into(),
        en: en.into(),
        source: None,
    }
}

/// Compulsory status of a sector in a region on a date, with the rules behind it and the penalty.
pub fn obligation_of(
    st: &Statutes,
    region: &str,
    sector: &SectorDef,
    as_of: crate::Date,
) -> ObligationResult {
    obligation_with(st, region, sector, as_of, true)
}

/// The same; without `detail` only the level (no texts, so no allocations: batch quoting).
fn obligation_with(
    st: &Statutes,
    region: &str,
    sector: &SectorDef,
    as_of: crate::Date,
    detail: bool,
) -> ObligationResult {
    let mut rules: Vec<_> = st
        .obligations
        .iter()
        .filter(|o| o.line == sector.line && names_sector(&o.sectors, sector))
        .filter(|o| applies(o.from, o.until, &o.regions, region, as_of))
        .collect();
    // Strongest obligation first, then the most recent rule.
    crate::sort::sort_small_by(&mut rules, |a, b| {
        (a.obligation, a.from) > (b.obligation, b.from)
    });
    let level = rules
        .first()
        .map(|o| o.obligation)
        .unwrap_or(Obligation::Encouraged);
    // Only the rules at the level that applies: an "encouraged" line beside "compulsory" misleads.
    if !detail {
        return ObligationResult {
            level,
            basis: Vec::new(),
            penalty: None,
        };
    }
    let basis = rules
        .iter()
        .filter(|o| o.obligation == level)
        .map(|o| Message {
            code: o.obligation.key().to_owned(),
            zh: o.text_zh.clone(),
            en: o.text_en.clone(),
            source: Some(o.source.clone()),
        })
        .collect();
    let penalty = if level == Obligation::Compulsory {
        st.penalty
            .get(&sector.line)
            .and_then(|p| p.lookup(region, as_of))
            .map(|d| Message {
                code: "penalty".into(),
                zh: d.value.text_zh.clone(),
                en: d.value.text_en.clone(),
                source: Some(d.source.clone()),
            })
    } else {
        None
    };
    ObligationResult {
        level,
        basis,
        penalty,
    }
}

fn obligation(
    st: &Statutes,
    e: &Enterprise,
    sector: &SectorDef,
    cx: &mut Ctx<'_>,
) -> Result<ObligationResult, Errors> {
    let res = obligation_with(st, &e.region, sector, e.as_of, cx.tracing);
    let top = res.basis.first();
    step!(
        cx,
        "obligation",
        "是否强制投保",
        "compulsory status",
        top.map(|o| o.en.clone())
            .unwrap_or_else(|| "no rule names this sector".into()),
        res.level.key().to_owned(),
        top.and_then(|o| o.source.as_ref()),
        false,
        None,
    );
    Ok(res)
}

fn limits(
    st: &Statutes,
    e: &Enterprise,
    sector: &SectorDef,
    cx: &mut Ctx<'_>,
) -> Result<Limits, Errors> {
    let (min, min_src) = if e.line == Line::WorkSafety {
        // The higher of the national floor and the region's own: a region may raise, never lower it.
        let (nat, reg) = st.minimum_limit.both(&e.region, e.as_of);
        let pick = match (nat, reg) {
            (Some(n), Some(r)) if r.value > n.value => Some(r),
            (Some(n), _) => Some(n),
            (None, r) => r,
        };
        if let Some(d) = pick {
            step!(
                cx,
                "minimum_limit",
                "最低每人死亡伤残限额",
                "statutory minimum per-person limit",
                format!("max(national, region) on {}", e.as_of),
                d.value.0.to_string(),
                Some(&d.source),
                d.illustrative,
                d.note.as_ref(),
            );
        }
        (pick.map(|d| d.value.0), pick.map(|d| d.source.clone()))
    } else {
        (None, None)
    };
    let needs_pp = matches!(
        sector.basis,
        PremiumBasis::Headcount
            | PremiumBasis::Seats
            | PremiumBasis::Vehicles
            | PremiumBasis::ContractValue
    );
    let per_person = match (e.per_person_limit, min) {
        (Some(p), _) => Some(p),
        (None, Some(m)) => {
            cx.assumptions.push(msg(
                "per_person_default",
                format!("每人限额未填写，按法定最低 {} 元计", m),
                format!("per-person limit not given; the legal minimum {m} 元 is used"),
            ));
            Some(m)
        }
        (None, None) if needs_pp => {
            return Err(err(
                "per_person_limit",
                ErrorCode::Missing,
                "该日期无法定最低限额，请填写每人限额",
                "no statutory minimum on this date: per_person_limit is required",
            ));
        }
        (None, None) => None,
    };
    let below = matches!((per_person, min), (Some(p), Some(m)) if p < m);
    let aggregate = match (e.aggregate_limit, sector.basis, per_person) {
        (Some(a), _, _) => Some(a),
        (None, PremiumBasis::Headcount, Some(p)) => {
            let a = mul(p, Decimal::from(e.employees))?;
            cx.assumptions.push(msg(
                "aggregate_default",
                format!("累计限额未填写，按每人限额 × 从业人员数 = {a} 元计"),
                format!("aggregate limit not given; per-person limit × employees = {a} 元 is used"),
            ));
            Some(a)
        }
        _ => None,
    };
    Ok(Limits {
        minimum_per_person: min,
        minimum_source: min_src,
        per_person,
        aggregate,
        below_minimum: below,
    })
}

/// The most specific entry naming the sector: its full id, then its group, then `*`.
fn pick_entry<'a>(entries: &'a [RateEntry], s: &SectorDef) -> Option<&'a RateEntry> {
    let by = |k: &str| entries.iter().find(|en| en.sectors.iter().any(|x| x == k));
    by(&s.id).or_else(|| by(s.group())).or_else(|| by("*"))
}

fn need<T>(v: Option<T>, field: &str, zh: &str) -> Result<T, Errors> {
    v.ok_or_else(|| {
        err(
            field,
            ErrorCode::Missing,
            format!("该行业按{zh}计费，请填写"),
            format!("{field} is required for this sector's premium basis"),
        )
    })
}

fn base_premium(
    cx: &mut Ctx<'_>,
    entry: &RateEntry,
    sector: &SectorDef,
    limits: &Limits,
    src: &Citation,
    ill: bool,
    note: Option<&String>,
) -> Result<Decimal, Errors> {
    let e = cx.e;
    match &entry.scheme {
        Scheme::Proportional { rate } => {
            let (qty, what) = match sector.basis {
                PremiumBasis::Headcount => (e.employees, "employees"),
                PremiumBasis::Seats => (need(e.seats, "seats", "座位数")?, "seats"),
                PremiumBasis::Vehicles => (need(e.vehicles, "vehicles", "车辆数")?, "vehicles"),
                _ => {
                    return Err(err(
                        "sector",
                        ErrorCode::InvalidPack,
                        "费率方案与计费基础不符",
                        "scheme does not fit the sector's premium basis",
                    ))
                }
            };
            if qty == 0 {
                return Err(err(
                    what,
                    ErrorCode::TooSmall,
                    "数量须大于 0",
                    format!("{what} must be greater than 0"),
                ));
            }
            let pp = need(limits.per_person, "per_person_limit", "每人限额")?;
            let base = mul(mul(Decimal::from(qty), pp)?, *rate)?;
            step!(
                cx,
                "base_premium",
                "基准保费 = 数量 × 每人限额 × 基准费率",
                "base premium = quantity × per-person limit × base rate",
                format!("{qty} {what} × {pp} × {}", fmt_factor(*rate)),
                round_fen(base).to_string(),
                Some(src),
                ill,
                note,
            );
            Ok(base)
        }
        Scheme::PerTonne { yuan_per_tonne } => {
            let t = need(e.tonnage, "tonnage", "核定产能(吨)")?;
            let base = mul(t, *yuan_per_tonne)?;
            step!(
                cx,
                "base_premium",
                "基准保费 = 核定产能 × 每吨费率",
                "base premium = approved tonnes × 元 per tonne",
                format!("{t} t × {yuan_per_tonne} 元/t"),
                round_fen(base).to_string(),
                Some(src),
                ill,
                note,
            );
            Ok(base)
        }
        Scheme::ContractTable {
            bands,
            metro_factor,
        } => {
            let v = need(e.contract_value, "contract_value", "工程造价")?;
            if v.is_zero() {
                return Err(err(
                    "contract_value",
                    ErrorCode::TooSmall,
                    "工程造价须大于 0",
                    "contract_value must be greater than 0",
                ));
            }
            let (bi, band) = bands
                .iter()
                .enumerate()
                .find(|(_, b)| b.up_to.is_none_or(|u| v <= u))
                .ok_or_else(|| {
                    err(
                        "contract_value",
                        ErrorCode::TooLarge,
                        "工程造价超出费率表范围",
                        "contract value above the table's top band",
                    )
                })?;
            let pp = need(limits.per_person, "per_person_limit", "每人限额")?;
            let agg = limits.aggregate;
            let row = band
                .rows
                .iter()
                .filter(|r| r.per_person >= pp && agg.is_none_or(|a| r.aggregate >= a))
                .min_by(|a, b| {
                    a.per_person
                        .cmp(&b.per_person)
                        .then(a.aggregate.cmp(&b.aggregate))
                })
                .ok_or_else(|| {
                    err(
                        "per_person_limit",
                        ErrorCode::TooLarge,
                        "所选限额高于费率表最高档",
                        "chosen limits exceed the table's highest row",
                    )
                })?;
            if row.per_person != pp || agg.is_some_and(|a| a != row.aggregate) {
                cx.assumptions.push(msg(
                    "table_row",
                    format!(
                        "费率表按每人 {} 元、累计 {} 元一档计价",
                        row.per_person, row.aggregate
                    ),
                    format!(
                        "the table prices the row of {} 元 per person and {} 元 aggregate",
                        row.per_person, row.aggregate
                    ),
                ));
            }
            let mut rate = row.rate;
            let mut col = "ordinary";
            if e.high_risk_project || sector.high_risk_project {
                match row.high_risk_rate {
                    Some(h) => {
                        rate = h;
                        col = "high_risk";
                    }
                    None => cx.warnings.push(msg(
                        "no_high_risk_column",
                        "该费率表不区分高风险工程",
                        "this table has no separate rate for high-risk projects",
                    )),
                }
            }
            let mut base = mul(v, rate)?;
            step!(
                cx,
                "base_premium",
                "基准保费 = 工程造价 × 费率",
                "base premium = contract value × rate",
                format!(
                    "band {bi} (≤ {}), row {} / {} 元, column {col}: {v} × {}‰",
                    band.up_to
                        .map(|u| u.to_string())
                        .unwrap_or_else(|| "∞".into()),
                    row.per_person,
                    row.aggregate,
                    fmt_factor(rate * Decimal::from(1000))
                ),
                round_fen(base).to_string(),
                Some(src),
                ill,
                note,
            );
            if e.metro {
                if let Some(m) = metro_factor {
                    base = mul(base, *m)?;
                    step!(
                        cx,
                        "metro_factor",
                        "地铁工程上浮",
                        "metro works loading",
                        format!("metro_factor = {}", fmt_factor(*m)),
                        round_fen(base).to_string(),
                        Some(src),
                        ill,
                        None,
                    );
                }
            }
            Ok(base)
        }
        Scheme::LimitTiers { tiers } => {
            let first = tiers
                .first()
                .ok_or_else(|| err("rates", ErrorCode::InvalidPack, "限额档为空", "no tiers"))?;
            let agg = match limits.aggregate {
                Some(a) => a,
                None => {
                    cx.assumptions.push(msg(
                        "aggregate_default",
                        format!("累计限额未填写，按最低档 {} 元计", first.limit),
                        format!(
                            "aggregate limit not given; the lowest tier {} 元 is used",
                            first.limit
                        ),
                    ));
                    first.limit
                }
            };
            let t = tiers.iter().find(|t| t.limit >= agg).ok_or_else(|| {
                err(
                    "aggregate_limit",
                    ErrorCode::TooLarge,
                    "累计限额高于费率表最高档",
                    "aggregate limit above the table's highest tier",
                )
            })?;
            step!(
                cx,
                "base_premium",
                "基准保费(按累计限额档)",
                "base premium (by aggregate limit tier)",
                format!("tier ≥ {agg}: limit {} → {} 元", t.limit, t.premium),
                round_fen(t.premium).to_string(),
                Some(src),
                ill,
                note,
            );
            Ok(t.premium)
        }
    }
}

fn float_raw(cx: &mut Ctx<'_>, pack: &PricingPack) -> Result<Decimal, Errors> {
    let e = cx.e;
    let last = &e.history[0];
    let mut f = Decimal::ONE;
    let worst = last.worst().map(AccidentGrade::key).unwrap_or("none");
    f = mul(
        f,
        cx.factor(
            "float.accident",
            "上年度事故等级",
            "worst accident grade last year",
            "accident_factors",
            &pack.accident_factors,
            worst,
        )?,
    )?;
    let deaths = match last.deaths {
        0 => "0",
        1 => "1",
        2 => "2",
        _ => "3+",
    };
    f = mul(
        f,
        cx.factor(
            "float.deaths",
            "上年度死亡人数",
            "deaths last year",
            "death_factors",
            &pack.death_factors,
            deaths,
        )?,
    )?;
    let consecutive = if consecutive_fatal(e) { "yes" } else { "no" };
    f = mul(
        f,
        cx.factor(
            "float.consecutive_fatal",
            "连续2年发生亡人事故",
            "fatal accidents in two consecutive years",
            "consecutive_fatal_factors",
            &pack.consecutive_fatal_factors,
            consecutive,
        )?,
    )?;
    let clean = e.history.iter().take_while(|y| !y.any()).count();
    f = mul(
        f,
        cx.factor(
            "float.claim_free",
            "连续无事故年数",
            "consecutive accident-free years",
            "claim_free_factors",
            &pack.claim_free_factors,
            &clean.to_string(),
        )?,
    )?;
    if e.line == Line::WorkSafety {
        f = mul(
            f,
            cx.factor(
                "float.standardisation",
                "安全生产标准化等级",
                "safety standardisation grade",
                "standardisation_factors",
                &pack.standardisation_factors,
                e.standardisation.key(),
            )?,
        )?;
    }
    let yn = |b: bool| if b { "yes" } else { "no" };
    f = mul(
        f,
        cx.factor(
            "float.blacklist",
            "失信联合惩戒黑名单",
            "joint-punishment blacklist",
            "blacklist_factors",
            &pack.blacklist_factors,
            yn(e.blacklisted),
        )?,
    )?;
    f = mul(
        f,
        cx.factor(
            "float.refused_rectification",
            "重大隐患拒不整改",
            "refused to rectify a major hazard",
            "refused_rectification_factors",
            &pack.refused_rectification_factors,
            yn(e.refused_rectification),
        )?,
    )?;
    if let Some(lr) = e.loss_ratio {
        let d = cx.lookup(&pack.loss_ratio_factors, "loss_ratio_factors")?;
        let b = d
            .value
            .iter()
            .find(|b| b.below.is_none_or(|x| lr < x))
            .ok_or_else(|| {
                err(
                    "loss_ratio",
                    ErrorCode::InvalidPack,
                    "赔付率分档不全",
                    "loss-ratio bands do not cover this value",
                )
            })?;
        let (src, ill, note, factor, below) = (
            d.source.clone(),
            d.illustrative,
            d.note.clone(),
            b.factor,
            b.below,
        );
        step!(
            cx,
            "float.loss_ratio",
            "上年度赔付率",
            "loss ratio last policy year",
            format!(
                "loss ratio {lr} < {} → {}",
                below.map(|x| x.to_string()).unwrap_or_else(|| "∞".into()),
                fmt_factor(factor)
            ),
            fmt_factor(factor),
            Some(&src),
            ill,
            note.as_ref(),
        );
        f = mul(f, factor)?;
    }
    if e.line == Line::Environmental {
        let g = e.env_credit_grade.ok_or_else(|| {
            err(
                "env_credit_grade",
                ErrorCode::Missing,
                "请填写环境信用等级",
                "env_credit_grade is required",
            )
        })?;
        f = mul(
            f,
            cx.factor(
                "float.env_credit",
                "企业环境信用等级",
                "environmental credit grade",
                "env_credit_factors",
                &pack.env_credit_factors,
                g.key(),
            )?,
        )?;
    }
    step!(
        cx,
        "float_raw",
        "浮动系数(限幅前)",
        "floating factor (before the band)",
        "product of the factors above".into(),
        fmt_factor(f),
        None,
        false,
        None,
    );
    Ok(f)
}

/// Fatal accidents in two consecutive years of the three-year history.
pub fn consecutive_fatal(e: &Enterprise) -> bool {
    e.history
        .windows(2)
        .any(|w| w[0].deaths > 0 && w[1].deaths > 0)
}

/// Whether the history triggers the widened upward band: a 较大 or worse accident in any of the three
/// years, or fatal accidents in two consecutive years (seed 002 二(五)).
pub fn loaded(e: &Enterprise) -> bool {
    e.history
        .iter()
        .any(|y| y.worst().is_some_and(|g| g >= AccidentGrade::Larger))
        || consecutive_fatal(e)
}

fn band(
    st: &Statutes,
    pack: &PricingPack,
    e: &Enterprise,
    raw: Decimal,
    cx: &mut Ctx<'_>,
) -> Result<Band, Errors> {
    let p = st.float_band.get(&e.line).ok_or_else(|| {
        err(
            "line",
            ErrorCode::NoRuleInForce,
            "无浮动幅度规则",
            "no float band for this line",
        )
    })?;
    let d = cx.lookup(p, "float_band")?;
    let b = &d.value;
    let clean = e.history.iter().all(|y| !y.any()) && usize::from(b.clean_years) <= e.history.len();
    if clean {
        cx.assumptions.push(msg(
            "history_clean",
            "近三年未填写任何事故：按连续3年未发生事故计",
            "no accident entered for the last three years: treated as three accident-free years",
        ));
    }
    let normal_low = Decimal::ONE - b.normal;
    let (kind, low, high, mut illustrative) = if loaded(e) {
        (
            "loaded",
            normal_low,
            Decimal::ONE + b.loaded_up,
            d.illustrative,
        )
    } else if clean {
        let floor = cx.lookup(&pack.clean_floor, "clean_floor")?;
        // The seed lets the downward float exceed 40% without a floor; the pack sets one, never above the normal floor.
        let low = floor.value.0.min(normal_low);
        let (s, ill, note) = (floor.source.clone(), floor.illustrative, floor.note.clone());
        step!(
            cx,
            "clean_floor",
            "连续3年无事故：下浮下限",
            "three accident-free years: lowest float",
            format!("clean_floor = {}", fmt_factor(low)),
            fmt_factor(low),
            Some(&s),
            ill,
            note.as_ref(),
        );
        ("clean", low, Decimal::ONE + b.normal, d.illustrative || ill)
    } else {
        (
            "normal",
            normal_low,
            Decimal::ONE + b.normal,
            d.illustrative,
        )
    };
    illustrative |= d.illustrative;
    let factor = raw.clamp(low, high);
    let (src, note) = (d.source.clone(), d.note.clone());
    step!(
        cx,
        "float_band",
        "费率浮动幅度",
        "float band",
        format!("{kind}: [{}, {}]", fmt_factor(low), fmt_factor(high)),
        format!("{}–{}", fmt_factor(low), fmt_factor(high)),
        Some(&src),
        d.illustrative,
        note.as_ref(),
    );
    Ok(Band {
        low,
        high,
        kind: kind.into(),
        raw_factor: raw,
        factor,
        clamped: factor != raw,
        source: src,
        illustrative,
    })
}

fn prevention(
    st: &Statutes,
    e: &Enterprise,
    premium: Decimal,
    tier: RiskTier,
    cx: &mut Ctx<'_>,
) -> Result<Prevention, Errors> {
    let mut sources = Vec::new();
    // A floor: the highest minimum in force (national or regional). A cap: the lowest maximum in force.
    let pick = |p: Option<&Param<FactorValue>>, higher: bool| -> Option<Dated<FactorValue>> {
        let (n, r) = p?.both(&e.region, e.as_of);
        match (n, r) {
            (Some(n), Some(r)) => Some(if (r.value > n.value) == higher {
                r.clone()
            } else {
                n.clone()
            }),
            (a, b) => a.or(b).cloned(),
        }
    };
    let min = pick(st.prevention_min.get(&e.line), true);
    let max = pick(st.prevention_max.get(&e.line), false);
    let mut amount = |d: &Option<Dated<FactorValue>>,
                      id: &str,
                      zh: &str,
                      en: &str|
     -> Result<Option<Decimal>, Errors> {
        let Some(d) = d else { return Ok(None) };
        let a = round_fen(mul(premium, d.value.0)?);
        if cx.tracing {
            sources.push(d.source.clone());
        }
        step!(
            cx,
            id,
            zh,
            en,
            format!("{} × {}", premium, fmt_factor(d.value.0)),
            a.to_string(),
            Some(&d.source),
            d.illustrative,
            d.note.as_ref(),
        );
        Ok(Some(a))
    };
    let min_amount = amount(
        &min,
        "prevention.min",
        "事故预防资金下限",
        "prevention fund, at least",
    )?;
    let max_amount = amount(
        &max,
        "prevention.max",
        "事故预防服务支出上限",
        "prevention spending, at most",
    )?;
    let size = e.size_class.0;
    let services = st
        .services
        .iter()
        .filter(|s| s.line == e.line && applies(s.from, None, &s.regions, &e.region, e.as_of))
        .filter(|s| s.sizes.is_empty() || s.sizes.contains(&size))
        .filter(|s| s.tiers.is_empty() || s.tiers.contains(&tier))
        .filter_map(|s| {
            cx.illustrative |= s.illustrative;
            // Batch quotes report no service list; the flag above still counts.
            cx.tracing.then(|| Service {
                id: s.id.clone(),
                name_zh: s.name_zh.clone(),
                name_en: s.name_en.clone(),
                per_year: s.per_year,
                source: s.source.clone(),
                illustrative: s.illustrative,
            })
        })
        .collect();
    Ok(Prevention {
        min_ratio: min.map(|d| d.value.0),
        min_amount,
        max_ratio: max.map(|d| d.value.0),
        max_amount,
        sources,
        services,
    })
}

fn warnings(st: &Statutes, e: &Enterprise, limits: &Limits, band: &Band, cx: &mut Ctx<'_>) {
    if let (true, Some(m)) = (limits.below_minimum, limits.minimum_per_person) {
        cx.warnings.push(Message {
            code: "below_minimum_limit".into(),
            zh: format!("所选每人限额低于 {} 起施行的法定最低 {} 元", e.as_of, m),
            en: format!(
                "the chosen per-person limit is below the legal minimum of {m} 元 in force on {}",
                e.as_of
            ),
            source: limits.minimum_source.clone(),
        });
    }
    if band.kind == "loaded" {
        cx.warnings.push(Message {
            code: "loaded_band".into(),
            zh: "发生较大以上事故或连续2年发生亡人事故：费率可上浮至150%".into(),
            en: "a 较大 or worse accident, or fatal accidents two years running: the rate may float up to +150%".into(),
            source: Some(band.source.clone()),
        });
    }
    if band.clamped {
        let (zh, en) = if band.factor == band.high {
            (
                format!(
                    "浮动系数 {} 已按上限 {} 封顶",
                    fmt_factor(band.raw_factor),
                    fmt_factor(band.high)
                ),
                format!(
                    "the float {} was capped at {}",
                    fmt_factor(band.raw_factor),
                    fmt_factor(band.high)
                ),
            )
        } else {
            (
                format!(
                    "浮动系数 {} 已按下限 {} 封底",
                    fmt_factor(band.raw_factor),
                    fmt_factor(band.low)
                ),
                format!(
                    "the float {} was floored at {}",
                    fmt_factor(band.raw_factor),
                    fmt_factor(band.low)
                ),
            )
        };
        cx.warnings.push(Message {
            code: "float_clamped".into(),
            zh,
            en,
            source: Some(band.source.clone()),
        });
    }
    if e.refused_rectification {
        // What the consequence is, and who says so, depends on the region: take the guidance rule in
        // force there (Chongqing 二(八), Jilin 三(二)) rather than citing one region's rule everywhere.
        let rule = st
            .guidance
            .iter()
            .filter(|g| g.id == "refused_rectification" && g.line == e.line)
            .filter(|g| applies(g.from, g.until, &g.regions, &e.region, e.as_of))
            .max_by_key(|g| g.from);
        cx.warnings.push(match rule {
            Some(g) => Message {
                code: "refused_rectification".into(),
                zh: g.text_zh.clone(),
                en: g.text_en.clone(),
                source: Some(g.source.clone()),
            },
            None => msg(
                "refused_rectification",
                "存在拒不整改的重大事故隐患：费率按费率包上浮(见计算过程)",
                "a major hidden hazard left unrectified: the pack's loading applies (see the steps)",
            ),
        });
    }
    if cx.illustrative {
        cx.warnings.push(msg(
            "illustrative",
            "部分参数为示意值(无公开数据)，结果仅供参考，以保险机构备案费率为准",
            "some parameters are illustrative (no published figure): an estimate only; the insurer's filed rates decide",
        ));
    }
}
