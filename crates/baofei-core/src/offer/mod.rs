//! Checking an offer an insurer made (issue 17): is the 安责险 quote in the enterprise's hand lawful,
//! and how does its premium compare with the estimate? Each check gives a verdict (meets / fails /
//! cannot tell), the rule it applies with its citation, a plain sentence and, where the answer is not
//! "meets", the question to put to the insurer.
//!
//! The enterprise's facts are the quote form's ([`QuoteInput`]); the offer's dates and limits replace
//! the form's policy start and limits, so the estimate it is compared with is priced for the cover
//! offered, under the rules in force on the offer's start date. Legal requirements ("legal": true)
//! decide the verdict; the premium comparison is indicative where our rates are illustrative.

mod check;
mod compare;
mod cover;
pub mod from_json;
mod input;
mod law;
mod price;
mod read;
mod services;
mod terms;

use crate::domain::Line;
use crate::error::{ErrorCode, Errors, FieldError};
use crate::input::{plain_number, QuoteInput};
use crate::quote::quote;
use crate::rules::Rules;
pub use check::{Check, OfferCheck, Verdict};
pub use compare::{ComparedOffer, Comparison, Row};
use cover::{all_employees, covered_items, minimum_limit, period};
pub use input::{OfferInput, PromisedService, COVER_ITEMS, PAYERS};

/// How messages name an offer's field (`offer.premium` → "报价保费" / "The offered premium"), for the
/// edges that report a field before the engine reads it (the JS API's type errors).
pub fn field_name(path: &str) -> Option<crate::text::Text> {
    read::OFFER_NAMES
        .iter()
        .find(|(k, _)| *k == path)
        .map(|(_, t)| *t)
}
use law::law;
use price::premium;
use read::read;
use rust_decimal::Decimal;
use services::{prevention_fund, services, services_written};
use terms::{commission, lapse, payer};

/// Checks an offer for the enterprise `enterprise`. Bad fields of either are reported together,
/// each at its field (`offer.premium`, `employees`...).
pub fn check_offer(
    rules: &Rules,
    enterprise: &QuoteInput,
    offer: &OfferInput,
) -> Result<OfferCheck, Errors> {
    let read = read(offer);
    let mut errs = Vec::new();
    if enterprise.line.trim() == Line::Environmental.key() {
        errs.push(FieldError::new(
            "line",
            ErrorCode::Unsupported,
            "报价核对目前适用于安责险报价；环责险报价暂不支持核对",
            "The offer check covers work-safety (安责险) offers; pollution (环责险) offers are not checked yet",
        ));
    }
    // The estimate compared with is for the cover offered, on the offer's start date.
    let mut input = enterprise.clone();
    // The enterprise's fields the offer replaced, and the offer field each came from: a problem with
    // one of them is the offer's, shown at the offer's field (newcomer review 9.1: a limit typed in 元
    // into the 万元 field was reported as "correct the enterprise's facts above", where nothing was).
    let mut moved: Vec<(&str, &str, Option<Decimal>)> = Vec::new();
    if let Ok(o) = &read {
        if let Some(s) = o.start {
            input.as_of = s.to_string();
            moved.push(("as_of", "offer.start", None));
        }
        if let Some(p) = o.per_person {
            input.per_person_limit = p.to_string();
            moved.push(("per_person_limit", "offer.per_person_limit", Some(p)));
        }
        if let Some(a) = o.aggregate {
            input.aggregate_limit = a.to_string();
            moved.push(("aggregate_limit", "offer.aggregate_limit", Some(a)));
        }
    }
    // Every problem at once: the line, the enterprise's fields, then the offer's.
    let (o, q) = match (read, quote(rules, &input)) {
        (Ok(o), Ok(q)) if errs.is_empty() => (o, q),
        (read, q) => {
            errs.extend(q.err().into_iter().flat_map(|e| e.0).map(|mut e| {
                if let Some((_, to, amount)) = moved.iter().find(|(from, _, _)| e.field == *from) {
                    e.field = (*to).to_string();
                    // Ten million 元 or more per person: most likely 元 typed into the 万元 field.
                    if let Some(a) = amount.filter(|a| *a >= Decimal::from(10_000_000)) {
                        e.message_zh.push_str(&format!(
                            "。报价中的限额为 {}，本栏单位为万元：报价单写 300000 元的，请填 30",
                            crate::money::wan(a)
                        ));
                        e.message_en.push_str(&format!(
                            ". The offer's limit reads as {}: this field is in 10,000 CNY, so an offer of CNY 300,000 is entered as 30",
                            crate::money::cny(a)
                        ));
                    }
                }
                e
            }));
            errs.extend(read.err().into_iter().flatten());
            return Err(Errors(errs));
        }
    };
    // A promised service must be one this enterprise is owed, by the id the quote lists.
    let unknown: Vec<FieldError> = o
        .services
        .iter()
        .filter(|(id, _)| !q.prevention.services.iter().any(|s| s.id == *id))
        .map(|(id, _)| {
            let ids: Vec<&str> = q
                .prevention
                .services
                .iter()
                .map(|s| s.id.as_str())
                .collect();
            FieldError::new(
                format!("offer.services.{id}"),
                ErrorCode::Unknown,
                format!(
                    "未知的事故预防服务: {id}(本企业应得的服务: {})",
                    ids.join("、")
                ),
                format!(
                    "The promised services: {} is not one this enterprise is owed ({})",
                    crate::error::quoted(id),
                    ids.join(", ")
                ),
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(Errors(unknown));
    }
    let employees = plain_number(&enterprise.employees).parse::<u32>().ok();
    let basis = rules.statutes().sector(q.sector.as_str()).map(|s| s.basis);
    let rule = |p| law(rules, &q, p);
    let or = &rules.statutes().offer_rules;
    let mut checks = vec![
        minimum_limit(&q, &o),
        all_employees(&o, employees),
        period(&q, &o, basis, rule(&or.policy_term_years)),
        covered_items(&o, rule(&or.covered_items)),
        premium(&q, &o),
    ];
    checks.extend(services(&q, &o));
    checks.extend(services_written(&o, rule(&or.services_in_contract)));
    checks.extend(prevention_fund(&q, &o));
    checks.extend(commission(&o, rule(&or.commission_cap)));
    checks.push(payer(&o));
    checks.push(lapse(&o));
    let legal_failures = checks
        .iter()
        .filter(|c| c.legal && c.verdict == Verdict::Fails)
        .count();
    let open = checks
        .iter()
        .filter(|c| c.verdict != Verdict::Meets)
        .count();
    // Differences from our illustrative parameters are counted apart: they inform, they prove no breach.
    let indicative = checks
        .iter()
        .filter(|c| !c.legal && c.verdict == Verdict::Fails)
        .count();
    let (also_zh, also_en) = if indicative > 0 {
        (
            format!("另有 {indicative} 项与本工具的示意参数不一致，仅供参考。"),
            format!(
                " {indicative} more item{} differ{} from this tool's illustrative parameters (indicative only).",
                if indicative == 1 { "" } else { "s" },
                if indicative == 1 { "s" } else { "" }
            ),
        )
    } else {
        (String::new(), String::new())
    };
    let (verdict, summary_zh, summary_en) = if legal_failures > 0 {
        (
            Verdict::Fails,
            format!("报价有 {legal_failures} 项不符合法定要求，请在签约前要求保险公司更正。{also_zh}"),
            format!(
                "The offer fails {legal_failures} legal requirement{}: ask the insurer to correct it before signing.{also_en}",
                if legal_failures == 1 { "" } else { "s" }
            ),
        )
    } else if open > 0 {
        (
            Verdict::Unclear,
            format!("未发现不符合法定要求之处，但有 {open} 项无法判断或需说明，请向保险公司询问。"),
            format!(
                "No legal requirement fails, but {open} item{} cannot be told or need explaining: ask the insurer.",
                if open == 1 { "" } else { "s" }
            ),
        )
    } else {
        (
            Verdict::Meets,
            "所查各项均符合法定要求，保费在本企业适用的浮动区间内。".into(),
            "The offer meets every requirement checked, and its premium lies within this enterprise's band.".into(),
        )
    };
    let implied_float = match (o.premium, q.guided_premium.is_zero()) {
        (Some(p), false) => Some(crate::money::round_half_up(p / q.guided_premium, 4)),
        _ => None,
    };
    Ok(OfferCheck {
        verdict,
        legal_failures,
        summary_zh,
        summary_en,
        insurer: offer.insurer.trim().to_string(),
        start: q.as_of,
        end: o.end,
        premium: o.premium,
        implied_float,
        checks,
        quote: q,
    })
}

/// Most offers compared at once (the table must stay readable on a phone).
pub const MAX_OFFERS: usize = 4;

/// Compares one to four offers for the enterprise `enterprise`: each is checked on its own start date
/// as [`check_offer`] does, then ranked and tabled ([`Comparison`]). Problems are reported together:
/// the enterprise's once, at their fields; each offer's at `offers.<n>.<field>` (n from 0), its message
/// naming the offer ("报价 2：…").
pub fn compare_offers(
    rules: &Rules,
    enterprise: &QuoteInput,
    offers: &[OfferInput],
) -> Result<Comparison, Errors> {
    if offers.is_empty() || offers.len() > MAX_OFFERS {
        return Err(Errors::one(FieldError::new(
            "offers",
            ErrorCode::Invalid,
            format!("请提供 1 到 {MAX_OFFERS} 份报价(收到 {} 份)", offers.len()),
            format!(
                "The offers: give 1 to {MAX_OFFERS} offers ({} given)",
                offers.len()
            ),
        )));
    }
    let mut errs: Vec<FieldError> = Vec::new();
    let mut checked = Vec::new();
    for (i, offer) in offers.iter().enumerate() {
        match (check_offer(rules, enterprise, offer), read(offer)) {
            (Ok(check), Ok(offer)) => checked.push(compare::Checked { check, offer }),
            (Err(e), _) => {
                for mut x in e.0 {
                    if let Some(rest) = x.field.strip_prefix("offer.") {
                        x.field = format!("offers.{i}.{rest}");
                        x.message_zh = format!("报价 {}：{}", i + 1, x.message_zh);
                        x.message_en = format!("Offer {}: {}", i + 1, x.message_en);
                    }
                    // The enterprise's own problems are the same for every offer: said once.
                    if !errs
                        .iter()
                        .any(|y| y.field == x.field && y.message_en == x.message_en)
                    {
                        errs.push(x);
                    }
                }
            }
            // `check_offer` reads the offer first: a reading error is already reported above.
            (Ok(_), Err(_)) => {}
        }
    }
    if !errs.is_empty() {
        return Err(Errors(errs));
    }
    Ok(compare::compare(checked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_offer_field_is_named_with_its_label() {
        let o = OfferInput {
            premium: "abc".into(),
            covers: vec!["everything".into()],
            commission: "-3".into(),
            end: "2026-13-01".into(),
            ..OfferInput::default()
        };
        let errs = read(&o).err().unwrap();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "offer.end",
                "offer.premium",
                "offer.covers",
                "offer.commission"
            ]
        );
        assert!(
            errs.iter().all(|e| !e.message_en.contains("offer.")),
            "{errs:?}"
        );
    }
}
