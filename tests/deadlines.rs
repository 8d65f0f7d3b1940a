//! Deadlines (XYU-12.9, XYU-13.2, XYU-13.5, LX-4) and the calendar rule of SPEC §6, through
//! the JSON API and the typed core. Expected dates are counted by hand on a calendar.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use exchange_calc::api;
use exchange_calc::deadline::{self, Date, DeadlineRequest};
use exchange_calc::policy;
use exchange_calc::Locale;
use proptest::prelude::*;
use serde_json::{json, Value};

#[track_caller]
fn due(input: Value) -> Vec<(String, String, String)> {
    match api::deadlines(input.clone()) {
        Ok(Value::Array(list)) => list
            .iter()
            .map(|d| (d["code"].as_str().unwrap().to_owned(), d["due"].as_str().unwrap().to_owned(), d["clause"].as_str().unwrap().to_owned()))
            .collect(),
        other => panic!("{input}: {other:?}"),
    }
}

#[track_caller]
fn due_of(input: Value, code: &str) -> String {
    due(input.clone()).into_iter().find(|d| d.0 == code).unwrap_or_else(|| panic!("{input}: no {code}")).1
}

#[track_caller]
fn err(input: Value, code: &str, field: &str) -> String {
    match api::deadlines(input.clone()) {
        Ok(v) => panic!("{input}: expected {code} at {field}, got {v}"),
        Err(f) => {
            assert_eq!((f.code(), f.field()), (code, field), "{input}: {}", f.message());
            f.message()
        }
    }
}

fn t(code: &str, due: &str, clause: &str) -> (String, String, String) {
    (code.to_owned(), due.to_owned(), clause.to_owned())
}

#[test]
fn xinyu_deadlines_from_arrival_and_end_sorted_by_date() {
    let r = due(json!({ "policy": "xinyu-2022", "arrival": "2026-08-28", "end": "2027-01-20" }));
    assert_eq!(
        r,
        vec![
            t("contact_address", "2026-09-04", "XYU-13.2"),   // Aug 28 + 7: Aug has 31 → Sep 4
            t("report_to_college", "2027-02-04", "XYU-13.5"), // Jan 20 + 15 = Jan 35 → Feb 4
            t("written_summary", "2027-02-20", "XYU-13.5"),   // Jan 20 + 1 month
            t("transcript", "2027-04-20", "XYU-12.9"),        // Jan 20 + 3 months
        ]
    );
}

#[test]
fn spec_6_months_clamp_to_the_last_day_of_the_month() {
    // 2026-11-30 + 3 months: February 2027 has 28 days → 2027-02-28.
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "end": "2026-11-30" }), "transcript"), "2027-02-28");
    // 2027-11-30 + 3 months: 2028 is a leap year → 2028-02-29.
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "end": "2027-11-30" }), "transcript"), "2028-02-29");
    // 2026-01-31 + 1 month → 2026-02-28.
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "end": "2026-01-31" }), "written_summary"), "2026-02-28");
    // 2026-12-31 + 1 month crosses the year: 2027-01-31.
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "end": "2026-12-31" }), "written_summary"), "2027-01-31");
}

#[test]
fn xyu_13_2_a_week_after_arrival_crosses_month_and_year_ends() {
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "arrival": "2026-09-27" }), "contact_address"), "2026-10-04"); // Sep has 30
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "arrival": "2026-12-28" }), "contact_address"), "2027-01-04");
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "arrival": "2028-02-25" }), "contact_address"), "2028-03-03"); // leap: 25+7 = Feb 32 → Mar 3
}

#[test]
fn xyu_12_9_the_transcript_deadline_says_what_is_lost() {
    let list = api::deadlines(json!({ "policy": "xinyu-2022", "end": "2026-11-30", "locale": "en" })).unwrap();
    let tr = list.as_array().unwrap().iter().find(|d| d["code"] == "transcript").unwrap();
    assert!(tr["consequence"].as_str().unwrap().contains("every course of the plan must be retaken"));
    assert_eq!(tr["title"], "The partner's transcript reaches the school");
    let zh = api::deadlines(json!({ "policy": "xinyu-2022", "end": "2026-11-30" })).unwrap();
    assert!(zh[0]["title"].as_str().unwrap().contains("学院"));
}

#[test]
fn lx_4_gdut_annual_calendar_for_2027() {
    assert_eq!(
        due(json!({ "policy": "gdut-lixing-2026", "year": 2027 })),
        vec![
            t("selection_rules", "2027-03-31", "LX-4.2.2"),
            t("final_list", "2027-04-15", "LX-4.2.3"),
            t("next_year_notice", "2027-05-31", "LX-4.1"), // "before June"
        ]
    );
    // A year typed as text reads the same.
    assert_eq!(due_of(json!({ "policy": "gdut-lixing-2026", "year": "2027" }), "final_list"), "2027-04-15");
}

#[test]
fn dates_are_strictly_validated() {
    for bad in ["2026-02-30", "2026-2-3", "2026/02/03", "26-02-03", "2026-13-01", "2026-00-10", "2026-01-00", "2025-02-29", "２０２６-01-01", "2026-01-01T00:00", "tomorrow"] {
        let msg = err(json!({ "policy": "xinyu-2022", "arrival": bad, "locale": "en" }), "invalid_date", "arrival");
        assert!(msg.contains("YYYY-MM-DD"), "{msg}");
    }
    err(json!({ "policy": "xinyu-2022", "end": "2026-04-31" }), "invalid_date", "end");
    // 2024 is a leap year, so its 29 February is real.
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "arrival": "2024-02-29" }), "contact_address"), "2024-03-07");
    err(json!({ "policy": "xinyu-2022", "arrival": 20260101 }), "invalid_type", "arrival");
}

#[test]
fn the_end_must_come_after_arrival() {
    let msg = err(json!({ "policy": "xinyu-2022", "arrival": "2026-09-01", "end": "2026-08-31", "locale": "en" }), "date_order", "end");
    assert_eq!(msg, "end: must be after 2026-09-01");
    err(json!({ "policy": "xinyu-2022", "arrival": "2026-09-01", "end": "2026-09-01" }), "date_order", "end");
}

#[test]
fn missing_and_out_of_range_inputs() {
    // Nothing to count from: the first date the policy needs is asked for.
    err(json!({ "policy": "xinyu-2022" }), "missing_field", "arrival");
    err(json!({ "policy": "gdut-lixing-2026" }), "missing_field", "year");
    // Blank form fields mean "not given".
    err(json!({ "policy": "gdut-lixing-2026", "arrival": "", "year": "" }), "missing_field", "year");
    err(json!({ "policy": "gdut-lixing-2026", "year": 2027.5 }), "invalid_step", "year");
    err(json!({ "policy": "gdut-lixing-2026", "year": 0 }), "out_of_range", "year");
    err(json!({ "policy": "gdut-lixing-2026", "year": 10000 }), "out_of_range", "year");
    err(json!({ "policy": "gdut-lixing-2026", "year": "1e30" }), "invalid_number", "year");
    err(json!({ "policy": "xinyu-2022", "end": "9999-12-31" }), "overflow", "end");
    err(json!({ "policy": "xinyu-2022", "end": "2026-01-01", "ending": "x" }), "unknown_field", "ending");
    err(json!({ "policy": "xinyu-2022", "end": "2026-01-01", "locale": "fr" }), "unknown_value", "locale");
    // A policy without deadlines.
    let custom = json!({ "extends": "xinyu-2022", "deadlines": null });
    err(json!({ "policy": custom, "end": "2026-01-01" }), "not_in_policy", "policy");
}

#[test]
fn a_policy_with_a_bad_rule_is_rejected_with_every_problem() {
    let custom = json!({ "extends": "gdut-lixing-2026", "deadlines": { "annual": [
        { "code": "x", "clause": "LX-4.1", "month": 13, "day": 1, "title": { "zh": "x", "en": "x" } },
        { "code": "x", "clause": "LX-4.1", "month": 2, "day": 30, "title": { "zh": "x", "en": "x" } }
    ], "relative": [
        { "code": "y", "clause": "XYU-13.2", "from": "arrival", "days": 1, "months": 1, "title": { "zh": "y", "en": "y" } }
    ] } });
    let f = api::deadlines(json!({ "policy": custom, "year": 2027 })).unwrap_err();
    assert_eq!(f.code(), "invalid_policy");
    let paths: Vec<&str> = f.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["deadlines.annual[1].code", "deadlines.relative[0]", "deadlines.annual[0].month", "deadlines.annual[1].day"]);
}

#[test]
fn an_ics_file_has_one_all_day_event_per_deadline() {
    let ics = api::deadlines_ics(json!({ "policy": "xinyu-2022", "arrival": "2026-08-28", "end": "2026-11-30", "locale": "en" })).unwrap();
    let ics = ics.as_str().unwrap();
    // Every line ends in CRLF, none is longer than 75 octets.
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        assert!(line.len() <= 75, "{line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(unfolded.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(unfolded.matches("BEGIN:VEVENT\r\n").count(), 4);
    // Aug 28 + 7 = Sep 4; Nov 30 + 15 = Dec 15; + 1 month = Dec 30; + 3 months = Feb 28.
    for line in [
        "DTSTART;VALUE=DATE:20260904",
        "DTSTART;VALUE=DATE:20261215",
        "DTSTART;VALUE=DATE:20261230",
        "DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301",
        "UID:transcript-20270228@exchange-calc",
        "SUMMARY:The partner's transcript reaches the school (XYU-12.9)",
    ] {
        assert!(unfolded.contains(&format!("{line}\r\n")), "missing {line:?} in\n{unfolded}");
    }
    // RFC 5545 text escaping: the comma of the consequence, the line break before it.
    assert!(unfolded.contains("DESCRIPTION:Clause XYU-12.9\\nOtherwise the grade conversion and credit recognition are forfeited\\, and"));
    // Stable: the same input gives the same file.
    let again = api::deadlines_ics(json!({ "policy": "xinyu-2022", "arrival": "2026-08-28", "end": "2026-11-30", "locale": "en" })).unwrap();
    assert_eq!(again, Value::String(ics.to_owned()));
    // Errors are the same as for `deadlines`.
    let f = api::deadlines_ics(json!({ "policy": "xinyu-2022", "end": "2026-02-30" })).unwrap_err();
    assert_eq!((f.code(), f.field()), ("invalid_date", "end"));
}

#[test]
fn the_typed_core_gives_the_same_answer() {
    let p = policy::resolve(&json!("gdut-lixing-2026"), "policy", Locale::En).unwrap();
    let list = deadline::deadlines(&p, &DeadlineRequest { year: Some(2027), ..DeadlineRequest::default() }, Locale::En).unwrap();
    assert_eq!(list.iter().map(|d| d.due.to_string()).collect::<Vec<_>>(), ["2027-03-31", "2027-04-15", "2027-05-31"]);
    let zh = deadline::deadlines(&p, &DeadlineRequest { year: Some(2027), ..DeadlineRequest::default() }, Locale::ZhCn).unwrap();
    let ics = deadline::to_ics(&zh, Locale::ZhCn);
    assert!(ics.contains("DTSTART;VALUE=DATE:20270415\r\n"));
    assert!(ics.replace("\r\n ", "").contains("SUMMARY:终选名单报中外联合培养交流中心备案（LX-4.2.3）\r\n"));
    assert_eq!(Date::parse("2027-11-30").and_then(|d| d.add_months(3)).map(|d| d.to_string()), Some("2028-02-29".to_owned()));
}

proptest! {
    /// No y/m/d triple makes the API panic: it answers or returns a coded error.
    #[test]
    fn deadlines_never_panic_on_any_date(y in -20_000i32..20_000, m in 0u32..20, d in 0u32..40, y2 in any::<i32>(), m2 in any::<u32>(), d2 in any::<u32>(), year in any::<i64>()) {
        let arrival = format!("{y:04}-{m:02}-{d:02}");
        let end = format!("{y2:04}-{m2:02}-{d2:02}");
        for policy in ["xinyu-2022", "gdut-lixing-2026"] {
            for input in [
                json!({ "policy": policy, "arrival": arrival, "end": end, "year": year }),
                json!({ "policy": policy, "end": arrival }),
                json!({ "policy": policy, "arrival": arrival }),
                json!({ "policy": policy, "year": y }),
            ] {
                let codes = ["invalid_date", "date_order", "out_of_range", "overflow", "missing_field"];
                match api::deadlines(input.clone()) {
                    Ok(v) => prop_assert!(v.is_array()),
                    Err(f) => prop_assert!(codes.contains(&f.code()), "{} {}", f.code(), input),
                }
                match api::deadlines_ics(input.clone()) {
                    Ok(v) => prop_assert!(v.as_str().is_some_and(|t| t.starts_with("BEGIN:VCALENDAR")), "{v}"),
                    Err(f) => prop_assert!(codes.contains(&f.code()), "{} {}", f.code(), input),
                }
                // The checklist reads the same request with a departure date too: `arrival`'s
                // (its ranges make a real date often; `end`'s almost never is one).
                let mut with_departure = input;
                with_departure["departure"] = json!(arrival);
                match api::checklist(with_departure.clone()) {
                    Ok(v) => prop_assert!(v["phases"].as_array().is_some_and(|p| !p.is_empty()), "{v}"),
                    Err(f) => prop_assert!(codes.contains(&f.code()), "{} {}", f.code(), with_departure),
                }
            }
        }
        if let Some(date) = Date::new(y, m, d) {
            prop_assert_eq!(Date::parse(&date.to_string()), Some(date));
            for n in [0, 1, 7, 15, 31, 365, u32::MAX] {
                let _ = date.add_days(n);
                if let Some(later) = date.add_months(n) {
                    prop_assert!(later >= date);
                    prop_assert!(later.day() <= date.day());
                }
            }
        }
    }
}

// ---- the procedural steps by phase (issue 16 "missing") ----

#[track_caller]
fn checklist(input: Value) -> Value {
    api::checklist(input.clone()).unwrap_or_else(|f| panic!("{input}: {} {}", f.code(), f.message()))
}

/// (code, clause, due) of a step.
type StepRow = (String, String, Option<String>);

/// (phase, steps) per phase.
fn phases(r: &Value) -> Vec<(String, Vec<StepRow>)> {
    r["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let steps = p["steps"].as_array().unwrap().iter().map(|s| {
                (s["code"].as_str().unwrap().to_owned(), s["clause"].as_str().unwrap().to_owned(), s["due"].as_str().map(str::to_owned))
            });
            (p["phase"].as_str().unwrap().to_owned(), steps.collect())
        })
        .collect()
}

fn step<'a>(r: &'a Value, code: &str) -> &'a Value {
    r["phases"].as_array().unwrap().iter().flat_map(|p| p["steps"].as_array().unwrap()).find(|s| s["code"] == code).unwrap_or_else(|| panic!("no step {code}"))
}

fn s3(code: &str, clause: &str, due: Option<&str>) -> StepRow {
    (code.to_owned(), clause.to_owned(), due.map(str::to_owned))
}

#[test]
fn xyu_10_6_the_exchange_list_is_filed_within_two_weeks_of_departure() {
    // "交换生出国（境）后两周内，国际处将所有交换生名单报送…备案": departure + 14 days.
    // 2026-08-25 + 14 = Aug 39 → Aug has 31 → 2026-09-08.
    let list = due(json!({ "policy": "xinyu-2022", "departure": "2026-08-25", "arrival": "2026-08-26" }));
    assert_eq!(list, vec![t("contact_address", "2026-09-02", "XYU-13.2"), t("exchange_list_filed", "2026-09-08", "XYU-10.6")]);
    // A dated step is also in the .ics.
    let ics = api::deadlines_ics(json!({ "policy": "xinyu-2022", "departure": "2026-08-25", "locale": "en" })).unwrap();
    let ics = ics.as_str().unwrap().replace("\r\n ", "");
    assert!(ics.contains("DTSTART;VALUE=DATE:20260908\r\n"), "{ics}");
    assert!(ics.contains("UID:exchange_list_filed-20260908@exchange-calc\r\n"));
    // Departure and arrival may be the same day; arrival before departure cannot be.
    assert_eq!(due_of(json!({ "policy": "xinyu-2022", "departure": "2026-08-25", "arrival": "2026-08-25" }), "contact_address"), "2026-09-01");
    let msg = err(json!({ "policy": "xinyu-2022", "departure": "2026-08-25", "arrival": "2026-08-24", "locale": "en" }), "date_order", "arrival");
    assert_eq!(msg, "arrival: must be on or after 2026-08-25");
    let msg = err(json!({ "policy": "xinyu-2022", "departure": "2026-08-25", "arrival": "2026-08-24" }), "date_order", "arrival");
    assert_eq!(msg, "arrival：应不早于 2026-08-25");
    err(json!({ "policy": "xinyu-2022", "departure": "2027-02-01", "end": "2027-01-20" }), "date_order", "end");
    err(json!({ "policy": "xinyu-2022", "departure": "2026-02-30" }), "invalid_date", "departure");
    // Without a departure date the other deadlines are unchanged (the first missing date is
    // still arrival).
    err(json!({ "policy": "xinyu-2022" }), "missing_field", "arrival");
}

#[test]
fn xinyu_checklist_before_departure_abroad_and_after_return() {
    // Departure 2026-08-25, arrival 08-26, end 2027-01-20:
    // XYU-13.2 08-26 + 7 = 09-02; XYU-10.6 08-25 + 14 = 09-08; XYU-13.5 01-20 + 15 = 02-04 and
    // + 1 month = 02-20; XYU-12.9 + 3 months = 04-20.
    let r = checklist(json!({ "policy": "xinyu-2022", "departure": "2026-08-25", "arrival": "2026-08-26", "end": "2027-01-20", "locale": "en" }));
    assert_eq!(r["policy"]["id"], "xinyu-2022");
    assert_eq!(
        phases(&r),
        vec![
            ("beforeDeparture".to_owned(), vec![s3("sign_agreement", "XYU-12.1", None), s3("thesis_abroad_consent", "XYU-12.5", None)]),
            (
                "abroad".to_owned(),
                vec![
                    s3("contact_address", "XYU-13.2", Some("2026-09-02")),
                    s3("exchange_list_filed", "XYU-10.6", Some("2026-09-08")),
                    s3("report_regularly", "XYU-13.3", None),
                    s3("no_unapproved_change", "XYU-11", None),
                    s3("early_return_approval", "XYU-13.4", None),
                    s3("return_on_time", "XYU-12.1", None),
                ]
            ),
            (
                "afterReturn".to_owned(),
                vec![
                    s3("report_to_college", "XYU-13.5", Some("2027-02-04")),
                    s3("written_summary", "XYU-13.5", Some("2027-02-20")),
                    s3("transcript", "XYU-12.9", Some("2027-04-20")),
                    s3("credit_recognition", "XYU-12.6", None),
                    s3("awards_priority", "XYU-14", None),
                ]
            ),
        ]
    );
    let titles: Vec<&str> = r["phases"].as_array().unwrap().iter().filter_map(|p| p["title"].as_str()).collect();
    assert_eq!(titles, ["Before departure", "While abroad", "After the exchange"]);
    assert_eq!(step(&r, "contact_address")["timing"], "within 7 days of arrival abroad");
    assert_eq!(step(&r, "exchange_list_filed")["timing"], "within 14 days of departure");
    assert_eq!(step(&r, "written_summary")["timing"], "within 1 month of the end of the exchange");
    assert_eq!(step(&r, "transcript")["timing"], "within 3 months of the end of the exchange");
    assert!(step(&r, "sign_agreement")["timing"].is_null() && step(&r, "sign_agreement")["due"].is_null());
    // XYU-12.1 "在国（境）外学习期满后须按时回校。逾期不归者，学校将根据有关规定予以处理。"
    assert_eq!(step(&r, "return_on_time")["consequence"], "A student who does not return on time is dealt with under the school's rules.");
    let zh = checklist(json!({ "policy": "xinyu-2022", "arrival": "2026-08-26" }));
    assert_eq!(zh["phases"][1]["title"], "在国（境）外期间");
    assert_eq!(step(&zh, "contact_address")["timing"], "到达国（境）外后 7 天内");
    assert_eq!(step(&zh, "exchange_list_filed")["timing"], "出国（境）后 14 天内");
    assert_eq!(step(&zh, "written_summary")["timing"], "交换结束后 1 个月内");
    assert_eq!(step(&zh, "sign_agreement")["title"], "派出之前与学校签订协议（学校保留在外学习期间的学籍）");
    // Undated steps count from a date not given: due null, listed in the policy's order after
    // the dated one.
    let abroad: Vec<&str> = zh["phases"][1]["steps"].as_array().unwrap().iter().filter_map(|s| s["code"].as_str()).collect();
    assert_eq!(abroad[..2], ["contact_address", "exchange_list_filed"]);
    assert!(step(&zh, "exchange_list_filed")["due"].is_null());
}

#[test]
fn xyu_13_4_returning_early_needs_both_schools_written_approval() {
    // "交换生在交换期间因故中止学习计划，必须向双方院校提出书面申请，经批准后方可提前返校。"
    let en = checklist(json!({ "policy": "xinyu-2022", "locale": "en" }));
    assert_eq!(step(&en, "early_return_approval")["title"], "To stop the study plan for any reason, apply in writing to both schools; return early only once approved");
    let zh = checklist(json!({ "policy": "xinyu-2022" }));
    assert_eq!(step(&zh, "early_return_approval")["title"], "因故中止学习计划的，须向双方院校提出书面申请，经批准后方可提前返校");
    // XYU-13.3 "应定期向所属学院汇报学习和生活情况…遇到重大情况应及时向国家驻当地使领馆或机构及学校报告".
    assert!(step(&zh, "report_regularly")["title"].as_str().unwrap().starts_with("定期向所属学院汇报学习和生活情况"));
    // XYU-12.6: the application form the student hands in; XYU-14: priority, other things equal.
    assert!(step(&zh, "credit_recognition")["title"].as_str().unwrap().contains("《新余学院交换生成绩转换及学分认定申请表》"));
    assert_eq!(step(&en, "awards_priority")["title"], "Once you have completed the exchange's studies with passing grades, you may be given priority, other things being equal, in awards and scholarship reviews");
    // XYU-12.5: the thesis abroad with the school's consent.
    assert!(step(&en, "thesis_abroad_consent")["title"].as_str().unwrap().contains("needs the school's consent"));
}

#[test]
fn lx_6_3_safety_pledge_and_training_before_departure_and_sharing_after_return() {
    // LX-6.3 "学生行前须签订《海外交流安全承诺书》，并参加学校组织的安全与纪律培训。项目期间须保持
    // 通信畅通，遇紧急情况第一时间按规定上报。" LX-2.2 and LX-6.4: sharing after return.
    let r = checklist(json!({ "policy": "gdut-lixing-2026", "year": 2027 }));
    assert_eq!(
        phases(&r),
        vec![
            ("beforeDeparture".to_owned(), vec![s3("safety_pledge", "LX-6.3", None)]),
            ("abroad".to_owned(), vec![s3("obey_rules_abroad", "LX-6.1", None), s3("stay_reachable", "LX-6.3", None)]),
            ("afterReturn".to_owned(), vec![s3("share_results", "LX-2.2", None), s3("sharing_season", "LX-6.4", None)]),
        ]
    );
    assert_eq!(step(&r, "safety_pledge")["title"], "行前签订《海外交流安全承诺书》，并参加学校组织的安全与纪律培训");
    let en = checklist(json!({ "policy": "gdut-lixing-2026", "locale": "en" }));
    assert_eq!(step(&en, "stay_reachable")["title"], "During the programme stay reachable, and report any emergency at once as the rules say");
}

#[test]
fn every_step_cites_a_clause_the_policy_quotes() {
    for id in ["xinyu-2022", "gdut-lixing-2026"] {
        let p = policy::resolve(&json!(id), "policy", Locale::En).unwrap();
        let d = p.deadlines.as_ref().unwrap();
        let cited = d.relative.iter().map(|r| r.clause.as_str()).chain(d.annual.iter().map(|r| r.clause.as_str())).chain(d.steps.iter().map(|s| s.clause.as_str()));
        for clause in cited {
            assert!(p.clause(clause).is_some(), "{id}: {clause} is not quoted");
        }
    }
}

#[test]
fn checklist_errors_are_those_of_deadlines_but_no_date_is_needed() {
    let f = api::checklist(json!({ "policy": "xinyu-2022", "arrival": "2026-09-01", "end": "2026-08-01" })).unwrap_err();
    assert_eq!((f.code(), f.field()), ("date_order", "end"));
    let f = api::checklist(json!({ "policy": { "extends": "xinyu-2022", "deadlines": null } })).unwrap_err();
    assert_eq!((f.code(), f.field()), ("not_in_policy", "policy"));
    let f = api::checklist(json!({ "policy": "xinyu-2022", "arival": "2026-09-01" })).unwrap_err();
    assert_eq!((f.code(), f.field()), ("unknown_field", "arival"));
    // Step codes share one namespace with the deadlines' codes.
    let dup = json!({ "extends": "gdut-lixing-2026", "deadlines": { "steps": [
        { "code": "final_list", "clause": "LX-6.3", "phase": "abroad", "title": { "zh": "x", "en": "x" } }] } });
    let f = api::checklist(json!({ "policy": dup })).unwrap_err();
    assert_eq!(f.problems().iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["deadlines.steps[0].code"]);
}
