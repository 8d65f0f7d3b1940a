//! `convertGrade`'s fast path, for the call a page makes on every keystroke:
//! `{ policy: "<preset id>", grade: "<text>" }`.
//!
//! The general path costs a `JSON.stringify` of the request, a JSON parse in Rust, the
//! conversion, JSON text out, and a `JSON.parse` in JS. Here the two strings are read with
//! property reads, and each distinct (preset, spelling) pair is converted once: its JSON
//! text is kept as a JS string, and every call returns a fresh `JSON.parse` of it (no text
//! crosses the boundary; two `Object.assign`s of a kept object measured twice as slow), so
//! a caller that changes its result changes nothing else.
//!
//! Presets are compiled in and never change, so a kept result never goes stale. Errors and
//! every other request shape take the general path.

use crate::api;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Distinct (preset, spelling) pairs kept; past this, results are built call by call (same
/// result, slower), so a stream of odd spellings cannot grow the memory without bound.
const KEEP: u32 = 256;

struct Keys {
    policy: JsValue,
    grade: JsValue,
}

/// The kept results: preset id → spelling → the result's JSON text, all JS strings in JS
/// `Map`s. A hit copies no text into the wasm and hashes nothing in Rust (a Rust map of
/// `(String, String)` keys cost two string copies and a SipHash per call).
struct Kept {
    by_policy: js_sys::Map,
    count: Cell<u32>,
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JS string (js_sys's takes a Rust `&str`, which would be decoded
    /// again on every call).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_string(text: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    static KEYS: Keys = Keys { policy: JsValue::from_str("policy"), grade: JsValue::from_str("grade") };
    static KEPT: Kept = Kept { by_policy: js_sys::Map::new(), count: Cell::new(0) };
}

/// The result of `convertGrade(input)` when `input` has the fast path's shape and converts;
/// `None` to take the general path (which then also reports any error).
pub fn convert_grade(input: &JsValue) -> Option<JsValue> {
    let (policy, grade) = KEYS.with(|k| two_strings(input, k))?;
    KEPT.with(|kept| {
        let spellings = kept.by_policy.get(&policy);
        let hit = spellings.dyn_ref::<js_sys::Map>().map(|m| m.get(&grade)).filter(JsValue::is_string);
        if let Some(text) = hit {
            return parse_string(&text).ok();
        }
        // An error (unknown preset, invalid grade) goes the general way, which reports it.
        let text: JsValue = api::text::convert_grade_text(&policy.as_string()?, &grade.as_string()?).ok()?.into();
        if kept.count.get() < KEEP {
            let spellings = spellings.dyn_into::<js_sys::Map>().unwrap_or_else(|_| {
                let m = js_sys::Map::new();
                kept.by_policy.set(&policy, &m);
                m
            });
            spellings.set(&grade, &text);
            kept.count.set(kept.count.get() + 1);
        }
        parse_string(&text).ok()
    })
}

/// The `policy` and `grade` strings of an object whose own keys are exactly those two;
/// `None` otherwise, including when a proxy or getter throws (only catching calls touch
/// the caller's object).
fn two_strings(input: &JsValue, k: &Keys) -> Option<(JsValue, JsValue)> {
    if !input.is_object() {
        return None;
    }
    let own = js_sys::Reflect::own_keys(input.unchecked_ref()).ok()?;
    if own.length() != 2 {
        return None;
    }
    let (a, b) = (own.get(0), own.get(1));
    if !((a == k.policy && b == k.grade) || (a == k.grade && b == k.policy)) {
        return None;
    }
    let policy = js_sys::Reflect::get(input, &k.policy).ok().filter(JsValue::is_string)?;
    let grade = js_sys::Reflect::get(input, &k.grade).ok().filter(JsValue::is_string)?;
    Some((policy, grade))
}
