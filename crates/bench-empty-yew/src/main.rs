//! The baseline of `scripts/bench.sh`: one Yew component, marked when first rendered.

#[cfg(target_arch = "wasm32")]
mod app {
    use yew::prelude::*;

    /// Renders one line and marks `app:first-render` once it is in the DOM.
    #[component]
    pub fn Empty() -> Html {
        use_effect_with((), |_| {
            if let Some(p) = gloo::utils::window().performance() {
                let _ = p.mark("app:first-render");
            }
        });
        html! { <p id="ready">{ "ready" }</p> }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::Empty>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
