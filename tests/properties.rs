//! Properties of every public JSON entry point: arbitrary JSON and arbitrary text never panic
//! and give a result or an error whose code is a documented one, whose field path leads to
//! where the input is wrong, and whose message names that field in the request's language;
//! the grades entry point answers every preset request exactly as the full one; the batch
//! equals computeGpa per student; xinyu letter grades always give a GPA within 0–4 (the
//! XYU-12.7(2) table's range).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use exchange_calc::api::{self, ApiResult, Export, Full, GradesOnly};
use exchange_calc::algorithms::HomeGpaInput;
use exchange_calc::grade::{ConvertInput, GpaInput};
use exchange_calc::batch;
use exchange_calc::decimal::{self, Decimal};
use exchange_calc::grade::{self, CourseInput};
use exchange_calc::policy::Policy;
use exchange_calc::Locale;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

type Api = fn(Value) -> ApiResult;

const APIS: [(&str, Api); 6] = [
    ("describePolicy", api::describe_policy),
    ("checklist", api::checklist),
    ("convertGrade", api::convert_grade),
    ("computeGpa", api::compute_gpa),
    ("homeGpa", api::home_gpa),
    ("batchGpa", api::batch_gpa),
];

mod common;

fn xinyu() -> Policy {
    common::preset("xinyu-2022")
}

const KEYS: &[&str] = &[
    "policy", "grade", "courses", "credits", "name", "score", "csv", "locale", "extends", "minGpa", "grades", "letters",
    "gradePoint", "percentage", "pass", "id", "title", "year", "clauses", "studentIdPattern", "hoursPerCredit",
    "sameStandard", "departure", "arrival", "end", "deadlines", "steps",
];

const TEXTS: &[&str] = &[
    "xinyu-2022", "gdut-lixing-2026", "A", "b+", "Ｂ＋", "88", "100.5", "-1", "1e309", "79228162514264337593543950335",
    "P", "en", "zh-CN", "studentId,course,credits,grade\nS,a,1,A\nS,b,x,Q\n", "", " ", "NaN", "[", "\"",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![3 => prop::sample::select(KEYS).prop_map(str::to_owned), 1 => ".{0,8}"]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![2 => prop::sample::select(TEXTS).prop_map(str::to_owned), 1 => any::<String>(), 1 => "[ -~]{0,12}"]
}

/// Arbitrary JSON, biased towards the API's own keys and values so the requests get deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// The codes README.md documents; nothing else may reach a caller.
const CODES: &[&str] = &[
    "invalid_type", "unknown_field", "missing_field", "invalid_number", "out_of_range", "invalid_step", "invalid_grade",
    "unknown_policy", "invalid_policy", "not_in_policy", "needs_full_module", "unknown_value", "overflow", "invalid_date",
    "date_order", "empty", "missing_rate", "duplicate", "no_students", "invalid_format", "field_count", "unclosed_quote",
];

/// The value at a JS-style path (`courses[2].grade`, `policy.grades.letters[0]`) inside
/// `input`, and whether its parent exists (a missing key's parent must).
fn at<'v>(input: &'v Value, path: &str) -> (Option<&'v Value>, bool) {
    let mut here = Some(input);
    let mut parent = true;
    let mut rest = path;
    while !rest.is_empty() {
        let (step, next) = match rest.find(['.', '[']) {
            Some(0) if rest.starts_with('[') => {
                let end = rest.find(']').unwrap_or(rest.len());
                (&rest[..=end.min(rest.len() - 1)], &rest[(end + 1).min(rest.len())..])
            }
            Some(0) => (&rest[1..rest[1..].find(['.', '[']).map_or(rest.len(), |i| i + 1)], &rest[rest[1..].find(['.', '[']).map_or(rest.len(), |i| i + 1)..]),
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        parent = here.is_some();
        here = match (here, step.strip_prefix('[').and_then(|s| s.strip_suffix(']'))) {
            (Some(Value::Array(items)), Some(i)) => i.parse::<usize>().ok().and_then(|i| items.get(i)),
            (Some(Value::Object(map)), None) => map.get(step),
            _ => None,
        };
        rest = next;
    }
    (here, parent)
}

/// Whether every key in `v` can be written in a JS-style path (no `.`, `[` or `]`, not
/// empty): only then does a path name one place.
fn path_safe(v: &Value) -> bool {
    match v {
        Value::Object(map) => map.iter().all(|(k, v)| !k.is_empty() && !k.contains(['.', '[', ']']) && path_safe(v)),
        Value::Array(items) => items.iter().all(path_safe),
        _ => true,
    }
}

/// An error must be one the README documents, point into the input and say where in words:
/// a wrong implementation (a made-up code, a path that leads nowhere, a message in the other
/// language or about another field) fails here.
#[track_caller]
fn coded(name: &str, input: &Value, result: &ApiResult) {
    let Err(f) = result else { return };
    assert!(CODES.contains(&f.code()), "{name}({input}): undocumented code {:?}", f.code());
    let field = f.field();
    let (value, parent) = at(input, field);
    let policy_inside = field.starts_with("policy") && f.code() != "missing_field";
    match f.code() {
        // A batch row's or column's errors name the CSV's columns (`csv.grade`), not JSON.
        _ if !path_safe(input) || field.starts_with("csv") => {}
        // Reported where the key is absent, null or blank text (an empty form field): its
        // parent object exists.
        "missing_field" => {
            let blank = value.map_or(true, |v| v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()));
            assert!(parent && blank, "{name}({input}): missing {field}, but it is there");
        }
        // The unknown key itself is in the input.
        "unknown_field" => assert!(value.is_some(), "{name}({input}): unknown {field} is not in the input"),
        // A policy's problems may sit in the preset it extends, not in the input; everything
        // else is a value that is there.
        _ if policy_inside || field.is_empty() => {}
        _ => assert!(value.is_some(), "{name}({input}): {} at {field}, which is not in the input", f.code()),
    }
    // The message names the field first, in the request's language.
    let locale = input.get("locale").and_then(Value::as_str).and_then(exchange_calc::Locale::parse).unwrap_or_default();
    let (sep, whole) = match locale {
        Locale::ZhCn => ("：", "输入"),
        Locale::En => (": ", "input"),
    };
    let named = if field.is_empty() { whole } else { field };
    assert!(f.message().starts_with(&format!("{named}{sep}")), "{name}({input}): message {:?} does not start with {named:?}", f.message());
    assert_eq!(f.message(), format!("{named}{sep}{}", f.reason()), "{name}({input})");
}

/// The grades entry point answers like the full one for every request, except that it holds
/// no policy object (`needs_full_module`).
#[track_caller]
fn same_in_both<E: Export>(input: &Value) {
    let full = api::call::<E, Full>(input);
    let grades = api::call::<E, GradesOnly>(input);
    match (&full, &grades) {
        (_, Err(g)) if g.code() == "needs_full_module" => {
            assert!(input.get("policy").is_some_and(Value::is_object), "{input}: needs_full_module for {:?}", input.get("policy"));
        }
        _ => assert_eq!(full, grades, "{input}"),
    }
}

const LETTERS: [&str; 13] = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"];

/// A grade as people type it: a letter (any case, spaces, full-width), a percentage, a pass.
fn typed_grade() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(&LETTERS[..]).prop_map(str::to_owned),
        1 => prop::sample::select(&LETTERS[..]).prop_map(|l| format!(" {} ", l.to_lowercase())),
        1 => prop::sample::select(&LETTERS[..]).prop_map(|l| l.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect()),
        2 => (0u32..=1000).prop_map(|x| format!("{}.{}", x / 10, x % 10)),
        1 => prop::sample::select(vec!["P", "Pass", "np", "FAIL"]).prop_map(str::to_owned),
    ]
}

/// Credits as a spreadsheet has them: 0–40 with up to two places.
fn credits() -> impl Strategy<Value = Decimal> {
    (0i64..=4000, 0u32..=2).prop_map(|(n, dp)| Decimal::new(n, 2).round_dp(dp))
}

/// A CSV field, quoted when it has to be (and sometimes when it need not be).
fn field(text: &str, force_quote: bool) -> String {
    if force_quote || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics_and_errors_are_coded(input in json_value()) {
        for (name, f) in APIS {
            coded(name, &input, &f(input.clone()));
        }
        same_in_both::<ConvertInput>(&input);
        same_in_both::<GpaInput>(&input);
        same_in_both::<HomeGpaInput>(&input);
    }

    #[test]
    fn arbitrary_text_in_every_field_never_panics(s in text(), t in text()) {
        let requests = [
            json!({ "policy": s }),
            json!({ "policy": "xinyu-2022", "grade": s, "locale": t }),
            json!({ "policy": "gdut-lixing-2026", "grade": s, "courses": [{ "credits": 1, "grade": t }] }),
            json!({ "policy": { "extends": "xinyu-2022", "minGpa": s, "grades": { "pass": [t] } }, "grade": t }),
            json!({ "policy": "xinyu-2022", "courses": [{ "name": s, "credits": t, "grade": s, "score": t }] }),
            json!({ "policy": "xinyu-2022", "courses": [{ "name": s, "credits": "1", "grade": t }] }),
            json!({ "courses": [{ "name": s, "credits": t, "score": s }] }),
            json!({ "policy": "xinyu-2022", "csv": s }),
            json!({ "policy": "xinyu-2022", "csv": format!("studentId,course,credits,grade\n{s},{t},{t},{s}\n") }),
        ];
        for input in requests {
            for (name, f) in APIS {
                coded(name, &input, &f(input.clone()));
            }
            same_in_both::<ConvertInput>(&input);
            same_in_both::<GpaInput>(&input);
        }
        let _ = api::policies();
    }

    #[test]
    fn batch_equals_compute_gpa_for_every_student(
        rows in prop::collection::vec((0usize..6, "[a-zA-Z ,\"]{0,10}", credits(), typed_grade(), any::<bool>()), 1..60),
        crlf in any::<bool>(),
    ) {
        let p = xinyu();
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut csv = format!("grade,studentId,credits,course{nl}");
        for (student, course, credits, grade, quote) in &rows {
            let fields = [field(grade, *quote), field(&format!("S{student}"), *quote), credits.to_string(), field(course, *quote)];
            csv.push_str(&fields.join(","));
            csv.push_str(nl);
        }
        let r = batch::batch_gpa(&p, &csv, Locale::En).unwrap();
        prop_assert_eq!(r.error_count, 0, "{:?}", r.errors);
        let mut seen = Vec::new();
        for (student, ..) in &rows {
            if !seen.contains(student) { seen.push(*student); }
        }
        prop_assert_eq!(r.students.len(), seen.len());
        for (s, id) in r.students.iter().zip(&seen) {
            prop_assert_eq!(&s.student_id, &format!("S{id}"));
            let courses: Vec<CourseInput> = rows.iter().filter(|r| r.0 == *id)
                .map(|(_, course, credits, grade, _)| CourseInput { name: course.clone(), credits: *credits, grade: grade.clone(), same_standard: None })
                .collect();
            let g = grade::compute_gpa(&p, &courses, Locale::En).unwrap();
            prop_assert_eq!(
                (&s.gpa, &s.gpa_exact, &s.average_percentage, &s.average_percentage_exact),
                (&g.gpa, &g.gpa_exact, &g.average_percentage, &g.average_percentage_exact)
            );
            prop_assert_eq!((s.credits, s.gpa_credits, s.earned_credits, s.courses), (g.total_credits, g.gpa_credits, g.earned_credits, courses.len()));
            // And through the JSON API, as the page calls it.
            let out = api::compute_gpa(json!({
                "policy": "xinyu-2022",
                "courses": courses.iter().map(|c| json!({ "name": c.name, "credits": c.credits.to_string(), "grade": c.grade })).collect::<Vec<_>>(),
            })).unwrap();
            prop_assert_eq!(out["gpa"].as_str(), s.gpa.as_deref());
            prop_assert_eq!(out["averagePercentage"].as_str(), s.average_percentage.as_deref());
        }
    }

    #[test]
    fn xinyu_letter_grades_give_a_gpa_within_0_and_4(
        courses in prop::collection::vec((prop::sample::select(&LETTERS[..]), credits()), 1..40),
    ) {
        let p = xinyu();
        let input: Vec<CourseInput> = courses.iter().map(|(l, c)| CourseInput { name: String::new(), credits: *c, grade: (*l).to_owned(), same_standard: None }).collect();
        let g = grade::compute_gpa(&p, &input, Locale::En).unwrap();
        if let Some(exact) = &g.gpa_exact {
            let v = decimal::parse(exact).unwrap();
            // A weighted mean of points in [0, 4.0] stays in [0, 4]; the average of
            // percentages in [55, 98] stays in [55, 98].
            prop_assert!(v >= Decimal::ZERO && v <= Decimal::from(4), "{}", exact);
            let avg = decimal::parse(g.average_percentage_exact.as_deref().unwrap()).unwrap();
            prop_assert!(avg >= Decimal::from(55) && avg <= Decimal::from(98), "{}", avg);
        } else {
            prop_assert!(courses.iter().all(|(_, c)| c.is_zero()));
        }
    }

    #[test]
    fn convert_grade_of_any_text_is_in_range_or_a_coded_error(s in any::<String>()) {
        match api::convert_grade(json!({ "policy": "xinyu-2022", "grade": s })) {
            Ok(v) => {
                if let Some(gp) = v["gradePoint"].as_str() {
                    let gp = decimal::parse(gp).unwrap();
                    prop_assert!(gp >= Decimal::ZERO && gp <= Decimal::from(4));
                }
                if let Some(pct) = v["percentage"].as_str() {
                    let pct = decimal::parse(pct).unwrap();
                    prop_assert!(pct >= Decimal::ZERO && pct <= Decimal::ONE_HUNDRED);
                }
            }
            Err(f) => prop_assert!(!f.code().is_empty()),
        }
    }
}
