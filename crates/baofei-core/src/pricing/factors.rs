//! Stage 4: the floating factors (accident history, grades, blacklist, hazards, loss ratio, credit),
//! each looked up in the pack and multiplied; the band stage clamps their product.

use super::band::{consecutive_fatal, loaded};
use super::ctx::{err, mul, step, Ctx, Notes};
use crate::domain::{AccidentGrade, Line};
use crate::error::{ErrorCode, Errors};
use crate::input::Year;
use crate::money::fmt_factor;
use crate::rules::PricingPack;
use rust_decimal::Decimal;

pub(crate) fn float_raw<const D: u8>(
    cx: &mut Ctx<'_, D>,
    pack: &PricingPack,
) -> Result<Decimal, Errors> {
    let e = cx.e;
    let mut f = Decimal::ONE;
    // The three years entered are read one way, as the band reads them (seed 002 二(五) loads the
    // band for a 较大 or worse accident in them): the accident factor takes the most serious accident
    // of the three years and the death factor the year with the most deaths. An accident two years
    // ago can then never earn the "no accident" discount while it loads the band (ARCHITECTURE.md,
    // "Three years of history").
    let worst = e
        .history
        .iter()
        .filter_map(Year::worst)
        .max()
        .map(AccidentGrade::key)
        .unwrap_or("none");
    // The environmental line reads its own facts: environmental incidents (突发环境事件) by grade.
    // No published 环责险 table grades them, so the 安责险 accident table is borrowed, and says so;
    // deaths and consecutive fatal years are work-safety facts and play no part.
    let env = e.line == Line::Environmental;
    let (label_zh, label_en, free_zh, free_en) = if env {
        (
            "近三年最严重突发环境事件等级",
            "most serious environmental incident in the three years",
            "连续无突发环境事件年数",
            "consecutive incident-free years",
        )
    } else {
        (
            "近三年最严重事故等级",
            "most serious accident in the three years",
            "连续无事故年数",
            "consecutive accident-free years",
        )
    };
    f = mul(
        f,
        cx.factor(
            "float.accident",
            label_zh,
            label_en,
            "accident_factors",
            &pack.accident_factors,
            worst,
        )?,
    )?;
    if env {
        cx.borrowed_from_work_safety("事故等级系数", "accident factors");
    } else {
        f = mul(f, work_safety_fatalities(cx, pack)?)?;
    }
    let clean = e.history.iter().take_while(|y| !y.any()).count();
    let mut claim_free = cx.factor(
        "float.claim_free",
        free_zh,
        free_en,
        "claim_free_factors",
        &pack.claim_free_factors,
        &clean.to_string(),
    )?;
    if env {
        cx.borrowed_from_work_safety("无事故年数系数", "accident-free-years factors");
    }
    // A loaded band is the upward regime: no discount for accident-free years applies in it.
    if claim_free < Decimal::ONE && loaded(e) {
        claim_free = Decimal::ONE;
        let (zh, en) = if env {
            (
                "上浮情形(较大以上突发环境事件)不享受无事件优惠",
                "no incident-free discount while the band is loaded (a 较大 or worse environmental incident)",
            )
        } else {
            (
                "上浮情形(较大以上事故或连续2年亡人)不享受无事故优惠",
                "no accident-free discount while the band is loaded (较大 or worse, or deaths two years running)",
            )
        };
        step!(
            cx,
            "float.claim_free_loaded",
            zh,
            en,
            (
                if env {
                    "不适用无事件优惠 → 1.00"
                } else {
                    "不适用无事故优惠 → 1.00"
                }
                .into(),
                "no discount → 1.00".into()
            ),
            fmt_factor(claim_free),
            None,
            false,
            Notes::default(),
        );
    }
    f = mul(f, claim_free)?;
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
    if env {
        cx.borrowed_from_work_safety("黑名单系数", "blacklist factors");
    }
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
    if env {
        cx.borrowed_from_work_safety("隐患拒不整改系数", "refused-rectification factors");
    }
    if let Some(lr) = e.loss_ratio {
        let d = cx.lookup(&pack.loss_ratio_factors)?;
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
        let (ill, factor, below) = (d.illustrative, b.factor, b.below);
        step!(
            cx,
            "float.loss_ratio",
            "上年度赔付率",
            "loss ratio last policy year",
            {
                let below = below.map(|x| x.to_string()).unwrap_or_else(|| "∞".into());
                (
                    format!("赔付率 {lr} < {below} → {}", fmt_factor(factor)),
                    format!("loss ratio {lr} < {below} → {}", fmt_factor(factor)),
                )
            },
            fmt_factor(factor),
            Some(&d.source),
            ill,
            Notes::of(d),
        );
        if cx.tracing() {
            let below = below.map(|x| x.to_string()).unwrap_or_else(|| "∞".into());
            cx.typed(
                factor,
                Some((
                    format!("赔付率 {lr} < {below}"),
                    format!("loss ratio {lr} < {below}"),
                )),
            );
        }
        f = mul(f, factor)?;
    }
    if e.line == Line::Environmental {
        let g = e.env_credit_grade.ok_or_else(|| {
            err(
                "env_credit_grade",
                ErrorCode::Missing,
                "请填写环境信用等级",
                "The environmental credit grade is required",
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
        (
            "以上各浮动系数之积".into(),
            "product of the factors above".into(),
        ),
        fmt_factor(f),
        None,
        false,
        Notes::default(),
    );
    Ok(f)
}

/// The work-safety fatality factors: the year with the most deaths, and deaths in two consecutive
/// years. Their product.
fn work_safety_fatalities<const D: u8>(
    cx: &mut Ctx<'_, D>,
    pack: &PricingPack,
) -> Result<Decimal, Errors> {
    let e = cx.e;
    let mut f = Decimal::ONE;
    let most_deaths = e.history.iter().map(|y| y.deaths).max().unwrap_or(0);
    let deaths = match most_deaths {
        0 => "0",
        1 => "1",
        2 => "2",
        _ => "3+",
    };
    f = mul(
        f,
        cx.factor(
            "float.deaths",
            "近三年单年最多死亡人数",
            "most deaths in one year of the three",
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
    Ok(f)
}
