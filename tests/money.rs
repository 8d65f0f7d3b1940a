//! Money as people type it into `estimateFunding` (issue 15, point 6): grouped amounts,
//! currency signs, full-width IME forms, and currency codes in any case or width. Every
//! expected amount is worked out by hand in the comment above it (LX-5 payers: tuition is
//! the school's, LX-5.1.1; airfare the college's, LX-5.1.2; visa the student's, LX-5.1.3).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::json;

mod common;
use common::{funding_err as err, funding_ok as ok, funding_totals as totals};

#[test]
fn grouped_amounts_and_currency_signs_read_as_the_number() {
    // tuition 3,000 + airfare ＄6,500 (typed as a CNY amount with a dollar sign: the sign is
    // only how people write money, the currency field says what it is) + visa ¥1,000.50:
    // school 3000.00, college 6500.00, student 1000.50; total 10500.50.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [
        { "item": "tuition", "amount": "3,000" },
        { "item": "airfare", "amount": "＄6,500" },
        { "item": "visa", "amount": "¥1,000.50" },
    ] }));
    totals(&v, "10500.50", "3000.00", "6500.00", "1000.50");
    // Full-width digits and separators: ３，０００ = 3000.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "visa", "amount": "３，０００" }] }));
    totals(&v, "3000.00", "0.00", "0.00", "3000.00");
}

#[test]
fn a_full_width_or_lower_case_code_is_the_same_currency() {
    // Two visa lines, 100 "ＵＳＤ" and 50 "usd", at the one rate given for USD, 7.1234:
    // 712.34 + 356.17 = 1068.51, the student's (LX-5.1.3). No second currency, no missing rate.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [
        { "item": "visa", "amount": 100, "currency": "ＵＳＤ" },
        { "item": "visa", "amount": "50", "currency": " usd " },
    ], "rates": { "USD": "7.1234" } }));
    totals(&v, "1068.51", "0.00", "0.00", "1068.51");
    assert_eq!(v["lines"][0]["original"]["currency"], "USD");
    // A rate keyed in full width serves the ASCII code too: 10 × 7 = 70.00.
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "visa", "amount": 10, "currency": "USD" }], "rates": { "ＵＳＤ": 7 } }));
    totals(&v, "70.00", "0.00", "0.00", "70.00");
    // The economy fare's currency folds the same way: ticket 1,000 USD × 7 = 7000.00; fare
    // ８００ ｕｓｄ × 7 = 5600.00 for the college, 1400.00 above economy for the student (LX-5.1.2).
    let v = ok(json!({ "policy": "gdut-lixing-2026", "costs": [{ "item": "airfare", "amount": "1,000", "currency": "ｕｓｄ" }],
        "rates": { "USD": 7 }, "economyFare": "８００", "economyFareCurrency": "ＵＳＤ" }));
    totals(&v, "7000.00", "0.00", "5600.00", "1400.00");
}

#[test]
fn misgrouped_amounts_and_grouped_non_money_are_errors() {
    let p = "gdut-lixing-2026";
    // A comma that does not group by threes may be a misplaced decimal point: refused.
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": "30,00" }] }), "invalid_number", "costs[0].amount");
    err(json!({ "policy": p, "costs": [{ "item": "visa", "amount": "3,0000" }] }), "invalid_number", "costs[0].amount");
    err(json!({ "policy": p, "costs": [], "economyFare": "1,00" }), "invalid_number", "economyFare");
    // Rates are ratios, not money: no grouping or signs there.
    err(json!({ "policy": p, "costs": [], "rates": { "USD": "$7" } }), "invalid_number", "rates.USD");
    // Two spellings of one currency's rate are one currency given twice.
    err(json!({ "policy": p, "costs": [], "rates": { "USD": 7, "ＵＳＤ": 7 } }), "duplicate", "rates.USD");
}
