//! Baofei's Yew widget. The state and everything testable lives in [`model`] (no Yew); in the
//! browser, `app` holds the state and composes the `views` (one per panel) and the `hooks` (one per
//! effect); `outcome` is the one call into the engine.

pub mod breakdown;
pub mod i18n;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod outcome;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
pub mod perf;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod builder;
#[cfg(target_arch = "wasm32")]
pub mod embed;

/// Installs the friendly panic screen and, on the standalone page (an element `#baofei`), mounts the
/// widget there. On a host page nothing is mounted until `<baofei-quote>` or `mount()` asks.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic::install_panic_screen();
    let Some(el) = gloo::utils::document().get_element_by_id("baofei") else {
        return;
    };
    // A framed page is an embed, whatever its address: it never reads or writes the inputs the user
    // asked the standalone page to remember, or any page of the same site could frame it and read
    // them (security review F2).
    // The page's "loading" line and <noscript> go: the widget takes the element over.
    el.set_inner_html("");
    // `?mode=compact` (what `mountFrame(…, { mode: 'compact' })` asks for): form and result only.
    let compact = gloo::utils::window().location().search().is_ok_and(|q| {
        q.trim_start_matches('?')
            .split('&')
            .any(|p| p == "mode=compact")
    });
    let props = app::AppProps {
        standalone: true,
        storage: !hooks::host::framed(),
        parent_origin: hooks::host::iframe_parent().map(Into::into),
        compact,
        ..Default::default()
    };
    yew::Renderer::<app::App>::with_root_and_props(el, props).render();
}

/// Hidden debug trigger: panics, so that tests (and support staff) can see the crash screen.
/// It changes no data and sends nothing.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic() {
    panic!("debug trigger: simulated fault");
}
