//! Assembles the rule files into one minified document per kind (statutes, reference pack) in
//! OUT_DIR for embedding, and validates them with the engine's own reader and checks, so that bad
//! shipped rules fail the build, naming the place, instead of failing in a user's browser. The files
//! under rules/ stay one concept each and pretty-printed for people.

use baofei_core::json::{self, packed, FromJson};
use baofei_core::rules::{Param, PricingPack, Statutes};
use baofei_core::Citation;
use baofei_core::Rules;
use std::path::Path;

/// Top-level keys of each document, each read from `rules/<kind>/<key>.json`, in document order.
const STATUTES: &[&str] = &[
    "version",
    "regions",
    "sectors",
    "obligations",
    "penalty",
    "minimum_limit",
    "float_band",
    "prevention_min",
    "prevention_max",
    "services",
    "guidance",
    "offer_rules",
];
const PACK: &[&str] = &[
    "meta",
    "rates",
    "size_factors",
    "env_risk_factors",
    "accident_factors",
    "death_factors",
    "consecutive_fatal_factors",
    "standardisation_factors",
    "claim_free_factors",
    "blacklist_factors",
    "refused_rectification_factors",
    "env_credit_factors",
    "loss_ratio_factors",
    "clean_floor",
];

/// `{"key": <minified rules/<dir>/<key>.json>, ...}`.
fn assemble(dir: &str, keys: &[&str]) -> String {
    let src = Path::new("rules").join(dir);
    println!("cargo:rerun-if-changed={}", src.display());
    let mut doc = serde_json::Map::new();
    for key in keys {
        let path = src.join(format!("{key}.json"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        doc.insert((*key).to_owned(), value);
    }
    // Every file must be named in the list above: a stray file would otherwise be silently left out.
    for entry in std::fs::read_dir(&src).expect("rules directory") {
        let name = entry.expect("directory entry").file_name();
        let name = name.to_string_lossy();
        if let Some(stem) = name.strip_suffix(".json") {
            assert!(
                keys.contains(&stem),
                "rules/{dir}/{name} is not part of the {dir} document (build.rs)"
            );
        }
    }
    serde_json::Value::Object(doc).to_string()
}

fn read<T: FromJson>(what: &str, text: &str) -> T {
    json::read(text, json::RULE_LIMITS)
        .unwrap_or_else(|e| panic!("shipped {what} cannot be read: {e}"))
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let statutes = assemble("statutes", STATUTES);
    let pack = assemble("pricing", PACK);
    // Read once: checked whole, written whole and brief below.
    let (read_statutes, read_pack) = (
        read::<Statutes>("statutes", &statutes),
        read::<PricingPack>("pack", &pack),
    );
    if let Err(errors) = Rules::new(read_statutes.clone(), read_pack.clone()) {
        panic!(
            "the shipped rules are invalid:\n{}",
            errors.to_string().replace("; ", "\n")
        );
    }
    std::fs::write(Path::new(&out).join("statutes.json"), &statutes).expect("write statutes");
    // The standalone page's rules (issue 31, `load_packed`): the whole documents in their compact
    // binary form, so the page's wasm carries no JSON reader (it reads no pack and no host file: a
    // page that must runs the widget's build).
    std::fs::write(
        Path::new(&out).join("statutes-full.bin"),
        packed::pack(&read_statutes),
    )
    .expect("write packed statutes");
    std::fs::write(
        Path::new(&out).join("pack-full.bin"),
        packed::pack(&read_pack),
    )
    .expect("write packed pack");
    // The first look's rules (issue 31, `load_brief`): the statutes without the guidance notes and the
    // prevention services, which a brief quote (`quote_brief`) never reads, and both documents without
    // the texts only the explanations show (`for_the_card`), in their compact binary form
    // (`json::packed`), so the first look's wasm carries no JSON reader. Tests hold the card's figures
    // equal to those of the full rules.
    let (mut brief, mut brief_pack) = (read_statutes, read_pack);
    for_the_card(&mut brief, &mut brief_pack);
    std::fs::write(
        Path::new(&out).join("statutes-brief.bin"),
        packed::pack(&brief),
    )
    .expect("write brief statutes");
    std::fs::write(
        Path::new(&out).join("pack-brief.bin"),
        packed::pack(&brief_pack),
    )
    .expect("write brief pack");
    std::fs::write(Path::new(&out).join("pack.json"), pack).expect("write pack");
}

/// Empties what only the explanations read, for the first look's card (issue 31): the guidance notes
/// and services, each parameter's description and notes, the obligations' and penalties' wording. The
/// card shows the figures, the status, the minimum with its citation and a borrowed band's name, so
/// every value, date, source and reference stays.
fn for_the_card(s: &mut Statutes, p: &mut PricingPack) {
    // The texts of a parameter; `blank` its sources too (only the minimum's is cited on the card).
    fn texts<T>(p: &mut Param<T>) {
        p.description.clear();
        let regional = p.regions.values_mut().flat_map(|v| v.iter_mut());
        for d in p.national.iter_mut().chain(regional) {
            d.note = None;
            d.note_zh = None;
        }
    }
    fn blank<T>(p: &mut Param<T>) {
        texts(p);
        let regional = p.regions.values_mut().flat_map(|v| v.iter_mut());
        for d in p.national.iter_mut().chain(regional) {
            d.source = uncited();
        }
    }
    fn uncited() -> Citation {
        Citation {
            document: String::new(),
            number: None,
            article: None,
            url: None,
            host: false,
        }
    }
    s.guidance.clear();
    s.services.clear();
    for o in &mut s.obligations {
        o.text_zh.clear();
        o.text_en.clear();
        o.source = uncited();
    }
    let offers = &mut s.offer_rules;
    for p in [
        &mut offers.commission_cap,
        &mut offers.policy_term_years,
        &mut offers.services_in_contract,
        &mut offers.covered_items,
    ] {
        blank(p);
    }
    for penalty in s.penalty.values_mut() {
        blank(penalty);
        let regional = penalty.regions.values_mut().flat_map(|v| v.iter_mut());
        for d in penalty.national.iter_mut().chain(regional) {
            d.value.text_zh.clear();
            d.value.text_en.clear();
        }
    }
    texts(&mut s.minimum_limit);
    s.float_band.values_mut().for_each(blank);
    s.prevention_min.values_mut().for_each(blank);
    s.prevention_max.values_mut().for_each(blank);
    p.rates.values_mut().for_each(blank);
    for t in [
        &mut p.size_factors,
        &mut p.env_risk_factors,
        &mut p.accident_factors,
        &mut p.death_factors,
        &mut p.consecutive_fatal_factors,
        &mut p.standardisation_factors,
        &mut p.claim_free_factors,
        &mut p.blacklist_factors,
        &mut p.refused_rectification_factors,
        &mut p.env_credit_factors,
    ] {
        blank(t);
    }
    blank(&mut p.loss_ratio_factors);
    blank(&mut p.clean_floor);
}
