//! The breakdown under the premium: 3 to 6 plain lines and a small chart of the same figures, drawn
//! as inline SVG (no script, no style attribute: it prints, and it passes the strict CSP). The lines
//! are the chart's text alternative.

use crate::breakdown::{breakdown, scale, Kind};
use crate::model::{fmt_money, Lang};
use baofei_core::Quote;
use yew::prelude::*;

/// Width of the chart's bar area, in SVG units.
const BARS: u32 = 180;
/// Where the bars start (labels to the left).
const LEFT: u32 = 130;
/// Height of one row.
const ROW: u32 = 20;

/// Where the premium comes from.
pub fn breakdown_view(lang: Lang, q: &Quote) -> Html {
    let b = breakdown(q, lang);
    let zh = lang == Lang::Zh;
    let max = b
        .bars
        .iter()
        .map(|x| x.value)
        .chain([b.band.1])
        .fold(q.guided_premium, |m, v| m.max(v));
    let height = ROW * b.bars.len() as u32 + 8;
    let x_low = LEFT + scale(b.band.0, max, BARS);
    let x_high = LEFT + scale(b.band.1, max, BARS);
    let (band_zh, band_en) = crate::breakdown::band_words(q);
    let title = if zh {
        format!(
            "保费构成图：指导保费 {} 经各浮动因素到保费 {}；虚线为{band_zh} {}–{}",
            fmt_money(q.guided_premium, lang),
            fmt_money(q.premium, lang),
            fmt_money(b.band.0, lang),
            fmt_money(b.band.1, lang)
        )
    } else {
        format!(
            "Where the premium comes from: guided premium {} through each floating factor to the premium {}; dashed lines: the {band_en} {}–{}",
            fmt_money(q.guided_premium, lang),
            fmt_money(q.premium, lang),
            fmt_money(b.band.0, lang),
            fmt_money(b.band.1, lang)
        )
    };
    html! {
        <div class="bf-breakdown" id="breakdown" tabindex="-1">
            <h3>{ if zh { "保费怎么来的" } else { "How the premium is made up" } }</h3>
            <ol class="bf-breakdown-lines">
                { for b.lines.iter().map(|l| html! {
                    <li class={classes!(match l.kind { Kind::Guided => "bd-guided", Kind::Factor => "bd-factor", Kind::Band => "bd-band", Kind::Premium => "bd-premium" })}>
                        <span class="bd-label">{ l.label.clone() }</span>{ " " }<strong class="bd-effect">{ l.effect.clone() }</strong>
                    </li>
                }) }
            </ol>
            <svg class="bf-chart" role="img" aria-labelledby="bd-chart-title" viewBox={format!("0 0 {} {height}", LEFT + BARS + 4)}
                xmlns="http://www.w3.org/2000/svg">
                <title id="bd-chart-title">{ title }</title>
                <rect class="bd-band" x={x_low.to_string()} y="0" width={(x_high.saturating_sub(x_low)).max(1).to_string()} height={height.to_string()} />
                { for b.bars.iter().enumerate().map(|(i, bar)| {
                    let y = 4 + ROW * i as u32;
                    let w = scale(bar.value, max, BARS).max(1);
                    let class = match bar.kind { Kind::Guided => "bd-bar bd-guided", Kind::Premium => "bd-bar bd-premium", _ => "bd-bar" };
                    let label: String = bar.label.chars().take(if zh { 9 } else { 20 }).collect();
                    html! {
                        <g>
                            <text class="bd-text" x="0" y={(y + 12).to_string()}>{ label }</text>
                            <rect class={class} x={LEFT.to_string()} y={y.to_string()} width={w.to_string()} height={(ROW - 6).to_string()} rx="2" />
                        </g>
                    }
                }) }
                <line class="bd-limit" x1={x_low.to_string()} x2={x_low.to_string()} y1="0" y2={height.to_string()} />
                <line class="bd-limit" x1={x_high.to_string()} x2={x_high.to_string()} y1="0" y2={height.to_string()} />
            </svg>
        </div>
    }
}
