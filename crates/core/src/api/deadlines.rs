//! `deadlines`, `deadlinesIcs` and `checklist` (XYU-10.6, XYU-12, XYU-13, XYU-14, LX-4, LX-6).

use super::{check_locale, load_policy, parse, run, with_policy, TextResult};
use crate::deadline::{self, Date, DeadlineRequest};
use crate::decimal;
use crate::error::{Error, ErrorKind, Result};
use crate::locale::Locale;
use crate::policy::Policy;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Request {
    policy: Value,
    #[serde(default)]
    departure: Option<String>,
    #[serde(default)]
    arrival: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default, deserialize_with = "decimal::opt")]
    year: Option<Decimal>,
    #[serde(default)]
    locale: Option<String>,
}

/// A date field: blank (an empty form input) means not given.
fn date(text: Option<&str>, field: &str) -> Result<Option<Date>> {
    match text {
        Some(t) if !t.trim().is_empty() => deadline::parse_date(t, field).map(Some),
        _ => Ok(None),
    }
}

fn year(value: Option<Decimal>) -> Result<Option<i32>> {
    let Some(v) = value else { return Ok(None) };
    if !v.fract().is_zero() {
        return Err(Error::new(ErrorKind::InvalidStep { value: v.to_string(), step: "1".to_owned() }, "year"));
    }
    let out_of_range = || Error::new(ErrorKind::OutOfRange { value: v.to_string(), min: Some("1".into()), max: Some("9999".into()) }, "year");
    v.to_i32().map(Some).ok_or_else(out_of_range)
}

fn read(input: Value, locale: Locale) -> Result<(DeadlineRequest, Cow<'static, Policy>)> {
    let req: Request = parse(input)?;
    check_locale(req.locale.as_deref())?;
    let p = load_policy(&req.policy, locale)?;
    let r = DeadlineRequest {
        departure: date(req.departure.as_deref(), "departure")?,
        arrival: date(req.arrival.as_deref(), "arrival")?,
        end: date(req.end.as_deref(), "end")?,
        year: year(req.year)?,
    };
    Ok((r, p))
}

fn compute(input: Value, locale: Locale) -> Result<(Vec<deadline::Deadline>, Cow<'static, Policy>)> {
    let (r, p) = read(input, locale)?;
    Ok((deadline::deadlines(&p, &r, locale)?, p))
}

/// `deadlines({ policy, departure?, arrival?, end?, year? })` → `[{ code, due, clause, title,
/// consequence }]`, sorted by date. The result is an array, so it carries no `policy` key.
///
/// # Errors
/// `invalid_date` at `arrival` / `end`; `date_order` at `end`; `invalid_step` or
/// `out_of_range` at `year`; otherwise as [`deadline::deadlines`].
pub fn deadlines(input: Value) -> TextResult {
    run(input, |input, locale| {
        let (list, p) = compute(input, locale)?;
        with_policy(&list, Some(&p))
    })
}

/// `deadlinesIcs({ policy, departure?, arrival?, end?, year? })` → the same deadlines as an iCalendar
/// file (text), for a download without a server.
///
/// # Errors
/// As [`deadlines`].
pub fn deadlines_ics(input: Value) -> TextResult {
    run(input, |input, locale| {
        let (list, _) = compute(input, locale)?;
        // A JSON string (no policy key: the result is not an object).
        with_policy(&deadline::to_ics(&list, locale), None)
    })
}

/// `checklist({ policy, departure?, arrival?, end?, year?, locale? })` → `{ phases: [{ phase,
/// title, steps: [{ code, clause, title, due, timing, consequence }] }], policy }`: the
/// procedural steps before departure, abroad and after the exchange, dated where the request
/// gives the date they count from. Takes the same request as `deadlines`; no date is needed.
///
/// # Errors
/// As [`deadlines`], except that missing dates are not an error.
pub fn checklist(input: Value) -> TextResult {
    run(input, |input, locale| {
        let (r, p) = read(input, locale)?;
        with_policy(&deadline::checklist(&p, &r, locale)?, Some(&p))
    })
}
