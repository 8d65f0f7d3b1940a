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
//! (`FastSums`); a row they cannot hold is added with [`GpaSums`] as before.

#![forbid(unsafe_code)]

pub mod json;

use exchange_calc_core::decimal::{self, Decimal, ParseError};
use exchange_calc_core::error::{Error, ErrorKind, Expected, Found, Result};
use exchange_calc_core::grade::{self, Conversion, GpaSums};
use exchange_calc_core::locale::Locale;
use exchange_calc_core::policy::Policy;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;

/// The columns, as the header names them (matched case-insensitively).
pub const COLUMNS: [&str; 4] = ["studentId", "course", "credits", "grade"];

/// Every name a header may give each of [`COLUMNS`], in the same order: the English name
/// (any case) or the Chinese one a registrar's export uses. The page's transcript import
/// (`www/js/csv.js`, `HEADERS`) reads the same names; `tests/csv/` holds the files both
/// are tested on.
pub const HEADERS: [&[&str]; 4] = [&["studentId", "学号"], &["course", "课程", "课程名称"], &["credits", "credit", "学分"], &["grade", "成绩"]];

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

/// Where each column sits in a record.
struct Columns {
    count: usize,
    student: usize,
    credits: usize,
    grade: usize,
}

// Once per file: kept out of line (this crate is built at opt-level 3, which would copy it
// into the loop for nothing).
#[cold]
fn header(fields: &[Cow<'_, str>]) -> Result<Columns> {
    let mut at: [Option<usize>; 4] = [None; 4];
    for (i, name) in fields.iter().enumerate() {
        let name = name.trim();
        let Some(k) = HEADERS.iter().position(|names| names.iter().any(|c| c.eq_ignore_ascii_case(name))) else {
            return Err(Error::new(ErrorKind::UnknownField { name: name.to_owned() }, format!("csv.{name}")));
        };
        match at.get_mut(k) {
            Some(slot @ None) => *slot = Some(i),
            _ => {
                return Err(Error::new(
                    ErrorKind::InvalidType { expected: Expected::OneColumn, found: Found::Repeated },
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

/// Text of up to 15 bytes (a student id, a grade spelling) as one integer: the bytes, and
/// the length in the top byte (so `A` and `A\0` differ).
fn packed_key(text: &str) -> Option<u128> {
    // Little-endian words read with overlapping loads, not copied into a buffer: the copy
    // was a `memcpy` call per key, two per row, and this function's share of the batch in
    // Node's profiler went from 5% to about 1%. A byte read twice lands in the same place
    // both times, so `|` keeps it.
    let b = text.as_bytes();
    let n = b.len();
    let u32_at = |i: usize| match b.get(i..i + 4) {
        Some(&[w0, w1, w2, w3]) => u32::from_le_bytes([w0, w1, w2, w3]),
        _ => 0,
    };
    let u64_at = |i: usize| u64::from(u32_at(i)) | u64::from(u32_at(i + 4)) << 32;
    let (lo, hi) = match n {
        0..=3 => (b.iter().rev().fold(0u64, |k, &x| (k << 8) | u64::from(x)), 0),
        4..=8 => (u64::from(u32_at(0)) | u64::from(u32_at(n - 4)) << (8 * (n - 4)), 0),
        9..=15 => (u64_at(0), u64_at(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi | (n as u64) << 56) << 64)
}

/// Packed keys ([`packed_key`]) → indices: open addressing with linear probing, each slot
/// the key's two halves and the index, so a lookup is one multiply-mix and, nearly always,
/// one slot read. In Node's profiler the wasm's two lookups per row took about 105 ms of a
/// 490 ms batch with hashbrown (its portable groups, a byte-wise `Hasher` over each `u128`)
/// and 25 ms with this.
#[derive(Default)]
struct PackedMap {
    /// `(low half, high half, index + 1)`; an index of 0 marks an empty slot. The length
    /// is zero or a power of two.
    slots: Vec<(u64, u64, u32)>,
    len: usize,
}

impl PackedMap {
    /// The first slot to probe: both halves mixed, the top bits kept (Fibonacci hashing).
    fn start(&self, lo: u64, hi: u64) -> usize {
        let h = (lo ^ hi.wrapping_mul(MIX).rotate_left(29)).wrapping_mul(MIX);
        let bits = self.slots.len().trailing_zeros();
        // `bits` ≥ 1 when called (the table is never empty then); `checked_shr` keeps it total.
        h.checked_shr(64 - bits).unwrap_or(0) as usize
    }

    fn get(&self, key: u128) -> Option<usize> {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.start(lo, hi);
        loop {
            let &(l, h, v) = self.slots.get(i)?;
            if v == 0 {
                return None;
            }
            if l == lo && h == hi {
                return Some(v as usize - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds a key that is not in the map. Indices past `u32::MAX - 1` are not stored (a
    /// lookup then misses; no file of this size fits in wasm memory).
    fn insert(&mut self, key: u128, index: usize) {
        let Some(value) = u32::try_from(index).ok().and_then(|i| i.checked_add(1)) else { return };
        // Grow at 7/8 full, so a probe always ends at an empty slot.
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            self.grow();
        }
        self.place(key as u64, (key >> 64) as u64, value);
        self.len += 1;
    }

    fn place(&mut self, lo: u64, hi: u64, value: u32) {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.start(lo, hi);
        while let Some(slot) = self.slots.get_mut(i) {
            if slot.2 == 0 {
                *slot = (lo, hi, value);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![(0, 0, 0); size]);
        for (lo, hi, v) in old {
            if v != 0 {
                self.place(lo, hi, v);
            }
        }
    }
}

/// A grade found in the cache, or converted for this row only (the cache is full).
enum Looked {
    Cached(usize),
    Once(Grade),
}

/// A student's sums: [`FastSums`] while they hold them, the decimal [`GpaSums`] otherwise.
#[derive(Clone, Copy)]
enum Sums {
    Fast(FastSums),
    Exact(GpaSums),
}

impl Sums {
    fn exact(&self) -> GpaSums {
        match self {
            Self::Fast(f) => f.decimal(),
            Self::Exact(e) => *e,
        }
    }
}

/// A non-negative decimal as rust_decimal holds it, mantissa and scale (≤ 28), for the
/// values whose mantissa fits 64 bits: every credit and table value of a real transcript,
/// and their sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Fixed {
    m: u64,
    s: u32,
}

/// 10^0 ..= 10^19, every power of ten a u64 holds.
const POW10: [u64; 20] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
    10_000_000_000_000_000_000,
];

impl Fixed {
    /// The decimal's own mantissa and scale; `None` for a negative value (negative zero
    /// included) or a mantissa past 64 bits.
    fn of(d: Decimal) -> Option<Self> {
        if d.is_sign_negative() {
            return None;
        }
        Some(Self { m: u64::try_from(d.mantissa()).ok()?, s: d.scale() })
    }

    /// The same decimal (same mantissa, same scale).
    fn decimal(self) -> Decimal {
        // The scale is at most 28 by construction; `min` only keeps `from_parts` total.
        Decimal::from_parts(self.m as u32, (self.m >> 32) as u32, 0, false, self.s.min(Decimal::MAX_SCALE))
    }

    /// `self + x` exactly as `decimal::add_exact` gives it: rust_decimal returns the other
    /// operand as it is when one is zero, else the sum at the larger scale. `None` past 64
    /// bits (the decimal path then decides).
    fn add(self, x: Self) -> Option<Self> {
        if self.m == 0 {
            return Some(x);
        }
        if x.m == 0 {
            return Some(self);
        }
        let up = |m: u64, by: u32| POW10.get(by as usize).and_then(|&p| mul_u64(m, p));
        let (a, b, s) = if self.s >= x.s { (self.m, up(x.m, self.s - x.s)?, self.s) } else { (up(self.m, x.s - self.s)?, x.m, x.s) };
        Some(Self { m: a.checked_add(b)?, s })
    }

    /// `self × x` exactly as `decimal::mul_exact` gives it: zero when either is zero (scale
    /// 0), else the product at the sum of the scales. `None` past 64 bits or 28 places.
    fn mul(self, x: Self) -> Option<Self> {
        if self.m == 0 || x.m == 0 {
            return Some(Self::default());
        }
        let s = self.s + x.s;
        if s > Decimal::MAX_SCALE {
            return None;
        }
        Some(Self { m: mul_u64(self.m, x.m)?, s })
    }
}

/// `a × b`, `None` past 64 bits. wasm32 has no 64-bit multiply with overflow, so
/// `checked_mul` is a call to a 128-bit multiply; the factors of nearly every row (credits,
/// grade points, powers of ten) fit in 32 bits, where the product always fits.
fn mul_u64(a: u64, b: u64) -> Option<u64> {
    if (a | b) >> 32 == 0 {
        Some(a * b)
    } else {
        a.checked_mul(b)
    }
}

/// [`GpaSums`] as [`Fixed`] values: the same mantissas and scales the decimal sums would
/// have, so [`FastSums::decimal`] gives them exactly (same value, same trailing zeros).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct FastSums {
    grade_points: Fixed,
    gpa_credits: Fixed,
    percentages: Fixed,
    percentage_credits: Fixed,
    total_credits: Fixed,
    earned_credits: Fixed,
}

impl FastSums {
    /// [`GpaSums::add`] of `credits` and a `fast` grade; `None` when a sum or product would
    /// not fit (then nothing is decided here: the decimal path adds the row).
    fn add(&self, credits: Fixed, grade: &Grade) -> Option<Self> {
        let mut next = *self;
        next.total_credits = next.total_credits.add(credits)?;
        if grade.conv.passed == Some(true) {
            next.earned_credits = next.earned_credits.add(credits)?;
        }
        if let Some(gp) = grade.point {
            next.grade_points = next.grade_points.add(credits.mul(gp)?)?;
            next.gpa_credits = next.gpa_credits.add(credits)?;
        }
        if let Some(pct) = grade.percentage {
            next.percentages = next.percentages.add(credits.mul(pct)?)?;
            next.percentage_credits = next.percentage_credits.add(credits)?;
        }
        Some(next)
    }

    fn of(e: &GpaSums) -> Option<Self> {
        Some(Self {
            grade_points: Fixed::of(e.grade_points)?,
            gpa_credits: Fixed::of(e.gpa_credits)?,
            percentages: Fixed::of(e.percentages)?,
            percentage_credits: Fixed::of(e.percentage_credits)?,
            total_credits: Fixed::of(e.total_credits)?,
            earned_credits: Fixed::of(e.earned_credits)?,
        })
    }

    fn decimal(&self) -> GpaSums {
        GpaSums {
            grade_points: self.grade_points.decimal(),
            gpa_credits: self.gpa_credits.decimal(),
            percentages: self.percentages.decimal(),
            percentage_credits: self.percentage_credits.decimal(),
            total_credits: self.total_credits.decimal(),
            earned_credits: self.earned_credits.decimal(),
        }
    }
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
            self.list.push(RowError { line, code: err.code(), message, field });
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
        let (credits, fixed) = match plain_credits(text) {
            Some(f) => (f.decimal(), Some(f)),
            None => match parse_credits(text) {
                Ok(c) if c < Decimal::ZERO => {
                    // As compute_gpa: credits are never negative.
                    let kind = ErrorKind::OutOfRange { value: c.to_string(), min: Some("0".into()), max: None };
                    return self.errors.reject(line, Error::new(kind, "credits"), Some("credits"));
                }
                Ok(c) => (c, Fixed::of(c)),
                Err(e) => {
                    let input = text.trim().to_owned();
                    let kind = match e {
                        ParseError::Invalid if input.is_empty() => ErrorKind::MissingField,
                        ParseError::Invalid => ErrorKind::InvalidNumber { input },
                        ParseError::Overflow => ErrorKind::Overflow,
                    };
                    return self.errors.reject(line, Error::new(kind, "credits"), Some("credits"));
                }
            },
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
            (Sums::Fast(f), Some(c)) if grade.fast => f.add(c, grade),
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

/// Trims a field, keeping it borrowed when it was.
fn trim(field: Cow<'_, str>) -> Cow<'_, str> {
    match field {
        Cow::Borrowed(s) => Cow::Borrowed(trim_str(s)),
        Cow::Owned(s) if s.trim().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
    }
}

/// `str::trim`, with no Unicode scan for the usual field that starts and ends with a
/// printable ASCII character (which is never white space).
fn trim_str(s: &str) -> &str {
    let printable = |b: Option<&u8>| matches!(b, Some(0x21..=0x7e));
    if printable(s.as_bytes().first()) && printable(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// The plain ASCII credits `3`, `2.5`, `.5`, `00012.50` of nearly every row (at most 19
/// digits and one point), straight to the mantissa and scale `Decimal::from_str` gives them;
/// `None` for anything else, which [`parse_credits`] then reads.
fn plain_credits(text: &str) -> Option<Fixed> {
    let mut m: u64 = 0;
    let mut digits = 0u32;
    let mut point: Option<u32> = None;
    for &b in text.as_bytes() {
        match b {
            b'0'..=b'9' => {
                // A 20th digit may not fit; below it, `m < 10^18` and no step overflows
                // (checked u64 arithmetic is a 128-bit library call in wasm, per digit).
                if digits == 19 {
                    return None;
                }
                m = m * 10 + u64::from(b - b'0');
                digits += 1;
                if point.is_some() {
                    point = point.map(|p| p + 1);
                }
            }
            b'.' if point.is_none() => point = Some(0),
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    Some(Fixed { m, s: point.unwrap_or(0) })
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

/// A multiply-rotate hash over 8 bytes at a time, with a final mix (so both the low bits
/// that pick a bucket and the top bits hashbrown tags with depend on every byte): student
/// ids and grades are short, and a std SipHash per row costs more than the rest of the
/// row. Collision flooding is no concern: the file is the user's own.
#[derive(Default)]
struct Mix(u64);

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

impl Mix {
    fn word(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(26) ^ w).wrapping_mul(MIX);
    }
}

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        let h = (self.0 ^ (self.0 >> 32)).wrapping_mul(MIX);
        h ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let w = rest.iter().rev().fold(0u64, |k, &b| (k << 8) | u64::from(b));
            self.word(w | ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.word(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.word(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.word(i as u64);
    }
}

/// The length of an unquoted field: up to the first `,`, `\n` or `\r`, or the whole text.
/// Eight bytes at a time (SWAR): a per-byte loop was the reader's largest cost in wasm.
fn field_end(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `w` equal to `c` is set, and no bit below the first
    // match: a borrow only runs upwards from a byte that matched.
    let eq = |w: u64, c: u8| {
        let x = w ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    // Indexing, not `chunks_exact`: at opt-level "z" its iterator is a call per word.
    let mut at = 0;
    while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
        let found = eq(w, b',') | eq(w, b'\n') | eq(w, b'\r');
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(b) = bytes.get(at) {
        if matches!(b, b',' | b'\n' | b'\r') {
            break;
        }
        at += 1;
    }
    at
}

/// A CSV reader over borrowed text (RFC 4180 quoting; CRLF, LF or CR line ends).
struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    /// Bit i set: field i is wanted. Other fields (of the first 64) come back empty, read
    /// over without unescaping; fields past the 64th are always kept.
    keep: u64,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, pos: 0, line: 1, keep: u64::MAX }
    }

    fn wanted(&self, field: usize) -> bool {
        u32::try_from(field).ok().and_then(|f| self.keep.checked_shr(f)).map_or(true, |k| k & 1 == 1)
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
            let field = if matches!(bytes.get(self.pos), Some(b'"')) {
                match self.quoted(self.wanted(fields.len())) {
                    Some(f) => f,
                    None => return Some(Err(start_line)),
                }
            } else {
                let rest = self.text.get(self.pos..).unwrap_or_default();
                let len = field_end(rest.as_bytes());
                self.pos += len;
                // Cut at an ASCII delimiter, so always on a char boundary.
                Cow::Borrowed(rest.split_at_checked(len).map_or("", |(field, _)| field))
            };
            fields.push(field);
            match bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') => {
                    self.pos += if matches!(bytes.get(self.pos + 1), Some(b'\n')) { 2 } else { 1 };
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
    /// Unless `keep`, the field is only read over (lines counted) and comes back empty.
    #[inline(never)]
    fn quoted(&mut self, keep: bool) -> Option<Cow<'a, str>> {
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
                Some(b'"') if matches!(bytes.get(i + 1), Some(b'"')) => {
                    if keep {
                        let s = owned.get_or_insert_with(String::new);
                        s.push_str(self.text.get(piece..=i).unwrap_or_default());
                        piece = i + 2;
                    }
                    i += 2;
                }
                Some(b'"') => break,
                Some(b'\n') => {
                    self.line += 1;
                    i += 1;
                }
                Some(b'\r') => {
                    if !matches!(bytes.get(i + 1), Some(b'\n')) {
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
        i += field_end(bytes.get(i..).unwrap_or_default());
        let tail = self.text.get(tail_start..i).unwrap_or_default();
        self.pos = i;
        if !keep {
            return Some(Cow::Borrowed(""));
        }
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

    /// The files of `tests/csv/`, read as `expected.json` says every reader of the format
    /// reads them (the page's `www/js/csv.js` is tested on the same files).
    #[test]
    fn reads_the_shared_csv_files_as_documented() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/csv");
        let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
        let files = expected.as_object().unwrap();
        assert!(files.len() >= 5, "{files:?}");
        for (name, want) in files.iter().filter(|(name, _)| name.ends_with(".csv")) {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
            let mut got = Vec::new();
            let mut r = Reader::new(text);
            let mut f = Vec::new();
            let mut header = None;
            while let Some(rec) = r.record(&mut f) {
                match rec {
                    Ok(_) if is_blank(&f) => {}
                    Ok(line) => {
                        header.get_or_insert_with(|| header_columns(&f));
                        got.push(serde_json::json!([line, f.iter().map(|x| x.trim()).collect::<Vec<_>>()]));
                    }
                    Err(line) => got.push(serde_json::json!([line, "unclosed_quote"])),
                }
            }
            assert_eq!(serde_json::Value::Array(got), want["records"], "{name}: records");
            assert_eq!(header.unwrap(), want["cohort"], "{name}: the cohort's columns");
        }
    }

    fn header_columns(fields: &[Cow<'_, str>]) -> serde_json::Value {
        match header(fields) {
            Ok(c) => {
                // `course` is required but not kept: where is it?
                let course = fields.iter().position(|f| HEADERS[1].iter().any(|n| n.eq_ignore_ascii_case(f.trim()))).unwrap();
                serde_json::json!({ "studentId": c.student, "course": course, "credits": c.credits, "grade": c.grade })
            }
            Err(e) => serde_json::json!({ "error": [e.code(), e.field] }),
        }
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
    fn skipped_fields_are_read_over_but_not_kept() {
        let mut r = Reader::new("\"a\"\"b\nc\",x,\"y\"\"\"\nz,\"open\n");
        r.keep = 0b110;
        let mut f = Vec::new();
        assert_eq!(r.record(&mut f), Some(Ok(1)));
        assert_eq!(f, [Cow::Borrowed(""), Cow::Borrowed("x"), Cow::Owned::<str>("y\"".into())]);
        assert_eq!(r.record(&mut f), Some(Err(3)));
        // Field 0 is a lone field: the batch always keeps it (blank lines).
        assert!(r.wanted(64) && r.wanted(1000) && !r.wanted(0));
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

    fn fx(m: u64, s: u32) -> Fixed {
        Fixed { m, s }
    }

    #[test]
    fn plain_credits_are_the_mantissa_and_scale_of_from_str() {
        // By hand: "2.50" is 250 at scale 2, "7." is 7 at scale 0, ".5" is 5 at scale 1.
        assert_eq!(plain_credits("2.50"), Some(fx(250, 2)));
        assert_eq!(plain_credits("7."), Some(fx(7, 0)));
        assert_eq!(plain_credits(".5"), Some(fx(5, 1)));
        assert_eq!(plain_credits("0009999999999999999999"), None); // 22 digits: the decimal path
        for t in ["3", "2.5", "0", "0.00", ".5", "7.", "00012.50", "1234567890123456789", "0.000000000000000001", "18446744073709551615"] {
            let want = Decimal::from_str(t).unwrap_or_default();
            match plain_credits(t) {
                Some(f) => {
                    assert_eq!((u128::from(f.m), f.s), (want.mantissa().unsigned_abs(), want.scale()), "{t:?}");
                    assert_eq!(f.decimal().to_string(), want.to_string(), "{t:?}");
                }
                // Past 19 digits: left to parse_credits.
                None => assert!(t.bytes().filter(u8::is_ascii_digit).count() > 19, "{t:?}"),
            }
        }
        for t in ["", ".", "1.2.3", "-1", "+1", " 1", "1e3", "１", "12345678901234567890"] {
            assert_eq!(plain_credits(t), None, "{t:?}");
        }
    }

    #[test]
    fn fixed_sums_follow_rust_decimal_scales() {
        // 2.50 + 3 = 5.50 (larger scale); 3 + 0.00 = 3 and 0.00 + 3 = 3 (a zero operand gives
        // the other as it is); 0 + 0.00 = 0.00.
        assert_eq!(fx(250, 2).add(fx(3, 0)), Some(fx(550, 2)));
        assert_eq!(fx(3, 0).add(fx(0, 2)), Some(fx(3, 0)));
        assert_eq!(fx(0, 2).add(fx(3, 0)), Some(fx(3, 0)));
        assert_eq!(fx(0, 0).add(fx(0, 2)), Some(fx(0, 2)));
        // 2.50 × 3.7 = 9.250; 0 × 3.7 = 0 at scale 0.
        assert_eq!(fx(250, 2).mul(fx(37, 1)), Some(fx(9250, 3)));
        assert_eq!(fx(0, 2).mul(fx(37, 1)), Some(fx(0, 0)));
        // The boundary: u64::MAX holds, one more does not; 28 places hold, 29 do not.
        assert_eq!(fx(u64::MAX - 1, 0).add(fx(1, 0)), Some(fx(u64::MAX, 0)));
        assert_eq!(fx(u64::MAX, 0).add(fx(1, 0)), None);
        assert_eq!(fx(u64::MAX / 10 + 1, 0).add(fx(1, 1)), None); // rescaling overflows
        assert_eq!(fx(1, 27).mul(fx(37, 1)), Some(fx(37, 28)));
        assert_eq!(fx(1, 28).mul(fx(37, 1)), None);
        assert_eq!(fx(1 << 32, 0).mul(fx(1 << 32, 0)), None);
        assert_eq!(fx(1, 0).add(fx(1, 40)), None);
        let mut negative_zero = Decimal::ZERO;
        negative_zero.set_sign_negative(true);
        assert_eq!(Fixed::of(negative_zero), if negative_zero.is_sign_negative() { None } else { Some(fx(0, 0)) });
        assert_eq!(Fixed::of(Decimal::new(-5, 1)), None);
        assert_eq!(Fixed::of(Decimal::from(-1)), None);
        assert_eq!(Fixed::of(Decimal::MAX), None);
    }

    #[test]
    fn fast_sums_equal_the_decimal_sums_to_the_digit() {
        let policy = exchange_calc_core::policy::resolve(&serde_json::json!("xinyu-2022"), "policy", Locale::En).map(|p| p.into_owned());
        let Ok(policy) = policy else { return assert!(policy.is_ok()) };
        let grades: Vec<Grade> = ["A+", "B", "F", "D-", "88", "91.5", "0", "P", "NP", "100"]
            .iter()
            .filter_map(|g| grade::convert(&policy, g, "grade").ok().map(Grade::new))
            .collect();
        assert_eq!(grades.len(), 10);
        let credits = ["0", "0.00", "1", "2.5", "3.000", "0.5", "1234567.891", "0.0000000000000000001", "18446744073709551615", "4294967296"];
        let mut counts = [0usize; 2];
        // Every order of three rows over these credits and grades: fast where it holds,
        // otherwise the decimal path, and always the decimal sums' exact text.
        for (i, c1) in credits.iter().enumerate() {
            for c2 in &credits {
                for (k, g) in grades.iter().enumerate() {
                    let g0 = grades.get((i + k) % grades.len()).unwrap_or(g);
                    let rows = [(*c1, g0), (*c2, g), (*c1, g)];
                    let mut exact = GpaSums::default();
                    let mut fast = Some(FastSums::default());
                    for (c, g) in rows {
                        let dc = Decimal::from_str(c).unwrap_or_default();
                        let want = exact.add(dc, &g.conv, "credits");
                        fast = fast.and_then(|f| f.add(Fixed::of(dc)?, g));
                        if want.is_err() {
                            break;
                        }
                        counts[usize::from(fast.is_some())] += 1;
                        if let Some(f) = fast {
                            let got = f.decimal();
                            let text = |s: &GpaSums| {
                                [s.grade_points, s.gpa_credits, s.percentages, s.percentage_credits, s.total_credits, s.earned_credits].map(|d| d.to_string())
                            };
                            assert_eq!(text(&got), text(&exact), "{rows:?}");
                        }
                    }
                }
            }
        }
        // Both paths were taken: [rows past the fast sums, rows they held].
        assert!(counts[0] > 100 && counts[1] > 1000, "{counts:?}");
    }

    #[test]
    fn the_mix_hash_spreads_sequential_ids() {
        let mut buckets = [0u32; 64];
        for i in 0..6400u32 {
            let mut h = Mix::default();
            std::hash::Hash::hash(format!("S{}", 2_024_000_000 + i).as_str(), &mut h);
            if let Some(b) = buckets.get_mut((h.finish() & 63) as usize) {
                *b += 1;
            }
        }
        // 100 per bucket on average; none far off.
        assert!(buckets.iter().all(|&b| (50..=150).contains(&b)), "{buckets:?}");
    }

    #[test]
    fn field_end_stops_at_the_first_delimiter_in_any_byte_of_a_word() {
        // Every length and position around the 8-byte words, every delimiter, and bytes
        // next to the delimiters' values (`+` `-` `\t` `\x0b` `\x0c` `\x0e`), and UTF-8.
        for len in 0..40 {
            for at in 0..=len {
                for delim in [b',', b'\n', b'\r'] {
                    let mut text: Vec<u8> = (0..len).map(|i| [b'+', b'-', b'\t', 0x0b, 0x0c, 0x0e, 0xe4, b'a'][i % 8]).collect();
                    if let Some(b) = text.get_mut(at) {
                        *b = delim;
                    }
                    let want = text.iter().position(|b| matches!(b, b',' | b'\n' | b'\r')).unwrap_or(text.len());
                    assert_eq!(field_end(&text), want, "{text:?}");
                }
            }
        }
        assert_eq!(field_end(b"S2024000123,Course 1,3,B+"), 11);
        assert_eq!(field_end(b"\r\n"), 0);
    }

    #[test]
    fn the_packed_map_finds_what_it_holds_and_nothing_else() {
        let mut map = PackedMap::default();
        assert_eq!(map.get(0), None, "an empty map");
        // Keys that differ in one half only, each half's low and high bytes, and the empty text.
        let key = |i: u64| packed_key(&format!("S{:010}{}", 2_024_000_000 + i, "x".repeat((i % 5) as usize)));
        let keys: Vec<u128> = (0..20_000).filter_map(key).chain(packed_key("")).collect();
        assert_eq!(keys.len(), 20_001);
        for (i, &k) in keys.iter().enumerate() {
            map.insert(k, i);
            // Found at once, and still found after every growth.
            assert_eq!(map.get(k), Some(i));
        }
        assert!(keys.iter().enumerate().all(|(i, &k)| map.get(k) == Some(i)));
        assert_eq!(map.len, keys.len());
        assert!(map.slots.len().is_power_of_two() && map.len * 8 <= map.slots.len() * 7);
        // Absent keys: same prefix, other numbers; a key with only the length byte changed.
        assert!((20_000..25_000).filter_map(key).all(|k| map.get(k).is_none()));
        assert_eq!(map.get(keys[0] ^ (1u128 << 127)), None);
    }

    #[test]
    fn pow10_is_every_power_of_ten_in_u64() {
        assert!(POW10.iter().enumerate().all(|(i, &p)| Some(p) == 10u64.checked_pow(i as u32)));
        assert_eq!(10u64.checked_pow(20), None);
    }

    #[test]
    fn a_packed_key_is_the_bytes_little_endian_and_the_length_on_top() {
        for n in 0..=15usize {
            let text: String = "S20240001234567".chars().take(n).collect();
            let mut want = [0u8; 16];
            for (w, b) in want.iter_mut().zip(text.bytes()) {
                *w = b;
            }
            want[15] = n as u8;
            assert_eq!(packed_key(&text), Some(u128::from_le_bytes(want)), "{text:?}");
        }
    }

    #[test]
    fn packed_keys_tell_ids_apart() {
        assert_ne!(packed_key("S1"), packed_key("S1\0"));
        assert_ne!(packed_key("S2024000001"), packed_key("S2024000010"));
        assert_eq!(packed_key("123456789012345").map(|k| k >> 120), Some(15));
        assert_eq!(packed_key("1234567890123456"), None);
        // Short and long ids of one file land in their own maps and still count apart.
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

    #[test]
    fn packed_keys_tell_spellings_apart() {
        assert_ne!(packed_key("b+"), packed_key("B+"));
        assert_ne!(packed_key("A"), packed_key("A "));
    }

    #[test]
    fn fast_credit_parse_agrees_with_decimal_parse() {
        for t in ["3", "2.5", "0", ".5", "7.", "00012.50", "99999999999999999999", "1.2.3", "", "."] {
            assert_eq!(parse_credits(t), decimal::parse(t), "{t:?}");
        }
    }
}
