//! The self-assessment: questions (those the form already answers are bound to it both ways), the
//! risk tier and the gaps, each priced by the engine.

use super::{cite, msg, reference, Cx};
use crate::model::fmt_money;
use crate::state::Action;
use baofei_core::assess::{questions, AnswerKind, Assessment};
use baofei_core::domain::Line;
use baofei_core::fields::Field;
use baofei_core::{Errors, Quote};
use yew::prelude::*;

/// The registry field a question is bound to, and whether its "yes" means the flag is set.
fn bound_key(qid: &str) -> Option<(Field, bool)> {
    match qid {
        "blacklist" => Some((Field::Blacklisted, true)),
        "hazards_rectified" => Some((Field::RefusedRectification, false)),
        _ => None,
    }
}

/// The questionnaire and its result.
pub fn assessment_view(cx: &Cx<'_>, outcome: &Result<(Quote, Assessment), Errors>) -> Html {
    let (tr, lang, f) = (cx.tr, cx.lang, cx.form);
    let line = f.line();
    let qs: Vec<_> = questions()
        .into_iter()
        .filter(|q| q.line.is_none_or(|l| l == line))
        .collect();
    let result = match outcome {
        Ok((q, a)) => html! {
            <div class="bf-assess-result" aria-live="polite">
                <p id="tier" class={classes!("bf-tier", format!("tier-{}", a.tier.key()))}><strong>{ tr.tier }{ "：" }</strong>{ a.tier.name().pick(cx.lang) }</p>
                // Each line in its own words: an environmental incident is not a 生产安全事故 (newcomer 10.4).
                <p class="bf-tier-why" id="tier-why">{ if line == Line::Environmental { msg(lang,
                    "风险分级怎么定：近三年发生较大以上突发环境事件、列入黑名单、重大隐患拒不整改、环境风险重大，或自评中有严重问题，为高风险；连续3年无突发环境事件、环境信用良好以上且环境风险一般，为低风险；其余为中风险。",
                    "What sets the tier: a 较大 or worse environmental incident in three years, the blacklist, an unrectified major hazard, a major environmental risk, or a severe answer below make it high; three incident-free years with good or better environmental credit and a general risk grade make it low; otherwise medium.") } else { msg(lang,
                    "风险分级怎么定：近三年发生较大以上事故(或连续两年亡人)、列入黑名单、重大隐患拒不整改，或自评中有严重问题，为高风险；连续3年无事故且标准化二级以上为低风险；其余为中风险。",
                    "What sets the tier: a 较大 or worse accident in three years (or deaths two years running), the blacklist, an unrectified major hazard, or a severe answer below make it high; three clean years with standardisation grade 2 or better make it low; otherwise medium.") } }</p>
                <h3>{ tr.gaps }</h3>
                if a.gaps.is_empty() { <p>{ tr.no_gaps }</p> }
                <ol id="gaps">
                { for a.gaps.iter().map(|g| {
                    let effect = match g.premium_change {
                        Some(c) if c.is_sign_negative() && !c.is_zero() => format!("{} {}", tr.saves, fmt_money(-c, lang)),
                        Some(c) if !c.is_zero() => format!("{} {}", tr.costs, fmt_money(c, lang)),
                        // Priced, but the premium is at the band's cap: not "no effect", see the combination.
                        Some(_) if a.combined.is_some() => msg(lang, "已达浮动上限，单项不改变保费(见下方合并整改)", "at the band's cap, alone it changes nothing (see the combination below)"),
                        // Advice, not a duty: no rule requires occupational-disease cover (newcomer 6.4).
                        _ if g.question == "occupational_hazards" => msg(lang, "不直接影响保费，属建议", "no direct premium effect; a suggestion"),
                        _ => tr.no_price_effect.to_string(),
                    };
                    html! { <li data-question={g.question.clone()}>{ msg(lang, &g.fix_zh, &g.fix_en) }{ " — " }<strong>{ effect }</strong>{ " · " }{ cite(lang, &g.source) }{ for g.reference.iter().map(|r| reference(lang, r)) }</li> }
                }) }
                </ol>
                if let Some(c) = &a.combined {
                    <p id="combined" class="bf-combined"><strong>{ msg(lang, "合并整改", "Together") }{ msg(lang, "：", ": ") }</strong>{ msg(lang, &c.zh, &c.en) }{ " — " }
                        <strong>{ format!("{} {}", tr.saves, fmt_money(-c.premium_change, lang)) }</strong></p>
                }
                <p class="bf-hint">{ format!("{}: {}", tr.premium, fmt_money(q.premium, lang)) }</p>
            </div>
        },
        Err(_) => html! {},
    };
    html! {
        // Without a result the self-assessment has nothing to print under its heading (newcomer 12.2).
        <section class={classes!("bf-assess", outcome.is_err().then_some("no-print"))} aria-labelledby={cx.standalone.then_some("assess-h")}>
            <h2 id="assess-h">{ tr.assess_heading }</h2>
            <p class="bf-hint no-print">{ tr.assess_help }</p>
            <div class="bf-questions no-print">
            { for qs.iter().filter(|q| !matches!(q.kind, AnswerKind::Standardisation | AnswerKind::EnvCredit)).map(|q| {
                let id = format!("q-{}", q.id);
                // The safe answer always on the left, the risky one on the right, whatever the wording.
                let good = match q.kind { AnswerKind::YesNo { good } => good, _ => true };
                let order = if good { ["yes", "no"] } else { ["no", "yes"] };
                let bound = bound_key(q.id);
                let cur: String = match bound {
                    Some((key, yes_sets)) => if f.checked(key) == yes_sets { "yes" } else { "no" }.into(),
                    None => f.get(&format!("a.{}", q.id)).to_string(),
                };
                let choose = |v: &'static str| {
                    let d = cx.dispatch.clone();
                    let qid = q.id;
                    Callback::from(move |_: Event| match bound {
                        // Bound to a form field: the answer and the field are one value (two-way).
                        Some((key, yes_sets)) => {
                            let set = (v == "yes") == yes_sets;
                            d.emit(Action::Set(key.link().into(), if set { "1".into() } else { String::new() }))
                        }
                        None => d.emit(Action::Set(format!("a.{qid}"), v.into())),
                    })
                };
                html! {
                    <fieldset class="bf-q" id={id.clone()}>
                        <legend>{ msg(lang, q.zh, q.en) }</legend>
                        <div class="bf-seg">
                        { for order.iter().enumerate().map(|(i, v)| {
                            let rid = format!("{id}-{v}");
                            html! { <>
                                <input type="radio" name={id.clone()} id={rid.clone()} value={*v} checked={cur == *v} onchange={choose(v)} />
                                <label for={rid} class={if i == 0 { "seg-good" } else { "seg-risky" }}>{ if *v == "yes" { tr.yes } else { tr.no } }</label>
                            </> }
                        }) }
                        </div>
                    </fieldset>
                }
            }) }
            </div>
            { result }
        </section>
    }
}
