//! `attachForm`: the SPEC §8 validator on a university's own HTML `<form>`.
//!
//! The controls are found by their `name` (the form keys of [`crate::form::KEYS`]); other
//! named controls (a CSRF token, …) are left alone, and a key the form has no control for is
//! not validated (a page that fixes `track` includes it as `<input type="hidden" name="track">`).
//! Each control's result drives the browser's constraint validation
//! (`setCustomValidity(message)` / `""`) from the moment of attaching; once the user has
//! touched a field (input, change, blur) or tried to submit, `aria-invalid` is set and the
//! message (or a warning, which does not block) is written into the element named by
//! `aria-describedby`: the form's `[data-error-for="<key>"]` element if it has one, else a
//! `<p>` created after the control. A submit with errors is cancelled and the first invalid
//! control (in document order) gets focus. `detach()` removes the listeners, restores the
//! attributes and removes what it created; freeing the handle detaches too.
//!
//! No rule lives here: every check is [`crate::form::validate_field`].

use super::{into_js_error, to_js_json};
use crate::api::{self, Failure};
use crate::error::Error;
use crate::form::{self as rules, Form, FormValue, Validation, KEYS};
use crate::keyed::Keyed;
use crate::locale::Locale;
use crate::policy::Policy;
use std::borrow::Cow;
use crate::read::Obj;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// Numbers created message ids so two attached forms never share one.
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// A form control that takes part in constraint validation.
#[derive(Clone)]
enum Control {
    Input(HtmlInputElement),
    Select(HtmlSelectElement),
    TextArea(HtmlTextAreaElement),
}

impl Control {
    fn from_element(el: &Element) -> Option<Self> {
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            Some(Self::Input(i.clone()))
        } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
            Some(Self::Select(s.clone()))
        } else {
            el.dyn_ref::<HtmlTextAreaElement>().map(|t| Self::TextArea(t.clone()))
        }
    }

    fn element(&self) -> &HtmlElement {
        match self {
            Self::Input(e) => e,
            Self::Select(e) => e,
            Self::TextArea(e) => e,
        }
    }

    fn set_custom_validity(&self, message: &str) {
        match self {
            Self::Input(e) => e.set_custom_validity(message),
            Self::Select(e) => e.set_custom_validity(message),
            Self::TextArea(e) => e.set_custom_validity(message),
        }
    }

    fn input_type(&self) -> String {
        match self {
            Self::Input(e) => e.type_().to_ascii_lowercase(),
            _ => String::new(),
        }
    }
}

/// An attribute's value before attaching (`None`: it was absent), to put back on detach.
fn restore(el: &Element, name: &str, original: Option<&str>) {
    // set/removeAttribute only fail for invalid attribute names; these are fixed and valid.
    let _ = match original {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

struct Bound {
    control: Control,
    aria_invalid: Option<String>,
    described_by: Option<String>,
}

/// The message element of one key.
struct Message {
    element: Element,
    /// Created by the attachment (removed on detach) or the form's own (text restored).
    created: bool,
    original_text: Option<String>,
    original_id: Option<String>,
}

/// One form key with its controls (document order) and message element.
struct Field {
    key: &'static str,
    controls: Vec<Bound>,
    message: Message,
}

type Listener = (&'static str, bool, Closure<dyn FnMut(Event)>);

struct Attachment {
    form: HtmlFormElement,
    /// A preset is borrowed, a policy object owned.
    policy: Cow<'static, Policy>,
    locale: Locale,
    /// In document order of each key's first control.
    fields: Vec<Field>,
    touched: Vec<&'static str>,
    listeners: Vec<Listener>,
}

/// The handle `attachForm` returns.
#[wasm_bindgen]
pub struct FormHandle {
    state: Rc<RefCell<Attachment>>,
}

thread_local! {
    /// Every attachment stays alive here until `detach()`. The listeners only hold weak
    /// references, so without this a page that drops the handle — `attachForm(form, …)` with
    /// the result unused — would lose its validation at the next garbage collection.
    static LIVE: RefCell<Vec<Rc<RefCell<Attachment>>>> = const { RefCell::new(Vec::new()) };
}

/// Attaches the SPEC §8 validator to `form`: `{ policy, locale? }` as for `validateApplication`.
///
/// # Errors
/// A JS `Error` with `code` and `field` for bad options (`invalid_type`, `unknown_field`,
/// `unknown_policy`, `invalid_policy`, `unknown_value` at `locale`).
#[wasm_bindgen(js_name = attachForm)]
pub fn attach_form(
    form: HtmlFormElement,
    #[wasm_bindgen(unchecked_param_type = "AttachFormOptions")] options: JsValue,
) -> Result<FormHandle, JsValue> {
    let value: Value = super::from_js(&options)?;
    let locale = api::locale_of(&value);
    // `{ policy, locale? }`, read as every request is.
    // (Once the tag is checked, `locale` is the language it names.)
    let read = || -> Result<Cow<'static, Policy>, Error> {
        let o = Obj::root(&value, &["policy", "locale"])?;
        Ok(api::read_policy::<super::Src, _>(&o, locale, |_| Ok(()))?.1)
    };
    let policy = read().map_err(|error| into_js_error(&Failure { error, locale }))?;

    let fields = bind(&form);
    let state = Rc::new(RefCell::new(Attachment { form, policy, locale, fields, touched: Vec::new(), listeners: Vec::new() }));
    let listeners = [("input", false), ("change", false), ("focusout", false), ("submit", false), ("invalid", true)]
        .into_iter()
        .map(|(kind, capture)| {
            let weak: Weak<RefCell<Attachment>> = Rc::downgrade(&state);
            let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| on_event(&weak, kind, &event));
            (kind, capture, closure)
        })
        .collect::<Vec<_>>();
    if let Ok(mut s) = state.try_borrow_mut() {
        for (kind, capture, closure) in &listeners {
            let _ = s.form.add_event_listener_with_callback_and_bool(kind, closure.as_ref().unchecked_ref(), *capture);
        }
        s.listeners = listeners;
        // Constraint validation is truthful from the start; messages wait for a touch.
        let all: Vec<&'static str> = s.fields.iter().map(|f| f.key).collect();
        s.refresh(&all);
    }
    LIVE.with(|live| live.borrow_mut().push(Rc::clone(&state)));
    Ok(FormHandle { state })
}

#[wasm_bindgen]
impl FormHandle {
    /// Validates every field now, shows every message, and returns
    /// `{ valid, errors, warnings, normalized }` for the keys the form has.
    ///
    /// # Errors
    /// Only if the result cannot be converted (it always can).
    #[wasm_bindgen(unchecked_return_type = "ValidationResult")]
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        let result = match self.state.try_borrow_mut() {
            Ok(mut s) => s.validate_all(),
            Err(_) => Validation { valid: true, errors: Vec::new(), warnings: Vec::new(), normalized: Keyed::new() },
        };
        to_js_json(&result)
    }

    /// Removes the listeners, restores `aria-invalid`, `aria-describedby` and the custom
    /// validity of every control, and removes the message elements it created. Safe to call
    /// twice. Until it is called the form stays validated, even if the handle is dropped.
    pub fn detach(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.detach();
        }
        LIVE.with(|live| live.borrow_mut().retain(|a| !Rc::ptr_eq(a, &self.state)));
    }
}

impl Drop for Attachment {
    fn drop(&mut self) {
        self.detach();
    }
}

/// Every control of the form whose `name` is a form key, grouped by key, with its message
/// element ready and tied by `aria-describedby`.
fn bind(form: &HtmlFormElement) -> Vec<Field> {
    let elements = form.elements();
    let mut fields: Vec<Field> = Vec::new();
    // By key, in the order each key's first control comes (a handful of keys: a list, not
    // a map compiled for this one type).
    let mut grouped: Vec<(&'static str, Vec<Control>)> = Vec::new();
    for i in 0..elements.length() {
        let Some(el) = elements.item(i) else { continue };
        let Some(name) = el.get_attribute("name") else { continue };
        let Some(key) = KEYS.iter().copied().find(|k| *k == name) else { continue };
        let Some(control) = Control::from_element(&el) else { continue };
        match grouped.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(control),
            None => grouped.push((key, vec![control])),
        }
    }
    let document = form.owner_document();
    for (key, list) in grouped {
        let Some(last) = list.last() else { continue };
        let Some(message) = message_element(form, document.as_ref(), key, last.element()) else { continue };
        let id = message.element.id();
        let controls = list
            .into_iter()
            .map(|control| {
                let el = control.element();
                let aria_invalid = el.get_attribute("aria-invalid");
                let described_by = el.get_attribute("aria-describedby");
                let ids = match &described_by {
                    Some(d) if d.split_whitespace().any(|t| t == id) => d.clone(),
                    Some(d) if !d.trim().is_empty() => format!("{} {id}", d.trim()),
                    _ => id.clone(),
                };
                let _ = el.set_attribute("aria-describedby", &ids);
                Bound { control, aria_invalid, described_by }
            })
            .collect();
        fields.push(Field { key, controls, message });
    }
    fields
}

/// The form's `[data-error-for="<key>"]` element, or a new `<p>` after `after`.
fn message_element(form: &HtmlFormElement, document: Option<&web_sys::Document>, key: &str, after: &HtmlElement) -> Option<Message> {
    let fresh_id = || format!("exchange-calc-{}-{key}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    if let Ok(Some(existing)) = form.query_selector(&format!("[data-error-for=\"{key}\"]")) {
        let original_id = Some(existing.id()).filter(|id| !id.is_empty());
        if original_id.is_none() {
            existing.set_id(&fresh_id());
        }
        let original_text = existing.text_content();
        return Some(Message { element: existing, created: false, original_text, original_id });
    }
    let p = document?.create_element("p").ok()?;
    p.set_id(&fresh_id());
    let _ = p.set_attribute("class", "exchange-calc-message");
    // Announced when it changes, without moving focus.
    let _ = p.set_attribute("aria-live", "polite");
    after.after_with_node_1(&p).ok()?;
    Some(Message { element: p, created: true, original_text: None, original_id: None })
}

fn on_event(weak: &Weak<RefCell<Attachment>>, kind: &str, event: &Event) {
    let Some(state) = weak.upgrade() else { return };
    // Focusing below fires focus events synchronously; they find the state busy and return.
    let focus = {
        let Ok(mut s) = state.try_borrow_mut() else { return };
        match kind {
            "submit" => {
                let result = s.validate_all();
                if result.valid {
                    None
                } else {
                    event.prevent_default();
                    s.first_invalid()
                }
            }
            "invalid" => {
                // The browser blocked a submit on its own; show every message.
                s.validate_all();
                None
            }
            _ => {
                let name = event.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.get_attribute("name"));
                if let Some(key) = name.and_then(|n| KEYS.iter().copied().find(|k| *k == n)) {
                    s.touch(key);
                    let mut keys = vec![key];
                    keys.extend(rules::dependents(key));
                    s.refresh(&keys);
                }
                None
            }
        }
    };
    if let Some(el) = focus {
        let _ = el.focus();
    }
}

impl Attachment {
    /// Marks a field as touched: from now on its messages show.
    fn touch(&mut self, key: &'static str) {
        if !self.touched.contains(&key) {
            self.touched.push(key);
        }
    }

    /// The form's current values, for the keys it has.
    fn read(&self) -> Form {
        let mut form = Form::new();
        for f in &self.fields {
            let radios: Vec<&HtmlInputElement> =
                f.controls.iter().filter_map(|b| match &b.control { Control::Input(i) if b.control.input_type() == "radio" => Some(i), _ => None }).collect();
            let value = if radios.is_empty() {
                match f.controls.first().map(|b| &b.control) {
                    Some(c @ Control::Input(i)) if c.input_type() == "checkbox" => FormValue::Bool(i.checked()),
                    Some(Control::Input(i)) => FormValue::Text(i.value()),
                    Some(Control::Select(s)) => FormValue::Text(s.value()),
                    Some(Control::TextArea(t)) => FormValue::Text(t.value()),
                    None => FormValue::Blank,
                }
            } else {
                radios.iter().find(|r| r.checked()).map_or(FormValue::Blank, |r| FormValue::Text(r.value()))
            };
            form.insert(f.key.to_owned(), value);
        }
        form
    }

    /// Re-validates `keys` (those the form has) and updates the page.
    fn refresh(&mut self, keys: &[&str]) -> Vec<Validation> {
        let values = self.read();
        let mut out = Vec::new();
        for f in self.fields.iter().filter(|f| keys.contains(&f.key)) {
            let v = rules::validate_field(&self.policy, &values, f.key, self.locale);
            let error = v.errors.first().map(|e| e.message.as_str());
            for b in &f.controls {
                b.control.set_custom_validity(error.unwrap_or(""));
            }
            if self.touched.contains(&f.key) {
                for b in &f.controls {
                    let _ = b.control.element().set_attribute("aria-invalid", if error.is_some() { "true" } else { "false" });
                }
                let text = error.or_else(|| v.warnings.first().map(|w| w.message.as_str())).unwrap_or("");
                f.message.element.set_text_content(Some(text));
            }
            out.push(v);
        }
        out
    }

    /// Touches every field, shows every message, and merges the results.
    fn validate_all(&mut self) -> Validation {
        let keys: Vec<&'static str> = self.fields.iter().map(|f| f.key).collect();
        for &key in &keys {
            self.touch(key);
        }
        let mut all = Validation { valid: true, errors: Vec::new(), warnings: Vec::new(), normalized: Keyed::new() };
        for v in self.refresh(&keys) {
            all.errors.extend(v.errors);
            all.warnings.extend(v.warnings);
            all.normalized.extend(v.normalized);
        }
        all.valid = all.errors.is_empty();
        all
    }

    /// The first control, in document order, that fails constraint validation.
    fn first_invalid(&self) -> Option<HtmlElement> {
        let elements = self.form.elements();
        (0..elements.length())
            .filter_map(|i| elements.item(i))
            .filter_map(|el| el.dyn_into::<HtmlElement>().ok())
            .find(|el| self.fields.iter().flat_map(|f| &f.controls).any(|b| b.control.element() == el && !self.is_valid(&b.control)))
    }

    fn is_valid(&self, control: &Control) -> bool {
        match control {
            Control::Input(e) => e.validity().valid(),
            Control::Select(e) => e.validity().valid(),
            Control::TextArea(e) => e.validity().valid(),
        }
    }

    fn detach(&mut self) {
        for (kind, capture, closure) in self.listeners.drain(..) {
            let _ = self.form.remove_event_listener_with_callback_and_bool(kind, closure.as_ref().unchecked_ref(), capture);
        }
        for f in self.fields.drain(..) {
            for b in &f.controls {
                b.control.set_custom_validity("");
                restore(b.control.element(), "aria-invalid", b.aria_invalid.as_deref());
                restore(b.control.element(), "aria-describedby", b.described_by.as_deref());
            }
            let m = &f.message;
            if m.created {
                m.element.remove();
            } else {
                m.element.set_text_content(m.original_text.as_deref());
                restore(&m.element, "id", m.original_id.as_deref());
            }
        }
        self.touched.clear();
    }
}
