//! Grade conversion (XYU-12.7) and credit-weighted GPA.
//!
//! XYU-12.7(1): when the partner grades like the home school (percentage scores), the
//! score is taken over unchanged. XYU-12.7(2): otherwise a letter converts through the
//! policy's table to a four-point grade point and a percentage. A failed course must be
//! retaken (XYU-12.8). Pass/fail grades count for credits, never for the GPA.

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Problem, Result};
use crate::finding::Finding;
use crate::locale::Locale;
use crate::policy::{check_range, problem, Policy};
use serde::{Deserialize, Serialize};

/// One row of the conversion table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LetterGrade {
    /// The letter as the table writes it, e.g. `B+`.
    pub letter: String,
    /// Four-point grade point.
    #[serde(deserialize_with = "decimal::req")]
    pub grade_point: Decimal,
    /// Converted percentage score.
    #[serde(deserialize_with = "decimal::req")]
    pub percentage: Decimal,
}

/// The `grades` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GradeRules {
    /// Clause of the conversion table, e.g. `XYU-12.7(2)`.
    pub clause: String,
    /// Clause for same-standard pass-through, e.g. `XYU-12.7(1)`.
    pub same_standard_clause: String,
    /// Clause that says what happens to a failed course, e.g. `XYU-12.8`.
    pub fail_clause: String,
    /// The table.
    pub letters: Vec<LetterGrade>,
    /// Letters that are failing grades.
    #[serde(default)]
    pub failing: Vec<String>,
    /// Pass/fail grades that pass (count for credits only).
    #[serde(default)]
    pub pass: Vec<String>,
    /// Pass/fail grades that fail.
    #[serde(default)]
    pub fail: Vec<String>,
    /// Percentage below which a passed-through score fails. XYU-12.7(2) itself puts the
    /// lowest passing letter (D-) at 60 and F at 55, which is where the preset takes 60 from.
    #[serde(default, deserialize_with = "decimal::opt")]
    pub percentage_pass_mark: Option<Decimal>,
}

impl GradeRules {
    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, problems: &mut Vec<Problem>, locale: Locale) {
        if self.letters.is_empty() {
            problem(problems, &format!("{path}.letters"), locale, "不能为空", "must not be empty");
        }
        for (i, row) in self.letters.iter().enumerate() {
            let at = format!("{path}.letters[{i}]");
            let key = normalize(&row.letter);
            if key.is_empty() {
                problem(problems, &format!("{at}.letter"), locale, "不能为空", "must not be empty");
            } else if self.letters.iter().take(i).any(|r| normalize(&r.letter) == key) {
                problem(problems, &format!("{at}.letter"), locale, "与前面的等级重复", "repeats an earlier letter");
            }
            check_range(problems, &format!("{at}.gradePoint"), Some(row.grade_point), Some(Decimal::ZERO), Some(Decimal::from(5)), locale);
            check_range(problems, &format!("{at}.percentage"), Some(row.percentage), Some(Decimal::ZERO), Some(Decimal::ONE_HUNDRED), locale);
        }
        for (i, f) in self.failing.iter().enumerate() {
            if !self.letters.iter().any(|r| normalize(&r.letter) == normalize(f)) {
                problem(problems, &format!("{path}.failing[{i}]"), locale, "不在等级表中", "is not a letter of the table");
            }
        }
        check_range(problems, &format!("{path}.percentagePassMark"), self.percentage_pass_mark, Some(Decimal::ZERO), Some(Decimal::ONE_HUNDRED), locale);
    }

    /// The valid grades, for error messages.
    fn valid_list(&self) -> Vec<String> {
        self.letters.iter().map(|r| r.letter.clone()).chain(self.pass.iter().cloned()).chain(self.fail.iter().cloned()).collect()
    }
}

/// Folds what people type to the table's spelling: trims, removes inner spaces, folds
/// full-width IME forms (`Ａ－`, `ｂ＋`), the Unicode minus and dashes, and upper-cases
/// ASCII letters (grades are Latin letters; Unicode case tables would add ~25 KB of wasm for
/// nothing a grade table spells). Shift+"-" in a Chinese IME types the Chinese dash "——",
/// two em dashes (or horizontal bars) for one key press: a run of them is one minus, so
/// "A——" is A-. ASCII "A--" stays an error, as "A++" does.
#[must_use]
pub fn normalize(input: &str) -> String {
    let mut prev = '\0';
    let mut s: String = input
        .chars()
        .filter(|&c| {
            let repeat = c == prev && matches!(c, '\u{2014}' | '\u{2015}');
            prev = c;
            !repeat
        })
        // The two- and three-em dashes are one dash too (grades only: not a minus for numbers).
        .map(|c| if matches!(c, '\u{2E3A}' | '\u{2E3B}') { '-' } else { decimal::fold_char(c) })
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '\u{FE62}' { '+' } else { c }) // small plus sign
        .collect();
    s.make_ascii_uppercase();
    s
}

/// Whether the table's spelling `spelled` normalizes to `key` (already normalized). The
/// presets spell every grade in plain ASCII, where normalizing is just upper-casing: compared
/// in place, so a conversion does not allocate once per table row (it was most of the cost
/// of `convertGrade`).
fn same_grade(spelled: &str, key: &str) -> bool {
    if spelled.bytes().all(|b| b.is_ascii_graphic()) {
        spelled.len() == key.len() && spelled.bytes().zip(key.bytes()).all(|(a, b)| a.to_ascii_uppercase() == b)
    } else {
        normalize(spelled) == key
    }
}

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
}

fn rules(policy: &Policy) -> Result<&GradeRules> {
    policy.grades.as_ref().ok_or_else(|| {
        Error::new(ErrorKind::NotInPolicy { zh: "成绩换算（XYU-12.7）".to_owned(), en: "grade conversion (XYU-12.7)".to_owned() }, "policy")
    })
}

/// Converts one grade as typed: a letter of the table, a pass/fail grade, or a
/// percentage score 0–100 (same standard, taken over unchanged). `field` is its input path.
///
/// # Errors
/// `not_in_policy` if the policy has no grade table; `missing_field` for blank input;
/// `out_of_range` for a number outside 0–100; `invalid_grade` (listing the valid grades)
/// for anything else.
pub fn convert(policy: &Policy, input: &str, field: &str) -> Result<Conversion> {
    let rules = rules(policy)?;
    let key = normalize(input);
    if key.is_empty() {
        return Err(Error::new(ErrorKind::MissingField, field));
    }
    if let Some(row) = rules.letters.iter().find(|r| same_grade(&r.letter, &key)) {
        let failing = rules.failing.iter().any(|f| same_grade(f, &key));
        return Ok(Conversion {
            grade: row.letter.clone(),
            grade_point: Some(row.grade_point),
            percentage: Some(row.percentage),
            kind: GradeKind::Letter,
            passed: Some(!failing),
            clause: rules.clause.clone(),
        });
    }
    for (list, passed) in [(&rules.pass, true), (&rules.fail, false)] {
        if let Some(g) = list.iter().find(|g| same_grade(g, &key)) {
            return Ok(Conversion {
                grade: g.clone(),
                grade_point: None,
                percentage: None,
                kind: GradeKind::PassFail,
                passed: Some(passed),
                clause: rules.clause.clone(),
            });
        }
    }
    if let Ok(score) = decimal::parse(&key) {
        if score < Decimal::ZERO || score > Decimal::ONE_HUNDRED {
            return Err(Error::new(
                ErrorKind::OutOfRange { value: score.to_string(), min: Some("0".into()), max: Some("100".into()) },
                field,
            ));
        }
        return Ok(Conversion {
            grade: score.to_string(),
            grade_point: None,
            percentage: Some(score),
            kind: GradeKind::Percentage,
            passed: rules.percentage_pass_mark.map(|m| score >= m),
            clause: rules.same_standard_clause.clone(),
        });
    }
    Err(Error::new(ErrorKind::InvalidGrade { input: input.trim().to_owned(), valid: rules.valid_list() }, field))
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
    /// Failed courses (XYU-12.8) and notes on pass/fail and zero-credit courses.
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

/// Computes GPA = Σ(credits × grade point) / Σ credits over the courses that have a grade
/// point, and the average percentage likewise over the courses that have a percentage.
///
/// # Errors
/// The first unreadable course, with its path (`courses[2].grade`); `out_of_range` for
/// negative credits; `overflow` if the sums leave the decimal range.
pub fn compute_gpa(policy: &Policy, courses: &[CourseInput], locale: Locale) -> Result<GpaResult> {
    let fail_clause = rules(policy)?.fail_clause.clone();
    let mut out = Vec::with_capacity(courses.len());
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
        let conv = convert(policy, &c.grade, &format!("{at}.grade"))?;
        sums.add(c.credits, &conv, &credits_field)?;
        let in_gpa = conv.grade_point.is_some() && !c.credits.is_zero();
        let name = if c.name.trim().is_empty() { format!("#{}", i + 1) } else { c.name.clone() };
        match conv.passed {
            Some(false) => findings.push(Finding::fail(
                "course_failed",
                &fail_clause,
                locale.pick(
                    format!("“{name}”（{}）未合格：返校后须补修，可随下届同学修读，或在时间允许时申请参加同届考试（外语、体育、政治类公共课优先）。", conv.grade),
                    format!("\"{name}\" ({}) failed: retake it after return, with the next cohort or, time permitting, by sitting the current cohort's exam (preferred for language, PE and politics courses).", conv.grade),
                ),
            )),
            None => findings.push(Finding::review(
                "pass_mark_unset",
                &conv.clause,
                locale.pick(
                    format!("“{name}”（{}）：政策未规定百分制及格线，是否合格由学校认定。", conv.grade),
                    format!("\"{name}\" ({}): the policy sets no pass mark for percentage scores; the school decides whether it passed.", conv.grade),
                ),
            )),
            Some(true) => {}
        }
        if conv.kind == GradeKind::PassFail && conv.passed == Some(true) {
            findings.push(Finding::pass(
                "pass_fail_credits_only",
                &conv.clause,
                locale.pick(
                    format!("“{name}”（{}）为通过制成绩：计入学分，不计入绩点。", conv.grade),
                    format!("\"{name}\" ({}) is a pass/fail grade: it counts for credits, not for the GPA.", conv.grade),
                ),
            ));
        }
        out.push(CourseResult { name: c.name.clone(), credits: c.credits, conversion: conv, in_gpa });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_grade_agrees_with_normalize() {
        let spellings = ["A+", "a-", "Pass", "B +", "Ａ－", "C−", "", "NP", "ｐ"];
        let inputs = ["A+", "a-", "PASS", "B+", "A-", "C-", "", "np", "P", "b"];
        for s in spellings {
            for i in inputs {
                let key = normalize(i);
                assert_eq!(same_grade(s, &key), normalize(s) == key, "{s:?} vs {i:?}");
            }
        }
    }
}
