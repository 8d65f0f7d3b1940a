//! `checkCredits` (XYU-11, XYU-12.2–12.9).

use super::{check_locale, load_policy, parse, run, text, with_policy, TextResult};
use crate::credit::{self, Category, CreditCourse, CreditRequest};
use crate::decimal;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Course {
    #[serde(default)]
    name: String,
    #[serde(default, deserialize_with = "decimal::opt")]
    hours: Option<Decimal>,
    #[serde(default, deserialize_with = "decimal::opt")]
    credits: Option<Decimal>,
    #[serde(default)]
    system: Option<String>,
    #[serde(deserialize_with = "text")]
    grade: String,
    #[serde(default)]
    core: bool,
    #[serde(default)]
    short_program: bool,
    #[serde(default)]
    category: Option<Category>,
    /// XYU-12.7(1) for this course; overrides the request's.
    #[serde(default)]
    same_standard: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CreditsRequest {
    policy: Value,
    #[serde(deserialize_with = "decimal::req")]
    semesters: Decimal,
    #[serde(deserialize_with = "decimal::req")]
    home_plan_credits: Decimal,
    courses: Vec<Course>,
    /// XYU-12.7(1) for every course (one exchange, one partner).
    #[serde(default)]
    same_standard: Option<bool>,
    #[serde(default)]
    locale: Option<String>,
}

/// `checkCredits({ policy, semesters, homePlanCredits, courses: [{ name, hours?, credits?,
/// system?, grade, core?, shortProgram?, category?, sameStandard? }], sameStandard? })` →
/// `{ equivalentCredits: { min, max, minExact, maxExact }, recognizedCredits,
/// recognizedCreditsExact, courseCredits, equivalence, corePassed, coreTaken, coreRequired,
/// allCreditsRecognized, retake, findings, courses, policy }`.
///
/// # Errors
/// As [`credit::check_credits`]; unknown keys and a `category` outside `publicRequired`,
/// `majorRequired`, `majorElective`, `generalElective` are rejected at their path.
pub fn check_credits(input: Value) -> TextResult {
    run(input, |input, locale| {
        let req: CreditsRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let p = load_policy(&req.policy, locale)?;
        let partner = req.same_standard;
        let courses = req
            .courses
            .into_iter()
            .map(|c| CreditCourse {
                name: c.name,
                hours: c.hours,
                credits: c.credits,
                // A blank system from an empty form field means home credits.
                system: c.system.filter(|s| !s.trim().is_empty()),
                grade: c.grade,
                core: c.core,
                short_program: c.short_program,
                category: c.category,
                same_standard: c.same_standard.or(partner),
            })
            .collect();
        let r = credit::check_credits(
            &p,
            &CreditRequest { semesters: req.semesters, home_plan_credits: req.home_plan_credits, courses },
            locale,
        )?;
        with_policy(&r, Some(&p))
    })
}
