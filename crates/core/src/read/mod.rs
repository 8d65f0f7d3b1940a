//! Reading a request or a policy document: a `serde_json::Value` walked by hand, with the
//! input path of any error (`courses[2].grade`).
//!
//! One shape for every reader. A type reads itself from an [`Obj`] (an object whose keys it
//! declares up front, so a typo is `unknown_field` before anything else is read), field by
//! field through the few non-generic getters below. serde's derived readers compiled a visitor,
//! a field enum and a key matcher per type (about 90 KB of the wasm for the request and policy
//! types); these getters are compiled once.
//!
//! Requests stop at the first error ([`Result`]). A policy document lists every problem:
//! its reader keeps going through [`Problems::keep`].

mod problems;

pub use problems::{Fields, Problems, ABOVE_ZERO};

use crate::decimal::{self, Decimal};
use crate::error::{join_path, Error, ErrorKind, Expected, Found, Result};
use serde_json::{Map, Value};

/// A request that reads itself: the keys it knows and how it reads them. The request
/// types of the API are defined beside their rules (`grade::GpaInput`, …).
pub trait Request: Sized {
    /// Every key the request may have (`policy` and `locale` included where it takes them).
    const KEYS: &'static [&'static str];
    /// Reads the request's own keys (`policy` and `locale` are read by the API).
    ///
    /// # Errors
    /// The first unreadable key, with its path.
    fn read(o: &Obj<'_>) -> Result<Self>;
}

/// The JSON type of `value`, for `invalid_type`.
#[must_use]
pub fn found(value: &Value) -> Found {
    match value {
        Value::Null => Found::Null,
        Value::Bool(_) => Found::Bool,
        Value::Number(_) => Found::Number,
        Value::String(_) => Found::Text,
        Value::Array(_) => Found::List,
        Value::Object(_) => Found::Object,
    }
}

pub(crate) fn wrong(expected: Expected, value: &Value, path: &str) -> Error {
    Error::new(ErrorKind::InvalidType { expected, found: found(value) }, path)
}

/// A value and where it sits in the input.
#[derive(Clone, Copy)]
pub struct At<'v, 'p> {
    /// The value.
    pub value: &'v Value,
    /// Its path, e.g. `courses[2]`.
    pub path: &'p str,
}

impl<'v> At<'v, '_> {
    /// The value as an object with exactly these `keys` (any of them may be absent).
    ///
    /// # Errors
    /// `invalid_type` when it is not an object; `unknown_field` at the first key not in `keys`.
    pub fn obj(self, keys: &'static [&'static str]) -> Result<Obj<'v>> {
        let o = self.any_obj(keys)?;
        o.deny_unknown()?;
        Ok(o)
    }

    /// The value as an object, without checking its keys yet (a policy reader lists every
    /// unknown key with [`Obj::unknown`]).
    ///
    /// # Errors
    /// `invalid_type` when it is not an object.
    pub fn any_obj(self, keys: &'static [&'static str]) -> Result<Obj<'v>> {
        match self.value {
            Value::Object(map) => Ok(Obj { map, path: self.path.to_owned(), keys }),
            other => Err(wrong(Expected::Object, other, self.path)),
        }
    }

    /// Text or a number written as text (`"grade": 85`).
    ///
    /// # Errors
    /// `invalid_type` for anything else.
    pub fn text(self) -> Result<String> {
        match self.value {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(number_text(n)),
            other => Err(wrong(Expected::TextOrNumber, other, self.path)),
        }
    }

    /// Text only.
    ///
    /// # Errors
    /// `invalid_type` for anything else.
    pub fn str(self) -> Result<&'v str> {
        match self.value {
            Value::String(s) => Ok(s),
            other => Err(wrong(Expected::Text, other, self.path)),
        }
    }

    /// A decimal: a JSON number or a numeric string (`"3.7"`, `" 88 "`, `"３．５"`).
    ///
    /// # Errors
    /// `invalid_number` for text that is not a decimal, `overflow` past the decimal range,
    /// `invalid_type` for anything else.
    pub fn dec(self) -> Result<Decimal> {
        self.decimal(decimal::parse)
    }

    /// An amount of money: as [`At::dec`], text also with a currency sign and thousands
    /// separators grouped by threes (`＄3,000`; [`decimal::parse_money`]).
    ///
    /// # Errors
    /// As [`At::dec`].
    pub fn money(self) -> Result<Decimal> {
        self.decimal(decimal::parse_money)
    }

    fn decimal(self, parse: fn(&str) -> std::result::Result<Decimal, decimal::ParseError>) -> Result<Decimal> {
        let text = match self.value {
            Value::String(s) => s.clone(),
            Value::Number(n) => number_text(n),
            other => return Err(wrong(Expected::Number, other, self.path)),
        };
        parse(&text).map_err(|e| Error::new(e.kind(text), self.path))
    }

    /// `true` or `false`.
    ///
    /// # Errors
    /// `invalid_type` for anything else.
    pub fn bool(self) -> Result<bool> {
        match self.value {
            Value::Bool(b) => Ok(*b),
            other => Err(wrong(Expected::Bool, other, self.path)),
        }
    }

    /// A whole number within `i32`: `2026`, `"2026"`.
    ///
    /// # Errors
    /// As [`At::dec`]; `invalid_step` for a fraction, `out_of_range` past `i32`.
    pub fn int(self) -> Result<i32> {
        whole(self.dec()?, self.path)
    }

    /// A whole number written as a JSON number, as a policy file gives one (a request's may be
    /// text: it comes from a form field).
    ///
    /// # Errors
    /// `invalid_type` for anything but a number; as [`At::int`].
    pub fn json_int(self) -> Result<i32> {
        match self.value {
            Value::Number(_) => self.int(),
            other => Err(wrong(Expected::Number, other, self.path)),
        }
    }

    /// A count as a policy file gives one: [`At::json_int`] from 0.
    ///
    /// # Errors
    /// As [`At::json_int`]; `out_of_range` below 0.
    pub fn json_count(self) -> Result<u32> {
        let n = self.json_int()?;
        u32::try_from(n).map_err(|_| Error::new(ErrorKind::OutOfRange { value: n.to_string(), min: Some("0".to_owned()), max: None }, self.path))
    }

    /// One of `names`, exactly as written, as its index into them.
    ///
    /// # Errors
    /// `invalid_type` for anything but text; `unknown_value` (listing `names`) for other text.
    pub fn choice(self, names: &'static [&'static str]) -> Result<usize> {
        let s = self.str()?;
        names.iter().position(|n| *n == s).ok_or_else(|| {
            Error::new(ErrorKind::UnknownValue { value: s.to_owned(), allowed: names.iter().map(|n| (*n).to_owned()).collect() }, self.path)
        })
    }

    /// Each item of a list, read by `each`.
    ///
    /// # Errors
    /// `invalid_type` when it is not a list; the first error of an item.
    pub fn list<T>(self, mut each: impl FnMut(At<'v, '_>) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.items(&mut |at| each(at).map(|v| out.push(v)))?;
        Ok(out)
    }

    /// Calls `each` on every item of a list with its path. Not generic: the list walk is
    /// compiled once, not once per item type (a generic one was ~1 KB of wasm per type).
    fn items(self, each: &mut dyn FnMut(At<'v, '_>) -> Result<()>) -> Result<()> {
        let Value::Array(items) = self.value else {
            return Err(wrong(Expected::List, self.value, self.path));
        };
        for (i, value) in items.iter().enumerate() {
            let path = format!("{}[{i}]", self.path);
            each(At { value, path: &path })?;
        }
        Ok(())
    }

    /// Each entry of an object (`rates`, `clauses`), read by `each`, in key order.
    ///
    /// # Errors
    /// `invalid_type` when it is not an object; the first error of an entry.
    pub fn entries<T>(self, mut each: impl FnMut(&'v str, At<'v, '_>) -> Result<T>) -> Result<Vec<T>> {
        let Value::Object(map) = self.value else {
            return Err(wrong(Expected::Object, self.value, self.path));
        };
        let mut out = Vec::with_capacity(map.len());
        for (key, value) in map {
            let path = join_path(self.path, key);
            out.push(each(key, At { value, path: &path })?);
        }
        Ok(out)
    }
}

/// A whole number within `i32`.
///
/// # Errors
/// `invalid_step` for a fraction, `out_of_range` past `i32`.
pub fn whole(v: Decimal, path: &str) -> Result<i32> {
    if !v.fract().is_zero() {
        return Err(Error::new(ErrorKind::InvalidStep { value: v.to_string(), step: "1".to_owned() }, path));
    }
    rust_decimal::prelude::ToPrimitive::to_i32(&v).ok_or_else(|| {
        Error::new(ErrorKind::OutOfRange { value: v.to_string(), min: Some(i32::MIN.to_string()), max: Some(i32::MAX.to_string()) }, path)
    })
}

/// A JSON number as the text that was typed, in plain notation: an integer as it is, a float
/// as its shortest round-trip text (serde_json's, `1.5e-7` → `0.00000015`). A JS number
/// typed 0.1 is the decimal 0.1, never the nearest binary fraction.
#[must_use]
pub fn number_text(n: &serde_json::Number) -> String {
    decimal::plain(&n.to_string())
}

/// An object of the input and the keys its reader knows.
pub struct Obj<'v> {
    map: &'v Map<String, Value>,
    path: String,
    keys: &'static [&'static str],
}

impl<'v> Obj<'v> {
    /// The request itself: an object with exactly these `keys`.
    ///
    /// # Errors
    /// `invalid_type` when it is not an object; `unknown_field` at the first unknown key.
    pub fn root(value: &'v Value, keys: &'static [&'static str]) -> Result<Self> {
        At { value, path: "" }.obj(keys)
    }

    /// Where this object sits in the input.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The keys present that the reader does not know, in key order.
    pub fn unknown(&self) -> impl Iterator<Item = &'v str> + '_ {
        self.map.keys().map(String::as_str).filter(|k| !self.keys.contains(k))
    }

    /// # Errors
    /// `unknown_field` at the first key the reader does not know.
    pub fn deny_unknown(&self) -> Result<()> {
        match self.unknown().next() {
            Some(name) => Err(Error::new(ErrorKind::UnknownField { name: name.to_owned() }, join_path(&self.path, name))),
            None => Ok(()),
        }
    }

    /// The path of `key` in this object.
    #[must_use]
    pub fn field(&self, key: &str) -> String {
        join_path(&self.path, key)
    }

    /// `key`'s value with its path, or `None` when absent or `null` (both mean "not given").
    /// The path is built only when there is a value to read.
    pub fn with<T>(&self, key: &'static str, read: impl FnOnce(At<'v, '_>) -> Result<T>) -> Result<Option<T>> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => {
                let path = self.field(key);
                read(At { value, path: &path }).map(Some)
            }
        }
    }

    /// `key`'s raw value, if present and not `null`.
    #[must_use]
    pub fn raw(&self, key: &'static str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A required value. An explicit `null` is read as the value it is, so it is a wrong type
    /// (`invalid_type` … found null), not a missing key: that is what `NaN` and `Infinity`
    /// become in JSON, and a number must never be taken for "not given".
    ///
    /// # Errors
    /// `missing_field` when absent; `read`'s error (`invalid_type` for `null`).
    pub fn need<T>(&self, key: &'static str, read: impl FnOnce(At<'v, '_>) -> Result<T>) -> Result<T> {
        match self.map.get(key) {
            None => Err(Error::new(ErrorKind::MissingField, self.field(key))),
            Some(value) => {
                let path = self.field(key);
                read(At { value, path: &path })
            }
        }
    }

    /// Required text.
    ///
    /// # Errors
    /// `missing_field`; `invalid_type` for a value that is not text.
    pub fn string(&self, key: &'static str) -> Result<String> {
        self.need(key, |a| a.str().map(str::to_owned))
    }

    /// A list of texts; absent is empty.
    ///
    /// # Errors
    /// `invalid_type` for a value that is not a list of texts.
    pub fn strings(&self, key: &'static str) -> Result<Vec<String>> {
        self.list(key, |a| a.str().map(str::to_owned))
    }

    /// Optional text.
    ///
    /// # Errors
    /// `invalid_type` for a value that is not text.
    pub fn opt_str(&self, key: &'static str) -> Result<Option<String>> {
        self.with(key, |a| a.str().map(str::to_owned))
    }

    /// Optional text; a number is taken as its text.
    ///
    /// # Errors
    /// `invalid_type` for anything else.
    pub fn opt_text(&self, key: &'static str) -> Result<Option<String>> {
        self.with(key, |a| a.text())
    }

    /// Required text; a number is taken as its text.
    ///
    /// # Errors
    /// `missing_field`; `invalid_type` for anything else.
    pub fn text(&self, key: &'static str) -> Result<String> {
        self.need(key, |a| a.text())
    }

    /// A required decimal.
    ///
    /// # Errors
    /// `missing_field`; as [`At::dec`].
    pub fn dec(&self, key: &'static str) -> Result<Decimal> {
        self.need(key, |a| a.dec())
    }

    /// An optional decimal, where blank text (an empty form field) also means "not given".
    ///
    /// # Errors
    /// As [`At::dec`].
    pub fn opt_dec(&self, key: &'static str) -> Result<Option<Decimal>> {
        match self.map.get(key) {
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            _ => self.with(key, |a| a.dec()),
        }
    }

    /// An optional amount of money ([`At::money`]), blank text meaning "not given".
    ///
    /// # Errors
    /// As [`At::money`].
    pub fn opt_money(&self, key: &'static str) -> Result<Option<Decimal>> {
        match self.map.get(key) {
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            _ => self.with(key, |a| a.money()),
        }
    }

    /// An optional `true`/`false`.
    ///
    /// # Errors
    /// `invalid_type` for anything else.
    pub fn opt_bool(&self, key: &'static str) -> Result<Option<bool>> {
        self.with(key, |a| a.bool())
    }

    /// An optional list; absent is empty.
    ///
    /// # Errors
    /// As [`At::list`].
    pub fn list<T>(&self, key: &'static str, each: impl FnMut(At<'v, '_>) -> Result<T>) -> Result<Vec<T>> {
        Ok(self.with(key, |a| a.list(each))?.unwrap_or_default())
    }

    /// A required list.
    ///
    /// # Errors
    /// `missing_field`; as [`At::list`].
    pub fn need_list<T>(&self, key: &'static str, each: impl FnMut(At<'v, '_>) -> Result<T>) -> Result<Vec<T>> {
        self.need(key, |a| a.list(each))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;

    struct Course {
        name: String,
        credits: Decimal,
        grade: String,
    }

    fn read(input: &str) -> Result<Vec<Course>> {
        let value: Value = serde_json::from_str(input).unwrap_or(Value::Null);
        let o = Obj::root(&value, &["courses", "locale"])?;
        o.need_list("courses", |c| {
            let c = c.obj(&["name", "credits", "grade"])?;
            Ok(Course { name: c.opt_str("name")?.unwrap_or_default(), credits: c.dec("credits")?, grade: c.text("grade")? })
        })
    }

    #[track_caller]
    fn fails(input: &str, field: &str, code: &str) {
        match read(input) {
            Ok(_) => panic!("{input} was read"),
            Err(e) => assert_eq!((e.field.as_str(), e.code()), (field, code), "{input}"),
        }
    }

    #[test]
    fn errors_name_their_path() {
        fails(r#"{"courses":[{"credits":1,"grade":"A"},{"credits":1,"grade":"A","hour":1}]}"#, "courses[1].hour", "unknown_field");
        fails(r#"{"courses":[],"typo":1}"#, "typo", "unknown_field");
        fails(r#"{"courses":[{"grade":"A"}]}"#, "courses[0].credits", "missing_field");
        fails(r#"{}"#, "courses", "missing_field");
        fails(r#"{"courses":[{"credits":"三","grade":"A"}]}"#, "courses[0].credits", "invalid_number");
        fails(r#"{"courses":[{"credits":1,"grade":true}]}"#, "courses[0].grade", "invalid_type");
        fails(r#"{"courses":{"a":1}}"#, "courses", "invalid_type");
        fails(r#"[1]"#, "", "invalid_type");
        fails(r#"{"courses":[[1]]}"#, "courses[0]", "invalid_type");
        fails(r#"{"courses":[{"credits":1e40,"grade":"A"}]}"#, "courses[0].credits", "overflow");
        // null (what JSON makes of NaN and Infinity) is a wrong type where a value is required.
        fails(r#"{"courses":[{"credits":null,"grade":"A"}]}"#, "courses[0].credits", "invalid_type");
        fails(r#"{"courses":null}"#, "courses", "invalid_type");
    }

    #[test]
    fn a_typo_is_named_before_what_it_leaves_missing() {
        // "course" for "courses": the typo, not the missing key, is what the caller must fix.
        fails(r#"{"course":[]}"#, "course", "unknown_field");
    }

    #[test]
    fn reads_what_is_there() {
        let got = read(r#"{"courses":[{"name":"Calculus","credits":"３．５","grade":85},{"credits":0.1,"grade":"B+","name":null}]}"#)
            .unwrap_or_default();
        assert_eq!(got.len(), 2);
        let first = got.first().map(|c| (c.name.as_str(), c.credits.to_string(), c.grade.as_str()));
        assert_eq!(first, Some(("Calculus", "3.5".to_owned(), "85")));
        // A JS number 0.1 is the decimal that was typed, not the nearest binary fraction.
        let second = got.get(1).map(|c| (c.name.as_str(), c.credits.to_string(), c.grade.as_str()));
        assert_eq!(second, Some(("", "0.1".to_owned(), "B+")));
    }

    #[test]
    fn fields_list_every_problem_and_give_a_value_only_when_all_read() {
        struct Range {
            min: u32,
            max: u32,
        }
        fn range(at: At<'_, '_>, p: &mut Problems) -> Option<Range> {
            let mut f = p.fields(at, &["min", "max"])?;
            let v = Range { min: f.count("min"), max: f.count("max") };
            f.done(v)
        }
        let read = |text: &str| {
            let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            let mut p = Problems::new(Locale::En);
            let mut list = Vec::new();
            let got = p.fields(At { value: &value, path: "" }, &["ranges"]).map(|mut f| {
                list = f.items("ranges", true, range);
                f.done(())
            });
            (got.flatten().map(|()| list.iter().map(|r| (r.min, r.max)).collect::<Vec<_>>()), p.list.iter().map(|x| (x.path.clone(), x.code)).collect::<Vec<_>>())
        };
        assert_eq!(read(r#"{"ranges":[{"min":1,"max":2}]}"#), (Some(vec![(1, 2)]), vec![]));
        let (got, problems) = read(r#"{"ranges":[{"min":-1,"max":"x"},{"min":1},{"min":1,"max":2,"typo":0}],"more":1}"#);
        assert_eq!(got, None);
        assert_eq!(
            problems,
            [
                ("more".to_owned(), "unknown_field"),
                ("ranges[0].min".to_owned(), "out_of_range"),
                ("ranges[0].max".to_owned(), "invalid_type"),
                ("ranges[1].max".to_owned(), "missing_field"),
                ("ranges[2].typo".to_owned(), "unknown_field"),
            ]
        );
        assert_eq!(read("{}").1, [("ranges".to_owned(), "missing_field")]);
    }

    #[test]
    fn js_numbers_become_the_decimal_that_was_typed() {
        let read = |json: &str| {
            let v: Value = serde_json::from_str(json).unwrap_or_default();
            At { value: &v, path: "x" }.dec().map(|d| d.to_string()).unwrap_or_default()
        };
        assert_eq!(read("0.1"), "0.1");
        assert_eq!(read("1.5e-7"), "0.00000015");
        // Text keeps every place typed.
        assert_eq!(read("\"3.30\""), "3.30");
    }

    #[test]
    fn whole_numbers_fit_i32() {
        let d = |s: &str| decimal::parse(s).unwrap_or_default();
        assert_eq!(whole(d("2026"), "year").ok(), Some(2026));
        assert_eq!(whole(d("2026.0"), "year").ok(), Some(2026));
        assert_eq!(whole(d("-3"), "year").ok(), Some(-3));
        assert_eq!(whole(d("2026.5"), "year").map_err(|e| e.code()), Err("invalid_step"));
        assert_eq!(whole(d("3000000000"), "year").map_err(|e| e.code()), Err("out_of_range"));
    }

    #[test]
    fn problems_are_collected_with_their_paths() {
        let value: Value = serde_json::from_str(r#"{"a":"x","b":1,"zz":2,"yy":3}"#).unwrap_or(Value::Null);
        let mut p = Problems::new(Locale::En);
        let o = At { value: &value, path: "grades" }.any_obj(&["a", "b"]);
        let Some(o) = p.keep(o) else { panic!("an object") };
        p.unknown(&o);
        let _ = p.keep(o.dec("a"));
        p.range("grades", "b", o.opt_dec("b").ok().flatten(), Some(Decimal::from(2)), None);
        let got: Vec<(&str, &str, &str)> = p.list.iter().map(|x| (x.path.as_str(), x.code, x.reason.as_str())).collect();
        assert_eq!(
            got,
            [
                ("grades.yy", "unknown_field", "unknown field \"yy\" (a typo?)"),
                ("grades.zz", "unknown_field", "unknown field \"zz\" (a typo?)"),
                ("grades.a", "invalid_number", "\"x\" is not a number"),
                ("grades.b", "out_of_range", "1 must be at least 2"),
            ]
        );
    }
}
