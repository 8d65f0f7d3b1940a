//! `validateApplication`, `validateField`.

use super::{check_locale, load_policy, parse, run, text, with_policy, TextResult};
use crate::form::{self, form_from_json};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValidateRequest {
    policy: Value,
    form: Map<String, Value>,
    #[serde(default)]
    locale: Option<String>,
}

/// `validateApplication({ policy, form, locale? })` →
/// `{ valid, errors: [{ field, code, message }], warnings: [...], normalized, policy }`.
/// Problems with the form's values are listed in `errors`, all at once; only an unreadable
/// request throws.
///
/// # Errors
/// `invalid_type` at `form` when it is not an object; policy errors at `policy`.
pub fn validate_application(input: Value) -> TextResult {
    run(input, |input, locale| {
        let req: ValidateRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let p = load_policy(&req.policy, locale)?;
        let r = form::validate_application(&p, &form_from_json(&req.form), locale);
        with_policy(&r, Some(&p))
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValidateFieldRequest {
    policy: Value,
    form: Map<String, Value>,
    #[serde(deserialize_with = "text")]
    field: String,
    #[serde(default)]
    locale: Option<String>,
}

/// `validateField({ policy, form, field, locale? })` → the same shape as
/// `validateApplication`, for one key (with the cross-field rules that land on it).
///
/// # Errors
/// As [`validate_application`].
pub fn validate_field(input: Value) -> TextResult {
    run(input, |input, locale| {
        let req: ValidateFieldRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let p = load_policy(&req.policy, locale)?;
        let r = form::validate_field(&p, &form_from_json(&req.form), &req.field, locale);
        with_policy(&r, Some(&p))
    })
}
