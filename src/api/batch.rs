//! `batchGpa({ policy, csv, locale? })`: a cohort's CSV → one GPA per student.

use super::{check_locale, load_policy, locale_of, parse, ApiResult, Failure};
use crate::batch::{self, BatchResult};
use crate::decimal;
use crate::error::{Error, ErrorKind};
use crate::locale::Locale;
use crate::policy::PolicyRef;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The request. Public so the wasm binding can read it straight from a JS object, without a
/// `serde_json::Value` copy of a many-megabyte CSV.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// A preset id, a policy document or `{ extends, ... }`.
    pub policy: Value,
    /// The CSV text: header `studentId,course,credits,grade` (any order, any case).
    pub csv: String,
    /// `zh-CN` (default) or `en`.
    #[serde(default)]
    pub locale: Option<String>,
}

/// The result: [`BatchResult`] plus `policy: { id, hash }`, the same shape `with_policy`
/// gives, serialized directly (50,000 students are too many for a `Value` detour).
#[derive(Debug, Serialize)]
pub struct BatchOutput {
    /// Students, errors, counts.
    #[serde(flatten)]
    pub result: BatchResult,
    /// The rules that produced it.
    pub policy: PolicyRef,
}

/// The typed entry behind [`batch_gpa`].
///
/// # Errors
/// Policy and locale errors; the whole-file errors of [`batch::batch_gpa`].
pub fn batch_gpa_request(req: &BatchRequest, locale: Locale) -> Result<BatchOutput, Error> {
    check_locale(req.locale.as_deref())?;
    let p = load_policy(&req.policy, locale)?;
    let result = batch::batch_gpa(&p, &req.csv, locale)?;
    Ok(BatchOutput { result, policy: p.reference() })
}

/// `batchGpa({ policy, csv, locale? })` →
/// `{ students: [{ studentId, gpa, gpaExact, averagePercentage, averagePercentageExact, credits,
/// gpaCredits, earnedCredits, courses, failedCourses }], errors: [{ line, code, message, field? }],
/// errorCount, rows, policy }`.
///
/// # Errors
/// Only when the file cannot be read at all (no header, a missing column) or the request is
/// malformed; bad rows are listed in `errors`.
pub fn batch_gpa(input: Value) -> ApiResult {
    super::value(batch_gpa_text(input))
}

/// [`batch_gpa`] with the result as JSON text ([`BatchOutput::to_json`]): the wasm binding
/// hands it to `JSON.parse` (no `Value` tree for 50,000 students).
///
/// # Errors
/// As [`batch_gpa`].
pub fn batch_gpa_text(input: Value) -> Result<String, Failure> {
    let locale = locale_of(&input);
    let go = |input: Value| -> Result<String, Error> {
        let req: BatchRequest = parse(input)?;
        batch_gpa_request(&req, locale)?.to_json()
    };
    go(input).map_err(|error| Failure { error, locale })
}

/// The request's keys other than `csv`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchOptions {
    policy: Value,
    #[serde(default)]
    locale: Option<String>,
}

impl BatchRequest {
    /// [`batch_gpa_text`] for a request whose `csv` string was taken out of it (`rest` is
    /// every other key): the wasm binding passes the many-megabyte text straight in, where
    /// reading it back out of a `Value` would copy it once more. Same checks, same result.
    ///
    /// # Errors
    /// As [`batch_gpa`].
    pub fn text_with_csv(rest: Value, csv: String) -> Result<String, Failure> {
        let locale = locale_of(&rest);
        let go = |rest: Value| -> Result<String, Error> {
            let o: BatchOptions = parse(rest)?;
            let req = BatchRequest { policy: o.policy, csv, locale: o.locale };
            batch_gpa_request(&req, locale)?.to_json()
        };
        go(rest).map_err(|error| Failure { error, locale })
    }
}

impl BatchOutput {
    /// The JSON text `serde_json::to_string` gives for this output, written by hand into one
    /// pre-sized string: the students (the bulk: 50,000 × 10 fields) without serde's
    /// per-field machinery or a `to_string` per decimal. Errors and `policy` go through serde.
    ///
    /// # Errors
    /// `invalid_type` if serde cannot serialize the error list or the policy reference
    /// (it always can).
    pub fn to_json(&self) -> Result<String, Error> {
        let r = &self.result;
        let ser = |e: serde_json::Error| Error::new(ErrorKind::InvalidType { detail: e.to_string() }, "");
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
        s.push_str("],\"errors\":");
        s.push_str(&serde_json::to_string(&r.errors).map_err(ser)?);
        s.push_str(",\"errorCount\":");
        push_usize(&mut s, r.error_count);
        s.push_str(",\"rows\":");
        push_usize(&mut s, r.rows);
        s.push_str(",\"policy\":");
        s.push_str(&serde_json::to_string(&self.policy).map_err(ser)?);
        s.push('}');
        Ok(s)
    }
}

fn push_usize(s: &mut String, n: usize) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = write!(s, "{n}");
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, `\b \f \n \r \t` short,
/// other control characters as `\u00xx`, everything else as it is.
fn json_str(s: &mut String, text: &str) {
    s.push('"');
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both cuts are on char boundaries.
        s.push_str(text.get(from..i).unwrap_or_default());
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            s.push_str("\\u00");
            for nibble in [b >> 4, b & 0xf] {
                s.push(char::from(HEX.get(usize::from(nibble)).copied().unwrap_or(b'0')));
            }
        } else {
            s.push_str(short);
        }
        from = i + 1;
    }
    s.push_str(text.get(from..).unwrap_or_default());
    s.push('"');
}

