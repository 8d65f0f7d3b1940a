//! The batch result as JSON text, written by hand into one pre-sized string: 50,000 students
//! × 10 fields without serde's per-field machinery or a `to_string` per decimal. Only this
//! crate is built for speed, so the serializer it would instantiate here would be a second,
//! larger copy of the core's; the errors and the policy reference are written by hand too.
//!
//! The shape is not defined here: it is the derived `Serialize` of the `exchange-calc`
//! crate's `api::BatchOutput` (this crate's result types, plus `policy`). `tests/batch.rs`
//! checks, on generated cohorts, that this text is what serde_json writes for it, byte for
//! byte once non-ASCII is escaped alike.

use crate::{BatchResult, RowError};
use exchange_calc_core::decimal;
use exchange_calc_core::policy::PolicyRef;

/// `{"students":[…],"errors":[…],"errorCount":n,"rows":n,"policy":{"id":…,"hash":…}}`:
/// the JSON of the `exchange-calc` crate's `api::BatchOutput` as serde_json writes it, but
/// ASCII only ([`json_str`]).
#[must_use]
pub fn write(r: &BatchResult, policy: &PolicyRef) -> String {
    let mut s = String::with_capacity(r.students.len().saturating_mul(280).saturating_add(256));
    s.push_str("{\"students\":[");
    for (i, st) in r.students.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str("{\"studentId\":");
        json_str(&mut s, &st.student_id);
        for (key, value) in [
            (",\"gpa\":", &st.gpa),
            (",\"gpaExact\":", &st.gpa_exact),
            (",\"averagePercentage\":", &st.average_percentage),
            (",\"averagePercentageExact\":", &st.average_percentage_exact),
        ] {
            s.push_str(key);
            match value {
                Some(v) => json_str(&mut s, v),
                None => s.push_str("null"),
            }
        }
        for (key, value) in [(",\"credits\":\"", st.credits), (",\"gpaCredits\":\"", st.gpa_credits), (",\"earnedCredits\":\"", st.earned_credits)] {
            s.push_str(key);
            // Digits, a point and a sign: nothing to escape.
            decimal::push_str(&mut s, value);
            s.push('"');
        }
        s.push_str(",\"courses\":");
        push_usize(&mut s, st.courses);
        s.push_str(",\"failedCourses\":");
        push_usize(&mut s, st.failed_courses);
        s.push('}');
    }
    s.push_str("],\"errors\":[");
    for (i, e) in r.errors.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        row_error(&mut s, e);
    }
    s.push_str("],\"errorCount\":");
    push_usize(&mut s, r.error_count);
    s.push_str(",\"rows\":");
    push_usize(&mut s, r.rows);
    s.push_str(",\"policy\":{\"id\":");
    json_str(&mut s, &policy.id);
    s.push_str(",\"hash\":");
    json_str(&mut s, &policy.hash);
    s.push_str("}}");
    s
}

/// `{"line":n,"code":…,"message":…,"reason":…}`, and `"field":…` when there is one.
#[cold]
fn row_error(s: &mut String, e: &RowError) {
    s.push_str("{\"line\":");
    push_usize(s, e.line);
    s.push_str(",\"code\":");
    json_str(s, e.code);
    s.push_str(",\"message\":");
    json_str(s, &e.message);
    s.push_str(",\"reason\":");
    json_str(s, &e.reason);
    if let Some(field) = e.field {
        s.push_str(",\"field\":");
        json_str(s, field);
    }
    s.push('}');
}

/// Decimal digits of `n`, without `fmt` (whose machinery is not needed for a `usize`).
fn push_usize(s: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    for &d in digits.get(at..).unwrap_or_default() {
        s.push(char::from(d));
    }
}

/// A JSON string, ASCII only: `"` and `\\` escaped, `\b \f \n \r \t` short, other control
/// characters and everything past ASCII as `\uxxxx` (UTF-16 units, so a pair for U+10000 and
/// up). One non-ASCII character anywhere (a Chinese error message, an id) made the whole
/// 13 MB text a two-byte string in JS: decoding it took 17.2 ms instead of 7.1 in Node and
/// `JSON.parse` 60.0 instead of 54.7 (medians of 7, the bench's result).
fn json_str(s: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let unit = |s: &mut String, u: u16| {
        s.push_str("\\u");
        for shift in [12, 8, 4, 0] {
            s.push(char::from(HEX.get(usize::from((u >> shift) & 0xf)).copied().unwrap_or(b'0')));
        }
    };
    s.push('"');
    let mut from = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f | 0x80..=0xff => "",
            _ => {
                i += 1;
                continue;
            }
        };
        // `i` is at an ASCII byte or the first byte of a character, so both cuts are on char
        // boundaries.
        s.push_str(text.get(from..i).unwrap_or_default());
        if !short.is_empty() {
            s.push_str(short);
            i += 1;
        } else if b < 0x80 {
            unit(s, u16::from(b));
            i += 1;
        } else {
            let c = text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
            for u in c.encode_utf16(&mut [0u16; 2]) {
                unit(s, *u);
            }
            i += c.len_utf8();
        }
        from = i;
    }
    s.push_str(text.get(from..).unwrap_or_default());
    s.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_usize_writes_every_digit() {
        for n in [0, 7, 10, 99, 100, 1_000_000, 4_294_967_295, usize::MAX] {
            let mut s = String::new();
            push_usize(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
