//! estimateFunding (LX-5) through the exported wasm function.

use super::support::{get, js, s, thrown};
use exchange_calc::wasm as api;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn basic_split_adds_up_to_the_fen() {
    // school 20000 + 15000 = 35000.00 (LX-5.1.1); college: ticket 9000 above the economy fare
    // 6500 → 6500.00 (LX-5.1.2) and 2500 is the student's; student visa 1000 + 2500 = 3500.00.
    // total 35000 + 6500 + 3500 = 45000.00.
    let r = api::estimate_funding(js(r#"{"policy":"gdut-lixing-2026","costs":[
        {"item":"tuition","amount":20000},{"item":"accommodation","amount":"15000"},
        {"item":"airfare","amount":9000},{"item":"visa","amount":1000}],
        "economyFare":6500,"priorLixingFunding":false,"otherFunding":false,"locale":"en"}"#))
    .unwrap();
    assert_eq!(
        [s(&r, "total"), s(&r, "school"), s(&r, "college"), s(&r, "student")],
        ["45000.00", "35000.00", "6500.00", "3500.00"]
    );
    assert_eq!(get(&r, "fundable").as_bool(), Some(true));
    assert_eq!(s(&r, "policy.id"), "gdut-lixing-2026");
    let lines = js_sys::Array::from(&get(&r, "lines"));
    assert_eq!(lines.length(), 5);
    let above = lines.get(3);
    assert_eq!((s(&above, "item"), s(&above, "amount"), s(&above, "payer"), s(&above, "clause"), s(&above, "part")),
        ("airfare".into(), "2500.00".into(), "student".into(), "LX-5.1.2".into(), "aboveEconomyFare".into()));
    assert!(get(&lines.get(0), "note").is_null());
    // LX-5.3.2/5.3.3's eight steps plus LX-2.2's and LX-6.4's sharing (issue 16).
    assert_eq!(js_sys::Array::from(&get(&r, "checklist")).length(), 10);
    let conditions = js_sys::Array::from(&get(&r, "conditions"));
    assert_eq!(s(&conditions.get(0), "clause"), "LX-5.4(1)");
    assert_eq!(s(&conditions.get(5), "clause"), "LX-2.2");
}

#[wasm_bindgen_test]
fn foreign_currency_lines_round_half_up_before_summing() {
    // USD 100 × 7.1234 = 712.34; two visa lines of 0.125 CNY → 0.13 each; 712.34 + 0.26 = 712.60.
    let r = api::estimate_funding(js(r#"{"policy":"gdut-lixing-2026","rates":{"USD":"7.1234"},"costs":[
        {"item":"personal","amount":100,"currency":"USD"},
        {"item":"visa","amount":"0.125"},{"item":"visa","amount":0.125}]}"#))
    .unwrap();
    assert_eq!(s(&r, "total"), "712.60");
    assert_eq!(s(&r, "student"), "712.60");
    let first = js_sys::Array::from(&get(&r, "lines")).get(0);
    assert_eq!(s(&first, "amount"), "712.34");
    assert_eq!((s(&first, "original.currency"), s(&first, "original.rate")), ("USD".into(), "7.1234".into()));
}

#[wasm_bindgen_test]
fn csc_funding_leaves_everything_to_the_student() {
    // LX-5.3.1: tuition 20000 + airfare 6500 = 26500.00, all the student's.
    let r = api::estimate_funding(js(r#"{"policy":"gdut-lixing-2026","otherFunding":true,"costs":[
        {"item":"tuition","amount":20000},{"item":"airfare","amount":6500}]}"#))
    .unwrap();
    assert_eq!([s(&r, "school"), s(&r, "college"), s(&r, "student")], ["0.00", "0.00", "26500.00"]);
    assert_eq!(get(&r, "fundable").as_bool(), Some(false));
    let f = js_sys::Array::from(&get(&r, "findings")).get(0);
    assert_eq!((s(&f, "code"), s(&f, "outcome"), s(&f, "clause")), ("funding_uniqueness".into(), "fail".into(), "LX-5.3.1".into()));
}

#[wasm_bindgen_test]
fn errors_carry_code_and_field_and_the_module_keeps_working() {
    let (code, field, _, is_error) = thrown(api::estimate_funding(js(r#"{"policy":"gdut-lixing-2026","costs":[
        {"item":"visa","amount":1},{"item":"visa","amount":-5}]}"#)));
    assert!(is_error);
    assert_eq!((code.as_str(), field.as_str()), ("out_of_range", "costs[1].amount"));

    let (code, field, message, _) = thrown(api::estimate_funding(js(r#"{"policy":"gdut-lixing-2026","locale":"en",
        "costs":[{"item":"visa","amount":1,"currency":"JPY"}]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("missing_rate", "costs[0].currency"));
    assert!(message.contains("rates.JPY"), "{message}");

    let (code, field, message, _) = thrown(api::estimate_funding(js(r#"{"policy":"gdut-lixing-2026","locale":"en",
        "costs":[{"item":"food","amount":1}]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_value", "costs[0].item"));
    assert!(message.contains("localTransport"), "{message}");

    let (code, field, _, _) = thrown(api::estimate_funding(js(r#"{"policy":"gdut-lixing-2026",
        "costs":[{"item":"visa","amount":"10000000000000000000000000000"}]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("overflow", "costs[0].amount"));

    let (code, field, _, _) = thrown(api::estimate_funding(js(r#"{"policy":"xinyu-2022","costs":[]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("not_in_policy", "policy"));

    let r = api::estimate_funding(js(r#"{"policy":"gdut-lixing-2026","costs":[{"item":"visa","amount":1}]}"#)).unwrap();
    assert_eq!(s(&r, "total"), "1.00");
}
