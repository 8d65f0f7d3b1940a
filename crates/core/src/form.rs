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

use crate::decimal::{self, Decimal};
use crate::eligibility::{Track, TrackKind};
use crate::error::{Error, ErrorKind, Expected, Found, Problem, Section};
use crate::finding::Convention;
use crate::keyed::Keyed;
use crate::locale::{Locale, Text};
use crate::policy::{problem, Policy};
use serde::{Deserialize, Serialize};
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

/// The top-level policy parameters the form reads, whatever the policy's sections: every
/// policy validates an application form.
pub const PARAMETERS: &[&str] = &["studentIdPattern"];

/// Keys that must be filled in (`yearOfStudy` too, for a freshman-leap track).
pub const REQUIRED: [&str; 10] = ["name", "studentId", "college", "major", "email", "phone", "track", "partner", "start", "end"];

/// The mainland mobile pattern used when a policy has no `form.phonePattern`.
pub const MAINLAND_MOBILE: &str = r"^1[3-9]\d{9}$";

/// Highest year of study accepted (8-year integrated programmes).
pub const MAX_YEAR_OF_STUDY: i64 = 8;

/// The days a semester takes, as the policy estimates them for the form's duration warnings
/// (XYU-11 counts semesters, not days). A convention, never the regulation's number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SemesterDays {
    /// Fewer days than this per semester asked for: `short_duration` (xinyu: 70, a ten-week quarter).
    pub min: u32,
    /// More days than this per semester: `long_duration` (xinyu: 183, half a year with exams).
    pub max: u32,
    /// Says whose numbers these are, quoted in describePolicy.
    pub convention: Convention,
}

/// The `form` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormRules {
    /// Pattern the phone number must match in full, after spaces, dashes and a +86/0086
    /// prefix are removed. Unset → [`MAINLAND_MOBILE`].
    #[serde(default)]
    pub phone_pattern: Option<String>,
    /// The days-per-semester estimate behind the duration warnings; unset → no such warnings.
    #[serde(default)]
    pub semester_days: Option<SemesterDays>,
}

impl FormRules {
    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, problems: &mut Vec<Problem>, locale: Locale) {
        if let Some(p) = &self.phone_pattern {
            if !crate::pattern::is_valid(p) {
                problem(problems, &format!("{path}.phonePattern"), locale, "不是有效的正则表达式", "is not a valid regular expression");
            }
        }
        if let Some(d) = &self.semester_days {
            let at = format!("{path}.semesterDays");
            if d.min == 0 {
                problem(problems, &format!("{at}.min"), locale, "应大于 0", "must be greater than 0");
            }
            if d.max < d.min || d.max > 366 {
                problem(problems, &format!("{at}.max"), locale, "应在 min 到 366 之间", "must be between min and 366");
            }
            d.convention.check(&format!("{at}.convention"), problems, locale);
        }
    }
}

/// A score's allowed values: `min..=max`, a multiple of `step` when set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreRule {
    /// Lowest value.
    pub min: Decimal,
    /// Highest value.
    pub max: Decimal,
    /// Values must be multiples of this.
    pub step: Option<Decimal>,
}

/// GPA on the four-point scale of XYU-12.7.
pub const GPA: ScoreRule = ScoreRule { min: Decimal::ZERO, max: Decimal::from_parts(4, 0, 0, false, 0), step: None };
/// IELTS overall band: 0–9 in half bands.
pub const IELTS: ScoreRule =
    ScoreRule { min: Decimal::ZERO, max: Decimal::from_parts(9, 0, 0, false, 0), step: Some(Decimal::from_parts(5, 0, 0, false, 1)) };
/// TOEFL iBT total: 0–120, whole points.
pub const TOEFL: ScoreRule = ScoreRule { min: Decimal::ZERO, max: Decimal::from_parts(120, 0, 0, false, 0), step: Some(Decimal::ONE) };

impl ScoreRule {
    /// Checks a value: range first, then step (so 9.5 is `out_of_range`, 6.3 `invalid_step`).
    ///
    /// # Errors
    /// `OutOfRange` or `InvalidStep`, without a field.
    pub fn check(&self, v: Decimal) -> std::result::Result<(), ErrorKind> {
        if v < self.min || v > self.max {
            return Err(ErrorKind::OutOfRange {
                value: v.normalize().to_string(),
                min: Some(self.min.to_string()),
                max: Some(self.max.to_string()),
            });
        }
        if let Some(step) = self.step {
            if v.checked_rem(step).is_some_and(|r| !r.is_zero()) {
                return Err(ErrorKind::InvalidStep { value: v.normalize().to_string(), step: step.to_string() });
            }
        }
        Ok(())
    }
}

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

fn number_text(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    match n.as_f64() {
        // 2^53: beyond it an f64 no longer holds every whole number exactly.
        #[allow(clippy::cast_possible_truncation)] // whole and below 2^53: exact in i64
        Some(f) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => (f as i64).to_string(),
        _ => n.to_string(),
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

/// A calendar date, as read from `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Date {
    year: i64,
    month: i64,
    day: i64,
}

impl Date {
    /// Reads exactly `YYYY-MM-DD` (what `<input type="date">` sends), years 0001–9999.
    fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let shape = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
        if !shape {
            return None;
        }
        let num = |r: std::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<i64>().ok());
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1 && (1..=days_in_month).contains(&day)).then_some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = if self.month <= 2 { self.year - 1 } else { self.year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (self.month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + self.day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
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

    fn custom(&self, key: &str, code: &str, zh: String, en: String) -> FieldError {
        FieldError { field: key.to_owned(), code: code.to_owned(), message: self.locale.pick(zh, en) }
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
        let v = decimal::parse(&t).map_err(|e| match e {
            decimal::ParseError::Invalid => self.error(key, ErrorKind::InvalidNumber { input: echo(&t) }),
            decimal::ParseError::Overflow => self.error(key, ErrorKind::Overflow),
        })?;
        rule.check(v).map_err(|kind| self.error(key, kind))?;
        Ok(Some(v))
    }

    /// A date, or `None` when blank.
    fn date(&self, key: &str) -> Rule<Option<Date>> {
        let Some(t) = self.text(key)? else { return Ok(None) };
        let folded = decimal::fold_width(&t);
        Date::parse(folded.trim()).map(Some).ok_or_else(|| self.error(key, ErrorKind::InvalidDate { input: echo(&t) }))
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

    fn student_id(&self) -> Rule<Check> {
        let key = "studentId";
        let id = decimal::fold_width(&self.required(key)?);
        let ok = match &self.policy.student_id_pattern {
            Some(p) => crate::pattern::full_match(p, &id).unwrap_or(false),
            None => (6..=20).contains(&id.chars().count()) && id.chars().all(|c| c.is_ascii_digit()),
        };
        if !ok {
            let (zh, en) = match &self.policy.student_id_pattern {
                Some(_) => ("学校规定格式的学号", "a student ID in the school's format"),
                None => ("6–20 位数字", "6–20 digits"),
            };
            return Err(self.error(key, ErrorKind::InvalidFormat { input: echo(&id), expected_zh: zh.to_owned(), expected_en: en.to_owned() }));
        }
        Ok(Check { normalized: Some(id), ..Check::default() })
    }

    fn email(&self) -> Rule<Check> {
        let key = "email";
        // Full-width forms from a Chinese IME (＠, ．, 。) are folded first.
        let email = decimal::fold_width(&self.required(key)?);
        let ok = (|| {
            if email.chars().count() > 254 || email.chars().any(char::is_whitespace) {
                return false;
            }
            let Some((local, domain)) = email.split_once('@') else { return false };
            !local.is_empty()
                && local.chars().count() <= 64
                && !domain.contains('@')
                && domain.contains('.')
                && domain.split('.').all(|label| !label.is_empty())
        })();
        if !ok {
            return Err(self.error(
                key,
                ErrorKind::InvalidFormat { input: echo(&email), expected_zh: "name@example.com 这样的邮箱地址".to_owned(), expected_en: "an address like name@example.com".to_owned() },
            ));
        }
        Ok(Check { normalized: Some(email), ..Check::default() })
    }

    fn phone(&self) -> Rule<Check> {
        let key = "phone";
        let raw = self.required(key)?;
        let compact: String = decimal::fold_width(&raw).chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        let number = compact.strip_prefix("+86").or_else(|| compact.strip_prefix("0086")).unwrap_or(&compact);
        let pattern = self.policy.form.as_ref().and_then(|f| f.phone_pattern.as_deref()).unwrap_or(MAINLAND_MOBILE);
        if crate::pattern::full_match(pattern, number) != Some(true) {
            let (zh, en) = if pattern == MAINLAND_MOBILE {
                ("中国大陆手机号（11 位，以 13–19 开头，可带 +86）", "a mainland China mobile number (11 digits starting with 13–19, +86 allowed)")
            } else {
                ("学校规定格式的手机号码", "a phone number in the school's format")
            };
            return Err(self.error(key, ErrorKind::InvalidFormat { input: echo(&raw), expected_zh: zh.to_owned(), expected_en: en.to_owned() }));
        }
        Ok(Check { normalized: Some(number.to_owned()), ..Check::default() })
    }

    fn passport(&self) -> Rule<Check> {
        let key = "passport";
        let Some(raw) = self.text(key)? else { return Ok(Check::default()) };
        // ASCII upper-casing: every passport shape below is ASCII.
        let p: String = decimal::fold_width(&raw).chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        let chars: Vec<char> = p.chars().collect();
        let digits = |rest: &[char]| rest.iter().all(char::is_ascii_digit);
        // PRC ordinary passports: G + 8 digits (before 2012), E + 8 digits (e-passport), and
        // since 2017-04-05 E + a letter other than I/O + 7 digits — always 9 characters.
        let prc = match chars.as_slice() {
            ['G' | 'E', rest @ ..] if rest.len() == 8 && digits(rest) => true,
            ['E', second, rest @ ..] => rest.len() == 7 && second.is_ascii_uppercase() && !matches!(second, 'I' | 'O') && digits(rest),
            _ => false,
        };
        if prc {
            return Ok(Check { normalized: Some(p), ..Check::default() });
        }
        // ICAO Doc 9303 machine-readable document numbers: up to 9 characters of A–Z and 0–9.
        let icao = (6..=9).contains(&chars.len())
            && chars.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && chars.iter().any(char::is_ascii_digit);
        if !icao {
            return Err(self.error(
                key,
                ErrorKind::InvalidFormat {
                    input: echo(&raw),
                    expected_zh: "护照号码（如 E12345678 或 EA1234567）".to_owned(),
                    expected_en: "a passport number such as E12345678 or EA1234567".to_owned(),
                },
            ));
        }
        let warning = self.custom(
            key,
            "unusual_format",
            format!("{}：“{}”不是中国普通护照号码格式（G 或 E 加 8 位数字，或 E 加一个字母加 7 位数字），请核对。", label(key, Locale::ZhCn), echo(&p)),
            format!("{}: \"{}\" is not in the format of a PRC ordinary passport (G or E + 8 digits, or E + a letter + 7 digits); please check it.", label(key, Locale::En), echo(&p)),
        );
        Ok(Check { warning: Some(warning), normalized: Some(p), ..Check::default() })
    }

    fn track_key(&self) -> Rule<Check> {
        let key = "track";
        let id = self.required(key)?;
        let Some(tracks) = &self.policy.tracks else {
            return Err(self.error(key, ErrorKind::NotInPolicy { section: Section::Tracks, what: Some(("项目类别".to_owned(), "tracks".to_owned())) }));
        };
        if tracks.get(&id).is_none() {
            return Err(self.error(key, ErrorKind::UnknownValue { value: echo(&id), allowed: tracks.ids() }));
        }
        Ok(Check { normalized: Some(id), ..Check::default() })
    }

    fn end(&self) -> Rule<Check> {
        let key = "end";
        let end = self.date(key)?.ok_or_else(|| self.error(key, ErrorKind::MissingField))?;
        // A start that is missing or malformed has its own error; the cross rules wait for it.
        let Ok(Some(start)) = self.date("start") else { return Ok(Check::default()) };
        let show = |d: Date| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
        if end <= start {
            return Err(self.error(key, ErrorKind::DateOrder { after: show(start), or_same_day: false }));
        }
        let Some(track) = self.track() else { return Ok(Check::default()) };
        let (Some(min), Some(max)) = (track.min_semesters, track.max_semesters) else { return Ok(Check::default()) };
        let Some(per) = self.policy.form.as_ref().and_then(|f| f.semester_days.as_ref()) else { return Ok(Check::default()) };
        let clause = track.semesters_clause.as_deref().unwrap_or(&track.clause);
        let days = end.days() - start.days();
        let (min, max) = (i64::from(min), i64::from(max));
        let (from, to) = (show(start), show(end));
        // XYU-11 "交流学习期限一般为1-2个学期": generally, so a long stay is a warning that an
        // extension needs approval, never an error. The days per semester are the policy's
        // estimate (the regulation counts semesters, not days), and the message says so.
        let max_days = max * i64::from(per.max);
        let min_days = min * i64::from(per.min);
        let (text, code, per) = if days > max_days {
            (&LONG_DURATION, "long_duration", per.max)
        } else if days < min_days {
            (&SHORT_DURATION, "short_duration", per.min)
        } else {
            return Ok(Check::default());
        };
        let semesters_en = crate::locale::count(max, "semester", "semesters");
        let fill = |l: Locale| {
            let args: [(&str, &dyn std::fmt::Display); 9] = [("label", &label(key, l)), ("min", &min), ("max", &max), ("maxSemesters", &semesters_en),
                ("clause", &clause), ("from", &from), ("to", &to), ("days", &days), ("per", &per)];
            text.fill(l, &args)
        };
        let warning = self.custom(key, code, fill(Locale::ZhCn), fill(Locale::En));
        Ok(Check { warning: Some(warning), ..Check::default() })
    }

    fn year_of_study(&self) -> Rule<Check> {
        let key = "yearOfStudy";
        let rule = ScoreRule { min: Decimal::ONE, max: Decimal::from(MAX_YEAR_OF_STUDY), step: Some(Decimal::ONE) };
        let year = self.score(key, &rule)?;
        let Some(track) = self.track().filter(|t| t.kind == TrackKind::FreshmanLeap) else { return Ok(Check::default()) };
        let clause = &track.clause;
        let (zh_label, en_label) = (label(key, Locale::ZhCn), label(key, Locale::En));
        match year {
            None => Err(self.custom(
                key,
                "missing_field",
                format!("{zh_label}：“{}”须填写（仅限申请当年入学的新生，{clause}）。", track.title),
                format!("{en_label}: required for {} (only for students in their enrollment year, {clause}).", track.title_en),
            )),
            Some(y) if y != Decimal::ONE => Err(self.custom(
                key,
                "out_of_range",
                format!("{zh_label}：“{}”只面向申请当年入学的新生（一年级，{clause}）；你填写的是 {} 年级。", track.title, y.normalize()),
                format!("{en_label}: {} is only for students in their enrollment year (year 1, {clause}); you are in year {}.", track.title_en, y.normalize()),
            )),
            Some(_) => Ok(Check::default()),
        }
    }

    fn funding(&self, key: &str) -> Rule<Check> {
        let value = match self.form.get(key) {
            None | Some(FormValue::Blank) => None,
            Some(FormValue::Bool(b)) => Some(*b),
            Some(FormValue::Text(t)) => match t.trim().to_ascii_lowercase().as_str() {
                "" => None,
                "true" | "yes" | "y" | "on" | "1" | "是" => Some(true),
                "false" | "no" | "n" | "off" | "0" | "否" => Some(false),
                _ => {
                    return Err(self.error(
                        key,
                        ErrorKind::InvalidFormat { input: echo(t.trim()), expected_zh: "是或否".to_owned(), expected_en: "yes or no".to_owned() },
                    ))
                }
            },
            Some(FormValue::Other(found)) => return Err(self.error(key, ErrorKind::InvalidType { expected: Expected::Bool, found: found.clone() })),
        };
        if value != Some(true) {
            return Ok(Check::default());
        }
        // The uniqueness rule belongs to tracks with funding; with no valid track chosen yet,
        // any of the policy's tracks with one decides.
        let clause = self.track().map_or_else(
            || self.policy.tracks.as_ref().and_then(|ts| ts.0.values().find_map(|t| t.funding_clause.clone())),
            |t| t.funding_clause.clone(),
        );
        let Some(clause) = clause else { return Ok(Check::default()) };
        let (zh, en) = if key == "priorLixingFunding" {
            ("每名学生在校期间原则上只资助一次，本次不能获得资助（仍可申请）", "a student is, in principle, funded once while enrolled, so this application cannot be funded (you may still apply)")
        } else {
            ("已享受同类资助的不再重复资助，本次不能获得学校和学院资助（仍可申请）", "a student funded by the CSC or similar is not funded again, so this application gets no school or college funding (you may still apply)")
        };
        let warning = self.custom(
            key,
            "not_fundable",
            format!("{}：{zh}（{clause}）。", label(key, Locale::ZhCn)),
            format!("{}: {en} ({clause}).", label(key, Locale::En)),
        );
        Ok(Check { warning: Some(warning), ..Check::default() })
    }
}

/// XYU-11: a stay longer than the semesters allow, with the tool's days-per-semester estimate.
const LONG_DURATION: Text = Text {
    zh: "{label}：交流学习期限一般为 {min}–{max} 个学期（{clause}）；{from} 至 {to} 共 {days} 天，长于 {max} 个学期（按本政策估算的每学期至多约 {per} 天，非办法规定）。延长学习期限须经批准，请与学校确认。",
    en: "{label}: an exchange generally lasts {min}–{max} semesters ({clause}); {from} to {to} is {days} days, longer than {maxSemesters} (the policy's estimate of at most about {per} days a semester, not the regulation's). An extension needs approval; check with the school.",
};

/// XYU-11: a stay shorter than one semester, with the tool's estimate.
const SHORT_DURATION: Text = Text {
    zh: "{label}：{from} 至 {to} 仅 {days} 天，短于一个学期（按本政策估算的每学期至少约 {per} 天，非办法规定）；交流学习期限一般为 {min}–{max} 个学期（{clause}）。",
    en: "{label}: {from} to {to} is only {days} days, shorter than a semester (the policy's estimate of at least about {per} days, not the regulation's); an exchange generally lasts {min}–{max} semesters ({clause}).",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_like_the_calendar() {
        let d = |s: &str| Date::parse(s).map(Date::days);
        assert_eq!(d("1970-01-01"), Some(0));
        assert_eq!(d("2000-03-01"), Some(11_017));
        // 2024 is a leap year: 2024-02-28 → 2024-03-01 is 2 days.
        assert_eq!(d("2024-03-01").zip(d("2024-02-28")).map(|(a, b)| a - b), Some(2));
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "0000-01-01", "2026/01/01", "２０２６-01-01"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_some());
    }
}
