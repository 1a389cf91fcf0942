//! Each closed vocabulary has one list of keys (`ALL` and `key()`); serde's derived names must agree,
//! or the JSON a quote is written in and the rule files it is read from would spell values differently.

use baofei_core::domain::RiskTier;
use baofei_core::domain::{
    AccidentGrade, EnvCreditGrade, EnvRiskGrade, Line, Obligation, PremiumBasis, SizeClass,
    StandardisationGrade,
};
use baofei_core::fields::{Kind, FIELDS};
use baofei_core::rules::Flag;
use baofei_core::QuoteInput;
use serde::Serialize;

fn agree<T: Serialize + Copy>(all: &[T], key: fn(T) -> &'static str) {
    for &v in all {
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            format!("\"{}\"", key(v))
        );
    }
}

#[test]
fn serde_names_are_the_keys() {
    agree(&Line::ALL, Line::key);
    agree(&Obligation::ALL, Obligation::key);
    agree(&PremiumBasis::ALL, PremiumBasis::key);
    agree(&SizeClass::ALL, SizeClass::key);
    agree(&RiskTier::ALL, RiskTier::key);
    agree(&Flag::ALL, Flag::key);
    agree(&AccidentGrade::ALL, AccidentGrade::key);
    agree(&StandardisationGrade::ALL, StandardisationGrade::key);
    agree(&EnvRiskGrade::ALL, EnvRiskGrade::key);
    agree(&EnvCreditGrade::ALL, EnvCreditGrade::key);
}

/// Every registry field is a field of `QuoteInput` under the same JSON name, and `QuoteInput::set`
/// reaches it: a registry entry without its input field (or a typo in either) fails here.
#[test]
fn every_registry_field_is_an_input_field_of_the_same_name() {
    for f in FIELDS {
        let mut input = QuoteInput::default();
        let value = match f.kind {
            Kind::Flag => "1",
            Kind::Choice(keys) => keys[0],
            _ => "7",
        };
        input.set(f.id, value.into());
        let json = serde_json::to_value(&input).unwrap();
        let want = match f.kind {
            Kind::Flag => serde_json::Value::Bool(true),
            _ => serde_json::Value::String(value.into()),
        };
        assert_eq!(
            json[f.key], want,
            "{}: set did not land under its own name",
            f.key
        );
    }
    // And the other way: every key the enum names is the key its registry row holds.
    for id in baofei_core::fields::Field::ALL {
        assert_eq!(id.spec().key, id.key());
    }
}
