//! Helpers shared by the integration tests (`mod common;` in each file that uses them). Each
//! test file is its own crate and uses only some of these.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use exchange_calc::api;
use exchange_calc::decimal::Decimal;
use exchange_calc::policy::{self, Policy};
use exchange_calc::Locale;
use serde_json::{json, Value};

/// An exact decimal from its text (rust_decimal's own reading, not the program's).
#[track_caller]
pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A bundled preset, read as the API reads it.
#[track_caller]
pub fn preset(id: &str) -> Policy {
    policy::resolve(&json!(id), "policy", Locale::En).unwrap().into_owned()
}

/// `estimateFunding`'s answer; panics with the error's code, field and message.
#[track_caller]
pub fn funding_ok(input: Value) -> Value {
    api::estimate_funding(input.clone()).unwrap_or_else(|e| panic!("input {input}: unexpected error {} at {}: {}", e.code(), e.field(), e.message()))
}

/// `estimateFunding` fails with `code` at `field`, and says something.
#[track_caller]
pub fn funding_err(input: Value, code: &str, field: &str) {
    match api::estimate_funding(input.clone()) {
        Ok(v) => panic!("input {input}: expected {code} at {field}, got {v}"),
        Err(e) => {
            assert_eq!((e.code(), e.field()), (code, field), "input {input}: {}", e.message());
            assert!(!e.message().is_empty());
        }
    }
}

/// The four totals of a funding result.
#[track_caller]
pub fn funding_totals(v: &Value, total: &str, school: &str, college: &str, student: &str) {
    assert_eq!(
        (v["total"].as_str(), v["school"].as_str(), v["college"].as_str(), v["student"].as_str()),
        (Some(total), Some(school), Some(college), Some(student)),
        "result {v}"
    );
}
