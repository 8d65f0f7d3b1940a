//! Funding shares (LX-5): hand-worked splits, rounding and errors (the fen-sum invariant
//! over random inputs is in tests/funding_properties.rs).
//! Every expected amount is worked out by hand from LX-5 in the comment above it.
// Native only: proptest does not build for wasm32 (tests/web.rs covers the wasm side).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use exchange_calc::api;
use exchange_calc::funding::{self, Cost, CostItem, FundingInput, Part, Payer};
use exchange_calc::policy::Policy;
use exchange_calc::{Locale, Outcome};
use serde_json::{json, Value};

mod common;
use common::{d, funding_err as err, funding_ok as ok, funding_totals as totals};

fn gdut() -> Policy {
    common::preset("gdut-lixing-2026")
}


fn gdut_with(ratio: Option<&str>, cap: Option<&str>) -> Policy {
    let mut p = gdut();
    p.school_share_ratio = ratio.map(d);
    p.school_cap_per_student = cap.map(d);
    p
}

fn cost(item: CostItem, amount: &str) -> Cost {
    Cost { item, amount: d(amount), currency: None }
}


/// `(item, amount, payer, clause, part)` of every line.
fn lines(v: &Value) -> Vec<(String, String, String, String, String)> {
    v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let s = |k: &str| l[k].as_str().unwrap_or("").to_owned();
            (s("item"), s("amount"), s("payer"), s("clause"), s("part"))
        })
        .collect()
}

fn row(item: &str, amount: &str, payer: &str, clause: &str, part: &str) -> (String, String, String, String, String) {
    (item.into(), amount.into(), payer.into(), clause.into(), part.into())
}

fn finding<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["findings"].as_array().unwrap().iter().find(|f| f["code"] == code).unwrap_or_else(|| panic!("no finding {code} in {v}"))
}

fn all_costs() -> Value {
    json!([
        { "item": "tuition", "amount": 20000 },
        { "item": "management", "amount": 3000 },
        { "item": "accommodation", "amount": 15000 },
        { "item": "insurance", "amount": 800 },
        { "item": "airfare", "amount": 6500 },
        { "item": "visa", "amount": 1000 },
        { "item": "localTransport", "amount": 600 },
        { "item": "personal", "amount": 2000 }
    ])
}

#[test]
fn lx_5_1_basic_split_school_college_student() {
    // LX-5.1.1 school: tuition 20000 + management 3000 + accommodation 15000 + insurance 800
    //   = 38800.00
    // LX-5.1.2 college: airfare 6500.00 (no economy fare given → paid as ticketed, review)
    // LX-5.1.3 student: visa 1000 + local transport 600 + personal 2000 = 3600.00
    // total: 38800 + 6500 + 3600 = 48900.00
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": all_costs(), "priorLixingFunding": false, "otherFunding": false }));
    totals(&v, "48900.00", "38800.00", "6500.00", "3600.00");
    assert_eq!(
        lines(&v),
        vec![
            row("tuition", "20000.00", "school", "LX-5.1.1", "base"),
            row("management", "3000.00", "school", "LX-5.1.1", "base"),
            row("accommodation", "15000.00", "school", "LX-5.1.1", "base"),
            row("insurance", "800.00", "school", "LX-5.1.1", "base"),
            row("airfare", "6500.00", "college", "LX-5.1.2", "base"),
            row("visa", "1000.00", "student", "LX-5.1.3", "base"),
            row("localTransport", "600.00", "student", "LX-5.1.3", "base"),
            row("personal", "2000.00", "student", "LX-5.1.3", "base"),
        ]
    );
    assert_eq!(v["fundable"], true);
    assert_eq!(v["policy"]["id"], "gdut-lixing-2026");
    assert_eq!(finding(&v, "funding_uniqueness")["outcome"], "pass");
    assert_eq!(finding(&v, "funding_uniqueness")["clause"], "LX-5.3.1");
    // Unset year's-notice values: no cap, no ratio, no fare check — each a review (LX-5.2, LX-5.1.2).
    for code in ["school_cap", "school_share_ratio"] {
        assert_eq!(finding(&v, code)["outcome"], "review", "{code}");
        assert_eq!(finding(&v, code)["clause"], "LX-5.2", "{code}");
    }
    assert_eq!(finding(&v, "airfare_economy")["outcome"], "review");
    assert_eq!(finding(&v, "airfare_economy")["clause"], "LX-5.1.2");
}

#[test]
fn lx_5_1_typed_core_gives_the_same_split() {
    // Same as above through the typed API: 38800 + 6500 + 3600 = 48900.
    let input = FundingInput {
        costs: vec![
            cost(CostItem::Tuition, "20000"),
            cost(CostItem::Management, "3000"),
            cost(CostItem::Accommodation, "15000"),
            cost(CostItem::Insurance, "800"),
            cost(CostItem::Airfare, "6500"),
            cost(CostItem::Visa, "1000"),
            cost(CostItem::LocalTransport, "600"),
            cost(CostItem::Personal, "2000"),
        ],
        ..FundingInput::default()
    };
    let r = funding::estimate(&gdut(), &input, Locale::ZhCn).unwrap();
    assert_eq!((r.total, r.school, r.college, r.student), (d("48900"), d("38800"), d("6500"), d("3600")));
    assert_eq!(r.total.to_string(), "48900.00");
    // Neither flag given: estimated as fundable, the college checks (review).
    let u = r.findings.iter().find(|f| f.code == "funding_uniqueness").unwrap();
    assert_eq!(u.outcome, Outcome::Review);
    assert!(u.message.contains("国家留学基金"), "{}", u.message);
}

#[test]
fn lx_5_1_2_airfare_above_economy_is_partly_the_students() {
    // Ticket 9000, economy fare 6500: college 6500.00; 9000 − 6500 = 2500.00 is the student's.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "airfare", "amount": 9000 }], "economyFare": 6500, "locale": "en" }));
    totals(&v, "9000.00", "0.00", "6500.00", "2500.00");
    assert_eq!(
        lines(&v),
        vec![row("airfare", "6500.00", "college", "LX-5.1.2", "base"), row("airfare", "2500.00", "student", "LX-5.1.2", "aboveEconomyFare")]
    );
    let f = finding(&v, "airfare_economy");
    assert_eq!(f["outcome"], "fail");
    let msg = f["message"].as_str().unwrap();
    assert!(msg.contains("6,500.00") && msg.contains("2,500.00") && msg.contains("economy"), "{msg}");
    // No school item: the ratio and cap do not apply and are not reported.
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["code"] != "school_cap"));
}

#[test]
fn lx_5_1_2_airfare_within_economy_is_the_colleges() {
    // Ticket 6000 ≤ fare 6500: college pays 6000.00 in full.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "airfare", "amount": "6000" }], "economyFare": "6500" }));
    totals(&v, "6000.00", "0.00", "6000.00", "0.00");
    assert_eq!(finding(&v, "airfare_economy")["outcome"], "pass");
}

#[test]
fn lx_5_1_2_economy_fare_covers_the_round_trip_once() {
    // Outbound 4000 + return 5000 against one round-trip fare 6500, filled in input order:
    // outbound 4000 college (6500 − 4000 = 2500 left); return 2500 college + 2500 student.
    // college 4000 + 2500 = 6500.00; student 2500.00; total 9000.00.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [
        { "item": "airfare", "amount": 4000 }, { "item": "airfare", "amount": 5000 }
    ], "economyFare": 6500 }));
    totals(&v, "9000.00", "0.00", "6500.00", "2500.00");
    assert_eq!(
        lines(&v),
        vec![
            row("airfare", "4000.00", "college", "LX-5.1.2", "base"),
            row("airfare", "2500.00", "college", "LX-5.1.2", "base"),
            row("airfare", "2500.00", "student", "LX-5.1.2", "aboveEconomyFare"),
        ]
    );
    assert_eq!(v["lines"][1]["cost"], 1);
    assert_eq!(v["lines"][2]["cost"], 1);
}

#[test]
fn lx_5_1_2_economy_fare_in_a_foreign_currency() {
    // Fare 900 USD × 7.1234 = 6411.0600; ticket 1000 USD × 7.1234 = 7123.4000.
    // college 6411.06; student 7123.40 − 6411.06 = 712.34.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "airfare", "amount": 1000, "currency": "USD" }],
        "rates": { "USD": "7.1234" }, "economyFare": 900, "economyFareCurrency": "usd" }));
    totals(&v, "7123.40", "0.00", "6411.06", "712.34");
    assert_eq!(v["lines"][1]["original"], json!({ "amount": "1000", "currency": "USD", "rate": "7.1234" }));
}

#[test]
fn lx_5_3_1_prior_lixing_funding_means_no_school_or_college_funding() {
    // Already funded by this plan: tuition 20000 + airfare 6500 + visa 1000 = 27500.00, all the
    // student's; school 0.00, college 0.00.
    let costs = json!([{ "item": "tuition", "amount": 20000 }, { "item": "airfare", "amount": 6500 }, { "item": "visa", "amount": 1000 }]);
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": costs, "priorLixingFunding": true, "economyFare": 6000, "locale": "en" }));
    totals(&v, "27500.00", "0.00", "0.00", "27500.00");
    assert_eq!(
        lines(&v),
        vec![
            row("tuition", "20000.00", "student", "LX-5.3.1", "notFundable"),
            row("airfare", "6500.00", "student", "LX-5.3.1", "notFundable"),
            row("visa", "1000.00", "student", "LX-5.1.3", "base"),
        ]
    );
    assert_eq!(v["fundable"], false);
    let f = finding(&v, "funding_uniqueness");
    assert_eq!(f["outcome"], "fail");
    // Sentences start with a capital, and LX-5.3.1's "原则上" (in principle) is kept (issue 16).
    assert_eq!(f["message"], "Already funded once by this plan: no school or college funding, every cost is yours. A student is, in principle, funded by this plan once while enrolled, and not on top of similar funding.");
    // Refused: no cap, ratio or fare findings, since nothing is paid.
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn lx_5_3_1_csc_funding_means_no_school_or_college_funding() {
    // Funded by CSC: management 3000 + insurance 800 = 3800.00, all the student's.
    let costs = json!([{ "item": "management", "amount": 3000 }, { "item": "insurance", "amount": 800 }]);
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": costs, "otherFunding": true, "priorLixingFunding": false }));
    totals(&v, "3800.00", "0.00", "0.00", "3800.00");
    let f = finding(&v, "funding_uniqueness");
    assert_eq!(f["outcome"], "fail");
    assert!(f["message"].as_str().unwrap().contains("国家留学基金"), "{f}");
}

#[test]
fn lx_5_2_school_cap_moves_the_excess_to_the_student() {
    // Cap 30000 on school items 20000, 3000, 15000, 800 (= 38800), filled in input order:
    // tuition 20000 (30000 − 20000 = 10000 left), management 3000 (7000 left),
    // accommodation 7000 school + 8000 student (0 left), insurance 800 student.
    // school 30000.00; student 8000 + 800 = 8800.00 (= 38800 − 30000).
    let v = ok(json!({ "policy": { "extends": "gdut-lixing-2026", "schoolCapPerStudent": 30000 }, "costs": [
        { "item": "tuition", "amount": 20000 }, { "item": "management", "amount": 3000 },
        { "item": "accommodation", "amount": 15000 }, { "item": "insurance", "amount": 800 }
    ], "locale": "en" }));
    totals(&v, "38800.00", "30000.00", "0.00", "8800.00");
    assert_eq!(
        lines(&v),
        vec![
            row("tuition", "20000.00", "school", "LX-5.1.1", "base"),
            row("management", "3000.00", "school", "LX-5.1.1", "base"),
            row("accommodation", "7000.00", "school", "LX-5.1.1", "base"),
            row("accommodation", "8000.00", "student", "LX-5.2", "aboveSchoolCap"),
            row("insurance", "800.00", "student", "LX-5.2", "aboveSchoolCap"),
        ]
    );
    let f = finding(&v, "school_cap");
    assert_eq!(f["outcome"], "fail");
    assert!(f["message"].as_str().unwrap().contains("8,800.00"), "{f}");
    assert_ne!(v["policy"]["hash"], ok(json!({ "policy": "gdut-lixing-2026", "costs": [] }))["policy"]["hash"]);
}

#[test]
fn lx_5_2_school_within_the_cap_passes() {
    // 20000 ≤ cap 30000.
    let v = ok(json!({ "policy": { "extends": "gdut-lixing-2026", "schoolCapPerStudent": "30000" }, "costs": [{ "item": "tuition", "amount": 20000 }] }));
    totals(&v, "20000.00", "20000.00", "0.00", "0.00");
    assert_eq!(finding(&v, "school_cap")["outcome"], "pass");
}

#[test]
fn lx_5_2_share_ratio_splits_every_school_item() {
    // Ratio 0.8: tuition 16000 / 4000, management 2400 / 600, accommodation 12000 / 3000,
    // insurance 640 / 160. school 16000 + 2400 + 12000 + 640 = 31040.00 (= 0.8 × 38800);
    // student 4000 + 600 + 3000 + 160 = 7760.00; 31040 + 7760 = 38800.
    let p = gdut_with(Some("0.8"), None);
    let input = FundingInput {
        costs: vec![
            cost(CostItem::Tuition, "20000"),
            cost(CostItem::Management, "3000"),
            cost(CostItem::Accommodation, "15000"),
            cost(CostItem::Insurance, "800"),
        ],
        ..FundingInput::default()
    };
    let r = funding::estimate(&p, &input, Locale::En).unwrap();
    assert_eq!((r.total, r.school, r.college, r.student), (d("38800"), d("31040"), d("0"), d("7760")));
    let split: Vec<_> = r.lines.iter().map(|l| (l.item, l.amount.to_string(), l.payer, l.part)).collect();
    assert_eq!(
        split,
        vec![
            (CostItem::Tuition, "16000.00".into(), Payer::School, Part::Base),
            (CostItem::Tuition, "4000.00".into(), Payer::Student, Part::OutsideShareRatio),
            (CostItem::Management, "2400.00".into(), Payer::School, Part::Base),
            (CostItem::Management, "600.00".into(), Payer::Student, Part::OutsideShareRatio),
            (CostItem::Accommodation, "12000.00".into(), Payer::School, Part::Base),
            (CostItem::Accommodation, "3000.00".into(), Payer::Student, Part::OutsideShareRatio),
            (CostItem::Insurance, "640.00".into(), Payer::School, Part::Base),
            (CostItem::Insurance, "160.00".into(), Payer::Student, Part::OutsideShareRatio),
        ]
    );
    assert!(r.lines.iter().filter(|l| l.part == Part::OutsideShareRatio).all(|l| l.clause == "LX-5.2"));
    let f = r.findings.iter().find(|f| f.code == "school_share_ratio").unwrap();
    assert_eq!(f.outcome, Outcome::Pass);
    assert!(f.message.contains("7,760.00"), "{}", f.message);
}

#[test]
fn lx_5_2_ratio_then_cap() {
    // Ratio 0.8 first: school parts 16000, 2400, 12000, 640 (= 31040), student 7760.
    // Then cap 30000 in input order: 16000 (14000 left), 2400 (11600 left),
    // accommodation 11600 school + 400 student (0 left), insurance 640 student.
    // school 30000.00; student 7760 + 400 + 640 = 8800.00; 30000 + 8800 = 38800.
    let v = ok(json!({ "policy": { "extends": "gdut-lixing-2026", "schoolShareRatio": 0.8, "schoolCapPerStudent": 30000 },
        "costs": [{ "item": "tuition", "amount": 20000 }, { "item": "management", "amount": 3000 },
                  { "item": "accommodation", "amount": 15000 }, { "item": "insurance", "amount": 800 }] }));
    totals(&v, "38800.00", "30000.00", "0.00", "8800.00");
    assert!(lines(&v).contains(&row("accommodation", "11600.00", "school", "LX-5.1.1", "base")));
    assert!(lines(&v).contains(&row("accommodation", "400.00", "student", "LX-5.2", "aboveSchoolCap")));
    assert!(lines(&v).contains(&row("insurance", "640.00", "student", "LX-5.2", "aboveSchoolCap")));
    assert!(lines(&v).contains(&row("insurance", "160.00", "student", "LX-5.2", "outsideShareRatio")));
}

#[test]
fn lx_5_2_ratio_rounds_half_up_per_line_and_the_rest_is_the_students() {
    // Ratio 0.5 on 0.03: 0.015 → half-up 0.02 school; student 0.03 − 0.02 = 0.01.
    // Ratio 0.5 on 0.05: 0.025 → 0.03 school; student 0.02. school 0.05, student 0.03, total 0.08.
    let v = ok(json!({ "policy": { "extends": "gdut-lixing-2026", "schoolShareRatio": "0.5" },
        "costs": [{ "item": "insurance", "amount": "0.03" }, { "item": "insurance", "amount": "0.05" }] }));
    totals(&v, "0.08", "0.05", "0.00", "0.03");
}

#[test]
fn lx_5_2_cap_with_a_fraction_of_a_fen_is_taken_down_to_the_fen() {
    // Cap 100.009 → 100.00 (a ceiling, rounded toward zero); tuition 200: school 100.00,
    // student 100.00.
    let v = ok(json!({ "policy": { "extends": "gdut-lixing-2026", "schoolCapPerStudent": "100.009" }, "costs": [{ "item": "tuition", "amount": 200 }] }));
    totals(&v, "200.00", "100.00", "0.00", "100.00");
}

#[test]
fn amounts_are_rounded_per_line_before_summing() {
    // Two visa lines of 0.125 CNY: each half-up to 0.13, sum 0.26 (not round(0.25) = 0.25).
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "visa", "amount": "0.125" }, { "item": "visa", "amount": 0.125 }] }));
    totals(&v, "0.26", "0.00", "0.00", "0.26");
    // USD 100 × 7.1234 = 712.34; USD 0.0175 × 10 = 0.175 → 0.18.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [
        { "item": "personal", "amount": 100, "currency": "USD" },
        { "item": "personal", "amount": "0.0175", "currency": " eur " }
    ], "rates": { "USD": "7.1234", "EUR": 10 } }));
    totals(&v, "712.52", "0.00", "0.00", "712.52"); // 712.34 + 0.18
    assert_eq!(v["lines"][0]["amount"], "712.34");
    assert_eq!(v["lines"][1]["amount"], "0.18");
    assert_eq!(v["lines"][1]["original"], json!({ "amount": "0.0175", "currency": "EUR", "rate": "10" }));
    assert_eq!(v["lines"][0]["original"]["currency"], "USD");
}

#[test]
fn cny_and_blank_currency_need_no_rate() {
    // 100 CNY + 50 (blank currency) = 150.00; a CNY rate of 1 is accepted.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [
        { "item": "visa", "amount": 100, "currency": "cny" }, { "item": "visa", "amount": 50, "currency": "" }
    ], "rates": { "CNY": 1 } }));
    totals(&v, "150.00", "0.00", "0.00", "150.00");
    assert_eq!(v["lines"][0]["original"], Value::Null);
}

#[test]
fn empty_costs_give_a_zero_result() {
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [] }));
    totals(&v, "0.00", "0.00", "0.00", "0.00");
    assert_eq!(v["lines"], json!([]));
    // Only the uniqueness question is left (review: not answered).
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn a_zero_cost_still_shows_as_one_line() {
    let v = ok(json!({ "policy": { "extends": "gdut-lixing-2026", "schoolShareRatio": 0.5 }, "costs": [{ "item": "tuition", "amount": 0 }] }));
    assert_eq!(lines(&v), vec![row("tuition", "0.00", "school", "LX-5.1.1", "base")]);
}

#[test]
fn checklist_and_conditions_come_from_the_policy() {
    let zh = ok(json!({ "policy": "gdut-lixing-2026", "costs": [] }));
    let en = ok(json!({ "policy": "gdut-lixing-2026", "costs": [], "locale": "en" }));
    let checklist = en["checklist"].as_array().unwrap();
    // LX-5.3.2 (2 steps), LX-5.3.3 (6 steps) and, since issue 16, LX-2.2 and LX-6.4: 10.
    assert_eq!(checklist.len(), 10);
    assert_eq!(checklist[0], json!({ "code": "pay_first", "clause": "LX-5.3.2", "text": "Pay the programme costs yourself first." }));
    assert!(checklist.iter().any(|c| c["clause"] == "LX-5.3.3" && c["code"] == "finance_approval"));
    let conditions = zh["conditions"].as_array().unwrap();
    // LX-5.4's five items, then LX-2.2's sharing condition (issue 16).
    assert_eq!(conditions.len(), 6);
    let clauses: Vec<&str> = conditions.iter().filter_map(|c| c["clause"].as_str()).collect();
    assert_eq!(clauses, ["LX-5.4(1)", "LX-5.4(2)", "LX-5.4(3)", "LX-5.4(4)", "LX-5.4(5)", "LX-2.2"]);
    assert!(conditions[4]["text"].as_str().unwrap().contains("唯一性原则"));
}

#[test]
fn every_clause_the_funding_section_cites_is_quoted_in_the_policy() {
    let p = gdut();
    let f = p.funding.as_ref().unwrap();
    let cited = f.items.iter().map(|r| r.clause.as_str()).chain([f.share_clause.as_str(), f.uniqueness_clause.as_str()]).chain(f.checklist.iter().chain(&f.conditions).map(|n| n.clause.as_str()));
    for clause in cited {
        assert!(p.clause(clause).is_some(), "{clause} is not in clauses");
    }
}

#[test]
fn xinyu_has_no_funding_rules() {
    err(json!({ "policy": "xinyu-2022", "costs": [] }), "not_in_policy", "policy");
}

#[test]
fn bad_input_is_a_coded_error_with_its_path() {
    let p = "gdut-lixing-2026";
    // negative and non-numeric amounts
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": 1 }, { "item": "visa", "amount": -5 }] }), "out_of_range", "costs[1].amount");
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": 1 }, { "item": "visa", "amount": "abc" }] }), "invalid_number", "costs[1].amount");
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": true }] }), "invalid_type", "costs[0].amount");
    err(json!({ "policy": p, "costs": [{ "item": "visa" }] }), "missing_field", "costs[0].amount");
    // unknown item, with the allowed list
    let e = api::estimate_funding(json!({ "policy": p, "costs": [{ "item": "food", "amount": 1 }], "locale": "en" })).unwrap_err();
    assert_eq!((e.code(), e.field()), ("unknown_value", "costs[0].item"));
    assert!(e.message().contains("localTransport"), "{}", e.message());
    // currency without a rate
    let e = api::estimate_funding(json!({ "policy": p, "costs": [{ "item": "visa", "amount": 1, "currency": "JPY" }], "rates": { "USD": 7 }, "locale": "en" })).unwrap_err();
    assert_eq!((e.code(), e.field()), ("missing_rate", "costs[0].currency"));
    assert!(e.message().contains("rates.JPY"), "{}", e.message());
    err(json!({ "policy": p, "costs": [], "economyFare": 900, "economyFareCurrency": "USD" }), "missing_rate", "economyFareCurrency");
    // non-positive, malformed, duplicate and CNY rates
    err(json!({ "policy": p, "costs": [], "rates": { "USD": 0 } }), "out_of_range", "rates.USD");
    err(json!({ "policy": p, "costs": [], "rates": { "USD": "-7" } }), "out_of_range", "rates.USD");
    err(json!({ "policy": p, "costs": [], "rates": { "USD": "x" } }), "invalid_number", "rates.USD");
    err(json!({ "policy": p, "costs": [], "rates": { "USD": 7, "usd": 7 } }), "duplicate", "rates.usd");
    err(json!({ "policy": p, "costs": [], "rates": { "CNY": 2 } }), "out_of_range", "rates.CNY");
    // negative economy fare
    err(json!({ "policy": p, "costs": [], "economyFare": -1 }), "out_of_range", "economyFare");
    // request shape
    err(json!({ "policy": p, "costs": [], "cost": [] }), "unknown_field", "cost");
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": 1, "note": "x" }] }), "unknown_field", "costs[0].note");
    err(json!({ "policy": p }), "missing_field", "costs");
    err(json!({ "policy": p, "costs": [], "priorLixingFunding": "yes" }), "invalid_type", "priorLixingFunding");
    err(json!({ "policy": p, "costs": [], "locale": "fr" }), "unknown_value", "locale");
}

#[test]
fn amounts_near_the_decimal_limit_overflow_instead_of_losing_fen() {
    let p = "gdut-lixing-2026";
    // 10^28 has no exact two-place form (the 96-bit mantissa stops near 7.9 × 10^28 units).
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": "10000000000000000000000000000" }] }), "overflow", "costs[0].amount");
    // Past 2^96 the text itself overflows.
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": "99999999999999999999999999999999" }] }), "overflow", "costs[0].amount");
    // Each 5 × 10^26 fits in fen, their sum 10^27 does not: the second line overflows.
    let big = "500000000000000000000000000";
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": big }, { "item": "visa", "amount": big }] }), "overflow", "costs[1].amount");
    // 10^20 USD × 10^10 = 10^30: the conversion overflows.
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": "100000000000000000000", "currency": "USD" }], "rates": { "USD": "10000000000" } }), "overflow", "costs[0].amount");
    // Just inside: 5 × 10^26 alone is fine and exact.
    let v = ok(json!({ "policy": p, "costs": [{ "item": "visa", "amount": big }] }));
    assert_eq!(v["total"], "500000000000000000000000000.00");
}

#[test]
fn a_funding_section_with_problems_is_rejected_with_every_problem() {
    let e = api::estimate_funding(json!({ "policy": { "extends": "gdut-lixing-2026", "funding": {
        "items": [
            { "item": "tuition", "payer": "school", "clause": "LX-5.1.1" },
            { "item": "tuition", "payer": "school", "clause": "" },
            { "item": "visa", "payer": "student", "clause": "LX-5.1.3", "upToEconomyFare": true }
        ]
    } }, "costs": [], "locale": "en" }))
    .unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_policy", "policy"));
    let paths: Vec<&str> = e.problems().iter().map(|p| p.path.as_str()).collect();
    for want in ["funding.items[1].item", "funding.items[1].clause", "funding.items[2].upToEconomyFare", "funding.items"] {
        assert!(paths.contains(&want), "{want} not in {paths:?}");
    }
    // 6 items have no rule: management … personal except visa and tuition.
    assert_eq!(paths.iter().filter(|p| **p == "funding.items").count(), 6);
}

#[test]
fn the_module_keeps_working_after_an_error() {
    err(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "visa", "amount": -1 }] }), "out_of_range", "costs[0].amount");
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "visa", "amount": 1 }] }));
    totals(&v, "1.00", "0.00", "0.00", "1.00");
}

#[test]
fn lx_2_2_and_lx_6_4_sharing_the_results_is_in_the_checklist_and_the_conditions() {
    // LX-2.2 "将参与成果分享作为项目结项的必要条件。要求归国学生须提交高质量研学报告，并面向项目低年级
    // 学生开展经验分享会、行前辅导会"; LX-6.4 "学生返回后，须积极参与…“全球菁英分享季”等活动".
    let zh = ok(json!({ "policy": "gdut-lixing-2026", "costs": [] }));
    let en = ok(json!({ "policy": "gdut-lixing-2026", "costs": [], "locale": "en" }));
    let step = |v: &Value, code: &str| v["checklist"].as_array().unwrap().iter().find(|c| c["code"] == code).cloned().unwrap_or_else(|| panic!("no {code}"));
    assert_eq!(step(&zh, "share_results"), json!({ "code": "share_results", "clause": "LX-2.2",
        "text": "归国后提交高质量研学报告，并面向项目低年级学生开展经验分享会、行前辅导会：参与成果分享是项目结项的必要条件。" }));
    assert_eq!(step(&en, "sharing_season")["clause"], "LX-6.4");
    assert!(step(&en, "sharing_season")["text"].as_str().unwrap().contains("\"Global Elite Sharing Season\""));
    // In the order of the process: after completing the programme, before the receipts are handed in.
    let codes: Vec<&str> = en["checklist"].as_array().unwrap().iter().filter_map(|c| c["code"].as_str()).collect();
    assert_eq!(codes, ["pay_first", "keep_receipts", "complete_programme", "share_results", "sharing_season", "submit_report_and_receipts",
        "college_review", "centre_review", "finance_approval", "paid_together"]);
    // LX-5.4 lists "未完成项目任务" (1), not sharing by name: that sharing is one of the tasks is
    // read from LX-2.2 and labelled as this tool's reading.
    let last = en["conditions"].as_array().unwrap().last().cloned().unwrap();
    assert_eq!(last["clause"], "LX-2.2");
    assert_eq!(last["text"], "(with item 1) the research report is not submitted or the results are not shared after return: the plan makes sharing the results a necessary condition for closing the project (LX-2.2), so not sharing may count as tasks not completed. This is this tool's reading; the centre decides.");
    assert!(zh["conditions"][5]["text"].as_str().unwrap().ends_with("这是本工具的解读，以中心认定为准。"));
}

#[test]
fn line_notes_start_with_a_capital_in_english() {
    // Issue 16: lower-case sentence starts. Fare 6000 < ticket 6500; ratio 0.8; cap 100.
    let v = ok(json!({ "policy": { "extends": "gdut-lixing-2026", "schoolShareRatio": "0.8", "schoolCapPerStudent": 100 }, "locale": "en",
        "costs": [{ "item": "airfare", "amount": 6500 }, { "item": "tuition", "amount": 1000 }], "economyFare": 6000 }));
    let notes: Vec<&str> = v["lines"].as_array().unwrap().iter().filter_map(|l| l["note"].as_str()).collect();
    // Airfare: 6000 college, 500 above the fare. Tuition: 0.8 × 1000 = 800, 200 outside the
    // ratio; 800 above the cap of 100 → 100 school, 700 student.
    assert_eq!(notes, [
        "Above the economy fare of 6,000.00 CNY: the student's",
        "The school pays a share of 0.8; the rest is the student's",
        "Above the school's cap of 100.00 CNY: the student's",
    ]);
    let refused = ok(json!({ "policy": "gdut-lixing-2026", "locale": "en", "otherFunding": true, "costs": [{ "item": "tuition", "amount": 1 }] }));
    assert_eq!(refused["lines"][0]["note"], "Already funded by this plan or by the CSC or similar: not funded again");
    assert!(finding(&refused, "funding_uniqueness")["message"].as_str().unwrap().starts_with("Already funded by the China Scholarship Council or similar: no school"));
}

#[test]
fn the_gdut_preset_carries_the_documents_own_title() {
    // The seed's title line: "广东工业大学国际联合培养项目 “励行领航者计划”实施方案", no year in it
    // (issue 16: "（2026年）" was appended).
    let p = gdut();
    assert_eq!(p.title, "广东工业大学国际联合培养项目“励行领航者计划”实施方案");
    assert!(!p.title_en.contains("2026"), "{}", p.title_en);
    assert_eq!(p.year, 2026, "the year stays a field of its own");
}
