//! Quota allocation (LX-4.2.1): the centre shares the plan's places among colleges in
//! proportion to their joint-programme students. No policy is needed.
//!
//! Methods (all exact, in integers):
//! - `largestRemainder` (Hamilton, the default): each college gets the floor of its exact
//!   share `places × students / Σ students`; the places left go one each to the largest
//!   remainders.
//! - `dhondt` and `sainteLague` (highest averages): places are handed out one at a time to the
//!   college with the largest `students / d(q)`, where q is the places it has so far and
//!   d(q) = q + 1 (D'Hondt) or 2q + 1 (Sainte-Laguë).
//!
//! Ties (equal remainders, equal averages) go to the college with more students, then to the
//! name that comes first in Unicode code-point order (Rust's `str` order; `"Z" < "a"`,
//! `"机电" < "材料"` since U+673A < U+6750). Names are unique, so the order is total and the
//! result does not depend on the input order.
//!
//! `minimum`: every college first gets `minimum` places; the rest, `places − minimum × n`, is
//! then apportioned by the method from zero, as if no place had been given yet. The exact
//! share reported is then `minimum + rest × students / Σ students`.
//!
//! Monotonicity (proptested in tests/quota.rs):
//! - **More students never cost a college a place** when only its own count rises and the
//!   others stay fixed — for all three methods. For D'Hondt and Sainte-Laguë every average of
//!   that college rises and no other changes, so it wins every round it won before. For
//!   Hamilton its share rises and every other share falls by the same factor: a college that
//!   would take a place from it needs a larger remainder than before, but a falling share
//!   with the same floor has a smaller remainder, and one whose floor fell loses a place
//!   rather than gaining one.
//! - **Hamilton is not population monotone in general**: when two colleges both change, one
//!   that grew relative to another can lose a place to it (the population paradox; a worked
//!   case is in tests/quota.rs), and it is not house monotone: one more place in total can
//!   cost a college a place (the Alabama paradox, 10 → 11 places on 6, 6, 2 students). The
//!   divisor methods D'Hondt and Sainte-Laguë are immune to both, which is why the tests
//!   check house monotonicity only for them.

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Result};
use crate::read::{At, Obj, Request};
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// The clause every row cites.
pub const CLAUSE: &str = "LX-4.2.1";

/// Most places one call shares out. The highest-averages methods hand places out one at a
/// time, so this bounds the work in the browser; a plan has tens of places, not millions.
pub const MAX_TOTAL: u64 = 100_000;

/// Most students a college can have: JavaScript's largest exact integer (2^53 − 1).
pub const MAX_STUDENTS: u64 = 9_007_199_254_740_991;

/// How places are apportioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Largest remainder (Hamilton), the default.
    #[default]
    LargestRemainder,
    /// D'Hondt (highest averages, divisors 1, 2, 3, …).
    Dhondt,
    /// Sainte-Laguë (highest averages, divisors 1, 3, 5, …).
    SainteLague,
}

impl Method {
    /// The JSON names.
    pub const NAMES: [&'static str; 3] = ["largestRemainder", "dhondt", "sainteLague"];

    /// Reads a method name; spaces and letter case are ignored.
    #[must_use]
    pub fn parse(input: &str) -> Option<Self> {
        let key = input.trim();
        [Self::LargestRemainder, Self::Dhondt, Self::SainteLague].into_iter().find(|m| m.name().eq_ignore_ascii_case(key))
    }

    /// The JSON name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::LargestRemainder => "largestRemainder",
            Self::Dhondt => "dhondt",
            Self::SainteLague => "sainteLague",
        }
    }
}

/// A college and its joint-programme students.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct College {
    /// Name, unique among the colleges.
    pub name: String,
    /// Joint-programme students, ≤ [`MAX_STUDENTS`].
    pub students: u64,
}

/// The question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuotaInput {
    /// Places to share out, ≤ [`MAX_TOTAL`].
    pub total: u64,
    /// The colleges, in the order to report them.
    pub colleges: Vec<College>,
    /// The method.
    pub method: Method,
    /// Places every college gets first.
    pub minimum: u64,
}

impl College {
    fn read(at: At<'_, '_>) -> Result<Self> {
        let o = at.obj(&["name", "students"])?;
        let students = whole(o.dec("students")?, MAX_STUDENTS, &o.field("students"))?;
        Ok(Self { name: o.text("name")?, students })
    }
}

impl Request for QuotaInput {
    const KEYS: &'static [&'static str] = &["total", "colleges", "method", "minimum", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        let total = whole(o.dec("total")?, MAX_TOTAL, "total")?;
        let colleges = o.need_list("colleges", College::read)?;
        let method = match o.opt_text("method")?.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
            None => Method::default(),
            Some(m) => Method::parse(m).ok_or_else(|| {
                Error::new(ErrorKind::UnknownValue { value: m.to_owned(), allowed: Method::NAMES.iter().map(|&s| s.to_owned()).collect() }, "method")
            })?,
        };
        let minimum = o.opt_dec("minimum")?.map(|m| whole(m, MAX_TOTAL, "minimum")).transpose()?.unwrap_or(0);
        Ok(Self { total, colleges, method, minimum })
    }
}

/// One college's quota. The array keeps the SPEC shape `[{ name, quota }]`; the rest explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quota {
    /// The college's name as entered.
    pub name: String,
    /// Its places.
    pub quota: u64,
    /// The places shared out among all colleges (the request's `total`, as read): every
    /// row's `quota` adds up to it.
    pub total: u64,
    /// Its students.
    pub students: u64,
    /// Exact proportional share, half-up to two places for display (`"2.47"`).
    pub share: String,
    /// The same share as a decimal (exact when it terminates, else to 28 significant digits).
    pub share_exact: String,
    /// The same share as a reduced fraction (`"180/73"`): always exact.
    pub share_fraction: String,
    /// Largest remainder only: the fractional part of the share that ranked the leftovers.
    pub remainder: Option<String>,
    /// `LX-4.2.1`.
    pub clause: &'static str,
}

/// Reads a whole number ≥ 0 and ≤ `max` from a decimal input.
///
/// # Errors
/// `out_of_range` (below 0 or above `max`) or `invalid_step` (not a whole number) at `field`.
pub fn whole(value: Decimal, max: u64, field: &str) -> Result<u64> {
    if value < Decimal::ZERO || value > Decimal::from(max) {
        return Err(Error::new(ErrorKind::OutOfRange { value: value.to_string(), min: Some("0".into()), max: Some(max.to_string()) }, field));
    }
    if !value.fract().is_zero() {
        return Err(Error::new(ErrorKind::InvalidStep { value: value.to_string(), step: "1".into() }, field));
    }
    value.to_u64().ok_or_else(|| decimal::overflow(field))
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// One candidate of a highest-averages round: ordered by `students / divisor`, then students,
/// then name (earlier name ranks higher).
struct Candidate<'a> {
    students: u128,
    divisor: u128,
    name: &'a str,
    index: usize,
}

impl Ord for Candidate<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        // a/b vs c/d ⇔ a·d vs c·b; students ≤ 2^53 and divisors ≤ 2·10^5 + 1, so no overflow.
        (self.students.saturating_mul(other.divisor))
            .cmp(&other.students.saturating_mul(self.divisor))
            .then(self.students.cmp(&other.students))
            .then_with(|| other.name.cmp(self.name))
    }
}

impl PartialOrd for Candidate<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Candidate<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate<'_> {}

/// Apportions `places` among `students` by a highest-averages method.
fn highest_averages(places: u64, colleges: &[College], odd: bool) -> Vec<u64> {
    let mut quotas = vec![0_u64; colleges.len()];
    let mut heap: BinaryHeap<Candidate<'_>> =
        colleges.iter().enumerate().map(|(index, c)| Candidate { students: u128::from(c.students), divisor: 1, name: &c.name, index }).collect();
    for _ in 0..places {
        let Some(mut best) = heap.pop() else { break };
        if let Some(q) = quotas.get_mut(best.index) {
            *q += 1;
            let q = u128::from(*q);
            best.divisor = if odd { 2 * q + 1 } else { q + 1 };
        }
        heap.push(best);
    }
    quotas
}

/// Apportions `places` by largest remainder; also returns each remainder numerator (over Σ).
fn largest_remainder(places: u64, colleges: &[College], sum: u128) -> (Vec<u64>, Vec<u128>) {
    let places = u128::from(places);
    let mut quotas = Vec::with_capacity(colleges.len());
    let mut remainders = Vec::with_capacity(colleges.len());
    for c in colleges {
        // places ≤ 10^5 and students ≤ 2^53: the product fits easily in u128.
        let num = places * u128::from(c.students);
        quotas.push(u64::try_from(num / sum).unwrap_or(u64::MAX));
        remainders.push(num % sum);
    }
    let given: u128 = quotas.iter().map(|&q| u128::from(q)).sum();
    let left = usize::try_from(places.saturating_sub(given)).unwrap_or(0);
    let order = crate::stable_order(colleges.len(), &|a, b| {
        let key = |i: usize| (remainders.get(i).copied().unwrap_or(0), colleges.get(i).map_or(0, |c| c.students));
        key(b).cmp(&key(a)).then_with(|| {
            let name = |i: usize| colleges.get(i).map_or("", |c| c.name.as_str());
            name(a).cmp(name(b))
        })
    });
    for i in order.into_iter().take(left) {
        if let Some(q) = quotas.get_mut(i) {
            *q += 1;
        }
    }
    (quotas, remainders)
}

/// A whole number of this module's arithmetic as a decimal (below 2^96: places ≤ 10^5 times
/// students ≤ 2^53).
fn whole_dec(n: u128, field: &str) -> Result<Decimal> {
    let n = i128::try_from(n).map_err(|_| decimal::overflow(field))?;
    Decimal::try_from_i128_with_scale(n, 0).map_err(|_| decimal::overflow(field))
}

fn ratio(num: u128, den: u128, field: &str) -> Result<Decimal> {
    whole_dec(num, field)?.checked_div(whole_dec(den, field)?).ok_or_else(|| decimal::overflow(field))
}

/// Allocates the places (LX-4.2.1). Rows are in input order and their quotas sum to `total`.
///
/// # Errors
/// `empty` at `colleges` for no college; `missing_field` at `colleges[i].name` for a blank
/// name; `duplicate` at `colleges[i].name` for a name (trimmed) given before; `out_of_range`
/// at `total` above [`MAX_TOTAL`], at `colleges[i].students` above [`MAX_STUDENTS`], at
/// `minimum` when `minimum × colleges` exceeds `total`; `no_students` at `colleges` when
/// places are left to share in proportion and every college has 0 students (with nothing
/// left to share, zero students are fine).
pub fn allocate(input: &QuotaInput) -> Result<Vec<Quota>> {
    let colleges = &input.colleges;
    if colleges.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "colleges"));
    }
    if input.total > MAX_TOTAL {
        return Err(Error::new(ErrorKind::OutOfRange { value: input.total.to_string(), min: Some("0".into()), max: Some(MAX_TOTAL.to_string()) }, "total"));
    }
    for (i, c) in colleges.iter().enumerate() {
        let field = format!("colleges[{i}].name");
        let name = c.name.trim();
        if name.is_empty() {
            return Err(Error::new(ErrorKind::MissingField, field));
        }
        if colleges.iter().take(i).any(|d| d.name.trim() == name) {
            return Err(Error::new(ErrorKind::Duplicate { value: name.to_owned() }, field));
        }
        if c.students > MAX_STUDENTS {
            return Err(Error::new(
                ErrorKind::OutOfRange { value: c.students.to_string(), min: Some("0".into()), max: Some(MAX_STUDENTS.to_string()) },
                format!("colleges[{i}].students"),
            ));
        }
    }
    let n = u64::try_from(colleges.len()).map_err(|_| decimal::overflow("colleges"))?;
    let floor_total = input.minimum.checked_mul(n).filter(|&m| m <= input.total).ok_or_else(|| {
        Error::new(ErrorKind::OutOfRange { value: input.minimum.to_string(), min: Some("0".into()), max: Some((input.total / n).to_string()) }, "minimum")
    })?;
    let rest = input.total - floor_total;
    let sum: u128 = colleges.iter().map(|c| u128::from(c.students)).sum();
    if sum == 0 && rest > 0 {
        return Err(Error::new(ErrorKind::NoStudents, "colleges"));
    }

    let (quotas, remainders) = match input.method {
        _ if sum == 0 => (vec![0; colleges.len()], None),
        Method::LargestRemainder => {
            let (q, r) = largest_remainder(rest, colleges, sum);
            (q, Some(r))
        }
        Method::Dhondt => (highest_averages(rest, colleges, false), None),
        Method::SainteLague => (highest_averages(rest, colleges, true), None),
    };

    let den = sum.max(1);
    let mut rows = Vec::with_capacity(colleges.len());
    for (i, (c, q)) in colleges.iter().zip(quotas).enumerate() {
        let field = format!("colleges[{i}].students");
        // share = minimum + rest × students / Σ, as one fraction over Σ.
        let num = u128::from(input.minimum) * den + u128::from(rest) * u128::from(c.students);
        let g = gcd(num, den).max(1);
        let share = ratio(num, den, &field)?;
        let remainder = match &remainders {
            Some(r) => Some(decimal::exact(ratio(r.get(i).copied().unwrap_or(0), den, &field)?)),
            None => None,
        };
        rows.push(Quota {
            name: c.name.clone(),
            quota: input.minimum + q,
            total: input.total,
            students: c.students,
            share: decimal::fixed2(share),
            share_exact: decimal::exact(share),
            // Written as decimals: `u128`'s own Display is 1.4 KB of wasm for this one line.
            share_fraction: format!("{}/{}", decimal::exact(whole_dec(num / g, &field)?), decimal::exact(whole_dec(den / g, &field)?)),
            remainder,
            clause: CLAUSE,
        });
    }
    Ok(rows)
}
