//! `baofei rules check` and `baofei rules init`: a host's local-rules file (issue 33), checked with
//! the same code the page, the element and the JS API run, so a file that passes here is accepted
//! there.

use baofei_core::rules::local::LocalRules;
use baofei_core::Errors;
use std::path::Path;
use std::process::ExitCode;

/// A complete, annotated starting file: a fictional city that passes the check.
pub const EXAMPLE: &str = include_str!("../../../docs/local-rules/example-shifan.json");

/// Every error on two lines, path first, Chinese then English.
pub fn list(e: &Errors) -> String {
    e.0.iter()
        .map(|f| {
            let at = if f.field.is_empty() {
                "(file)"
            } else {
                &f.field
            };
            format!("  {at}: {}\n      {}", f.message_zh, f.message_en)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What an accepted file sets, one line per table, with the dates each value covers.
fn summary(l: &LocalRules) -> Vec<String> {
    fn span<T>(vs: &[baofei_core::rules::Dated<T>]) -> String {
        vs.iter()
            .map(|v| match v.until {
                Some(u) => format!("{} – {}", v.from, u),
                None => format!("{} –", v.from),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
    let mut out = Vec::new();
    if !l.minimum_limit.is_empty() {
        out.push(format!(
            "minimum_limit 最低限额: {} ({})",
            l.minimum_limit
                .iter()
                .map(|v| v.value.0.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            span(&l.minimum_limit)
        ));
    }
    for (name, m) in [
        ("prevention_min 事故预防资金下限", &l.prevention_min),
        ("prevention_max 事故预防支出上限", &l.prevention_max),
    ] {
        for (line, vs) in m {
            out.push(format!("{name} ({}): {}", line.key(), span(vs)));
        }
    }
    for (line, vs) in &l.float_band {
        out.push(format!(
            "float_band 浮动幅度 ({}): {}",
            line.key(),
            span(vs)
        ));
    }
    for (line, vs) in &l.penalty {
        out.push(format!("penalty 处罚 ({}): {}", line.key(), span(vs)));
    }
    for o in &l.obligations {
        out.push(format!(
            "obligation 投保义务: {} {} ({}, from {})",
            o.obligation.key(),
            o.sectors.join(", "),
            o.line.key(),
            o.from
        ));
    }
    for s in &l.services {
        out.push(format!(
            "service 服务: {} ≥ {}/year ({}, from {})",
            s.id,
            s.per_year,
            s.line.key(),
            s.from
        ));
    }
    for g in &l.guidance {
        out.push(format!(
            "guidance 提示: {} ({}, from {})",
            g.id,
            g.line.key(),
            g.from
        ));
    }
    out
}

/// `baofei rules check FILE`: 0 accepted (what it sets is listed); 1 refused (every error, at its
/// path, in both languages); 2 unreadable file.
pub fn check(path: &Path) -> Result<ExitCode, String> {
    let text = crate::read_input(path)?;
    let base = baofei_rules::load().map_err(|e| format!("built-in rules invalid: {e}"))?;
    let refused = |e: &Errors| {
        println!(
            "{}: refused, {} problem(s); the shipped rules stay in force 未通过，共 {} 处问题，仍适用内置规则:",
            path.display(),
            e.0.len(),
            e.0.len()
        );
        println!("{}", list(e));
        Ok(ExitCode::from(1))
    };
    let local = match baofei_rules::parse_local_rules(&text) {
        Ok(l) => l,
        Err(e) => return refused(&e),
    };
    match base.with_local(&local) {
        Ok(_) => {
            println!(
                "{}: accepted 通过 — {} ({}), published by {} / {}",
                path.display(),
                local.region,
                local
                    .place
                    .as_ref()
                    .map(|p| format!("{} / {}", p.name_zh, p.name_en))
                    .or_else(|| {
                        base.statutes()
                            .regions
                            .iter()
                            .find(|r| r.id == local.region)
                            .map(|r| format!("{} / {}", r.name_zh, r.name_en))
                    })
                    .unwrap_or_default(),
                local.publisher.zh,
                local.publisher.en
            );
            for line in summary(&local) {
                println!("  {line}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => refused(&e),
    }
}
