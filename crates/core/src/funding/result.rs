//! What `estimateFunding` answers: the shares, each payer's part of each cost, the findings,
//! and the policy's checklist and conditions in the caller's language.

use crate::decimal::Decimal;
use crate::finding::Finding;
use crate::policy::funding::{CostItem, Payer};
use serde::Serialize;

/// Why a line exists: the plain rule, or one of the splits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Part {
    /// The item's payer under LX-5.1.
    Base,
    /// Airfare above the economy fare, the student's (LX-5.1.2).
    AboveEconomyFare,
    /// The part of a school item outside the school's cost-share ratio (LX-5.2).
    OutsideShareRatio,
    /// The part of the school's share above the per-student cap (LX-5.2).
    AboveSchoolCap,
    /// School or college item the student pays because of the funded-once rule (LX-5.3.1).
    NotFundable,
}

/// A foreign-currency cost as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Original {
    /// The amount as entered.
    pub amount: Decimal,
    /// The currency code (upper case).
    pub currency: String,
    /// CNY per unit used.
    pub rate: Decimal,
}

/// One payer's part of one cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// Index of the cost in the input.
    pub cost: usize,
    /// The item.
    pub item: CostItem,
    /// CNY, to the fen.
    pub amount: Decimal,
    /// Who pays this part.
    pub payer: Payer,
    /// The clause that puts it there.
    pub clause: String,
    /// Which rule made this part.
    pub part: Part,
    /// Why, when it is not the item's plain payer.
    pub note: Option<String>,
    /// The whole cost as entered, when it was not in CNY (this line may be part of it).
    pub original: Option<Original>,
}

/// A checklist step or refusal condition, in the caller's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Stable code.
    pub code: String,
    /// Clause id.
    pub clause: String,
    /// The text.
    pub text: String,
}

/// Who pays how much. All amounts are CNY strings with two decimals; the three shares add up
/// to `total` exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingResult {
    /// Sum of every cost, each converted and rounded to the fen first.
    pub total: Decimal,
    /// The school's share (LX-5.1.1, LX-5.2).
    pub school: Decimal,
    /// The college's share (LX-5.1.2).
    pub college: Decimal,
    /// The student's share (LX-5.1.3 and everything above a cap or refused).
    pub student: Decimal,
    /// False when the funded-once rule (LX-5.3.1) refuses school and college funding.
    pub fundable: bool,
    /// Each payer's part of each cost, in input order.
    pub lines: Vec<Line>,
    /// Uniqueness, economy fare, ratio and cap checks.
    pub findings: Vec<Finding>,
    /// How to get paid (LX-5.3.2, LX-5.3.3).
    pub checklist: Vec<Note>,
    /// When funding is refused or recovered (LX-5.4).
    pub conditions: Vec<Note>,
}
