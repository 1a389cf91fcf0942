//! Each closed vocabulary has one list of keys (`ALL` and `key()`); serde's derived names must agree,
//! or the JSON a quote is written in and the rule files it is read from would spell values differently.

use baofei_core::domain::RiskTier;
use baofei_core::domain::{Line, Obligation, PremiumBasis, SizeClass};
use baofei_core::rules::Flag;
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
}
