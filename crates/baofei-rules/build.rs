//! Assembles the rule files into one minified document per kind (statutes, reference pack) in
//! OUT_DIR for embedding, and validates them with the engine's own reader and checks, so that bad
//! shipped rules fail the build, naming the place, instead of failing in a user's browser. The files
//! under rules/ stay one concept each and pretty-printed for people.

use baofei_core::json::{self, FromJson};
use baofei_core::rules::{PricingPack, Statutes};
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
    if let Err(errors) = Rules::new(
        read::<Statutes>("statutes", &statutes),
        read::<PricingPack>("pack", &pack),
    ) {
        panic!(
            "the shipped rules are invalid:\n{}",
            errors.to_string().replace("; ", "\n")
        );
    }
    std::fs::write(Path::new(&out).join("statutes.json"), &statutes).expect("write statutes");
    // The first look's statutes (issue 31, `load_brief`): the same document without the guidance notes
    // and the prevention services, which a brief quote (`quote_brief`) never reads; 6 KB less for a
    // slow phone to fetch before a link's premium shows. Tests hold its figures equal to the full rules'.
    let mut brief: serde_json::Value = serde_json::from_str(&statutes).expect("assembled statutes");
    for key in ["guidance", "services"] {
        brief[key] = serde_json::Value::Array(Vec::new());
    }
    let brief = brief.to_string();
    read::<Statutes>("brief statutes", &brief);
    std::fs::write(Path::new(&out).join("statutes-brief.json"), brief)
        .expect("write brief statutes");
    std::fs::write(Path::new(&out).join("pack.json"), pack).expect("write pack");
}
