//! The Yew components. Thin by design: they read [`Form`] and the engine's [`Quote`] and dispatch
//! [`Action`]s; every rule and every number comes from `baofei-core`.

use crate::i18n::{t, T};
use crate::model::{fmt_money, fmt_pct, fmt_yuan, form_key, qr_svg_path, Form, Lang};
use baofei_core::assess::{apply_answers, questions, AnswerKind, Assessment};
use baofei_core::domain::{Line, Obligation};
use baofei_core::map::SortedMap;
use baofei_core::quote::assess;
use baofei_core::{Citation, Errors, Quote, Rules};
use std::rc::Rc;
use std::sync::OnceLock;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const STORAGE_KEY: &str = "baofei.form";

/// The statutes and reference pack, parsed once.
pub(crate) fn rules() -> &'static Result<Rules, Errors> {
    static R: OnceLock<Result<Rules, Errors>> = OnceLock::new();
    R.get_or_init(baofei_rules::load)
}

/// Today in the browser's local time, `YYYY-MM-DD`: only the default of the as-of field.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A validated insurer pack for one instance, compared by identity.
#[derive(Clone)]
pub struct PackState(pub Rc<Result<Rules, Errors>>);

impl PartialEq for PackState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// How the widget is hosted.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Share-link fragment to start from (embedded); the standalone page reads its address bar.
    #[prop_or_default]
    pub preset: Option<AttrValue>,
    /// Force a language: "zh" or "en".
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// The standalone page: keep the address bar and (if asked) local storage in step.
    #[prop_or_default]
    pub standalone: bool,
    /// Element that receives `baofei-quote` events (embedded).
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Instance id carried in events.
    #[prop_or_default]
    pub instance: AttrValue,
    /// An insurer's pack (validated; `Err` = rejected).
    #[prop_or_default]
    pub pack: Option<PackState>,
    /// iframe mode: the only origin quote and height messages go to, and the only one listened to.
    #[prop_or_default]
    pub parent_origin: Option<AttrValue>,
    /// Base URL of the standalone page, for share links made inside an embed.
    #[prop_or_default]
    pub link_base: Option<AttrValue>,
}

/// Widget state: the form plus two interface flags.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    form: Form,
    link_error: bool,
    remember: bool,
}

/// What the user did.
pub enum Action {
    /// A field changed.
    Set(String, String),
    /// The line changed: the sector resets to the line's first.
    Line(String),
    /// The sector group changed: the subsector resets to the group's first.
    Group(String),
    /// Language switch.
    Lang(Lang),
    /// "Remember my inputs" toggled.
    Remember(bool),
}

fn first_sector(pred: impl Fn(&baofei_core::rules::SectorDef) -> bool) -> Option<String> {
    rules()
        .as_ref()
        .ok()?
        .statutes()
        .sectors
        .iter()
        .find(|s| pred(s))
        .map(|s| s.id.clone())
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Set(k, v) => {
                s.form.set(&k, &v);
            }
            Action::Line(l) => {
                s.form.set("l", &l);
                if let Some(id) = first_sector(|d| d.line.key() == l) {
                    s.form.set("s", &id);
                }
            }
            Action::Group(g) => {
                if let Some(id) = first_sector(|d| d.group() == g) {
                    s.form.set("s", &id);
                }
            }
            Action::Lang(l) => s.form.lang = l,
            Action::Remember(r) => s.remember = r,
        }
        Rc::new(s)
    }
}

/// The remembered share-link fragment, if the user asked to be remembered. Stored as plain text: a
/// JSON codec for one string is not worth its bundle size. Values written by earlier versions (through
/// gloo's JSON storage) are a quoted string; a fragment is percent-encoded, so dropping the quotes
/// is the whole decoding.
fn stored_fragment() -> Option<String> {
    let v = local_storage()?.get_item(STORAGE_KEY).ok()??;
    Some(
        match v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            Some(inner) => inner.to_owned(),
            None => v,
        },
    )
}

/// Remembers `fragment`, or forgets it with `None`. Storage can be refused (private mode, policy);
/// the widget then simply does not remember.
fn store_fragment(fragment: Option<&str>) {
    if let Some(s) = local_storage() {
        let _ = match fragment {
            Some(f) => s.set_item(STORAGE_KEY, f),
            None => s.remove_item(STORAGE_KEY),
        };
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn initial_state(props: &AppProps) -> State {
    let today = today();
    let (source, remember) = if props.standalone {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        let stored = stored_fragment();
        let remember = stored.is_some();
        (if hash.len() > 1 { Some(hash) } else { stored }, remember)
    } else {
        (
            props
                .preset
                .as_ref()
                .map(|p| p.to_string())
                .filter(|p| !p.is_empty()),
            false,
        )
    };
    let mut state = initial_from(source, &today, remember);
    match props.lang.as_deref() {
        Some("en") => state.form.lang = Lang::En,
        Some("zh") | Some("zh-CN") => state.form.lang = Lang::Zh,
        _ => {}
    }
    state
}

fn initial_from(source: Option<String>, today: &str, remember: bool) -> State {
    match source.map(|f| Form::from_fragment(&f, today)) {
        Some(Ok((form, _skipped))) => State {
            form,
            link_error: false,
            remember,
        },
        Some(Err(_)) => State {
            form: Form::new(today),
            link_error: true,
            remember,
        },
        None => State {
            form: Form::new(today),
            link_error: false,
            remember,
        },
    }
}

/// Engine output for the current form: the quote (with the self-assessment) or every field error.
#[derive(PartialEq)]
struct Outcome(Result<(Quote, Assessment), Errors>);

/// Questionnaire answers: the explicit ones plus those the form already states (grades, blacklist,
/// rectification), so the two can never disagree.
fn answers(form: &Form) -> SortedMap<String, String> {
    let mut a = form.answers();
    let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
    a.insert("standardisation".into(), form.get("std").into());
    a.insert("blacklist".into(), yn(form.flag("bl")));
    a.insert("hazards_rectified".into(), yn(!form.flag("rr")));
    a.insert("env_credit".into(), form.get("ec").into());
    a
}

/// Runs `f` once the browser has painted the current frame: a requestAnimationFrame callback runs
/// just before the paint and a zero timeout queued from it runs after. Where frames are not produced
/// (a hidden tab), a plain timeout runs it instead, so nothing waits for the tab to become visible.
fn after_paint(f: impl FnOnce() + 'static) {
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = {
        let once = once.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = once.take() {
                f();
            }
        })
    };
    let w = gloo::utils::window();
    let run = run.into_js_value();
    let after_frame = {
        let run = run.clone();
        Closure::once_into_js(move || {
            let _ = gloo::utils::window().set_timeout_with_callback(run.unchecked_ref());
        })
    };
    let _ = w.request_animation_frame(after_frame.unchecked_ref());
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 500);
}

/// Performance API marks read by the benchmark harness (scripts/bench.sh); cheap no-ops otherwise.
mod marks {
    fn perf() -> Option<web_sys::Performance> {
        gloo::utils::window().performance()
    }
    pub fn mark(name: &str) {
        if let Some(p) = perf() {
            let _ = p.mark(name);
        }
    }
    /// Measures from mark `start` to now as `name`, once; returns whether the mark existed.
    pub fn measure_since(name: &str, start: &str) -> bool {
        let Some(p) = perf() else { return false };
        if p.get_entries_by_name(start).length() == 0 {
            return false;
        }
        let ok = p.measure_with_start_mark(name, start).is_ok();
        p.clear_marks_with_mark_name(start);
        ok
    }
}

fn compute(form: &Form, pack: Option<&PackState>) -> Outcome {
    marks::mark("baofei:engine-start");
    let out = compute_inner(form, pack);
    marks::measure_since("baofei:engine", "baofei:engine-start");
    out
}

fn compute_inner(form: &Form, pack: Option<&PackState>) -> Outcome {
    let rules = match pack.map(|p| p.0.as_ref()).unwrap_or_else(|| rules()) {
        Ok(r) => r,
        Err(e) => return Outcome(Err(e.clone())),
    };
    let a = answers(form);
    Outcome(assess(rules, &apply_answers(&form.to_input(), &a), &a))
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || initial_state(&props))
    };
    let outcome = use_memo((state.form.clone(), props.pack.clone()), |(f, p)| {
        compute(f, p.as_ref())
    });
    let lang = state.form.lang;
    let tr = t(lang);

    // The first frame holds the form and the figures; the explanations (legal basis, services, notes,
    // trace, self-assessment, sharing) follow right after it is painted. Laying out and rasterising
    // that much CJK text was most of the time to the first premium on screen (docs/size-steps.md).
    let full = use_state(|| false);
    {
        let full = full.clone();
        use_effect_with((), move |_| after_paint(move || full.set(true)));
    }

    // Keep the address bar and (if asked) local storage in step with the form.
    {
        let fragment = state.form.to_fragment();
        let remember = state.remember;
        let standalone = props.standalone;
        use_effect_with((fragment, remember), move |(fragment, remember)| {
            if !standalone {
                return;
            }
            let w = gloo::utils::window();
            if let Ok(h) = w.history() {
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
            }
            store_fragment(remember.then_some(fragment.as_str()));
            gloo::utils::document_element()
                .set_attribute(
                    "lang",
                    if fragment.contains("lang=en") {
                        "en"
                    } else {
                        "zh-CN"
                    },
                )
                .ok();
        });
    }

    // Browsers without ::details-content print a closed <details> empty: open the trace first.
    use_effect_with((), |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "beforeprint", |_| {
                if let Some(el) = gloo::utils::document().get_element_by_id("trace") {
                    let _ = el.set_attribute("open", "");
                }
            });
        move || drop(listener)
    });

    // Benchmark marks: the first premium on screen, and input-to-DOM time of every recompute.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(outcome.clone(), move |outcome| {
            marks::measure_since("baofei:update", "baofei:input");
            if outcome.0.is_ok() && std::mem::replace(&mut *first.borrow_mut(), false) {
                marks::mark("baofei:first-premium");
            }
        });
    }
    // Tell the host page (event) or the parent window (iframe) about every new quote.
    {
        let (host, instance, parent) = (
            props.host.clone(),
            props.instance.clone(),
            props.parent_origin.clone(),
        );
        use_effect_with(outcome.clone(), move |outcome| {
            if let Ok((q, _)) = &outcome.0 {
                crate::embed::announce(host.as_ref(), &instance, parent.as_deref(), q);
            }
        });
    }
    {
        let parent = props.parent_origin.clone();
        let state = state.clone();
        use_effect_with(parent, move |parent| {
            let guards = parent.as_ref().map(|p| {
                let dispatch = Callback::from(move |l: Lang| state.dispatch(Action::Lang(l)));
                crate::embed::iframe_link(p.to_string(), dispatch)
            });
            move || drop(guards)
        });
    }

    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| {
            marks::mark("baofei:input");
            state.dispatch(a)
        })
    };
    // Inserted one by one: collecting into a SortedMap sorts first, and a sort costs bundle size.
    let mut errors = SortedMap::new();
    if let Err(e) = &outcome.0 {
        for x in &e.0 {
            if let Some(k) = form_key(&x.field) {
                errors.insert(k, msg(lang, &x.message_zh, &x.message_en));
            }
        }
    }
    let cx = Cx {
        form: &state.form,
        errors: &errors,
        dispatch: &dispatch,
        tr,
        lang,
        full: *full,
    };
    let on_lang = {
        let d = dispatch.clone();
        Callback::from(move |_| {
            d.emit(Action::Lang(if lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            }))
        })
    };
    let on_print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });

    html! {
        <div class="bf" lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="bf-head">
                <div>
                    <h1>{ tr.title }</h1>
                    <p class="bf-sub">{ tr.subtitle }</p>
                </div>
                <div class="bf-actions no-print">
                    <button type="button" id="lang-toggle" onclick={on_lang} lang={if lang == Lang::Zh { "en" } else { "zh-CN" }}>{ tr.switch_lang }</button>
                    <button type="button" id="print" onclick={on_print}>{ tr.print }</button>
                </div>
            </header>
            if let Some(PackState(p)) = &props.pack {
                if let Err(e) = p.as_ref() {
                    <div class="bf-banner bf-pack-error" role="alert" id="pack-error">
                        <strong>{ if lang == Lang::Zh { "费率包无效，未予采用：" } else { "The pricing pack is invalid and was not used:" } }</strong>
                        <ul>{ for e.0.iter().take(20).map(|x| html! { <li><code>{ x.field.clone() }</code>{ " — " }{ msg(lang, &x.message_zh, &x.message_en) }</li> }) }</ul>
                    </div>
                }
            }
            if state.link_error {
                <p class="bf-banner" role="alert">{ tr.link_error }</p>
            }
            <main class="bf-main">
                { form_view(&cx, match &outcome.0 { Ok((q, _)) => q.limits.minimum_per_person, Err(_) => None }) }
                { result_panel(&cx, &outcome.0) }
            </main>
            if cx.full {
                { assessment_view(&cx, &outcome.0) }
                { share_view(&cx, state.remember, props.link_base.as_deref(), props.standalone) }
                { related_view(tr) }
                <footer class="bf-foot"><p>{ tr.disclaimer }</p></footer>
            }
        </div>
    }
}

fn msg(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh {
        zh.to_string()
    } else {
        en.to_string()
    }
}

/// What every field helper needs.
struct Cx<'a> {
    form: &'a Form,
    errors: &'a SortedMap<String, String>,
    dispatch: &'a Callback<Action>,
    tr: &'static T,
    lang: Lang,
    /// False for the first frame only: explanations are left out until the figures are painted.
    full: bool,
}

fn dom_id(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

fn field_error(cx: &Cx<'_>, key: &str) -> Html {
    match cx.errors.get(key) {
        Some(m) => html! { <p class="bf-err" id={format!("{}-err", dom_id(key))}>{ m }</p> },
        None => html! {},
    }
}

fn text_field(
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
fn text_field_ph(
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
    let invalid = cx.errors.contains_key(key);
    let described = if invalid {
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
        </div>
    }
}

fn select_field(
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
    html! {
        <div class={classes!("bf-field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ label }</label>
            <select id={id.clone()} name={key.to_string()} {onchange} aria-invalid={invalid.to_string()}
                aria-describedby={invalid.then(|| format!("{id}-err"))}>
                { for options.into_iter().map(|(v, l)| { let sel = v == cur; html! { <option selected={sel} value={v}>{ l }</option> } }) }
            </select>
            { field_error(cx, key) }
        </div>
    }
}

fn checkbox(cx: &Cx<'_>, key: &str, label: &str) -> Html {
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
        </div>
    }
}

fn opts(keys: &[&str], labels: &[&str]) -> Vec<(String, String)> {
    keys.iter()
        .zip(labels)
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect()
}

fn form_view(cx: &Cx<'_>, minimum: Option<rust_decimal::Decimal>) -> Html {
    let Ok(rules) = rules() else { return html! {} };
    let st = rules.statutes();
    let (tr, lang, f) = (cx.tr, cx.lang, cx.form);
    let name = |zh: &str, en: &str| {
        if lang == Lang::Zh {
            zh.to_string()
        } else {
            en.to_string()
        }
    };
    let line = f.get("l");
    let sector = st.sector(f.get("s"));
    let group = sector.map(|s| s.group().to_string()).unwrap_or_default();
    let mut groups: Vec<(String, String)> = Vec::new();
    for s in st.sectors.iter().filter(|s| s.line.key() == line) {
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
            d.emit(Action::Line(
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
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
    let env = line == "environmental";
    html! {
        <form class="bf-form no-print" aria-labelledby="form-h" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2 id="form-h">{ tr.form_heading }</h2>
            <fieldset>
                { select_field(cx, "r", tr.region, regions, None) }
                { select_field(cx, "l", tr.line, opts(&["work_safety", "environmental"], &[tr.line_ws, tr.line_env]), Some(on_line)) }
                { group_select }
                { select_field(cx, "s", tr.sector, subs, None) }
                <div class="bf-field">
                    <label for="f-d">{ tr.as_of }</label>
                    <input id="f-d" type="date" value={f.get("d").to_string()} aria-invalid={cx.errors.contains_key("d").to_string()}
                        aria-describedby={cx.errors.contains_key("d").then_some("f-d-err")}
                        oninput={ let d = cx.dispatch.clone(); Callback::from(move |e: InputEvent| d.emit(Action::Set("d".into(), e.target_unchecked_into::<HtmlInputElement>().value()))) } />
                    { field_error(cx, "d") }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ tr.scale_heading }</legend>
                { text_field(cx, "e", tr.employees, tr.unit_person, "numeric", None) }
                if !env {
                    { select_field(cx, "sz", tr.size, {
                        let mut o = vec![(String::new(), tr.size_auto.to_string())];
                        o.extend(opts(&["large", "medium", "small", "micro"], &tr.sizes));
                        o
                    }, None) }
                }
                { match basis {
                    Some(B::ContractValue) => html! { <>
                        { text_field(cx, "cv", tr.contract_value, tr.unit_wan, "decimal", None) }
                        { checkbox(cx, "hr", tr.high_risk) }
                        { checkbox(cx, "metro", tr.metro) }
                    </> },
                    Some(B::Tonnage) => text_field(cx, "t", tr.tonnage, tr.unit_tonne, "decimal", None),
                    Some(B::Vehicles) => text_field(cx, "veh", tr.vehicles, tr.unit_vehicle, "numeric", None),
                    Some(B::Seats) => text_field(cx, "seats", tr.seats, tr.unit_seat, "numeric", None),
                    _ => html! {},
                } }
            </fieldset>
            <fieldset>
                <legend>{ tr.limits_heading }</legend>
                if !env { { text_field_ph(cx, "pp", tr.per_person, tr.unit_wan, "decimal", Some(tr.limit_hint),
                    minimum.map(|m| (m / rust_decimal::Decimal::from(10_000)).normalize().to_string())) } }
                { text_field(cx, "agg", tr.aggregate, tr.unit_wan, "decimal", None) }
            </fieldset>
            { history_view(cx) }
            <fieldset>
                <legend>{ tr.safety_heading }</legend>
                if env {
                    { select_field(cx, "er", tr.env_risk, opts(&["general", "larger", "major"], &tr.env_risk_grades), None) }
                    { select_field(cx, "ec", tr.env_credit, opts(&["trustworthy", "good", "warning", "poor"], &tr.env_credit_grades), None) }
                } else {
                    { select_field(cx, "std", tr.standardisation, opts(&["grade1", "grade2", "grade3", "none"], &tr.std_grades), None) }
                    { select_field(cx, "oc", tr.other_cover, opts(&["", "employer_liability", "carrier_liability", "construction_group_accident"], &tr.other_cover_opts), None) }
                    { checkbox(cx, "dep", tr.risk_deposit) }
                }
                { checkbox(cx, "bl", tr.blacklisted) }
                { checkbox(cx, "rr", tr.refused) }
                { text_field(cx, "lr", tr.loss_ratio, tr.unit_pct, "decimal", None) }
            </fieldset>
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
                        <div class="bf-facts-row" role="group" aria-label={format!("{} · {} {}", tr.years[y], tr.accident_n, n + 1)}>
                            <span class="bf-facts-title">{ format!("{} · {} {}", tr.years[y], tr.accident_n, n + 1) }</span>
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
    let cols = ["o", "l", "s", "x", "d"];
    let heads: Vec<&str> = tr
        .grades
        .iter()
        .copied()
        .chain(std::iter::once(tr.deaths))
        .collect();
    html! {
        <fieldset class="bf-history">
            <legend>{ tr.history_heading }</legend>
            <p class="bf-hint">{ tr.history_help }</p>
            <table>
                <thead><tr><th scope="col"></th>{ for heads.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                <tbody>
                { for (0..3).map(|y| html! {
                    <tr>
                        <th scope="row">{ tr.years[y] }</th>
                        { for cols.iter().zip(&heads).map(|(c, h)| {
                            let key = format!("h{y}.{c}");
                            let id = dom_id(&key);
                            let d = cx.dispatch.clone();
                            let k = key.clone();
                            let invalid = cx.errors.contains_key(&key);
                            html! {
                                <td>
                                    <input id={id.clone()} type="text" inputmode="numeric" class="bf-count"
                                        aria-label={format!("{} · {}", tr.years[y], h)} value={cx.form.get(&key).to_string()}
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
            { facts_view(cx) }
        </fieldset>
    }
}

fn cite(c: &Citation) -> Html {
    let text = c.short();
    match &c.url {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            html! { <cite><a href={u.clone()} target="_blank" rel="noopener noreferrer">{ text }</a></cite> }
        }
        _ => html! { <cite>{ text }</cite> },
    }
}

/// " · <cite>…</cite>" for each source: how a statement shows where it comes from.
fn cited<'a>(sources: impl IntoIterator<Item = &'a Citation>) -> Html {
    sources
        .into_iter()
        .map(|c| html! { <>{ " · " }{ cite(c) }</> })
        .collect()
}

fn badge(tr: &T) -> Html {
    html! { <span class="bf-ill" title={tr.illustrative_note}>{ tr.illustrative }</span> }
}

fn result_panel(cx: &Cx<'_>, outcome: &Result<(Quote, Assessment), Errors>) -> Html {
    let (tr, lang) = (cx.tr, cx.lang);
    let body = match outcome {
        Err(errs) => html! {
            <div class="bf-errors" role="alert">
                <h3>{ tr.errors_heading }</h3>
                <ul>
                    { for errs.0.iter().map(|e| {
                        let target = form_key(&e.field).map(|k| format!("#{}", dom_id(&k)));
                        let text = msg(lang, &e.message_zh, &e.message_en);
                        html! { <li>{ match target { Some(href) => html! { <a href={href}>{ text }</a> }, None => html! { text } } }</li> }
                    }) }
                </ul>
            </div>
        },
        Ok((q, _)) => figures_view(tr, lang, q),
    };
    // Only the figures (or the errors) are live: the explanations below change with them but would
    // make every keystroke a long announcement.
    let (summary, explanations) = match outcome {
        Ok((q, _)) => (
            summary_view(tr, lang, cx.form),
            if cx.full {
                explanations_view(tr, lang, q)
            } else {
                html! {}
            },
        ),
        Err(_) => (html! {}, html! {}),
    };
    html! {
        <section class="bf-result" aria-labelledby="result-h">
            <h2 id="result-h">{ tr.result_heading }</h2>
            { summary }
            <div aria-live="polite" aria-atomic="false">{ body }</div>
            { explanations }
        </section>
    }
}

fn level_index(l: Obligation) -> usize {
    match l {
        Obligation::Encouraged => 0,
        Obligation::Expected => 1,
        Obligation::Compulsory => 2,
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
        .find(|r| r.id == form.get("r"))
        .map(|r| name(&r.name_zh, &r.name_en))
        .unwrap_or_default();
    let sector = st
        .sector(form.get("s"))
        .map(|s| {
            format!(
                "{} · {}",
                name(&s.group_zh, &s.group_en),
                name(&s.name_zh, &s.name_en)
            )
        })
        .unwrap_or_default();
    let history: Vec<String> = (0..3)
        .filter_map(|y| {
            let parts: Vec<String> = ["o", "l", "s", "x"]
                .iter()
                .zip(tr.grades)
                .filter_map(|(c, g)| {
                    let n = form.get(&format!("h{y}.{c}"));
                    (!n.is_empty() && n != "0").then(|| format!("{g} {n}"))
                })
                .collect();
            (!parts.is_empty()).then(|| {
                format!(
                    "{}: {}, {} {}",
                    tr.years[y],
                    parts.join(", "),
                    tr.deaths,
                    form.get(&format!("h{y}.d"))
                )
            })
        })
        .collect();
    let rows = [
        (tr.as_of, form.get("d").to_string()),
        (tr.region, region),
        (tr.sector, sector),
        (tr.employees, form.get("e").to_string()),
        (
            tr.history_heading,
            if history.is_empty() {
                tr.none_entered.to_string()
            } else {
                history.join("; ")
            },
        ),
    ];
    html! {
        <div class="bf-summary print-only">
            <h3>{ tr.summary_heading }</h3>
            <dl>{ for rows.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v.clone() }</dd></> }) }</dl>
        </div>
    }
}

/// Status, figures and warnings: what an input change changes, and so the live region.
fn figures_view(tr: &T, lang: Lang, q: &Quote) -> Html {
    let m = |x: &baofei_core::output::Message| msg(lang, &x.zh, &x.en);
    let band_kind = match q.band.kind.as_str() {
        "loaded" => 1,
        "clean" => 2,
        _ => 0,
    };
    let level = level_index(q.obligation.level);
    html! {
        <>
            <p class={classes!("bf-status", format!("lvl-{level}"))} id="obligation">{ tr.compulsory[level] }</p>
            <dl class="bf-figures">
                <div class="bf-premium">
                    <dt>{ tr.premium }</dt>
                    <dd><output id="premium" data-yuan={q.premium.to_string()}>{ fmt_money(q.premium, lang) }</output>
                        <span class="bf-exact">{ format!(" ({} 元)", fmt_yuan(q.premium)) }</span>
                        if q.illustrative { { badge(tr) } }
                    </dd>
                </div>
                <div><dt>{ tr.range }</dt><dd id="range">{ format!("{} – {}", fmt_money(q.premium_low, lang), fmt_money(q.premium_high, lang)) }</dd></div>
                <div><dt>{ tr.guided }</dt><dd>{ fmt_money(q.guided_premium, lang) }</dd></div>
                <div><dt>{ tr.band }</dt><dd id="band">{ format!("{} · {}–{}", tr.band_kinds[band_kind], q.band.low, q.band.high) }
                    if q.band.illustrative { { badge(tr) } }</dd></div>
                <div><dt>{ tr.minimum_limit }</dt><dd id="minimum">{
                    match q.limits.minimum_per_person { Some(v) => fmt_money(v, lang), None => tr.no_minimum.to_string() }
                } { cited(&q.limits.minimum_source) }</dd></div>
                if let Some(p) = q.limits.per_person { <div><dt>{ tr.chosen_limit }</dt><dd>{ fmt_money(p, lang) }</dd></div> }
                <div><dt>{ tr.risk_tier }</dt><dd>{ tr.tiers[q.risk_tier as usize] }</dd></div>
            </dl>
            if !q.warnings.is_empty() {
                <div class="bf-warnings" id="warnings">
                    <h3>{ tr.warnings }</h3>
                    <ul>{ for q.warnings.iter().map(|w| html! { <li data-code={w.code.clone()}>{ m(w) } { cited(&w.source) }</li> }) }</ul>
                </div>
            }
        </>
    }
}

/// Legal basis, next steps, notes, prevention, assumptions, trace: rendered after the first paint and
/// outside the live region, so a screen reader is not read the whole explanation on every change.
fn explanations_view(tr: &T, lang: Lang, q: &Quote) -> Html {
    let m = |x: &baofei_core::output::Message| msg(lang, &x.zh, &x.en);
    html! {
        <>
            <div class="bf-obligation">
                <h3>{ tr.basis }</h3>
                <ul>{ for q.obligation.basis.iter().map(|b| html! { <li>{ m(b) } { cited(&b.source) }</li> }) }</ul>
                if let Some(p) = &q.obligation.penalty {
                    <p id="penalty"><strong>{ tr.penalty }{ "：" }</strong>{ m(p) } { cited(&p.source) }</p>
                }
            </div>
            if !q.next_steps.is_empty() {
                <div class="bf-next">
                    <h3>{ tr.next_steps_heading }</h3>
                    <ol id="next-steps">
                    { for q.next_steps.iter().map(|n| {
                        let effect = if n.premium_change.is_sign_negative() && !n.premium_change.is_zero() {
                            format!("{} {}", tr.saves, fmt_money(-n.premium_change, lang))
                        } else if n.premium_change.is_zero() {
                            tr.no_price_effect.to_string()
                        } else {
                            format!("{} {}", tr.costs, fmt_money(n.premium_change, lang))
                        };
                        html! { <li data-step={n.id.clone()}>{ msg(lang, &n.zh, &n.en) }{ " — " }<strong>{ effect }</strong>
                            { cited(&n.source) }</li> }
                    }) }
                    </ol>
                </div>
            }
            if !q.notes.is_empty() {
                <div class="bf-notes">
                    <h3>{ tr.notes_heading }</h3>
                    <ul id="notes">{ for q.notes.iter().map(|n| html! { <li data-code={n.code.clone()}>{ m(n) } { cited(&n.source) }</li> }) }</ul>
                </div>
            }
            <div class="bf-prevention">
                <h3>{ tr.prevention_heading }</h3>
                <ul>
                    if let (Some(r), Some(a)) = (q.prevention.min_ratio, q.prevention.min_amount) { <li>{ format!("{} {} = {}", tr.fund_min, fmt_pct(r), fmt_money(a, lang)) }</li> }
                    if let (Some(r), Some(a)) = (q.prevention.max_ratio, q.prevention.max_amount) { <li>{ format!("{} {} = {}", tr.fund_max, fmt_pct(r), fmt_money(a, lang)) }</li> }
                </ul>
                <h4>{ tr.services }</h4>
                <ul id="services">
                    { for q.prevention.services.iter().map(|s| html! {
                        <li>{ msg(lang, &s.name_zh, &s.name_en) }{ " — " }
                            { if s.per_year == 0 { tr.per_contract.to_string() } else { format!("≥ {} {}", s.per_year, tr.per_year) } }
                            if s.illustrative { { badge(tr) } }
                            { " · " }{ cite(&s.source) }</li>
                    }) }
                </ul>
            </div>
            if !q.assumptions.is_empty() {
                <div class="bf-assumptions"><h3>{ tr.assumptions }</h3><ul>{ for q.assumptions.iter().map(|a| html! { <li>{ m(a) }</li> }) }</ul></div>
            }
            <details class="bf-trace" id="trace">
                <summary>{ tr.trace_heading }</summary>
                <p class="bf-hint">{ tr.illustrative_note }</p>
                <div class="bf-table-wrap">
                <table>
                    <thead><tr><th scope="col">{ tr.step }</th><th scope="col">{ tr.parameter }</th><th scope="col">{ tr.value }</th><th scope="col">{ tr.source }</th></tr></thead>
                    <tbody>
                    { for q.trace.iter().map(|s| html! {
                        <tr data-step={s.id.clone()}>
                            <td>{ msg(lang, &s.label_zh, &s.label_en) }</td>
                            <td><code>{ s.parameter.clone() }</code></td>
                            <td>{ s.value.clone() } if s.illustrative { { badge(tr) } }</td>
                            <td>{ for s.source.iter().map(cite) }{ for s.note.iter().map(|n| html! { <small class="bf-note">{ n.clone() }</small> }) }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
                <p class="bf-hint">{ format!("{}: engine {} · statutes {} · {}", tr.rules_version, q.engine_version, q.statutes_version, q.pack) }</p>
            </details>
            <p class="bf-disclaimer">{ tr.disclaimer }</p>
        </>
    }
}

/// The form key a question is bound to, and whether its "yes" means the flag is set.
fn bound_key(qid: &str) -> Option<(&'static str, bool)> {
    match qid {
        "blacklist" => Some(("bl", true)),
        "hazards_rectified" => Some(("rr", false)),
        _ => None,
    }
}

fn assessment_view(cx: &Cx<'_>, outcome: &Result<(Quote, Assessment), Errors>) -> Html {
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
                        _ => tr.no_price_effect.to_string(),
                    };
                    html! { <li data-question={g.question.clone()}>{ msg(lang, &g.fix_zh, &g.fix_en) }{ " — " }<strong>{ effect }</strong>{ " · " }{ cite(&g.source) }</li> }
                }) }
                </ol>
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

fn share_view(cx: &Cx<'_>, remember: bool, link_base: Option<&str>, standalone: bool) -> Html {
    let tr = cx.tr;
    let loc = gloo::utils::window().location();
    let base = match link_base {
        Some(b) => b.to_string(),
        None => format!(
            "{}{}",
            loc.origin().unwrap_or_default(),
            loc.pathname().unwrap_or_default()
        ),
    };
    let link = format!("{base}#{}", cx.form.to_fragment());
    let qr = qr_svg_path(&link);
    let on_remember = {
        let d = cx.dispatch.clone();
        Callback::from(move |e: Event| {
            d.emit(Action::Remember(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    html! {
        <section class="bf-share no-print" aria-labelledby="share-h">
            <h2 id="share-h">{ tr.share_heading }</h2>
            <p class="bf-hint">{ tr.share_help }</p>
            <div class="bf-share-row">
                <label for="share-link" class="sr-only">{ tr.share_heading }</label>
                <input id="share-link" type="text" readonly=true value={link.clone()} />
                <CopyButton link={link.clone()} label={tr.copy} done={tr.copied} />
            </div>
            if let Some((size, path)) = qr {
                <svg class="bf-qr" role="img" aria-label="QR" viewBox={format!("-2 -2 {} {}", size + 4, size + 4)} xmlns="http://www.w3.org/2000/svg">
                    <rect x="-2" y="-2" width={(size + 4).to_string()} height={(size + 4).to_string()} fill="#fff" />
                    <path d={path} fill="#000" />
                </svg>
            }
            if standalone {
                <div class="bf-check">
                    <input type="checkbox" id="remember" checked={remember} onchange={on_remember} />
                    <label for="remember">{ tr.remember }</label>
                </div>
                <p class="bf-hint">{ tr.remember_help }</p>
            }
        </section>
    }
}

/// Props of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyProps {
    /// Text to copy.
    pub link: AttrValue,
    /// Button label.
    pub label: AttrValue,
    /// Label once copied.
    pub done: AttrValue,
}

/// Copies the share link; says so until the link changes.
#[component]
pub fn CopyButton(p: &CopyProps) -> Html {
    let copied = use_state_eq(|| None::<AttrValue>);
    let onclick = {
        let (link, copied) = (p.link.clone(), copied.clone());
        Callback::from(move |_| {
            let _ = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&link);
            copied.set(Some(link.clone()));
        })
    };
    let done = copied.as_ref() == Some(&p.link);
    html! { <button type="button" class="bf-copy" {onclick} aria-live="polite">{ if done { p.done.clone() } else { p.label.clone() } }</button> }
}

/// Sources of the related-scheme texts in `T::related`.
fn related_sources() -> [Citation; 3] {
    [
        Citation {
            document: "关于“要求将保险主体的防灾减灾工作纳入应急管理机制中”的建议答复函".into(),
            number: Some("中山应急函〔2020〕373号".into()),
            article: Some("二(一)1".into()),
            url: None,
        },
        Citation {
            document: "长春市生态环境局对市政协十四届二次会议第329号委员提案的答复".into(),
            number: Some("吉环文〔2019〕170号(所引方案)".into()),
            article: Some("一(五)".into()),
            url: None,
        },
        Citation {
            document: "重庆市生态环境局关于市五届人大四次会议第0304号建议办理情况的答复函".into(),
            number: Some("渝环函〔2021〕294号".into()),
            article: Some("一".into()),
            url: None,
        },
    ]
}

fn related_view(tr: &T) -> Html {
    html! {
        <section class="bf-related" aria-labelledby="related-h">
            <h2 id="related-h">{ tr.related_heading }</h2>
            <ul>{ for tr.related.iter().zip(related_sources()).map(|(text, c)| html! { <li>{ *text }{ " · " }{ cite(&c) }</li> }) }</ul>
        </section>
    }
}

/// Replaces every dead widget on the page (standalone and each `<baofei-quote>`) with a friendly
/// bilingual message if anything panics: after a panic the wasm instance cannot be trusted.
pub fn install_panic_screen() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        let html = format!(
            "<div class=\"bf-crash\" role=\"alert\"><p>{}</p><p lang=\"en\">{}</p></div>",
            crate::i18n::ZH.crash,
            crate::i18n::EN.crash
        );
        let doc = gloo::utils::document();
        if let Some(el) = doc.get_element_by_id("baofei") {
            el.set_inner_html(&html);
        }
        if let Ok(hosts) = doc.query_selector_all("baofei-quote") {
            for i in 0..hosts.length() {
                let root = hosts
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                    .and_then(|e| e.shadow_root())
                    .and_then(|r| r.query_selector("div").ok().flatten());
                if let Some(root) = root {
                    root.set_inner_html(&html);
                }
            }
        }
    }));
}
