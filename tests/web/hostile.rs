//! Hostile input to every exported function: wrong types, null/undefined, ~1 MB strings,
//! 10^28 and 1e309 amounts, JSON nested 10,000 levels deep, cyclic objects. Each call must
//! return or throw an `Error` with a non-empty `code`; afterwards the module still converts
//! B+ to 3.3 / 88 (XYU-12.7(2)).

use super::support::{js, s};
use exchange_calc::wasm as api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// Runs JS source (a function body) and returns its value.
fn run_js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body).call0(&JsValue::NULL).expect(body)
}

/// `{ a: { a: … } }` nested `depth` levels, built in JS (JSON.parse would refuse nothing,
/// but a Rust-side builder would itself recurse).
fn deep_object(depth: u32) -> JsValue {
    run_js(&format!("let o = {{}}; for (let i = 0; i < {depth}; i++) o = {{ a: o }}; return o;"))
}

fn deep_array(depth: u32) -> JsValue {
    run_js(&format!("let o = []; for (let i = 0; i < {depth}; i++) o = [o]; return o;"))
}

fn cyclic() -> JsValue {
    run_js("const o = { policy: 'xinyu-2022', grade: 'A' }; o.self = o; o.courses = [o]; return o;")
}

fn huge(text: &str, bytes: usize) -> JsValue {
    JsValue::from_str(&text.repeat(bytes / text.len().max(1)))
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// The hostile values, each with a label for failure messages.
fn hostile_values() -> Vec<(String, JsValue)> {
    let mut v: Vec<(String, JsValue)> = vec![
        ("undefined".into(), JsValue::UNDEFINED),
        ("null".into(), JsValue::NULL),
        ("number".into(), JsValue::from_f64(42.0)),
        ("NaN".into(), JsValue::from_f64(f64::NAN)),
        ("string".into(), JsValue::from_str("xinyu-2022")),
        ("bool".into(), JsValue::TRUE),
        ("array".into(), js("[1, \"a\", null]")),
        ("empty object".into(), js("{}")),
        ("symbol".into(), run_js("return Symbol('x');")),
        ("bigint 10^28".into(), run_js("return 10n ** 28n;")),
        ("function".into(), run_js("return () => 1;")),
        ("1 MB string".into(), huge("A", 1 << 20)),
        ("deep object".into(), deep_object(10_000)),
        ("deep array".into(), deep_array(10_000)),
        ("cyclic".into(), cyclic()),
    ];
    let policy = JsValue::from_str("xinyu-2022");
    let values: Vec<(String, JsValue)> = v.iter().map(|(k, x)| (k.clone(), x.clone())).collect();
    for (label, x) in &values {
        // The same value in every field position of a request.
        v.push((format!("{{policy: {label}}}"), obj(&[("policy", x.clone()), ("grade", "A".into())])));
        v.push((format!("{{grade: {label}}}"), obj(&[("policy", policy.clone()), ("grade", x.clone())])));
        v.push((format!("{{courses: {label}}}"), obj(&[("policy", policy.clone()), ("courses", x.clone())])));
        v.push((format!("{{csv: {label}}}"), obj(&[("policy", policy.clone()), ("csv", x.clone())])));
        v.push((format!("{{locale: {label}}}"), obj(&[("policy", policy.clone()), ("grade", "A".into()), ("locale", x.clone())])));
        let course = obj(&[("name", x.clone()), ("credits", x.clone()), ("grade", x.clone()), ("score", x.clone())]);
        v.push((format!("{{courses: [{label} fields]}}"), obj(&[("policy", policy.clone()), ("courses", js_sys::Array::of1(&course).into())])));
    }
    for (label, amount) in [
        ("10^28", JsValue::from_f64(1e28)),
        ("1e309", JsValue::from_f64(f64::INFINITY)),
        ("-1e309", JsValue::from_f64(f64::NEG_INFINITY)),
        ("\"10^28\"", JsValue::from_str("10000000000000000000000000000")),
        ("\"1e309\"", JsValue::from_str("1e309")),
        ("max decimal", JsValue::from_str("79228162514264337593543950335")),
        ("-0", JsValue::from_f64(-0.0)),
        ("5e-324", JsValue::from_f64(5e-324)),
    ] {
        let courses = run_js("return [];").unchecked_into::<js_sys::Array>();
        for _ in 0..3 {
            courses.push(&obj(&[("name", "x".into()), ("credits", amount.clone()), ("grade", "A+".into()), ("score", amount.clone())]));
        }
        v.push((format!("credits {label}"), obj(&[("policy", policy.clone()), ("courses", courses.into())])));
        v.push((format!("grade {label}"), obj(&[("policy", policy.clone()), ("grade", amount.clone())])));
        v.push((format!("policy minGpa {label}"), obj(&[("policy", obj(&[("extends", policy.clone()), ("minGpa", amount.clone())])), ("grade", "A".into())])));
        let text = amount.as_string().unwrap_or_else(|| format!("{}", amount.as_f64().unwrap_or(0.0)));
        let csv = format!("studentId,course,credits,grade\nS,a,{text},A\nS,b,{text},A\nS,c,1,{text}\n");
        v.push((format!("csv {label}"), obj(&[("policy", policy.clone()), ("csv", csv.into())])));
    }
    for (label, csv) in [
        ("1 MB of quotes", "\"".repeat(1 << 20)),
        ("1 MB of commas", format!("studentId,course,credits,grade\n{}", ",".repeat(1 << 20))),
        ("1 MB of newlines", "\n".repeat(1 << 20)),
        ("1 MB grade", format!("studentId,course,credits,grade\nS,a,1,{}\n", "Ａ".repeat(1 << 18))),
        ("1 MB id", format!("studentId,course,credits,grade\n{},a,1,A\n", "9".repeat(1 << 20))),
        ("NUL and lone surrogates", "studentId,course,credits,grade\n\0,\u{fffd},1,A\n".to_owned()),
    ] {
        v.push((format!("csv {label}"), obj(&[("policy", policy.clone()), ("csv", csv.into())])));
    }
    v.push(("deep policy override".into(), obj(&[("policy", obj(&[("extends", policy.clone()), ("grades", deep_object(10_000))])), ("grade", "A".into())])));
    v
}

type Export = fn(JsValue) -> Result<JsValue, JsValue>;

const EXPORTS: [(&str, Export); 5] = [
    ("describePolicy", api::describe_policy),
    ("convertGrade", api::convert_grade),
    ("computeGpa", api::compute_gpa),
    ("homeGpa", api::home_gpa),
    ("batchGpa", api::batch_gpa),
];

#[track_caller]
fn still_answers() {
    let r = api::convert_grade(js(r#"{"policy":"xinyu-2022","grade":"B+"}"#)).expect("convertGrade after hostile input");
    assert_eq!((s(&r, "gradePoint").as_str(), s(&r, "percentage").as_str()), ("3.3", "88"));
}

#[wasm_bindgen_test]
fn every_export_survives_hostile_input_and_keeps_answering() {
    let values = hostile_values();
    let mut thrown = 0;
    for (name, f) in EXPORTS {
        for (label, value) in &values {
            match f(value.clone()) {
                Ok(_) => {}
                Err(e) => {
                    thrown += 1;
                    assert!(e.is_instance_of::<js_sys::Error>(), "{name}({label}) threw a non-Error");
                    let code = s(&e, "code");
                    assert!(!code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name}({label}): code {code:?}");
                    assert!(!s(&e, "message").is_empty(), "{name}({label}): empty message");
                }
            }
        }
        still_answers();
    }
    assert!(api::policies().is_ok());
    assert!(thrown > 100, "most hostile inputs are errors ({thrown})");
    still_answers();
}

#[wasm_bindgen_test]
fn amounts_beyond_range_are_coded_errors_not_wrong_numbers() {
    // 1e309 is Infinity in JS; JSON has no Infinity (it becomes null): a wrong type, never
    // a huge number.
    let e = api::compute_gpa(obj(&[
        ("policy", "xinyu-2022".into()),
        ("courses", js_sys::Array::of1(&obj(&[("credits", JsValue::from_f64(f64::INFINITY)), ("grade", "A".into())])).into()),
    ]))
    .unwrap_err();
    assert_eq!((s(&e, "code").as_str(), s(&e, "field").as_str()), ("invalid_type", "courses[0].credits"));
    // 10^28 credits fit in a decimal (max ≈ 7.92×10^28), but for the average A+ weighs
    // 10^28 × 98 = 9.8×10^29: an overflow at the first course, not a wrong number.
    let e = api::compute_gpa(js(r#"{"policy":"xinyu-2022","courses":[{"credits":"10000000000000000000000000000","grade":"A+"},{"credits":"10000000000000000000000000000","grade":"A+"}]}"#))
        .unwrap_err();
    assert_eq!((s(&e, "code").as_str(), s(&e, "field").as_str()), ("overflow", "courses[0].credits"));
    // The batch reports the same as a row error and goes on.
    let r = api::batch_gpa(js(r#"{"policy":"xinyu-2022","csv":"studentId,course,credits,grade\nS,a,10000000000000000000000000000,A+\nS,b,10000000000000000000000000000,A+\nS,c,1e309,A\n"}"#)).unwrap();
    let errors = js_sys::Array::from(&js_sys::Reflect::get(&r, &"errors".into()).unwrap());
    let codes: Vec<String> = errors.iter().map(|e| s(&e, "code")).collect();
    assert_eq!(codes, ["overflow", "overflow", "invalid_number"]);
    still_answers();
}
