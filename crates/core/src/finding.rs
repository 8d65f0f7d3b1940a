//! A finding: one condition checked, its outcome, and the clause it comes from.
//! Every check in the crate returns a list of these instead of a bare boolean.

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
