//! Common Chinese GPA algorithms for *home percentage scores*. NOT from either regulation:
//! students applying abroad are asked for them, so they are shown side by side, each with
//! its mapping written out below and its source named.
//!
//! Bands are half-open intervals on exact decimals: a band "80–89" is [80, 90), so 89.5
//! falls in it (peer calculators score 89.5 as 0 because it matches no integer band).

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Result};
use crate::read::{At, Obj, Request};
use serde::Serialize;

/// How an algorithm maps a score.
#[derive(Debug, Clone, Copy)]
enum Mapping {
    /// `(lower bound, points)` from the highest band down; a score takes the first band
    /// whose lower bound it reaches. Below the last band: 0.
    Bands(&'static [(u32, &'static str)]),
    /// The formula calculators call PKU's "new" one: x ≥ 60 → 4 − 3(100 − x)²/1600, else 0.
    PkuFormula,
}

/// One algorithm's definition.
#[derive(Debug, Clone, Copy)]
pub struct Algorithm {
    /// Stable id.
    pub id: &'static str,
    /// Chinese name.
    pub name: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Top of the scale (4.0 or 4.3).
    pub scale: &'static str,
    /// Where the mapping is published.
    pub source: &'static str,
    mapping: Mapping,
}

/// Every algorithm, in display order. Mappings as published by their sources:
pub const ALGORITHMS: &[Algorithm] = &[
    Algorithm {
        id: "standard4",
        name: "标准4.0",
        name_en: "Standard 4.0",
        scale: "4",
        source: "Standard US-style 4.0 conversion as used by Chinese GPA calculators: 90–100→4; 80–89→3; 70–79→2; 60–69→1; <60→0",
        mapping: Mapping::Bands(&[(90, "4"), (80, "3"), (70, "2"), (60, "1")]),
    },
    Algorithm {
        id: "improved4a",
        name: "改进4.0(1)",
        name_en: "Improved 4.0 (1)",
        scale: "4",
        source: "Improved 4.0 (1) as published by Chinese GPA calculators: 85–100→4; 70–84→3; 60–69→2; <60→0",
        mapping: Mapping::Bands(&[(85, "4"), (70, "3"), (60, "2")]),
    },
    Algorithm {
        id: "improved4b",
        name: "改进4.0(2)",
        name_en: "Improved 4.0 (2)",
        scale: "4",
        source: "Improved 4.0 (2) as published by Chinese GPA calculators: 85–100→4; 75–84→3; 60–74→2; <60→0",
        mapping: Mapping::Bands(&[(85, "4"), (75, "3"), (60, "2")]),
    },
    Algorithm {
        // No source dates this formula (calculators call the two PKU mappings "new" and "old"
        // without a year), so neither the id nor the label carries one.
        id: "pkuFormula",
        name: "北大4.0（新算法，公式）",
        name_en: "PKU 4.0 (new, formula)",
        scale: "4",
        source: "The formula GPA calculators call Peking University's \"new\" algorithm, with no date: GPA = 4 − 3(100 − X)²/1600 for 60 ≤ X ≤ 100, 0 below 60",
        mapping: Mapping::PkuFormula,
    },
    Algorithm {
        id: "pkuOld",
        name: "北大4.0（旧算法，分段表）",
        name_en: "PKU 4.0 (old, table)",
        scale: "4",
        source: "The table GPA calculators call Peking University's \"old\" algorithm: 90–100→4.0; 85–89→3.7; 82–84→3.3; 78–81→3.0; 75–77→2.7; 72–74→2.3; 68–71→2.0; 64–67→1.5; 60–63→1.0; <60→0",
        mapping: Mapping::Bands(&[(90, "4.0"), (85, "3.7"), (82, "3.3"), (78, "3.0"), (75, "2.7"), (72, "2.3"), (68, "2.0"), (64, "1.5"), (60, "1.0")]),
    },
    Algorithm {
        // Not a Canadian university's own scale (UBC's bands, for one, differ at many integer
        // scores): named for what it is.
        id: "canada43",
        name: "“加拿大4.3”（国内 GPA 计算器的惯例，非加拿大高校的官方标准）",
        name_en: "\"Canada 4.3\" (a Chinese GPA-calculator convention, not a Canadian university's scale)",
        scale: "4.3",
        source: "A convention of Chinese GPA calculators, not the scale of any Canadian university: 90–100→4.3; 85–89→4.0; 80–84→3.7; 75–79→3.3; 70–74→3.0; 65–69→2.7; 60–64→2.3; <60→0",
        mapping: Mapping::Bands(&[(90, "4.3"), (85, "4.0"), (80, "3.7"), (75, "3.3"), (70, "3.0"), (65, "2.7"), (60, "2.3")]),
    },
    Algorithm {
        id: "ustc43",
        name: "中科大4.3",
        name_en: "USTC 4.3",
        scale: "4.3",
        source: "University of Science and Technology of China grade-point table: 95–100→4.3; 90–94→4.0; 85–89→3.7; 82–84→3.3; 78–81→3.0; 75–77→2.7; 72–74→2.3; 68–71→2.0; 65–67→1.7; 64→1.5; 61–63→1.3; 60→1.0; <60→0",
        mapping: Mapping::Bands(&[(95, "4.3"), (90, "4.0"), (85, "3.7"), (82, "3.3"), (78, "3.0"), (75, "2.7"), (72, "2.3"), (68, "2.0"), (65, "1.7"), (64, "1.5"), (61, "1.3"), (60, "1.0")]),
    },
    Algorithm {
        id: "sjtu43",
        name: "上海交大4.3",
        name_en: "SJTU 4.3",
        scale: "4.3",
        source: "Shanghai Jiao Tong University grade-point table: 95–100→4.3; 90–94→4.0; 85–89→3.7; 80–84→3.3; 75–79→3.0; 70–74→2.7; 67–69→2.3; 65–66→2.0; 62–64→1.7; 60–61→1.0; <60→0",
        mapping: Mapping::Bands(&[(95, "4.3"), (90, "4.0"), (85, "3.7"), (80, "3.3"), (75, "3.0"), (70, "2.7"), (67, "2.3"), (65, "2.0"), (62, "1.7"), (60, "1.0")]),
    },
    Algorithm {
        id: "wes",
        name: "WES（社区近似，非WES官方认证）",
        name_en: "\"WES\" (community approximation, not WES's official evaluation)",
        scale: "4",
        source: "Community approximation of WES, not WES's official evaluation: 85–100→4; 75–84→3; 60–74→2; <60→0",
        mapping: Mapping::Bands(&[(85, "4"), (75, "3"), (60, "2")]),
    },
];

fn dec(text: &str) -> Decimal {
    // The band tables above are constant, well-formed decimals; zero is unreachable.
    decimal::parse(text).unwrap_or(Decimal::ZERO)
}

impl Algorithm {
    /// The points for a score in 0–100 (the caller checks the range).
    #[must_use]
    pub fn points(&self, score: Decimal) -> Decimal {
        match self.mapping {
            Mapping::Bands(bands) => bands
                .iter()
                .find(|(lower, _)| score >= Decimal::from(*lower))
                .map_or(Decimal::ZERO, |(_, p)| dec(p)),
            Mapping::PkuFormula => {
                if score < Decimal::from(60) {
                    return Decimal::ZERO;
                }
                let gap = Decimal::ONE_HUNDRED - score; // 0..=40: no overflow possible
                let drop = gap * gap * Decimal::from(3) / Decimal::from(1600);
                Decimal::from(4) - drop
            }
        }
    }
}

/// A home course with a percentage score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoredCourse {
    /// Name as entered.
    pub name: String,
    /// Credits ≥ 0.
    pub credits: Decimal,
    /// Score 0–100.
    pub score: Decimal,
}

impl ScoredCourse {
    fn read(at: At<'_, '_>) -> Result<Self> {
        let o = at.obj(&["name", "credits", "score"])?;
        Ok(Self { name: o.opt_str("name")?.unwrap_or_default(), credits: o.dec("credits")?, score: o.dec("score")? })
    }
}

/// `homeGpa`'s question: home courses with percentage scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeGpaInput {
    /// The courses, in the order they are listed.
    pub courses: Vec<ScoredCourse>,
}

impl Request for HomeGpaInput {
    const KEYS: &'static [&'static str] = &["courses", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        Ok(Self { courses: o.need_list("courses", ScoredCourse::read)? })
    }
}

/// One algorithm's credit-weighted GPA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlgorithmGpa {
    /// Algorithm id.
    pub id: &'static str,
    /// Chinese name.
    pub name: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Top of the scale.
    pub scale: &'static str,
    /// Source of the mapping.
    pub source: &'static str,
    /// GPA rounded half-up to two places; `None` without credits.
    pub gpa: Option<String>,
    /// GPA unrounded.
    pub gpa_exact: Option<String>,
}

/// One course under every algorithm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoursePoints {
    /// Name as entered.
    pub name: String,
    /// Credits.
    pub credits: Decimal,
    /// Score.
    pub score: Decimal,
    /// Points per algorithm, in [`ALGORITHMS`] order, rounded half-up to two places.
    pub points: Vec<String>,
    /// Whether the 4.0-scale algorithms give this course different points.
    pub disagree: bool,
}

/// All algorithms side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// One GPA per algorithm.
    pub algorithms: Vec<AlgorithmGpa>,
    /// One row per course.
    pub courses: Vec<CoursePoints>,
    /// Always true: a reminder that none of this is from a regulation.
    pub not_from_regulation: bool,
}

/// Computes every algorithm's GPA for home percentage scores.
///
/// # Errors
/// `out_of_range` for a score outside 0–100 or negative credits (`courses[i].score`);
/// `overflow` if the credit sums leave the decimal range.
pub fn compare(courses: &[ScoredCourse]) -> Result<Comparison> {
    for (i, c) in courses.iter().enumerate() {
        if c.score < Decimal::ZERO || c.score > Decimal::ONE_HUNDRED {
            return Err(Error::new(
                ErrorKind::OutOfRange { value: c.score.to_string(), min: Some("0".into()), max: Some("100".into()) },
                format!("courses[{i}].score"),
            ));
        }
        if c.credits < Decimal::ZERO {
            return Err(Error::new(
                ErrorKind::OutOfRange { value: c.credits.to_string(), min: Some("0".into()), max: None },
                format!("courses[{i}].credits"),
            ));
        }
    }
    let mut algorithms = Vec::with_capacity(ALGORITHMS.len());
    for a in ALGORITHMS {
        let (mut sum, mut weight) = (Decimal::ZERO, Decimal::ZERO);
        for (i, c) in courses.iter().enumerate() {
            let overflow = || Error::new(ErrorKind::Overflow, format!("courses[{i}].credits"));
            sum = c.credits.checked_mul(a.points(c.score)).and_then(|x| sum.checked_add(x)).ok_or_else(overflow)?;
            weight = weight.checked_add(c.credits).ok_or_else(overflow)?;
        }
        let gpa = if weight.is_zero() { None } else { sum.checked_div(weight) };
        algorithms.push(AlgorithmGpa {
            id: a.id,
            name: a.name,
            name_en: a.name_en,
            scale: a.scale,
            source: a.source,
            gpa: gpa.map(decimal::fixed2),
            gpa_exact: gpa.map(decimal::exact),
        });
    }
    let rows = courses
        .iter()
        .map(|c| {
            let four: Vec<Decimal> = ALGORITHMS.iter().filter(|a| a.scale == "4").map(|a| a.points(c.score)).collect();
            let disagree = four.iter().any(|p| Some(p) != four.first());
            CoursePoints {
                name: c.name.clone(),
                credits: c.credits,
                score: c.score,
                points: ALGORITHMS.iter().map(|a| decimal::fixed2(a.points(c.score))).collect(),
                disagree,
            }
        })
        .collect();
    Ok(Comparison { algorithms, courses: rows, not_from_regulation: true })
}
