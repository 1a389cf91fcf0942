//! Local rules supplied by a host (issue 33): the example file passes and quotes under its rules,
//! labelled as the host's; every kind of loosening is refused at its path in both languages
//! (`tests/local/refusals.json`, each a merge patch on the example); and no accepted file lowers a
//! legal floor for any enterprise (a property test over random files and enterprises).

use baofei_core::rules::local::LocalRules;
use baofei_core::{quote, Errors, QuoteInput, Rules};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;
use std::sync::OnceLock;

#[path = "../../../tests/support/manifest_dir.rs"]
mod support;
use support::manifest_dir;
#[path = "../../../tests/support/merge_patch.rs"]
mod patch;
use patch::merge_patch;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| baofei_rules::load().unwrap())
}

fn example() -> Value {
    let path = manifest_dir().join("../../docs/local-rules/example-shifan.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn with_local(v: &Value) -> Result<Rules, Errors> {
    let local: LocalRules = baofei_rules::parse_local_rules(&v.to_string())?;
    let merged = rules().with_local(&local)?;
    // `with_local` does not re-run the statutes' own checks (they would weigh on the browser): every
    // merge the tests make must pass them.
    if let Err(e) = merged.statutes().validate() {
        panic!("an accepted file merged into invalid statutes: {e}");
    }
    Ok(merged)
}

fn input(region: &str, sector: &str, as_of: &str) -> QuoteInput {
    let mut i: QuoteInput = serde_json::from_value(serde_json::json!({
        "as_of": as_of,
        "region": region,
        "line": "work_safety",
        "sector": sector,
        "employees": "100",
        "size_class": "medium",
        "standardisation": "none"
    }))
    .unwrap();
    i.as_of = as_of.into();
    i
}

#[test]
fn the_example_file_passes_and_its_rules_are_labelled_as_the_hosts() {
    let local = with_local(&example()).unwrap_or_else(|e| panic!("the example is refused: {e}"));
    let q = quote(
        &local,
        &input(
            "jiangsu_shifan",
            "hazardous_chemicals.production",
            "2026-06-01",
        ),
    )
    .unwrap();
    assert_eq!(
        q.limits
            .minimum_per_person
            .map(|d| d.to_string())
            .as_deref(),
        Some("500000")
    );
    let step = q
        .trace
        .iter()
        .find(|s| s.id == "minimum_limit")
        .expect("minimum step");
    assert!(
        step.source.as_ref().is_some_and(|c| c.host),
        "the minimum's citation is the host's: {step:?}"
    );
    // Before the city's rule starts, the national minimum, and no citation claims the host.
    let before = quote(
        &local,
        &input(
            "jiangsu_shifan",
            "hazardous_chemicals.production",
            "2025-12-31",
        ),
    )
    .unwrap();
    assert_eq!(
        before
            .limits
            .minimum_per_person
            .map(|d| d.to_string())
            .as_deref(),
        Some("400000")
    );
    assert!(before
        .trace
        .iter()
        .all(|s| s.source.as_ref().is_none_or(|c| !c.host)));
    // The province next door to the host's city is untouched.
    let js = quote(&local, &input("jiangsu", "other.general", "2026-06-01")).unwrap();
    assert_eq!(js.obligation.level.key(), "encouraged");
    // The shipped statutes never carry the host's mark.
    let shipped = quote(
        rules(),
        &input("jiangsu", "hazardous_chemicals.production", "2026-06-01"),
    )
    .unwrap();
    assert!(shipped
        .trace
        .iter()
        .all(|s| s.source.as_ref().is_none_or(|c| !c.host)));
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Refusal {
    name: String,
    patch: Value,
    /// Paths every one of which must carry an error.
    errors: Vec<String>,
    /// Text some message must contain (what the law says instead).
    #[serde(default)]
    says: Option<String>,
}

#[test]
fn every_loosening_is_refused_at_its_path_in_both_languages() {
    let path = manifest_dir().join("../../tests/local/refusals.json");
    let cases: Vec<Refusal> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 12, "only {} refusal cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let mut file = example();
        merge_patch(&mut file, &c.patch);
        let errs = match with_local(&file) {
            Ok(_) => {
                failures.push(format!("{}: accepted", c.name));
                continue;
            }
            Err(e) => e,
        };
        for want in &c.errors {
            if !errs.0.iter().any(|e| &e.field == want) {
                failures.push(format!("{}: no error at `{want}`: {errs}", c.name));
            }
        }
        for e in &errs.0 {
            let chinese = e
                .message_zh
                .chars()
                .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
            if !chinese || e.message_en.trim().is_empty() {
                failures.push(format!("{}: an error lacks a language: {e}", c.name));
            }
        }
        if let Some(t) = &c.says {
            if !errs
                .0
                .iter()
                .any(|e| e.message_zh.contains(t.as_str()) || e.message_en.contains(t.as_str()))
            {
                failures.push(format!("{}: no message says {t}: {errs}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The minimum, the prevention floor and the obligation an enterprise gets, as comparable values:
/// what holds whatever the premium (`quote::known`), so sectors priced by tonnage or contract value
/// count too.
fn floors(r: &Rules, i: &QuoteInput) -> (Decimal, Decimal, u8) {
    let k = baofei_core::quote::known(r, i).expect("region and sector are known");
    (
        k.minimum_per_person.unwrap_or_default(),
        k.prevention.min_ratio.unwrap_or_default(),
        match k.obligation.level.key() {
            "compulsory" => 2,
            "expected" => 1,
            _ => 0,
        },
    )
}

const PLACES: &[(&str, Option<&str>)] = &[
    ("jiangsu_shifan", Some("jiangsu")),
    ("hebei_shifan", Some("hebei")),
    ("jiangsu_wuxi", None),
    ("hebei", None),
    ("chongqing", None),
];
const SECTORS: &[&str] = &[
    "hazardous_chemicals.production",
    "mining.coal",
    "other.general",
    "construction.general",
    "metal_smelting.ferrous",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Random local files (minimum, floor, an obligation, dates) for random places: every file the
    /// check accepts leaves each enterprise a minimum, a prevention floor and an obligation at least
    /// the shipped ones, on every day tried.
    #[test]
    fn no_accepted_file_lowers_a_legal_floor(
        place in 0..PLACES.len(),
        minimum in 200_000u32..900_000,
        floor in 0u32..40,
        level in 0..3usize,
        sector in 0..SECTORS.len(),
        start in 0usize..3,
        day in 0usize..4,
        quoted in 0..SECTORS.len(),
    ) {
        let (region, parent) = PLACES[place];
        let from = ["2024-01-01", "2025-06-01", "2026-01-01"][start];
        let level_key = ["encouraged", "expected", "compulsory"][level];
        let cite = serde_json::json!({ "document": "测试细则", "article": "第一条", "url": "https://yjj.example.gov.cn/1.html" });
        let mut file = serde_json::json!({
            "format": "baofei-local-rules/1",
            "region": region,
            "publisher": { "zh": "测试局", "en": "test bureau" },
            "minimum_limit": [{ "from": from, "value": (minimum / 1000 * 1000).to_string(), "source": cite }],
            "prevention_min": { "work_safety": [{ "from": from, "value": format!("0.{floor:02}"), "source": cite }] },
            "obligations": [{ "line": "work_safety", "sectors": [SECTORS[sector]],
                "obligation": level_key,
                "text_zh": "测试", "text_en": "test", "from": from, "source": cite }]
        });
        if let Some(p) = parent {
            file["place"] = serde_json::json!({ "id": region, "name_zh": "测试市", "name_en": "Test", "parent": p });
        }
        if let Ok(local) = with_local(&file) {
            // A new city's shipped rules are its province's.
            let shipped_region = parent.unwrap_or(region);
            let as_of = ["2024-06-01", "2025-03-29", "2026-01-01", "2027-01-01"][day];
            let after = floors(&local, &input(region, SECTORS[quoted], as_of));
            let before = floors(rules(), &input(shipped_region, SECTORS[quoted], as_of));
            prop_assert!(after.0 >= before.0, "minimum {} < {}", after.0, before.0);
            prop_assert!(after.1 >= before.1, "floor {} < {}", after.1, before.1);
            prop_assert!(after.2 >= before.2, "obligation {} < {}", after.2, before.2);
        }
    }
}
