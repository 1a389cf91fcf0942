//! The views, one module per panel: [`form`], [`result`] (status, figures, explanations),
//! [`breakdown`] (where the premium comes from), [`trace`],
//! [`assessment`], [`offer`] (checking an insurer's offer), [`share`] and [`related`]. They read the form and the engine's answer and dispatch
//! [`Action`]s; every rule and every number comes from `baofei-core`. Shared here: the context every
//! field needs, and how a source or an illustrative value is shown.

pub mod assessment;
pub mod breakdown;
pub mod form;
pub mod offer;
pub mod outlook;
pub mod related;
pub mod result;
pub mod share;
pub mod trace;

use crate::i18n::T;
use crate::model::{Form, Lang};
use crate::state::Action;
use baofei_core::citation::Reference;
use baofei_core::map::SortedMap;
use baofei_core::Citation;
use yew::prelude::*;

pub(crate) use crate::i18n::msg;

/// A closed vocabulary as the options of a select: each value's key and its name in `lang`, in the
/// vocabulary's own order (`keys!` in `baofei_core::domain`: no key or name typed here).
pub(crate) fn vocab<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    name: fn(T) -> baofei_core::text::Text,
    lang: Lang,
) -> Vec<(String, String)> {
    all.iter()
        .map(|&x| (key(x).to_string(), name(x).pick(lang).to_string()))
        .collect()
}

/// What every field helper needs.
pub struct Cx<'a> {
    /// The form.
    pub form: &'a Form,
    /// Field errors by form key, in the interface language.
    pub errors: &'a SortedMap<String, String>,
    /// Of those, the keys of fields that are required and still empty: asked for in a neutral
    /// prompt, not marked red, since the reader has done nothing wrong yet (newcomer 2.6: switching
    /// to construction turned the untouched 工程造价 red).
    pub needed: &'a [String],
    /// Where actions go.
    pub dispatch: &'a Callback<Action>,
    /// The strings of the interface language.
    pub tr: &'static T,
    /// The interface language.
    pub lang: Lang,
    /// False for the first frame only: explanations are left out until the figures are painted.
    pub full: bool,
    /// The standalone page (an embed adds no named landmarks to its host's page).
    pub standalone: bool,
    /// Compact mode (a sidebar): the fields that price the preset line and sector, the premium, status
    /// and minimum, and a link to the full widget for the rest (integrator review 2026-12, M6).
    pub compact: bool,
    /// Where the full widget is, for compact mode's link (the element's `link-base`, or this page).
    pub link_base: Option<&'a str>,
    /// The form key being typed into (its errors wait until the user leaves it).
    pub editing: Option<&'a str>,
    /// The elder-friendly mode (长辈版) is on.
    pub elder: bool,
    /// In that mode, the premium as shown, repeated under the field just changed so the reader sees
    /// its effect where they are (`None` when there is no premium or the mode is off).
    pub live: Option<String>,
    /// Whose rates: an insurer's pack label (Chinese, English) when one is in use.
    pub pack_label: Option<&'a (String, String)>,
    /// The rules quotes use when they are not the shipped ones (an insurer's pack, a host's local
    /// rules): the form lists their places, so a city a host's file adds can be chosen.
    pub rules: Option<&'a baofei_core::Rules>,
    /// The prerendered page's parts still standing in at this stage (only while they show this very
    /// state); the result panel reads its explanations from it.
    pub stand_in: Option<&'a StandIn>,
}

/// Parts of the prerendered page kept through the takeover (issue 15): until the stage that renders
/// each part (`hooks::paint`), these nodes, already laid out, are shown where it goes. So the takeover
/// is a chain of short tasks, and nothing on screen disappears between them.
#[derive(Clone, PartialEq, Debug)]
pub struct StandIn {
    /// The share-link fragment the page was prerendered for, without its date: the parts stand in
    /// only for that state.
    pub fragment: String,
    /// The form (`.bf-form`), shown in the first frame; what is typed into it meanwhile is carried
    /// into the widget's state when the real form replaces it.
    pub form: Option<web_sys::Element>,
    /// The result panel (`.bf-result`), shown whole until the figures' stage.
    pub result: Option<web_sys::Element>,
    /// The result panel's explanations (`.bf-explain`, inside `result`), moved into the real result
    /// panel until its own explanations are rendered.
    pub explain: Option<web_sys::Element>,
    /// The heights of the static frame's lazily laid-out panels ([`LAZY`]), in document order: the
    /// real panels start at these sizes (see [`size_like`]).
    pub heights: Vec<i32>,
}

/// The panels the browser lays out only when on or near the screen (`content-visibility: auto` in
/// styles.css). A new one that replaces a stand-in starts at the stylesheet's estimate until the
/// browser finds it on screen, one frame later: for a reader who scrolled down before the takeover,
/// the page above them shrank or grew by the difference (measured at 360 px: the form grew 948 px at
/// its stage, the result fell to 550 px for a frame at its) and the text under their eyes moved.
pub const LAZY: &str = ".bf-form fieldset + fieldset, .bf-result";

/// The content heights of `root`'s [`LAZY`] panels in hundredths of a pixel, in document order (the
/// size `contain-intrinsic-block-size` gives: without padding and border). Whole pixels were not
/// enough: a panel 1815.4 px tall stood in at 1815 and the text under a reader's eyes moved by a pixel
/// (a line's edge, at the point the test reads). Integers throughout, from the computed style's text:
/// parsing or printing an `f64` links the float formatting and parsing code, 23 KB gzip (measured).
pub fn lazy_heights(root: &web_sys::Element) -> Vec<i32> {
    let w = gloo::utils::window();
    lazy_panels(root)
        .into_iter()
        .map(|e| {
            let Some(c) = w.get_computed_style(&e).ok().flatten() else {
                return 0;
            };
            let css = |p: &str| hundredths(&c.get_property_value(p).unwrap_or_default());
            // `box-sizing: border-box` everywhere (styles.css): the height includes the edges.
            let edges: i32 = [
                "padding-top",
                "padding-bottom",
                "border-top-width",
                "border-bottom-width",
            ]
            .iter()
            .map(|p| css(p))
            .sum();
            (css("height") - edges).max(0)
        })
        .collect()
}

/// "1815.4375px" → 181543 (hundredths, truncated), without the float parser; 0 for anything else.
fn hundredths(v: &str) -> i32 {
    let n = v.trim().trim_end_matches("px");
    let (whole, frac) = n.split_once('.').unwrap_or((n, ""));
    let frac: String = frac.chars().chain("00".chars()).take(2).collect();
    match (whole.parse::<i32>(), frac.parse::<i32>()) {
        (Ok(w), Ok(f)) if w >= 0 => w.saturating_mul(100).saturating_add(f),
        _ => 0,
    }
}

/// Gives `root`'s [`LAZY`] panels the stand-ins' heights (hundredths of a pixel) as their size until
/// laid out (`auto`: the browser's own once shown), when they match one for one.
pub fn size_like(root: &web_sys::Element, heights: &[i32]) {
    let panels = lazy_panels(root);
    if panels.len() != heights.len() {
        return;
    }
    for (el, h) in panels.iter().zip(heights) {
        let _ = el.style().set_property(
            "contain-intrinsic-block-size",
            &format!("auto {}.{:02}px", h / 100, h % 100),
        );
    }
}

/// `root`'s [`LAZY`] panels, in document order.
fn lazy_panels(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(LAZY) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
        .collect()
}

/// The fields of a static (prerendered) form whose value the user changed, as (form key, value):
/// a checkbox as "1" or "", a select by its option's value.
pub fn typed_fields(root: &web_sys::Element) -> Vec<(String, String)> {
    use wasm_bindgen::JsCast;
    let mut typed = Vec::new();
    let Ok(fields) = root.query_selector_all("input[name], select[name]") else {
        return typed;
    };
    for i in 0..fields.length() {
        let Some(node) = fields.item(i) else { continue };
        if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            if input.type_() == "checkbox" {
                if input.checked() != input.default_checked() {
                    let v = if input.checked() { "1" } else { "" };
                    typed.push((input.name(), v.to_string()));
                }
            } else if input.value() != input.default_value() {
                typed.push((input.name(), input.value()));
            }
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            let default = (0..select.length())
                .filter_map(|j| select.item(j))
                .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
                .find(|o| o.default_selected())
                .map(|o| o.value());
            if default.as_deref() != Some(select.value().as_str()) {
                typed.push((select.name(), select.value()));
            }
        }
    }
    typed
}

/// A share-link fragment without its as-of date (`d=`): the prerendered figures hold for the state,
/// and the date a page is opened on is not part of what the stand-in parts show.
pub fn fragment_without_date(fragment: &str) -> String {
    fragment
        .split('&')
        .filter(|p| !p.starts_with("d="))
        .collect::<Vec<_>>()
        .join("&")
}

/// The disclaimer that fits whose rates these are: on an insurer's page it does not send the user to
/// check that insurer's filed rates with someone else (issue 16 point 3).
pub(crate) fn disclaimer(cx: &Cx<'_>) -> String {
    match cx.pack_label {
        Some((zh, en)) => msg(
            cx.lang,
            &format!("本结果按“{zh}”费率计算，仅供参考；实际保费以保险合同为准。"),
            &format!("Computed with the rates of \"{en}\", for reference; the policy decides the premium."),
        ),
        None => cx.tr.disclaimer.to_string(),
    }
}

/// The privacy note (隐私说明), folded in the footer of every instance (the page, an embed, the iframe):
/// what is computed where, what is stored and how to delete it, what a link or QR code carries, and
/// whose analytics a host page runs (issue 29 point 6). Inline, so an embed needs no page of ours.
pub(crate) fn privacy_view(cx: &Cx<'_>) -> Html {
    let zh = cx.lang == Lang::Zh;
    let items: [(&str, &str); 5] = [
        ("全部计算在您的浏览器内完成：填写的内容不发送到任何服务器，本工具不设统计或跟踪代码。",
         "Everything is computed in your browser: nothing you enter is sent to any server, and Baofei runs no analytics or tracking."),
        ("只有勾选“在本机记住我的输入”后，输入才保存在本浏览器的本地存储中；取消勾选即删除。",
         "Your inputs are stored only if you tick “Remember my inputs on this device”, in this browser's local storage; unticking it deletes them."),
        ("为便于离线使用，浏览器会缓存本站的程序文件和规则(不含您的输入)；可在浏览器设置中清除本站数据。",
         "So that it works offline, your browser keeps this site's program files and rules (never your inputs); clear the site's data in the browser's settings to remove them."),
        ("分享链接和二维码中包含您填写的全部内容(在 # 之后)：收到链接的人打开后都能看到。",
         "A share link or QR code carries everything you entered (after the #): whoever receives it sees it when opening it."),
        ("嵌入本工具的网站可能有自己的统计代码，那由该网站负责，不属于本工具。",
         "A site that embeds Baofei may run its own analytics; those are the site's, not Baofei's."),
    ];
    html! {
        <details class="bf-privacy" id="privacy">
            <summary>{ if zh { "隐私说明" } else { "Privacy" } }</summary>
            <ul>{ for items.iter().map(|(a, b)| html! { <li>{ if zh { *a } else { *b } }</li> }) }</ul>
        </details>
    }
}

/// The DOM id of a form key's input.
pub(crate) fn dom_id(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

/// A source as a citation, linked when it has a web address. In English the Chinese title stays
/// (it is what the document is called) and a short gloss follows it.
pub(crate) fn cite(lang: Lang, c: &Citation) -> Html {
    // The title, then the number and article: on the printed sheet's trace a numbered document is
    // cited by its number alone (the title is long; the number finds it).
    let mut tail = String::new();
    for part in [&c.number, &c.article].into_iter().flatten() {
        tail.push(' ');
        tail.push_str(part);
    }
    // The English gloss explains the title, so the printed sheet drops it along with the title.
    let gloss = match lang {
        Lang::En => crate::i18n::gloss(&c.document).map(|g| format!(" ({g})")),
        Lang::Zh => None,
    };
    let doc_class = if c.number.is_some() {
        "doc numbered"
    } else {
        "doc"
    };
    // A host's own rule says so wherever it is cited (issue 33 point 3).
    let host = c.host.then_some(match lang {
        Lang::Zh => "(由本站提供)",
        Lang::En => " (supplied by this site)",
    });
    let body = html! { <><span class={doc_class}>{ c.document.clone() }</span>{ tail }
    if let Some(g) = gloss { <span class={doc_class}>{ g }</span> }
    if let Some(h) = host { <span class="bf-host-rule">{ h }</span> }</> };
    // Only an official copy is linked; any other address is not followed (issue 29 point 1).
    match c.official_link() {
        Some(u) => {
            html! { <cite><a href={u.to_string()} target="_blank" rel="noopener noreferrer">{ body }</a></cite> }
        }
        None => html! { <cite>{ body }</cite> },
    }
}

/// " · <cite>…</cite>" for each source: how a statement shows where it comes from.
pub(crate) fn cited<'a>(lang: Lang, sources: impl IntoIterator<Item = &'a Citation>) -> Html {
    sources
        .into_iter()
        .map(|c| html! { <>{ " · " }{ cite(lang, c) }</> })
        .collect()
}

/// The "illustrative" badge.
pub(crate) fn badge(tr: &T) -> Html {
    html! { <span class="bf-ill" title={tr.illustrative_note}>{ tr.illustrative }</span> }
}

/// Where a borrowed rule comes from, beside its figure: "参照阜阳市规定" / "reference: Fuyang".
pub fn reference(lang: Lang, r: &Reference) -> Html {
    html! { <span class="bf-ref">{ msg(lang, &r.zh, &r.en) }</span> }
}
