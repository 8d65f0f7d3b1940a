//! Helpers: build JS inputs from JSON text (as a page would pass plain objects), read
//! properties, and catch thrown errors.
#![allow(dead_code)]

use wasm_bindgen::{JsCast, JsValue};

/// A JS value from JSON text, via the browser's own `JSON.parse`.
pub fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]` (dotted path allowed: "policy.id").
pub fn get(obj: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(obj.clone(), |o, k| js_sys::Reflect::get(&o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED))
}

/// `obj[key]` as a string ("" if not a string).
pub fn s(obj: &JsValue, path: &str) -> String {
    get(obj, path).as_string().unwrap_or_default()
}

/// The error a call threw: (code, field, message, is it a real `Error`).
pub fn thrown(result: Result<JsValue, JsValue>) -> (String, String, String, bool) {
    match result {
        Ok(v) => panic!("expected an error, got {:?}", js_sys::JSON::stringify(&v)),
        Err(e) => {
            let is_error = e.is_instance_of::<js_sys::Error>();
            (s(&e, "code"), s(&e, "field"), s(&e, "message"), is_error)
        }
    }
}

/// JSON text of a value, for whole-result comparisons.
pub fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).map(String::from).unwrap_or_default()
}
