//! The first look's own wasm (issue 31): the engine and the shipped rules without the interface, so a
//! link's premium can be shown on a slow phone long before the widget's wasm has arrived
//! (`baofei_web::first`). `start.js` loads it only when the prerendered frame is hidden (a link, a
//! remembered state, an English first visit, a date outside the frame's window) and the release wasm
//! runs. Built by scripts/post-build.sh.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// A free-list allocator of a few hundred bytes instead of the standard one (dlmalloc, about 3 KB
/// gzip): this engine runs one quote and is dropped, so its allocator's speed and fragmentation do
/// not matter, and every kilobyte delays a link's premium on a slow phone (issue 31).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// The card's HTML for `fragment` (without `#`; empty for the default state), whose `source` is
/// `"link"`, `"saved"` or `"default"`, on `today` (`YYYY-MM-DD`), in English when `english`; an
/// empty string when the state cannot be priced as it stands (the widget will say why).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = firstLook)]
pub fn first_look(fragment: &str, source: &str, today: &str, english: bool) -> String {
    let rules = baofei_rules::load_brief();
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
