//! `checkEligibility`.

use super::{given, Export};
use crate::eligibility::{self, Eligibility, EligibilityInput};
use crate::error::Error;
use crate::locale::Locale;
use crate::policy::Policy;

impl Export for EligibilityInput {
    type Output<'p> = Eligibility;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Eligibility, Error> {
        eligibility::check_eligibility(given(policy)?, &self.track, &self.applicant, locale)
    }
}
