//! Exact numbers at the boundary: decimal inputs accept JSON numbers or strings (as people
//! type them, full-width digits included), and every rounding site names its strategy.

use rust_decimal::prelude::*;

pub use rust_decimal::Decimal;

/// Why a text is not a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Not a number at all.
    Invalid,
    /// A number beyond the 96-bit decimal range.
    Overflow,
}

impl ParseError {
    /// The error kind a reader reports for it; `input` is the text as the user wrote it,
    /// echoed in `invalid_number`.
    #[must_use]
    pub fn kind(self, input: String) -> crate::ErrorKind {
        match self {
            Self::Invalid => crate::ErrorKind::InvalidNumber { input },
            Self::Overflow => crate::ErrorKind::Overflow,
        }
    }
}

/// Folds full-width digits, point, signs and spaces from a Chinese IME to ASCII.
#[must_use]
pub fn fold_width(input: &str) -> String {
    input.chars().map(fold_char).collect()
}

/// One character of [`fold_width`].
#[must_use]
pub fn fold_char(c: char) -> char {
    match c {
        // U+FF01..U+FF5E are the full-width forms of ASCII U+0021..U+007E.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{3002}' => '.', // ideographic full stop, typed for a decimal point
        '\u{2212}' | '\u{2010}'..='\u{2015}' | '\u{FE58}' | '\u{FE63}' => '-',
        _ => c,
    }
}

/// Parses a decimal the way people type one: trims, folds full-width forms, allows a
/// leading `+`. Exponents, thousands separators and empty text are rejected.
///
/// # Errors
/// [`ParseError::Invalid`] for anything but a plain decimal, [`ParseError::Overflow`] past
/// the decimal range.
pub fn parse(input: &str) -> Result<Decimal, ParseError> {
    let folded = fold_width(input);
    let text = folded.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    let (negative, digits) = text.strip_prefix('-').map_or((false, text), |d| (true, d));
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(ParseError::Invalid);
    }
    from_digits(digits, negative)
}

/// Well-formed `digits` (ASCII digits, at most one point) as `Decimal::from_str` reads them:
/// every place kept (`3.50`); places past 28, and then as few last places as make the
/// mantissa fit 96 bits, rounded off half-up at once (on the first digit dropped); an integer
/// part past 29 digits, or one that does not fit, is `Overflow`. rust_decimal's own reader (with
/// exponents, underscores and its error texts) was 3 KB of the grades module's gzip.
fn from_digits(digits: &str, negative: bool) -> Result<Decimal, ParseError> {
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let int = int.trim_start_matches('0');
    if int.len() > 29 {
        return Err(ParseError::Overflow);
    }
    let places: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    let scale = frac.len();
    for drop in scale.saturating_sub(28)..=scale {
        let (kept, dropped) = places.split_at(places.len() - drop);
        let mut kept = kept.to_vec();
        if dropped.first().is_some_and(|&d| d >= 5) {
            round_up(&mut kept);
        }
        let mantissa = kept.iter().try_fold(0u128, |m, &d| m.checked_mul(10)?.checked_add(u128::from(d)));
        if let Some(m) = mantissa.filter(|&m| m < 1 << 96) {
            let (m, scale) = (i128::try_from(m), u32::try_from(scale - drop));
            let mut d = Decimal::try_from_i128_with_scale(m.unwrap_or(i128::MAX), scale.unwrap_or(u32::MAX)).map_err(|_| ParseError::Overflow)?;
            d.set_sign_negative(negative && !d.is_zero());
            return Ok(d);
        }
    }
    Err(ParseError::Overflow)
}

/// Adds one in the last place of `places`, carrying (`9.99` → `10.00`).
fn round_up(places: &mut Vec<u8>) {
    for d in places.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return;
        }
    }
    places.insert(0, 1);
}

/// Parses an amount of money as people write one: what [`parse`] reads, plus one currency
/// sign in front (`$`, `¥`, `￥`, `€`, `£`; the IME's `＄` folds to `$`) and thousands
/// separators in the integer part (`,`, or the IME's `，`), which must then group by threes:
/// `3,000` and `1,234,567.50` read, `30,00` and `3,0000` do not (a misplaced comma may be a
/// misplaced decimal point; guessing would change the amount). Only money fields read this
/// way: a credit or a score with a comma stays a mistake.
///
/// # Errors
/// As [`parse`].
pub fn parse_money(input: &str) -> Result<Decimal, ParseError> {
    let folded = fold_width(input);
    let text = folded.trim();
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let text = text.strip_prefix(|c| matches!(c, '$' | '¥' | '￥' | '€' | '£')).map_or(text, str::trim_start);
    let (int, frac) = text.split_at(text.find('.').unwrap_or(text.len()));
    let mut plain = String::with_capacity(text.len() + 1);
    plain.push_str(sign);
    if int.contains(',') {
        // Counted from the integer's end, a comma stands at every fourth place and only
        // there: "1,234,567" has them at 4 and 8; the first group then has 1–3 digits.
        for (i, c) in int.char_indices() {
            let at = int.len() - i;
            match (c, at % 4 == 0) {
                (',', true) if i > 0 => {}
                (',', _) | (_, true) => return Err(ParseError::Invalid),
                _ => plain.push(c),
            }
        }
    } else {
        plain.push_str(int);
    }
    plain.push_str(frac);
    parse(&plain)
}

/// A JS number's text as `f64`'s `Display` writes it (the shortest digits that round-trip,
/// in plain notation: `0.1`, `100`, `0.00000015`), built from serde_json's float text
/// (`1.5e-7`), which the wasm links anyway: core's own float formatting is 14 KB of wasm.
#[must_use]
pub fn f64_text(v: f64) -> String {
    match serde_json::Number::from_f64(v) {
        Some(n) => plain(&n.to_string()),
        None if v.is_nan() => "NaN".into(),
        None if v > 0.0 => "inf".into(),
        None => "-inf".into(),
    }
}

/// A number's text in plain notation: `1.5e-7` → `0.00000015`, `1e+21` →
/// `1000000000000000000000`, `100` → `100`, `2.50` → `2.5`.
#[must_use]
pub fn plain(text: &str) -> String {
    let (sign, text) = text.strip_prefix('-').map_or(("", text), |t| ("-", t));
    let (mantissa, exp) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let exp: i64 = exp.trim_start_matches('+').parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = [int, frac].concat();
    let point = i64::try_from(int.len()).unwrap_or(0).saturating_add(exp);
    let len = i64::try_from(digits.len()).unwrap_or(0);
    let zeros = |n: i64| "0".repeat(usize::try_from(n).unwrap_or(0));
    let plain = if point <= 0 {
        format!("0.{}{digits}", zeros(-point))
    } else if point >= len {
        format!("{digits}{}", zeros(point - len))
    } else {
        // ASCII digits: every index is a char boundary (checked, to link no panic).
        let (a, b) = digits.split_at_checked(usize::try_from(point).unwrap_or(0)).unwrap_or((&digits, ""));
        format!("{a}.{b}")
    };
    let plain = if plain.contains('.') { plain.trim_end_matches('0').trim_end_matches('.') } else { plain.as_str() };
    let plain = plain.trim_start_matches('0');
    let plain = if plain.is_empty() || plain.starts_with('.') { format!("0{plain}") } else { plain.to_owned() };
    format!("{sign}{plain}")
}

// rust_decimal's checked_add / checked_mul round silently when the exact result needs more
// than 96 bits of mantissa: 7922816251426433759354395033 + 0.01 gives …033.0, and credits of
// 2.7922816251426433759354395034 × 4.0 lose the last place, which made a lone A+ weigh
// 4.0000000000000000000000000001 (found by fuzzing the batch). A result with fewer decimal
// places than the exact one is such a rounding; it is reported as `overflow` (too large to
// compute exactly) instead of passed on. Trailing zeros (4.0) are retried normalized.

/// `a + b`, or an `overflow` error at `field` past the decimal range. For sums of values that
/// are already quotients (H/18 …), where the last of 28 places is rounded anyway.
///
/// # Errors
/// `overflow` at `field`.
pub fn add(a: Decimal, b: Decimal, field: &str) -> crate::Result<Decimal> {
    a.checked_add(b).ok_or_else(|| overflow(field))
}

/// `a + b` exactly, or an `overflow` error at `field` (past the range, or not exact). For sums
/// of inputs and their products with table values, which must never round.
///
/// # Errors
/// `overflow` at `field`.
pub fn add_exact(a: Decimal, b: Decimal, field: &str) -> crate::Result<Decimal> {
    let exact = |x: Decimal, y: Decimal| {
        // A zero operand gives the other one back as it is: always exact.
        x.checked_add(y).filter(|s| x.is_zero() || y.is_zero() || s.scale() == x.scale().max(y.scale()))
    };
    exact(a, b).or_else(|| exact(a.normalize(), b.normalize())).ok_or_else(|| overflow(field))
}

/// `a × b` exactly, or an `overflow` error at `field` (past the range, or not exact).
///
/// # Errors
/// `overflow` at `field`.
pub fn mul_exact(a: Decimal, b: Decimal, field: &str) -> crate::Result<Decimal> {
    let exact = |x: Decimal, y: Decimal| x.checked_mul(y).filter(|p| x.is_zero() || y.is_zero() || p.scale() == x.scale() + y.scale());
    exact(a, b).or_else(|| exact(a.normalize(), b.normalize())).ok_or_else(|| overflow(field))
}

/// `a ÷ b`, or an `overflow` error at `field` (also for `b` = 0, which callers rule out first).
///
/// # Errors
/// `overflow` at `field`.
pub fn div(a: Decimal, b: Decimal, field: &str) -> crate::Result<Decimal> {
    a.checked_div(b).ok_or_else(|| overflow(field))
}

/// The error for arithmetic that leaves the decimal range.
#[must_use]
pub fn overflow(field: &str) -> crate::Error {
    crate::Error::new(crate::ErrorKind::Overflow, field)
}

/// Rounds half-up (away from zero on a tie: 2.345 → 2.35, 0.125 → 0.13) to `dp` places.
#[must_use]
pub fn round_half_up(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds half-up to two places and always shows two (86 → "86.00", 2.945 → "2.95").
#[must_use]
pub fn fixed2(value: Decimal) -> String {
    let mut r = round_half_up(value, 2);
    r.rescale(2);
    let mut out = String::with_capacity(8);
    push_str(&mut out, r);
    out
}

/// The exact value without trailing zeros (2.9500 → "2.95", 86.0 → "86").
#[must_use]
pub fn exact(value: Decimal) -> String {
    let mut out = String::with_capacity(32);
    push_str(&mut out, value.normalize());
    out
}

/// Appends `value` as `value.to_string()` writes it (same text: every digit of the scale,
/// `0.05`, `0` for zero, a sign for negatives), without rust_decimal's digit-by-digit
/// 96-bit division: the mantissa is cut into 19-digit pieces with one 128-bit division each.
pub fn push_str(out: &mut String, value: Decimal) {
    if value.is_sign_negative() {
        // Rare here (results are sums of non-negative values); the library's own text.
        out.push_str(&value.to_string());
        return;
    }
    const E19: u128 = 10_000_000_000_000_000_000;
    // 96-bit mantissa: at most 29 digits; the scale is at most 28.
    let mut digits = [b'0'; 40];
    let mut end = digits.len();
    let mut rest = value.mantissa().unsigned_abs();
    loop {
        let (piece, more) = if rest >= E19 { (rest % E19, rest / E19) } else { (rest, 0) };
        // Below 10^19: one u64, so the digits need no 128-bit division.
        let mut piece = u64::try_from(piece).unwrap_or_default();
        let full = more > 0;
        let mut written = 0;
        while (piece > 0 || (full && written < 19)) && end > 0 {
            end -= 1;
            if let Some(d) = digits.get_mut(end) {
                // piece % 10 < 10: the cast cannot truncate.
                *d = b'0' + (piece % 10) as u8;
            }
            piece /= 10;
            written += 1;
        }
        rest = more;
        if rest == 0 {
            break;
        }
    }
    let scale = value.scale() as usize;
    // Leading zeros up to one before the point (`0.05`); `digits` is pre-filled with '0'.
    let start = end.min(digits.len().saturating_sub(scale + 1));
    let text = digits.get(start..).unwrap_or_default();
    let point = text.len().saturating_sub(scale);
    let (whole, frac) = text.split_at(point.min(text.len()));
    // ASCII digits only, so both halves are valid UTF-8.
    out.push_str(std::str::from_utf8(whole).unwrap_or_default());
    if scale > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(frac).unwrap_or_default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap_or_default()
    }

    #[test]
    fn money_reads_signs_and_thousands_grouped_by_three() {
        for (input, want) in [
            ("3000", "3000"),
            ("3,000", "3000"),
            ("＄3000", "3000"),
            ("$3,000.50", "3000.50"),
            ("¥3000", "3000"),
            ("￥ 3,000", "3000"),
            ("€12.5", "12.5"),
            ("£0.99", "0.99"),
            ("３０００", "3000"),
            ("３，０００．５", "3000.5"),
            ("1,234,567.891", "1234567.891"),
            (" 12,345 ", "12345"),
            ("-$1,000", "-1000"),
            ("+2,000", "2000"),
        ] {
            assert_eq!(parse_money(input), Ok(d(want)), "{input:?}");
        }
        for input in ["30,00", "3,0000", ",300", "3,", "1,23,456", "3,000,00", "$", "$$3", "3000$", "USD 3000", "3 000", "1e3", "", "3,000.1,5", "¥-"] {
            assert_eq!(parse_money(input), Err(ParseError::Invalid), "{input:?}");
        }
        // Not money: a credit or a score keeps the strict reading.
        assert_eq!(parse("3,000"), Err(ParseError::Invalid));
        assert_eq!(parse("$3"), Err(ParseError::Invalid));
    }

    #[test]
    fn f64_text_is_the_shortest_plain_text_that_round_trips() {
        for (v, want) in [
            (0.1, "0.1"),
            (100.0, "100"),
            (1e21, "1000000000000000000000"),
            (1.5e-7, "0.00000015"),
            (123_456_789.125, "123456789.125"),
            (-0.0, "-0"),
            (0.0, "0"),
            (-88.5, "-88.5"),
            (1.234_567_890_123_456_7e19, "12345678901234567000"),
            // An exact tie between two 17-digit candidates (…562.25): the even digit, as JS's
            // Number#toString writes it (ECMA-262 Number::toString), where core's Display
            // writes …562.3.
            (1_658_206_780_088_562.2, "1658206780088562.2"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
        ] {
            assert_eq!(f64_text(v), want);
        }
        // A spread of bit patterns over every exponent range (xorshift): the text reads back
        // as the same number, in plain notation, with as few digits as Display's.
        let digits = |t: &str| t.trim_start_matches('-').replace('.', "").trim_start_matches('0').trim_end_matches('0').len();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if !v.is_finite() {
                continue;
            }
            let text = f64_text(v);
            assert_eq!(text.parse::<f64>().ok(), Some(v), "{text}");
            assert!(!text.contains('e'), "{text}");
            assert_eq!(digits(&text), digits(&format!("{v}")), "{text} vs {v}");
        }
    }

    #[test]
    fn parses_what_people_type() {
        for (input, want) in [
            ("3.7", "3.7"),
            (" 88 ", "88"),
            ("３．５", "3.5"),
            ("+2", "2"),
            ("-0.5", "-0.5"),
            ("−1", "-1"), // Unicode minus
            (".5", "0.5"),
            ("7.", "7"),
        ] {
            assert_eq!(parse(input), Ok(d(want)), "input {input:?}");
        }
    }

    #[test]
    fn reads_digits_as_from_str_does() {
        // Long fractions, values at the edge of 96 bits, carries and signs: the same Decimal
        // (mantissa, scale, sign) as rust_decimal's own reader.
        let mut cases: Vec<String> = [
            "0", "-0", "-0.00", "3.50", "007.5", ".5", "5.", "0.00000000000000000000000000015", "0.00000000000000000000000000025",
            "0.000000000000000000000000000149", "0.99999999999999999999999999995", "9.99999999999999999999999999999",
            "79228162514264337593543950335", "79228162514264337593543950335.4", "79228162514264337593543950334.5",
            "7922816251426433759354395033.45", "7922816251426433759354395033.55", "1.0000000000000000000000000000000000000000005",
            "123456789012345678901234567890.12", "99999999999999999999999999999", "99999999999999999999999999999.5",
            "0.0000000000000000000000000000000000000000000000001", "-79228162514264337593543950335",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let int = (x % 31) as usize;
            let frac = ((x >> 8) % 33) as usize;
            let digit = |i: usize| char::from(b'0' + ((x >> (i % 60)) as u8 ^ i as u8) % 10);
            let mut s: String = (0..int).map(digit).collect();
            if frac > 0 || int == 0 {
                s.push('.');
                s.extend((0..frac.max(1)).map(|i| digit(i + 7)));
            }
            cases.push(s);
        }
        for s in cases {
            let want = Decimal::from_str(&s).map(|d| (d.mantissa(), d.scale(), d.is_sign_negative())).map_err(|_| ParseError::Overflow);
            let got = parse(&s).map(|d| (d.mantissa(), d.scale(), d.is_sign_negative()));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for input in ["", " ", "abc", "1e3", "1,200", "1.2.3", "--1", ".", "NaN", "Infinity", "0x10"] {
            assert_eq!(parse(input), Err(ParseError::Invalid), "input {input:?}");
        }
        assert_eq!(parse("99999999999999999999999999999999"), Err(ParseError::Overflow));
    }

    #[test]
    fn push_str_writes_what_to_string_writes() {
        let mut values = vec![
            Decimal::ZERO,
            d("0.00"),
            d("0.05"),
            d("5"),
            d("86.00"),
            d("2.9533333333333333333333333333"),
            d("0.0000000000000000000000000001"),
            d("79228162514264337593543950335"),
            d("7922816251426433759354395033.5"),
            d("10000000000000000000"),
            d("1000000000000000000.0"),
            d("-2.5"),
            d("-0"),
            Decimal::MAX,
            Decimal::MIN,
        ];
        for scale in 0..=28 {
            for m in [0i128, 1, 9, 10, 123, 10_000_000_000_000_000_000, 9_999_999_999_999_999_999, 99_999_999_999_999_999_999_999_999_999] {
                if let Ok(v) = Decimal::try_from_i128_with_scale(m, scale) {
                    values.push(v);
                }
            }
        }
        for v in values {
            let mut s = String::new();
            push_str(&mut s, v);
            assert_eq!(s, v.to_string(), "{v:?}");
        }
        assert_eq!(fixed2(d("2.945")), "2.95");
        assert_eq!(exact(d("0.0500")), "0.05");
    }

    #[test]
    fn rounds_half_up_and_shows_two_places() {
        assert_eq!(fixed2(d("86")), "86.00");
        assert_eq!(fixed2(d("2.945")), "2.95");
        assert_eq!(fixed2(d("2.9449")), "2.94");
        assert_eq!(fixed2(d("0.125")), "0.13");
        assert_eq!(exact(d("2.9500")), "2.95");
    }

    #[test]
    fn sums_and_products_are_exact_or_overflow() {
        // 3 × 3.7 = 11.1; 2.50 × 4.0 = 10.000; 0 × 3.7 = 0; 0.00 + 1.5 = 1.5
        assert_eq!(mul_exact(d("3"), d("3.7"), "f"), Ok(d("11.1")));
        assert_eq!(mul_exact(d("2.50"), d("4.0"), "f"), Ok(d("10.000")));
        assert_eq!(mul_exact(d("0"), d("3.7"), "f"), Ok(Decimal::ZERO));
        assert_eq!(add_exact(d("0.00"), d("1.5"), "f"), Ok(d("1.5")));
        // 28 places × 4.0: 29 places needed, 4.0 normalizes to 4, but the mantissa
        // 11169126500570573503741758013.6 × 10^-27 still needs 97 bits: not exact.
        assert_eq!(mul_exact(d("2.7922816251426433759354395034"), d("4.0"), "f").map_err(|e| e.code()), Err("overflow"));
        // 1.0000000000000000000000000000 × 4.0 is 4 exactly once normalized.
        assert_eq!(mul_exact(d("1.0000000000000000000000000000"), d("4.0"), "f"), Ok(d("4")));
        assert_eq!(add_exact(d("7922816251426433759354395033"), d("0.01"), "f").map_err(|e| e.code()), Err("overflow"));
        assert_eq!(add_exact(d("1.0000000000000000000000000000"), d("100000000000"), "f"), Ok(d("100000000001")));
    }
}
