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
    let s: js_sys::Array = baofei_js::sectors("national", "work_safety", "2026-06-01")
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
    assert!(baofei_js::sectors("atlantis", "work_safety", "2026-06-01").is_err());
}
