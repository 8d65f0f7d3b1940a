//! Eligibility with reasons (SPEC §5): may this student apply to this track, and may the
//! school fund them? Every answer is a status plus one finding per condition, each naming
//! its clause.
//!
//! - `xinyu-2022`, track `exchange`: XYU-10.2 conditions (1)–(5), XYU-10.3 (upper-year
//!   students), XYU-11 (1–2 semesters).
//! - `gdut-lixing-2026`, tracks `freshman-leap` (LX-2.1.1) and `navigator-research`
//!   (LX-2.1.2), and the separate funding answer of LX-5.3.1 with the LX-5.4 conditions.
//!
//! The policy's `tracks` section is data: each track's clause ids and numbers
//! (`minSemesters`, `minSemestersCompleted`, …). Which conditions a track checks is code,
//! chosen by the track's `kind`. A fact the applicant did not state is a `review` finding
//! ("not stated"), never a guess; a value the regulation leaves to the year's notice
//! (`minGpa`, `priorityIelts`, `priorityToefl`) is `review` while unset.

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Problem, Result, Section};
use crate::finding::{Finding, Outcome};
use crate::form::{ScoreRule, GPA, IELTS, TOEFL};
use crate::keyed::Keyed;
use crate::locale::{count, Locale, Text};
use crate::policy::{problem, Policy};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which conditions a track checks. The logic for each is in this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrackKind {
    /// Xinyu outbound exchange: XYU-10.2 (1)–(5), XYU-10.3, XYU-11.
    Exchange,
    /// Lixing "Freshman Leap" (LX-2.1.1): joint-training class, enrolled in the application year.
    FreshmanLeap,
    /// Lixing "Navigator Research" (LX-2.1.2): joint-training class, ≥ N semesters completed.
    NavigatorResearch,
}

impl TrackKind {
    /// The top-level policy parameters this kind's conditions read: only the Xinyu exchange
    /// has a GPA threshold and language priority lines (XYU-10.2(2), (3)).
    #[must_use]
    pub fn parameters(self) -> &'static [&'static str] {
        match self {
            Self::Exchange => &["minGpa", "priorityIelts", "priorityToefl"],
            Self::FreshmanLeap | Self::NavigatorResearch => &[],
        }
    }
}

/// The kind of programme a track leads to (LX-2.1.1 language, LX-2.1.2 research).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Programme {
    /// Language programmes abroad.
    Language,
    /// Research programmes abroad.
    Research,
}

/// One track of the policy's `tracks` section: the numbers and clause ids its conditions use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Track {
    /// Which conditions apply.
    pub kind: TrackKind,
    /// Chinese name, e.g. `新生跃升计划`.
    pub title: String,
    /// English name.
    pub title_en: String,
    /// The clause that states the track's conditions, e.g. `XYU-10.2` or `LX-2.1.1`.
    /// Exchange findings cite its sub-items as `XYU-10.2(1)` … `(5)`.
    pub clause: String,
    /// The kind of programme the track leads to.
    #[serde(default)]
    pub programme: Option<Programme>,
    /// Fewest semesters abroad (XYU-11: 1). Exchange only.
    #[serde(default)]
    pub min_semesters: Option<u32>,
    /// Most semesters abroad (XYU-11: 2). Exchange only.
    #[serde(default)]
    pub max_semesters: Option<u32>,
    /// Clause of the semester rule, e.g. `XYU-11`. Exchange only.
    #[serde(default)]
    pub semesters_clause: Option<String>,
    /// Clause of the upper-year rule, e.g. `XYU-10.3` (the key keeps its first name). Exchange only.
    #[serde(default)]
    pub final_year_clause: Option<String>,
    /// Semesters the student must have completed (LX-2.1.2: 1). Navigator research only.
    #[serde(default)]
    pub min_semesters_completed: Option<u32>,
    /// Clause of the funding uniqueness rule (LX-5.3.1); when set, the result also answers
    /// `fundable` and lists the LX-5.4 conditions.
    #[serde(default)]
    pub funding_clause: Option<String>,
}

/// The `tracks` section of a policy: tracks by id (`exchange`, `freshman-leap`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tracks(pub Keyed<Track>);

impl Tracks {
    /// The track with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Track> {
        self.0.get(id)
    }

    /// The top-level policy parameters some track of this section reads.
    pub fn parameters(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.values().flat_map(|t| t.kind.parameters().iter().copied())
    }

    /// The track ids, for error messages and pickers.
    #[must_use]
    pub fn ids(&self) -> Vec<String> {
        self.0.keys().cloned().collect()
    }

    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, problems: &mut Vec<Problem>, locale: Locale) {
        if self.0.is_empty() {
            problem(problems, path, locale, "不能为空", "must not be empty");
        }
        for (id, t) in &self.0 {
            let at = format!("{path}.{id}");
            if id.trim().is_empty() {
                problem(problems, &at, locale, "项目编号不能为空", "a track id must not be empty");
            }
            for (key, value) in [
                ("title", Some(&t.title)),
                ("titleEn", Some(&t.title_en)),
                ("clause", Some(&t.clause)),
                ("semestersClause", t.semesters_clause.as_ref()),
                ("finalYearClause", t.final_year_clause.as_ref()),
                ("fundingClause", t.funding_clause.as_ref()),
            ] {
                if value.is_some_and(|v| v.trim().is_empty()) {
                    problem(problems, &format!("{at}.{key}"), locale, "不能为空", "must not be empty");
                }
            }
            // Each kind reads some keys and ignores the rest; an ignored key in a custom policy
            // would silently do nothing, so it is reported instead.
            let exchange = t.kind == TrackKind::Exchange;
            let navigator = t.kind == TrackKind::NavigatorResearch;
            for (key, present, used) in [
                ("minSemesters", t.min_semesters.is_some(), exchange),
                ("maxSemesters", t.max_semesters.is_some(), exchange),
                ("semestersClause", t.semesters_clause.is_some(), exchange),
                ("finalYearClause", t.final_year_clause.is_some(), exchange),
                ("minSemestersCompleted", t.min_semesters_completed.is_some(), navigator),
            ] {
                let path = format!("{at}.{key}");
                match (present, used) {
                    (false, true) => problem(problems, &path, locale, "此类项目必填", "required for this kind of track"),
                    (true, false) => problem(problems, &path, locale, "此类项目不使用该字段", "not used by this kind of track"),
                    _ => {}
                }
            }
            if t.min_semesters == Some(0) {
                problem(problems, &format!("{at}.minSemesters"), locale, "应不小于 1", "must be at least 1");
            }
            if let (Some(min), Some(max)) = (t.min_semesters, t.max_semesters) {
                if max < min {
                    problem(problems, &format!("{at}.maxSemesters"), locale, "应不小于 minSemesters", "must be at least minSemesters");
                }
            }
        }
    }
}

/// What the applicant states. Every fact is optional: a missing one gives a `review`
/// finding, never a guess. Xinyu facts: `enrolled` … `semesters`; Lixing facts:
/// `inJointProgram` … `otherFunding`. Facts a track does not use are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Applicant {
    /// An enrolled undergraduate of the school, or as the partner agreement allows (XYU-10.2(1)).
    #[serde(default)]
    pub enrolled: Option<bool>,
    /// Good political and moral standing (XYU-10.2(2)).
    #[serde(default)]
    pub conduct_good: Option<bool>,
    /// GPA on the four-point scale, 0–4 (XYU-10.2(2), against the policy's `minGpa`).
    #[serde(default, deserialize_with = "decimal::opt")]
    pub gpa: Option<Decimal>,
    /// IELTS overall band, 0–9 in steps of 0.5 (XYU-10.2(3)).
    #[serde(default, deserialize_with = "decimal::opt")]
    pub ielts: Option<Decimal>,
    /// TOEFL iBT total, 0–120 whole (XYU-10.2(3)).
    #[serde(default, deserialize_with = "decimal::opt")]
    pub toefl: Option<Decimal>,
    /// Physically and mentally healthy (XYU-10.2(4)).
    #[serde(default)]
    pub healthy: Option<bool>,
    /// Able to pay for study and living abroad (XYU-10.2(5)).
    #[serde(default)]
    pub can_fund: Option<bool>,
    /// Current year of study, from 1 (XYU-10.3 upper years; LX-2.1.1 first year).
    #[serde(default, deserialize_with = "opt_int")]
    pub year_of_study: Option<i64>,
    /// Length of the degree programme in years (XYU-10.3).
    #[serde(default, deserialize_with = "opt_int")]
    pub program_years: Option<i64>,
    /// Semesters asked for abroad (XYU-11).
    #[serde(default, deserialize_with = "opt_int")]
    pub semesters: Option<i64>,
    /// A student of the international joint-training classes (LX-2.1).
    #[serde(default)]
    pub in_joint_program: Option<bool>,
    /// Year the student enrolled (LX-2.1.1).
    #[serde(default, deserialize_with = "opt_int")]
    pub enrollment_year: Option<i64>,
    /// Year of the application (LX-2.1.1).
    #[serde(default, deserialize_with = "opt_int")]
    pub application_year: Option<i64>,
    /// Semesters completed at home so far (LX-2.1.2).
    #[serde(default, deserialize_with = "opt_int")]
    pub semesters_completed: Option<i64>,
    /// Already funded once by this plan (LX-5.3.1).
    #[serde(default)]
    pub prior_lixing_funding: Option<bool>,
    /// Already funded by the China Scholarship Council or similar (LX-5.3.1).
    #[serde(default)]
    pub other_funding: Option<bool>,
}

/// For `#[serde(default, deserialize_with = "opt_int")]`: an optional whole number given as
/// a JSON number (a JS number arrives as `2.0`) or as text; `null` and blank text are "not
/// stated". A fraction is `invalid_number`.
fn opt_int<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<i64>, D::Error> {
    struct IntVisitor;
    fn bad<E: de::Error>(input: &str) -> E {
        // The unit separator lets `json::DeError` recover the code (see there).
        E::custom(format!("invalid_number\u{1f}{input}"))
    }
    impl<'de> Visitor<'de> for IntVisitor {
        type Value = Option<i64>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number or null")
        }
        fn visit_none<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> std::result::Result<Self::Value, D2::Error> {
            opt_int(d)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
            i64::try_from(v).map(Some).map_err(|_| E::custom(format!("overflow\u{1f}{v}")))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
            self.visit_str(&crate::decimal::f64_text(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
            if v.trim().is_empty() {
                return Ok(None);
            }
            let n = decimal::parse(v).map_err(|_| bad::<E>(v))?;
            if !n.fract().is_zero() {
                return Err(bad(v));
            }
            rust_decimal::prelude::ToPrimitive::to_i64(&n).map(Some).ok_or_else(|| bad(v))
        }
    }
    d.deserialize_any(IntVisitor)
}

/// Overall answer: any failed condition → `ineligible`; else any open one → `review`;
/// else `eligible`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every condition is met.
    Eligible,
    /// At least one condition fails.
    Ineligible,
    /// No condition fails, but the office must settle at least one.
    Review,
}

/// Something the student must keep doing for the funding to stand (LX-5.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    /// Stable code, e.g. `tasks_not_completed` (from the policy's `funding.conditions`).
    pub code: String,
    /// Clause id, e.g. `LX-5.4(1)`.
    pub clause: String,
    /// The obligation, in the caller's language.
    pub message: String,
}

/// The answer of [`check_eligibility`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Eligibility {
    /// Derived from `findings` only (funding is a separate answer).
    pub status: Status,
    /// The track id asked about.
    pub track: String,
    /// The track's clause, e.g. `LX-2.1.2`.
    pub clause: String,
    /// The kind of programme the track leads to.
    pub programme: Option<Programme>,
    /// LX-5.3.1: `false` when already funded by this plan or by CSC or similar; `true` when
    /// both are stated as no; `null` when not stated or when the track has no funding rule.
    /// It does not change `status`.
    pub fundable: Option<bool>,
    /// XYU-10.2(3): `true` when a language score reaches its priority threshold, `false`
    /// when every stated score is below its threshold, `null` when it cannot be decided.
    pub priority: Option<bool>,
    /// One finding per eligibility condition.
    pub findings: Vec<Finding>,
    /// One finding per funding condition (LX-5.3.1); empty without a funding rule.
    pub funding_findings: Vec<Finding>,
    /// What the student must keep doing or the funding is refused or recovered (LX-5.4);
    /// empty without a funding rule.
    pub conditions: Vec<Condition>,
}


/// Checks `applicant` against `track` of `policy`.
///
/// # Errors
/// `not_in_policy` at `policy` when the policy has no tracks; `unknown_value` at `track`
/// (listing the policy's tracks); `out_of_range` / `invalid_step` at `applicant.<field>` for
/// a value that cannot be right (GPA 0–4, IELTS 0–9 by 0.5, TOEFL 0–120 whole, years 1000–9999,
/// year of study and programme years ≥ 1, semester counts ≥ 0).
pub fn check_eligibility(policy: &Policy, track: &str, applicant: &Applicant, locale: Locale) -> Result<Eligibility> {
    let tracks = policy.tracks.as_ref().ok_or_else(|| {
        Error::new(ErrorKind::NotInPolicy { section: Section::Tracks, what: None }, "policy")
    })?;
    let id = track.trim();
    let t = tracks
        .get(id)
        .ok_or_else(|| Error::new(ErrorKind::UnknownValue { value: id.to_owned(), allowed: tracks.ids() }, "track"))?;
    check_values(applicant)?;

    let ctx = Ctx { a: applicant, t, locale };
    let mut priority = None;
    let findings = match t.kind {
        TrackKind::Exchange => {
            let (language, p) = ctx.language(policy);
            priority = p;
            vec![
                ctx.yes_no(applicant.enrolled, &ENROLLED),
                ctx.yes_no(applicant.conduct_good, &CONDUCT),
                ctx.gpa(policy.min_gpa),
                language,
                ctx.yes_no(applicant.healthy, &HEALTH),
                ctx.yes_no(applicant.can_fund, &FUNDS),
                ctx.upper_year(),
                ctx.semesters(),
            ]
        }
        TrackKind::FreshmanLeap => vec![ctx.yes_no(applicant.in_joint_program, &JOINT_PROGRAM), ctx.freshman()],
        TrackKind::NavigatorResearch => vec![ctx.yes_no(applicant.in_joint_program, &JOINT_PROGRAM), ctx.semesters_completed()],
    };
    let (fundable, funding_findings, conditions) = match &t.funding_clause {
        Some(clause) => {
            let f = vec![
                ctx.funding(applicant.prior_lixing_funding, clause, &PRIOR_LIXING),
                ctx.funding(applicant.other_funding, clause, &OTHER_FUNDING),
            ];
            let fundable = match (applicant.prior_lixing_funding, applicant.other_funding) {
                (Some(true), _) | (_, Some(true)) => Some(false),
                (Some(false), Some(false)) => Some(true),
                _ => None,
            };
            // The LX-5.4 conditions are data in the policy's `funding` section, shared with
            // estimateFunding; a policy without that section has none to show.
            let conditions = policy
                .funding
                .iter()
                .flat_map(|f| &f.conditions)
                .map(|c| Condition { code: c.code.clone(), clause: c.clause.clone(), message: locale.pick(&c.zh, &c.en).clone() })
                .collect();
            (fundable, f, conditions)
        }
        None => (None, Vec::new(), Vec::new()),
    };
    Ok(Eligibility {
        status: status(&findings),
        track: id.to_owned(),
        clause: t.clause.clone(),
        programme: t.programme,
        fundable,
        priority,
        findings,
        funding_findings,
        conditions,
    })
}

/// Any fail → ineligible; else any review → review; else eligible.
#[must_use]
pub fn status(findings: &[Finding]) -> Status {
    if findings.iter().any(|f| f.outcome == Outcome::Fail) {
        Status::Ineligible
    } else if findings.iter().any(|f| f.outcome == Outcome::Review) {
        Status::Review
    } else {
        Status::Eligible
    }
}

/// Rejects values no applicant can have; each error names its `applicant.<field>` path.
fn check_values(a: &Applicant) -> Result<()> {
    let scores: [(&ScoreRule, Option<Decimal>, &str); 3] =
        [(&GPA, a.gpa, "applicant.gpa"), (&IELTS, a.ielts, "applicant.ielts"), (&TOEFL, a.toefl, "applicant.toefl")];
    for (rule, value, field) in scores {
        if let Some(v) = value {
            rule.check(v).map_err(|kind| Error::new(kind, field))?;
        }
    }
    let ints = [
        (a.year_of_study, 1, None, "applicant.yearOfStudy"),
        (a.program_years, 1, None, "applicant.programYears"),
        (a.semesters, 0, None, "applicant.semesters"),
        (a.semesters_completed, 0, None, "applicant.semestersCompleted"),
        (a.enrollment_year, 1000, Some(9999), "applicant.enrollmentYear"),
        (a.application_year, 1000, Some(9999), "applicant.applicationYear"),
    ];
    for (value, min, max, field) in ints {
        if let Some(v) = value {
            if v < min || max.is_some_and(|m| v > m) {
                let kind = ErrorKind::OutOfRange { value: v.to_string(), min: Some(min.to_string()), max: max.map(|m| m.to_string()) };
                return Err(Error::new(kind, field));
            }
        }
    }
    Ok(())
}

/// The texts of a yes/no condition: (code, sub-item of the track clause or `None` for the
/// track clause itself, pass, fail, not stated), each as (zh, en).
struct YesNo {
    code: &'static str,
    item: Option<u8>,
    pass: (&'static str, &'static str),
    fail: (&'static str, &'static str),
    unstated: (&'static str, &'static str),
}

const ENROLLED: YesNo = YesNo {
    code: "enrolled",
    item: Some(1),
    pass: ("学校在籍本科生（或合作协议规定的在籍学生）：符合。", "Enrolled undergraduate of the school (or an enrolled student the partner agreement admits): met."),
    fail: (
        "须为学校在籍本科生，或符合学校与国（境）外合作协议规定的在籍学生；你的回答是“否”。",
        "You must be an enrolled undergraduate of the school, or an enrolled student the partner agreement admits; you answered no.",
    ),
    unstated: ("未说明是否为学校在籍学生：由学校审核。", "Not stated whether you are an enrolled student of the school: the office checks it."),
};

const CONDUCT: YesNo = YesNo {
    code: "conduct",
    item: Some(2),
    pass: ("政治素质良好，思想品德合格：符合。", "Good political and moral standing: met."),
    fail: ("须政治素质良好、思想品德合格；你的回答是“否”。", "Good political and moral standing is required; you answered no."),
    unstated: ("未说明政治素质和思想品德情况：由学校审核。", "Not stated whether your political and moral standing is good: the office checks it."),
};

const HEALTH: YesNo = YesNo {
    code: "health",
    item: Some(4),
    pass: ("身体健康，具有较好的心理素质和适应能力：符合。", "Good physical and mental health and adaptability: met."),
    fail: ("须身体健康，具有较好的心理素质和适应能力；你的回答是“否”。", "Good physical and mental health and adaptability are required; you answered no."),
    unstated: ("未说明身体和心理健康状况：由学校审核。", "Not stated whether you are in good health: the office checks it."),
};

const FUNDS: YesNo = YesNo {
    code: "funds",
    item: Some(5),
    pass: ("具有在国（境）外学习和生活的经济能力：符合。", "Able to pay for study and living abroad: met."),
    fail: ("须具有在国（境）外学习和生活的经济能力；你的回答是“否”。", "You must be able to pay for study and living abroad; you answered no."),
    unstated: ("未说明是否具有在国（境）外学习和生活的经济能力：由学校审核。", "Not stated whether you can pay for study and living abroad: the office checks it."),
};

const JOINT_PROGRAM: YesNo = YesNo {
    code: "joint_program",
    item: None,
    pass: ("国际联合培养专班学生：符合。", "Student of the international joint-training classes: met."),
    fail: ("须为国际联合培养专班学生；你的回答是“否”。", "You must be a student of the international joint-training classes; you answered no."),
    unstated: ("未说明是否为国际联合培养专班学生：由学院审核。", "Not stated whether you are in the international joint-training classes: the college checks it."),
};

/// Funding facts: a "yes" means not fundable (a `fail` in `fundingFindings`).
const PRIOR_LIXING: YesNo = YesNo {
    code: "prior_lixing_funding",
    item: None,
    pass: ("未曾获本计划资助：可获资助。", "Not funded by this plan before: may be funded."),
    fail: (
        "已获本计划资助：每名学生在校期间原则上只资助一次，不再资助（申请资格不受影响）。",
        "Already funded by this plan: a student is, in principle, funded by it once while enrolled, so there is no further funding (eligibility is not affected).",
    ),
    unstated: ("未说明是否已获本计划资助：由中心审核。", "Not stated whether this plan has funded you before: the centre checks it."),
};

const OTHER_FUNDING: YesNo = YesNo {
    code: "other_funding",
    item: None,
    pass: ("未享受国家留学基金等同类资助：可获资助。", "No China Scholarship Council or similar funding: may be funded."),
    fail: (
        "已享受国家留学基金（CSC）等同类资助：不再重复资助（申请资格不受影响）。",
        "Already funded by the China Scholarship Council (CSC) or similar: no school or college funding (eligibility is not affected).",
    ),
    unstated: ("未说明是否享受国家留学基金等同类资助：由中心审核。", "Not stated whether the CSC or a similar scheme funds you: the centre checks it."),
};

/// Shows a GPA with at least one decimal place (3 → "3.0"), as GPAs are written.
fn show_gpa(value: Decimal) -> String {
    let mut v = value.normalize();
    if v.scale() < 1 {
        v.rescale(1);
    }
    v.to_string()
}

struct Ctx<'a> {
    a: &'a Applicant,
    t: &'a Track,
    locale: Locale,
}

impl Ctx<'_> {
    fn pick(&self, zh: String, en: String) -> String {
        self.locale.pick(zh, en)
    }

    /// `XYU-10.2` + item 3 → `XYU-10.2(3)`.
    fn item_clause(&self, item: Option<u8>) -> String {
        match item {
            Some(n) => format!("{}({n})", self.t.clause),
            None => self.t.clause.clone(),
        }
    }

    fn yes_no(&self, value: Option<bool>, c: &YesNo) -> Finding {
        let clause = self.item_clause(c.item);
        let text = |(zh, en): (&str, &str)| self.locale.pick(zh, en).to_owned();
        match value {
            Some(true) => Finding::pass(c.code, &clause, text(c.pass)),
            Some(false) => Finding::fail(c.code, &clause, text(c.fail)),
            None => Finding::review(c.code, &clause, text(c.unstated)),
        }
    }

    fn funding(&self, value: Option<bool>, clause: &str, c: &YesNo) -> Finding {
        let text = |(zh, en): (&str, &str)| self.locale.pick(zh, en).to_owned();
        // A "yes" to prior funding is what fails.
        match value {
            Some(false) => Finding::pass(c.code, clause, text(c.pass)),
            Some(true) => Finding::fail(c.code, clause, text(c.fail)),
            None => Finding::review(c.code, clause, text(c.unstated)),
        }
    }

    /// XYU-10.2(2) "good academic record": the threshold comes from the programme notice.
    fn gpa(&self, min: Option<Decimal>) -> Finding {
        let clause = self.item_clause(Some(2));
        let (code, gpa) = ("gpa", self.a.gpa);
        match (min, gpa) {
            (None, Some(g)) => Finding::review(
                code,
                &clause,
                self.pick(
                    format!("GPA {}：“学习成绩良好”的标准由当年项目通知规定，由学校审核。", show_gpa(g)),
                    format!("GPA {}: the threshold for a good academic record is set in the programme notice; the office decides.", show_gpa(g)),
                ),
            ),
            (None, None) => Finding::review(
                code,
                &clause,
                self.pick(
                    "未填写 GPA；“学习成绩良好”的标准由当年项目通知规定，由学校审核。".to_owned(),
                    "GPA not stated; the threshold for a good academic record is set in the programme notice; the office decides.".to_owned(),
                ),
            ),
            (Some(m), None) => Finding::review(
                code,
                &clause,
                self.pick(
                    format!("未填写 GPA：须至少 {}。", show_gpa(m)),
                    format!("GPA not stated: it must be at least {}.", show_gpa(m)),
                ),
            ),
            (Some(m), Some(g)) if g >= m => Finding::pass(
                code,
                &clause,
                self.pick(
                    format!("GPA {} 达到要求（至少 {}）。", show_gpa(g), show_gpa(m)),
                    format!("GPA {} meets the minimum of {}.", show_gpa(g), show_gpa(m)),
                ),
            ),
            (Some(m), Some(g)) => Finding::fail(
                code,
                &clause,
                self.pick(
                    format!("GPA 须至少 {}；你的是 {}。", show_gpa(m), show_gpa(g)),
                    format!("GPA must be at least {}; yours is {}.", show_gpa(m), show_gpa(g)),
                ),
            ),
        }
    }

    /// XYU-10.2(3) "外语能力强，雅思、托福或其他语言的水平考试成绩优秀者，优先考虑": strong
    /// language ability is a basic condition the school judges; only the priority follows from
    /// a score. So a score at or above a priority line passes (with priority); anything else,
    /// a lower score included, is the school's `review`, never `fail`. Returns the finding and
    /// `priority`.
    fn language(&self, policy: &Policy) -> (Finding, Option<bool>) {
        let clause = self.item_clause(Some(3));
        let scores: Vec<(&str, &str, Decimal, Option<Decimal>)> = [
            ("雅思", "IELTS", self.a.ielts, policy.priority_ielts),
            ("托福", "TOEFL", self.a.toefl, policy.priority_toefl),
        ]
        .into_iter()
        .filter_map(|(zh, en, v, t)| v.map(|v| (zh, en, v, t)))
        .collect();
        if scores.is_empty() {
            return (Finding::review("language", &clause, LANGUAGE_UNSTATED.get(self.locale)), None);
        }
        let list = scores
            .iter()
            .map(|(zh, en, v, t)| {
                let v = v.normalize();
                match t {
                    Some(t) => SCORE_WITH_LINE.fill(self.locale, &[("test", &self.locale.pick(*zh, *en)), ("score", &v), ("line", &t.normalize())]),
                    None => SCORE_NO_LINE.fill(self.locale, &[("test", &self.locale.pick(*zh, *en)), ("score", &v)]),
                }
            })
            .collect::<Vec<_>>()
            .join(self.locale.pick("，", ", "));
        let met = scores.iter().any(|(_, _, v, t)| t.is_some_and(|t| *v >= t));
        let undecided = scores.iter().any(|(_, _, _, t)| t.is_none());
        let args: [(&str, &dyn fmt::Display); 1] = [("list", &list)];
        if met {
            (Finding::pass("language", &clause, LANGUAGE_PRIORITY.fill(self.locale, &args)), Some(true))
        } else if undecided {
            (Finding::review("language", &clause, LANGUAGE_NO_LINE.fill(self.locale, &args)), None)
        } else {
            (Finding::review("language", &clause, LANGUAGE_BELOW_LINE.fill(self.locale, &args)), Some(false))
        }
    }

    /// XYU-10.3 "高年级学生在参加交换生项目前，应先行处理好与中期考核、毕业、升学等相关事宜":
    /// upper-year students, not only the final year. The regulation does not say which years
    /// are upper years; this tool counts the second half of the programme (years 3–4 of 4,
    /// 3–5 of 5, 2–3 of 3, and any year past the programme's length) and says so.
    fn upper_year(&self) -> Finding {
        let clause = self.t.final_year_clause.clone().unwrap_or_else(|| self.t.clause.clone());
        match (self.a.year_of_study, self.a.program_years) {
            (Some(y), Some(p)) => {
                let args: [(&str, &dyn fmt::Display); 2] = [("y", &y), ("p", &p)];
                if y.saturating_mul(2) > p {
                    Finding::review("final_year", &clause, UPPER_YEAR.fill(self.locale, &args))
                } else {
                    Finding::pass("final_year", &clause, LOWER_YEAR.fill(self.locale, &args))
                }
            }
            _ => Finding::review("final_year", &clause, UPPER_YEAR_UNSTATED.get(self.locale)),
        }
    }

    /// XYU-11: an exchange lasts `minSemesters`–`maxSemesters` semesters.
    fn semesters(&self) -> Finding {
        let clause = self.t.semesters_clause.clone().unwrap_or_else(|| self.t.clause.clone());
        let (min, max) = (i64::from(self.t.min_semesters.unwrap_or(1)), i64::from(self.t.max_semesters.unwrap_or(2)));
        match self.a.semesters {
            Some(s) if (min..=max).contains(&s) => Finding::pass(
                "semesters",
                &clause,
                self.pick(format!("交流 {s} 个学期：在 {min}–{max} 个学期之内。"), format!("{} abroad: within {min}–{max}.", count(s, "semester", "semesters"))),
            ),
            Some(s) => Finding::fail(
                "semesters",
                &clause,
                self.pick(
                    format!("交流学习期限须为 {min}–{max} 个学期；你填写的是 {s} 个学期。"),
                    format!("An exchange lasts {min}–{max} semesters; you asked for {s}."),
                ),
            ),
            None => Finding::review(
                "semesters",
                &clause,
                self.pick(
                    format!("未填写交流学期数：须为 {min}–{max} 个学期。"),
                    format!("Number of semesters not stated: an exchange lasts {min}–{max} semesters."),
                ),
            ),
        }
    }

    /// LX-2.1.1 "面向国际联合培养专班当年入学新生". The plan's selection round closes in spring
    /// (LX-4.2), so a calendar-year reading would exclude every student it can select; the
    /// likely meaning is the first academic year. A year of study answers that directly (the
    /// application form asks the same: year 1); enrollment and application years answer it
    /// except when they are one apart, where the month of the application decides (`review`).
    fn freshman(&self) -> Finding {
        let (code, clause, l) = ("enrollment_year", self.t.clause.as_str(), self.locale);
        let by_year = self.a.year_of_study.map(|y| (y == 1, y));
        let by_years = self.a.enrollment_year.zip(self.a.application_year).map(|(e, a)| (e, a, a.checked_sub(e)));
        match (by_year, by_years) {
            // Both decide and they disagree: the office sorts it out.
            (Some((first, y)), Some((e, a, Some(gap)))) if (gap == 0 && !first) || (gap > 1 && first) => {
                Finding::review(code, clause, FRESHMAN_INCONSISTENT.fill(l, &[("y", &y), ("e", &e), ("a", &a)]))
            }
            (Some((true, _)), _) => Finding::pass(code, clause, FRESHMAN_FIRST_YEAR.get(l)),
            (Some((false, y)), _) => Finding::fail(code, clause, FRESHMAN_LATER_YEAR.fill(l, &[("y", &y)])),
            (None, Some((e, a, Some(0)))) => Finding::pass(code, clause, FRESHMAN_SAME_YEAR.fill(l, &[("e", &e), ("a", &a)])),
            (None, Some((e, a, Some(1)))) => Finding::review(code, clause, FRESHMAN_NEXT_YEAR.fill(l, &[("e", &e), ("a", &a)])),
            (None, Some((e, a, Some(gap)))) if gap > 1 => Finding::fail(code, clause, FRESHMAN_YEARS_LATER.fill(l, &[("e", &e), ("a", &a)])),
            (None, Some((e, a, _))) => Finding::review(code, clause, FRESHMAN_BEFORE_ENROLLING.fill(l, &[("e", &e), ("a", &a)])),
            (None, None) => Finding::review(code, clause, FRESHMAN_UNSTATED.get(l)),
        }
    }

    /// LX-2.1.2: at least `minSemestersCompleted` semesters completed.
    fn semesters_completed(&self) -> Finding {
        let clause = &self.t.clause;
        let min = i64::from(self.t.min_semesters_completed.unwrap_or(1));
        match self.a.semesters_completed {
            Some(s) if s >= min => Finding::pass(
                "semesters_completed",
                clause,
                self.pick(format!("已在读 {s} 个学期（至少 {min} 个）：符合。"), format!("{} completed (at least {min}): met.", count(s, "semester", "semesters"))),
            ),
            Some(s) => Finding::fail(
                "semesters_completed",
                clause,
                self.pick(
                    format!("须已在读至少 {min} 个学期；你已在读 {s} 个学期。"),
                    format!("Needs at least {} completed; you have {s}.", count(min, "semester", "semesters")),
                ),
            ),
            None => Finding::review(
                "semesters_completed",
                clause,
                self.pick(
                    format!("未填写已在读学期数：须至少 {min} 个学期。"),
                    format!("Semesters completed not stated: you need at least {}.", count(min, "semester", "semesters")),
                ),
            ),
        }
    }
}

// XYU-10.2(3): language ability and priority.
const LANGUAGE_UNSTATED: Text = Text {
    zh: "未填写雅思、托福等外语考试成绩：“外语能力强”由学校审核；成绩优秀者优先考虑。",
    en: "No IELTS, TOEFL or other test score stated: the office judges whether your foreign-language ability is strong; excellent scores are given priority.",
};
const SCORE_WITH_LINE: Text = Text { zh: "{test} {score}（优先线 {line}）", en: "{test} {score} (priority threshold {line})" };
const SCORE_NO_LINE: Text = Text { zh: "{test} {score}（优先线由当年项目通知规定）", en: "{test} {score} (priority threshold set in the programme notice)" };
const LANGUAGE_PRIORITY: Text = Text {
    zh: "外语成绩达到优先考虑线：{list}；优先考虑。",
    en: "Language score at or above the priority threshold: {list}; you have priority.",
};
const LANGUAGE_NO_LINE: Text = Text {
    zh: "外语成绩：{list}。优先考虑线未规定：是否优先、外语能力是否达到“外语能力强”，由学校审核。",
    en: "Language scores: {list}. No priority threshold is set: the office decides on priority and judges whether your foreign-language ability is strong.",
};
const LANGUAGE_BELOW_LINE: Text = Text {
    zh: "外语成绩：{list}，未达到优先考虑线：不优先考虑。“外语能力强”是基本条件之一，由学校审核；成绩本身不是排除条件。",
    en: "Language scores: {list}, below the priority threshold: no priority. Strong foreign-language ability is one of the basic conditions, and the office judges it; a score alone does not exclude you.",
};

// XYU-10.3: upper-year students settle their matters first.
const UPPER_YEAR: Text = Text {
    zh: "你是高年级学生（第 {y} 年，学制 {p} 年）：参加交换前应先行处理好与中期考核、毕业、升学等相关事宜。（办法未界定“高年级”，本工具按学制的后一半计。）",
    en: "Upper-year student (year {y} of {p}): settle mid-term assessment, graduation and further-study matters before the exchange. (The regulation does not define upper years; this tool counts the second half of the programme.)",
};
const LOWER_YEAR: Text = Text {
    zh: "第 {y} 年（学制 {p} 年），不属高年级：无须先行处理中期考核、毕业、升学事宜。（办法未界定“高年级”，本工具按学制的后一半计。）",
    en: "Year {y} of {p}, not an upper year: no mid-term assessment, graduation or further-study matters to settle first. (The regulation does not define upper years; this tool counts the second half of the programme.)",
};
const UPPER_YEAR_UNSTATED: Text = Text {
    zh: "未说明年级或学制：高年级学生参加交换前应先行处理好与中期考核、毕业、升学等相关事宜。",
    en: "Year of study or programme length not stated: an upper-year student must first settle mid-term assessment, graduation and further-study matters.",
};

// LX-2.1.1: new students of the year, read as the first academic year.
const FRESHMAN_FIRST_YEAR: Text = Text { zh: "第 1 学年的新生（当年入学新生）：符合。", en: "In your first year of study, a new student of the year: met." };
const FRESHMAN_LATER_YEAR: Text = Text {
    zh: "本项目面向当年入学新生（第 1 学年）；你在第 {y} 学年。",
    en: "This track is for new students of the year (first year of study); you are in year {y}.",
};
const FRESHMAN_SAME_YEAR: Text = Text { zh: "{e} 年入学、{a} 年申请：属当年入学新生，符合。", en: "Enrolled in {e}, applying in {a}: a new student of the year: met." };
const FRESHMAN_NEXT_YEAR: Text = Text {
    zh: "{e} 年入学、{a} 年申请：若在第 1 学年内申请（如 {e} 年秋季入学、{a} 年春季遴选），按学年理解属“当年入学新生”，按自然年理解则不属于。方案未界定，由学院审核；填写年级即可判断。",
    en: "Enrolled in {e}, applying in {a}: if you apply within your first year of study (say, enrolled in autumn {e}, selected in spring {a}), you are a new student of the year by academic year, though not by calendar year. The plan does not say which; the college decides. Giving your year of study settles it.",
};
const FRESHMAN_YEARS_LATER: Text = Text {
    zh: "本项目面向当年入学新生；你 {e} 年入学，{a} 年申请时至少已在第 2 学年。",
    en: "This track is for new students of the year; enrolled in {e}, you are at least in your second year of study in {a}.",
};
const FRESHMAN_BEFORE_ENROLLING: Text = Text {
    zh: "申请年份 {a} 早于入学年份 {e}：请核对，由学院审核。",
    en: "The application year {a} is before the enrollment year {e}: please check; the college decides.",
};
const FRESHMAN_INCONSISTENT: Text = Text {
    zh: "年级（第 {y} 学年）与入学、申请年份（{e} 年、{a} 年）不一致：请核对，由学院审核。",
    en: "Your year of study ({y}) does not match the enrollment and application years ({e}, {a}): please check; the college decides.",
};
const FRESHMAN_UNSTATED: Text = Text {
    zh: "未说明年级或入学、申请年份：本项目面向国际联合培养专班当年入学新生，由学院审核。",
    en: "Year of study, or enrollment and application years, not stated: this track is for new students of the year in the joint-training classes; the college checks it.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gpa_shows_one_decimal_at_least() {
        assert_eq!(show_gpa(Decimal::from(3)), "3.0");
        assert_eq!(show_gpa(Decimal::new(285, 2)), "2.85");
        assert_eq!(show_gpa(Decimal::new(3200, 3)), "3.2");
    }
}
