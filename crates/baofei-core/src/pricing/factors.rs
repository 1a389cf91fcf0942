//! Stage 4: the floating factors (accident history, grades, blacklist, hazards, loss ratio, credit),
//! each looked up in the pack and multiplied; the band stage clamps their product.

use super::band::consecutive_fatal;
use super::ctx::{err, mul, step, Ctx};
use crate::domain::{AccidentGrade, Line};
use crate::error::{ErrorCode, Errors};
use crate::money::fmt_factor;
use crate::rules::PricingPack;
use rust_decimal::Decimal;

pub(crate) fn float_raw(cx: &mut Ctx<'_>, pack: &PricingPack) -> Result<Decimal, Errors> {
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
