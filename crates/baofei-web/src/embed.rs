//! Embedding: `mount()` for `<baofei-quote>` and other hosts. Events to the host and the iframe bridge
//! are the [`crate::hooks::host`] hooks the widget runs wherever it is mounted.

use crate::app::{App, AppProps};
use crate::outcome::{rules, LocalOutcome, LocalState, PackState};
use baofei_core::{ErrorCode, Errors, FieldError};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::AppHandle;

/// A mounted widget; `destroy()` removes it.
// The widget's JS exports exist only with the `widget` feature (on by default): the standalone page's
// and the link builder's own wasm are built without it, so neither carries the JS API or what only it
// reaches, an insurer's pack (issue 15 point 3).
#[cfg_attr(feature = "widget", wasm_bindgen)]
pub struct Widget {
    handle: Option<AppHandle<App>>,
}

#[cfg_attr(feature = "widget", wasm_bindgen)]
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

/// Validates a pack given as an object or JSON text against the built-in statutes. A value that is
/// neither (undefined, a function, a Symbol, a cycle) is an invalid pack, not a crash (F10).
fn pack_state(pack: &JsValue) -> PackState {
    let text = pack.as_string().or_else(|| {
        js_sys::JSON::stringify(pack)
            .ok()
            .and_then(|s| s.as_string())
    });
    let res = match (rules(), text) {
        (Ok(base), Some(text)) => baofei_rules::parse_pack(&text).and_then(|p| base.with_pack(p)),
        (Ok(_), None) => Err(Errors::one(FieldError::new(
            "pack",
            ErrorCode::InvalidPack,
            "费率包须为对象或 JSON 文本",
            "the pack must be an object or JSON text",
        ))),
        (Err(e), _) => Err(e.clone()),
    };
    PackState(Rc::new(res))
}

/// Why `pack-src` could not be loaded, as the embed script reports it (`{zh, en}`): shown as the
/// pack's error, so the user reads "other origin" or "HTTP 404", not a JSON complaint (F11).
fn pack_load_error(e: &JsValue) -> PackState {
    PackState(Rc::new(Err(Errors::one(FieldError::new(
        "pack-src",
        ErrorCode::InvalidPack,
        text_of(e, "zh"),
        text_of(e, "en"),
    )))))
}

/// A host's local rules from a mount config (issue 33): `localRulesError` (`{zh, en}`, the file could
/// not be loaded) or `localRules` (object or JSON text) checked against the pack in use (or the shipped
/// rules); `None` when neither is given. A file that could not be loaded, or was refused, leaves the
/// shipped rules in force and says why.
pub(crate) fn local_state(config: &JsValue, pack: Option<&PackState>) -> Option<LocalState> {
    let present = |k: &str| {
        js_sys::Reflect::get(config, &k.into())
            .ok()
            .filter(|p| !p.is_undefined() && !p.is_null())
    };
    let refused = |field: &str, zh: String, en: String| {
        LocalState(Rc::new(LocalOutcome::Refused(Errors::one(
            FieldError::new(field, ErrorCode::InvalidPack, zh, en),
        ))))
    };
    if let Some(e) = present("localRulesError") {
        return Some(refused("rules-src", text_of(&e, "zh"), text_of(&e, "en")));
    }
    let l = present("localRules")?;
    let text = l
        .as_string()
        .or_else(|| js_sys::JSON::stringify(&l).ok().and_then(|s| s.as_string()));
    // Checked against the pack in use, or the shipped rules when there is none or it was refused
    // (then no figure is shown, but the file's own problems are still said, not a wrong complaint).
    let base = pack
        .and_then(|PackState(p)| p.as_ref().as_ref().ok())
        .or_else(|| rules().as_ref().ok());
    Some(match (text, base) {
        (Some(t), Some(b)) => LocalState::check(&t, b),
        _ => refused(
            "localRules",
            "地方规则须为对象或 JSON 文本".into(),
            "local rules must be an object or JSON text".into(),
        ),
    })
}

/// An insurer's pack from a mount config: `packError` (`{zh, en}`: it could not be loaded) or `pack`
/// (object or JSON text), validated; `None` when neither is given.
pub(crate) fn pack_from_config(config: &JsValue) -> Option<PackState> {
    let present = |k: &str| {
        js_sys::Reflect::get(config, &k.into())
            .ok()
            .filter(|p| !p.is_undefined() && !p.is_null())
    };
    match present("packError") {
        Some(e) => Some(pack_load_error(&e)),
        None => present("pack").map(|p| pack_state(&p)),
    }
}

/// A string property of a JS object, or empty.
fn text_of(e: &JsValue, k: &str) -> String {
    js_sys::Reflect::get(e, &k.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Mounts the widget in `root`. `config`: `preset` (share-link fragment), `lang` ("zh"/"en"),
/// `instance` (id carried in events), `host` (element receiving `baofei-quote` events; default
/// `root`), `pack` (an insurer's pricing pack, object or JSON text), `packError` (`{zh, en}`: why a
/// pack could not be loaded; shown instead of a figure), `localRules` (a host's local-rules file,
/// object or JSON text: issue 33), `localRulesError` (`{zh, en}`: why it could not be loaded; the
/// shipped rules then apply, and the page says so), `linkBase` (URL of the standalone page for
/// share links), `mode` (`"compact"`: form and result only), `onState` (a function told the
/// visitor's inputs as a share-link fragment whenever they change: the element's, integrator
/// review m7).
///
/// A `root` that is not an element throws a `TypeError` (a panic would take down every widget on
/// the page).
#[cfg(feature = "widget")]
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(
    #[wasm_bindgen(unchecked_param_type = "Element")] root: JsValue,
    config: JsValue,
) -> Result<Widget, JsValue> {
    mount(root, config)
}

/// The JS `mount`, as Rust calls it (exported to JS only with the `widget` feature).
pub fn mount(root: JsValue, config: JsValue) -> Result<Widget, JsValue> {
    let root = element(root, "mount")?;
    let host = js_sys::Reflect::get(&config, &"host".into())
        .ok()
        .and_then(|h| h.dyn_into::<Element>().ok())
        .unwrap_or_else(|| root.clone());
    let pack = pack_from_config(&config);
    let local = local_state(&config, pack.as_ref());
    let props = AppProps {
        preset: get_str(&config, "preset").map(Into::into),
        lang: get_str(&config, "lang").map(Into::into),
        elder: get_str(&config, "elder").as_deref() == Some("1"),
        standalone: false,
        storage: false,
        host: Some(host),
        instance: get_str(&config, "instance").unwrap_or_default().into(),
        pack,
        local,
        parent_origin: None,
        link_base: get_str(&config, "linkBase").map(Into::into),
        compact: get_str(&config, "mode").as_deref() == Some("compact"),
        stand_in: None,
        on_state: js_sys::Reflect::get(&config, &"onState".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .map(|f| {
                yew::Callback::from(move |fragment: yew::AttrValue| {
                    let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&fragment));
                })
            }),
        open_offers: false,
    };
    Ok(Widget {
        handle: Some(yew::Renderer::<App>::with_root_and_props(root, props).render()),
    })
}

/// `root` as an element, or a `TypeError` naming the function.
pub(crate) fn element(root: JsValue, function: &str) -> Result<Element, JsValue> {
    root.dyn_into::<Element>()
        .map_err(|_| js_sys::TypeError::new(&format!("{function}: root must be an Element")).into())
}
