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

/// The name a host's file takes in the site.
pub const SITE_FILE: &str = "local-rules.json";

/// `baofei rules install FILE --site DIR`: a host adds its file to a built site with no Rust
/// toolchain. The file is checked first (a refused file changes nothing); then it is copied to
/// `DIR/local-rules.json`, `index.html` names it (`<meta name="baofei-rules-src">`, which makes the
/// page run the build that checks it and hide its prerendered figures), `rules.html` is regenerated
/// with the host's rules labelled, and the service worker's version changes so returning visitors get
/// the new pages instead of their cached copies (its file list gains the file and the widget's build,
/// so the page still works offline).
pub fn install(path: &Path, site: &Path) -> Result<ExitCode, String> {
    let text = crate::read_input(path)?;
    let base = baofei_rules::load().map_err(|e| format!("built-in rules invalid: {e}"))?;
    let merged = match baofei_rules::parse_local_rules(&text).and_then(|l| base.with_local(&l)) {
        Ok(r) => r,
        Err(e) => {
            println!(
                "{}: refused, nothing installed 未通过，未安装:\n{}",
                path.display(),
                list(&e)
            );
            return Ok(ExitCode::from(1));
        }
    };
    let at = |f: &str| site.join(f);
    let index = std::fs::read_to_string(at("index.html")).map_err(|e| {
        format!(
            "{}: {e} (is --site the built site?)",
            at("index.html").display()
        )
    })?;
    let meta = format!("<meta name=\"baofei-rules-src\" content=\"{SITE_FILE}\" />");
    let index = match index.find("<meta name=\"baofei-rules-src\"") {
        // Installed before: the tag is rewritten in place.
        Some(i) => {
            let end = index[i..].find('>').map_or(index.len(), |e| i + e + 1);
            format!("{}{meta}{}", &index[..i], &index[end..])
        }
        // Early in <head>: prepaint.js, a script in <head>, must find it when it runs.
        None => {
            let i = ["<meta charset", "<head"]
                .iter()
                .find_map(|tag| {
                    let at = index.find(tag)?;
                    index[at..].find('>').map(|e| at + e + 1)
                })
                .ok_or("index.html has no <head>")?;
            format!("{}\n  {meta}{}", &index[..i], &index[i..])
        }
    };
    std::fs::write(at(SITE_FILE), &text).map_err(|e| e.to_string())?;
    std::fs::write(at("index.html"), index).map_err(|e| e.to_string())?;
    std::fs::write(at("rules.html"), crate::rules_page::html(merged.statutes()))
        .map_err(|e| e.to_string())?;
    // The service worker serves its release's files cache-first: a new version string makes browsers
    // install it and fetch the changed pages (FNV-1a of the file: no hashing crate needed).
    let sw_path = at("sw.js");
    if let Ok(sw) = std::fs::read_to_string(&sw_path) {
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        // Offline too: the file and the build that checks it join the release's cached files.
        let sw = match (sw.find("var FILES = ["), sw.find("];")) {
            (Some(a), _) => {
                let end = sw[a..].find("];").map_or(sw.len(), |e| a + e);
                let mut list = sw[a..end].to_string();
                for f in [SITE_FILE, "baofei-web.js", "baofei-web_bg.wasm"] {
                    if !list.contains(&format!("'{f}'")) {
                        list.push_str(&format!(", '{f}'"));
                    }
                }
                format!("{}{list}{}", &sw[..a], &sw[end..])
            }
            _ => sw,
        };
        let sw = sw
            .lines()
            .map(|l| match l.strip_prefix("var VERSION = '") {
                Some(rest) => {
                    let v = rest.split(['\'', '+']).next().unwrap_or("");
                    format!("var VERSION = '{v}+rules-{hash:016x}';")
                }
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&sw_path, sw + "\n").map_err(|e| e.to_string())?;
    }
    println!(
        "installed 已安装: {} → {}; index.html names it; rules.html regenerated; sw.js version changed. After editing the file, install it again (returning visitors' browsers keep the installed copy until the version changes) 修改文件后请重新安装",
        path.display(),
        at(SITE_FILE).display()
    );
    Ok(ExitCode::SUCCESS)
}
