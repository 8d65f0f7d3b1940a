//! policies, convertGrade, computeGpa, homeGpa through the exported wasm functions.

use super::support::{get, js, s, thrown};
use exchange_calc::wasm as api;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn policies_lists_both_presets() {
    let list = api::policies().unwrap_or_default();
    let arr = js_sys::Array::from(&list);
    let ids: Vec<String> = arr.iter().map(|p| s(&p, "id")).collect();
    assert_eq!(ids, ["xinyu-2022", "gdut-lixing-2026"]);
    assert_eq!(get(&arr.get(0), "year").as_f64(), Some(2022.0));
    assert!(s(&arr.get(1), "titleEn").contains("Lixing"));
}

#[wasm_bindgen_test]
fn full_width_b_plus_is_3_3_and_88() {
    // XYU-12.7(2): B+ → 3.3 / 88; "Ｂ＋" is what a Chinese IME types.
    let r = api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":"Ｂ＋"}"#)).unwrap_or_default();
    assert_eq!(s(&r, "grade"), "B+");
    assert_eq!(s(&r, "gradePoint"), "3.3");
    assert_eq!(s(&r, "percentage"), "88");
    assert_eq!(s(&r, "clause"), "XYU-12.7(2)");
    assert_eq!(s(&r, "policy.id"), "xinyu-2022");
    assert_eq!(s(&r, "policy.hash").len(), 8);
}

#[wasm_bindgen_test]
fn transcript_a3_bplus2_f1() {
    // GPA = (3×3.7 + 2×3.3 + 1×0) / 6 = 17.7 / 6 = 2.95
    // average = (3×95 + 2×88 + 1×55) / 6 = 516 / 6 = 86
    let r = api::compute_gpa(js(r#"{"policy":"xinyu-2022","courses":[
        {"name":"Calculus","credits":3,"grade":"A"},
        {"name":"Physics","credits":"2","grade":"b+"},
        {"name":"Writing","credits":1,"grade":"F"}]}"#))
    .unwrap_or_default();
    assert_eq!(s(&r, "gpa"), "2.95");
    assert_eq!(s(&r, "averagePercentage"), "86.00");
    assert_eq!(s(&r, "averagePercentageExact"), "86");
    assert_eq!(s(&r, "totalCredits"), "6");
    let findings = js_sys::Array::from(&get(&r, "findings"));
    assert_eq!(findings.length(), 1);
    assert_eq!(s(&findings.get(0), "clause"), "XYU-12.8");
    assert_eq!(s(&findings.get(0), "outcome"), "fail");
}

#[wasm_bindgen_test]
fn errors_carry_code_and_field_and_the_module_keeps_working() {
    let (code, field, message, is_error) =
        thrown(api::compute_gpa(js(r#"{"policy":"xinyu-2022","courses":[{"credits":3,"grade":"A"},{"credits":2,"grade":"Q"}]}"#)));
    assert!(is_error, "a real Error instance");
    assert_eq!(code, "invalid_grade");
    assert_eq!(field, "courses[1].grade");
    assert!(message.contains("A+"), "lists the valid grades: {message}");

    let (code, field, _, _) = thrown(api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":"A","grde":1}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_field", "grde"));

    let (code, field, message, _) = thrown(api::convert_grade(js(r#"{"policy":"nope","grade":"A","locale":"en"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_policy", "policy"));
    assert!(message.contains("xinyu-2022"), "{message}");

    let (code, _, _, _) = thrown(api::convert_grade(wasm_bindgen::JsValue::UNDEFINED));
    assert_eq!(code, "invalid_type");

    // An invalid override lists every problem.
    let e = api::convert_grade(js(r#"{"policy":{"extends":"xinyu-2022","minGpa":"x","schoolShareRatio":2},"grade":"A"}"#))
        .err()
        .unwrap_or_default();
    assert_eq!(s(&e, "code"), "invalid_policy");
    let problems = js_sys::Array::from(&get(&e, "problems"));
    let paths: Vec<String> = problems.iter().map(|p| s(&p, "path")).collect();
    assert_eq!(paths, ["minGpa", "schoolShareRatio"]);

    // Still answers correctly after all of that.
    let r = api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":"d-"}"#)).unwrap_or_default();
    assert_eq!((s(&r, "gradePoint").as_str(), s(&r, "percentage").as_str()), ("0.8", "60"));
}

#[wasm_bindgen_test]
fn home_gpa_shows_where_algorithms_disagree() {
    // 86: standard 4.0 → 3 (80–89), PKU old table → 3.7 (85–89).
    let r = api::home_gpa(js(r#"{"courses":[{"name":"Math","credits":2,"score":86}]}"#)).unwrap_or_default();
    let algos = js_sys::Array::from(&get(&r, "algorithms"));
    let by_id = |id: &str| algos.iter().find(|a| s(a, "id") == id).map(|a| s(&a, "gpa")).unwrap_or_default();
    assert_eq!(by_id("standard4"), "3.00");
    assert_eq!(by_id("pkuOld"), "3.70");
    let course = js_sys::Array::from(&get(&r, "courses")).get(0);
    assert_eq!(get(&course, "disagree").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn kept_answers_are_the_answers() {
    // Answers are kept by request text (src/wasm/convert.rs). The first call computes, the
    // second is kept; the same request with its keys in another order, or with the default
    // locale spelled out, is another text, computed on its own. All four give one object.
    let stringify = |v: &wasm_bindgen::JsValue| js_sys::JSON::stringify(v).ok().and_then(|t| t.as_string()).unwrap_or_default();
    // XYU-12.7(2)'s table: A 3.7, B+ 3.3, D- 0.8.
    for (grade, point) in [("A", "3.7"), ("b+", "3.3"), ("Ｂ＋", "3.3"), ("d-", "0.8")] {
        let texts = [
            format!(r#"{{"policy":"xinyu-2022","grade":"{grade}"}}"#),
            format!(r#"{{"policy":"xinyu-2022","grade":"{grade}"}}"#),
            format!(r#"{{"grade":"{grade}","policy":"xinyu-2022"}}"#),
            format!(r#"{{"policy":"xinyu-2022","grade":"{grade}","locale":"zh-CN"}}"#),
        ];
        let answers: Vec<String> = texts.iter().map(|t| stringify(&api::convert_grade(js(t)).unwrap_or_default())).collect();
        assert!(answers.iter().all(|a| *a == answers[0]), "{grade}: {answers:?}");
        let r = api::convert_grade(js(&texts[0])).unwrap_or_default();
        assert_eq!(s(&r, "gradePoint"), point, "XYU-12.7(2): {grade}");
    }
    // Errors are not kept: the same error every time, in the request's language.
    for (request, code, field) in [
        (r#"{"policy":"xinyu-2022","grade":"Q"}"#, "invalid_grade", "grade"),
        (r#"{"policy":"nope","grade":"A"}"#, "unknown_policy", "policy"),
        (r#"{"policy":"gdut-lixing-2026","grade":"A"}"#, "not_in_policy", "policy"),
    ] {
        let (a, b) = (thrown(api::convert_grade(js(request))), thrown(api::convert_grade(js(request))));
        assert_eq!((a.0.as_str(), a.1.as_str()), (code, field), "{request}");
        assert_eq!((a.0, a.1, a.2), (b.0, b.1, b.2), "{request}");
    }
    let en = thrown(api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":"Q","locale":"en"}"#)));
    assert!(en.2.starts_with("grade: \"Q\" is not a grade"), "{}", en.2);

    // Each result is a fresh object: changing one changes no later result.
    let first = api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":"B+"}"#)).unwrap_or_default();
    let _ = js_sys::Reflect::set(&first, &"gradePoint".into(), &"9".into());
    let _ = js_sys::Reflect::set(&get(&first, "policy"), &"id".into(), &"changed".into());
    let again = api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":"B+"}"#)).unwrap_or_default();
    assert_eq!((s(&again, "gradePoint").as_str(), s(&again, "policy.id").as_str()), ("3.3", "xinyu-2022"));
    assert_eq!(s(&first, "gradePoint"), "9");

    // Past the 256 kept requests answers are built call by call: 300 new spellings (the
    // percentages 60.0 … 89.9), twice, each taken over as it is (XYU-12.7(1)).
    for round in 0..2 {
        for tenths in 600..900 {
            let grade = format!("{}.{}", tenths / 10, tenths % 10);
            let r = api::convert_grade(js(&format!(r#"{{"policy":"xinyu-2022","grade":"{grade}"}}"#))).unwrap_or_default();
            assert_eq!(s(&r, "percentage"), grade, "round {round}");
            assert_eq!(s(&r, "kind"), "percentage", "round {round}");
        }
    }
    // A request too long to keep (a policy with a 600-character title) is answered all the same.
    let long = format!(r#"{{"policy":{{"extends":"xinyu-2022","title":"{}"}},"grade":"A-"}}"#, "长".repeat(600));
    for _ in 0..2 {
        let r = api::convert_grade(js(&long)).unwrap_or_default();
        assert_eq!(s(&r, "gradePoint"), "3.5", "XYU-12.7(2): A- is 3.5");
    }

    use wasm_bindgen::JsCast;
    // Inherited keys are not own keys: this object is {} to JSON, so `policy` is missing.
    let proto = js(r#"{"policy":"xinyu-2022","grade":"A"}"#);
    let child: js_sys::Object = js_sys::Object::create(proto.unchecked_ref::<js_sys::Object>());
    let (code, field, _, _) = thrown(api::convert_grade(child.into()));
    assert_eq!((code.as_str(), field.as_str()), ("missing_field", "policy"));
}

#[wasm_bindgen_test]
fn a_percentage_without_the_same_standard_fact_comes_with_a_review() {
    // XYU-12.7(1): 68 is taken over unchanged only from a partner with the same standard.
    let r = api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":68,"locale":"en"}"#)).unwrap_or_default();
    assert_eq!((s(&r, "percentage"), get(&r, "sameStandard").is_null()), ("68".into(), true));
    let findings = js_sys::Array::from(&get(&r, "findings"));
    assert_eq!(s(&findings.get(0), "code"), "same_standard_unstated");
    assert_eq!(s(&findings.get(0), "outcome"), "review");
    let diff = api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":68,"sameStandard":false}"#)).unwrap_or_default();
    assert!(get(&diff, "percentage").is_null());
    assert_eq!(s(&js_sys::Array::from(&get(&diff, "findings")).get(0), "code"), "different_standard_score");
    // A letter: the table, no findings.
    let b = api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":"B+"}"#)).unwrap_or_default();
    assert_eq!(js_sys::Array::from(&get(&b, "findings")).length(), 0);
}
