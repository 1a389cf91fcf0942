//! Golden offer checks (issue 17): `tests/golden/offers/*.json`. Each case gives the enterprise, the
//! offer and the verdicts it expects, and names the rule each expected check cites. Unknown
//! expectation keys fail the run.

use baofei_core::offer::{check_offer, OfferInput, Verdict};
use baofei_core::QuoteInput;
use serde::Deserialize;
use std::collections::BTreeMap;

#[path = "../../../tests/support/manifest_dir.rs"]
mod support;
use support::manifest_dir;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    source: String,
    enterprise: QuoteInput,
    offer: OfferInput,
    expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// Overall verdict: meets, fails, unclear.
    verdict: Option<String>,
    legal_failures: Option<usize>,
    /// Check id → verdict.
    #[serde(default)]
    checks: BTreeMap<String, String>,
    /// Check id → text one of its citations contains (document number or article).
    #[serde(default)]
    cites: BTreeMap<String, String>,
    /// Checks that must not be present.
    #[serde(default)]
    absent: Vec<String>,
    /// Check id → whether it is a legal requirement.
    #[serde(default)]
    legal: BTreeMap<String, bool>,
    /// Check id → text its Chinese sentence contains.
    #[serde(default)]
    says_zh: BTreeMap<String, String>,
    implied_float: Option<String>,
    /// Check id → the words its borrowed rule carries ("参照重庆市规定"), or "" for none.
    #[serde(default)]
    reference: BTreeMap<String, String>,
    /// Every one of these fields has an error.
    #[serde(default)]
    error_fields: Vec<String>,
}

#[test]
fn golden_offer_checks() {
    let rules = baofei_rules::load().unwrap();
    let dir = manifest_dir().join("../../tests/golden/offers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut n, mut failures) = (0, Vec::new());
    let mut seen_ids = std::collections::BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let cases: Vec<Case> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for c in cases {
            n += 1;
            assert!(!c.source.trim().is_empty(), "{}: no source", c.name);
            let x = &c.expect;
            let mut p: Vec<String> = Vec::new();
            match check_offer(&rules, &c.enterprise, &c.offer) {
                Err(errs) => {
                    if x.error_fields.is_empty() {
                        p.push(format!("unexpected error: {errs}"));
                    }
                    for f in &x.error_fields {
                        if !errs.0.iter().any(|e| &e.field == f) {
                            p.push(format!("expected an error at {f}, got {errs}"));
                        }
                    }
                    for e in &errs.0 {
                        if e.message_zh.is_empty() || e.message_en.is_empty() {
                            p.push(format!("{}: a message lacks a language", e.field));
                        }
                        // Named by its label ("The offered premium"), never by its key.
                        if e.message_en.contains("offer.")
                            || e.message_en.starts_with(e.field.as_str())
                        {
                            p.push(format!(
                                "{}: data key in the message: {}",
                                e.field, e.message_en
                            ));
                        }
                    }
                }
                Ok(r) => {
                    if !x.error_fields.is_empty() {
                        p.push("expected errors, got a check".into());
                    }
                    if let Some(v) = &x.verdict {
                        if r.verdict.key() != v {
                            p.push(format!("verdict: got {}, want {v}", r.verdict.key()));
                        }
                    }
                    if let Some(l) = x.legal_failures {
                        if r.legal_failures != l {
                            p.push(format!(
                                "legal failures: got {}, want {l}",
                                r.legal_failures
                            ));
                        }
                    }
                    if let Some(f) = &x.implied_float {
                        let got = r.implied_float.map(|d| d.to_string()).unwrap_or_default();
                        if &got != f {
                            p.push(format!("implied float: got {got}, want {f}"));
                        }
                    }
                    let find = |id: &str| r.checks.iter().find(|k| k.id == id);
                    for (id, v) in &x.checks {
                        seen_ids.insert(format!("{id}={v}"));
                        match find(id) {
                            None => p.push(format!("no check {id}")),
                            Some(k) if k.verdict.key() != v => p.push(format!(
                                "{id}: got {} ({}), want {v}",
                                k.verdict.key(),
                                k.en
                            )),
                            Some(_) => {}
                        }
                    }
                    for (id, want) in &x.cites {
                        match find(id) {
                            Some(k)
                                if k.sources.iter().any(|s| s.short().contains(want.as_str())) => {}
                            Some(k) => p.push(format!(
                                "{id} cites {:?}, not {want}",
                                k.sources.iter().map(|s| s.short()).collect::<Vec<_>>()
                            )),
                            None => p.push(format!("no check {id} to cite {want}")),
                        }
                    }
                    for (id, want) in &x.legal {
                        if find(id).is_some_and(|k| k.legal != *want) {
                            p.push(format!("{id}: legal should be {want}"));
                        }
                    }
                    for (id, want) in &x.says_zh {
                        if !find(id).is_some_and(|k| k.zh.contains(want.as_str())) {
                            p.push(format!(
                                "{id}: sentence lacks {want:?}: {:?}",
                                find(id).map(|k| &k.zh)
                            ));
                        }
                    }
                    for (id, want) in &x.reference {
                        let got =
                            find(id).map(|k| k.reference.as_ref().map_or("", |r| r.zh.as_str()));
                        if got != Some(want.as_str()) {
                            p.push(format!("{id}: reference {got:?}, want {want:?}"));
                        }
                    }
                    for id in &x.absent {
                        if find(id).is_some() {
                            p.push(format!("check {id} should be absent"));
                        }
                    }
                    // Every check cites a rule, and every open check says what to ask, in both languages.
                    for k in &r.checks {
                        if k.sources.is_empty() {
                            p.push(format!("{} cites nothing", k.id));
                        }
                        if k.verdict != Verdict::Meets
                            && (k.question_zh.is_none() || k.question_en.is_none())
                        {
                            p.push(format!("{} is open but asks nothing", k.id));
                        }
                    }
                }
            }
            if !p.is_empty() {
                failures.push(format!("{}:\n    {}", c.name, p.join("\n    ")));
            }
        }
    }
    println!("{n} golden offer checks");
    assert!(n >= 20, "only {n} golden offer cases");
    // Each legal check is shown both failing and passing somewhere in the cases.
    for id in [
        "minimum_limit",
        "all_employees",
        "covered_items",
        "premium",
        "services_written",
        "prevention_fund",
        "commission",
        "payer",
        "lapse",
    ] {
        for v in ["meets", "fails"] {
            assert!(
                seen_ids.contains(&format!("{id}={v}")),
                "no case where {id} {v}"
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} offer cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
