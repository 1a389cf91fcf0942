//! The campaign link builder's own wasm (builder.html). It links the same library as the widget, but
//! only what the builder reaches is kept, and the widget's wasm no longer carries the builder
//! (issue 15 point 3: each page loads only what it needs). Built by scripts/post-build.sh.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Mounts the link builder in `root` (an Element).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = mountBuilder)]
pub fn mount_builder(
    #[wasm_bindgen(unchecked_param_type = "Element")] root: JsValue,
) -> Result<(), JsValue> {
    baofei_web::builder::mount_builder(root)
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("baofei-builder runs in the browser: `scripts/serve.sh` builds it with the widget.");
}
