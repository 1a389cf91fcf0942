//! The field registry is the one definition of each field; the two places that cannot read it (the
//! embed element's attribute table, in JavaScript, and the package's TypeScript types) are checked
//! against it here, so a new field or vocabulary value that misses either fails the suite.

use baofei_core::fields::{Kind, FIELDS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn read(rel: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `'quoted'` or bare words, as a JS object literal's keys and string values are written.
/// The values of a TypeScript union declaration (`name?: "a" | "b"`), unquoted, empty ones left out.
fn union_of(decl: &str) -> Vec<String> {
    decl.split_once(':')
        .unwrap()
        .1
        .split('|')
        .map(unquote)
        .filter(|k| !k.is_empty())
        .collect()
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches(['\'', '"']).to_string()
}

#[test]
fn the_embed_element_takes_exactly_the_registry_attributes() {
    let js = read("web/embed/baofei-embed.js");
    let start = js.find("const ATTRS = {").expect("ATTRS table") + "const ATTRS = {".len();
    let body = &js[start..start + js[start..].find("};").expect("end of ATTRS")];
    let table: BTreeMap<String, String> = body
        .split(',')
        .filter(|p| p.contains(':'))
        .map(|p| {
            let (k, v) = p.split_once(':').unwrap();
            (unquote(k), unquote(v))
        })
        .collect();
    let mut want: BTreeMap<String, String> = FIELDS
        .iter()
        .filter_map(|f| f.attr.map(|a| (a.to_string(), f.link.to_string())))
        .collect();
    // Not a field of the enterprise: the campaign tag rides in the link beside them.
    want.insert("campaign".into(), "c".into());
    assert_eq!(
        table, want,
        "web/embed/baofei-embed.js ATTRS disagrees with baofei_core::fields"
    );
}

/// `QuoteInput` is a union keyed on `line` (integrator review m12): the fields both lines take, then each
/// line's own. A field may be declared in more than one of them (`line`, the environmental grades, which
/// the work-safety input leaves empty); together its declarations hold exactly the vocabulary.
#[test]
fn the_typescript_input_type_names_every_field_and_every_vocabulary_value() {
    let lib = read("crates/baofei-js/src/lib.rs");
    let start = lib
        .find("export interface QuoteInputBase {")
        .expect("QuoteInputBase type");
    let end = start
        + lib[start..]
            .find("export type QuoteInput = WorkSafetyInput | EnvironmentalInput;")
            .expect("QuoteInput, the union of the two lines' inputs");
    let body = &lib[start..end];
    for f in FIELDS {
        let decls: Vec<&str> = [format!(" {}?:", f.key), format!(" {}:", f.key)]
            .iter()
            .flat_map(|pat| body.match_indices(pat.as_str()).map(|(at, _)| at))
            .map(|at| &body[at..at + body[at..].find([';', '}']).unwrap()])
            .collect();
        assert!(!decls.is_empty(), "QuoteInput in the .d.ts lacks {}", f.key);
        if let Kind::Choice(keys) = f.kind {
            let declared: BTreeSet<String> = decls.iter().flat_map(|d| union_of(d)).collect();
            let want: BTreeSet<String> = keys.iter().map(|k| k.to_string()).collect();
            assert_eq!(
                declared, want,
                "the .d.ts union for {} disagrees with the vocabulary",
                f.key
            );
        }
    }
}

/// The JS API's `SectorInfo.basis` union is the premium bases' vocabulary (integrator review m12: it was
/// `string`).
#[test]
fn the_typescript_sector_basis_is_the_vocabulary() {
    let lib = read("crates/baofei-js/src/lib.rs");
    let start = lib
        .find("export interface SectorInfo {")
        .expect("SectorInfo type");
    let body = &lib[start..start + lib[start..].find('}').unwrap()];
    let at = body.find(" basis:").expect("SectorInfo.basis");
    let decl = &body[at..at + body[at..].find(';').unwrap()];
    assert_eq!(
        union_of(decl),
        baofei_core::domain::PremiumBasis::KEYS,
        "SectorInfo.basis in the .d.ts disagrees with PremiumBasis"
    );
}
