//! `baofei explain`: one quote, every step with its citation, for a terminal.

use baofei_core::domain::Obligation;
use baofei_core::output::Message;
use baofei_core::{quote, Citation, QuoteInput};
use std::path::Path;
use std::process::ExitCode;

fn pick<'a>(lang: &str, zh: &'a str, en: &'a str) -> &'a str {
    if lang == "en" {
        en
    } else {
        zh
    }
}

fn cite(c: &Option<Citation>) -> String {
    c.as_ref()
        .map(|c| format!("  [{}]", c.short()))
        .unwrap_or_default()
}

fn list(lang: &str, title: &str, items: &[Message]) {
    if items.is_empty() {
        return;
    }
    println!("\n{title}");
    for m in items {
        println!("  - {}{}", pick(lang, &m.zh, &m.en), cite(&m.source));
    }
}

/// Runs `baofei explain`.
pub fn run(path: &Path, lang: &str, rules_args: &crate::RuleArgs) -> Result<ExitCode, String> {
    let rules = crate::load_rules(rules_args)?;
    let text = crate::read_input(path)?;
    let input: QuoteInput = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a QuoteInput: {e}", path.display()))?;
    let q = match quote(&rules, &input) {
        Ok(q) => q,
        Err(errs) => {
            eprintln!("{}", pick(lang, "无法测算：", "Cannot quote:"));
            for e in &errs.0 {
                eprintln!("  {}", pick(lang, &e.message_zh, &e.message_en));
            }
            return Ok(ExitCode::from(1));
        }
    };
    let zh = lang != "en";
    let t = |a: &'static str, b: &'static str| if zh { a } else { b };
    // Names, not data keys: the region and sector as the statutes name them.
    let st = rules.statutes();
    let region = st
        .regions
        .iter()
        .find(|r| r.id == q.region)
        .map(|r| pick(lang, &r.name_zh, &r.name_en).to_string())
        .unwrap_or_else(|| q.region.clone());
    let sector = st
        .sector(&q.sector)
        .map(|s| {
            format!(
                "{} · {}",
                pick(lang, &s.group_zh, &s.group_en),
                pick(lang, &s.name_zh, &s.name_en)
            )
        })
        .unwrap_or_else(|| q.sector.clone());
    println!(
        "{} — {region} · {sector} · {}",
        t("保费测算说明", "Quote explanation"),
        q.as_of
    );
    let level = match q.obligation.level {
        Obligation::Compulsory => t("强制投保", "Compulsory"),
        Obligation::Expected => t("应保尽保(推动投保)", "Expected (to be fully covered)"),
        Obligation::Encouraged => t("鼓励投保", "Encouraged"),
    };
    println!(
        "{}: {level}{}",
        t("投保义务", "Obligation"),
        q.obligation
            .basis
            .first()
            .map(|b| cite(&b.source))
            .unwrap_or_default()
    );
    if let Some(p) = &q.obligation.penalty {
        println!(
            "{}: {}",
            t("未投保处罚", "Penalty"),
            pick(lang, &p.zh, &p.en)
        );
    }
    match q.limits.minimum_per_person {
        Some(m) => println!(
            "{}: {m} 元{}",
            t("法定最低每人限额", "Legal minimum per person"),
            cite(&q.limits.minimum_source)
        ),
        None => println!(
            "{}",
            t("无法定最低每人限额", "No statutory per-person minimum")
        ),
    }
    println!(
        "{}: {} 元   {}: {} – {} 元   {}: {} [{}–{}]{}",
        t("估算保费", "Premium"),
        q.premium,
        t("区间", "range"),
        q.premium_low,
        q.premium_high,
        t("浮动", "float"),
        q.band.factor.normalize(),
        q.band.low,
        q.band.high,
        if q.illustrative {
            t("  (含示意参数)", "  (uses illustrative parameters)")
        } else {
            ""
        }
    );
    println!("\n{}", t("计算过程", "Steps"));
    for (i, s) in q.trace.iter().enumerate() {
        let mark = if s.illustrative {
            t(" [示意]", " [illustrative]")
        } else {
            ""
        };
        // A borrowed rule says where it comes from, beside its value.
        let borrowed = s
            .reference
            .as_ref()
            .map(|r| format!(" ({})", pick(lang, &r.zh, &r.en)))
            .unwrap_or_default();
        println!(
            "{:>3}. {:<28} {}{}{}",
            i + 1,
            pick(lang, &s.label_zh, &s.label_en),
            match (zh, &s.value_zh) {
                (true, Some(v)) => v,
                _ => &s.value,
            },
            mark,
            borrowed
        );
        println!(
            "     {}{}",
            pick(lang, &s.parameter_zh, &s.parameter),
            cite(&s.source)
        );
        let note = match (s.note_zh.as_ref(), s.note.as_ref()) {
            (Some(zh), Some(en)) => Some(pick(lang, zh, en)),
            (zh, en) => en.or(zh).map(String::as_str),
        };
        if let Some(n) = note {
            println!("     {n}");
        }
    }
    println!("\n{}", t("事故预防", "Prevention"));
    if let (Some(r), Some(a)) = (q.prevention.min_ratio, q.prevention.min_amount) {
        println!("  {} {r} = {a} 元", t("预防资金不低于", "fund at least"));
    }
    if let (Some(r), Some(a)) = (q.prevention.max_ratio, q.prevention.max_amount) {
        println!(
            "  {} {r} = {a} 元",
            t("预防服务支出不超过", "spending at most")
        );
    }
    for s in &q.prevention.services {
        let freq = if s.per_year == 0 {
            t("按合同约定", "as agreed").to_string()
        } else {
            format!("≥{}/{}", s.per_year, t("年", "year"))
        };
        // An assumed frequency is flagged here as in the widget.
        let mark = if s.illustrative {
            t(" [示意]", " [illustrative]")
        } else {
            ""
        };
        println!(
            "  - {} ({freq}){mark}{}",
            pick(lang, &s.name_zh, &s.name_en),
            cite(&Some(s.source.clone()))
        );
    }
    list(lang, t("提示", "Warnings"), &q.warnings);
    list(lang, t("推定与默认", "Assumptions"), &q.assumptions);
    list(lang, t("义务与政策支持", "Duties and support"), &q.notes);
    if !q.next_steps.is_empty() {
        println!("\n{}", t("下一步", "Next steps"));
        for n in &q.next_steps {
            println!(
                "  - {}: {:+} 元{}",
                pick(lang, &n.zh, &n.en),
                n.premium_change,
                cite(&n.source)
            );
        }
    }
    println!(
        "\n{} {} · {} {} · {}",
        t("版本", "versions"),
        q.engine_version,
        t("法规数据", "statutes"),
        q.statutes_version,
        q.pack
    );
    Ok(ExitCode::SUCCESS)
}
