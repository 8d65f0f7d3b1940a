//! What `checkCredits` answers: the totals, each course, the courses to retake, the findings.

use super::{Category, RecognizedAs};
use crate::decimal::{self, Decimal};
use crate::finding::Finding;
use crate::grade::Conversion;
use serde::Serialize;

/// A credit value or range: display strings rounded half-up to two places, and exact ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditRange {
    /// Lower end, rounded half-up to two places.
    pub min: String,
    /// Upper end, rounded half-up to two places.
    pub max: String,
    /// Lower end, exact.
    pub min_exact: String,
    /// Upper end, exact.
    pub max_exact: String,
}

impl CreditRange {
    pub(super) fn new(min: Decimal, max: Decimal) -> Self {
        // Display rounding: half-up to two places (decimal::fixed2).
        Self { min: decimal::fixed2(min), max: decimal::fixed2(max), min_exact: decimal::exact(min), max_exact: decimal::exact(max) }
    }
}

/// One course of a credit result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseCredit {
    /// Name as entered.
    pub name: String,
    /// Class hours as entered.
    pub hours: Option<Decimal>,
    /// Foreign credits as entered.
    pub credits: Option<Decimal>,
    /// The credit system used for `credits` (`home` by default); `None` when hours are used.
    pub system: Option<String>,
    /// `hours` or `credits`: which one the value comes from.
    pub basis: &'static str,
    /// Worth in home credits: H/18 … H/16 for hours, credits × factor otherwise.
    pub equivalent: CreditRange,
    /// The grade conversion (XYU-12.7).
    pub conversion: Conversion,
    /// Passed, failed, or `None` when the policy cannot judge the grade.
    pub passed: Option<bool>,
    /// Core course (XYU-12.4).
    pub core: bool,
    /// Short program (XYU-12.3).
    pub short_program: bool,
    /// Home attribute as entered.
    pub category: Option<Category>,
    /// What the course is recognized as; `None` if it is not recognized.
    pub recognized_as: Option<RecognizedAs>,
    /// Recognized credits after the short-program cap, rounded half-up to two places;
    /// `None` if not recognized or not computable.
    pub recognized: Option<String>,
    /// Recognized credits, exact.
    pub recognized_exact: Option<String>,
}

/// One route to retake a failed course (XYU-12.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetakeRoute {
    /// `next_cohort` or `current_cohort_exam`.
    pub code: &'static str,
    /// The route in the caller's language.
    pub message: String,
}

/// A failed course to retake (XYU-12.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Retake {
    /// Course name as entered (or `#n`).
    pub name: String,
    /// The grade as recognized.
    pub grade: String,
    /// Clause id, e.g. `XYU-12.8`.
    pub clause: String,
    /// Both routes.
    pub routes: Vec<RetakeRoute>,
}

/// The answer of [`check_credits`](super::check_credits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditResult {
    /// Workload of every course entered, in home credits (XYU-12.2).
    pub equivalent_credits: CreditRange,
    /// Credits recognized, rounded half-up to two places: when XYU-12.4 recognizes the whole
    /// plan, `homePlanCredits` (or `courseCredits` if larger); else `courseCredits`.
    pub recognized_credits: String,
    /// Credits recognized, exact.
    pub recognized_credits_exact: String,
    /// Course-by-course recognized credits (passed courses, short programs capped).
    pub course_credits: String,
    /// Course-by-course recognized credits, exact.
    pub course_credits_exact: String,
    /// Home-plan credits as entered.
    pub home_plan_credits: Decimal,
    /// Home-plan credits not recognized (plan − recognized, 0 when the plan is met), rounded
    /// half-up to two places: what the page shows as "still short".
    pub shortfall: String,
    /// The same, exact.
    pub shortfall_exact: String,
    /// recognized / home plan, rounded half-up to two places.
    pub equivalence: String,
    /// recognized / home plan, exact.
    pub equivalence_exact: String,
    /// Passed core courses (XYU-12.4), short programmes not counted (XYU-12.3).
    pub core_passed: u32,
    /// Core courses taken, passed or not, short programmes not counted: the regulation's own
    /// count ("所修课程达到…核心课程3门").
    pub core_taken: u32,
    /// Core courses needed for this length (XYU-12.4).
    pub core_required: u32,
    /// Whether XYU-12.4 recognizes all credits of the period's plan.
    pub all_credits_recognized: bool,
    /// Failed courses to retake (XYU-12.8).
    pub retake: Vec<Retake>,
    /// Every rule checked.
    pub findings: Vec<Finding>,
    /// Each course, in input order.
    pub courses: Vec<CourseCredit>,
}
