//! The crash screen: after a panic the wasm instance cannot be trusted, so every widget on the page
//! is replaced with a bilingual message.

use wasm_bindgen::JsValue;

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
