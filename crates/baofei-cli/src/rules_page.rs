//! `baofei rules-page OUT.html`: the site's rules page (issue 18), written at build time from the
//! statutes the engine runs on, so the page and the quotes cannot disagree. Every rule is listed with
//! its place, its dates and its source; `web/rules.js` shows those in force in the chosen region on the
//! chosen date (the region, the province it sits in, then the national rules) and the next change.
//! Without script the page lists every rule with its dates.

use baofei_core::citation::{Citation, Reference};
use baofei_core::date::Date;
use baofei_core::domain::{Line, Obligation};
use baofei_core::money::wan;
use baofei_core::rules::{Dated, Param, Statutes};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// One rule as the page lists it.
struct Entry {
    scope: String,
    line: Line,
    kind_zh: &'static str,
    kind_en: &'static str,
    zh: String,
    en: String,
    from: Date,
    until: Option<Date>,
    source: Citation,
    illustrative: bool,
    reference: Option<Reference>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn pct(d: rust_decimal::Decimal) -> String {
    format!("{}%", (d * rust_decimal::Decimal::ONE_HUNDRED).normalize())
}

fn line_names(l: Line) -> (&'static str, &'static str) {
    match l {
        Line::WorkSafety => ("安责险", "work safety"),
        Line::Environmental => ("环责险", "pollution"),
    }
}

/// Every dated value of a parameter, national and regional, as entries.
#[allow(clippy::too_many_arguments)]
fn param<T>(
    out: &mut Vec<Entry>,
    p: &Param<T>,
    line: Line,
    kind: (&'static str, &'static str),
    text: impl Fn(&T) -> (String, String),
) {
    let mut push = |scope: &str, d: &Dated<T>| {
        let (zh, en) = text(&d.value);
        out.push(Entry {
            scope: scope.into(),
            line,
            kind_zh: kind.0,
            kind_en: kind.1,
            zh,
            en,
            from: d.from,
            until: d.until,
            source: d.source.clone(),
            illustrative: d.illustrative,
            reference: d.reference.clone(),
        });
    };
    for d in &p.national {
        push("national", d);
    }
    for (r, ds) in &p.regions {
        for d in ds {
            push(r, d);
        }
    }
}

/// Every rule of the statutes, one entry per place it is attached to.
fn entries(st: &Statutes) -> Vec<Entry> {
    let mut out = Vec::new();
    let sector_names = |ids: &[String]| -> (String, String) {
        if ids.iter().any(|s| s == "*") {
            return ("所有行业".into(), "all sectors".into());
        }
        let mut zh = Vec::new();
        let mut en = Vec::new();
        for id in ids {
            match st.sectors.iter().find(|s| &s.id == id || s.group() == id) {
                Some(s) if s.id == *id => {
                    zh.push(format!("{}·{}", s.group_zh, s.name_zh));
                    en.push(format!("{}: {}", s.group_en, s.name_en));
                }
                Some(s) => {
                    zh.push(s.group_zh.clone());
                    en.push(s.group_en.clone());
                }
                None => {}
            }
        }
        (zh.join("、"), en.join(", "))
    };
    let scopes = |regions: &[String]| -> Vec<String> {
        if regions.is_empty() {
            vec!["national".into()]
        } else {
            regions.to_vec()
        }
    };
    for o in &st.obligations {
        let (level_zh, level_en) = match o.obligation {
            Obligation::Compulsory => ("强制投保", "compulsory"),
            Obligation::Expected => ("应保尽保", "expected"),
            Obligation::Encouraged => ("鼓励投保", "encouraged"),
        };
        let (szh, sen) = sector_names(&o.sectors);
        for scope in scopes(&o.regions) {
            out.push(Entry {
                scope,
                line: o.line,
                kind_zh: "投保义务",
                kind_en: "Duty to insure",
                zh: format!("{level_zh}({szh})：{}", o.text_zh),
                en: format!("{level_en} ({sen}): {}", o.text_en),
                from: o.from,
                until: o.until,
                source: o.source.clone(),
                illustrative: false,
                reference: None,
            });
        }
    }
    for (line, p) in &st.penalty {
        param(
            &mut out,
            p,
            *line,
            ("未投保的处罚", "Penalty for not insuring"),
            |v| (v.text_zh.clone(), v.text_en.clone()),
        );
    }
    param(
        &mut out,
        &st.minimum_limit,
        Line::WorkSafety,
        ("法定最低每人限额", "Minimum per-person limit"),
        |v| {
            (
                format!("每人死亡伤残限额不低于 {}(全国与地方取较高者)", wan(v.0)),
                format!(
                    "per-person death/disability limit at least {} (the higher of national and local)",
                    wan(v.0)
                ),
            )
        },
    );
    for (line, p) in &st.float_band {
        param(
            &mut out,
            p,
            *line,
            ("费率浮动幅度", "Float band"),
            |b| {
                (
                format!(
                    "一般上下浮动 {}；较大以上事故等情形最高上浮 {}；连续 {} 年无事故可下浮",
                    pct(b.normal),
                    pct(b.loaded_up),
                    b.clean_years
                ),
                format!(
                    "normally ±{}; up to +{} after a 较大+ accident and the like; a discount after {} accident-free years",
                    pct(b.normal),
                    pct(b.loaded_up),
                    b.clean_years
                ),
            )
            },
        );
    }
    for (line, p) in &st.prevention_min {
        param(
            &mut out,
            p,
            *line,
            ("事故预防费用下限", "Prevention fund floor"),
            |v| {
                (
                    format!("事故预防费用不低于保费的 {}", pct(v.0)),
                    format!("prevention fund at least {} of premium", pct(v.0)),
                )
            },
        );
    }
    for (line, p) in &st.prevention_max {
        param(
            &mut out,
            p,
            *line,
            ("事故预防费用上限", "Prevention spending cap"),
            |v| {
                (
                    format!("事故预防服务支出不高于保费的 {}", pct(v.0)),
                    format!("prevention spending at most {} of premium", pct(v.0)),
                )
            },
        );
    }
    for s in &st.services {
        let (fzh, fen) = if s.per_year == 0 {
            (
                "按合同约定".to_string(),
                "as agreed in the contract".to_string(),
            )
        } else {
            (
                format!("每年至少 {} 次", s.per_year),
                format!("at least {} a year", s.per_year),
            )
        };
        let mut who_zh = Vec::new();
        let mut who_en = Vec::new();
        if !s.sizes.is_empty() {
            let k: Vec<&str> = s.sizes.iter().map(|z| z.key()).collect();
            who_zh.push(format!("规模: {}", k.join("/")));
            who_en.push(format!("size: {}", k.join("/")));
        }
        if !s.tiers.is_empty() {
            let k: Vec<&str> = s.tiers.iter().map(|t| t.key()).collect();
            who_zh.push(format!("风险分级: {}", k.join("/")));
            who_en.push(format!("risk tier: {}", k.join("/")));
        }
        let tail = |v: &[String]| {
            if v.is_empty() {
                String::new()
            } else {
                format!(" ({})", v.join("; "))
            }
        };
        for scope in scopes(&s.regions) {
            out.push(Entry {
                scope,
                line: s.line,
                kind_zh: "事故预防服务",
                kind_en: "Prevention service",
                zh: format!("{} — {fzh}{}", s.name_zh, tail(&who_zh)),
                en: format!("{} — {fen}{}", s.name_en, tail(&who_en)),
                from: s.from,
                until: s.until,
                source: s.source.clone(),
                illustrative: s.illustrative,
                reference: None,
            });
        }
    }
    for g in &st.guidance {
        for scope in scopes(&g.regions) {
            out.push(Entry {
                scope,
                line: g.line,
                kind_zh: "说明与义务",
                kind_en: "Note",
                zh: g.text_zh.clone(),
                en: g.text_en.clone(),
                from: g.from,
                until: g.until,
                source: g.source.clone(),
                illustrative: false,
                reference: None,
            });
        }
    }
    out
}

fn cite(c: &Citation) -> String {
    let text = esc(&c.short());
    // Only an official copy is linked; any other address is not followed (issue 29 point 1).
    match c.official_link() {
        Some(u) => format!(
            "<cite><a href=\"{}\" rel=\"noopener noreferrer\">{text}</a></cite>",
            esc(u)
        ),
        _ => format!("<cite>{text}</cite>"),
    }
}

/// The page's HTML.
pub fn html(st: &Statutes) -> String {
    let all = entries(st);
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; base-uri 'self'; form-action 'none'" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="renderer" content="webkit" />
  <meta name="description" content="各地区安责险、环责险规定一览：投保义务、最低限额、浮动幅度、事故预防费用与服务，每条注明来源和施行日期。Rules by region, each with its source and dates." />
  <title>地区规定一览 · Baofei rules by region</title>
  <link rel="stylesheet" href="styles.css" />
  <script type="module" src="rules.js"></script>
  <script type="module" src="offline.js"></script>
</head>
<body>
<div class="bf rp">
<header class="bf-head"><div><h1>地区规定一览 <small lang="en">Rules by region</small></h1>
<p class="bf-sub">选择地区和日期，查看当天有效的每一条规定(本地区、所在省和全国)及其来源；数据与计算器相同(法规数据 {version})。 <span lang="en">Pick a region and a date to see every rule in force there, with its source; the same data as the calculator (statutes {version}).</span></p>
<p class="bf-sub">同一事项以本地区规定为先，其次所在省，最后全国；最低限额取全国与地方的较高者。标“示意”的为本工具的假设。 <span lang="en">For one matter the most local rule wins (city, then province, then national); the minimum limit takes the higher of national and local. "示意" marks this tool's assumptions.</span></p>
<p><a href="index.html">← 返回保费计算器 · Back to the calculator</a></p></div></header>
<main>
<form class="bf-form rp-pick" id="rp-form">
<div class="bf-field"><label for="rp-region">地区 · Region</label><select id="rp-region">
"#,
        version = esc(&st.version)
    );
    for r in &st.regions {
        let chain = st.chain(&r.id);
        let mut chain_attr: Vec<&str> = chain.clone();
        if r.id != "national" {
            chain_attr.push("national");
        }
        let _ = writeln!(
            h,
            "<option value=\"{}\" data-chain=\"{}\" data-local=\"{}\">{} · {}</option>",
            esc(&r.id),
            esc(&chain_attr.join(" ")),
            st.local_rules_any(&chain),
            esc(&r.name_zh),
            esc(&r.name_en)
        );
    }
    h.push_str(
        r#"</select></div>
<div class="bf-field"><label for="rp-date">日期(保单起期) · Date (policy start)</label><input type="date" id="rp-date" value="" /></div>
</form>
<p class="bf-hint" id="rp-status" role="status" aria-live="polite"></p>
<p class="bf-banner" id="rp-none" hidden>本地区暂未收录地方规定，适用全国规定。 <span lang="en">No local rules for this region are in our data yet: the national rules apply.</span></p>
"#,
    );
    // Sections by place: national first, then each region in the data's order (the script puts the
    // chosen place's first, most local first).
    h.push_str("<div id=\"rp-sections\">\n");
    let mut scopes: Vec<&str> = vec!["national"];
    for r in &st.regions {
        if r.id != "national" && all.iter().any(|e| e.scope == r.id) {
            scopes.push(&r.id);
        }
    }
    for scope in scopes {
        let name = st
            .regions
            .iter()
            .find(|r| r.id == scope)
            .map(|r| {
                if scope == "national" {
                    ("全国".to_string(), "National".to_string())
                } else {
                    (r.name_zh.clone(), r.name_en.clone())
                }
            })
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<section class=\"rp-scope\" data-scope=\"{}\" aria-labelledby=\"rp-h-{}\"><h2 id=\"rp-h-{}\">{} <small lang=\"en\">{}</small></h2><ul class=\"rp-list\">",
            esc(scope),
            esc(scope),
            esc(scope),
            esc(&name.0),
            esc(&name.1)
        );
        for e in all.iter().filter(|e| e.scope == scope) {
            let (lzh, len) = line_names(e.line);
            let until = e.until.map(|u| u.to_string()).unwrap_or_default();
            let dates_zh = match e.until {
                Some(u) => format!("{} 起施行，{} 起失效", e.from, u),
                None => format!("{} 起施行", e.from),
            };
            let dates_en = match e.until {
                Some(u) => format!("in force {} to the day before {}", e.from, u),
                None => format!("in force from {}", e.from),
            };
            let _ = writeln!(
                h,
                "<li data-from=\"{}\" data-until=\"{}\"><span class=\"rp-kind\">{} · {}</span> <strong>{}</strong>{}{} <span lang=\"en\" class=\"rp-en\">{} ({}): {}</span><br><span class=\"rp-dates\">{} · <span lang=\"en\">{}</span></span> · {}</li>",
                e.from,
                until,
                lzh,
                e.kind_zh,
                esc(&e.zh),
                if e.illustrative { " <span class=\"bf-ill\">示意 illustrative</span>" } else { "" },
                e.reference
                    .as_ref()
                    .map(|r| format!(" <span class=\"bf-ref\">{} · <span lang=\"en\">{}</span></span>", esc(&r.zh), esc(&r.en)))
                    .unwrap_or_default(),
                e.kind_en,
                len,
                esc(&e.en),
                dates_zh,
                dates_en,
                cite(&e.source)
            );
        }
        h.push_str("</ul></section>\n");
    }
    h.push_str(
        r#"</div>
<p class="bf-hint" id="rp-next"></p>
</main>
<footer class="bf-foot"><p>本页由规则数据在构建时生成；以原文和保险机构备案条款为准。 <span lang="en">Generated from the rule data at build time; the original documents and the insurer's filed terms decide.</span></p></footer>
</div>
</body>
</html>
"#,
    );
    h
}

/// Runs `baofei rules-page`.
pub fn run(out: &Path) -> Result<ExitCode, String> {
    let rules = crate::load_rules(&crate::RuleArgs::default())?;
    std::fs::write(out, html(rules.statutes())).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(ExitCode::SUCCESS)
}
