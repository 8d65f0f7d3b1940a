//! The `funding` section (LX-5): who pays each cost item and under which clause, the clauses
//! of the cap and of the funded-once rule, and the reimbursement checklist and refusal
//! conditions the page shows as they are.

use crate::locale::{Locale, Text};
use crate::read::{At, Problems};
use serde::Serialize;

/// The top-level policy parameters the funding estimate reads (when the policy has a
/// `funding` section): the year's cap and cost-share ratio (LX-5.2).
pub const PARAMETERS: &[&str] = &["schoolCapPerStudent", "schoolShareRatio"];

/// LX-5.3.1 "学生在校期间原则上享有一次本计划的资助机会…已享受国家留学基金等同类资助的不再重复享受":
/// a student funded before by this programme (`prior`) or by a similar one (`other`) is not
/// funded again. `Some(false)` when either is stated true, `Some(true)` when both are stated
/// false, `None` while the answer rests on one not stated. The one reading of the rule, for
/// checkEligibility's `fundable` and estimateFunding's refusal and finding.
#[must_use]
pub fn fundable(prior: Option<bool>, other: Option<bool>) -> Option<bool> {
    match (prior, other) {
        (Some(true), _) | (_, Some(true)) => Some(false),
        (Some(false), Some(false)) => Some(true),
        _ => None,
    }
}

/// A cost item (SPEC §9). The policy says who pays each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CostItem {
    /// Partner course fees (LX-5.1.1).
    #[default]
    Tuition,
    /// Programme management fee (LX-5.1.1).
    Management,
    /// Room and board during the programme (LX-5.1.1).
    Accommodation,
    /// Student insurance (LX-5.1.1).
    Insurance,
    /// Round-trip international airfare (LX-5.1.2).
    Airfare,
    /// Visa fee (LX-5.1.3).
    Visa,
    /// Local transport abroad (LX-5.1.3).
    LocalTransport,
    /// Other personal spending (LX-5.1.3).
    Personal,
}

impl CostItem {
    /// Every item, in the order SPEC §9 lists them.
    pub const ALL: [Self; 8] = [
        Self::Tuition,
        Self::Management,
        Self::Accommodation,
        Self::Insurance,
        Self::Airfare,
        Self::Visa,
        Self::LocalTransport,
        Self::Personal,
    ];

    /// The JSON names, in the order of [`CostItem::ALL`].
    pub const NAMES: &'static [&'static str] = &["tuition", "management", "accommodation", "insurance", "airfare", "visa", "localTransport", "personal"];

    /// The JSON name, e.g. `localTransport`.
    #[must_use]
    pub fn name(self) -> &'static str {
        Self::ALL.iter().zip(Self::NAMES).find(|(i, _)| **i == self).map_or("", |(_, n)| n)
    }

    /// Reads an item name as typed: surrounding spaces and letter case are ignored.
    #[must_use]
    pub fn parse(input: &str) -> Option<Self> {
        let key = input.trim();
        Self::ALL.into_iter().find(|i| i.name().eq_ignore_ascii_case(key))
    }

    /// The item names, for error messages.
    #[must_use]
    pub fn names() -> Vec<String> {
        Self::NAMES.iter().map(|n| (*n).to_owned()).collect()
    }
}

/// Who pays (LX-5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Payer {
    /// School special funding (LX-5.1.1).
    #[default]
    School,
    /// College funding (LX-5.1.2).
    College,
    /// The student (LX-5.1.3).
    Student,
}

impl Payer {
    const NAMES: &'static [&'static str] = &["school", "college", "student"];
    const ALL: [Self; 3] = [Self::School, Self::College, Self::Student];
}

/// Who pays one item, and under which clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemRule {
    /// The item.
    pub item: CostItem,
    /// Who pays it.
    pub payer: Payer,
    /// The clause that says so, e.g. `LX-5.1.1`.
    pub clause: String,
    /// Paid only up to the economy fare; the rest is the student's (LX-5.1.2, airfare).
    pub up_to_economy_fare: bool,
}

impl ItemRule {
    fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["item", "payer", "clause", "upToEconomyFare"])?;
        let v = Self {
            item: CostItem::ALL.get(f.choice("item", CostItem::NAMES)).copied().unwrap_or_default(),
            payer: Payer::ALL.get(f.choice("payer", Payer::NAMES)).copied().unwrap_or_default(),
            clause: f.string("clause"),
            up_to_economy_fare: f.flag("upToEconomyFare"),
        };
        f.done(v)
    }
}

/// A line of text the page shows as is: a checklist step or a refusal condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRule {
    /// Stable snake_case code.
    pub code: String,
    /// Clause id, e.g. `LX-5.4`.
    pub clause: String,
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl NoteRule {
    /// The text in `locale`.
    #[must_use]
    pub fn text(&self, locale: Locale) -> &str {
        locale.pick(&self.zh, &self.en)
    }

    fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["code", "clause", "zh", "en"])?;
        let v = Self { code: f.string("code"), clause: f.string("clause"), zh: f.string("zh"), en: f.string("en") };
        f.done(v)
    }
}

/// The `funding` section of a policy (LX-5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingRules {
    /// Who pays each item: every item exactly once.
    pub items: Vec<ItemRule>,
    /// Clause of the budget cap and cost-share ratio (`LX-5.2`).
    pub share_clause: String,
    /// Clause of the funded-once rule (`LX-5.3.1`).
    pub uniqueness_clause: String,
    /// What the student must do to be paid (LX-5.3.2, LX-5.3.3).
    pub checklist: Vec<NoteRule>,
    /// When funding is refused or recovered (LX-5.4).
    pub conditions: Vec<NoteRule>,
}

const REPEATED_CODE: Text = Text { zh: "与前面的代码重复", en: "repeats an earlier code" };
const REPEATED_ITEM: Text = Text { zh: "与前面的费用项目重复", en: "repeats an earlier item" };
const STUDENT_CAPPED: Text = Text { zh: "学生自付的项目不能按经济舱标准封顶", en: "an item the student pays cannot be capped at the economy fare" };
const NO_RULE: Text = Text { zh: "缺少费用项目“{item}”的规则", en: "no rule for item \"{item}\"" };

fn check_notes(notes: &[NoteRule], path: &str, p: &mut Problems) {
    for (i, n) in notes.iter().enumerate() {
        let at = format!("{path}[{i}]");
        for (key, value) in [("code", &n.code), ("clause", &n.clause), ("zh", &n.zh), ("en", &n.en)] {
            p.filled(&at, key, value);
        }
        if notes.iter().take(i).any(|m| m.code == n.code) {
            p.duplicate(&at, "code", &REPEATED_CODE);
        }
    }
}

impl FundingRules {
    /// Reads the section, recording every problem; `None` if any key does not read.
    pub fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["items", "shareClause", "uniquenessClause", "checklist", "conditions"])?;
        let v = Self {
            items: f.items("items", true, ItemRule::read),
            share_clause: f.string("shareClause"),
            uniqueness_clause: f.string("uniquenessClause"),
            checklist: f.items("checklist", false, NoteRule::read),
            conditions: f.items("conditions", false, NoteRule::read),
        };
        f.done(v)
    }

    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, p: &mut Problems) {
        for (i, rule) in self.items.iter().enumerate() {
            let at = format!("{path}.items[{i}]");
            if self.items.iter().take(i).any(|r| r.item == rule.item) {
                p.duplicate(&at, "item", &REPEATED_ITEM);
            }
            p.filled(&at, "clause", &rule.clause);
            if rule.up_to_economy_fare && rule.payer == Payer::Student {
                p.add(&at, "upToEconomyFare", "conflict", &STUDENT_CAPPED, &[]);
            }
        }
        for item in CostItem::ALL {
            if self.rule(item).is_none() {
                p.add(path, "items", "missing_entry", &NO_RULE, &[("item", &item.name())]);
            }
        }
        p.filled(path, "shareClause", &self.share_clause);
        p.filled(path, "uniquenessClause", &self.uniqueness_clause);
        check_notes(&self.checklist, &format!("{path}.checklist"), p);
        check_notes(&self.conditions, &format!("{path}.conditions"), p);
    }

    /// The rule for `item`.
    #[must_use]
    pub fn rule(&self, item: CostItem) -> Option<&ItemRule> {
        self.items.iter().find(|r| r.item == item)
    }
}
