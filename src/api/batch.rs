//! `batchGpa({ policy, csv, locale? })`: a cohort's CSV → one GPA per student.

use super::{check_locale, load_policy, locale_of, parse, run, ApiResult, Failure};
use crate::batch::{self, BatchResult};
use crate::error::{Error, ErrorKind};
use crate::locale::Locale;
use crate::policy::PolicyRef;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The request. Public so the wasm binding can read it straight from a JS object, without a
/// `serde_json::Value` copy of a many-megabyte CSV.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// A preset id, a policy document or `{ extends, ... }`.
    pub policy: Value,
    /// The CSV text: header `studentId,course,credits,grade` (any order, any case).
    pub csv: String,
    /// `zh-CN` (default) or `en`.
    #[serde(default)]
    pub locale: Option<String>,
}

/// The result: [`BatchResult`] plus `policy: { id, hash }`, the same shape `with_policy`
/// gives, serialized directly (50,000 students are too many for a `Value` detour).
#[derive(Debug, Serialize)]
pub struct BatchOutput {
    /// Students, errors, counts.
    #[serde(flatten)]
    pub result: BatchResult,
    /// The rules that produced it.
    pub policy: PolicyRef,
}

/// The typed entry behind [`batch_gpa`].
///
/// # Errors
/// Policy and locale errors; the whole-file errors of [`batch::batch_gpa`].
pub fn batch_gpa_request(req: &BatchRequest, locale: Locale) -> Result<BatchOutput, Error> {
    check_locale(req.locale.as_deref())?;
    let p = load_policy(&req.policy, locale)?;
    let result = batch::batch_gpa(&p, &req.csv, locale)?;
    Ok(BatchOutput { result, policy: p.reference() })
}

/// `batchGpa({ policy, csv, locale? })` →
/// `{ students: [{ studentId, gpa, gpaExact, averagePercentage, averagePercentageExact, credits,
/// gpaCredits, earnedCredits, courses, failedCourses }], errors: [{ line, code, message, field? }],
/// errorCount, rows, policy }`.
///
/// # Errors
/// Only when the file cannot be read at all (no header, a missing column) or the request is
/// malformed; bad rows are listed in `errors`.
pub fn batch_gpa(input: Value) -> ApiResult {
    run(input, |input, locale| {
        let req: BatchRequest = parse(input)?;
        let out = batch_gpa_request(&req, locale)?;
        serde_json::to_value(out).map_err(|e| Error::new(ErrorKind::InvalidType { detail: e.to_string() }, ""))
    })
}

/// [`batch_gpa`] with the result as JSON text, serialized straight from its struct: the
/// wasm binding hands it to `JSON.parse` (no `Value` tree for 50,000 students).
///
/// # Errors
/// As [`batch_gpa`].
pub fn batch_gpa_text(input: Value) -> Result<String, Failure> {
    let locale = locale_of(&input);
    let go = |input: Value| -> Result<String, Error> {
        let req: BatchRequest = parse(input)?;
        let out = batch_gpa_request(&req, locale)?;
        serde_json::to_string(&out).map_err(|e| Error::new(ErrorKind::InvalidType { detail: e.to_string() }, ""))
    };
    go(input).map_err(|error| Failure { error, locale })
}
