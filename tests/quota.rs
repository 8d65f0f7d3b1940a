//! Quota allocation (LX-4.2.1): textbook apportionment examples worked by hand, the tie rule,
//! the minimum, errors, and the invariants (sum, monotonicity) as property tests.
// Native only: proptest does not build for wasm32 (tests/web.rs covers the wasm side).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use exchange_calc::api;
use exchange_calc::quota::{self, College, Method, QuotaInput};
use proptest::prelude::*;
use serde_json::{json, Value};

fn colleges(list: &[(&str, u64)]) -> Vec<College> {
    list.iter().map(|&(name, students)| College { name: name.to_owned(), students }).collect()
}

/// Quotas from the typed core, in input order.
#[track_caller]
fn alloc(total: u64, list: &[(&str, u64)], method: Method, minimum: u64) -> Vec<u64> {
    let rows = quota::allocate(&QuotaInput { total, colleges: colleges(list), method, minimum }).unwrap();
    rows.iter().map(|r| r.quota).collect()
}

/// Runs the JSON API, failing the test on an error.
#[track_caller]
fn ok(input: Value) -> Value {
    match api::allocate_quota(input.clone()) {
        Ok(v) => v,
        Err(e) => panic!("input {input}: unexpected error {} at {}: {}", e.code(), e.field(), e.message()),
    }
}

/// Runs the JSON API and checks the error's code and field.
#[track_caller]
fn err(input: Value, code: &str, field: &str) {
    match api::allocate_quota(input.clone()) {
        Ok(v) => panic!("input {input}: expected {code} at {field}, got {v}"),
        Err(e) => {
            assert_eq!((e.code(), e.field()), (code, field), "input {input}: {}", e.message());
            assert!(!e.message().is_empty());
        }
    }
}

fn quotas(v: &Value) -> Vec<u64> {
    v.as_array().unwrap().iter().map(|r| r["quota"].as_u64().unwrap()).collect()
}

#[test]
fn lx_4_2_1_three_methods_differ_on_41_20_12_for_9_places() {
    // Σ = 41 + 20 + 12 = 73 students, 9 places.
    // Hamilton: exact shares 9·41/73 = 369/73 = 5.0548, 180/73 = 2.4658, 108/73 = 1.4795;
    //   floors 5 + 2 + 1 = 8, one place left → largest remainder .4795 (C) > .4658 (B) > .0548
    //   → (5, 2, 2).
    // D'Hondt, averages s/(q+1): A 41, 20.5, 13.67, 10.25, 8.2, 6.83; B 20, 10, 6.67; C 12, 6.
    //   Nine largest: 41 A, 20.5 A, 20 B, 13.67 A, 12 C, 10.25 A, 10 B, 8.2 A, 6.83 A → (6, 2, 1).
    // Sainte-Laguë, averages s/(2q+1): A 41, 13.67, 8.2, 5.86, 4.56, 3.73; B 20, 6.67, 4;
    //   C 12, 4, 2.4. Eight largest: 41 A, 20 B, 13.67 A, 12 C, 8.2 A, 6.67 B, 5.86 A, 4.56 A;
    //   the ninth is a tie, B 20/5 = 4 against C 12/3 = 4 → more students → B → (5, 3, 1).
    let list = [("A", 41), ("B", 20), ("C", 12)];
    assert_eq!(alloc(9, &list, Method::LargestRemainder, 0), vec![5, 2, 2]);
    assert_eq!(alloc(9, &list, Method::Dhondt, 0), vec![6, 2, 1]);
    assert_eq!(alloc(9, &list, Method::SainteLague, 0), vec![5, 3, 1]);

    let v = ok(json!({ "total": 9, "colleges": [{ "name": "A", "students": 41 }, { "name": "B", "students": 20 }, { "name": "C", "students": "12" }] }));
    assert_eq!(
        v[0],
        // `total` is the request's 9 places: every row says what its quota is a share of.
        json!({ "name": "A", "quota": 5, "total": 9, "students": 41, "share": "5.05", "shareExact": "5.0547945205479452054794520548",
                "shareFraction": "369/73", "remainder": "0.0547945205479452054794520548", "clause": "LX-4.2.1" })
    );
    assert_eq!(v[2]["share"], "1.48"); // 108/73 = 1.47945… → half-up 1.48
    assert_eq!(quotas(&ok(json!({ "total": 9, "method": "dhondt", "colleges": [{ "name": "A", "students": 41 }, { "name": "B", "students": 20 }, { "name": "C", "students": 12 }] }))), vec![6, 2, 1]);
    let sl = ok(json!({ "total": 9, "method": "sainteLague", "colleges": [{ "name": "A", "students": 41 }, { "name": "B", "students": 20 }, { "name": "C", "students": 12 }] }));
    assert_eq!(quotas(&sl), vec![5, 3, 1]);
    assert_eq!(sl[0]["remainder"], Value::Null); // remainders belong to Hamilton only
}

#[test]
fn lx_4_2_1_the_d_hondt_textbook_example() {
    // The common textbook example: 8 seats, 100000 / 80000 / 30000 / 20000 votes (Σ 230000).
    // D'Hondt: A 100000, 50000, 33333, 25000, 20000; B 80000, 40000, 26667, 20000; C 30000,
    //   15000; D 20000. Eight largest: 100000 A, 80000 B, 50000 A, 40000 B, 33333 A, 30000 C,
    //   26667 B, 25000 A → (4, 3, 1, 0).
    // Sainte-Laguë: A 100000, 33333, 20000, 14286; B 80000, 26667, 16000; C 30000, 10000;
    //   D 20000. Eight largest: 100000 A, 80000 B, 33333 A, 30000 C, 26667 B, 20000 A,
    //   20000 D, 16000 B → (3, 3, 1, 1).
    // Hamilton: 8·100000/230000 = 3.478, 2.783, 1.043, 0.696; floors 3 + 2 + 1 + 0 = 6;
    //   two left → remainders .783 (B), .696 (D) → (3, 3, 1, 1).
    let list = [("A", 100_000), ("B", 80_000), ("C", 30_000), ("D", 20_000)];
    assert_eq!(alloc(8, &list, Method::Dhondt, 0), vec![4, 3, 1, 0]);
    assert_eq!(alloc(8, &list, Method::SainteLague, 0), vec![3, 3, 1, 1]);
    assert_eq!(alloc(8, &list, Method::LargestRemainder, 0), vec![3, 3, 1, 1]);
}

#[test]
fn lx_4_2_1_exact_shares_need_no_remainder() {
    // 10 places on 6, 3, 1 students (Σ 10): shares are exactly 6, 3, 1 under every method.
    for m in [Method::LargestRemainder, Method::Dhondt, Method::SainteLague] {
        assert_eq!(alloc(10, &[("A", 6), ("B", 3), ("C", 1)], m, 0), vec![6, 3, 1], "{m:?}");
    }
}

#[test]
fn lx_4_2_1_largest_remainder_ties_go_to_more_students_then_name() {
    // 5 places on 3 and 7 students: shares 1.5 and 3.5, floors 1 + 3 = 4, one left, remainders
    // tie at .5 → more students (7) → (1, 4).
    assert_eq!(alloc(5, &[("A", 3), ("B", 7)], Method::LargestRemainder, 0), vec![1, 4]);
    // 1 place on 2 and 2: tie on remainder and students → name order, "Alpha" < "Beta".
    assert_eq!(alloc(1, &[("Beta", 2), ("Alpha", 2)], Method::LargestRemainder, 0), vec![0, 1]);
    // Code-point order, not dictionary order: "Z" (U+005A) < "a" (U+0061).
    assert_eq!(alloc(1, &[("alpha", 2), ("Zeta", 2)], Method::LargestRemainder, 0), vec![0, 1]);
    // 机 (U+673A) < 材 (U+6750): 机电学院 comes first.
    assert_eq!(alloc(1, &[("材料学院", 5), ("机电学院", 5)], Method::LargestRemainder, 0), vec![0, 1]);
    // The same rule for highest averages: 1 place, equal averages 5/1 → name.
    assert_eq!(alloc(1, &[("材料学院", 5), ("机电学院", 5)], Method::Dhondt, 0), vec![0, 1]);
    assert_eq!(alloc(1, &[("材料学院", 5), ("机电学院", 5)], Method::SainteLague, 0), vec![0, 1]);
    // Input order does not matter.
    assert_eq!(alloc(1, &[("机电学院", 5), ("材料学院", 5)], Method::LargestRemainder, 0), vec![1, 0]);
}

#[test]
fn hamilton_alabama_paradox_one_more_place_costs_a_college_a_place() {
    // 6, 6, 2 students (Σ 14).
    // 10 places: 60/14 = 4.286, 4.286, 20/14 = 1.429; floors 4 + 4 + 1 = 9; one left →
    //   largest remainder .429 (C) → (4, 4, 2).
    // 11 places: 66/14 = 4.714, 4.714, 22/14 = 1.571; floors 9; two left → .714 A, .714 B
    //   → (5, 5, 1). C lost a place when the total grew: Hamilton is not house monotone.
    let list = [("A", 6), ("B", 6), ("C", 2)];
    assert_eq!(alloc(10, &list, Method::LargestRemainder, 0), vec![4, 4, 2]);
    assert_eq!(alloc(11, &list, Method::LargestRemainder, 0), vec![5, 5, 1]);
    // D'Hondt on the same: averages A and B 6, 3, 2, 1.5, 1.2, 1; C 2, 1, 0.67.
    //   10 places in order: 6 A, 6 B (tie, equal students → "A" < "B"), 3 A, 3 B, then 2 A,
    //   2 B, 2 C (tie → more students first), 1.5 A, 1.5 B, 1.2 A → A 5, B 4, C 1.
    //   11 places: the next is 1.2 B → (5, 5, 1). No college lost a place.
    assert_eq!(alloc(10, &list, Method::Dhondt, 0), vec![5, 4, 1]);
    assert_eq!(alloc(11, &list, Method::Dhondt, 0), vec![5, 5, 1]);
}

#[test]
fn hamilton_population_paradox_growth_can_cost_a_place() {
    // 7 places. Before: A 10, B 1, C 4 (Σ 15): 70/15 = 4.667, 7/15 = 0.467, 28/15 = 1.867;
    //   floors 4 + 0 + 1 = 5; two left → .867 C, .667 A → (5, 0, 2).
    // After: A 11, B 1, C 6 (Σ 18): 77/18 = 4.278, 7/18 = 0.389, 42/18 = 2.333; floors
    //   4 + 0 + 2 = 6; one left → .389 B → (4, 1, 2).
    // A grew and B did not, yet A lost a place to B: Hamilton is not population monotone
    // when more than one college changes. (With only A changing it cannot happen — see the
    // module doc and the property test below.)
    assert_eq!(alloc(7, &[("A", 10), ("B", 1), ("C", 4)], Method::LargestRemainder, 0), vec![5, 0, 2]);
    assert_eq!(alloc(7, &[("A", 11), ("B", 1), ("C", 6)], Method::LargestRemainder, 0), vec![4, 1, 2]);
}

#[test]
fn minimum_first_then_the_rest_by_the_method() {
    // 10 places, minimum 2 for each of 3 colleges: 6 given, 4 left on 41, 20, 12 (Σ 73).
    // Hamilton on 4: 164/73 = 2.2466, 80/73 = 1.0959, 48/73 = 0.6575; floors 2 + 1 + 0 = 3;
    //   one left → .6575 (C) → (2, 1, 1); plus 2 each → (4, 3, 3).
    // Exact share of A: 2 + 164/73 = 310/73 = 4.2466 → "4.25".
    let v = ok(json!({ "total": 10, "minimum": 2, "colleges": [{ "name": "A", "students": 41 }, { "name": "B", "students": 20 }, { "name": "C", "students": 12 }] }));
    assert_eq!(quotas(&v), vec![4, 3, 3]);
    assert_eq!((v[0]["share"].as_str(), v[0]["shareFraction"].as_str()), (Some("4.25"), Some("310/73")));
    // Without the minimum: 10·41/73 = 5.616, 2.740, 1.644; floors 5 + 2 + 1 = 8; two left →
    //   .740 B, .644 C → (5, 3, 2).
    assert_eq!(alloc(10, &[("A", 41), ("B", 20), ("C", 12)], Method::LargestRemainder, 0), vec![5, 3, 2]);
    // A minimum that uses every place: 3 × 3 = 9 of 9; nothing left, zero students are fine.
    assert_eq!(alloc(9, &[("A", 0), ("B", 0), ("C", 0)], Method::Dhondt, 3), vec![3, 3, 3]);
}

#[test]
fn nothing_to_share_gives_zeros() {
    let v = ok(json!({ "total": 0, "colleges": [{ "name": "A", "students": 0 }, { "name": "B", "students": 5 }] }));
    assert_eq!(quotas(&v), vec![0, 0]);
    assert_eq!(v[1]["shareFraction"], "0/1");
}

#[test]
fn bad_input_is_a_coded_error_with_its_path() {
    let two = json!([{ "name": "A", "students": 3 }, { "name": "B", "students": 5 }]);
    err(json!({ "total": -1, "colleges": two }), "out_of_range", "total");
    err(json!({ "total": 2.5, "colleges": two }), "invalid_step", "total");
    err(json!({ "total": "x", "colleges": two }), "invalid_number", "total");
    err(json!({ "total": 100_001, "colleges": two }), "out_of_range", "total");
    err(json!({ "total": 3, "colleges": [] }), "empty", "colleges");
    err(json!({ "total": 3, "colleges": [{ "name": "A", "students": 3 }, { "name": "B", "students": -3 }] }), "out_of_range", "colleges[1].students");
    err(json!({ "total": 3, "colleges": [{ "name": "A", "students": 3 }, { "name": "B", "students": "1.5" }] }), "invalid_step", "colleges[1].students");
    err(json!({ "total": 3, "colleges": [{ "name": "A", "students": 3 }, { "name": "B", "students": 9_007_199_254_740_992_u64 }] }), "out_of_range", "colleges[1].students");
    err(json!({ "total": 3, "colleges": [{ "name": "A", "students": 0 }, { "name": "B", "students": 0 }] }), "no_students", "colleges");
    err(json!({ "total": 3, "colleges": [{ "name": "A", "students": 1 }, { "name": " A ", "students": 2 }] }), "duplicate", "colleges[1].name");
    err(json!({ "total": 3, "colleges": [{ "name": "A", "students": 1 }, { "name": "  ", "students": 2 }] }), "missing_field", "colleges[1].name");
    err(json!({ "total": 3, "colleges": [{ "students": 2 }] }), "missing_field", "colleges[0].name");
    err(json!({ "total": 3, "colleges": two, "method": "webster" }), "unknown_value", "method");
    err(json!({ "total": 5, "colleges": [{ "name": "A", "students": 1 }, { "name": "B", "students": 1 }, { "name": "C", "students": 1 }], "minimum": 2 }), "out_of_range", "minimum");
    err(json!({ "total": 5, "colleges": two, "minimum": 0.5 }), "invalid_step", "minimum");
    err(json!({ "total": 5, "colleges": two, "locale": "de" }), "unknown_value", "locale");
    // The message lists the methods and the minimum's limit.
    let e = api::allocate_quota(json!({ "total": 3, "colleges": two, "method": "webster", "locale": "en" })).unwrap_err();
    assert!(e.message().contains("sainteLague"), "{}", e.message());
    let e = api::allocate_quota(json!({ "total": 5, "colleges": [{ "name": "A", "students": 1 }, { "name": "B", "students": 1 }, { "name": "C", "students": 1 }], "minimum": 2, "locale": "en" })).unwrap_err();
    assert_eq!(e.message(), "minimum: 2 must be between 0 and 1"); // ⌊5 / 3⌋ = 1
    // And the module keeps working.
    assert_eq!(quotas(&ok(json!({ "total": 3, "colleges": two, "method": " DHondt " }))), vec![1, 2]);
}

// ---------------------------------------------------------------- properties

const METHODS: [Method; 3] = [Method::LargestRemainder, Method::Dhondt, Method::SainteLague];

fn arb_colleges() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(0_u64..200, 1..7).prop_filter("some students", |v| v.iter().any(|&s| s > 0))
}

fn named(students: &[u64]) -> Vec<(String, u64)> {
    students.iter().enumerate().map(|(i, &s)| (format!("C{i}"), s)).collect()
}

fn run(total: u64, students: &[u64], method: Method, minimum: u64) -> Vec<u64> {
    let colleges = named(students).into_iter().map(|(name, students)| College { name, students }).collect();
    quota::allocate(&QuotaInput { total, colleges, method, minimum }).unwrap().iter().map(|r| r.quota).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The quotas always sum to the total, whatever the method and minimum.
    #[test]
    fn quotas_sum_to_the_total(students in arb_colleges(), total in 0_u64..60, min_seed in 0_u64..4, m in 0_usize..3) {
        let n = students.len() as u64;
        let minimum = min_seed.min(total / n);
        let q = run(total, &students, METHODS[m], minimum);
        prop_assert_eq!(q.iter().sum::<u64>(), total);
        prop_assert!(q.iter().all(|&x| x >= minimum));
    }

    /// Hamilton's quota is always the floor or the ceiling of the exact share (quota rule).
    #[test]
    fn hamilton_stays_within_one_of_the_share(students in arb_colleges(), total in 0_u64..60) {
        let sum: u64 = students.iter().sum();
        let q = run(total, &students, Method::LargestRemainder, 0);
        for (&s, &x) in students.iter().zip(&q) {
            let floor = total * s / sum;
            prop_assert!(x == floor || x == floor + 1, "share {}·{}/{} got {}", total, s, sum, x);
        }
    }

    /// A college never loses a place when only its own student count rises. Holds for all three
    /// methods (see the module doc of `quota` for why it holds even for Hamilton).
    #[test]
    fn more_students_never_cost_a_college_a_place(students in arb_colleges(), total in 0_u64..60, who in 0_usize..7, more in 1_u64..200, m in 0_usize..3) {
        let who = who % students.len();
        let before = run(total, &students, METHODS[m], 0);
        let mut grown = students.clone();
        grown[who] += more;
        let after = run(total, &grown, METHODS[m], 0);
        prop_assert!(after[who] >= before[who], "{:?}: {:?} → {:?}", METHODS[m], before, after);
    }

    /// One more place never costs a college a place (house monotone): D'Hondt and Sainte-Laguë
    /// only. Hamilton fails it (the Alabama paradox test above).
    #[test]
    fn one_more_place_never_costs_a_place_under_divisor_methods(students in arb_colleges(), total in 0_u64..60, m in 1_usize..3) {
        let before = run(total, &students, METHODS[m], 0);
        let after = run(total + 1, &students, METHODS[m], 0);
        prop_assert!(before.iter().zip(&after).all(|(b, a)| a >= b), "{:?}: {:?} → {:?}", METHODS[m], before, after);
    }
}
