//! Credit recognition: XYU-11 (1–2 semesters), XYU-12.2 (16–18 class hours = 1 credit,
//! equivalence with the home plan), XYU-12.3 (home attributes; short programs at most 2
//! credits, as electives), XYU-12.4 (3 / 6 passed core courses recognize the whole plan),
//! XYU-12.8 (failed courses are retaken) and XYU-12.9 (the transcript decides).
//!
//! Decisions the regulation leaves open, made here and documented once:
//! - A course gives class `hours` or foreign `credits`. When it gives both, **hours win**:
//!   XYU-12.2 states the hour rule, the per-system factors are only convention. The credits
//!   are kept in the course detail and a finding says they were not used.
//! - `equivalentCredits` is the workload of **every** course entered (XYU-12.2 compares the
//!   credits and hours *taken*); `recognizedCredits` counts passed courses only.
//! - When XYU-12.4 recognizes the whole plan, `recognizedCredits` is `homePlanCredits`, or
//!   the course-by-course sum (`courseCredits`) if that is larger: the rule grants the plan,
//!   it never takes away what the courses earn one by one. So another passed core course
//!   can only raise the recognized credits.
//! - Exact values are kept (28 significant digits; 64/18 is not a finite decimal); display
//!   strings are rounded half-up to two places.

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Problem, Result, Section};
use crate::finding::{Convention, Finding};
use crate::grade::{self, Conversion};
use crate::locale::{count, Locale, Text};
use crate::policy::{check_range, problem, ClauseText, Policy};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Class hours above this for one course are treated as a typing mistake (a full-time
/// semester is about 400–500 hours in all).
pub const MAX_COURSE_HOURS: u32 = 2000;
/// Foreign credits above this for one course are treated as a typing mistake (a whole
/// UK year is 120 CATS).
pub const MAX_COURSE_CREDITS: u32 = 200;
/// Home-plan credits outside 1..=this are treated as a typing mistake (a home year is
/// about 40–60 credits).
pub const MAX_PLAN_CREDITS: u32 = 200;

/// The top-level policy parameters the credit check reads (when the policy has a `credits`
/// section): the divisor of a recognized value.
pub const PARAMETERS: &[&str] = &["hoursPerCredit"];

/// The class-hour range of one credit (XYU-12.2: 16–18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HourRange {
    /// Fewest class hours per credit (16): gives the *largest* credit value, H/16.
    #[serde(deserialize_with = "decimal::req")]
    pub min: Decimal,
    /// Most class hours per credit (18): gives the *smallest* credit value, H/18.
    #[serde(deserialize_with = "decimal::req")]
    pub max: Decimal,
    /// Clause id, e.g. `XYU-12.2`.
    pub clause: String,
}

/// Where a conversion factor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// Home credits: no conversion.
    Identity,
    /// Written in the regulation.
    Regulation,
    /// Common practice, not a rule of the regulation; shown as such.
    Convention,
}

/// A foreign credit system: `foreignCredits` of it are worth `homeCredits` home credits.
/// The factor is kept as this exact ratio (3 US quarter credits = 2 home credits), never as
/// a rounded decimal such as 0.6667.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreditSystem {
    /// Id typed in a course's `system`, e.g. `ects`.
    pub id: String,
    /// Foreign credits of the ratio.
    #[serde(deserialize_with = "decimal::req")]
    pub foreign_credits: Decimal,
    /// Home credits they are worth.
    #[serde(deserialize_with = "decimal::req")]
    pub home_credits: Decimal,
    /// Identity, regulation or convention.
    pub basis: Basis,
    /// What the factor rests on, in both languages.
    pub note: ClauseText,
    /// The system's name for messages ("ECTS credits"); the id when absent.
    #[serde(default)]
    pub name: Option<ClauseText>,
}

impl CreditSystem {
    /// The name in `locale`, or the id.
    #[must_use]
    pub fn label(&self, locale: Locale) -> &str {
        self.name.as_ref().map_or(&self.id, |n| locale.pick(&n.zh, &n.en))
    }
}

/// How many passed core courses recognize the whole plan for a period (XYU-12.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoreRequirement {
    /// Length of the exchange in semesters.
    pub semesters: u32,
    /// Passed core courses needed.
    pub count: u32,
}

/// The core-course rule (XYU-12.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoreRule {
    /// Clause id, e.g. `XYU-12.4`.
    pub clause: String,
    /// One entry per allowed length.
    pub required: Vec<CoreRequirement>,
}

/// The short-program cap (XYU-12.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShortProgramRule {
    /// Most credits recognized from short programs in total.
    #[serde(deserialize_with = "decimal::req")]
    pub cap: Decimal,
    /// Clause id, e.g. `XYU-12.3`.
    pub clause: String,
}

/// The allowed length of an exchange (XYU-11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SemesterRule {
    /// Fewest semesters.
    pub min: u32,
    /// Most semesters.
    pub max: u32,
    /// Clause id, e.g. `XYU-11`.
    pub clause: String,
}

/// The `credits` section of a policy. The divisor for a recognized value is the top-level
/// `hoursPerCredit`, which must lie inside `hoursPerCredit` here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreditRules {
    /// Class hours per credit, as a range (XYU-12.2).
    pub hours_per_credit: HourRange,
    /// Clause of the home attributes and "no counterpart → elective" (XYU-12.3).
    pub category_clause: String,
    /// Clause of the retake routes (XYU-12.8).
    pub retake_clause: String,
    /// Clause that makes the partner's transcript the basis (XYU-12.9).
    pub transcript_clause: String,
    /// Short-program cap (XYU-12.3).
    pub short_program: ShortProgramRule,
    /// Core-course rule (XYU-12.4).
    pub core_courses: CoreRule,
    /// Allowed length (XYU-11).
    pub semesters: SemesterRule,
    /// Foreign credit systems; `home` should be among them.
    pub systems: Vec<CreditSystem>,
    /// Why the policy's divisor (top-level `hoursPerCredit`) is its own choice within the
    /// range: quoted when the answer depends on that choice.
    #[serde(default)]
    pub divisor_convention: Option<Convention>,
}

impl CreditRules {
    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, problems: &mut Vec<Problem>, locale: Locale) {
        let h = &self.hours_per_credit;
        let at = format!("{path}.hoursPerCredit");
        if h.min <= Decimal::ZERO {
            problem(problems, &format!("{at}.min"), locale, "应大于 0", "must be greater than 0");
        }
        if h.max < h.min {
            problem(problems, &format!("{at}.max"), locale, "应不小于 min", "must be at least min");
        }
        check_range(problems, &format!("{path}.shortProgram.cap"), Some(self.short_program.cap), Some(Decimal::ZERO), None, locale);
        let s = &self.semesters;
        if s.min == 0 {
            problem(problems, &format!("{path}.semesters.min"), locale, "应大于 0", "must be greater than 0");
        }
        if s.max < s.min {
            problem(problems, &format!("{path}.semesters.max"), locale, "应不小于 min", "must be at least min");
        }
        for n in s.min..=s.max.min(s.min.saturating_add(12)) {
            if !self.core_courses.required.iter().any(|r| r.semesters == n) {
                problems.push(Problem {
                    path: format!("{path}.coreCourses.required"),
                    reason: locale.pick(format!("缺少 {n} 个学期的核心课程门数"), format!("has no core-course count for {}", count(n, "semester", "semesters"))),
                });
            }
        }
        for (i, r) in self.core_courses.required.iter().enumerate() {
            if self.core_courses.required.iter().take(i).any(|e| e.semesters == r.semesters) {
                problem(problems, &format!("{path}.coreCourses.required[{i}].semesters"), locale, "与前面的条目重复", "repeats an earlier entry");
            }
        }
        for (i, sys) in self.systems.iter().enumerate() {
            let at = format!("{path}.systems[{i}]");
            let id = normalize_system(&sys.id);
            if id.is_empty() {
                problem(problems, &format!("{at}.id"), locale, "不能为空", "must not be empty");
            } else if self.systems.iter().take(i).any(|e| normalize_system(&e.id) == id) {
                problem(problems, &format!("{at}.id"), locale, "与前面的学分体系重复", "repeats an earlier system");
            }
            for (key, v) in [("foreignCredits", sys.foreign_credits), ("homeCredits", sys.home_credits)] {
                if v <= Decimal::ZERO {
                    problem(problems, &format!("{at}.{key}"), locale, "应大于 0", "must be greater than 0");
                }
            }
        }
        if let Some(c) = &self.divisor_convention {
            c.check(&format!("{path}.divisorConvention"), problems, locale);
        }
        if !self.systems.iter().any(|s| normalize_system(&s.id) == HOME) {
            problem(problems, &format!("{path}.systems"), locale, "缺少 home（本校学分）", "lacks `home` (home credits)");
        }
    }

    /// Records a problem unless the policy's divisor `hoursPerCredit` lies within the hour
    /// range (XYU-12.2), which keeps every recognized value inside the course's range.
    /// A divisor ≤ 0 is already reported by the top-level check, so it is not repeated here.
    pub fn check_divisor(&self, divisor: Option<Decimal>, path: &str, problems: &mut Vec<Problem>, locale: Locale) {
        let h = &self.hours_per_credit;
        let divisor = divisor.filter(|d| *d > Decimal::ZERO);
        check_range(problems, path, divisor, Some(h.min), Some(h.max), locale);
    }

    fn system(&self, id: &str) -> Option<&CreditSystem> {
        let key = normalize_system(id);
        self.systems.iter().find(|s| normalize_system(&s.id) == key)
    }
}

const HOME: &str = "home";

fn normalize_system(id: &str) -> String {
    id.trim().to_ascii_lowercase().replace('_', "-")
}

/// The home attribute of a course (XYU-12.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Category {
    /// 公共必修课.
    PublicRequired,
    /// 专业必修课.
    MajorRequired,
    /// 专业选修课.
    MajorElective,
    /// 通识选修课.
    GeneralElective,
}

/// What a passed course is recognized as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RecognizedAs {
    /// Public required course.
    PublicRequired,
    /// Major required course.
    MajorRequired,
    /// Major elective.
    MajorElective,
    /// General elective.
    GeneralElective,
    /// No home counterpart: an elective or general course, the school chooses (XYU-12.3).
    ElectiveOrGeneral,
    /// A short-program course: an elective (XYU-12.3).
    Elective,
}

impl From<Category> for RecognizedAs {
    fn from(c: Category) -> Self {
        match c {
            Category::PublicRequired => Self::PublicRequired,
            Category::MajorRequired => Self::MajorRequired,
            Category::MajorElective => Self::MajorElective,
            Category::GeneralElective => Self::GeneralElective,
        }
    }
}

/// One foreign course as entered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreditCourse {
    /// Course name (free text).
    pub name: String,
    /// Class hours, if the transcript gives them.
    pub hours: Option<Decimal>,
    /// Credits in `system`, if the transcript gives them.
    pub credits: Option<Decimal>,
    /// Credit system id; `None` means `home`.
    pub system: Option<String>,
    /// Grade as typed (XYU-12.7).
    pub grade: String,
    /// A core course of the student's first-level discipline (XYU-12.4).
    pub core: bool,
    /// From a short program such as a summer or winter camp (XYU-12.3).
    pub short_program: bool,
    /// Home attribute; `None`: no home counterpart.
    pub category: Option<Category>,
    /// Whether the partner grades on the home standard (XYU-12.7(1)), for a percentage
    /// grade; `None`: not stated.
    pub same_standard: Option<bool>,
}

/// What is asked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreditRequest {
    /// Length of the exchange in semesters (XYU-11).
    pub semesters: Decimal,
    /// Credits of the home plan for the same period (XYU-12.2).
    pub home_plan_credits: Decimal,
    /// The courses taken abroad.
    pub courses: Vec<CreditCourse>,
}

/// A credit value or range: display strings rounded half-up to two places, and exact ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditRange {
    /// Lower end, rounded half-up to two places.
    pub min: String,
    /// Upper end, rounded half-up to two places.
    pub max: String,
    /// Lower end, exact.
    pub min_exact: String,
    /// Upper end, exact.
    pub max_exact: String,
}

impl CreditRange {
    fn new(min: Decimal, max: Decimal) -> Self {
        // Display rounding: half-up to two places (decimal::fixed2).
        Self { min: decimal::fixed2(min), max: decimal::fixed2(max), min_exact: decimal::exact(min), max_exact: decimal::exact(max) }
    }
}

/// One course of a credit result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseCredit {
    /// Name as entered.
    pub name: String,
    /// Class hours as entered.
    pub hours: Option<Decimal>,
    /// Foreign credits as entered.
    pub credits: Option<Decimal>,
    /// The credit system used for `credits` (`home` by default); `None` when hours are used.
    pub system: Option<String>,
    /// `hours` or `credits`: which one the value comes from.
    pub basis: &'static str,
    /// Worth in home credits: H/18 … H/16 for hours, credits × factor otherwise.
    pub equivalent: CreditRange,
    /// The grade conversion (XYU-12.7).
    pub conversion: Conversion,
    /// Passed, failed, or `None` when the policy cannot judge the grade.
    pub passed: Option<bool>,
    /// Core course (XYU-12.4).
    pub core: bool,
    /// Short program (XYU-12.3).
    pub short_program: bool,
    /// Home attribute as entered.
    pub category: Option<Category>,
    /// What the course is recognized as; `None` if it is not recognized.
    pub recognized_as: Option<RecognizedAs>,
    /// Recognized credits after the short-program cap, rounded half-up to two places;
    /// `None` if not recognized or not computable.
    pub recognized: Option<String>,
    /// Recognized credits, exact.
    pub recognized_exact: Option<String>,
}

/// One route to retake a failed course (XYU-12.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetakeRoute {
    /// `next_cohort` or `current_cohort_exam`.
    pub code: &'static str,
    /// The route in the caller's language.
    pub message: String,
}

/// A failed course to retake (XYU-12.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Retake {
    /// Course name as entered (or `#n`).
    pub name: String,
    /// The grade as recognized.
    pub grade: String,
    /// Clause id, e.g. `XYU-12.8`.
    pub clause: String,
    /// Both routes.
    pub routes: Vec<RetakeRoute>,
}

/// The answer of [`check_credits`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditResult {
    /// Workload of every course entered, in home credits (XYU-12.2).
    pub equivalent_credits: CreditRange,
    /// Credits recognized, rounded half-up to two places: when XYU-12.4 recognizes the whole
    /// plan, `homePlanCredits` (or `courseCredits` if larger); else `courseCredits`.
    pub recognized_credits: String,
    /// Credits recognized, exact.
    pub recognized_credits_exact: String,
    /// Course-by-course recognized credits (passed courses, short programs capped).
    pub course_credits: String,
    /// Course-by-course recognized credits, exact.
    pub course_credits_exact: String,
    /// Home-plan credits as entered.
    pub home_plan_credits: Decimal,
    /// recognized / home plan, rounded half-up to two places.
    pub equivalence: String,
    /// recognized / home plan, exact.
    pub equivalence_exact: String,
    /// Passed core courses (XYU-12.4), short programmes not counted (XYU-12.3).
    pub core_passed: u32,
    /// Core courses taken, passed or not, short programmes not counted: the regulation's own
    /// count ("所修课程达到…核心课程3门").
    pub core_taken: u32,
    /// Core courses needed for this length (XYU-12.4).
    pub core_required: u32,
    /// Whether XYU-12.4 recognizes all credits of the period's plan.
    pub all_credits_recognized: bool,
    /// Failed courses to retake (XYU-12.8).
    pub retake: Vec<Retake>,
    /// Every rule checked.
    pub findings: Vec<Finding>,
    /// Each course, in input order.
    pub courses: Vec<CourseCredit>,
}

fn rules(policy: &Policy) -> Result<&CreditRules> {
    policy.credits.as_ref().ok_or_else(|| {
        Error::new(ErrorKind::NotInPolicy { section: Section::Credits, what: None }, "policy")
    })
}




fn out_of_range(value: Decimal, min: Decimal, max: Decimal, field: &str) -> Error {
    Error::new(ErrorKind::OutOfRange { value: value.to_string(), min: Some(min.to_string()), max: Some(max.to_string()) }, field)
}

fn in_range(value: Decimal, min: Decimal, max: u32, field: &str) -> Result<()> {
    let max = Decimal::from(max);
    if value < min || value > max {
        return Err(out_of_range(value, min, max, field));
    }
    Ok(())
}

/// The semesters, checked against XYU-11.
fn semesters(rules: &CreditRules, value: Decimal) -> Result<u32> {
    let s = &rules.semesters;
    if !value.fract().is_zero() {
        return Err(Error::new(ErrorKind::InvalidStep { value: value.to_string(), step: "1".to_owned() }, "semesters"));
    }
    let n = value.to_u32().filter(|n| (s.min..=s.max).contains(n));
    n.ok_or_else(|| out_of_range(value, Decimal::from(s.min), Decimal::from(s.max), "semesters"))
}

/// A course's worth before grades and caps: (min, max, recognized value if computable).
struct Worth {
    min: Decimal,
    max: Decimal,
    value: Option<Decimal>,
    basis: &'static str,
    system: Option<String>,
}

fn worth(rules: &CreditRules, divisor: Option<Decimal>, c: &CreditCourse, at: &str) -> Result<Worth> {
    let system = match &c.system {
        Some(id) => Some(rules.system(id).ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownValue { value: id.trim().to_owned(), allowed: rules.systems.iter().map(|s| s.id.clone()).collect() },
                format!("{at}.system"),
            )
        })?),
        None => None,
    };
    if let Some(credits) = c.credits {
        in_range(credits, Decimal::ZERO, MAX_COURSE_CREDITS, &format!("{at}.credits"))?;
    }
    match (c.hours, c.credits) {
        (Some(h), _) => {
            // XYU-12.2: 16–18 class hours = 1 credit, so H hours are worth H/18 … H/16.
            let field = format!("{at}.hours");
            in_range(h, Decimal::ZERO, MAX_COURSE_HOURS, &field)?;
            let r = &rules.hours_per_credit;
            let min = decimal::div(h, r.max, &field)?;
            let max = decimal::div(h, r.min, &field)?;
            let value = match divisor {
                Some(d) => Some(decimal::div(h, d, &field)?),
                None => None,
            };
            Ok(Worth { min, max, value, basis: "hours", system: None })
        }
        (None, Some(credits)) => {
            let field = format!("{at}.credits");
            let sys = match system {
                Some(s) => s,
                None => rules.system(HOME).ok_or_else(|| {
                    Error::new(ErrorKind::NotInPolicy { section: Section::Credits, what: Some(("学分制 `home`".to_owned(), "credit system `home`".to_owned())) }, "policy")
                })?,
            };
            // Multiply first, divide last: 4 quarter credits × 2 / 3 loses at most the
            // 28th digit, never an intermediate 0.6667.
            let product = credits.checked_mul(sys.home_credits).ok_or_else(|| decimal::overflow(&field))?;
            let value = decimal::div(product, sys.foreign_credits, &field)?;
            Ok(Worth { min: value, max: value, value: Some(value), basis: "credits", system: Some(sys.id.clone()) })
        }
        (None, None) => Err(Error::new(ErrorKind::MissingField, format!("{at}.hours"))),
    }
}

fn display_name(c: &CreditCourse, i: usize) -> String {
    if c.name.trim().is_empty() {
        format!("#{}", i + 1)
    } else {
        c.name.clone()
    }
}

fn retake_routes(locale: Locale) -> Vec<RetakeRoute> {
    vec![
        RetakeRoute {
            code: "next_cohort",
            message: locale
                .pick("交换结束后回校随下届同学修读。", "After the exchange, take the course with the next cohort.")
                .to_owned(),
        },
        RetakeRoute {
            code: "current_cohort_exam",
            message: locale
                .pick(
                    "交换结束后如时间允许，考前向任课教师申请参加同届该课程考试；外语、体育、政治类公共课优先采用此办法。",
                    "After the exchange, time permitting, apply to the teacher before the exam to sit the current cohort's exam; preferred for foreign-language, PE and politics courses.",
                )
                .to_owned(),
        },
    ]
}

fn names(list: &[String], locale: Locale) -> String {
    let quoted: Vec<String> = list.iter().map(|n| locale.pick(format!("“{n}”"), format!("\"{n}\""))).collect();
    quoted.join(locale.pick("、", ", "))
}

/// Recognized credits counted three ways: at the policy's divisor (`None` while a course
/// has hours but the policy no divisor), and at both ends of XYU-12.2's range, so a result
/// that depends on the choice within 16–18 hours can say so.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    value: Decimal,
    lo: Decimal,
    hi: Decimal,
}

impl Tally {
    fn add(&mut self, value: Option<Decimal>, lo: Decimal, hi: Decimal, field: &str) -> Result<()> {
        if let Some(v) = value {
            self.value = decimal::add(self.value, v, field)?;
        }
        self.lo = decimal::add(self.lo, lo, field)?;
        self.hi = decimal::add(self.hi, hi, field)?;
        Ok(())
    }
}

/// What is left of `cap` after `used`, never below zero.
fn room(cap: Decimal, used: Decimal, field: &str) -> Result<Decimal> {
    Ok(cap.checked_sub(used).ok_or_else(|| decimal::overflow(field))?.max(Decimal::ZERO))
}

/// Checks which credits of an exchange are recognized.
///
/// # Errors
/// `not_in_policy` at `policy` when the policy has no credit rules (e.g. `gdut-lixing-2026`,
/// LX-6.2); `out_of_range` / `invalid_step` at `semesters` outside XYU-11;
/// `out_of_range` at `homePlanCredits` outside 1–200; per course (`courses[i]…`):
/// `missing_field` at `.hours` when neither hours nor credits are given, `out_of_range` for
/// hours outside 0–2000 or credits outside 0–200, `unknown_value` at `.system` (listing the
/// systems), grade errors at `.grade`; `overflow` if a sum leaves the decimal range.
pub fn check_credits(policy: &Policy, req: &CreditRequest, locale: Locale) -> Result<CreditResult> {
    let rules = rules(policy)?;
    let fail_clause = rules.retake_clause.clone();
    let semesters = semesters(rules, req.semesters)?;
    in_range(req.home_plan_credits, Decimal::ONE, MAX_PLAN_CREDITS, "homePlanCredits")?;
    let divisor = policy.hours_per_credit;
    let core_required = rules.core_courses.required.iter().find(|r| r.semesters == semesters).map_or(0, |r| r.count);
    let (hours_min, hours_max) = (rules.hours_per_credit.min, rules.hours_per_credit.max);

    let mut findings = Vec::new();
    let mut courses = Vec::with_capacity(req.courses.len());
    let mut retake = Vec::new();
    let mut names_all = Vec::with_capacity(req.courses.len());
    let (mut eq_min, mut eq_max) = (Decimal::ZERO, Decimal::ZERO);
    // Recognized course by course, and the short-programme credits asked and used, each
    // counted three ways (see `Tally`).
    let (mut sum, mut short_used, mut short_asked) = (Tally::default(), Tally::default(), Decimal::ZERO);
    let (mut core_passed, mut core_taken): (u32, u32) = (0, 0);
    let (mut no_counterpart, mut both_given, mut no_divisor, mut conventions, mut short_core) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::<String>::new(), Vec::new());

    for (i, c) in req.courses.iter().enumerate() {
        let at = format!("courses[{i}]");
        let w = worth(rules, divisor, c, &at)?;
        let conversion = grade::convert_with(policy, &c.grade, &format!("{at}.grade"), c.same_standard)?;
        let passed = conversion.passed;
        let name = display_name(c, i);
        let field = format!("{at}.{}", w.basis);
        eq_min = decimal::add(eq_min, w.min, &field)?;
        eq_max = decimal::add(eq_max, w.max, &field)?;
        if c.hours.is_some() && c.credits.is_some() {
            both_given.push(name.clone());
        }
        if let Some(sys) = w.system.as_deref().and_then(|id| rules.system(id)) {
            if sys.basis == Basis::Convention && !conventions.contains(&sys.id) {
                conventions.push(sys.id.clone());
            }
        }
        // XYU-12.4 counts "所修课程" that are core courses of the discipline, in the exchange
        // itself: a short programme's credits are only electives (XYU-12.3), never core.
        if c.core && c.short_program {
            short_core.push(name.clone());
        } else if c.core {
            core_taken = core_taken.saturating_add(1);
            if passed == Some(true) {
                core_passed = core_passed.saturating_add(1);
            }
        }

        let mut recognized = None;
        let mut recognized_as = None;
        match passed {
            Some(true) if c.short_program => {
                // XYU-12.3: short programmes count as electives, capped in total; the courses
                // fill the cap in the order entered (each bound of the range on its own).
                let cap = rules.short_program.cap;
                let lo = w.min.min(room(cap, short_used.lo, &field)?);
                let hi = w.max.min(room(cap, short_used.hi, &field)?);
                let value = match w.value {
                    Some(v) => {
                        short_asked = decimal::add(short_asked, v, &field)?;
                        Some(v.min(room(cap, short_used.value, &field)?))
                    }
                    None => None,
                };
                short_used.add(value, lo, hi, &field)?;
                sum.add(value, lo, hi, &field)?;
                recognized = value;
                recognized_as = value.map(|_| RecognizedAs::Elective);
                if value.is_none() {
                    no_divisor.push(name.clone());
                }
            }
            Some(true) => {
                sum.add(w.value, w.min, w.max, &field)?;
                match w.value {
                    None => no_divisor.push(name.clone()),
                    Some(v) => {
                        recognized = Some(v);
                        recognized_as = Some(c.category.map_or(RecognizedAs::ElectiveOrGeneral, RecognizedAs::from));
                        if c.category.is_none() {
                            no_counterpart.push(name.clone());
                        }
                    }
                }
            }
            Some(false) => {
                findings.push(Finding::fail(
                    "course_failed",
                    &fail_clause,
                    locale.pick(
                        format!("“{name}”（{}）未合格：不予认定，返校后须补修。", conversion.grade),
                        format!("\"{name}\" ({}) failed: not recognized; retake it after return.", conversion.grade),
                    ),
                ));
                retake.push(Retake { name: name.clone(), grade: conversion.grade.clone(), clause: fail_clause.clone(), routes: retake_routes(locale) });
            }
            // Not judged (no pass mark, or a score from a different standard): the grade
            // findings below say who decides.
            None => {}
        }
        names_all.push(name);
        courses.push(CourseCredit {
            name: c.name.clone(),
            hours: c.hours,
            credits: c.credits,
            system: w.system,
            basis: w.basis,
            equivalent: CreditRange::new(w.min, w.max),
            conversion,
            passed,
            core: c.core,
            short_program: c.short_program,
            category: c.category,
            recognized_as,
            recognized: recognized.map(decimal::fixed2),
            recognized_exact: recognized.map(decimal::exact),
        });
    }
    let course_sum = sum.value;

    // XYU-12.4: enough core courses recognize every credit of the period's plan.
    let core = &rules.core_courses;
    let all = core_passed >= core_required;
    let semesters_en = count(semesters, "semester", "semesters");
    let core_args: [(&str, &dyn fmt::Display); 6] = [
        ("passed", &core_passed),
        ("taken", &core_taken),
        ("required", &core_required),
        ("semesters", &semesters),
        ("semestersEn", &semesters_en),
        ("clause", &core.clause),
    ];
    findings.push(if all {
        Finding::pass("core_courses", &core.clause, CORE_MET.fill(locale, &core_args))
    } else if core_taken >= core_required {
        // The regulation counts courses taken ("所修课程达到…核心课程3门"); counting only the
        // passed ones is this tool's reading, so the school decides.
        Finding::review("core_courses", &core.clause, CORE_FAILED_ONES.fill(locale, &core_args))
    } else {
        Finding::fail("core_courses", &core.clause, CORE_SHORT.fill(locale, &core_args))
    });
    if !short_core.is_empty() {
        let args: [(&str, &dyn fmt::Display); 3] =
            [("courses", &names(&short_core, locale)), ("shortClause", &rules.short_program.clause), ("coreClause", &core.clause)];
        findings.push(Finding::fail("short_program_not_core", &rules.short_program.clause, SHORT_NOT_CORE.fill(locale, &args)));
    }

    // When XYU-12.4 grants the plan, it never takes away what the courses earn one by one.
    let plan = req.home_plan_credits;
    let total = |course_sum: Decimal| if all { plan.max(course_sum) } else { course_sum };
    let recognized_total = total(course_sum);
    if all && !retake.is_empty() {
        findings.push(Finding::review(
            "retake_with_plan_recognized",
            &fail_clause,
            locale.pick(
                "本期计划学分已全部认定，未合格课程是否仍须补修由学校决定。".to_owned(),
                "The plan's credits are all recognized; the school decides whether the failed courses must still be retaken.".to_owned(),
            ),
        ));
    }

    // XYU-12.3: the short-program cap.
    let sp = &rules.short_program;
    let short_used = short_used.value;
    if short_asked > sp.cap {
        findings.push(Finding::fail(
            "short_program_cap",
            &sp.clause,
            locale.pick(
                format!("短期项目学分 {} 超过上限 {}：仅认定 {} 学分（作为选修课）。", decimal::exact(short_asked), decimal::exact(sp.cap), decimal::exact(short_used)),
                format!("{} short-program credits exceed the cap of {}: only {} are recognized (as electives).", decimal::exact(short_asked), decimal::exact(sp.cap), decimal::exact(short_used)),
            ),
        ));
    } else if short_asked > Decimal::ZERO {
        findings.push(Finding::pass(
            "short_program_cap",
            &sp.clause,
            locale.pick(
                format!("短期项目学分 {} 未超过上限 {}，作为选修课认定。", decimal::exact(short_asked), decimal::exact(sp.cap)),
                format!("{} short-program credits are within the cap of {} and are recognized as electives.", decimal::exact(short_asked), decimal::exact(sp.cap)),
            ),
        ));
    }

    if !no_counterpart.is_empty() {
        findings.push(Finding::review(
            "no_home_counterpart",
            &rules.category_clause,
            locale.pick(
                format!("{} 未给出对应的本校课程属性：统一认定为选修课或通识课，由学校确定。", names(&no_counterpart, locale)),
                format!("{}: no home counterpart given, so recognized as an elective or general course, as the school decides.", names(&no_counterpart, locale)),
            ),
        ));
    }
    if !both_given.is_empty() {
        let args: [(&str, &dyn fmt::Display); 3] = [("courses", &names(&both_given, locale)), ("min", &hours_min.normalize()), ("max", &hours_max.normalize())];
        findings.push(Finding::pass("hours_used", &rules.hours_per_credit.clause, HOURS_USED.fill(locale, &args)));
    }
    for id in &conventions {
        if let Some(sys) = rules.system(id) {
            let foreign = decimal::exact(sys.foreign_credits);
            let home = decimal::exact(sys.home_credits);
            let (foreign_en, home_en) = (count(&foreign, "foreign credit", "foreign credits"), count(&home, "home credit", "home credits"));
            let args: [(&str, &dyn fmt::Display); 5] =
                [("system", &sys.label(locale)), ("foreign", &foreign), ("home", &home), ("foreignEn", &foreign_en), ("homeEn", &home_en)];
            findings.push(Finding::review("credit_system_convention", &rules.hours_per_credit.clause, SYSTEM_CONVENTION.fill(locale, &args)));
        }
    }
    // Percentages without the same-standard fact, pass marks and pass/fail grades that are the
    // policy's conventions (XYU-12.7): the same findings as computeGpa.
    if let Some(g) = policy.grades.as_ref() {
        let listed: Vec<(String, &Conversion)> = names_all.into_iter().zip(courses.iter().map(|c| &c.conversion)).collect();
        findings.extend(grade::grade_findings(g, &listed, locale));
    }
    if !no_divisor.is_empty() {
        findings.push(Finding::review(
            "hours_per_credit_unset",
            &rules.hours_per_credit.clause,
            locale.pick(
                format!("{}：政策未规定折算学分所用的每学分学时数，认定学分由学校决定，未计入合计。", names(&no_divisor, locale)),
                format!("{}: the policy sets no hours per recognized credit; the school decides, and they are left out of the total.", names(&no_divisor, locale)),
            ),
        ));
    }

    // XYU-12.2: recognized credits should in principle equal the plan's. The policy's divisor
    // is one choice within the regulation's 16–18 hours; when the other end would change the
    // answer, both figures are given and the school decides.
    let ratio = decimal::div(recognized_total, plan, "homePlanCredits")?;
    let eq_clause = &rules.hours_per_credit.clause;
    let (at_lo, at_hi) = (total(sum.lo), total(sum.hi));
    let shortfall = |t: Decimal| plan.checked_sub(t).ok_or_else(|| decimal::overflow("homePlanCredits"));
    if let (Some(d), true) = (divisor, (at_lo >= plan) != (at_hi >= plan)) {
        let note = rules.divisor_convention.as_ref().map_or("", |c| c.text(locale));
        let args: [(&str, &dyn fmt::Display); 8] = [
            ("min", &hours_min.normalize()),
            ("max", &hours_max.normalize()),
            ("hi", &decimal::fixed2(at_hi)),
            ("lo", &decimal::fixed2(at_lo)),
            ("plan", &plan),
            ("short", &decimal::fixed2(shortfall(at_lo)?)),
            ("divisor", &d.normalize()),
            ("note", &note),
        ];
        findings.push(Finding::review("credit_equivalence", eq_clause, EQUIVALENCE_DEPENDS.fill(locale, &args).trim_end().to_owned()));
    } else if recognized_total < plan {
        let short = shortfall(recognized_total)?;
        findings.push(Finding::review(
            "credit_equivalence",
            eq_clause,
            locale.pick(
                format!("认定 {} 学分，本期培养计划 {} 学分，尚差 {} 学分；原则上应相当，由学校审核。", decimal::fixed2(recognized_total), plan, decimal::fixed2(short)),
                format!("{} credits recognized against the plan's {}: {} short; they should in principle be equivalent, the school reviews.", decimal::fixed2(recognized_total), plan, decimal::fixed2(short)),
            ),
        ));
    } else {
        findings.push(Finding::pass(
            "credit_equivalence",
            eq_clause,
            locale.pick(
                format!("认定 {} 学分，不少于本期培养计划的 {} 学分。", decimal::fixed2(recognized_total), plan),
                format!("{} credits recognized, at least the plan's {}.", decimal::fixed2(recognized_total), plan),
            ),
        ));
    }
    findings.push(Finding::review(
        "transcript_required",
        &rules.transcript_clause,
        locale.pick(
            "以上为预估：成绩转换与学分认定以对方学校出具的成绩单为准，须在交换结束后规定期限内寄达（见“时间节点”）。".to_owned(),
            "This is an estimate: conversion and recognition follow the partner's official transcript, which must arrive within the set time after the exchange ends (see Deadlines).".to_owned(),
        ),
    ));

    Ok(CreditResult {
        equivalent_credits: CreditRange::new(eq_min, eq_max),
        recognized_credits: decimal::fixed2(recognized_total),
        recognized_credits_exact: decimal::exact(recognized_total),
        course_credits: decimal::fixed2(course_sum),
        course_credits_exact: decimal::exact(course_sum),
        home_plan_credits: plan,
        equivalence: decimal::fixed2(ratio),
        equivalence_exact: decimal::exact(ratio),
        core_passed,
        core_taken,
        core_required,
        all_credits_recognized: all,
        retake,
        findings,
        courses,
    })
}

// XYU-12.4: core courses.
const CORE_MET: Text = Text {
    zh: "已修读并通过核心课程 {passed} 门（{semesters} 个学期需 {required} 门）：认定本期培养计划全部学分。",
    en: "{passed} core courses taken and passed ({required} needed for {semestersEn}): all credits of the period's plan are recognized.",
};
const CORE_SHORT: Text = Text {
    zh: "{semesters} 个学期须修读核心课程 {required} 门，你修读了 {taken} 门（通过 {passed} 门）：学分按课程逐门认定。",
    en: "{required} core courses are needed for {semestersEn}; you took {taken} ({passed} passed): credits are recognized course by course.",
};
const CORE_FAILED_ONES: Text = Text {
    zh: "修读核心课程 {taken} 门，其中通过 {passed} 门（{semesters} 个学期需 {required} 门）。办法的条件是“所修课程达到”核心课程 {required} 门，未说须通过；本工具只计已通过的课程（这是本工具的解读），因此学分按课程逐门认定。未通过的核心课程能否计入，由学校认定。",
    en: "{taken} core courses taken, {passed} of them passed ({required} needed for {semestersEn}). The regulation's condition is that the courses taken reach {required} core courses, and it does not say they must be passed; this tool counts passed ones only (its own reading), so credits are recognized course by course. Whether failed core courses count is for the school to decide.",
};
// XYU-12.3 with XYU-12.4.
const SHORT_NOT_CORE: Text = Text {
    zh: "{courses} 来自短期项目且标为核心课程：短期项目学分只作为选修课认定（{shortClause}），不计入核心课程门数（{coreClause}）。",
    en: "{courses}: marked core but from a short programme, whose credits are recognized only as electives ({shortClause}), so they do not count toward the core courses of {coreClause}.",
};
// XYU-12.2.
const HOURS_USED: Text = Text {
    zh: "{courses} 同时给出学时和学分：按学时折算（{min}–{max} 学时计 1 学分为办法规定，外方学分折算仅为惯例）。",
    en: "{courses}: both hours and credits given; hours are used ({min}–{max} class hours a credit is the regulation's rule, foreign credit factors only convention).",
};
const SYSTEM_CONVENTION: Text = Text {
    zh: "{system}：{foreign} 学分折合本校 {home} 学分，为通行惯例而非本办法规定；以学校认定为准。",
    en: "{system}: {foreignEn} = {homeEn} is common convention, not a rule of the regulation; the school decides.",
};
const EQUIVALENCE_DEPENDS: Text = Text {
    zh: "认定学分取决于每学分的学时数：按 {min} 学时计 1 学分为 {hi} 学分，达到本期培养计划的 {plan} 学分；按 {max} 学时计 1 学分为 {lo} 学分，尚差 {short} 学分。办法规定一般 {min}–{max} 学时计 1 学分，未定取哪一端；本政策按 {divisor} 学时计，由学校认定。{note}",
    en: "The recognized credits depend on the class hours per credit: at {min} hours a credit they are {hi}, meeting the plan's {plan}; at {max} they are {lo}, {short} short. The regulation says {min}–{max} class hours generally make a credit and does not choose; this policy uses {divisor}, and the school decides. {note}",
};
