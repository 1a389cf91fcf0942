//! Whether the reader is inside a section of the page: the phone's sticky bar shows the offers'
//! verdicts, not the estimate, while the reader is in the offer check (issue 32 item 2).

use yew::prelude::*;

/// True while the element with this id spans the line 120 px below the top of the window (the
/// reader's eyes on a phone): its top above that line, its bottom below it. Updated on scroll and
/// resize, and only when it changes.
#[hook]
pub fn use_in_section(id: &'static str) -> bool {
    let inside = use_state(|| false);
    {
        let inside = inside.clone();
        use_effect_with((), move |_| {
            let check = move || {
                let on = gloo::utils::document()
                    .get_element_by_id(id)
                    .map(|e| e.get_bounding_client_rect())
                    .is_some_and(|r| r.top() < 120.0 && r.bottom() > 120.0);
                if *inside != on {
                    inside.set(on);
                }
            };
            let win = gloo::utils::window();
            let scroll = {
                let check = check.clone();
                gloo::events::EventListener::new(&win, "scroll", move |_| check())
            };
            let resize = gloo::events::EventListener::new(&win, "resize", move |_| check());
            move || drop((scroll, resize))
        });
    }
    *inside
}
