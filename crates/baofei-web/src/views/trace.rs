//! The calculation trace: every step with its parameter, value and source, folded by default.

use super::{badge, cite, msg};
use crate::i18n::T;
use crate::model::Lang;
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
                        <td>{ msg(lang, &s.label_zh, &s.label_en) }</td>
                        <td><code>{ s.parameter.clone() }</code></td>
                        <td>{ s.value.clone() } if s.illustrative { { badge(tr) } }</td>
                        <td>{ for s.source.iter().map(cite) }{ for s.note.iter().map(|n| html! { <small class="bf-note">{ n.clone() }</small> }) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
            <p class="bf-hint">{ format!("{}: engine {} · statutes {} · {}", tr.rules_version, q.engine_version, q.statutes_version, q.pack) }</p>
        </details>
    }
}
