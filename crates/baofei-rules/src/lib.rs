//! The rule data Baofei ships: statutes (the law) and the reference pricing pack.
//!
//! Each concept is one JSON file under `rules/` (OpenFisca-style: description, unit, dated values,
//! sources). They are embedded at compile time and assembled into one document per kind, so the
//! browser bundle needs no file access. build.rs validates both ([`baofei_core::Rules::new`]), so a bad
//! shipped rule fails the build; an insurer's pack is validated when it is used ([`Rules::with_pack`]).

use baofei_core::json::{self, packed, FromJson};
use baofei_core::rules::{PricingPack, Statutes};
use baofei_core::{ErrorCode, Errors, FieldError, Rules};

/// The statutes document as build.rs assembled and validated it.
const STATUTES: &str = include_str!(concat!(env!("OUT_DIR"), "/statutes.json"));
/// The statutes without what a brief quote never reads (guidance notes, prevention services), for the
/// first look's wasm (issue 31; build.rs), in their compact binary form (`json::packed`).
const STATUTES_BRIEF: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/statutes-brief.bin"));
/// The reference pack for the first look's wasm, in its compact binary form (build.rs, `for_the_card`).
const PACK_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack-brief.bin"));
/// The whole statutes and reference pack in their compact binary form (build.rs), for the standalone
/// page (issue 31, [`load_packed`]).
const STATUTES_FULL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/statutes-full.bin"));
/// See [`STATUTES_FULL`].
const PACK_FULL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack-full.bin"));
/// The reference pack document as build.rs assembled and validated it.
const PACK: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

/// The statutes as one JSON document (minified), assembled by build.rs from one file per concept
/// under `rules/statutes/` and validated there.
pub fn statutes_json() -> String {
    STATUTES.to_owned()
}

/// The reference pricing pack as one JSON document (the shape an insurer's pack must have),
/// assembled by build.rs from `rules/pricing/` and validated there.
pub fn pack_json() -> String {
    PACK.to_owned()
}

/// Reads a rule document of type `T` within the pack limits, naming the place of the first problem.
fn read<T: FromJson>(what: &str, text: &str) -> Result<T, Errors> {
    json::read(text, json::RULE_LIMITS).map_err(|e| {
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
pub const MAX_DEPTH: usize = json::RULE_LIMITS.max_depth;
/// Longest array, and most members of one object, accepted in a pack.
pub const MAX_ARRAY: usize = json::RULE_LIMITS.max_len;

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

/// Parses a host's local-rules file (issue 33), within the same limits as a pack. Checking it against
/// the statutes happens in [`Rules::with_local`] (or [`baofei_core::rules::local::LocalRules::check`]).
pub fn parse_local_rules(json: &str) -> Result<baofei_core::rules::local::LocalRules, Errors> {
    if json.len() > MAX_PACK_BYTES {
        return Err(Errors::one(FieldError::new(
            "local_rules",
            ErrorCode::TooLarge,
            format!(
                "本地规则文件过大({} 字节，上限 {MAX_PACK_BYTES})",
                json.len()
            ),
            format!(
                "local rules file too large: {} bytes (max {MAX_PACK_BYTES})",
                json.len()
            ),
        )));
    }
    // Named by its path, like a checking error (`minimum_limit.0.value`), so a host's editor can
    // go to it; the reader stops at the first problem of shape, the checks then report all.
    json::read(json, json::RULE_LIMITS).map_err(|e| {
        Errors::one(FieldError::new(
            e.at.clone(),
            ErrorCode::InvalidPack,
            format!("本地规则文件无法读取: {}", e.zh),
            format!("cannot read the local rules file: {}", e.en),
        ))
    })
}

/// The statutes and the reference pack, parsed. They were validated ([`Rules::new`]) when this crate
/// was built (build.rs), so they are not checked again here: that keeps the statutes' checks out of
/// the browser bundle and off the page's start-up path.
pub fn load() -> Result<Rules, Errors> {
    let statutes: Statutes = read("statutes", STATUTES)?;
    let pack = read("pack", PACK)?;
    Ok(Rules::validated_at_build(statutes, pack))
}

/// The shipped rules for the first look's card only (issue 31; `baofei_core::quote_figures`: every
/// figure and flag, no prose): the statutes without the guidance notes and the prevention services,
/// and both documents without the texts only explanations show (build.rs, `for_the_card`). For the
/// first look's wasm, which must be small; the card's figures are the full rules' (tested in
/// `baofei_web::first` for every region and sector).
///
/// Read from their compact binary form (`baofei_core::json::packed`), which build.rs wrote from the
/// rules it had read and checked: the first look's wasm then carries no JSON reader. The bytes are
/// this build's own, written from these very types (the tests read them), so there is no error to
/// return: a mismatch would be a broken build, and stops the reader.
pub fn load_brief() -> Rules {
    let statutes = packed::unpack::<Statutes>(STATUTES_BRIEF);
    let pack = packed::unpack::<PricingPack>(PACK_PACKED);
    Rules::validated_at_build(statutes, pack)
}

/// The statutes and the reference pack, whole (what [`load`] gives), read from their compact binary
/// form (issue 31): for the standalone page's wasm, which reads no JSON at all (no insurer's pack, no
/// host's file: a page that needs one runs the widget's build), so it carries no JSON reader. Like
/// [`load_brief`], the bytes are this build's own and a mismatch stops the reader; a test holds the
/// result equal to [`load`]'s.
pub fn load_packed() -> Rules {
    let statutes = packed::unpack::<Statutes>(STATUTES_FULL);
    let pack = packed::unpack::<PricingPack>(PACK_FULL);
    Rules::validated_at_build(statutes, pack)
}
