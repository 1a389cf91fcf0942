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

/// Keeps the focused control clear of the phone's sticky bar when the page changes size after the
/// focus moved there: the browser scrolls a control clear of the bar (scroll-padding) when it takes
/// focus, but the bar can grow afterwards (it shows the offers' verdicts once the reader is in the
/// offer check) and a late panel can move content under it (the gov-site suite saw a citation link
/// in the elder mode covered on a loaded machine). Observes the body's size and checks a frame after
/// each focus move; a control the bar covers is scrolled to the bottom of the room above it
/// (scroll-padding applies).
#[hook]
pub fn use_focus_clear_of_bar() {
    use wasm_bindgen::{closure::Closure, JsCast};
    use_effect_with((), move |_| {
        #[allow(clippy::float_arithmetic)]
        let check = Closure::<dyn FnMut()>::new(move || {
            let doc = gloo::utils::document();
            let Some(active) = doc
                .active_element()
                .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            let Some(bar) = doc.query_selector(".bf-sticky").ok().flatten() else {
                return;
            };
            if active.closest(".bf-sticky").ok().flatten().is_some()
                || active.closest(".bf").ok().flatten().is_none()
            {
                return;
            }
            let (a, b) = (
                active.get_bounding_client_rect(),
                bar.get_bounding_client_rect(),
            );
            // A hidden bar (desktop) has no height; a control taller than the room stays as it is.
            // Pixels, not money: the workspace's float lint is for rating.
            if b.height() > 0.0
                && a.bottom() > b.top() + 1.0
                && a.top() < b.bottom()
                && a.height() < b.top()
            {
                active.scroll_into_view_with_bool(false);
            }
        });
        let observer = web_sys::ResizeObserver::new(check.as_ref().unchecked_ref()).ok();
        if let (Some(o), Some(body)) = (&observer, gloo::utils::document().body()) {
            o.observe(&body);
        }
        // And when focus moves: a frame later, after the browser's own scroll to the control, which
        // a full CI run saw leave a tall link (a citation wrapping to three lines in the elder mode)
        // under the bar in every run.
        let check = std::rc::Rc::new(check);
        let focusin = {
            let check = check.clone();
            gloo::events::EventListener::new(&gloo::utils::document(), "focusin", move |_| {
                let f: &js_sys::Function = (*check).as_ref().unchecked_ref();
                let _ = gloo::utils::window().request_animation_frame(f);
            })
        };
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
            drop(focusin);
            drop(check);
        }
    });
}
