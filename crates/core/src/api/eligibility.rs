//! `checkEligibility`.

use super::{call, given, Export, Full, TextResult};
use crate::eligibility::{self, Eligibility, EligibilityInput};
use crate::error::Error;
use crate::locale::Locale;
use crate::policy::Policy;
use serde_json::Value;

impl Export for EligibilityInput {
    type Output<'p> = Eligibility;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Eligibility, Error> {
        eligibility::check_eligibility(given(policy)?, &self.track, &self.applicant, locale)
    }
}

/// `checkEligibility({ policy, track, applicant, locale? })` →
/// `{ status, track, clause, programme, fundable, priority, findings, fundingFindings,
/// conditions, policy }`. A missing `applicant` is an applicant who stated nothing.
///
/// # Errors
/// `unknown_value` at `track` (listing the policy's tracks); `invalid_type`,
/// `invalid_number`, `out_of_range`, `invalid_step`, `unknown_field` at `applicant.<field>`;
/// policy errors at `policy`.
pub fn check_eligibility(input: Value) -> TextResult {
    call::<EligibilityInput, Full>(&input)
}
