//! Reading offers from a caller's JSON (the JS API's `checkOffer` and `compareOffers` arguments), with the
//! input reader ([`crate::input::read`]): every bad field at once, at `offer.<field>` or
//! `offers.<n>.<field>`, named as the offer check names its fields.

use super::{OfferInput, PromisedService};
use crate::error::{ErrorCode, Errors, FieldError};
use crate::input::read::{document, Name, Reader};
use crate::json::Json;

/// Reads one offer from JSON text; its fields at `offer.<field>`.
pub fn offer_input(text: &str) -> Result<OfferInput, Errors> {
    let root = document(text, "offer")?;
    let mut r = Reader::default();
    let offer = r.offer(&root, "offer");
    r.done(offer)
}

/// Reads a list of offers from JSON text; offer `n`'s fields at `offers.<n>.<field>`, each message
/// starting with the offer's number as the comparison numbers them ("报价 2：" / "Offer 2: ").
pub fn offer_inputs(text: &str) -> Result<Vec<OfferInput>, Errors> {
    let root = document(text, "offers")?;
    let Json::Array(items) = &root else {
        return Err(Errors::one(FieldError::new(
            "offers",
            ErrorCode::Invalid,
            "报价须以数组传入(每份报价一个对象)",
            "offers must be an array (one object per offer)",
        )));
    };
    let mut out = Vec::with_capacity(items.len());
    let mut errs = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut r = Reader::default();
        out.push(r.offer(item, &format!("offers.{i}")));
        errs.extend(r.errs.into_iter().map(|mut e| {
            e.message_zh = format!("报价 {}：{}", i + 1, e.message_zh);
            e.message_en = format!("Offer {}: {}", i + 1, e.message_en);
            e
        }));
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(Errors(errs))
    }
}

impl Reader {
    /// One offer at `at` (`offer` or `offers.<n>`), named as the offer check names its fields.
    fn offer(&mut self, v: &Json<'_>, at: &str) -> OfferInput {
        let mut offer = OfferInput::default();
        let Some(members) = self.object(v, at) else {
            return offer;
        };
        for (key, value) in members {
            let path = format!("{at}.{key}");
            let Some(name) = crate::offer::field_name(&format!("offer.{key}")) else {
                self.unknown(&path, key);
                continue;
            };
            let name = (name.zh.to_string(), name.en.to_string());
            let (slot, numeric) = match &**key {
                "insurer" => (&mut offer.insurer, false),
                "start" => (&mut offer.start, false),
                "end" => (&mut offer.end, false),
                "uniform" => (&mut offer.uniform, false),
                "written" => (&mut offer.written, false),
                "payer" => (&mut offer.payer, false),
                "lapse" => (&mut offer.lapse, false),
                "premium" => (&mut offer.premium, true),
                "per_person_limit" => (&mut offer.per_person_limit, true),
                "aggregate_limit" => (&mut offer.aggregate_limit, true),
                "per_accident_limit" => (&mut offer.per_accident_limit, true),
                "insured" => (&mut offer.insured, true),
                "prevention_spend" => (&mut offer.prevention_spend, true),
                "commission" => (&mut offer.commission, true),
                "covers" => {
                    if let Some(items) = self.array(value, &path, &name) {
                        offer.covers = items
                            .iter()
                            .enumerate()
                            .filter_map(|(k, c)| self.string(c, &format!("{path}.{k}"), &name))
                            .collect();
                    }
                    continue;
                }
                "services" => {
                    if let Some(items) = self.array(value, &path, &name) {
                        offer.services = items
                            .iter()
                            .enumerate()
                            .map(|(k, s)| self.service(s, &format!("{path}.{k}"), &name))
                            .collect();
                    }
                    continue;
                }
                _ => {
                    self.unknown(&path, key);
                    continue;
                }
            };
            if let Some(x) = self.text(value, &path, &name, numeric) {
                *slot = x;
            }
        }
        offer
    }

    /// A promised service `{ id, per_year }`, at `<offer>.services.<k>`.
    fn service(&mut self, v: &Json<'_>, at: &str, services: &Name) -> PromisedService {
        let mut s = PromisedService::default();
        let Some(members) = self.object(v, at) else {
            return s;
        };
        for (key, value) in members {
            let path = format!("{at}.{key}");
            match &**key {
                "id" => {
                    if let Some(x) = self.string(value, &path, services) {
                        s.id = x;
                    }
                }
                "per_year" => {
                    let name = crate::offer::field_name("offer.services.")
                        .map_or_else(|| services.clone(), |t| (t.zh.into(), t.en.into()));
                    if let Some(x) = self.string_or_int(value, &path, &name) {
                        s.per_year = x;
                    }
                }
                _ => self.unknown(&path, key),
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_read_as_serde_reads_them() {
        let offers = r#"[{"insurer":"A","premium":54000,"covers":["rescue","medical"],
            "services":[{"id":"training","per_year":2}],"payer":"enterprise"},{}]"#;
        assert_eq!(
            offer_inputs(offers).unwrap(),
            serde_json::from_str::<Vec<OfferInput>>(offers).unwrap()
        );
    }

    #[test]
    fn offers_are_numbered_and_their_fields_named_at_their_paths() {
        let e = offer_inputs(
            r#"[{"premium":"54000"},{"premium":"54000","insured":true,"comment":"x"}]"#,
        )
        .unwrap_err();
        assert_eq!(e.0.len(), 2);
        assert_eq!(e.0[0].field, "offers.1.insured");
        assert_eq!(e.0[0].message_zh, "报价 2：投保人数须为字符串或整数");
        assert_eq!(
            e.0[0].message_en,
            "Offer 2: The number of people insured must be a string or a whole number"
        );
        assert_eq!(e.0[1].field, "offers.1.comment");
        assert_eq!(offer_inputs("{}").unwrap_err().0[0].field, "offers");
        let e = offer_input(r#"{"services":[{"id":"training","per_year":1.5}],"covers":[1]}"#)
            .unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["offer.services.0.per_year", "offer.covers.0"]);
    }
}
