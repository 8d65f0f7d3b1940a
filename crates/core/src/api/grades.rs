//! `describePolicy`, `convertGrade`, `computeGpa`, `homeGpa` (`policies` is the presets' list, [`super::policies`]).

use super::{given, Export};
use crate::algorithms::{self, Comparison, HomeGpaInput};
use crate::error::Error;
use crate::grade::{self, ConvertInput, GpaInput, GpaResult, GradeAnswer};
use crate::locale::Locale;
use crate::policy::Policy;
use crate::read::{Obj, Request};

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

impl Export for ConvertInput {
    type Output<'p> = GradeAnswer;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<GradeAnswer, Error> {
        grade::answer(given(policy)?, &self.grade, "grade", self.same_standard, locale)
    }
}

impl Export for GpaInput {
    type Output<'p> = GpaResult;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<GpaResult, Error> {
        grade::compute_gpa(given(policy)?, &self.courses, locale)
    }
}

impl Export for HomeGpaInput {
    const POLICY: bool = false;
    type Output<'p> = Comparison;
    fn run(self, _: Option<&Policy>, _: Locale) -> Result<Comparison, Error> {
        algorithms::compare(&self.courses)
    }
}
