//! The breakdown under the premium: in 3 to 6 lines, where the premium comes from (the guided
//! premium, each factor that moved it with its size, the band and whether it capped the premium),
//! and the bars of a small chart of the same figures. Plain Rust, read off the engine's trace as data
//! (each step's `factor` and `choice`, never its sentences: the engine owns every figure; this only
//! says them), tested natively.

use crate::model::{fmt_money, Lang};
use baofei_core::sort::sort_small_by;
use baofei_core::Quote;
use rust_decimal::Decimal;

/// What a line or a bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The guided premium (before the float).
    Guided,
    /// A floating factor that moved the premium.
    Factor,
    /// The band: inside it, or the premium capped or floored by it.
    Band,
    /// The premium.
    Premium,
}

/// One line of the breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// What, in the interface language ("较大事故").
    pub label: String,
    /// Its effect ("+20%", "×2.0", "6.3万元").
    pub effect: String,
    /// What it stands for.
    pub kind: Kind,
}

/// One bar of the chart: the premium after this point, 元.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Short label.
    pub label: String,
    /// Amount after this point, 元.
    pub value: Decimal,
    /// What it stands for.
    pub kind: Kind,
}

/// The breakdown of one quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    /// 3 to 6 lines.
    pub lines: Vec<Line>,
    /// The chart's bars, guided premium first, premium last.
    pub bars: Vec<Bar>,
    /// The band's limits as amounts (guided × low, guided × high), 元.
    pub band: (Decimal, Decimal),
}

/// At most this many factors get a line of their own; the rest share one.
const FACTOR_LINES: usize = 3;

/// How a factor reads: "+20%", "−10%", or "×2.0" from double on.
pub fn effect(f: Decimal) -> String {
    // The one display rounding (money::round_half_up): 四舍五入, never to even.
    use baofei_core::money::{pct, round_half_up};
    if f >= Decimal::TWO {
        format!("×{}", round_half_up(f, 2).normalize())
    } else if f > Decimal::ONE {
        format!("+{}", pct(f - Decimal::ONE, 1))
    } else {
        format!("−{}", pct(Decimal::ONE - f, 1))
    }
}

/// The breakdown of `q` in `lang`.
pub fn breakdown(q: &Quote, lang: Lang) -> Breakdown {
    let zh = lang == Lang::Zh;
    let pick = |a: &str, b: &str| if zh { a.to_string() } else { b.to_string() };
    let guided = q.guided_premium;
    // The factors that moved the premium, as the trace records them; a discount the loaded band
    // withholds (float.claim_free_loaded) is not one.
    let withheld = q.trace.iter().any(|s| s.id == "float.claim_free_loaded");
    let mut factors: Vec<(String, Decimal)> = Vec::new();
    for s in &q.trace {
        let is_factor = s.id.starts_with("float.") && s.id != "float.claim_free_loaded";
        if !is_factor || (withheld && s.id == "float.claim_free") {
            continue;
        }
        // Data, not prose: the step's factor and what its table was read at (`Step::factor`,
        // `Step::choice_*`); rewording the trace changes no line and no bar.
        let Some(f) = s.factor else {
            continue;
        };
        if f == Decimal::ONE {
            continue;
        }
        let step = if zh { &s.label_zh } else { &s.label_en };
        let choice = if zh { &s.choice_zh } else { &s.choice_en };
        let label = match choice {
            // A plain yes: the step's own label says it (失信联合惩戒黑名单).
            None => step.clone(),
            Some(c)
                if matches!(
                    s.id.as_str(),
                    "float.standardisation" | "float.env_credit" | "float.loss_ratio"
                ) =>
            {
                format!("{step}{}{c}", if zh { "：" } else { ": " })
            }
            Some(c) => c.clone(),
        };
        factors.push((label, f));
    }
    let mut lines = vec![Line {
        label: pick("指导保费(浮动前)", "Guided premium (before the float)"),
        effect: fmt_money(guided, lang),
        kind: Kind::Guided,
    }];
    let mut bars = vec![Bar {
        label: pick("指导保费", "Guided"),
        value: guided,
        kind: Kind::Guided,
    }];
    // The biggest movers get lines; the order of the bars follows the trace.
    let mut by_size: Vec<usize> = (0..factors.len()).collect();
    let dev = |f: Decimal| {
        if f >= Decimal::ONE {
            f
        } else {
            Decimal::ONE / f
        }
    };
    // The engine's small sort: the widget carries no std sort (docs/size-steps.md).
    sort_small_by(&mut by_size, |a, b| dev(factors[*a].1) > dev(factors[*b].1));
    let (shown, rest) = if factors.len() > FACTOR_LINES + 1 {
        by_size.split_at(FACTOR_LINES)
    } else {
        (&by_size[..], &[][..])
    };
    let mut shown: Vec<usize> = shown.to_vec();
    sort_small_by(&mut shown, |a, b| a < b);
    for &i in &shown {
        lines.push(Line {
            label: factors[i].0.clone(),
            effect: effect(factors[i].1),
            kind: Kind::Factor,
        });
    }
    if !rest.is_empty() {
        let product = rest.iter().fold(Decimal::ONE, |p, &i| {
            p.checked_mul(factors[i].1).unwrap_or(p)
        });
        lines.push(Line {
            label: if zh {
                format!("其他 {} 项因素合计", rest.len())
            } else {
                format!("{} other factors together", rest.len())
            },
            effect: effect(product),
            kind: Kind::Factor,
        });
    }
    let mut running = guided;
    for (label, f) in &factors {
        running = running.checked_mul(*f).unwrap_or(running);
        bars.push(Bar {
            label: label.clone(),
            value: running,
            kind: Kind::Factor,
        });
    }
    let (low, high, raw) = (q.band.low, q.band.high, q.band.raw_factor);
    let ff = baofei_core::money::fmt_factor;
    // The band is "法定" only where it is this place's own published rule; a borrowed or assumed band
    // says so in the words its own row uses (newcomer review 2.8), never "legal".
    let (band_zh, band_en) = band_words(q);
    let band_line = if q.band.clamped && q.band.factor == high {
        pick(
            &format!(
                "浮动系数 {} 超出{band_zh}上限，按 {} 封顶",
                ff(raw),
                ff(high)
            ),
            &format!(
                "float {} above the cap of the {band_en}: capped at {}",
                ff(raw),
                ff(high)
            ),
        )
    } else if q.band.clamped {
        pick(
            &format!("浮动系数 {} 低于{band_zh}下限，按 {} 计", ff(raw), ff(low)),
            &format!(
                "float {} below the floor of the {band_en}: raised to {}",
                ff(raw),
                ff(low)
            ),
        )
    } else {
        pick(
            &format!(
                "浮动系数 {}，在{band_zh} {}–{} 之内",
                ff(raw),
                ff(low),
                ff(high)
            ),
            &format!(
                "float {}, within the {band_en} {}–{}",
                ff(raw),
                ff(low),
                ff(high)
            ),
        )
    };
    lines.push(Line {
        label: band_line,
        effect: format!("= {}", fmt_money(q.premium, lang)),
        kind: Kind::Band,
    });
    bars.push(Bar {
        label: pick("保费", "Premium"),
        value: q.premium,
        kind: Kind::Premium,
    });
    let amount = |f: Decimal| guided.checked_mul(f).unwrap_or(guided);
    Breakdown {
        lines,
        bars,
        band: (amount(low), amount(high)),
    }
}

/// What the band is called in a sentence: "法定幅度" / "legal band" only where the band is the place's
/// own published rule; otherwise the band row's own words ("浮动幅度(参照重庆市规定)",
/// "band (borrowed from 安责险 (assumption))"), or "示意浮动幅度" where it is an assumption with no
/// reference.
pub fn band_words(q: &Quote) -> (String, String) {
    match (&q.band.reference, q.band.illustrative) {
        (Some(r), _) => (format!("浮动幅度({})", r.zh), format!("band ({})", r.en)),
        (None, true) => ("示意浮动幅度".into(), "illustrative band".into()),
        (None, false) => ("法定幅度".into(), "legal band".into()),
    }
}

/// A bar's length in chart units (0..=`width`) for `value` on a scale up to `max`.
pub fn scale(value: Decimal, max: Decimal, width: u32) -> u32 {
    if max <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0;
    }
    let w = baofei_core::money::round_half_up(value / max * Decimal::from(width), 0);
    u32::try_from(w.mantissa()).unwrap_or(width).min(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(fragment: &str) -> Quote {
        let rules = baofei_rules::load().unwrap();
        let (form, _) = crate::model::Form::from_fragment(fragment, "2026-06-01").unwrap();
        baofei_core::quote(&rules, &form.to_input()).unwrap()
    }

    /// Issue 27 item 4: the breakdown reads data. Every sentence of the trace reworded (as a later
    /// edit of the engine's wording would) leaves every line and bar as it was.
    #[test]
    fn rewording_the_trace_changes_no_line_and_no_bar() {
        for fragment in [
            "v=1&r=chongqing&e=120&h0.l=1&h0.d=3",
            "v=1&r=chongqing&e=120&std=grade1&bl=1&lr=45",
            "v=1&r=jiangsu&l=environmental&s=hazardous_waste.operator&e=80&h1.l=1&ec=poor",
        ] {
            let q = quote(fragment);
            let mut reworded = q.clone();
            for s in &mut reworded.trace {
                s.parameter = format!("(reworded) {}", s.parameter.len());
                s.parameter_zh = "(改写)".into();
                s.value = "?".into();
                s.value_zh = Some("?".into());
            }
            for lang in [Lang::Zh, Lang::En] {
                assert_eq!(
                    breakdown(&reworded, lang),
                    breakdown(&q, lang),
                    "{fragment}"
                );
            }
        }
    }

    #[test]
    fn effects_read_as_people_say_them() {
        assert_eq!(effect("1.20".parse().unwrap()), "+20%");
        assert_eq!(effect("0.90".parse().unwrap()), "−10%");
        assert_eq!(effect("2.00".parse().unwrap()), "×2");
        assert_eq!(effect("2.4".parse().unwrap()), "×2.4");
        assert_eq!(effect("1.012".parse().unwrap()), "+1.2%");
    }

    /// The 较大 accident with 3 deaths of the newcomer review: guided 7.56万, +20%, ×2, capped?
    #[test]
    fn a_loaded_quote_names_its_factors_and_the_band() {
        let q = quote("v=1&r=chongqing&e=120&h0.l=1&h0.d=3");
        let b = breakdown(&q, Lang::Zh);
        assert!((3..=6).contains(&b.lines.len()), "{:?}", b.lines);
        let text: Vec<String> = b
            .lines
            .iter()
            .map(|l| format!("{} {}", l.label, l.effect))
            .collect();
        assert_eq!(text[0], "指导保费(浮动前) 7.56万元");
        assert!(text.contains(&"较大事故 +20%".to_string()), "{text:?}");
        assert!(text.contains(&"死亡3人及以上 ×2".to_string()), "{text:?}");
        assert!(
            text.last().unwrap().contains("在法定幅度 0.60–2.50 之内"),
            "{text:?}"
        );
        assert!(text.last().unwrap().ends_with("= 18.14万元"), "{text:?}");
        // The bars end at the premium, and every figure is the engine's.
        assert_eq!(b.bars.last().unwrap().value, q.premium);
        assert_eq!(b.bars[0].value, q.guided_premium);
    }

    /// Newcomer review 2.8 and 10.2: a band borrowed from Chongqing (Hunan) or assumed (环责险) is
    /// never called "法定"/"legal", in the same words the band row uses; an environmental incident is
    /// not called an accident. Chongqing's own band stays 法定.
    #[test]
    fn a_borrowed_band_is_never_called_legal() {
        let text = |fragment: &str, lang: Lang| -> String {
            let q = quote(fragment);
            breakdown(&q, lang)
                .lines
                .iter()
                .map(|l| format!("{} {}", l.label, l.effect))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let hunan = text("v=1&r=hunan&e=120", Lang::Zh);
        assert!(
            hunan.contains("在浮动幅度(参照重庆市规定) 0.50–1.40 之内"),
            "{hunan}"
        );
        assert!(!hunan.contains("法定"), "{hunan}");
        let hunan_en = text("v=1&r=hunan&e=120", Lang::En);
        assert!(!hunan_en.contains("legal"), "{hunan_en}");
        assert!(hunan_en.contains("reference: Chongqing"), "{hunan_en}");
        let env = "v=1&r=jiangsu&l=environmental&s=hazardous_waste.operator&e=80&h1.l=1";
        let env_zh = text(env, Lang::Zh);
        assert!(env_zh.contains("借用安责险浮动幅度(假设)"), "{env_zh}");
        assert!(!env_zh.contains("法定"), "{env_zh}");
        assert!(env_zh.contains("较大突发环境事件 +20%"), "{env_zh}");
        assert!(!env_zh.contains("事故"), "{env_zh}");
        let env_en = text(env, Lang::En);
        assert!(
            !env_en.contains("legal") && !env_en.contains("accident"),
            "{env_en}"
        );
        // Chongqing's own band stays 法定 where nothing illustrative shapes it.
        let cq = text("v=1&r=chongqing&e=120&h0.l=1", Lang::Zh);
        assert!(cq.contains("在法定幅度"), "{cq}");
    }

    #[test]
    fn a_capped_quote_says_so_and_many_factors_fold_into_one_line() {
        let q = quote("v=1&r=chongqing&e=120&h0.l=1&h0.d=3&bl=1&rr=1&lr=150");
        assert!(q.band.clamped);
        let b = breakdown(&q, Lang::En);
        assert!((3..=6).contains(&b.lines.len()), "{:?}", b.lines);
        let last = &b.lines.last().unwrap().label;
        assert!(last.contains("capped at 2.5"), "{last}");
        assert!(
            b.lines
                .iter()
                .any(|l| l.label.contains("other factors together")),
            "{:?}",
            b.lines
        );
    }

    #[test]
    fn a_clean_quote_has_its_discount_and_no_loading() {
        let q = quote("v=1&r=national");
        let b = breakdown(&q, Lang::Zh);
        let text: Vec<String> = b
            .lines
            .iter()
            .map(|l| format!("{} {}", l.label, l.effect))
            .collect();
        assert!(text.contains(&"无事故 −10%".to_string()), "{text:?}");
        assert_eq!(scale(Decimal::from(50), Decimal::from(100), 200), 100);
        assert_eq!(scale(Decimal::from(500), Decimal::from(100), 200), 200);
    }
}
