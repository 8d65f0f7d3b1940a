//! Eligibility with reasons (SPEC §5): may this student apply to this track, and may the
//! school fund them? Every answer is a status plus one finding per condition, each naming
//! its clause.
//!
//! - `xinyu-2022`, track `exchange`: XYU-10.2 conditions (1)–(5), XYU-10.3 (upper-year
//!   students), XYU-11 (1–2 semesters).
//! - `gdut-lixing-2026`, tracks `freshman-leap` (LX-2.1.1) and `navigator-research`
//!   (LX-2.1.2), and the separate funding answer of LX-5.3.1 with the LX-5.4 conditions.
//!
//! The policy's `tracks` section is data: each track's clause ids and numbers
//! (`minSemesters`, `minSemestersCompleted`, …). Which conditions a track checks is code,
//! chosen by the track's `kind`. A fact the applicant did not state is a `review` finding
//! ("not stated"), never a guess; a value the regulation leaves to the year's notice
//! (`minGpa`, `priorityIelts`, `priorityToefl`) is `review` while unset.


mod text;

pub use crate::policy::tracks::{Programme, Track, TrackKind, Tracks};

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Result, Section};
use crate::finding::{Finding, Outcome};
use crate::locale::{count, Locale};
use crate::policy::Policy;
use crate::read::{At, Obj, Request};
use crate::score::{ScoreRule, GPA, IELTS, TOEFL};
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::fmt;
use text::*;

/// What the applicant states. Every fact is optional: a missing one gives a `review`
/// finding, never a guess. Xinyu facts: `enrolled` … `semesters`; Lixing facts:
/// `inJointProgram` … `otherFunding`. Facts a track does not use are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applicant {
    /// An enrolled undergraduate of the school, or as the partner agreement allows (XYU-10.2(1)).
    pub enrolled: Option<bool>,
    /// Good political and moral standing (XYU-10.2(2)).
    pub conduct_good: Option<bool>,
    /// GPA on the four-point scale, 0–4 (XYU-10.2(2), against the policy's `minGpa`).
    pub gpa: Option<Decimal>,
    /// IELTS overall band, 0–9 in steps of 0.5 (XYU-10.2(3)).
    pub ielts: Option<Decimal>,
    /// TOEFL iBT total, 0–120 whole (XYU-10.2(3)).
    pub toefl: Option<Decimal>,
    /// Physically and mentally healthy (XYU-10.2(4)).
    pub healthy: Option<bool>,
    /// Able to pay for study and living abroad (XYU-10.2(5)).
    pub can_fund: Option<bool>,
    /// Current year of study, from 1 (XYU-10.3 upper years; LX-2.1.1 first year).
    pub year_of_study: Option<i64>,
    /// Length of the degree programme in years (XYU-10.3).
    pub program_years: Option<i64>,
    /// Semesters asked for abroad (XYU-11).
    pub semesters: Option<i64>,
    /// A student of the international joint-training classes (LX-2.1).
    pub in_joint_program: Option<bool>,
    /// Year the student enrolled (LX-2.1.1).
    pub enrollment_year: Option<i64>,
    /// Year of the application (LX-2.1.1).
    pub application_year: Option<i64>,
    /// Semesters completed at home so far (LX-2.1.2).
    pub semesters_completed: Option<i64>,
    /// Already funded once by this plan (LX-5.3.1).
    pub prior_lixing_funding: Option<bool>,
    /// Already funded by the China Scholarship Council or similar (LX-5.3.1).
    pub other_funding: Option<bool>,
}

impl Applicant {
    const KEYS: &'static [&'static str] = &[
        "enrolled", "conductGood", "gpa", "ielts", "toefl", "healthy", "canFund", "yearOfStudy", "programYears", "semesters",
        "inJointProgram", "enrollmentYear", "applicationYear", "semestersCompleted", "priorLixingFunding", "otherFunding",
    ];

    fn read(at: At<'_, '_>) -> Result<Self> {
        let o = at.obj(Self::KEYS)?;
        let int = |key| o.with(key, whole).map(Option::flatten);
        Ok(Self {
            enrolled: o.opt_bool("enrolled")?,
            conduct_good: o.opt_bool("conductGood")?,
            gpa: o.opt_dec("gpa")?,
            ielts: o.opt_dec("ielts")?,
            toefl: o.opt_dec("toefl")?,
            healthy: o.opt_bool("healthy")?,
            can_fund: o.opt_bool("canFund")?,
            year_of_study: int("yearOfStudy")?,
            program_years: int("programYears")?,
            semesters: int("semesters")?,
            in_joint_program: o.opt_bool("inJointProgram")?,
            enrollment_year: int("enrollmentYear")?,
            application_year: int("applicationYear")?,
            semesters_completed: int("semestersCompleted")?,
            prior_lixing_funding: o.opt_bool("priorLixingFunding")?,
            other_funding: o.opt_bool("otherFunding")?,
        })
    }
}

/// An optional whole number given as a JSON number (a JS number arrives as `2.0`) or as
/// text; blank text is "not stated". A fraction is `invalid_number`: a count of years or
/// semesters has none.
fn whole(a: At<'_, '_>) -> Result<Option<i64>> {
    let text = a.text()?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let bad = || Error::new(ErrorKind::InvalidNumber { input: text.clone() }, a.path);
    let n = decimal::parse(&text).map_err(|_| bad())?;
    if !n.fract().is_zero() {
        return Err(bad());
    }
    n.to_i64().map(Some).ok_or_else(bad)
}

/// `checkEligibility`'s question: a track of the policy and what the applicant states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EligibilityInput {
    /// The track id (`exchange`, `freshman-leap`, …).
    pub track: String,
    /// The applicant's facts; none stated when absent.
    pub applicant: Applicant,
}

impl Request for EligibilityInput {
    const KEYS: &'static [&'static str] = &["policy", "track", "applicant", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        Ok(Self { track: o.text("track")?, applicant: o.with("applicant", Applicant::read)?.unwrap_or_default() })
    }
}

/// Overall answer: any failed condition → `ineligible`; else any open one → `review`;
/// else `eligible`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every condition is met.
    Eligible,
    /// At least one condition fails.
    Ineligible,
    /// No condition fails, but the office must settle at least one.
    Review,
}

/// Something the student must keep doing for the funding to stand (LX-5.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    /// Stable code, e.g. `tasks_not_completed` (from the policy's `funding.conditions`).
    pub code: String,
    /// Clause id, e.g. `LX-5.4(1)`.
    pub clause: String,
    /// The obligation, in the caller's language.
    pub message: String,
}

/// The answer of [`check_eligibility`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Eligibility {
    /// Derived from `findings` only (funding is a separate answer).
    pub status: Status,
    /// The track id asked about.
    pub track: String,
    /// The track's clause, e.g. `LX-2.1.2`.
    pub clause: String,
    /// The kind of programme the track leads to.
    pub programme: Option<Programme>,
    /// LX-5.3.1: `false` when already funded by this plan or by CSC or similar; `true` when
    /// both are stated as no; `null` when not stated or when the track has no funding rule.
    /// It does not change `status`.
    pub fundable: Option<bool>,
    /// XYU-10.2(3): `true` when a language score reaches its priority threshold, `false`
    /// when every stated score is below its threshold, `null` when it cannot be decided.
    pub priority: Option<bool>,
    /// One finding per eligibility condition.
    pub findings: Vec<Finding>,
    /// One finding per funding condition (LX-5.3.1); empty without a funding rule.
    pub funding_findings: Vec<Finding>,
    /// What the student must keep doing or the funding is refused or recovered (LX-5.4);
    /// empty without a funding rule.
    pub conditions: Vec<Condition>,
}


/// Checks `applicant` against `track` of `policy`.
///
/// # Errors
/// `not_in_policy` at `policy` when the policy has no tracks; `unknown_value` at `track`
/// (listing the policy's tracks); `out_of_range` / `invalid_step` at `applicant.<field>` for
/// a value that cannot be right (GPA 0–4, IELTS 0–9 by 0.5, TOEFL 0–120 whole, years 1000–9999,
/// year of study and programme years ≥ 1, semester counts ≥ 0).
pub fn check_eligibility(policy: &Policy, track: &str, applicant: &Applicant, locale: Locale) -> Result<Eligibility> {
    let tracks = policy.tracks.as_ref().ok_or_else(|| {
        Error::new(ErrorKind::NotInPolicy { section: Section::Tracks, what: None }, "policy")
    })?;
    let id = track.trim();
    let t = tracks
        .get(id)
        .ok_or_else(|| Error::new(ErrorKind::UnknownValue { value: id.to_owned(), allowed: tracks.ids() }, "track"))?;
    check_values(applicant)?;

    let ctx = Ctx { a: applicant, t, locale };
    let mut priority = None;
    let findings = match t.kind {
        TrackKind::Exchange => {
            let (language, p) = ctx.language(policy);
            priority = p;
            vec![
                ctx.yes_no(applicant.enrolled, &ENROLLED),
                ctx.yes_no(applicant.conduct_good, &CONDUCT),
                ctx.gpa(policy.min_gpa),
                language,
                ctx.yes_no(applicant.healthy, &HEALTH),
                ctx.yes_no(applicant.can_fund, &FUNDS),
                ctx.upper_year(),
                ctx.semesters(),
            ]
        }
        TrackKind::FreshmanLeap => vec![ctx.yes_no(applicant.in_joint_program, &JOINT_PROGRAM), ctx.freshman()],
        TrackKind::NavigatorResearch => vec![ctx.yes_no(applicant.in_joint_program, &JOINT_PROGRAM), ctx.semesters_completed()],
    };
    let (fundable, funding_findings, conditions) = match &t.funding_clause {
        Some(clause) => {
            let f = vec![
                ctx.funding(applicant.prior_lixing_funding, clause, &PRIOR_LIXING),
                ctx.funding(applicant.other_funding, clause, &OTHER_FUNDING),
            ];
            let fundable = crate::policy::funding::fundable(applicant.prior_lixing_funding, applicant.other_funding);
            // The LX-5.4 conditions are data in the policy's `funding` section, shared with
            // estimateFunding; a policy without that section has none to show.
            let conditions = policy
                .funding
                .iter()
                .flat_map(|f| &f.conditions)
                .map(|c| Condition { code: c.code.clone(), clause: c.clause.clone(), message: c.text(locale).to_owned() })
                .collect();
            (fundable, f, conditions)
        }
        None => (None, Vec::new(), Vec::new()),
    };
    Ok(Eligibility {
        status: status(&findings),
        track: id.to_owned(),
        clause: t.clause.clone(),
        programme: t.programme,
        fundable,
        priority,
        findings,
        funding_findings,
        conditions,
    })
}

/// Any fail → ineligible; else any review → review; else eligible.
#[must_use]
pub fn status(findings: &[Finding]) -> Status {
    if findings.iter().any(|f| f.outcome == Outcome::Fail) {
        Status::Ineligible
    } else if findings.iter().any(|f| f.outcome == Outcome::Review) {
        Status::Review
    } else {
        Status::Eligible
    }
}

/// Rejects values no applicant can have; each error names its `applicant.<field>` path.
fn check_values(a: &Applicant) -> Result<()> {
    let scores: [(&ScoreRule, Option<Decimal>, &str); 3] =
        [(&GPA, a.gpa, "applicant.gpa"), (&IELTS, a.ielts, "applicant.ielts"), (&TOEFL, a.toefl, "applicant.toefl")];
    for (rule, value, field) in scores {
        if let Some(v) = value {
            rule.check(v).map_err(|kind| Error::new(kind, field))?;
        }
    }
    let ints = [
        (a.year_of_study, 1, None, "applicant.yearOfStudy"),
        (a.program_years, 1, None, "applicant.programYears"),
        (a.semesters, 0, None, "applicant.semesters"),
        (a.semesters_completed, 0, None, "applicant.semestersCompleted"),
        (a.enrollment_year, 1000, Some(9999), "applicant.enrollmentYear"),
        (a.application_year, 1000, Some(9999), "applicant.applicationYear"),
    ];
    for (value, min, max, field) in ints {
        if let Some(v) = value {
            if v < min || max.is_some_and(|m| v > m) {
                let kind = ErrorKind::OutOfRange { value: v.to_string(), min: Some(min.to_string()), max: max.map(|m| m.to_string()) };
                return Err(Error::new(kind, field));
            }
        }
    }
    Ok(())
}

/// Shows a GPA with at least one decimal place (3 → "3.0"), as GPAs are written.
fn show_gpa(value: Decimal) -> String {
    let mut v = value.normalize();
    if v.scale() < 1 {
        v.rescale(1);
    }
    v.to_string()
}

struct Ctx<'a> {
    a: &'a Applicant,
    t: &'a Track,
    locale: Locale,
}

impl Ctx<'_> {
    /// `XYU-10.2` + item 3 → `XYU-10.2(3)`.
    fn item_clause(&self, item: Option<u8>) -> String {
        match item {
            Some(n) => format!("{}({n})", self.t.clause),
            None => self.t.clause.clone(),
        }
    }

    fn yes_no(&self, value: Option<bool>, c: &YesNo) -> Finding {
        let clause = self.item_clause(c.item);
        let text = |(zh, en): (&str, &str)| self.locale.pick(zh, en).to_owned();
        match value {
            Some(true) => Finding::pass(c.code, &clause, text(c.pass)),
            Some(false) => Finding::fail(c.code, &clause, text(c.fail)),
            None => Finding::review(c.code, &clause, text(c.unstated)),
        }
    }

    fn funding(&self, value: Option<bool>, clause: &str, c: &YesNo) -> Finding {
        let text = |(zh, en): (&str, &str)| self.locale.pick(zh, en).to_owned();
        // A "yes" to prior funding is what fails.
        match value {
            Some(false) => Finding::pass(c.code, clause, text(c.pass)),
            Some(true) => Finding::fail(c.code, clause, text(c.fail)),
            None => Finding::review(c.code, clause, text(c.unstated)),
        }
    }

    /// XYU-10.2(2) "good academic record": the threshold comes from the programme notice.
    fn gpa(&self, min: Option<Decimal>) -> Finding {
        let clause = self.item_clause(Some(2));
        let (code, l) = ("gpa", self.locale);
        match (min, self.a.gpa) {
            (None, Some(g)) => Finding::review(code, &clause, GPA_NO_LINE.fill(l, &[("gpa", &show_gpa(g))])),
            (None, None) => Finding::review(code, &clause, GPA_UNSTATED_NO_LINE.get(l)),
            (Some(m), None) => Finding::review(code, &clause, GPA_UNSTATED.fill(l, &[("min", &show_gpa(m))])),
            (Some(m), Some(g)) if g >= m => Finding::pass(code, &clause, GPA_MET.fill(l, &[("gpa", &show_gpa(g)), ("min", &show_gpa(m))])),
            (Some(m), Some(g)) => Finding::fail(code, &clause, GPA_BELOW.fill(l, &[("gpa", &show_gpa(g)), ("min", &show_gpa(m))])),
        }
    }

    /// XYU-10.2(3) "外语能力强，雅思、托福或其他语言的水平考试成绩优秀者，优先考虑": strong
    /// language ability is a basic condition the school judges; only the priority follows from
    /// a score. So a score at or above a priority line passes (with priority); anything else,
    /// a lower score included, is the school's `review`, never `fail`. Returns the finding and
    /// `priority`.
    fn language(&self, policy: &Policy) -> (Finding, Option<bool>) {
        let clause = self.item_clause(Some(3));
        let scores: Vec<(&str, &str, Decimal, Option<Decimal>)> = [
            ("雅思", "IELTS", self.a.ielts, policy.priority_ielts),
            ("托福", "TOEFL", self.a.toefl, policy.priority_toefl),
        ]
        .into_iter()
        .filter_map(|(zh, en, v, t)| v.map(|v| (zh, en, v, t)))
        .collect();
        if scores.is_empty() {
            return (Finding::review("language", &clause, LANGUAGE_UNSTATED.get(self.locale)), None);
        }
        let list = scores
            .iter()
            .map(|(zh, en, v, t)| {
                let v = v.normalize();
                match t {
                    Some(t) => SCORE_WITH_LINE.fill(self.locale, &[("test", &self.locale.pick(*zh, *en)), ("score", &v), ("line", &t.normalize())]),
                    None => SCORE_NO_LINE.fill(self.locale, &[("test", &self.locale.pick(*zh, *en)), ("score", &v)]),
                }
            })
            .collect::<Vec<_>>()
            .join(self.locale.pick("，", ", "));
        let met = scores.iter().any(|(_, _, v, t)| t.is_some_and(|t| *v >= t));
        let undecided = scores.iter().any(|(_, _, _, t)| t.is_none());
        let args: [(&str, &dyn fmt::Display); 1] = [("list", &list)];
        if met {
            (Finding::pass("language", &clause, LANGUAGE_PRIORITY.fill(self.locale, &args)), Some(true))
        } else if undecided {
            (Finding::review("language", &clause, LANGUAGE_NO_LINE.fill(self.locale, &args)), None)
        } else {
            (Finding::review("language", &clause, LANGUAGE_BELOW_LINE.fill(self.locale, &args)), Some(false))
        }
    }

    /// XYU-10.3 "高年级学生在参加交换生项目前，应先行处理好与中期考核、毕业、升学等相关事宜":
    /// upper-year students, not only the final year. The regulation does not say which years
    /// are upper years; this tool counts the second half of the programme (years 3–4 of 4,
    /// 3–5 of 5, 2–3 of 3, and any year past the programme's length) and says so.
    fn upper_year(&self) -> Finding {
        let clause = self.t.final_year_clause.clone().unwrap_or_else(|| self.t.clause.clone());
        match (self.a.year_of_study, self.a.program_years) {
            (Some(y), Some(p)) => {
                let args: [(&str, &dyn fmt::Display); 2] = [("y", &y), ("p", &p)];
                if y.saturating_mul(2) > p {
                    Finding::review("final_year", &clause, UPPER_YEAR.fill(self.locale, &args))
                } else {
                    Finding::pass("final_year", &clause, LOWER_YEAR.fill(self.locale, &args))
                }
            }
            _ => Finding::review("final_year", &clause, UPPER_YEAR_UNSTATED.get(self.locale)),
        }
    }

    /// XYU-11: an exchange lasts `minSemesters`–`maxSemesters` semesters.
    fn semesters(&self) -> Finding {
        let clause = self.t.semesters_clause.clone().unwrap_or_else(|| self.t.clause.clone());
        let (min, max) = (i64::from(self.t.min_semesters.unwrap_or(1)), i64::from(self.t.max_semesters.unwrap_or(2)));
        let l = self.locale;
        match self.a.semesters {
            Some(s) => {
                let args: [(&str, &dyn fmt::Display); 4] = [("s", &s), ("sEn", &count(s, "semester", "semesters")), ("min", &min), ("max", &max)];
                if (min..=max).contains(&s) {
                    Finding::pass("semesters", &clause, SEMESTERS_MET.fill(l, &args))
                } else {
                    Finding::fail("semesters", &clause, SEMESTERS_OUTSIDE.fill(l, &args))
                }
            }
            None => Finding::review("semesters", &clause, SEMESTERS_UNSTATED.fill(l, &[("min", &min), ("max", &max)])),
        }
    }

    /// LX-2.1.1 "面向国际联合培养专班当年入学新生". The plan's selection round closes in spring
    /// (LX-4.2), so a calendar-year reading would exclude every student it can select; the
    /// likely meaning is the first academic year. A year of study answers that directly (the
    /// application form asks the same: year 1); enrollment and application years answer it
    /// except when they are one apart, where the month of the application decides (`review`).
    fn freshman(&self) -> Finding {
        let (code, clause, l) = ("enrollment_year", self.t.clause.as_str(), self.locale);
        let by_year = self.a.year_of_study.map(|y| (y == 1, y));
        let by_years = self.a.enrollment_year.zip(self.a.application_year).map(|(e, a)| (e, a, a.checked_sub(e)));
        match (by_year, by_years) {
            // Both decide and they disagree: the office sorts it out.
            (Some((first, y)), Some((e, a, Some(gap)))) if (gap == 0 && !first) || (gap > 1 && first) => {
                Finding::review(code, clause, FRESHMAN_INCONSISTENT.fill(l, &[("y", &y), ("e", &e), ("a", &a)]))
            }
            (Some((true, _)), _) => Finding::pass(code, clause, FRESHMAN_FIRST_YEAR.get(l)),
            (Some((false, y)), _) => Finding::fail(code, clause, FRESHMAN_LATER_YEAR.fill(l, &[("y", &y)])),
            (None, Some((e, a, Some(0)))) => Finding::pass(code, clause, FRESHMAN_SAME_YEAR.fill(l, &[("e", &e), ("a", &a)])),
            (None, Some((e, a, Some(1)))) => Finding::review(code, clause, FRESHMAN_NEXT_YEAR.fill(l, &[("e", &e), ("a", &a)])),
            (None, Some((e, a, Some(gap)))) if gap > 1 => Finding::fail(code, clause, FRESHMAN_YEARS_LATER.fill(l, &[("e", &e), ("a", &a)])),
            (None, Some((e, a, _))) => Finding::review(code, clause, FRESHMAN_BEFORE_ENROLLING.fill(l, &[("e", &e), ("a", &a)])),
            (None, None) => Finding::review(code, clause, FRESHMAN_UNSTATED.get(l)),
        }
    }

    /// LX-2.1.2: at least `minSemestersCompleted` semesters completed.
    fn semesters_completed(&self) -> Finding {
        let clause = &self.t.clause;
        let min = i64::from(self.t.min_semesters_completed.unwrap_or(1));
        let (l, min_en) = (self.locale, count(min, "semester", "semesters"));
        match self.a.semesters_completed {
            Some(s) => {
                let args: [(&str, &dyn fmt::Display); 4] = [("s", &s), ("sEn", &count(s, "semester", "semesters")), ("min", &min), ("minEn", &min_en)];
                if s >= min {
                    Finding::pass("semesters_completed", clause, COMPLETED_MET.fill(l, &args))
                } else {
                    Finding::fail("semesters_completed", clause, COMPLETED_SHORT.fill(l, &args))
                }
            }
            None => Finding::review("semesters_completed", clause, COMPLETED_UNSTATED.fill(l, &[("min", &min), ("minEn", &min_en)])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gpa_shows_one_decimal_at_least() {
        assert_eq!(show_gpa(Decimal::from(3)), "3.0");
        assert_eq!(show_gpa(Decimal::new(285, 2)), "2.85");
        assert_eq!(show_gpa(Decimal::new(3200, 3)), "3.2");
    }
}
