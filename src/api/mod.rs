//! The JS API contract (SPEC §9) at the JSON level: each function takes one JSON object and
//! returns one JSON value, or a [`Failure`]. Nothing here knows about wasm, so the whole
//! contract is testable natively; `crate::wasm` only converts `JsValue` ⇄ `serde_json::Value`.
//!
//! Requests are `deny_unknown_fields` (a typo in a key is an error, not silently ignored);
//! names are camelCase; decimals go out as strings and come in as numbers or strings.

mod credits;
mod deadlines;
mod funding;
mod eligibility;
mod form;
mod batch;
mod grades;
mod quota;

pub use credits::check_credits;
pub use deadlines::{deadlines, deadlines_ics};
pub use funding::estimate_funding;
pub use eligibility::check_eligibility;
pub use form::{validate_application, validate_field};
pub use batch::{batch_gpa, batch_gpa_request, batch_gpa_text, BatchOutput, BatchRequest};
pub use grades::{compute_gpa, convert_grade, describe_policy, home_gpa, policies};
pub use quota::allocate_quota;

use crate::error::{Error, ErrorKind, Problem};
use crate::locale::Locale;
use crate::policy::{self, Policy};
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// An error together with the language its message is wanted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The error.
    pub error: Error,
    /// The request's language.
    pub locale: Locale,
}

impl Failure {
    /// Stable snake_case code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.error.code()
    }

    /// Input path, e.g. `courses[2].grade`.
    #[must_use]
    pub fn field(&self) -> &str {
        &self.error.field
    }

    /// Message in the request's language.
    #[must_use]
    pub fn message(&self) -> String {
        self.error.message(self.locale)
    }

    /// Every problem of an invalid policy.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        self.error.problems()
    }
}

/// What every API function returns.
pub type ApiResult = std::result::Result<Value, Failure>;

/// Reads `locale` leniently before the request is parsed, so that even a malformed request
/// gets its error in the right language. (Parsing then rejects a bad tag.)
#[must_use]
pub fn locale_of(input: &Value) -> Locale {
    input.get("locale").and_then(Value::as_str).and_then(Locale::parse).unwrap_or_default()
}

/// Parses a request, turning serde's first error into a coded [`Error`] with its path.
///
/// # Errors
/// `invalid_type`, `unknown_field`, `missing_field`, `invalid_number`, … at the path.
pub fn parse<T: DeserializeOwned>(input: Value) -> Result<T, Error> {
    crate::json::from_value(&input)
}

/// Checks the optional `locale` tag of a request.
///
/// # Errors
/// `unknown_value` at `locale` for a tag other than zh-CN or en.
pub fn check_locale(tag: Option<&str>) -> Result<Locale, Error> {
    match tag {
        None => Ok(Locale::default()),
        Some(t) => Locale::parse(t).ok_or_else(|| {
            Error::new(ErrorKind::UnknownValue { value: t.to_owned(), allowed: vec!["zh-CN".into(), "en".into()] }, "locale")
        }),
    }
}

/// Resolves the request's `policy`.
///
/// # Errors
/// As [`policy::resolve`].
pub fn load_policy(value: &Value, locale: Locale) -> Result<Cow<'static, Policy>, Error> {
    policy::resolve(value, "policy", locale)
}

/// Serializes a result and adds `policy: { id, hash }` so printouts name their rules.
///
/// # Errors
/// `invalid_type` if serialization fails (it cannot for this crate's types).
pub fn with_policy<T: Serialize>(result: &T, policy: Option<&Policy>) -> Result<Value, Error> {
    let mut value = serde_json::to_value(result)
        .map_err(|e| Error::new(ErrorKind::InvalidType { detail: e.to_string() }, ""))?;
    if let (Some(p), Value::Object(map)) = (policy, &mut value) {
        map.insert("policy".to_owned(), serde_json::json!({ "id": p.id, "hash": p.hash }));
    }
    Ok(value)
}

/// Runs `f` on a request, attaching the request's language to any error.
pub fn run(input: Value, f: impl FnOnce(Value, Locale) -> Result<Value, Error>) -> ApiResult {
    let locale = locale_of(&input);
    f(input, locale).map_err(|error| Failure { error, locale })
}

/// For free-text fields that people may type as numbers (`"grade": 85`): a string or a
/// number, as text.
///
/// # Errors
/// `invalid_type` for anything else.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct TextVisitor;
    impl Visitor<'_> for TextVisitor {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("text or a number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    d.deserialize_any(TextVisitor)
}
