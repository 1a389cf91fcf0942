//! The first look's own wasm (issue 31): the engine and the shipped rules without the interface, so a
//! link's premium can be shown on a slow phone long before the widget's wasm has arrived
//! (`baofei_web::first`). `start.js` loads it only when the prerendered frame is hidden (a link, a
//! remembered state, an English first visit, a date outside the frame's window) and the release wasm
//! runs. Built by scripts/post-build.sh.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// The card's HTML for `fragment` (without `#`; empty for the default state), whose `source` is
/// `"link"`, `"saved"` or `"default"`, on `today` (`YYYY-MM-DD`), in English when `english`; an
/// empty string when the state cannot be priced as it stands (the widget will say why).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = firstLook)]
pub fn first_look(fragment: &str, source: &str, today: &str, english: bool) -> String {
    let Ok(rules) = baofei_rules::load_brief() else {
        return String::new();
    };
    baofei_web::first::card(
        &rules,
        fragment,
        baofei_web::first::Source::parse(source),
        today,
        english,
    )
    .unwrap_or_default()
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("baofei-first runs in the browser: `scripts/serve.sh` builds it with the widget.");
}
