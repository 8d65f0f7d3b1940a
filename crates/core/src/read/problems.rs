//! Reading a policy document: every problem listed ([`Problems`]), each object read key by
//! key ([`Fields`]) so that one reading finds them all.

use super::{wrong, At, Obj};
use crate::decimal::Decimal;
use crate::error::{join_path, Error, ErrorKind, Expected, Problem, Result};
use crate::keyed::Keyed;
use crate::locale::{Locale, Text};
use serde_json::Value;
use std::fmt::Display;

/// The problems of a policy document, collected instead of stopping at the first.
pub struct Problems {
    /// Every problem so far.
    pub list: Vec<Problem>,
    /// The language of the reasons.
    pub locale: Locale,
}

impl Problems {
    /// No problems yet.
    #[must_use]
    pub fn new(locale: Locale) -> Self {
        Self { list: Vec::new(), locale }
    }

    /// The value, or `None` with its error recorded as a problem.
    pub fn keep<T>(&mut self, result: Result<T>) -> Option<T> {
        result.map_err(|e| self.error(&e)).ok()
    }

    /// Records an error as a problem at its path, with its code.
    pub fn error(&mut self, e: &Error) {
        self.list.push(Problem::new(&e.field, e.code(), e.reason(self.locale)));
    }

    // The checks below name a problem's place as `at` (an object's path) and `key` (one of its
    // keys, or "" for `at` itself): the path is joined only when there is a problem, in one
    // place, not formatted at each of the policy's many checks.

    /// Records `kind` at `at`.`key`.
    pub fn kind(&mut self, at: &str, key: &str, kind: ErrorKind) {
        self.error(&Error::new(kind, join_path(at, key)));
    }

    /// Records `text` (filled with `args`) at `at`.`key` under `code`.
    pub fn add(&mut self, at: &str, key: &str, code: &'static str, text: &Text, args: &[(&str, &dyn Display)]) {
        self.list.push(Problem::new(&join_path(at, key), code, text.fill(self.locale, args)));
    }

    /// Records an `empty` problem at `at`.`key` unless `value` has more than spaces.
    pub fn filled(&mut self, at: &str, key: &str, value: &str) {
        if value.trim().is_empty() {
            self.kind(at, key, ErrorKind::Empty);
        }
    }

    /// Records a `duplicate` problem at `at`.`key`, `repeats` saying what it repeats.
    pub fn duplicate(&mut self, at: &str, key: &str, repeats: &Text) {
        self.add(at, key, "duplicate", repeats, &[]);
    }

    /// Records every key of `o` its reader does not know.
    pub fn unknown(&mut self, o: &Obj<'_>) {
        for key in o.unknown() {
            self.kind(o.path(), key, ErrorKind::UnknownField { name: key.to_owned() });
        }
    }

    /// Records a problem unless `value` is within `min..=max` (either bound optional).
    pub fn range(&mut self, at: &str, key: &str, value: Option<Decimal>, min: Option<Decimal>, max: Option<Decimal>) {
        let Some(v) = value else { return };
        if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
            self.kind(at, key, ErrorKind::OutOfRange { value: v.to_string(), min: min.map(|m| m.to_string()), max: max.map(|m| m.to_string()) });
        }
    }

    /// Records `must be greater than 0` at `at`.`key` unless `value` is.
    pub fn positive(&mut self, at: &str, key: &str, value: Decimal) {
        if value <= Decimal::ZERO {
            self.add(at, key, "out_of_range", &ABOVE_ZERO, &[]);
        }
    }

    /// Starts reading the object at `at` key by key, every unknown key recorded.
    pub fn fields<'v>(&mut self, at: At<'v, '_>, keys: &'static [&'static str]) -> Option<Fields<'v, '_>> {
        let o = self.keep(at.any_obj(keys))?;
        self.unknown(&o);
        Some(Fields { o, p: self, ok: true })
    }

    /// An object of named entries (clauses, tracks) each read by `read`, in key order, every
    /// entry's problems recorded; `None` if it is not an object or an entry does not read.
    pub fn entries<'v, T>(&mut self, at: At<'v, '_>, mut read: impl FnMut(At<'v, '_>, &mut Problems) -> Option<T>) -> Option<Keyed<T>> {
        let mut out = Keyed::new();
        let ok = self.each_entry(at, &mut |name, at, p| read(at, p).map(|v| out.insert(name.to_owned(), v)).is_some());
        ok.then_some(out)
    }

    /// Calls `each` on every entry of an object, recording a problem if it is not one;
    /// whether every entry read (`each` says so of its own).
    fn each_entry<'v>(&mut self, at: At<'v, '_>, each: &mut dyn FnMut(&'v str, At<'v, '_>, &mut Problems) -> bool) -> bool {
        let Value::Object(map) = at.value else {
            self.error(&wrong(Expected::Object, at.value, at.path));
            return false;
        };
        let mut ok = true;
        for (name, value) in map {
            let path = join_path(at.path, name);
            ok &= each(name, At { value, path: &path }, self);
        }
        ok
    }

    /// Calls `each` on every item of a list; whether every item read.
    fn each_item<'v>(&mut self, at: At<'v, '_>, each: &mut dyn FnMut(At<'v, '_>, &mut Problems) -> bool) -> bool {
        let Value::Array(items) = at.value else {
            self.error(&wrong(Expected::List, at.value, at.path));
            return false;
        };
        let mut ok = true;
        for (i, value) in items.iter().enumerate() {
            let path = format!("{}[{i}]", at.path);
            ok &= each(At { value, path: &path }, self);
        }
        ok
    }

    /// Whether nothing was found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// `must be greater than 0`, the reason of [`Problems::positive`].
pub const ABOVE_ZERO: Text = Text { zh: "应大于 0", en: "must be greater than 0" };

/// A policy object read key by key: each getter records the problem of its key (and returns a
/// placeholder), so one reading lists every problem; [`Fields::done`] then gives the value
/// only if every key read. Section readers are written as `GradeRules::read`.
pub struct Fields<'v, 'p> {
    /// The object.
    pub o: Obj<'v>,
    /// Where problems go.
    pub p: &'p mut Problems,
    ok: bool,
}

impl<'v, 'p> Fields<'v, 'p> {
    /// Reads `o` key by key (its unknown keys are the caller's to report).
    pub fn new(o: Obj<'v>, p: &'p mut Problems) -> Self {
        Self { o, p, ok: true }
    }

    /// Records `missing_field` at `key` unless it is `present`.
    pub fn require(&mut self, key: &'static str, present: bool) {
        if !present {
            let e = Error::new(ErrorKind::MissingField, self.o.field(key));
            self.take::<()>(Err(e));
        }
    }

    /// An optional whole number within `i32`, written as a JSON number (a policy is a file,
    /// not a form: `"2022"` in quotes is a mistake the JSON Schema names too).
    pub fn opt_int(&mut self, key: &'static str) -> Option<i32> {
        let r = self.o.with(key, |a| a.json_int());
        self.take(r)
    }

    /// `result`'s value, or the placeholder with the problem recorded.
    pub fn take<T: Default>(&mut self, result: Result<T>) -> T {
        match result {
            Ok(v) => v,
            Err(e) => {
                self.p.error(&e);
                self.ok = false;
                T::default()
            }
        }
    }

    /// Required text.
    pub fn string(&mut self, key: &'static str) -> String {
        let r = self.o.string(key);
        self.take(r)
    }

    /// Optional text.
    pub fn opt_string(&mut self, key: &'static str) -> Option<String> {
        let r = self.o.opt_str(key);
        self.take(r)
    }

    /// A list of texts; absent is empty.
    pub fn strings(&mut self, key: &'static str) -> Vec<String> {
        let r = self.o.strings(key);
        self.take(r)
    }

    /// A required decimal.
    pub fn dec(&mut self, key: &'static str) -> Decimal {
        let r = self.o.dec(key);
        self.take(r)
    }

    /// An optional decimal: absent or `null` is unset; blank text is not a number (a form's
    /// empty field means "not given", a file's `""` is a mistake).
    pub fn opt_dec(&mut self, key: &'static str) -> Option<Decimal> {
        let r = self.o.with(key, |a| a.dec());
        self.take(r)
    }

    /// An optional decimal where blank text is unset too: the percentage pass mark, which a
    /// form-built override may leave blank (the JSON Schema says the same).
    pub fn opt_dec_or_blank(&mut self, key: &'static str) -> Option<Decimal> {
        let r = self.o.opt_dec(key);
        self.take(r)
    }

    /// A required count (a whole number ≥ 0, a JSON number).
    pub fn count(&mut self, key: &'static str) -> u32 {
        let r = self.o.need(key, |a| a.json_count());
        self.take(r)
    }

    /// An optional count.
    pub fn opt_count(&mut self, key: &'static str) -> Option<u32> {
        let r = self.o.with(key, |a| a.json_count());
        self.take(r)
    }

    /// An optional `true`/`false`, absent being `false`.
    pub fn flag(&mut self, key: &'static str) -> bool {
        let r = self.o.opt_bool(key).map(Option::unwrap_or_default);
        self.take(r)
    }

    /// One of `names` (exactly as written), as its index into them.
    pub fn choice(&mut self, key: &'static str, names: &'static [&'static str]) -> usize {
        let r = self.o.need(key, |a| a.choice(names));
        self.take(r)
    }

    /// An optional one of `names`.
    pub fn opt_choice(&mut self, key: &'static str, names: &'static [&'static str]) -> Option<usize> {
        let r = self.o.with(key, |a| a.choice(names));
        self.take(r)
    }

    /// A nested object read by `read`; `None` when absent or when it does not read.
    pub fn section<T>(&mut self, key: &'static str, read: impl FnOnce(At<'v, '_>, &mut Problems) -> Option<T>) -> Option<T> {
        let value = self.o.raw(key)?;
        let path = self.o.field(key);
        let got = read(At { value, path: &path }, self.p);
        self.ok &= got.is_some();
        got
    }

    /// A required nested object.
    pub fn need<T: Default>(&mut self, key: &'static str, read: impl FnOnce(At<'v, '_>, &mut Problems) -> Option<T>) -> T {
        if self.o.raw(key).is_none() {
            let e = Error::new(ErrorKind::MissingField, self.o.field(key));
            return self.take(Err(e));
        }
        self.section(key, read).unwrap_or_default()
    }

    /// A list whose every item is read by `read` (absent: empty, or `missing_field` when
    /// `required`), every item's problems recorded.
    pub fn items<T>(&mut self, key: &'static str, required: bool, mut read: impl FnMut(At<'v, '_>, &mut Problems) -> Option<T>) -> Vec<T> {
        let mut out = Vec::new();
        let Some(value) = self.o.raw(key) else {
            self.require(key, !required);
            return out;
        };
        let path = self.o.field(key);
        self.ok &= self.p.each_item(At { value, path: &path }, &mut |at, p| read(at, p).map(|v| out.push(v)).is_some());
        out
    }

    /// An object of named entries (clauses, tracks) each read by `read`; absent is empty.
    pub fn entries<T>(&mut self, key: &'static str, read: impl FnMut(At<'v, '_>, &mut Problems) -> Option<T>) -> Keyed<T> {
        self.section(key, |at, p| p.entries(at, read)).unwrap_or_default()
    }

    /// `value` if every key read, else `None`.
    pub fn done<T>(self, value: T) -> Option<T> {
        self.ok.then_some(value)
    }
}
