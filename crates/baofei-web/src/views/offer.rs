//! Checking an offer the enterprise received (issue 17): the offer's fields, then each check with its
//! verdict, citation and the question to ask the insurer. The enterprise's facts are the form's above,
//! so one share link carries both; the engine does every check ([`baofei_core::offer`]).

use super::form::{checkbox, select_field, text_field_ph};
use super::{cited, msg, reference, Cx};
use crate::model::Lang;
use crate::state::Action;
use baofei_core::fields::Field as F;
use baofei_core::offer::{OfferCheck, Verdict, COVER_ITEMS};
use baofei_core::output::Service;
use baofei_core::Errors;
use yew::prelude::*;

/// A verdict's label and CSS class.
fn verdict_label(lang: Lang, v: Verdict) -> (String, &'static str) {
    match v {
        Verdict::Meets => (msg(lang, "符合", "Meets"), "v-meets"),
        Verdict::Fails => (msg(lang, "不符合", "Fails"), "v-fails"),
        Verdict::Unclear => (msg(lang, "无法判断", "Cannot tell"), "v-unclear"),
    }
}

/// The offer panel. `owed` are the prevention services this enterprise is owed (from the quote, or
/// what still holds without one); `check` is the engine's answer when the form holds an offer.
pub fn offer_view(
    cx: &Cx<'_>,
    open: bool,
    owed: &[Service],
    check: Option<&Result<OfferCheck, Errors>>,
) -> Html {
    let (lang, f) = (cx.lang, cx.form);
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    let t = |key: &str,
             label: String,
             unit: &str,
             mode: &str,
             hint: Option<String>,
             ph: Option<String>| {
        text_field_ph(cx, key, &label, unit, mode, hint.as_deref(), ph)
    };
    let yes_no = |unknown: &str, unknown_en: &str, yes: (&str, &str), no: (&str, &str)| {
        vec![
            (String::new(), m(unknown, unknown_en)),
            ("yes".to_string(), m(yes.0, yes.1)),
            ("no".to_string(), m(no.0, no.1)),
        ]
    };
    let employees = f.value(F::Employees).trim().to_string();
    let has = f.has_offer();
    let clear = {
        let d = cx.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ClearOffer))
    };
    html! {
        // A named section: the standalone page's content all sits in landmarks (an embed adds none).
        <section class={classes!("bf-offer-wrap", (!has).then_some("no-print"))} aria-labelledby={cx.standalone.then_some("offer-h")}>
        <details class="bf-offer" id="offer" {open}>
            <summary><h2 id="offer-h">{ m("核对收到的报价", "Check an offer you received") }</h2></summary>
            <p class="bf-hint">{ m(
                "把保险公司报价单或保单草稿上的内容填进来，逐项对照法规核对；企业情况取自上方表单，分享链接同时保存两者。没写明的项留空，结果会列出要问保险公司的问题。",
                "Copy what the insurer's offer or draft policy says; each item is checked against the rules. The enterprise's facts come from the form above, and the share link keeps both. Leave out what the offer does not say: the result lists the questions to ask.",
            ) }</p>
            if matches!(check, Some(Ok(_))) {
                <p class="no-print"><a href="#offer-verdict">{ m("查看核对结果 ↓", "See the result ↓") }</a></p>
            }
            <div class="bf-offer-form no-print">
                <fieldset>
                    <legend>{ m("保单", "Policy") }</legend>
                    { t("o.ins", m("保险公司", "Insurer"), "", "text", None, None) }
                    { t("o.start", m("保险起期", "Policy start"), "", "numeric", Some(m(&format!("YYYY-MM-DD；留空则取上方保单起期({})", f.value(F::AsOf)), &format!("YYYY-MM-DD; the form's policy start ({}) when empty", f.value(F::AsOf)))), None) }
                    { t("o.end", m("保险止期", "Policy end"), "", "numeric", Some(m("YYYY-MM-DD", "YYYY-MM-DD")), None) }
                    { t("o.prem", m("报价年保费", "Annual premium offered"), m("元", "CNY").as_str(), "decimal", None, None) }
                    { t("o.pp", m("每人死亡伤残限额", "Per-person death/disability limit"), m("万元", "×10k CNY").as_str(), "decimal", None, None) }
                    { t("o.agg", m("累计赔偿限额", "Aggregate limit"), m("万元", "×10k CNY").as_str(), "decimal", None, None) }
                    { t("o.pa", m("每次事故赔偿限额", "Per-accident limit"), m("万元", "×10k CNY").as_str(), "decimal", None, None) }
                </fieldset>
                <fieldset>
                    <legend>{ m("投保人员", "Who is insured") }</legend>
                    { t("o.n", m("投保人数", "People insured"), m("人", "").as_str(), "numeric",
                        (!employees.is_empty()).then(|| m(&format!("从业人员 {employees} 人"), &format!("{employees} employees"))), None) }
                    { select_field(cx, "o.uni", &m("全员统一保险金额", "One sum for everyone"), yes_no("未写明", "Not stated", ("是", "Yes"), ("否(按岗位或用工形式不同)", "No (differs by post or employment form)")), None) }
                </fieldset>
                <fieldset class="bf-covers">
                    <legend>{ m("保障项目(报价列明的打勾)", "Covered items (tick what the offer lists)") }</legend>
                    { for COVER_ITEMS.iter().map(|(k, zh, en)| checkbox(cx, &format!("o.c.{k}"), &m(zh, en))) }
                </fieldset>
                <fieldset>
                    <legend>{ m("事故预防服务(每年次数)", "Prevention services (times a year)") }</legend>
                    { for owed.iter().map(|s| {
                        let need = if s.per_year == 0 { m("要求：按合同约定", "required: as agreed") } else { m(&format!("要求：每年至少 {} 次", s.per_year), &format!("required: at least {} a year", s.per_year)) };
                        t(&format!("o.s.{}", s.id), m(&s.name_zh, &s.name_en), m("次/年", "/yr").as_str(), "numeric", Some(need), None)
                    }) }
                    { select_field(cx, "o.w", &m("服务内容和频次写入合同", "Content and frequency in the contract"), yes_no("未写明", "Not stated", ("已写入", "Yes"), ("未写入", "No")), None) }
                    { t("o.spend", m("事故预防费用", "Prevention spending"), m("元", "CNY").as_str(), "decimal", Some(m("报价写明时填写", "if the offer states it")), None) }
                </fieldset>
                <fieldset>
                    <legend>{ m("其他条款", "Other terms") }</legend>
                    { t("o.com", m("中介手续费", "Intermediary commission"), "%", "decimal", Some(m("报价写明时填写", "if the offer states it")), None) }
                    { select_field(cx, "o.pay", &m("保费由谁承担", "Who pays the premium"), vec![
                        (String::new(), m("未写明", "Not stated")),
                        ("enterprise".into(), m("企业全额承担", "The enterprise, in full")),
                        ("employees".into(), m("向从业人员摊派", "Charged to employees")),
                        ("shared".into(), m("企业与从业人员分担", "Shared with employees")),
                    ], None) }
                    { select_field(cx, "o.lapse", &m("允许中途退保或延迟续保", "Allows surrender or late renewal"), yes_no("未写明", "Not stated", ("有此约定", "Yes"), ("没有", "No")), None) }
                </fieldset>
                if has { <button type="button" id="offer-clear" onclick={clear}>{ m("清空报价", "Clear the offer") }</button> }
            </div>
            <div id="offer-result" aria-live="polite">
                { result_view(cx, owed, check) }
            </div>
        </details>
        </section>
    }
}

fn result_view(cx: &Cx<'_>, owed: &[Service], check: Option<&Result<OfferCheck, Errors>>) -> Html {
    let lang = cx.lang;
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    match check {
        None => {
            html! { <p class="bf-hint">{ m("填入报价内容后，这里显示逐项核对结果。", "Fill in the offer to see each item checked here.") }</p> }
        }
        Some(Err(e)) => {
            // Offer fields show their own errors; a problem with the enterprise is shown in the form.
            let elsewhere = e.0.iter().any(|x| !x.field.starts_with("offer."));
            // A promised service the form has no input for (from a link, or kept across a change of
            // region) has no field to show its error at: it is listed here (security review N2).
            let unplaced: Vec<_> =
                e.0.iter()
                    .filter(|x| {
                        x.field
                            .strip_prefix("offer.services.")
                            .is_some_and(|id| !owed.iter().any(|o| o.id == id))
                    })
                    .collect();
            html! { <div class="bf-err" id="offer-error"><p>{
                if elsewhere { m("请先更正上方企业情况中标出的问题。", "Correct the marked problems in the enterprise's facts above first.") }
                else { m("请更正报价中标出的问题。", "Correct the marked problems in the offer.") }
            }</p>
            if !unplaced.is_empty() {
                <ul>{ for unplaced.iter().map(|x| html! { <li>{ m(&x.message_zh, &x.message_en) }</li> }) }</ul>
                <p>{ m("“清空报价”可移除这些内容。", "\"Clear the offer\" removes them.") }</p>
            }
            </div> }
        }
        Some(Ok(c)) => {
            let (label, class) = verdict_label(lang, c.verdict);
            html! {
                <>
                    <p class={classes!("bf-offer-verdict", class)} id="offer-verdict" data-verdict={c.verdict.key()}>
                        <strong>{ label }</strong>{ " " }{ m(&c.summary_zh, &c.summary_en) }
                    </p>
                    // The insurer's name is what was typed or came with a link: never inside the tool's
                    // verdict, where a link could make it read as the tool's own words (security N1).
                    if !c.insurer.is_empty() {
                        <p class="bf-hint" id="offer-insurer">{ m("报价单上的保险公司(您填写或来自链接，本工具未核实)：", "Insurer on the offer (as typed or from a link; not verified by this tool): ") }<q>{ c.insurer.clone() }</q></p>
                    }
                    <ol class="bf-checks" id="offer-checks">
                    { for c.checks.iter().map(|k| {
                        // A difference from our illustrative parameters is not a breach: it reads so.
                        let (label, class) = if !k.legal && k.verdict == Verdict::Fails {
                            (m("与参考不符", "Differs (indicative)"), "v-unclear")
                        } else {
                            verdict_label(lang, k.verdict)
                        };
                        html! {
                            <li data-check={k.id.clone()} data-verdict={k.verdict.key()}>
                                <span class={classes!("bf-verdict", class)}>{ label }</span>
                                if !k.legal { <span class="bf-ill" title={m("依据示意参数(费率或服务频次)：仅供参考，不能据此认定违法", "rests on an illustrative parameter (rate or frequency): indicative, proves no breach")}>{ m("参考", "indicative") }</span> }
                                { " " }{ m(&k.zh, &k.en) }
                                { cited(lang, &k.sources) }
                                { for k.reference.iter().map(|r| reference(lang, r)) }
                                if let (Some(qz), Some(qe)) = (&k.question_zh, &k.question_en) {
                                    <p class="bf-ask"><strong>{ m("问保险公司：", "Ask the insurer: ") }</strong>{ m(qz, qe) }</p>
                                }
                            </li>
                        }
                    }) }
                    </ol>
                    <p class="bf-hint">{ m(
                        "核对依据公开法规及本工具的估算；标“参考”的保费比较以示意费率为准，不能据此认定违法。以保险公司备案条款和费率为准。",
                        "The check applies published rules and this tool's estimate; the premium comparison marked \"indicative\" rests on illustrative rates and proves no breach. The insurer's filed terms and rates decide.",
                    ) }</p>
                </>
            }
        }
    }
}
