//! `allocateQuota` (LX-4.2.1). No policy: the method is the caller's choice.

use super::Export;
use crate::error::Error;
use crate::locale::Locale;
use crate::policy::Policy;
use crate::quota::{self, Quota, QuotaInput};

impl Export for QuotaInput {
    const POLICY: bool = false;
    type Output<'p> = Vec<Quota>;
    fn run(self, _: Option<&Policy>, _: Locale) -> Result<Vec<Quota>, Error> {
        quota::allocate(&self)
    }
}
