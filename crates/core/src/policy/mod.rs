//! Policies are data: one JSON document per regulation, bundled as presets and checked when
//! loaded. A caller passes a preset id, a whole policy, or `{"extends": id, ...overrides}`.
//! An invalid policy is rejected with every problem listed, never half-applied.
//!
//! Top-level parameters are the ones a regulation leaves to "each year's notice"; `null`
//! means unset, and checks that need an unset value report `review` instead of guessing.

pub mod credits;
pub mod deadlines;
pub mod form;
pub mod funding;
pub mod grades;
mod hash;
pub mod tracks;

use crate::decimal::Decimal;
use crate::error::{join_path, Error, ErrorKind, Expected, Problem, Result};
use crate::keyed::Keyed;
use crate::locale::{Locale, Text};
use crate::read::{At, Fields, Problems};
use credits::CreditRules;
use deadlines::DeadlineRules;
use form::FormRules;
use funding::FundingRules;
use grades::GradeRules;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::OnceLock;
use tracks::Tracks;

/// The bundled presets, written by the build script from `policies/*.json`.
mod presets {
    use super::grades::{GradeRules, LetterGrade};
    use super::{view, view_dec, Policy};
    use crate::finding::Convention;
    include!(concat!(env!("OUT_DIR"), "/presets.rs"));
}

pub use presets::LIST_JSON;

/// A clause of a regulation, quoted in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ClauseText {
    /// The text in simplified Chinese, as the regulation says it.
    pub zh: String,
    /// An English rendering.
    pub en: String,
}

impl ClauseText {
    /// Reads one, recording every problem.
    pub fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["zh", "en"])?;
        let v = Self { zh: f.string("zh"), en: f.string("en") };
        f.done(v)
    }

    /// The text in `locale`.
    #[must_use]
    pub fn text(&self, locale: Locale) -> &str {
        locale.pick(&self.zh, &self.en)
    }
}

/// A loaded, checked policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// Preset or custom id, e.g. `xinyu-2022`.
    pub id: String,
    /// Chinese title of the regulation.
    pub title: String,
    /// English title.
    pub title_en: String,
    /// Year the regulation was issued.
    pub year: i32,
    /// Minimum GPA for a "good academic record" (XYU-10.2(2)); from the year's notice.
    pub min_gpa: Option<Decimal>,
    /// IELTS score at or above which an applicant has priority (XYU-10.2(3)).
    pub priority_ielts: Option<Decimal>,
    /// TOEFL iBT score at or above which an applicant has priority (XYU-10.2(3)).
    pub priority_toefl: Option<Decimal>,
    /// Class hours per recognized credit (XYU-12.2 allows 16–18).
    pub hours_per_credit: Option<Decimal>,
    /// School funding cap per student in CNY (LX-5.2).
    pub school_cap_per_student: Option<Decimal>,
    /// Share of the school items the school pays, 0–1 (LX-5.2).
    pub school_share_ratio: Option<Decimal>,
    /// Regular expression a student id must match (application form).
    pub student_id_pattern: Option<String>,
    /// Grade conversion table (XYU-12.7); absent when the regulation has none.
    pub grades: Option<GradeRules>,
    /// Credit recognition (XYU-11, XYU-12.2–12.9); absent when the regulation leaves it to
    /// another office (LX-6.2).
    pub credits: Option<CreditRules>,
    /// Deadlines (XYU-12.9, XYU-13, LX-4).
    pub deadlines: Option<DeadlineRules>,
    /// Funding shares (LX-5); absent when the regulation has none.
    pub funding: Option<FundingRules>,
    /// Eligibility tracks by id (XYU-10, LX-2.1); absent when the policy defines none.
    pub tracks: Option<Tracks>,
    /// Application form rules (SPEC §8), e.g. the phone pattern.
    pub form: Option<FormRules>,
    /// Quoted clause texts by clause id.
    pub clauses: Keyed<ClauseText>,
    /// Short content hash of the policy document (hex), printed with every result.
    pub hash: String,
}

/// What every result carries so a printout can be matched to the exact rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyRef {
    /// Policy id.
    pub id: String,
    /// Short content hash.
    pub hash: String,
}

/// One line of [`list`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicySummary {
    /// Preset id.
    pub id: String,
    /// Chinese title.
    pub title: String,
    /// English title.
    pub title_en: String,
    /// Year issued.
    pub year: i32,
    /// Content hash.
    pub hash: String,
}

impl Policy {
    /// The id and hash to print with a result.
    #[must_use]
    pub fn reference(&self) -> PolicyRef {
        PolicyRef { id: self.id.clone(), hash: self.hash.clone() }
    }

    /// The quoted text of a clause, if the policy has it. A numbered item such as `LX-5.4(3)`
    /// or `XYU-12.7(2)` falls back to the clause that quotes it whole (`LX-5.4`).
    #[must_use]
    pub fn clause(&self, id: &str) -> Option<&ClauseText> {
        self.clauses.get(id).or_else(|| {
            let parent = id.strip_suffix(')').and_then(|rest| rest.rsplit_once('(')).map(|(p, _)| p)?;
            self.clauses.get(parent)
        })
    }
}

type Parsed = std::result::Result<Policy, Vec<Problem>>;

fn find<'a>(table: &'a [(&'a str, &'a str)], id: &str) -> Option<(usize, &'a str)> {
    table.iter().enumerate().find(|(_, (k, _))| *k == id).map(|(i, (_, text))| (i, *text))
}

/// A preset, read on first use: a page that converts grades under xinyu never runs the
/// funding and track readers that only gdut's preset needs (a cold wasm start pays for every
/// function it touches the first time).
fn preset(id: &str) -> Option<&'static Parsed> {
    static CELLS: [OnceLock<Parsed>; presets::DOCUMENTS.len()] = [const { OnceLock::new() }; presets::DOCUMENTS.len()];
    let (i, text) = find(presets::DOCUMENTS, id)?;
    Some(CELLS.get(i)?.get_or_init(|| {
        // The build script wrote the text from a parsed document, so it parses.
        let unreadable = || vec![Problem::new("", "invalid_type", String::new())];
        serde_json::from_str::<Value>(text).map_err(|_| unreadable()).and_then(|v| from_value(&v, Locale::En))
    }))
}

/// The presets' ids, for `unknown_policy`.
fn preset_ids() -> Vec<String> {
    presets::IDS.iter().map(|id| (*id).to_owned()).collect()
}

fn unknown(id: &str, field: &str) -> Error {
    Error::new(ErrorKind::UnknownPolicy { id: id.to_owned(), known: preset_ids() }, field)
}

fn preset_value(id: &str, field: &str) -> Result<Value> {
    find(presets::DOCUMENTS, id).and_then(|(_, text)| serde_json::from_str(text).ok()).ok_or_else(|| unknown(id, field))
}

/// The bundled presets, for a picker (the build script wrote [`LIST_JSON`]).
#[must_use]
pub fn list() -> Vec<PolicySummary> {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(LIST_JSON) else { return Vec::new() };
    items
        .iter()
        .filter_map(|v| {
            let s = |key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
            Some(PolicySummary {
                id: s("id")?,
                title: s("title")?,
                title_en: s("titleEn")?,
                year: v.get("year").and_then(Value::as_i64).and_then(|y| i32::try_from(y).ok())?,
                hash: s("hash")?,
            })
        })
        .collect()
}

/// A preset as the grades entry point holds it: its identity and grade table only. Every
/// rule of `convertGrade`, `computeGpa` and `batchGpa` reads nothing else, so their answers
/// under it are the full preset's, byte for byte (tested).
///
/// # Errors
/// `unknown_policy` for an unknown id; `needs_full_module` for a policy object;
/// `invalid_type` for anything else.
pub fn grades_view(input: &Value, field: &str) -> Result<&'static Policy> {
    static CELLS: [OnceLock<Option<Policy>>; presets::IDS.len()] = [const { OnceLock::new() }; presets::IDS.len()];
    let id = match input {
        Value::String(id) => id.trim(),
        Value::Object(_) => return Err(Error::new(ErrorKind::NeedsFullModule, field)),
        Value::Null => return Err(Error::new(ErrorKind::MissingField, field)),
        other => return Err(Error::new(ErrorKind::InvalidType { expected: Expected::Policy, found: crate::read::found(other) }, field)),
    };
    let i = presets::IDS.iter().position(|known| *known == id).ok_or_else(|| unknown(id, field))?;
    let view = CELLS.get(i).and_then(|cell| cell.get_or_init(|| presets::grade_view(i)).as_ref());
    // The build wrote a view for every preset id.
    view.ok_or_else(|| Error::new(ErrorKind::InvalidPolicy { problems: Vec::new() }, field))
}

/// A grades view (the build script's `grade_view`): identity and grade table only.
fn view(id: String, title: String, title_en: String, year: i32, hash: &str, grades: Option<GradeRules>) -> Policy {
    Policy {
        id,
        title,
        title_en,
        year,
        min_gpa: None,
        priority_ielts: None,
        priority_toefl: None,
        hours_per_credit: None,
        school_cap_per_student: None,
        school_share_ratio: None,
        student_id_pattern: None,
        grades,
        credits: None,
        deadlines: None,
        funding: None,
        tracks: None,
        form: None,
        clauses: Keyed::new(),
        hash: hash.to_owned(),
    }
}

/// A decimal of a grades view, parsed as the policy reader parses it (the build checked it).
fn view_dec(text: &str) -> Decimal {
    crate::decimal::parse(text).unwrap_or_default()
}

/// Resolves the `policy` input: a preset id, a whole policy object, or
/// `{"extends": id, ...overrides}`. `field` is the input path used in errors.
///
/// # Errors
/// `unknown_policy` for an unknown id; `invalid_policy` listing every problem (paths are
/// relative to `field`); `invalid_type` when the input is neither text nor an object.
pub fn resolve(input: &Value, field: &str, locale: Locale) -> Result<Cow<'static, Policy>> {
    match input {
        Value::String(id) => {
            let id = id.trim();
            match preset(id) {
                Some(Ok(p)) => Ok(Cow::Borrowed(p)),
                Some(Err(problems)) => {
                    Err(Error::new(ErrorKind::InvalidPolicy { problems: problems.clone() }, field))
                }
                None => Err(unknown(id, field)),
            }
        }
        Value::Object(map) => {
            let merged;
            let document = match map.get("extends") {
                None => input,
                Some(Value::String(base)) => {
                    let mut preset = preset_value(base.trim(), &join_path(field, "extends"))?;
                    merge_into(&mut preset, map, Some("extends"));
                    merged = preset;
                    &merged
                }
                Some(other) => {
                    return Err(Error::new(
                        ErrorKind::InvalidType { expected: Expected::PresetId, found: crate::read::found(other) },
                        join_path(field, "extends"),
                    ))
                }
            };
            from_value(document, locale)
                .map(Cow::Owned)
                .map_err(|problems| Error::new(ErrorKind::InvalidPolicy { problems }, field))
        }
        Value::Null => Err(Error::new(ErrorKind::MissingField, field)),
        other => Err(Error::new(
            ErrorKind::InvalidType { expected: Expected::Policy, found: crate::read::found(other) },
            field,
        )),
    }
}

/// Deep-merges the object `overrides` (but for its key `skip`) into `base`: objects merge key by
/// key, anything else replaces (so `"minGpa": null` unsets a parameter and a list replaces
/// the whole list). The overrides are copied, never removed from: a map's `remove` links
/// the B-tree's rebalancing, about 4 KB of wasm.
fn merge_into(base: &mut Value, overrides: &serde_json::Map<String, Value>, skip: Option<&str>) {
    let Value::Object(b) = base else { return };
    for (k, v) in overrides.iter().filter(|(k, _)| Some(k.as_str()) != skip) {
        match (b.get_mut(k), v) {
            (Some(slot @ Value::Object(_)), Value::Object(o)) => merge_into(slot, o, None),
            _ => {
                b.insert(k.clone(), v.clone());
            }
        }
    }
}

/// The keys of a policy document.
const KEYS: &[&str] = &[
    "$schema", "id", "title", "titleEn", "year", "minGpa", "priorityIelts", "priorityToefl", "hoursPerCredit", "schoolCapPerStudent",
    "schoolShareRatio", "studentIdPattern", "grades", "credits", "deadlines", "funding", "tracks", "form", "clauses",
];

const NOT_AN_OBJECT: Text = Text { zh: "政策应是一个对象", en: "a policy must be an object" };
const UNKNOWN_KEY: Text = Text { zh: "不认识的字段（是否拼写有误？）", en: "unknown field (a typo?)" };
const UNUSED: Text = Text { zh: "本政策中没有读取此参数的规则，设置了也不会生效", en: "no rule of this policy reads it, so it would have no effect" };

/// Builds a [`Policy`] from a whole document, listing every problem.
///
/// # Errors
/// Every problem found: unknown keys, wrong types, missing required keys, values out of range.
pub fn from_value(document: &Value, locale: Locale) -> std::result::Result<Policy, Vec<Problem>> {
    let hash = hash::of(document);
    let mut problems = Problems::new(locale);
    let p = &mut problems;
    let Ok(o) = (At { value: document, path: "" }).any_obj(KEYS) else {
        p.add("", "", "invalid_type", &NOT_AN_OBJECT, &[]);
        return Err(problems.list);
    };
    // Read key by key: every key's problem is listed, sections included.
    let mut f = Fields::new(o, p);
    // `$schema` names the JSON Schema an editor checks the file with (www/policy.schema.json):
    // not a rule, so it is only read as text (or null) and then ignored. It stays in the hash,
    // which is of the document as written.
    let _ = f.opt_string("$schema");
    let id = f.opt_string("id");
    f.require("id", id.is_some());
    let title = f.opt_string("title");
    f.require("title", title.is_some());
    let title_en = f.opt_string("titleEn");
    let year = f.opt_int("year");
    f.require("year", year.is_some());
    let min_gpa = f.opt_dec("minGpa");
    let priority_ielts = f.opt_dec("priorityIelts");
    let priority_toefl = f.opt_dec("priorityToefl");
    let hours_per_credit = f.opt_dec("hoursPerCredit");
    let school_cap_per_student = f.opt_dec("schoolCapPerStudent");
    let school_share_ratio = f.opt_dec("schoolShareRatio");
    let student_id_pattern = f.opt_string("studentIdPattern");
    let grades = f.section("grades", GradeRules::read);
    let credits = f.section("credits", CreditRules::read);
    let deadlines = f.section("deadlines", DeadlineRules::read);
    let funding = f.section("funding", FundingRules::read);
    let tracks = f.section("tracks", Tracks::read);
    let form = f.section("form", FormRules::read);
    let clauses = f.entries("clauses", ClauseText::read);
    let unknown: Vec<&str> = f.o.unknown().collect();
    // A section that is there but does not read has its own problems; the parameters it
    // would read are not reported as unread on top of them.
    let unreadable = |key, read: bool| f.o.raw(key).is_some() && !read;
    let (credits_failed, funding_failed, tracks_failed) =
        (unreadable("credits", credits.is_some()), unreadable("funding", funding.is_some()), unreadable("tracks", tracks.is_some()));
    drop(f);
    for key in unknown {
        p.add(key, "", "unknown_field", &UNKNOWN_KEY, &[]);
    }

    let zero = Some(Decimal::ZERO);
    p.range("minGpa", "", min_gpa, zero, None);
    p.range("priorityIelts", "", priority_ielts, zero, Some(Decimal::from(9)));
    p.range("priorityToefl", "", priority_toefl, zero, Some(Decimal::from(120)));
    p.range("schoolCapPerStudent", "", school_cap_per_student, zero, None);
    p.range("schoolShareRatio", "", school_share_ratio, zero, Some(Decimal::ONE));
    if let Some(h) = hours_per_credit {
        p.positive("hoursPerCredit", "", h);
    }
    if let Some(pattern) = &student_id_pattern {
        if !crate::pattern::is_valid(pattern) {
            p.add("studentIdPattern", "", "invalid_format", &form::NOT_A_PATTERN, &[]);
        }
    }
    if let Some(id) = &id {
        p.filled("id", "", id);
    }
    if let Some(g) = &grades {
        g.check("grades", p);
    }
    if let Some(c) = &credits {
        c.check("credits", p);
        c.check_divisor(hours_per_credit, "hoursPerCredit", p);
    }
    if let Some(d) = &deadlines {
        d.check("deadlines", p);
    }
    if let Some(f) = &funding {
        f.check("funding", p);
    }
    if let Some(t) = &tracks {
        t.check("tracks", p);
    }
    if let Some(f) = &form {
        f.check("form", p);
    }

    // A parameter set where no rule of this policy reads it would be silently ignored
    // (`{ extends: 'gdut-lixing-2026', minGpa: 3 }` has no track with a GPA rule). Which
    // parameters are read is declared by each section for itself.
    let every_kind = tracks::TrackKind::ALL.iter().flat_map(|k| k.parameters().iter().copied());
    let read: Vec<&str> = form::PARAMETERS
        .iter()
        .copied()
        .chain((credits.is_some() || credits_failed).then_some(credits::PARAMETERS).into_iter().flatten().copied())
        .chain((funding.is_some() || funding_failed).then_some(funding::PARAMETERS).into_iter().flatten().copied())
        .chain(tracks.iter().flat_map(Tracks::parameters))
        .chain(every_kind.filter(|_| tracks_failed))
        .collect();
    let set = [
        ("minGpa", min_gpa.is_some()),
        ("priorityIelts", priority_ielts.is_some()),
        ("priorityToefl", priority_toefl.is_some()),
        ("hoursPerCredit", hours_per_credit.is_some()),
        ("schoolCapPerStudent", school_cap_per_student.is_some()),
        ("schoolShareRatio", school_share_ratio.is_some()),
        ("studentIdPattern", student_id_pattern.is_some()),
    ];
    for (key, is_set) in set {
        // One problem per path: a value already reported (out of range, …) is not repeated.
        if is_set && !read.contains(&key) && !p.list.iter().any(|q| q.path == key) {
            p.add(key, "", "unused_parameter", &UNUSED, &[]);
        }
    }

    match (id, title, year) {
        (Some(id), Some(title), Some(year)) if problems.is_empty() => Ok(Policy {
            title_en: title_en.unwrap_or_else(|| title.clone()),
            id,
            title,
            year,
            min_gpa,
            priority_ielts,
            priority_toefl,
            hours_per_credit,
            school_cap_per_student,
            school_share_ratio,
            student_id_pattern,
            grades,
            credits,
            deadlines,
            funding,
            tracks,
            form,
            clauses,
            hash,
        }),
        _ => Err(problems.list),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_grades_view_is_its_presets_identity_and_grade_table() {
        // The grades module's compiled views against the presets as the full module reads
        // them: the same identity, hash and grade table, to the last decimal place (compared
        // as JSON, where 4.0 and 4 differ).
        for id in presets::IDS {
            let full = resolve(&Value::String((*id).to_owned()), "policy", Locale::En).unwrap();
            let view = grades_view(&Value::String((*id).to_owned()), "policy").unwrap();
            assert_eq!((&view.id, &view.title, &view.title_en, view.year, &view.hash), (&full.id, &full.title, &full.title_en, full.year, &full.hash));
            assert_eq!(serde_json::to_string(&view.grades).unwrap(), serde_json::to_string(&full.grades).unwrap(), "{id}");
            assert!(view.credits.is_none() && view.funding.is_none() && view.tracks.is_none() && view.clauses.is_empty());
        }
    }

    #[test]
    fn the_list_read_from_json_agrees_with_each_parsed_preset() {
        let list = list();
        assert_eq!(list.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["xinyu-2022", "gdut-lixing-2026"]);
        for s in &list {
            let p = resolve(&Value::String(s.id.clone()), "policy", Locale::En).unwrap();
            assert_eq!((&p.id, &p.title, &p.title_en, p.year, &p.hash), (&s.id, &s.title, &s.title_en, s.year, &s.hash));
            assert_eq!(s.hash.len(), 8);
        }
        assert_eq!(list.iter().map(|s| s.year).collect::<Vec<_>>(), [2022, 2026]);
    }
}
