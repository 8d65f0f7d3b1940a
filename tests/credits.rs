//! Credit recognition (XYU-11, XYU-12.2–12.9): `checkCredits` through the JSON API and the
//! typed core. Every expected value is worked out by hand from the regulation; the
//! arithmetic is in the comment next to it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use exchange_calc::api;
use exchange_calc::credit::{self, Category, CreditCourse, CreditRequest, RecognizedAs};
use exchange_calc::policy;
use exchange_calc::Locale;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

#[track_caller]
fn check(input: Value) -> Value {
    match api::check_credits(input.clone()) {
        Ok(v) => v,
        Err(f) => panic!("{input}: unexpected error {} at {}: {}", f.code(), f.field(), f.message()),
    }
}

#[track_caller]
fn check_err(input: Value, code: &str, field: &str) -> String {
    match api::check_credits(input.clone()) {
        Ok(v) => panic!("{input}: expected {code} at {field}, got {v}"),
        Err(f) => {
            assert_eq!((f.code(), f.field()), (code, field), "{input}: {}", f.message());
            f.message()
        }
    }
}

/// A passed (grade B) course of `hours` class hours.
fn hours(name: &str, h: u32) -> Value {
    json!({ "name": name, "hours": h, "grade": "B", "category": "majorRequired" })
}

fn core(name: &str, grade: &str) -> Value {
    // 48 hours / 16 = 3 credits.
    json!({ "name": name, "hours": 48, "grade": grade, "core": true, "category": "majorRequired" })
}

fn xinyu(semesters: u32, plan: &str, courses: Vec<Value>) -> Value {
    json!({ "policy": "xinyu-2022", "semesters": semesters, "homePlanCredits": plan, "courses": courses, "locale": "en" })
}

fn finding<'a>(r: &'a Value, code: &str) -> &'a Value {
    r["findings"].as_array().unwrap().iter().find(|f| f["code"] == code).unwrap_or_else(|| panic!("no finding {code} in {r}"))
}

fn has_finding(r: &Value, code: &str) -> bool {
    r["findings"].as_array().unwrap().iter().any(|f| f["code"] == code)
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap()).unwrap()
}

#[test]
fn xyu_12_2_sixty_four_hours_are_3_56_to_4_credits_recognized_as_4() {
    // 64 / 18 = 3.5555… → 3.56 (half-up); 64 / 16 = 4; divisor hoursPerCredit = 16 → 4.
    let r = check(xinyu(1, "4", vec![hours("Signals", 64)]));
    assert_eq!(r["equivalentCredits"]["min"], "3.56");
    assert_eq!(r["equivalentCredits"]["max"], "4.00");
    assert_eq!(r["equivalentCredits"]["maxExact"], "4");
    // The exact minimum is 32/9 to the decimal's precision: 9 × it is 32 within 1e-25.
    let min = dec(&r["equivalentCredits"]["minExact"]);
    assert!(min.to_string().starts_with("3.5555555555555555555555555"), "{min}");
    assert!((min * Decimal::from(9) - Decimal::from(32)).abs() < Decimal::from_str("1e-25").unwrap_or(Decimal::new(1, 25)));
    assert_eq!(r["recognizedCredits"], "4.00");
    assert_eq!(r["recognizedCreditsExact"], "4");
    assert_eq!(r["courses"][0]["basis"], "hours");
    assert_eq!(r["courses"][0]["recognizedAs"], "majorRequired");
    // 4 recognized of a 4-credit plan: equivalent (XYU-12.2).
    assert_eq!(finding(&r, "credit_equivalence")["outcome"], "pass");
    assert_eq!(r["policy"]["id"], "xinyu-2022");
}

#[test]
fn xyu_12_2_policy_divisor_18_recognizes_the_low_end() {
    // 72 hours / 18 = 4 (and the range is 4 … 72/16 = 4.5).
    let mut input = xinyu(1, "4", vec![hours("Circuits", 72)]);
    input["policy"] = json!({ "extends": "xinyu-2022", "hoursPerCredit": 18 });
    let r = check(input);
    assert_eq!(r["recognizedCredits"], "4.00");
    assert_eq!(r["equivalentCredits"]["min"], "4.00");
    assert_eq!(r["equivalentCredits"]["max"], "4.50");
}

#[test]
fn xyu_12_2_a_divisor_outside_16_to_18_is_an_invalid_policy() {
    let mut input = xinyu(1, "4", vec![hours("Circuits", 72)]);
    input["policy"] = json!({ "extends": "xinyu-2022", "hoursPerCredit": 20 });
    let f = api::check_credits(input).unwrap_err();
    assert_eq!((f.code(), f.field()), ("invalid_policy", "policy"));
    assert_eq!(f.problems()[0].path, "hoursPerCredit");
}

#[test]
fn xyu_12_2_without_a_divisor_hours_courses_go_to_review() {
    let mut input = xinyu(1, "4", vec![hours("Circuits", 64)]);
    input["policy"] = json!({ "extends": "xinyu-2022", "hoursPerCredit": null });
    let r = check(input);
    assert_eq!(r["courses"][0]["recognized"], Value::Null);
    assert_eq!(finding(&r, "hours_per_credit_unset")["outcome"], "review");
    // Nothing computable is recognized: 0 of 4, short by 4.00.
    assert_eq!(r["recognizedCredits"], "0.00");
    assert!(finding(&r, "credit_equivalence")["message"].as_str().unwrap().contains("4.00 short"));
}

#[test]
fn xyu_12_4_one_semester_with_three_passed_core_courses_recognizes_the_whole_plan() {
    // 3 passed core courses ≥ 3 → all 25 plan credits; course by course 3 × 48/16 = 9.
    let r = check(xinyu(1, "25", vec![core("A", "B"), core("B", "A-"), core("C", "C")]));
    assert_eq!(r["corePassed"], 3);
    assert_eq!(r["coreRequired"], 3);
    assert_eq!(r["allCreditsRecognized"], true);
    assert_eq!(r["recognizedCredits"], "25.00");
    assert_eq!(r["courseCredits"], "9.00");
    assert_eq!(r["equivalence"], "1.00");
    assert_eq!(finding(&r, "core_courses")["outcome"], "pass");
    assert_eq!(finding(&r, "core_courses")["clause"], "XYU-12.4");
    assert!(!has_finding(&r, "course_failed") && r["retake"] == json!([]));
}

#[test]
fn xyu_12_4_one_semester_two_passed_and_one_failed_core_course_is_not_enough() {
    // The failed (F) core course does not count: 2 < 3. Recognized course by course:
    // 2 × 48/16 = 6 of 25 → short by 19.00, equivalence 6/25 = 0.24.
    let r = check(xinyu(1, "25", vec![core("A", "B"), core("B", "A-"), core("C", "F")]));
    assert_eq!(r["corePassed"], 2);
    assert_eq!(r["allCreditsRecognized"], false);
    assert_eq!(r["recognizedCredits"], "6.00");
    assert_eq!(r["equivalence"], "0.24");
    let f = finding(&r, "core_courses");
    assert_eq!(f["outcome"], "fail");
    assert!(f["message"].as_str().unwrap().contains("need 3 passed core courses; you have 2"), "{f}");
    let eq = finding(&r, "credit_equivalence");
    assert_eq!((eq["outcome"].as_str(), eq["clause"].as_str()), (Some("review"), Some("XYU-12.2")));
    assert!(eq["message"].as_str().unwrap().contains("19.00 short"), "{eq}");
    assert_eq!(r["retake"][0]["name"], "C");
}

#[test]
fn xyu_12_4_one_year_needs_six_passed_core_courses() {
    let five: Vec<Value> = (1..=5).map(|i| core(&format!("Core {i}"), "B")).collect();
    let r = check(xinyu(2, "50", five.clone()));
    // 5 < 6; course by course 5 × 3 = 15.
    assert_eq!((r["corePassed"].as_u64(), r["coreRequired"].as_u64()), (Some(5), Some(6)));
    assert_eq!(r["allCreditsRecognized"], false);
    assert_eq!(r["recognizedCredits"], "15.00");

    let mut six = five;
    six.push(core("Core 6", "A"));
    let r = check(xinyu(2, "50", six));
    // 6 ≥ 6 → the plan's 50.
    assert_eq!(r["corePassed"], 6);
    assert_eq!(r["allCreditsRecognized"], true);
    assert_eq!(r["recognizedCredits"], "50.00");
}

#[test]
fn xyu_12_4_the_whole_plan_never_takes_away_course_credits() {
    // 3 × 3 = 9 course credits > the plan's 8: the rule grants at least the plan, so 9.
    let r = check(xinyu(1, "8", vec![core("A", "B"), core("B", "B"), core("C", "B")]));
    assert_eq!(r["allCreditsRecognized"], true);
    assert_eq!(r["recognizedCredits"], "9.00");
    assert_eq!(r["courseCredits"], "9.00");
}

#[test]
fn xyu_12_3_three_credits_of_summer_school_count_as_two_elective_credits() {
    let courses = vec![json!({ "name": "Summer school", "credits": 3, "grade": "A", "shortProgram": true })];
    let r = check(xinyu(1, "20", courses));
    // min(3, cap 2) = 2, as an elective.
    assert_eq!(r["recognizedCredits"], "2.00");
    assert_eq!(r["courses"][0]["recognizedAs"], "elective");
    // A short program is an elective by rule, not a course without counterpart.
    assert!(!has_finding(&r, "no_home_counterpart"));
    assert_eq!(r["equivalentCredits"]["max"], "3.00"); // the workload stays 3
    let f = finding(&r, "short_program_cap");
    assert_eq!((f["outcome"].as_str(), f["clause"].as_str()), (Some("fail"), Some("XYU-12.3")));
    assert!(f["message"].as_str().unwrap().contains("only 2 are recognized"), "{f}");
}

#[test]
fn xyu_12_3_the_short_program_cap_is_shared_in_the_order_entered() {
    let courses = vec![
        json!({ "name": "Winter camp", "credits": "1.5", "grade": "B", "shortProgram": true }),
        json!({ "name": "Summer camp", "credits": "1.5", "grade": "B", "shortProgram": true }),
        hours("Regular", 32),
    ];
    let r = check(xinyu(1, "20", courses));
    // 1.5 fits; the second gets the 0.5 left of 2; plus 32/16 = 2 → 4.
    assert_eq!(r["courses"][0]["recognized"], "1.50");
    assert_eq!(r["courses"][1]["recognized"], "0.50");
    assert_eq!(r["recognizedCredits"], "4.00");
}

#[test]
fn xyu_12_3_a_course_without_home_counterpart_becomes_elective_or_general() {
    let r = check(xinyu(1, "20", vec![json!({ "name": "Film studies", "hours": 32, "grade": "A" })]));
    assert_eq!(r["courses"][0]["recognizedAs"], "electiveOrGeneral");
    let f = finding(&r, "no_home_counterpart");
    assert_eq!((f["outcome"].as_str(), f["clause"].as_str()), (Some("review"), Some("XYU-12.3")));
    assert!(f["message"].as_str().unwrap().contains("Film studies"));
}

#[test]
fn xyu_12_2_foreign_credit_systems_convert_by_their_convention() {
    #[track_caller]
    fn one(system: &str, credits: &str, want: &str, want_exact_prefix: &str) {
        let r = check(xinyu(1, "20", vec![json!({ "name": "X", "credits": credits, "system": system, "grade": "B" })]));
        assert_eq!(r["recognizedCredits"], want, "{system} {credits}");
        assert!(r["recognizedCreditsExact"].as_str().unwrap().starts_with(want_exact_prefix), "{system} {credits}: {r}");
        if system != "home" {
            assert_eq!(finding(&r, "credit_system_convention")["outcome"], "review");
        }
    }
    one("ects", "6", "3.00", "3"); // 6 × 1/2 = 3
    one("ECTS", "7.5", "3.75", "3.75"); // 7.5 / 2 = 3.75; ids are case-insensitive
    one("us-quarter", "4", "2.67", "2.666666666"); // 4 × 2/3 = 2.666…
    one("us-semester", "3", "3.00", "3"); // 1 : 1
    one("uk-cats", "20", "5.00", "5"); // 20 / 4 = 5
    one("home", "2.5", "2.50", "2.5");
}

#[test]
fn xyu_12_2_hours_win_when_both_hours_and_credits_are_given() {
    // 32 hours / 16 = 2, not 5 ECTS / 2 = 2.5.
    let r = check(xinyu(1, "20", vec![json!({ "name": "X", "hours": 32, "credits": 5, "system": "ects", "grade": "B" })]));
    assert_eq!(r["recognizedCredits"], "2.00");
    assert_eq!(r["courses"][0]["basis"], "hours");
    assert_eq!(finding(&r, "hours_used")["outcome"], "pass");
}

#[test]
fn xyu_12_8_a_failed_course_is_listed_for_retake_with_both_routes() {
    let courses = vec![hours("Calculus", 48), json!({ "name": "College English", "hours": 32, "grade": "F", "category": "publicRequired" })];
    let r = check(xinyu(1, "20", courses));
    // Only Calculus counts: 48 / 16 = 3.
    assert_eq!(r["recognizedCredits"], "3.00");
    assert_eq!(r["courses"][1]["passed"], false);
    assert_eq!(r["courses"][1]["recognized"], Value::Null);
    let retake = &r["retake"][0];
    assert_eq!((retake["name"].as_str(), retake["grade"].as_str(), retake["clause"].as_str()), (Some("College English"), Some("F"), Some("XYU-12.8")));
    assert_eq!(retake["routes"][0]["code"], "next_cohort");
    assert_eq!(retake["routes"][1]["code"], "current_cohort_exam");
    assert!(retake["routes"][1]["message"].as_str().unwrap().contains("preferred for foreign-language, PE and politics courses"));
    assert_eq!(finding(&r, "course_failed")["outcome"], "fail");

    let mut zh = xinyu(1, "20", vec![json!({ "name": "大学英语", "hours": 32, "grade": "F" })]);
    zh["locale"] = json!("zh-CN");
    let r = check(zh);
    assert!(r["retake"][0]["routes"][0]["message"].as_str().unwrap().contains("随下届同学修读"));
    assert!(r["retake"][0]["routes"][1]["message"].as_str().unwrap().contains("外语、体育、政治类公共课优先"));
}

#[test]
fn xyu_12_9_every_result_says_the_transcript_decides() {
    let r = check(xinyu(1, "20", vec![hours("X", 16)]));
    assert_eq!(finding(&r, "transcript_required")["clause"], "XYU-12.9");
}

#[test]
fn xyu_11_an_exchange_lasts_one_or_two_semesters() {
    let msg = check_err(xinyu(3, "20", vec![]), "out_of_range", "semesters");
    assert_eq!(msg, "semesters: 3 must be between 1 and 2");
    check_err(xinyu(0, "20", vec![]), "out_of_range", "semesters");
    let mut half = xinyu(1, "20", vec![]);
    half["semesters"] = json!(1.5);
    check_err(half, "invalid_step", "semesters");
    let mut text = xinyu(1, "20", vec![hours("X", 16)]);
    text["semesters"] = json!("2");
    assert_eq!(check(text)["coreRequired"], 6);
}

#[test]
fn lx_6_2_gdut_leaves_credit_recognition_to_the_academic_affairs_office() {
    let input = json!({ "policy": "gdut-lixing-2026", "semesters": 1, "homePlanCredits": 20, "courses": [], "locale": "en" });
    let msg = check_err(input, "not_in_policy", "policy");
    assert!(msg.contains("LX-6.2"), "{msg}");
}

#[test]
fn unreadable_input_is_an_error_at_its_path() {
    let bad = |course: Value| xinyu(1, "20", vec![hours("ok", 16), course]);
    check_err(bad(json!({ "name": "neg", "hours": -1, "grade": "B" })), "out_of_range", "courses[1].hours");
    check_err(bad(json!({ "name": "huge", "hours": 2001, "grade": "B" })), "out_of_range", "courses[1].hours");
    check_err(bad(json!({ "name": "huge", "credits": 201, "grade": "B" })), "out_of_range", "courses[1].credits");
    check_err(bad(json!({ "name": "none", "grade": "B" })), "missing_field", "courses[1].hours");
    check_err(bad(json!({ "name": "text", "hours": "forty", "grade": "B" })), "invalid_number", "courses[1].hours");
    check_err(bad(json!({ "name": "g", "hours": 16, "grade": "Q" })), "invalid_grade", "courses[1].grade");
    check_err(bad(json!({ "name": "typo", "hour": 16, "grade": "B" })), "unknown_field", "courses[1].hour");
    check_err(bad(json!({ "name": "cat", "hours": 16, "grade": "B", "category": "core" })), "invalid_type", "courses[1].category");
    let msg = check_err(bad(json!({ "name": "sys", "credits": 4, "system": "ects2", "grade": "B" })), "unknown_value", "courses[1].system");
    assert!(msg.contains("home, us-semester, us-quarter, ects, uk-cats"), "{msg}");
    check_err(xinyu(1, "0", vec![]), "out_of_range", "homePlanCredits");
    check_err(xinyu(1, "201", vec![]), "out_of_range", "homePlanCredits");
    check_err(json!({ "policy": "xinyu-2022", "semesters": 1, "courses": [] }), "missing_field", "homePlanCredits");
    check_err(json!({ "policy": "nope", "semesters": 1, "homePlanCredits": 1, "courses": [] }), "unknown_policy", "policy");
}

#[test]
fn the_typed_core_gives_the_same_answer() {
    let p = policy::resolve(&json!("xinyu-2022"), "policy", Locale::En).unwrap();
    let course = |name: &str, grade: &str| CreditCourse {
        name: name.into(),
        hours: Some(Decimal::from(48)),
        grade: grade.into(),
        core: true,
        category: Some(Category::MajorRequired),
        ..CreditCourse::default()
    };
    let req = CreditRequest {
        semesters: Decimal::ONE,
        home_plan_credits: Decimal::from(20),
        courses: vec![course("A", "A"), course("B", "B+"), course("C", "C-")],
    };
    let r = credit::check_credits(&p, &req, Locale::En).unwrap();
    assert!(r.all_credits_recognized);
    assert_eq!(r.recognized_credits, "20.00");
    assert_eq!(r.courses[0].recognized_as, Some(RecognizedAs::MajorRequired));
    let zh = credit::check_credits(&p, &req, Locale::ZhCn).unwrap();
    assert!(zh.findings.iter().any(|f| f.message.contains("认定本期培养计划全部学分")));
}

fn xinyu_with_divisor(divisor: u32) -> std::borrow::Cow<'static, policy::Policy> {
    policy::resolve(&json!({ "extends": "xinyu-2022", "hoursPerCredit": divisor }), "policy", Locale::En).unwrap()
}

proptest! {
    /// XYU-12.2: whatever divisor in 16–18 the policy picks, a course's recognized value
    /// never exceeds the top of its range (H/16), nor falls below the bottom (H/18).
    #[test]
    fn recognized_hours_stay_inside_the_range(tenths in 0u32..=20_000, divisor in 16u32..=18) {
        let p = xinyu_with_divisor(divisor);
        let h = Decimal::new(i64::from(tenths), 1);
        let req = CreditRequest {
            semesters: Decimal::ONE,
            home_plan_credits: Decimal::from(20),
            courses: vec![CreditCourse { name: "X".into(), hours: Some(h), grade: "B".into(), ..CreditCourse::default() }],
        };
        let r = credit::check_credits(&p, &req, Locale::En).unwrap();
        let c = &r.courses[0];
        let rec = Decimal::from_str(c.recognized_exact.as_deref().unwrap()).unwrap();
        prop_assert!(rec <= Decimal::from_str(&c.equivalent.max_exact).unwrap());
        prop_assert!(rec >= Decimal::from_str(&c.equivalent.min_exact).unwrap());
    }

    /// XYU-12.4: passing one more core course never takes recognition away.
    #[test]
    fn another_passed_core_course_never_unrecognizes_a_period(
        semesters in 1u32..=2,
        courses in proptest::collection::vec((any::<bool>(), prop::sample::select(vec!["A", "C", "D-", "F", "NP", "P", "59", "60"]), 0u32..=200), 0..10),
    ) {
        let p = xinyu_with_divisor(16);
        let mut list: Vec<CreditCourse> = courses
            .iter()
            .map(|(core, grade, h)| CreditCourse { name: "X".into(), hours: Some(Decimal::from(*h)), grade: (*grade).into(), core: *core, ..CreditCourse::default() })
            .collect();
        let req = |list: &Vec<CreditCourse>| CreditRequest { semesters: Decimal::from(semesters), home_plan_credits: Decimal::from(30), courses: list.clone() };
        let before = credit::check_credits(&p, &req(&list), Locale::En).unwrap();
        list.push(CreditCourse { name: "Core".into(), hours: Some(Decimal::from(48)), grade: "B".into(), core: true, ..CreditCourse::default() });
        let after = credit::check_credits(&p, &req(&list), Locale::En).unwrap();
        prop_assert_eq!(after.core_passed, before.core_passed + 1);
        prop_assert!(!before.all_credits_recognized || after.all_credits_recognized);
        prop_assert!(Decimal::from_str(&after.recognized_credits_exact).unwrap() >= Decimal::from_str(&before.recognized_credits_exact).unwrap());
    }
}
