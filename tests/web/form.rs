//! validateApplication / validateField through the exported wasm functions, and attachForm
//! on a real form in the page: constraint validation, aria-invalid, messages tied with
//! aria-describedby, submit blocking, and a clean detach.

use super::support::{get, js, s, thrown};
use exchange_calc::wasm as api;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Document, Element, Event, EventInit, HtmlFormElement, HtmlInputElement};

#[wasm_bindgen_test]
fn validate_application_reports_every_error_at_once() {
    let r = api::validate_application(js(r#"{"policy":"xinyu-2022","locale":"en","form":{
        "name":"张三","studentId":"2022001234","college":"数计学院","major":"软件工程","email":"zhang@",
        "phone":"12345678901","track":"exchange","partner":"Example U","start":"2026-09-01","end":"2026-08-01",
        "ielts":"6.3","toefl":100}}"#))
    .unwrap_or_default();
    assert_eq!(get(&r, "valid").as_bool(), Some(false));
    let errors = js_sys::Array::from(&get(&r, "errors"));
    let pairs: Vec<(String, String)> = errors.iter().map(|e| (s(&e, "field"), s(&e, "code"))).collect();
    let want = [("email", "invalid_format"), ("phone", "invalid_format"), ("end", "date_order"), ("ielts", "invalid_step")];
    assert_eq!(pairs, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
    assert_eq!(s(&errors.get(3), "message"), "IELTS score: 6.3 is not a multiple of 0.5");
    assert_eq!(s(&r, "policy.id"), "xinyu-2022");

    let one = api::validate_field(js(r#"{"policy":"xinyu-2022","form":{"phone":"+86 138-0013-8000"},"field":"phone"}"#)).unwrap_or_default();
    assert_eq!(get(&one, "valid").as_bool(), Some(true));
    assert_eq!(s(&one, "normalized.phone"), "13800138000");
}

#[wasm_bindgen_test]
fn validate_application_errors_carry_code_and_field_and_the_module_keeps_working() {
    let (code, field, _, is_error) = thrown(api::validate_application(js(r#"{"policy":"xinyu-2022","form":[]}"#)));
    assert!(is_error);
    assert_eq!((code.as_str(), field.as_str()), ("invalid_type", "form"));
    let (code, field, _, _) = thrown(api::validate_application(js(r#"{"policy":"xinyu-2022","form":{},"locale":"fr"}"#)));
    assert_eq!((code.as_str(), field.as_str()), ("unknown_value", "locale"));
    let r = api::validate_application(js(r#"{"policy":"xinyu-2022","form":{"name":""}}"#)).unwrap_or_default();
    let first = js_sys::Array::from(&get(&r, "errors")).get(0);
    assert_eq!(s(&first, "message"), "姓名：必填");
}

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn input(form: &HtmlFormElement, name: &str) -> HtmlInputElement {
    form.query_selector(&format!("[name=\"{name}\"]")).ok().flatten().and_then(|e| e.dyn_into().ok()).expect(name)
}

fn event(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    Event::new_with_event_init_dict(kind, &init).expect("event")
}

/// Types `value` the way a user does: set it, fire `input`.
fn type_into(el: &HtmlInputElement, value: &str) {
    el.set_value(value);
    let _ = el.dispatch_event(&event("input"));
}

/// The text of the last element `aria-describedby` names (the message element).
fn message_of(el: &Element) -> String {
    let ids = el.get_attribute("aria-describedby").unwrap_or_default();
    let id = ids.split_whitespace().last().unwrap_or("").to_owned();
    document().get_element_by_id(&id).and_then(|m| m.text_content()).unwrap_or_else(|| format!("<no element #{id}>"))
}

/// Dispatches a cancelable submit; true if it was cancelled.
fn submit_blocked(form: &HtmlFormElement) -> bool {
    !form.dispatch_event(&event("submit")).unwrap_or(true)
}

#[wasm_bindgen_test]
fn attach_form_drives_constraint_validation_and_detaches_cleanly() {
    let doc = document();
    let form: HtmlFormElement = doc.create_element("form").expect("form").dyn_into().expect("a form element");
    form.set_inner_html(
        r#"<label>Name <input name="name"></label>
           <label>Email <input name="email" type="email" aria-describedby="email-hint"></label>
           <small id="email-hint">We write to this address.</small>
           <p data-error-for="email"></p>
           <label>Phone <input name="phone" type="tel"></label>
           <label>IELTS <input name="ielts"></label>
           <input type="hidden" name="track" value="exchange">
           <input type="hidden" name="csrf" value="token">
           <label>Start <input name="start" type="date"></label>
           <label>End <input name="end" type="date"></label>
           <button>Apply</button>"#,
    );
    doc.body().expect("body").append_child(&form).expect("append");
    let (name, email, phone, ielts) = (input(&form, "name"), input(&form, "email"), input(&form, "phone"), input(&form, "ielts"));
    let (start, end) = (input(&form, "start"), input(&form, "end"));

    let handle = api::attach_form(form.clone(), js(r#"{"policy":"xinyu-2022","locale":"en"}"#)).expect("attached");

    // From the start the browser knows an empty required field is invalid, but nothing is
    // shown before the user touches it.
    assert!(!phone.validity().valid());
    assert_eq!(phone.get_attribute("aria-invalid"), None);
    assert_eq!(message_of(&phone), "");
    assert!(ielts.validity().valid(), "optional and empty");

    // Invalid, then valid, phone.
    type_into(&phone, "12345678901");
    assert!(!phone.validity().valid());
    assert_eq!(phone.validation_message().unwrap_or_default(), message_of(&phone));
    assert_eq!(phone.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        message_of(&phone),
        "Mobile phone: \"12345678901\" is not valid; expected a mainland China mobile number (11 digits starting with 13–19, +86 allowed)"
    );
    type_into(&phone, "+86 138-0013-8000");
    assert!(phone.validity().valid());
    assert_eq!(phone.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(message_of(&phone), "");

    // The form's own [data-error-for] element is reused, after the existing hint.
    type_into(&email, "zhang@");
    let described = email.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.starts_with("email-hint "), "{described}");
    let reused = form.query_selector("[data-error-for=\"email\"]").ok().flatten().expect("reused");
    assert_eq!(described.split_whitespace().last(), Some(reused.id().as_str()));
    assert_eq!(reused.text_content().unwrap_or_default(), "Email: \"zhang@\" is not valid; expected an address like name@example.com");

    type_into(&ielts, "6.3");
    assert_eq!(message_of(&ielts), "IELTS score: 6.3 is not a multiple of 0.5");
    type_into(&ielts, "6.5");
    assert!(ielts.validity().valid());

    // Cross-field: with no start yet, an end date alone is fine; typing the start re-checks it.
    type_into(&end, "2026-08-01");
    assert!(end.validity().valid());
    assert_eq!(message_of(&end), "");
    type_into(&start, "2026-09-01");
    assert!(!end.validity().valid());
    assert_eq!(message_of(&end), "End date: must be after 2026-09-01");
    type_into(&end, "2027-01-31");
    assert!(end.validity().valid());

    // A submit with errors is cancelled, every message shows, and the first invalid control
    // (document order) gets focus: `name` (empty) before `email`.
    assert!(submit_blocked(&form));
    assert_eq!(message_of(&name), "Name: required");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    let focused = doc.active_element().expect("focus");
    assert_eq!(focused.get_attribute("name").as_deref(), Some("name"));
    let result = handle.validate().expect("validate");
    let fields: Vec<String> = js_sys::Array::from(&get(&result, "errors")).iter().map(|e| s(&e, "field")).collect();
    assert_eq!(fields, ["name", "email"], "keys the form lacks (studentId, college …) are not validated");

    type_into(&name, "张三");
    type_into(&email, "zhang@example.com");
    assert!(!submit_blocked(&form));
    assert_eq!(get(&handle.validate().expect("validate"), "valid").as_bool(), Some(true));

    // Detach: listeners gone, attributes as they were, created elements removed.
    let created_id = phone.get_attribute("aria-describedby").unwrap_or_default();
    type_into(&phone, "123");
    assert!(!phone.validity().valid());
    handle.detach();
    assert!(phone.validity().valid(), "custom validity cleared");
    assert_eq!(phone.get_attribute("aria-invalid"), None);
    assert_eq!(phone.get_attribute("aria-describedby"), None);
    assert!(doc.get_element_by_id(&created_id).is_none(), "created message removed");
    assert_eq!(email.get_attribute("aria-describedby").as_deref(), Some("email-hint"));
    assert_eq!(reused.get_attribute("id"), None, "the id it lent is taken back");
    assert_eq!(reused.text_content().unwrap_or_default(), "");
    type_into(&phone, "12345678901");
    assert!(phone.validity().valid(), "no listener sets it again");
    assert_eq!(phone.get_attribute("aria-invalid"), None);
    type_into(&name, "");
    assert!(!submit_blocked(&form), "submit is no longer intercepted");
    handle.detach(); // twice is fine
    drop(handle);
    form.remove();
}

#[wasm_bindgen_test]
fn attach_form_bad_options_throw_with_code_and_field() {
    let form: HtmlFormElement = document().create_element("form").expect("form").dyn_into().expect("a form element");
    let e = api::attach_form(form.clone(), js(r#"{"policy":"nowhere"}"#)).err().unwrap_or_default();
    assert_eq!((s(&e, "code").as_str(), s(&e, "field").as_str()), ("unknown_policy", "policy"));
    let e = api::attach_form(form.clone(), js(r#"{"policy":"xinyu-2022","lang":"en"}"#)).err().unwrap_or_default();
    assert_eq!((s(&e, "code").as_str(), s(&e, "field").as_str()), ("unknown_field", "lang"));
    // And a good attach still works afterwards.
    assert!(api::attach_form(form, js(r#"{"policy":"gdut-lixing-2026"}"#)).is_ok());
}

#[wasm_bindgen_test]
fn a_browser_validity_check_shows_the_messages_and_a_dropped_handle_keeps_validating() {
    let doc = document();
    let form: HtmlFormElement = doc.create_element("form").expect("form").dyn_into().expect("a form element");
    form.set_inner_html(r#"<input name="name"><input name="track" value="freshman-leap"><input name="yearOfStudy" value="2">"#);
    doc.body().expect("body").append_child(&form).expect("append");
    let handle = api::attach_form(form.clone(), js(r#"{"policy":"gdut-lixing-2026","locale":"zh-CN"}"#)).expect("attached");
    // checkValidity() fires `invalid` at each invalid control, as a blocked submit does.
    assert!(!form.check_validity());
    let (name, year) = (input(&form, "name"), input(&form, "yearOfStudy"));
    assert_eq!(message_of(&name), "姓名：必填");
    assert_eq!(message_of(&year), "年级：“新生跃升计划”只面向申请当年入学的新生（一年级，LX-2.1.1）；你填写的是 2 年级。");
    assert_eq!(year.get_attribute("aria-invalid").as_deref(), Some("true"));
    // A page that never keeps the handle (or frees it) must not lose its validation.
    drop(handle); // JS: handle.free(), or garbage collection of an unused result
    assert!(!form.check_validity());
    assert_eq!(year.get_attribute("aria-invalid").as_deref(), Some("true"));
    form.remove();
}

#[wasm_bindgen_test]
fn policy_patterns_are_the_browsers_regexp() {
    let field = |policy: &str, key: &str, value: &str| {
        let req = js(&format!(r#"{{"policy":{policy},"locale":"en","form":{{"{key}":"{value}"}},"field":"{key}"}}"#));
        api::validate_field(req)
    };
    // A student id pattern: matched in full, so "3" + 9 digits and nothing around it.
    let gdut_like = r#"{"extends":"xinyu-2022","studentIdPattern":"3\\d{9}"}"#;
    assert_eq!(get(&field(gdut_like, "studentId", "3120005678").unwrap(), "valid").as_bool(), Some(true));
    let r = field(gdut_like, "studentId", "31200056789").unwrap();
    assert_eq!(s(&js_sys::Array::from(&get(&r, "errors")).get(0), "code"), "invalid_format");
    // ECMAScript syntax a web team may write, which regex-lite would refuse: a look-ahead
    // (8 to 12 characters, all digits or upper-case letters, at least one digit).
    let lookahead = r#"{"extends":"xinyu-2022","studentIdPattern":"(?=.*\\d)[0-9A-Z]{8,12}"}"#;
    assert_eq!(get(&field(lookahead, "studentId", "AB123456").unwrap(), "valid").as_bool(), Some(true));
    assert_eq!(get(&field(lookahead, "studentId", "ABCDEFGH").unwrap(), "valid").as_bool(), Some(false));
    // With the `u` flag, `\d` is ASCII only: a Devanagari digit is no digit.
    let hk = r#"{"extends":"xinyu-2022","form":{"phonePattern":"[569]\\d{7}"}}"#;
    assert_eq!(get(&field(hk, "phone", "91234567").unwrap(), "valid").as_bool(), Some(true));
    assert_eq!(get(&field(hk, "phone", "9123456\u{0967}").unwrap(), "valid").as_bool(), Some(false));
    // A pattern the browser cannot compile is a policy problem at its path, not a throw
    // through the wasm; the module answers after it.
    let (code, path, _, _) = thrown(field(r#"{"extends":"xinyu-2022","form":{"phonePattern":"(["}}"#, "phone", "1"));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_policy", "policy"));
    let (code, _, message, _) = thrown(field(r#"{"extends":"xinyu-2022","studentIdPattern":"a{2,1}"}"#, "studentId", "aa"));
    assert_eq!(code, "invalid_policy");
    assert!(message.contains("studentIdPattern"), "{message}");
    // `\-` outside a class is a SyntaxError under the `u` flag (regex-lite, natively, reads a
    // dash: crates/core/src/pattern.rs).
    let (code, _, _, _) = thrown(field(r#"{"extends":"xinyu-2022","studentIdPattern":"\\d{3}\\-\\d{4}"}"#, "studentId", "010-1234"));
    assert_eq!(code, "invalid_policy");
    assert_eq!(get(&field("\"xinyu-2022\"", "phone", "13800138000").unwrap(), "valid").as_bool(), Some(true));
}
