//! A stable insertion sort for the engine's short lists (obligation rules, gaps, next steps: tens of
//! items at most). The standard library's stable sort is fast on long inputs but brings ~500 bytes to
//! 2 KB of wasm for every element type it is used with (23 KB in all in the widget; see
//! docs/size-steps.md); this is a few dozen bytes per type and just as fast at these lengths.

/// Sorts `v` so that no element is preceded by one it is `less` than, keeping equal elements in their
/// original order (stable).
pub fn sort_small_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_small_by;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        let mut want = v.clone();
        want.sort_by_key(|x| x.0);
        sort_small_by(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, want);
        let mut empty: Vec<u8> = vec![];
        sort_small_by(&mut empty, |a, b| a < b);
        let mut one = vec![1];
        sort_small_by(&mut one, |a, b| a < b);
        assert_eq!(one, [1]);
    }
}
