//! Typed reading of a borrowed `serde_json::Value`, with the input path of any error
//! (`courses[2].grade`).
//!
//! This replaces `serde_path_to_error`, which wrapped every deserializer, visitor, map and
//! sequence access in a path-tracking layer: each derived type was instantiated for every
//! wrapper combination (659 functions, 140 KB of wasm). Here the deserializer itself knows
//! its path, so each derived type is instantiated once. The path is a chain of stack frames,
//! built into a string only when an error happens.
//!
//! It is also stricter than serde_json's own `Value` deserializer where the API wants it: a
//! struct is read from an object only (not from an array of positional fields).

use crate::decimal::f64_text;
use crate::error::{join_path, Error, ErrorKind, Expected, Found};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};
use std::fmt;

/// Reads `T` from `value`.
///
/// # Errors
/// The first problem, as a coded [`Error`] whose `field` is the path inside `value`.
pub fn from_value<'de, T: de::Deserialize<'de>>(value: &'de Value) -> Result<T, Error> {
    T::deserialize(De { value, path: &Path::Root }).map_err(DeError::into_error)
}

/// Where a value sits: a chain of parents on the stack.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// The error while reading: its kind, then the path, set by the innermost reader it passes.
#[derive(Debug)]
pub struct DeError(Box<DeErr>);

#[derive(Debug)]
struct DeErr {
    kind: ErrorKind,
    path: Option<String>,
    /// A key below the path the error names (a missing field is noticed by its parent).
    key: Option<&'static str>,
}

impl DeError {
    fn new(kind: ErrorKind, key: Option<&'static str>) -> Self {
        DeError(Box::new(DeErr { kind, path: None, key }))
    }

    fn at(mut self, path: &Path<'_>) -> Self {
        if self.0.path.is_none() {
            let here = path.to_string();
            self.0.path = Some(match self.0.key {
                Some(key) => join_path(&here, key),
                None => here,
            });
        }
        self
    }

    fn into_error(self) -> Error {
        let DeErr { kind, path, .. } = *self.0;
        Error::new(kind, path.unwrap_or_default())
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The code only: `{:?}` would link every Debug impl the kind holds.
        f.write_str(self.0.kind.code())
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    /// Custom messages carry a stable code before a unit separator (`invalid_number\u{1f}x`),
    /// written by this crate's own visitors; anything else is serde's wording of a type
    /// mismatch.
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let text = msg.to_string();
        let kind = match text.split_once('\u{1f}') {
            Some(("invalid_number", input)) => ErrorKind::InvalidNumber { input: input.to_owned() },
            Some(("invalid_date", input)) => ErrorKind::InvalidDate { input: input.to_owned() },
            Some(("overflow", _)) => ErrorKind::Overflow,
            Some((_, detail)) => ErrorKind::InvalidType { expected: Expected::Json, found: Found::Unrepresentable(detail.to_owned()) },
            None => ErrorKind::InvalidType { expected: Expected::Json, found: Found::Unrepresentable(text) },
        };
        DeError::new(kind, None)
    }

    // serde's default wording of these formats `Unexpected` with core's float formatting
    // (14 KB of wasm for one message); `Shown` writes serde's words with `f64_text` (and
    // `null` where serde says "unit value", since the input is JSON).
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!("invalid type: {}, expected {exp}", Shown(unexp)))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!("invalid value: {}, expected {exp}", Shown(unexp)))
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        // Raised while reading the key, whose reader sets the path to the key itself.
        DeError::new(ErrorKind::UnknownField { name: field.to_owned() }, None)
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(ErrorKind::MissingField, Some(field))
    }
}

/// serde's description of an unexpected value, floats written by [`f64_text`].
struct Shown<'a>(Unexpected<'a>);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Float(v) => {
                let text = f64_text(v);
                let point = if text.contains('.') || !v.is_finite() { "" } else { ".0" };
                write!(f, "floating point `{text}{point}`")
            }
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unsigned(n) => write!(f, "integer `{n}`"),
            Unexpected::Signed(n) => write!(f, "integer `{n}`"),
            Unexpected::Char(c) => write!(f, "character `{c}`"),
            Unexpected::Str(s) => write!(f, "string \"{s}\""),
            Unexpected::Bytes(_) => f.write_str("byte array"),
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Option => f.write_str("Option value"),
            Unexpected::NewtypeStruct => f.write_str("newtype struct"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            Unexpected::Enum => f.write_str("enum"),
            Unexpected::UnitVariant => f.write_str("unit variant"),
            Unexpected::NewtypeVariant => f.write_str("newtype variant"),
            Unexpected::TupleVariant => f.write_str("tuple variant"),
            Unexpected::StructVariant => f.write_str("struct variant"),
            Unexpected::Other(other) => f.write_str(other),
        }
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, Some(f)) => Unexpected::Float(f),
            _ => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// One value and its path.
struct De<'de, 'p> {
    value: &'de Value,
    path: &'p Path<'p>,
}

impl<'de, 'p> De<'de, 'p> {
    fn visit_map<V: Visitor<'de>>(map: &'de Map<String, Value>, path: &'p Path<'p>, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(MapAcc { iter: map.iter(), value: None, path }).map_err(|e| e.at(path))
    }
}

impl<'de> Deserializer<'de> for De<'de, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let path = self.path;
        let out = match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (_, Some(i), _) => visitor.visit_i64(i),
                (_, _, Some(f)) => visitor.visit_f64(f),
                _ => Err(de::Error::invalid_type(Unexpected::Other("number"), &visitor)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(SeqAcc { iter: items.iter().enumerate(), path }),
            Value::Object(map) => return De::visit_map(map, path, visitor),
        };
        out.map_err(|e| e.at(path))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let path = self.path;
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| e.at(path))
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, DeError> {
        match self.value {
            Value::Object(map) => De::visit_map(map, self.path, visitor),
            other => Err(<DeError as de::Error>::invalid_type(unexpected(other), &visitor).at(self.path)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value, DeError> {
        // Every enum of the API is a plain string (`"tuition"`, `"exchange"`).
        match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
        .map_err(|e: DeError| e.at(self.path))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

struct SeqAcc<'de, 'p> {
    iter: std::iter::Enumerate<std::slice::Iter<'de, Value>>,
    path: &'p Path<'p>,
}

impl<'de> SeqAccess<'de> for SeqAcc<'de, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        match self.iter.next() {
            None => Ok(None),
            Some((i, value)) => {
                let path = Path::Index(self.path, i);
                seed.deserialize(De { value, path: &path }).map(Some).map_err(|e| e.at(&path))
            }
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct MapAcc<'de, 'p> {
    iter: serde_json::map::Iter<'de>,
    /// The entry whose key was just read.
    value: Option<(&'de str, &'de Value)>,
    path: &'p Path<'p>,
}

impl<'de> MapAccess<'de> for MapAcc<'de, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        match self.iter.next() {
            None => Ok(None),
            Some((key, value)) => {
                self.value = Some((key, value));
                let path = Path::Key(self.path, key);
                seed.deserialize(KeyDe(key)).map(Some).map_err(|e| e.at(&path))
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some((key, value)) => {
                let path = Path::Key(self.path, key);
                seed.deserialize(De { value, path: &path }).map_err(|e| e.at(&path))
            }
            // serde's derived code always reads a key first.
            None => Err(de::Error::custom("a value without a key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An object key: always a string.
struct KeyDe<'de>(&'de str);

impl<'de> Deserializer<'de> for KeyDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_str(self.0)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        a: u8,
        #[serde(default)]
        b: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        courses: Vec<Inner>,
    }

    fn field_of(input: &str) -> (String, &'static str) {
        let value: Value = serde_json::from_str(input).unwrap();
        let err = from_value::<Outer>(&value).unwrap_err();
        (err.field.clone(), err.code())
    }

    #[test]
    fn errors_name_their_path() {
        assert_eq!(field_of(r#"{"courses":[{"a":1},{"a":1,"hour":1}]}"#), ("courses[1].hour".into(), "unknown_field"));
        assert_eq!(field_of(r#"{"courses":[],"typo":1}"#), ("typo".into(), "unknown_field"));
        assert_eq!(field_of(r#"{"courses":[{"a":1},{"b":"x"}]}"#), ("courses[1].a".into(), "missing_field"));
        assert_eq!(field_of(r#"{}"#), ("courses".into(), "missing_field"));
        assert_eq!(field_of(r#"{"courses":[{"a":300}]}"#), ("courses[0].a".into(), "invalid_type"));
        assert_eq!(field_of(r#"{"courses":[{"a":1,"b":5}]}"#), ("courses[0].b".into(), "invalid_type"));
        assert_eq!(field_of(r#"{"courses":{"a":1}}"#), ("courses".into(), "invalid_type"));
    }

    #[test]
    fn a_struct_is_not_read_from_an_array() {
        assert_eq!(field_of(r#"{"courses":[[1]]}"#), ("courses[0]".into(), "invalid_type"));
    }

    #[test]
    fn reads_what_is_there() {
        let value: Value = serde_json::from_str(r#"{"courses":[{"a":7,"b":null},{"a":0,"b":"x"}]}"#).unwrap();
        let outer: Outer = from_value(&value).unwrap();
        assert_eq!(outer.courses.len(), 2);
        assert_eq!(outer.courses[0].a, 7);
        assert_eq!(outer.courses[1].b.as_deref(), Some("x"));
    }
}
