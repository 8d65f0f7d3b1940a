//! The one error type. Only input that cannot be read is an error; "not eligible" or
//! "credits short" are results with findings. Every error has a stable snake_case
//! [`Error::code`], the input path it concerns ([`Error::field`], e.g. `courses[2].grade`)
//! and a message in either language.

use crate::locale::{Locale, Text};
use std::fmt;

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// One problem found while checking a policy document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Path inside the policy, e.g. `grades.letters[3].gradePoint`.
    pub path: String,
    /// Stable snake_case code, what a program branches on (never the reason's words): an
    /// error code ([`ErrorKind::code`]: `invalid_type`, `unknown_field`, `missing_field`,
    /// `out_of_range`, `empty`, `duplicate`, `unknown_value`, `invalid_format`, …) or one of
    /// the policy's own: `unused_parameter` (a top-level parameter no rule of the policy
    /// reads), `unused_field` (a key this kind of track does not use), `conflict` (keys that
    /// exclude each other), `missing_entry` (a list without an entry the rules need).
    pub code: &'static str,
    /// What is wrong, in the caller's language.
    pub reason: String,
}

impl Problem {
    /// A problem at `path`.
    #[must_use]
    pub fn new(path: &str, code: &'static str, reason: String) -> Self {
        Self { path: path.to_owned(), code, reason }
    }
}

/// What a value should have been (`invalid_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// An object (`{ … }`).
    Object,
    /// A list (`[ … ]`).
    List,
    /// Text.
    Text,
    /// Text or a number (a grade, a name typed as a number).
    TextOrNumber,
    /// A number or a numeric string.
    Number,
    /// `true` or `false`.
    Bool,
    /// A preset id or a policy object (`policy`).
    Policy,
    /// A preset id (`extends`).
    PresetId,
    /// A value JSON can represent (the request as a whole).
    Json,
    /// A column named once (a CSV header).
    OneColumn,
    /// One of these names (an enumerated value such as a course category).
    OneOf(&'static [&'static str]),
}

impl Expected {
    fn words(self, locale: Locale) -> String {
        let (zh, en) = match self {
            Expected::Object => ("对象", "an object"),
            Expected::List => ("列表", "a list"),
            Expected::Text => ("文字", "text"),
            Expected::TextOrNumber => ("文字或数字", "text or a number"),
            Expected::Number => ("数字或数字文本", "a number or a numeric string"),
            Expected::Bool => ("true 或 false", "true or false"),
            Expected::Policy => ("政策 id 或政策对象", "a preset id or a policy object"),
            Expected::PresetId => ("预设政策 id", "a preset id"),
            Expected::Json => ("可用 JSON 表示的值", "a value JSON can represent"),
            Expected::OneColumn => ("每列只出现一次", "each column once"),
            Expected::OneOf(names) => return locale.pick(format!("以下之一：{}", names.join("、")), format!("one of {}", names.join(", "))),
        };
        locale.pick(zh, en).to_owned()
    }
}

/// What a value was instead (`invalid_type`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Found {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// Text.
    Text,
    /// A list.
    List,
    /// An object.
    Object,
    /// A column named a second time.
    Repeated,
    /// Nested deeper than the reader follows.
    TooDeep,
    /// What the JS engine said when it could not write the value as JSON (a cycle, a BigInt).
    Unrepresentable(String),
}

impl Found {
    fn words(&self, locale: Locale) -> String {
        let (zh, en) = match self {
            Found::Null => ("null", "null"),
            Found::Bool => ("true/false", "true/false"),
            Found::Number => ("数字", "a number"),
            Found::Text => ("文字", "text"),
            Found::List => ("列表", "a list"),
            Found::Object => ("对象", "an object"),
            Found::Repeated => ("重复的列", "a repeated column"),
            Found::TooDeep => ("嵌套过深的值", "a value nested too deeply"),
            Found::Unrepresentable(why) => {
                return locale.pick(format!("无法表示为 JSON 的值（{why}）"), format!("a value JSON cannot represent ({why})"))
            }
        };
        locale.pick(zh, en).to_owned()
    }
}

/// A part of a policy that a function needs and the chosen policy lacks (`not_in_policy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Section {
    /// The grade table (XYU-12.7).
    Grades,
    /// Credit recognition (XYU-11, XYU-12.2–12.9).
    Credits,
    /// Funding shares (LX-5).
    Funding,
    /// Eligibility tracks (XYU-10, LX-2.1).
    Tracks,
    /// Deadlines (XYU-12.9, XYU-13, LX-4).
    Deadlines,
}

impl Section {
    /// The policy key of the section, as the page and the JS error name it.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Section::Grades => "grades",
            Section::Credits => "credits",
            Section::Funding => "funding",
            Section::Tracks => "tracks",
            Section::Deadlines => "deadlines",
        }
    }

    /// The clauses the section's words cite, so a page can offer their quoted text without
    /// reading them out of the message.
    #[must_use]
    pub fn clauses(self) -> &'static [&'static str] {
        match self {
            Section::Grades => &["XYU-12.7"],
            Section::Credits => &["LX-6.2"],
            Section::Funding => &["LX-5"],
            Section::Tracks => &["XYU-10", "LX-2.1"],
            Section::Deadlines => &[],
        }
    }

    fn words(self, locale: Locale) -> &'static str {
        let (zh, en) = match self {
            Section::Grades => ("成绩换算（XYU-12.7）", "grade conversion (XYU-12.7)"),
            Section::Credits => (
                "学分认定（如 LX-6.2 交由教务处规定）",
                "credit recognition (e.g. LX-6.2 leaves it to the academic affairs office)",
            ),
            Section::Funding => ("经费分担（LX-5）", "funding shares (LX-5)"),
            Section::Tracks => ("申请资格（XYU-10、LX-2.1）", "eligibility tracks (XYU-10, LX-2.1)"),
            Section::Deadlines => ("时间节点", "deadlines"),
        };
        locale.pick(zh, en)
    }
}

/// What went wrong. Each variant maps to one stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A value has the wrong JSON type (`invalid_type`).
    InvalidType { expected: Expected, found: Found },
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
    /// The policy has no rule for what was asked (`not_in_policy`): a section, or one thing
    /// inside it (`what`, in zh and en: a cost item, a credit system, a date).
    NotInPolicy { section: Section, what: Option<(String, String)> },
    /// A policy object or `{ extends }` given to the grades entry point, which holds the
    /// presets only (`needs_full_module`).
    NeedsFullModule,
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
            ErrorKind::NeedsFullModule => "needs_full_module",
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

    /// A full sentence in `locale`, naming the field: `courses[1].credits：“三”不是数字`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let f = if self.field.is_empty() { locale.pick("输入", "input") } else { &self.field };
        let sep = locale.pick("：", ": ");
        format!("{f}{sep}{}", self.reason(locale))
    }

    /// What is wrong, in `locale`, without the field: `“三”不是数字`. A policy problem's
    /// reason, and what a page shows under the field it belongs to.
    #[must_use]
    pub fn reason(&self, locale: Locale) -> String {
        let l = locale;
        // One message table, filled once in the asked language (a pair of format! calls per
        // kind compiled both languages' formatting).
        let fill = |text: &Text, args: &[(&str, &dyn fmt::Display)]| text.fill(l, args);
        match &*self.kind {
            ErrorKind::InvalidType { expected, found } => fill(&WRONG_TYPE, &[("expected", &expected.words(l)), ("found", &found.words(l))]),
            ErrorKind::UnknownField { name } => fill(&UNKNOWN_FIELD, &[("name", name)]),
            ErrorKind::MissingField => REQUIRED.get(l),
            ErrorKind::InvalidNumber { input } => fill(&NOT_A_NUMBER, &[("input", input)]),
            ErrorKind::OutOfRange { value, min, max } => {
                let text = match (min, max) {
                    (Some(_), Some(_)) => &BETWEEN,
                    (Some(_), None) => &AT_LEAST,
                    (None, Some(_)) => &AT_MOST,
                    (None, None) => &OUT_OF_RANGE,
                };
                let (min, max) = (min.as_deref().unwrap_or_default(), max.as_deref().unwrap_or_default());
                fill(text, &[("value", value), ("min", &min), ("max", &max)])
            }
            ErrorKind::InvalidStep { value, step } => fill(&NOT_A_MULTIPLE, &[("value", value), ("step", step)]),
            ErrorKind::InvalidGrade { input, valid } => fill(&NOT_A_GRADE, &[("input", input), ("list", &valid.join(" "))]),
            ErrorKind::UnknownPolicy { id, known } => fill(&NO_POLICY, &[("id", id), ("list", &known.join(", "))]),
            ErrorKind::InvalidPolicy { problems } => {
                let list = problems.iter().map(|p| format!("{}: {}", p.path, p.reason)).collect::<Vec<_>>().join("; ");
                let count = crate::locale::count(problems.len(), "problem", "problems");
                fill(&POLICY_PROBLEMS, &[("n", &problems.len()), ("count", &count), ("list", &list)])
            }
            ErrorKind::NotInPolicy { section, what } => {
                let what = match what {
                    Some((zh, en)) => l.pick(zh, en).as_str(),
                    None => section.words(l),
                };
                fill(&NO_RULE, &[("what", &what)])
            }
            ErrorKind::NeedsFullModule => NEEDS_FULL_MODULE.get(l),
            ErrorKind::UnknownValue { value, allowed } => fill(&NOT_ALLOWED, &[("value", value), ("list", &allowed.join(", "))]),
            ErrorKind::Overflow => OVERFLOW.get(l),
            ErrorKind::InvalidDate { input } => fill(&NOT_A_DATE, &[("input", input)]),
            ErrorKind::DateOrder { after, or_same_day } => fill(if *or_same_day { &ON_OR_AFTER } else { &AFTER }, &[("after", after)]),
            ErrorKind::Empty => EMPTY.get(l),
            ErrorKind::MissingRate { currency } => fill(&NO_RATE, &[("currency", currency)]),
            ErrorKind::Duplicate { value } => fill(&REPEATED, &[("value", value)]),
            ErrorKind::NoStudents => NO_STUDENTS.get(l),
            ErrorKind::InvalidFormat { input, expected_zh, expected_en } => {
                fill(&BAD_FORMAT, &[("input", input), ("expected", &l.pick(expected_zh, expected_en))])
            }
            ErrorKind::FieldCount { expected, found } => {
                fill(&FIELD_COUNT, &[("found", found), ("foundEn", &crate::locale::count(found, "field", "fields")), ("expected", expected)])
            }
            ErrorKind::UnclosedQuote => UNCLOSED_QUOTE.get(l),
        }
    }
}

// The reasons, by error kind.
const WRONG_TYPE: Text = Text { zh: "类型不对：应为{expected}，实际是{found}", en: "wrong type: expected {expected}, found {found}" };
const UNKNOWN_FIELD: Text = Text { zh: "不认识的字段“{name}”（是否拼写有误？）", en: "unknown field \"{name}\" (a typo?)" };
const REQUIRED: Text = Text { zh: "必填", en: "required" };
const NOT_A_NUMBER: Text = Text { zh: "“{input}”不是数字", en: "\"{input}\" is not a number" };
const BETWEEN: Text = Text { zh: "{value} 应在 {min} 到 {max} 之间", en: "{value} must be between {min} and {max}" };
const AT_LEAST: Text = Text { zh: "{value} 应不小于 {min}", en: "{value} must be at least {min}" };
const AT_MOST: Text = Text { zh: "{value} 应不大于 {max}", en: "{value} must be at most {max}" };
const OUT_OF_RANGE: Text = Text { zh: "{value} 超出范围", en: "{value} is out of range" };
const NOT_A_MULTIPLE: Text = Text { zh: "{value} 不是 {step} 的整数倍", en: "{value} is not a multiple of {step}" };
const NOT_A_GRADE: Text = Text {
    zh: "无法识别成绩“{input}”。有效成绩：{list}，或 0–100 的百分制分数",
    en: "\"{input}\" is not a grade. Valid grades: {list}, or a percentage score 0–100",
};
const NO_POLICY: Text = Text { zh: "没有名为“{id}”的政策；可用：{list}", en: "no policy \"{id}\"; available: {list}" };
const POLICY_PROBLEMS: Text = Text { zh: "政策有 {n} 处问题：{list}", en: "the policy has {count}: {list}" };
const NO_RULE: Text = Text { zh: "所选政策没有规定{what}", en: "the chosen policy has no rule for {what}" };
const NEEDS_FULL_MODULE: Text = Text {
    zh: "成绩模块只含预设政策；自定义政策或 extends 请使用完整模块 exchange_calc.js",
    en: "the grades module holds the presets only; for a policy object or extends, use the full module exchange_calc.js",
};
const NOT_ALLOWED: Text = Text { zh: "“{value}”不是可选值；可选：{list}", en: "\"{value}\" is not allowed; choose one of: {list}" };
const OVERFLOW: Text = Text { zh: "数值太大，无法精确计算", en: "the number is too large to compute exactly" };
const NOT_A_DATE: Text = Text { zh: "“{input}”不是有效日期（格式 YYYY-MM-DD）", en: "\"{input}\" is not a valid date (YYYY-MM-DD)" };
const AFTER: Text = Text { zh: "应晚于 {after}", en: "must be after {after}" };
const ON_OR_AFTER: Text = Text { zh: "应不早于 {after}", en: "must be on or after {after}" };
const EMPTY: Text = Text { zh: "不能为空", en: "must not be empty" };
const NO_RATE: Text = Text {
    zh: "没有 {currency} 的汇率；请在 rates 中给出 1 {currency} 折合多少人民币",
    en: "no rate for {currency}; add rates.{currency} (CNY per unit)",
};
const REPEATED: Text = Text { zh: "“{value}”重复出现", en: "\"{value}\" appears more than once" };
const NO_STUDENTS: Text = Text {
    zh: "各学院学生人数均为 0，无法按人数分配名额",
    en: "no college has any students, so places cannot be shared in proportion to students",
};
const BAD_FORMAT: Text = Text { zh: "“{input}”格式不对，应为{expected}", en: "\"{input}\" is not valid; expected {expected}" };
const FIELD_COUNT: Text = Text { zh: "这一行有 {found} 列，表头有 {expected} 列", en: "this line has {foundEn}; the header has {expected}" };
const UNCLOSED_QUOTE: Text = Text { zh: "引号没有闭合", en: "a quoted field is never closed" };

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
