//! The strict JSON reader (`baofei_core::json`) against serde_json as the reference: the same values
//! for any document serde_json writes, and the same accept/refuse verdict on mangled text (apart from
//! what the strict reader refuses on purpose, duplicate keys and the limits, and numbers beyond `f64`,
//! which it keeps as text).

use baofei_core::json::{self, Json, Limits};
use proptest::prelude::*;
use serde_json::Value;

const WIDE: Limits = Limits {
    max_depth: 64,
    max_len: 10_000,
};

/// Whether our tree holds the same value as serde_json's.
fn same(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        // serde_json's default float parsing is not always correctly rounded: allow a few ulps.
        (Json::Number(a), Value::Number(b)) => match (a.parse::<f64>(), b.as_f64()) {
            (Ok(x), Some(y)) => (x.to_bits() as i64).abs_diff(y.to_bits() as i64) <= 4,
            _ => false,
        },
        (Json::Str(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, x)| b.get(k.as_ref()).is_some_and(|y| same(x, y)))
        }
        _ => false,
    }
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[a-z\\\\\"\u{0}-\u{1f}中😀]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_\"\\\\é]{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reads_whatever_serde_json_writes(v in value()) {
        for text in [v.to_string(), serde_json::to_string_pretty(&v).unwrap()] {
            let ours = json::parse(&text, WIDE).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            prop_assert!(same(&ours, &v), "{text}");
        }
    }

    #[test]
    fn accepts_and_refuses_what_serde_json_does(v in value(), cut in any::<prop::sample::Index>(), junk in "[\\[\\]{}\",:0-9a-z\\\\. -]{0,3}") {
        // Mangle a valid document: splice a few JSON-ish characters in somewhere.
        let text = v.to_string();
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mangled = format!("{}{junk}{}", &text[..at], &text[at..]);
        let theirs = serde_json::from_str::<Value>(&mangled);
        let ours = json::parse(&mangled, WIDE);
        match (&ours, &theirs) {
            // Numbers stay text here (only whole-number fields are converted, with their range checked),
            // so a number too large for f64 is valid JSON to this reader but not to serde_json.
            (Ok(_), Err(e)) => prop_assert!(e.to_string().contains("number out of range"), "accepted {mangled:?}, serde_json: {e}"),
            (Err(e), Ok(_)) => prop_assert!(e.en.contains("duplicate key"), "refused {mangled:?}: {e}"),
            (Ok(o), Ok(t)) => prop_assert!(same(o, t), "{mangled}"),
            (Err(_), Err(_)) => {}
        }
    }
}

#[test]
fn the_shipped_rules_read_the_same_as_serde_json_reads_them() {
    for text in [baofei_rules::pack_json(), baofei_rules::statutes_json()] {
        let theirs: Value = serde_json::from_str(&text).unwrap();
        assert!(same(&json::parse(&text, WIDE).unwrap(), &theirs));
    }
}

#[test]
fn tricky_documents_get_serde_jsons_verdict() {
    for text in [
        "[1,]",
        "{\"a\":1,}",
        "[,1]",
        "[1,,2]",
        "{,}",
        "[",
        "]",
        "{\"a\"}",
        "{\"a\":}",
        "{1:2}",
        "[01]",
        "[-]",
        "[-0]",
        "[1.]",
        "[.1]",
        "[1e]",
        "[1e+]",
        "[1E-2]",
        "[+1]",
        "[0x1]",
        "[tru]",
        "[true false]",
        "[nul]",
        "[null]",
        "\"\\u00\"",
        "\"\\uD834\\uDD1E\"",
        "\"\\uDD1E\"",
        "\"\\uD834x\"",
        "\"\\q\"",
        "\"\u{7f}\"",
        "\"a\nb\"",
        " \t\r\n[ ] ",
        "[]x",
        "{\"a\":1}{",
        "\"\\/\"",
        "[1 ,2 ]",
        "{ \"a\" : [ ] }",
        "[\"\u{0}\"]",
        "",
    ] {
        let ours = json::parse(text, WIDE);
        let theirs = serde_json::from_str::<Value>(text);
        assert_eq!(
            ours.is_ok(),
            theirs.is_ok(),
            "{text:?}: ours {ours:?}, serde_json {theirs:?}"
        );
    }
}

/// Found by the property test above: a number beyond f64 is valid JSON; the reader keeps its text and
/// a whole-number field refuses it by range.
#[test]
fn numbers_beyond_f64_are_kept_as_text() {
    assert_eq!(
        json::parse("[5e308]", WIDE).unwrap(),
        Json::Array(vec![Json::Number("5e308")])
    );
}
