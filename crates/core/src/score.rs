//! The allowed values of a score a student states (the application form, an eligibility
//! check): GPA on the four-point scale, IELTS, TOEFL iBT.

use crate::decimal::Decimal;
use crate::error::ErrorKind;

/// A score's allowed values: `min..=max`, a multiple of `step` when set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreRule {
    /// Lowest value.
    pub min: Decimal,
    /// Highest value.
    pub max: Decimal,
    /// Values must be multiples of this.
    pub step: Option<Decimal>,
}

/// GPA on the four-point scale of XYU-12.7.
pub const GPA: ScoreRule = ScoreRule { min: Decimal::ZERO, max: Decimal::from_parts(4, 0, 0, false, 0), step: None };
/// IELTS overall band: 0–9 in half bands.
pub const IELTS: ScoreRule =
    ScoreRule { min: Decimal::ZERO, max: Decimal::from_parts(9, 0, 0, false, 0), step: Some(Decimal::from_parts(5, 0, 0, false, 1)) };
/// TOEFL iBT total: 0–120, whole points.
pub const TOEFL: ScoreRule = ScoreRule { min: Decimal::ZERO, max: Decimal::from_parts(120, 0, 0, false, 0), step: Some(Decimal::ONE) };

impl ScoreRule {
    /// Checks a value: range first, then step (so 9.5 is `out_of_range`, 6.3 `invalid_step`).
    ///
    /// # Errors
    /// `OutOfRange` or `InvalidStep`, without a field.
    pub fn check(&self, v: Decimal) -> std::result::Result<(), ErrorKind> {
        if v < self.min || v > self.max {
            return Err(ErrorKind::OutOfRange {
                value: v.normalize().to_string(),
                min: Some(self.min.to_string()),
                max: Some(self.max.to_string()),
            });
        }
        if let Some(step) = self.step {
            if v.checked_rem(step).is_some_and(|r| !r.is_zero()) {
                return Err(ErrorKind::InvalidStep { value: v.normalize().to_string(), step: step.to_string() });
            }
        }
        Ok(())
    }
}
