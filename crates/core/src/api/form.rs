//! `validateApplication`, `validateField`.

use super::{call, given, Export, Full, TextResult};
use crate::error::Error;
use crate::form::{self, ValidateFieldInput, ValidateInput, Validation};
use crate::locale::Locale;
use crate::policy::Policy;
use serde_json::Value;

impl Export for ValidateInput {
    type Output<'p> = Validation;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Validation, Error> {
        Ok(form::validate_application(given(policy)?, &self.form, locale))
    }
}

/// `validateApplication({ policy, form, locale? })` →
/// `{ valid, errors: [{ field, code, message }], warnings: [...], normalized, policy }`.
/// Problems with the form's values are listed in `errors`, all at once; only an unreadable
/// request throws.
///
/// # Errors
/// `invalid_type` at `form` when it is not an object; policy errors at `policy`.
pub fn validate_application(input: Value) -> TextResult {
    call::<ValidateInput, Full>(&input)
}

impl Export for ValidateFieldInput {
    type Output<'p> = Validation;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Validation, Error> {
        Ok(form::validate_field(given(policy)?, &self.form, &self.field, locale))
    }
}

/// `validateField({ policy, form, field, locale? })` → the same shape as
/// `validateApplication`, for one key (with the cross-field rules that land on it).
///
/// # Errors
/// As [`validate_application`].
pub fn validate_field(input: Value) -> TextResult {
    call::<ValidateFieldInput, Full>(&input)
}
