//! The JS API contract (SPEC §9) at the JSON level: each export takes one JSON object and
//! returns its result, or a [`Failure`]. [`call`] gives the result as JSON text, serialized
//! straight from its typed struct: what the wasm binding hands to `JSON.parse` (a
//! `serde_json::Value` tree first was two thirds of a `convertGrade` call, and a second
//! serializer for every result type in the wasm). The functions at this level give it as a
//! `Value`, for Rust callers and tests. Nothing here knows about wasm, so the whole contract
//! is testable natively; the `exchange-calc` crate's `wasm` module only converts `JsValue` →
//! `serde_json::Value` and the result's text → a JS object.
//!
//! Each request type is its rule module's, and reads itself ([`Request`]); here each export is
//! only the policy wired to the rule ([`Export`]), and [`call`] does the rest for all of them.
//! A typo in a key is an error (`unknown_field`), not silently ignored; names are camelCase;
//! decimals go out as strings and come in as numbers or strings.

mod credits;
mod deadlines;
mod funding;
mod eligibility;
mod form;
mod grades;
mod quota;

pub use deadlines::{ChecklistRequest, Deadlines, DeadlinesIcs};
pub use grades::Describe;

/// Defines each export's function: its request type answered by [`call`] with every policy
/// ([`Full`]), the result as a `Value`, for Rust callers and tests. The wasm binding calls
/// [`call`] itself and hands the JSON text to `JSON.parse`.
macro_rules! value_api {
    ($($(#[$doc:meta])* $name:ident: $request:ty;)*) => {$(
        $(#[$doc])*
        pub fn $name(input: Value) -> ApiResult {
            value(call::<$request, Full>(&input))
        }
    )*};
}

value_api! {
    /// `checkCredits` (XYU-11, XYU-12.2–12.9).
    ///
    /// `checkCredits({ policy, semesters, homePlanCredits, courses: [{ name, hours?, credits?,
    /// system?, grade, core?, shortProgram?, category?, sameStandard? }], sameStandard? })` →
    /// `{ equivalentCredits: { min, max, minExact, maxExact }, recognizedCredits,
    /// recognizedCreditsExact, courseCredits, equivalence, corePassed, coreTaken, coreRequired,
    /// allCreditsRecognized, retake, findings, courses, policy }`.
    ///
    /// # Errors
    /// As [`crate::credit::check_credits`]; unknown keys and a `category` outside `publicRequired`,
    /// `majorRequired`, `majorElective`, `generalElective` are rejected at their path.
    check_credits: crate::credit::CreditRequest;
    /// `deadlines`, sorted by date (XYU-12.9, XYU-13, LX-4).
    ///
    /// `deadlines({ policy, departure?, arrival?, end?, year? })` → `[{ code, due, clause, title,
    /// consequence }]`, sorted by date. The result is an array, so it carries no `policy` key.
    ///
    /// # Errors
    /// `invalid_date` at `arrival` / `end`; `date_order` at `end`; `invalid_step` or
    /// `out_of_range` at `year`; otherwise as [`crate::deadline::deadlines`].
    deadlines: Deadlines;
    /// `deadlinesIcs`: the deadlines as an iCalendar text.
    ///
    /// `deadlinesIcs({ policy, departure?, arrival?, end?, year? })` → the same deadlines as an iCalendar
    /// file (text, a JSON string), for a download without a server.
    ///
    /// # Errors
    /// As [`deadlines`].
    deadlines_ics: DeadlinesIcs;
    /// `checklist`: the procedural steps by phase (XYU-10.6, XYU-12, XYU-13, XYU-14, LX-6).
    ///
    /// `checklist({ policy, departure?, arrival?, end?, year?, locale? })` → `{ phases: [{ phase,
    /// title, steps: [{ code, clause, title, due, timing, consequence }] }], policy }`: the
    /// procedural steps before departure, abroad and after the exchange, dated where the request
    /// gives the date they count from. Takes the same request as `deadlines`; no date is needed.
    ///
    /// # Errors
    /// As [`deadlines`], except that missing dates are not an error.
    checklist: ChecklistRequest;
    /// `checkEligibility` (XYU-10, LX-2.1, LX-5.3.1).
    ///
    /// `checkEligibility({ policy, track, applicant, locale? })` →
    /// `{ status, track, clause, programme, fundable, priority, findings, fundingFindings,
    /// conditions, policy }`. A missing `applicant` is an applicant who stated nothing.
    ///
    /// # Errors
    /// `unknown_value` at `track` (listing the policy's tracks); `invalid_type`,
    /// `invalid_number`, `out_of_range`, `invalid_step`, `unknown_field` at `applicant.<field>`;
    /// policy errors at `policy`.
    check_eligibility: crate::eligibility::EligibilityInput;
    /// `validateApplication` (SPEC §8).
    ///
    /// `validateApplication({ policy, form, locale? })` →
    /// `{ valid, errors: [{ field, code, message }], warnings: [...], normalized, policy }`.
    /// Problems with the form's values are listed in `errors`, all at once; only an unreadable
    /// request throws.
    ///
    /// # Errors
    /// `invalid_type` at `form` when it is not an object; policy errors at `policy`.
    validate_application: crate::form::ValidateInput;
    /// `validateField` (SPEC §8).
    ///
    /// `validateField({ policy, form, field, locale? })` → the same shape as
    /// `validateApplication`, for one key (with the cross-field rules that land on it).
    ///
    /// # Errors
    /// As [`validate_application`].
    validate_field: crate::form::ValidateFieldInput;
    /// `estimateFunding` (LX-5).
    ///
    /// `estimateFunding({ policy, costs: [{ item, amount, currency? }], rates?, economyFare?,
    /// economyFareCurrency?, priorLixingFunding?, otherFunding?, locale? })` →
    /// `{ total, school, college, student, fundable, lines: [{ cost, item, amount, payer, clause,
    /// part, note, original }], findings, checklist, conditions, policy }`.
    ///
    /// # Errors
    /// `unknown_value` at `costs[i].item` (listing the items); the errors of
    /// [`crate::funding::estimate`]; request and policy errors.
    estimate_funding: crate::funding::FundingInput;
    /// `computeGpa` (XYU-12.7).
    ///
    /// `computeGpa({ policy, courses: [{ name, credits, grade, sameStandard? }], sameStandard? })`.
    ///
    /// # Errors
    /// The first unreadable course with its path (`courses[2].grade`).
    compute_gpa: crate::grade::GpaInput;
    /// `convertGrade` (XYU-12.7).
    ///
    /// `convertGrade({ policy, grade, sameStandard? })` → `{ grade, gradePoint, percentage, clause,
    /// kind, passed, sameStandard, findings, policy }`.
    ///
    /// # Errors
    /// `invalid_grade` (listing valid grades) at `grade`, policy errors at `policy`.
    convert_grade: crate::grade::ConvertInput;
    /// `describePolicy`: the resolved policy.
    ///
    /// `describePolicy({ policy })` → the resolved policy (every parameter, clause texts, hash).
    ///
    /// # Errors
    /// As the policy loading.
    describe_policy: Describe;
    /// `homeGpa`: every common Chinese algorithm (not from a regulation).
    ///
    /// `homeGpa({ courses: [{ name, credits, score }] })`: every common Chinese algorithm side
    /// by side for home percentage scores (not from a regulation).
    ///
    /// # Errors
    /// `out_of_range` for scores outside 0–100 or negative credits.
    home_gpa: crate::algorithms::HomeGpaInput;
    /// `allocateQuota` (LX-4.2.1).
    ///
    /// `allocateQuota({ total, colleges: [{ name, students }], method?, minimum?, locale? })` →
    /// `[{ name, quota, students, share, shareExact, shareFraction, remainder, clause }]` in input
    /// order; `method` is `largestRemainder` (default), `dhondt` or `sainteLague`.
    ///
    /// # Errors
    /// `out_of_range` / `invalid_step` at `total`, `minimum` or `colleges[i].students` for a value
    /// that is not a whole number in range; `unknown_value` at `method`; the errors of
    /// [`crate::quota::allocate`].
    allocate_quota: crate::quota::QuotaInput;
}

use crate::error::{Error, ErrorKind, Expected, Found, Problem};
use crate::locale::Locale;
use crate::policy::{self, Policy};
use crate::read::{Obj, Request};
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;

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

    /// The message without the field (what a page shows under the field).
    #[must_use]
    pub fn reason(&self) -> String {
        self.error.reason(self.locale)
    }

    /// Every problem of an invalid policy.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        self.error.problems()
    }
}

/// What the `Value`-returning API functions return.
pub type ApiResult = std::result::Result<Value, Failure>;

/// What [`call`] returns: the result as JSON text.
pub type TextResult = std::result::Result<String, Failure>;

/// One export of the API: a request type that reads itself and the rule it runs. The input
/// type and its reading belong to the rule's module; the impl here only wires the policy in.
/// [`call`] does the rest, the same for every export: keys, locale, policy, result.
pub trait Export: Request {
    /// Whether the request names a policy (`allocateQuota` and `homeGpa` do not).
    const POLICY: bool = true;
    /// The result; it may borrow the policy (`describePolicy` is the policy itself).
    type Output<'p>: Serialize;
    /// Runs the rule. `policy` is `Some` exactly when [`Export::POLICY`].
    ///
    /// # Errors
    /// What the rule finds unreadable (an unknown grade, a missing section…).
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Self::Output<'_>, Error>;
}

/// Where a request's `policy` comes from: which policies an entry point holds.
pub trait Source {
    /// Resolves the request's `policy` value.
    ///
    /// # Errors
    /// As [`policy::resolve`]; `needs_full_module` for what this source does not hold.
    fn resolve(value: &Value, locale: Locale) -> Result<Cow<'static, Policy>, Error>;
}

/// The full entry point: presets, whole policy documents and `{ extends }`.
pub struct Full;

impl Source for Full {
    fn resolve(value: &Value, locale: Locale) -> Result<Cow<'static, Policy>, Error> {
        policy::resolve(value, "policy", locale)
    }
}

/// The grades entry point: the presets' grade tables only (a policy object needs the full
/// module, whose policy reader this one does not carry).
pub struct GradesOnly;

impl Source for GradesOnly {
    fn resolve(value: &Value, _locale: Locale) -> Result<Cow<'static, Policy>, Error> {
        policy::grades_view(value, "policy").map(Cow::Borrowed)
    }
}

/// Answers one request: unknown keys, then the request's own keys, the locale, the policy
/// from `S`, the rule, and the result as JSON text with `policy: { id, hash }`.
///
/// # Errors
/// The first problem, in the request's language.
pub fn call<E: Export, S: Source>(input: &Value) -> TextResult {
    let locale = locale_of(input);
    let answer = || -> Result<String, Error> {
        let o = Obj::root(input, E::KEYS)?;
        // read_policy's steps, for exports without a policy too (they check the locale and
        // read none); its parts are not generic over E, so they are compiled once.
        let request = E::read(&o).map_err(|e| missing_policy_first(&o, E::POLICY, e))?;
        let policy = locale_and_policy::<S>(&o, E::POLICY, locale)?;
        let out = request.run(policy.as_deref(), locale)?;
        with_policy(&out, policy.as_deref())
    };
    answer().map_err(|error| Failure { error, locale })
}

/// How every request that names a policy is read once its keys are known ([`Obj::root`]):
/// its own keys (`own`), then the `locale` tag, then `policy` from `S`, so that every export
/// reports the same problem first. A request missing its own keys and its `policy` names the
/// policy first, the first key of every such request. [`call`] reads so, and the binding's
/// exports that read their request by hand (`batchGpa`, `attachForm`) read with this.
///
/// # Errors
/// The first problem: `own`'s, `unknown_value` at `locale`, `missing_field` at `policy`, or
/// `S`'s.
pub fn read_policy<'a, S: Source, T>(
    o: &Obj<'a>,
    locale: Locale,
    own: impl FnOnce(&Obj<'a>) -> Result<T, Error>,
) -> Result<(T, Cow<'static, Policy>), Error> {
    let request = own(o).map_err(|e| missing_policy_first(o, true, e))?;
    let policy = locale_and_policy::<S>(o, true, locale)?;
    Ok((request, policy.ok_or_else(|| Error::new(ErrorKind::MissingField, "policy"))?))
}

/// A request missing its own keys and its `policy` names the policy first, the first key of
/// every request that takes one.
fn missing_policy_first(o: &Obj<'_>, takes_policy: bool, e: Error) -> Error {
    if takes_policy && e.code() == "missing_field" && o.raw("policy").is_none() {
        Error::new(ErrorKind::MissingField, "policy")
    } else {
        e
    }
}

/// The part of [`read_policy`] that is the same for every request type: the `locale` tag,
/// then the policy from `S` when the export takes one (`Some` exactly then).
fn locale_and_policy<S: Source>(o: &Obj<'_>, takes_policy: bool, locale: Locale) -> Result<Option<Cow<'static, Policy>>, Error> {
    check_locale(o.opt_str("locale")?.as_deref())?;
    if !takes_policy {
        return Ok(None);
    }
    let value = o.raw("policy").ok_or_else(|| Error::new(ErrorKind::MissingField, "policy"))?;
    S::resolve(value, locale).map(Some)
}

/// The policy an [`Export`] with `POLICY` is given.
///
/// # Errors
/// `missing_field` at `policy`: a caller broke [`call`]'s promise (never in this crate).
pub fn given(policy: Option<&Policy>) -> Result<&Policy, Error> {
    policy.ok_or_else(|| Error::new(ErrorKind::MissingField, "policy"))
}

/// `policies()` → `[{ id, title, titleEn, year, hash }]`.
#[must_use]
pub fn policies() -> Value {
    serde_json::from_str(policy::LIST_JSON).unwrap_or(Value::Array(Vec::new()))
}

/// JSON text (this API's own output) → `Value`.
///
/// # Errors
/// The failure `result` holds.
pub fn value(result: TextResult) -> ApiResult {
    let text = result?;
    serde_json::from_str(&text).map_err(|_| Failure {
        error: Error::new(ErrorKind::InvalidType { expected: Expected::Json, found: Found::TooDeep }, ""),
        locale: Locale::default(),
    })
}

/// Reads `locale` leniently before the request is read, so that even a malformed request
/// gets its error in the right language. (Reading then rejects a bad tag.)
#[must_use]
pub fn locale_of(input: &Value) -> Locale {
    input.get("locale").and_then(Value::as_str).and_then(Locale::parse).unwrap_or_default()
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

/// Serializes a result to JSON text and, when it is an object, adds `policy: { id, hash }`
/// so printouts name their rules.
///
/// # Errors
/// `invalid_type` if serialization fails (it cannot for this crate's types).
pub fn with_policy<T: Serialize + ?Sized>(result: &T, policy: Option<&Policy>) -> Result<String, Error> {
    let mut out = Vec::with_capacity(256);
    let written = serde_json::to_writer(&mut out, result).is_ok();
    finish(out, written, policy)
}

/// The part of [`with_policy`] that is the same for every result type, compiled once.
fn finish(out: Vec<u8>, written: bool, policy: Option<&Policy>) -> Result<String, Error> {
    // No result type can fail to serialize (string keys only, no floats); serde_json's error
    // text is not worth its weight in the wasm (its Display links every io error message).
    let unrepresentable = || Error::new(ErrorKind::InvalidType { expected: Expected::Json, found: Found::Unrepresentable(String::new()) }, "");
    let text = String::from_utf8(out).ok().filter(|_| written).ok_or_else(unrepresentable)?;
    Ok(match policy {
        Some(p) => splice_policy(text, p),
        None => text,
    })
}

/// Adds `"policy":{"id":…,"hash":…}` as the last key of an object's JSON text (outside the
/// generic [`with_policy`], so it is compiled once, not once per result type). Every result
/// type is a struct, so an object's text ends with its closing brace; a wrapper with
/// `#[serde(flatten)]` would instead compile a second serializer for every result type.
fn splice_policy(mut text: String, p: &Policy) -> String {
    if text.starts_with('{') && text.ends_with('}') {
        text.pop();
        if text.len() > 1 {
            text.push(',');
        }
        text.push_str("\"policy\":{\"id\":");
        text.push_str(&serde_json::to_string(p.id.as_str()).unwrap_or_default());
        text.push_str(",\"hash\":");
        text.push_str(&serde_json::to_string(p.hash.as_str()).unwrap_or_default());
        text.push_str("}}");
    }
    text
}
