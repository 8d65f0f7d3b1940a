//! Money in fen (0.01 CNY), exact: every amount has two places, and a sum or difference that
//! cannot keep them is `overflow`, never a rounding.

use crate::decimal::{self, Decimal};
use crate::error::Result;

/// Zero yuan, written `0.00`.
pub fn zero() -> Decimal {
    Decimal::new(0, 2)
}

/// Rounds half-up to the fen and keeps two places, or reports `overflow` at `field` when the
/// value has no exact two-place form (beyond about 7.9 × 10^26).
pub fn to_fen(value: Decimal, field: &str) -> Result<Decimal> {
    let mut v = decimal::round_half_up(value, 2);
    v.rescale(2);
    if v.scale() == 2 {
        Ok(v)
    } else {
        Err(decimal::overflow(field))
    }
}

/// Adds two fen amounts exactly. `checked_add` alone is not enough: past the two-place range
/// rust_decimal drops places and rounds instead of failing, which would break the fen sum.
pub fn add(a: Decimal, b: Decimal, field: &str) -> Result<Decimal> {
    let sum = a.checked_add(b).ok_or_else(|| decimal::overflow(field))?;
    to_fen(sum, field)
}

/// Subtracts two fen amounts exactly.
pub fn sub(a: Decimal, b: Decimal, field: &str) -> Result<Decimal> {
    let diff = a.checked_sub(b).ok_or_else(|| decimal::overflow(field))?;
    to_fen(diff, field)
}

/// Splits `amount` into `(kept, rest)` with `kept = min(amount, budget)`, taking `kept` from
/// the budget. All three are fen amounts, so no rounding happens here.
pub fn fill(amount: Decimal, budget: &mut Decimal, field: &str) -> Result<(Decimal, Decimal)> {
    let kept = amount.min(*budget);
    *budget = sub(*budget, kept, field)?;
    Ok((kept, sub(amount, kept, field)?))
}

/// An amount as messages show it: two places, thousands grouped by commas as the page groups
/// the figures beside it (zh-CN and en both write 6,800.00).
pub fn money(v: Decimal) -> String {
    let plain = decimal::fixed2(v);
    let (sign, digits) = plain.split_at(usize::from(plain.starts_with('-')));
    let (int, frac) = digits.split_at(digits.find('.').unwrap_or(digits.len()));
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands_and_keeps_two_places() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for (value, want) in [
            ("0", "0.00"),
            ("100", "100.00"),
            ("999.995", "1,000.00"),
            ("6800", "6,800.00"),
            ("48186.79", "48,186.79"),
            ("1234567.5", "1,234,567.50"),
            ("-2500", "-2,500.00"),
        ] {
            assert_eq!(money(d(value)), want, "{value}");
        }
    }
}
