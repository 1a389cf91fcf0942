//! The first frame holds the form and the figures; the explanations (legal basis, services, notes,
//! trace, self-assessment, sharing) follow right after it is painted. Laying out and rasterising that
//! much CJK text was most of the time to the first premium on screen (docs/size-steps.md).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Runs `f` once the browser has painted the current frame: a requestAnimationFrame callback runs
/// just before the paint and a zero timeout queued from it runs after. Where frames are not produced
/// (a hidden tab), a plain timeout runs it instead, so nothing waits for the tab to become visible.
fn after_paint(f: impl FnOnce() + 'static) {
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = {
        let once = once.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = once.take() {
                f();
            }
        })
    };
    let w = gloo::utils::window();
    let run = run.into_js_value();
    let after_frame = {
        let run = run.clone();
        Closure::once_into_js(move || {
            let _ = gloo::utils::window().set_timeout_with_callback(run.unchecked_ref());
        })
    };
    let _ = w.request_animation_frame(after_frame.unchecked_ref());
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 500);
}

/// The last stage of [`use_after_paint`]: everything rendered.
pub const STAGES: u8 = 5;

/// The stage that renders the later panels (self-assessment, offer check, related schemes, footer);
/// the sharing panel (its QR code drawn in wasm) follows in the last one. Together they were one task
/// of 50-75 ms on this project's test machine once the prerendered page stopped carrying the
/// self-assessment and offer check (docs/size-steps.md, step 19).
pub const LATER_PANELS: u8 = STAGES - 1;

/// How much of the page is rendered: 0 in the first frame, then one more stage after each paint, up to
/// [`STAGES`]. On a prerendered page `App` mounts the header and summary first (the static form and
/// figures stand in), then renders the form, the result's figures, their explanations, the later
/// panels (self-assessment, offer check, related schemes) and last the sharing panel. Each stage is
/// its own task, so none is long (issue 15).
#[hook]
pub fn use_after_paint() -> u8 {
    let stage = use_state(|| 0u8);
    {
        let stage = stage.clone();
        use_effect_with(*stage, move |s| {
            let next = *s + 1;
            if next <= STAGES {
                after_paint(move || {
                    crate::perf::mark("baofei:rest");
                    stage.set(next);
                });
            }
            // The stage's render, measured for the benchmark (issue 15: no task over 50 ms).
            if *s > 0 {
                crate::perf::measure_since("baofei:rest", "baofei:rest");
            }
        });
    }
    *stage
}
