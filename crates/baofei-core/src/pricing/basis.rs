//! Stage 3: the guided premium. The pack's rate entry for the sector (a region's entries override the
//! national ones), the base premium by the sector's premium basis (headcount, seats, vehicles,
//! tonnes, contract value or limit tiers), then the sector differential and the tier factor.

use super::ctx::{err, msg, mul, step, Ctx, Notes};
use crate::citation::Citation;
use crate::domain::{Line, PremiumBasis};
use crate::error::{ErrorCode, Errors};
use crate::input::Enterprise;
use crate::money::{fmt_factor, round_fen};
use crate::output::Limits;
use crate::rules::{Dated, PricingPack, RateEntry, Scheme, SectorDef};
use rust_decimal::Decimal;

/// The rate entry that prices this sector, with the dated list it came from. Looked up before any
/// other stage so that a pack without a rate fails first, as it always has.
// One call site (the pipeline): inlined, as when it was written inside `price`.
#[inline]
pub(crate) fn rate_entry<'p>(
    pack: &'p PricingPack,
    e: &Enterprise,
    sector: &SectorDef,
    chain: &[&str],
) -> Result<(&'p Dated<Vec<RateEntry>>, &'p RateEntry), Errors> {
    let rates_param = pack.rates.get(&e.line).ok_or_else(|| {
        err(
            "line",
            ErrorCode::NoRuleInForce,
            "该险种无费率",
            "the pack has no rates for this line",
        )
    })?;
    let (nat, reg) = rates_param.both(chain, e.as_of);
    reg.and_then(|d| pick_entry(&d.value, sector).map(|en| (d, en)))
        .or_else(|| nat.and_then(|d| pick_entry(&d.value, sector).map(|en| (d, en))))
        .ok_or_else(|| {
            if nat.is_none() && reg.is_none() {
                // Say which dates would work: "no rates" alone leaves the reader guessing.
                let (zh, en) = match rates_param.first_day(chain) {
                    Some(first) if e.as_of < first => (
                        format!("{} 无有效费率：费率自 {first} 起适用，请选择此后的日期", e.as_of),
                        format!(
                            "no rates are in force on {}: rates apply from {first}; choose that day or later",
                            e.as_of
                        ),
                    ),
                    _ => (
                        format!("{} 无有效费率", e.as_of),
                        format!("no rates are in force on {} in this region", e.as_of),
                    ),
                };
                err("as_of", ErrorCode::NoRuleInForce, zh, en)
            } else {
                err(
                    "sector",
                    ErrorCode::NoRuleInForce,
                    "该行业在费率包中无费率",
                    "the pricing pack has no rate for this sector",
                )
            }
        })
}

/// Base premium × sector differential × tier factor: the premium before the float.
// One call site (the pipeline): inlined, as when it was written inside `price`.
#[inline]
pub(crate) fn guided<const D: u8>(
    cx: &mut Ctx<'_, D>,
    pack: &PricingPack,
    rates: &Dated<Vec<RateEntry>>,
    entry: &RateEntry,
    sector: &SectorDef,
    limits: &Limits,
) -> Result<Decimal, Errors> {
    let e = cx.e;
    let (rates_src, rates_ill) = (rates.source.clone(), rates.illustrative);
    // The entry's own reference, where it has one, over the table's general label.
    let mut notes = Notes::of(rates);
    if let Some(r) = &entry.reference {
        notes = notes.with_reference(r);
    }
    // Named rounding step `base_premium`: the base is carried on as shown, to the fen, so that the
    // trace's products multiply out as a reader sees them (issue 27 item 7).
    let base = round_fen(base_premium(
        cx, entry, sector, limits, &rates_src, rates_ill, notes,
    )?);

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
        (
            format!(
                "{}·{} → {}",
                sector.group_zh,
                sector.name_zh,
                fmt_factor(sf)
            ),
            format!(
                "{}, {} → {}",
                sector.group_en,
                sector.name_en,
                fmt_factor(sf)
            ),
        ),
        fmt_factor(sf),
        Some(&rates_src),
        rates_ill,
        Notes::default(),
    );
    cx.typed(sf, None);

    // 5. Tier.
    let tier = match e.line {
        Line::WorkSafety => {
            let (size, derived) = e.size_class;
            if derived && cx.telling() {
                cx.assumptions.push(msg(
                    "size_from_employees",
                    format!(
                        "未填写企业规模，按从业人员数 {} 人推定为{}(1000/300/20人为界，本工具假设)",
                        e.employees,
                        ["大型", "中型", "小型", "微型"][size as usize]
                    ),
                    format!(
                        "Size not given: assumed {} from {} employees (1000/300/20 thresholds, our assumption)",
                        size.key(),
                        e.employees
                    ),
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
                    "The environmental risk grade is required",
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
    // Named rounding step `guided_premium`: reported to the fen and carried on as reported, so the
    // premium is the guided premium shown times the float shown.
    let guided = round_fen(mul(mul(base, sf)?, tier)?);
    step!(
        cx,
        "guided_premium",
        "指导保费(浮动前)",
        "guided premium (before float)",
        (
            "基础保费 × 差别费率 × 分级费率".into(),
            "base × sector × tier".into(),
        ),
        round_fen(guided).to_string(),
        None,
        false,
        Notes::default(),
    );
    Ok(guided)
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
            format!(
                "{} is required: this sector's premium is computed from it",
                crate::input::label_en(field)
            ),
        )
    })
}

fn base_premium<const D: u8>(
    cx: &mut Ctx<'_, D>,
    entry: &RateEntry,
    sector: &SectorDef,
    limits: &Limits,
    src: &Citation,
    ill: bool,
    note: Notes<'_>,
) -> Result<Decimal, Errors> {
    let e = cx.e;
    if e.aggregate_limit.is_some()
        && matches!(
            entry.scheme,
            Scheme::Proportional { .. } | Scheme::PerTonne { .. }
        )
    {
        // An aggregate that moves nothing must say so, or a reader raising it from 1亿 to 10亿 sees the
        // same premium and suspects the tool (newcomer 5.6).
        if cx.telling() {
            cx.assumptions.push(msg(
            "aggregate_unused",
            "所填累计赔偿限额不影响本估算：该行业的费率不按累计限额分档(投保时仍须在保单中核对累计限额)",
            "The aggregate limit entered does not change this estimate: this sector's rate does not vary with the aggregate limit (still check it in the policy)",
        ));
        }
    }
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
                    format!("{} must be greater than 0", crate::input::label_en(what)),
                ));
            }
            let pp = need(limits.per_person, "per_person_limit", "每人限额")?;
            let base = mul(mul(Decimal::from(qty), pp)?, *rate)?;
            step!(
                cx,
                "base_premium",
                "基础保费 = 数量 × 每人限额 × 基准费率",
                "base premium = quantity × per-person limit × base rate",
                (
                    format!(
                        "{qty} {} × {} 元 × {}",
                        match what {
                            "seats" => "座",
                            "vehicles" => "辆",
                            _ => "人",
                        },
                        crate::money::yuan(pp),
                        fmt_factor(*rate)
                    ),
                    format!(
                        "{qty} {} × {} 元 × {}",
                        match what {
                            "seats" => "seats",
                            "vehicles" => "vehicles",
                            _ => "employees",
                        },
                        crate::money::yuan(pp),
                        fmt_factor(*rate)
                    ),
                ),
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
                "基础保费 = 核定产能 × 每吨费率",
                "base premium = approved tonnes × 元 per tonne",
                (
                    format!("{t} 吨 × {yuan_per_tonne} 元/吨"),
                    format!("{t} t × {yuan_per_tonne} 元/t"),
                ),
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
                    "The contract value must be greater than 0",
                ));
            }
            let (bi, band) = bands
                .iter()
                .enumerate()
                .find(|(_, b)| b.up_to.is_none_or(|u| v <= u))
                .ok_or_else(|| {
                    let top = bands
                        .iter()
                        .filter_map(|b| b.up_to)
                        .max()
                        .unwrap_or_default();
                    err(
                        "contract_value",
                        ErrorCode::TooLarge,
                        format!("工程造价超出费率表范围(最高 {})", crate::money::wan(top)),
                        format!(
                            "contract value above the table's top band ({})",
                            crate::money::cny(top)
                        ),
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
            if (row.per_person != pp || agg.is_some_and(|a| a != row.aggregate)) && cx.telling() {
                cx.assumptions.push(msg(
                    "table_row",
                    format!(
                        "费率表按每人 {} 元、累计 {} 元一档计价",
                        crate::money::yuan(row.per_person),
                        crate::money::yuan(row.aggregate)
                    ),
                    format!(
                        "the table prices the row of {} per person and {} aggregate",
                        crate::money::cny(row.per_person),
                        crate::money::cny(row.aggregate)
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
                    None => {
                        if cx.telling() {
                            cx.warnings.push(msg(
                                "no_high_risk_column",
                                "该费率表不区分高风险工程",
                                "this table has no separate rate for high-risk projects",
                            ));
                        }
                    }
                }
            }
            let mut base = mul(v, rate)?;
            step!(
                cx,
                "base_premium",
                "基础保费 = 工程造价 × 费率",
                "base premium = contract value × rate",
                {
                    let up = band
                        .up_to
                        .map(crate::money::yuan)
                        .unwrap_or_else(|| "∞".into());
                    let v = crate::money::yuan(v);
                    let per_mille = fmt_factor(rate * Decimal::from(1000));
                    (
                        format!(
                            "第{}档(造价 ≤ {up} 元)，每人 {} 元 / 累计 {} 元，{}：{v} 元 × {per_mille}‰",
                            bi + 1,
                            crate::money::yuan(row.per_person),
                            crate::money::yuan(row.aggregate),
                            if col == "high_risk" { "高风险工程费率" } else { "一般工程费率" }
                        ),
                        format!(
                            "band {} (≤ {up} 元), {} 元 per person / {} 元 aggregate, {} rate: {v} 元 × {per_mille}‰",
                            bi + 1,
                            crate::money::yuan(row.per_person),
                            crate::money::yuan(row.aggregate),
                            if col == "high_risk" { "high-risk" } else { "ordinary" }
                        ),
                    )
                },
                round_fen(base).to_string(),
                Some(src),
                ill,
                note,
            );
            if e.metro {
                if let Some(m) = metro_factor {
                    // Loaded from the base as shown, and shown as carried on.
                    base = round_fen(mul(round_fen(base), *m)?);
                    step!(
                        cx,
                        "metro_factor",
                        "地铁工程上浮",
                        "metro works loading",
                        (
                            format!("地铁工程系数 {}", fmt_factor(*m)),
                            format!("metro factor {}", fmt_factor(*m)),
                        ),
                        round_fen(base).to_string(),
                        Some(src),
                        ill,
                        Notes::default(),
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
                    if cx.telling() {
                        cx.assumptions.push(msg(
                        "aggregate_default",
                        // No rule sets a minimum here: say the figure is only the table's first row,
                        // and what the choice should rest on (newcomer review 10.5).
                        format!(
                            "累计限额未填写，按费率表最低档 {} 计。本险种无法定最低限额；请按可能造成的第三者损害、清污费用和周边敏感目标选择限额，并在“累计赔偿限额”栏填写",
                            crate::money::wan(first.limit)
                        ),
                        format!(
                            "Aggregate limit not given: the rate table's lowest tier, {}, is used. No legal minimum applies to this line; choose a limit for the third-party damage, clean-up costs and sensitive neighbours at stake, and enter it as the aggregate limit",
                            crate::money::cny(first.limit)
                        ),
                    ));
                    }
                    first.limit
                }
            };
            let t = tiers.iter().find(|t| t.limit >= agg).ok_or_else(|| {
                // The bound, so a batch can correct its rows without searching for it (integrator
                // review m16).
                let top = tiers.last().map(|t| t.limit).unwrap_or_default();
                err(
                    "aggregate_limit",
                    ErrorCode::TooLarge,
                    format!("累计限额高于费率表最高档({})", crate::money::wan(top)),
                    format!(
                        "aggregate limit above the table's highest tier ({})",
                        crate::money::cny(top)
                    ),
                )
            })?;
            step!(
                cx,
                "base_premium",
                "基础保费(按累计限额档)",
                "base premium (by aggregate limit tier)",
                (
                    format!(
                        "累计限额 {agg} 元 所在档：限额 {} 元 → {} 元",
                        t.limit, t.premium
                    ),
                    format!("tier for {agg} 元: limit {} 元 → {} 元", t.limit, t.premium),
                ),
                round_fen(t.premium).to_string(),
                Some(src),
                ill,
                note,
            );
            Ok(t.premium)
        }
    }
}
