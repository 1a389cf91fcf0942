//! The standalone page's own wasm (index.html, and the iframe embed, which frames that page). It links
//! the same library as the widget without the `widget` feature: the JS API (`mount`, `Widget`) and
//! what only it reaches (an insurer's pack and its validation) stay in `baofei-web`, which host pages
//! import (issue 15 point 3: each page loads only what it needs). Trunk builds it (index.html).

#[cfg(all(target_arch = "wasm32", not(feature = "widget")))]
use wasm_bindgen::prelude::*;

/// Hidden debug trigger (see [`baofei_web::debug_panic`]): the page's tests reach the crash screen
/// through it. With the `widget` feature on (as `cargo test` builds every bin) the library exports it
/// itself, and a second export of the name would not link.
#[cfg(all(target_arch = "wasm32", not(feature = "widget")))]
#[wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic() {
    baofei_web::debug_panic();
}

/// Ends the page's widget so that `web/start.js` can hand the page over to the widget's build (the
/// offer check, issue 31; see [`baofei_web::stop_page`]). Exported here, not by the library, so that
/// no other bin links the page's widget through it.
#[cfg(all(target_arch = "wasm32", not(feature = "widget")))]
#[wasm_bindgen(js_name = stopPage)]
pub fn stop_page() {
    baofei_web::stop_page();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    baofei_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baofei-page runs in the browser: `scripts/serve.sh` builds and serves it.");
}
