//! Hostile rule packs: each is rejected (or handled) with a clear error; none hangs or panics.

use baofei_core::input::QuoteInput;
use baofei_core::{ErrorCode, Errors};
use serde_json::{json, Value};
use std::time::Instant;

fn reference() -> Value {
    serde_json::from_str(&baofei_rules::pack_json()).unwrap()
}

/// Parses and validates; returns every problem.
fn load(text: &str) -> Result<(), Errors> {
    let base = baofei_rules::load().unwrap();
    base.with_pack(baofei_rules::parse_pack(text)?).map(|_| ())
}

fn rejected(text: &str, needle: &str) {
    let t = Instant::now();
    let e = load(text).expect_err("must be rejected");
    assert!(t.elapsed().as_secs() < 2, "took {:?}", t.elapsed());
    let all = e.to_string();
    assert!(all.contains(needle), "expected {needle:?} in: {all}");
    assert!(e
        .0
        .iter()
        .all(|x| !x.field.is_empty() && !x.message_zh.is_empty() && !x.message_en.is_empty()));
}

#[test]
fn the_reference_pack_passes_the_strict_reader() {
    load(&baofei_rules::pack_json()).unwrap();
}

#[test]
fn huge_arrays_are_refused() {
    // Small enough to pass the size cap, long enough to trip the array cap.
    let mut p = reference();
    let band = p["loss_ratio_factors"]["national"][0]["value"][0].clone();
    p["loss_ratio_factors"]["national"][0]["value"] = Value::Array(vec![band; 5_000]);
    rejected(&p.to_string(), "array longer than");
    // Far beyond the size cap: refused before any parsing.
    let mut p = reference();
    let entry = p["rates"]["work_safety"]["national"][0]["value"][0].clone();
    p["rates"]["work_safety"]["national"][0]["value"] = Value::Array(vec![entry; 100_000]);
    rejected(&p.to_string(), "pack too large");
}

#[test]
fn oversized_text_is_refused_before_parsing() {
    let mut p = reference();
    p["meta"]["name_en"] = Value::String("x".repeat(2 << 20));
    let e = baofei_rules::parse_pack(&p.to_string()).unwrap_err();
    assert_eq!(e.0[0].code, ErrorCode::TooLarge);
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    rejected(&format!("{{\"meta\": {deep}}}"), "nesting deeper than");
    let objects = format!("{}{}", "{\"a\":".repeat(5_000), "}".repeat(5_000));
    rejected(
        &objects.replacen("{\"a\":", "{\"meta\":", 1),
        "nesting deeper than",
    );
}

#[test]
fn duplicate_keys_are_refused_at_any_depth() {
    let text = baofei_rules::pack_json();
    rejected(
        &text.replacen("\"meta\":", "\"meta\": {}, \"meta\":", 1),
        "duplicate key \"meta\"",
    );
    // Inside a factor table, where serde would otherwise keep the last value silently.
    rejected(
        &text.replacen(
            "\"grade1\":\"0.90\"",
            "\"grade1\":\"0.90\",\"grade1\":\"0.10\"",
            1,
        ),
        "duplicate key \"grade1\"",
    );
}

#[test]
fn absurd_or_overflowing_numbers_are_refused() {
    for bad in [
        "1e400",
        "999999999999999999999999999999999",
        "NaN",
        "-1",
        "0",
        "101",
        "Infinity",
        "0x10",
        "",
    ] {
        let mut p = reference();
        p["blacklist_factors"]["national"][0]["value"]["yes"] = Value::String(bad.into());
        assert!(load(&p.to_string()).is_err(), "{bad:?} accepted");
    }
    // JSON numbers would pass through f64: every decimal in a pack must be a string.
    let mut p = reference();
    p["blacklist_factors"]["national"][0]["value"]["yes"] = json!(1.3);
    rejected(&p.to_string(), "invalid type");
    let mut p = reference();
    p["clean_floor"]["national"][0]["value"] = json!(0.5);
    rejected(&p.to_string(), "invalid type");
}

#[test]
fn missing_or_unknown_keys_name_the_place() {
    let mut p = reference();
    p.as_object_mut().unwrap().remove("accident_factors");
    rejected(&p.to_string(), "missing field `accident_factors`");
    let mut p = reference();
    p["accident_factors"]["national"][0]["value"]
        .as_object_mut()
        .unwrap()
        .remove("larger");
    rejected(&p.to_string(), "accident_factors.national.0.larger");
    let mut p = reference();
    p["minimum_limit"] =
        json!({"description": "an attempt to lower the law", "unit": "元", "national": []});
    rejected(&p.to_string(), "unknown field `minimum_limit`");
}

#[test]
fn markup_in_labels_is_data_not_code() {
    let mut p = reference();
    p["meta"]["name_zh"] = Value::String("<img src=x onerror=alert(1)>".into());
    p["meta"]["id"] = Value::String("<script>alert(1)</script>".into());
    load(&p.to_string()).unwrap(); // accepted as text; every front end renders text, never HTML
}

#[test]
fn factors_at_their_limits_overflow_into_an_error_not_a_panic() {
    let mut p = reference();
    for table in [
        "accident_factors",
        "death_factors",
        "consecutive_fatal_factors",
        "standardisation_factors",
        "claim_free_factors",
        "blacklist_factors",
        "refused_rectification_factors",
        "size_factors",
    ] {
        for v in p[table]["national"][0]["value"]
            .as_object_mut()
            .unwrap()
            .values_mut()
        {
            *v = Value::String("100".into());
        }
        if let Some(regions) = p[table].get_mut("regions").and_then(Value::as_object_mut) {
            regions.clear();
        }
    }
    let base = baofei_rules::load().unwrap();
    let rules = base
        .with_pack(baofei_rules::parse_pack(&p.to_string()).unwrap())
        .unwrap();
    let input = QuoteInput {
        as_of: "2026-06-01".into(),
        region: "national".into(),
        line: "work_safety".into(),
        sector: "hazardous_chemicals.production".into(),
        employees: "10000000".into(),
        per_person_limit: "100000000".into(),
        ..Default::default()
    };
    // 1e7 × 1e8 × 1‰ × 1.5 × 100 (size) = 1.5e17, then the float: 100^7 = 1e14 is clamped to the band.
    match baofei_core::quote(&rules, &input) {
        Ok(q) => assert!(q.band.factor <= q.band.high),
        Err(e) => assert_eq!(e.0[0].code, ErrorCode::Overflow),
    }
}

/// Integrator review 2026-12, M7: a pack whose dated values leave a day uncovered (an `until` the day
/// before the next `from`: `until` is the first day no longer in force) or make two apply at once is
/// refused at validation, not at the first quote on that day. An `until` that meets the next `from`,
/// or a later value taking over with no `until`, passes.
#[test]
fn dated_values_must_meet_without_gap_or_overlap() {
    let with = |until: Option<&str>| {
        let mut p = reference();
        let first = p["clean_floor"]["national"][0].clone();
        let mut later = first.clone();
        later["from"] = json!("2027-01-01");
        later["value"] = json!("0.55");
        let mut earlier = first;
        if let Some(u) = until {
            earlier["until"] = json!(u);
        }
        p["clean_floor"]["national"] = json!([earlier, later]);
        p.to_string()
    };
    rejected(&with(Some("2026-12-31")), "until = 2027-01-01");
    rejected(
        &with(Some("2027-03-01")),
        "two values apply from 2027-01-01",
    );
    load(&with(Some("2027-01-01"))).expect("an until that meets the next from");
    load(&with(None)).expect("a later value taking over");
}
