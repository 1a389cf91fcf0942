//! Accident grade thresholds of 国务院令第493号 at every edge, from `tests/golden/accident_grade/edges.json`.

use baofei_core::accident::grade;
use baofei_core::domain::AccidentGrade;

#[path = "../../../tests/support/manifest_dir.rs"]
mod support;
use support::manifest_dir;

#[test]
fn grade_edges() {
    let path = manifest_dir().join("../../tests/golden/accident_grade/edges.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(doc["source"].as_str().is_some_and(|s| s.contains("493")));
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 18);
    for c in cases {
        let d = c["deaths"].as_u64().unwrap() as u32;
        let i = c["serious_injuries"].as_u64().unwrap() as u32;
        let l = c["direct_loss"].as_str().unwrap().parse().unwrap();
        let want: AccidentGrade = serde_json::from_value(c["grade"].clone()).unwrap();
        assert_eq!(grade(d, i, l), want, "{}", c["why"]);
    }
}
