//! The two languages every message exists in. zh-CN is the default: most students use it.

use serde::Serialize;
use std::fmt::Display;

/// A user-facing language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Locale {
    /// Simplified Chinese (default).
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Reads a BCP 47 tag leniently (`zh`, `zh-CN`, `zh-Hans`, `en`, `en-GB` …).
    /// Returns `None` for anything else so the caller can report it.
    #[must_use]
    pub fn parse(tag: &str) -> Option<Self> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" => Some(Self::ZhCn),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// Picks the text for this locale.
    #[must_use]
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Self::ZhCn => zh,
            Self::En => en,
        }
    }
}

/// A message in both languages, with `{name}` placeholders filled at use. Rules keep their
/// messages in tables of these beside the rule (see `eligibility.rs`), and the numbers come
/// from the policy and the input, never from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Simplified Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// The text in `locale` with every `{name}` replaced by its value; a placeholder without
    /// a value is left as written (a test then shows it).
    #[must_use]
    pub fn fill(&self, locale: Locale, args: &[(&str, &dyn Display)]) -> String {
        let template = locale.pick(self.zh, self.en);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        // `split_at_checked`, never `split_at`: the panicking form links core's whole
        // char-boundary panic message (Debug of a char, Unicode tables), ~4 KB of wasm.
        while let Some((before, after)) = rest.find('{').and_then(|open| rest.split_at_checked(open)) {
            out.push_str(before);
            let value = after.find('}').and_then(|close| {
                let name = after.get(1..close)?;
                let (_, v) = args.iter().find(|(n, _)| *n == name)?;
                Some((close, v))
            });
            match value {
                Some((close, v)) => {
                    out.push_str(&v.to_string());
                    rest = after.get(close + 1..).unwrap_or("");
                }
                None => {
                    out.push('{');
                    rest = after.get(1..).unwrap_or("");
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The text in `locale`, with no placeholders to fill.
    #[must_use]
    pub fn get(&self, locale: Locale) -> String {
        locale.pick(self.zh, self.en).to_owned()
    }
}

/// `n` with the English noun in the singular or the plural ("1 semester", "2 semesters").
#[must_use]
pub fn count(n: impl Display, singular: &str, plural: &str) -> String {
    let text = n.to_string();
    if text == "1" {
        format!("{text} {singular}")
    } else {
        format!("{text} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_fill_their_placeholders_in_either_language() {
        let t = Text { zh: "第 {y} 年（学制 {p} 年）", en: "year {y} of {p}, {unknown} {" };
        assert_eq!(t.fill(Locale::ZhCn, &[("y", &3), ("p", &4)]), "第 3 年（学制 4 年）");
        assert_eq!(t.fill(Locale::En, &[("y", &3), ("p", &"4")]), "year 3 of 4, {unknown} {");
        assert_eq!(count(1, "semester", "semesters"), "1 semester");
        assert_eq!(count(0, "semester", "semesters"), "0 semesters");
        assert_eq!(count("2", "credit", "credits"), "2 credits");
    }

    #[test]
    fn parses_common_tags() {
        for (tag, want) in [
            ("zh-CN", Some(Locale::ZhCn)),
            ("zh", Some(Locale::ZhCn)),
            ("zh_Hans", Some(Locale::ZhCn)),
            (" EN ", Some(Locale::En)),
            ("en-GB", Some(Locale::En)),
            ("fr", None),
            ("", None),
        ] {
            assert_eq!(Locale::parse(tag), want, "tag {tag:?}");
        }
    }
}
