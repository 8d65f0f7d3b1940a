//! `estimateFunding` (LX-5).

use super::{given, Export};
use crate::error::Error;
use crate::funding::{self, FundingInput, FundingResult};
use crate::locale::Locale;
use crate::policy::Policy;

impl Export for FundingInput {
    type Output<'p> = FundingResult;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<FundingResult, Error> {
        funding::estimate(given(policy)?, &self, locale)
    }
}
