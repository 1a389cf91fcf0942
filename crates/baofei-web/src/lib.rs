//! Baofei's Yew widget. The state and everything testable lives in [`model`] (no Yew); in the
//! browser, `app` holds the state and composes the `views` (one per panel) and the `hooks` (one per
//! effect); `outcome` is the one call into the engine.

pub mod breakdown;
pub mod first;
pub mod i18n;
pub mod model;
pub mod reducer;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod outcome;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
pub mod perf;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod builder;
#[cfg(target_arch = "wasm32")]
pub mod embed;

/// Installs the friendly panic screen and, on the standalone page (an element `#baofei`), mounts the
/// widget there. On a host page nothing is mounted until `<baofei-quote>` or `mount()` asks.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic::install_panic_screen();
    // The widget's wasm (feature `widget`) serves host pages, where `<baofei-quote>` and `mount()` mount
    // it; the standalone page has its own (`baofei-page`). Without this the widget carried the page's
    // takeover, 0.9 KB gzip that no host page runs.
    if cfg!(feature = "widget") {
        return;
    }
    let Some(el) = gloo::utils::document().get_element_by_id("baofei") else {
        return;
    };
    // Issue 15: on a prerendered page the takeover is split so that no task is long. This task reads
    // the rules (10-35 ms measured); the next computes the default quote (the engine's code is
    // compiled on its first call: 15-25 ms); the next mounts the header and summary (the static form
    // and figures stand in); the frames after it render the form, the figures, their explanations,
    // then the later panels, which the static frame does not carry (`hooks::paint`).
    // The static frame stays live in between: what is typed into it meanwhile is kept at the mount.
    if el
        .query_selector("[data-prerendered]")
        .ok()
        .flatten()
        .is_some()
    {
        perf::mark("baofei:rules");
        let _ = outcome::rules();
        perf::measure_since("baofei:rules", "baofei:rules");
        next_task(move || {
            perf::mark("baofei:ready");
            let form = state::initial_state(true, false, None, None, false).form;
            let _ = outcome::compute(&form, None);
            perf::measure_since("baofei:ready", "baofei:ready");
            next_task(move || mount_standalone(el));
        });
    } else {
        mount_standalone(el);
    }
}

/// The standalone page with a host's local rules (issue 33) or, framed, an insurer's pack from its host
/// (issue 30 M9): `start.js` loads the widget's build (which carries the checks) instead of the
/// page's when the page names a rules file (`<meta name="baofei-rules-src">`) or its address asks for a
/// pack (`?pack=1`), fetches or receives them, and calls this with `localRules`/`localRulesError` and
/// `pack`/`packError` (`{zh, en}`: why it could not be had). The static frame is hidden for such a page
/// (`prepaint.js`): its figures are the shipped rules' and the reference pack's.
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startStandalone)]
pub fn start_standalone(config: wasm_bindgen::JsValue) {
    let Some(el) = gloo::utils::document().get_element_by_id("baofei") else {
        return;
    };
    // An insurer's pack a framed page got from its host (`mountFrame(…, { pack })`, issue 30 M9).
    let pack = embed::pack_from_config(&config);
    if let (Some(outcome::PackState(p)), Some(origin)) = (&pack, hooks::host::iframe_parent()) {
        if let Err(e) = p.as_ref() {
            hooks::host::post_error(&origin, "pack", e);
        }
    }
    let local = embed::local_state(&config, pack.as_ref());
    // The standalone page's own wasm handed over when its reader opened the offer check (issue 31):
    // the panel starts open and takes the focus.
    let open_offers = js_sys::Reflect::get(&config, &"openOffers".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    // Not `mount_standalone`: the static frame of such a page is hidden (`prepaint.js`), so there is
    // nothing to take over or to carry typed input from, and the takeover's code stays out of the
    // widget's build (3.8 KB gzip measured).
    el.set_inner_html("");
    let props = app::AppProps {
        pack,
        local,
        open_offers,
        ..standalone_props()
    };
    yew::Renderer::<app::App>::with_root_and_props(el, props).render();
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The standalone page's widget, while it runs (so that [`stop_page`] can end it).
    static PAGE_APP: std::cell::RefCell<Option<yew::AppHandle<app::App>>> =
        const { std::cell::RefCell::new(None) };
}

/// Ends the standalone page's widget (its DOM, listeners and effects), for `web/start.js` to hand the
/// page over to the widget's build when the reader opens the offer check, which the page's own wasm
/// leaves out (issue 31). The address's fragment keeps the state the widget's build starts from.
/// Exported by the page's bin (`stopPage`).
#[cfg(target_arch = "wasm32")]
pub fn stop_page() {
    if let Some(app) = PAGE_APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
}

/// Runs `f` in a task of its own (a zero timeout), after what is queued already.
#[cfg(target_arch = "wasm32")]
fn next_task(f: impl FnOnce() + 'static) {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ =
        gloo::utils::window().set_timeout_with_callback(wasm_bindgen::JsCast::unchecked_ref(&f));
}

/// Mounts the widget on the standalone page's `#baofei`, taking over its prerendered frame if any.
#[cfg(target_arch = "wasm32")]
fn mount_standalone(el: web_sys::Element) {
    perf::mark("baofei:mount");
    // A framed page is an embed, whatever its address: it never reads or writes the inputs the user
    // asked the standalone page to remember, or any page of the same site could frame it and read
    // them (security review F2).
    // A prerendered page (issue 15) shows the default quote as HTML. What the user typed into it before
    // the wasm ran is kept: each field whose value differs from the markup's joins the address's
    // fragment, which the widget starts from. Then the static frame is replaced in this same task,
    // so no blank frame is painted between the two.
    let frame = el.query_selector("[data-prerendered]").ok().flatten();
    let typed = frame.is_some() && keep_early_input(&el);
    // The static frame's form and result (with its explanations) stand in until their
    // stages render them, when that frame is shown (not hidden for a link, a remembered state, a
    // date outside its window or a reader the widget answers in English: `web/prepaint.js`) and shows
    // the state the widget starts from (the App compares the fragments); they are detached here,
    // already laid out.
    let pending = gloo::utils::document()
        .document_element()
        .and_then(|d| d.get_attribute("class"))
        .is_some_and(|c| {
            c.split_whitespace()
                .any(|c| c == "bf-pending" || c == "bf-pending-en")
        });
    // WebKit lays the page out between the stand-ins' removal here and the widget's first render (a
    // microtask later): the document is then a few hundred pixels tall, and it clamps the scroll of a
    // reader who scrolled before the wasm arrived to the top (browsers review 2a: 6 of 6 runs; Firefox
    // moved the text 4-79 px). The frame keeps its height until the widget has painted.
    let pin = Pin::hold(&el);
    let stand_in = frame.filter(|_| !typed && !pending).map(|f| {
        let heights = views::lazy_heights(&f);
        let take = |sel: &str| {
            let node = f.query_selector(sel).ok().flatten();
            if let Some(n) = &node {
                n.remove();
            }
            node
        };
        views::StandIn {
            fragment: f.get_attribute("data-prerendered").unwrap_or_default(),
            // The explanations stay inside the result until the real result panel moves them.
            explain: f.query_selector(".bf-result .bf-explain").ok().flatten(),
            form: take(".bf-form"),
            result: take(".bf-result"),
            heights,
        }
    });
    // The page's "loading" line (or the rest of the prerendered frame) and <noscript> go: the widget
    // takes over in this same task, so no blank frame is painted in between.
    el.set_inner_html("");
    let props = app::AppProps {
        stand_in,
        ..standalone_props()
    };
    let app = yew::Renderer::<app::App>::with_root_and_props(el, props).render();
    PAGE_APP.with(|a| *a.borrow_mut() = Some(app));
    perf::measure_since("baofei:mount", "baofei:mount");
    if let Some(pin) = pin {
        pin.release_when_rendered();
    }
}

/// What the standalone page's widget is, however it is started: the page owns its landmarks, may
/// remember inputs when not framed, talks only to its `?parent=` when framed, and is compact when
/// `?mode=compact` asks (what `mountFrame(…, { mode: 'compact' })` sets: form and result only).
#[cfg(target_arch = "wasm32")]
fn standalone_props() -> app::AppProps {
    let compact = gloo::utils::window().location().search().is_ok_and(|q| {
        q.trim_start_matches('?')
            .split('&')
            .any(|p| p == "mode=compact")
    });
    app::AppProps {
        standalone: true,
        storage: !hooks::host::framed(),
        parent_origin: hooks::host::iframe_parent().map(Into::into),
        compact,
        ..Default::default()
    }
}

/// The standalone frame held at its height across the takeover, and the reader's scroll position.
#[cfg(target_arch = "wasm32")]
struct Pin {
    el: web_sys::HtmlElement,
    scroll_y: f64,
}

#[cfg(target_arch = "wasm32")]
impl Pin {
    /// Sets `min-height` to the frame's current height through the CSSOM (the page's policy refuses
    /// style attributes in markup, not CSSOM writes). `None` when the reader has not scrolled.
    fn hold(el: &web_sys::Element) -> Option<Pin> {
        let window = gloo::utils::window();
        let scroll_y = window.scroll_y().ok().filter(|y| *y > 0.0)?;
        let el: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(el.clone()).ok()?;
        let _ = el
            .style()
            .set_property("min-height", &format!("{}px", el.offset_height()));
        Some(Pin { el, scroll_y })
    }

    /// Once every stage of the widget has rendered (`data-ready`, checked each frame; the later panels
    /// arrive a few frames after the mount, and until then the page is shorter than the static one was):
    /// lets the frame take its own height, and puts the reader back where they were if the engine moved
    /// them anyway.
    fn release_when_rendered(self) {
        let release = wasm_bindgen::closure::Closure::once_into_js(move || {
            if self
                .el
                .query_selector(".bf[data-ready]")
                .ok()
                .flatten()
                .is_none()
            {
                self.release_when_rendered();
            } else {
                self.release();
            }
        });
        let _ = gloo::utils::window()
            .request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&release));
    }

    fn release(self) {
        let _ = self.el.style().remove_property("min-height");
        let window = gloo::utils::window();
        if window.scroll_y().ok() != Some(self.scroll_y) {
            window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or_default(), self.scroll_y);
        }
    }
}

/// Moves values typed into the prerendered form before the widget started into the address's
/// fragment (only when the address has no state of its own: a link's state wins, as it was hidden).
/// True when something was typed.
#[cfg(target_arch = "wasm32")]
fn keep_early_input(root: &web_sys::Element) -> bool {
    let loc = gloo::utils::window().location();
    if loc.hash().unwrap_or_default().len() > 1 {
        return false;
    }
    let typed = views::typed_fields(root);
    if typed.is_empty() {
        return false;
    }
    let mut fragment = String::from("v=1");
    // The English frame (frame-en.html, issue 31) is a first visit in English: typing into it keeps the
    // language (a fragment without `lang` would start the widget in Chinese).
    let english = root
        .query_selector("[data-prerendered]")
        .ok()
        .flatten()
        .and_then(|f| f.get_attribute("data-prerendered"))
        .is_some_and(|f| f.split('&').any(|p| p == "lang=en"));
    if english {
        fragment.push_str("&lang=en");
    }
    for (k, v) in typed {
        fragment.push('&');
        fragment.push_str(&model::pct_encode(&k));
        fragment.push('=');
        fragment.push_str(&model::pct_encode(&v));
    }
    if let Ok(h) = gloo::utils::window().history() {
        let _ = h.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{fragment}")),
        );
    }
    true
}

/// Hidden debug trigger: panics, so that tests (and support staff) can see the crash screen.
/// It changes no data and sends nothing.
#[cfg(target_arch = "wasm32")]
#[cfg_attr(feature = "widget", wasm_bindgen::prelude::wasm_bindgen(js_name = debugPanic))]
pub fn debug_panic() {
    panic!("debug trigger: simulated fault");
}
