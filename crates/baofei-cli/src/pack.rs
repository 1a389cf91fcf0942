//! `baofei pack check`: validate a pricing pack and show what it covers.

use baofei_core::rules::{names_sector, Dated, Param, PricingPack};
use std::path::Path;
use std::process::ExitCode;

fn span<T>(vs: &[Dated<T>]) -> String {
    let from = vs.iter().map(|v| v.from).min();
    let until = if vs.iter().any(|v| v.until.is_none()) {
        None
    } else {
        vs.iter().filter_map(|v| v.until).max()
    };
    match (from, until) {
        (Some(f), Some(u)) => format!("{f} – {u}"),
        (Some(f), None) => format!("{f} –"),
        _ => "never".into(),
    }
}

fn param_lines<T>(name: &str, p: &Param<T>, illustrative: &mut Vec<String>) -> String {
    let mut scopes = vec![format!("national {}", span(&p.national))];
    scopes.extend(p.regions.iter().map(|(r, vs)| format!("{r} {}", span(vs))));
    let all = p.national.iter().map(|v| ("national", v)).chain(
        p.regions
            .iter()
            .flat_map(|(r, vs)| vs.iter().map(move |v| (r.as_str(), v))),
    );
    for (scope, v) in all {
        if v.illustrative {
            illustrative.push(format!(
                "{name} [{scope}, from {}]: {}",
                v.from,
                v.note.as_deref().unwrap_or("no note")
            ));
        }
    }
    format!("  {name:<32} {}", scopes.join("; "))
}

/// Runs `baofei pack check`.
pub fn check(path: Option<&Path>) -> Result<ExitCode, String> {
    let text = match path {
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?,
        None => baofei_rules::pack_json(),
    };
    let name = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "built-in reference pack".into());
    let base = baofei_rules::load().map_err(|e| format!("built-in rules invalid: {e}"))?;
    let pack: PricingPack = match baofei_rules::parse_pack(&text) {
        Ok(p) => p,
        Err(e) => {
            println!("{name}: INVALID");
            for x in &e.0 {
                println!("  {}: {}", x.field, x.message_en);
            }
            return Ok(ExitCode::from(1));
        }
    };
    if let Err(e) = base.with_pack(pack.clone()) {
        println!(
            "{name}: INVALID ({} problem{})",
            e.0.len(),
            if e.0.len() == 1 { "" } else { "s" }
        );
        for x in &e.0 {
            println!("  {}: {} ({})", x.field, x.message_en, x.message_zh);
        }
        return Ok(ExitCode::from(1));
    }
    let st = base.statutes();
    println!(
        "{name}: valid — {} {} ({} / {})",
        pack.meta.id, pack.meta.version, pack.meta.name_zh, pack.meta.name_en
    );
    println!("statutes {} (not changeable by a pack: minimum limits, float band, prevention ratios, obligations)", st.version);
    let mut illustrative = Vec::new();
    println!("\nrates");
    for (line, p) in &pack.rates {
        println!(
            "{}",
            param_lines(&format!("rates.{}", line.key()), p, &mut illustrative)
        );
        let covered = |s: &baofei_core::rules::SectorDef| {
            p.national
                .iter()
                .any(|d| d.value.iter().any(|e| names_sector(&e.sectors, s)))
        };
        let (yes, no): (Vec<_>, Vec<_>) = st
            .sectors
            .iter()
            .filter(|s| s.line == *line)
            .partition(|s| covered(s));
        println!(
            "    sectors with a national rate: {}",
            yes.iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        if !no.is_empty() {
            println!(
                "    WITHOUT a national rate (quotes will fail): {}",
                no.iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    println!("\nfactor tables");
    for (n, p) in pack.factor_tables() {
        println!("{}", param_lines(n, p, &mut illustrative));
    }
    println!(
        "{}",
        param_lines(
            "loss_ratio_factors",
            &pack.loss_ratio_factors,
            &mut illustrative
        )
    );
    println!(
        "{}",
        param_lines("clean_floor", &pack.clean_floor, &mut illustrative)
    );
    println!(
        "\nregions known to the statutes: {}",
        st.regions
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "\nillustrative parameters ({}): quotes using them are flagged",
        illustrative.len()
    );
    for i in &illustrative {
        println!("  - {i}");
    }
    // The same, by table (what `validatePack` reports): what to replace with filed figures before quotes
    // stop saying "illustrative".
    let tables = pack.illustrative_tables();
    if tables.is_empty() {
        println!("\nno table keeps a quote illustrative");
    } else {
        println!(
            "\ntables that keep a quote illustrative ({}): {}",
            tables.len(),
            tables.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The pack format's JSON Schema (draft 2020-12), pretty-printed: generated from the engine's own readers
/// (`baofei_core::rules::schema::pack_schema`), so it lists exactly the members they read and refuse.
pub fn schema() -> String {
    let v: serde_json::Value = serde_json::from_str(&baofei_core::rules::schema::pack_schema())
        .expect("the generated schema is JSON");
    serde_json::to_string_pretty(&v).expect("a JSON value prints")
}

/// A complete starting pack (`baofei pack init`): the reference pack's every table, pretty-printed, each value
/// still carrying its description, source, note and `illustrative` flag (what `pack check` lists until the
/// insurer's filed figures replace them), under a `meta` to fill in. It passes `pack check` as it is.
pub fn init() -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&baofei_rules::pack_json()).expect("the reference pack is JSON");
    v["meta"] = serde_json::json!({
        "id": "my-insurer",
        "version": "2027.1",
        "name_zh": "（保险公司名称）安责险·环责险费率",
        "name_en": "(insurer's name) rates"
    });
    serde_json::to_string_pretty(&v).expect("a JSON value prints")
}
