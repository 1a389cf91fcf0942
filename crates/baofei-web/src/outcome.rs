//! What the engine says about the current form: the quote with the self-assessment, or every field
//! error. The widget computes nothing itself; this is the one place it calls `baofei-core`.

use crate::model::Form;
use crate::perf;
use baofei_core::assess::{apply_answers, Assessment};
use baofei_core::map::SortedMap;
use baofei_core::offer::{check_offer, OfferCheck};
use baofei_core::output::Known;
use baofei_core::quote::assess;
use baofei_core::{ErrorCode, Errors, FieldError, Quote, QuoteInput, Rules};
use std::rc::Rc;
use std::sync::OnceLock;

/// The statutes and reference pack, read once from their compact binary form (issue 31: the page's
/// wasm then carries no JSON reader; a pack or a host's file is read only in the widget's build).
/// Kept a `Result` because the instances' packs are, and the views take either alike.
pub(crate) fn rules() -> &'static Result<Rules, Errors> {
    static R: OnceLock<Result<Rules, Errors>> = OnceLock::new();
    R.get_or_init(|| Ok(baofei_rules::load_packed()))
}

/// A validated insurer pack for one instance, compared by identity.
#[derive(Clone)]
pub struct PackState(pub Rc<Result<Rules, Errors>>);

impl PartialEq for PackState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A host's local-rules file for one instance (issue 33), compared by identity: used (the rules it
/// quotes under, with its place and publisher) or refused (every error; the shipped rules apply).
#[derive(Clone)]
pub struct LocalState(pub Rc<LocalOutcome>);

impl PartialEq for LocalState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What became of a host's local-rules file.
pub enum LocalOutcome {
    /// Accepted: quotes use these rules (the insurer's pack, if any, with the local rules merged).
    Used {
        /// The rules to quote under.
        rules: PackState,
        /// The place the file is for, in both languages.
        place: (String, String),
        /// Who publishes it, in both languages.
        publisher: (String, String),
    },
    /// Refused (or not loaded): every problem; the shipped rules stay in force.
    Refused(Errors),
}

impl LocalState {
    /// Checks a local-rules file (JSON text) against `base` (the instance's pack, or the shipped rules).
    pub fn check(text: &str, base: &Rules) -> LocalState {
        let out = baofei_rules::parse_local_rules(text).and_then(|l| {
            let merged = base.with_local(&l)?;
            let place = merged
                .statutes()
                .regions
                .iter()
                .find(|r| r.id == l.region)
                .map(|r| (r.name_zh.clone(), r.name_en.clone()))
                .unwrap_or_else(|| (l.region.clone(), l.region.clone()));
            Ok(LocalOutcome::Used {
                rules: PackState(Rc::new(Ok(merged))),
                place,
                publisher: (l.publisher.zh, l.publisher.en),
            })
        });
        LocalState(Rc::new(out.unwrap_or_else(LocalOutcome::Refused)))
    }

    /// The rules quotes use when the file was accepted.
    pub fn rules(&self) -> Option<&PackState> {
        match self.0.as_ref() {
            LocalOutcome::Used { rules, .. } => Some(rules),
            LocalOutcome::Refused(_) => None,
        }
    }
}

/// Engine output for the current form: the quote (with the self-assessment) or every field error.
#[derive(PartialEq)]
pub struct Outcome(
    pub Result<(Quote, Assessment), Errors>,
    /// When there is no quote: what still holds (status, legal basis, minimum, prevention rules).
    pub Option<Known>,
);

/// Questionnaire answers: the explicit ones plus those the form already states (grades, blacklist,
/// rectification), so the two can never disagree (shared with the first look's card).
fn answers(form: &Form) -> SortedMap<String, String> {
    crate::first::engine_answers(form)
}

/// The engine's answer for `form`, under an insurer's pack if one was given (timed for the benchmark).
pub fn compute(form: &Form, pack: Option<&PackState>) -> Outcome {
    perf::mark("baofei:engine-start");
    let out = compute_inner(form, pack);
    perf::measure_since("baofei:engine", "baofei:engine-start");
    out
}

/// What the engine says about the offers the form holds: one offer checked, or two to four compared.
#[derive(PartialEq)]
pub enum OfferOutcome {
    /// One offer, checked (boxed: a check carries its whole quote).
    One(Box<Result<OfferCheck, Errors>>),
    /// Two to four offers, compared.
    Many(Result<baofei_core::offer::Comparison, Errors>),
}

impl OfferOutcome {
    /// Every error of either kind, to be shown at its field.
    pub fn errors(&self) -> Option<&Errors> {
        match self {
            OfferOutcome::One(r) => r.as_ref().as_ref().err(),
            OfferOutcome::Many(r) => r.as_ref().err(),
        }
    }
}

/// The offer check for `form`, when it holds an offer (`None` otherwise, or when the pack was refused).
pub fn check(form: &Form, pack: Option<&PackState>) -> Option<OfferOutcome> {
    // Without the feature (the standalone page's own wasm) no offer is checked here: the page hands
    // over to the widget's build for that, and the offer engine stays out of its wasm.
    if !cfg!(feature = "offers") || !form.has_offer() {
        return None;
    }
    let (rules, input) = prepared(form, pack)?;
    Some(if form.offer_count() > 1 {
        OfferOutcome::Many(baofei_core::offer::compare_offers(
            rules,
            &input,
            &form.offers(),
        ))
    } else {
        OfferOutcome::One(Box::new(check_offer(rules, &input, &form.to_offer())))
    })
}

/// What the next three renewals cost for `form` (issue 32 item 5), with the same answers and pack as
/// the quote; `None` when there is no quote to move forward.
pub fn outlook(form: &Form, pack: Option<&PackState>) -> Option<baofei_core::outlook::Outlook> {
    let (rules, input) = prepared(form, pack)?;
    baofei_core::outlook::outlook(rules, &input).ok()
}

/// The rules in use (an insurer's pack, or the shipped ones) and the engine input with the answers
/// applied, as the quote has them; `None` when the pack was refused.
fn prepared<'a>(form: &Form, pack: Option<&'a PackState>) -> Option<(&'a Rules, QuoteInput)> {
    let rules = pack
        .map(|p| p.0.as_ref())
        .unwrap_or_else(|| rules())
        .as_ref()
        .ok()?;
    let a = answers(form);
    Some((rules, apply_answers(&form.to_input(), &a)))
}

fn compute_inner(form: &Form, pack: Option<&PackState>) -> Outcome {
    let rules = match pack.map(|p| p.0.as_ref()).unwrap_or_else(|| rules()) {
        Ok(r) => r,
        // One short line for the result's live region; the banner lists the pack's problems (at most
        // PACK_ERRORS_SHOWN). An invalid pack once put 132,000 errors into the live region (F6).
        Err(e) => {
            let n = e.0.len();
            return Outcome(
                Err(Errors::one(FieldError::new(
                "pack",
                ErrorCode::InvalidPack,
                format!("费率包未予采用，未计算保费(共 {n} 项问题，见上方说明)"),
                format!("the pricing pack was not used and no premium was computed ({n} problem(s), listed above)"),
                ))),
                None,
            );
        }
    };
    let a = answers(form);
    let input = apply_answers(&form.to_input(), &a);
    let result = assess(rules, &input, &a);
    // A failed quote still shows what does not depend on the failing field (issue 13 point 5).
    let known = result
        .is_err()
        .then(|| baofei_core::quote::known(rules, &input))
        .flatten();
    Outcome(result, known)
}
