//! The result panel: compulsory status, premium and range, limits, warnings (the live region), then
//! the explanations (legal basis, next steps, notes, prevention, assumptions, trace) and the facts
//! summary for the printed sheet.

use super::breakdown::breakdown_view;
use super::trace::trace_view;
use super::{badge, cite, cited, dom_id, msg, reference, Cx};
use crate::i18n::T;
use crate::model::{fmt_money, fmt_pct, fmt_yuan, form_key, Form, Lang};
use crate::outcome::{rules, LocalOutcome};
use baofei_core::assess::Assessment;
use baofei_core::domain::Obligation;
use baofei_core::fields::Field as F;
use baofei_core::output::{Known, ObligationResult, Prevention};
use baofei_core::Citation;
use baofei_core::{Errors, Quote};
use rust_decimal::Decimal;
use yew::prelude::*;

/// The result: figures (or errors) in a live region, explanations after the first paint.
pub fn result_panel(
    cx: &Cx<'_>,
    outcome: &Result<(Quote, Assessment), Errors>,
    known: Option<&Known>,
) -> Html {
    let (tr, lang) = (cx.tr, cx.lang);
    let body = match outcome {
        Err(errs)
            if errs
                .0
                .iter()
                .all(|e| form_key(&e.field).as_deref() == cx.editing && cx.editing.is_some()) =>
        {
            html! {
                <p class="bf-hint" id="typing">{ msg(lang, "正在输入…离开该栏后再检查。", "Typing… checked when you leave the field.") }</p>
            }
        }
        Err(errs) => {
            // Only required fields still empty: asked for, in the same neutral words as at the fields
            // (newcomer 2.6), not "correct these".
            let only_needed = errs
                .0
                .iter()
                .all(|e| form_key(&e.field).is_some_and(|k| cx.needed.contains(&k)));
            html! {
            <div class={classes!("bf-errors", only_needed.then_some("bf-needed"))} role="alert">
                <h3>{ if only_needed { msg(lang, "请填写以下内容", "Please fill in") } else { tr.errors_heading.to_string() } }</h3>
                <ul>
                    { for errs.0.iter().filter(|e| form_key(&e.field).as_deref() != cx.editing || cx.editing.is_none()).map(|e| {
                        let target = form_key(&e.field).map(|k| dom_id(&k));
                        let text = msg(lang, &e.message_zh, &e.message_en);
                        html! { <li>{ match target {
                            Some(id) => {
                                // Focus the field without touching the address: the fragment is the share link.
                                let go = { let id = id.clone(); Callback::from(move |ev: MouseEvent| { ev.prevent_default(); focus(&id); }) };
                                html! { <a href={format!("#{id}")} onclick={go}>{ text }</a> }
                            }
                            None => html! { text },
                        } }</li> }
                    }) }
                </ul>
            </div>
            }
        }
        Ok((q, _)) => figures_view(tr, lang, q, cx.pack_label),
    };
    // Only the figures (or the errors) are live: the explanations below change with them but would
    // make every keystroke a long announcement.
    let (summary, explanations) = match outcome {
        Ok((q, _)) => (
            summary_view(tr, lang, cx.form),
            if cx.full {
                html! { <div class="bf-explain">{ explanations_view(tr, lang, q, &super::disclaimer(cx)) }</div> }
            } else {
                // Until the explanations are rendered, the prerendered page's own stand in (issue 15).
                cx.stand_in
                    .and_then(|s| s.explain.clone())
                    .map(|e| Html::VRef(e.into()))
                    .unwrap_or_default()
            },
        ),
        // No premium, but what does not depend on the failing field still holds and is shown.
        // The printed sheet still says what was entered, the offending value as typed, beside the
        // errors (newcomer review 12.2: an error state printed an empty 报价单).
        Err(_) => (
            summary_view(tr, lang, cx.form),
            known.map(|k| known_view(tr, lang, k)).unwrap_or_default(),
        ),
    };
    html! {
        <section class="bf-result" part="result" aria-labelledby={cx.standalone.then_some("result-h")}>
            <h2 id="result-h" tabindex="-1">{ tr.result_heading }</h2>
            { summary }
            <div aria-live="polite" aria-atomic="false">{ body }</div>
            if cx.compact {
                { full_widget_link(cx) }
            } else {
                if let Ok((q, _)) = outcome { { breakdown_view(cx.lang, q) } }
                { explanations }
            }
        </section>
    }
}

/// Compact mode's way to the rest: the full widget on this state (the element's `link-base`, by default
/// the package's `index.html`; in a framed page, the page itself without `?mode=compact`), in a new tab so
/// the host's page stays.
fn full_widget_link(cx: &Cx<'_>) -> Html {
    let loc = gloo::utils::window().location();
    let base = match cx.link_base {
        Some(b) => b.to_string(),
        None => format!(
            "{}{}",
            loc.origin().unwrap_or_default(),
            loc.pathname().unwrap_or_default()
        ),
    };
    html! {
        <p class="bf-full-link">
            <a id="full-link" href={format!("{base}#{}", cx.form.to_fragment())} target="_blank" rel="noopener">
                { msg(cx.lang, "完整测算(事故、信用、依据、服务) →", "Full estimate (accidents, safety record, law, services) →") }
            </a>
        </p>
    }
}

/// The facts the quote rests on, for the printed sheet.
fn summary_view(tr: &T, lang: Lang, form: &Form) -> Html {
    let Ok(rules) = rules() else { return html! {} };
    let st = rules.statutes();
    let name = |zh: &str, en: &str| msg(lang, zh, en);
    let region = st
        .regions
        .iter()
        .find(|r| r.id == form.value(F::Region))
        .map(|r| name(&r.name_zh, &r.name_en))
        .unwrap_or_default();
    let sector = st
        .sector(form.value(F::Sector))
        .map(|s| {
            format!(
                "{} · {}",
                name(&s.group_zh, &s.group_en),
                name(&s.name_zh, &s.name_en)
            )
        })
        .unwrap_or_default();
    let env = form.env();
    let history: Vec<String> = (0..3)
        .filter_map(|y| {
            let parts: Vec<String> = crate::model::history_cells(true)
                .zip(tr.grades)
                .filter_map(|((c, _), g)| {
                    let n = form.get(&format!("h{y}.{c}"));
                    (!n.is_empty() && n != "0").then(|| format!("{g} {n}"))
                })
                .collect();
            // Deaths belong to work-safety accidents only (the environmental line counts incidents
            // by grade), and only when typed: the sheet must not print a label with no figure.
            let deaths = form.get(&format!("h{y}.d"));
            let deaths = (!env && !deaths.is_empty()).then(|| format!(", {} {deaths}", tr.deaths));
            (!parts.is_empty()).then(|| {
                format!(
                    "{}: {}{}",
                    tr.years[y],
                    parts.join(", "),
                    deaths.unwrap_or_default()
                )
            })
        })
        .collect();
    let mut rows = vec![
        (
            super::form::field_label(tr, lang, F::AsOf.link()),
            form.value(F::AsOf).to_string(),
        ),
        (super::form::field_label(tr, lang, F::Region.link()), region),
        (super::form::field_label(tr, lang, F::Sector.link()), sector),
        (
            super::form::field_label(tr, lang, F::Employees.link()),
            form.value(F::Employees).to_string(),
        ),
    ];
    // Every other input the form shows for this line and sector and that holds a value, as the
    // form words it (the quote sheet must list every input used).
    let basis = st.sector(form.value(F::Sector)).map(|s| s.basis);
    let name = |t: Option<baofei_core::text::Text>, v: &str| {
        t.map_or_else(|| v.to_string(), |t| t.pick(lang).to_string())
    };
    for spec in baofei_core::fields::FIELDS {
        use baofei_core::fields::{Kind, Unit};
        let v = form.value(spec.id);
        if matches!(
            spec.id,
            F::AsOf | F::Region | F::Line | F::Sector | F::Employees
        ) || v.is_empty()
            || !spec.shown_for(form.line(), basis)
        {
            continue;
        }
        // As the form words it, from the registry: a choice by its vocabulary's name, an amount
        // with the unit it is typed in (the English sheet once wrote 万元).
        let value = match (spec.kind, spec.unit) {
            (Kind::Flag, _) => (if form.checked(spec.id) { tr.yes } else { tr.no }).to_string(),
            (Kind::Choice(_), _) => name(spec.id.choice_name(v), v),
            (_, Unit::None) => v.to_string(),
            (_, Unit::Percent) => format!("{v}%"),
            (_, unit) => format!("{v} {}", unit.text().pick(lang)),
        };
        rows.push((spec.label.pick(lang), value));
    }
    rows.push((
        if env {
            tr.env_history_heading
        } else {
            tr.history_heading
        },
        if history.is_empty() {
            tr.none_entered.to_string()
        } else {
            history.join("; ")
        },
    ));
    html! {
        <div class="bf-summary print-only">
            <h3>{ tr.summary_heading }</h3>
            <dl>{ for rows.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v.clone() }</dd></> }) }</dl>
        </div>
    }
}

/// Status, figures and warnings: what an input change changes, and so the live region.
fn figures_view(tr: &T, lang: Lang, q: &Quote, pack_label: Option<&(String, String)>) -> Html {
    let m = |x: &baofei_core::output::Message| msg(lang, &x.zh, &x.en);
    // The interface's own wording of each band, in `BandKind` order.
    let band_kind = q.band.kind as usize;
    html! {
        <>
            { status_view(tr, q.obligation.level) }
            <dl class="bf-figures">
                <div class="bf-premium">
                    // A premium priced on the project's contract value covers the project, not a year
                    // (newcomer review 2.4).
                    <dt>{ crate::i18n::figures(lang).premium_for(rules().as_ref().is_ok_and(|r| crate::model::contract_priced(r.statutes(), &q.sector))) }</dt>
                    <dd><output id="premium" part="premium" data-yuan={q.premium.to_string()}>{ fmt_money(q.premium, lang) }</output>
                        if lang == Lang::Zh { <span class="bf-exact">{ format!(" ({} 元)", fmt_yuan(q.premium)) }</span> }
                        // On a phone a `title` never shows: the premium's badge says what it means in
                        // words, and the notes below explain it (newcomer 3.6). Not a link: inside an
                        // embed a fragment link would rewrite the host's address.
                        if q.illustrative { <span class="bf-ill" title={tr.illustrative_note} aria-describedby="warn-illustrative">{ msg(lang, "含示意值，见提示", "includes illustrative values; see notes") }</span> }
                        // Whose rates (issue 16 point 3): an insurer's pack is named beside its figure.
                        if let Some((zh, en)) = pack_label {
                            <span class="bf-pack-label" id="pack-label">{ msg(lang, &format!("费率：{zh}"), &format!("Rates: {en}")) }</span>
                        }
                    </dd>
                </div>
                // A borrowed or assumed band is not "what the law allows" here: say so.
                <div><dt>{ crate::i18n::figures(lang).range_for(q.band.reference.is_some()) }</dt><dd id="range">{ crate::model::fmt_range(q.premium_low, q.premium_high, lang) }</dd></div>
                <div><dt>{ tr.guided }</dt><dd>{ fmt_money(q.guided_premium, lang) }</dd></div>
                <div class="bf-wide"><dt>{ tr.band }</dt><dd id="band">{ format!(
                    "{} · {}–{}",
                    if band_kind == 1 && q.line == baofei_core::domain::Line::Environmental {
                        tr.env_band_loaded
                    } else {
                        tr.band_kinds[band_kind]
                    },
                    q.band.low,
                    q.band.high
                ) }
                    { for q.band.reference.iter().map(|r| reference(lang, r)) }
                    if q.band.illustrative { { badge(tr) } }</dd></div>
                // The statutory per-person minimum is a work-safety rule: on the environmental line the
                // row would only say "none" about a rule that is not this line's (newcomer review 10.5).
                if q.line == baofei_core::domain::Line::WorkSafety {
                    { minimum_row(tr, lang, q.limits.minimum_per_person, &q.limits.minimum_source) }
                }
                if let Some(p) = q.limits.per_person { <div><dt>{ tr.chosen_limit }</dt><dd>{ fmt_money(p, lang) }</dd></div> }
                <div><dt>{ tr.risk_tier }</dt><dd>{ q.risk_tier.name().pick(lang) }</dd></div>
            </dl>
            if !q.warnings.is_empty() {
                <div class="bf-warnings" id="warnings">
                    <h3>{ tr.warnings }</h3>
                    <ul>{ for q.warnings.iter().map(|w| html! { <li data-code={w.code.clone()} id={(w.code == "illustrative").then_some("warn-illustrative")}>{ m(w) } { cited(lang, &w.source) }</li> }) }</ul>
                </div>
            }
        </>
    }
}

/// Legal basis, next steps, notes, prevention, assumptions, trace: rendered after the first paint and
/// outside the live region, so a screen reader is not read the whole explanation on every change.
fn explanations_view(tr: &T, lang: Lang, q: &Quote, disclaimer: &str) -> Html {
    let m = |x: &baofei_core::output::Message| msg(lang, &x.zh, &x.en);
    let at_cap = q.next_steps.iter().any(|s| s.id == "combined");
    html! {
        <>
            { basis_view(tr, lang, &q.obligation) }
            if !q.next_steps.is_empty() {
                <div class="bf-next">
                    <h3>{ tr.next_steps_heading }</h3>
                    <ol id="next-steps">
                    { for q.next_steps.iter().map(|n| {
                        let effect = if n.premium_change.is_sign_negative() && !n.premium_change.is_zero() {
                            format!("{} {}", tr.saves, fmt_money(-n.premium_change, lang))
                        } else if n.premium_change.is_zero() && at_cap {
                            msg(lang, "已达浮动上限，单项不改变保费(见合并整改)", "at the band's cap, alone it changes nothing (see the combination)")
                        } else if n.premium_change.is_zero() {
                            tr.no_price_effect.to_string()
                        } else {
                            format!("{} {}", tr.costs, fmt_money(n.premium_change, lang))
                        };
                        html! { <li data-step={n.id.clone()}>{ msg(lang, &n.zh, &n.en) }{ " — " }<strong>{ effect }</strong>
                            { cited(lang, &n.source) }{ for n.reference.iter().map(|r| reference(lang, r)) }</li> }
                    }) }
                    </ol>
                </div>
            }
            if !q.notes.is_empty() {
                <div class="bf-notes">
                    <h3>{ tr.notes_heading }</h3>
                    <ul id="notes">{ for q.notes.iter().map(|n| html! { <li data-code={n.code.clone()}>{ m(n) } { cited(lang, &n.source) }</li> }) }</ul>
                </div>
            }
            { prevention_view(tr, lang, &q.prevention) }
            if !q.assumptions.is_empty() {
                <div class="bf-assumptions"><h3>{ tr.assumptions }</h3><ul>{ for q.assumptions.iter().map(|a| html! { <li>{ m(a) }</li> }) }</ul></div>
            }
            { trace_view(tr, lang, q) }
            <p class="bf-disclaimer">{ disclaimer }</p>
        </>
    }
}

/// How many of an invalid pack's problems are listed; the rest are counted. A pack under the size cap
/// can carry 132,000 problems (security review F6).
pub const PACK_ERRORS_SHOWN: usize = 20;

/// Why the insurer's pack was not used: the first problems, each with its place in the pack, and how
/// many more there are. Not a live region: the result panel announces one short line instead.
pub fn pack_error_view(lang: Lang, e: &Errors) -> Html {
    let load_failed = e.0.first().is_some_and(|x| x.field == "pack-src");
    let title = match (load_failed, lang) {
        (true, Lang::Zh) => "费率包未能加载，未予采用：",
        (true, Lang::En) => "The pricing pack could not be loaded and was not used:",
        (false, Lang::Zh) => "费率包无效，未予采用：",
        (false, Lang::En) => "The pricing pack is invalid and was not used:",
    };
    let rest = e.0.len().saturating_sub(PACK_ERRORS_SHOWN);
    html! {
        <div class="bf-banner bf-pack-error" id="pack-error">
            <strong>{ title }</strong>
            <ul>
                { for e.0.iter().take(PACK_ERRORS_SHOWN).map(|x| html! { <li><code>{ x.field.clone() }</code>{ " — " }{ msg(lang, &x.message_zh, &x.message_en) }</li> }) }
                if rest > 0 {
                    <li id="pack-error-rest">{ msg(lang, &format!("……另有 {rest} 项问题未列出"), &format!("…and {rest} more problem(s) not listed")) }</li>
                }
            </ul>
        </div>
    }
}

/// A host's local-rules file (issue 33): used (whose rules, for which place, and how they are marked)
/// or refused (the first problems at their paths; the shipped rules stay in force). Outside the live
/// region, like the pack's banner.
pub fn local_rules_view(lang: Lang, l: &LocalOutcome) -> Html {
    match l {
        LocalOutcome::Used {
            place, publisher, ..
        } => html! {
            <p class="bf-banner bf-host-rules" id="host-rules">
                { msg(lang,
                    &format!("本站提供了{}的地方规则(发布单位：{})；标有“由本站提供”的数值来自该规则，其余为内置规则。", place.0, publisher.0),
                    &format!("This site supplies local rules for {} (published by {}): values marked \"supplied by this site\" come from them; the rest are the built-in rules.", place.1, publisher.1)) }
            </p>
        },
        LocalOutcome::Refused(e) => {
            let rest = e.0.len().saturating_sub(PACK_ERRORS_SHOWN);
            html! {
                <div class="bf-banner bf-pack-error" id="host-rules-error">
                    <strong>{ msg(lang, "本站提供的地方规则未通过校验，未予采用；以下按内置规则计算：", "This site's local rules were refused and are not used; what follows uses the built-in rules:") }</strong>
                    <ul>
                        { for e.0.iter().take(PACK_ERRORS_SHOWN).map(|x| html! { <li><code>{ x.field.clone() }</code>{ " — " }{ msg(lang, &x.message_zh, &x.message_en) }</li> }) }
                        if rest > 0 {
                            <li>{ msg(lang, &format!("……另有 {rest} 项问题未列出"), &format!("…and {rest} more problem(s) not listed")) }</li>
                        }
                    </ul>
                </div>
            }
        }
    }
}

/// What holds without a premium: the compulsory status, its legal basis and penalty, the legal
/// minimum limit, and the prevention rules and services (issue 13 point 5).
fn known_view(tr: &T, lang: Lang, k: &Known) -> Html {
    html! {
        <div class="bf-known" id="known">
            <p class="bf-hint">{ msg(lang, "保费暂无法计算；以下内容不取决于待改正的输入：", "No premium yet; what follows does not depend on the input to correct:") }</p>
            { status_view(tr, k.obligation.level) }
            <dl class="bf-figures">{ minimum_row(tr, lang, k.minimum_per_person, &k.minimum_source) }</dl>
            { basis_view(tr, lang, &k.obligation) }
            { prevention_view(tr, lang, &k.prevention) }
            if k.services_pending > 0 {
                <p class="bf-hint" id="services-pending">{ msg(lang,
                    &format!("另有 {} 项服务按企业规模或风险等级确定，改正上面的输入后列出。", k.services_pending),
                    &format!("{} more service(s) depend on the size or the risk tier and are listed once the input above is corrected.", k.services_pending)) }</p>
            }
        </div>
    }
}

/// Whether insuring is compulsory, as a badge.
fn status_view(tr: &T, l: Obligation) -> Html {
    let level = crate::model::obligation_index(l);
    html! { <p class={classes!("bf-status", format!("lvl-{level}"))} id="obligation">{ tr.compulsory[level] }</p> }
}

/// The legal minimum per-person limit in force, cited.
fn minimum_row(tr: &T, lang: Lang, min: Option<Decimal>, source: &Option<Citation>) -> Html {
    html! {
        <div class="bf-min"><dt>{ tr.minimum_limit }</dt><dd id="minimum">{
            match min { Some(v) => fmt_money(v, lang), None => tr.no_minimum.to_string() }
        } { cited(lang, source) }</dd></div>
    }
}

/// The rules that make insuring compulsory (or expected, or encouraged) and the penalty.
fn basis_view(tr: &T, lang: Lang, o: &ObligationResult) -> Html {
    let m = |x: &baofei_core::output::Message| msg(lang, &x.zh, &x.en);
    html! {
        <div class="bf-obligation">
            <h3>{ tr.basis }</h3>
            <ul>{ for o.basis.iter().map(|b| html! { <li>{ m(b) } { cited(lang, &b.source) }</li> }) }</ul>
            if let Some(p) = &o.penalty {
                <p id="penalty"><strong>{ tr.penalty }{ msg(lang, "：", ": ") }</strong>{ m(p) } { cited(lang, &p.source) }</p>
            }
        </div>
    }
}

/// On a phone, a compact summary (premium, compulsory status, risk tier) stays at the bottom of the
/// screen while any field is edited (CSS: sticky, narrow screens only). It repeats figures the
/// result's live region already announces, so it is hidden from screen readers.
pub fn sticky_summary(
    cx: &Cx<'_>,
    outcome: &Result<(Quote, Assessment), Errors>,
    offers: Option<&crate::outcome::OfferOutcome>,
) -> Html {
    let (tr, lang) = (cx.tr, cx.lang);
    // In the offer check, the bar says what the reader is deciding about: each offer's verdict (only
    // in a build with the offer check: the page's own wasm leaves the verdicts' code out).
    if let Some(verdicts) = offers
        .filter(|_| cfg!(feature = "offers"))
        .and_then(|o| offer_verdicts(lang, o))
    {
        let onclick = Callback::from(|ev: MouseEvent| {
            ev.prevent_default();
            focus_near(&ev, "offer-result");
        });
        return html! {
            <div class="bf-sticky bf-sticky-offers no-print" part="sticky" aria-hidden="true" id="sticky-offers" {onclick}>
                { for verdicts.into_iter().map(|(name, label, class)| html! {
                    <span class="bf-sticky-offer"><span class="bf-sticky-name">{ name }</span><span class={classes!("bf-verdict", class)}>{ label }</span></span>
                }) }
                <span class="bf-sticky-go">{ "›" }</span>
            </div>
        };
    }
    let body = match outcome {
        Ok((q, _)) => {
            let level = crate::model::obligation_index(q.obligation.level);
            html! { <>
                <span class="bf-sticky-premium" id="sticky-premium" key={q.premium.to_string()} data-yuan={q.premium.to_string()}>{ fmt_money(q.premium, lang) }</span>
                <span class={classes!("bf-status", format!("lvl-{level}"))}>{ tr.compulsory[level] }</span>
                <span class="bf-sticky-tier">{ q.risk_tier.name().pick(lang) }</span>
            </> }
        }
        Err(e) => html! {
            <span class="bf-sticky-error">{ msg(lang, &format!("请修正 {} 项输入", e.0.len()), &format!("{} input(s) to correct", e.0.len())) }</span>
        },
    };
    // A tap goes where the bar points (newcomer review 3.9): the breakdown of the premium, or the
    // first field to correct. It repeats what the page says, so it stays out of the accessibility
    // tree and the tab order (keyboard users have the skip link); a tap is its only use.
    let target = match outcome {
        Ok(_) => "breakdown".to_string(),
        Err(e) => {
            e.0.first()
                .and_then(|x| crate::model::form_key(&x.field))
                .map(|k| super::dom_id(&k))
                .unwrap_or_else(|| "result-h".into())
        }
    };
    let onclick = Callback::from(move |ev: MouseEvent| {
        ev.prevent_default();
        focus_near(&ev, &target);
    });
    html! { <div class="bf-sticky no-print" part="sticky" aria-hidden="true" {onclick}>{ body }<span class="bf-sticky-go">{ "›" }</span></div> }
}

/// Scrolls to and focuses the element with this id in the same document or shadow root as the
/// event's target (the element embed renders into a shadow root, where `document` cannot see).
pub fn focus_near(ev: &MouseEvent, id: &str) {
    use wasm_bindgen::JsCast;
    let root = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .map(|n| n.get_root_node());
    match root
        .as_ref()
        .and_then(|r| r.dyn_ref::<web_sys::ShadowRoot>())
    {
        Some(shadow) => focus_element(shadow.get_element_by_id(id)),
        None => focus(id),
    }
}

/// The prevention fund's floor and cap (as amounts when there is a premium) and the services owed.
fn prevention_view(tr: &T, lang: Lang, p: &Prevention) -> Html {
    // The two bounds in one unit: "5,670.00元" beside "1.19万元" reads as two scales (newcomer 1.8).
    let in_wan = lang == Lang::Zh
        && [p.min_amount, p.max_amount]
            .iter()
            .flatten()
            .any(|a| a.abs() >= Decimal::from(10_000));
    let amount_text = |a: Decimal| {
        if in_wan {
            baofei_core::money::wan(a)
        } else {
            fmt_money(a, lang)
        }
    };
    let line = |label: &str, ratio: Option<Decimal>, amount: Option<Decimal>| match (ratio, amount)
    {
        (Some(r), Some(a)) => {
            html! { <li>{ format!("{label} {} = {}", fmt_pct(r), amount_text(a)) }</li> }
        }
        (Some(r), None) => html! { <li>{ format!("{label} {}", fmt_pct(r)) }</li> },
        _ => html! {},
    };
    html! {
        <div class="bf-prevention">
            <h3>{ tr.prevention_heading }</h3>
            // Two bounds read as two figures; one plain sentence says what the enterprise gets
            // (newcomer 1.9).
            if let (Some(lo), Some(hi), Some(rlo), Some(rhi)) = (p.min_amount, p.max_amount, p.min_ratio, p.max_ratio) {
                <p id="prevention-plain">{ msg(lang,
                    &format!("按本估算，保险机构用于为您提供事故预防服务的费用应在 {} 之间(保费的 {}–{})。", crate::model::fmt_range(lo, hi, lang), fmt_pct(rlo), fmt_pct(rhi)),
                    &format!("On this estimate, the insurer should spend {} on accident-prevention services for you ({}–{} of the premium).", crate::model::fmt_range(lo, hi, lang), fmt_pct(rlo), fmt_pct(rhi))) }</p>
            }
            <ul>
                { line(tr.fund_min, p.min_ratio, p.min_amount) }
                { line(tr.fund_max, p.max_ratio, p.max_amount) }
            </ul>
            <h4>{ tr.services }</h4>
            <ul id="services">
                { for p.services.iter().map(|s| html! {
                    <li>{ msg(lang, &s.name_zh, &s.name_en) }{ " — " }
                        { if s.per_year == 0 { tr.per_contract.to_string() } else { format!("≥ {} {}", s.per_year, tr.per_year) } }
                        if s.illustrative { { badge(tr) } }
                        { " · " }{ cite(lang, &s.source) }</li>
                }) }
            </ul>
        </div>
    }
}

/// Moves focus (and the view) to the element with this id, leaving the address alone.
pub fn focus(id: &str) {
    focus_element(gloo::utils::document().get_element_by_id(id));
}

/// Scrolls to and focuses an element, if there is one.
fn focus_element(el: Option<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// Each offer's name and verdict for the sticky bar, in input order: `None` when there is no answer
/// yet (the bar then shows the estimate).
fn offer_verdicts(
    lang: Lang,
    o: &crate::outcome::OfferOutcome,
) -> Option<Vec<(String, String, &'static str)>> {
    use crate::outcome::OfferOutcome;
    use crate::views::offer::offer_badge;
    match o {
        OfferOutcome::One(r) => {
            let c = r.as_ref().as_ref().ok()?;
            let (label, class) = offer_badge(lang, c);
            Some(vec![(msg(lang, "报价", "Offer"), label, class)])
        }
        OfferOutcome::Many(r) => Some(
            r.as_ref()
                .ok()?
                .offers
                .iter()
                .map(|x| {
                    let (label, class) = offer_badge(lang, &x.check);
                    let name = msg(
                        lang,
                        &format!("报价{}", x.index + 1),
                        &format!("Offer {}", x.index + 1),
                    );
                    (name, label, class)
                })
                .collect(),
        ),
    }
}
