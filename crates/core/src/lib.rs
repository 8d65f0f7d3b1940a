//! exchange-calc's core: every rule of the two regulations, the policy model and the JS API
//! contract at the JSON level, in plain Rust with no web dependency (the one exception is
//! [`pattern`], which in the browser is the page's own `RegExp`).
//!
//! The modules mirror the regulations (`grade` for XYU-12.7, …); `policy` holds the rules as
//! data; `api` is the JS contract at the JSON level. The cohort batch is its own crate
//! (`exchange-calc-batch`), built for speed where this one is built for size; the
//! `exchange-calc` crate puts the two together and adds the wasm binding layer.
#![forbid(unsafe_code)]

pub mod algorithms;
pub mod api;
pub mod credit;
pub mod date;
pub mod deadline;
pub mod decimal;
pub mod eligibility;
pub mod error;
pub mod finding;
pub mod funding;
pub mod form;
pub mod grade;
pub mod keyed;
pub mod locale;
pub mod pattern;
pub mod policy;
pub mod quota;
pub mod read;
pub mod score;

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
