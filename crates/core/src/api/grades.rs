//! `policies`, `describePolicy`, `convertGrade`, `computeGpa`, `homeGpa`.

use super::{check_locale, load_policy, parse, run, text, with_policy, TextResult};
use crate::algorithms::{self, ScoredCourse};
use crate::decimal;
use crate::grade::{self, CourseInput};
use crate::policy;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;

/// `policies()` → `[{ id, title, titleEn, year, hash }]`, as JSON text.
#[must_use]
pub fn policies() -> String {
    serde_json::to_string(&policy::list()).unwrap_or_else(|_| "[]".to_owned())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DescribeRequest {
    policy: Value,
    #[serde(default)]
    locale: Option<String>,
}

/// `describePolicy({ policy })` → the resolved policy (every parameter, clause texts, hash).
///
/// # Errors
/// As the policy loading.
pub fn describe_policy(input: Value) -> TextResult {
    run(input, |input, locale| {
        let req: DescribeRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let p = load_policy(&req.policy, locale)?;
        with_policy(&*p, None)
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConvertRequest {
    policy: Value,
    #[serde(deserialize_with = "text")]
    grade: String,
    /// XYU-12.7(1): the partner grades on the home standard (for a percentage score).
    #[serde(default)]
    same_standard: Option<bool>,
    #[serde(default)]
    locale: Option<String>,
}

/// `convertGrade({ policy, grade, sameStandard? })` → `{ grade, gradePoint, percentage, clause,
/// kind, passed, sameStandard, findings, policy }`.
///
/// # Errors
/// `invalid_grade` (listing valid grades) at `grade`, policy errors at `policy`.
pub fn convert_grade(input: Value) -> TextResult {
    run(input, |input, locale| {
        let req: ConvertRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let p = load_policy(&req.policy, locale)?;
        let c = grade::answer(&p, &req.grade, "grade", req.same_standard, locale)?;
        with_policy(&c, Some(&p))
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Course {
    #[serde(default)]
    name: String,
    #[serde(deserialize_with = "decimal::req")]
    credits: Decimal,
    #[serde(deserialize_with = "text")]
    grade: String,
    /// XYU-12.7(1) for this course; overrides the request's.
    #[serde(default)]
    same_standard: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GpaRequest {
    policy: Value,
    courses: Vec<Course>,
    /// XYU-12.7(1) for every course (one exchange, one partner).
    #[serde(default)]
    same_standard: Option<bool>,
    #[serde(default)]
    locale: Option<String>,
}

/// `computeGpa({ policy, courses: [{ name, credits, grade, sameStandard? }], sameStandard? })`.
///
/// # Errors
/// The first unreadable course with its path (`courses[2].grade`).
pub fn compute_gpa(input: Value) -> TextResult {
    run(input, |input, locale| {
        let req: GpaRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let p = load_policy(&req.policy, locale)?;
        let partner = req.same_standard;
        let courses: Vec<CourseInput> = req
            .courses
            .into_iter()
            .map(|c| CourseInput { name: c.name, credits: c.credits, grade: c.grade, same_standard: c.same_standard.or(partner) })
            .collect();
        let r = grade::compute_gpa(&p, &courses, locale)?;
        with_policy(&r, Some(&p))
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoredCourseInput {
    #[serde(default)]
    name: String,
    #[serde(deserialize_with = "decimal::req")]
    credits: Decimal,
    #[serde(deserialize_with = "decimal::req")]
    score: Decimal,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HomeGpaRequest {
    courses: Vec<ScoredCourseInput>,
    #[serde(default)]
    locale: Option<String>,
}

/// `homeGpa({ courses: [{ name, credits, score }] })`: every common Chinese algorithm side
/// by side for home percentage scores (not from a regulation).
///
/// # Errors
/// `out_of_range` for scores outside 0–100 or negative credits.
pub fn home_gpa(input: Value) -> TextResult {
    run(input, |input, _| {
        let req: HomeGpaRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let courses: Vec<ScoredCourse> =
            req.courses.into_iter().map(|c| ScoredCourse { name: c.name, credits: c.credits, score: c.score }).collect();
        with_policy(&algorithms::compare(&courses)?, None)
    })
}
