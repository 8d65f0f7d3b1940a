//! The one binding layer: each export converts its `JsValue` argument to JSON, answers it
//! through the core's one handler ([`api::call`]) and parses the result's JSON text into a
//! JS object. No business logic here; `convert` keeps `convertGrade`'s answers by request
//! text, for the call of every keystroke. Errors become a JS `Error` with `code`, `field`
//! (`problems` for an invalid policy, `section` for a part the policy lacks), built in one
//! place ([`into_js_error`]).
//!
//! Two entry points are built from this layer (`scripts/build`): the full module
//! (`exchange_calc.js`, feature `full`, every export) and the grades module
//! (`exchange_calc_grades.js`, without it: `policies`, `convertGrade` and `computeGpa` over
//! the presets' grade tables, so it carries no policy reader and no other area; not
//! `homeGpa`, whose algorithms would cost it 7 KB). The exports here are in both; `full`
//! adds the rest.

mod convert;
#[cfg(feature = "full")]
mod form;
#[cfg(feature = "full")]
mod full;
#[cfg(feature = "full")]
mod regexp;

#[cfg(feature = "full")]
pub use form::{attach_form, FormHandle};
#[cfg(feature = "full")]
pub use full::*;

use crate::api::{self, Export, Failure};
use crate::error::{Error, ErrorKind, Expected, Found};
use crate::locale::Locale;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Where `policy` comes from in this module: every policy ([`Browser`]), or the presets'
/// grade tables. Every policy read of the module goes through it.
#[cfg(feature = "full")]
type Src = Browser;
#[cfg(not(feature = "full"))]
type Src = api::GradesOnly;

/// [`api::Full`], with the browser's `RegExp` handed to the core for the policy's patterns
/// (the core has no web dependency) before any policy is read, so no export can forget it.
/// On every read, not in a start function, which does not run where the module is another's
/// dependency (the wasm tests); setting it a second time does nothing. A pattern is only
/// matched against a policy read before (`attachForm`'s listeners: at attaching). The grades
/// module reads no pattern.
#[cfg(feature = "full")]
struct Browser;

#[cfg(feature = "full")]
impl api::Source for Browser {
    fn resolve(value: &Value, locale: Locale) -> Result<std::borrow::Cow<'static, crate::policy::Policy>, Error> {
        crate::pattern::install(&regexp::RegExp);
        api::Full::resolve(value, locale)
    }
}

// TypeScript declarations, written once per area; the exports name these types.
#[wasm_bindgen(typescript_custom_section)]
const TS_COMMON: &str = include_str!("ts/common.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_GRADES: &str = include_str!("ts/grades.d.ts");
/// The grades module's `PolicyInput` (a preset id); the full module's is in `full.rs`.
#[cfg(not(feature = "full"))]
#[wasm_bindgen(typescript_custom_section)]
const TS_GRADES_POLICY: &str = include_str!("ts/grades-policy.d.ts");

fn into_js_error(f: &Failure) -> JsValue {
    let err = js_sys::Error::new(&f.message());
    // Reflect::set only fails on frozen or non-objects; a fresh Error is neither.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &f.code().into());
    let _ = js_sys::Reflect::set(&err, &"field".into(), &f.field().into());
    let _ = js_sys::Reflect::set(&err, &"reason".into(), &f.reason().into());
    if let ErrorKind::NotInPolicy { section, .. } = &*f.error.kind {
        let _ = js_sys::Reflect::set(&err, &"section".into(), &section.key().into());
        let clauses: js_sys::Array = section.clauses().iter().map(|c| JsValue::from_str(c)).collect();
        let _ = js_sys::Reflect::set(&err, &"clauses".into(), &clauses);
    }
    if !f.problems().is_empty() {
        if let Ok(p) = to_js_json(f.problems()) {
            let _ = js_sys::Reflect::set(&err, &"problems".into(), &p);
        }
    }
    err.into()
}

fn fail_type(found: Found) -> JsValue {
    into_js_error(&Failure {
        error: Error::new(ErrorKind::InvalidType { expected: Expected::Json, found }, ""),
        locale: Locale::default(),
    })
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.stringify`, its result as the JS value it is (a string, or `undefined` for
    /// `undefined`, a function or a symbol): `convert` keys its kept answers by it.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn stringify(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// JS value → JSON value, through the engine's own `JSON.stringify`. Converting property by
/// property recursed once per level of nesting and never returned on a cyclic object: 10,000
/// nested levels or a cycle overflowed the wasm stack ("memory access out of bounds") and left
/// the module unusable. `JSON.stringify` throws a catchable error on cycles and BigInt, and
/// serde_json stops at 128 levels with an error; it is also faster for small requests.
/// `undefined`, functions and symbols stringify to nothing and read as `null`.
fn from_js(input: &JsValue) -> Result<Value, JsValue> {
    let text = stringify(input).map_err(|e| fail_type(Found::Unrepresentable(js_sys::Error::from(e).message().into())))?;
    match text.as_string() {
        Some(text) => serde_json::from_str(&text).map_err(|_| fail_type(Found::TooDeep)),
        None => Ok(Value::Null),
    }
}

/// A value → JS value: JSON text and one `JSON.parse`, cheaper than setting every property
/// across the boundary.
fn to_js_json<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|_| fail_type(Found::Unrepresentable(String::new())))?;
    parse_js(&text)
}

fn parse_js(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text).map_err(|_| fail_type(Found::TooDeep))
}

/// JS object → JSON → the export → JSON text → JS object.
fn call<E: Export>(input: &JsValue) -> Result<JsValue, JsValue> {
    let value = from_js(input)?;
    let out = api::call::<E, Src>(&value).map_err(|e| into_js_error(&e))?;
    parse_js(&out)
}

/// The bundled presets.
#[wasm_bindgen(unchecked_return_type = "PolicySummary[]")]
pub fn policies() -> Result<JsValue, JsValue> {
    parse_js(crate::policy::LIST_JSON)
}

/// One grade → grade point and percentage (XYU-12.7).
#[wasm_bindgen(js_name = convertGrade, unchecked_return_type = "GradeConversion")]
pub fn convert_grade(#[wasm_bindgen(unchecked_param_type = "ConvertGradeInput")] input: JsValue) -> Result<JsValue, JsValue> {
    // The call of every keystroke: answers are kept by request text (convert.rs).
    match convert::convert_grade::<Src>(&input) {
        Some(Ok(result)) => Ok(result),
        Some(Err(failure)) => Err(into_js_error(&failure)),
        None => call::<crate::grade::ConvertInput>(&input),
    }
}

/// Credit-weighted GPA and average percentage.
#[wasm_bindgen(js_name = computeGpa, unchecked_return_type = "GpaResult")]
pub fn compute_gpa(#[wasm_bindgen(unchecked_param_type = "ComputeGpaInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<crate::grade::GpaInput>(&input)
}
