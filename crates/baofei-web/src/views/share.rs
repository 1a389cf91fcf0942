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
                <CopyButton link={link.clone()} label={tr.copy} done={tr.copied} />
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
