//! The self-assessment: questions (those the form already answers are bound to it both ways), the
//! risk tier and the gaps, each priced by the engine.

use super::{cite, msg, Cx};
use crate::model::fmt_money;
use crate::state::Action;
use baofei_core::assess::{questions, AnswerKind, Assessment};
use baofei_core::domain::Line;
use baofei_core::{Errors, Quote};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The form key a question is bound to, and whether its "yes" means the flag is set.
fn bound_key(qid: &str) -> Option<(&'static str, bool)> {
    match qid {
        "blacklist" => Some(("bl", true)),
        "hazards_rectified" => Some(("rr", false)),
        _ => None,
    }
}

/// The questionnaire and its result.
pub fn assessment_view(cx: &Cx<'_>, outcome: &Result<(Quote, Assessment), Errors>) -> Html {
    let (tr, lang, f) = (cx.tr, cx.lang, cx.form);
    let line = if f.get("l") == "environmental" {
        Line::Environmental
    } else {
        Line::WorkSafety
    };
    let qs: Vec<_> = questions()
        .into_iter()
        .filter(|q| q.line.is_none_or(|l| l == line))
        .collect();
    let result = match outcome {
        Ok((q, a)) => html! {
            <div class="bf-assess-result" aria-live="polite">
                <p id="tier" class={classes!("bf-tier", format!("tier-{}", a.tier.key()))}><strong>{ tr.tier }{ "：" }</strong>{ tr.tiers[a.tier as usize] }</p>
                <h3>{ tr.gaps }</h3>
                if a.gaps.is_empty() { <p>{ tr.no_gaps }</p> }
                <ol id="gaps">
                { for a.gaps.iter().map(|g| {
                    let effect = match g.premium_change {
                        Some(c) if c.is_sign_negative() && !c.is_zero() => format!("{} {}", tr.saves, fmt_money(-c, lang)),
                        Some(c) if !c.is_zero() => format!("{} {}", tr.costs, fmt_money(c, lang)),
                        // Priced, but the premium is at the band's cap: not "no effect", see the combination.
                        Some(_) if a.combined.is_some() => msg(lang, "已达浮动上限，单项不改变保费(见下方合并整改)", "at the band's cap, alone it changes nothing (see the combination below)"),
                        _ => tr.no_price_effect.to_string(),
                    };
                    html! { <li data-question={g.question.clone()}>{ msg(lang, &g.fix_zh, &g.fix_en) }{ " — " }<strong>{ effect }</strong>{ " · " }{ cite(&g.source) }</li> }
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
        <section class="bf-assess no-print" aria-labelledby="assess-h">
            <h2 id="assess-h">{ tr.assess_heading }</h2>
            <p class="bf-hint">{ tr.assess_help }</p>
            <div class="bf-questions">
            { for qs.iter().filter(|q| !matches!(q.kind, AnswerKind::Standardisation | AnswerKind::EnvCredit)).map(|q| {
                let id = format!("q-{}", q.id);
                let (cur, on): (String, Callback<Event>) = match bound_key(q.id) {
                    Some((key, yes_sets)) => {
                        let cur = if f.flag(key) == yes_sets { "yes" } else { "no" };
                        let d = cx.dispatch.clone();
                        (cur.into(), Callback::from(move |e: Event| {
                            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                            let set = (v == "yes") == yes_sets;
                            d.emit(Action::Set(key.into(), if set { "1".into() } else { String::new() }))
                        }))
                    }
                    None => {
                        let key = format!("a.{}", q.id);
                        let d = cx.dispatch.clone();
                        (f.get(&key).to_string(), Callback::from(move |e: Event| d.emit(Action::Set(key.clone(), e.target_unchecked_into::<HtmlSelectElement>().value()))))
                    }
                };
                html! {
                    <div class="bf-q">
                        <label for={id.clone()}>{ msg(lang, q.zh, q.en) }</label>
                        <select id={id} onchange={on}>
                            <option value="" selected={cur.is_empty()}>{ tr.unanswered }</option>
                            <option value="yes" selected={cur == "yes"}>{ tr.yes }</option>
                            <option value="no" selected={cur == "no"}>{ tr.no }</option>
                        </select>
                    </div>
                }
            }) }
            </div>
            { result }
        </section>
    }
}
