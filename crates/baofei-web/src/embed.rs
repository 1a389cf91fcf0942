//! Embedding: `mount()` for `<baofei-quote>` and other hosts. Events to the host and the iframe bridge
//! are the [`crate::hooks::host`] hooks the widget runs wherever it is mounted.

use crate::app::{App, AppProps};
use crate::outcome::{rules, PackState};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::AppHandle;

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
