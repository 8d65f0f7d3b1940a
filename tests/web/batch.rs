//! batchGpa through the exported wasm function.

use super::support::{get, js, json, s, thrown};
use wasm_bindgen::JsValue;
use exchange_calc::wasm as api;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn cohort_with_a_bad_row() {
    // S1: (3×3.7 + 2×3.3) / 5 = 17.7 / 5 = 3.54; (3×95 + 2×88) / 5 = 461 / 5 = 92.2.
    // Line 3's grade "Q" is not a grade: reported, the other rows count.
    let r = api::batch_gpa(js(r#"{"policy":"xinyu-2022","locale":"en","csv":"studentId,course,credits,grade\r\nS1,Calculus,3,A\r\nS1,Bad,1,Q\r\nS1,\"Physics, \"\"lab\"\"\",2,Ｂ＋\r\n"}"#))
        .unwrap();
    let students = js_sys::Array::from(&get(&r, "students"));
    assert_eq!(students.length(), 1);
    let s1 = students.get(0);
    assert_eq!((s(&s1, "studentId").as_str(), s(&s1, "gpa").as_str(), s(&s1, "averagePercentage").as_str()), ("S1", "3.54", "92.20"));
    assert_eq!(s(&s1, "credits"), "5");
    let errors = js_sys::Array::from(&get(&r, "errors"));
    let e = errors.get(0);
    assert_eq!(get(&e, "line").as_f64(), Some(3.0));
    assert_eq!((s(&e, "code").as_str(), s(&e, "field").as_str()), ("invalid_grade", "grade"));
    assert!(s(&e, "message").starts_with("line 3: "), "{}", s(&e, "message"));
    assert_eq!(s(&r, "policy.id"), "xinyu-2022");
}

#[wasm_bindgen_test]
fn whole_request_errors_throw_with_code_and_field() {
    let (code, field, _, is_error) = thrown(api::batch_gpa(js(r#"{"policy":"xinyu-2022"}"#)));
    assert!(is_error);
    assert_eq!((code.as_str(), field.as_str()), ("missing_field", "csv"));
    let (code, field, _, _) = thrown(api::batch_gpa(js(r#"{"policy":"xinyu-2022","csv":"id,course\n"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_field", "csv.id"));
    let (code, field, _, _) = thrown(api::batch_gpa(js(r#"{"policy":"gdut-lixing-2026","csv":"studentId,course,credits,grade\n"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("not_in_policy", "policy"));
    let (code, field, _, _) = thrown(api::batch_gpa(js(r#"{"policy":"xinyu-2022","csv":"","locale":"fr"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_value", "locale"));
    // The locale before a missing policy, as every export reads a request.
    let (code, field, _, _) = thrown(api::batch_gpa(js(r#"{"csv":"","locale":"fr"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_value", "locale"));
    // Still works.
    let r = api::batch_gpa(js(r#"{"policy":"xinyu-2022","csv":"studentId,course,credits,grade\nA,x,1,F\n"}"#)).unwrap();
    assert_eq!(s(&js_sys::Array::from(&get(&r, "students")).get(0), "gpa"), "0.00");
}

#[wasm_bindgen_test]
fn the_csv_may_be_the_files_utf8_bytes() {
    // The cohort of `cohort_with_a_bad_row` without its bad row, with a BOM as Excel writes it:
    // S1 = (3×3.7 + 2×3.3) / 5 = 3.54, (3×95 + 2×88) / 5 = 92.20.
    let text = "\u{feff}studentId,course,credits,grade\r\nS1,微积分,3,A\r\nS1,\"Physics, \"\"lab\"\"\",2,Ｂ＋\r\n";
    let with = |csv: &JsValue| {
        let req = js(r#"{"policy":"xinyu-2022","locale":"en"}"#);
        js_sys::Reflect::set(&req, &"csv".into(), csv).unwrap();
        api::batch_gpa(req)
    };
    let from_text = with(&JsValue::from_str(text)).unwrap();
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    for csv in [JsValue::from(bytes.clone()), JsValue::from(bytes.buffer())] {
        let r = with(&csv).unwrap();
        let s1 = js_sys::Array::from(&get(&r, "students")).get(0);
        assert_eq!((s(&s1, "studentId").as_str(), s(&s1, "gpa").as_str(), s(&s1, "averagePercentage").as_str()), ("S1", "3.54", "92.20"));
        assert_eq!(json(&r), json(&from_text));
    }
    // Bytes that are not UTF-8 (a GBK export: 0xB5 0xC2) read as U+FFFD each, as
    // `File.text()` and `TextDecoder` read them; the row still counts.
    let mut gbk = b"studentId,course,credits,grade\n".to_vec();
    gbk.extend([0xB5, 0xC2]);
    gbk.extend(b"1,x,2,A\n");
    let r = with(&js_sys::Uint8Array::from(gbk.as_slice()).into()).unwrap();
    let st = js_sys::Array::from(&get(&r, "students")).get(0);
    assert_eq!((s(&st, "studentId").as_str(), s(&st, "gpa").as_str()), ("\u{fffd}\u{fffd}1", "3.70")); // A is 3.7 (XYU-12.7 table)
    // Anything else is still a type error at `csv`.
    let (code, field, _, _) = thrown(with(&JsValue::from_f64(5.0)));
    assert_eq!((code.as_str(), field.as_str()), ("invalid_type", "csv"));
}

#[wasm_bindgen_test]
fn a_long_csv_string_reads_as_its_utf8_bytes() {
    // Past 65,536 UTF-16 units a string comes in through `TextEncoder` (src/wasm/mod.rs).
    // 5,000 students with one row each: A = 3.7, 95 (XYU-12.7 table); then one more whose
    // id ends in a lone surrogate, which UTF-8 can only hold as U+FFFD: B = 3.0, 85.
    let mut text = String::from("studentId,course,credits,grade\n");
    for i in 0..5000 {
        text.push_str(&format!("S{i},微积分,3,A\n"));
    }
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let csv = js_sys::JsString::from(text.as_str()).concat(&"X".into()).concat(&lone).concat(&",c,2,B\n".into());
    assert!(csv.length() > 65_536, "{}", csv.length());
    let with = |csv: &JsValue| {
        let req = js(r#"{"policy":"xinyu-2022","locale":"en"}"#);
        js_sys::Reflect::set(&req, &"csv".into(), csv).unwrap();
        api::batch_gpa(req).unwrap()
    };
    let r = with(&csv.into());
    let students = js_sys::Array::from(&get(&r, "students"));
    assert_eq!(students.length(), 5001);
    let first = students.get(0);
    assert_eq!((s(&first, "studentId").as_str(), s(&first, "gpa").as_str(), s(&first, "averagePercentage").as_str()), ("S0", "3.70", "95.00"));
    let last = students.get(5000);
    assert_eq!((s(&last, "studentId").as_str(), s(&last, "gpa").as_str(), s(&last, "credits").as_str()), ("X\u{fffd}", "3.00", "2"));
    // The same file as the bytes a UTF-8 encoder writes.
    text.push_str("X\u{fffd},c,2,B\n");
    assert_eq!(json(&r), json(&with(&js_sys::Uint8Array::from(text.as_bytes()).into())));
    // All ASCII (encoded in one pass, where the Chinese text above needs a second).
    let ascii = text.replace("微积分", "Calculus").replace('\u{fffd}', "Y");
    let r = with(&JsValue::from_str(&ascii));
    assert_eq!(js_sys::Array::from(&get(&r, "students")).length(), 5001);
    assert_eq!(json(&r), json(&with(&js_sys::Uint8Array::from(ascii.as_bytes()).into())));
}
