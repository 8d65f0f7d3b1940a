//! Any text as a typed grade. A letter converts into the table's range (0–4 points, 0–100 %),
//! a percentage passes through within 0–100, anything else is a coded error.
#![no_main]

use exchange_calc::decimal::Decimal;
use exchange_calc::grade::{self, CourseInput};
use exchange_calc::{api, policy, Locale};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(p) = policy::resolve(&json!("xinyu-2022"), "policy", Locale::En) else { return };
    match grade::convert(&p, &text, "grade") {
        Ok(c) => {
            assert!(c.grade_point.is_none_or(|g| g >= Decimal::ZERO && g <= Decimal::from(4)), "{c:?}");
            assert!(c.percentage.is_none_or(|g| g >= Decimal::ZERO && g <= Decimal::ONE_HUNDRED), "{c:?}");
        }
        Err(e) => assert!(!e.code().is_empty() && !e.message(Locale::ZhCn).is_empty()),
    }
    let course = CourseInput { name: text.to_string(), credits: Decimal::ONE, grade: text.to_string() };
    let _ = grade::compute_gpa(&p, &[course], Locale::En);
    if let Err(f) = api::convert_grade(json!({ "policy": "xinyu-2022", "grade": text })) {
        assert!(!f.code().is_empty());
    }
});
