//! `checkCredits` (XYU-11, XYU-12.2–12.9).

use super::{call, given, Export, Full, TextResult};
use crate::credit::{self, CreditRequest, CreditResult};
use crate::error::Error;
use crate::locale::Locale;
use crate::policy::Policy;
use serde_json::Value;

impl Export for CreditRequest {
    type Output<'p> = CreditResult;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<CreditResult, Error> {
        credit::check_credits(given(policy)?, &self, locale)
    }
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
    call::<CreditRequest, Full>(&input)
}
