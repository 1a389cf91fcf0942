//! Stage 7: the accident-prevention fund (floor and cap as shares of the premium) and the services
//! owed in the region for the size and risk tier.

use super::ctx::{mul, step, Ctx, Notes};
use crate::domain::RiskTier;
use crate::error::Errors;
use crate::input::Enterprise;
use crate::money::{fmt_factor, round_fen};
use crate::output::{Prevention, Service};
use crate::rules::{applies, Dated, FactorValue, Param, Statutes};
use rust_decimal::Decimal;

pub(crate) fn prevention(
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
            (
                format!("保费 {} 元 × {}", premium, fmt_factor(d.value.0)),
                format!("premium {} 元 × {}", premium, fmt_factor(d.value.0)),
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
    let size = e.size_class.0;
    let services = st
        .services
        .iter()
        .filter(|s| s.line == e.line && applies(s.from, s.until, &s.regions, &e.region, e.as_of))
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
