//! `baofei check`: an insurer's offer checked against the law and the estimate, for a terminal or
//! as JSON. Exit status 1 when a legal requirement fails, so scripts can gate on it.

use baofei_core::offer::{check_offer, OfferInput, Verdict};
use baofei_core::QuoteInput;
use serde::Deserialize;
use std::path::Path;
use std::process::ExitCode;

/// The file `baofei check` reads: the enterprise (as the quote form has it) and the offer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckFile {
    enterprise: QuoteInput,
    offer: OfferInput,
}

/// Runs `baofei check`.
pub fn run(
    path: &Path,
    lang: &str,
    json: bool,
    rules_args: &crate::RuleArgs,
) -> Result<ExitCode, String> {
    let rules = crate::load_rules(rules_args)?;
    let file = read_file(path)?;
    let zh = lang != "en";
    let pick = |a: &str, b: &str| if zh { a.to_string() } else { b.to_string() };
    let c = match check_offer(&rules, &file.enterprise, &file.offer) {
        Ok(c) => c,
        Err(errs) => return refused(&errs, json, zh, ("无法核对：", "Cannot check:")),
    };
    if json {
        print_json(&c)?;
    } else {
        let mark = |v: Verdict| match (v, zh) {
            (Verdict::Meets, true) => "符合",
            (Verdict::Fails, true) => "不符合",
            (Verdict::Unclear, true) => "无法判断",
            (Verdict::Meets, false) => "meets",
            (Verdict::Fails, false) => "fails",
            (Verdict::Unclear, false) => "cannot tell",
        };
        let insurer = if c.insurer.is_empty() {
            pick("(未填写保险公司)", "(insurer not given)")
        } else {
            c.insurer.clone()
        };
        println!(
            "{} · {} {}",
            insurer,
            pick("保险起期", "policy start"),
            c.start
        );
        println!(
            "{}: {}",
            mark(c.verdict),
            pick(&c.summary_zh, &c.summary_en)
        );
        for k in &c.checks {
            let tag = if k.legal {
                String::new()
            } else {
                pick(" (参考)", " (indicative)")
            };
            // A difference from our illustrative parameters is not a breach: it reads so.
            let verdict = if !k.legal && k.verdict == Verdict::Fails {
                if zh {
                    "与参考不符"
                } else {
                    "differs"
                }
            } else {
                mark(k.verdict)
            };
            println!("\n[{}{}] {}", verdict, tag, pick(&k.zh, &k.en));
            for s in &k.sources {
                println!("    {}", s.short());
            }
            if let Some(r) = &k.reference {
                println!("    {}", pick(&r.zh, &r.en));
            }
            if let (Some(qz), Some(qe)) = (&k.question_zh, &k.question_en) {
                println!(
                    "    {} {}",
                    pick("问保险公司：", "Ask the insurer:"),
                    pick(qz, qe)
                );
            }
        }
        println!(
            "\n{}",
            pick(
                "本核对依据公开法规和本工具的估算；保费比较在费率为示意参数时仅供参考。",
                "This check applies published rules and this tool's estimate; where our rates are illustrative the premium comparison is indicative only."
            )
        );
    }
    Ok(if c.legal_failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `baofei check` on two to four offer files: one comparison (issue 32). Every file must describe
/// the same enterprise. Exit status 1 when no offer is lawful.
pub fn run_many(
    paths: &[std::path::PathBuf],
    lang: &str,
    json: bool,
    rules_args: &crate::RuleArgs,
) -> Result<ExitCode, String> {
    let rules = crate::load_rules(rules_args)?;
    let mut enterprise: Option<QuoteInput> = None;
    let mut offers = Vec::new();
    for path in paths {
        let file = read_file(path)?;
        match &enterprise {
            // Compared offers are for one enterprise; a file for another would compare nothing.
            Some(e) if *e != file.enterprise => {
                return Err(format!(
                    "{}: its enterprise differs from the first file's; compared offers must be for the same enterprise",
                    path.display()
                ))
            }
            Some(_) => {}
            None => enterprise = Some(file.enterprise),
        }
        offers.push(file.offer);
    }
    let enterprise = enterprise.ok_or("no offer file")?;
    let zh = lang != "en";
    let pick = |a: &str, b: &str| if zh { a.to_string() } else { b.to_string() };
    let c = match baofei_core::offer::compare_offers(&rules, &enterprise, &offers) {
        Ok(c) => c,
        Err(errs) => return refused(&errs, json, zh, ("无法比较：", "Cannot compare:")),
    };
    if json {
        print_json(&c)?;
    } else {
        let name = |i: usize| {
            let n = &c.offers[i].check.insurer;
            let n = if n.is_empty() {
                paths[i].display().to_string()
            } else {
                n.clone()
            };
            format!("{} {}", i + 1, n)
        };
        println!(
            "{}",
            pick("报价比较(按推荐顺序)：", "Offers compared (best first):")
        );
        for (r, i) in c.ranking.iter().enumerate() {
            println!(
                "  {}. {} — {}",
                r + 1,
                name(*i),
                pick(&c.offers[*i].sentence_zh, &c.offers[*i].sentence_en)
            );
        }
        for row in &c.rows {
            println!("\n{}", pick(&row.label_zh, &row.label_en));
            for i in 0..c.offers.len() {
                let cell = pick(&row.cells_zh[i], &row.cells_en[i]);
                let star = if row.best.contains(&i) { "★" } else { " " };
                println!("  {star} {}: {cell}", name(i));
            }
        }
        for (a, b) in c.notes_zh.iter().zip(&c.notes_en) {
            println!("\n{}", pick(a, b));
        }
        println!(
            "\n{}",
            pick(
                "★ 为合法报价中该项最优者；不合法的报价不参与比较。每份报价的逐项核对见 --json 或单独运行 baofei check。",
                "★ marks the best value among the lawful offers; an unlawful offer is never marked. Each offer's own checks: --json, or baofei check on its file."
            )
        );
    }
    let any_lawful = c.offers.iter().any(|o| o.check.legal_failures == 0);
    Ok(if any_lawful {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs `baofei outlook`: the next three renewals for one enterprise (a QuoteInput file).
pub fn outlook(
    path: &Path,
    lang: &str,
    json: bool,
    rules_args: &crate::RuleArgs,
) -> Result<ExitCode, String> {
    let rules = crate::load_rules(rules_args)?;
    let text = crate::read_input(path)?;
    let input: QuoteInput = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a QuoteInput: {e}", path.display()))?;
    let zh = lang != "en";
    let pick = |a: &str, b: &str| if zh { a.to_string() } else { b.to_string() };
    let o = match baofei_core::outlook::outlook(&rules, &input) {
        Ok(o) => o,
        Err(errs) => return refused(&errs, json, zh, ("无法计算：", "Cannot compute:")),
    };
    if json {
        print_json(&o)?;
        return Ok(ExitCode::SUCCESS);
    }
    let money = |d: rust_decimal::Decimal| {
        if zh {
            baofei_core::money::wan(d)
        } else {
            baofei_core::money::cny(d)
        }
    };
    println!(
        "{} {}",
        pick("今天的估算保费：", "Today's estimate:"),
        money(o.today)
    );
    for s in &o.scenarios {
        println!("\n{}", pick(&s.label_zh, &s.label_en));
        for r in &s.renewals {
            println!(
                "  {} {}: {}",
                pick("续保", "renewal"),
                r.start,
                money(r.premium)
            );
        }
        println!("  {}", pick(&s.sentence_zh, &s.sentence_en));
    }
    println!("\n{}", pick(&o.note_zh, &o.note_en));
    Ok(ExitCode::SUCCESS)
}

/// Reads an offer file ({"enterprise": …, "offer": …}).
fn read_file(path: &Path) -> Result<CheckFile, String> {
    let text = crate::read_input(path)?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: not an offer file ({{\"enterprise\": QuoteInput, \"offer\": OfferInput}}): {e}",
            path.display()
        )
    })
}

/// Reports errors that stop the command (as JSON, or one per line on stderr) and gives exit status 2.
fn refused(
    errs: &baofei_core::Errors,
    json: bool,
    zh: bool,
    what: (&str, &str),
) -> Result<ExitCode, String> {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(errs).map_err(|e| e.to_string())?
        );
    } else {
        eprintln!("{}", if zh { what.0 } else { what.1 });
        for e in &errs.0 {
            eprintln!("  {}", if zh { &e.message_zh } else { &e.message_en });
        }
    }
    Ok(ExitCode::from(2))
}

/// Prints a result as pretty JSON.
fn print_json<T: serde::Serialize>(v: &T) -> Result<(), String> {
    println!(
        "{}",
        serde_json::to_string_pretty(v).map_err(|e| e.to_string())?
    );
    Ok(())
}
