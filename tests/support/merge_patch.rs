//! Shared by the native test crates (`#[path]`-included): JSON merge patch (RFC 7386), which golden
//! cases and refusal cases use to describe a pack or a local-rules file as a change to a known one.

use serde_json::Value;

/// Applies `patch` to `target`: objects merge, `null` removes a member, anything else replaces.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}
