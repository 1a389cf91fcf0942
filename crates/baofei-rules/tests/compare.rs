//! Golden comparisons of offers and golden outlooks (issue 32): `tests/golden/compare/comparisons.json` and
//! `tests/golden/compare/outlooks.json`. The comparisons' expectations were worked out by hand from the rules
//! (each case's `why`); the outlooks' floats by `tools/outlook_oracle.py`, which reads the rule files and
//! applies the float rule without the engine. Unknown expectation keys fail the run.

use baofei_core::money::round_fen;
use baofei_core::offer::{compare_offers, OfferInput};
use baofei_core::outlook::outlook;
use baofei_core::{quote, QuoteInput};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;

#[path = "../../../tests/support/manifest_dir.rs"]
mod support;
use support::manifest_dir;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Comparison {
    name: String,
    why: String,
    enterprise: QuoteInput,
    offers: Vec<OfferInput>,
    expect: CompareExpect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CompareExpect {
    ranking: Option<Vec<usize>>,
    lawful: Option<Vec<bool>>,
    /// Row id → the offers marked best.
    #[serde(default)]
    best: BTreeMap<String, Vec<usize>>,
    /// Offer index → band position, implied loading, cost per 万元.
    #[serde(default)]
    band_position: BTreeMap<usize, String>,
    #[serde(default)]
    implied_loading: BTreeMap<usize, String>,
    #[serde(default)]
    cost_per_wan: BTreeMap<usize, String>,
    /// Offer index → text its Chinese sentence contains.
    #[serde(default)]
    sentence_zh: BTreeMap<usize, String>,
    /// Texts the Chinese notes contain.
    #[serde(default)]
    notes_zh: Vec<String>,
    #[serde(default)]
    error_fields: Vec<String>,
    #[serde(default)]
    error_zh: Vec<String>,
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

#[test]
fn golden_comparisons() {
    let rules = baofei_rules::load().unwrap();
    let text =
        std::fs::read_to_string(manifest_dir().join("../../tests/golden/compare/comparisons.json"))
            .unwrap();
    let cases: Vec<Comparison> = serde_json::from_str(&text).unwrap();
    let mut failures = Vec::new();
    for c in &cases {
        assert!(!c.why.is_empty());
        let mut p = Vec::new();
        match compare_offers(&rules, &c.enterprise, &c.offers) {
            Err(e) => {
                if c.expect.error_fields.is_empty() {
                    p.push(format!("refused: {e}"));
                }
                for f in &c.expect.error_fields {
                    if !e.0.iter().any(|x| x.field == *f) {
                        p.push(format!("no error at {f}: {e}"));
                    }
                }
                for t in &c.expect.error_zh {
                    if !e.0.iter().any(|x| x.message_zh.contains(t.as_str())) {
                        p.push(format!("no message says {t:?}"));
                    }
                }
            }
            Ok(r) => {
                let x = &c.expect;
                if !x.error_fields.is_empty() {
                    p.push("accepted, but errors were expected".into());
                }
                if let Some(want) = &x.ranking {
                    if &r.ranking != want {
                        p.push(format!("ranking {:?}, want {want:?}", r.ranking));
                    }
                }
                let lawful: Vec<bool> = r
                    .offers
                    .iter()
                    .map(|o| o.check.legal_failures == 0)
                    .collect();
                if let Some(want) = &x.lawful {
                    if &lawful != want {
                        p.push(format!("lawful {lawful:?}, want {want:?}"));
                    }
                }
                // The rule the issue states: never a failing offer above a lawful one.
                for (a, b) in r.ranking.iter().zip(r.ranking.iter().skip(1)) {
                    if !lawful[*a] && lawful[*b] {
                        p.push(format!("offer {a} (unlawful) ranked above {b} (lawful)"));
                    }
                }
                for (row, want) in &x.best {
                    match r.rows.iter().find(|w| w.id == *row) {
                        Some(w) if &w.best != want => {
                            p.push(format!("best {row} {:?}, want {want:?}", w.best))
                        }
                        None => p.push(format!("no row {row}")),
                        _ => {}
                    }
                }
                let num = |what: &str,
                           m: &BTreeMap<usize, String>,
                           get: &dyn Fn(usize) -> Option<Decimal>,
                           p: &mut Vec<String>| {
                    for (i, want) in m {
                        if get(*i) != Some(dec(want)) {
                            p.push(format!("{what} of offer {i}: {:?}, want {want}", get(*i)));
                        }
                    }
                };
                num(
                    "band position",
                    &x.band_position,
                    &|i| r.offers[i].band_position,
                    &mut p,
                );
                num(
                    "implied loading",
                    &x.implied_loading,
                    &|i| r.offers[i].implied_loading,
                    &mut p,
                );
                num(
                    "cost per 万元",
                    &x.cost_per_wan,
                    &|i| r.offers[i].cost_per_wan,
                    &mut p,
                );
                for (i, want) in &x.sentence_zh {
                    if !r.offers[*i].sentence_zh.contains(want.as_str()) {
                        p.push(format!(
                            "sentence of offer {i}: {:?} lacks {want:?}",
                            r.offers[*i].sentence_zh
                        ));
                    }
                }
                for want in &x.notes_zh {
                    if !r.notes_zh.iter().any(|n| n.contains(want.as_str())) {
                        p.push(format!("no note says {want:?}: {:?}", r.notes_zh));
                    }
                }
                // Every row has one cell per offer in both languages.
                for w in &r.rows {
                    if w.cells_zh.len() != c.offers.len() || w.cells_en.len() != c.offers.len() {
                        p.push(format!("row {} has the wrong number of cells", w.id));
                    }
                }
            }
        }
        if !p.is_empty() {
            failures.push(format!("{}:\n    {}", c.name, p.join("\n    ")));
        }
    }
    assert!(cases.len() >= 20, "only {} comparison cases", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} comparisons failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutlookCase {
    name: String,
    enterprise: QuoteInput,
    /// Scenario id → the three renewals' float and band, worked out by tools/outlook_oracle.py.
    expect: BTreeMap<String, Vec<Renewal>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Renewal {
    float: String,
    band: String,
}

#[test]
fn golden_outlooks() {
    let rules = baofei_rules::load().unwrap();
    let text =
        std::fs::read_to_string(manifest_dir().join("../../tests/golden/compare/outlooks.json"))
            .unwrap();
    let cases: Vec<OutlookCase> = serde_json::from_str(&text).unwrap();
    let mut failures = Vec::new();
    for c in &cases {
        let mut p = Vec::new();
        let today = quote(&rules, &c.enterprise).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        let o = outlook(&rules, &c.enterprise).unwrap();
        assert_eq!(o.today, today.premium);
        assert_eq!(o.scenarios.len(), 3, "{}", c.name);
        for s in &o.scenarios {
            let Some(want) = c.expect.get(&s.id) else {
                p.push(format!("no expectation for {}", s.id));
                continue;
            };
            for (r, w) in s.renewals.iter().zip(want) {
                // Only the history moves: the guided premium is today's, the float the window's.
                let premium = round_fen(today.guided_premium * dec(&w.float));
                if r.premium != premium || r.band.key() != w.band {
                    p.push(format!(
                        "{} renewal {}: {} in {} band, want {premium} (guided {} × {}) in {}",
                        s.id,
                        r.year,
                        r.premium,
                        r.band.key(),
                        today.guided_premium,
                        w.float,
                        w.band
                    ));
                }
            }
            if s.sentence_zh.is_empty() || s.sentence_en.is_empty() {
                p.push(format!("{} says nothing", s.id));
            }
        }
        if !p.is_empty() {
            failures.push(format!("{}:\n    {}", c.name, p.join("\n    ")));
        }
    }
    assert!(cases.len() >= 20, "only {} outlook cases", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} outlooks failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
