//! `checkCredits` (XYU-11, XYU-12.2–12.9).

use super::{given, Export};
use crate::credit::{self, CreditRequest, CreditResult};
use crate::error::Error;
use crate::locale::Locale;
use crate::policy::Policy;

impl Export for CreditRequest {
    type Output<'p> = CreditResult;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<CreditResult, Error> {
        credit::check_credits(given(policy)?, &self, locale)
    }
}
