//! Sharing: the link that restores this form, its QR code, a copy button and (standalone only) the
//! opt-in to remember the inputs on this device.

use super::Cx;
use crate::model::qr_svg_path;
use crate::state::Action;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The share panel.
pub fn share_view(cx: &Cx<'_>, remember: bool, link_base: Option<&str>, storage: bool) -> Html {
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
        <section class="bf-share" aria-labelledby={cx.standalone.then_some("share-h")}>
            <h2 id="share-h">{ tr.share_heading }</h2>
            <p class="bf-hint">{ tr.share_help }</p>
            <div class="bf-share-row">
                <label for="share-link" class="sr-only">{ tr.share_heading }</label>
                <input id="share-link" type="text" readonly=true value={link.clone()} />
                <CopyButton link={link.clone()} label={tr.copy} done={tr.copied} manual={tr.copy_by_hand} />
                if native_share().is_some() {
                    <button type="button" id="share-native" onclick={ let link = link.clone(); let title = tr.title; Callback::from(move |_| share_natively(&link, title)) }>
                        { if cx.lang == crate::model::Lang::Zh { "分享…" } else { "Share…" } }</button>
                }
            </div>
            // A text field shows one line of the link and cannot wrap: paper gets the whole link.
            <p class="print-only bf-link-print" aria-hidden="true">{ link.clone() }</p>
            if let Some((size, path)) = qr {
                <svg class="bf-qr" role="img" aria-label="QR" viewBox={format!("-2 -2 {} {}", size + 4, size + 4)} xmlns="http://www.w3.org/2000/svg">
                    <rect x="-2" y="-2" width={(size + 4).to_string()} height={(size + 4).to_string()} fill="#fff" />
                    <path d={path} fill="#000" />
                </svg>
            }
            if storage {
                <div class="bf-check no-print">
                    <input type="checkbox" id="remember" checked={remember} onchange={on_remember} />
                    <label for="remember">{ tr.remember }</label>
                </div>
                <p class="bf-hint no-print">{ tr.remember_help }</p>
            }
        </section>
    }
}

/// The browser's share sheet (`navigator.share`, phones mostly), when it has one: the copy button
/// stays beside it as the fallback (issue 16 point 5).
fn native_share() -> Option<js_sys::Function> {
    let nav = gloo::utils::window().navigator();
    js_sys::Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

/// Opens the share sheet with the link. A refusal (the user closes the sheet) is not an error.
fn share_natively(link: &str, title: &str) {
    let Some(share) = native_share() else { return };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"url".into(), &link.into());
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let nav = gloo::utils::window().navigator();
    if let Ok(p) = share.call1(&nav, &data) {
        if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
            // Closing the sheet rejects the promise: caught, so no console error.
            let ignore =
                wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
            let _ = p.catch(&ignore);
            ignore.forget();
        }
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
    /// What to say when the text could only be selected for copying by hand.
    #[prop_or(AttrValue::Static("此浏览器不支持自动复制：已选中，请按 Ctrl+C 或长按复制。This browser cannot copy automatically: the text is selected; press Ctrl+C or long-press to copy it."))]
    pub manual: AttrValue,
    /// The id of the field that shows the text, selected when the browser cannot copy.
    #[prop_or(AttrValue::Static("share-link"))]
    pub target: AttrValue,
}

/// Copies the share link; says so until the link changes. Where the browser has no clipboard API (a
/// page served over plain http, some in-app WebViews), the link text is selected instead and the button
/// says to copy it by hand (issue 29 point 5: it threw, silently, trapping the wasm).
#[component]
pub fn CopyButton(p: &CopyProps) -> Html {
    // Some(true): copied; Some(false): selected for copying by hand. For this link only.
    let state = use_state_eq(|| None::<(AttrValue, bool)>);
    let onclick = {
        let (link, state, target) = (p.link.clone(), state.clone(), p.target.clone());
        Callback::from(move |_| {
            let navigator = gloo::utils::window().navigator();
            let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
                .ok()
                .filter(|c| !c.is_undefined() && !c.is_null());
            if clipboard.is_none() {
                select_text(&target);
                state.set(Some((link.clone(), false)));
                return;
            }
            // The write's promise is not followed: a refusal after a present clipboard API is rare,
            // and following it cost 0.6 KB gzip of closure glue on the page (measured).
            let _ = navigator.clipboard().write_text(&link);
            state.set(Some((link.clone(), true)));
        })
    };
    let (label, hint) = match state.as_ref() {
        Some((l, true)) if *l == p.link => (p.done.clone(), None),
        Some((l, false)) if *l == p.link => (p.label.clone(), Some(p.manual.clone())),
        _ => (p.label.clone(), None),
    };
    html! { <>
        <button type="button" class="bf-copy" {onclick} aria-live="polite">{ label }</button>
        if let Some(h) = hint { <p class="bf-hint bf-copy-by-hand" role="status">{ h }</p> }
    </> }
}

/// Focuses and selects the text of the field `id` (an input or a textarea), for copying by hand.
fn select_text(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
    // Both inputs and textareas have select(); called by name, so no extra web-sys binding is needed.
    if let Ok(f) =
        js_sys::Reflect::get(&el, &"select".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = f.call0(&el);
    }
}
