//! Related schemes (the local opinions that relate 安责险 and 环责险 to other cover), each cited.

use super::cite;
use crate::i18n::T;
use crate::model::Lang;
use baofei_core::domain::Line;
use baofei_core::Citation;
use yew::prelude::*;

/// Sources of the related-scheme texts in `T::related`.
fn related_sources() -> [Citation; 3] {
    [
        Citation {
            document: "关于“要求将保险主体的防灾减灾工作纳入应急管理机制中”的建议答复函".into(),
            number: Some("中山应急函〔2020〕373号".into()),
            article: Some("二(一)1".into()),
            url: None,
            host: false,
        },
        Citation {
            document: "长春市生态环境局对市政协十四届二次会议第329号委员提案的答复".into(),
            number: Some("吉环文〔2019〕170号(所引方案)".into()),
            article: Some("一(五)".into()),
            url: None,
            host: false,
        },
        Citation {
            document: "重庆市生态环境局关于市五届人大四次会议第0304号建议办理情况的答复函".into(),
            number: Some("渝环函〔2021〕294号".into()),
            article: Some("一".into()),
            url: None,
            host: false,
        },
    ]
}

/// Where and for which line each related scheme applies: Zhongshan's catastrophe pilot sits with the
/// emergency bureau beside 安责险; Changchun's and Chongqing's schemes concern 环责险. Only the chosen
/// region's and line's are shown (issue 14 point 6), so that a Hunan quote sheet does not carry
/// Chongqing's green-insurance figures, nor a 安责险 sheet a pollution scheme.
const RELATED_SCOPE: [(&str, Line); 3] = [
    ("guangdong_zhongshan", Line::WorkSafety),
    ("jilin", Line::Environmental),
    ("chongqing", Line::Environmental),
];

/// The related-schemes section (nothing when none applies to `region` and `line`, the form's keys).
pub fn related_view(tr: &T, lang: Lang, standalone: bool, region: &str, line: Line) -> Html {
    let items: Vec<Html> = tr
        .related
        .iter()
        .zip(related_sources())
        .zip(RELATED_SCOPE)
        .filter(|(_, scope)| *scope == (region, line))
        .map(|((text, c), _)| html! { <li>{ *text }{ " · " }{ cite(lang, &c) }</li> })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="bf-related" aria-labelledby={standalone.then_some("related-h")}>
            <h2 id="related-h">{ tr.related_heading }</h2>
            <ul>{ for items }</ul>
        </section>
    }
}
