//! Contract terms: the intermediary's commission, who pays, surrender and late renewal.

use super::check::*;
use super::input::*;
use super::law::*;
use super::read::*;
use crate::citation::known;
use rust_decimal::Decimal;

pub(super) fn commission(o: &Offer, cap: Option<Law>) -> Option<Check> {
    let c = o.commission?;
    let cap = cap?;
    // The offer states the commission in percent; the rule is a share of the premium.
    let limit = crate::money::pct(cap.value, 2);
    let source = cap.sources;
    Some(if c > cap.value * Decimal::ONE_HUNDRED {
        check(
            "commission",
            Verdict::Fails,
            true,
            format!("中介手续费 {c}% 超过 {limit} 的上限。"),
            format!("The intermediary commission of {c}% is above the {limit} cap."),
            source,
        )
        .ask(
            format!("请将中介手续费降至不超过保费的 {limit}。"),
            format!(
                "Please bring the intermediary commission down to at most {limit} of the premium."
            ),
        )
    } else {
        check(
            "commission",
            Verdict::Meets,
            true,
            format!("中介手续费 {c}% 不超过 {limit}。"),
            format!("The intermediary commission of {c}% is within the {limit} cap."),
            source,
        )
    })
}

pub(super) fn payer(o: &Offer) -> Check {
    let source = vec![known::c27("第六条")];
    let c = match o.payer {
        Some("enterprise") => check(
            "payer",
            Verdict::Meets,
            true,
            "保费由企业全额承担。".into(),
            "The enterprise pays the whole premium.".into(),
            source,
        ),
        Some(k) => {
            let (_, zh, en) = PAYERS
                .iter()
                .find(|(x, _, _)| *x == k)
                .copied()
                .unwrap_or(PAYERS[1]);
            check(
                "payer",
                Verdict::Fails,
                true,
                format!("保费{zh}；保费应由企业全额缴纳，不得向从业人员摊派(可在安全生产费用中列支)。"),
                format!("The premium is {en}; the enterprise must pay it in full and may not charge any of it to staff (it may come from the safety production fund)."),
                source,
            )
        }
        None => check(
            "payer",
            Verdict::Unclear,
            true,
            "报价未写明保费由谁承担。".into(),
            "The offer does not say who pays the premium.".into(),
            source,
        ),
    };
    c.ask(
        "保费是否全部由企业承担，不向从业人员摊派？",
        "Is the premium paid entirely by the enterprise, with nothing charged to employees?",
    )
}

pub(super) fn lapse(o: &Offer) -> Check {
    let source = vec![known::c27("第十六条")];
    let c = match o.lapse {
        Some(false) => check(
            "lapse",
            Verdict::Meets,
            true,
            "合同没有退保或延迟续保的约定。".into(),
            "The contract has no surrender or late-renewal clause.".into(),
            source,
        ),
        Some(true) => check(
            "lapse",
            Verdict::Fails,
            true,
            "合同允许中途退保或延迟续保；除依法关闭或完全停产停业外，不得退保或延迟续保。".into(),
            "The contract allows surrender or late renewal; neither is allowed unless the unit is closed by law or fully stops operating.".into(),
            source,
        ),
        None => check(
            "lapse",
            Verdict::Unclear,
            true,
            "不清楚合同是否有退保或延迟续保的约定。".into(),
            "It is not known whether the contract allows surrender or late renewal.".into(),
            source,
        ),
    };
    c.ask(
        "合同是否允许中途退保或延迟续保？请删除此类约定。",
        "Does the contract allow surrender or late renewal? Please remove any such clause.",
    )
}
