//! A student's sums in fixed point: while every value fits 64 bits they are held as the
//! mantissas and scales the exact decimal sums ([`GpaSums`]) would have, added with integer
//! arithmetic; a row they cannot hold goes the decimal way. And the credits text read
//! straight into that form.

use exchange_calc_core::decimal::{self, Decimal, ParseError};
use exchange_calc_core::error::{Error, ErrorKind, Result};
use exchange_calc_core::grade::GpaSums;

/// A student's sums: [`FastSums`] while they hold them, the decimal [`GpaSums`] otherwise.
#[derive(Clone, Copy)]
pub(crate) enum Sums {
    Fast(FastSums),
    Exact(GpaSums),
}

impl Sums {
    pub(crate) fn exact(&self) -> GpaSums {
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
pub(crate) struct Fixed {
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
    pub(crate) fn of(d: Decimal) -> Option<Self> {
        if d.is_sign_negative() {
            return None;
        }
        Some(Self { m: u64::try_from(d.mantissa()).ok()?, s: d.scale() })
    }

    /// The same decimal (same mantissa, same scale).
    pub(crate) fn decimal(self) -> Decimal {
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
pub(crate) struct FastSums {
    grade_points: Fixed,
    gpa_credits: Fixed,
    percentages: Fixed,
    percentage_credits: Fixed,
    total_credits: Fixed,
    earned_credits: Fixed,
}

impl FastSums {
    /// [`GpaSums::add`] of `credits` and a grade whose table values are all held as
    /// [`Fixed`] (`point`, `percentage`: `None` where the table has none); `None` when a sum
    /// or product would not fit (then nothing is decided here: the decimal path adds the row).
    pub(crate) fn add(&self, credits: Fixed, passed: bool, point: Option<Fixed>, percentage: Option<Fixed>) -> Option<Self> {
        let mut next = *self;
        next.total_credits = next.total_credits.add(credits)?;
        if passed {
            next.earned_credits = next.earned_credits.add(credits)?;
        }
        if let Some(gp) = point {
            next.grade_points = next.grade_points.add(credits.mul(gp)?)?;
            next.gpa_credits = next.gpa_credits.add(credits)?;
        }
        if let Some(pct) = percentage {
            next.percentages = next.percentages.add(credits.mul(pct)?)?;
            next.percentage_credits = next.percentage_credits.add(credits)?;
        }
        Some(next)
    }

    pub(crate) fn of(e: &GpaSums) -> Option<Self> {
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

/// The plain ASCII credits `3`, `2.5`, `.5`, `00012.50` of nearly every row (at most 19
/// digits and one point), straight to the mantissa and scale [`decimal::parse`] gives them;
/// `None` for anything else, which [`credits`] then reads with it.
pub(crate) fn plain_credits(text: &str) -> Option<Fixed> {
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

/// A row's credits: the decimal, and its [`Fixed`] form when it has one. Nearly every row
/// is plain ASCII ([`plain_credits`]); anything else (spaces, full-width digits, a sign, 20
/// digits or more) is read by [`decimal::parse`], as `computeGpa` reads credits.
///
/// # Errors
/// At `credits`: `missing_field` for empty text, `invalid_number`, `overflow`, and
/// `out_of_range` below zero (as `compute_gpa`: credits are never negative).
pub(crate) fn credits(text: &str) -> Result<(Decimal, Option<Fixed>)> {
    match plain_credits(text) {
        Some(f) => Ok((f.decimal(), Some(f))),
        None => other_credits(text),
    }
}

fn other_credits(text: &str) -> Result<(Decimal, Option<Fixed>)> {
    match decimal::parse(text) {
        Ok(c) if c < Decimal::ZERO => {
            let kind = ErrorKind::OutOfRange { value: c.to_string(), min: Some("0".into()), max: None };
            Err(Error::new(kind, "credits"))
        }
        Ok(c) => Ok((c, Fixed::of(c))),
        Err(e) => {
            let input = text.trim().to_owned();
            let kind = match e {
                ParseError::Invalid if input.is_empty() => ErrorKind::MissingField,
                e => e.kind(input),
            };
            Err(Error::new(kind, "credits"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Grade;
    use exchange_calc_core::grade;
    use exchange_calc_core::locale::Locale;
    use std::str::FromStr;

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
                // Past 19 digits: left to decimal::parse (through `credits`).
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
                        fast = fast.and_then(|f| f.add(Fixed::of(dc)?, g.conv.passed == Some(true), g.point, g.percentage));
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
    fn pow10_is_every_power_of_ten_in_u64() {
        assert!(POW10.iter().enumerate().all(|(i, &p)| Some(p) == 10u64.checked_pow(i as u32)));
        assert_eq!(10u64.checked_pow(20), None);
    }


    #[test]
    fn credits_read_as_decimal_parse_reads_them() {
        // The plain path and decimal::parse give the same mantissa and scale (so the same
        // text: `00012.50` stays `12.50`); what decimal::parse refuses is a row error.
        let digits = |d: Decimal| (d.mantissa(), d.scale(), d.is_sign_negative());
        for t in ["3", "2.5", "0", ".5", "7.", "00012.50", "99999999999999999999", "1.2.3", "", ".", " 3 ", "３", "+2", "1e3"] {
            match (credits(t), decimal::parse(t)) {
                (Ok((got, fixed)), Ok(want)) => {
                    assert_eq!(digits(got), digits(want), "{t:?}");
                    assert_eq!(fixed.map(|f| digits(f.decimal())), Fixed::of(want).map(|f| digits(f.decimal())), "{t:?}");
                }
                (Err(e), Err(_)) => assert!(["missing_field", "invalid_number"].contains(&e.code()), "{t:?}: {e}"),
                (got, want) => panic!("{t:?}: {got:?} but decimal::parse gives {want:?}"),
            }
        }
        // Below zero is out of range, past the decimal range an overflow.
        assert_eq!(credits("-1").map_err(|e| e.code()), Err("out_of_range"));
        assert_eq!(credits("99999999999999999999999999999999").map_err(|e| e.code()), Err("overflow"));
    }
}
