//! [`crate::pattern`]'s engine in the browser: the page's own `RegExp`, with the `u` flag
//! (strict syntax, whole code points).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = RegExp)]
    type Re;

    /// `new RegExp(pattern, flags)`; a bad pattern is a caught `SyntaxError`, never an
    /// exception unwinding through the wasm.
    #[wasm_bindgen(constructor, js_class = "RegExp", catch)]
    fn new(pattern: &str, flags: &str) -> Result<Re, JsValue>;

    #[wasm_bindgen(method)]
    fn test(this: &Re, text: &str) -> bool;
}

pub fn is_valid(pattern: &str) -> bool {
    Re::new(pattern, "u").is_ok()
}

pub fn full_match(anchored: &str, text: &str) -> Option<bool> {
    Re::new(anchored, "u").ok().map(|r| r.test(text))
}
