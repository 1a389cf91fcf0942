//! Stage 1: whether insuring is compulsory for the sector in the region on the date, the rules
//! behind it and the penalty.

use super::ctx::{step, Ctx, Notes};
use crate::date::Date;
use crate::domain::Obligation;
use crate::error::Errors;
use crate::input::Enterprise;
use crate::output::{Message, ObligationResult};
use crate::rules::{applies, names_sector, SectorDef, Statutes};

/// Compulsory status of a sector in the place `chain` names ([`Statutes::chain`]) on a date, with
/// the rules behind it and the penalty.
pub fn obligation_of(
    st: &Statutes,
    chain: &[&str],
    sector: &SectorDef,
    as_of: Date,
) -> ObligationResult {
    obligation_with(st, chain, sector, as_of, true)
}

/// The same; without `detail` only the level (no texts, so no allocations: batch quoting).
fn obligation_with(
    st: &Statutes,
    chain: &[&str],
    sector: &SectorDef,
    as_of: Date,
    detail: bool,
) -> ObligationResult {
    let mut rules: Vec<_> = st
        .obligations
        .iter()
        .filter(|o| o.line == sector.line && names_sector(&o.sectors, sector))
        .filter(|o| applies(o.from, o.until, &o.regions, chain, as_of))
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
            field: None,
        })
        .collect();
    let penalty = if level == Obligation::Compulsory {
        st.penalty
            .get(&sector.line)
            .and_then(|p| p.lookup(chain, as_of))
            .map(|d| Message {
                code: "penalty".into(),
                zh: d.value.text_zh.clone(),
                en: d.value.text_en.clone(),
                source: Some(d.source.clone()),
                field: None,
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

pub(crate) fn obligation<const D: u8>(
    st: &Statutes,
    e: &Enterprise,
    sector: &SectorDef,
    cx: &mut Ctx<'_, D>,
) -> Result<ObligationResult, Errors> {
    let res = obligation_with(st, &cx.chain, sector, e.as_of, cx.tracing());
    let top = res.basis.first();
    step!(
        cx,
        "obligation",
        "是否强制投保",
        "compulsory status",
        (
            top.map(|o| o.zh.clone())
                .unwrap_or_else(|| "无规定列出该行业".into()),
            top.map(|o| o.en.clone())
                .unwrap_or_else(|| "no rule names this sector".into()),
        ),
        res.level.key().to_owned(),
        top.and_then(|o| o.source.as_ref()),
        false,
        Notes::default(),
    );
    cx.value_zh(match res.level {
        Obligation::Compulsory => "强制投保",
        Obligation::Expected => "应保尽保(推动投保)",
        Obligation::Encouraged => "鼓励投保",
    });
    Ok(res)
}
