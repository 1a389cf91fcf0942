//! Tests inside real headless Chromium (wasm-bindgen-test-runner + ChromeDriver): the engine compiled
//! to wasm gives the same figures as natively, and the mounted widget renders and reacts.
#![cfg(target_arch = "wasm32")]

use baofei_core::input::{HistoryYear, QuoteInput};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn input() -> QuoteInput {
    QuoteInput {
        as_of: "2026-06-01".into(),
        region: "chongqing".into(),
        line: "work_safety".into(),
        sector: "hazardous_chemicals.production".into(),
        employees: "100".into(),
        size_class: "medium".into(),
        standardisation: "none".into(),
        ..Default::default()
    }
}

#[wasm_bindgen_test]
fn engine_in_wasm_matches_the_golden_figure() {
    let rules = baofei_rules::load().expect("rules load in wasm");
    let q = baofei_core::quote(&rules, &input()).unwrap();
    assert_eq!(q.premium.to_string(), "54000.00");
    let loaded = QuoteInput {
        history: vec![HistoryYear {
            larger: "1".into(),
            deaths: "3".into(),
            ..Default::default()
        }],
        ..input()
    };
    assert_eq!(
        baofei_core::quote(&rules, &loaded)
            .unwrap()
            .premium
            .to_string(),
        "144000.00"
    );
}

#[wasm_bindgen_test]
fn engine_in_wasm_reports_field_errors() {
    let rules = baofei_rules::load().unwrap();
    let e = baofei_core::quote(
        &rules,
        &QuoteInput {
            employees: "-1".into(),
            ..input()
        },
    )
    .unwrap_err();
    assert_eq!(e.0[0].field, "employees");
}

async fn settle() {
    TimeoutFuture::new(30).await;
}

#[wasm_bindgen_test]
async fn widget_renders_and_recomputes_on_input() {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    root.set_id("baofei");
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<baofei_web::app::App>::with_root(root).render();
    settle().await;
    let premium = doc.get_element_by_id("premium").expect("premium rendered");
    assert_eq!(
        premium.get_attribute("data-yuan").as_deref(),
        Some("56700.00")
    );
    let employees: HtmlInputElement = doc.get_element_by_id("f-e").unwrap().dyn_into().unwrap();
    employees.set_value("200");
    employees
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    let premium = doc.get_element_by_id("premium").unwrap();
    assert_eq!(
        premium.get_attribute("data-yuan").as_deref(),
        Some("113400.00")
    );
    // A bad value gives a field-level error and removes the figure rather than showing NaN.
    employees.set_value("abc");
    employees
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    assert!(doc.get_element_by_id("premium").is_none());
    // The field's error waits until the user leaves the field (issue 14), then shows at the field.
    assert!(doc.get_element_by_id("f-e-err").is_none());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    employees
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("focusout", &init).unwrap())
        .unwrap();
    settle().await;
    let err: HtmlElement = doc
        .get_element_by_id("f-e-err")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(err.inner_text().contains("整数"), "{}", err.inner_text());
}
