//! The offer rules of the statutes as they apply to one enterprise's place and start date.

use crate::citation::{Citation, Reference};
use crate::output::Quote;
use crate::rules::{FactorValue, Param, Rules};
use rust_decimal::Decimal;

/// One of the offer rules (`Statutes::offer_rules`) as it applies to the enterprise's place on the
/// offer's start date: its value, its sources (the national rule and the place's own, each cited) and,
/// where the rule is another place's, the words it carries ("参照重庆市规定").
pub(super) struct Law {
    pub(super) value: Decimal,
    pub(super) sources: Vec<Citation>,
    pub(super) reference: Option<Reference>,
}

pub(super) fn law(rules: &Rules, q: &Quote, p: &Param<FactorValue>) -> Option<Law> {
    let st = rules.statutes();
    let chain = st.chain(&q.region);
    let (national, own) = p.both(&chain, q.as_of);
    let main = own.or(national)?;
    Some(Law {
        value: main.value.0,
        sources: national
            .iter()
            .chain(own.iter())
            .map(|d| d.source.clone())
            .collect(),
        // The value's own words where it carries them (a national entry resting on one place's
        // rule); otherwise what the statutes say of its document for this place.
        reference: main
            .reference
            .clone()
            .filter(|_| own.is_none())
            .or_else(|| st.reference_for(&chain, q.line, &main.source)),
    })
}
