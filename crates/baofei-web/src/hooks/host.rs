//! The widget and its host: `baofei-quote` events to the host element, and the iframe bridge with the
//! parent window (height and quotes to one allowed origin; messages from any other origin ignored).

use crate::model::Lang;
use crate::outcome::Outcome;
use baofei_core::Quote;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, MessageEvent};
use yew::prelude::*;

/// What hosts receive: the headline figures plus the whole quote.
#[derive(Serialize)]
struct Detail<'a> {
    instance: &'a str,
    /// The campaign tag the link or preset carried (`c`), for the host's own attribution.
    #[serde(skip_serializing_if = "Option::is_none")]
    campaign: Option<&'a str>,
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

fn detail_json(instance: &str, campaign: Option<&str>, q: &Quote) -> Option<JsValue> {
    let d = Detail {
        instance,
        campaign,
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
pub fn announce(
    host: Option<&Element>,
    instance: &str,
    campaign: Option<&str>,
    parent_origin: Option<&str>,
    q: &Quote,
) {
    // The standalone page, not framed, has no one to tell: the whole quote is not serialised to JSON
    // and parsed back for nobody on every change.
    if host.is_none() && parent_origin.is_none() {
        return;
    }
    let Some(detail) = detail_json(instance, campaign, q) else {
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

/// Tells the parent window a framed page could not use what its host gave it (`baofei:error`, which
/// `mountFrame` turns into a `baofei-error` event): the stage, the first problem's code and message,
/// and how many there are. The reader sees the page's own banner.
pub fn post_error(origin: &str, stage: &str, e: &baofei_core::Errors) {
    let detail = js_sys::Object::new();
    let first = e.0.first();
    let _ = js_sys::Reflect::set(&detail, &"stage".into(), &stage.into());
    let _ = js_sys::Reflect::set(&detail, &"count".into(), &JsValue::from(e.0.len() as u32));
    if let Some(f) = first {
        // The codes a pack's problems carry (no serde_json in the page for one word).
        let code = if f.code == baofei_core::ErrorCode::TooLarge {
            "too_large"
        } else {
            "invalid_pack"
        };
        let _ = js_sys::Reflect::set(&detail, &"code".into(), &code.into());
        let _ = js_sys::Reflect::set(
            &detail,
            &"message".into(),
            &format!("{}: {}", f.field, f.message_en).into(),
        );
    }
    post(origin, "baofei:error", &detail);
}

/// Whether this page runs inside a frame (its parent window is another window).
pub fn framed() -> bool {
    let w = gloo::utils::window();
    w.parent()
        .ok()
        .flatten()
        .is_some_and(|p| !js_sys::Object::is(&p, &w))
}

/// The allowed parent origin of an iframe embed: `?parent=<origin>`, only when framed.
pub fn iframe_parent() -> Option<String> {
    if !framed() {
        return None;
    }
    let w = gloo::utils::window();
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
        // And from any other window of that origin (a popup it opened, another frame): only the
        // parent may speak to the frame (security review F9).
        let parent = gloo::utils::window().parent().ok().flatten();
        let from_parent = match (ev.source(), parent) {
            (Some(src), Some(p)) => js_sys::Object::is(&src, &p),
            _ => false,
        };
        if !from_parent {
            return;
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

/// Tells the host page (event) or the parent window (iframe) about every new quote.
#[hook]
pub fn use_host_events(
    host: Option<Element>,
    instance: AttrValue,
    parent: Option<AttrValue>,
    campaign: AttrValue,
    outcome: Rc<Outcome>,
) {
    use_effect_with(outcome, move |outcome| {
        if let Ok((q, _)) = &outcome.0 {
            let campaign = (!campaign.is_empty()).then_some(campaign.as_str());
            announce(host.as_ref(), &instance, campaign, parent.as_deref(), q);
        }
    });
}

/// Tells the element the visitor's inputs whenever they change (its `onState`), valid or not: a
/// remount for a host's attribute change starts from them (integrator review m7).
#[hook]
pub fn use_state_report(on_state: Option<Callback<AttrValue>>, fragment: AttrValue) {
    use_effect_with(fragment, move |f| {
        if let Some(cb) = on_state {
            cb.emit(f.clone());
        }
    });
}

/// In iframe mode, reports the height and obeys language messages from the parent origin.
#[hook]
pub fn use_iframe_bridge(parent: Option<AttrValue>, set_lang: Callback<Lang>) {
    use_effect_with(parent, move |parent| {
        let guards = parent
            .as_ref()
            .map(|p| iframe_link(p.to_string(), set_lang));
        move || drop(guards)
    });
}
