//! The one binding layer: each export converts its `JsValue` argument to JSON, calls the
//! core's JSON-level API (`crate::api`) and converts the result back. No business logic here.
//! Errors become a JS `Error` with `code`, `field` (and `problems` for an invalid policy),
//! built in one place ([`into_js_error`]).

use crate::api::{self, ApiResult, Failure};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

// TypeScript declarations, written once per area; the exports below name these types.
#[wasm_bindgen(typescript_custom_section)]
const TS_COMMON: &str = include_str!("ts/common.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_GRADES: &str = include_str!("ts/grades.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_BATCH: &str = include_str!("ts/batch.d.ts");

fn into_js_error(f: &Failure) -> JsValue {
    let err = js_sys::Error::new(&f.message());
    // Reflect::set only fails on frozen or non-objects; a fresh Error is neither.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &f.code().into());
    let _ = js_sys::Reflect::set(&err, &"field".into(), &f.field().into());
    if !f.problems().is_empty() {
        if let Ok(p) = to_js(&f.problems()) {
            let _ = js_sys::Reflect::set(&err, &"problems".into(), &p);
        }
    }
    err.into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    // json_compatible: maps become plain objects and `None` becomes `null`.
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}

fn fail_type(detail: String) -> JsValue {
    into_js_error(&Failure {
        error: crate::Error::new(crate::ErrorKind::InvalidType { detail }, ""),
        locale: crate::Locale::default(),
    })
}

/// JS object → JSON → core → JSON → JS object.
fn call(input: JsValue, f: fn(Value) -> ApiResult) -> Result<JsValue, JsValue> {
    let value: Value = serde_wasm_bindgen::from_value(input).map_err(|e| fail_type(e.to_string()))?;
    let out = f(value).map_err(|e| into_js_error(&e))?;
    to_js(&out).map_err(|e| fail_type(e.to_string()))
}

/// The bundled presets.
#[wasm_bindgen(unchecked_return_type = "PolicySummary[]")]
pub fn policies() -> Result<JsValue, JsValue> {
    to_js(&api::policies()).map_err(|e| fail_type(e.to_string()))
}

/// The resolved policy: every parameter, the quoted clauses and the content hash.
#[wasm_bindgen(js_name = describePolicy, unchecked_return_type = "PolicyDocument")]
pub fn describe_policy(#[wasm_bindgen(unchecked_param_type = "{ policy: PolicyInput; locale?: Locale }")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, api::describe_policy)
}

/// One grade → grade point and percentage (XYU-12.7).
#[wasm_bindgen(js_name = convertGrade, unchecked_return_type = "GradeConversion")]
pub fn convert_grade(#[wasm_bindgen(unchecked_param_type = "ConvertGradeInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, api::convert_grade)
}

/// Credit-weighted GPA and average percentage.
#[wasm_bindgen(js_name = computeGpa, unchecked_return_type = "GpaResult")]
pub fn compute_gpa(#[wasm_bindgen(unchecked_param_type = "ComputeGpaInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, api::compute_gpa)
}

/// Home percentage scores under every common Chinese GPA algorithm (not from a regulation).
#[wasm_bindgen(js_name = homeGpa, unchecked_return_type = "HomeGpaResult")]
pub fn home_gpa(#[wasm_bindgen(unchecked_param_type = "HomeGpaInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, api::home_gpa)
}

/// A cohort's CSV → one GPA per student; bad rows are listed by line.
///
/// Fast path: the request is read straight into its struct (the CSV is copied out of JS
/// once, never through a JSON value) and the result is serialized from its struct. Input
/// that does not fit the struct takes the ordinary path, so its error is the usual one.
#[wasm_bindgen(js_name = batchGpa, unchecked_return_type = "BatchGpaResult")]
pub fn batch_gpa(#[wasm_bindgen(unchecked_param_type = "BatchGpaInput")] input: JsValue) -> Result<JsValue, JsValue> {
    match serde_wasm_bindgen::from_value::<api::BatchRequest>(input.clone()) {
        Ok(req) => {
            let locale = req.locale.as_deref().and_then(crate::Locale::parse).unwrap_or_default();
            let out = api::batch_gpa_request(&req, locale).map_err(|error| into_js_error(&Failure { error, locale }))?;
            // 50,000 students as JSON text and one JSON.parse beat half a million property
            // sets and string copies across the boundary.
            let text = serde_json::to_string(&out).map_err(|e| fail_type(e.to_string()))?;
            js_sys::JSON::parse(&text).map_err(|_| fail_type("result".to_owned()))
        }
        Err(_) => call(input, api::batch_gpa),
    }
}
