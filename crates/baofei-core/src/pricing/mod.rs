//! The pricing pipeline: one module per stage, called in the order the trace reads.
//!
//! 1. [`obligation`]: compulsory status and penalty;
//! 2. [`limits`]: the statutory minimum limit and the limits priced;
//! 3. [`basis`]: base premium by the sector's premium basis, sector differential, tier factor;
//! 4. [`factors`]: the floating factors, multiplied;
//! 5. [`band`]: the statutory float band, and the factor clamped into it; then the premium, rounded
//!    once to the fen;
//! 6. [`tier`]: the risk tier;
//! 7. [`prevention`]: the prevention fund and services;
//! 8. [`warnings`].
//!
//! Stages share [`ctx`] (trace, assumptions, warnings, checked arithmetic) and import nothing from
//! this module, so the pipeline reads top-down with no cycle.

pub mod band;
pub mod basis;
pub(crate) mod ctx;
pub mod detail;
pub mod factors;
pub mod limits;
pub mod obligation;
pub mod prevention;
pub mod tier;
pub mod warnings;

use crate::date::Date;
use crate::domain::SizeClass;
use crate::error::{quoted, ErrorCode, Errors, FieldError};
use crate::input::Enterprise;
use crate::money::{fmt_factor, round_fen};
use crate::output::{Known, Prevention, Quote};
use crate::rules::{Rules, SectorDef, Statutes};
use ctx::{err, mul, step, Ctx, Notes};
pub use detail::{ANY, BRIEF, FIGURES, TRACE};

/// Engine version stamped on every quote.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The price and its trace, without notes or next steps (what trying an improvement needs).
/// `detail` says what it records besides the figures ([`FIGURES`], [`BRIEF`], [`TRACE`]); the figures are
/// the same at every level.
pub fn price(rules: &Rules, e: &Enterprise, detail: u8) -> Result<Quote, Errors> {
    pipeline::<ANY>(rules, e, detail)
}

/// [`price`] at [`FIGURES`], with the level a constant: a build that prices only through this (the
/// first look's engine, issue 31) carries none of the code that writes the prose.
pub fn price_figures(rules: &Rules, e: &Enterprise) -> Result<Quote, Errors> {
    pipeline::<FIGURES>(rules, e, FIGURES)
}

/// The pipeline at level `D` ([`detail`]; `detail` is read only where `D` is [`ANY`]).
fn pipeline<const D: u8>(rules: &Rules, e: &Enterprise, detail: u8) -> Result<Quote, Errors> {
    let st = rules.statutes();
    let pack = rules.pack();
    // One lookup each on the way through; the errors (from the same check the input's validation
    // uses) are built only when something is unknown.
    let known_region = st.regions.iter().any(|r| r.id == e.region);
    let (Some(sector), true) = (st.sector(&e.sector), known_region) else {
        if D == FIGURES {
            // Where it is refused is all a figures-only run reports (`quote_figures`).
            let field = if known_region { "sector" } else { "region" };
            return Err(err(field, ErrorCode::Unknown, "", ""));
        }
        return Err(Errors(unknown_names(st, &e.region, &e.sector)));
    };
    if sector.line != e.line {
        return Err(err(
            "sector",
            ErrorCode::Unsupported,
            "该行业不属于所选险种",
            "this sector belongs to the other insurance line",
        ));
    }
    let mut cx: Ctx<'_, D> = Ctx {
        e,
        chain: st.chain(&e.region),
        detail,
        trace: Vec::new(),
        warnings: Vec::new(),
        assumptions: Vec::new(),
        illustrative: false,
    };

    // Looked up first: a pack with no rate for the sector fails before anything else.
    let (rates, entry) = basis::rate_entry(pack, e, sector, &cx.chain)?;
    let obligation = obligation::obligation(st, e, sector, &mut cx)?;
    let limits = limits::limits(st, e, sector, &mut cx)?;
    let guided = basis::guided(&mut cx, pack, rates, entry, sector, &limits)?;

    let raw = factors::float_raw(&mut cx, pack)?;
    let band = band::band(st, pack, e, raw, &mut cx)?;
    step!(
        cx,
        "float_factor",
        "浮动系数(限幅后)",
        "floating factor (clamped to band)",
        (
            format!(
                "{} 限定在 {}–{} 之内",
                fmt_factor(raw),
                fmt_factor(band.low),
                fmt_factor(band.high)
            ),
            format!(
                "{} kept within {}–{}",
                fmt_factor(raw),
                fmt_factor(band.low),
                fmt_factor(band.high)
            ),
        ),
        fmt_factor(band.factor),
        Some(&band.source),
        band.illustrative,
        Notes::default(),
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
        (
            "指导保费 × 浮动系数".into(),
            "guided premium × float".into(),
        ),
        premium.to_string(),
        None,
        false,
        Notes::default(),
    );

    let risk_tier = tier::tier(&mut cx, &band);
    let prevention = prevention::prevention(st, e, premium, risk_tier, &mut cx)?;
    if cx.telling() {
        warnings::warnings(st, e, &limits, &band, &mut cx);
    }

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

/// A region or sector the statutes do not know, as field errors. Checked with the other input
/// errors, so that every problem is reported at once (an unknown sector beside a bad number).
pub fn unknown_names(st: &Statutes, region: &str, sector: &str) -> Vec<FieldError> {
    let (region, sector) = (region.trim(), sector.trim());
    let mut out = Vec::new();
    if !region.is_empty() && !st.regions.iter().any(|r| r.id == region) {
        let known: Vec<&str> = st.regions.iter().map(|r| r.id.as_str()).collect();
        out.push(FieldError::new(
            "region",
            ErrorCode::Unknown,
            format!("未知地区 {region}"),
            format!(
                "unknown region {}; known: {}",
                quoted(region),
                known.join(", ")
            ),
        ));
    }
    if !sector.is_empty() && st.sector(sector).is_none() {
        out.push(FieldError::new(
            "sector",
            ErrorCode::Unknown,
            format!("未知行业 {sector}"),
            format!("unknown sector {}", quoted(sector)),
        ));
    }
    out
}

/// What holds for an enterprise whose premium cannot be computed: see [`Known`]. Needs only the
/// date, region and sector; the size, where known, selects the services owed.
pub fn known(
    st: &Statutes,
    as_of: Date,
    region: &str,
    sector: &SectorDef,
    size: Option<SizeClass>,
) -> Known {
    let line = sector.line;
    let chain = st.chain(region);
    let min = limits::minimum(st, line, &chain, as_of);
    let (pmin, pmax) = prevention::ratios(st, line, &chain, as_of);
    Known {
        obligation: obligation::obligation_of(st, &chain, sector, as_of),
        minimum_per_person: min.map(|d| d.value.0),
        minimum_source: min.map(|d| d.source.clone()),
        minimum_from: min.map(|d| d.from),
        prevention: Prevention {
            min_ratio: pmin.as_ref().map(|d| d.value.0),
            min_amount: None,
            max_ratio: pmax.as_ref().map(|d| d.value.0),
            max_amount: None,
            sources: pmin
                .iter()
                .chain(pmax.iter())
                .map(|d| d.source.clone())
                .collect(),
            services: prevention::owed(st, line, &chain, as_of, size, None)
                .map(prevention::service)
                .collect(),
        },
        services_pending: prevention::pending(st, line, &chain, as_of, size),
    }
}
