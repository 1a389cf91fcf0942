//! The share link and remembered inputs: the standalone page keeps its address bar (`#v=1&…`) and,
//! when the user asks, local storage in step with the form.

use crate::model::Lang;
use wasm_bindgen::JsValue;
use yew::prelude::*;

const STORAGE_KEY: &str = "baofei.form";

/// The remembered share-link fragment, if the user asked to be remembered. Stored as plain text: a
/// JSON codec for one string is not worth its bundle size. Values written by earlier versions (through
/// gloo's JSON storage) are a quoted string; a fragment is percent-encoded, so dropping the quotes
/// is the whole decoding.
pub fn stored_fragment() -> Option<String> {
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
pub fn store_fragment(fragment: Option<&str>) {
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

/// Keeps the address bar, the remembered inputs and the page's `lang` in step with the form (the
/// standalone page only: an embed must not touch its host's address bar; and local storage only when
/// `storage`, i.e. not framed).
#[hook]
pub fn use_share_link(standalone: bool, storage: bool, fragment: String, remember: bool) {
    use_effect_with((fragment, remember), move |(fragment, remember)| {
        if !standalone {
            return;
        }
        let w = gloo::utils::window();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
        }
        if storage {
            store_fragment(remember.then_some(fragment.as_str()));
        }
        let en = fragment.contains("lang=en");
        gloo::utils::document_element()
            .set_attribute("lang", if en { "en" } else { "zh-CN" })
            .ok();
        // The page's title and description follow the language too (what a search result or a
        // shared tab shows).
        let tr = crate::i18n::t(if en { Lang::En } else { Lang::Zh });
        let doc = gloo::utils::document();
        doc.set_title(tr.page_title);
        if let Ok(Some(m)) = doc.query_selector("meta[name=description]") {
            let _ = m.set_attribute("content", tr.page_description);
        }
    });
}
