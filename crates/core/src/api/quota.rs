//! `allocateQuota` (LX-4.2.1). No policy: the method is the caller's choice.

use super::{check_locale, parse, run, text, with_policy, TextResult};
use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind};
use crate::quota::{self, College, Method, QuotaInput, MAX_STUDENTS, MAX_TOTAL};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CollegeRequest {
    #[serde(deserialize_with = "text")]
    name: String,
    #[serde(deserialize_with = "decimal::req")]
    students: Decimal,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotaRequest {
    #[serde(deserialize_with = "decimal::req")]
    total: Decimal,
    colleges: Vec<CollegeRequest>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default, deserialize_with = "decimal::opt")]
    minimum: Option<Decimal>,
    #[serde(default)]
    locale: Option<String>,
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
    run(input, |input, _| {
        let req: QuotaRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let total = quota::whole(req.total, MAX_TOTAL, "total")?;
        let method = match req.method.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
            None => Method::default(),
            Some(m) => Method::parse(m).ok_or_else(|| {
                Error::new(ErrorKind::UnknownValue { value: m.to_owned(), allowed: Method::NAMES.iter().map(|&s| s.to_owned()).collect() }, "method")
            })?,
        };
        let minimum = match req.minimum {
            Some(m) => quota::whole(m, MAX_TOTAL, "minimum")?,
            None => 0,
        };
        let mut colleges = Vec::with_capacity(req.colleges.len());
        for (i, c) in req.colleges.into_iter().enumerate() {
            let students = quota::whole(c.students, MAX_STUDENTS, &format!("colleges[{i}].students"))?;
            colleges.push(College { name: c.name, students });
        }
        let rows = quota::allocate(&QuotaInput { total, colleges, method, minimum })?;
        with_policy(&rows, None)
    })
}
