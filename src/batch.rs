//! Batch GPA for a whole cohort: one CSV (`studentId,course,credits,grade`) in, one
//! credit-weighted GPA per student out (XYU-12.7 conversion, as [`crate::grade::compute_gpa`]).
//!
//! A program office pastes a spreadsheet export, so the reader is forgiving where that is
//! safe (columns in any order, header names case-insensitive, a UTF-8 BOM, CRLF or LF, blank
//! lines, RFC 4180 quotes) and strict where a guess could change a GPA: a row that cannot be
//! read is reported by its 1-based line and left out, and the other rows still count.
//!
//! It is built for a million rows: one pass over the text, fields borrowed from it (only a
//! quoted field with `""` escapes is copied), students found through a hash index in
//! first-appearance order, and each distinct grade spelling converted once.

use crate::decimal::{self, Decimal, ParseError};
use crate::error::{Error, ErrorKind, Result};
use crate::grade::{self, Conversion, GpaSums};
use crate::locale::Locale;
use crate::policy::Policy;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;

/// The columns, as the header names them (matched case-insensitively).
pub const COLUMNS: [&str; 4] = ["studentId", "course", "credits", "grade"];

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
    /// A sentence in the caller's language, starting with the line.
    pub message: String,
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
/// missing column, `unknown_field` for a column not in [`COLUMNS`], `invalid_type` for a
/// repeated one. Bad rows are data: they are listed in [`BatchResult::errors`].
pub fn batch_gpa(policy: &Policy, csv: &str, locale: Locale) -> Result<BatchResult> {
    // Fail before reading a single row if the policy cannot convert grades at all.
    if policy.grades.is_none() {
        return Err(Error::new(ErrorKind::NotInPolicy { zh: "成绩换算（XYU-12.7）".to_owned(), en: "grade conversion (XYU-12.7)".to_owned() }, "policy"));
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

/// Where each column sits in a record.
struct Columns {
    count: usize,
    student: usize,
    credits: usize,
    grade: usize,
}

fn header(fields: &[Cow<'_, str>]) -> Result<Columns> {
    let mut at: [Option<usize>; 4] = [None; 4];
    for (i, name) in fields.iter().enumerate() {
        let name = name.trim();
        let Some(k) = COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(name)) else {
            return Err(Error::new(ErrorKind::UnknownField { name: name.to_owned() }, format!("csv.{name}")));
        };
        match at.get_mut(k) {
            Some(slot @ None) => *slot = Some(i),
            _ => {
                return Err(Error::new(
                    ErrorKind::InvalidType { detail: format!("the column \"{name}\" appears twice") },
                    format!("csv.{name}"),
                ))
            }
        }
    }
    let find = |k: usize| -> Result<usize> {
        let name = COLUMNS.get(k).copied().unwrap_or_default();
        at.get(k).copied().flatten().ok_or_else(|| Error::new(ErrorKind::MissingField, format!("csv.{name}")))
    };
    // `course` is required in the header (it names the row) but its text is free.
    find(1)?;
    Ok(Columns { count: fields.len(), student: find(0)?, credits: find(2)?, grade: find(3)? })
}

/// A line with nothing but spaces is skipped, as a spreadsheet's trailing empty rows are.
fn is_blank(fields: &[Cow<'_, str>]) -> bool {
    matches!(fields, [only] if only.trim().is_empty())
}

/// The state of one conversion: students so far, the grade cache, the errors.
struct Batch<'p, 'a> {
    policy: &'p Policy,
    students: Vec<(Cow<'a, str>, Student)>,
    index: HashMap<Cow<'a, str>, usize, BuildHasherDefault<Fnv>>,
    /// The last student's index: exports are usually grouped by student, so most rows
    /// need no hashing at all.
    last: usize,
    grades: HashMap<Cow<'a, str>, Conversion, BuildHasherDefault<Fnv>>,
    errors: Errors,
    rows: usize,
}

#[derive(Default)]
struct Student {
    sums: GpaSums,
    courses: usize,
    failed: usize,
}

/// The rows left out (the first [`MAX_ERRORS`] listed, all counted).
struct Errors {
    locale: Locale,
    list: Vec<RowError>,
    count: usize,
}

impl Errors {
    fn reject(&mut self, line: usize, err: Error, field: Option<&'static str>) {
        self.count = self.count.saturating_add(1);
        if self.list.len() < MAX_ERRORS {
            let at = self.locale.pick(format!("第 {line} 行："), format!("line {line}: "));
            let message = format!("{at}{}", err.message(self.locale));
            self.list.push(RowError { line, code: err.code(), message, field });
        }
    }
}

impl<'p, 'a> Batch<'p, 'a> {
    fn new(policy: &'p Policy, locale: Locale) -> Self {
        Self {
            policy,
            students: Vec::new(),
            index: HashMap::default(),
            last: usize::MAX,
            grades: HashMap::default(),
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
        let credits = match fields.get(columns.credits).map_or(Err(ParseError::Invalid), |c| parse_credits(c)) {
            Ok(c) if c < Decimal::ZERO => {
                // As compute_gpa: credits are never negative.
                let kind = ErrorKind::OutOfRange { value: c.to_string(), min: Some("0".into()), max: None };
                return self.errors.reject(line, Error::new(kind, "credits"), Some("credits"));
            }
            Ok(c) => c,
            Err(e) => {
                let input = fields.get(columns.credits).map(|c| c.trim().to_owned()).unwrap_or_default();
                let kind = match e {
                    ParseError::Invalid if input.is_empty() => ErrorKind::MissingField,
                    ParseError::Invalid => ErrorKind::InvalidNumber { input },
                    ParseError::Overflow => ErrorKind::Overflow,
                };
                return self.errors.reject(line, Error::new(kind, "credits"), Some("credits"));
            }
        };
        let grade = fields.get_mut(columns.grade).map(std::mem::take).unwrap_or_default();
        let cached = self.grades.len();
        let converted;
        let conv: &Conversion = match self.grades.entry(grade) {
            Entry::Occupied(o) => o.into_mut(),
            Entry::Vacant(v) => match grade::convert(self.policy, v.key(), "grade") {
                Ok(c) if cached < GRADE_CACHE => v.insert(c),
                Ok(c) => {
                    converted = c;
                    &converted
                }
                Err(e) => return self.errors.reject(line, e, Some("grade")),
            },
        };

        let slot = match self.students.get(self.last) {
            Some((last_id, _)) if *last_id == id => self.last,
            _ => match self.index.get(id.as_ref()) {
                Some(&i) => i,
                None => self.students.len(),
            },
        };
        let mut sums = self.students.get(slot).map(|(_, s)| s.sums).unwrap_or_default();
        if let Err(e) = sums.add(credits, conv, "credits") {
            // This student's sums would leave the decimal range: the row is left out and
            // the sums stay as they were.
            return self.errors.reject(line, e, Some("credits"));
        }
        let failed = usize::from(conv.passed == Some(false));
        match self.students.get_mut(slot) {
            Some((_, s)) => {
                s.sums = sums;
                s.courses = s.courses.saturating_add(1);
                s.failed = s.failed.saturating_add(failed);
            }
            None => {
                self.index.insert(id.clone(), slot);
                self.students.push((id, Student { sums, courses: 1, failed }));
            }
        }
        self.last = slot;
    }

    fn finish(self) -> BatchResult {
        let students = self
            .students
            .into_iter()
            .map(|(id, s)| {
                let gpa = s.sums.gpa();
                let avg = s.sums.average_percentage();
                StudentGpa {
                    student_id: id.into_owned(),
                    // Half-up to two places for display, as compute_gpa.
                    gpa: gpa.map(decimal::fixed2),
                    gpa_exact: gpa.map(decimal::exact),
                    average_percentage: avg.map(decimal::fixed2),
                    average_percentage_exact: avg.map(decimal::exact),
                    credits: s.sums.total_credits,
                    gpa_credits: s.sums.gpa_credits,
                    earned_credits: s.sums.earned_credits,
                    courses: s.courses,
                    failed_courses: s.failed,
                }
            })
            .collect();
        BatchResult { students, errors: self.errors.list, error_count: self.errors.count, rows: self.rows }
    }
}

/// Trims a field, keeping it borrowed when it was.
fn trim(field: Cow<'_, str>) -> Cow<'_, str> {
    match field {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) if s.trim().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
    }
}

/// [`decimal::parse`], with a fast path for the plain ASCII `3` or `2.5` that nearly every
/// row has (same result: such text needs no folding or trimming).
fn parse_credits(text: &str) -> std::result::Result<Decimal, ParseError> {
    let plain = !text.is_empty()
        && text.len() <= 20
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|&b| b == b'.').count() <= 1
        && text.bytes().any(|b| b.is_ascii_digit());
    if plain {
        if let Ok(d) = Decimal::from_str(text) {
            return Ok(d);
        }
    }
    decimal::parse(text)
}

/// FNV-1a: student ids and grades are short, and a std SipHash per row costs more than
/// the rest of the row. Collision flooding is no concern: the file is the user's own.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let start = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        self.0 = bytes.iter().fold(start, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    }
}

/// A CSV reader over borrowed text (RFC 4180 quoting; CRLF, LF or CR line ends).
struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, pos: 0, line: 1 }
    }

    /// Reads the next record into `fields`. `Some(Ok(line))` gives the line it starts on;
    /// `Some(Err(line))` a quote opened on `line` that never closes (the rest of the text
    /// is consumed); `None` at the end.
    fn record(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Option<std::result::Result<usize, usize>> {
        fields.clear();
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start_line = self.line;
        loop {
            let field = if bytes.get(self.pos) == Some(&b'"') {
                match self.quoted() {
                    Some(f) => f,
                    None => return Some(Err(start_line)),
                }
            } else {
                let start = self.pos;
                while let Some(&b) = bytes.get(self.pos) {
                    if matches!(b, b',' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
                // Cut at ASCII delimiters, so always on a char boundary.
                Cow::Borrowed(self.text.get(start..self.pos).unwrap_or_default())
            };
            fields.push(field);
            match bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') => {
                    self.pos += if bytes.get(self.pos + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.line += 1;
                    return Some(Ok(start_line));
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    return Some(Ok(start_line));
                }
                _ => return Some(Ok(start_line)),
            }
        }
    }

    /// A quoted field starting at `self.pos` (on the opening quote). Text after the closing
    /// quote up to the next delimiter is kept as written (`"a"b` → `ab`), as spreadsheets do.
    fn quoted(&mut self) -> Option<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let mut i = start;
        let mut owned: Option<String> = None;
        let mut piece = start;
        loop {
            match bytes.get(i) {
                None => {
                    self.pos = i;
                    return None;
                }
                Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.text.get(piece..=i).unwrap_or_default());
                    i += 2;
                    piece = i;
                }
                Some(b'"') => break,
                Some(b'\n') => {
                    self.line += 1;
                    i += 1;
                }
                Some(b'\r') => {
                    if bytes.get(i + 1) != Some(&b'\n') {
                        self.line += 1;
                    }
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
        let inner = self.text.get(piece..i).unwrap_or_default();
        i += 1; // the closing quote
        let tail_start = i;
        while let Some(&b) = bytes.get(i) {
            if matches!(b, b',' | b'\n' | b'\r') {
                break;
            }
            i += 1;
        }
        let tail = self.text.get(tail_start..i).unwrap_or_default();
        self.pos = i;
        Some(match owned {
            None if tail.is_empty() => Cow::Borrowed(inner),
            None => Cow::Owned(format!("{inner}{tail}")),
            Some(mut s) => {
                s.push_str(inner);
                s.push_str(tail);
                Cow::Owned(s)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<(std::result::Result<usize, usize>, Vec<String>)> {
        let mut r = Reader::new(text);
        let mut f = Vec::new();
        let mut out = Vec::new();
        while let Some(rec) = r.record(&mut f) {
            out.push((rec, f.iter().map(|c| c.to_string()).collect()));
        }
        out
    }

    #[test]
    fn reads_quotes_escapes_and_line_ends() {
        let got = records("a,\"b,c\",\"d\"\"e\"\r\n\n\"multi\nline\",x\r\"t\"ail,");
        assert_eq!(
            got,
            vec![
                (Ok(1), vec!["a".into(), "b,c".into(), "d\"e".into()]),
                (Ok(2), vec![String::new()]),
                (Ok(3), vec!["multi\nline".into(), "x".into()]),
                (Ok(5), vec!["tail".into(), String::new()]),
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_is_reported_at_its_line() {
        let got = records("a\n\"open,\nmore");
        assert_eq!(got, vec![(Ok(1), vec!["a".into()]), (Err(2), vec![])]);
    }

    #[test]
    fn quoted_field_without_escapes_is_borrowed() {
        let mut r = Reader::new("\"plain\",\"es\"\"c\"");
        let mut f = Vec::new();
        assert_eq!(r.record(&mut f), Some(Ok(1)));
        assert!(matches!(f[0], Cow::Borrowed("plain")));
        assert!(matches!(f[1], Cow::Owned(_)));
    }

    #[test]
    fn fast_credit_parse_agrees_with_decimal_parse() {
        for t in ["3", "2.5", "0", ".5", "7.", "00012.50", "99999999999999999999", "1.2.3", "", "."] {
            assert_eq!(parse_credits(t), decimal::parse(t), "{t:?}");
        }
    }
}
