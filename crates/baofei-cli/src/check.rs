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
pub fn run(path: &Path, lang: &str, json: bool, pack: Option<&Path>) -> Result<ExitCode, String> {
    let rules = crate::load_rules(pack)?;
    let text = crate::read_input(path)?;
    let file: CheckFile = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: not an offer file ({{\"enterprise\": QuoteInput, \"offer\": OfferInput}}): {e}",
            path.display()
        )
    })?;
    let zh = lang != "en";
    let pick = |a: &str, b: &str| if zh { a.to_string() } else { b.to_string() };
    let c = match check_offer(&rules, &file.enterprise, &file.offer) {
        Ok(c) => c,
        Err(errs) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&errs).map_err(|e| e.to_string())?
                );
            } else {
                eprintln!("{}", pick("无法核对：", "Cannot check:"));
                for e in &errs.0 {
                    eprintln!("  {}", pick(&e.message_zh, &e.message_en));
                }
            }
            return Ok(ExitCode::from(2));
        }
    };
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&c).map_err(|e| e.to_string())?
        );
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
