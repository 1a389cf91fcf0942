//! Entry point Trunk builds into the widget.

#[cfg(target_arch = "wasm32")]
fn main() {
    baofei_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baofei-web runs in the browser: `scripts/serve.sh` builds and serves it.");
}
