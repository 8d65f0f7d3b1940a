//! The one error type. Only input that cannot be read is an error; "not eligible" or
//! "credits short" are results with findings. Every error has a stable snake_case
//! [`Error::code`], the input path it concerns ([`Error::field`], e.g. `courses[2].grade`)
//! and a message in either language.

use crate::locale::Locale;
use std::fmt;

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// One problem found while checking a policy document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Path inside the policy, e.g. `grades.letters[3].gradePoint`.
    pub path: String,
    /// What is wrong, in the caller's language.
    pub reason: String,
}

/// What went wrong. Each variant maps to one stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A value has the wrong JSON type (`invalid_type`); `detail` is serde's description.
    InvalidType { detail: String },
    /// A key the input does not know (`unknown_field`): usually a typo.
    UnknownField { name: String },
    /// A required key is absent or empty (`missing_field`).
    MissingField,
    /// Text that is not a decimal number (`invalid_number`).
    InvalidNumber { input: String },
    /// A number outside its allowed range (`out_of_range`). Bounds are inclusive.
    OutOfRange { value: String, min: Option<String>, max: Option<String> },
    /// A number that is not a multiple of its step, e.g. IELTS 6.3 (`invalid_step`).
    InvalidStep { value: String, step: String },
    /// A grade that is neither in the policy's table nor a pass/fail grade nor a percentage (`invalid_grade`).
    InvalidGrade { input: String, valid: Vec<String> },
    /// A preset id that does not exist (`unknown_policy`).
    UnknownPolicy { id: String, known: Vec<String> },
    /// A policy document with problems; every one is listed (`invalid_policy`).
    InvalidPolicy { problems: Vec<Problem> },
    /// The policy has no rule for what was asked (`not_in_policy`), e.g. a grade table.
    NotInPolicy { zh: String, en: String },
    /// A value outside a fixed list (`unknown_value`): item, currency, method, track, system.
    UnknownValue { value: String, allowed: Vec<String> },
    /// Arithmetic that would exceed the decimal range (`overflow`).
    Overflow,
    /// Not a real `YYYY-MM-DD` date (`invalid_date`).
    InvalidDate { input: String },
    /// A date that must come after another does not (`date_order`); with `or_same_day`, the
    /// same day is allowed too (arrival on the day of departure).
    DateOrder { after: String, or_same_day: bool },
    /// A list that must not be empty is (`empty`).
    Empty,
    /// An amount in a currency that `rates` gives no rate for (`missing_rate`).
    MissingRate { currency: String },
    /// A name or key given twice where each must be unique (`duplicate`).
    Duplicate { value: String },
    /// Places to share out in proportion to students, but no college has any (`no_students`).
    NoStudents,
    /// Text that does not have the required shape (`invalid_format`), e.g. a phone number or an
    /// e-mail address; `expected_zh` / `expected_en` describe the shape that would pass.
    InvalidFormat { input: String, expected_zh: String, expected_en: String },
    /// A CSV line with `found` fields where the header has `expected` (`field_count`).
    FieldCount { expected: usize, found: usize },
    /// A CSV quoted field whose closing quote never comes (`unclosed_quote`).
    UnclosedQuote,
}

impl ErrorKind {
    /// The stable snake_case code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::InvalidType { .. } => "invalid_type",
            ErrorKind::UnknownField { .. } => "unknown_field",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::InvalidNumber { .. } => "invalid_number",
            ErrorKind::OutOfRange { .. } => "out_of_range",
            ErrorKind::InvalidStep { .. } => "invalid_step",
            ErrorKind::InvalidGrade { .. } => "invalid_grade",
            ErrorKind::UnknownPolicy { .. } => "unknown_policy",
            ErrorKind::InvalidPolicy { .. } => "invalid_policy",
            ErrorKind::NotInPolicy { .. } => "not_in_policy",
            ErrorKind::UnknownValue { .. } => "unknown_value",
            ErrorKind::Overflow => "overflow",
            ErrorKind::InvalidDate { .. } => "invalid_date",
            ErrorKind::DateOrder { .. } => "date_order",
            ErrorKind::Empty => "empty",
            ErrorKind::MissingRate { .. } => "missing_rate",
            ErrorKind::Duplicate { .. } => "duplicate",
            ErrorKind::NoStudents => "no_students",
            ErrorKind::InvalidFormat { .. } => "invalid_format",
            ErrorKind::FieldCount { .. } => "field_count",
            ErrorKind::UnclosedQuote => "unclosed_quote",
        }
    }
}

/// An error with the input path it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: Box<ErrorKind>,
    /// Input path, e.g. `courses[2].grade`; empty for the input as a whole.
    pub field: String,
}

impl Error {
    /// An error about `field`.
    #[must_use]
    pub fn new(kind: ErrorKind, field: impl Into<String>) -> Self {
        Self { kind: Box::new(kind), field: field.into() }
    }

    /// Puts `prefix` in front of the field path (`courses[2]` + `grade` → `courses[2].grade`).
    #[must_use]
    pub fn at(mut self, prefix: &str) -> Self {
        self.field = join_path(prefix, &self.field);
        self
    }

    /// The stable snake_case code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The problems of an invalid policy (empty for other errors).
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        match &*self.kind {
            ErrorKind::InvalidPolicy { problems } => problems,
            _ => &[],
        }
    }

    /// A full sentence in `locale`, naming the field.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let f = if self.field.is_empty() { locale.pick("输入", "input") } else { &self.field };
        let zh = locale == Locale::ZhCn;
        match &*self.kind {
            ErrorKind::InvalidType { detail } => {
                if zh { format!("{f}：类型不对（{detail}）") } else { format!("{f}: wrong type ({detail})") }
            }
            ErrorKind::UnknownField { name } => {
                if zh { format!("{f}：不认识的字段“{name}”（是否拼写有误？）") } else { format!("{f}: unknown field \"{name}\" (a typo?)") }
            }
            ErrorKind::MissingField => {
                if zh { format!("{f}：必填") } else { format!("{f}: required") }
            }
            ErrorKind::InvalidNumber { input } => {
                if zh { format!("{f}：“{input}”不是数字") } else { format!("{f}: \"{input}\" is not a number") }
            }
            ErrorKind::OutOfRange { value, min, max } => {
                let range = match (min, max) {
                    (Some(a), Some(b)) => locale.pick(format!("应在 {a} 到 {b} 之间"), format!("must be between {a} and {b}")),
                    (Some(a), None) => locale.pick(format!("应不小于 {a}"), format!("must be at least {a}")),
                    (None, Some(b)) => locale.pick(format!("应不大于 {b}"), format!("must be at most {b}")),
                    (None, None) => locale.pick("超出范围".to_owned(), "is out of range".to_owned()),
                };
                if zh { format!("{f}：{value} {range}") } else { format!("{f}: {value} {range}") }
            }
            ErrorKind::InvalidStep { value, step } => {
                if zh { format!("{f}：{value} 不是 {step} 的整数倍") } else { format!("{f}: {value} is not a multiple of {step}") }
            }
            ErrorKind::InvalidGrade { input, valid } => {
                let list = valid.join(" ");
                if zh { format!("{f}：无法识别成绩“{input}”。有效成绩：{list}，或 0–100 的百分制分数") } else { format!("{f}: \"{input}\" is not a grade. Valid grades: {list}, or a percentage score 0–100") }
            }
            ErrorKind::UnknownPolicy { id, known } => {
                let list = known.join(", ");
                if zh { format!("{f}：没有名为“{id}”的政策；可用：{list}") } else { format!("{f}: no policy \"{id}\"; available: {list}") }
            }
            ErrorKind::InvalidPolicy { problems } => {
                let list = problems.iter().map(|p| format!("{}: {}", p.path, p.reason)).collect::<Vec<_>>().join("; ");
                if zh { format!("{f}：政策有 {} 处问题：{list}", problems.len()) } else { format!("{f}: the policy has {}: {list}", crate::locale::count(problems.len(), "problem", "problems")) }
            }
            ErrorKind::NotInPolicy { zh: what_zh, en: what_en } => {
                if zh { format!("{f}：所选政策没有规定{what_zh}") } else { format!("{f}: the chosen policy has no rule for {what_en}") }
            }
            ErrorKind::UnknownValue { value, allowed } => {
                let list = allowed.join(", ");
                if zh { format!("{f}：“{value}”不是可选值；可选：{list}") } else { format!("{f}: \"{value}\" is not allowed; choose one of: {list}") }
            }
            ErrorKind::Overflow => {
                if zh { format!("{f}：数值太大，无法精确计算") } else { format!("{f}: the number is too large to compute exactly") }
            }
            ErrorKind::InvalidDate { input } => {
                if zh { format!("{f}：“{input}”不是有效日期（格式 YYYY-MM-DD）") } else { format!("{f}: \"{input}\" is not a valid date (YYYY-MM-DD)") }
            }
            ErrorKind::DateOrder { after, or_same_day: false } => {
                if zh { format!("{f}：应晚于 {after}") } else { format!("{f}: must be after {after}") }
            }
            ErrorKind::DateOrder { after, or_same_day: true } => {
                if zh { format!("{f}：应不早于 {after}") } else { format!("{f}: must be on or after {after}") }
            }
            ErrorKind::Empty => {
                if zh { format!("{f}：不能为空") } else { format!("{f}: must not be empty") }
            }
            ErrorKind::MissingRate { currency } => {
                if zh { format!("{f}：没有 {currency} 的汇率；请在 rates 中给出 1 {currency} 折合多少人民币") } else { format!("{f}: no rate for {currency}; add rates.{currency} (CNY per unit)") }
            }
            ErrorKind::Duplicate { value } => {
                if zh { format!("{f}：“{value}”重复出现") } else { format!("{f}: \"{value}\" appears more than once") }
            }
            ErrorKind::NoStudents => {
                if zh { format!("{f}：各学院学生人数均为 0，无法按人数分配名额") } else { format!("{f}: no college has any students, so places cannot be shared in proportion to students") }
            }
            ErrorKind::InvalidFormat { input, expected_zh, expected_en } => {
                if zh { format!("{f}：“{input}”格式不对，应为{expected_zh}") } else { format!("{f}: \"{input}\" is not valid; expected {expected_en}") }
            }
            ErrorKind::FieldCount { expected, found } => {
                if zh { format!("{f}：这一行有 {found} 列，表头有 {expected} 列") } else { format!("{f}: this line has {}; the header has {expected}", crate::locale::count(found, "field", "fields")) }
            }
            ErrorKind::UnclosedQuote => {
                if zh { format!("{f}：引号没有闭合") } else { format!("{f}: a quoted field is never closed") }
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message(Locale::En))
    }
}

impl std::error::Error for Error {}

/// Joins two path pieces: `a` + `b` → `a.b`; `a` + `[2].c` → `a[2].c`.
#[must_use]
pub fn join_path(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) if rest.starts_with('[') => format!("{prefix}{rest}"),
        (false, false) => format!("{prefix}.{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_like_js_property_access() {
        assert_eq!(join_path("courses[2]", "grade"), "courses[2].grade");
        assert_eq!(join_path("courses", "[2].grade"), "courses[2].grade");
        assert_eq!(join_path("", "grade"), "grade");
        assert_eq!(join_path("policy", ""), "policy");
    }

    #[test]
    fn messages_exist_in_both_languages_and_name_the_field() {
        let e = Error::new(ErrorKind::OutOfRange { value: "10".into(), min: Some("0".into()), max: Some("9".into()) }, "form.ielts");
        assert_eq!(e.code(), "out_of_range");
        assert_eq!(e.message(Locale::En), "form.ielts: 10 must be between 0 and 9");
        assert_eq!(e.message(Locale::ZhCn), "form.ielts：10 应在 0 到 9 之间");
    }
}
