//! 保费展望: what the next three renewals cost with no accident, or with one 一般 or 较大 accident in
//! the coming year (issue 32 item 5). The figures are the engine's (`baofei_core::outlook`); the chart
//! repeats the table, which is its text alternative.

use super::{msg, Cx};
use crate::model::{fmt_money, Lang};
use baofei_core::outlook::Outlook;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

/// Chart size in SVG units.
const W: i64 = 320;
const H: i64 = 120;

/// The point of a premium on the chart: x by the renewal (0 = today), y from the top, the range of the
/// figures (from a fifth below the lowest to the highest) spread over the chart's height.
fn point(i: usize, premium: Decimal, (lo, hi): (Decimal, Decimal)) -> (i64, i64) {
    let x = 30 + (i as i64) * ((W - 60) / 3);
    let y = if hi <= lo {
        H / 2
    } else {
        // Whole SVG units, rounded by the one display rounding: the chart is a picture of the table.
        let h = baofei_core::money::round_half_up(
            (premium - lo) * Decimal::from(H - 40) / (hi - lo),
            0,
        );
        H - 24 - h.to_i64().unwrap_or(0)
    };
    (x, y)
}

/// The panel.
pub fn outlook_view(cx: &Cx<'_>, o: Option<&Outlook>) -> Html {
    let Some(o) = o else { return html! {} };
    let lang = cx.lang;
    let zh = lang == Lang::Zh;
    let all = || {
        o.scenarios
            .iter()
            .flat_map(|s| s.renewals.iter().map(|r| r.premium))
    };
    let hi = all().fold(o.today, Decimal::max);
    let low = all().fold(o.today, Decimal::min);
    let max = (low - (hi - low) / Decimal::from(5), hi);
    let classes = ["ol-none", "ol-ordinary", "ol-larger"];
    html! {
        // Not printed: the quote sheet keeps to two pages; the outlook is one click away on screen.
        <section class="bf-outlook no-print" id="outlook" aria-labelledby={cx.standalone.then_some("outlook-h")}>
            <h2 id="outlook-h">{ msg(lang, "保费展望：未来三年", "Outlook: the next three years") }</h2>
            <p class="bf-hint">{ if zh { &o.note_zh } else { &o.note_en } }</p>
            <ul class="bf-outlook-says">
                { for o.scenarios.iter().map(|s| html! { <li data-scenario={s.id.clone()}>{ if zh { &s.sentence_zh } else { &s.sentence_en } }</li> }) }
            </ul>
            <svg class="bf-outlook-chart" viewBox={format!("0 0 {W} {H}")} aria-hidden="true" focusable="false">
                { for o.scenarios.iter().enumerate().map(|(k, s)| {
                    let pts: Vec<String> = std::iter::once(o.today)
                        .chain(s.renewals.iter().map(|r| r.premium))
                        .enumerate()
                        .map(|(i, p)| { let (x, y) = point(i, p, max); format!("{x},{y}") })
                        .collect();
                    html! { <polyline class={classes[k.min(2)]} points={pts.join(" ")} fill="none" /> }
                }) }
                { for (0..4).map(|i| {
                    let (x, _) = point(i, Decimal::ZERO, max);
                    let label = if i == 0 { msg(lang, "今年", "now") } else { format!("+{i}") };
                    html! { <text x={x.to_string()} y={(H - 4).to_string()} text-anchor="middle" class="bd-text">{ label }</text> }
                }) }
            </svg>
            // A narrow or large-text screen scrolls the table, never the page (reflow).
            // A named region on the standalone page only: several embeds on one host page would repeat
            // the same landmark (axe landmark-unique on demo.html).
            <div class="bf-scroll" tabindex="0" role={cx.standalone.then_some("region")} aria-label={cx.standalone.then(|| msg(lang, "未来三次续保的保费表", "Table of the next three renewals"))}>
            <table class="bf-outlook-table">
                <caption class="sr-only">{ msg(lang, "未来三次续保的估算保费", "Estimated premium at the next three renewals") }</caption>
                <thead><tr>
                    <th scope="col">{ msg(lang, "情形", "If") }</th>
                    <th scope="col">{ msg(lang, "今年", "Now") }</th>
                    { for o.scenarios[0].renewals.iter().map(|r| html! { <th scope="col">{ r.start.to_string() }</th> }) }
                </tr></thead>
                <tbody>
                { for o.scenarios.iter().enumerate().map(|(k, s)| html! {
                    <tr data-scenario={s.id.clone()}>
                        <th scope="row"><span class={classes![ "bf-key", classes[k.min(2)] ]} aria-hidden="true"></span>{ if zh { &s.label_zh } else { &s.label_en } }</th>
                        <td>{ fmt_money(o.today, lang) }</td>
                        { for s.renewals.iter().map(|r| html! { <td data-band={r.band.key()}>{ fmt_money(r.premium, lang) }</td> }) }
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
