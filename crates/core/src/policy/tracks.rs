//! The `tracks` section (XYU-10, LX-2.1): each track's kind, titles, clause ids and numbers.
//! Which conditions a kind checks is code (`eligibility`); the numbers are data.

use crate::keyed::Keyed;
use crate::locale::Text;
use crate::read::{At, Problems};
use serde::Serialize;

/// Which conditions a track checks. The logic for each is in the `eligibility` module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrackKind {
    /// Xinyu outbound exchange: XYU-10.2 (1)–(5), XYU-10.3, XYU-11.
    #[default]
    Exchange,
    /// Lixing "Freshman Leap" (LX-2.1.1): joint-training class, enrolled in the application year.
    FreshmanLeap,
    /// Lixing "Navigator Research" (LX-2.1.2): joint-training class, ≥ N semesters completed.
    NavigatorResearch,
}

impl TrackKind {
    const NAMES: &'static [&'static str] = &["exchange", "freshman-leap", "navigator-research"];
    /// Every kind.
    pub const ALL: [Self; 3] = [Self::Exchange, Self::FreshmanLeap, Self::NavigatorResearch];

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Programme {
    /// Language programmes abroad.
    Language,
    /// Research programmes abroad.
    Research,
}

impl Programme {
    const NAMES: &'static [&'static str] = &["language", "research"];
    const ALL: [Self; 2] = [Self::Language, Self::Research];
}

/// One track of the policy's `tracks` section: the numbers and clause ids its conditions use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    pub programme: Option<Programme>,
    /// Fewest semesters abroad (XYU-11: 1). Exchange only.
    pub min_semesters: Option<u32>,
    /// Most semesters abroad (XYU-11: 2). Exchange only.
    pub max_semesters: Option<u32>,
    /// Clause of the semester rule, e.g. `XYU-11`. Exchange only.
    pub semesters_clause: Option<String>,
    /// Clause of the upper-year rule, e.g. `XYU-10.3` (the key keeps its first name). Exchange only.
    pub final_year_clause: Option<String>,
    /// Semesters the student must have completed (LX-2.1.2: 1). Navigator research only.
    pub min_semesters_completed: Option<u32>,
    /// Clause of the funding uniqueness rule (LX-5.3.1); when set, the result also answers
    /// `fundable` and lists the LX-5.4 conditions.
    pub funding_clause: Option<String>,
}

impl Track {
    fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let keys = &[
            "kind", "title", "titleEn", "clause", "programme", "minSemesters", "maxSemesters", "semestersClause", "finalYearClause",
            "minSemestersCompleted", "fundingClause",
        ];
        let mut f = p.fields(at, keys)?;
        let v = Self {
            kind: TrackKind::ALL.get(f.choice("kind", TrackKind::NAMES)).copied().unwrap_or_default(),
            title: f.string("title"),
            title_en: f.string("titleEn"),
            clause: f.string("clause"),
            programme: f.opt_choice("programme", Programme::NAMES).and_then(|i| Programme::ALL.get(i).copied()),
            min_semesters: f.opt_count("minSemesters"),
            max_semesters: f.opt_count("maxSemesters"),
            semesters_clause: f.opt_string("semestersClause"),
            final_year_clause: f.opt_string("finalYearClause"),
            min_semesters_completed: f.opt_count("minSemestersCompleted"),
            funding_clause: f.opt_string("fundingClause"),
        };
        f.done(v)
    }
}

/// The `tracks` section of a policy: tracks by id (`exchange`, `freshman-leap`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Tracks(pub Keyed<Track>);

const TRACK_ID_EMPTY: Text = Text { zh: "项目编号不能为空", en: "a track id must not be empty" };
const REQUIRED_FOR_KIND: Text = Text { zh: "此类项目必填", en: "required for this kind of track" };
const NOT_USED_BY_KIND: Text = Text { zh: "此类项目不使用该字段", en: "not used by this kind of track" };
const AT_LEAST_ONE: Text = Text { zh: "应不小于 1", en: "must be at least 1" };
const AT_LEAST_MIN: Text = Text { zh: "应不小于 minSemesters", en: "must be at least minSemesters" };

impl Tracks {
    /// Reads the section, recording every problem; `None` if any track does not read.
    pub fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        p.entries(at, Track::read).map(Self)
    }

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
    pub fn check(&self, path: &str, p: &mut Problems) {
        if self.0.is_empty() {
            p.filled(path, "", "");
        }
        for (id, t) in &self.0 {
            let at = format!("{path}.{id}");
            if id.trim().is_empty() {
                p.add(&at, "", "empty", &TRACK_ID_EMPTY, &[]);
            }
            for (key, value) in [
                ("title", Some(&t.title)),
                ("titleEn", Some(&t.title_en)),
                ("clause", Some(&t.clause)),
                ("semestersClause", t.semesters_clause.as_ref()),
                ("finalYearClause", t.final_year_clause.as_ref()),
                ("fundingClause", t.funding_clause.as_ref()),
            ] {
                if let Some(v) = value {
                    p.filled(&at, key, v);
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
                match (present, used) {
                    (false, true) => p.add(&at, key, "missing_field", &REQUIRED_FOR_KIND, &[]),
                    (true, false) => p.add(&at, key, "unused_field", &NOT_USED_BY_KIND, &[]),
                    _ => {}
                }
            }
            if t.min_semesters == Some(0) {
                p.add(&at, "minSemesters", "out_of_range", &AT_LEAST_ONE, &[]);
            }
            if let (Some(min), Some(max)) = (t.min_semesters, t.max_semesters) {
                if max < min {
                    p.add(&at, "maxSemesters", "out_of_range", &AT_LEAST_MIN, &[]);
                }
            }
        }
    }
}
