//! `policies`, `describePolicy`, `convertGrade`, `computeGpa`, `homeGpa`.

use super::{call, given, Export, Full, TextResult};
use crate::algorithms::{self, Comparison, HomeGpaInput};
use crate::error::Error;
use crate::grade::{self, ConvertInput, GpaInput, GpaResult, GradeAnswer};
use crate::locale::Locale;
use crate::policy::{self, Policy};
use crate::read::{Obj, Request};
use serde_json::Value;

/// `policies()` → `[{ id, title, titleEn, year, hash }]`, as JSON text (written at build time).
#[must_use]
pub fn policies() -> String {
    policy::LIST_JSON.to_owned()
}

/// `describePolicy({ policy })`: the request.
pub struct Describe;

impl Request for Describe {
    const KEYS: &'static [&'static str] = &["policy", "locale"];
    fn read(_: &Obj<'_>) -> Result<Self, Error> {
        Ok(Self)
    }
}

impl Export for Describe {
    type Output<'p> = &'p Policy;
    fn run(self, policy: Option<&Policy>, _: Locale) -> Result<&Policy, Error> {
        given(policy)
    }
}

/// `describePolicy({ policy })` → the resolved policy (every parameter, clause texts, hash).
///
/// # Errors
/// As the policy loading.
pub fn describe_policy(input: Value) -> TextResult {
    call::<Describe, Full>(&input)
}

impl Export for ConvertInput {
    type Output<'p> = GradeAnswer;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<GradeAnswer, Error> {
        grade::answer(given(policy)?, &self.grade, "grade", self.same_standard, locale)
    }
}

/// `convertGrade({ policy, grade, sameStandard? })` → `{ grade, gradePoint, percentage, clause,
/// kind, passed, sameStandard, findings, policy }`.
///
/// # Errors
/// `invalid_grade` (listing valid grades) at `grade`, policy errors at `policy`.
pub fn convert_grade(input: Value) -> TextResult {
    call::<ConvertInput, Full>(&input)
}

impl Export for GpaInput {
    type Output<'p> = GpaResult;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<GpaResult, Error> {
        grade::compute_gpa(given(policy)?, &self.courses, locale)
    }
}

/// `computeGpa({ policy, courses: [{ name, credits, grade, sameStandard? }], sameStandard? })`.
///
/// # Errors
/// The first unreadable course with its path (`courses[2].grade`).
pub fn compute_gpa(input: Value) -> TextResult {
    call::<GpaInput, Full>(&input)
}

impl Export for HomeGpaInput {
    const POLICY: bool = false;
    type Output<'p> = Comparison;
    fn run(self, _: Option<&Policy>, _: Locale) -> Result<Comparison, Error> {
        algorithms::compare(&self.courses)
    }
}

/// `homeGpa({ courses: [{ name, credits, score }] })`: every common Chinese algorithm side
/// by side for home percentage scores (not from a regulation).
///
/// # Errors
/// `out_of_range` for scores outside 0–100 or negative credits.
pub fn home_gpa(input: Value) -> TextResult {
    call::<HomeGpaInput, Full>(&input)
}
