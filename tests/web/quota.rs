//! allocateQuota (LX-4.2.1) through the exported wasm function.

use super::support::{get, js, s, thrown};
use exchange_calc::wasm as api;
use wasm_bindgen_test::wasm_bindgen_test;

fn quotas(r: &wasm_bindgen::JsValue) -> Vec<f64> {
    js_sys::Array::from(r).iter().map(|row| get(&row, "quota").as_f64().unwrap_or(-1.0)).collect()
}

#[wasm_bindgen_test]
fn the_three_methods_on_41_20_12_for_9_places() {
    // Hamilton: 369/73 = 5.05, 180/73 = 2.47, 108/73 = 1.48; floors 8, the one left goes to
    // the largest remainder .48 (C) → 5, 2, 2. D'Hondt → 6, 2, 1. Sainte-Laguë → 5, 3, 1
    // (worked out in tests/quota.rs).
    let colleges = r#"[{"name":"A","students":41},{"name":"B","students":20},{"name":"C","students":12}]"#;
    let r = api::allocate_quota(js(&format!(r#"{{"total":9,"colleges":{colleges}}}"#))).unwrap();
    assert_eq!(quotas(&r), [5.0, 2.0, 2.0]);
    let a = js_sys::Array::from(&r).get(0);
    assert_eq!((s(&a, "name"), s(&a, "share"), s(&a, "shareFraction"), s(&a, "clause")), ("A".into(), "5.05".into(), "369/73".into(), "LX-4.2.1".into()));
    let r = api::allocate_quota(js(&format!(r#"{{"total":9,"method":"dhondt","colleges":{colleges}}}"#))).unwrap();
    assert_eq!(quotas(&r), [6.0, 2.0, 1.0]);
    let r = api::allocate_quota(js(&format!(r#"{{"total":"9","method":"sainteLague","colleges":{colleges}}}"#))).unwrap();
    assert_eq!(quotas(&r), [5.0, 3.0, 1.0]);
    assert!(get(&js_sys::Array::from(&r).get(0), "remainder").is_null());
}

#[wasm_bindgen_test]
fn errors_carry_code_and_field_and_the_module_keeps_working() {
    let (code, field, _, is_error) = thrown(api::allocate_quota(js(r#"{"total":3,"colleges":[{"name":"A","students":1},{"name":"A","students":2}]}"#)));
    assert!(is_error);
    assert_eq!((code.as_str(), field.as_str()), ("duplicate", "colleges[1].name"));
    let (code, field, _, _) = thrown(api::allocate_quota(js(r#"{"total":2.5,"colleges":[{"name":"A","students":1}]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("invalid_step", "total"));
    let (code, field, message, _) = thrown(api::allocate_quota(js(r#"{"total":3,"method":"webster","locale":"en","colleges":[{"name":"A","students":1}]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_value", "method"));
    assert!(message.contains("largestRemainder"), "{message}");
    let (code, field, _, _) = thrown(api::allocate_quota(js(r#"{"total":3,"colleges":[{"name":"A","students":0}]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("no_students", "colleges"));
    let (code, field, _, _) = thrown(api::allocate_quota(js(r#"{"total":3,"colleges":[]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("empty", "colleges"));

    // 5 places on 3 and 7: 1.5 and 3.5 tie on the remainder → more students → 1, 4.
    let r = api::allocate_quota(js(r#"{"total":5,"colleges":[{"name":"A","students":3},{"name":"B","students":7}]}"#)).unwrap();
    assert_eq!(quotas(&r), [1.0, 4.0]);
}
