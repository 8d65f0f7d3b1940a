//! Policy loading across areas: a top-level parameter that no rule of the policy reads is an
//! `invalid_policy` problem at its path (issue 16 point 7), decided by which sections the
//! policy has and which parameters each section's rules declare they read.

// Tests fail by panicking and read JSON results by index; the crate lints deny both elsewhere.
#![allow(clippy::panic, clippy::indexing_slicing, clippy::unwrap_used)]

use exchange_calc::api;
use exchange_calc::policy;
use exchange_calc::Locale;
use serde_json::{json, Value};

/// The problems (path, reason) of a policy that must not load.
#[track_caller]
fn problems(doc: &Value, locale: Locale) -> Vec<(String, String)> {
    match policy::resolve(doc, "policy", locale) {
        Ok(p) => panic!("{doc}: loaded as {}", p.id),
        Err(e) => {
            assert_eq!((e.code(), e.field.as_str()), ("invalid_policy", "policy"), "{doc}");
            e.problems().iter().map(|p| (p.path.clone(), p.reason.clone())).collect()
        }
    }
}

#[test]
fn a_parameter_no_rule_of_the_policy_reads_is_a_problem_at_its_path() {
    // Who reads what: xinyu has the exchange track (minGpa, priorityIelts, priorityToefl;
    // XYU-10.2(2), (3)) and the credits section (hoursPerCredit; XYU-12.2) but no funding
    // section; gdut has funding (schoolCapPerStudent, schoolShareRatio; LX-5.2) and two tracks
    // without a GPA rule; every policy validates a form (studentIdPattern).
    let values = [
        ("minGpa", json!("3.0")),
        ("priorityIelts", json!(6.5)),
        ("priorityToefl", json!(90)),
        ("hoursPerCredit", json!(17)),
        ("schoolCapPerStudent", json!(30000)),
        ("schoolShareRatio", json!("0.8")),
        ("studentIdPattern", json!("\\d{10}")),
    ];
    let unread = |preset: &str| -> Vec<&str> {
        match preset {
            "xinyu-2022" => vec!["schoolCapPerStudent", "schoolShareRatio"],
            _ => vec!["minGpa", "priorityIelts", "priorityToefl", "hoursPerCredit"],
        }
    };
    for preset in ["xinyu-2022", "gdut-lixing-2026"] {
        for (key, value) in &values {
            let doc = json!({ "extends": preset, *key: value });
            if unread(preset).contains(key) {
                assert_eq!(
                    problems(&doc, Locale::En),
                    [((*key).to_owned(), "no rule of this policy reads it, so it would have no effect".to_owned())],
                    "{doc}"
                );
            } else {
                assert!(policy::resolve(&doc, "policy", Locale::En).is_ok(), "{doc} should load");
            }
            // Unsetting is always fine: null is the preset's own "left to the year's notice".
            assert!(policy::resolve(&json!({ "extends": preset, *key: null }), "policy", Locale::En).is_ok(), "{preset} {key}: null");
        }
    }
    let zh = problems(&json!({ "extends": "gdut-lixing-2026", "minGpa": 3 }), Locale::ZhCn);
    assert_eq!(zh, [("minGpa".to_owned(), "本政策中没有读取此参数的规则，设置了也不会生效".to_owned())]);
}

#[test]
fn the_issue_example_gdut_with_min_gpa_3_is_rejected_not_answered_eligible() {
    // Before: { extends: 'gdut-lixing-2026', minGpa: 3 } with GPA 2 answered "eligible", the
    // 3 silently unused (LX-2.1 has no GPA condition).
    let input = json!({ "policy": { "extends": "gdut-lixing-2026", "minGpa": 3 }, "track": "navigator-research",
        "applicant": { "inJointProgram": true, "semestersCompleted": 2, "gpa": 2 }, "locale": "en" });
    let Err(f) = api::check_eligibility(input) else { panic!("should be rejected") };
    assert_eq!((f.code(), f.field()), ("invalid_policy", "policy"));
    assert_eq!(f.problems().iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["minGpa"]);
    assert_eq!(f.message(), "policy: the policy has 1 problem: minGpa: no rule of this policy reads it, so it would have no effect");
}

#[test]
fn whether_a_parameter_is_read_follows_the_policys_sections() {
    // The same minGpa is read once the policy has an exchange-kind track, and hoursPerCredit once
    // it has a credits section: the decision is data, not a list of keys per preset.
    let with_track = json!({ "extends": "gdut-lixing-2026", "minGpa": "2.5", "tracks": { "exchange": {
        "kind": "exchange", "title": "交换", "titleEn": "Exchange", "clause": "XYU-10.2",
        "minSemesters": 1, "maxSemesters": 2, "semestersClause": "XYU-11", "finalYearClause": "XYU-10.3" } } });
    let p = policy::resolve(&with_track, "policy", Locale::En).unwrap();
    assert_eq!(p.min_gpa.map(|d| d.to_string()).as_deref(), Some("2.5"));
    // xinyu without its credits section no longer reads its own hoursPerCredit 16.
    let no_credits = json!({ "extends": "xinyu-2022", "credits": null });
    assert_eq!(problems(&no_credits, Locale::En).iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["hoursPerCredit"]);
    assert!(policy::resolve(&json!({ "extends": "xinyu-2022", "credits": null, "hoursPerCredit": null }), "policy", Locale::En).is_ok());
}

#[test]
fn a_bad_value_that_nothing_reads_is_reported_once() {
    // schoolShareRatio 2 in xinyu: out of 0–1 and read by nothing; one problem at the path.
    let p = problems(&json!({ "extends": "xinyu-2022", "schoolShareRatio": 2 }), Locale::En);
    assert_eq!(p, [("schoolShareRatio".to_owned(), "2 must be between 0 and 1".to_owned())]);
}

#[test]
fn english_quotes_keep_what_the_chinese_says() {
    // Issue 16: "原则上" (in principle), "一般" (generally) and "高年级" (upper years) were dropped
    // or narrowed in English, and XYU-12.4's English added "passing" where the Chinese says
    // "所修课程达到…核心课程3门" (the courses taken reach 3 core courses).
    let quote = |preset: &str, clause: &str| -> (String, String) {
        let p = policy::resolve(&json!(preset), "policy", Locale::En).unwrap();
        let c = p.clause(clause).unwrap_or_else(|| panic!("{clause}"));
        (c.zh.clone(), c.en.clone())
    };
    for (preset, clause, zh_word, en_word) in [
        ("gdut-lixing-2026", "LX-5.3.1", "原则上", "in principle"),
        ("gdut-lixing-2026", "LX-5.1.2", "原则上", "in principle"),
        ("gdut-lixing-2026", "LX-4.1", "原则上", "in principle"),
        ("gdut-lixing-2026", "LX-5.1.1", "主要", "mainly"),
        ("xinyu-2022", "XYU-12.2", "原则上", "in principle"),
        ("xinyu-2022", "XYU-12.2", "一般为16-18学时", "generally"),
        ("xinyu-2022", "XYU-11", "一般", "normally"),
        ("xinyu-2022", "XYU-10.3", "高年级学生", "Upper-year students"),
        ("xinyu-2022", "XYU-12.4", "所修课程达到", "courses taken include"),
    ] {
        let (zh, en) = quote(preset, clause);
        assert!(zh.contains(zh_word), "{clause} zh: {zh}");
        assert!(en.contains(en_word), "{clause} en should say {en_word:?}: {en}");
    }
    let (_, en) = quote("xinyu-2022", "XYU-12.4");
    assert!(!en.contains("pass"), "XYU-12.4 en adds passing: {en}");
}

#[test]
fn every_problem_has_a_stable_code_besides_its_words() {
    // What a program branches on is the code, never the reason's words (issue 17.2): each
    // check of a policy records one, in either language alike.
    let doc = json!({ "extends": "gdut-lixing-2026", "minGpa": 3, "schoolShareRatio": "1.5", "minGap": 1,
        "deadlines": { "relative": [{ "code": "", "clause": "X", "from": "arrival", "days": 1, "months": 1, "title": { "zh": "x", "en": "x" } }] },
        "funding": { "items": [{ "item": "visa", "payer": "student", "clause": "LX-5.1.3", "upToEconomyFare": true }] },
        "tracks": { "navigator-research": { "minSemesters": 1 } },
        "grades": { "clause": "X", "sameStandardClause": "X", "failClause": "X", "letters": [{ "letter": "A", "gradePoint": 4, "percentage": 95 }, { "letter": "a", "gradePoint": 9, "percentage": 95 }] } });
    for locale in [Locale::En, Locale::ZhCn] {
        let Err(e) = policy::resolve(&doc, "policy", locale) else { panic!("should be rejected") };
        let codes: Vec<(&str, &str)> = e.problems().iter().map(|p| (p.path.as_str(), p.code)).collect();
        for want in [
            ("minGap", "unknown_field"),
            ("schoolShareRatio", "out_of_range"),
            ("grades.letters[1].letter", "duplicate"),
            ("grades.letters[1].gradePoint", "out_of_range"),
            ("deadlines.relative[0].code", "empty"),
            ("deadlines.relative[0]", "conflict"),
            ("funding.items[0].upToEconomyFare", "conflict"),
            ("funding.items", "missing_entry"),
            ("tracks.navigator-research.minSemesters", "unused_field"),
            ("minGpa", "unused_parameter"),
        ] {
            assert!(codes.contains(&want), "{want:?} not in {codes:?}");
        }
    }
    // A key that does not read is coded as the error it is.
    let e = policy::resolve(&json!({ "extends": "xinyu-2022", "grades": { "letters": "A" } }), "policy", Locale::En).unwrap_err();
    assert_eq!(e.problems().iter().map(|p| (p.path.as_str(), p.code)).collect::<Vec<_>>(), [("grades.letters", "invalid_type")]);
}

#[test]
fn a_section_lists_every_problem_not_only_its_first() {
    // Each section used to stop at its first unreadable key (serde); now every key that does
    // not read is listed, in the section and in the items of its lists.
    let doc = json!({ "extends": "xinyu-2022", "credits": {
        "hoursPerCredit": { "min": "x", "max": 18, "clause": "XYU-12.2" },
        "semesters": { "min": 1, "max": -2, "clause": "XYU-11" },
        "systems": [{ "id": "home", "foreignCredits": 1, "homeCredits": 1, "basis": "rule", "note": { "zh": "x", "en": "x" } }],
        "typo": true } });
    let paths: Vec<String> = problems(&doc, Locale::En).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths, ["credits.typo", "credits.hoursPerCredit.min", "credits.semesters.max", "credits.systems[0].basis"]);
}

#[test]
fn a_request_missing_its_policy_names_it_before_its_own_keys() {
    // `{}` lacks both `policy` and `grade`: the policy is named, the first key of every
    // request that takes one; a present key that does not read is named before either.
    for (f, name) in [(api::convert_grade as fn(Value) -> api::ApiResult, "convertGrade"), (api::check_credits, "checkCredits"), (api::batch_gpa, "batchGpa")] {
        let e = f(json!({})).unwrap_err();
        assert_eq!((e.code(), e.field()), ("missing_field", "policy"), "{name}");
    }
    let e = api::convert_grade(json!({ "grade": true })).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_type", "grade"));
    // null, what JSON makes of NaN and Infinity, is a wrong type where a value is required.
    let e = api::compute_gpa(json!({ "policy": "xinyu-2022", "courses": [{ "credits": null, "grade": "A" }] })).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_type", "courses[0].credits"));
}

#[test]
fn schema_at_the_top_of_a_document_or_an_override_is_accepted_and_ignored() {
    // Editors check policy files against www/policy.schema.json through a top-level `$schema`
    // (issue 18): the reader takes it, as text, and no rule reads it. It is part of the
    // document, so of its hash.
    let url = "https://example.edu/exchange-calc/policy.schema.json";
    let mut whole: Value = serde_json::from_str(include_str!("../policies/gdut-lixing-2026.json")).unwrap();
    whole.as_object_mut().unwrap().insert("$schema".into(), json!(url));
    let mut without = whole.clone();
    without.as_object_mut().unwrap().remove("$schema");
    let (a, b) = (policy::resolve(&whole, "policy", Locale::En).unwrap(), policy::resolve(&without, "policy", Locale::En).unwrap());
    assert_ne!(a.hash, b.hash);
    assert_eq!(policy::Policy { hash: b.hash.clone(), ..a.into_owned() }, *b);

    let over = json!({ "$schema": url, "extends": "xinyu-2022", "minGpa": "2.8" });
    let p = policy::resolve(&over, "policy", Locale::En).unwrap();
    assert_eq!((p.id.as_str(), p.min_gpa.map(|d| d.to_string())), ("xinyu-2022", Some("2.8".to_owned())));
    assert!(policy::resolve(&json!({ "$schema": null, "extends": "xinyu-2022" }), "policy", Locale::En).is_ok());

    // Text only, and only at the top: anywhere else it is an unknown key like any other.
    assert_eq!(problems(&json!({ "$schema": 5, "extends": "xinyu-2022" }), Locale::En),
        [("$schema".to_owned(), "wrong type: expected text, found a number".to_owned())]);
    assert_eq!(problems(&json!({ "extends": "xinyu-2022", "grades": { "$schema": url } }), Locale::En),
        [("grades.$schema".to_owned(), "unknown field \"$schema\" (a typo?)".to_owned())]);
}
