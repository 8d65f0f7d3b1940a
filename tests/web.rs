//! The JS API as a page calls it, in real headless Chromium (wasm-bindgen-test). Run with
//! `scripts/test`, or alone:
//!
//!     CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
//!     cargo test --target wasm32-unknown-unknown --test web
//!
//! Each area has a module under tests/web/; `support` holds the JS-side helpers.
#![cfg(target_arch = "wasm32")]
// Test code: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/support.rs"]
mod support;

#[path = "web/grades.rs"]
mod grades;

#[path = "web/credits.rs"]
mod credits;

#[path = "web/deadlines.rs"]
mod deadlines;
#[path = "web/funding.rs"]
mod funding;

#[path = "web/quota.rs"]
mod quota;
#[path = "web/eligibility.rs"]
mod eligibility;

#[path = "web/form.rs"]
mod form;
#[path = "web/hostile.rs"]
mod hostile;

#[path = "web/batch.rs"]
mod batch;
