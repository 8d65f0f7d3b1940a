//! Deadlines: XYU-10.6 (the exchange list filed within two weeks of departure), XYU-13.2
//! (contact address within a week of arrival), XYU-13.5 (report within 15 days, written
//! summary within a month after the end), XYU-12.9 (transcript within 3 months after the
//! end), and the yearly calendar of LX-4 (rules by 31 March, final list by 15 April, next
//! year's notice before June).
//!
//! The [`checklist`] puts the relative deadlines together with the regulation's undated
//! steps (the policy's `deadlines.steps`: XYU-12.1, 12.5, 12.6, 13.3, 13.4, 14, LX-6.3, …) in
//! three phases: before departure, abroad, after return. Dated steps are the deadlines
//! above, so the `.ics` has every step that has a date.
//!
//! The calendar arithmetic is [`crate::date`]'s; the rules are the policy's `deadlines`
//! section ([`crate::policy::deadlines`]).

pub use crate::date::Date;
pub use crate::policy::deadlines::{AnnualRule, Anchor, DeadlineRules, Phase, RelativeRule, StepRule};

use crate::decimal;
use crate::error::{Error, ErrorKind, Result, Section};
use crate::locale::{count, Locale, Text};
use crate::policy::{ClauseText, Policy};
use crate::read::{Obj, Request};
use crate::date::days_in_month;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

/// What is asked: the dates the student knows, and the year for a yearly calendar
/// (`deadlines`, `deadlinesIcs` and `checklist` take the same request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeadlineRequest {
    /// Leaving the country (XYU-10.6).
    pub departure: Option<Date>,
    /// Arrival abroad.
    pub arrival: Option<Date>,
    /// End of the exchange.
    pub end: Option<Date>,
    /// The year of an annual calendar (LX-4).
    pub year: Option<i32>,
}

impl Request for DeadlineRequest {
    const KEYS: &'static [&'static str] = &["policy", "departure", "arrival", "end", "year", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        // A date field left blank (an empty form input) is not given.
        let date = |key: &'static str| -> Result<Option<Date>> {
            match o.opt_str(key)? {
                Some(t) if !t.trim().is_empty() => parse_date(&t, key).map(Some),
                _ => Ok(None),
            }
        };
        let (departure, arrival, end) = (date("departure")?, date("arrival")?, date("end")?);
        let year = match o.opt_dec("year")? {
            None => None,
            Some(v) if !v.fract().is_zero() => {
                return Err(Error::new(ErrorKind::InvalidStep { value: v.to_string(), step: "1".to_owned() }, "year"));
            }
            Some(v) => Some(v.to_i32().ok_or_else(|| year_out_of_range(&v.to_string()))?),
        };
        Ok(Self { departure, arrival, end, year })
    }
}

fn year_out_of_range(value: &str) -> Error {
    Error::new(ErrorKind::OutOfRange { value: value.to_owned(), min: Some("1".into()), max: Some("9999".into()) }, "year")
}

/// One deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// Stable code, e.g. `transcript`.
    pub code: String,
    /// The last day, `YYYY-MM-DD`.
    pub due: Date,
    /// Clause id.
    pub clause: String,
    /// What is due, in the caller's language.
    pub title: String,
    /// What happens when it is missed, in the caller's language.
    pub consequence: Option<String>,
}

/// Reads a `YYYY-MM-DD` date typed at `field`.
///
/// # Errors
/// `invalid_date` for anything but a real date in that form.
pub fn parse_date(text: &str, field: &str) -> Result<Date> {
    Date::parse(text).ok_or_else(|| Error::new(ErrorKind::InvalidDate { input: text.trim().to_owned() }, field))
}

fn rules(policy: &Policy) -> Result<&DeadlineRules> {
    policy.deadlines.as_ref().ok_or_else(|| {
        Error::new(ErrorKind::NotInPolicy { section: Section::Deadlines, what: None }, "policy")
    })
}

/// The deadlines that follow from the dates given, sorted by date (ties keep the policy's
/// order). Rules whose date is not given are left out; if that leaves nothing, the first
/// missing date is reported.
///
/// # Errors
/// `not_in_policy` at `policy` without a `deadlines` section; `date_order` at `end` when
/// the end is not after arrival; `out_of_range` at `year` outside 1–9999; `missing_field`
/// at the first date a rule needs when no deadline can be computed; `overflow` at the date
/// when a deadline falls after 9999-12-31.
pub fn deadlines(policy: &Policy, req: &DeadlineRequest, locale: Locale) -> Result<Vec<Deadline>> {
    let rules = rules(policy)?;
    check_request(req)?;
    let text = |t: &ClauseText| t.text(locale).to_owned();
    let mut out = Vec::new();
    let mut missing = None;
    for r in &rules.relative {
        let Some(due) = relative_due(r, req)? else {
            missing.get_or_insert(r.from.field());
            continue;
        };
        out.push(Deadline { code: r.code.clone(), due, clause: r.clause.clone(), title: text(&r.title), consequence: r.consequence.as_ref().map(text) });
    }
    for r in &rules.annual {
        let Some(year) = req.year else {
            missing.get_or_insert("year");
            continue;
        };
        let due = Date::new(year, r.month, r.day.min(days_in_month(year, r.month)))
            .ok_or_else(|| Error::new(ErrorKind::NotInPolicy { section: Section::Deadlines, what: Some((format!("日期 {}-{}", r.month, r.day), format!("date {}-{}", r.month, r.day))) }, "policy"))?;
        out.push(Deadline { code: r.code.clone(), due, clause: r.clause.clone(), title: text(&r.title), consequence: r.consequence.as_ref().map(text) });
    }
    if out.is_empty() {
        if let Some(field) = missing {
            return Err(Error::new(ErrorKind::MissingField, field));
        }
    }
    // Stable: ties keep the policy's order.
    Ok(crate::sort_stable(out, |a, b| a.due.cmp(&b.due)))
}

/// The dates must come in the order of an exchange: departure on or before arrival (the same
/// day for a short flight), both before the end; and the year must be a year.
fn check_request(req: &DeadlineRequest) -> Result<()> {
    if let (Some(d), Some(a)) = (req.departure, req.arrival) {
        if a < d {
            return Err(Error::new(ErrorKind::DateOrder { after: d.to_string(), or_same_day: true }, "arrival"));
        }
    }
    // Arrival is checked first: it is the later of the two when both are given.
    for first in [req.arrival, req.departure] {
        if let (Some(f), Some(e)) = (first, req.end) {
            if e <= f {
                return Err(Error::new(ErrorKind::DateOrder { after: f.to_string(), or_same_day: false }, "end"));
            }
        }
    }
    if let Some(y) = req.year {
        if !(1..=9999).contains(&y) {
            return Err(year_out_of_range(&y.to_string()));
        }
    }
    Ok(())
}

/// A relative rule's due date, or `None` when the request does not give its anchor date.
///
/// # Errors
/// `overflow` at the anchor's field past 9999-12-31.
fn relative_due(r: &RelativeRule, req: &DeadlineRequest) -> Result<Option<Date>> {
    let from = match r.from {
        Anchor::Departure => req.departure,
        Anchor::Arrival => req.arrival,
        Anchor::End => req.end,
    };
    let Some(from) = from else { return Ok(None) };
    let due = match (r.days, r.months) {
        (Some(d), _) => from.add_days(d),
        (None, Some(m)) => from.add_months(m),
        (None, None) => Some(from),
    };
    due.map(Some).ok_or_else(|| decimal::overflow(r.from.field()))
}

/// One step of the [`checklist`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Stable code, e.g. `contact_address` or `safety_pledge`.
    pub code: String,
    /// Clause id.
    pub clause: String,
    /// What to do, in the caller's language.
    pub title: String,
    /// The last day, when the step counts from a date the request gives; else `None`.
    pub due: Option<Date>,
    /// For a step counted from a date: how long after which date ("within 7 days of arrival
    /// abroad"), given or not.
    pub timing: Option<String>,
    /// What happens otherwise, if the regulation says.
    pub consequence: Option<String>,
}

/// The steps of one phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseSteps {
    /// `beforeDeparture`, `abroad` or `afterReturn`.
    pub phase: Phase,
    /// The phase's name in the caller's language.
    pub title: String,
    /// Dated steps first, by date (or the policy's order while undated), then the undated ones
    /// in the policy's order.
    pub steps: Vec<Step>,
}

/// The answer of [`checklist`]: every phase, in order, even one without steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    /// Before departure, abroad, after the exchange.
    pub phases: Vec<PhaseSteps>,
}

const WITHIN_DAYS: Text = Text { zh: "{from}后 {n} 天内", en: "within {nEn} of {from}" };
const WITHIN_MONTHS: Text = Text { zh: "{from}后 {n} 个月内", en: "within {nEn} of {from}" };

fn phase_title(phase: Phase) -> Text {
    match phase {
        Phase::BeforeDeparture => Text { zh: "出发前", en: "Before departure" },
        Phase::Abroad => Text { zh: "在国（境）外期间", en: "While abroad" },
        Phase::AfterReturn => Text { zh: "交换结束后", en: "After the exchange" },
    }
}

fn anchor_name(a: Anchor) -> Text {
    match a {
        Anchor::Departure => Text { zh: "出国（境）", en: "departure" },
        Anchor::Arrival => Text { zh: "到达国（境）外", en: "arrival abroad" },
        Anchor::End => Text { zh: "交换结束", en: "the end of the exchange" },
    }
}

/// "within 7 days of arrival abroad" for a relative rule.
fn timing(r: &RelativeRule, locale: Locale) -> Option<String> {
    let from = anchor_name(r.from).get(locale);
    let (text, n, n_en) = match (r.days, r.months) {
        (Some(d), _) => (WITHIN_DAYS, d, count(d, "day", "days")),
        (None, Some(m)) => (WITHIN_MONTHS, m, count(m, "month", "months")),
        (None, None) => return None,
    };
    Some(text.fill(locale, &[("from", &from), ("n", &n), ("nEn", &n_en)]))
}

/// The procedural steps of an exchange by phase: the relative deadlines (dated when the
/// request gives their date) and the policy's undated steps. Annual dates (LX-4) are the
/// offices' calendar, not a student's steps, and stay in [`deadlines`] only.
///
/// # Errors
/// `not_in_policy` at `policy` without a `deadlines` section; the date errors of
/// [`deadlines`]. Missing dates are not an error: those steps are listed undated.
pub fn checklist(policy: &Policy, req: &DeadlineRequest, locale: Locale) -> Result<Checklist> {
    let rules = rules(policy)?;
    check_request(req)?;
    let text = |t: &ClauseText| t.text(locale).to_owned();
    let mut phases = Vec::with_capacity(Phase::ALL.len());
    for phase in Phase::ALL {
        let mut dated = Vec::new();
        for r in rules.relative.iter().filter(|r| r.from.phase() == phase) {
            let due = relative_due(r, req)?;
            dated.push(Step { code: r.code.clone(), clause: r.clause.clone(), title: text(&r.title), due, timing: timing(r, locale), consequence: r.consequence.as_ref().map(text) });
        }
        // Dated ones by date, then those whose date the request does not give; the sort is
        // stable, so ties and the undated keep the policy's order.
        let key = |s: &Step| (s.due.is_none(), s.due);
        let mut steps = crate::sort_stable(dated, |a, b| key(a).cmp(&key(b)));
        steps.extend(rules.steps.iter().filter(|s| s.phase == phase).map(|s| Step {
            code: s.code.clone(),
            clause: s.clause.clone(),
            title: text(&s.title),
            due: None,
            timing: None,
            consequence: s.consequence.as_ref().map(text),
        }));
        phases.push(PhaseSteps { phase, title: phase_title(phase).get(locale), steps });
    }
    Ok(Checklist { phases })
}

/// Escapes TEXT for iCalendar (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
fn ics_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at 75 octets (RFC 5545 §3.1) without splitting a
/// UTF-8 character, ended by CRLF.
fn ics_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1; // the folding space counts
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// An iCalendar file (RFC 5545) with one all-day event per deadline: CRLF line endings,
/// escaped and folded text, and a UID made of the code and the date, so importing the same
/// deadlines twice updates rather than duplicates. DTSTAMP is the due date at midnight UTC:
/// the crate never reads the clock, and a fixed stamp keeps the output reproducible.
#[must_use]
pub fn to_ics(deadlines: &[Deadline], locale: Locale) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//exchange-calc//deadlines//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        ics_line(&mut out, line);
    }
    for d in deadlines {
        let day = d.due.basic();
        let next = d.due.add_days(1).map_or_else(|| day.clone(), Date::basic);
        let code: String = d.code.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-')).collect();
        let summary = format!("{}（{}）", d.title, d.clause);
        let summary = locale.pick(summary, format!("{} ({})", d.title, d.clause));
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{code}-{day}@exchange-calc"));
        ics_line(&mut out, &format!("DTSTAMP:{day}T000000Z"));
        ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{day}"));
        ics_line(&mut out, &format!("DTEND;VALUE=DATE:{next}"));
        ics_line(&mut out, &format!("SUMMARY:{}", ics_escape(&summary)));
        let mut description = format!("{} {}", locale.pick("依据", "Clause"), d.clause);
        if let Some(c) = &d.consequence {
            description.push('\n');
            description.push_str(c);
        }
        ics_line(&mut out, &format!("DESCRIPTION:{}", ics_escape(&description)));
        ics_line(&mut out, "TRANSP:TRANSPARENT");
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_on_character_boundaries() {
        let mut out = String::new();
        ics_line(&mut out, &"汉".repeat(40));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{}\r\n", "汉".repeat(40)));
    }
}
