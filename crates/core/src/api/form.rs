//! `validateApplication`, `validateField`.

use super::{given, Export};
use crate::error::Error;
use crate::form::{self, ValidateFieldInput, ValidateInput, Validation};
use crate::locale::Locale;
use crate::policy::Policy;

impl Export for ValidateInput {
    type Output<'p> = Validation;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Validation, Error> {
        Ok(form::validate_application(given(policy)?, &self.form, locale))
    }
}

impl Export for ValidateFieldInput {
    type Output<'p> = Validation;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Validation, Error> {
        Ok(form::validate_field(given(policy)?, &self.form, &self.field, locale))
    }
}
