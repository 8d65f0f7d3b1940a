//! checkCredits through the exported wasm function.

use super::support::{get, js, json, s, thrown};
use exchange_calc::wasm as api;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn sixty_four_hours_and_a_capped_summer_school() {
    // 64 h: 64/18 = 3.555… → 3.56 … 64/16 = 4, recognized 64/16 = 4 (XYU-12.2).
    // Summer school 3 credits → min(3, 2) = 2 (XYU-12.3). ECTS 6 → 6/2 = 3.
    // Recognized 4 + 2 + 3 = 9 of 20; workload 3.56+3+3 = 9.56 … 4+3+3 = 10.
    let r = api::check_credits(js(r#"{"policy":"xinyu-2022","semesters":1,"homePlanCredits":20,"locale":"en","courses":[
        {"name":"Signals","hours":64,"grade":"B+","category":"majorRequired"},
        {"name":"Summer school","credits":3,"grade":"A","shortProgram":true},
        {"name":"Thermo","credits":"6","system":"ects","grade":"b"}]}"#))
    .unwrap_or_default();
    assert_eq!(s(&r, "equivalentCredits.min"), "9.56");
    assert_eq!(s(&r, "equivalentCredits.max"), "10.00");
    assert_eq!(s(&r, "recognizedCredits"), "9.00");
    let courses = js_sys::Array::from(&get(&r, "courses"));
    assert_eq!(s(&courses.get(0), "equivalent.min"), "3.56");
    assert_eq!(s(&courses.get(1), "recognized"), "2.00");
    assert_eq!(s(&courses.get(2), "recognized"), "3.00");
    assert_eq!(get(&r, "allCreditsRecognized").as_bool(), Some(false));
    assert_eq!(get(&r, "coreRequired").as_f64(), Some(3.0));
    assert_eq!(s(&r, "policy.id"), "xinyu-2022");
    let findings = js_sys::Array::from(&get(&r, "findings"));
    let cap = findings.iter().find(|f| s(f, "code") == "short_program_cap").unwrap_or_default();
    assert_eq!((s(&cap, "outcome").as_str(), s(&cap, "clause").as_str()), ("fail", "XYU-12.3"));
}

#[wasm_bindgen_test]
fn three_passed_core_courses_recognize_the_semester_and_a_failure_is_retaken() {
    // 3 passed core ≥ 3 → the plan's 25 (XYU-12.4); the failed course is listed (XYU-12.8).
    let r = api::check_credits(js(r#"{"policy":"xinyu-2022","semesters":1,"homePlanCredits":"25","courses":[
        {"name":"A","hours":48,"grade":"A","core":true},
        {"name":"B","hours":48,"grade":"B","core":true},
        {"name":"C","hours":48,"grade":"C","core":true},
        {"name":"大学英语","hours":32,"grade":"F"}]}"#))
    .unwrap_or_default();
    assert_eq!(get(&r, "corePassed").as_f64(), Some(3.0));
    assert_eq!(get(&r, "allCreditsRecognized").as_bool(), Some(true));
    assert_eq!(s(&r, "recognizedCredits"), "25.00");
    let retake = js_sys::Array::from(&get(&r, "retake")).get(0);
    assert_eq!(s(&retake, "name"), "大学英语");
    assert_eq!(s(&retake, "clause"), "XYU-12.8");
    let routes = js_sys::Array::from(&get(&retake, "routes"));
    assert_eq!(routes.length(), 2);
    assert!(s(&routes.get(1), "message").contains("外语、体育、政治类公共课优先"));
}

#[wasm_bindgen_test]
fn credit_errors_carry_code_and_field_and_the_module_keeps_working() {
    let (code, field, message, is_error) =
        thrown(api::check_credits(js(r#"{"policy":"xinyu-2022","semesters":3,"homePlanCredits":20,"courses":[],"locale":"en"}"#)));
    assert!(is_error);
    assert_eq!((code.as_str(), field.as_str()), ("out_of_range", "semesters"));
    assert_eq!(message, "semesters: 3 must be between 1 and 2");

    let (code, field, _, _) = thrown(api::check_credits(js(
        r#"{"policy":"xinyu-2022","semesters":1,"homePlanCredits":20,"courses":[{"hours":16,"grade":"A"},{"credits":4,"system":"quarter","grade":"A"}]}"#,
    )));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_value", "courses[1].system"));

    let (code, field, _, _) = thrown(api::check_credits(js(r#"{"policy":"xinyu-2022","semesters":1,"homePlanCredits":20,"courses":[{"name":"x","grade":"A"}]}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("missing_field", "courses[0].hours"));

    let gdut = api::check_credits(js(r#"{"policy":"gdut-lixing-2026","semesters":1,"homePlanCredits":20,"courses":[]}"#));
    // What the policy lacks, and the clause its message cites (LX-6.2 leaves credits to the
    // academic affairs office), as data: a page need not read them out of the message.
    if let Err(e) = &gdut {
        assert_eq!(s(e, "section"), "credits");
        assert_eq!(json(&get(e, "clauses")), r#"["LX-6.2"]"#);
    }
    let (code, field, _, _) = thrown(gdut);
    assert_eq!((code.as_str(), field.as_str()), ("not_in_policy", "policy"));

    // Still answers after the errors: ECTS 6 → 3.
    let r = api::check_credits(js(r#"{"policy":"xinyu-2022","semesters":2,"homePlanCredits":3,"courses":[{"credits":6,"system":"ects","grade":"A"}]}"#))
        .unwrap_or_default();
    assert_eq!(s(&r, "recognizedCredits"), "3.00");
    assert_eq!(get(&r, "coreRequired").as_f64(), Some(6.0));
}
