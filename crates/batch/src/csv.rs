//! The cohort's CSV reader: records over borrowed text (RFC 4180 quotes; CRLF, LF or CR), the
//! header and where its columns sit, and field trimming. The format is the one
//! `www/js/csv.js` reads too (README, "CSV files: one format"; `tests/csv/`).

use exchange_calc_core::error::{Error, ErrorKind, Expected, Found, Result};
use std::borrow::Cow;

/// The columns, as the header names them (matched case-insensitively).
pub const COLUMNS: [&str; 4] = ["studentId", "course", "credits", "grade"];

/// Every name a header may give each of [`COLUMNS`], in the same order: the English name
/// (any case) or the Chinese one a registrar's export uses. The page's transcript import
/// (`www/js/csv.js`, `HEADERS`) reads the same names; `tests/csv/` holds the files both
/// are tested on.
pub const HEADERS: [&[&str]; 4] = [&["studentId", "学号"], &["course", "课程", "课程名称"], &["credits", "credit", "学分"], &["grade", "成绩"]];

/// Where each column sits in a record.
pub(crate) struct Columns {
    pub(crate) count: usize,
    pub(crate) student: usize,
    pub(crate) credits: usize,
    pub(crate) grade: usize,
}

// Once per file: kept out of line (this crate is built at opt-level 3, which would copy it
// into the loop for nothing).
#[cold]
pub(crate) fn header(fields: &[Cow<'_, str>]) -> Result<Columns> {
    let mut at: [Option<usize>; 4] = [None; 4];
    for (i, name) in fields.iter().enumerate() {
        let name = name.trim();
        let Some(k) = HEADERS.iter().position(|names| names.iter().any(|c| c.eq_ignore_ascii_case(name))) else {
            return Err(Error::new(ErrorKind::UnknownField { name: name.to_owned() }, format!("csv.{name}")));
        };
        match at.get_mut(k) {
            Some(slot @ None) => *slot = Some(i),
            _ => {
                return Err(Error::new(
                    ErrorKind::InvalidType { expected: Expected::OneColumn, found: Found::Repeated },
                    format!("csv.{name}"),
                ))
            }
        }
    }
    let find = |k: usize| -> Result<usize> {
        let name = COLUMNS.get(k).copied().unwrap_or_default();
        at.get(k).copied().flatten().ok_or_else(|| Error::new(ErrorKind::MissingField, format!("csv.{name}")))
    };
    // `course` is required in the header (it names the row) but its text is free.
    find(1)?;
    Ok(Columns { count: fields.len(), student: find(0)?, credits: find(2)?, grade: find(3)? })
}

/// A line with nothing but spaces is skipped, as a spreadsheet's trailing empty rows are.
pub(crate) fn is_blank(fields: &[Cow<'_, str>]) -> bool {
    matches!(fields, [only] if only.trim().is_empty())
}

/// Trims a field, keeping it borrowed when it was.
pub(crate) fn trim(field: Cow<'_, str>) -> Cow<'_, str> {
    match field {
        Cow::Borrowed(s) => Cow::Borrowed(trim_str(s)),
        Cow::Owned(s) if s.trim().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
    }
}

/// `str::trim`, with no Unicode scan for the usual field that starts and ends with a
/// printable ASCII character (which is never white space).
fn trim_str(s: &str) -> &str {
    let printable = |b: Option<&u8>| matches!(b, Some(0x21..=0x7e));
    if printable(s.as_bytes().first()) && printable(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// The length of an unquoted field: up to the first `,`, `\n` or `\r`, or the whole text.
/// Eight bytes at a time (SWAR): a per-byte loop was the reader's largest cost in wasm.
fn field_end(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `w` equal to `c` is set, and no bit below the first
    // match: a borrow only runs upwards from a byte that matched.
    let eq = |w: u64, c: u8| {
        let x = w ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    // Indexing, not `chunks_exact`: at opt-level "z" its iterator is a call per word.
    let mut at = 0;
    while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
        let found = eq(w, b',') | eq(w, b'\n') | eq(w, b'\r');
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(b) = bytes.get(at) {
        if matches!(b, b',' | b'\n' | b'\r') {
            break;
        }
        at += 1;
    }
    at
}

/// A CSV reader over borrowed text (RFC 4180 quoting; CRLF, LF or CR line ends).
pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    /// Bit i set: field i is wanted. Other fields (of the first 64) come back empty, read
    /// over without unescaping; fields past the 64th are always kept.
    pub(crate) keep: u64,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self { text, pos: 0, line: 1, keep: u64::MAX }
    }

    fn wanted(&self, field: usize) -> bool {
        u32::try_from(field).ok().and_then(|f| self.keep.checked_shr(f)).map_or(true, |k| k & 1 == 1)
    }

    /// Reads the next record into `fields`. `Some(Ok(line))` gives the line it starts on;
    /// `Some(Err(line))` a quote opened on `line` that never closes (the rest of the text
    /// is consumed); `None` at the end.
    pub(crate) fn record(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Option<std::result::Result<usize, usize>> {
        fields.clear();
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start_line = self.line;
        loop {
            let field = if matches!(bytes.get(self.pos), Some(b'"')) {
                match self.quoted(self.wanted(fields.len())) {
                    Some(f) => f,
                    None => return Some(Err(start_line)),
                }
            } else {
                let rest = self.text.get(self.pos..).unwrap_or_default();
                let len = field_end(rest.as_bytes());
                self.pos += len;
                // Cut at an ASCII delimiter, so always on a char boundary.
                Cow::Borrowed(rest.split_at_checked(len).map_or("", |(field, _)| field))
            };
            fields.push(field);
            match bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') => {
                    self.pos += if matches!(bytes.get(self.pos + 1), Some(b'\n')) { 2 } else { 1 };
                    self.line += 1;
                    return Some(Ok(start_line));
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    return Some(Ok(start_line));
                }
                _ => return Some(Ok(start_line)),
            }
        }
    }

    /// A quoted field starting at `self.pos` (on the opening quote). Text after the closing
    /// quote up to the next delimiter is kept as written (`"a"b` → `ab`), as spreadsheets do.
    /// Unless `keep`, the field is only read over (lines counted) and comes back empty.
    #[inline(never)]
    fn quoted(&mut self, keep: bool) -> Option<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let mut i = start;
        let mut owned: Option<String> = None;
        let mut piece = start;
        loop {
            match bytes.get(i) {
                None => {
                    self.pos = i;
                    return None;
                }
                Some(b'"') if matches!(bytes.get(i + 1), Some(b'"')) => {
                    if keep {
                        let s = owned.get_or_insert_with(String::new);
                        s.push_str(self.text.get(piece..=i).unwrap_or_default());
                        piece = i + 2;
                    }
                    i += 2;
                }
                Some(b'"') => break,
                Some(b'\n') => {
                    self.line += 1;
                    i += 1;
                }
                Some(b'\r') => {
                    if !matches!(bytes.get(i + 1), Some(b'\n')) {
                        self.line += 1;
                    }
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
        let inner = self.text.get(piece..i).unwrap_or_default();
        i += 1; // the closing quote
        let tail_start = i;
        i += field_end(bytes.get(i..).unwrap_or_default());
        let tail = self.text.get(tail_start..i).unwrap_or_default();
        self.pos = i;
        if !keep {
            return Some(Cow::Borrowed(""));
        }
        Some(match owned {
            None if tail.is_empty() => Cow::Borrowed(inner),
            None => Cow::Owned(format!("{inner}{tail}")),
            Some(mut s) => {
                s.push_str(inner);
                s.push_str(tail);
                Cow::Owned(s)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<(std::result::Result<usize, usize>, Vec<String>)> {
        let mut r = Reader::new(text);
        let mut f = Vec::new();
        let mut out = Vec::new();
        while let Some(rec) = r.record(&mut f) {
            out.push((rec, f.iter().map(|c| c.to_string()).collect()));
        }
        out
    }

    /// The files of `tests/csv/`, read as `expected.json` says every reader of the format
    /// reads them (the page's `www/js/csv.js` is tested on the same files).
    #[test]
    fn reads_the_shared_csv_files_as_documented() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/csv");
        let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
        let files = expected.as_object().unwrap();
        assert!(files.len() >= 5, "{files:?}");
        for (name, want) in files.iter().filter(|(name, _)| name.ends_with(".csv")) {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
            let mut got = Vec::new();
            let mut r = Reader::new(text);
            let mut f = Vec::new();
            let mut header = None;
            while let Some(rec) = r.record(&mut f) {
                match rec {
                    Ok(_) if is_blank(&f) => {}
                    Ok(line) => {
                        header.get_or_insert_with(|| header_columns(&f));
                        got.push(serde_json::json!([line, f.iter().map(|x| x.trim()).collect::<Vec<_>>()]));
                    }
                    Err(line) => got.push(serde_json::json!([line, "unclosed_quote"])),
                }
            }
            assert_eq!(serde_json::Value::Array(got), want["records"], "{name}: records");
            assert_eq!(header.unwrap(), want["cohort"], "{name}: the cohort's columns");
        }
    }

    fn header_columns(fields: &[Cow<'_, str>]) -> serde_json::Value {
        match header(fields) {
            Ok(c) => {
                // `course` is required but not kept: where is it?
                let course = fields.iter().position(|f| HEADERS[1].iter().any(|n| n.eq_ignore_ascii_case(f.trim()))).unwrap();
                serde_json::json!({ "studentId": c.student, "course": course, "credits": c.credits, "grade": c.grade })
            }
            Err(e) => serde_json::json!({ "error": [e.code(), e.field] }),
        }
    }

    #[test]
    fn reads_quotes_escapes_and_line_ends() {
        let got = records("a,\"b,c\",\"d\"\"e\"\r\n\n\"multi\nline\",x\r\"t\"ail,");
        assert_eq!(
            got,
            vec![
                (Ok(1), vec!["a".into(), "b,c".into(), "d\"e".into()]),
                (Ok(2), vec![String::new()]),
                (Ok(3), vec!["multi\nline".into(), "x".into()]),
                (Ok(5), vec!["tail".into(), String::new()]),
            ]
        );
    }

    #[test]
    fn skipped_fields_are_read_over_but_not_kept() {
        let mut r = Reader::new("\"a\"\"b\nc\",x,\"y\"\"\"\nz,\"open\n");
        r.keep = 0b110;
        let mut f = Vec::new();
        assert_eq!(r.record(&mut f), Some(Ok(1)));
        assert_eq!(f, [Cow::Borrowed(""), Cow::Borrowed("x"), Cow::Owned::<str>("y\"".into())]);
        assert_eq!(r.record(&mut f), Some(Err(3)));
        // Field 0 is a lone field: the batch always keeps it (blank lines).
        assert!(r.wanted(64) && r.wanted(1000) && !r.wanted(0));
    }

    #[test]
    fn an_unclosed_quote_is_reported_at_its_line() {
        let got = records("a\n\"open,\nmore");
        assert_eq!(got, vec![(Ok(1), vec!["a".into()]), (Err(2), vec![])]);
    }

    #[test]
    fn quoted_field_without_escapes_is_borrowed() {
        let mut r = Reader::new("\"plain\",\"es\"\"c\"");
        let mut f = Vec::new();
        assert_eq!(r.record(&mut f), Some(Ok(1)));
        assert!(matches!(f[0], Cow::Borrowed("plain")));
        assert!(matches!(f[1], Cow::Owned(_)));
    }

    #[test]
    fn field_end_stops_at_the_first_delimiter_in_any_byte_of_a_word() {
        // Every length and position around the 8-byte words, every delimiter, and bytes
        // next to the delimiters' values (`+` `-` `\t` `\x0b` `\x0c` `\x0e`), and UTF-8.
        for len in 0..40 {
            for at in 0..=len {
                for delim in [b',', b'\n', b'\r'] {
                    let mut text: Vec<u8> = (0..len).map(|i| [b'+', b'-', b'\t', 0x0b, 0x0c, 0x0e, 0xe4, b'a'][i % 8]).collect();
                    if let Some(b) = text.get_mut(at) {
                        *b = delim;
                    }
                    let want = text.iter().position(|b| matches!(b, b',' | b'\n' | b'\r')).unwrap_or(text.len());
                    assert_eq!(field_end(&text), want, "{text:?}");
                }
            }
        }
        assert_eq!(field_end(b"S2024000123,Course 1,3,B+"), 11);
        assert_eq!(field_end(b"\r\n"), 0);
    }

}
