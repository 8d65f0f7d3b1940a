//! checkEligibility through the exported wasm function.

use super::support::{get, js, s, thrown};
use exchange_calc::wasm as api;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn csc_funded_freshman_is_eligible_but_not_fundable() {
    // LX-2.1.1: joint-training class, enrolled 2026, applying 2026 → eligible.
    // LX-5.3.1: already CSC-funded → not fundable; status unchanged.
    let r = api::check_eligibility(js(r#"{"policy":"gdut-lixing-2026","track":"freshman-leap","locale":"en",
        "applicant":{"inJointProgram":true,"enrollmentYear":2026,"applicationYear":"2026","priorLixingFunding":false,"otherFunding":true}}"#))
    .unwrap_or_default();
    assert_eq!(s(&r, "status"), "eligible");
    assert_eq!(get(&r, "fundable").as_bool(), Some(false));
    assert!(get(&r, "priority").is_null());
    let funding = js_sys::Array::from(&get(&r, "fundingFindings"));
    assert_eq!(s(&funding.get(1), "code"), "other_funding");
    assert_eq!(s(&funding.get(1), "outcome"), "fail");
    assert_eq!(s(&funding.get(1), "clause"), "LX-5.3.1");
    // LX-5.4 (1)–(5) and LX-2.2's sharing of results (issue 16).
    let conditions = js_sys::Array::from(&get(&r, "conditions"));
    assert_eq!(conditions.length(), 6);
    assert_eq!(s(&conditions.get(5), "clause"), "LX-2.2");
    assert_eq!(s(&r, "policy.id"), "gdut-lixing-2026");
}

#[wasm_bindgen_test]
fn gpa_below_the_notice_threshold_says_what_would_pass() {
    let r = api::check_eligibility(js(r#"{"policy":{"extends":"xinyu-2022","minGpa":3.0},"track":"exchange","locale":"en",
        "applicant":{"gpa":2.85,"semesters":3}}"#))
    .unwrap_or_default();
    assert_eq!(s(&r, "status"), "ineligible");
    let findings = js_sys::Array::from(&get(&r, "findings"));
    let gpa = findings.iter().find(|f| s(f, "code") == "gpa").unwrap_or_default();
    assert_eq!(s(&gpa, "message"), "GPA must be at least 3.0; yours is 2.85.");
    let semesters = findings.iter().find(|f| s(f, "code") == "semesters").unwrap_or_default();
    assert_eq!((s(&semesters, "outcome").as_str(), s(&semesters, "clause").as_str()), ("fail", "XYU-11"));
}

#[wasm_bindgen_test]
fn errors_carry_code_and_field_and_the_module_keeps_working() {
    let (code, field, message, is_error) =
        thrown(api::check_eligibility(js(r#"{"policy":"gdut-lixing-2026","track":"exchange","locale":"en"}"#)));
    assert!(is_error);
    assert_eq!((code.as_str(), field.as_str()), ("unknown_value", "track"));
    assert!(message.contains("freshman-leap, navigator-research"), "{message}");

    let (code, field, _, _) = thrown(api::check_eligibility(js(r#"{"policy":"xinyu-2022","track":"exchange","applicant":{"gpa":"abc"}}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("invalid_number", "applicant.gpa"));
    let (code, field, _, _) = thrown(api::check_eligibility(js(r#"{"policy":"xinyu-2022","track":"exchange","applicant":{"enroled":true}}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_field", "applicant.enroled"));

    let r = api::check_eligibility(js(r#"{"policy":"gdut-lixing-2026","track":"navigator-research","applicant":{"inJointProgram":true,"semestersCompleted":0}}"#))
        .unwrap_or_default();
    assert_eq!(s(&r, "status"), "ineligible");
}
