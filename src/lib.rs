//! exchange-calc: a study-abroad exchange calculator that runs entirely in the browser.
//!
//! The rules live in `exchange-calc-core` (crates/core) and the cohort batch in
//! `exchange-calc-batch` (crates/batch); this crate re-exports both under one set of paths
//! (`exchange_calc::grade`, `exchange_calc::batch`, `exchange_calc::api`, …) and adds `wasm`
//! (wasm32 only), the one thin binding layer. Nothing outside `wasm` knows about the web.
//!
//! The batch is a crate of its own only so it can be compiled for speed while everything
//! else is compiled for size (see the workspace's `Cargo.toml`).
#![forbid(unsafe_code)]

pub use exchange_calc_core::{
    algorithms, credit, date, deadline, decimal, eligibility, error, finding, form, funding, grade, keyed, locale, pattern, policy,
    quota, read, score,
};
pub use exchange_calc_core::{Error, ErrorKind, Finding, Locale, Outcome, Policy, Result};

/// The cohort batch ([`exchange_calc_batch`]).
pub use exchange_calc_batch as batch;

pub mod api;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
