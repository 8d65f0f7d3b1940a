//! A finding: one condition checked, its outcome, and the clause it comes from.
//! Every check in the crate returns a list of these instead of a bare boolean.

use crate::locale::Locale;
use crate::read::{At, Problems};
use serde::Serialize;

/// The outcome of one checked condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The condition is met.
    Pass,
    /// The condition is not met; the message says what would pass.
    Fail,
    /// The office decides: the rule needs a value the regulation leaves open, or a judgement.
    Review,
}

/// One checked condition. `clause` is a clause id such as `XYU-12.4`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable snake_case code, e.g. `core_courses`.
    pub code: String,
    /// Pass, fail or review.
    pub outcome: Outcome,
    /// The clause id the rule comes from.
    pub clause: String,
    /// A sentence in the caller's language.
    pub message: String,
}

impl Finding {
    /// Builds a finding.
    #[must_use]
    pub fn new(code: &str, outcome: Outcome, clause: &str, message: String) -> Self {
        Self {
            code: code.to_owned(),
            outcome,
            clause: clause.to_owned(),
            message,
        }
    }

    /// A passing finding.
    #[must_use]
    pub fn pass(code: &str, clause: &str, message: String) -> Self {
        Self::new(code, Outcome::Pass, clause, message)
    }

    /// A failing finding.
    #[must_use]
    pub fn fail(code: &str, clause: &str, message: String) -> Self {
        Self::new(code, Outcome::Fail, clause, message)
    }

    /// A finding the office has to settle.
    #[must_use]
    pub fn review(code: &str, clause: &str, message: String) -> Self {
        Self::new(code, Outcome::Review, clause, message)
    }
}

/// A number or rule the policy sets where the regulation is silent or leaves a range (the
/// percentage pass mark, how pass/fail grades count, the divisor within 16–18 hours): quoted
/// in every finding that uses it and shown by `describePolicy`, so it is never taken for the
/// regulation's own words.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Convention {
    /// The clause whose gap or range it fills, e.g. `XYU-12.7(2)`.
    pub clause: String,
    /// What the policy decided and why, in simplified Chinese.
    pub zh: String,
    /// The same in English.
    pub en: String,
}

impl Convention {
    /// Reads one from a policy, recording every problem.
    pub fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["clause", "zh", "en"])?;
        let v = Self { clause: f.string("clause"), zh: f.string("zh"), en: f.string("en") };
        f.done(v)
    }

    /// The text in `locale`.
    #[must_use]
    pub fn text(&self, locale: Locale) -> &str {
        locale.pick(&self.zh, &self.en)
    }

    /// Records a problem for each empty part; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, p: &mut Problems) {
        for (key, value) in [("clause", &self.clause), ("zh", &self.zh), ("en", &self.en)] {
            p.filled(path, key, value);
        }
    }
}
