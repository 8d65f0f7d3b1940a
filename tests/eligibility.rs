//! Eligibility (SPEC §5): XYU-10.2 (1)–(5), XYU-10.3, XYU-11 for `xinyu-2022`; LX-2.1.1,
//! LX-2.1.2, LX-5.3.1 and LX-5.4 for `gdut-lixing-2026`. Expected outcomes are read off the
//! regulations by hand; the comments say which clause decides each case.

// Tests fail by panicking and read JSON results by index; the crate lints deny both elsewhere.
#![allow(clippy::panic, clippy::indexing_slicing, clippy::unwrap_used)]

use exchange_calc::api;
use exchange_calc::eligibility::{self, Applicant, Status};
use exchange_calc::policy;
use exchange_calc::{Locale, Outcome};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// Calls the JSON API and returns the result, failing the test on an error.
#[track_caller]
fn check(input: Value) -> Value {
    match api::check_eligibility(input.clone()) {
        Ok(v) => v,
        Err(e) => panic!("{input}: unexpected error {} at {}: {}", e.code(), e.field(), e.message()),
    }
}

/// Calls the JSON API and asserts the error's code and field.
#[track_caller]
fn check_err(input: Value, code: &str, field: &str) -> String {
    match api::check_eligibility(input.clone()) {
        Ok(v) => panic!("{input}: expected {code} at {field}, got {v}"),
        Err(e) => {
            assert_eq!((e.code(), e.field()), (code, field), "{input}: {}", e.message());
            e.message()
        }
    }
}

/// The finding with `code` in `list` (`findings` or `fundingFindings`): (outcome, clause, message).
#[track_caller]
fn finding<'a>(result: &'a Value, list: &str, code: &str) -> (&'a str, &'a str, &'a str) {
    let all = result[list].as_array().unwrap_or_else(|| panic!("no {list} in {result}"));
    let f = all.iter().find(|f| f["code"] == code).unwrap_or_else(|| panic!("no finding {code} in {result}"));
    (f["outcome"].as_str().unwrap_or(""), f["clause"].as_str().unwrap_or(""), f["message"].as_str().unwrap_or(""))
}

/// Asserts the status and the outcome of every listed finding.
#[track_caller]
fn expect(result: &Value, status: &str, outcomes: &[(&str, &str)]) {
    assert_eq!(result["status"], status, "{result}");
    for (code, outcome) in outcomes {
        assert_eq!(finding(result, "findings", code).0, *outcome, "finding {code} in {result}");
    }
}

/// A xinyu applicant who meets every condition: enrolled, good conduct, GPA 3.2, IELTS 7,
/// healthy, can pay, year 2 of 4, one semester.
fn good_xinyu() -> Value {
    json!({
        "enrolled": true, "conductGood": true, "gpa": "3.2", "ielts": 7, "healthy": true,
        "canFund": true, "yearOfStudy": 2, "programYears": 4, "semesters": 1
    })
}

/// `xinyu-2022` with the year's notice filled in: minGpa 3.0, IELTS 6.5, TOEFL 90.
fn xinyu_notice() -> Value {
    json!({ "extends": "xinyu-2022", "minGpa": "3.0", "priorityIelts": "6.5", "priorityToefl": 90 })
}

fn with(mut base: Value, changes: Value) -> Value {
    if let (Value::Object(b), Value::Object(c)) = (&mut base, changes) {
        for (k, v) in c {
            b.insert(k, v);
        }
    }
    base
}

// ---------------------------------------------------------------- xinyu-2022, exchange

#[test]
fn xyu_10_2_every_condition_met_is_eligible_with_priority() {
    let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": good_xinyu(), "locale": "en" }));
    // 3.2 ≥ 3.0 (minGpa); IELTS 7 ≥ 6.5 → priority; year 2 < 4 → not final; 1 ∈ 1..=2.
    expect(&r, "eligible", &[
        ("enrolled", "pass"), ("conduct", "pass"), ("gpa", "pass"), ("language", "pass"),
        ("health", "pass"), ("funds", "pass"), ("final_year", "pass"), ("semesters", "pass"),
    ]);
    assert_eq!(r["priority"], true);
    assert_eq!(r["fundable"], Value::Null, "xinyu has no funding rule");
    assert_eq!(r["conditions"], json!([]));
    assert_eq!(r["fundingFindings"], json!([]));
    assert_eq!(r["clause"], "XYU-10.2");
    assert_eq!(r["policy"]["id"], "xinyu-2022");
    assert_eq!(r["policy"]["hash"].as_str().map(str::len), Some(8));
    let clauses: Vec<&str> = r["findings"].as_array().into_iter().flatten().filter_map(|f| f["clause"].as_str()).collect();
    assert_eq!(clauses, ["XYU-10.2(1)", "XYU-10.2(2)", "XYU-10.2(2)", "XYU-10.2(3)", "XYU-10.2(4)", "XYU-10.2(5)", "XYU-10.3", "XYU-11"]);
}

#[test]
fn xyu_10_2_each_yes_no_condition_passes_fails_and_is_reviewed_when_not_stated() {
    for (key, code, clause) in [
        ("enrolled", "enrolled", "XYU-10.2(1)"),
        ("conductGood", "conduct", "XYU-10.2(2)"),
        ("healthy", "health", "XYU-10.2(4)"),
        ("canFund", "funds", "XYU-10.2(5)"),
    ] {
        let run = |v: Value| check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ key: v })), "locale": "en" }));
        let yes = run(json!(true));
        assert_eq!(yes["status"], "eligible", "{key}");
        assert_eq!(finding(&yes, "findings", code), ("pass", clause, finding(&yes, "findings", code).2));
        let no = run(json!(false));
        assert_eq!(no["status"], "ineligible", "{key}");
        assert_eq!(finding(&no, "findings", code).0, "fail", "{key}");
        assert_eq!(finding(&no, "findings", code).1, clause);
        assert!(finding(&no, "findings", code).2.contains("you answered no"), "{key}: {}", finding(&no, "findings", code).2);
        let unstated = run(Value::Null);
        assert_eq!(unstated["status"], "review", "{key}");
        assert_eq!(finding(&unstated, "findings", code).0, "review", "{key}");
        assert!(finding(&unstated, "findings", code).2.starts_with("Not stated"), "{key}");
    }
}

#[test]
fn xyu_10_2_2_gpa_threshold_unset_is_review() {
    // The preset leaves minGpa to the programme notice → review, not a guessed number.
    let r = check(json!({ "policy": "xinyu-2022", "track": "exchange", "applicant": good_xinyu(), "locale": "en" }));
    let (outcome, clause, message) = finding(&r, "findings", "gpa");
    assert_eq!((outcome, clause), ("review", "XYU-10.2(2)"));
    assert!(message.contains("set in the programme notice"), "{message}");
    assert_eq!(r["status"], "review");
}

#[test]
fn xyu_10_2_2_gpa_threshold_met_and_missed() {
    for (gpa, outcome, status, message) in [
        // 3.2 ≥ 3.0
        (json!(3.2), "pass", "eligible", "GPA 3.2 meets the minimum of 3.0."),
        // 3.0 ≥ 3.0: the threshold itself passes ("at least").
        (json!("3.0"), "pass", "eligible", "GPA 3.0 meets the minimum of 3.0."),
        // 2.85 < 3.0
        (json!("2.85"), "fail", "ineligible", "GPA must be at least 3.0; yours is 2.85."),
        (Value::Null, "review", "review", "GPA not stated: it must be at least 3.0."),
    ] {
        // The override is a JS number 3.0, which arrives as 3; it still reads "3.0".
        let policy = json!({ "extends": "xinyu-2022", "minGpa": 3.0, "priorityIelts": 6.5 });
        let r = check(json!({ "policy": policy, "track": "exchange", "applicant": with(good_xinyu(), json!({ "gpa": gpa })), "locale": "en" }));
        assert_eq!(finding(&r, "findings", "gpa"), (outcome, "XYU-10.2(2)", message), "gpa {gpa}");
        assert_eq!(r["status"], status, "gpa {gpa}");
    }
    let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "gpa": 2.85 })) }));
    assert_eq!(finding(&r, "findings", "gpa").2, "GPA 须至少 3.0；你的是 2.85。");
}

#[test]
fn xyu_10_2_3_language_scores_give_priority_and_never_exclude() {
    // XYU-10.2(3) "外语能力强，雅思、托福或其他语言的水平考试成绩优秀者，优先考虑": strong ability
    // is a basic condition the school judges; an excellent score gives priority. So a score at
    // or above the line passes with priority; below it (issue 16 point 2: it used to pass) and
    // with no score it is the school's review; never a fail.
    // (ielts, toefl, outcome, priority): thresholds IELTS 6.5, TOEFL 90.
    for (ielts, toefl, outcome, priority) in [
        (json!(6.5), Value::Null, "pass", json!(true)),   // at the threshold
        (json!(8), Value::Null, "pass", json!(true)),     // above
        (json!(6), Value::Null, "review", json!(false)),  // below: no priority; ability is judged
        (Value::Null, json!(90), "pass", json!(true)),    // TOEFL at the threshold
        (Value::Null, json!(89), "review", json!(false)),
        (json!(6), json!(95), "pass", json!(true)),       // either score suffices
        (Value::Null, Value::Null, "review", Value::Null), // no score: the office judges
    ] {
        let applicant = with(good_xinyu(), json!({ "ielts": ielts, "toefl": toefl }));
        let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": applicant, "locale": "en" }));
        assert_eq!(finding(&r, "findings", "language").0, outcome, "ielts {ielts} toefl {toefl}");
        assert_eq!(finding(&r, "findings", "language").1, "XYU-10.2(3)");
        assert_eq!(r["priority"], priority, "ielts {ielts} toefl {toefl}");
        // Every other condition is met, so the language finding alone sets the status.
        assert_eq!(r["status"], if outcome == "pass" { "eligible" } else { "review" }, "ielts {ielts} toefl {toefl}");
    }
}

#[test]
fn xyu_10_2_3_a_score_below_the_priority_line_is_review_like_no_score() {
    // IELTS 6 < 6.5: no priority, and whether the ability is "strong" is the school's call.
    let below = with(good_xinyu(), json!({ "ielts": 6 }));
    let en = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": below, "locale": "en" }));
    assert_eq!(en["status"], "review");
    assert_eq!(
        finding(&en, "findings", "language"),
        ("review", "XYU-10.2(3)", "Language scores: IELTS 6 (priority threshold 6.5), below the priority threshold: no priority. Strong foreign-language ability is one of the basic conditions, and the office judges it; a score alone does not exclude you.")
    );
    let zh = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": below }));
    assert_eq!(
        finding(&zh, "findings", "language").2,
        "外语成绩：雅思 6（优先线 6.5），未达到优先考虑线：不优先考虑。“外语能力强”是基本条件之一，由学校审核；成绩本身不是排除条件。"
    );
    // The no-score case says the same about who judges.
    let none = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "ielts": null })) }));
    assert_eq!(finding(&none, "findings", "language"), ("review", "XYU-10.2(3)", "未填写雅思、托福等外语考试成绩：“外语能力强”由学校审核；成绩优秀者优先考虑。"));
}

#[test]
fn xyu_10_2_3_unset_priority_thresholds_are_review_not_fail() {
    // The preset leaves both thresholds to the notice: IELTS 5 is neither priority nor excluded.
    let policy = json!({ "extends": "xinyu-2022", "minGpa": "3.0" });
    let r = check(json!({ "policy": policy, "track": "exchange", "applicant": with(good_xinyu(), json!({ "ielts": 5 })), "locale": "en" }));
    assert_eq!(finding(&r, "findings", "language").0, "review");
    assert_eq!(r["priority"], Value::Null);
    assert_eq!(r["status"], "review");
}

#[test]
fn xyu_10_3_upper_year_students_get_review() {
    // XYU-10.3 "高年级学生在参加交换生项目前，应先行处理好与中期考核、毕业、升学等相关事宜": upper
    // years, not only the final one (issue 16 point 3: year 3 of 4 used to pass). The
    // regulation does not define them; the tool counts the second half of the programme:
    // year y of p is upper when 2y > p.
    for (year, years, outcome) in [
        (1, 4, "pass"),   // 2 ≤ 4
        (2, 4, "pass"),   // 4 ≤ 4: the first half ends here
        (3, 4, "review"), // 6 > 4
        (4, 4, "review"), // the final year
        (5, 4, "review"), // an extended study
        (2, 5, "pass"),   // 4 ≤ 5
        (3, 5, "review"), // 6 > 5
        (2, 3, "review"), // 4 > 3
    ] {
        let applicant = with(good_xinyu(), json!({ "yearOfStudy": year, "programYears": years }));
        let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": applicant, "locale": "en" }));
        assert_eq!(finding(&r, "findings", "final_year").0, outcome, "year {year} of {years}");
        assert_eq!(finding(&r, "findings", "final_year").1, "XYU-10.3");
        assert_eq!(r["status"], if outcome == "pass" { "eligible" } else { "review" }, "year {year} of {years}");
    }
    let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "yearOfStudy": 3 })), "locale": "en" }));
    assert_eq!(
        finding(&r, "findings", "final_year").2,
        "Upper-year student (year 3 of 4): settle mid-term assessment, graduation and further-study matters before the exchange. (The regulation does not define upper years; this tool counts the second half of the programme.)"
    );
    let zh = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "yearOfStudy": 3 })) }));
    assert_eq!(
        finding(&zh, "findings", "final_year").2,
        "你是高年级学生（第 3 年，学制 4 年）：参加交换前应先行处理好与中期考核、毕业、升学等相关事宜。（办法未界定“高年级”，本工具按学制的后一半计。）"
    );
    let lower = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": good_xinyu() }));
    assert_eq!(finding(&lower, "findings", "final_year").2, "第 2 年（学制 4 年），不属高年级：无须先行处理中期考核、毕业、升学事宜。（办法未界定“高年级”，本工具按学制的后一半计。）");
}

#[test]
fn xyu_11_exchange_lasts_one_or_two_semesters() {
    for (semesters, outcome, status) in [(1, "pass", "eligible"), (2, "pass", "eligible"), (3, "fail", "ineligible"), (0, "fail", "ineligible")] {
        let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "semesters": semesters })), "locale": "en" }));
        assert_eq!(finding(&r, "findings", "semesters").0, outcome, "{semesters}");
        assert_eq!(finding(&r, "findings", "semesters").1, "XYU-11");
        assert_eq!(r["status"], status, "{semesters}");
    }
    let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "semesters": 3 })), "locale": "en" }));
    assert_eq!(finding(&r, "findings", "semesters").2, "An exchange lasts 1–2 semesters; you asked for 3.");
    let zh = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "semesters": 3 })) }));
    assert_eq!(finding(&zh, "findings", "semesters").2, "交流学习期限须为 1–2 个学期；你填写的是 3 个学期。");
}

#[test]
fn nothing_stated_is_review_everywhere_never_a_guess() {
    let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": {} }));
    let outcomes: Vec<&str> = r["findings"].as_array().into_iter().flatten().filter_map(|f| f["outcome"].as_str()).collect();
    assert_eq!(outcomes, ["review"; 8]);
    assert_eq!(r["status"], "review");
    // A request without `applicant` is the same.
    assert_eq!(check(json!({ "policy": xinyu_notice(), "track": "exchange" }))["findings"], r["findings"]);
}

// ---------------------------------------------------------------- gdut-lixing-2026

fn freshman(enrolled: i64, applying: i64) -> Value {
    json!({ "inJointProgram": true, "enrollmentYear": enrolled, "applicationYear": applying, "priorLixingFunding": false, "otherFunding": false })
}

#[test]
fn lx_2_1_1_freshman_leap_is_for_the_first_academic_year() {
    // LX-2.1.1 "面向国际联合培养专班当年入学新生". The only selection round ends in spring
    // (LX-4.2.3: final list by 15 April), so "enrolled that calendar year" would exclude everyone
    // it can select; the first academic year is the likely meaning (issue 16 point 1).
    let ok = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": freshman(2026, 2026), "locale": "en" }));
    expect(&ok, "eligible", &[("joint_program", "pass"), ("enrollment_year", "pass")]);
    assert_eq!(finding(&ok, "findings", "enrollment_year"), ("pass", "LX-2.1.1", "Enrolled in 2026, applying in 2026: a new student of the year: met."));
    assert_eq!(ok["programme"], "language");
    assert_eq!(ok["priority"], Value::Null);

    // The student: enrolled 2025, applying in 2026. In spring 2026 still in the first
    // academic year (2025/26), in autumn 2026 in the second: the month decides → review, never
    // ineligible (it used to be).
    let next = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": freshman(2025, 2026), "locale": "en" }));
    expect(&next, "review", &[("joint_program", "pass"), ("enrollment_year", "review")]);
    assert_eq!(
        finding(&next, "findings", "enrollment_year").2,
        "Enrolled in 2025, applying in 2026: if you apply within your first year of study (say, enrolled in autumn 2025, selected in spring 2026), you are a new student of the year by academic year, though not by calendar year. The plan does not say which; the college decides. Giving your year of study settles it."
    );
    let zh = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": freshman(2025, 2026) }));
    assert_eq!(
        finding(&zh, "findings", "enrollment_year").2,
        "2025 年入学、2026 年申请：若在第 1 学年内申请（如 2025 年秋季入学、2026 年春季遴选），按学年理解属“当年入学新生”，按自然年理解则不属于。方案未界定，由学院审核；填写年级即可判断。"
    );

    // Two calendar years on: at least the second academic year under either reading → fail.
    let late = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": freshman(2024, 2026), "locale": "en" }));
    expect(&late, "ineligible", &[("enrollment_year", "fail")]);
    assert_eq!(finding(&late, "findings", "enrollment_year").2, "This track is for new students of the year; enrolled in 2024, you are at least in your second year of study in 2026.");

    let not_joint = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": with(freshman(2026, 2026), json!({ "inJointProgram": false })) }));
    expect(&not_joint, "ineligible", &[("joint_program", "fail"), ("enrollment_year", "pass")]);
    let unstated = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": { "inJointProgram": true, "enrollmentYear": 2026 } }));
    expect(&unstated, "review", &[("joint_program", "pass"), ("enrollment_year", "review")]);
    let backwards = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": freshman(2026, 2025), "locale": "en" }));
    assert_eq!(finding(&backwards, "findings", "enrollment_year").0, "review");
}

#[test]
fn lx_2_1_1_year_of_study_decides_as_the_application_form_does() {
    // validateApplication accepts a freshman-leap form with year of study 1 and refuses 2; the
    // eligibility check reads the same fact the same way, so the two never disagree.
    for (year, outcome, status) in [(1, "pass", "eligible"), (2, "fail", "ineligible"), (4, "fail", "ineligible")] {
        let applicant = json!({ "inJointProgram": true, "yearOfStudy": year, "priorLixingFunding": false, "otherFunding": false });
        let r = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": applicant, "locale": "en" }));
        expect(&r, status, &[("enrollment_year", outcome)]);
        let form = api::validate_application(json!({ "policy": "gdut-lixing-2026", "form": { "track": "freshman-leap", "yearOfStudy": year } })).unwrap();
        let year_error = form["errors"].as_array().unwrap().iter().any(|e| e["field"] == "yearOfStudy");
        assert_eq!(year_error, outcome == "fail", "year {year}: the form and the check agree");
    }
    // Year 1 settles the 2025/2026 case; a year that contradicts the years is review.
    let settled = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": with(freshman(2025, 2026), json!({ "yearOfStudy": 1 })), "locale": "en" }));
    assert_eq!(finding(&settled, "findings", "enrollment_year"), ("pass", "LX-2.1.1", "In your first year of study, a new student of the year: met."));
    let second = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": with(freshman(2025, 2026), json!({ "yearOfStudy": 2 })) }));
    assert_eq!(finding(&second, "findings", "enrollment_year"), ("fail", "LX-2.1.1", "本项目面向当年入学新生（第 1 学年）；你在第 2 学年。"));
    let odd = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": with(freshman(2026, 2026), json!({ "yearOfStudy": 2 })), "locale": "en" }));
    assert_eq!(finding(&odd, "findings", "enrollment_year").2, "Your year of study (2) does not match the enrollment and application years (2026, 2026): please check; the college decides.");
}

#[test]
fn lx_2_1_2_navigator_research_needs_one_completed_semester() {
    for (done, outcome, status) in [(0, "fail", "ineligible"), (1, "pass", "eligible"), (5, "pass", "eligible")] {
        let applicant = json!({ "inJointProgram": true, "semestersCompleted": done, "priorLixingFunding": false, "otherFunding": false });
        let r = check(json!({ "policy": "gdut-lixing-2026", "track": "navigator-research", "applicant": applicant, "locale": "en" }));
        expect(&r, status, &[("joint_program", "pass"), ("semesters_completed", outcome)]);
        assert_eq!(finding(&r, "findings", "semesters_completed").1, "LX-2.1.2");
        assert_eq!(r["programme"], "research");
    }
    let r = check(json!({ "policy": "gdut-lixing-2026", "track": "navigator-research", "applicant": { "inJointProgram": true, "semestersCompleted": 0 }, "locale": "en" }));
    // English plural (issue 16): "1 semester", not "1 … semester(s)".
    assert_eq!(finding(&r, "findings", "semesters_completed").2, "Needs at least 1 semester completed; you have 0.");
    let one = check(json!({ "policy": "gdut-lixing-2026", "track": "navigator-research", "applicant": { "inJointProgram": true, "semestersCompleted": 1 }, "locale": "en" }));
    assert_eq!(finding(&one, "findings", "semesters_completed").2, "1 semester completed (at least 1): met.");
    // The number is data: a policy asking for 2 semesters fails 1.
    let two = json!({ "extends": "gdut-lixing-2026", "tracks": { "navigator-research": { "minSemestersCompleted": 2 } } });
    let r = check(json!({ "policy": two, "track": "navigator-research", "applicant": { "inJointProgram": true, "semestersCompleted": 1 }, "locale": "en" }));
    assert_eq!(finding(&r, "findings", "semesters_completed").0, "fail");
}

#[test]
fn lx_5_3_1_csc_funded_student_is_eligible_but_not_fundable() {
    let applicant = with(freshman(2026, 2026), json!({ "otherFunding": true }));
    let r = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": applicant, "locale": "en" }));
    assert_eq!(r["status"], "eligible", "funding does not change eligibility");
    assert_eq!(r["fundable"], false);
    assert_eq!(finding(&r, "fundingFindings", "other_funding").0, "fail");
    assert_eq!(finding(&r, "fundingFindings", "other_funding").1, "LX-5.3.1");
    assert_eq!(finding(&r, "fundingFindings", "prior_lixing_funding").0, "pass");
}

#[test]
fn lx_5_3_1_funded_once_by_this_plan() {
    for (prior, other, fundable) in [
        (json!(true), json!(false), json!(false)),
        (json!(false), json!(false), json!(true)),
        (json!(true), Value::Null, json!(false)), // one "yes" decides
        (json!(false), Value::Null, Value::Null), // the other is not stated
        (Value::Null, Value::Null, Value::Null),
    ] {
        let applicant = json!({ "inJointProgram": true, "semestersCompleted": 2, "priorLixingFunding": prior, "otherFunding": other });
        let r = check(json!({ "policy": "gdut-lixing-2026", "track": "navigator-research", "applicant": applicant }));
        assert_eq!(r["fundable"], fundable, "prior {prior} other {other}");
        assert_eq!(r["status"], "eligible");
    }
}

#[test]
fn lx_5_4_conditions_come_with_every_gdut_answer() {
    let r = check(json!({ "policy": "gdut-lixing-2026", "track": "freshman-leap", "applicant": freshman(2026, 2026), "locale": "en" }));
    let clauses: Vec<&str> = r["conditions"].as_array().into_iter().flatten().filter_map(|c| c["clause"].as_str()).collect();
    // LX-5.4's five items, then LX-2.2: sharing the results closes the project (issue 16).
    assert_eq!(clauses, ["LX-5.4(1)", "LX-5.4(2)", "LX-5.4(3)", "LX-5.4(4)", "LX-5.4(5)", "LX-2.2"]);
    assert_eq!(r["conditions"][0]["code"], "tasks_not_completed");
    assert_eq!(r["conditions"][5]["code"], "results_not_shared");
    assert!(r["conditions"][1]["message"].as_str().unwrap_or("").contains("without approval"));
}

// ---------------------------------------------------------------- typed core

#[test]
fn typed_core_gives_the_same_answers() {
    let Ok(p) = policy::resolve(&xinyu_notice(), "policy", Locale::En) else { panic!("policy") };
    let a = Applicant {
        enrolled: Some(true),
        conduct_good: Some(true),
        gpa: Some(Decimal::new(285, 2)),
        ielts: Some(Decimal::new(65, 1)),
        healthy: Some(true),
        can_fund: Some(true),
        year_of_study: Some(2),
        program_years: Some(4),
        semesters: Some(2),
        ..Applicant::default()
    };
    let Ok(r) = eligibility::check_eligibility(&p, "exchange", &a, Locale::En) else { panic!("check") };
    assert_eq!(r.status, Status::Ineligible);
    assert_eq!(r.priority, Some(true));
    let gpa = r.findings.iter().find(|f| f.code == "gpa");
    assert_eq!(gpa.map(|f| (f.outcome, f.message.as_str())), Some((Outcome::Fail, "GPA must be at least 3.0; yours is 2.85.")));
    let Err(e) = eligibility::check_eligibility(&p, "freshman-leap", &a, Locale::En) else { panic!("should fail") };
    assert_eq!((e.code(), e.field.as_str()), ("unknown_value", "track"));
}

// ---------------------------------------------------------------- bad input

#[test]
fn unknown_track_lists_the_policys_tracks() {
    let msg = check_err(json!({ "policy": "gdut-lixing-2026", "track": "exchange", "applicant": {}, "locale": "en" }), "unknown_value", "track");
    assert_eq!(msg, "track: \"exchange\" is not allowed; choose one of: freshman-leap, navigator-research");
    let msg = check_err(json!({ "policy": "xinyu-2022", "track": "freshman-leap", "applicant": {}, "locale": "en" }), "unknown_value", "track");
    assert!(msg.ends_with("choose one of: exchange"), "{msg}");
    check_err(json!({ "policy": "xinyu-2022", "applicant": {} }), "missing_field", "track");
}

#[test]
fn wrong_types_and_impossible_values_are_coded_errors_at_their_path() {
    for (applicant, code, field) in [
        (json!({ "gpa": "abc" }), "invalid_number", "applicant.gpa"),
        (json!({ "gpa": true }), "invalid_type", "applicant.gpa"),
        (json!({ "gpa": "4.5" }), "out_of_range", "applicant.gpa"),
        (json!({ "ielts": 6.3 }), "invalid_step", "applicant.ielts"),
        (json!({ "ielts": 9.5 }), "out_of_range", "applicant.ielts"),
        (json!({ "toefl": 100.5 }), "invalid_step", "applicant.toefl"),
        (json!({ "enrolled": "yes" }), "invalid_type", "applicant.enrolled"),
        (json!({ "semesters": 1.5 }), "invalid_number", "applicant.semesters"),
        (json!({ "semesters": -1 }), "out_of_range", "applicant.semesters"),
        (json!({ "yearOfStudy": 0 }), "out_of_range", "applicant.yearOfStudy"),
        (json!({ "enrollmentYear": 26 }), "out_of_range", "applicant.enrollmentYear"),
        (json!({ "semesters": [1] }), "invalid_type", "applicant.semesters"),
        (json!({ "gpaa": 3 }), "unknown_field", "applicant.gpaa"),
    ] {
        check_err(json!({ "policy": "xinyu-2022", "track": "exchange", "applicant": applicant }), code, field);
    }
    check_err(json!({ "policy": "xinyu-2022", "track": "exchange", "applicant": [] }), "invalid_type", "applicant");
    check_err(json!({ "policy": "xinyu-2022", "track": "exchange", "locale": "fr" }), "unknown_value", "locale");
    check_err(json!({ "policy": "xinyu-2022", "track": "exchange", "applicnt": {} }), "unknown_field", "applicnt");
}

#[test]
fn numbers_arrive_as_js_numbers_or_text() {
    // A JS number 2 may arrive as 2.0; text from an input as "2".
    for year in [json!(2), json!(2.0), json!("2"), json!(" 2 ")] {
        let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "yearOfStudy": year })) }));
        assert_eq!(finding(&r, "findings", "final_year").0, "pass", "{year}");
    }
    // Blank text is "not stated".
    let r = check(json!({ "policy": xinyu_notice(), "track": "exchange", "applicant": with(good_xinyu(), json!({ "semesters": "", "gpa": " " })) }));
    assert_eq!(finding(&r, "findings", "semesters").0, "review");
    assert_eq!(finding(&r, "findings", "gpa").0, "review");
}

#[test]
fn a_policy_without_tracks_has_no_eligibility_rule() {
    let custom = json!({ "extends": "xinyu-2022", "tracks": null });
    check_err(json!({ "policy": custom, "track": "exchange" }), "not_in_policy", "policy");
}

#[test]
fn track_sections_are_checked_with_every_problem_listed() {
    let bad = json!({ "extends": "xinyu-2022", "tracks": {
        "exchange": { "minSemesters": 3, "minSemestersCompleted": 1 },
        "odd": { "kind": "summer-camp", "title": "x", "titleEn": "x", "clause": "X" },
        "navigator": { "kind": "navigator-research", "title": "", "titleEn": "n", "clause": "LX-2.1.2" }
    }});
    let Err(e) = api::check_eligibility(json!({ "policy": bad, "track": "exchange" })) else { panic!("should fail") };
    assert_eq!((e.code(), e.field()), ("invalid_policy", "policy"));
    let paths: Vec<&str> = e.problems().iter().map(|p| p.path.as_str()).collect();
    // A track that does not read leaves the section unread, so its checks wait: the unknown
    // kind is reported alone.
    assert_eq!(paths, ["tracks.odd.kind"], "{:?}", e.problems());

    let bad = json!({ "extends": "xinyu-2022", "tracks": {
        "exchange": { "minSemesters": 3, "minSemestersCompleted": 1 },
        "navigator": { "kind": "navigator-research", "title": "", "titleEn": "n", "clause": "LX-2.1.2" }
    }});
    let Err(e) = api::check_eligibility(json!({ "policy": bad, "track": "exchange", "locale": "en" })) else { panic!("should fail") };
    let problems: Vec<(&str, &str)> = e.problems().iter().map(|p| (p.path.as_str(), p.reason.as_str())).collect();
    assert_eq!(problems, [
        ("tracks.exchange.minSemestersCompleted", "not used by this kind of track"),
        ("tracks.exchange.maxSemesters", "must be at least minSemesters"),
        ("tracks.navigator.title", "must not be empty"),
        ("tracks.navigator.minSemestersCompleted", "required for this kind of track"),
    ]);
}

#[test]
fn lx_5_3_1_prior_funding_is_refused_in_principle_in_both_languages() {
    // LX-5.3.1 "学生在校期间原则上享有一次本计划的资助机会": the English dropped "in principle".
    let applicant = json!({ "inJointProgram": true, "semestersCompleted": 2, "priorLixingFunding": true, "otherFunding": false });
    let en = check(json!({ "policy": "gdut-lixing-2026", "track": "navigator-research", "applicant": applicant, "locale": "en" }));
    assert_eq!(
        finding(&en, "fundingFindings", "prior_lixing_funding"),
        ("fail", "LX-5.3.1", "Already funded by this plan: a student is, in principle, funded by it once while enrolled, so there is no further funding (eligibility is not affected).")
    );
    let zh = check(json!({ "policy": "gdut-lixing-2026", "track": "navigator-research", "applicant": applicant }));
    assert_eq!(finding(&zh, "fundingFindings", "prior_lixing_funding").2, "已获本计划资助：每名学生在校期间原则上只资助一次，不再资助（申请资格不受影响）。");
    let quoted = api::describe_policy(json!({ "policy": "gdut-lixing-2026" })).unwrap();
    assert_eq!(
        quoted["clauses"]["LX-5.3.1"]["en"],
        "Uniqueness: while enrolled, a student in principle has one chance of funding by this plan; a student already funded by the China Scholarship Council or similar is not funded again."
    );
}
