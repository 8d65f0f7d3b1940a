//! The JS API contract (SPEC §9) at the JSON level: the core's functions
//! ([`exchange_calc_core::api`]), and here the request side of
//! `batchGpa({ policy, csv, locale? })`: a cohort's CSV → one GPA per student. Reading the
//! request stays in this crate, built for size like the core; the batch itself and the
//! writing of its result are `exchange-calc-batch`, built for speed.

pub use exchange_calc_core::api::*;

use crate::batch::{self, BatchResult};
use crate::error::Error;
use crate::policy::PolicyRef;
use exchange_calc_core::read::Obj;
use serde::Serialize;
use serde_json::Value;

/// The result: [`BatchResult`] plus `policy: { id, hash }`, the same shape `with_policy`
/// gives. This derived `Serialize` is the one definition of `batchGpa`'s JSON: the text the
/// wasm returns is written by hand ([`BatchOutput::to_json`]: 50,000 students are too many
/// for a `Value` detour) and tested against it on generated cohorts (`tests/batch.rs`), and
/// `ts/batch.d.ts` is checked with `tsc --strict` against real answers
/// (`tests/pages/entry-points.test.mjs`).
#[derive(Debug, Serialize)]
pub struct BatchOutput {
    /// Students, errors, counts.
    #[serde(flatten)]
    pub result: BatchResult,
    /// The rules that produced it.
    pub policy: PolicyRef,
}

/// `batchGpa({ policy, csv, locale? })` → the JSON of [`BatchOutput`].
///
/// # Errors
/// Only when the file cannot be read at all (no header, a missing column) or the request is
/// malformed; bad rows are listed in `errors`.
pub fn batch_gpa(input: Value) -> ApiResult {
    value(batch_gpa_text(input))
}

/// [`batch_gpa`] with the result as JSON text ([`BatchOutput::to_json`]): no `Value` tree
/// for 50,000 students.
///
/// # Errors
/// As [`batch_gpa`].
pub fn batch_gpa_text(input: Value) -> Result<String, Failure> {
    batch_gpa_with::<Full>(&input, None)
}

/// [`batch_gpa_text`] with the policy from `S` (the wasm binding's own [`Source`]), for a
/// request whose `csv` is read where it lies or was taken out of it (`Some`, and `request` is
/// every other key): the wasm binding passes the many-megabyte text straight in, where
/// reading it back out of a `Value` would copy it once more. Same checks, same result.
///
/// Read as [`call`] reads every other request ([`read_policy`]: csv, locale, policy); an
/// error carries the request's language.
///
/// # Errors
/// As [`batch_gpa`].
pub fn batch_gpa_with<S: Source>(request: &Value, csv: Option<&str>) -> Result<String, Failure> {
    let locale = locale_of(request);
    let go = || -> Result<String, Error> {
        let keys: &'static [&'static str] = if csv.is_some() { &["policy", "locale"] } else { &["policy", "csv", "locale"] };
        let o = Obj::root(request, keys)?;
        // Borrowed: the CSV is read where it lies in the request.
        let (csv, policy) = read_policy::<S, _>(&o, locale, |o| match csv {
            Some(csv) => Ok(csv),
            None => o.need("csv", |a| a.str()),
        })?;
        let result = batch::batch_gpa(&policy, csv, locale)?;
        Ok(BatchOutput { result, policy: policy.reference() }.to_json())
    };
    go().map_err(|error| Failure { error, locale })
}

impl BatchOutput {
    /// The JSON text `serde_json::to_string` gives for this output ([`batch::json::write`]).
    #[must_use]
    pub fn to_json(&self) -> String {
        batch::json::write(&self.result, &self.policy)
    }
}
