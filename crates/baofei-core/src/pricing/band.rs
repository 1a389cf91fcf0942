//! Stage 5: the statutory float band (seed 002 二(五)) for the history: normal, loaded after a
//! 较大 or worse accident or fatal accidents two years running, or widened after three clean years;
//! the floating factor is clamped into it.

use super::ctx::{err, msg, step, Ctx, Notes};
use crate::domain::{AccidentGrade, BandKind, Line};
use crate::error::{ErrorCode, Errors};
use crate::input::Enterprise;
use crate::money::fmt_factor;
use crate::output::Band;
use crate::rules::{PricingPack, Statutes};
use rust_decimal::Decimal;

/// Fatal accidents in two consecutive years of the three-year history.
pub fn consecutive_fatal(e: &Enterprise) -> bool {
    // A work-safety fact: the environmental line reads incidents, not deaths.
    e.line == Line::WorkSafety
        && e.history
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

pub(crate) fn band<const D: u8>(
    st: &Statutes,
    pack: &PricingPack,
    e: &Enterprise,
    raw: Decimal,
    cx: &mut Ctx<'_, D>,
) -> Result<Band, Errors> {
    let p = st.float_band.get(&e.line).ok_or_else(|| {
        err(
            "line",
            ErrorCode::NoRuleInForce,
            "无浮动幅度规则",
            "no float band for this line",
        )
    })?;
    let d = cx.lookup(p)?;
    let b = &d.value;
    let clean = e.history.iter().all(|y| !y.any()) && usize::from(b.clean_years) <= e.history.len();
    if clean && cx.telling() {
        cx.assumptions.push(msg(
            "history_clean",
            "近三年未填写任何事故：按连续3年未发生事故计",
            "no accident entered for the last three years: treated as three accident-free years",
        ));
    }
    let normal_low = Decimal::ONE - b.normal;
    let (kind, low, high, mut illustrative) = if loaded(e) {
        (
            BandKind::Loaded,
            normal_low,
            Decimal::ONE + b.loaded_up,
            d.illustrative,
        )
    } else if clean {
        let floor = cx.lookup(&pack.clean_floor)?;
        // The seed lets the downward float exceed 40% without a floor; the pack sets one, never above the normal floor.
        let low = floor.value.0.min(normal_low);
        let ill = floor.illustrative;
        step!(
            cx,
            "clean_floor",
            "连续3年无事故：下浮下限",
            "three accident-free years: lowest float",
            (
                format!("下浮下限 {}", fmt_factor(low)),
                format!("lowest float {}", fmt_factor(low)),
            ),
            fmt_factor(low),
            Some(&floor.source),
            ill,
            Notes::of(floor),
        );
        (
            BandKind::Clean,
            low,
            Decimal::ONE + b.normal,
            d.illustrative || ill,
        )
    } else {
        (
            BandKind::Normal,
            normal_low,
            Decimal::ONE + b.normal,
            d.illustrative,
        )
    };
    illustrative |= d.illustrative;
    let factor = raw.clamp(low, high);
    let src = d.source.clone();
    step!(
        cx,
        "float_band",
        "费率浮动幅度",
        "float band",
        (
            format!(
                "{}：{}–{}",
                kind.name().zh,
                fmt_factor(low),
                fmt_factor(high)
            ),
            format!(
                "{}: {}–{}",
                kind.name().en,
                fmt_factor(low),
                fmt_factor(high)
            ),
        ),
        format!("{}–{}", fmt_factor(low), fmt_factor(high)),
        Some(&src),
        d.illustrative,
        Notes::of(d),
    );
    Ok(Band {
        low,
        high,
        kind,
        // Reported without the trailing zeros of the products behind them ("0.9", not
        // "0.90000000000000"): one decimal format across the API (integrator review 20).
        raw_factor: raw.normalize(),
        factor: factor.normalize(),
        clamped: factor != raw,
        source: src,
        illustrative,
        reference: d.reference.clone(),
    })
}
