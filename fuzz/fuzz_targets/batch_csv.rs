//! Any bytes as a cohort CSV (with and without the header prepended). Never panics; every row
//! is either counted or reported on a line that exists; every GPA is within 0–4 (the
//! XYU-12.7(2) table's range) and every average within 0–100; the result's hand-written JSON
//! is ASCII and reads back as what serde_json writes.
#![no_main]

use exchange_calc::decimal::Decimal;
use exchange_calc::{api, batch, policy, Locale};
use libfuzzer_sys::fuzz_target;
use serde_json::json;
use std::str::FromStr;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(p) = policy::resolve(&json!("xinyu-2022"), "policy", Locale::En) else { return };
    for csv in [text.to_string(), format!("studentId,course,credits,grade\n{text}")] {
        match batch::batch_gpa(&p, &csv, Locale::ZhCn) {
            Ok(r) => {
                let lines = csv.split(['\n', '\r']).count().max(1);
                assert!(r.errors.iter().all(|e| e.line >= 1 && e.line <= lines && !e.code.is_empty()));
                assert!(r.error_count <= r.rows.max(1));
                let in_range = |v: &Option<String>, max: u32| {
                    v.as_deref().is_none_or(|s| Decimal::from_str(s).is_ok_and(|d| d >= Decimal::ZERO && d <= Decimal::from(max)))
                };
                for s in &r.students {
                    assert!(in_range(&s.gpa_exact, 4) && in_range(&s.gpa, 4), "{s:?}");
                    assert!(in_range(&s.average_percentage_exact, 100) && in_range(&s.average_percentage, 100), "{s:?}");
                    assert!(s.courses >= 1 && !s.student_id.is_empty());
                }
                let out = api::BatchOutput { result: r, policy: p.reference() };
                let text = out.to_json();
                assert!(text.is_ascii());
                let read: Result<serde_json::Value, _> = serde_json::from_str(&text);
                assert_eq!(read.ok(), serde_json::to_value(&out).ok(), "{text}");
            }
            Err(e) => assert!(!e.code().is_empty()),
        }
    }
});
