//! deadlines and deadlinesIcs through the exported wasm functions.

use super::support::{get, js, s, thrown};
use exchange_calc::wasm as api;
use wasm_bindgen_test::wasm_bindgen_test;

fn dues(list: &wasm_bindgen::JsValue) -> Vec<(String, String, String)> {
    js_sys::Array::from(list).iter().map(|d| (s(&d, "code"), s(&d, "due"), s(&d, "clause"))).collect()
}

fn t(code: &str, due: &str, clause: &str) -> (String, String, String) {
    (code.to_owned(), due.to_owned(), clause.to_owned())
}

#[wasm_bindgen_test]
fn xinyu_deadlines_with_month_end_clamping() {
    // Aug 28 + 7 = Sep 4; Nov 30 + 15 = Dec 15; + 1 month = Dec 30; + 3 months = Feb 28 2027.
    let list = api::deadlines(js(r#"{"policy":"xinyu-2022","arrival":"2026-08-28","end":"2026-11-30","locale":"en"}"#)).unwrap_or_default();
    assert_eq!(
        dues(&list),
        vec![
            t("contact_address", "2026-09-04", "XYU-13.2"),
            t("report_to_college", "2026-12-15", "XYU-13.5"),
            t("written_summary", "2026-12-30", "XYU-13.5"),
            t("transcript", "2027-02-28", "XYU-12.9"),
        ]
    );
    let transcript = js_sys::Array::from(&list).get(3);
    assert!(s(&transcript, "consequence").contains("retaken"));
    assert!(get(&js_sys::Array::from(&list).get(0), "consequence").is_null());
    // 2027-11-30 + 3 months → 2028-02-29 (leap year).
    let list = api::deadlines(js(r#"{"policy":"xinyu-2022","end":"2027-11-30"}"#)).unwrap_or_default();
    assert!(dues(&list).contains(&t("transcript", "2028-02-29", "XYU-12.9")));
}

#[wasm_bindgen_test]
fn gdut_annual_calendar_and_an_ics_download() {
    let list = api::deadlines(js(r#"{"policy":"gdut-lixing-2026","year":2027}"#)).unwrap_or_default();
    assert_eq!(
        dues(&list),
        vec![t("selection_rules", "2027-03-31", "LX-4.2.2"), t("final_list", "2027-04-15", "LX-4.2.3"), t("next_year_notice", "2027-05-31", "LX-4.1")]
    );
    let ics = api::deadlines_ics(js(r#"{"policy":"gdut-lixing-2026","year":2027}"#)).unwrap_or_default().as_string().unwrap_or_default();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20270331\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20270415\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20270531\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
}

#[wasm_bindgen_test]
fn date_errors_carry_code_and_field_and_the_module_keeps_working() {
    let (code, field, message, is_error) = thrown(api::deadlines(js(r#"{"policy":"xinyu-2022","arrival":"2026-02-30","locale":"en"}"#)));
    assert!(is_error);
    assert_eq!((code.as_str(), field.as_str()), ("invalid_date", "arrival"));
    assert!(message.contains("YYYY-MM-DD"));
    let (code, field, _, _) = thrown(api::deadlines(js(r#"{"policy":"xinyu-2022","arrival":"2026-09-01","end":"2026-08-01"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("date_order", "end"));
    let (code, field, _, _) = thrown(api::deadlines_ics(js(r#"{"policy":"gdut-lixing-2026"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("missing_field", "year"));
    // Still answers: Jan 31 + 1 month → Feb 28.
    let list = api::deadlines(js(r#"{"policy":"xinyu-2022","end":"2026-01-31"}"#)).unwrap_or_default();
    assert!(dues(&list).contains(&t("written_summary", "2026-02-28", "XYU-13.5")));
}

#[wasm_bindgen_test]
fn checklist_by_phase_with_dated_steps_also_in_the_ics() {
    // XYU-10.6: departure 2026-08-25 + 14 days = 2026-09-08; XYU-13.4 has no date.
    let input = r#"{"policy":"xinyu-2022","departure":"2026-08-25","locale":"en"}"#;
    let r = api::checklist(js(input)).unwrap_or_default();
    let phases = js_sys::Array::from(&get(&r, "phases"));
    let names: Vec<String> = phases.iter().map(|p| s(&p, "phase")).collect();
    assert_eq!(names, ["beforeDeparture", "abroad", "afterReturn"]);
    assert_eq!(s(&phases.get(1), "title"), "While abroad");
    let abroad = js_sys::Array::from(&get(&phases.get(1), "steps"));
    let filed = abroad.iter().find(|st| s(st, "code") == "exchange_list_filed").unwrap_or_default();
    assert_eq!((s(&filed, "due"), s(&filed, "clause"), s(&filed, "timing")), ("2026-09-08".into(), "XYU-10.6".into(), "within 14 days of departure".into()));
    let early = abroad.iter().find(|st| s(st, "code") == "early_return_approval").unwrap_or_default();
    assert!(get(&early, "due").is_null());
    assert_eq!(s(&early, "clause"), "XYU-13.4");
    assert_eq!(s(&r, "policy.id"), "xinyu-2022");
    let ics = api::deadlines_ics(js(input)).unwrap_or_default().as_string().unwrap_or_default();
    assert!(ics.contains("DTSTART;VALUE=DATE:20260908\r\n"));
    // Arrival before departure is a coded error at arrival.
    let (code, field, _, _) = thrown(api::checklist(js(r#"{"policy":"xinyu-2022","departure":"2026-08-25","arrival":"2026-08-24"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("date_order", "arrival"));
}
