//! The widget component: state and composition only. Effects are named hooks ([`crate::hooks`]),
//! panels are views ([`crate::views`]), the engine call is [`crate::outcome`].

use crate::hooks::host::{use_host_events, use_iframe_bridge};
use crate::hooks::marks::use_perf_marks;
use crate::hooks::paint::{use_after_paint, LATER_PANELS, STAGES};
use crate::hooks::print::use_print_opens_trace;
use crate::hooks::share::use_share_link;
use crate::i18n::t;
use crate::model::{form_key, Lang};
use crate::outcome::{check, compute, LocalState, PackState};
use crate::perf;
use crate::state::{initial_state, Action};
use crate::views::assessment::assessment_view;
use crate::views::form::{form_view, link_notes_view};
use crate::views::offer::{offer_view, OfferLoader};
use crate::views::related::related_view;
use crate::views::result::{local_rules_view, pack_error_view, result_panel, sticky_summary};
use crate::views::share::share_view;
use crate::views::{fragment_without_date, msg, Cx, StandIn};
use baofei_core::fields::Field as F;
use baofei_core::map::SortedMap;
use yew::prelude::*;

/// How the widget is hosted.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Share-link fragment to start from (embedded); the standalone page reads its address bar.
    #[prop_or_default]
    pub preset: Option<AttrValue>,
    /// Force a language: "zh" or "en".
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Start in the elder-friendly mode (长辈版; the element's `elder` attribute).
    #[prop_or_default]
    pub elder: bool,
    /// The standalone page: keep the address bar and (if asked) local storage in step.
    #[prop_or_default]
    pub standalone: bool,
    /// May remember the inputs in local storage (opt-in): the standalone page when it is not framed.
    #[prop_or_default]
    pub storage: bool,
    /// Element that receives `baofei-quote` events (embedded).
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Instance id carried in events.
    #[prop_or_default]
    pub instance: AttrValue,
    /// An insurer's pack (validated; `Err` = rejected).
    #[prop_or_default]
    pub pack: Option<PackState>,
    /// A host's local-rules file (issue 33): used, or refused with its errors.
    #[prop_or_default]
    pub local: Option<LocalState>,
    /// iframe mode: the only origin quote and height messages go to, and the only one listened to.
    #[prop_or_default]
    pub parent_origin: Option<AttrValue>,
    /// Base URL of the standalone page, for share links made inside an embed.
    #[prop_or_default]
    pub link_base: Option<AttrValue>,
    /// Compact embed (`mode="compact"`): the form and the result only, without the page header,
    /// self-assessment, offer check, share panel, related schemes and print button; on a narrow
    /// container the result comes first.
    #[prop_or_default]
    pub compact: bool,
    /// The prerendered page's form, result and explanations, shown in place until the
    /// stage that renders each (issue 15); `None` on a page that was not prerendered or whose static
    /// frame is hidden or was typed into before the mount.
    #[prop_or_default]
    pub stand_in: Option<StandIn>,
    /// Told the visitor's inputs (the share-link fragment) whenever they change: the element keeps
    /// them, so a host's attribute change remounts with what was typed (integrator review m7).
    #[prop_or_default]
    pub on_state: Option<Callback<AttrValue>>,
    /// The offer check starts open and takes the focus once it is on screen: the standalone page's own
    /// wasm handed over to this build because its reader opened the check (issue 31).
    #[prop_or_default]
    pub open_offers: bool,
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || {
            let mut s = initial_state(
                props.standalone,
                props.storage,
                props.preset.as_deref(),
                props.lang.as_deref(),
                props.elder,
            );
            s.offer_open |= props.open_offers;
            s
        })
    };
    // The rules quotes use: the host's local rules when accepted (merged with the insurer's pack, if
    // any), else the insurer's pack, else the shipped rules.
    let rules_in_use: Option<PackState> = props
        .local
        .as_ref()
        .and_then(|l| l.rules().cloned())
        .or_else(|| props.pack.clone());
    let outcome = use_memo((state.form.clone(), rules_in_use.clone()), |(f, p)| {
        compute(f, p.as_ref())
    });
    let offer = use_memo((state.form.clone(), rules_in_use.clone()), |(f, p)| {
        check(f, p.as_ref())
    });
    // The page renders in stages, one per painted frame, so no task is long (`hooks::paint`). A
    // prerendered page keeps its own copies of the parts not yet rendered on screen meanwhile, while
    // they show this very state (typing, a link or a remembered state start elsewhere).
    let stage = use_after_paint();
    // Handed over from the page's own wasm (issue 31): the offer panel the reader opened gets the focus
    // back once its stage has rendered it.
    {
        let open = props.open_offers;
        use_effect_with(stage >= LATER_PANELS, move |ready| {
            if open && *ready {
                if let Some(s) = gloo::utils::document()
                    .query_selector("#offer > summary")
                    .ok()
                    .flatten()
                    .and_then(|s| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(s).ok())
                {
                    s.scroll_into_view();
                    let _ = s.focus();
                    // The panels above lay out their real heights once on screen (`content-visibility`)
                    // and the later stages render: the panel is brought to the top again a frame later.
                    let again = wasm_bindgen::closure::Closure::once_into_js(move || {
                        s.scroll_into_view();
                    });
                    let _ = gloo::utils::window()
                        .request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&again));
                }
            }
        });
    }
    // The outlook is ten more quotes: computed only where its panel is shown, and not before the later
    // panels' stage, so it never delays the first paint (nor runs at all in compact mode).
    let outlook_shown = stage >= LATER_PANELS && !props.compact;
    let outlook = use_memo(
        (state.form.clone(), rules_in_use.clone(), outlook_shown),
        |(f, p, shown)| {
            shown
                .then(|| crate::outcome::outlook(f, p.as_ref()))
                .flatten()
        },
    );
    let lang = state.form.lang;
    let tr = t(lang);
    let fragment = state.form.to_fragment();
    let stand_in = props
        .stand_in
        .as_ref()
        .filter(|s| stage < STAGES && s.fragment == fragment_without_date(&fragment));
    crate::hooks::host::use_state_report(props.on_state.clone(), AttrValue::from(fragment.clone()));
    use_share_link(props.standalone, props.storage, fragment, state.remember);
    use_print_opens_trace();
    let in_offers = crate::hooks::section::use_in_section("offer");
    crate::hooks::section::use_focus_clear_of_bar();
    use_perf_marks(outcome.clone());
    use_host_events(
        props.host.clone(),
        props.instance.clone(),
        props.parent_origin.clone(),
        AttrValue::from(state.form.get("c").to_string()),
        outcome.clone(),
    );
    use_iframe_bridge(props.parent_origin.clone(), {
        let d = state.dispatcher();
        Callback::from(move |l: Lang| d.dispatch(Action::Lang(l)))
    });

    // The frame that replaces the static form: what was typed into it in the frame before (it is on
    // screen and editable) goes into the state, and the focus to the same field.
    let focused = use_mut_ref(|| None::<String>);
    if stage == 1 {
        *focused.borrow_mut() = gloo::utils::document()
            .active_element()
            .filter(|e| e.closest(".bf-form").ok().flatten().is_some())
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
    }
    {
        let form = props.stand_in.as_ref().and_then(|s| s.form.clone());
        let heights = props
            .stand_in
            .as_ref()
            .map(|s| s.heights.clone())
            .unwrap_or_default();
        let d = state.dispatcher();
        let focused = focused.clone();
        use_effect_with(stage, move |stage| {
            // The real form (stage 1) and result (stage 2) start at their stand-ins' heights, so a
            // reader scrolled down before the takeover keeps reading the same text.
            if (*stage == 1 || *stage == 2) && !heights.is_empty() {
                if let Some(root) = gloo::utils::document().get_element_by_id("baofei") {
                    crate::views::size_like(&root, &heights);
                }
            }
            if *stage == 1 {
                if let Some(form) = form {
                    for (k, v) in crate::views::typed_fields(&form) {
                        d.dispatch(Action::Set(k, v));
                    }
                }
                if let Some(id) = focused.borrow_mut().take() {
                    if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
                        let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el)
                            .focus();
                    }
                }
            }
        });
    }
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| {
            perf::mark("baofei:input");
            state.dispatch(a)
        })
    };
    // Inserted one by one: collecting into a SortedMap sorts first, and a sort costs bundle size.
    let mut errors = SortedMap::new();
    // A message at its field; the field being typed into shows it once the user leaves it ("2" on the
    // way to "20" is not below the minimum yet).
    let mut at_field = |field: &str, zh: &str, en: &str| {
        if let Some(k) = form_key(field).filter(|k| state.editing.as_ref() != Some(k)) {
            errors.insert(k, msg(lang, zh, en));
        }
    };
    let mut needed: Vec<String> = Vec::new();
    match &outcome.0 {
        Err(e) => {
            for x in &e.0 {
                at_field(&x.field, &x.message_zh, &x.message_en);
                if let Some(k) = form_key(&x.field).filter(|k| {
                    x.code == baofei_core::error::ErrorCode::Missing && state.form.get(k).is_empty()
                }) {
                    needed.push(k);
                }
            }
        }
        // A compliance problem with a priced quote (a limit below the legal minimum) is shown at its
        // field too, without hiding the figures.
        Ok((q, _)) => {
            for w in &q.warnings {
                if let Some(f) = &w.field {
                    at_field(f, &w.zh, &w.en);
                }
            }
        }
    }
    // The offer's own field errors, at its fields (the enterprise's are shown by the quote above).
    if let Some(e) = offer.as_ref().as_ref().and_then(|o| o.errors()) {
        for x in e.0.iter().filter(|x| x.field.starts_with("offer")) {
            at_field(&x.field, &x.message_zh, &x.message_en);
        }
    }
    let owed = match (&outcome.0, &outcome.1) {
        (Ok((q, _)), _) => q.prevention.services.as_slice(),
        (Err(_), Some(k)) => k.prevention.services.as_slice(),
        _ => &[],
    };
    let pack_label = props
        .pack
        .as_ref()
        .and_then(|PackState(p)| p.as_ref().as_ref().ok())
        .map(|r| {
            let m = &r.pack().meta;
            (
                format!("{} {}", m.name_zh, m.version),
                format!("{} {}", m.name_en, m.version),
            )
        });
    let cx = Cx {
        pack_label: pack_label.as_ref(),
        rules: rules_in_use
            .as_ref()
            .and_then(|PackState(p)| p.as_ref().as_ref().ok()),
        form: &state.form,
        errors: &errors,
        needed: &needed,
        dispatch: &dispatch,
        tr,
        lang,
        full: stage >= 3,
        editing: state.editing.as_deref(),
        elder: state.form.elder,
        live: match &outcome.0 {
            Ok((q, _)) if state.form.elder => Some(crate::model::fmt_money(q.premium, lang)),
            _ => None,
        },
        standalone: props.standalone,
        compact: props.compact,
        link_base: props.link_base.as_deref(),
        stand_in,
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
    // The standalone page owns its landmarks; an embed must not add a second banner, main or
    // contentinfo to its host's page.
    let standalone = props.standalone;
    let landmark = move |tag: &'static str| if standalone { tag } else { "div" };
    let on_print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });

    html! {
        // `data-ready` once every stage has rendered: what tests (and hosts) wait on instead of a fixed
        // time (issue 26 item 7: a test compared heights while the takeover was still growing the page).
        <div part="root" class={classes!("bf", props.compact.then_some("bf-compact"), state.form.elder.then_some("bf-elder"))} lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}
            data-ready={(stage >= STAGES).then_some("true")}>
            if props.standalone {
                <a class="bf-skip" href="#result-h" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); crate::views::result::focus("result-h"); })}>{ tr.skip_to_result }</a>
            }
            if !props.compact {
            <@{landmark("header")} class="bf-head">
                <div>
                    <h1>{ tr.title }</h1>
                    <p class="bf-sub">{ tr.subtitle }</p>
                    // Said at the top (newcomer review 9.1: the offer check began 6,700 px down a phone
                    // page with nothing pointing to it). Opens the panel and goes there.
                    if !state.form.env() {
                        <p class="bf-sub no-print"><a href="#offer" id="offer-link" onclick={Callback::from(|e: MouseEvent| {
                            e.prevent_default();
                            if let Some(d) = gloo::utils::document().get_element_by_id("offer") {
                                let _ = d.set_attribute("open", "");
                                crate::views::result::focus_near(&e, "offer-h");
                            }
                        })}>{ msg(lang, "收到保险公司的报价了？核对是否合法，多份报价可并排比较 →", "Received an offer? Check it against the law, and compare several side by side →") }</a></p>
                    }
                </div>
                <div class="bf-actions no-print">
                    // The elder-friendly mode's entry, at the top and named as government sites name it
                    // (长辈版; gov-site review row 1); pressed while on.
                    <button type="button" id="elder-toggle" aria-pressed={state.form.elder.to_string()}
                        onclick={ let (d, on) = (dispatch.clone(), state.form.elder); Callback::from(move |_| d.emit(Action::Elder(!on))) }>{ tr.elder_mode }</button>
                    <button type="button" id="lang-toggle" onclick={on_lang} lang={if lang == Lang::Zh { "en" } else { "zh-CN" }}>{ tr.switch_lang }</button>
                    <button type="button" id="print" onclick={on_print}>{ tr.print }</button>
                    <button type="button" id="start-over" onclick={ let d = dispatch.clone(); Callback::from(move |_| d.emit(Action::Reset)) }>{ tr.start_over }</button>
                </div>
            </@>
            }
            if let Some(PackState(p)) = &props.pack {
                if let Err(e) = p.as_ref() {
                    { pack_error_view(lang, e) }
                }
            }
            if let Some(LocalState(l)) = &props.local {
                { local_rules_view(lang, l) }
            }
            { link_notes_view(&cx, &state) }
            if state.undo.is_some() {
                <p class="bf-banner no-print" role="status" id="undo-note">
                    { msg(lang, "已重新开始，输入已清空。", "Started over: the inputs were cleared. ") }
                    <button type="button" id="undo" onclick={ let d = dispatch.clone(); Callback::from(move |_| d.emit(Action::Undo)) }>{ msg(lang, "撤销", "Undo") }</button>
                </p>
            }
            <@{landmark("main")} class="bf-main">
                if let Some(form) = stand_in.and_then(|s| s.form.clone()).filter(|_| stage == 0) {
                    { Html::VRef(form.into()) }
                } else {
                    { form_view(&cx, match &outcome.0 { Ok((q, _)) => q.limits.minimum_per_person, Err(_) => outcome.1.as_ref().and_then(|k| k.minimum_per_person) }) }
                }
                // The prerendered figures stand in for this state until the form is live.
                if let Some(result) = stand_in.and_then(|s| s.result.clone()).filter(|_| stage <= 1) {
                    { Html::VRef(result.into()) }
                } else {
                    { result_panel(&cx, &outcome.0, outcome.1.as_ref()) }
                }
            </@>
            if stage >= LATER_PANELS && !props.compact {
                <div class="bf-after">
                { assessment_view(&cx, &outcome.0) }
                { crate::views::outlook::outlook_view(&cx, outlook.as_ref().as_ref()) }
                if !state.form.env() {
                    if cfg!(feature = "offers") {
                        { offer_view(&cx, state.offer_open, state.offers_shown, owed, offer.as_ref().as_ref()) }
                    } else {
                        // The standalone page's own wasm has no offer check (issue 31): opening the
                        // panel hands the page over to the widget's build, which has.
                        <OfferLoader lang={lang} open={state.offer_open} standalone={cx.standalone} />
                    }
                } else {
                    // Said, not silently left out (newcomer review 10.3): the checks are the
                    // work-safety rules', and no 环责险 offer rule is in the data.
                    <section class="bf-offer-wrap no-print" id="offer-env" aria-labelledby={cx.standalone.then_some("offer-h")}>
                        <h2 id="offer-h">{ msg(lang, "核对收到的报价", "Check an offer you received") }</h2>
                        <p class="bf-hint">{ msg(lang,
                            "报价核对目前只适用于安全生产责任保险：本工具尚未收录环境污染责任保险报价的核对规则(保额、保障范围、服务)。请对照上方的投保依据与预防服务，并向保险公司索取备案条款和费率。",
                            "Checking an offer works only for work-safety liability insurance for now: Baofei has no rules yet for checking an environmental pollution liability offer (limits, cover, services). Compare it with the legal basis and prevention services above, and ask the insurer for its filed clauses and rates.") }</p>
                    </section>
                }
                if stage >= STAGES {
                    { share_view(&cx, state.remember, props.link_base.as_deref(), props.storage) }
                }
                { related_view(tr, lang, props.standalone, state.form.value(F::Region), state.form.line()) }
                <@{landmark("footer")} class="bf-foot no-print"><p>{ crate::views::disclaimer(&cx) }</p>{ crate::views::privacy_view(&cx) }</@>
                </div>
            }
            // Last, so that it stays at the bottom of a phone's screen over the whole page.
            { sticky_summary(&cx, &outcome.0, in_offers.then(|| offer.as_ref().as_ref()).flatten()) }
        </div>
    }
}
