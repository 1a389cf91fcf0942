//! The top layer: what front ends call. A quote is the price (the [`crate::pricing`] pipeline) plus the
//! guidance notes that apply and the next steps, each priced by running the pipeline again on the
//! improved enterprise; a self-assessment is that quote plus the questionnaire's gaps.

use crate::assess::{evaluate, Assessment};
use crate::date::Date;
use crate::domain::{Line, SizeClass};
use crate::error::Errors;
use crate::guidance;
use crate::input::{plain_number, size_from_employees, Enterprise, QuoteInput};
use crate::map::SortedMap;
use crate::output::{Known, Message, Quote};
use crate::pricing::{self, price, unknown_names};
use crate::rules::Rules;

/// Quotes one enterprise.
pub fn quote(rules: &Rules, input: &QuoteInput) -> Result<Quote, Errors> {
    let e = validate(rules, input)?;
    quote_enterprise(rules, &e)
}

/// The input checked, with an unknown region or sector reported beside every other problem.
fn validate(rules: &Rules, input: &QuoteInput) -> Result<Enterprise, Errors> {
    input.validate().map_err(|mut errs| {
        errs.0.extend(unknown_names(
            rules.statutes(),
            &input.region,
            &input.sector,
        ));
        errs
    })
}

/// Quotes one enterprise for batch use: every figure, flag and warning of [`quote`], but no trace,
/// guidance notes, next steps, legal-basis texts, service list or source list (none of which a batch
/// row shows), at a fraction of the cost. A property test checks the figures are the same.
pub fn quote_brief(rules: &Rules, input: &QuoteInput) -> Result<Quote, Errors> {
    price(rules, &validate(rules, input)?, pricing::BRIEF)
}

/// Every figure and flag of [`quote`] and nothing else: no warnings or assumptions either, and errors
/// with their field and code but no message (what the first look's card needs, issue 31: it shows a
/// state's figures or nothing). A build that prices only through this carries none of the code that
/// writes the engine's prose. Property tests hold its figures equal to [`quote_brief`]'s and its
/// refusals to [`quote`]'s.
pub fn quote_figures(rules: &Rules, input: &QuoteInput) -> Result<Quote, Errors> {
    pricing::price_figures(rules, &input.validate_quietly()?)
}

/// Quotes an already validated enterprise: the price, then the guidance notes that apply and the next
/// steps, each priced by running the engine again on the improved enterprise.
pub fn quote_enterprise(rules: &Rules, e: &Enterprise) -> Result<Quote, Errors> {
    let mut q = price(rules, e, pricing::TRACE)?;
    q.notes = guidance::notes(rules.statutes(), e, q.obligation.level);
    if let Some(n) = no_local_rules(rules, e) {
        q.notes.insert(0, n);
    }
    q.next_steps = guidance::next_steps(rules, e, &q)?;
    Ok(q)
}

/// For a region whose own rules for the enterprise's line are not in the data (most provinces): a
/// plain note that the national rules of that line apply, naming them, so that no one reads the
/// absence of local figures as "no rules here". The rules named and cited are the national obligation
/// rules of the enterprise's own line and sector on the date, read from the statutes (never a fixed
/// text: the 环责险 duty comes from the environmental statutes, not the work-safety measures). A
/// region with only a pricing table of its own still gets it: the statutes are what the note is about.
pub fn no_local_rules(rules: &Rules, e: &Enterprise) -> Option<Message> {
    let st = rules.statutes();
    if e.region == "national" || st.local_rules(&st.chain(&e.region), e.line) {
        return None;
    }
    let sector = st.sector(&e.sector)?;
    // The national rules alone: an empty place matches only rules with no region.
    let national = crate::pricing::obligation::obligation_of(st, &[], sector, e.as_of);
    let mut docs: Vec<String> = Vec::new();
    for b in &national.basis {
        if let Some(c) = &b.source {
            let name = match &c.number {
                Some(n) => format!("《{}》({n})", c.document),
                None => format!("《{}》", c.document),
            };
            if !docs.contains(&name) {
                docs.push(name);
            }
        }
    }
    let (line_zh, line_en) = match e.line {
        Line::WorkSafety => ("安全生产责任保险", "work-safety liability insurance"),
        Line::Environmental => (
            "环境污染责任保险",
            "environmental pollution liability insurance",
        ),
    };
    let (zh, en) = if docs.is_empty() {
        (
            format!("本地区暂未收录{line_zh}的地方规定，适用全国规定。"),
            format!("No local rules on {line_en} for this region are in our data yet: the national rules apply."),
        )
    } else {
        (
            format!(
                "本地区暂未收录{line_zh}的地方规定，适用全国规定：{}。",
                docs.join("、")
            ),
            format!(
                "No local rules on {line_en} for this region are in our data yet: the national rules apply ({}).",
                docs.join(", ")
            ),
        )
    };
    Some(Message {
        code: "no_local_rules".into(),
        zh,
        en,
        // The most recent national rule of the line, the one the basis lists first.
        source: national.basis.first().and_then(|b| b.source.clone()),
        field: None,
    })
}

/// Runs the self-assessment for an input (already carrying the answers, see
/// [`crate::assess::apply_answers`]): the full quote and the assessment against it.
pub fn assess(
    rules: &Rules,
    input: &QuoteInput,
    answers: &SortedMap<String, String>,
) -> Result<(Quote, Assessment), Errors> {
    let e = validate(rules, input)?;
    let current = quote_enterprise(rules, &e)?;
    let assessment = evaluate(rules.statutes(), &e, &current, answers);
    Ok((current, assessment))
}

/// What can still be said when [`quote`] fails: see [`Known`]. `None` when the date, region or
/// sector themselves are not usable (then nothing holds).
pub fn known(rules: &Rules, input: &QuoteInput) -> Option<Known> {
    let st = rules.statutes();
    let as_of = Date::parse(input.as_of.trim())?;
    let region = input.region.trim();
    st.regions.iter().find(|r| r.id == region)?;
    let sector = st.sector(input.sector.trim())?;
    if sector.line.key() != input.line.trim() {
        return None;
    }
    let size = SizeClass::ALL
        .into_iter()
        .find(|s| s.key() == input.size_class.trim())
        .or_else(|| {
            plain_number(&input.employees)
                .parse::<u32>()
                .ok()
                .map(size_from_employees)
        });
    Some(pricing::known(st, as_of, region, sector, size))
}
