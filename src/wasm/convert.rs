//! `convertGrade`'s kept answers, for the call a page makes on every keystroke.
//!
//! Every export starts with `JSON.stringify` of its request, and the result depends on that
//! text alone (presets are compiled in and never change). So each distinct request text is
//! answered once: the answer's JSON text is kept as a JS string in a JS `Map` keyed by the
//! request text, and a later call with the same text returns a fresh `JSON.parse` of it. A
//! hit is four calls across the boundary (stringify, `Map.get`, a type check, `JSON.parse`)
//! and copies no text into the wasm; a caller that changes its result changes nothing else.
//! Reading `{ policy, grade }` property by property and checking its own keys took about
//! ten calls (1.48–1.76 µs a call in Node; this: see `scripts/bench`). Errors are not kept.

use super::stringify;
use crate::api::{self, Failure, Source};
use crate::grade::ConvertInput;
use wasm_bindgen::prelude::*;

/// Distinct request texts kept; past this, answers are built call by call (the same answer,
/// slower), so a stream of odd spellings cannot grow the memory without bound.
const KEEP: u32 = 256;

/// Longer request texts (a whole policy document) are answered but not kept.
const KEEP_BELOW: usize = 512;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JS string (js_sys's takes a Rust `&str`, which would be decoded
    /// again on every call).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_string(text: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Request text → the answer's JSON text, both JS strings.
    static KEPT: js_sys::Map = js_sys::Map::new();
}

/// The answer to `convertGrade(input)`, kept or computed; `None` when `input` is not
/// representable as JSON text (the caller's general path then reports why).
pub fn convert_grade<S: Source>(input: &JsValue) -> Option<Result<JsValue, Failure>> {
    let request = stringify(input).ok().filter(JsValue::is_string)?;
    KEPT.with(|kept| {
        let hit = kept.get(&request);
        if hit.is_string() {
            return parse_string(&hit).ok().map(Ok);
        }
        let text = request.as_string()?;
        // Not readable (nested past serde_json's limit): the general path reports it.
        let value: serde_json::Value = serde_json::from_str(&text).ok()?;
        let answer: JsValue = match api::call::<ConvertInput, S>(&value) {
            Ok(answer) => answer.into(),
            Err(failure) => return Some(Err(failure)),
        };
        if kept.size() < KEEP && text.len() < KEEP_BELOW {
            kept.set(&request, &answer);
        }
        parse_string(&answer).ok().map(Ok)
    })
}
