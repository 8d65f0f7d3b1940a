//! `checkEligibility`.

use super::{check_locale, load_policy, parse, run, text, with_policy, TextResult};
use crate::eligibility::{self, Applicant};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EligibilityRequest {
    policy: Value,
    #[serde(deserialize_with = "text")]
    track: String,
    // An object first: a derived struct would also accept a positional array.
    #[serde(default)]
    applicant: Option<Map<String, Value>>,
    #[serde(default)]
    locale: Option<String>,
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
    run(input, |input, locale| {
        let req: EligibilityRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let p = load_policy(&req.policy, locale)?;
        let applicant: Applicant = match req.applicant {
            Some(map) => parse(Value::Object(map)).map_err(|e| e.at("applicant"))?,
            None => Applicant::default(),
        };
        let r = eligibility::check_eligibility(&p, &req.track, &applicant, locale)?;
        with_policy(&r, Some(&p))
    })
}
