//! The two languages every message exists in. zh-CN is the default: most students use it.

use serde::Serialize;

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

    /// The tag this crate writes (`zh-CN` or `en`).
    #[must_use]
    pub fn tag(self) -> &'static str {
        self.pick("zh-CN", "en")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
