//! Prevention services, their place in the contract, and the prevention fund.

use super::check::*;
use super::law::*;
use super::read::*;
use crate::citation::Citation;
use crate::money::{cny, wan};
use crate::output::Quote;
use rust_decimal::Decimal;

pub(super) fn services(q: &Quote, o: &Offer) -> Vec<Check> {
    let owed = &q.prevention.services;
    if o.services.is_empty() {
        let mut sources: Vec<Citation> = Vec::new();
        for s in owed {
            if !sources.contains(&s.source) {
                sources.push(s.source.clone());
            }
        }
        let names_zh: Vec<&str> = owed.iter().map(|s| s.name_zh.as_str()).collect();
        let names_en: Vec<&str> = owed.iter().map(|s| s.name_en.as_str()).collect();
        return vec![check(
            "services",
            Verdict::Unclear,
            true,
            "报价未列明事故预防服务。".into(),
            "The offer does not list any accident-prevention service.".into(),
            sources,
        )
        .ask(
            format!("将提供哪些事故预防服务、每年几次？应包括：{}。", names_zh.join("；")),
            format!("Which accident-prevention services will you provide, and how often? They should include: {}.", names_en.join("; ")),
        )];
    }
    owed.iter()
        .map(|s| {
            let promised = o
                .services
                .iter()
                .find(|(id, _)| *id == s.id)
                .map(|(_, n)| *n);
            let need = s.per_year.max(1);
            let (need_zh, need_en, ask_zh, ask_en) = if s.per_year == 0 {
                (
                    "要求按合同约定的频次提供".to_string(),
                    "required at a frequency agreed in the contract".to_string(),
                    "并约定每年次数".to_string(),
                    "with its yearly frequency".to_string(),
                )
            } else {
                (
                    format!("要求每年至少 {} 次", s.per_year),
                    format!("at least {} a year required", s.per_year),
                    format!("每年至少 {} 次", s.per_year),
                    format!("at least {} a year", s.per_year),
                )
            };
            let id = format!("service.{}", s.id);
            let (verdict, zh, en) = match promised {
                Some(n) if n >= need => (
                    Verdict::Meets,
                    format!("{}：承诺每年 {n} 次({need_zh})。", s.name_zh),
                    format!("{}: {n} a year promised ({need_en}).", s.name_en),
                ),
                Some(n) => (
                    Verdict::Fails,
                    format!("{}：承诺每年 {n} 次，不足({need_zh})。", s.name_zh),
                    format!("{}: {n} a year promised, too few ({need_en}).", s.name_en),
                ),
                None => (
                    Verdict::Fails,
                    format!("{}：报价未承诺({need_zh})。", s.name_zh),
                    format!("{}: not promised ({need_en}).", s.name_en),
                ),
            };
            check(
                &id,
                verdict,
                !s.illustrative,
                zh,
                en,
                vec![s.source.clone()],
            )
            .ask(
                format!("请在合同中写明“{}”，{ask_zh}。", s.name_zh),
                format!(
                    "Please write \"{}\" into the contract, {ask_en}.",
                    s.name_en
                ),
            )
        })
        .collect()
}

pub(super) fn services_written(o: &Offer, rule: Option<Law>) -> Option<Check> {
    // 27号 has the contract state the services' content and frequency (article number not seen); a
    // place's own rule saying the same (Jilin's notice, section 二) is cited beside it.
    let rule = rule?;
    let sources = rule.sources;
    let (verdict, zh, en) = match o.written {
        Some(true) => (
            Verdict::Meets,
            "服务内容和频次已写入保险合同(或单独的服务合同)。",
            "The services' content and frequency are written into the policy (or a separate service contract).",
        ),
        Some(false) => (
            Verdict::Fails,
            "服务内容和频次未写入合同；应在保单或单独的服务合同中约定。",
            "The services' content and frequency are not in the contract; they must be fixed in the policy or a separate service contract.",
        ),
        None => (
            Verdict::Unclear,
            "不清楚服务内容和频次是否写入合同。",
            "It is not known whether the services' content and frequency are in the contract.",
        ),
    };
    Some(
        check("services_written", verdict, true, zh.into(), en.into(), sources).ask(
            "请在保单或服务合同中写明每项事故预防服务的内容和每年次数。",
            "Please write each prevention service's content and yearly frequency into the policy or a service contract.",
        ),
    )
}

pub(super) fn prevention_fund(q: &Quote, o: &Offer) -> Option<Check> {
    let spend = o.spend?;
    let sources = q.prevention.sources.clone();
    let Some(p) = o.premium else {
        return Some(
            check(
                "prevention_fund",
                Verdict::Unclear,
                true,
                format!("事故预防费用 {}，但未写明保费，无法计算比例。", wan(spend)),
                format!("Prevention spending of {} is stated, but without the premium its share cannot be worked out.", cny(spend)),
                sources,
            )
            .ask("年保费是多少？", "What is the annual premium?"),
        );
    };
    let pct = |r: Decimal| (r * Decimal::ONE_HUNDRED).normalize();
    let low = q.prevention.min_ratio.map(|r| (r, r * p));
    let high = q.prevention.max_ratio.map(|r| (r, r * p));
    let share = if p.is_zero() {
        Decimal::ZERO
    } else {
        crate::money::round_half_up(spend / p * Decimal::ONE_HUNDRED, 1)
    };
    let c = match (low, high) {
        (Some((r, a)), _) if spend < a => check(
            "prevention_fund",
            Verdict::Fails,
            true,
            format!("事故预防费用 {} 占保费 {share}%，低于本地区规定的不低于 {}%({})。", wan(spend), pct(r), wan(a)),
            format!("Prevention spending of {} is {share}% of the premium, below the region's floor of {}% ({}).", cny(spend), pct(r), cny(a)),
            sources,
        ),
        (_, Some((r, a))) if spend > a => check(
            "prevention_fund",
            Verdict::Fails,
            true,
            format!("事故预防费用 {} 占保费 {share}%，超过不高于 {}% 的上限({})。", wan(spend), pct(r), wan(a)),
            format!("Prevention spending of {} is {share}% of the premium, above the cap of {}% ({}).", cny(spend), pct(r), cny(a)),
            sources,
        ),
        _ => check(
            "prevention_fund",
            Verdict::Meets,
            true,
            format!("事故预防费用 {} 占保费 {share}%，在规定范围内。", wan(spend)),
            format!("Prevention spending of {} is {share}% of the premium, within the rules.", cny(spend)),
            sources,
        ),
    };
    Some(c.ask(
        "请说明事故预防费用的提取比例和使用计划。",
        "Please state the share of premium set aside for prevention and how it will be spent.",
    ))
}
