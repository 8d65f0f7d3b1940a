//! Any text as a policy: a whole document, or overrides on a preset. Loading either succeeds
//! or lists problems; it never panics. A loaded policy's grade table keeps points in 0–5.
#![no_main]

use exchange_calc::{api, policy, Locale};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(doc) = serde_json::from_str::<Value>(text) else { return };
    for candidate in [doc.clone(), overrides(&doc)] {
        match policy::resolve(&candidate, "policy", Locale::En) {
            Ok(p) => {
                for row in p.grades.iter().flat_map(|g| g.letters.iter()) {
                    assert!(row.grade_point >= 0.into() && row.grade_point <= 5.into(), "{row:?}");
                }
            }
            Err(e) => assert!(!e.code().is_empty()),
        }
        if let Err(f) = api::describe_policy(json!({ "policy": candidate, "locale": "en" })) {
            assert!(!f.code().is_empty() && !f.message().is_empty());
        }
        if let Err(f) = api::convert_grade(json!({ "policy": candidate, "grade": "B+" })) {
            assert!(!f.code().is_empty());
        }
    }
});

/// The document as overrides of the xinyu preset.
fn overrides(doc: &Value) -> Value {
    match doc {
        Value::Object(map) => {
            let mut m = map.clone();
            m.insert("extends".into(), "xinyu-2022".into());
            Value::Object(m)
        }
        other => json!({ "extends": "xinyu-2022", "grades": other }),
    }
}
