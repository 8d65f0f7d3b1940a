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
fn schema_at_the_top_of_a_document_or_an_override_is_accepted_and_ignored() {
    // Editors check policy files against www/policy.schema.json through a top-level `$schema`
    // (issue 18): the reader takes it, as text, and no rule reads it. It is part of the
    // document, so of its hash.
    let url = "https://example.edu/exchange-calc/policy.schema.json";
    let (_, text) = policy::PRESETS.iter().find(|(id, _)| *id == "gdut-lixing-2026").unwrap();
    let mut whole: Value = serde_json::from_str(text).unwrap();
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
        [("$schema".to_owned(), "wrong type (invalid type: integer `5`, expected a string)".to_owned())]);
    assert_eq!(problems(&json!({ "extends": "xinyu-2022", "grades": { "$schema": url } }), Locale::En),
        [("grades.$schema".to_owned(), "unknown field \"$schema\" (a typo?)".to_owned())]);
}
