//! Policies are data: one JSON document per regulation, bundled as presets and checked when
//! loaded. A caller passes a preset id, a whole policy, or `{"extends": id, ...overrides}`.
//! An invalid policy is rejected with every problem listed, never half-applied.
//!
//! Top-level parameters are the ones a regulation leaves to "each year's notice"; `null`
//! means unset, and checks that need an unset value report `review` instead of guessing.

use crate::credit::CreditRules;
use crate::deadline::DeadlineRules;
use crate::decimal::{Dec, Decimal};
use crate::eligibility::Tracks;
use crate::error::{join_path, Error, ErrorKind, Problem, Result};
use crate::funding::FundingRules;
use crate::form::FormRules;
use crate::grade::GradeRules;
use crate::keyed::Keyed;
use crate::locale::Locale;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The bundled presets, by id, as JSON text.
pub const PRESETS: &[(&str, &str)] = &[
    ("xinyu-2022", include_str!("../../../policies/xinyu-2022.json")),
    ("gdut-lixing-2026", include_str!("../../../policies/gdut-lixing-2026.json")),
];

/// A clause of a regulation, quoted in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseText {
    /// The text in simplified Chinese, as the regulation says it.
    pub zh: String,
    /// An English rendering.
    pub en: String,
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

/// A preset, parsed on first use: a page that converts grades under xinyu never compiles or
/// runs the funding and track readers that only gdut's preset needs (a cold wasm start pays
/// for every function it touches the first time).
fn preset(id: &str) -> Option<&'static Parsed> {
    static CELLS: [OnceLock<Parsed>; PRESETS.len()] = [const { OnceLock::new() }; PRESETS.len()];
    let i = PRESETS.iter().position(|(k, _)| *k == id)?;
    let (cell, (_, text)) = CELLS.get(i).zip(PRESETS.get(i))?;
    Some(cell.get_or_init(|| {
        serde_json::from_str::<Value>(text)
            .map_err(|e| vec![Problem { path: String::new(), reason: e.to_string() }])
            .and_then(|v| from_value(v, Locale::En))
    }))
}

/// The bundled presets, for a picker. Read from each preset's JSON directly (the same hash
/// as its parsed policy), so listing them parses no policy.
#[must_use]
pub fn list() -> Vec<PolicySummary> {
    static LIST: OnceLock<Vec<PolicySummary>> = OnceLock::new();
    LIST.get_or_init(|| {
        PRESETS
            .iter()
            .filter_map(|(_, text)| {
                let doc = serde_json::from_str::<Value>(text).ok()?;
                let s = |key: &str| doc.get(key).and_then(Value::as_str).map(str::to_owned);
                Some(PolicySummary {
                    id: s("id")?,
                    title: s("title")?,
                    title_en: s("titleEn").unwrap_or_default(),
                    year: doc.get("year").and_then(Value::as_i64).and_then(|y| i32::try_from(y).ok())?,
                    hash: hash_of(&doc),
                })
            })
            .collect()
    })
    .clone()
}

fn preset_ids() -> Vec<String> {
    PRESETS.iter().map(|(id, _)| (*id).to_owned()).collect()
}

fn preset_value(id: &str, field: &str) -> Result<Value> {
    PRESETS
        .iter()
        .find(|(k, _)| *k == id)
        .and_then(|(_, text)| serde_json::from_str(text).ok())
        .ok_or_else(|| Error::new(ErrorKind::UnknownPolicy { id: id.to_owned(), known: preset_ids() }, field))
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
                None => Err(Error::new(ErrorKind::UnknownPolicy { id: id.to_owned(), known: preset_ids() }, field)),
            }
        }
        Value::Object(map) => {
            let document = match map.get("extends") {
                None => Value::Object(map.clone()),
                Some(Value::String(base)) => {
                    let mut merged = preset_value(base.trim(), &join_path(field, "extends"))?;
                    let mut overrides = map.clone();
                    overrides.remove("extends");
                    merge(&mut merged, Value::Object(overrides));
                    merged
                }
                Some(_) => {
                    return Err(Error::new(
                        ErrorKind::InvalidType { detail: "extends must be a preset id".to_owned() },
                        join_path(field, "extends"),
                    ))
                }
            };
            from_value(document, locale)
                .map(Cow::Owned)
                .map_err(|problems| Error::new(ErrorKind::InvalidPolicy { problems }, field))
        }
        Value::Null => Err(Error::new(ErrorKind::MissingField, field)),
        _ => Err(Error::new(
            ErrorKind::InvalidType { detail: "a preset id or a policy object".to_owned() },
            field,
        )),
    }
}

/// Deep-merges `overrides` into `base`: objects merge key by key, anything else replaces
/// (so `"minGpa": null` unsets a parameter and a list replaces the whole list).
fn merge(base: &mut Value, overrides: Value) {
    match (base, overrides) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) if slot.is_object() && v.is_object() => merge(slot, v),
                    _ => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

/// The policy's short content hash: FNV-1a of its compact JSON text, 8 hex digits.
fn hash_of(document: &Value) -> String {
    match serde_json::to_vec(document) {
        // serde_json's map is ordered by key, so equal documents give equal text.
        Ok(bytes) => format!("{:016x}", fnv1a(&bytes)).chars().take(8).collect(),
        Err(_) => String::new(),
    }
}

/// FNV-1a, 64 bit: a short, dependency-free fingerprint. It identifies a document on a
/// printout; it is not a security measure.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Reads one key into `T`, recording a problem (with its full path) instead of stopping.
fn take<T: DeserializeOwned>(map: &mut Map<String, Value>, key: &str, problems: &mut Vec<Problem>, locale: Locale) -> Option<T> {
    let value = map.remove(key).unwrap_or(Value::Null);
    match crate::json::from_value::<T>(&value) {
        Ok(v) => Some(v),
        Err(e) => {
            let err = e.at(key);
            let reason = err.message(locale);
            // The message starts with the path; the problem carries it separately.
            let reason = reason
                .strip_prefix(err.field.as_str())
                .map(|r| r.trim_start_matches([':', '：', ' ']).to_owned())
                .unwrap_or(reason);
            problems.push(Problem { path: err.field, reason });
            None
        }
    }
}

fn required<T>(value: Option<Option<T>>, key: &str, problems: &mut Vec<Problem>, locale: Locale) -> Option<T> {
    match value {
        Some(Some(v)) => Some(v),
        Some(None) => {
            problems.push(Problem { path: key.to_owned(), reason: locale.pick("必填", "required").to_owned() });
            None
        }
        None => None,
    }
}

/// Records `reason` at `path`.
pub fn problem(problems: &mut Vec<Problem>, path: &str, locale: Locale, zh: &str, en: &str) {
    problems.push(Problem { path: path.to_owned(), reason: locale.pick(zh, en).to_owned() });
}

/// Records a problem unless `value` is within `min..=max` (either bound optional).
pub fn check_range(problems: &mut Vec<Problem>, path: &str, value: Option<Decimal>, min: Option<Decimal>, max: Option<Decimal>, locale: Locale) {
    let Some(v) = value else { return };
    if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
        let err = Error::new(
            ErrorKind::OutOfRange { value: v.to_string(), min: min.map(|m| m.to_string()), max: max.map(|m| m.to_string()) },
            "",
        );
        let msg = err.message(locale);
        let reason = msg.split_once([':', '：']).map_or(msg.as_str(), |(_, r)| r.trim()).to_owned();
        problems.push(Problem { path: path.to_owned(), reason });
    }
}

/// Builds a [`Policy`] from a whole document, listing every problem.
///
/// # Errors
/// Every problem found: unknown keys, wrong types, missing required keys, values out of range.
pub fn from_value(document: Value, locale: Locale) -> std::result::Result<Policy, Vec<Problem>> {
    let hash = hash_of(&document);
    let Value::Object(mut map) = document else {
        return Err(vec![Problem { path: String::new(), reason: locale.pick("政策应是一个对象", "a policy must be an object").to_owned() }]);
    };
    let mut problems = Vec::new();
    let p = &mut problems;
    // `$schema` names the JSON Schema an editor checks the file with (www/policy.schema.json):
    // not a rule, so it is only read as text (or null) and then ignored. It stays in the hash,
    // which is of the document as written.
    take::<Option<String>>(&mut map, "$schema", p, locale);
    let id = required(take::<Option<String>>(&mut map, "id", p, locale), "id", p, locale);
    let title = required(take::<Option<String>>(&mut map, "title", p, locale), "title", p, locale);
    let title_en = take::<Option<String>>(&mut map, "titleEn", p, locale).flatten();
    let year = required(take::<Option<i32>>(&mut map, "year", p, locale), "year", p, locale);
    let dec = |map: &mut Map<String, Value>, key: &str, p: &mut Vec<Problem>| take::<Option<Dec>>(map, key, p, locale).flatten().map(|d| d.0);
    let min_gpa = dec(&mut map, "minGpa", p);
    let priority_ielts = dec(&mut map, "priorityIelts", p);
    let priority_toefl = dec(&mut map, "priorityToefl", p);
    let hours_per_credit = dec(&mut map, "hoursPerCredit", p);
    let school_cap_per_student = dec(&mut map, "schoolCapPerStudent", p);
    let school_share_ratio = dec(&mut map, "schoolShareRatio", p);
    let student_id_pattern = take::<Option<String>>(&mut map, "studentIdPattern", p, locale).flatten();
    let grades = take::<Option<GradeRules>>(&mut map, "grades", p, locale).flatten();
    let credits = take::<Option<CreditRules>>(&mut map, "credits", p, locale).flatten();
    let deadlines = take::<Option<DeadlineRules>>(&mut map, "deadlines", p, locale).flatten();
    let funding = take::<Option<FundingRules>>(&mut map, "funding", p, locale).flatten();
    let tracks = take::<Option<Tracks>>(&mut map, "tracks", p, locale).flatten();
    let form = take::<Option<FormRules>>(&mut map, "form", p, locale).flatten();
    let clauses = take::<Option<Keyed<ClauseText>>>(&mut map, "clauses", p, locale).flatten().unwrap_or_default();
    for key in map.keys() {
        p.push(Problem {
            path: key.clone(),
            reason: locale.pick("不认识的字段（是否拼写有误？）", "unknown field (a typo?)").to_owned(),
        });
    }

    let zero = Some(Decimal::ZERO);
    check_range(p, "minGpa", min_gpa, zero, None, locale);
    check_range(p, "priorityIelts", priority_ielts, zero, Some(Decimal::from(9)), locale);
    check_range(p, "priorityToefl", priority_toefl, zero, Some(Decimal::from(120)), locale);
    check_range(p, "schoolCapPerStudent", school_cap_per_student, zero, None, locale);
    check_range(p, "schoolShareRatio", school_share_ratio, zero, Some(Decimal::ONE), locale);
    if hours_per_credit.is_some_and(|h| h <= Decimal::ZERO) {
        problem(p, "hoursPerCredit", locale, "应大于 0", "must be greater than 0");
    }
    if let Some(pattern) = &student_id_pattern {
        if !crate::pattern::is_valid(pattern) {
            problem(p, "studentIdPattern", locale, "不是有效的正则表达式", "is not a valid regular expression");
        }
    }
    if id.as_deref().is_some_and(|s| s.trim().is_empty()) {
        problem(p, "id", locale, "不能为空", "must not be empty");
    }
    if let Some(g) = &grades {
        g.check("grades", p, locale);
    }
    if let Some(c) = &credits {
        c.check("credits", p, locale);
        c.check_divisor(hours_per_credit, "hoursPerCredit", p, locale);
    }
    if let Some(d) = &deadlines {
        d.check("deadlines", p, locale);
    }
    if let Some(f) = &funding {
        f.check("funding", p, locale);
    }
    if let Some(t) = &tracks {
        t.check("tracks", p, locale);
    }
    if let Some(f) = &form {
        f.check("form", p, locale);
    }

    // A parameter set where no rule of this policy reads it would be silently ignored
    // (`{ extends: 'gdut-lixing-2026', minGpa: 3 }` has no track with a GPA rule). Which
    // parameters are read is declared by each rule module for its own section.
    let read: Vec<&str> = crate::form::PARAMETERS
        .iter()
        .copied()
        .chain(credits.iter().flat_map(|_| crate::credit::PARAMETERS.iter().copied()))
        .chain(funding.iter().flat_map(|_| crate::funding::PARAMETERS.iter().copied()))
        .chain(tracks.iter().flat_map(Tracks::parameters))
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
        if is_set && !read.contains(&key) && !p.iter().any(|q| q.path == key) {
            problem(p, key, locale, "本政策中没有读取此参数的规则，设置了也不会生效", "no rule of this policy reads it, so it would have no effect");
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
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
