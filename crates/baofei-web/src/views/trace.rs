//! The calculation trace: every step with its parameter, value and source, folded by default.

use super::{badge, cite, msg, reference};
use crate::i18n::T;
use crate::model::Lang;
use baofei_core::output::Step;
use baofei_core::Quote;
use yew::prelude::*;

/// Every step of the computation, cited.
pub fn trace_view(tr: &T, lang: Lang, q: &Quote) -> Html {
    html! {
        <details class="bf-trace" id="trace">
            <summary>{ tr.trace_heading }</summary>
            <p class="bf-hint">{ tr.illustrative_note }</p>
            <div class="bf-table-wrap">
            <table>
                <thead><tr><th scope="col">{ tr.step }</th><th scope="col">{ tr.parameter }</th><th scope="col">{ tr.value }</th><th scope="col">{ tr.source }</th></tr></thead>
                <tbody>
                { for q.trace.iter().map(|s| html! {
                    <tr data-step={s.id.clone()}>
                        <td data-label={tr.step}>{ msg(lang, &s.label_zh, &s.label_en) }</td>
                        <td data-label={tr.parameter}>{ msg(lang, &s.parameter_zh, &s.parameter) }</td>
                        <td data-label={tr.value}>{ shown_value(lang, s) } if s.illustrative { { badge(tr) } }
                            { for s.reference.iter().map(|r| reference(lang, r)) }</td>
                        <td data-label={tr.source} class={classes!(own_only(s).then_some("bf-own"))}>{ for s.source.iter().map(|c| cite(lang, c)) }{ for note(lang, s).map(|n| html! { <small class="bf-note">{ n }</small> }) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
            <p class="bf-hint">{ msg(
                lang,
                &format!("{}：引擎 {} · 法规数据 {} · 费率包 {}", tr.rules_version, q.engine_version, q.statutes_version, q.pack),
                &format!("{}: engine {} · statutes {} · pack {}", tr.rules_version, q.engine_version, q.statutes_version, q.pack),
            ) }</p>
        </details>
    }
}

/// An illustrative step whose only source is this tool's own assumption: the printed sheet leaves
/// the cell out (the 示意 badge and the sheet's footnote already say it; repeating the placeholder
/// on every such step pushed the sheet onto a third page).
fn own_only(s: &Step) -> bool {
    s.illustrative
        && s.source
            .iter()
            .all(|c| c.number.is_none() && c.url.is_none())
}

/// A step's note in the interface language (the data carries both; an English-only note from an
/// insurer's pack is shown as it is rather than dropped).
fn note(lang: Lang, s: &Step) -> Option<String> {
    match (lang, &s.note_zh, &s.note) {
        (Lang::Zh, Some(zh), _) => Some(zh.clone()),
        (_, _, Some(en)) => Some(en.clone()),
        (_, zh, None) => zh.clone(),
    }
}

/// A step's value as a reader reads it: a word in the reader's language, an amount of 1,000 or more
/// grouped ("400,000", "181,440.00"; newcomer review 1.16), a factor or rate as the engine wrote it.
fn shown_value(lang: Lang, s: &Step) -> String {
    use rust_decimal::Decimal;
    if let (Lang::Zh, Some(w)) = (lang, s.value_zh.as_deref()) {
        return w.to_string();
    }
    match baofei_core::money::parse_plain(&s.value).ok_or(()) {
        // The fen as the engine wrote it: "181440.00" keeps it, "400000" has none.
        Ok(d) if d.abs() >= Decimal::from(1000) && s.value.contains('.') => {
            baofei_core::money::grouped(d)
        }
        Ok(d) if d.abs() >= Decimal::from(1000) => baofei_core::money::yuan(d),
        _ => s.value.clone(),
    }
}
