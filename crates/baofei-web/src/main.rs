//! The widget for host pages: `baofei-web.js` with the JS API (`mount`, `Widget`, `debugPanic`) that
//! `embed/baofei-embed.js` and integrators import. Built by scripts/post-build.sh; the standalone page
//! loads its own, smaller wasm (`bin/baofei-page.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    baofei_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baofei-web runs in the browser: `scripts/serve.sh` builds and serves it.");
}
