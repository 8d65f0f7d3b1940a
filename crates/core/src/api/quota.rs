//! `allocateQuota` (LX-4.2.1). No policy: the method is the caller's choice.

use super::{call, Export, Full, TextResult};
use crate::error::Error;
use crate::locale::Locale;
use crate::policy::Policy;
use crate::quota::{self, Quota, QuotaInput};
use serde_json::Value;

impl Export for QuotaInput {
    const POLICY: bool = false;
    type Output<'p> = Vec<Quota>;
    fn run(self, _: Option<&Policy>, _: Locale) -> Result<Vec<Quota>, Error> {
        quota::allocate(&self)
    }
}

/// `allocateQuota({ total, colleges: [{ name, students }], method?, minimum?, locale? })` →
/// `[{ name, quota, students, share, shareExact, shareFraction, remainder, clause }]` in input
/// order; `method` is `largestRemainder` (default), `dhondt` or `sainteLague`.
///
/// # Errors
/// `out_of_range` / `invalid_step` at `total`, `minimum` or `colleges[i].students` for a value
/// that is not a whole number in range; `unknown_value` at `method`; the errors of
/// [`quota::allocate`].
pub fn allocate_quota(input: Value) -> TextResult {
    call::<QuotaInput, Full>(&input)
}
