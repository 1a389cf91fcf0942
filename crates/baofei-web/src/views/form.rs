//! The form: region, line, sector, date, scale, limits, accident history (with the facts helper)
//! and grades.

use super::{dom_id, msg, vocab, Cx};
use crate::i18n::T;
use crate::model::Lang;
use crate::outcome::rules;
use crate::state::{Action, State};
use baofei_core::domain::{
    EnvCreditGrade, EnvRiskGrade, Line, OtherCover, SizeClass, StandardisationGrade,
};
use baofei_core::fields::Field as F;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub(crate) fn field_error(cx: &Cx<'_>, key: &str) -> Html {
    match cx.errors.get(key) {
        Some(m) if is_needed(cx, key) => {
            html! { <p class="bf-need" id={format!("{}-err", dom_id(key))}>{ m }</p> }
        }
        Some(m) => html! { <p class="bf-err" id={format!("{}-err", dom_id(key))}>{ m }</p> },
        None => html! {},
    }
}

/// In the elder-friendly mode, the premium right under the field just changed, so the reader sees
/// what the change did without looking for the result (the result panel's live region announces it).
fn live_line(cx: &Cx<'_>, key: &str) -> Html {
    match (&cx.live, cx.editing) {
        (Some(p), Some(k)) if k == key => html! {
            <p class="bf-live" id="live-premium">{ msg(cx.lang, "估算保费：", "Estimated premium: ") }<strong>{ p }</strong></p>
        },
        _ => html! {},
    }
}

/// Whether the field's only problem is that it is required and still empty.
fn is_needed(cx: &Cx<'_>, key: &str) -> bool {
    cx.needed.iter().any(|k| k == key)
}

/// Whether the field is marked invalid (red, `aria-invalid`): an error that is not a plain request to
/// fill it in.
pub(crate) fn is_invalid(cx: &Cx<'_>, key: &str) -> bool {
    cx.errors.contains_key(key) && !is_needed(cx, key)
}

pub(crate) fn text_field(
    cx: &Cx<'_>,
    key: &str,
    label: &str,
    unit: &str,
    mode: &str,
    hint: Option<&str>,
) -> Html {
    text_field_ph(cx, key, label, unit, mode, hint, None)
}

/// A text field with a placeholder (e.g. the legal minimum that applies when left empty).
pub(crate) fn text_field_ph(
    cx: &Cx<'_>,
    key: &str,
    label: &str,
    unit: &str,
    mode: &str,
    hint: Option<&str>,
    placeholder: Option<String>,
) -> Html {
    let id = dom_id(key);
    let k = key.to_string();
    let d = cx.dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        d.emit(Action::Set(
            k.clone(),
            e.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    let invalid = is_invalid(cx, key);
    let described = if cx.errors.contains_key(key) {
        Some(format!("{id}-err"))
    } else {
        hint.map(|_| format!("{id}-hint"))
    };
    html! {
        <div class={classes!("bf-field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ label }</label>
            <div class="bf-input">
                <input id={id.clone()} name={key.to_string()} type="text" inputmode={mode.to_string()} autocomplete="off"
                    value={cx.form.get(key).to_string()} {oninput} {placeholder}
                    aria-invalid={invalid.to_string()} aria-describedby={described} />
                if !unit.is_empty() { <span class="bf-unit" aria-hidden="true">{ unit }</span> }
            </div>
            if let Some(h) = hint { <p class="bf-hint" id={format!("{id}-hint")}>{ h }</p> }
            { field_error(cx, key) }
            { live_line(cx, key) }
        </div>
    }
}

pub(crate) fn select_field(
    cx: &Cx<'_>,
    key: &str,
    label: &str,
    options: Vec<(String, String)>,
    on: Option<Callback<Event>>,
) -> Html {
    let id = dom_id(key);
    let cur = cx.form.get(key).to_string();
    let onchange = on.unwrap_or_else(|| {
        let (k, d) = (key.to_string(), cx.dispatch.clone());
        Callback::from(move |e: Event| {
            d.emit(Action::Set(
                k.clone(),
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    });
    let invalid = cx.errors.contains_key(key);
    // A value no option has (a link's `r=mars`) is shown as what it is, selected, not as whichever
    // option the browser falls back to (newcomer review 4.5: it showed 新疆).
    let mut options = options;
    if !cur.is_empty() && !options.iter().any(|(v, _)| *v == cur) {
        let shown: String = cur.chars().take(24).collect();
        options.insert(
            0,
            (
                cur.clone(),
                msg(
                    cx.lang,
                    &format!("(无效：{shown})"),
                    &format!("(not valid: {shown})"),
                ),
            ),
        );
    }
    html! {
        <div class={classes!("bf-field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ label }</label>
            <select id={id.clone()} name={key.to_string()} {onchange} aria-invalid={invalid.to_string()}
                aria-describedby={invalid.then(|| format!("{id}-err"))}>
                { for options.into_iter().map(|(v, l)| { let sel = v == cur; html! { <option selected={sel} value={v}>{ l }</option> } }) }
            </select>
            { field_error(cx, key) }
            { live_line(cx, key) }
        </div>
    }
}

pub(crate) fn checkbox(cx: &Cx<'_>, key: &str, label: &str) -> Html {
    let id = dom_id(key);
    let (k, d) = (key.to_string(), cx.dispatch.clone());
    let onchange = Callback::from(move |e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        d.emit(Action::Set(
            k.clone(),
            if on { "1".into() } else { String::new() },
        ))
    });
    html! {
        <div class="bf-check">
            <input type="checkbox" id={id.clone()} name={key.to_string()} checked={cx.form.flag(key)} {onchange} />
            <label for={id}>{ label }</label>
            { live_line(cx, key) }
        </div>
    }
}

/// The whole form; `minimum` is the legal minimum limit shown as the per-person placeholder.
pub fn form_view(cx: &Cx<'_>, minimum: Option<rust_decimal::Decimal>) -> Html {
    let Some(rules) = cx.rules.or(rules().as_ref().ok()) else {
        return html! {};
    };
    let st = rules.statutes();
    let (tr, lang, f) = (cx.tr, cx.lang, cx.form);
    let name = |zh: &str, en: &str| {
        if lang == Lang::Zh {
            zh.to_string()
        } else {
            en.to_string()
        }
    };
    let line = f.line();
    let sector = st.sector(f.value(F::Sector));
    let group = sector.map(|s| s.group().to_string()).unwrap_or_default();
    let mut groups: Vec<(String, String)> = Vec::new();
    for s in st.sectors.iter().filter(|s| s.line == line) {
        if !groups.iter().any(|(g, _)| g == s.group()) {
            groups.push((s.group().to_string(), name(&s.group_zh, &s.group_en)));
        }
    }
    let subs: Vec<(String, String)> = st
        .sectors
        .iter()
        .filter(|s| s.group() == group)
        .map(|s| (s.id.clone(), name(&s.name_zh, &s.name_en)))
        .collect();
    let regions = st
        .regions
        .iter()
        .map(|r| (r.id.clone(), name(&r.name_zh, &r.name_en)))
        .collect();
    let on_line = {
        let d = cx.dispatch.clone();
        Callback::from(move |e: Event| {
            // The select offers the vocabulary's keys only; anything else changes nothing.
            if let Some(l) = Line::from_key(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                d.emit(Action::Line(l))
            }
        })
    };
    let on_group = {
        let d = cx.dispatch.clone();
        Callback::from(move |e: Event| {
            d.emit(Action::Group(
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let group_select = {
        // The group select shows the current sector's group; it is not a form key of its own.
        let cur = group.clone();
        html! {
            <div class="bf-field">
                <label for="f-group">{ tr.sector_group }</label>
                <select id="f-group" onchange={on_group}>
                    { for groups.into_iter().map(|(v, l)| { let sel = v == cur; html! { <option selected={sel} value={v}>{ l }</option> } }) }
                </select>
            </div>
        }
    };
    let basis = sector.map(|s| s.basis);
    use baofei_core::domain::PremiumBasis as B;
    let env = f.env();
    html! {
        <form class="bf-form no-print" part="form" aria-labelledby={cx.standalone.then_some("form-h")} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
            onfocusout={ let d = cx.dispatch.clone(); Callback::from(move |_: FocusEvent| d.emit(Action::Leave)) }>
            <h2 id="form-h">{ tr.form_heading }</h2>
            if f.is_example() && !cx.compact {
                <p class="bf-hint" id="example-note">{ msg(lang,
                    "已填入一个示例企业(重庆 · 危险化学品生产 · 100 人)，请改成您企业的情况。",
                    "The form opens with an example enterprise (Chongqing · hazardous chemicals production · 100 employees): change it to yours.") }</p>
            }
            <fieldset>
                { select_field(cx, F::Region.link(), label(cx, F::Region), regions, None) }
                // Said at the choice itself (issue 18): a province with no local rule in the data is not
                // a province without rules.
                if f.value(F::Region) != "national" && !st.local_rules(&st.chain(f.value(F::Region)), if env { baofei_core::domain::Line::Environmental } else { baofei_core::domain::Line::WorkSafety }) {
                    <p class="bf-hint" id="region-hint">{ if env { msg(lang, "本地区暂未收录环境污染责任保险的地方规定，适用全国规定。", "No local rules on environmental pollution liability insurance for this region are in our data yet: the national rules apply.") } else { msg(lang, "本地区暂未收录安全生产责任保险的地方规定，适用全国规定。", "No local rules on work-safety liability insurance for this region are in our data yet: the national rules apply.") } }</p>
                }
                // The site's rules page, on the same region and date (standalone only: an embed's
                // relative link would point into its host's site).
                // Only for a region the data knows (security review N13), its values encoded.
                if cx.standalone && st.regions.iter().any(|r| r.id == f.value(F::Region)) {
                    <p class="bf-hint"><a id="rules-link" href={format!("rules.html#r={}&d={}", crate::model::pct_encode(f.value(F::Region)), crate::model::pct_encode(f.value(F::AsOf)))}>
                        { msg(lang, "查看本地区当日有效的全部规定 →", "Every rule in force here on this date →") }</a></p>
                }
                { select_field(cx, F::Line.link(), label(cx, F::Line), vocab(&Line::ALL, Line::key, Line::name, lang), Some(on_line)) }
                { group_select }
                { select_field(cx, F::Sector.link(), label(cx, F::Sector), subs, None) }
                // Compact mode prices today (or the host's `as-of`); other dates are the full widget's.
                if !cx.compact {
                <div class="bf-field">
                    <label for="f-d">{ label(cx, F::AsOf) }</label>
                    <input id="f-d" type="date" value={f.value(F::AsOf).to_string()} aria-invalid={cx.errors.contains_key(F::AsOf.link()).to_string()}
                        aria-describedby={if cx.errors.contains_key(F::AsOf.link()) { "f-d-err" } else { "f-d-hint" }}
                        oninput={ let d = cx.dispatch.clone(); Callback::from(move |e: InputEvent| d.emit(Action::Set(F::AsOf.link().into(), e.target_unchecked_into::<HtmlInputElement>().value()))) } />
                    <p class="bf-hint" id="f-d-hint">{ tr.as_of_hint }</p>
                    { field_error(cx, F::AsOf.link()) }
                </div>
                }
            </fieldset>
            <fieldset>
                <legend>{ tr.scale_heading }</legend>
                { field(cx, F::Employees, None) }
                // The size class follows the headcount unless set: compact mode leaves it to that.
                if !env && !cx.compact {
                    { select_field(cx, F::SizeClass.link(), label(cx, F::SizeClass), {
                        let mut o = vec![(String::new(), tr.size_auto.to_string())];
                        o.extend(vocab(&SizeClass::ALL, SizeClass::key, SizeClass::name, lang));
                        o
                    }, None) }
                }
                { match basis {
                    Some(B::ContractValue) => html! { <>
                        { field(cx, F::ContractValue, None) }
                        // A sub-sector that is itself the high-risk class already prices the
                        // high-risk column: its box shows that, checked and fixed, instead of a second
                        // control that disagrees with the first (newcomer 2.3).
                        if sector.is_some_and(|s| s.high_risk_project) {
                            <div class="bf-check">
                                <input type="checkbox" id="f-hr" checked=true disabled=true aria-describedby="f-hr-hint" />
                                <label for="f-hr">{ label(cx, F::HighRiskProject) }</label>
                            </div>
                            <p class="bf-hint" id="f-hr-hint">{ msg(lang, "所选细分行业即高风险工程，已按高风险工程费率计算。", "The sub-sector chosen is the high-risk class: the high-risk rate applies.") }</p>
                        } else {
                            { checkbox(cx, F::HighRiskProject.link(), label(cx, F::HighRiskProject)) }
                        }
                        { checkbox(cx, F::Metro.link(), label(cx, F::Metro)) }
                    </> },
                    Some(B::Tonnage) => field(cx, F::Tonnage, None),
                    Some(B::Vehicles) => field(cx, F::Vehicles, None),
                    Some(B::Seats) => field(cx, F::Seats, None),
                    _ => html! {},
                } }
            </fieldset>
            // Compact mode stops here: the limits, the accident history and the safety record are the
            // full widget's (its link is under the figures).
            if !cx.compact {
            <fieldset>
                <legend>{ tr.limits_heading }</legend>
                if !env { { text_field_ph(cx, F::PerPersonLimit.link(), label(cx, F::PerPersonLimit), unit(cx, F::PerPersonLimit), "decimal", Some(tr.limit_hint),
                    minimum.map(|m| (m / rust_decimal::Decimal::from(10_000)).normalize().to_string())) } }
                { field(cx, F::AggregateLimit, None) }
            </fieldset>
            { history_view(cx) }
            <fieldset>
                <legend>{ tr.safety_heading }</legend>
                if env {
                    { select_field(cx, F::EnvRiskGrade.link(), label(cx, F::EnvRiskGrade), vocab(&EnvRiskGrade::ALL, EnvRiskGrade::key, EnvRiskGrade::name, lang), None) }
                    { select_field(cx, F::EnvCreditGrade.link(), label(cx, F::EnvCreditGrade), vocab(&EnvCreditGrade::ALL, EnvCreditGrade::key, EnvCreditGrade::name, lang), None) }
                } else {
                    { select_field(cx, F::Standardisation.link(), label(cx, F::Standardisation), vocab(&StandardisationGrade::ALL, StandardisationGrade::key, StandardisationGrade::name, lang), None) }
                    { select_field(cx, F::OtherCover.link(), label(cx, F::OtherCover), std::iter::once((String::new(), tr.none_held.to_string())).chain(vocab(&OtherCover::ALL, OtherCover::key, OtherCover::name, lang)).collect(), None) }
                    { checkbox(cx, F::RiskDeposit.link(), label(cx, F::RiskDeposit)) }
                }
                { checkbox(cx, F::Blacklisted.link(), label(cx, F::Blacklisted)) }
                { checkbox(cx, F::RefusedRectification.link(), label(cx, F::RefusedRectification)) }
                { field(cx, F::LossRatio, None) }
            </fieldset>
            }
        </form>
    }
}

fn grade_label(tr: &T, g: baofei_core::domain::AccidentGrade) -> &'static str {
    tr.grades[g as usize]
}

fn facts_view(cx: &Cx<'_>) -> Html {
    use crate::model::{ACCIDENTS_PER_YEAR, ACCIDENT_KEYS};
    let tr = cx.tr;
    let labels = [tr.deaths, tr.injuries, tr.loss];
    html! {
        <details class="bf-facts" id="facts">
            <summary>{ tr.facts_heading }</summary>
            <p class="bf-hint">{ tr.facts_help }</p>
            { for (0..3).map(|y| html! {
                <div class="bf-facts-year">
                { for (0..ACCIDENTS_PER_YEAR).map(|n| {
                    let grade = cx.form.accident_grade(y, n);
                    html! {
                        <div class="bf-facts-row" role="group" aria-label={format!("{} · {} {}", year_label(cx, y), tr.accident_n, n + 1)}>
                            <span class="bf-facts-title">{ format!("{} · {} {}", year_label(cx, y), tr.accident_n, n + 1) }</span>
                            { for ACCIDENT_KEYS.iter().zip(labels).map(|((c, _), label)| {
                                let key = format!("h{y}.a{n}.{c}");
                                let id = dom_id(&key);
                                let d = cx.dispatch.clone();
                                let k = key.clone();
                                let invalid = cx.errors.contains_key(&key);
                                html! {
                                    <label class="bf-facts-cell">
                                        <span>{ label }</span>
                                        <input id={id.clone()} type="text" inputmode="decimal" value={cx.form.get(&key).to_string()}
                                            aria-invalid={invalid.to_string()} aria-describedby={invalid.then(|| format!("{id}-err"))}
                                            oninput={Callback::from(move |e: InputEvent| d.emit(Action::Set(k.clone(), e.target_unchecked_into::<HtmlInputElement>().value())))} />
                                        { field_error(cx, &key) }
                                    </label>
                                }
                            }) }
                            <output class="bf-grade" id={format!("grade-{y}-{n}")} aria-live="polite">
                                { grade.map(|g| format!("{}: {}", tr.derived_grade, grade_label(tr, g))).unwrap_or_default() }
                            </output>
                        </div>
                    }
                }) }
                </div>
            }) }
        </details>
    }
}

fn history_view(cx: &Cx<'_>) -> Html {
    let tr = cx.tr;
    // 环责险 asks for environmental incidents by grade; deaths and the accident-facts helper are
    // work-safety facts (issue 13 point 6).
    let env = cx.form.env();
    let cols: Vec<&str> = crate::model::history_cells(env).map(|(c, _)| c).collect();
    let heads: Vec<&str> = tr
        .grades
        .iter()
        .copied()
        .chain((!env).then_some(tr.deaths))
        .collect();
    html! {
        <fieldset class="bf-history">
            <legend>{ if env { tr.env_history_heading } else { tr.history_heading } }</legend>
            <p class="bf-hint">{ if env { tr.env_history_help } else { tr.history_help } }</p>
            <table>
                <thead><tr><th scope="col"><span class="sr-only">{ if cx.lang == Lang::Zh { "年份" } else { "Year" } }</span></th>{ for heads.iter().map(|h| html! { <th scope="col">{ narrow_head(h) }</th> }) }</tr></thead>
                <tbody>
                { for (0..3).map(|y| html! {
                    <tr>
                        <th scope="row">{ cx.tr.years[y] }{ for year_of(cx, y).map(|n| html! { <span class="bf-yr">{ format!("({n})") }</span> }) }</th>
                        { for cols.iter().zip(&heads).map(|(c, h)| {
                            let key = format!("h{y}.{c}");
                            let id = dom_id(&key);
                            let d = cx.dispatch.clone();
                            let k = key.clone();
                            let invalid = cx.errors.contains_key(&key);
                            html! {
                                <td data-label={h.to_string()}>
                                    <input id={id.clone()} type="text" inputmode="numeric" class="bf-count"
                                        aria-label={format!("{} · {}", year_label(cx, y), h)} value={cx.form.get(&key).to_string()}
                                        aria-invalid={invalid.to_string()} aria-describedby={invalid.then(|| format!("{id}-err"))}
                                        oninput={Callback::from(move |e: InputEvent| d.emit(Action::Set(k.clone(), e.target_unchecked_into::<HtmlInputElement>().value())))} />
                                    { field_error(cx, &key) }
                                </td>
                            }
                        }) }
                    </tr>
                }) }
                </tbody>
            </table>
            if !env { { facts_view(cx) } }
        </fieldset>
    }
}

/// The label of a form key, for notes about a link and the print sheet: the registry's, and the
/// offer check's for `o`.
pub(crate) fn field_label(tr: &T, lang: Lang, key: &str) -> &'static str {
    if key == "o" {
        return tr.offer_check;
    }
    baofei_core::fields::by_link(key).map_or("", |f| f.label.pick(lang))
}

/// A registry field's label in the interface language.
fn label(cx: &Cx<'_>, field: F) -> &'static str {
    field.spec().label.pick(cx.lang)
}

/// A registry field's unit in the interface language.
fn unit(cx: &Cx<'_>, field: F) -> &'static str {
    field.spec().unit.text().pick(cx.lang)
}

/// A registry field's text input: its label, unit and keyboard from the registry.
fn field(cx: &Cx<'_>, field: F, hint: Option<&str>) -> Html {
    use baofei_core::fields::Kind;
    let mode = match field.spec().kind {
        Kind::Count => "numeric",
        _ => "decimal",
    };
    text_field(
        cx,
        field.link(),
        label(cx, field),
        unit(cx, field),
        mode,
        hint,
    )
}

/// What happened to the link or the remembered inputs: unreadable (defaults shown), cleared, or
/// fields dropped because this line and sector do not show them; with a way back to the defaults.
pub fn link_notes_view(cx: &Cx<'_>, state: &State) -> Html {
    let (tr, lang) = (cx.tr, cx.lang);
    let mut notes: Vec<String> = Vec::new();
    if state.link_error {
        notes.push(tr.link_error.to_string());
    }
    if state.stored_error {
        notes.push(msg(
            lang,
            "记住的输入无法读取，已清除，显示默认值。",
            "The remembered inputs could not be read; they were cleared and defaults are shown.",
        ));
    }
    if !state.dropped.is_empty() {
        // Labels without their hints: "年营业收入(选填)" → "年营业收入".
        let names: Vec<&str> = state
            .dropped
            .iter()
            .map(|k| {
                let l = field_label(tr, lang, k);
                l.split(['(', '（']).next().unwrap_or(l).trim_end()
            })
            .collect();
        notes.push(msg(
            lang,
            &format!(
                "链接中的以下内容不适用于所选险种和行业，已忽略：{}",
                names.join("、")
            ),
            &format!(
                "The link set fields this line and sector do not use; they were ignored: {}",
                names.join(", ")
            ),
        ));
    }
    if notes.is_empty() {
        return html! {};
    }
    let reset = {
        let d = cx.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Reset))
    };
    html! {
        <div class="bf-banner" role="alert" id="link-note">
            { for notes.into_iter().map(|n| html! { <p>{ n }</p> }) }
            <button type="button" id="reset-defaults" onclick={reset}>{ msg(lang, "恢复默认值", "Back to defaults") }</button>
        </div>
    }
}

/// A column head that fits a 360 px column: the long grade may break only between 特别 and 重大
/// (a zero-width space) or as Espe-cially and Ordi-nary (soft hyphens, used only where the word does
/// not fit: Firefox's classic scrollbar leaves a 360 px phone layout 348 px, and "Ordinary" then spilled
/// 2 px out of its column), never elsewhere inside a word (newcomer 3.10, 4.2: "特别重大死亡人数" ran
/// together, "Ordinar-y" broke).
fn narrow_head(h: &str) -> String {
    h.replace("特别重大", "特别\u{200B}重大")
        .replace("Especially", "Espe\u{AD}cially")
        .replace("Ordinary", "Ordi\u{AD}nary")
}

/// "上一年(2025)": the history rows with their calendar years, counted back from the policy start.
fn year_label(cx: &Cx<'_>, y: usize) -> String {
    match year_of(cx, y) {
        Some(year) => format!("{}({year})", cx.tr.years[y]),
        None => cx.tr.years[y].to_string(),
    }
}

/// The calendar year of history row `y`, when the start date has one. The table shows it on a line
/// of its own so a 360 px row label never clips it (newcomer 4.2).
fn year_of(cx: &Cx<'_>, y: usize) -> Option<i32> {
    let start: Option<i32> = cx.form.value(F::AsOf).get(..4).and_then(|s| s.parse().ok());
    start.map(|year| year - 1 - y as i32)
}
