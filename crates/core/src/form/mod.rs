//! Application form validation (SPEC §8): the 学生派出项目申请表 as a university's own HTML form
//! sends it. Every error at once, each with the form key, a stable code and a message in
//! the chosen language; each rule also runs for one key alone ([`validate_field`]) for live
//! validation on input and blur.
//!
//! Values arrive as strings (HTML inputs), numbers or booleans; blank text means "not given".
//! Each key gets at most one error (its first failing rule) and at most one warning.
//!
//! | key | rule |
//! |---|---|
//! | `name`, `college`, `major`, `partner` | required text |
//! | `studentId` | required; matches the policy's `studentIdPattern` in full; unset → 6–20 digits (a sanity check only) |
//! | `email` | required; one `@`, a non-empty local part, a domain with a dot and no empty labels, no spaces, ≤ 254 characters |
//! | `phone` | required; spaces and dashes and a `+86` / `0086` prefix are removed, then the rest matches the policy's `form.phonePattern` in full (presets: mainland mobile `^1[3-9]\d{9}$`) |
//! | `passport` | optional; PRC ordinary passport (G + 8 digits; e-passport E + 8 digits; from April 2017 E + a letter other than I/O + 7 digits) passes; another 6–9 character ICAO 9303 document number (A–Z, 0–9, at least one digit) passes with an `unusual_format` warning |
//! | `track` | required; one of the policy's tracks |
//! | `start`, `end` | required; real `YYYY-MM-DD` dates; `end` after `start` (`date_order` at `end`) |
//! | `end` (XYU-11, tracks with `maxSemesters`, policies with `form.semesterDays`) | XYU-11 says an exchange *generally* lasts 1–2 semesters, so the length is only ever a warning: above `semesterDays.max` × maxSemesters days (xinyu: 183, half a year with exams: 366 days for 2) `long_duration`, below `semesterDays.min` × minSemesters (xinyu: 70, a ten-week quarter) `short_duration`; both messages say the day counts are an estimate, not the regulation's |
//! | `yearOfStudy` | optional integer 1–8 (8: the longest integrated undergraduate programmes); required and = 1 for a freshman-leap track (LX-2.1.1: enrolled in the application year) |
//! | `gpa` | optional, 0–4 |
//! | `ielts` | optional, 0–9 in steps of 0.5 |
//! | `toefl` | optional, TOEFL iBT 0–120 whole |
//! | `priorLixingFunding`, `otherFunding` | optional yes/no; "yes" is a `not_fundable` warning (LX-5.3.1), never an error |
//! | any other key | `unknown_field` (a typo) |

mod rules;

pub use crate::policy::form::{FormRules, SemesterDays, MAINLAND_MOBILE, PARAMETERS};

use crate::date::Date;
use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Expected, Found, Result};
use crate::keyed::Keyed;
use crate::locale::{Locale, Text};
use std::fmt::Display;
use crate::policy::tracks::Track;
use crate::policy::Policy;
use crate::read::{number_text, At, Obj, Request};
use crate::score::{ScoreRule, GPA, IELTS, TOEFL};
use serde::Serialize;
use serde_json::Value;

/// The form's keys, in the form's order. Errors are listed in this order.
pub const KEYS: [&str; 17] = [
    "name",
    "studentId",
    "college",
    "major",
    "yearOfStudy",
    "email",
    "phone",
    "passport",
    "track",
    "partner",
    "start",
    "end",
    "gpa",
    "ielts",
    "toefl",
    "priorLixingFunding",
    "otherFunding",
];


/// Keys that must be filled in (`yearOfStudy` too, for a freshman-leap track).
pub const REQUIRED: [&str; 10] = ["name", "studentId", "college", "major", "email", "phone", "track", "partner", "start", "end"];

/// Highest year of study accepted (8-year integrated programmes).
pub const MAX_YEAR_OF_STUDY: i64 = 8;

/// One value of the form as it arrives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormValue {
    /// Text (numbers arrive here as their text). Blank text means "not given".
    Text(String),
    /// A checkbox or a JSON boolean.
    Bool(bool),
    /// `null` or absent.
    Blank,
    /// A JSON array or object: never valid.
    Other(Found),
}

impl FormValue {
    /// Reads a JSON value. A whole number stays whole (`2.0` from JS → `"2"`).
    #[must_use]
    pub fn from_json(value: &Value) -> Self {
        match value {
            Value::String(s) => Self::Text(s.clone()),
            Value::Bool(b) => Self::Bool(*b),
            Value::Null => Self::Blank,
            Value::Number(n) => Self::Text(number_text(n)),
            Value::Array(_) => Self::Other(Found::List),
            Value::Object(_) => Self::Other(Found::Object),
        }
    }
}

impl From<&str> for FormValue {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for FormValue {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<bool> for FormValue {
    fn from(b: bool) -> Self {
        Self::Bool(b)
    }
}

/// A form: values by key.
pub type Form = Keyed<FormValue>;

/// Builds a [`Form`] from a JSON object.
#[must_use]
pub fn form_from_json(map: &serde_json::Map<String, Value>) -> Form {
    map.iter().map(|(k, v)| (k.clone(), FormValue::from_json(v))).collect()
}

/// One error or warning about one form key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The form key, e.g. `phone`.
    pub field: String,
    /// Stable snake_case code, e.g. `invalid_format`.
    pub code: String,
    /// A sentence in the caller's language, naming the field by its label.
    pub message: String,
}

/// The answer of [`validate_application`] and [`validate_field`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Validation {
    /// No errors (warnings do not count).
    pub valid: bool,
    /// Every error, at most one per key, in form order, unknown keys last.
    pub errors: Vec<FieldError>,
    /// Every warning, at most one per key.
    pub warnings: Vec<FieldError>,
    /// The canonical form of values that have one and are valid (phone `13800138000`,
    /// passport upper case, full-width digits folded).
    pub normalized: Keyed<String>,
}

/// Validates the whole form: every key's rules and every unknown key, all at once.
#[must_use]
pub fn validate_application(policy: &Policy, form: &Form, locale: Locale) -> Validation {
    let ctx = Ctx { policy, form, locale };
    let mut out = Validation { valid: true, errors: Vec::new(), warnings: Vec::new(), normalized: Keyed::new() };
    for key in KEYS {
        ctx.check(key).add_to(key, &mut out);
    }
    for key in form.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        out.errors.push(ctx.unknown(key));
    }
    out.valid = out.errors.is_empty();
    out
}

/// Validates one key of the form, with the cross-field rules whose result lands on it
/// (`end` reads `start` and `track`; `yearOfStudy` and the funding keys read `track`).
/// A key outside [`KEYS`] is an `unknown_field` error.
#[must_use]
pub fn validate_field(policy: &Policy, form: &Form, key: &str, locale: Locale) -> Validation {
    let ctx = Ctx { policy, form, locale };
    let mut out = Validation { valid: true, errors: Vec::new(), warnings: Vec::new(), normalized: Keyed::new() };
    if KEYS.contains(&key) {
        ctx.check(key).add_to(key, &mut out);
    } else {
        out.errors.push(ctx.unknown(key));
    }
    out.valid = out.errors.is_empty();
    out
}

/// Keys whose result depends on `key`'s value, so live validation re-checks them when it
/// changes (`start` → `end`; `track` → `yearOfStudy`, `end` and the funding keys).
#[must_use]
pub fn dependents(key: &str) -> &'static [&'static str] {
    match key {
        "start" => &["end"],
        "track" => &["yearOfStudy", "end", "priorLixingFunding", "otherFunding"],
        _ => &[],
    }
}

/// The label a message uses for a key, in `locale`.
#[must_use]
pub fn label(key: &str, locale: Locale) -> &'static str {
    let (zh, en) = match key {
        "name" => ("姓名", "Name"),
        "studentId" => ("学号", "Student ID"),
        "college" => ("学院", "College"),
        "major" => ("专业", "Major"),
        "yearOfStudy" => ("年级", "Year of study"),
        "email" => ("电子邮箱", "Email"),
        "phone" => ("手机号码", "Mobile phone"),
        "passport" => ("护照号码", "Passport number"),
        "track" => ("项目类别", "Track"),
        "partner" => ("交流院校", "Partner university"),
        "start" => ("开始日期", "Start date"),
        "end" => ("结束日期", "End date"),
        "gpa" => ("GPA", "GPA"),
        "ielts" => ("雅思成绩", "IELTS score"),
        "toefl" => ("托福成绩", "TOEFL score"),
        "priorLixingFunding" => ("曾获本计划资助", "Funded by this plan before"),
        "otherFunding" => ("已获国家留学基金等同类资助", "CSC or similar funding"),
        _ => ("表单", "Form"),
    };
    locale.pick(zh, en)
}

/// What one key's rules found.
#[derive(Default)]
struct Check {
    error: Option<FieldError>,
    warning: Option<FieldError>,
    normalized: Option<String>,
}

impl Check {
    fn add_to(self, key: &str, out: &mut Validation) {
        out.errors.extend(self.error);
        out.warnings.extend(self.warning);
        if let Some(n) = self.normalized {
            out.normalized.insert(key.to_owned(), n);
        }
    }
}

impl From<FieldError> for Check {
    fn from(e: FieldError) -> Self {
        Self { error: Some(e), ..Self::default() }
    }
}

type Rule<T> = std::result::Result<T, FieldError>;

/// Cuts echoed input so a pasted essay does not become the message.
fn echo(input: &str) -> String {
    const MAX: usize = 40;
    if input.chars().count() > MAX {
        format!("{}…", input.chars().take(MAX).collect::<String>())
    } else {
        input.to_owned()
    }
}

/// `validateApplication`'s question: the form as it arrives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidateInput {
    /// The form's values by key.
    pub form: Form,
}

fn read_form(o: &Obj<'_>) -> Result<Form> {
    o.need("form", |a: At<'_, '_>| match a.value {
        Value::Object(map) => Ok(form_from_json(map)),
        other => Err(Error::new(ErrorKind::InvalidType { expected: Expected::Object, found: crate::read::found(other) }, a.path)),
    })
}

impl Request for ValidateInput {
    const KEYS: &'static [&'static str] = &["policy", "form", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        Ok(Self { form: read_form(o)? })
    }
}

/// `validateField`'s question: the form and the key to check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidateFieldInput {
    /// The form's values by key.
    pub form: Form,
    /// The key to check.
    pub field: String,
}

impl Request for ValidateFieldInput {
    const KEYS: &'static [&'static str] = &["policy", "form", "field", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        Ok(Self { form: read_form(o)?, field: o.text("field")? })
    }
}

struct Ctx<'a> {
    policy: &'a Policy,
    form: &'a Form,
    locale: Locale,
}

impl Ctx<'_> {
    fn error(&self, key: &str, kind: ErrorKind) -> FieldError {
        let e = Error::new(kind, label(key, self.locale));
        FieldError { field: key.to_owned(), code: e.code().to_owned(), message: e.message(self.locale) }
    }

    /// A message of the form's own rules: `text` filled with `args` and `{label}`, the key's
    /// label in the request's language.
    fn custom(&self, key: &str, code: &str, text: &Text, args: &[(&str, &dyn Display)]) -> FieldError {
        let label = label(key, self.locale);
        let mut all: Vec<(&str, &dyn Display)> = vec![("label", &label)];
        all.extend_from_slice(args);
        FieldError { field: key.to_owned(), code: code.to_owned(), message: text.fill(self.locale, &all) }
    }

    fn unknown(&self, key: &str) -> FieldError {
        let e = Error::new(ErrorKind::UnknownField { name: echo(key) }, label("", self.locale));
        FieldError { field: key.to_owned(), code: e.code().to_owned(), message: e.message(self.locale) }
    }

    /// The trimmed text of `key`; `None` when blank or absent; an error for a boolean,
    /// array or object where text is expected.
    fn text(&self, key: &str) -> Rule<Option<String>> {
        match self.form.get(key) {
            None | Some(FormValue::Blank) => Ok(None),
            Some(FormValue::Text(s)) => {
                let t = s.trim();
                Ok((!t.is_empty()).then(|| t.to_owned()))
            }
            Some(FormValue::Bool(_)) => Err(self.error(key, ErrorKind::InvalidType { expected: Expected::Text, found: Found::Bool })),
            Some(FormValue::Other(found)) => Err(self.error(key, ErrorKind::InvalidType { expected: Expected::Text, found: found.clone() })),
        }
    }

    fn required(&self, key: &str) -> Rule<String> {
        self.text(key)?.ok_or_else(|| self.error(key, ErrorKind::MissingField))
    }

    /// A number under `rule`, or `None` when blank.
    fn score(&self, key: &str, rule: &ScoreRule) -> Rule<Option<Decimal>> {
        let Some(t) = self.text(key)? else { return Ok(None) };
        let v = decimal::parse(&t).map_err(|e| self.error(key, e.kind(echo(&t))))?;
        rule.check(v).map_err(|kind| self.error(key, kind))?;
        Ok(Some(v))
    }

    /// A date, or `None` when blank.
    fn date(&self, key: &str) -> Rule<Option<Date>> {
        let Some(t) = self.text(key)? else { return Ok(None) };
        let folded = decimal::fold_width(&t);
        // Years from 0001: the form's dates are real days of an exchange.
        Date::parse(&folded).filter(|d| d.year() >= 1).map(Some).ok_or_else(|| self.error(key, ErrorKind::InvalidDate { input: echo(&t) }))
    }

    /// The selected track, if `track` is valid.
    fn track(&self) -> Option<&Track> {
        let id = self.text("track").ok().flatten()?;
        self.policy.tracks.as_ref()?.get(&id)
    }

    fn check(&self, key: &str) -> Check {
        let result = match key {
            "name" | "college" | "major" | "partner" => self.required(key).map(|_| Check::default()),
            "studentId" => self.student_id(),
            "email" => self.email(),
            "phone" => self.phone(),
            "passport" => self.passport(),
            "track" => self.track_key(),
            "start" => self.date(key).and_then(|d| d.ok_or_else(|| self.error(key, ErrorKind::MissingField))).map(|_| Check::default()),
            "end" => self.end(),
            "yearOfStudy" => self.year_of_study(),
            "gpa" => self.score(key, &GPA).map(|_| Check::default()),
            "ielts" => self.score(key, &IELTS).map(|_| Check::default()),
            "toefl" => self.score(key, &TOEFL).map(|_| Check::default()),
            "priorLixingFunding" | "otherFunding" => self.funding(key),
            _ => Err(self.unknown(key)),
        };
        result.unwrap_or_else(Check::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_a_real_day_from_year_1() {
        // The form's dates are days of an exchange: year 0000, which the deadlines' calendar
        // allows, is not one (this was the form's own date reader's rule).
        let p = crate::policy::resolve(&Value::String("xinyu-2022".into()), "policy", Locale::En).unwrap();
        for (start, want) in [("0000-01-01", Some("invalid_date")), ("0001-01-01", None), (" ２０２６-09-01 ", None), ("2026-02-29", Some("invalid_date"))] {
            let form: Form = [("start".to_owned(), FormValue::from(start))].into_iter().collect();
            let v = validate_field(&p, &form, "start", Locale::En);
            assert_eq!(v.errors.first().map(|e| e.code.as_str()), want, "{start}");
        }
    }
}
