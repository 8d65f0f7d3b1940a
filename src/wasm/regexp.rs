//! The browser's own `RegExp` as the core's pattern engine (`crate::pattern`): ECMAScript
//! syntax with the `u` flag, which is what the web teams who write a policy know, at no cost
//! in the wasm (a Rust regex engine was 50 KB of it).

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

/// The engine (it holds nothing: each call builds its `RegExp`).
pub struct RegExp;

impl crate::pattern::Engine for RegExp {
    fn is_valid(&self, pattern: &str) -> bool {
        Re::new(pattern, "u").is_ok()
    }

    fn is_match(&self, anchored: &str, text: &str) -> Option<bool> {
        Re::new(anchored, "u").ok().map(|r| r.test(text))
    }
}
