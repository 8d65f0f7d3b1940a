//! exchange-calc: a study-abroad exchange calculator that runs entirely in the browser.
//!
//! The modules mirror the regulations (`grade` for XYU-12.7, …); `policy` holds the rules as
//! data; `api` is the JS contract at the JSON level; `wasm` (wasm32 only) is the one thin
//! binding layer. Nothing outside `wasm` knows about the web.
#![forbid(unsafe_code)]

pub mod algorithms;
pub mod api;
pub mod credit;
pub mod deadline;
pub mod batch;
pub mod decimal;
pub mod eligibility;
pub mod error;
pub mod finding;
pub mod funding;
pub mod form;
pub mod grade;
pub mod json;
pub mod keyed;
pub mod locale;
pub mod pattern;
pub mod policy;
pub mod quota;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind, Result};

/// The indices `0..n` in the stable order `cmp` gives them. Every caller shares this one
/// sort: each `sort_by` on its own element type compiles a 3–4 KB sort into the wasm.
pub(crate) fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}
pub use finding::{Finding, Outcome};
pub use locale::Locale;
pub use policy::Policy;
