//! The policy's patterns (`studentIdPattern`, `form.phonePattern`): regular expressions that
//! a value must match in full.
//!
//! In the browser they are the browser's own `RegExp` (ECMAScript syntax, `u` flag), handed
//! in by the wasm binding ([`install`]; this crate has no web dependency), which the wasm
//! gets for free: a Rust regex engine was 50 KB of the module (22 KB of its gzip
//! size) for matching phone numbers and student ids. It is also the syntax the web teams who
//! write a policy know. Natively (tests, fuzzing, the benchmark) regex-lite stands in; the two
//! agree on what identifier patterns use (classes and ranges, `\d`, `\w`, `\s`, counted
//! repetition, groups, alternation, anchors), and regex-lite rejects the rest (look-around,
//! back-references), which only the browser accepts.
//!
//! A pattern comes from the policy, which the embedding page controls. As in any
//! backtracking engine, a pattern with nested repetition such as `(\d+)+` can take
//! exponential time on a long non-matching value; the presets' patterns have none.

/// A regular-expression engine: ECMAScript syntax, matching code points.
pub trait Engine: Sync {
    /// Whether `pattern` compiles.
    fn is_valid(&self, pattern: &str) -> bool;
    /// Whether `anchored` (already `^(?:…)$`) matches `text`; `None` if it does not compile.
    fn is_match(&self, anchored: &str, text: &str) -> Option<bool>;
}

static ENGINE: std::sync::OnceLock<&'static dyn Engine> = std::sync::OnceLock::new();

/// Hands in the engine (the wasm binding gives the browser's `RegExp`), once, before the
/// first policy is read; later calls change nothing.
pub fn install(engine: &'static dyn Engine) {
    let _ = ENGINE.set(engine);
}

/// The installed engine; without one, regex-lite natively, and on wasm32 none at all (every
/// pattern then reads as invalid, so a policy with one is rejected rather than unchecked).
fn engine() -> Option<&'static dyn Engine> {
    ENGINE.get().copied().or(DEFAULT)
}

#[cfg(not(target_arch = "wasm32"))]
const DEFAULT: Option<&'static dyn Engine> = Some(&RegexLite);
#[cfg(target_arch = "wasm32")]
const DEFAULT: Option<&'static dyn Engine> = None;

/// Whether `pattern` compiles.
#[must_use]
pub fn is_valid(pattern: &str) -> bool {
    engine().is_some_and(|e| e.is_valid(pattern))
}

/// A whole match of `pattern` against `text`; `None` if the pattern does not compile.
#[must_use]
pub fn full_match(pattern: &str, text: &str) -> Option<bool> {
    engine()?.is_match(&format!("^(?:{pattern})$"), text)
}

/// regex-lite: the engine of native builds (tests, fuzzing, the benchmark).
#[cfg(not(target_arch = "wasm32"))]
struct RegexLite;

#[cfg(not(target_arch = "wasm32"))]
impl Engine for RegexLite {
    fn is_valid(&self, pattern: &str) -> bool {
        regex_lite::Regex::new(pattern).is_ok()
    }

    fn is_match(&self, anchored: &str, text: &str) -> Option<bool> {
        regex_lite::Regex::new(anchored).ok().map(|r| r.is_match(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_in_full() {
        // The preset phone pattern (policy/form.rs MAINLAND_MOBILE).
        let mobile = r"^1[3-9]\d{9}$";
        assert_eq!(full_match(mobile, "13800138000"), Some(true));
        assert_eq!(full_match(mobile, "12800138000"), Some(false)); // second digit 3–9
        assert_eq!(full_match(mobile, "138001380001"), Some(false)); // 12 digits
        // Anchored as a whole even when the alternation is not grouped.
        assert_eq!(full_match(r"\d{6}|[A-Z]{2}\d{4}", "123456x"), Some(false));
        assert_eq!(full_match(r"\d{6}|[A-Z]{2}\d{4}", "AB1234"), Some(true));
        assert_eq!(full_match("(", "x"), None);
        assert!(is_valid(r"^20\d{2}[0-9]{6}$") && !is_valid("[a-"));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn regex_lite_accepts_an_escaped_dash_that_the_browser_refuses() {
        // The documented difference: under the `u` flag `\-` outside a class is a
        // SyntaxError in the browser (tests/web/form.rs); regex-lite reads it as a dash.
        assert_eq!(full_match(r"\d{3}\-\d{4}", "010-1234"), Some(true));
    }
}
