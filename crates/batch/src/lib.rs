//! Batch GPA for a whole cohort: one CSV (`studentId,course,credits,grade`, or the Chinese
//! `学号,课程,学分,成绩`) in, one credit-weighted GPA per student out (XYU-12.7 conversion,
//! as [`exchange_calc_core::grade::compute_gpa`]).
//!
//! A program office pastes a spreadsheet export, so the reader is forgiving where that is
//! safe (columns in any order, header names case-insensitive, a UTF-8 BOM, CRLF or LF, blank
//! lines, RFC 4180 quotes) and strict where a guess could change a GPA: a row that cannot be
//! read is reported by its 1-based line and left out, and the other rows still count.
//!
//! It is built for a million rows: one pass over the text, fields borrowed from it (only a
//! quoted field with `""` escapes is copied), students found through a hash index in
//! first-appearance order, and each distinct grade spelling converted once. Each student's
//! sums are held as the 64-bit mantissas and scales that the exact decimal sums would have
//! (`FastSums`); a row they cannot hold is added with
//! [`GpaSums`](exchange_calc_core::grade::GpaSums) as before.
//!
//! This file is the batch itself: its result types and the per-row work. Its parts, used
//! only from here: `csv` (the reader, the header, trimming), `keys` (the lookups of student
//! ids and grade spellings), `sums` (the fixed-point sums and the credits read into them).
//! And [`json`], the result as JSON text, for the wasm.

#![forbid(unsafe_code)]

mod csv;
pub mod json;
mod keys;
mod sums;

pub use csv::{COLUMNS, HEADERS};

use csv::{header, is_blank, trim, Columns, Reader};
use exchange_calc_core::decimal::{self, Decimal};
use exchange_calc_core::error::{Error, ErrorKind, Result};
use exchange_calc_core::grade::{self, Conversion};
use exchange_calc_core::locale::Locale;
use exchange_calc_core::policy::Policy;
use keys::{packed_key, Mix, PackedMap};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use sums::{FastSums, Fixed, Sums};

/// At most this many row errors are listed; [`BatchResult::error_count`] counts them all.
/// A file that is wrong on every one of a million lines needs one message, not a million.
pub const MAX_ERRORS: usize = 1000;

/// Distinct grade spellings remembered; past this, grades are converted row by row (same
/// result, slower), so hostile input cannot grow the cache without bound.
const GRADE_CACHE: usize = 256;

/// One student's result; every value equals what `compute_gpa` gives for the student's
/// readable rows, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StudentGpa {
    /// The id as written (surrounding spaces removed).
    pub student_id: String,
    /// GPA rounded half-up to two places; `None` when no course weighs.
    pub gpa: Option<String>,
    /// GPA unrounded.
    pub gpa_exact: Option<String>,
    /// Average percentage rounded half-up to two places.
    pub average_percentage: Option<String>,
    /// Average percentage unrounded.
    pub average_percentage_exact: Option<String>,
    /// All credits of the student's readable rows (`totalCredits` of `computeGpa`).
    pub credits: Decimal,
    /// Credits that weigh in the GPA.
    pub gpa_credits: Decimal,
    /// Credits of passed courses.
    pub earned_credits: Decimal,
    /// Readable rows.
    pub courses: usize,
    /// Failed courses, to be retaken (XYU-12.8).
    pub failed_courses: usize,
}

/// A row that was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// 1-based line of the file where the row starts.
    pub line: usize,
    /// Stable code, as [`Error::code`].
    pub code: &'static str,
    /// A sentence in the caller's language, starting with the line and the column path
    /// (`line 3: credits: …`).
    pub message: String,
    /// What is wrong, without the line or the column (`"x" is not a number`): for a page that
    /// names the row and the column in its own words ([`Error::reason`]).
    pub reason: String,
    /// The column, e.g. `grade`; absent when the row as a whole is wrong.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

/// Every student with at least one readable row, in order of first appearance, and the
/// rows that were left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchResult {
    /// One entry per student.
    pub students: Vec<StudentGpa>,
    /// The first [`MAX_ERRORS`] rows left out, by line.
    pub errors: Vec<RowError>,
    /// How many rows were left out in all.
    pub error_count: usize,
    /// Rows read (blank lines and the header not counted).
    pub rows: usize,
}

/// Converts a whole CSV text.
///
/// # Errors
/// Only for a file that cannot be read at all: `not_in_policy` without a grade table,
/// `empty` at `csv` for a file without a header, `missing_field` at `csv.<column>` for a
/// missing column, `unknown_field` for a column not in [`HEADERS`], `invalid_type` for a
/// repeated one. Bad rows are data: they are listed in [`BatchResult::errors`].
pub fn batch_gpa(policy: &Policy, csv: &str, locale: Locale) -> Result<BatchResult> {
    // Fail before reading a single row if the policy cannot convert grades at all.
    if policy.grades.is_none() {
        return Err(Error::new(ErrorKind::NotInPolicy { section: exchange_calc_core::error::Section::Grades, what: None }, "policy"));
    }
    let mut reader = Reader::new(csv.strip_prefix('\u{FEFF}').unwrap_or(csv));
    let mut fields: Vec<Cow<'_, str>> = Vec::with_capacity(8);
    let columns = loop {
        match reader.record(&mut fields) {
            None => return Err(Error::new(ErrorKind::Empty, "csv")),
            Some(Ok(_)) if is_blank(&fields) => continue,
            Some(Ok(_)) => break header(&fields)?,
            Some(Err(_)) => return Err(Error::new(ErrorKind::UnclosedQuote, "csv")),
        }
    };

    let mut batch = Batch::new(policy, locale);
    // Only these columns are read; the others (the course name) are skipped over, not
    // unescaped. A lone field is always kept, for the blank-line test.
    let keep = [columns.student, columns.credits, columns.grade].iter().fold(1u64, |k, &c| k | 1u64.checked_shl(c as u32).unwrap_or(0));
    reader.keep = keep;
    while let Some(record) = reader.record(&mut fields) {
        match record {
            Ok(line) if !is_blank(&fields) => batch.row(line, &columns, &mut fields),
            Ok(_) => {}
            Err(line) => {
                // A row all the same, so `errorCount` never exceeds `rows`.
                batch.rows = batch.rows.saturating_add(1);
                batch.errors.reject(line, Error::new(ErrorKind::UnclosedQuote, ""), None);
            }
        }
    }
    Ok(batch.finish())
}


/// The state of one conversion: students so far, the grade cache, the errors.
struct Batch<'p, 'a> {
    policy: &'p Policy,
    students: Vec<(Cow<'a, str>, Student)>,
    /// Ids of up to 15 bytes, packed into the key ([`packed_key`]): a lookup then reads no
    /// text (a borrowed key points back into a many-megabyte file: a cache miss per row).
    ids: PackedMap,
    /// Longer ids.
    index: HashMap<Cow<'a, str>, usize, BuildHasherDefault<Mix>>,
    /// The last student's index: exports are usually grouped by student, so most rows
    /// need no hashing at all.
    last: usize,
    /// The last student's packed id, when it has one: compared first, as one integer (a
    /// file sorted by course changes student on every row, and comparing the texts cost
    /// a `memcmp` call per row).
    last_key: Option<u128>,
    /// Distinct grade spellings converted so far (at most [`GRADE_CACHE`]).
    grades: Vec<Grade>,
    /// Spellings of up to 15 bytes, packed into one integer key ([`packed_key`]): no string
    /// hashing or comparing for the `A`, `b+`, `88.5`, `Pass` of nearly every row.
    short: PackedMap,
    /// Longer spellings.
    long: HashMap<Cow<'a, str>, usize, BuildHasherDefault<Mix>>,
    errors: Errors,
    rows: usize,
}

struct Student {
    sums: Sums,
    courses: usize,
    failed: usize,
}

/// A converted grade, with its table values ready for [`FastSums`].
#[derive(Debug)]
struct Grade {
    conv: Conversion,
    /// The grade point, when there is one and [`Fixed`] holds it.
    point: Option<Fixed>,
    /// The percentage, likewise.
    percentage: Option<Fixed>,
    /// Whether every value the conversion has is held in `point` / `percentage`.
    fast: bool,
}

impl Grade {
    fn new(conv: Conversion) -> Self {
        let point = conv.grade_point.and_then(Fixed::of);
        let percentage = conv.percentage.and_then(Fixed::of);
        let fast = point.is_some() == conv.grade_point.is_some() && percentage.is_some() == conv.percentage.is_some();
        Self { conv, point, percentage, fast }
    }
}

/// A grade found in the cache, or converted for this row only (the cache is full).
enum Looked {
    Cached(usize),
    Once(Grade),
}

/// The rows left out (the first [`MAX_ERRORS`] listed, all counted).
struct Errors {
    locale: Locale,
    list: Vec<RowError>,
    count: usize,
}

impl Errors {
    // Bad rows are rare, and the message's formatting is large.
    #[cold]
    fn reject(&mut self, line: usize, err: Error, field: Option<&'static str>) {
        self.count = self.count.saturating_add(1);
        if self.list.len() < MAX_ERRORS {
            let at = self.locale.pick(format!("第 {line} 行："), format!("line {line}: "));
            let message = format!("{at}{}", err.message(self.locale));
            let reason = err.reason(self.locale);
            self.list.push(RowError { line, code: err.code(), message, reason, field });
        }
    }
}

impl<'p, 'a> Batch<'p, 'a> {
    fn new(policy: &'p Policy, locale: Locale) -> Self {
        Self {
            policy,
            students: Vec::new(),
            ids: PackedMap::default(),
            index: HashMap::default(),
            last: usize::MAX,
            last_key: None,
            grades: Vec::new(),
            short: PackedMap::default(),
            long: HashMap::default(),
            errors: Errors { locale, list: Vec::new(), count: 0 },
            rows: 0,
        }
    }

    fn row(&mut self, line: usize, columns: &Columns, fields: &mut [Cow<'a, str>]) {
        self.rows = self.rows.saturating_add(1);
        if fields.len() != columns.count {
            let kind = ErrorKind::FieldCount { expected: columns.count, found: fields.len() };
            return self.errors.reject(line, Error::new(kind, ""), None);
        }
        let id = trim(fields.get_mut(columns.student).map(std::mem::take).unwrap_or_default());
        if id.is_empty() {
            return self.errors.reject(line, Error::new(ErrorKind::MissingField, "studentId"), Some("studentId"));
        }
        let text = fields.get(columns.credits).map_or("", |c| c.as_ref());
        let (credits, fixed) = match sums::credits(text) {
            Ok(c) => c,
            Err(e) => return self.errors.reject(line, e, Some("credits")),
        };
        let text = fields.get_mut(columns.grade).map(std::mem::take).unwrap_or_default();
        let looked = match self.lookup(text) {
            Ok(l) => l,
            Err(e) => return self.errors.reject(line, e, Some("grade")),
        };
        let grade = match &looked {
            Looked::Cached(i) => match self.grades.get(*i) {
                Some(g) => g,
                None => return,
            },
            Looked::Once(g) => g,
        };

        let key = packed_key(&id);
        let found = match key {
            Some(k) if self.last_key == Some(k) => Some(self.last),
            Some(k) => self.ids.get(k),
            None => match self.students.get(self.last) {
                Some((last_id, _)) if *last_id == id => Some(self.last),
                _ => self.index.get(id.as_ref()).copied(),
            },
        };
        let slot = found.unwrap_or(self.students.len());
        let current = self.students.get(slot).map_or(Sums::Fast(FastSums::default()), |(_, s)| s.sums);
        let fast = match (current, fixed) {
            (Sums::Fast(f), Some(c)) if grade.fast => f.add(c, grade.conv.passed == Some(true), grade.point, grade.percentage),
            _ => None,
        };
        let sums = match fast {
            Some(f) => Sums::Fast(f),
            None => {
                // The decimal path: exactly as before, and back to the fast sums when they
                // hold the result.
                let mut sums = current.exact();
                if let Err(e) = sums.add(credits, &grade.conv, "credits") {
                    // This student's sums would leave the decimal range: the row is left out
                    // and the sums stay as they were.
                    return self.errors.reject(line, e, Some("credits"));
                }
                FastSums::of(&sums).map_or(Sums::Exact(sums), Sums::Fast)
            }
        };
        let failed = usize::from(grade.conv.passed == Some(false));
        match self.students.get_mut(slot) {
            Some((_, s)) => {
                s.sums = sums;
                s.courses = s.courses.saturating_add(1);
                s.failed = s.failed.saturating_add(failed);
            }
            None => {
                match key {
                    Some(k) => self.ids.insert(k, slot),
                    None => {
                        self.index.insert(id.clone(), slot);
                    }
                };
                self.students.push((id, Student { sums, courses: 1, failed }));
            }
        }
        self.last = slot;
        self.last_key = key;
    }

    /// The grade as converted, from the cache when it has the spelling.
    fn lookup(&mut self, text: Cow<'a, str>) -> Result<Looked> {
        let key = packed_key(&text);
        let hit = match key {
            Some(k) => self.short.get(k),
            None => self.long.get(text.as_ref()).copied(),
        };
        match hit {
            Some(i) => Ok(Looked::Cached(i)),
            None => self.convert(text, key),
        }
    }

    /// A spelling not in the cache: converted, and kept while the cache has room. Out of
    /// line: a file has a handful of spellings.
    #[inline(never)]
    fn convert(&mut self, text: Cow<'a, str>, key: Option<u128>) -> Result<Looked> {
        let grade = Grade::new(grade::convert(self.policy, &text, "grade")?);
        if self.grades.len() >= GRADE_CACHE {
            return Ok(Looked::Once(grade));
        }
        let i = self.grades.len();
        self.grades.push(grade);
        match key {
            Some(k) => self.short.insert(k, i),
            None => {
                self.long.insert(text, i);
            }
        };
        Ok(Looked::Cached(i))
    }

    fn finish(self) -> BatchResult {
        let students = self
            .students
            .into_iter()
            .map(|(id, s)| {
                let sums = s.sums.exact();
                let gpa = sums.gpa();
                let avg = sums.average_percentage();
                StudentGpa {
                    student_id: id.into_owned(),
                    // Half-up to two places for display, as compute_gpa.
                    gpa: gpa.map(decimal::fixed2),
                    gpa_exact: gpa.map(decimal::exact),
                    average_percentage: avg.map(decimal::fixed2),
                    average_percentage_exact: avg.map(decimal::exact),
                    credits: sums.total_credits,
                    gpa_credits: sums.gpa_credits,
                    earned_credits: sums.earned_credits,
                    courses: s.courses,
                    failed_courses: s.failed,
                }
            })
            .collect();
        BatchResult { students, errors: self.errors.list, error_count: self.errors.count, rows: self.rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_ids_count_apart() {
        // Short and long ids of one file land in their own maps ([`packed_key`]) and still
        // count apart.
        let long = "S-000000000000000001";
        let policy = exchange_calc_core::policy::resolve(&serde_json::json!("xinyu-2022"), "policy", Locale::En).map(|p| p.into_owned());
        let Ok(policy) = policy else { return assert!(policy.is_ok()) };
        let r = batch_gpa(
            &policy,
            &format!("studentId,course,credits,grade\nS1,a,1,A\n{long},a,1,B\nS2,a,1,A\nS1,b,1,B\n{long},b,1,A\n"),
            Locale::En,
        );
        let ids: Vec<(String, usize)> = r.map(|r| r.students.into_iter().map(|s| (s.student_id, s.courses)).collect()).unwrap_or_default();
        assert_eq!(ids, [("S1".to_owned(), 2), (long.to_owned(), 2), ("S2".to_owned(), 1)]);
    }
}
