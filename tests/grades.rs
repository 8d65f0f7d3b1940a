//! XYU-12.7 conversion, normalization, GPA, the home-score algorithms, and policy loading.
//! Expected values are from the regulation's table and worked by hand in the comments.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use exchange_calc::algorithms::{self, ScoredCourse, ALGORITHMS};
use exchange_calc::api;
use exchange_calc::decimal;
use exchange_calc::grade::{self, CourseInput, GradeKind};
use exchange_calc::policy::{self, Policy};
use exchange_calc::Locale;
use serde_json::{json, Value};


mod common;
use common::d;

fn xinyu() -> Policy {
    common::preset("xinyu-2022")
}

#[track_caller]
fn converts(input: &str, letter: &str, point: &str, pct: &str) {
    let c = grade::convert(&xinyu(), input, "grade").unwrap_or_else(|e| panic!("{input:?}: {e}"));
    assert_eq!((c.grade.as_str(), c.grade_point, c.percentage), (letter, Some(d(point)), Some(d(pct))), "input {input:?}");
    assert_eq!(c.kind, GradeKind::Letter);
    assert_eq!(c.clause, "XYU-12.7(2)");
}

/// The XYU-12.7(2) table, transcribed from the regulation (新余学院交换生管理办法 第十二条 7(2)).
const TABLE: [(&str, &str, &str); 13] = [
    ("A+", "4.0", "98"), ("A", "3.7", "95"), ("A-", "3.5", "91"), ("B+", "3.3", "88"), ("B", "3.0", "85"),
    ("B-", "2.7", "81"), ("C+", "2.3", "78"), ("C", "2.0", "75"), ("C-", "1.7", "71"), ("D+", "1.3", "68"),
    ("D", "1.0", "65"), ("D-", "0.8", "60"), ("F", "0", "55"),
];

#[test]
fn xyu_12_7_all_thirteen_letters_to_point_and_percentage() {
    for (letter, point, pct) in TABLE {
        converts(letter, letter, point, pct);
    }
}

#[test]
fn xyu_12_7_each_point_and_percentage_belongs_to_exactly_one_letter() {
    // The other way: from the table's point or percentage back to its letter, uniquely.
    let p = xinyu();
    let rows = &p.grades.as_ref().unwrap().letters;
    for (letter, point, pct) in TABLE {
        let by_point: Vec<_> = rows.iter().filter(|r| r.grade_point == d(point)).map(|r| r.letter.as_str()).collect();
        let by_pct: Vec<_> = rows.iter().filter(|r| r.percentage == d(pct)).map(|r| r.letter.as_str()).collect();
        assert_eq!((by_point, by_pct), (vec![letter], vec![letter]), "{letter}");
    }
    assert_eq!(rows.len(), 13);
}

#[test]
fn xyu_12_7_display_keeps_the_tables_spelling() {
    let c = grade::convert(&xinyu(), "A+", "grade").unwrap();
    assert_eq!(c.grade_point.unwrap().to_string(), "4.0");
    let c = grade::convert(&xinyu(), "B", "grade").unwrap();
    assert_eq!(c.grade_point.unwrap().to_string(), "3.0");
}

#[test]
fn normalizes_what_people_type() {
    for (input, letter, point, pct) in [
        (" b+ ", "B+", "3.3", "88"),        // spaces, lower case
        ("Ｂ＋", "B+", "3.3", "88"),        // full-width IME forms
        ("ｂ＋", "B+", "3.3", "88"),
        ("Ａ－", "A-", "3.5", "91"),
        ("A−", "A-", "3.5", "91"),          // U+2212 minus
        ("A–", "A-", "3.5", "91"),          // en dash
        ("A—", "A-", "3.5", "91"),          // em dash
        ("A‐", "A-", "3.5", "91"),          // U+2010 hyphen
        ("c -", "C-", "1.7", "71"),         // inner space
        ("\u{3000}d\u{3000}", "D", "1.0", "65"), // ideographic spaces
        ("a﹢", "A+", "4.0", "98"),         // small plus U+FE62
        ("f", "F", "0", "55"),
    ] {
        converts(input, letter, point, pct);
    }
}

#[test]
fn a_chinese_ime_dash_is_one_minus() {
    // Shift+"-" in a Chinese IME gives "——" (U+2014 twice; some fonts' IMEs U+2015 twice):
    // one key press, one minus. A- = 3.5 / 91 in the XYU-12.7(2) table.
    for input in ["A——", "a――", "A⸺", "Ａ——", " A —— "] {
        converts(input, "A-", "3.5", "91");
    }
    // C- = 1.7 / 71.
    converts("c——", "C-", "1.7", "71");
    // Typed twice on purpose, or mixed, it is not a grade.
    for input in ["A--", "A—-", "A–—", "A————+"] {
        let e = grade::convert(&xinyu(), input, "grade").unwrap_err();
        assert_eq!(e.code(), "invalid_grade", "{input:?}");
    }
}

#[test]
fn anything_else_is_an_error_listing_the_valid_grades() {
    for input in ["E", "A++", "B+-", "AB", "优", "G"] {
        let e = grade::convert(&xinyu(), input, "grade").unwrap_err();
        assert_eq!((e.code(), e.field.as_str()), ("invalid_grade", "grade"), "{input:?}");
        let msg = e.message(Locale::En);
        assert!(msg.contains("A+ A A- B+ B B- C+ C C- D+ D D- F"), "{msg}");
    }
    let e = grade::convert(&xinyu(), "  ", "grade").unwrap_err();
    assert_eq!(e.code(), "missing_field");
    let e = grade::convert(&xinyu(), "101", "grade").unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    let e = grade::convert(&xinyu(), "-1", "grade").unwrap_err();
    assert_eq!(e.code(), "out_of_range");
}

#[test]
fn xyu_12_7_1_same_standard_percentages_pass_through() {
    let c = grade::convert(&xinyu(), "87.5", "grade").unwrap();
    assert_eq!((c.kind, c.grade_point, c.percentage, c.clause.as_str()), (GradeKind::Percentage, None, Some(d("87.5")), "XYU-12.7(1)"));
    assert_eq!(c.passed, Some(true));
    // 59.5 is below the 60 pass mark (D- = 60 is the lowest passing row of the table).
    assert_eq!(grade::convert(&xinyu(), "59.5", "grade").unwrap().passed, Some(false));
    assert_eq!(grade::convert(&xinyu(), "６０", "grade").unwrap().passed, Some(true));
}

#[test]
fn xyu_12_8_f_fails_and_pass_fail_grades_pass_or_fail() {
    assert_eq!(grade::convert(&xinyu(), "F", "grade").unwrap().passed, Some(false));
    assert_eq!(grade::convert(&xinyu(), "D-", "grade").unwrap().passed, Some(true));
    let p = grade::convert(&xinyu(), "pass", "grade").unwrap();
    assert_eq!((p.kind, p.passed, p.grade_point), (GradeKind::PassFail, Some(true), None));
    let np = grade::convert(&xinyu(), "NP", "grade").unwrap();
    assert_eq!((np.kind, np.passed), (GradeKind::PassFail, Some(false)));
}

fn course(name: &str, credits: &str, grade: &str) -> CourseInput {
    CourseInput { name: name.into(), credits: d(credits), grade: grade.into(), same_standard: None }
}

#[test]
fn gpa_of_a3_bplus2_f1_is_2_95_average_86() {
    // GPA = (3×3.7 + 2×3.3 + 1×0)/6 = (11.1 + 6.6 + 0)/6 = 17.7/6 = 2.95
    // average = (3×95 + 2×88 + 1×55)/6 = (285 + 176 + 55)/6 = 516/6 = 86
    let r = grade::compute_gpa(&xinyu(), &[course("A", "3", "A"), course("B", "2", "B+"), course("C", "1", "F")], Locale::En).unwrap();
    assert_eq!(r.gpa.as_deref(), Some("2.95"));
    assert_eq!(r.gpa_exact.as_deref(), Some("2.95"));
    assert_eq!(r.average_percentage.as_deref(), Some("86.00"));
    assert_eq!(r.average_percentage_exact.as_deref(), Some("86"));
    assert_eq!((r.gpa_credits, r.total_credits, r.earned_credits), (d("6"), d("6"), d("5")));
    assert_eq!(r.findings.len(), 1);
    assert_eq!((r.findings[0].code.as_str(), r.findings[0].clause.as_str()), ("course_failed", "XYU-12.8"));
}

#[test]
fn gpa_rounds_half_up_for_display_and_keeps_the_exact_value() {
    // (1×3.7 + 2×3.0)/3 = 9.7/3 = 3.2333… → "3.23"; (1×95 + 2×85)/3 = 265/3 = 88.333… → "88.33"
    let r = grade::compute_gpa(&xinyu(), &[course("x", "1", "A"), course("y", "2", "B")], Locale::En).unwrap();
    assert_eq!(r.gpa.as_deref(), Some("3.23"));
    assert!(r.gpa_exact.as_deref().unwrap().starts_with("3.2333333"));
    assert_eq!(r.average_percentage.as_deref(), Some("88.33"));
    // Fractional credits: (0.5×2.3 + 1.5×3.3)/2 = (1.15 + 4.95)/2 = 6.1/2 = 3.05
    let r = grade::compute_gpa(&xinyu(), &[course("x", "0.5", "C+"), course("y", "1.5", "B+")], Locale::En).unwrap();
    assert_eq!(r.gpa.as_deref(), Some("3.05"));
    // Exactly half-way: (3×0.8 + 1×1.7)/4 = (2.4 + 1.7)/4 = 4.1/4 = 1.025 → half-up "1.03"
    // (banker's rounding would give 1.02).
    let r = grade::compute_gpa(&xinyu(), &[course("x", "3", "D-"), course("y", "1", "C-")], Locale::En).unwrap();
    assert_eq!(r.gpa_exact.as_deref(), Some("1.025"));
    assert_eq!(r.gpa.as_deref(), Some("1.03"));
}

#[test]
fn zero_credit_and_pass_fail_courses_do_not_weigh_in_the_gpa() {
    // Only the 2-credit A weighs: GPA 3.7, average 95. Pass counts 1 credit earned.
    let r = grade::compute_gpa(&xinyu(), &[course("a", "2", "A"), course("seminar", "0", "F"), course("lab", "1", "P")], Locale::En).unwrap();
    assert_eq!(r.gpa.as_deref(), Some("3.70"));
    assert_eq!(r.average_percentage.as_deref(), Some("95.00"));
    assert_eq!((r.gpa_credits, r.total_credits, r.earned_credits), (d("2"), d("3"), d("3")));
    assert!(!r.courses[1].in_gpa);
    assert!(!r.courses[2].in_gpa);
    let codes: Vec<_> = r.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["course_failed", "pass_fail_credits_only"]);
}

#[test]
fn percentage_courses_weigh_in_the_average_not_the_gpa() {
    // GPA over the letter course only: 3.0. Average: (2×85 + 2×90)/4 = 350/4 = 87.5
    let r = grade::compute_gpa(&xinyu(), &[course("a", "2", "B"), course("b", "2", "90")], Locale::En).unwrap();
    assert_eq!(r.gpa.as_deref(), Some("3.00"));
    assert_eq!(r.average_percentage.as_deref(), Some("87.50"));
}

#[test]
fn empty_transcript_has_no_gpa_rather_than_an_error() {
    let r = grade::compute_gpa(&xinyu(), &[], Locale::En).unwrap();
    assert_eq!((r.gpa, r.average_percentage), (None, None));
}

#[test]
fn bad_courses_are_errors_with_their_path() {
    let e = grade::compute_gpa(&xinyu(), &[course("a", "2", "A"), course("b", "-1", "A")], Locale::En).unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("out_of_range", "courses[1].credits"));
    let e = grade::compute_gpa(&xinyu(), &[course("a", "2", "A"), course("b", "1", "Z")], Locale::En).unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("invalid_grade", "courses[1].grade"));
    // Credits near the decimal limit: 79228162514264337593543950335 × 4.0 overflows.
    let big = "79228162514264337593543950335";
    let e = grade::compute_gpa(&xinyu(), &[course("a", big, "A+")], Locale::En).unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("overflow", "courses[0].credits"));
}

// ---- home-score algorithms (not from a regulation) ----

fn points(id: &str, score: &str) -> String {
    let a = ALGORITHMS.iter().find(|a| a.id == id).unwrap();
    decimal::fixed2(a.points(d(score)))
}

#[track_caller]
fn table(id: &str, cases: &[(&str, &str)]) {
    for (score, want) in cases {
        assert_eq!(points(id, score), *want, "{id} at {score}");
    }
}

#[test]
fn standard_4_0_bands_and_boundaries() {
    // 90–100→4; 80–89→3; 70–79→2; 60–69→1; <60→0, as half-open bands on exact decimals.
    table("standard4", &[("100", "4.00"), ("90", "4.00"), ("89.99", "3.00"), ("89.5", "3.00"), ("84.5", "3.00"), ("80", "3.00"),
        ("79.9", "2.00"), ("70", "2.00"), ("69", "1.00"), ("60", "1.00"), ("59.5", "0.00"), ("0", "0.00")]);
}

#[test]
fn improved_4_0_variants() {
    // (1): 85–100→4; 70–84→3; 60–69→2; <60→0
    table("improved4a", &[("100", "4.00"), ("85", "4.00"), ("84.5", "3.00"), ("70", "3.00"), ("69.99", "2.00"), ("60", "2.00"), ("59.5", "0.00")]);
    // (2): 85–100→4; 75–84→3; 60–74→2; <60→0
    table("improved4b", &[("85", "4.00"), ("84.5", "3.00"), ("75", "3.00"), ("74.9", "2.00"), ("60", "2.00"), ("59.5", "0.00")]);
}

#[test]
fn pku_new_formula() {
    // 4 − 3(100 − x)²/1600 (no source dates it: issue 16, so the id and label carry no year): x=100 → 4; x=90 → 4 − 300/1600 = 3.8125; x=86 → 4 − 588/1600 = 3.6325;
    // x=60 → 4 − 4800/1600 = 1; x=59.5 → 0 (below 60).
    let pku = ALGORITHMS.iter().find(|a| a.id == "pkuFormula").unwrap();
    assert_eq!(pku.points(d("100")), d("4"));
    assert_eq!(pku.points(d("90")), d("3.8125"));
    assert_eq!(pku.points(d("86")), d("3.6325"));
    assert_eq!(pku.points(d("60")), d("1"));
    assert_eq!(pku.points(d("59.5")), d("0"));
    // x=89.5 → 4 − 3×10.5²/1600 = 4 − 330.75/1600 = 4 − 0.20671875 = 3.79328125
    assert_eq!(pku.points(d("89.5")), d("3.79328125"));
}

#[test]
fn pku_old_table() {
    // 90–100→4.0; 85–89→3.7; 82–84→3.3; 78–81→3.0; 75–77→2.7; 72–74→2.3; 68–71→2.0; 64–67→1.5; 60–63→1.0
    table("pkuOld", &[("90", "4.00"), ("89.99", "3.70"), ("86", "3.70"), ("85", "3.70"), ("84.5", "3.30"), ("82", "3.30"),
        ("81.9", "3.00"), ("78", "3.00"), ("77", "2.70"), ("75", "2.70"), ("74", "2.30"), ("72", "2.30"), ("71", "2.00"),
        ("68", "2.00"), ("67", "1.50"), ("64", "1.50"), ("63.9", "1.00"), ("60", "1.00"), ("59.5", "0.00")]);
}

#[test]
fn canada_4_3() {
    // 90–100→4.3; 85–89→4.0; 80–84→3.7; 75–79→3.3; 70–74→3.0; 65–69→2.7; 60–64→2.3
    table("canada43", &[("100", "4.30"), ("90", "4.30"), ("89.99", "4.00"), ("85", "4.00"), ("84.5", "3.70"), ("80", "3.70"),
        ("79", "3.30"), ("75", "3.30"), ("74", "3.00"), ("70", "3.00"), ("69", "2.70"), ("65", "2.70"), ("64", "2.30"), ("60", "2.30"), ("59.5", "0.00")]);
}

#[test]
fn ustc_4_3() {
    // 95–100→4.3; 90–94→4.0; 85–89→3.7; 82–84→3.3; 78–81→3.0; 75–77→2.7; 72–74→2.3; 68–71→2.0;
    // 65–67→1.7; 64→1.5; 61–63→1.3; 60→1.0
    table("ustc43", &[("95", "4.30"), ("94.9", "4.00"), ("90", "4.00"), ("89.99", "3.70"), ("85", "3.70"), ("84.5", "3.30"),
        ("82", "3.30"), ("81", "3.00"), ("78", "3.00"), ("77", "2.70"), ("75", "2.70"), ("74", "2.30"), ("72", "2.30"),
        ("71", "2.00"), ("68", "2.00"), ("67", "1.70"), ("65", "1.70"), ("64.5", "1.50"), ("64", "1.50"), ("63", "1.30"),
        ("61", "1.30"), ("60.5", "1.00"), ("60", "1.00"), ("59.5", "0.00")]);
}

#[test]
fn sjtu_4_3() {
    // 95–100→4.3; 90–94→4.0; 85–89→3.7; 80–84→3.3; 75–79→3.0; 70–74→2.7; 67–69→2.3; 65–66→2.0;
    // 62–64→1.7; 60–61→1.0
    table("sjtu43", &[("95", "4.30"), ("90", "4.00"), ("89.99", "3.70"), ("85", "3.70"), ("84.5", "3.30"), ("80", "3.30"),
        ("79", "3.00"), ("75", "3.00"), ("74", "2.70"), ("70", "2.70"), ("69", "2.30"), ("67", "2.30"), ("66", "2.00"),
        ("65", "2.00"), ("64", "1.70"), ("62", "1.70"), ("61.9", "1.00"), ("60", "1.00"), ("59.5", "0.00")]);
}

#[test]
fn wes_community_approximation() {
    // 85–100→4; 75–84→3; 60–74→2; <60→0
    table("wes", &[("100", "4.00"), ("85", "4.00"), ("84.5", "3.00"), ("75", "3.00"), ("74.9", "2.00"), ("60", "2.00"), ("59.5", "0.00")]);
}

#[test]
fn compare_weights_by_credits_and_flags_disagreement() {
    // 3 credits of 92, 1 credit of 78. Standard: (3×4 + 1×2)/4 = 14/4 = 3.5.
    // USTC: (3×4.0 + 1×3.0)/4 = 15/4 = 3.75. PKU formula: 92 → 4 − 3×64/1600 = 3.88; 78 → 4 − 3×484/1600 = 3.0925;
    // (3×3.88 + 3.0925)/4 = 14.7325/4 = 3.683125 → "3.68".
    let r = algorithms::compare(&[
        ScoredCourse { name: "a".into(), credits: d("3"), score: d("92") },
        ScoredCourse { name: "b".into(), credits: d("1"), score: d("78") },
    ])
    .unwrap();
    let gpa = |id: &str| r.algorithms.iter().find(|a| a.id == id).unwrap().gpa.clone().unwrap();
    assert_eq!(gpa("standard4"), "3.50");
    assert_eq!(gpa("ustc43"), "3.75");
    assert_eq!(gpa("pkuFormula"), "3.68");
    assert!(r.not_from_regulation);
    assert!(r.courses.iter().all(|c| c.disagree));
    // 100 gets 4 on every 4.0-scale algorithm: no disagreement.
    let r = algorithms::compare(&[ScoredCourse { name: "x".into(), credits: d("1"), score: d("100") }]).unwrap();
    assert!(!r.courses[0].disagree);
    let e = algorithms::compare(&[ScoredCourse { name: "x".into(), credits: d("1"), score: d("100.5") }]).unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("out_of_range", "courses[0].score"));
}

// ---- policies ----

#[test]
fn presets_load_and_have_stable_distinct_hashes() {
    let list = policy::list();
    let ids: Vec<_> = list.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["xinyu-2022", "gdut-lixing-2026"]);
    assert_eq!(list[0].hash.len(), 8);
    assert_ne!(list[0].hash, list[1].hash);
    let p = xinyu();
    assert_eq!(p.hours_per_credit, Some(d("16")));
    assert_eq!(p.min_gpa, None, "the threshold is left to each year's notice");
    for clause in ["XYU-10.2", "XYU-12.4", "XYU-12.7", "XYU-12.9", "XYU-13.5"] {
        assert!(p.clause(clause).is_some(), "{clause} is quoted");
    }
}

#[test]
fn extends_overrides_parameters_and_changes_the_hash() {
    let base = xinyu();
    let p = policy::resolve(&json!({"extends": "xinyu-2022", "minGpa": "3.0", "priorityIelts": 6.5}), "policy", Locale::En).unwrap();
    assert_eq!((p.min_gpa, p.priority_ielts), (Some(d("3.0")), Some(d("6.5"))));
    assert_eq!(p.grades, base.grades, "the rest comes from the preset");
    assert_ne!(p.hash, base.hash);
    // Deep merge: overriding one key of a section keeps the others.
    let p = policy::resolve(&json!({"extends": "xinyu-2022", "grades": {"percentagePassMark": 50}}), "policy", Locale::En).unwrap();
    let g = p.grades.as_ref().unwrap();
    assert_eq!((g.percentage_pass_mark, g.letters.len()), (Some(d("50")), 13));
}

#[test]
fn an_invalid_policy_lists_every_problem_and_is_never_half_applied() {
    let e = policy::resolve(
        &json!({"extends": "xinyu-2022", "minGpa": "abc", "schoolShareRatio": 1.5, "priorityIelts": 10,
                "hoursPerCredit": 0, "studentIdPattern": "([", "minGap": 3,
                "grades": {"letters": [{"letter": "A", "gradePoint": "-1", "percentage": "95"}]}}),
        "policy",
        Locale::En,
    )
    .unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("invalid_policy", "policy"));
    let mut paths: Vec<_> = e.problems().iter().map(|p| p.path.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        ["grades.failing[0]", "grades.letters[0].gradePoint", "hoursPerCredit", "minGap", "minGpa", "priorityIelts", "schoolShareRatio", "studentIdPattern"]
    );
    let ratio = e.problems().iter().find(|p| p.path == "schoolShareRatio").unwrap();
    assert_eq!(ratio.reason, "1.5 must be between 0 and 1");
    // In Chinese too.
    let e = policy::resolve(&json!({"extends": "xinyu-2022", "minGap": 3}), "policy", Locale::ZhCn).unwrap_err();
    assert_eq!(e.problems()[0].reason, "不认识的字段（是否拼写有误？）");
}

#[test]
fn a_whole_custom_policy_needs_its_identity() {
    // hoursPerCredit without a `credits` section is read by nothing: a problem too (issue 16
    // point 7; it used to be accepted and ignored).
    let e = policy::resolve(&json!({"hoursPerCredit": 16}), "policy", Locale::En).unwrap_err();
    let paths: Vec<_> = e.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["id", "title", "year", "hoursPerCredit"]);
    let p = policy::resolve(&json!({"id": "my-uni", "title": "我的大学", "year": 2025}), "policy", Locale::En).unwrap();
    assert_eq!((p.id.as_str(), p.title_en.as_str(), p.grades.is_none()), ("my-uni", "我的大学", true));
    let e = grade::convert(&p, "A", "grade").unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("not_in_policy", "policy"));
}

#[test]
fn unknown_presets_and_wrong_types() {
    let e = policy::resolve(&json!("xinyu-2023"), "policy", Locale::En).unwrap_err();
    assert_eq!(e.code(), "unknown_policy");
    assert!(e.message(Locale::En).contains("xinyu-2022, gdut-lixing-2026"));
    let e = policy::resolve(&json!({"extends": "nope"}), "policy", Locale::En).unwrap_err();
    assert_eq!((e.code(), e.field.as_str()), ("unknown_policy", "policy.extends"));
    assert_eq!(policy::resolve(&json!(7), "policy", Locale::En).unwrap_err().code(), "invalid_type");
}

// ---- the JSON API contract ----

#[test]
fn api_convert_grade_shape() {
    let r = api::convert_grade(json!({"policy": "xinyu-2022", "grade": "Ｂ＋"})).unwrap();
    assert_eq!(r["grade"], "B+");
    assert_eq!(r["gradePoint"], "3.3");
    assert_eq!(r["percentage"], "88");
    assert_eq!(r["clause"], "XYU-12.7(2)");
    assert_eq!(r["policy"]["id"], "xinyu-2022");
    // A number is accepted as a percentage score.
    let r = api::convert_grade(json!({"policy": "xinyu-2022", "grade": 91.5})).unwrap();
    assert_eq!((r["percentage"].as_str(), r["gradePoint"].is_null()), (Some("91.5"), true));
}

#[test]
fn api_compute_gpa_and_errors() {
    let r = api::compute_gpa(json!({"policy": "xinyu-2022", "courses": [
        {"name": "A", "credits": 3, "grade": "A"}, {"name": "B", "credits": "2", "grade": "B+"}, {"name": "C", "credits": 1, "grade": "F"}]}))
    .unwrap();
    assert_eq!((r["gpa"].as_str(), r["averagePercentage"].as_str()), (Some("2.95"), Some("86.00")));
    assert_eq!(r["courses"][1]["gradePoint"], "3.3");

    let cases: [(Value, &str, &str); 6] = [
        (json!({"policy": "xinyu-2022", "courses": [{"credits": "x", "grade": "A"}]}), "invalid_number", "courses[0].credits"),
        (json!({"policy": "xinyu-2022", "courses": [{"credits": 1}]}), "missing_field", "courses[0].grade"),
        (json!({"policy": "xinyu-2022", "courses": [{"credits": 1, "grade": "A", "hours": 3}]}), "unknown_field", "courses[0].hours"),
        (json!({"policy": "xinyu-2022", "courses": {}}), "invalid_type", "courses"),
        (json!({"courses": []}), "missing_field", "policy"),
        (json!({"policy": "xinyu-2022", "courses": [], "locale": "fr"}), "unknown_value", "locale"),
    ];
    for (input, code, field) in cases {
        let f = api::compute_gpa(input.clone()).unwrap_err();
        assert_eq!((f.code(), f.field()), (code, field), "{input}");
    }
}

#[test]
fn api_messages_follow_the_requested_locale() {
    let f = api::convert_grade(json!({"policy": "xinyu-2022", "grade": "Q", "locale": "en"})).unwrap_err();
    assert!(f.message().starts_with("grade: \"Q\" is not a grade"), "{}", f.message());
    let f = api::convert_grade(json!({"policy": "xinyu-2022", "grade": "Q"})).unwrap_err();
    assert!(f.message().starts_with("grade：无法识别成绩“Q”"), "{}", f.message());
}


// ---- what the regulation says, and what is the policy's (issue 16) ----

/// `convertGrade` through the JSON API.
#[track_caller]
fn convert_api(input: Value) -> Value {
    api::convert_grade(input.clone()).unwrap_or_else(|f| panic!("{input}: {} {}", f.code(), f.message()))
}

/// (code, outcome, clause, message) of each finding.
fn findings_of(r: &Value) -> Vec<(String, String, String, String)> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_owned();
            (s("code"), s("outcome"), s("clause"), s("message"))
        })
        .collect()
}

fn f4(code: &str, outcome: &str, clause: &str, message: &str) -> (String, String, String, String) {
    (code.to_owned(), outcome.to_owned(), clause.to_owned(), message.to_owned())
}

const PASS_MARK_EN: &str = "This is the policy's inference, not the regulation's words: the regulation sets no percentage pass mark; in its conversion table the lowest passing letter, D-, converts to 60 and the failing F to 55.";
const PASS_MARK_ZH: &str = "这是本政策的推定，不是本办法的明文：办法未规定百分制及格线，换算表中最低的及格等级 D- 折合 60 分，不及格的 F 折合 55 分。";

#[test]
fn xyu_12_7_1_a_percentage_without_the_same_standard_fact_is_review() {
    // XYU-12.7(1) "对方成绩标准与新余学院相同时，直接认定": only then does 68 stay 68. A bare 68
    // was taken silently (issue 16 point 5); a UK 68 is a good grade, not a weak one.
    let r = convert_api(json!({ "policy": "xinyu-2022", "grade": "68", "locale": "en" }));
    assert_eq!((r["kind"].as_str(), r["percentage"].as_str(), r["passed"].as_bool()), (Some("percentage"), Some("68"), Some(true)));
    assert_eq!((r["clause"].as_str(), r["sameStandard"].is_null()), (Some("XYU-12.7(1)"), true));
    assert_eq!(findings_of(&r), [
        f4("same_standard_unstated", "review", "XYU-12.7(1)", "68: taken over unchanged as a percentage. The regulation does that only when the partner's grading standard is the same as the home school's, which was not stated: confirm it; if the standards differ, the school decides how to convert."),
        // 68 ≥ 60: passed, by a mark the regulation does not state.
        f4("percentage_pass_mark", "review", "XYU-12.7(2)", &format!("68: passed or failed by the percentage pass mark of 60. {PASS_MARK_EN}")),
    ]);
    let zh = convert_api(json!({ "policy": "xinyu-2022", "grade": "68" }));
    assert_eq!(findings_of(&zh)[0].3, "68：百分制分数已按原分直接认定。办法只在“对方成绩标准与本校相同时”直接认定，而对方的成绩标准是否相同未说明：请确认；不同时由学校认定如何换算。");
    assert_eq!(findings_of(&zh)[1].3, format!("68：是否合格按百分制及格线 60 分判断。{PASS_MARK_ZH}"));

    // Stated the same: taken over directly, no question left but the pass mark's origin.
    let same = convert_api(json!({ "policy": "xinyu-2022", "grade": 68, "sameStandard": true, "locale": "en" }));
    assert_eq!((same["percentage"].as_str(), same["sameStandard"].as_bool()), (Some("68"), Some(true)));
    assert_eq!(findings_of(&same).iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["percentage_pass_mark"]);

    // Stated different: XYU-12.7(2) "对方成绩标准与新余学院不同时，参照下述标准转换" has letters
    // only, so a number has no conversion; the school decides and nothing is guessed.
    let diff = convert_api(json!({ "policy": "xinyu-2022", "grade": "68", "sameStandard": false, "locale": "en" }));
    assert_eq!((diff["percentage"].is_null(), diff["gradePoint"].is_null(), diff["passed"].is_null()), (true, true, true));
    assert_eq!((diff["clause"].as_str(), diff["sameStandard"].as_bool()), (Some("XYU-12.7(2)"), Some(false)));
    assert_eq!(findings_of(&diff), [f4(
        "different_standard_score",
        "review",
        "XYU-12.7(2)",
        "68: the partner's grading standard differs from the home school's, and the conversion table (XYU-12.7(2)) lists only the letters A+ to F, no percentage scores: the school decides the conversion, and until then this tool leaves the score out.",
    )]);
    let zh = convert_api(json!({ "policy": "xinyu-2022", "grade": "68", "sameStandard": false }));
    assert_eq!(findings_of(&zh)[0].3, "68：对方成绩标准与本校不同，而换算表（XYU-12.7(2)）只列 A+ 至 F 等级，未规定百分制分数如何换算：由学校认定，在此之前本工具不计入。");

    // A letter is the table's whatever the fact: no findings.
    let b = convert_api(json!({ "policy": "xinyu-2022", "grade": "B+", "sameStandard": true }));
    assert_eq!((b["gradePoint"].as_str(), b["sameStandard"].is_null(), b["findings"].clone()), (Some("3.3"), true, json!([])));
}

#[test]
fn xyu_12_7_1_compute_gpa_takes_the_fact_per_partner_or_per_course() {
    // Partner different: the 68 weighs nowhere. GPA and average over the A alone: 3.7 and 95.
    let r = api::compute_gpa(json!({ "policy": "xinyu-2022", "sameStandard": false, "locale": "en", "courses": [
        { "name": "Essay", "credits": 3, "grade": "A" }, { "name": "Lab", "credits": 2, "grade": "68" }] })).unwrap();
    assert_eq!((r["gpa"].as_str(), r["averagePercentage"].as_str(), r["percentageCredits"].as_str()), (Some("3.70"), Some("95.00"), Some("3")));
    // Not judged passed, so not earned: 3 of 5 credits.
    assert_eq!((r["earnedCredits"].as_str(), r["courses"][1]["passed"].is_null()), (Some("3"), true));
    assert_eq!(findings_of(&r).iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["different_standard_score"]);
    assert!(findings_of(&r)[0].3.starts_with("\"Lab\" (68): the partner's grading standard differs"), "{:?}", findings_of(&r));

    // The course's own fact wins: same standard → average (3×95 + 2×68)/5 = (285 + 136)/5 = 421/5 = 84.2.
    let r = api::compute_gpa(json!({ "policy": "xinyu-2022", "sameStandard": false, "courses": [
        { "name": "Essay", "credits": 3, "grade": "A" }, { "name": "Lab", "credits": 2, "grade": "68", "sameStandard": true }] })).unwrap();
    assert_eq!((r["averagePercentage"].as_str(), r["courses"][1]["sameStandard"].as_bool()), (Some("84.20"), Some(true)));
    assert_eq!(findings_of(&r).iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["percentage_pass_mark"]);

    // Not stated: counted as before (84.2), and one review names every such course.
    let r = api::compute_gpa(json!({ "policy": "xinyu-2022", "locale": "en", "courses": [
        { "name": "Lab", "credits": 2, "grade": "68" }, { "name": "Essay", "credits": 3, "grade": "90" }] })).unwrap();
    // (2×68 + 3×90)/5 = (136 + 270)/5 = 406/5 = 81.2
    assert_eq!(r["averagePercentage"], "81.20");
    let first = &findings_of(&r)[0];
    assert_eq!((first.0.as_str(), first.1.as_str()), ("same_standard_unstated", "review"));
    assert!(first.3.starts_with("\"Lab\" (68), \"Essay\" (90): taken over unchanged"), "{}", first.3);
}

#[test]
fn xyu_12_7_2_the_pass_mark_60_is_the_policys_inference_from_the_table() {
    // XYU-12.7(2)'s table: D- → 60 (lowest passing letter), F → 55. No clause states a pass mark
    // for percentages, so judging 59.5 failed and 60 passed says whose number 60 is.
    let r = api::compute_gpa(json!({ "policy": "xinyu-2022", "sameStandard": true, "locale": "en", "courses": [
        { "name": "A", "credits": 1, "grade": "59.5" }, { "name": "B", "credits": 1, "grade": "60" }] })).unwrap();
    assert_eq!(findings_of(&r).iter().map(|f| (f.0.as_str(), f.1.as_str())).collect::<Vec<_>>(), [("course_failed", "fail"), ("percentage_pass_mark", "review")]);
    assert_eq!(findings_of(&r)[1].3, format!("\"A\" (59.5), \"B\" (60): passed or failed by the percentage pass mark of 60. {PASS_MARK_EN}"));
    // describePolicy shows the same note beside the number.
    let d = api::describe_policy(json!({ "policy": "xinyu-2022" })).unwrap();
    assert_eq!(d["grades"]["percentagePassMark"], "60");
    assert_eq!(d["grades"]["passMarkConvention"]["en"], PASS_MARK_EN);
    assert_eq!(d["grades"]["passMarkConvention"]["zh"], PASS_MARK_ZH);
    // A policy without the note (its own regulation states a mark) gets no such finding.
    let stated = json!({ "extends": "xinyu-2022", "grades": { "passMarkConvention": null } });
    let r = api::compute_gpa(json!({ "policy": stated, "sameStandard": true, "courses": [{ "credits": 1, "grade": "60" }] })).unwrap();
    assert_eq!(r["findings"], json!([]));
}

#[test]
fn xyu_12_7_2_pass_fail_grades_are_the_policys_convention_not_the_tables() {
    // The table of XYU-12.7(2) has A+ … F only; P/NP used to cite it.
    const NOTE_EN: &str = "This is the policy's convention, not the regulation's: the regulation's conversion table has only the letters A+ to F, and how pass/fail grades (P, NP, …) count is for the school to decide.";
    let p = convert_api(json!({ "policy": "xinyu-2022", "grade": "pass", "locale": "en" }));
    assert_eq!((p["grade"].as_str(), p["clause"].as_str(), p["passed"].as_bool()), (Some("PASS"), Some("XYU-12.7"), Some(true)));
    assert_eq!(findings_of(&p), [f4("pass_fail_credits_only", "pass", "XYU-12.7", &format!("PASS is a pass/fail grade: it counts for credits, not for the GPA. {NOTE_EN}"))]);
    let np = convert_api(json!({ "policy": "xinyu-2022", "grade": "NP" }));
    assert_eq!((np["clause"].as_str(), np["passed"].as_bool(), np["findings"].clone()), (Some("XYU-12.7"), Some(false), json!([])));
    let r = grade::compute_gpa(&xinyu(), &[course("lab", "1", "P")], Locale::ZhCn).unwrap();
    assert_eq!(
        r.findings[0].message,
        "“lab”（P）为通过制成绩：计入学分，不计入绩点。这是本政策的约定，不是本办法的规定：办法的换算表只有 A+ 至 F 等级，通过制成绩（P、NP 等）如何认定由学校决定。"
    );
    assert_eq!(r.findings[0].clause, "XYU-12.7");
    // Letters still cite the table.
    assert_eq!(grade::convert(&xinyu(), "F", "grade").unwrap().clause, "XYU-12.7(2)");
}

#[test]
fn home_gpa_labels_claim_no_more_than_their_sources() {
    // Issue 16: no source dates the PKU formula to 2019; "Canada 4.3" is a convention of Chinese
    // GPA calculators, not a Canadian university's scale.
    for a in ALGORITHMS {
        for text in [a.id, a.name, a.name_en, a.source] {
            assert!(!text.contains("2019"), "{}: {text}", a.id);
        }
    }
    let canada = ALGORITHMS.iter().find(|a| a.id == "canada43").unwrap();
    assert_eq!(canada.name_en, "\"Canada 4.3\" (a Chinese GPA-calculator convention, not a Canadian university's scale)");
    assert_eq!(canada.name, "“加拿大4.3”（国内 GPA 计算器的惯例，非加拿大高校的官方标准）");
    assert!(canada.source.starts_with("A convention of Chinese GPA calculators, not the scale of any Canadian university"));
    let pku = ALGORITHMS.iter().find(|a| a.id == "pkuFormula").unwrap();
    assert_eq!((pku.name, pku.name_en), ("北大4.0（新算法，公式）", "PKU 4.0 (new, formula)"));
}
