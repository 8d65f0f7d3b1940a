//! `estimateFunding` (LX-5).

use super::{call, given, Export, Full, TextResult};
use crate::error::Error;
use crate::funding::{self, FundingInput, FundingResult};
use crate::locale::Locale;
use crate::policy::Policy;
use serde_json::Value;

impl Export for FundingInput {
    type Output<'p> = FundingResult;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<FundingResult, Error> {
        funding::estimate(given(policy)?, &self, locale)
    }
}

/// `estimateFunding({ policy, costs: [{ item, amount, currency? }], rates?, economyFare?,
/// economyFareCurrency?, priorLixingFunding?, otherFunding?, locale? })` →
/// `{ total, school, college, student, fundable, lines: [{ cost, item, amount, payer, clause,
/// part, note, original }], findings, checklist, conditions, policy }`.
///
/// # Errors
/// `unknown_value` at `costs[i].item` (listing the items); the errors of
/// [`funding::estimate`]; request and policy errors.
pub fn estimate_funding(input: Value) -> TextResult {
    call::<FundingInput, Full>(&input)
}
