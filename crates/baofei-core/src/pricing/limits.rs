//! Stage 2: the statutory minimum per-person limit in force (the higher of national and regional),
//! and the limits the premium is computed on (defaults recorded as assumptions).

use super::ctx::{err, msg, mul, step, Ctx, Notes};
use crate::date::Date;
use crate::domain::{Line, PremiumBasis};
use crate::error::{ErrorCode, Errors};
use crate::input::Enterprise;
use crate::output::Limits;
use crate::rules::{Dated, FactorValue, SectorDef, Statutes};
use rust_decimal::Decimal;

pub(crate) fn limits<const D: u8>(
    st: &Statutes,
    e: &Enterprise,
    sector: &SectorDef,
    cx: &mut Ctx<'_, D>,
) -> Result<Limits, Errors> {
    let (min, min_src) = if e.line == Line::WorkSafety {
        let pick = minimum(st, e.line, &cx.chain, e.as_of);
        if let Some(d) = pick {
            step!(
                cx,
                "minimum_limit",
                "最低每人死亡伤残限额",
                "statutory minimum per-person limit",
                (
                    format!("{} 当日全国与地方规定中较高者", e.as_of),
                    format!("the higher of national and regional on {}", e.as_of),
                ),
                d.value.0.to_string(),
                Some(&d.source),
                d.illustrative,
                Notes::of(d),
            );
        }
        (
            pick.map(|d| (d.value.0, d.from)),
            pick.map(|d| d.source.clone()),
        )
    } else {
        (None, None)
    };
    let (min, minimum_from) = (min.map(|m| m.0), min.map(|m| m.1));
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
            if cx.telling() {
                cx.assumptions.push(msg(
                    "per_person_default",
                    format!("每人限额未填写，按法定最低 {} 计", crate::money::wan(m)),
                    format!(
                        "Per-person limit not given: the legal minimum of {} is used",
                        crate::money::wan(m)
                    ),
                ));
            }
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
    // Below the legal minimum is never a cheaper normal quote: the premium is priced at the minimum,
    // and the warning (at the field) says so. What the user asked for is kept in `requested_per_person`.
    let below = matches!((per_person, min), (Some(p), Some(m)) if p < m);
    let requested_per_person = below.then_some(per_person).flatten();
    let per_person = if below { min } else { per_person };
    // The aggregate covers everyone: it cannot be below what one person may receive.
    if let (Some(a), Some(p)) = (e.aggregate_limit, per_person) {
        if a < p {
            return Err(err(
                "aggregate_limit",
                ErrorCode::TooSmall,
                format!(
                    "累计赔偿限额 {} 低于每人限额 {}：累计限额是全部人员赔偿的上限，不能低于每人限额",
                    crate::money::wan(a),
                    crate::money::wan(p)
                ),
                format!(
                    "The aggregate limit of {} is below the per-person limit of {}: the aggregate caps what everyone together receives",
                    crate::money::wan(a),
                    crate::money::wan(p)
                ),
            ));
        }
    }
    let aggregate = match (e.aggregate_limit, sector.basis, per_person) {
        (Some(a), _, _) => Some(a),
        (None, PremiumBasis::Headcount, Some(p)) => {
            let a = mul(p, Decimal::from(e.employees))?;
            if cx.telling() {
                cx.assumptions.push(msg(
                    "aggregate_default",
                    format!(
                        "累计限额未填写，按每人限额 × 从业人员数 = {} 计",
                        crate::money::wan(a)
                    ),
                    format!(
                        "Aggregate limit not given: per-person limit × employees = {} is used",
                        crate::money::wan(a)
                    ),
                ));
            }
            Some(a)
        }
        _ => None,
    };
    Ok(Limits {
        minimum_per_person: min,
        minimum_source: min_src,
        minimum_from,
        requested_per_person,
        per_person,
        aggregate,
        below_minimum: below,
    })
}

/// The statutory minimum per-person limit in force (安责险 only): the higher of the national floor and
/// the region's own, since a region may raise it, never lower it.
pub(crate) fn minimum<'s>(
    st: &'s Statutes,
    line: Line,
    chain: &[&str],
    as_of: Date,
) -> Option<&'s Dated<FactorValue>> {
    if line != Line::WorkSafety {
        return None;
    }
    let (nat, reg) = st.minimum_limit.both(chain, as_of);
    match (nat, reg) {
        (Some(n), Some(r)) if r.value > n.value => Some(r),
        (Some(n), _) => Some(n),
        (None, r) => r,
    }
}
