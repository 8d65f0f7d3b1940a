//! Batch GPA (issue 7): the CSV reader, row errors by line, and equality with computeGpa.
//! Expected values are worked by hand from the XYU-12.7(2) table in the comments.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use exchange_calc::api;
use exchange_calc::batch::{self, BatchResult, StudentGpa};
use exchange_calc::grade::{self, CourseInput};
use exchange_calc::policy::{self, Policy};
use exchange_calc::Locale;
use serde::Serialize;
use serde_json::{json, Value};

mod common;
use common::d;

fn xinyu() -> Policy {
    common::preset("xinyu-2022")
}

fn run(csv: &str) -> BatchResult {
    batch::batch_gpa(&xinyu(), csv, Locale::En).unwrap_or_else(|e| panic!("{csv:?}: {e}"))
}

/// What `batchGpa` answers for `csv` under xinyu-2022, typed: `to_json` is its JSON text.
fn output(csv: &str, locale: Locale) -> api::BatchOutput {
    let p = policy::resolve(&json!("xinyu-2022"), "policy", locale).unwrap();
    let result = batch::batch_gpa(&p, csv, locale).unwrap_or_else(|e| panic!("{csv:?}: {e}"));
    api::BatchOutput { result, policy: p.reference() }
}


#[track_caller]
fn student(r: &BatchResult, id: &str) -> StudentGpa {
    r.students.iter().find(|s| s.student_id == id).cloned().unwrap_or_else(|| panic!("no student {id}: {r:?}"))
}

#[track_caller]
fn gpa_is(r: &BatchResult, id: &str, gpa: &str, avg: &str, credits: &str) {
    let s = student(r, id);
    assert_eq!(
        (s.gpa.as_deref(), s.average_percentage.as_deref(), s.credits),
        (Some(gpa), Some(avg), d(credits)),
        "student {id}"
    );
}

/// (line, code, field) of each error.
fn errors(r: &BatchResult) -> Vec<(usize, &str, Option<&str>)> {
    r.errors.iter().map(|e| (e.line, e.code, e.field)).collect()
}

#[track_caller]
fn whole_file_error(csv: &str, code: &str, field: &str) {
    let e = batch::batch_gpa(&xinyu(), csv, Locale::En).err().unwrap_or_else(|| panic!("{csv:?} should fail"));
    assert_eq!((e.code(), e.field.as_str()), (code, field), "{csv:?}");
}

const COHORT: &str = "studentId,course,credits,grade
S1,Calculus,3,A
S2,Art,2,B
S1,Physics,2,b+
S1,Writing,1,F
S2,Music,1,P
";

#[test]
fn xyu_12_7_two_interleaved_students() {
    let r = run(COHORT);
    // S1: GPA = (3×3.7 + 2×3.3 + 1×0) / 6 = 17.7 / 6 = 2.95
    //     average = (3×95 + 2×88 + 1×55) / 6 = 516 / 6 = 86
    gpa_is(&r, "S1", "2.95", "86.00", "6");
    let s1 = student(&r, "S1");
    assert_eq!((s1.gpa_exact.as_deref(), s1.average_percentage_exact.as_deref()), (Some("2.95"), Some("86")));
    // F fails (XYU-12.8): 6 − 1 = 5 credits earned, one course to retake.
    assert_eq!((s1.earned_credits, s1.courses, s1.failed_courses), (d("5"), 3, 1));
    // S2: only B weighs: 2×3.0 / 2 = 3.00, 2×85 / 2 = 85; P counts for credits only: 2 + 1 = 3.
    gpa_is(&r, "S2", "3.00", "85.00", "3");
    assert_eq!(student(&r, "S2").gpa_credits, d("2"));
    // First-appearance order.
    let ids: Vec<_> = r.students.iter().map(|s| s.student_id.as_str()).collect();
    assert_eq!(ids, ["S1", "S2"]);
    assert_eq!((r.rows, r.error_count), (5, 0));
}

#[test]
fn xyu_12_7_rounding_is_half_up_on_the_exact_mean() {
    // (1×4.0 + 2×3.7) / 3 = 11.4 / 3 = 3.8 exactly; (1×3.7 + 2×3.5) / 3 = 10.7 / 3 = 3.5666… → 3.57
    let r = run("studentId,course,credits,grade\na,x,1,A+\na,y,2,A\nb,x,1,A\nb,y,2,A-\n");
    gpa_is(&r, "a", "3.80", "96.00", "3"); // (98 + 2×95) / 3 = 288 / 3 = 96
    gpa_is(&r, "b", "3.57", "92.33", "3"); // (95 + 2×91) / 3 = 277 / 3 = 92.333…
}

#[test]
fn columns_in_any_order_and_any_case_with_bom_crlf_quotes_and_blank_lines() {
    let csv = "\u{feff}GRADE,Credits, studentid ,Course\r\n\r\n\"A\",\"3\",\"S 1\",\"Calculus, \"\"honours\"\"\"\r\n  \r\nb+,2,S 1,\"multi\nline\"\r\n";
    let r = run(csv);
    // (3×3.7 + 2×3.3) / 5 = 17.7 / 5 = 3.54; (3×95 + 2×88) / 5 = 461 / 5 = 92.2
    gpa_is(&r, "S 1", "3.54", "92.20", "5");
    assert_eq!((r.rows, r.error_count), (2, 0));
}

#[test]
fn percentage_scores_pass_through_and_weigh_only_in_the_average() {
    // XYU-12.7(1): 88 stays 88 and has no grade point. GPA over A only: 3.7;
    // average = (2×95 + 2×88) / 4 = 366 / 4 = 91.5
    let r = run("studentId,course,credits,grade\nz,a,2,A\nz,b,2,88\n");
    gpa_is(&r, "z", "3.70", "91.50", "4");
}

#[test]
fn bad_rows_are_reported_by_line_and_the_rest_still_count() {
    let csv = "studentId,course,credits,grade
S1,a,3,A
S1,b,x,A
,c,2,A
S1,d,2,Q
S1,e,-1,A
S1,f,2
S1,g,1,101

S2,h,1,\"B
S1,i,1,A
";
    let r = run(csv);
    assert_eq!(
        errors(&r),
        [
            (3, "invalid_number", Some("credits")),
            (4, "missing_field", Some("studentId")),
            (5, "invalid_grade", Some("grade")),
            (6, "out_of_range", Some("credits")),
            (7, "field_count", None),
            (8, "out_of_range", Some("grade")),
            (10, "unclosed_quote", None),
        ]
    );
    assert!(r.errors[0].message.starts_with("line 3: credits: \"x\""), "{}", r.errors[0].message);
    // Only line 2 counts (the quote opened on line 10 swallows line 11): 3×3.7 / 3.
    gpa_is(&r, "S1", "3.70", "95.00", "3");
    assert_eq!(r.students.len(), 1, "S2 has no readable row");
    // Rows: lines 2–8 and 10 (9 is blank; 11 is inside the open quote).
    assert_eq!((r.error_count, r.rows), (7, 8));
}

#[test]
fn messages_are_in_the_requested_language() {
    let r = batch::batch_gpa(&xinyu(), "studentId,course,credits,grade\nS1,a,,A\n", Locale::ZhCn).unwrap();
    assert_eq!(r.errors[0].code, "missing_field");
    assert!(r.errors[0].message.starts_with("第 2 行：credits：必填"), "{}", r.errors[0].message);
}

#[test]
fn reason_is_the_message_without_its_line_and_column() {
    // The cohort page names the row and the column in its own words; `reason` is the rest of
    // `message`, in either language, with or without a column, and in the JSON the page reads.
    let csv = "studentId,course,credits,grade\nS1,a,x,A\nS1,b\n";
    for (tag, locale, at) in [("en", Locale::En, ["line 2: credits: ", "line 3: input: "]), ("zh-CN", Locale::ZhCn, ["第 2 行：credits：", "第 3 行：输入："])] {
        let r = batch::batch_gpa(&xinyu(), csv, locale).unwrap();
        assert_eq!(errors(&r), [(2, "invalid_number", Some("credits")), (3, "field_count", None)]);
        for (e, at) in r.errors.iter().zip(at) {
            assert!(!e.reason.is_empty() && !e.reason.starts_with(at), "{e:?}");
            assert_eq!(e.message, format!("{at}{}", e.reason), "{tag}");
        }
        let out = api::batch_gpa(json!({ "policy": "xinyu-2022", "csv": csv, "locale": tag })).unwrap();
        assert_eq!(out["errors"][0]["reason"], r.errors[0].reason.as_str());
        assert_eq!(out["errors"][1]["reason"], r.errors[1].reason.as_str());
    }
    assert!(run(csv).errors[0].reason.starts_with("\"x\""), "{:?}", run(csv).errors[0]);
}

#[test]
fn zero_credits_and_pass_fail_only_give_no_gpa() {
    // Zero credits are listed but do not weigh; P weighs in neither mean.
    let r = run("studentId,course,credits,grade\nq,a,0,A\nq,b,2,P\n");
    let s = student(&r, "q");
    assert_eq!((s.gpa, s.average_percentage, s.credits, s.courses), (None, None, d("2"), 2));
}

#[test]
fn whole_file_errors() {
    whole_file_error("", "empty", "csv");
    whole_file_error("\u{feff}\r\n \n", "empty", "csv");
    whole_file_error("studentId,course,credits\nS1,a,3\n", "missing_field", "csv.grade");
    whole_file_error("studentId,course,credits,grade,teacher\n", "unknown_field", "csv.teacher");
    whole_file_error("studentId,course,credits,grade,Grade\n", "invalid_type", "csv.Grade");
    whole_file_error("\"studentId,course\n", "unclosed_quote", "csv");
    // A header alone is a valid, empty cohort.
    assert_eq!(run("studentId,course,credits,grade").students, []);
    // gdut-lixing-2026 has no grade table.
    let gdut = policy::resolve(&json!("gdut-lixing-2026"), "policy", Locale::En).unwrap();
    let e = batch::batch_gpa(&gdut, COHORT, Locale::En).unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("not_in_policy", "policy"));
}

#[test]
fn errors_are_capped_but_counted() {
    let mut csv = String::from("studentId,course,credits,grade\n");
    for _ in 0..(batch::MAX_ERRORS + 5) {
        csv.push_str("S,a,1,Q\n");
    }
    let r = run(&csv);
    assert_eq!((r.errors.len(), r.error_count), (batch::MAX_ERRORS, batch::MAX_ERRORS + 5));
}

#[test]
fn many_distinct_grade_spellings_still_convert() {
    // Past the grade cache, conversion goes row by row with the same result: 300 spellings
    // of percentages 0.00 … 2.99 plus A; all weigh only in the average except A.
    let mut csv = String::from("studentId,course,credits,grade\n");
    for i in 0..300 {
        csv.push_str(&format!("S,c{i},1,{}.{:02}\n", i / 100, i % 100));
    }
    csv.push_str("S,last,1,A\n");
    let r = run(&csv);
    let s = student(&r, "S");
    assert_eq!((s.courses, s.gpa.as_deref()), (301, Some("3.70")));
    // Σ 0.00…2.99 = (0 + 299) × 300 / 2 / 100 = 448.5; plus 95 → 543.5 / 301 = 1.80564… → 1.81
    assert_eq!(s.average_percentage.as_deref(), Some("1.81"));
}

#[test]
fn sums_past_the_decimal_range_reject_the_row_not_the_student() {
    let big = "79228162514264337593543950335"; // Decimal::MAX
    let r = run(&format!("studentId,course,credits,grade\nS,a,1,A\nS,b,{big},A\n"));
    assert_eq!(errors(&r), [(3, "overflow", Some("credits"))]);
    gpa_is(&r, "S", "3.70", "95.00", "1");
    let r = run("studentId,course,credits,grade\nS,a,1e400,A\n");
    assert_eq!(errors(&r), [(2, "invalid_number", Some("credits"))]);
    let r = run("studentId,course,credits,grade\nS,a,99999999999999999999999999999999,A\n");
    assert_eq!(errors(&r), [(2, "overflow", Some("credits"))]);
}

#[test]
fn equals_compute_gpa_for_every_student() {
    let p = xinyu();
    let r = run(COHORT);
    for s in &r.students {
        let courses: Vec<CourseInput> = COHORT
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|f| f[0] == s.student_id)
            .map(|f| CourseInput { name: f[1].into(), credits: d(f[2]), grade: f[3].into(), same_standard: None })
            .collect();
        let g = grade::compute_gpa(&p, &courses, Locale::En).unwrap();
        assert_eq!(
            (&s.gpa, &s.gpa_exact, &s.average_percentage, &s.average_percentage_exact, s.credits, s.gpa_credits, s.earned_credits),
            (&g.gpa, &g.gpa_exact, &g.average_percentage, &g.average_percentage_exact, g.total_credits, g.gpa_credits, g.earned_credits),
        );
    }
}

#[track_caller]
fn api_error(input: Value, code: &str, field: &str) {
    let e = api::batch_gpa(input.clone()).err().unwrap_or_else(|| panic!("{input} should fail"));
    assert_eq!((e.code(), e.field()), (code, field), "{input}");
}

#[test]
fn json_api_shape_and_errors() {
    let out = api::batch_gpa(json!({ "policy": "xinyu-2022", "csv": COHORT, "locale": "en" })).unwrap();
    assert_eq!(out["students"][0]["studentId"], "S1");
    assert_eq!(out["students"][0]["gpa"], "2.95");
    assert_eq!(out["students"][0]["averagePercentage"], "86.00");
    assert_eq!(out["students"][0]["credits"], "6");
    assert_eq!(out["students"][1]["gpaExact"], "3");
    assert_eq!(out["errors"], json!([]));
    assert_eq!(out["policy"]["id"], "xinyu-2022");
    assert_eq!(out["errorCount"], 0);

    let out = api::batch_gpa(json!({ "policy": "xinyu-2022", "csv": "studentId,course,credits,grade\nS,a,1,Z\n" })).unwrap();
    assert_eq!(out["errors"][0]["line"], 2);
    assert_eq!(out["errors"][0]["code"], "invalid_grade");
    assert_eq!(out["errors"][0]["field"], "grade");

    api_error(json!({ "policy": "xinyu-2022" }), "missing_field", "csv");
    api_error(json!({ "policy": "xinyu-2022", "csv": 5 }), "invalid_type", "csv");
    api_error(json!({ "policy": "xinyu-2022", "csv": "", "cvs": "" }), "unknown_field", "cvs");
    api_error(json!({ "policy": "nope", "csv": COHORT }), "unknown_policy", "policy");
    api_error(json!({ "policy": "xinyu-2022", "csv": COHORT, "locale": "fr" }), "unknown_value", "locale");
    api_error(json!({ "policy": "xinyu-2022", "csv": "a,b\n" }), "unknown_field", "csv.a");
    api_error(json!(null), "invalid_type", "");
}

#[test]
fn a_bad_locale_is_reported_before_a_missing_policy_as_by_every_export() {
    // batchGpa reads its request as the core reads every other (api::read_policy): its own
    // keys, the locale tag, then the policy. It used to report the missing policy first.
    api_error(json!({ "csv": COHORT, "locale": "fr" }), "unknown_value", "locale");
    let e = api::batch_gpa_with::<api::Full>(&json!({ "locale": "fr" }), Some(COHORT)).unwrap_err();
    assert_eq!((e.code(), e.field()), ("unknown_value", "locale"));
    let e = api::convert_grade(json!({ "grade": "A", "locale": "fr" })).unwrap_err();
    assert_eq!((e.code(), e.field()), ("unknown_value", "locale"));
    // Neither key: the policy first, as before.
    api_error(json!({ "locale": "fr" }), "missing_field", "policy");
}

#[test]
fn a_product_that_would_lose_places_is_an_overflow_not_a_gpa_above_4() {
    // Found by fuzzing batch_csv: 2.7922816251426433759354395034 × 4.0 needs 29 places and
    // 97 bits; rust_decimal rounded it and a lone A+ came out as 4.0000000000000000000000000001.
    let r = run("studentId,course,credits,grade\nS2,Art,2.7922816251426433759354395034,A+\nS2,Music,2,A+\n");
    assert_eq!(errors(&r), [(2, "overflow", Some("credits"))]);
    gpa_is(&r, "S2", "4.00", "98.00", "2");
    assert_eq!(student(&r, "S2").gpa_exact.as_deref(), Some("4"));
    // computeGpa says the same about the same course.
    let e = grade::compute_gpa(
        &xinyu(),
        &[CourseInput { name: "Art".into(), credits: d("2.7922816251426433759354395034"), grade: "A+".into(), same_standard: None }],
        Locale::En,
    )
    .unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("overflow", "courses[0].credits"));
}

/// Every value of each student, as text (so trailing zeros count), against computeGpa.
#[track_caller]
fn same_as_compute_gpa_to_the_digit(csv: &str, r: &BatchResult) {
    let p = xinyu();
    for s in &r.students {
        let courses: Vec<CourseInput> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|f| f[0] == s.student_id && !r.errors.iter().any(|e| csv.lines().nth(e.line - 1) == Some(&f.join(","))))
            .map(|f| CourseInput { name: f[1].into(), credits: d(f[2]), grade: f[3].into(), same_standard: None })
            .collect();
        let g = grade::compute_gpa(&p, &courses, Locale::En).unwrap();
        assert_eq!(
            (&s.gpa, &s.gpa_exact, &s.average_percentage, &s.average_percentage_exact),
            (&g.gpa, &g.gpa_exact, &g.average_percentage, &g.average_percentage_exact),
            "{}",
            s.student_id
        );
        assert_eq!(
            [s.credits, s.gpa_credits, s.earned_credits].map(|x| x.to_string()),
            [g.total_credits, g.gpa_credits, g.earned_credits].map(|x| x.to_string()),
            "{}",
            s.student_id
        );
    }
}

#[test]
fn fast_sums_and_their_fallback_give_the_decimal_results_to_the_digit() {
    let csv = "studentId,course,credits,grade
S1,a,2.50,A
S1,b,3,B+
S1,c,0.00,F
S1,d,1,P
S2,a,10000000000000000000,A
S3,a,18446744073709551615,P
S3,b,1,P
S4,a,1,A
S4,b,0.0000000000000000000000000001,A
S2,b,0.5,B
";
    let r = run(csv);
    // S1, all on the 64-bit sums. Credits 2.50 + 3 + 0.00 + 1 = 6.50 (the scale of 2.50;
    // 0.00 adds nothing); in the GPA 2.50 + 3 + 0.00 = 5.50; earned (F failed) 6.50.
    // Grade points 2.50 × 3.7 + 3 × 3.3 = 9.250 + 9.9 = 19.150 → 19.150 / 5.50 = 3.4818…;
    // percentages 2.50 × 95 + 3 × 88 = 501.50 → 501.50 / 5.50 = 91.1818… (28 digits fit 96 bits).
    let s1 = student(&r, "S1");
    assert_eq!(
        (s1.gpa.as_deref(), s1.gpa_exact.as_deref(), s1.average_percentage.as_deref(), s1.average_percentage_exact.as_deref()),
        (Some("3.48"), Some("3.4818181818181818181818181818"), Some("91.18"), Some("91.18181818181818181818181818"))
    );
    assert_eq!([s1.credits, s1.gpa_credits, s1.earned_credits].map(|x| x.to_string()), ["6.50", "5.50", "6.50"]);
    assert_eq!((s1.courses, s1.failed_courses), (4, 1));
    // S2: 10^19 × 3.7 needs 69 bits, so the decimal path adds it (and the 0.5 after it):
    // credits 10000000000000000000.5, GPA (3.7e19 + 1.5) / 10000000000000000000.5 → 3.70.
    let s2 = student(&r, "S2");
    assert_eq!((s2.gpa.as_deref(), s2.average_percentage.as_deref()), (Some("3.70"), Some("95.00")));
    assert_eq!(s2.credits.to_string(), "10000000000000000000.5");
    // S3: u64::MAX credits still fit; one more credit does not and goes the decimal way.
    let s3 = student(&r, "S3");
    assert_eq!((s3.credits.to_string(), s3.earned_credits.to_string(), s3.gpa.as_deref()), ("18446744073709551616".into(), "18446744073709551616".into(), None));
    // S4: 28 places × 3.7 need 29: the same overflow row error as before, the A still counts.
    assert_eq!(errors(&r), [(10, "overflow", Some("credits"))]);
    gpa_is(&r, "S4", "3.70", "95.00", "1");
    same_as_compute_gpa_to_the_digit(csv, &r);
}

#[test]
fn hand_written_json_reads_as_what_serde_writes_and_is_ascii() {
    // Ids with every character JSON escapes, a student without a GPA, errors with and
    // without a field, decimals with trailing zeros; in Chinese too, for non-ASCII messages.
    let csv = "studentId,course,credits,grade\n\"q\"\"uote\\back\",a,2.50,A\n\"ctl\u{1}\u{8}\u{c}\t\r\nx\u{7f}\",a,1,P\nS\u{e9}\u{4e2d}\u{1f600},a,0.00,88\nS,a,x,A\nS,a,1,A,extra\n,a,1,A\n";
    for locale in [Locale::En, Locale::ZhCn] {
        let out = output(csv, locale);
        assert!(out.result.students.len() == 3 && out.result.error_count == 3, "{out:?}");
        let text = out.to_json();
        assert!(text.is_ascii(), "{text}");
        let read: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read, serde_json::to_value(&out).unwrap());
        let empty = output("studentId,course,credits,grade\n", locale);
        assert_eq!(empty.to_json(), serde_json::to_string(&empty).unwrap());
    }
    // Escapes worked out by hand: é is U+00E9, 中 U+4E2D, 😀 U+1F600 = D83D DE00 in UTF-16;
    // control characters as serde_json writes them.
    let text = output(csv, Locale::En).to_json();
    assert!(text.contains(r#"{"studentId":"S\u00e9\u4e2d\ud83d\ude00","gpa":null"#), "{text}");
    // DEL (U+007F) is not a control character to JSON: as it is, as serde_json writes it.
    assert!(text.contains("{\"studentId\":\"ctl\\u0001\\b\\f\\t\\r\\nx\u{7f}\""), "{text}");
    assert!(text.contains(r#"{"studentId":"q\"uote\\back""#), "{text}");
}

#[test]
fn csv_passed_apart_gives_the_same_text_and_errors() {
    let whole = json!({ "policy": "xinyu-2022", "csv": COHORT, "locale": "en" });
    let rest = json!({ "policy": "xinyu-2022", "locale": "en" });
    assert_eq!(api::batch_gpa_with::<api::Full>(&rest, Some(COHORT)).unwrap(), api::batch_gpa_text(whole).unwrap());
    for (rest, code, field) in [
        (json!({ "policy": "xinyu-2022", "cvs": "" }), "unknown_field", "cvs"),
        (json!({ "locale": "en" }), "missing_field", "policy"),
        (json!({ "policy": "nope" }), "unknown_policy", "policy"),
        (json!({ "policy": "xinyu-2022", "locale": "fr" }), "unknown_value", "locale"),
    ] {
        let mut whole = rest.clone();
        whole["csv"] = json!(COHORT);
        let a = api::batch_gpa_with::<api::Full>(&rest, Some(COHORT)).unwrap_err();
        let b = api::batch_gpa_text(whole).unwrap_err();
        assert_eq!((a.code(), a.field(), a.message()), (code, field, b.message()));
        assert_eq!((b.code(), b.field()), (code, field));
    }
    let a = api::batch_gpa_with::<api::Full>(&json!({ "policy": "xinyu-2022" }), Some("a,b\n")).unwrap_err();
    assert_eq!((a.code(), a.field()), ("unknown_field", "csv.a"));
}

#[test]
fn chinese_headers_read_as_the_english_ones() {
    // tests/csv/: the same cohort with the header 学号,课程,学分,成绩 (BOM, CRLF) and with the
    // English names in another order and case. S1: A(3), Ｂ＋(2), F(1): GPA (3×3.7 + 2×3.3 +
    // 1×0)/6 = 17.7/6 = 2.95, average (3×95 + 2×88 + 1×55)/6 = 516/6 = 86; S2: B(2) and P(1):
    // GPA 2×3.0/2 = 3.00, average 85, credits 2 + 1 = 3 (P counts for credits only).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/csv");
    for name in ["cohort-zh.csv", "cohort-en.csv"] {
        let r = run(&std::fs::read_to_string(dir.join(name)).unwrap());
        gpa_is(&r, "S1", "2.95", "86.00", "6");
        gpa_is(&r, "S2", "3.00", "85.00", "3");
        assert_eq!((r.rows, r.error_count), (5, 0), "{name}");
    }
    // A column the format does not know is refused by its Chinese name too.
    whole_file_error("学号,姓名,课程,学分,成绩\nS1,张三,数学,3,A\n", "unknown_field", "csv.姓名");
    whole_file_error("学号,课程,学分\nS1,数学,3\n", "missing_field", "csv.grade");
}

/// xorshift64*: the generated cohorts below are the same on every run and every target.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    /// Text as ids and course names come: ASCII, what CSV and JSON escape, control
    /// characters, accented and Chinese letters, and characters past U+FFFF (a UTF-16 pair).
    fn text(&mut self) -> String {
        (0..self.below(7))
            .filter_map(|_| match self.below(7) {
                0 => "\"\\,\n\r\t\u{7f} ".chars().nth(self.below(8)),
                1 => char::from_u32(self.below(0x20) as u32),
                2 => char::from_u32(0xa0 + self.below(0x700) as u32),
                3 => char::from_u32(0x4e00 + self.below(0x5000) as u32),
                4 => char::from_u32(0x1_0000 + self.below(0x2_0000) as u32),
                _ => char::from_u32(u32::from(b'0') + self.below(75) as u32),
            })
            .collect()
    }
}

/// serde_json's writer with every non-ASCII character as `\uxxxx` (UTF-16 units), as
/// `json::write` writes them: then the two texts can be compared byte for byte.
struct AsciiOnly;

impl serde_json::ser::Formatter for AsciiOnly {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        for c in fragment.chars() {
            if c.is_ascii() {
                w.write_all(&[c as u8])?;
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(w, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
}

#[test]
fn the_hand_written_json_is_the_serialize_shape_on_generated_cohorts() {
    // The result's JSON shape is defined once, by the derived `Serialize` of `BatchOutput`
    // (and the batch's result types); `json::write`, which the wasm uses, must write the
    // same. Cohorts with bad rows of every kind, ids in any script, students without a GPA.
    const CREDITS: &[&str] = &["3", "2.5", "0", "0.00", "1.50", "x", "", "-1", "1e3", "３", " 2 ", "79228162514264337593543950335", "0.0000000000000000000000000001"];
    const GRADES: &[&str] = &["A+", "A", "b+", "F", "P", "NP", "88", "59.5", "Ｂ＋", "Q", "101", "", "Pass"];
    let mut rng = Rng(20_260_407);
    let (mut errors, mut fieldless, mut non_ascii, mut nulls) = (0, 0, 0, 0);
    for cohort in 0..400 {
        let ids: Vec<String> = (0..1 + rng.below(6)).map(|_| rng.text()).collect();
        // The columns in some order, named in English or Chinese.
        let mut columns = [0, 1, 2, 3];
        for i in (1..4).rev() {
            columns.swap(i, rng.below(i + 1));
        }
        let names = if cohort % 2 == 0 { ["studentId", "course", "credits", "grade"] } else { ["学号", "课程", "学分", "成绩"] };
        let mut csv = columns.map(|c| names[c]).join(",");
        for _ in 0..rng.below(25) {
            let values = [ids[rng.below(ids.len())].clone(), rng.text(), rng.pick(CREDITS).to_owned(), rng.pick(GRADES).to_owned()];
            let mut fields: Vec<String> = columns.iter().map(|&c| format!("\"{}\"", values[c].replace('"', "\"\""))).collect();
            match rng.below(20) {
                0 => fields.push("extra".into()),
                1 => drop(fields.pop()),
                _ => {}
            }
            csv.push_str(if rng.below(2) == 0 { "\r\n" } else { "\n" });
            csv.push_str(&fields.join(","));
        }
        if rng.below(10) == 0 {
            csv.push_str("\n\"never closed,");
        }
        let locale = if rng.below(2) == 0 { Locale::En } else { Locale::ZhCn };
        let out = output(&csv, locale);

        let text = out.to_json();
        assert!(text.is_ascii(), "{text}");
        let read: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(read, serde_json::to_value(&out).unwrap(), "{:?}", csv);
        // And the same text: keys in the same order, numbers and escapes written alike.
        let mut serde = Vec::new();
        out.serialize(&mut serde_json::Serializer::with_formatter(&mut serde, AsciiOnly)).unwrap();
        assert_eq!(text, String::from_utf8(serde).unwrap(), "{:?}", csv);

        errors += out.result.errors.len();
        fieldless += out.result.errors.iter().filter(|e| e.field.is_none()).count();
        non_ascii += usize::from(!serde_json::to_string(&out).unwrap().is_ascii());
        nulls += out.result.students.iter().filter(|s| s.gpa.is_none() || s.average_percentage.is_none()).count();
    }
    // Every part of the shape was written: row errors with and without a field, non-ASCII
    // text (ids, Chinese messages), null GPAs and averages.
    assert!(errors > 500 && fieldless > 50 && non_ascii > 200 && nulls > 100, "{errors} {fieldless} {non_ascii} {nulls}");
}
