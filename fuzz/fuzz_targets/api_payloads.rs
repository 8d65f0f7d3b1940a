//! Form-like JSON payloads to every JSON API function: the first byte picks the function, the
//! rest is the request as JSON text. Each call returns a value or a coded error with a
//! message; nothing panics.
#![no_main]

use exchange_calc::api;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

type Api = fn(Value) -> api::ApiResult;

const FUNCTIONS: [Api; 5] = [api::describe_policy, api::convert_grade, api::compute_gpa, api::home_gpa, api::batch_gpa];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let Ok(input) = serde_json::from_str::<Value>(text) else { return };
    let f = FUNCTIONS.get(usize::from(pick) % FUNCTIONS.len()).copied().unwrap_or(api::convert_grade);
    if let Err(e) = f(input) {
        assert!(!e.code().is_empty() && !e.message().is_empty(), "{e:?}");
    }
    let _ = api::policies();
});
