//! Stage 7: the accident-prevention fund (floor and cap as shares of the premium) and the services
//! owed in the region for the size and risk tier.

use super::ctx::{mul, step, Ctx, Notes};
use crate::date::Date;
use crate::domain::{Line, RiskTier, SizeClass};
use crate::error::Errors;
use crate::input::Enterprise;
use crate::money::{fmt_factor, round_fen};
use crate::output::{Prevention, Service};
use crate::rules::{applies, Dated, FactorValue, Param, ServiceRule, Statutes};
use rust_decimal::Decimal;

pub(crate) fn prevention<const D: u8>(
    st: &Statutes,
    e: &Enterprise,
    premium: Decimal,
    tier: RiskTier,
    cx: &mut Ctx<'_, D>,
) -> Result<Prevention, Errors> {
    let mut sources = Vec::new();
    // The place, copied out of the context: the services' filter below borrows it while the
    // context records steps.
    let chain = cx.chain.clone();
    let (min, max) = ratios(st, e.line, &chain, e.as_of);
    let mut amount = |d: &Option<Dated<FactorValue>>,
                      id: &str,
                      zh: &str,
                      en: &str|
     -> Result<Option<Decimal>, Errors> {
        let Some(d) = d else { return Ok(None) };
        let a = round_fen(mul(premium, d.value.0)?);
        if cx.tracing() {
            sources.push(d.source.clone());
        }
        step!(
            cx,
            id,
            zh,
            en,
            (
                format!(
                    "保费 {} 元 × {}",
                    crate::money::yuan(premium),
                    fmt_factor(d.value.0)
                ),
                format!(
                    "premium {} × {}",
                    crate::money::cny(premium),
                    fmt_factor(d.value.0)
                ),
            ),
            a.to_string(),
            Some(&d.source),
            d.illustrative,
            Notes::of(d),
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
    let services = owed(
        st,
        e.line,
        &chain,
        e.as_of,
        Some(e.size_class.0),
        Some(tier),
    )
    .filter_map(|s| {
        cx.illustrative |= s.illustrative;
        // Batch quotes report no service list; the flag above still counts.
        cx.tracing().then(|| service(s))
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

/// The prevention ratios in force: a floor, the highest minimum (national or regional), and a cap,
/// the lowest maximum.
pub(crate) fn ratios(
    st: &Statutes,
    line: Line,
    chain: &[&str],
    as_of: Date,
) -> (Option<Dated<FactorValue>>, Option<Dated<FactorValue>>) {
    let pick = |p: Option<&Param<FactorValue>>, higher: bool| -> Option<Dated<FactorValue>> {
        let (n, r) = p?.both(chain, as_of);
        match (n, r) {
            (Some(n), Some(r)) => Some(if (r.value > n.value) == higher {
                r.clone()
            } else {
                n.clone()
            }),
            (a, b) => a.or(b).cloned(),
        }
    };
    (
        pick(st.prevention_min.get(&line), true),
        pick(st.prevention_max.get(&line), false),
    )
}

/// The services owed in the region on the date. With the size or the tier unknown (a quote that
/// could not be priced), only the services owed whatever the size or tier.
pub(crate) fn owed<'s>(
    st: &'s Statutes,
    line: Line,
    chain: &'s [&'s str],
    as_of: Date,
    size: Option<SizeClass>,
    tier: Option<RiskTier>,
) -> impl Iterator<Item = &'s ServiceRule> + 's {
    st.services
        .iter()
        .filter(move |s| s.line == line && applies(s.from, s.until, &s.regions, chain, as_of))
        .filter(move |s| s.sizes.is_empty() || size.is_some_and(|z| s.sizes.contains(&z)))
        .filter(move |s| s.tiers.is_empty() || tier.is_some_and(|t| s.tiers.contains(&t)))
}

/// How many services in force on the date `owed` leaves out because they depend on a size or a risk
/// tier not yet known (a known size still rules out the services for other sizes).
pub(crate) fn pending(
    st: &Statutes,
    line: Line,
    chain: &[&str],
    as_of: Date,
    size: Option<SizeClass>,
) -> u32 {
    // A service can have one rule per tier (hazard inspections: 4, 2 or 1 a year): count services,
    // not rules.
    // The listed ones, walked once (not once per service).
    let listed: Vec<&str> = owed(st, line, chain, as_of, size, None)
        .map(|s| s.id.as_str())
        .collect();
    let mut ids: Vec<&str> = st
        .services
        .iter()
        .filter(|s| s.line == line && applies(s.from, s.until, &s.regions, chain, as_of))
        .filter(|s| s.sizes.is_empty() || size.is_none_or(|z| s.sizes.contains(&z)))
        .map(|s| s.id.as_str())
        .filter(|id| !listed.contains(id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    u32::try_from(ids.len()).unwrap_or(u32::MAX)
}

/// A service rule as the quote reports it.
pub(crate) fn service(s: &ServiceRule) -> Service {
    Service {
        id: s.id.clone(),
        name_zh: s.name_zh.clone(),
        name_en: s.name_en.clone(),
        per_year: s.per_year,
        source: s.source.clone(),
        illustrative: s.illustrative,
    }
}
