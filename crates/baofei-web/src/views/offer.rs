//! Checking an offer the enterprise received (issue 17): the offer's fields, then each check with its
//! verdict, citation and the question to ask the insurer. The enterprise's facts are the form's above,
//! so one share link carries both; the engine does every check ([`baofei_core::offer`]).

use super::form::{checkbox, select_field, text_field_ph};
use super::{cited, msg, reference, Cx};
use crate::model::Lang;
use crate::model::{offer_prefix, MAX_OFFERS};
use crate::outcome::OfferOutcome;
use crate::state::Action;
use baofei_core::fields::Field as F;
use baofei_core::offer::{Comparison, OfferCheck, Verdict, COVER_ITEMS};
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
/// what still holds without one); `outcome` is the engine's answer when the form holds offers: one
/// checked, or two to four compared. `shown` is how many offer forms the reader has open.
pub fn offer_view(
    cx: &Cx<'_>,
    open: bool,
    shown: usize,
    owed: &[Service],
    outcome: Option<&OfferOutcome>,
) -> Html {
    let (lang, f) = (cx.lang, cx.form);
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    let has = f.has_offer();
    let shown = shown.max(f.offer_count()).clamp(1, MAX_OFFERS);
    let clear = {
        let d = cx.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ClearOffer))
    };
    let add = {
        let d = cx.dispatch.clone();
        Callback::from(move |_| d.emit(Action::AddOffer))
    };
    html! {
        // A named section: the standalone page's content all sits in landmarks (an embed adds none).
        <section class={classes!("bf-offer-wrap", (!has).then_some("no-print"))} aria-labelledby={cx.standalone.then_some("offer-h")}>
        <details class="bf-offer" id="offer" {open}>
            <summary><h2 id="offer-h">{ m("核对收到的报价", "Check an offer you received") }</h2></summary>
            <p class="bf-hint">{ m(
                "把保险公司报价单或保单草稿上的内容填进来，逐项对照法规核对；收到几家报价的，可逐一填入(最多 4 份)并排比较。企业情况取自上方表单，分享链接同时保存两者。没写明的项留空，结果会列出要问保险公司的问题。",
                "Copy what the insurer's offer or draft policy says; each item is checked against the rules. With offers from several insurers, enter each (up to 4) to compare them side by side. The enterprise's facts come from the form above, and the share link keeps both. Leave out what the offer does not say: the result lists the questions to ask.",
            ) }</p>
            if outcome.is_some_and(|o| o.errors().is_none()) {
                <p class="no-print"><a href="#offer-result">{ m("查看核对结果 ↓", "See the result ↓") }</a></p>
            }
            { for (0..shown).map(|n| offer_form(cx, n, shown, owed)) }
            <div class="bf-offer-actions no-print">
                if shown < MAX_OFFERS {
                    <button type="button" id="offer-add" onclick={add}>{ m("+ 再添一份报价来比较", "+ Add another offer to compare") }</button>
                }
                if has { <button type="button" id="offer-clear" onclick={clear}>{ if shown > 1 { m("清空全部报价", "Clear all offers") } else { m("清空报价", "Clear the offer") } }</button> }
            </div>
            <div id="offer-result" aria-live="polite">
                { match outcome {
                    Some(OfferOutcome::Many(r)) => compare_view(cx, owed, r),
                    Some(OfferOutcome::One(r)) => result_view(cx, owed, Some(r.as_ref())),
                    None => result_view(cx, owed, None),
                } }
            </div>
        </details>
        </section>
    }
}

/// The offer panel of the standalone page's own wasm, which has no offer check (issue 31: about 30 KB
/// gzip that a first visit would load before its premium). The panel looks as in the widget, closed;
/// opening it (or a state that starts it open) asks `web/start.js` to hand the page over to the
/// widget's build (`window.baofeiOffers`), which starts from the same state (the address's fragment)
/// with the panel open and focused. Says so while it loads, and why when it cannot.
#[function_component]
pub fn OfferLoader(p: &OfferLoaderProps) -> Html {
    let lang = p.lang;
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    let failed = use_state(|| false);
    let load = {
        let failed = failed.clone();
        Callback::from(move |()| hand_over(failed.clone()))
    };
    {
        let load = load.clone();
        use_effect_with(p.open, move |open| {
            if *open {
                load.emit(());
            }
        });
    }
    let ontoggle = Callback::from(move |e: Event| {
        if e.target_dyn_into::<web_sys::Element>()
            .is_some_and(|d| d.has_attribute("open"))
        {
            load.emit(());
        }
    });
    html! {
        <section class="bf-offer-wrap no-print" aria-labelledby={p.standalone.then_some("offer-h")}>
        <details class="bf-offer" id="offer" open={p.open} {ontoggle}>
            <summary><h2 id="offer-h">{ m("核对收到的报价", "Check an offer you received") }</h2></summary>
            <p class="bf-hint">{ m(
                "把保险公司报价单或保单草稿上的内容填进来，逐项对照法规核对；收到几家报价的，可逐一填入(最多 4 份)并排比较。",
                "Copy what the insurer's offer or draft policy says; each item is checked against the rules. With offers from several insurers, enter each (up to 4) to compare them side by side.",
            ) }</p>
            <p class="bf-hint" id="offer-loading" role="status">{ if *failed {
                m("报价核对未能载入：请联网后刷新页面重试。上方的保费与最低限额不受影响。",
                  "The offer check could not load: reload the page when online. The premium and minimum limits above are not affected.")
            } else {
                m("正在载入报价核对……", "Loading the offer check…")
            } }</p>
        </details>
        </section>
    }
}

/// What [`OfferLoader`] shows.
#[derive(Properties, PartialEq)]
pub struct OfferLoaderProps {
    /// The reader's language.
    pub lang: Lang,
    /// Whether the panel starts open (the state holds offers).
    pub open: bool,
    /// Whether this is the standalone page (which names its sections).
    pub standalone: bool,
}

/// Asks the page's start script to hand over to the widget's build; `failed` is set when there is no one
/// to ask (a page without `web/start.js`), when it threw, or when it calls back that the build could not
/// be loaded (the panel then says why, in the reader's language; opening it again retries).
fn hand_over(failed: UseStateHandle<bool>) {
    use wasm_bindgen::JsCast;
    let w = gloo::utils::window();
    let asked = js_sys::Reflect::get(&w, &"baofeiOffers".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| {
            let on_fail = {
                let failed = failed.clone();
                wasm_bindgen::closure::Closure::once_into_js(move || failed.set(true))
            };
            f.call1(&w, &on_fail).is_ok()
        });
    failed.set(!asked);
}

/// The fields of offer `n` (from 0; its keys start `o.`, `o2.`…), under its own heading when several
/// are open.
fn offer_form(cx: &Cx<'_>, n: usize, shown: usize, owed: &[Service]) -> Html {
    let (lang, f) = (cx.lang, cx.form);
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    let p = offer_prefix(n);
    let k = |field: &str| format!("{p}.{field}");
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
    let remove = {
        let d = cx.dispatch.clone();
        Callback::from(move |_| d.emit(Action::RemoveOffer(n)))
    };
    html! {
            <div class="bf-offer-form no-print" id={format!("offer-form-{}", n + 1)}>
                if shown > 1 {
                    <div class="bf-offer-head">
                        <h3>{ m(&format!("报价 {}", n + 1), &format!("Offer {}", n + 1)) }</h3>
                        <button type="button" class="bf-offer-remove" id={format!("offer-remove-{}", n + 1)} onclick={remove}>{ m(&format!("删除报价 {}", n + 1), &format!("Remove offer {}", n + 1)) }</button>
                    </div>
                }
                <fieldset>
                    <legend>{ m("保单", "Policy") }</legend>
                    { t(&k("ins"), m("保险公司", "Insurer"), "", "text", None, None) }
                    { t(&k("start"), m("保险起期", "Policy start"), "", "numeric", Some(m(&format!("YYYY-MM-DD；留空则取上方保单起期({})", f.value(F::AsOf)), &format!("YYYY-MM-DD; the form's policy start ({}) when empty", f.value(F::AsOf)))), None) }
                    { t(&k("end"), m("保险止期", "Policy end"), "", "numeric", Some(m("YYYY-MM-DD", "YYYY-MM-DD")), None) }
                    { t(&k("prem"), m("报价年保费", "Annual premium offered"), m("元", "CNY").as_str(), "decimal", None, Some(m("单位：元", "in CNY"))) }
                    { t(&k("pp"), m("每人死亡伤残限额", "Per-person death/disability limit"), m("万元", "×10k CNY").as_str(), "decimal", None, Some(m("单位：万元", "in 10,000 CNY"))) }
                    { t(&k("agg"), m("累计赔偿限额", "Aggregate limit"), m("万元", "×10k CNY").as_str(), "decimal", None, Some(m("单位：万元", "in 10,000 CNY"))) }
                    { t(&k("pa"), m("每次事故赔偿限额", "Per-accident limit"), m("万元", "×10k CNY").as_str(), "decimal", None, Some(m("单位：万元", "in 10,000 CNY"))) }
                </fieldset>
                <fieldset>
                    <legend>{ m("投保人员", "Who is insured") }</legend>
                    { t(&k("n"), m("投保人数", "People insured"), m("人", "").as_str(), "numeric",
                        (!employees.is_empty()).then(|| m(&format!("从业人员 {employees} 人"), &format!("{employees} employees"))), None) }
                    { select_field(cx, &k("uni"), &m("全员统一保险金额", "One sum for everyone"), yes_no("未写明", "Not stated", ("是", "Yes"), ("否(按岗位或用工形式不同)", "No (differs by post or employment form)")), None) }
                </fieldset>
                <fieldset class="bf-covers">
                    <legend>{ m("保障项目(报价列明的打勾)", "Covered items (tick what the offer lists)") }</legend>
                    { for COVER_ITEMS.iter().map(|(c, zh, en)| checkbox(cx, &k(&format!("c.{c}")), &m(zh, en))) }
                </fieldset>
                <fieldset>
                    <legend>{ m("事故预防服务(每年次数)", "Prevention services (times a year)") }</legend>
                    { for owed.iter().map(|s| {
                        let need = if s.per_year == 0 { m("要求：按合同约定", "required: as agreed") } else { m(&format!("要求：每年至少 {} 次", s.per_year), &format!("required: at least {} a year", s.per_year)) };
                        t(&k(&format!("s.{}", s.id)), m(&s.name_zh, &s.name_en), m("次/年", "/yr").as_str(), "numeric", Some(need), None)
                    }) }
                    { select_field(cx, &k("w"), &m("服务内容和频次写入合同", "Content and frequency in the contract"), yes_no("未写明", "Not stated", ("已写入", "Yes"), ("未写入", "No")), None) }
                    { t(&k("spend"), m("事故预防费用", "Prevention spending"), m("元", "CNY").as_str(), "decimal", Some(m("报价写明时填写", "if the offer states it")), Some(m("单位：元", "in CNY"))) }
                </fieldset>
                <fieldset>
                    <legend>{ m("其他条款", "Other terms") }</legend>
                    { t(&k("com"), m("中介手续费", "Intermediary commission"), "%", "decimal", Some(m("报价写明时填写", "if the offer states it")), None) }
                    { select_field(cx, &k("pay"), &m("保费由谁承担", "Who pays the premium"), vec![
                        (String::new(), m("未写明", "Not stated")),
                        ("enterprise".into(), m("企业全额承担", "The enterprise, in full")),
                        ("employees".into(), m("向从业人员摊派", "Charged to employees")),
                        ("shared".into(), m("企业与从业人员分担", "Shared with employees")),
                    ], None) }
                    { select_field(cx, &k("lapse"), &m("允许中途退保或延迟续保", "Allows surrender or late renewal"), yes_no("未写明", "Not stated", ("有此约定", "Yes"), ("没有", "No")), None) }
                </fieldset>
            </div>
    }
}

/// An offer's verdict as its card and the sticky bar say it: unlawful, meets, or ask.
pub fn offer_badge(lang: Lang, c: &OfferCheck) -> (String, &'static str) {
    if c.legal_failures > 0 {
        (msg(lang, "不合法", "Unlawful"), "v-fails")
    } else if c.verdict == Verdict::Meets {
        (msg(lang, "合法", "Lawful"), "v-meets")
    } else {
        (msg(lang, "合法，需问清", "Lawful, ask"), "v-unclear")
    }
}

/// Two to four offers compared: one card per offer (best first, its verdict first), the table with the
/// best lawful value of each row marked, the notes, and each offer's own checks folded in its card.
fn compare_view(cx: &Cx<'_>, owed: &[Service], r: &Result<Comparison, Errors>) -> Html {
    let lang = cx.lang;
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    let c = match r {
        Err(e) => return errors_view(cx, owed, e),
        Ok(c) => c,
    };
    let name = |i: usize| m(&format!("报价 {}", i + 1), &format!("Offer {}", i + 1));
    html! {
        <>
            <h3 id="compare-h">{ m("报价比较(按推荐顺序)", "The offers compared (best first)") }</h3>
            <ol class="bf-cards" id="compare">
            { for c.ranking.iter().map(|&i| {
                let o = &c.offers[i];
                let (label, class) = offer_badge(lang, &o.check);
                html! {
                    <li class="bf-card" data-offer={(i + 1).to_string()} data-verdict={class}>
                        <p class="bf-card-head"><span class={classes!("bf-verdict", class)}>{ label }</span>{ " " }<strong>{ name(i) }</strong>
                            if !o.check.insurer.is_empty() { { " · " }<q class="bf-typed">{ o.check.insurer.clone() }</q> }</p>
                        <p class="bf-card-says">{ m(&o.sentence_zh, &o.sentence_en) }</p>
                        <dl class="bf-card-figures">
                            { for ["premium", "per_person_limit", "cost_per_wan"].iter().filter_map(|id| c.rows.iter().find(|r| r.id == *id)).map(|r| html! {
                                <div><dt>{ m(&r.label_zh, &r.label_en) }</dt><dd>{ m(&r.cells_zh[i], &r.cells_en[i]) }{ best_mark(lang, r.best.contains(&i)) }</dd></div>
                            }) }
                        </dl>
                        <details class="bf-card-checks">
                            <summary>{ m("逐项核对", "Each item checked") }</summary>
                            { checks_list(cx, &o.check) }
                        </details>
                    </li>
                }
            }) }
            </ol>
            <div class="bf-scroll" tabindex="0" role={cx.standalone.then_some("region")} aria-label={cx.standalone.then(|| m("报价逐项对比表", "Table of the offers item by item"))}>
            <table class="bf-compare-table" id="compare-table">
                <caption class="sr-only">{ m("各报价逐项对比；★ 为合法报价中该项最优者", "The offers item by item; ★ marks the best value among the lawful offers") }</caption>
                <thead><tr><th scope="col">{ m("项目", "Item") }</th>{ for (0..c.offers.len()).map(|i| html! { <th scope="col">{ name(i) }</th> }) }</tr></thead>
                <tbody>
                { for c.rows.iter().map(|r| html! {
                    <tr data-row={r.id.clone()}>
                        <th scope="row">{ m(&r.label_zh, &r.label_en) }</th>
                        { for (0..c.offers.len()).map(|i| html! { <td class={classes!(r.best.contains(&i).then_some("bf-best"))}>{ m(&r.cells_zh[i], &r.cells_en[i]) }{ best_mark(lang, r.best.contains(&i)) }</td> }) }
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
            if !c.notes_zh.is_empty() {
                <ul class="bf-notes" id="compare-notes">{ for c.notes_zh.iter().zip(&c.notes_en).map(|(a, b)| html! { <li>{ m(a, b) }</li> }) }</ul>
            }
            <p class="bf-hint">{ m(
                "★ 为合法报价中该项最优者；不合法的报价不会被标为最优，也不会排在合法报价之前。保费比较以本工具的示意费率为准，仅供参考。",
                "★ marks the best value among the lawful offers; an unlawful offer is never marked best nor ranked above a lawful one. The premium comparison rests on this tool's illustrative rates: indicative only.",
            ) }</p>
        </>
    }
}

fn best_mark(lang: Lang, best: bool) -> Html {
    if best {
        html! { <span class="bf-star" title={msg(lang, "最优", "best")}>{ " ★" }<span class="sr-only">{ msg(lang, "(最优)", " (best)") }</span></span> }
    } else {
        html! {}
    }
}

fn result_view(cx: &Cx<'_>, owed: &[Service], check: Option<&Result<OfferCheck, Errors>>) -> Html {
    let lang = cx.lang;
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    match check {
        None => {
            html! { <p class="bf-hint">{ m("填入报价内容后，这里显示逐项核对结果。", "Fill in the offer to see each item checked here.") }</p> }
        }
        Some(Err(e)) => errors_view(cx, owed, e),
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
                    <div id="offer-checks">{ checks_list(cx, c) }</div>
                    <p class="bf-hint">{ m(
                        "核对依据公开法规及本工具的估算；标“参考”的保费比较以示意费率为准，不能据此认定违法。以保险公司备案条款和费率为准。",
                        "The check applies published rules and this tool's estimate; the premium comparison marked \"indicative\" rests on illustrative rates and proves no breach. The insurer's filed terms and rates decide.",
                    ) }</p>
                </>
            }
        }
    }
}

/// What keeps the offers from being checked: their own fields show their errors; a problem with the
/// enterprise is shown in the form above, and said so only when there is one there.
fn errors_view(cx: &Cx<'_>, owed: &[Service], e: &Errors) -> Html {
    let lang = cx.lang;
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    // Offer fields show their own errors; a problem with the enterprise is shown in the form.
    let elsewhere = e.0.iter().any(|x| !x.field.starts_with("offer"));
    // A promised service the form has no input for (from a link, or kept across a change of region) has
    // no field to show its error at: it is listed here (security review N2).
    let unplaced: Vec<_> =
        e.0.iter()
            .filter(|x| {
                crate::model::form_key(&x.field)
                    .and_then(|k| k.split_once(".s.").map(|(_, id)| id.to_string()))
                    .is_some_and(|id| !owed.iter().any(|o| o.id == id))
                    || x.field == "offers"
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

/// Each check of one offer with its verdict, citation and question.
fn checks_list(cx: &Cx<'_>, c: &OfferCheck) -> Html {
    let lang = cx.lang;
    let m = |zh: &str, en: &str| msg(lang, zh, en);
    html! {
                    <ol class="bf-checks">
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
    }
}
