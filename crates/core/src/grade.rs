//! Grade conversion (XYU-12.7) and credit-weighted GPA.
//!
//! XYU-12.7(1) "对方成绩标准与新余学院相同时，直接认定": a percentage score is taken over
//! unchanged, but only when the partner's grading standard is the same; the request says so
//! with `sameStandard`, and a score without that fact is used with a `review` finding (a UK 68
//! is a good grade, not a weak one). A score from a partner with a different standard has no
//! rule: XYU-12.7(2)'s table converts letters only, so the school converts it (`review`).
//! XYU-12.7(2): a letter converts through the policy's table to a four-point grade point and a
//! percentage. A failed course must be retaken (XYU-12.8).
//!
//! Where the regulation is silent the policy decides, and says so ([`Convention`](crate::finding::Convention)): the
//! percentage pass mark (xinyu: 60, inferred from the table) and pass/fail grades (`P`, `NP`:
//! credits only, never the GPA; the table has only A+ … F).

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Result, Section};
use crate::finding::Finding;
use crate::locale::{Locale, Text};
use crate::policy::Policy;
use crate::read::{At, Obj, Request};
use serde::Serialize;

pub use crate::policy::grades::{normalize, GradeRules, LetterGrade};

/// How a grade was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum GradeKind {
    /// A letter of the table (XYU-12.7(2)).
    Letter,
    /// A percentage score taken over unchanged (XYU-12.7(1)).
    Percentage,
    /// A pass/fail grade: credits only.
    PassFail,
}

/// A converted grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conversion {
    /// The grade as recognized (`B+`, `88`, `PASS`).
    pub grade: String,
    /// Four-point grade point; `None` for percentage and pass/fail grades.
    pub grade_point: Option<Decimal>,
    /// Percentage score; `None` for pass/fail grades.
    pub percentage: Option<Decimal>,
    /// Letter, percentage or pass/fail.
    pub kind: GradeKind,
    /// Whether the course is passed. `None` when a percentage cannot be judged because the
    /// policy has no pass mark.
    pub passed: Option<bool>,
    /// The clause the conversion follows.
    pub clause: String,
    /// For a percentage score: whether the partner's grading standard is the same as the home
    /// one (XYU-12.7(1)), as the request states it; `None` when not stated, and for letters
    /// and pass/fail grades.
    pub same_standard: Option<bool>,
}

/// What `convertGrade` answers: the conversion and the notes that go with it (a percentage
/// score without the same-standard fact, a pass mark or pass/fail rule that is the policy's
/// convention).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradeAnswer {
    /// The conversion.
    #[serde(flatten)]
    pub conversion: Conversion,
    /// Review findings and the policy's conventions, in the request's language.
    pub findings: Vec<Finding>,
}

fn rules(policy: &Policy) -> Result<&GradeRules> {
    policy.grades.as_ref().ok_or_else(|| {
        Error::new(ErrorKind::NotInPolicy { section: Section::Grades, what: None }, "policy")
    })
}

/// Converts one grade as typed: a letter of the table, a pass/fail grade, or a
/// percentage score 0–100 taken over unchanged. `field` is its input path. The same as
/// [`convert_with`] when the request does not say whether the partner's standard is the same.
///
/// # Errors
/// As [`convert_with`].
pub fn convert(policy: &Policy, input: &str, field: &str) -> Result<Conversion> {
    convert_with(policy, input, field, None)
}

/// Converts one grade as typed. `same_standard` is the fact XYU-12.7(1) turns on, for a
/// percentage score: `Some(true)` takes it over unchanged; `None` takes it over too (the
/// findings of [`grade_findings`] then ask for the fact); `Some(false)` gives no percentage,
/// no grade point and no pass/fail judgement, since the table converts letters only.
///
/// # Errors
/// `not_in_policy` if the policy has no grade table; `missing_field` for blank input;
/// `out_of_range` for a number outside 0–100; `invalid_grade` (listing the valid grades)
/// for anything else.
pub fn convert_with(policy: &Policy, input: &str, field: &str, same_standard: Option<bool>) -> Result<Conversion> {
    let rules = rules(policy)?;
    let key = normalize(input);
    if key.is_empty() {
        return Err(Error::new(ErrorKind::MissingField, field));
    }
    if let Some(row) = rules.letter(&key) {
        let failing = rules.is_failing(&key);
        return Ok(Conversion {
            grade: row.letter.clone(),
            grade_point: Some(row.grade_point),
            percentage: Some(row.percentage),
            kind: GradeKind::Letter,
            passed: Some(!failing),
            clause: rules.clause.clone(),
            same_standard: None,
        });
    }
    if let Some((g, passed)) = rules.pass_fail(&key) {
        return Ok(Conversion {
            grade: g.to_owned(),
            grade_point: None,
            percentage: None,
            kind: GradeKind::PassFail,
            passed: Some(passed),
            clause: rules.pass_fail_clause().to_owned(),
            same_standard: None,
        });
    }
    if let Ok(score) = decimal::parse(&key) {
        if score < Decimal::ZERO || score > Decimal::ONE_HUNDRED {
            return Err(Error::new(
                ErrorKind::OutOfRange { value: score.to_string(), min: Some("0".into()), max: Some("100".into()) },
                field,
            ));
        }
        let different = same_standard == Some(false);
        return Ok(Conversion {
            grade: score.to_string(),
            grade_point: None,
            percentage: (!different).then_some(score),
            kind: GradeKind::Percentage,
            passed: if different { None } else { rules.percentage_pass_mark.map(|m| score >= m) },
            clause: if different { rules.clause.clone() } else { rules.same_standard_clause.clone() },
            same_standard,
        });
    }
    Err(Error::new(ErrorKind::InvalidGrade { input: input.trim().to_owned(), valid: rules.valid_list() }, field))
}

/// `convertGrade`: the conversion with its findings.
///
/// # Errors
/// As [`convert_with`].
pub fn answer(policy: &Policy, input: &str, field: &str, same_standard: Option<bool>, locale: Locale) -> Result<GradeAnswer> {
    let conversion = convert_with(policy, input, field, same_standard)?;
    let findings = grade_findings(rules(policy)?, &[(String::new(), &conversion)], locale);
    Ok(GradeAnswer { conversion, findings })
}

/// The findings a list of converted grades needs, beyond pass and fail (which each caller
/// words for itself): percentage scores used without the same-standard fact, or from a
/// partner with a different standard (XYU-12.7(1), (2)); percentages judged by a pass mark the
/// policy set, or with no pass mark at all; pass/fail grades, counted by the policy's
/// convention. Each list of courses is one finding, in this order; pass/fail grades one each.
#[must_use]
pub fn grade_findings(rules: &GradeRules, courses: &[(String, &Conversion)], locale: Locale) -> Vec<Finding> {
    let mut out = Vec::new();
    let (mut unstated, mut different, mut by_mark, mut no_mark) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (name, c) in courses {
        // convertGrade has no course name: the grade alone names it.
        let named = if name.is_empty() { c.grade.clone() } else { NAMED.fill(locale, &[("name", name), ("grade", &c.grade)]) };
        match (c.kind, c.same_standard, c.passed) {
            (GradeKind::Percentage, Some(false), _) => different.push(named),
            (GradeKind::Percentage, stated, passed) => {
                if stated.is_none() {
                    unstated.push(named.clone());
                }
                match passed {
                    Some(_) => by_mark.push(named),
                    None => no_mark.push(named),
                }
            }
            (GradeKind::PassFail, _, Some(true)) => {
                let note = rules.pass_fail_convention.as_ref().map_or("", |n| n.text(locale));
                out.push(Finding::pass("pass_fail_credits_only", &c.clause, PASS_FAIL.fill(locale, &[("course", &named), ("note", &note)]).trim_end().to_owned()));
            }
            _ => {}
        }
    }
    let join = |list: &[String]| list.join(locale.pick("、", ", "));
    if !unstated.is_empty() {
        out.push(Finding::review("same_standard_unstated", &rules.same_standard_clause, SAME_STANDARD_UNSTATED.fill(locale, &[("courses", &join(&unstated))])));
    }
    if !different.is_empty() {
        let first = rules.letters.first().map_or("", |r| r.letter.as_str());
        let last = rules.letters.last().map_or("", |r| r.letter.as_str());
        let args: [(&str, &dyn std::fmt::Display); 4] = [("courses", &join(&different)), ("clause", &rules.clause), ("first", &first), ("last", &last)];
        out.push(Finding::review("different_standard_score", &rules.clause, DIFFERENT_STANDARD.fill(locale, &args)));
    }
    if let (false, Some(mark), Some(convention)) = (by_mark.is_empty(), rules.percentage_pass_mark, &rules.pass_mark_convention) {
        let args: [(&str, &dyn std::fmt::Display); 3] = [("courses", &join(&by_mark)), ("mark", &mark.normalize()), ("note", &convention.text(locale))];
        out.push(Finding::review("percentage_pass_mark", &convention.clause, PASS_MARK.fill(locale, &args)));
    }
    if !no_mark.is_empty() {
        out.push(Finding::review("pass_mark_unset", &rules.fail_clause, PASS_MARK_UNSET.fill(locale, &[("courses", &join(&no_mark))])));
    }
    out
}

const NAMED: Text = Text { zh: "“{name}”（{grade}）", en: "\"{name}\" ({grade})" };
const SAME_STANDARD_UNSTATED: Text = Text {
    zh: "{courses}：百分制分数已按原分直接认定。办法只在“对方成绩标准与本校相同时”直接认定，而对方的成绩标准是否相同未说明：请确认；不同时由学校认定如何换算。",
    en: "{courses}: taken over unchanged as a percentage. The regulation does that only when the partner's grading standard is the same as the home school's, which was not stated: confirm it; if the standards differ, the school decides how to convert.",
};
const DIFFERENT_STANDARD: Text = Text {
    zh: "{courses}：对方成绩标准与本校不同，而换算表（{clause}）只列 {first} 至 {last} 等级，未规定百分制分数如何换算：由学校认定，在此之前本工具不计入。",
    en: "{courses}: the partner's grading standard differs from the home school's, and the conversion table ({clause}) lists only the letters {first} to {last}, no percentage scores: the school decides the conversion, and until then this tool leaves the score out.",
};
const PASS_MARK: Text = Text {
    zh: "{courses}：是否合格按百分制及格线 {mark} 分判断。{note}",
    en: "{courses}: passed or failed by the percentage pass mark of {mark}. {note}",
};
const PASS_MARK_UNSET: Text = Text {
    zh: "{courses}：政策未规定百分制及格线，是否合格、能否认定由学校决定。",
    en: "{courses}: the policy sets no pass mark for percentage scores; the school decides on passing and recognition.",
};
const PASS_FAIL: Text = Text {
    zh: "{course}为通过制成绩：计入学分，不计入绩点。{note}",
    en: "{course} is a pass/fail grade: it counts for credits, not for the GPA. {note}",
};

/// `convertGrade`'s question: one grade as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertInput {
    /// The grade, a letter, a pass/fail grade or a percentage score (`"grade": 85` too).
    pub grade: String,
    /// XYU-12.7(1): whether the partner grades on the home standard (for a percentage score).
    pub same_standard: Option<bool>,
}

impl Request for ConvertInput {
    const KEYS: &'static [&'static str] = &["policy", "grade", "sameStandard", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        Ok(Self { grade: o.text("grade")?, same_standard: o.opt_bool("sameStandard")? })
    }
}

/// A course of a transcript, as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseInput {
    /// Course name (free text; shown back as text only).
    pub name: String,
    /// Credits, ≥ 0.
    pub credits: Decimal,
    /// Grade as typed.
    pub grade: String,
    /// Whether the partner grades on the home standard (XYU-12.7(1)), for a percentage score;
    /// `None`: not stated.
    pub same_standard: Option<bool>,
}

impl CourseInput {
    /// One course; `partner` is the request's `sameStandard`, which the course's own overrides.
    fn read(at: At<'_, '_>, partner: Option<bool>) -> Result<Self> {
        let o = at.obj(&["name", "credits", "grade", "sameStandard"])?;
        Ok(Self {
            name: o.opt_str("name")?.unwrap_or_default(),
            credits: o.dec("credits")?,
            grade: o.text("grade")?,
            same_standard: o.opt_bool("sameStandard")?.or(partner),
        })
    }
}

/// `computeGpa`'s question: a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GpaInput {
    /// The courses, in the order they are listed.
    pub courses: Vec<CourseInput>,
}

impl Request for GpaInput {
    const KEYS: &'static [&'static str] = &["policy", "courses", "sameStandard", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        // XYU-12.7(1) for every course (one exchange, one partner).
        let partner = o.opt_bool("sameStandard")?;
        Ok(Self { courses: o.need_list("courses", |c| CourseInput::read(c, partner))? })
    }
}

/// One course of a GPA result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseResult {
    /// Course name as entered.
    pub name: String,
    /// Credits.
    pub credits: Decimal,
    /// The conversion.
    #[serde(flatten)]
    pub conversion: Conversion,
    /// Whether the course weighs in the GPA (has a grade point and credits > 0).
    pub in_gpa: bool,
}

/// A credit-weighted GPA and average. Rounded values (half-up, two places, for display)
/// and exact values are both given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GpaResult {
    /// GPA rounded half-up to two places; `None` when no course has a grade point and credits.
    pub gpa: Option<String>,
    /// GPA unrounded.
    pub gpa_exact: Option<String>,
    /// Average percentage rounded half-up to two places.
    pub average_percentage: Option<String>,
    /// Average percentage unrounded.
    pub average_percentage_exact: Option<String>,
    /// Credits that weigh in the GPA.
    pub gpa_credits: Decimal,
    /// Credits that weigh in the average percentage.
    pub percentage_credits: Decimal,
    /// All credits entered.
    pub total_credits: Decimal,
    /// Credits of passed courses (pass/fail passes included).
    pub earned_credits: Decimal,
    /// Each course, in input order.
    pub courses: Vec<CourseResult>,
    /// Failed courses (XYU-12.8), then the notes of [`grade_findings`].
    pub findings: Vec<Finding>,
}

fn mean(sum: Decimal, weight: Decimal) -> Option<Decimal> {
    if weight.is_zero() {
        None
    } else {
        sum.checked_div(weight)
    }
}

/// The running sums behind a GPA: [`compute_gpa`] folds a transcript through one, and the
/// batch conversion (the `exchange-calc-batch` crate) keeps one per student, so both give identical results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GpaSums {
    /// Σ credits × grade point.
    pub grade_points: Decimal,
    /// Σ credits of courses with a grade point.
    pub gpa_credits: Decimal,
    /// Σ credits × percentage.
    pub percentages: Decimal,
    /// Σ credits of courses with a percentage.
    pub percentage_credits: Decimal,
    /// All credits.
    pub total_credits: Decimal,
    /// Credits of passed courses.
    pub earned_credits: Decimal,
}

impl GpaSums {
    /// Adds one converted course of `credits` (≥ 0, checked by the caller). All or nothing:
    /// on overflow the sums are left as they were.
    ///
    /// # Errors
    /// `overflow` at `field` if a sum would leave the decimal range.
    pub fn add(&mut self, credits: Decimal, conv: &Conversion, field: &str) -> Result<()> {
        let mut next = *self;
        next.total_credits = decimal::add_exact(next.total_credits, credits, field)?;
        if conv.passed == Some(true) {
            next.earned_credits = decimal::add_exact(next.earned_credits, credits, field)?;
        }
        if let Some(gp) = conv.grade_point {
            next.grade_points = decimal::add_exact(next.grade_points, decimal::mul_exact(credits, gp, field)?, field)?;
            next.gpa_credits = decimal::add_exact(next.gpa_credits, credits, field)?;
        }
        if let Some(pct) = conv.percentage {
            next.percentages = decimal::add_exact(next.percentages, decimal::mul_exact(credits, pct, field)?, field)?;
            next.percentage_credits = decimal::add_exact(next.percentage_credits, credits, field)?;
        }
        *self = next;
        Ok(())
    }

    /// The exact GPA; `None` when no course weighs.
    #[must_use]
    pub fn gpa(&self) -> Option<Decimal> {
        mean(self.grade_points, self.gpa_credits)
    }

    /// The exact average percentage; `None` when no course weighs.
    #[must_use]
    pub fn average_percentage(&self) -> Option<Decimal> {
        mean(self.percentages, self.percentage_credits)
    }
}

/// A course's name in messages; a blank one is its place in the list (`#1` for the first),
/// in computeGpa and checkCredits alike.
pub(crate) fn display_name(name: &str, i: usize) -> String {
    if name.trim().is_empty() {
        format!("#{}", i + 1)
    } else {
        name.to_owned()
    }
}

/// Computes GPA = Σ(credits × grade point) / Σ credits over the courses that have a grade
/// point, and the average percentage likewise over the courses that have a percentage.
///
/// # Errors
/// The first unreadable course, with its path (`courses[2].grade`); `out_of_range` for
/// negative credits; `overflow` if the sums leave the decimal range.
pub fn compute_gpa(policy: &Policy, courses: &[CourseInput], locale: Locale) -> Result<GpaResult> {
    let grade_rules = rules(policy)?;
    let fail_clause = grade_rules.fail_clause.clone();
    let mut out = Vec::with_capacity(courses.len());
    let mut names = Vec::with_capacity(courses.len());
    let mut sums = GpaSums::default();
    let mut findings = Vec::new();
    for (i, c) in courses.iter().enumerate() {
        let at = format!("courses[{i}]");
        let credits_field = format!("{at}.credits");
        if c.credits < Decimal::ZERO {
            return Err(Error::new(
                ErrorKind::OutOfRange { value: c.credits.to_string(), min: Some("0".into()), max: None },
                credits_field,
            ));
        }
        let conv = convert_with(policy, &c.grade, &format!("{at}.grade"), c.same_standard)?;
        sums.add(c.credits, &conv, &credits_field)?;
        let in_gpa = conv.grade_point.is_some() && !c.credits.is_zero();
        let name = display_name(&c.name, i);
        if conv.passed == Some(false) {
            findings.push(Finding::fail(
                "course_failed",
                &fail_clause,
                locale.pick(
                    format!("“{name}”（{}）未合格：返校后须补修，可随下届同学修读，或在时间允许时申请参加同届考试（外语、体育、政治类公共课优先）。", conv.grade),
                    format!("\"{name}\" ({}) failed: retake it after return, with the next cohort or, time permitting, by sitting the current cohort's exam (preferred for language, PE and politics courses).", conv.grade),
                ),
            ));
        }
        out.push(CourseResult { name: c.name.clone(), credits: c.credits, conversion: conv, in_gpa });
        names.push(name);
    }
    let listed: Vec<(String, &Conversion)> = names.into_iter().zip(out.iter().map(|c| &c.conversion)).collect();
    findings.extend(grade_findings(grade_rules, &listed, locale));
    let gpa = sums.gpa();
    let avg = sums.average_percentage();
    Ok(GpaResult {
        gpa: gpa.map(decimal::fixed2),
        gpa_exact: gpa.map(decimal::exact),
        average_percentage: avg.map(decimal::fixed2),
        average_percentage_exact: avg.map(decimal::exact),
        gpa_credits: sums.gpa_credits,
        percentage_credits: sums.percentage_credits,
        total_credits: sums.total_credits,
        earned_credits: sums.earned_credits,
        courses: out,
        findings,
    })
}
