//! The `deadlines` section (XYU-10.6, XYU-12.9, XYU-13, LX-4, LX-6): deadlines counted from a
//! date of the exchange, deadlines on a fixed day of the year, and the regulation's undated
//! steps for the checklist.

use super::ClauseText;
use crate::date::days_in_month;
use crate::locale::Text;
use crate::read::{At, Problems};
use serde::Serialize;

/// Longest offset a rule may have: ten years, in days or months.
const MAX_DAYS: u32 = 3660;
const MAX_MONTHS: u32 = 120;

/// What a relative deadline counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Anchor {
    /// The day of leaving the country (XYU-10.6 "出国（境）后").
    #[default]
    Departure,
    /// The day of arrival abroad.
    Arrival,
    /// The day the exchange ends.
    End,
}

impl Anchor {
    const NAMES: &'static [&'static str] = &["departure", "arrival", "end"];
    const ALL: [Self; 3] = [Self::Departure, Self::Arrival, Self::End];

    /// The request field that gives this date.
    #[must_use]
    pub fn field(self) -> &'static str {
        match self {
            Self::Departure => "departure",
            Self::Arrival => "arrival",
            Self::End => "end",
        }
    }

    /// The phase a step counted from this date belongs to.
    #[must_use]
    pub fn phase(self) -> Phase {
        match self {
            Self::Departure | Self::Arrival => Phase::Abroad,
            Self::End => Phase::AfterReturn,
        }
    }
}

/// When in an exchange a step is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    /// Before leaving.
    #[default]
    BeforeDeparture,
    /// While abroad.
    Abroad,
    /// After the exchange ends.
    AfterReturn,
}

impl Phase {
    /// Every phase, in the order of an exchange.
    pub const ALL: [Self; 3] = [Self::BeforeDeparture, Self::Abroad, Self::AfterReturn];
    const NAMES: &'static [&'static str] = &["beforeDeparture", "abroad", "afterReturn"];
}

/// A step of the regulation with no date of its own (XYU-12.1 "派出之前…签订协议", XYU-13.4,
/// LX-6.3, …), shown in the checklist under its phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepRule {
    /// Stable snake_case code, e.g. `safety_pledge`.
    pub code: String,
    /// Clause id, e.g. `LX-6.3`.
    pub clause: String,
    /// When it is taken.
    pub phase: Phase,
    /// What to do, in both languages.
    pub title: ClauseText,
    /// What happens otherwise, if the regulation says.
    pub consequence: Option<ClauseText>,
}

/// A deadline N days or N months after arrival or the end (XYU-12.9, XYU-13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelativeRule {
    /// Stable snake_case code, e.g. `transcript`.
    pub code: String,
    /// Clause id, e.g. `XYU-12.9`.
    pub clause: String,
    /// Counted from arrival or end.
    pub from: Anchor,
    /// Days to add (exactly one of `days`, `months`).
    pub days: Option<u32>,
    /// Calendar months to add, clamped to the month's last day.
    pub months: Option<u32>,
    /// What is due, in both languages.
    pub title: ClauseText,
    /// What happens when it is missed, if the regulation says.
    pub consequence: Option<ClauseText>,
}

/// A deadline on a fixed day of each year (LX-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnualRule {
    /// Stable snake_case code, e.g. `final_list`.
    pub code: String,
    /// Clause id, e.g. `LX-4.2.3`.
    pub clause: String,
    /// Month 1–12.
    pub month: u32,
    /// Day of the month (clamped to the month's last day in a short year).
    pub day: u32,
    /// What is due, in both languages.
    pub title: ClauseText,
    /// What happens when it is missed, if the regulation says.
    pub consequence: Option<ClauseText>,
}

/// The `deadlines` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineRules {
    /// Deadlines counted from arrival or the end of the exchange.
    pub relative: Vec<RelativeRule>,
    /// Deadlines on fixed days of a given year.
    pub annual: Vec<AnnualRule>,
    /// The regulation's undated steps, for the checklist.
    pub steps: Vec<StepRule>,
}

fn relative(at: At<'_, '_>, p: &mut Problems) -> Option<RelativeRule> {
    let mut f = p.fields(at, &["code", "clause", "from", "days", "months", "title", "consequence"])?;
    let v = RelativeRule {
        code: f.string("code"),
        clause: f.string("clause"),
        from: Anchor::ALL.get(f.choice("from", Anchor::NAMES)).copied().unwrap_or_default(),
        days: f.opt_count("days"),
        months: f.opt_count("months"),
        title: f.need("title", ClauseText::read),
        consequence: f.section("consequence", ClauseText::read),
    };
    f.done(v)
}

fn annual(at: At<'_, '_>, p: &mut Problems) -> Option<AnnualRule> {
    let mut f = p.fields(at, &["code", "clause", "month", "day", "title", "consequence"])?;
    let v = AnnualRule {
        code: f.string("code"),
        clause: f.string("clause"),
        month: f.count("month"),
        day: f.count("day"),
        title: f.need("title", ClauseText::read),
        consequence: f.section("consequence", ClauseText::read),
    };
    f.done(v)
}

fn step(at: At<'_, '_>, p: &mut Problems) -> Option<StepRule> {
    let mut f = p.fields(at, &["code", "clause", "phase", "title", "consequence"])?;
    let v = StepRule {
        code: f.string("code"),
        clause: f.string("clause"),
        phase: Phase::ALL.get(f.choice("phase", Phase::NAMES)).copied().unwrap_or_default(),
        title: f.need("title", ClauseText::read),
        consequence: f.section("consequence", ClauseText::read),
    };
    f.done(v)
}

const REPEATED: Text = Text { zh: "与前面的时间节点重复", en: "repeats an earlier deadline" };
const ONE_OF_DAYS_MONTHS: Text = Text { zh: "days 与 months 须且只须给出一个", en: "needs exactly one of days and months" };
const AT_MOST: Text = Text { zh: "应不大于 {max}", en: "must be at most {max}" };
const MONTH: Text = Text { zh: "应在 1 到 12 之间", en: "must be between 1 and 12" };
const NOT_A_DAY: Text = Text { zh: "不是该月的日期", en: "is not a day of that month" };

impl DeadlineRules {
    /// Reads the section, recording every problem; `None` if any key does not read.
    pub fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["relative", "annual", "steps"])?;
        let v = Self { relative: f.items("relative", false, relative), annual: f.items("annual", false, annual), steps: f.items("steps", false, step) };
        f.done(v)
    }

    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, p: &mut Problems) {
        let codes: Vec<&str> = self
            .relative
            .iter()
            .map(|r| r.code.as_str())
            .chain(self.annual.iter().map(|r| r.code.as_str()))
            .chain(self.steps.iter().map(|r| r.code.as_str()))
            .collect();
        let mut at_of = self.relative.iter().enumerate().map(|(i, _)| format!("{path}.relative[{i}]")).collect::<Vec<_>>();
        at_of.extend(self.annual.iter().enumerate().map(|(i, _)| format!("{path}.annual[{i}]")));
        at_of.extend(self.steps.iter().enumerate().map(|(i, _)| format!("{path}.steps[{i}]")));
        for (i, step) in self.steps.iter().enumerate() {
            p.filled(&format!("{path}.steps[{i}].clause"), "", &step.clause);
        }
        for (i, (code, at)) in codes.iter().zip(&at_of).enumerate() {
            if code.trim().is_empty() {
                p.filled(at, "code", "");
            } else if codes.iter().take(i).any(|c| c == code) {
                p.duplicate(at, "code", &REPEATED);
            }
        }
        for (i, r) in self.relative.iter().enumerate() {
            let at = format!("{path}.relative[{i}]");
            match (r.days, r.months) {
                (Some(d), None) if d > MAX_DAYS => p.add(&at, "days", "out_of_range", &AT_MOST, &[("max", &MAX_DAYS)]),
                (None, Some(m)) if m > MAX_MONTHS => p.add(&at, "months", "out_of_range", &AT_MOST, &[("max", &MAX_MONTHS)]),
                (Some(_), None) | (None, Some(_)) => {}
                (None, None) => p.add(&at, "", "missing_field", &ONE_OF_DAYS_MONTHS, &[]),
                (Some(_), Some(_)) => p.add(&at, "", "conflict", &ONE_OF_DAYS_MONTHS, &[]),
            }
        }
        for (i, r) in self.annual.iter().enumerate() {
            let at = format!("{path}.annual[{i}]");
            if !(1..=12).contains(&r.month) {
                p.add(&at, "month", "out_of_range", &MONTH, &[]);
            } else if r.day < 1 || r.day > days_in_month(2000, r.month) {
                // 2000 is a leap year: the longest each month gets.
                p.add(&at, "day", "invalid_date", &NOT_A_DAY, &[]);
            }
        }
    }
}
