//! Guidance in the result: the duties and benefits the rules attach to insuring (data in the statutes),
//! and next steps, each priced by running the engine on the improved enterprise (never guessed).

use crate::citation::known::{c182, c294, tiering_citation};
use crate::citation::Citation;
use crate::domain::{EnvCreditGrade, Line, Obligation, StandardisationGrade};
use crate::error::Errors;
use crate::input::Enterprise;
use crate::output::{Message, NextStep, Quote};
use crate::pricing::price;
use crate::rules::{applies, names_sector, Flag, GuidanceRule, Rules, Statutes};

fn holds(e: &Enterprise, f: Flag) -> bool {
    match f {
        Flag::OtherCover => e.other_cover.is_some(),
        Flag::RiskDeposit => e.risk_deposit,
        Flag::RefusedRectification => e.refused_rectification,
        Flag::Blacklisted => e.blacklisted,
        Flag::EnvCreditTrustworthy => e.env_credit_grade == Some(EnvCreditGrade::Trustworthy),
    }
}

/// The guidance notes whose conditions hold for this enterprise on its as-of date. Where several rules
/// give the same note (a regional opinion and the later national measures), the most recent one speaks.
pub fn notes(st: &Statutes, e: &Enterprise, level: Obligation) -> Vec<Message> {
    let Some(sector) = st.sector(&e.sector) else {
        return Vec::new();
    };
    let chain = st.chain(&e.region);
    let mut hits: Vec<&GuidanceRule> = st
        .guidance
        .iter()
        .filter(|g| g.line == e.line && applies(g.from, g.until, &g.regions, &chain, e.as_of))
        .filter(|g| g.sectors.is_empty() || names_sector(&g.sectors, sector))
        .filter(|g| g.min_obligation.is_none_or(|m| level >= m))
        .filter(|g| g.when.iter().all(|f| holds(e, *f)))
        .collect();
    let latest =
        |id: &str, hits: &[&GuidanceRule]| hits.iter().filter(|g| g.id == id).map(|g| g.from).max();
    let keep: Vec<bool> = hits
        .iter()
        .map(|g| latest(&g.id, &hits) == Some(g.from))
        .collect();
    let mut keep = keep.into_iter();
    hits.retain(|_| keep.next().unwrap_or(false));
    hits.into_iter()
        .map(|g| Message {
            code: g.id.clone(),
            zh: g.text_zh.clone(),
            en: g.text_en.clone(),
            source: Some(g.source.clone()),
            field: None,
        })
        .collect()
}

/// Actions that would lower the premium or close a compliance gap, cheapest result first.
pub fn next_steps(rules: &Rules, e: &Enterprise, q: &Quote) -> Result<Vec<NextStep>, Errors> {
    let mut out = Vec::new();
    let st = rules.statutes();
    let chain = st.chain(&e.region);
    // Every price-moving improvement applied together, and their short names, for the combination.
    let mut all = e.clone();
    let mut names: Vec<(String, String)> = Vec::new();
    let mut push = |id: &str,
                    zh: String,
                    en: String,
                    better: Enterprise,
                    source: Option<Citation>|
     -> Result<(), Errors> {
        let after = price(rules, &better, crate::pricing::FIGURES)?.premium;
        let reference = source
            .as_ref()
            .and_then(|c| st.reference_for(&chain, e.line, c));
        out.push(NextStep {
            id: id.into(),
            zh,
            en,
            premium_after: after,
            premium_change: after - q.premium,
            source,
            reference,
        });
        Ok(())
    };
    if e.line == Line::WorkSafety {
        let next = match e.standardisation {
            StandardisationGrade::None => Some((StandardisationGrade::Grade3, "三级", "grade 3")),
            StandardisationGrade::Grade3 => Some((StandardisationGrade::Grade2, "二级", "grade 2")),
            StandardisationGrade::Grade2 => Some((StandardisationGrade::Grade1, "一级", "grade 1")),
            StandardisationGrade::Grade1 => None,
        };
        if let Some((g, zh, en)) = next {
            all.standardisation = g;
            names.push((format!("标准化达到{zh}"), format!("standardisation {en}")));
            push(
                "standardisation",
                format!("达到安全生产标准化{zh}：达标单位下一投保周期可适当降低费率"),
                format!("Reach safety standardisation {en}: compliant units get a moderate rate cut next period"),
                Enterprise { standardisation: g, ..e.clone() },
                Some(tiering_citation()),
            )?;
        }
    }
    if e.blacklisted {
        all.blacklisted = false;
        names.push(("移出黑名单".into(), "leaving the blacklist".into()));
        push(
            "leave_blacklist",
            "纠正失信行为并移出联合惩戒名单".into(),
            "Correct the breaches and leave the joint-punishment blacklist".into(),
            Enterprise {
                blacklisted: false,
                ..e.clone()
            },
            Some(c182("二(五)")),
        )?;
    }
    if e.refused_rectification {
        all.refused_rectification = false;
        names.push(("整改重大隐患".into(), "rectifying the major hazard".into()));
        let (zh, en) = if e.line == Line::Environmental {
            (
                "整改排查发现的重大隐患(本工具借用安责险做法，拒不整改按上浮费率计)",
                "Rectify the major hazard found (Baofei borrows the work-safety practice: a refusal is priced with a loading)",
            )
        } else {
            (
                "整改重大事故隐患(拒不整改可上浮费率并被报告监管部门)",
                "Rectify the major hidden hazard (refusal raises the rate and is reported to the regulator)",
            )
        };
        push(
            "rectify_hazards",
            zh.into(),
            en.into(),
            Enterprise {
                refused_rectification: false,
                ..e.clone()
            },
            Some(c182("二(八)")),
        )?;
    }
    if let (true, Some(min)) = (q.limits.below_minimum, q.limits.minimum_per_person) {
        push(
            "raise_limit",
            format!("将每人限额提高到法定最低 {}", crate::money::wan(min)),
            format!(
                "Raise the per-person limit to the legal minimum of {}",
                crate::money::wan(min)
            ),
            Enterprise {
                per_person_limit: Some(min),
                ..e.clone()
            },
            q.limits.minimum_source.clone(),
        )?;
    }
    if e.line == Line::Environmental {
        let next = match e.env_credit_grade {
            Some(EnvCreditGrade::Poor) => Some((EnvCreditGrade::Warning, "警示", "warning")),
            Some(EnvCreditGrade::Warning) => Some((EnvCreditGrade::Good, "良好", "good")),
            Some(EnvCreditGrade::Good) => {
                Some((EnvCreditGrade::Trustworthy, "诚信", "trustworthy"))
            }
            _ => None,
        };
        if let Some((g, zh, en)) = next {
            all.env_credit_grade = Some(g);
            names.push((
                "环境信用提升一级".into(),
                "a better environmental credit grade".into(),
            ));
            push(
                "env_credit",
                format!("将企业环境信用等级提升到{zh}"),
                format!("Improve the environmental credit grade to {en}"),
                Enterprise {
                    env_credit_grade: Some(g),
                    ..e.clone()
                },
                Some(c294()),
            )?;
        }
    }
    // At the band's cap one fix alone may change nothing: the float stays capped. Then the fixes
    // together are priced and named, so that the enterprise that most needs a lower premium is told
    // what moves it (issue 13 point 7).
    let at_cap = q.band.clamped && q.band.factor == q.band.high;
    if at_cap && names.len() >= 2 {
        let after = price(rules, &all, crate::pricing::FIGURES)?.premium;
        // The best a single fix does: the words must not say "no fix alone lowers it" beside a fix
        // that does (found by a fresh-eyes review: leaving the blacklist alone saved 7,560 元).
        let best_single = out
            .iter()
            .map(|n| n.premium_after)
            .min()
            .unwrap_or(q.premium);
        if after < q.premium && after < best_single {
            let (zh, en): (Vec<String>, Vec<String>) = names.into_iter().unzip();
            let some_alone = best_single < q.premium;
            out.push(NextStep {
                id: "combined".into(),
                zh: if some_alone {
                    format!(
                        "同时完成{}：保费已达浮动上限，有的单项整改单独不改变保费，合并完成降低最多",
                        zh.join("、")
                    )
                } else {
                    format!(
                        "同时完成{}：保费已达浮动上限，单项整改不改变保费，合并完成才能降低",
                        zh.join("、")
                    )
                },
                en: if some_alone {
                    format!(
                        "Do these together: {}. The premium is at the band's cap: some fixes alone change nothing, together they lower it most",
                        en.join(", ")
                    )
                } else {
                    format!(
                        "Do these together: {}. The premium is at the band's cap, so no one fix alone lowers it",
                        en.join(", ")
                    )
                },
                premium_after: after,
                premium_change: after - q.premium,
                source: Some(q.band.source.clone()),
                reference: q.band.reference.clone(),
            });
        }
    }
    crate::sort::sort_small_by(&mut out, |a, b| a.premium_change < b.premium_change);
    Ok(out)
}
