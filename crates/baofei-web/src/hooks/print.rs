//! Printing: browsers without `::details-content` print a closed `<details>` empty, so the trace is
//! opened first.

use yew::prelude::*;

/// Opens the calculation trace before the page is printed.
#[hook]
pub fn use_print_opens_trace() {
    use_effect_with((), |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "beforeprint", |_| {
                if let Some(el) = gloo::utils::document().get_element_by_id("trace") {
                    let _ = el.set_attribute("open", "");
                }
            });
        move || drop(listener)
    });
}
