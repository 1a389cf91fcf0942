//! Benchmark marks: the first premium on screen, and input-to-DOM time of every recompute.

use crate::outcome::Outcome;
use crate::perf;
use std::rc::Rc;
use yew::prelude::*;

/// Measures `baofei:update` after every recompute and marks `baofei:first-premium` once.
#[hook]
pub fn use_perf_marks(outcome: Rc<Outcome>) {
    let first = use_mut_ref(|| true);
    use_effect_with(outcome, move |outcome| {
        perf::measure_since("baofei:update", "baofei:input");
        if outcome.0.is_ok() && std::mem::replace(&mut *first.borrow_mut(), false) {
            perf::mark("baofei:first-premium");
        }
    });
}
