//! Baofei's Yew widget. The state and everything testable lives in [`model`] (no Yew); the
//! components in `app` only render the form and the engine's result.

pub mod i18n;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// Mounts the widget on `#baofei` (or the body) and installs the friendly panic screen.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    app::install_panic_screen();
    let root = gloo::utils::document().get_element_by_id("baofei");
    match root {
        Some(el) => yew::Renderer::<app::App>::with_root(el).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}
