//! Performance API marks read by the benchmark harness (scripts/bench.sh); cheap no-ops otherwise.

fn perf() -> Option<web_sys::Performance> {
    gloo::utils::window().performance()
}
/// Sets mark `name`.
pub fn mark(name: &str) {
    if let Some(p) = perf() {
        let _ = p.mark(name);
    }
}
/// Measures from mark `start` to now as `name`, once; returns whether the mark existed.
pub fn measure_since(name: &str, start: &str) -> bool {
    let Some(p) = perf() else { return false };
    if p.get_entries_by_name(start).length() == 0 {
        return false;
    }
    let ok = p.measure_with_start_mark(name, start).is_ok();
    p.clear_marks_with_mark_name(start);
    ok
}
