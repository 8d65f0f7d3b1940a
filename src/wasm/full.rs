//! The full module's exports beyond the grades ones: every other area, `homeGpa`, the policy
//! reader (`describePolicy` and any policy object), `batchGpa` and `attachForm` (form.rs).

use super::{call, from_js, into_js_error, parse_js, Src};
use crate::api::{self, ChecklistRequest, Deadlines, DeadlinesIcs, Describe};
use crate::credit::CreditRequest;
use crate::eligibility::EligibilityInput;
use crate::form::{ValidateFieldInput, ValidateInput};
use crate::funding::FundingInput;
use crate::quota::QuotaInput;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_POLICY: &str = include_str!("ts/policy.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_CREDITS: &str = include_str!("ts/credits.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_DEADLINES: &str = include_str!("ts/deadlines.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_FUNDING: &str = include_str!("ts/funding.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_QUOTA: &str = include_str!("ts/quota.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_ELIGIBILITY: &str = include_str!("ts/eligibility.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_FORM: &str = include_str!("ts/form.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_BATCH: &str = include_str!("ts/batch.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_HOME_GPA: &str = include_str!("ts/home-gpa.d.ts");

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder", catch)]
    fn new() -> Result<Utf8Encoder, JsValue>;

    /// `encodeInto` of a JS string as it is (web-sys's takes a Rust `&str`).
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, text: &JsValue, into: &js_sys::Uint8Array) -> Encoded;

    /// `{ read, written }`: UTF-16 units read, bytes written.
    type Encoded;

    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> f64;

    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> f64;
}


/// Strings longer than this (in UTF-16 units) are encoded straight into wasm memory.
const ENCODE_ABOVE: u32 = 1 << 16;

/// `csv` as text: a string, or UTF-8 bytes (`Uint8Array`, `ArrayBuffer`). Bytes that are not
/// UTF-8 become U+FFFD, as `TextDecoder` and `File.text()` decode them.
fn csv_text(v: &JsValue) -> Option<String> {
    if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
        if s.length() > ENCODE_ABOVE {
            if let Some(text) = encode_long(s) {
                return Some(text);
            }
        }
    }
    if let Some(text) = v.as_string() {
        return Some(text);
    }
    let bytes = if let Some(a) = v.dyn_ref::<js_sys::Uint8Array>() {
        a.to_vec()
    } else if let Some(b) = v.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(b).to_vec()
    } else {
        return None;
    };
    Some(utf8_lossy(bytes))
}

/// A long string as UTF-8, written by the engine's `TextEncoder.encodeInto` straight into a
/// buffer in wasm memory. For a 29 MB all-ASCII file the glue's own string passing (one
/// `charCodeAt` at a time in a JS loop) took about 42 ms in Chromium and 50 in Node;
/// `encodeInto` about 11; `encode` (a new JS array, then a copy) 82 in Chromium. As the glue
/// does, the buffer is first the string's length (enough for ASCII) and grows for what is
/// left, at most 3 bytes per UTF-16 unit. A lone surrogate becomes U+FFFD, as in the glue.
/// `None` if the engine has no `TextEncoder` (the caller then takes the glue's path).
fn encode_long(s: &js_sys::JsString) -> Option<String> {
    let units = s.length() as usize;
    let encoder = Utf8Encoder::new().ok()?;
    let mut buf = vec![0u8; units];
    let (read, mut written) = encode_at(&encoder, s, &mut buf, 0)?;
    if read < units {
        let rest = s.slice(read as u32, units as u32);
        buf.resize(written.checked_add((units - read).checked_mul(3)?)?, 0);
        let (read_rest, more) = encode_at(&encoder, &rest, &mut buf, written)?;
        // Room for all of it was made; anything else would lose text.
        if read_rest != units - read {
            return None;
        }
        written += more;
    }
    buf.truncate(written);
    buf.shrink_to_fit();
    Some(utf8_lossy(buf))
}

/// Encodes `text` into `buf[from..]`; `(units read, bytes written)`.
fn encode_at(encoder: &Utf8Encoder, text: &js_sys::JsString, buf: &mut [u8], from: usize) -> Option<(usize, usize)> {
    let free = buf.get_mut(from..)?;
    // The view is made after `buf` is allocated (growing the memory detaches older views),
    // and nothing allocates until `encodeInto` returns.
    let memory = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>().ok()?;
    let view = js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), free.as_mut_ptr() as u32, free.len() as u32);
    let done = encoder.encode_into(text, &view);
    Some((done.read() as usize, done.written() as usize))
}

fn utf8_lossy(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The resolved policy: every parameter, the quoted clauses and the content hash.
#[wasm_bindgen(js_name = describePolicy, unchecked_return_type = "PolicyDocument")]
pub fn describe_policy(#[wasm_bindgen(unchecked_param_type = "{ policy: PolicyInput; locale?: Locale }")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<Describe>(&input)
}

/// Which credits are recognized, which courses to retake (XYU-11, XYU-12.2–12.9).
#[wasm_bindgen(js_name = checkCredits, unchecked_return_type = "CreditResult")]
pub fn check_credits(#[wasm_bindgen(unchecked_param_type = "CheckCreditsInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<CreditRequest>(&input)
}

/// The deadlines that follow from arrival, end or year, sorted by date (XYU-12.9, XYU-13, LX-4).
#[wasm_bindgen(js_name = deadlines, unchecked_return_type = "Deadline[]")]
pub fn deadlines(#[wasm_bindgen(unchecked_param_type = "DeadlinesInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<Deadlines>(&input)
}

/// The same deadlines as an iCalendar (.ics) file, for a download without a server.
#[wasm_bindgen(js_name = deadlinesIcs, unchecked_return_type = "string")]
pub fn deadlines_ics(#[wasm_bindgen(unchecked_param_type = "DeadlinesInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<DeadlinesIcs>(&input)
}

/// The procedural steps before departure, abroad and after the exchange, each with its clause,
/// dated where the request gives the date it counts from (XYU-10.6, XYU-12, XYU-13, XYU-14, LX-6).
#[wasm_bindgen(js_name = checklist, unchecked_return_type = "ChecklistResult")]
pub fn checklist(#[wasm_bindgen(unchecked_param_type = "DeadlinesInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<ChecklistRequest>(&input)
}

/// Home percentage scores under every common Chinese GPA algorithm (not from a regulation).
#[wasm_bindgen(js_name = homeGpa, unchecked_return_type = "HomeGpaResult")]
pub fn home_gpa(#[wasm_bindgen(unchecked_param_type = "HomeGpaInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<crate::algorithms::HomeGpaInput>(&input)
}

/// Who pays what: school, college, student (LX-5).
#[wasm_bindgen(js_name = estimateFunding, unchecked_return_type = "FundingResult")]
pub fn estimate_funding(#[wasm_bindgen(unchecked_param_type = "EstimateFundingInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<FundingInput>(&input)
}

/// Places per college in proportion to students (LX-4.2.1).
#[wasm_bindgen(js_name = allocateQuota, unchecked_return_type = "Quota[]")]
pub fn allocate_quota(#[wasm_bindgen(unchecked_param_type = "AllocateQuotaInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<QuotaInput>(&input)
}

/// May this student apply to this track, and be funded? Findings with clauses (XYU-10, LX-2.1, LX-5.3.1).
#[wasm_bindgen(js_name = checkEligibility, unchecked_return_type = "EligibilityResult")]
pub fn check_eligibility(#[wasm_bindgen(unchecked_param_type = "CheckEligibilityInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<EligibilityInput>(&input)
}

/// The application form (SPEC §8): every error at once.
#[wasm_bindgen(js_name = validateApplication, unchecked_return_type = "ValidationResult")]
pub fn validate_application(#[wasm_bindgen(unchecked_param_type = "ValidateApplicationInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<ValidateInput>(&input)
}

/// One key of the application form, with the cross-field rules that land on it.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "ValidationResult")]
pub fn validate_field(#[wasm_bindgen(unchecked_param_type = "ValidateFieldInput")] input: JsValue) -> Result<JsValue, JsValue> {
    call::<ValidateFieldInput>(&input)
}

/// A cohort's CSV → one GPA per student; bad rows are listed by line.
///
/// The CSV is taken out of the request before the rest goes through JSON, so many
/// megabytes are copied out of JS once, not stringified and parsed again; the result goes
/// from its struct to JSON text directly (no `Value` tree for 50,000 students). The CSV may
/// also be the file's bytes (UTF-8, as a `Uint8Array` or `ArrayBuffer`): one copy into wasm
/// memory, where text is first decoded to a JS string and then encoded back to UTF-8.
#[wasm_bindgen(js_name = batchGpa, unchecked_return_type = "BatchGpaResult")]
pub fn batch_gpa(#[wasm_bindgen(unchecked_param_type = "BatchGpaInput")] input: JsValue) -> Result<JsValue, JsValue> {
    let csv = if input.is_object() && !js_sys::Array::is_array(&input) {
        js_sys::Reflect::get(&input, &"csv".into()).ok().and_then(|v| csv_text(&v))
    } else {
        None
    };
    let text = match csv {
        Some(csv) => {
            // A shallow copy without `csv`; a getter or proxy that throws lands in from_js.
            let rest = js_sys::Object::assign(&js_sys::Object::new(), input.unchecked_ref());
            let _ = js_sys::Reflect::delete_property(&rest, &"csv".into());
            // The text goes in as it came out of JS (no second copy through a `Value`).
            api::batch_gpa_with::<Src>(&from_js(&rest)?, Some(&csv))
        }
        None => api::batch_gpa_with::<Src>(&from_js(&input)?, None),
    };
    let text = text.map_err(|e| into_js_error(&e))?;
    parse_js(&text)
}
