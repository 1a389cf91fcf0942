//! Embedding: `mount()` for `<baofei-quote>` and other hosts, events to the host page, and the iframe
//! link with its parent window (height and quotes to one allowed origin; messages from any other
//! origin ignored).

use crate::app::{rules, App, AppProps, PackState};
use crate::model::Lang;
use baofei_core::Quote;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, MessageEvent};
use yew::{AppHandle, Callback};

/// What hosts receive: the headline figures plus the whole quote.
#[derive(Serialize)]
struct Detail<'a> {
    instance: &'a str,
    region: &'a str,
    line: &'a str,
    sector: &'a str,
    premium: String,
    premium_low: String,
    premium_high: String,
    obligation: baofei_core::domain::Obligation,
    minimum_per_person: Option<String>,
    illustrative: bool,
    quote: &'a Quote,
}

fn detail_json(instance: &str, q: &Quote) -> Option<JsValue> {
    let d = Detail {
        instance,
        region: &q.region,
        line: q.line.key(),
        sector: &q.sector,
        premium: q.premium.to_string(),
        premium_low: q.premium_low.to_string(),
        premium_high: q.premium_high.to_string(),
        obligation: q.obligation.level,
        minimum_per_person: q.limits.minimum_per_person.map(|m| m.to_string()),
        illustrative: q.illustrative,
        quote: q,
    };
    let text = serde_json::to_string(&d).ok()?;
    js_sys::JSON::parse(&text).ok()
}

/// Fires `baofei-quote` on the host element and posts it to the iframe parent, if any.
pub fn announce(host: Option<&Element>, instance: &str, parent_origin: Option<&str>, q: &Quote) {
    let Some(detail) = detail_json(instance, q) else {
        return;
    };
    if let Some(host) = host {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(ev) = CustomEvent::new_with_event_init_dict("baofei-quote", &init) {
            let _ = host.dispatch_event(&ev);
        }
    }
    if let Some(origin) = parent_origin {
        post(origin, "baofei:quote", &detail);
    }
}

fn post(origin: &str, kind: &str, payload: &JsValue) {
    let w = gloo::utils::window();
    let Ok(Some(parent)) = w.parent() else { return };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&msg, &"detail".into(), payload);
    // The target origin makes the browser drop the message unless the parent is that origin.
    let _ = parent.post_message(&msg, origin);
}

/// The allowed parent origin of an iframe embed: `?parent=<origin>`, only when framed.
pub fn iframe_parent() -> Option<String> {
    let w = gloo::utils::window();
    let framed = w
        .parent()
        .ok()
        .flatten()
        .is_some_and(|p| !js_sys::Object::is(&p, &w));
    if !framed {
        return None;
    }
    let search = w.location().search().ok()?;
    let origin = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("parent")?;
    // Only a real origin: scheme://host[:port], no path, no wildcard.
    let parsed = web_sys::Url::new(&origin).ok()?;
    (parsed.origin() == origin && origin != "null").then_some(origin)
}

/// Keeps the iframe link alive: reports the height whenever it changes and listens to the parent.
/// Dropping the returned value stops both.
pub fn iframe_link(origin: String, set_lang: Callback<Lang>) -> impl Drop {
    let doc = gloo::utils::document();
    let report = {
        let origin = origin.clone();
        Closure::<dyn FnMut()>::new(move || {
            let h = gloo::utils::document_element().scroll_height();
            post(&origin, "baofei:resize", &JsValue::from(h));
        })
    };
    let observer = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()).ok();
    if let (Some(o), Some(body)) = (&observer, doc.body()) {
        o.observe(&body);
    }
    let listener = gloo::events::EventListener::new(&gloo::utils::window(), "message", move |ev| {
        let Some(ev) = ev.dyn_ref::<MessageEvent>() else {
            return;
        };
        if ev.origin() != origin {
            return; // Messages from any other origin are ignored.
        }
        let data = ev.data();
        let kind = js_sys::Reflect::get(&data, &"type".into())
            .ok()
            .and_then(|v| v.as_string());
        if kind.as_deref() == Some("baofei:lang") {
            match js_sys::Reflect::get(&data, &"lang".into())
                .ok()
                .and_then(|v| v.as_string())
                .as_deref()
            {
                Some("en") => set_lang.emit(Lang::En),
                Some("zh") => set_lang.emit(Lang::Zh),
                _ => {}
            }
        }
    });
    IframeLink {
        _report: report,
        observer,
        _listener: listener,
    }
}

struct IframeLink {
    _report: Closure<dyn FnMut()>,
    observer: Option<web_sys::ResizeObserver>,
    _listener: gloo::events::EventListener,
}

impl Drop for IframeLink {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// A mounted widget; `destroy()` removes it.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget.
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

fn get_str(config: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(config, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|s| !s.is_empty())
}

/// Validates a pack given as an object or JSON text against the built-in statutes.
fn pack_state(pack: &JsValue) -> PackState {
    let text = pack
        .as_string()
        .or_else(|| js_sys::JSON::stringify(pack).ok().map(String::from))
        .unwrap_or_default();
    let res = match rules() {
        Ok(base) => baofei_rules::parse_pack(&text).and_then(|p| base.with_pack(p)),
        Err(e) => Err(e.clone()),
    };
    PackState(Rc::new(res))
}

/// Mounts the widget in `root`. `config`: `preset` (share-link fragment), `lang` ("zh"/"en"),
/// `instance` (id carried in events), `host` (element receiving `baofei-quote` events; default
/// `root`), `pack` (an insurer's pricing pack, object or JSON text), `linkBase` (URL of the standalone
/// page for share links).
#[wasm_bindgen]
pub fn mount(root: Element, config: JsValue) -> Widget {
    let host = js_sys::Reflect::get(&config, &"host".into())
        .ok()
        .and_then(|h| h.dyn_into::<Element>().ok())
        .unwrap_or_else(|| root.clone());
    let pack = js_sys::Reflect::get(&config, &"pack".into())
        .ok()
        .filter(|p| !p.is_undefined() && !p.is_null())
        .map(|p| pack_state(&p));
    let props = AppProps {
        preset: get_str(&config, "preset").map(Into::into),
        lang: get_str(&config, "lang").map(Into::into),
        standalone: false,
        host: Some(host),
        instance: get_str(&config, "instance").unwrap_or_default().into(),
        pack,
        parent_origin: None,
        link_base: get_str(&config, "linkBase").map(Into::into),
    };
    Widget {
        handle: Some(yew::Renderer::<App>::with_root_and_props(root, props).render()),
    }
}
