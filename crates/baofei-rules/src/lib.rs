//! The rule data Baofei ships: statutes (the law) and the reference pricing pack.
//!
//! Each concept is one JSON file under `rules/` (OpenFisca-style: description, unit, dated values,
//! sources). They are embedded at compile time and assembled into one document per kind, so the
//! browser bundle needs no file access. Loading validates everything ([`baofei_core::Rules::new`]).

use baofei_core::json::{self, At, FromJson, Limits};
use baofei_core::rules::{PricingPack, Statutes};
use baofei_core::{ErrorCode, Errors, FieldError, Rules};

/// A rule file as embedded: minified by build.rs from `rules/<path>`.
macro_rules! rule_file {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $path))
    };
}

/// The statutes as one JSON document, assembled from one file per concept.
pub fn statutes_json() -> String {
    let parts: [(&str, &str); 11] = [
        ("version", rule_file!("statutes/version.json")),
        ("regions", rule_file!("statutes/regions.json")),
        ("sectors", rule_file!("statutes/sectors.json")),
        ("obligations", rule_file!("statutes/obligations.json")),
        ("penalty", rule_file!("statutes/penalty.json")),
        ("minimum_limit", rule_file!("statutes/minimum_limit.json")),
        ("float_band", rule_file!("statutes/float_band.json")),
        ("prevention_min", rule_file!("statutes/prevention_min.json")),
        ("prevention_max", rule_file!("statutes/prevention_max.json")),
        ("services", rule_file!("statutes/services.json")),
        ("guidance", rule_file!("statutes/guidance.json")),
    ];
    assemble(&parts)
}

/// The reference pricing pack as one JSON document (the shape an insurer's pack must have).
pub fn pack_json() -> String {
    let parts: [(&str, &str); 14] = [
        ("meta", rule_file!("pricing/meta.json")),
        ("rates", rule_file!("pricing/rates.json")),
        ("size_factors", rule_file!("pricing/size_factors.json")),
        (
            "env_risk_factors",
            rule_file!("pricing/env_risk_factors.json"),
        ),
        (
            "accident_factors",
            rule_file!("pricing/accident_factors.json"),
        ),
        ("death_factors", rule_file!("pricing/death_factors.json")),
        (
            "consecutive_fatal_factors",
            rule_file!("pricing/consecutive_fatal_factors.json"),
        ),
        (
            "standardisation_factors",
            rule_file!("pricing/standardisation_factors.json"),
        ),
        (
            "claim_free_factors",
            rule_file!("pricing/claim_free_factors.json"),
        ),
        (
            "blacklist_factors",
            rule_file!("pricing/blacklist_factors.json"),
        ),
        (
            "refused_rectification_factors",
            rule_file!("pricing/refused_rectification_factors.json"),
        ),
        (
            "env_credit_factors",
            rule_file!("pricing/env_credit_factors.json"),
        ),
        (
            "loss_ratio_factors",
            rule_file!("pricing/loss_ratio_factors.json"),
        ),
        ("clean_floor", rule_file!("pricing/clean_floor.json")),
    ];
    assemble(&parts)
}

/// `{"a": <file a>, "b": <file b>}`.
fn assemble(parts: &[(&str, &str)]) -> String {
    let mut s = String::from("{");
    for (i, (k, v)) in parts.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push('"');
        s.push_str(k);
        s.push_str("\":");
        s.push_str(v);
    }
    s.push('}');
    s
}

/// Reads a rule document of type `T` within the pack limits, naming the place of the first problem.
fn read<T: FromJson>(what: &str, text: &str) -> Result<T, Errors> {
    let limits = Limits {
        max_depth: MAX_DEPTH,
        max_len: MAX_ARRAY,
    };
    json::parse(text, limits)
        .and_then(|doc| T::from_json(&doc, &At::ROOT))
        .map_err(|e| {
            Errors::one(FieldError::new(
                what,
                ErrorCode::InvalidPack,
                format!("规则数据无法读取({what}, {}): {}", e.at, e.zh),
                format!("cannot read {what} at {}: {}", e.at, e.en),
            ))
        })
}

/// Largest pack accepted, in bytes (the reference pack is about a tenth of this).
pub const MAX_PACK_BYTES: usize = 1 << 20;
/// Deepest nesting accepted in a pack (the schema needs 8).
pub const MAX_DEPTH: usize = 24;
/// Longest array, and most members of one object, accepted in a pack.
pub const MAX_ARRAY: usize = 2_000;

/// Parses a pricing pack (ours or an insurer's) from JSON. Validation happens in [`Rules::with_pack`].
///
/// Packs come from anyone, so a pack must be under [`MAX_PACK_BYTES`], nest no deeper than
/// [`MAX_DEPTH`], hold no array or object longer than [`MAX_ARRAY`] and repeat no key in any object
/// (a lenient reader would silently keep one); every decimal is a string. See [`baofei_core::json`].
pub fn parse_pack(json: &str) -> Result<PricingPack, Errors> {
    if json.len() > MAX_PACK_BYTES {
        return Err(Errors::one(FieldError::new(
            "pack",
            ErrorCode::TooLarge,
            format!("费率包过大({} 字节，上限 {MAX_PACK_BYTES})", json.len()),
            format!(
                "pack too large: {} bytes (max {MAX_PACK_BYTES})",
                json.len()
            ),
        )));
    }
    read("pack", json)
}

/// The statutes and the reference pack, parsed and validated.
pub fn load() -> Result<Rules, Errors> {
    let statutes: Statutes = read("statutes", &statutes_json())?;
    Rules::new(statutes, parse_pack(&pack_json())?)
}
