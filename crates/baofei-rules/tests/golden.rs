//! Golden cases: data files under `tests/golden/` at the workspace root, one JSON array per topic.
//!
//! Each case names its source and states only the expectations it cares about. Unknown expectation
//! keys fail the run, so a misspelt key cannot silently check nothing.

use baofei_core::{quote, Quote, QuoteInput};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[path = "../../../tests/support/manifest_dir.rs"]
mod support;
use support::manifest_dir;
#[path = "../../../tests/support/merge_patch.rs"]
mod patch;
use patch::merge_patch;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    source: String,
    /// JSON merge patch (RFC 7386) applied to the reference pack, for cases that need another pack.
    #[serde(default)]
    pack_patch: Option<Value>,
    /// A host's local-rules file (issue 33), by its path from the workspace root, merged into the
    /// shipped statutes for this case.
    #[serde(default)]
    local_rules: Option<String>,
    input: QuoteInput,
    expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    premium: Option<String>,
    guided_premium: Option<String>,
    premium_low: Option<String>,
    premium_high: Option<String>,
    obligation: Option<String>,
    penalty: Option<bool>,
    minimum_per_person: Option<Value>,
    below_minimum: Option<bool>,
    band_kind: Option<String>,
    band_high: Option<String>,
    band_low: Option<String>,
    float_factor: Option<String>,
    clamped: Option<bool>,
    prevention_min_amount: Option<Value>,
    prevention_max_amount: Option<Value>,
    risk_tier: Option<String>,
    illustrative: Option<bool>,
    #[serde(default)]
    steps: BTreeMap<String, String>,
    /// Steps that must not be in the trace.
    #[serde(default)]
    no_steps: Vec<String>,
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    no_warnings: Vec<String>,
    #[serde(default)]
    services: Vec<String>,
    #[serde(default)]
    no_services: Vec<String>,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    no_notes: Vec<String>,
    /// Text that some legal-basis line's citation contains (a regional statute beside the national law).
    #[serde(default)]
    basis_cites: Vec<String>,
    /// Text the penalty's citation contains.
    penalty_cites: Option<String>,
    /// Next step id → expected premium change (元).
    #[serde(default)]
    next_steps: BTreeMap<String, String>,
    error_field: Option<String>,
    error_code: Option<String>,
    /// Every one of these fields has an error (all problems are reported at once).
    #[serde(default)]
    error_fields: Vec<String>,
    /// When the quote fails: what still holds (issue 13 point 5).
    known_obligation: Option<String>,
    known_minimum: Option<String>,
    #[serde(default)]
    known_services: Vec<String>,
    /// How many services the partial result says wait for the inputs being corrected.
    known_services_pending: Option<u32>,
    /// Text an error message contains, in either language (the error must say what would work).
    error_says: Option<String>,
    /// Assumption codes the quote must state, and must not.
    #[serde(default)]
    assumptions: Vec<String>,
    #[serde(default)]
    no_assumptions: Vec<String>,
}

fn golden_dir() -> PathBuf {
    manifest_dir().join("../../tests/golden")
}

fn opt_str(v: &Option<rust_decimal::Decimal>) -> Value {
    v.map(|d| Value::String(d.to_string()))
        .unwrap_or(Value::Null)
}

fn check(q: &Quote, x: &Expect) -> Vec<String> {
    let mut mismatches: Vec<String> = Vec::new();
    let mut eq = |what: &str, got: String, want: &str| {
        if got != want {
            mismatches.push(format!("{what}: got {got}, want {want}"));
        }
    };
    if let Some(w) = &x.premium {
        eq("premium", q.premium.to_string(), w);
    }
    if let Some(w) = &x.guided_premium {
        eq("guided_premium", q.guided_premium.to_string(), w);
    }
    if let Some(w) = &x.premium_low {
        eq("premium_low", q.premium_low.to_string(), w);
    }
    if let Some(w) = &x.premium_high {
        eq("premium_high", q.premium_high.to_string(), w);
    }
    if let Some(w) = &x.obligation {
        eq(
            "obligation",
            format!("{:?}", q.obligation.level).to_lowercase(),
            w,
        );
    }
    if let Some(w) = x.penalty {
        eq(
            "penalty",
            q.obligation.penalty.is_some().to_string(),
            &w.to_string(),
        );
    }
    if let Some(w) = &x.minimum_per_person {
        eq(
            "minimum_per_person",
            opt_str(&q.limits.minimum_per_person).to_string(),
            &w.to_string(),
        );
    }
    if let Some(w) = x.below_minimum {
        eq(
            "below_minimum",
            q.limits.below_minimum.to_string(),
            &w.to_string(),
        );
    }
    if let Some(w) = &x.band_kind {
        eq("band_kind", q.band.kind.key().to_string(), w);
    }
    if let Some(w) = &x.band_high {
        eq("band_high", q.band.high.to_string(), w);
    }
    if let Some(w) = &x.band_low {
        eq("band_low", q.band.low.to_string(), w);
    }
    if let Some(w) = &x.float_factor {
        eq("float_factor", q.band.factor.normalize().to_string(), w);
    }
    if let Some(w) = x.clamped {
        eq("clamped", q.band.clamped.to_string(), &w.to_string());
    }
    if let Some(w) = &x.prevention_min_amount {
        eq(
            "prevention_min_amount",
            opt_str(&q.prevention.min_amount).to_string(),
            &w.to_string(),
        );
    }
    if let Some(w) = &x.prevention_max_amount {
        eq(
            "prevention_max_amount",
            opt_str(&q.prevention.max_amount).to_string(),
            &w.to_string(),
        );
    }
    if let Some(w) = &x.risk_tier {
        eq("risk_tier", q.risk_tier.key().to_string(), w);
    }
    if let Some(w) = x.illustrative {
        eq("illustrative", q.illustrative.to_string(), &w.to_string());
    }
    for (id, want) in &x.steps {
        match q.trace.iter().find(|s| &s.id == id) {
            Some(s) => eq(&format!("step {id}"), s.value.clone(), want),
            None => eq(
                &format!("step {id}"),
                "(missing from the trace)".into(),
                want,
            ),
        }
    }
    for id in &x.no_steps {
        if q.trace.iter().any(|s| &s.id == id) {
            eq(&format!("step {id}"), "(in the trace)".into(), "(absent)");
        }
    }
    for (id, change) in &x.next_steps {
        match q.next_steps.iter().find(|s| &s.id == id) {
            Some(s) => eq(
                &format!("next step {id}"),
                s.premium_change.to_string(),
                change,
            ),
            None => eq(&format!("next step {id}"), "(missing)".into(), change),
        }
    }
    let mut f = mismatches;
    for code in &x.warnings {
        if !q.warnings.iter().any(|w| &w.code == code) {
            f.push(format!(
                "warning {code} missing; got {:?}",
                q.warnings.iter().map(|w| &w.code).collect::<Vec<_>>()
            ));
        }
    }
    for code in &x.no_warnings {
        if q.warnings.iter().any(|w| &w.code == code) {
            f.push(format!("warning {code} present but must not be"));
        }
    }
    for code in &x.assumptions {
        if !q.assumptions.iter().any(|w| &w.code == code) {
            f.push(format!(
                "assumption {code} missing; got {:?}",
                q.assumptions.iter().map(|w| &w.code).collect::<Vec<_>>()
            ));
        }
    }
    for code in &x.no_assumptions {
        if q.assumptions.iter().any(|w| &w.code == code) {
            f.push(format!("assumption {code} present but must not be"));
        }
    }
    for id in &x.services {
        if !q.prevention.services.iter().any(|s| &s.id == id) {
            f.push(format!(
                "service {id} missing; got {:?}",
                q.prevention
                    .services
                    .iter()
                    .map(|s| &s.id)
                    .collect::<Vec<_>>()
            ));
        }
    }
    for id in &x.notes {
        if !q.notes.iter().any(|n| &n.code == id) {
            f.push(format!(
                "note {id} missing; got {:?}",
                q.notes.iter().map(|n| &n.code).collect::<Vec<_>>()
            ));
        }
    }
    for want in &x.basis_cites {
        if !q.obligation.basis.iter().any(|b| {
            b.source
                .as_ref()
                .is_some_and(|c| c.short().contains(want.as_str()))
        }) {
            f.push(format!(
                "no basis citing {want}; got {:?}",
                q.obligation
                    .basis
                    .iter()
                    .filter_map(|b| b.source.as_ref().map(|c| c.short()))
                    .collect::<Vec<_>>()
            ));
        }
    }
    if let Some(want) = &x.penalty_cites {
        let got = q
            .obligation
            .penalty
            .as_ref()
            .and_then(|p| p.source.as_ref())
            .map(|c| c.short())
            .unwrap_or_default();
        if !got.contains(want.as_str()) {
            f.push(format!("penalty cites {got:?}, not {want}"));
        }
    }
    for id in &x.no_notes {
        if q.notes.iter().any(|n| &n.code == id) {
            f.push(format!("note {id} present but must not be"));
        }
    }
    for id in &x.no_services {
        if q.prevention.services.iter().any(|s| &s.id == id) {
            f.push(format!("service {id} present but must not be"));
        }
    }
    if x.error_field.is_some() || x.error_code.is_some() {
        f.push(format!("expected an error, got premium {}", q.premium));
    }
    f
}

#[test]
fn golden_cases() {
    let rules = baofei_rules::load().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(golden_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut n, mut failures) = (0, Vec::new());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let cases: Vec<Case> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for c in cases {
            n += 1;
            assert!(
                !c.source.trim().is_empty(),
                "{}: case {:?} cites no source",
                file.display(),
                c.name
            );
            let case_rules = match &c.pack_patch {
                None => rules.clone(),
                Some(patch) => {
                    let mut pack: Value = serde_json::from_str(&baofei_rules::pack_json()).unwrap();
                    merge_patch(&mut pack, patch);
                    let pack = baofei_rules::parse_pack(&pack.to_string()).unwrap();
                    rules
                        .with_pack(pack)
                        .unwrap_or_else(|e| panic!("{}: patched pack invalid: {e}", c.name))
                }
            };
            let case_rules = match &c.local_rules {
                None => case_rules,
                Some(path) => {
                    let text = std::fs::read_to_string(manifest_dir().join("../..").join(path))
                        .unwrap_or_else(|e| panic!("{}: {path}: {e}", c.name));
                    let local = baofei_rules::parse_local_rules(&text)
                        .unwrap_or_else(|e| panic!("{}: {path}: {e}", c.name));
                    case_rules
                        .with_local(&local)
                        .unwrap_or_else(|e| panic!("{}: {path} refused: {e}", c.name))
                }
            };
            let problems = match quote(&case_rules, &c.input) {
                Ok(q) => check(&q, &c.expect),
                Err(errs) => {
                    let mut p = Vec::new();
                    let known = baofei_core::quote::known(&case_rules, &c.input);
                    let x = &c.expect;
                    if x.known_obligation.is_some()
                        || x.known_minimum.is_some()
                        || x.known_services_pending.is_some()
                        || !x.known_services.is_empty()
                    {
                        match &known {
                            None => {
                                p.push("nothing known, but the case expects partial results".into())
                            }
                            Some(k) => {
                                if let Some(o) = &x.known_obligation {
                                    if k.obligation.level.key() != o {
                                        p.push(format!(
                                            "known obligation: got {}, want {o}",
                                            k.obligation.level.key()
                                        ));
                                    }
                                }
                                if let Some(m) = &x.known_minimum {
                                    let got = k
                                        .minimum_per_person
                                        .map(|d| d.to_string())
                                        .unwrap_or_default();
                                    if &got != m {
                                        p.push(format!("known minimum: got {got}, want {m}"));
                                    }
                                }
                                if let Some(n) = x.known_services_pending {
                                    if k.services_pending != n {
                                        p.push(format!(
                                            "known services pending: got {}, want {n}",
                                            k.services_pending
                                        ));
                                    }
                                }
                                for s in &x.known_services {
                                    if !k.prevention.services.iter().any(|v| &v.id == s) {
                                        p.push(format!("known services lack {s}"));
                                    }
                                }
                            }
                        }
                    }
                    if let Some(t) = &x.error_says {
                        if !errs.0.iter().any(|e| {
                            e.message_zh.contains(t.as_str()) || e.message_en.contains(t.as_str())
                        }) {
                            p.push(format!("no error message says {t:?}: {errs}"));
                        }
                    }
                    for f in &c.expect.error_fields {
                        if !errs.0.iter().any(|e| &e.field == f) {
                            p.push(format!("expected an error at {f}, got {errs}"));
                        }
                    }
                    match (&c.expect.error_field, &c.expect.error_code) {
                        (None, None) if !c.expect.error_fields.is_empty() => {}
                        (None, None) => p.push(format!("unexpected error: {errs}")),
                        (field, code) => {
                            let hit = errs.0.iter().any(|e| {
                                field.as_ref().is_none_or(|f| &e.field == f)
                                    && code.as_ref().is_none_or(|c| {
                                        serde_json::to_value(e.code).unwrap()
                                            == Value::String(c.clone())
                                    })
                            });
                            if !hit {
                                p.push(format!("expected error {field:?}/{code:?}, got {errs}"));
                            }
                            if errs
                                .0
                                .iter()
                                .any(|e| e.message_zh.is_empty() || e.message_en.is_empty())
                            {
                                p.push("an error lacks a message in one language".into());
                            }
                        }
                    }
                    p
                }
            };
            if !problems.is_empty() {
                failures.push(format!(
                    "{} / {}:\n    {}",
                    file.file_name().unwrap().to_string_lossy(),
                    c.name,
                    problems.join("\n    ")
                ));
            }
        }
    }
    println!("{n} golden cases checked");
    assert!(n >= 40, "only {n} golden cases");
    assert!(
        failures.is_empty(),
        "{} of {n} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
