//! The JS API in headless Chromium: objects in, objects out, decimals as strings, structured errors.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn obj(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| {
        js_sys::Reflect::get(&v, &JsValue::from_str(k)).unwrap()
    })
}

const INPUT: &str = r#"{"as_of":"2026-06-01","region":"chongqing","line":"work_safety","sector":"hazardous_chemicals.production","employees":100,"size_class":"medium"}"#;

#[wasm_bindgen_test]
fn quote_returns_strings_for_money() {
    let q = baofei_js::quote(obj(INPUT)).unwrap();
    assert_eq!(
        get(&q, &["premium"]).as_string().as_deref(),
        Some("54000.00")
    );
    assert_eq!(
        get(&q, &["limits", "minimum_per_person"])
            .as_string()
            .as_deref(),
        Some("400000")
    );
    assert_eq!(
        get(&q, &["obligation", "level"]).as_string().as_deref(),
        Some("compulsory")
    );
}

#[wasm_bindgen_test]
fn errors_are_thrown_with_fields() {
    let e = baofei_js::quote(obj(r#"{"as_of":"2026-06-01","region":"chongqing","line":"work_safety","sector":"x","employees":-3}"#)).unwrap_err();
    let errors: js_sys::Array = get(&e, &["errors"]).into();
    let fields: Vec<String> = errors
        .iter()
        .map(|x| get(&x, &["field"]).as_string().unwrap())
        .collect();
    assert!(fields.contains(&"employees".to_string()), "{fields:?}");
    assert!(get(&errors.get(0), &["message_zh"]).as_string().is_some());
}

#[wasm_bindgen_test]
fn insurer_pack_changes_prices_not_law() {
    let mut pack: String = baofei_js::reference_pack();
    pack = pack.replacen(
        "\"hazardous_chemicals.production\":\"1.50\"",
        "\"hazardous_chemicals.production\":\"1.80\"",
        1,
    );
    let rep = baofei_js::load_pack(JsValue::from_str(&pack)).unwrap();
    assert_eq!(get(&rep, &["ok"]), JsValue::TRUE);
    let q = baofei_js::quote(obj(INPUT)).unwrap();
    assert_eq!(
        get(&q, &["premium"]).as_string().as_deref(),
        Some("64800.00")
    );
    assert_eq!(
        get(&q, &["limits", "minimum_per_person"])
            .as_string()
            .as_deref(),
        Some("400000")
    );
    baofei_js::reset_pack();
    let broken = baofei_js::validate_pack(obj(r#"{"meta":{"id":"x"}}"#)).unwrap();
    assert_eq!(get(&broken, &["ok"]), JsValue::FALSE);
    assert!(baofei_js::load_pack(obj(r#"{"meta":{"id":"x"}}"#)).is_err());
    let q = baofei_js::quote(obj(INPUT)).unwrap();
    assert_eq!(
        get(&q, &["premium"]).as_string().as_deref(),
        Some("54000.00"),
        "a rejected pack leaves the active one"
    );
}

#[wasm_bindgen_test]
fn sectors_carry_their_obligation() {
    let s: js_sys::Array =
        baofei_js::sectors("national".into(), "work_safety".into(), "2026-06-01".into())
            .unwrap()
            .into();
    let other = s
        .iter()
        .find(|x| get(x, &["id"]).as_string().as_deref() == Some("other.general"))
        .unwrap();
    assert_eq!(
        get(&other, &["obligation"]).as_string().as_deref(),
        Some("encouraged")
    );
    assert!(
        baofei_js::sectors("atlantis".into(), "work_safety".into(), "2026-06-01".into()).is_err()
    );
}

/// Security review F3: deep nesting in any field used to overflow the stack inside wasm, and after
/// about three such calls every later call failed with "memory access out of bounds".
#[wasm_bindgen_test]
fn deep_or_cyclic_input_is_refused_and_the_instance_survives() {
    let deep = |field: &str| {
        let nested = format!("{}0{}", "[".repeat(5000), "]".repeat(5000));
        obj(&INPUT.replacen(
            &format!("\"{field}\":"),
            &format!("\"{field}\":{nested},\"_{field}\":"),
            1,
        ))
    };
    let deep_employees = obj(&format!(
        r#"{{"as_of":"2026-06-01","region":"chongqing","line":"work_safety","sector":"hazardous_chemicals.production","employees":{}0{},"size_class":"medium"}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    ));
    for _ in 0..5 {
        assert!(baofei_js::quote(deep_employees.clone()).is_err());
        assert!(baofei_js::quote(deep("region")).is_err());
        assert!(baofei_js::assess(obj(INPUT), deep_employees.clone()).is_err());
    }
    let cyclic = obj(INPUT);
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    for _ in 0..3 {
        let e = baofei_js::quote(cyclic.clone()).unwrap_err();
        assert_eq!(
            get(&e, &["name"]).as_string().as_deref(),
            Some("BaofeiError")
        );
    }
    let q = baofei_js::quote(obj(INPUT)).unwrap();
    assert_eq!(
        get(&q, &["premium"]).as_string().as_deref(),
        Some("54000.00")
    );
    let rep = baofei_js::validate_pack(JsValue::from_str(&baofei_js::reference_pack())).unwrap();
    assert_eq!(get(&rep, &["ok"]).as_bool(), Some(true));
}

/// Security review F10: a misspelt field used to be ignored (a lower premium, silently).
#[wasm_bindgen_test]
fn unknown_input_fields_are_errors_naming_the_field() {
    let misspelt = obj(&INPUT.replace("}", r#","blacklist":true}"#));
    let e = baofei_js::quote(misspelt).unwrap_err();
    let errors: js_sys::Array = get(&e, &["errors"]).into();
    assert_eq!(
        get(&errors.get(0), &["field"]).as_string().as_deref(),
        Some("blacklist")
    );
    let spelt = obj(&INPUT.replace("}", r#","blacklisted":true}"#));
    assert!(baofei_js::quote(spelt).is_ok());
}

/// Security review F10: undefined, functions, symbols and wrong types are errors, never a trap.
#[wasm_bindgen_test]
fn hostile_arguments_are_errors_not_traps() {
    let f = js_sys::Function::new_no_args("return 1");
    let hostile: Vec<JsValue> = vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        f.into(),
        js_sys::Symbol::for_("x").into(),
        JsValue::from(1),
        js_sys::Date::new_0().into(),
        js_sys::BigInt::from(5u32).into(),
    ];
    for h in &hostile {
        assert!(baofei_js::quote(h.clone()).is_err());
        assert!(baofei_js::assess(h.clone(), JsValue::UNDEFINED).is_err());
        // validatePack reports, never throws, for a bad pack.
        let rep = baofei_js::validate_pack(h.clone()).unwrap();
        assert_eq!(get(&rep, &["ok"]).as_bool(), Some(false));
        assert!(baofei_js::load_pack(h.clone()).is_err());
        assert!(baofei_js::sectors(h.clone(), "work_safety".into(), "2026-06-01".into()).is_err());
        assert!(baofei_js::sectors("national".into(), h.clone(), "2026-06-01".into()).is_err());
    }
    let q = baofei_js::quote(obj(INPUT)).unwrap();
    assert_eq!(
        get(&q, &["premium"]).as_string().as_deref(),
        Some("54000.00")
    );
}

/// Issue 13 point 5: a missing premium basis hides only the premium; the thrown error carries what
/// still holds.
#[wasm_bindgen_test]
fn a_failed_quote_still_carries_obligation_and_minimum() {
    let input = obj(
        r#"{"as_of":"2026-06-01","region":"hunan","line":"work_safety","sector":"construction.general","employees":100}"#,
    );
    let e = baofei_js::quote(input).unwrap_err();
    assert_eq!(
        get(&e, &["known", "obligation", "level"])
            .as_string()
            .as_deref(),
        Some("compulsory")
    );
    assert_eq!(
        get(&e, &["known", "minimum_per_person"])
            .as_string()
            .as_deref(),
        Some("400000")
    );
}
