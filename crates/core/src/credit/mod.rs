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

mod result;
mod text;

pub use crate::policy::credits::{
    Basis, CoreRequirement, CoreRule, CreditRules, CreditSystem, HourRange, SemesterRule, ShortProgramRule, HOME, PARAMETERS,
};
pub use result::{CourseCredit, CreditRange, CreditResult, Retake, RetakeRoute};

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Expected, Found, Result, Section};
use crate::finding::Finding;
use crate::grade::{self, Conversion};
use crate::locale::{count, Locale, Text};
use crate::policy::Policy;
use crate::read::{At, Obj, Request};
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::fmt::Display;
use text::*;

/// Class hours above this for one course are treated as a typing mistake (a full-time
/// semester is about 400–500 hours in all).
pub const MAX_COURSE_HOURS: u32 = 2000;
/// Foreign credits above this for one course are treated as a typing mistake (a whole
/// UK year is 120 CATS).
pub const MAX_COURSE_CREDITS: u32 = 200;
/// Home-plan credits outside 1..=this are treated as a typing mistake (a home year is
/// about 40–60 credits).
pub const MAX_PLAN_CREDITS: u32 = 200;

/// The home attribute of a course (XYU-12.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

impl Category {
    /// The JSON names, in the order of [`Category::ALL`].
    pub const NAMES: &'static [&'static str] = &["publicRequired", "majorRequired", "majorElective", "generalElective"];
    /// Every category.
    pub const ALL: [Self; 4] = [Self::PublicRequired, Self::MajorRequired, Self::MajorElective, Self::GeneralElective];
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

impl CreditCourse {
    /// One course; `partner` is the request's `sameStandard`, which the course's own overrides.
    fn read(at: At<'_, '_>, partner: Option<bool>) -> Result<Self> {
        let o = at.obj(&["name", "hours", "credits", "system", "grade", "core", "shortProgram", "category", "sameStandard"])?;
        let category = |a: At<'_, '_>| {
            let name = a.str()?;
            let i = Category::NAMES.iter().position(|n| *n == name);
            i.and_then(|i| Category::ALL.get(i).copied()).ok_or_else(|| {
                Error::new(ErrorKind::InvalidType { expected: Expected::OneOf(Category::NAMES), found: Found::Text }, a.path)
            })
        };
        Ok(Self {
            name: o.opt_str("name")?.unwrap_or_default(),
            hours: o.opt_dec("hours")?,
            credits: o.opt_dec("credits")?,
            // A blank system from an empty form field means home credits.
            system: o.opt_str("system")?.filter(|s| !s.trim().is_empty()),
            grade: o.text("grade")?,
            core: o.opt_bool("core")?.unwrap_or_default(),
            short_program: o.opt_bool("shortProgram")?.unwrap_or_default(),
            category: o.with("category", category)?,
            same_standard: o.opt_bool("sameStandard")?.or(partner),
        })
    }
}

/// What is asked: `checkCredits({ policy, semesters, homePlanCredits, courses, sameStandard? })`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreditRequest {
    /// Length of the exchange in semesters (XYU-11).
    pub semesters: Decimal,
    /// Credits of the home plan for the same period (XYU-12.2).
    pub home_plan_credits: Decimal,
    /// The courses taken abroad.
    pub courses: Vec<CreditCourse>,
}

impl Request for CreditRequest {
    const KEYS: &'static [&'static str] = &["policy", "semesters", "homePlanCredits", "courses", "sameStandard", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        // XYU-12.7(1) for every course (one exchange, one partner).
        let partner = o.opt_bool("sameStandard")?;
        Ok(Self {
            courses: o.need_list("courses", |c| CreditCourse::read(c, partner))?,
            home_plan_credits: o.dec("homePlanCredits")?,
            semesters: o.dec("semesters")?,
        })
    }
}

fn rules(policy: &Policy) -> Result<&CreditRules> {
    policy.credits.as_ref().ok_or_else(|| Error::new(ErrorKind::NotInPolicy { section: Section::Credits, what: None }, "policy"))
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

/// XYU-11: an exchange lasts the policy's 1–2 semesters.
fn semesters(rules: &CreditRules, value: Decimal) -> Result<u32> {
    let s = &rules.semesters;
    if !value.fract().is_zero() {
        return Err(Error::new(ErrorKind::InvalidStep { value: value.to_string(), step: "1".to_owned() }, "semesters"));
    }
    let n = value.to_u32().filter(|n| (s.min..=s.max).contains(n));
    n.ok_or_else(|| out_of_range(value, Decimal::from(s.min), Decimal::from(s.max), "semesters"))
}

/// A course's worth before grades and caps: the range it spans and, when the policy has a
/// divisor, the value recognized.
struct Worth<'r> {
    min: Decimal,
    max: Decimal,
    value: Option<Decimal>,
    /// `hours` or `credits`: the key the worth comes from.
    basis: &'static str,
    system: Option<&'r CreditSystem>,
}

const HOME_SYSTEM: Text = Text { zh: "学分制 `home`", en: "credit system `home`" };

/// XYU-12.2: H class hours are worth H/18 … H/16 credits (the policy's range), recognized at
/// the policy's divisor; foreign credits are worth credits × the system's factor.
fn worth<'r>(rules: &'r CreditRules, divisor: Option<Decimal>, c: &CreditCourse, at: &str) -> Result<Worth<'r>> {
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
        // Hours win when both are given: the hour rule is the regulation's, the factors
        // only convention.
        (Some(h), _) => {
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
                    let what = Some((HOME_SYSTEM.zh.to_owned(), HOME_SYSTEM.en.to_owned()));
                    Error::new(ErrorKind::NotInPolicy { section: Section::Credits, what }, "policy")
                })?,
            };
            // Multiply first, divide last: 4 quarter credits × 2 / 3 loses at most the
            // 28th digit, never an intermediate 0.6667.
            let product = credits.checked_mul(sys.home_credits).ok_or_else(|| decimal::overflow(&field))?;
            let value = decimal::div(product, sys.foreign_credits, &field)?;
            Ok(Worth { min: value, max: value, value: Some(value), basis: "credits", system: Some(sys) })
        }
        (None, None) => Err(Error::new(ErrorKind::MissingField, format!("{at}.hours"))),
    }
}

/// Course names quoted and joined, as a finding lists them.
fn names(list: &[String], locale: Locale) -> String {
    let quoted: Vec<String> = list.iter().map(|n| QUOTED.fill(locale, &[("name", n)])).collect();
    quoted.join(locale.pick("、", ", "))
}

/// Recognized credits counted three ways: at the policy's divisor (`value`; a course with
/// hours adds nothing to it while the policy has no divisor), and at both ends of XYU-12.2's
/// range (`lo` at 18 hours a credit, `hi` at 16), so a result that depends on the choice
/// within the range can say so.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    value: Decimal,
    lo: Decimal,
    hi: Decimal,
}

impl Sum {
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

/// The transcript course by course: what each course is worth and recognized as, and what
/// the findings after it need to know.
#[derive(Default)]
struct Transcript<'r> {
    /// Workload of every course (XYU-12.2), lower and upper end.
    equivalent: (Decimal, Decimal),
    /// Recognized course by course (XYU-12.2, 12.3).
    recognized: Sum,
    /// Short-programme credits recognized, within the cap (XYU-12.3).
    short_used: Sum,
    /// Short-programme credits asked for, before the cap.
    short_asked: Decimal,
    /// Core courses taken and passed, short programmes not counted (XYU-12.4).
    core_taken: u32,
    core_passed: u32,
    /// Courses named by the findings after the courses.
    short_core: Vec<String>,
    no_counterpart: Vec<String>,
    both_given: Vec<String>,
    no_divisor: Vec<String>,
    /// Conventional credit systems used, each once.
    conventions: Vec<&'r CreditSystem>,
    /// `course_failed`, one per failed course (XYU-12.8).
    failed: Vec<Finding>,
    retake: Vec<Retake>,
    names: Vec<String>,
    courses: Vec<CourseCredit>,
}

impl<'r> Transcript<'r> {
    fn add(&mut self, policy: &Policy, rules: &'r CreditRules, i: usize, c: &CreditCourse, locale: Locale) -> Result<()> {
        let at = format!("courses[{i}]");
        let w = worth(rules, policy.hours_per_credit, c, &at)?;
        let conversion = grade::convert_with(policy, &c.grade, &format!("{at}.grade"), c.same_standard)?;
        let passed = conversion.passed;
        let name = grade::display_name(&c.name, i);
        let field = format!("{at}.{}", w.basis);
        self.equivalent.0 = decimal::add(self.equivalent.0, w.min, &field)?;
        self.equivalent.1 = decimal::add(self.equivalent.1, w.max, &field)?;
        if c.hours.is_some() && c.credits.is_some() {
            self.both_given.push(name.clone());
        }
        if let Some(sys) = w.system.filter(|s| s.basis == Basis::Convention) {
            if !self.conventions.iter().any(|s| s.id == sys.id) {
                self.conventions.push(sys);
            }
        }
        // XYU-12.4 counts "所修课程" that are core courses of the discipline, in the exchange
        // itself: a short programme's credits are only electives (XYU-12.3), never core.
        if c.core && c.short_program {
            self.short_core.push(name.clone());
        } else if c.core {
            self.core_taken = self.core_taken.saturating_add(1);
            if passed == Some(true) {
                self.core_passed = self.core_passed.saturating_add(1);
            }
        }
        let (recognized, recognized_as) = match passed {
            Some(true) if c.short_program => self.short_program(rules, &w, &name, &field)?,
            Some(true) => {
                self.recognized.add(w.value, w.min, w.max, &field)?;
                if w.value.is_none() {
                    self.no_divisor.push(name.clone());
                } else if c.category.is_none() {
                    self.no_counterpart.push(name.clone());
                }
                (w.value, w.value.map(|_| c.category.map_or(RecognizedAs::ElectiveOrGeneral, RecognizedAs::from)))
            }
            Some(false) => {
                // XYU-12.8: not recognized, retaken.
                let clause = &rules.retake_clause;
                let args: [(&str, &dyn Display); 2] = [("name", &name), ("grade", &conversion.grade)];
                self.failed.push(Finding::fail("course_failed", clause, COURSE_FAILED.fill(locale, &args)));
                let routes = vec![
                    RetakeRoute { code: "next_cohort", message: RETAKE_NEXT_COHORT.get(locale) },
                    RetakeRoute { code: "current_cohort_exam", message: RETAKE_CURRENT_EXAM.get(locale) },
                ];
                self.retake.push(Retake { name: name.clone(), grade: conversion.grade.clone(), clause: clause.clone(), routes });
                (None, None)
            }
            // Not judged (no pass mark, or a score from a different standard): the grade
            // findings say who decides.
            None => (None, None),
        };
        self.names.push(name);
        self.courses.push(CourseCredit {
            name: c.name.clone(),
            hours: c.hours,
            credits: c.credits,
            system: w.system.map(|s| s.id.clone()),
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
        Ok(())
    }

    /// XYU-12.3: a passed short-programme course counts as an elective, and the courses fill
    /// the cap in the order entered (each end of the range on its own).
    fn short_program(&mut self, rules: &CreditRules, w: &Worth<'_>, name: &str, field: &str) -> Result<(Option<Decimal>, Option<RecognizedAs>)> {
        let cap = rules.short_program.cap;
        let lo = w.min.min(room(cap, self.short_used.lo, field)?);
        let hi = w.max.min(room(cap, self.short_used.hi, field)?);
        let value = match w.value {
            Some(v) => {
                self.short_asked = decimal::add(self.short_asked, v, field)?;
                Some(v.min(room(cap, self.short_used.value, field)?))
            }
            None => None,
        };
        self.short_used.add(value, lo, hi, field)?;
        self.recognized.add(value, lo, hi, field)?;
        if value.is_none() {
            self.no_divisor.push(name.to_owned());
        }
        Ok((value, value.map(|_| RecognizedAs::Elective)))
    }
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
    let semesters = semesters(rules, req.semesters)?;
    let plan = req.home_plan_credits;
    in_range(plan, Decimal::ONE, MAX_PLAN_CREDITS, "homePlanCredits")?;
    let mut t = Transcript::default();
    for (i, c) in req.courses.iter().enumerate() {
        t.add(policy, rules, i, c, locale)?;
    }

    // XYU-12.4: enough core courses recognize every credit of the period's plan, and never
    // take away what the courses earn one by one.
    let core_required = rules.core_courses.required.iter().find(|r| r.semesters == semesters).map_or(0, |r| r.count);
    let all = t.core_passed >= core_required;
    let total = |course_sum: Decimal| if all { plan.max(course_sum) } else { course_sum };
    let recognized = total(t.recognized.value);

    let mut findings = std::mem::take(&mut t.failed);
    findings.push(core_courses(rules, &t, semesters, core_required, locale));
    let sp = &rules.short_program;
    if !t.short_core.is_empty() {
        let args: [(&str, &dyn Display); 3] = [("courses", &names(&t.short_core, locale)), ("shortClause", &sp.clause), ("coreClause", &rules.core_courses.clause)];
        findings.push(Finding::fail("short_program_not_core", &sp.clause, SHORT_NOT_CORE.fill(locale, &args)));
    }
    if all && !t.retake.is_empty() {
        findings.push(Finding::review("retake_with_plan_recognized", &rules.retake_clause, RETAKE_WITH_PLAN.get(locale)));
    }
    // XYU-12.3: the short-programme cap.
    let (asked, cap, used) = (decimal::exact(t.short_asked), decimal::exact(sp.cap), decimal::exact(t.short_used.value));
    let args: [(&str, &dyn Display); 3] = [("asked", &asked), ("cap", &cap), ("used", &used)];
    if t.short_asked > sp.cap {
        findings.push(Finding::fail("short_program_cap", &sp.clause, SHORT_CAP_EXCEEDED.fill(locale, &args)));
    } else if t.short_asked > Decimal::ZERO {
        findings.push(Finding::pass("short_program_cap", &sp.clause, SHORT_CAP_WITHIN.fill(locale, &args)));
    }
    if !t.no_counterpart.is_empty() {
        findings.push(Finding::review("no_home_counterpart", &rules.category_clause, NO_COUNTERPART.fill(locale, &[("courses", &names(&t.no_counterpart, locale))])));
    }
    // XYU-12.2: hours win over credits; foreign factors are convention.
    let hours = &rules.hours_per_credit;
    let (hours_min, hours_max) = (hours.min.normalize(), hours.max.normalize());
    if !t.both_given.is_empty() {
        let args: [(&str, &dyn Display); 3] = [("courses", &names(&t.both_given, locale)), ("min", &hours_min), ("max", &hours_max)];
        findings.push(Finding::pass("hours_used", &hours.clause, HOURS_USED.fill(locale, &args)));
    }
    for sys in &t.conventions {
        let (foreign, home) = (decimal::exact(sys.foreign_credits), decimal::exact(sys.home_credits));
        let (foreign_en, home_en) = (count(&foreign, "foreign credit", "foreign credits"), count(&home, "home credit", "home credits"));
        let args: [(&str, &dyn Display); 5] = [("system", &sys.label(locale)), ("foreign", &foreign), ("home", &home), ("foreignEn", &foreign_en), ("homeEn", &home_en)];
        findings.push(Finding::review("credit_system_convention", &hours.clause, SYSTEM_CONVENTION.fill(locale, &args)));
    }
    // XYU-12.7: percentages without the same-standard fact, pass marks and pass/fail grades
    // that are the policy's conventions — the same findings as computeGpa.
    if let Some(g) = policy.grades.as_ref() {
        let listed: Vec<(String, &Conversion)> = t.names.iter().cloned().zip(t.courses.iter().map(|c| &c.conversion)).collect();
        findings.extend(grade::grade_findings(g, &listed, locale));
    }
    if !t.no_divisor.is_empty() {
        findings.push(Finding::review("hours_per_credit_unset", &hours.clause, DIVISOR_UNSET.fill(locale, &[("courses", &names(&t.no_divisor, locale))])));
    }
    let short = shortfall(plan, recognized);
    findings.push(equivalence(policy, rules, (plan, recognized, short), (total(t.recognized.lo), total(t.recognized.hi)), locale));
    findings.push(Finding::review("transcript_required", &rules.transcript_clause, TRANSCRIPT.get(locale)));

    let ratio = decimal::div(recognized, plan, "homePlanCredits")?;
    let course_sum = t.recognized.value;
    Ok(CreditResult {
        equivalent_credits: CreditRange::new(t.equivalent.0, t.equivalent.1),
        recognized_credits: decimal::fixed2(recognized),
        recognized_credits_exact: decimal::exact(recognized),
        course_credits: decimal::fixed2(course_sum),
        course_credits_exact: decimal::exact(course_sum),
        home_plan_credits: plan,
        shortfall: decimal::fixed2(short),
        shortfall_exact: decimal::exact(short),
        equivalence: decimal::fixed2(ratio),
        equivalence_exact: decimal::exact(ratio),
        core_passed: t.core_passed,
        core_taken: t.core_taken,
        core_required,
        all_credits_recognized: all,
        retake: t.retake,
        findings,
        courses: t.courses,
    })
}

/// XYU-12.4 "一学期所修课程达到…核心课程3门…认定全部学分": passed, short of the count, or
/// enough taken but some failed (the regulation counts courses taken; counting only passed
/// ones is this tool's reading, so the school decides).
fn core_courses(rules: &CreditRules, t: &Transcript<'_>, semesters: u32, required: u32, locale: Locale) -> Finding {
    let clause = &rules.core_courses.clause;
    let semesters_en = count(semesters, "semester", "semesters");
    let args: [(&str, &dyn Display); 6] =
        [("passed", &t.core_passed), ("taken", &t.core_taken), ("required", &required), ("semesters", &semesters), ("semestersEn", &semesters_en), ("clause", clause)];
    if t.core_passed >= required {
        Finding::pass("core_courses", clause, CORE_MET.fill(locale, &args))
    } else if t.core_taken >= required {
        Finding::review("core_courses", clause, CORE_FAILED_ONES.fill(locale, &args))
    } else {
        Finding::fail("core_courses", clause, CORE_SHORT.fill(locale, &args))
    }
}

/// XYU-12.2 "原则上应与…学分相当": recognized credits against the plan's. The policy's divisor
/// is one choice within the regulation's range of hours per credit; when the other end would
/// change the answer, both figures are given and the school decides.
/// `short` is [`shortfall`] of `recognized`.
fn equivalence(policy: &Policy, rules: &CreditRules, (plan, recognized, short): (Decimal, Decimal, Decimal), (at_lo, at_hi): (Decimal, Decimal), locale: Locale) -> Finding {
    let hours = &rules.hours_per_credit;
    let clause = &hours.clause;
    if let (Some(d), true) = (policy.hours_per_credit, (at_lo >= plan) != (at_hi >= plan)) {
        let note = rules.divisor_convention.as_ref().map_or("", |c| c.text(locale));
        let args: [(&str, &dyn Display); 8] = [
            ("min", &hours.min.normalize()),
            ("max", &hours.max.normalize()),
            ("hi", &decimal::fixed2(at_hi)),
            ("lo", &decimal::fixed2(at_lo)),
            ("plan", &plan),
            ("short", &decimal::fixed2(shortfall(plan, at_lo))),
            ("divisor", &d.normalize()),
            ("note", &note),
        ];
        return Finding::review("credit_equivalence", clause, EQUIVALENCE_DEPENDS.fill(locale, &args).trim_end().to_owned());
    }
    let shown = decimal::fixed2(recognized);
    if recognized < plan {
        let args: [(&str, &dyn Display); 3] = [("recognized", &shown), ("plan", &plan), ("short", &decimal::fixed2(short))];
        Finding::review("credit_equivalence", clause, EQUIVALENCE_SHORT.fill(locale, &args))
    } else {
        let args: [(&str, &dyn Display); 2] = [("recognized", &shown), ("plan", &plan)];
        Finding::pass("credit_equivalence", clause, EQUIVALENCE_MET.fill(locale, &args))
    }
}

/// What `credits` lack of the plan's, 0 when they meet it. Cannot overflow: the plan is
/// 1–200 (`MAX_PLAN_CREDITS`) and credits are sums of credits, never negative, so
/// `plan − credits` lies in [−MAX, 200] (the fallback is never taken).
fn shortfall(plan: Decimal, credits: Decimal) -> Decimal {
    plan.checked_sub(credits).filter(|d| d.is_sign_positive() && !d.is_zero()).unwrap_or(Decimal::ZERO)
}
