//! Checks of the cover: the per-person limit, who is insured, the term, the covered items.

use super::check::*;
use super::input::*;
use super::law::*;
use super::read::*;
use crate::citation::{known, Citation};
use crate::domain::PremiumBasis;
use crate::money::{cny, wan};
use crate::output::Quote;

pub(super) fn minimum_limit(q: &Quote, o: &Offer) -> Check {
    let source: Vec<Citation> = q.limits.minimum_source.iter().cloned().collect();
    let Some(min) = q.limits.minimum_per_person else {
        return check(
            "minimum_limit",
            Verdict::Meets,
            true,
            "该日期无法定最低每人限额".into(),
            "No statutory minimum per-person limit is in force on that date".into(),
            source,
        );
    };
    let (zh_min, en_min) = (wan(min), cny(min));
    let start = q.as_of;
    match o.per_person {
        None => check(
            "minimum_limit",
            Verdict::Unclear,
            true,
            format!("报价未写明每人死亡伤残限额；{start} 起保时法定最低为 {zh_min}。"),
            format!("The offer does not state a per-person death/disability limit; the legal minimum for a policy starting {start} is {en_min}."),
            source,
        )
        .ask(
            format!("每人死亡伤残限额是多少？是否不低于 {zh_min}？"),
            format!("What is the per-person death/disability limit? Is it at least {en_min}?"),
        ),
        Some(p) if p < min => check(
            "minimum_limit",
            Verdict::Fails,
            true,
            format!("每人死亡伤残限额 {} 低于 {start} 起保时的法定最低 {zh_min}。", wan(p)),
            format!("The per-person death/disability limit of {} is below the legal minimum of {en_min} for a policy starting {start}.", cny(p)),
            source,
        )
        .ask(
            format!("请将每人死亡伤残限额提高到不低于 {zh_min}，并按新限额重新报价。"),
            format!("Please raise the per-person death/disability limit to at least {en_min} and quote again for that limit."),
        ),
        Some(p) => check(
            "minimum_limit",
            Verdict::Meets,
            true,
            format!("每人死亡伤残限额 {} 不低于法定最低 {zh_min}。", wan(p)),
            format!("The per-person death/disability limit of {} is at least the legal minimum of {en_min}.", cny(p)),
            source,
        ),
    }
}

pub(super) fn all_employees(o: &Offer, employees: Option<u32>) -> Check {
    let source = vec![known::c27("第十六条")];
    let ask = |c: Check| {
        c.ask(
            "是否为全部从业人员(含劳务派遣等各种用工形式)按统一保险金额投保？投保名单共多少人？",
            "Does the policy insure every employee (whatever the employment form, dispatched workers included) at one uniform sum? How many people are on the list?",
        )
    };
    if o.uniform == Some(false) {
        return ask(check(
            "all_employees",
            Verdict::Fails,
            true,
            "报价未按统一保险金额覆盖全部从业人员；法规要求不论用工形式和岗位，全员统一保额投保。".into(),
            "The offer does not cover everyone at one uniform sum; all employees must be insured at the same sum, whatever their employment form or post.".into(),
            source,
        ));
    }
    match (o.insured, employees) {
        (Some(n), Some(e)) if n < e => ask(check(
            "all_employees",
            Verdict::Fails,
            true,
            format!("投保人数 {n} 人少于从业人员 {e} 人；全部从业人员均须投保。"),
            format!("{n} people insured, fewer than the {e} employees; every employee must be insured."),
            source,
        )),
        (Some(n), _) if o.uniform == Some(true) => check(
            "all_employees",
            Verdict::Meets,
            true,
            format!("投保 {n} 人，统一保险金额，覆盖全部从业人员。"),
            format!("{n} people insured at one uniform sum, covering every employee."),
            source,
        ),
        _ => ask(check(
            "all_employees",
            Verdict::Unclear,
            true,
            "报价未写明投保人数或是否统一保险金额。".into(),
            "The offer does not state how many people it insures or whether one sum covers everyone.".into(),
            source,
        )),
    }
}

pub(super) fn period(
    q: &Quote,
    o: &Offer,
    basis: Option<PremiumBasis>,
    term: Option<Law>,
) -> Check {
    // The term in whole years (validated: 1 to 5); one year where no rule is in force.
    let years = term
        .as_ref()
        .and_then(|t| u16::try_from(t.value.normalize().mantissa()).ok())
        .filter(|y| *y > 0)
        .unwrap_or(1);
    let mut c = match o.end {
        None => check(
            "period",
            Verdict::Unclear,
            true,
            "报价未写明保险期间。".into(),
            "The offer does not state the policy period.".into(),
            vec![],
        )
        .ask(
            "保险期间从哪天到哪天？",
            "What are the policy's start and end dates?",
        ),
        Some(end) => {
            let start = q.as_of;
            let year = start.add_years(years);
            let one_year = year.is_some_and(|y| {
                let (y, e) = (y.day_number(), end.day_number());
                e == y || e == y - 1
            });
            if one_year {
                check(
                    "period",
                    Verdict::Meets,
                    true,
                    format!("保险期间 {start} 至 {end}，为一年。"),
                    format!("The policy runs from {start} to {end}: one year."),
                    vec![],
                )
            } else if basis == Some(PremiumBasis::ContractValue) {
                check(
                    "period",
                    Verdict::Meets,
                    true,
                    format!("保险期间 {start} 至 {end}；建筑施工可按项目施工期投保。"),
                    format!("The policy runs from {start} to {end}; construction may be insured for the project's duration."),
                    vec![],
                )
            } else {
                let days = end.day_number() - start.day_number();
                check(
                    "period",
                    Verdict::Unclear,
                    true,
                    format!("保险期间 {start} 至 {end}，共 {days} 天，不是一年；保险期限原则上为一年，按行业特性另定的须有依据。"),
                    format!("The policy runs from {start} to {end}, {days} days, not one year; the term is one year in principle, and another term needs a sector rule behind it."),
                    vec![],
                )
                .ask(
                    "为什么保险期间不是一年？依据哪项行业规定？到期后如何按规定费率续保？",
                    "Why is the term not one year, and under which sector rule? How will it be renewed at the set rate when it ends?",
                )
            }
        }
    };
    // The rule's own place (Chongqing's opinion) needs no words; elsewhere it is borrowed and says so.
    if let Some(t) = term {
        c.sources = t.sources;
        c.reference = t.reference;
    }
    c
}

pub(super) fn covered_items(o: &Offer, rule: Option<Law>) -> Check {
    // The national rule and the place's own where it has one (Chongqing lists the same items).
    let sources = rule.map(|r| r.sources).unwrap_or_default();
    if o.covers.is_empty() {
        return check(
            "covered_items",
            Verdict::Unclear,
            true,
            "报价未列明保障项目。".into(),
            "The offer does not list what it covers.".into(),
            sources,
        )
        .ask(
            "保险责任是否包括从业人员和第三者的人身伤亡、第三者财产损失、应急抢险救援、医疗救护、事故鉴定和法律诉讼费用？",
            "Does the cover include death and injury of employees and third parties, third-party property loss, and rescue, medical, appraisal and litigation costs?",
        );
    }
    let missing: Vec<&(&str, &str, &str)> = COVER_ITEMS
        .iter()
        .filter(|(k, _, _)| !o.covers.contains(k))
        .collect();
    if missing.is_empty() {
        return check(
            "covered_items",
            Verdict::Meets,
            true,
            "保障项目包含法规要求的全部七项。".into(),
            "The cover includes all seven items the rules require.".into(),
            sources,
        );
    }
    let zh: Vec<&str> = missing.iter().map(|m| m.1).collect();
    let en: Vec<&str> = missing.iter().map(|m| m.2).collect();
    check(
        "covered_items",
        Verdict::Fails,
        true,
        format!("保障项目缺少：{}。", zh.join("、")),
        format!("The cover leaves out: {}.", en.join(", ")),
        sources,
    )
    .ask(
        format!("请将{}纳入保险责任。", zh.join("、")),
        format!("Please add {} to the cover.", en.join(", ")),
    )
}
