//! Stage 6: the risk tier (high / medium / low) the 2024 notice asks for; it scales the prevention
//! services owed.

use crate::domain::{EnvCreditGrade, EnvRiskGrade, Line, RiskTier, StandardisationGrade};
use crate::input::Enterprise;
use crate::output::Band;

use super::band::loaded;
use super::ctx::{step, Ctx, Notes};
use crate::citation::known::tiering_citation;

/// Tier from the quote's facts: high when the band is loaded or the enterprise is blacklisted or left a
/// major hazard unrectified; low after three clean years with a good grade; medium otherwise.
/// The notice sets no criteria: these are ours and the trace marks them illustrative.
pub fn risk_tier(e: &Enterprise, band: &Band) -> RiskTier {
    if loaded(e) || e.blacklisted || e.refused_rectification {
        return RiskTier::High;
    }
    // The environmental line's own grade (HJ 941-2018) sets a floor: 重大 is high, 较大 never low.
    match (e.line, e.env_risk_grade) {
        (Line::Environmental, Some(EnvRiskGrade::Major)) => return RiskTier::High,
        (Line::Environmental, Some(EnvRiskGrade::Larger)) => return RiskTier::Medium,
        _ => {}
    }
    let good_grade = match e.line {
        Line::WorkSafety => e.standardisation <= StandardisationGrade::Grade2,
        Line::Environmental => e
            .env_credit_grade
            .is_some_and(|g| g <= EnvCreditGrade::Good),
    };
    if band.kind == crate::domain::BandKind::Clean && good_grade {
        RiskTier::Low
    } else {
        RiskTier::Medium
    }
}

const TIER_NOTE_EN: &str = "The 2024 notice requires tiering but sets no criteria; these are ours.";
const TIER_NOTE_ZH: &str = "2024年通知要求风险分级，但未规定分级标准；以上标准为本工具所定。";

/// The tier, recorded as a trace step (our criteria, hence illustrative).
// One call site (the pipeline): inlined, as when it was written inside `price`.
#[inline]
pub(crate) fn tier<const D: u8>(cx: &mut Ctx<'_, D>, band: &Band) -> RiskTier {
    let risk_tier = risk_tier(cx.e, band);
    step!(
        cx,
        "risk_tier",
        "风险分级(高/中/低)",
        "risk tier (high/medium/low)",
        (
            "高：浮动幅度上浮情形、列入黑名单或重大隐患拒不整改；低：连续3年无事故且等级良好".into(),
            "high: loaded band, blacklist or unrectified major hazard; low: 3 clean years and a good grade".into(),
        ),
        risk_tier.key().into(),
        Some(&tiering_citation()),
        true,
        Notes::own(&TIER_NOTE_EN.to_string(), &TIER_NOTE_ZH.to_string()),
    );
    cx.value_zh(match risk_tier {
        RiskTier::High => "高风险",
        RiskTier::Medium => "中风险",
        RiskTier::Low => "低风险",
    });
    risk_tier
}
