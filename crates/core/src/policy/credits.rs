//! The `credits` section (XYU-11, XYU-12.2–12.9): class hours per credit, the foreign credit
//! systems, the short-programme cap, the core-course counts and the allowed length.

use super::ClauseText;
use crate::decimal::Decimal;
use crate::finding::Convention;
use crate::locale::{count, Locale, Text};
use crate::read::{At, Problems, ABOVE_ZERO};
use serde::Serialize;

/// The top-level policy parameters the credit check reads (when the policy has a `credits`
/// section): the divisor of a recognized value.
pub const PARAMETERS: &[&str] = &["hoursPerCredit"];

/// The id of the home credit system (no conversion).
pub const HOME: &str = "home";

/// The class-hour range of one credit (XYU-12.2: 16–18).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct HourRange {
    /// Fewest class hours per credit (16): gives the *largest* credit value, H/16.
    pub min: Decimal,
    /// Most class hours per credit (18): gives the *smallest* credit value, H/18.
    pub max: Decimal,
    /// Clause id, e.g. `XYU-12.2`.
    pub clause: String,
}

/// Where a conversion factor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// Home credits: no conversion.
    #[default]
    Identity,
    /// Written in the regulation.
    Regulation,
    /// Common practice, not a rule of the regulation; shown as such.
    Convention,
}

impl Basis {
    const NAMES: &'static [&'static str] = &["identity", "regulation", "convention"];
    const ALL: [Self; 3] = [Self::Identity, Self::Regulation, Self::Convention];
}

/// A foreign credit system: `foreignCredits` of it are worth `homeCredits` home credits.
/// The factor is kept as this exact ratio (3 US quarter credits = 2 home credits), never as
/// a rounded decimal such as 0.6667.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditSystem {
    /// Id typed in a course's `system`, e.g. `ects`.
    pub id: String,
    /// Foreign credits of the ratio.
    pub foreign_credits: Decimal,
    /// Home credits they are worth.
    pub home_credits: Decimal,
    /// Identity, regulation or convention.
    pub basis: Basis,
    /// What the factor rests on, in both languages.
    pub note: ClauseText,
    /// The system's name for messages ("ECTS credits"); the id when absent.
    pub name: Option<ClauseText>,
}

impl CreditSystem {
    /// The name in `locale`, or the id.
    #[must_use]
    pub fn label(&self, locale: Locale) -> &str {
        self.name.as_ref().map_or(self.id.as_str(), |n| n.text(locale))
    }

    fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["id", "foreignCredits", "homeCredits", "basis", "note", "name"])?;
        let v = Self {
            id: f.string("id"),
            foreign_credits: f.dec("foreignCredits"),
            home_credits: f.dec("homeCredits"),
            basis: Basis::ALL.get(f.choice("basis", Basis::NAMES)).copied().unwrap_or_default(),
            note: f.need("note", ClauseText::read),
            name: f.section("name", ClauseText::read),
        };
        f.done(v)
    }
}

/// How many passed core courses recognize the whole plan for a period (XYU-12.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoreRequirement {
    /// Length of the exchange in semesters.
    pub semesters: u32,
    /// Passed core courses needed.
    pub count: u32,
}

/// The core-course rule (XYU-12.4).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CoreRule {
    /// Clause id, e.g. `XYU-12.4`.
    pub clause: String,
    /// One entry per allowed length.
    pub required: Vec<CoreRequirement>,
}

/// The short-program cap (XYU-12.3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ShortProgramRule {
    /// Most credits recognized from short programs in total.
    pub cap: Decimal,
    /// Clause id, e.g. `XYU-12.3`.
    pub clause: String,
}

/// The allowed length of an exchange (XYU-11).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    pub divisor_convention: Option<Convention>,
}

const AT_LEAST_MIN: Text = Text { zh: "应不小于 min", en: "must be at least min" };
const NO_CORE_COUNT: Text = Text { zh: "缺少 {n} 个学期的核心课程门数", en: "has no core-course count for {semesters}" };
const REPEATED_ENTRY: Text = Text { zh: "与前面的条目重复", en: "repeats an earlier entry" };
const REPEATED_SYSTEM: Text = Text { zh: "与前面的学分体系重复", en: "repeats an earlier system" };
const NO_HOME: Text = Text { zh: "缺少 home（本校学分）", en: "lacks `home` (home credits)" };

fn hour_range(at: At<'_, '_>, p: &mut Problems) -> Option<HourRange> {
    let mut f = p.fields(at, &["min", "max", "clause"])?;
    let v = HourRange { min: f.dec("min"), max: f.dec("max"), clause: f.string("clause") };
    f.done(v)
}

fn short_program(at: At<'_, '_>, p: &mut Problems) -> Option<ShortProgramRule> {
    let mut f = p.fields(at, &["cap", "clause"])?;
    let v = ShortProgramRule { cap: f.dec("cap"), clause: f.string("clause") };
    f.done(v)
}

fn core_rule(at: At<'_, '_>, p: &mut Problems) -> Option<CoreRule> {
    let mut f = p.fields(at, &["clause", "required"])?;
    let required = |at: At<'_, '_>, p: &mut Problems| {
        let mut f = p.fields(at, &["semesters", "count"])?;
        let v = CoreRequirement { semesters: f.count("semesters"), count: f.count("count") };
        f.done(v)
    };
    let v = CoreRule { clause: f.string("clause"), required: f.items("required", true, required) };
    f.done(v)
}

fn semester_rule(at: At<'_, '_>, p: &mut Problems) -> Option<SemesterRule> {
    let mut f = p.fields(at, &["min", "max", "clause"])?;
    let v = SemesterRule { min: f.count("min"), max: f.count("max"), clause: f.string("clause") };
    f.done(v)
}

impl CreditRules {
    /// Reads the section, recording every problem; `None` if any key does not read.
    pub fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let keys = &[
            "hoursPerCredit", "categoryClause", "retakeClause", "transcriptClause", "shortProgram", "coreCourses", "semesters", "systems",
            "divisorConvention",
        ];
        let mut f = p.fields(at, keys)?;
        let v = Self {
            hours_per_credit: f.need("hoursPerCredit", hour_range),
            category_clause: f.string("categoryClause"),
            retake_clause: f.string("retakeClause"),
            transcript_clause: f.string("transcriptClause"),
            short_program: f.need("shortProgram", short_program),
            core_courses: f.need("coreCourses", core_rule),
            semesters: f.need("semesters", semester_rule),
            systems: f.items("systems", true, CreditSystem::read),
            divisor_convention: f.section("divisorConvention", Convention::read),
        };
        f.done(v)
    }

    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, p: &mut Problems) {
        let h = &self.hours_per_credit;
        let at = format!("{path}.hoursPerCredit");
        p.positive(&at, "min", h.min);
        if h.max < h.min {
            p.add(&at, "max", "out_of_range", &AT_LEAST_MIN, &[]);
        }
        p.range(path, "shortProgram.cap", Some(self.short_program.cap), Some(Decimal::ZERO), None);
        let s = &self.semesters;
        if s.min == 0 {
            p.add(path, "semesters.min", "out_of_range", &ABOVE_ZERO, &[]);
        }
        if s.max < s.min {
            p.add(path, "semesters.max", "out_of_range", &AT_LEAST_MIN, &[]);
        }
        for n in s.min..=s.max.min(s.min.saturating_add(12)) {
            if !self.core_courses.required.iter().any(|r| r.semesters == n) {
                let semesters = count(n, "semester", "semesters");
                p.add(path, "coreCourses.required", "missing_entry", &NO_CORE_COUNT, &[("n", &n), ("semesters", &semesters)]);
            }
        }
        for (i, r) in self.core_courses.required.iter().enumerate() {
            if self.core_courses.required.iter().take(i).any(|e| e.semesters == r.semesters) {
                p.duplicate(&format!("{path}.coreCourses.required[{i}].semesters"), "", &REPEATED_ENTRY);
            }
        }
        for (i, sys) in self.systems.iter().enumerate() {
            let at = format!("{path}.systems[{i}]");
            let id = normalize_system(&sys.id);
            if id.is_empty() {
                p.filled(&at, "id", "");
            } else if self.systems.iter().take(i).any(|e| normalize_system(&e.id) == id) {
                p.duplicate(&at, "id", &REPEATED_SYSTEM);
            }
            p.positive(&at, "foreignCredits", sys.foreign_credits);
            p.positive(&at, "homeCredits", sys.home_credits);
        }
        if let Some(c) = &self.divisor_convention {
            c.check(&format!("{path}.divisorConvention"), p);
        }
        if self.system(HOME).is_none() {
            p.add(path, "systems", "missing_entry", &NO_HOME, &[]);
        }
    }

    /// Records a problem unless the policy's divisor `hoursPerCredit` lies within the hour
    /// range (XYU-12.2), which keeps every recognized value inside the course's range.
    /// A divisor ≤ 0 is already reported by the top-level check, so it is not repeated here.
    pub fn check_divisor(&self, divisor: Option<Decimal>, path: &str, p: &mut Problems) {
        let h = &self.hours_per_credit;
        p.range(path, "", divisor.filter(|d| *d > Decimal::ZERO), Some(h.min), Some(h.max));
    }

    /// The credit system a course names (spaces, case and `_` for `-` ignored).
    #[must_use]
    pub fn system(&self, id: &str) -> Option<&CreditSystem> {
        let key = normalize_system(id);
        self.systems.iter().find(|s| normalize_system(&s.id) == key)
    }
}

fn normalize_system(id: &str) -> String {
    id.trim().to_ascii_lowercase().replace('_', "-")
}
