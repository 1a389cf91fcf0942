//! What the next three years cost (保费展望, issue 32 item 5): the premium at each of the next three
//! renewals if no accident happens, and if one 一般 or 较大 accident happens in the coming policy year.
//! Only the accident history moves: at each renewal the three-year window slides by a year (the coming
//! year becomes 上一年, last year becomes 前两年, clean years accumulate). Everything else is today's:
//! the enterprise's facts, and the rules in force on today's as-of date (future rule changes are not
//! known, and the outlook says so). Each figure is the engine's own quote of the moved history.

use crate::date::Date;
use crate::domain::{BandKind, Line};
use crate::error::Errors;
use crate::input::{HistoryYear, QuoteInput};
use crate::money::{pct, wan};
use crate::quote::quote_brief;
use crate::rules::Rules;
use rust_decimal::Decimal;
use serde::Serialize;

/// The premium at one renewal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Renewal {
    /// 1, 2 or 3: the renewal after the coming policy year, and the two after it.
    pub year: u8,
    /// The renewal's start date (today's as-of date plus `year` years).
    pub start: Date,
    /// The estimated premium, 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub premium: Decimal,
    /// The band the history puts it in.
    pub band: BandKind,
}

/// One course of events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// `none` (no accident), `ordinary` (one 一般 accident in the coming year) or `larger` (one 较大).
    pub id: String,
    /// What happens, Chinese.
    pub label_zh: String,
    /// The same in English.
    pub label_en: String,
    /// The next three renewals.
    pub renewals: Vec<Renewal>,
    /// What it means, in one sentence, Chinese.
    pub sentence_zh: String,
    /// The same in English.
    pub sentence_en: String,
}

/// The outlook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outlook {
    /// The date whose rules every figure uses (today's as-of date).
    pub rules_date: Date,
    /// Today's estimated premium, 元.
    #[serde(with = "rust_decimal::serde::str")]
    pub today: Decimal,
    /// No accident, then one 一般, then one 较大 accident in the coming year.
    pub scenarios: Vec<Scenario>,
    /// How it was computed and what it leaves out, Chinese.
    pub note_zh: String,
    /// The same in English.
    pub note_en: String,
}

/// A year with no accident.
fn clean(line: Line) -> HistoryYear {
    let zero = || "0".to_string();
    HistoryYear {
        ordinary: zero(),
        larger: zero(),
        serious: zero(),
        especially_serious: zero(),
        // The environmental line counts incidents by grade only.
        deaths: if line == Line::Environmental {
            String::new()
        } else {
            zero()
        },
        accidents: Vec::new(),
    }
}

/// The history at renewal `year` (1-3) when the coming policy year is `coming`: the window slides.
fn moved(
    history: &[HistoryYear],
    coming: &HistoryYear,
    year: usize,
    line: Line,
) -> Vec<HistoryYear> {
    let mut out: Vec<HistoryYear> = (1..year).map(|_| clean(line)).collect();
    out.push(coming.clone());
    out.extend(history.iter().take(3 - year).cloned());
    // A history shorter than three years stays as short as it was, plus the years that passed.
    out.truncate(3);
    out
}

/// The outlook for `input` (validated as a quote is; its errors are the quote's).
pub fn outlook(rules: &Rules, input: &QuoteInput) -> Result<Outlook, Errors> {
    // Only today's premium, date and line are read: the brief quote (no trace) gives the same figures.
    let today = quote_brief(rules, input)?;
    let line = today.line;
    let mut scenarios = Vec::new();
    // The environmental line counts 突发环境事件 (incidents), not accidents: its own words throughout.
    let env = line == Line::Environmental;
    let (ev_zh, ev_en) = if env {
        ("突发环境事件", "environmental incident")
    } else {
        ("事故", "accident")
    };
    let names = [
        (
            "none",
            format!("三年无{ev_zh}"),
            format!("No {ev_en} in three years"),
        ),
        (
            "ordinary",
            format!("明年发生一起一般{ev_zh}"),
            format!("One 一般 (ordinary) {ev_en} next year"),
        ),
        (
            "larger",
            format!("明年发生一起较大{ev_zh}"),
            format!("One 较大 (larger) {ev_en} next year"),
        ),
    ];
    for (id, zh, en) in names {
        let mut coming = clean(line);
        match id {
            "ordinary" => coming.ordinary = "1".into(),
            "larger" => coming.larger = "1".into(),
            _ => {}
        }
        let mut renewals = Vec::new();
        for year in 1..=3u8 {
            let mut next = input.clone();
            next.history = moved(&input.history, &coming, usize::from(year), line);
            let q = quote_brief(rules, &next)?;
            renewals.push(Renewal {
                year,
                start: today
                    .as_of
                    .add_years(u16::from(year))
                    .unwrap_or(today.as_of),
                premium: q.premium,
                band: q.band.kind,
            });
        }
        let (sentence_zh, sentence_en) = sentence(id, today.premium, &renewals, (ev_zh, ev_en));
        scenarios.push(Scenario {
            id: id.into(),
            label_zh: zh,
            label_en: en,
            renewals,
            sentence_zh,
            sentence_en,
        });
    }
    Ok(Outlook {
        rules_date: today.as_of,
        today: today.premium,
        scenarios,
        note_zh: format!(
            "按 {} 有效的规则和您今天填写的情况计算，只移动{ev_zh}记录的三年窗口{}。今后的规则变化、企业规模和等级的变化不在其内。",
            today.as_of,
            if env { "" } else { "；事故假设无人死亡" }
        ),
        note_en: format!(
            "Computed under the rules in force on {} and the facts entered today; only the three-year {ev_en} window moves{}. Future rule changes and changes in size or grade are not included.",
            today.as_of,
            if env { "" } else { ", and the accident is assumed to cause no death" }
        ),
    })
}

fn sentence(
    id: &str,
    today: Decimal,
    r: &[Renewal],
    (ev_zh, ev_en): (&str, &str),
) -> (String, String) {
    let last = r.last().map_or(today, |x| x.premium);
    if id == "none" {
        let (verb_zh, verb_en) = if last < today {
            ("降至", "fall to")
        } else if last > today {
            ("升至", "rise to")
        } else {
            ("保持在", "stay at")
        };
        return (
            format!(
                "三年无{ev_zh}，保费预计从 {} {verb_zh} {}。",
                wan(today),
                wan(last)
            ),
            format!(
                "With no {ev_en} for three years, the premium is expected to {verb_en} {} from {}.",
                crate::money::cny(last),
                crate::money::cny(today)
            ),
        );
    }
    let peak = r.iter().map(|x| x.premium).fold(today, Decimal::max);
    let figures_zh: Vec<String> = r.iter().map(|x| wan(x.premium)).collect();
    let figures_en: Vec<String> = r.iter().map(|x| crate::money::cny(x.premium)).collect();
    let rise = if today.is_zero() {
        Decimal::ZERO
    } else {
        peak / today - Decimal::ONE
    };
    let (what_zh, what_en) = if id == "larger" {
        (format!("一起较大{ev_zh}"), format!("one 较大 {ev_en}"))
    } else {
        (format!("一起一般{ev_zh}"), format!("one 一般 {ev_en}"))
    };
    // An enterprise already in the loaded band may see no rise at all: said as it is.
    let (tail_zh, tail_en) = if rise > Decimal::ZERO {
        (
            format!("最高比今天高 {}", pct(rise, 0)),
            format!("at most {} above today", pct(rise, 0)),
        )
    } else {
        (
            "均不高于今天的保费".to_string(),
            "none above today's premium".to_string(),
        )
    };
    (
        format!(
            "明年若发生{what_zh}，此后三次续保的保费预计为 {}，{tail_zh}。",
            figures_zh.join("、")
        ),
        format!(
            "With {what_en} next year, the next three renewals are expected at {}: {tail_en}.",
            figures_en.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(o: &str) -> HistoryYear {
        HistoryYear {
            ordinary: o.into(),
            ..HistoryYear::default()
        }
    }

    #[test]
    fn the_window_slides_one_year_per_renewal() {
        let old = vec![year("a"), year("b"), year("c")];
        let coming = year("x");
        let at = |y| -> Vec<String> {
            moved(&old, &coming, y, Line::WorkSafety)
                .into_iter()
                .map(|h| h.ordinary)
                .collect()
        };
        assert_eq!(at(1), ["x", "a", "b"]);
        assert_eq!(at(2), ["0", "x", "a"]);
        assert_eq!(at(3), ["0", "0", "x"]);
        // No history entered: the years that pass are the only ones known.
        assert_eq!(moved(&[], &coming, 2, Line::Environmental).len(), 2);
        assert_eq!(clean(Line::Environmental).deaths, "");
    }
}
