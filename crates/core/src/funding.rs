//! Funding shares (LX-5): who pays which cost of a trip — the school (LX-5.1.1), the college
//! (LX-5.1.2) or the student (LX-5.1.3) — within the year's cap and cost-share ratio (LX-5.2),
//! once per student (LX-5.3.1), with the reimbursement checklist (LX-5.3.2/5.3.3) and the
//! refusal and recovery conditions (LX-5.4) carried as data for the page.
//!
//! Money is exact and in fen (0.01 CNY). Each cost is converted to CNY and rounded half-up to
//! the fen FIRST; every later split of a cost rounds once, half-up, and gives the remainder of
//! the cost to the other payer. So the parts of a cost always add up to the cost, and
//! `school + college + student = total` to the fen for every input, by construction.
//!
//! Order of the splits of one cost:
//! 1. Uniqueness (LX-5.3.1): a student already funded by this plan or by CSC or similar gets
//!    nothing from the school or the college; the whole cost is the student's.
//! 2. Economy fare (LX-5.1.2): for an item marked `upToEconomyFare` (airfare), the college pays
//!    up to `economyFare` for all such costs together (outbound and return tickets share one
//!    round-trip fare), filled in input order; the excess is the student's.
//! 3. Ratio (LX-5.2): of each school item the school pays `schoolShareRatio` × the cost,
//!    rounded half-up to the fen line by line (the line-first rule of LX-5), the rest is the
//!    student's.
//! 4. Cap (LX-5.2): the school's parts, in input order, fill `schoolCapPerStudent` (taken down
//!    to the fen: a cap is a ceiling); whatever is above it is the student's.
//!
//! An unset ratio or cap (the preset leaves both to the year's notice) applies no ratio and no
//! cap, and says so with a `review` finding.

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Problem, Result, Section};
use crate::finding::Finding;
use crate::keyed::Keyed;
use crate::locale::Locale;
use crate::policy::{problem, Policy};
use rust_decimal::RoundingStrategy;
use serde::{Deserialize, Serialize};

/// The top-level policy parameters the funding estimate reads (when the policy has a
/// `funding` section): the year's cap and cost-share ratio (LX-5.2).
pub const PARAMETERS: &[&str] = &["schoolCapPerStudent", "schoolShareRatio"];

/// A cost item (SPEC §9). The policy says who pays each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CostItem {
    /// Partner course fees (LX-5.1.1).
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

    /// The JSON name, e.g. `localTransport`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Tuition => "tuition",
            Self::Management => "management",
            Self::Accommodation => "accommodation",
            Self::Insurance => "insurance",
            Self::Airfare => "airfare",
            Self::Visa => "visa",
            Self::LocalTransport => "localTransport",
            Self::Personal => "personal",
        }
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
        Self::ALL.iter().map(|i| i.name().to_owned()).collect()
    }

    /// A display name in the caller's language.
    #[must_use]
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Tuition => locale.pick("课程费", "course fees"),
            Self::Management => locale.pick("项目管理费", "management fee"),
            Self::Accommodation => locale.pick("食宿费", "room and board"),
            Self::Insurance => locale.pick("保险费", "insurance"),
            Self::Airfare => locale.pick("国际机票", "airfare"),
            Self::Visa => locale.pick("签证费", "visa fee"),
            Self::LocalTransport => locale.pick("当地交通费", "local transport"),
            Self::Personal => locale.pick("个人消费", "personal spending"),
        }
    }
}

/// Who pays (LX-5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Payer {
    /// School special funding (LX-5.1.1).
    School,
    /// College funding (LX-5.1.2).
    College,
    /// The student (LX-5.1.3).
    Student,
}

/// Who pays one item, and under which clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ItemRule {
    /// The item.
    pub item: CostItem,
    /// Who pays it.
    pub payer: Payer,
    /// The clause that says so, e.g. `LX-5.1.1`.
    pub clause: String,
    /// Paid only up to the economy fare; the rest is the student's (LX-5.1.2, airfare).
    #[serde(default)]
    pub up_to_economy_fare: bool,
}

/// A line of text the page shows as is: a checklist step or a refusal condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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

/// The `funding` section of a policy (LX-5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FundingRules {
    /// Who pays each item: every item exactly once.
    pub items: Vec<ItemRule>,
    /// Clause of the budget cap and cost-share ratio (`LX-5.2`).
    pub share_clause: String,
    /// Clause of the funded-once rule (`LX-5.3.1`).
    pub uniqueness_clause: String,
    /// What the student must do to be paid (LX-5.3.2, LX-5.3.3).
    #[serde(default)]
    pub checklist: Vec<NoteRule>,
    /// When funding is refused or recovered (LX-5.4).
    #[serde(default)]
    pub conditions: Vec<NoteRule>,
}

fn check_notes(notes: &[NoteRule], path: &str, problems: &mut Vec<Problem>, locale: Locale) {
    for (i, n) in notes.iter().enumerate() {
        let at = format!("{path}[{i}]");
        for (key, value) in [("code", &n.code), ("clause", &n.clause), ("zh", &n.zh), ("en", &n.en)] {
            if value.trim().is_empty() {
                problem(problems, &format!("{at}.{key}"), locale, "不能为空", "must not be empty");
            }
        }
        if notes.iter().take(i).any(|m| m.code == n.code) {
            problem(problems, &format!("{at}.code"), locale, "与前面的代码重复", "repeats an earlier code");
        }
    }
}

impl FundingRules {
    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, problems: &mut Vec<Problem>, locale: Locale) {
        for (i, rule) in self.items.iter().enumerate() {
            let at = format!("{path}.items[{i}]");
            if self.items.iter().take(i).any(|r| r.item == rule.item) {
                problem(problems, &format!("{at}.item"), locale, "与前面的费用项目重复", "repeats an earlier item");
            }
            if rule.clause.trim().is_empty() {
                problem(problems, &format!("{at}.clause"), locale, "不能为空", "must not be empty");
            }
            if rule.up_to_economy_fare && rule.payer == Payer::Student {
                problem(
                    problems,
                    &format!("{at}.upToEconomyFare"),
                    locale,
                    "学生自付的项目不能按经济舱标准封顶",
                    "an item the student pays cannot be capped at the economy fare",
                );
            }
        }
        for item in CostItem::ALL {
            if !self.items.iter().any(|r| r.item == item) {
                problems.push(Problem {
                    path: format!("{path}.items"),
                    reason: locale.pick(format!("缺少费用项目“{}”的规则", item.name()), format!("no rule for item \"{}\"", item.name())),
                });
            }
        }
        for (key, value) in [("shareClause", &self.share_clause), ("uniquenessClause", &self.uniqueness_clause)] {
            if value.trim().is_empty() {
                problem(problems, &format!("{path}.{key}"), locale, "不能为空", "must not be empty");
            }
        }
        check_notes(&self.checklist, &format!("{path}.checklist"), problems, locale);
        check_notes(&self.conditions, &format!("{path}.conditions"), problems, locale);
    }

    fn rule(&self, item: CostItem) -> Option<&ItemRule> {
        self.items.iter().find(|r| r.item == item)
    }
}

/// One cost as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cost {
    /// What it is.
    pub item: CostItem,
    /// The amount, ≥ 0, in `currency`.
    pub amount: Decimal,
    /// ISO-style currency code (`USD`); `None` or blank means CNY.
    pub currency: Option<String>,
}

/// The question: these costs, at these rates, for this student.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FundingInput {
    /// The costs, in the order the page lists them.
    pub costs: Vec<Cost>,
    /// CNY per unit of each currency: (code as entered, rate), e.g. `("USD", 7.1234)`. Codes
    /// are compared in upper case; one given twice is a `duplicate`.
    pub rates: Vec<(String, Decimal)>,
    /// The economy round-trip fare the college pays up to (LX-5.1.2).
    pub economy_fare: Option<Decimal>,
    /// Currency of `economy_fare`; `None` or blank means CNY.
    pub economy_fare_currency: Option<String>,
    /// Already funded once by this plan (LX-5.3.1).
    pub prior_lixing_funding: Option<bool>,
    /// Already funded by the China Scholarship Council or similar (LX-5.3.1).
    pub other_funding: Option<bool>,
}

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

fn zero() -> Decimal {
    Decimal::new(0, 2)
}

/// Rounds half-up to the fen and keeps two places, or reports `overflow` at `field` when the
/// value has no exact two-place form (beyond about 7.9 × 10^26).
fn to_fen(value: Decimal, field: &str) -> Result<Decimal> {
    let mut v = decimal::round_half_up(value, 2);
    v.rescale(2);
    if v.scale() == 2 {
        Ok(v)
    } else {
        Err(Error::new(ErrorKind::Overflow, field))
    }
}

/// Adds two fen amounts exactly. `checked_add` alone is not enough: past the two-place range
/// rust_decimal drops places and rounds instead of failing, which would break the fen sum.
fn add(a: Decimal, b: Decimal, field: &str) -> Result<Decimal> {
    let sum = a.checked_add(b).ok_or_else(|| Error::new(ErrorKind::Overflow, field))?;
    to_fen(sum, field)
}

fn sub(a: Decimal, b: Decimal, field: &str) -> Result<Decimal> {
    let diff = a.checked_sub(b).ok_or_else(|| Error::new(ErrorKind::Overflow, field))?;
    to_fen(diff, field)
}

fn currency_code(input: Option<&str>) -> Option<String> {
    input.map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty() && c != "CNY")
}

/// Checks `rates` and keys them by upper-case code.
fn rate_table(rates: &[(String, Decimal)]) -> Result<Keyed<Decimal>> {
    let mut table = Keyed::new();
    for (key, rate) in rates {
        let field = format!("rates.{key}");
        let code = key.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(Error::new(ErrorKind::MissingField, field));
        }
        if code == "CNY" {
            // CNY is the unit: a rate other than 1 would make the total mean nothing.
            if *rate != Decimal::ONE {
                return Err(Error::new(
                    ErrorKind::OutOfRange { value: rate.to_string(), min: Some("1".into()), max: Some("1".into()) },
                    field,
                ));
            }
            continue;
        }
        if *rate <= Decimal::ZERO {
            return Err(Error::new(ErrorKind::OutOfRange { value: rate.to_string(), min: Some("0.0001".into()), max: None }, field));
        }
        if table.insert(code, *rate).is_some() {
            return Err(Error::new(ErrorKind::Duplicate { value: key.clone() }, field));
        }
    }
    Ok(table)
}

/// Converts an amount (≥ 0) to CNY, rounded half-up to the fen.
fn convert(amount: Decimal, currency: Option<&str>, rates: &Keyed<Decimal>, amount_field: &str, currency_field: &str) -> Result<(Decimal, Option<Original>)> {
    if amount < Decimal::ZERO {
        return Err(Error::new(ErrorKind::OutOfRange { value: amount.to_string(), min: Some("0".into()), max: None }, amount_field));
    }
    let Some(code) = currency_code(currency) else {
        return Ok((to_fen(amount, amount_field)?, None));
    };
    let rate = *rates.get(&code).ok_or_else(|| Error::new(ErrorKind::MissingRate { currency: code.clone() }, currency_field))?;
    let cny = amount.checked_mul(rate).ok_or_else(|| Error::new(ErrorKind::Overflow, amount_field))?;
    Ok((to_fen(cny, amount_field)?, Some(Original { amount, currency: code, rate })))
}

fn money(v: Decimal) -> String {
    decimal::fixed2(v)
}

/// Splits `amount` into `(kept, rest)` with `kept = min(amount, budget)`; returns the budget
/// left. All three are fen amounts, so no rounding happens here.
fn fill(amount: Decimal, budget: &mut Decimal, field: &str) -> Result<(Decimal, Decimal)> {
    let kept = amount.min(*budget);
    *budget = sub(*budget, kept, field)?;
    Ok((kept, sub(amount, kept, field)?))
}

/// Estimates who pays what (LX-5).
///
/// # Errors
/// `not_in_policy` at `policy` when the policy has no funding rules (`xinyu-2022`);
/// `out_of_range` at `costs[i].amount` for a negative amount, at `economyFare` for a negative
/// fare, at `rates.X` for a rate ≤ 0 (or a CNY rate other than 1); `missing_rate` at
/// `costs[i].currency` / `economyFareCurrency` for a currency `rates` does not give;
/// `duplicate` at `rates.X` for a code given twice (`usd` and `USD`); `overflow` at the
/// amount's path when a value leaves the exact two-place range. An empty `costs` list is not
/// an error: the result is all zeros (the uniqueness check still reports).
pub fn estimate(policy: &Policy, input: &FundingInput, locale: Locale) -> Result<FundingResult> {
    let rules = policy
        .funding
        .as_ref()
        .ok_or_else(|| Error::new(ErrorKind::NotInPolicy { section: Section::Funding, what: None }, "policy"))?;
    let rates = rate_table(&input.rates)?;

    // Convert every cost first: a bad cost anywhere is an error before anything is split.
    let mut converted = Vec::with_capacity(input.costs.len());
    for (i, c) in input.costs.iter().enumerate() {
        let at = format!("costs[{i}]");
        converted.push(convert(c.amount, c.currency.as_deref(), &rates, &format!("{at}.amount"), &format!("{at}.currency"))?);
    }
    let economy_fare = match input.economy_fare {
        Some(f) => Some(convert(f, input.economy_fare_currency.as_deref(), &rates, "economyFare", "economyFareCurrency")?.0),
        None => None,
    };
    // A cap is a ceiling: a fraction of a fen above it is not payable (round toward zero).
    let cap = match policy.school_cap_per_student {
        Some(c) => Some(to_fen(c.round_dp_with_strategy(2, RoundingStrategy::ToZero), "policy.schoolCapPerStudent")?),
        None => None,
    };
    let ratio = policy.school_share_ratio;

    let prior = input.prior_lixing_funding == Some(true);
    let other = input.other_funding == Some(true);
    let refused = prior || other;

    let mut lines = Vec::new();
    let mut fare_left = economy_fare;
    let mut cap_left = cap;
    let (mut total, mut school, mut college, mut student) = (zero(), zero(), zero(), zero());
    let (mut fare_costs, mut within_fare, mut above_fare, mut school_items, mut outside_ratio, mut above_cap) = (false, zero(), zero(), zero(), zero(), zero());

    for (i, (c, (amount, original))) in input.costs.iter().zip(converted).enumerate() {
        let field = format!("costs[{i}].amount");
        let f = field.as_str();
        let rule = rules.rule(c.item).ok_or_else(|| Error::new(ErrorKind::NotInPolicy { section: Section::Funding, what: Some((format!("费用项目 {}", c.item.name()), format!("cost item {}", c.item.name()))) }, format!("costs[{i}].item")))?;
        total = add(total, amount, f)?;
        let mut parts: Vec<(Payer, Decimal, &str, Part, Option<String>)> = Vec::new();
        if rule.payer == Payer::Student {
            parts.push((Payer::Student, amount, &rule.clause, Part::Base, None));
        } else if refused {
            let why = locale.pick("已享受本计划或国家留学基金等同类资助，不再资助", "Already funded by this plan or by the CSC or similar: not funded again");
            parts.push((Payer::Student, amount, &rules.uniqueness_clause, Part::NotFundable, Some(why.to_owned())));
        } else {
            // 2. economy fare
            let mut covered = amount;
            if rule.up_to_economy_fare {
                fare_costs = true;
                if let Some(left) = fare_left.as_mut() {
                    let fare = economy_fare.unwrap_or_default();
                    let (kept, rest) = fill(amount, left, f)?;
                    covered = kept;
                    within_fare = add(within_fare, kept, f)?;
                    above_fare = add(above_fare, rest, f)?;
                    let why = locale.pick(format!("超出经济舱标准 {} 元的部分由个人承担", money(fare)), format!("Above the economy fare of {} CNY: the student's", money(fare)));
                    parts.push((Payer::Student, rest, &rule.clause, Part::AboveEconomyFare, Some(why)));
                }
            }
            if rule.payer == Payer::School {
                school_items = add(school_items, covered, f)?;
                // 3. ratio, rounded half-up to the fen, line by line
                if let Some(r) = ratio {
                    let share = to_fen(covered.checked_mul(r).ok_or_else(|| Error::new(ErrorKind::Overflow, f))?, f)?;
                    let rest = sub(covered, share, f)?;
                    outside_ratio = add(outside_ratio, rest, f)?;
                    let why = locale.pick(format!("学校按 {} 的比例分担，其余由个人承担", decimal::exact(r)), format!("The school pays a share of {}; the rest is the student's", decimal::exact(r)));
                    parts.push((Payer::Student, rest, &rules.share_clause, Part::OutsideShareRatio, Some(why)));
                    covered = share;
                }
                // 4. cap, filled in input order
                if let Some(left) = cap_left.as_mut() {
                    let (kept, rest) = fill(covered, left, f)?;
                    above_cap = add(above_cap, rest, f)?;
                    let why = locale.pick(format!("超出学校资助上限 {} 元的部分由个人承担", money(cap.unwrap_or_default())), format!("Above the school's cap of {} CNY: the student's", money(cap.unwrap_or_default())));
                    parts.push((Payer::Student, rest, &rules.share_clause, Part::AboveSchoolCap, Some(why)));
                    covered = kept;
                }
            }
            parts.insert(0, (rule.payer, covered, &rule.clause, Part::Base, None));
        }
        // Zero parts are left out, except that a zero cost still shows as one line.
        let nonzero = parts.iter().filter(|p| !p.1.is_zero()).count();
        for (k, (payer, part_amount, clause, part, note)) in parts.into_iter().enumerate() {
            if part_amount.is_zero() && (nonzero > 0 || k > 0) {
                continue;
            }
            match payer {
                Payer::School => school = add(school, part_amount, f)?,
                Payer::College => college = add(college, part_amount, f)?,
                Payer::Student => student = add(student, part_amount, f)?,
            }
            lines.push(Line { cost: i, item: c.item, amount: part_amount, payer, clause: clause.to_owned(), part, note, original: original.clone() });
        }
    }

    let mut findings = Vec::new();
    findings.push(uniqueness_finding(rules, input, locale));
    if !refused {
        if fare_costs {
            let clause = rules.items.iter().find(|r| r.up_to_economy_fare).map_or("", |r| r.clause.as_str());
            findings.push(match economy_fare {
                None => Finding::review(
                    "airfare_economy",
                    clause,
                    locale.pick(
                        "学院按实际机票资助，原则上不超过经济舱标准；未填写经济舱票价，是否超标由学院审核。".to_owned(),
                        "The college pays the actual ticket, in principle up to economy class; no economy fare was given, so the college checks the ticket.".to_owned(),
                    ),
                ),
                Some(fare) if above_fare.is_zero() => Finding::pass(
                    "airfare_economy",
                    clause,
                    locale.pick(format!("机票未超过经济舱标准 {} 元，由学院全额资助。", money(fare)), format!("The airfare is within the economy fare of {} CNY; the college pays it in full.", money(fare))),
                ),
                Some(fare) => Finding::fail(
                    "airfare_economy",
                    clause,
                    locale.pick(
                        format!("机票超过经济舱标准 {} 元：学院资助 {} 元，超出的 {} 元由个人承担；按经济舱购票可全额资助。", money(fare), money(within_fare), money(above_fare)),
                        format!("The airfare is above the economy fare of {} CNY: the college pays {} CNY and {} CNY is yours; an economy ticket would be paid in full.", money(fare), money(within_fare), money(above_fare)),
                    ),
                ),
            });
        }
        if !school_items.is_zero() {
            findings.push(match ratio {
                None => Finding::review(
                    "school_share_ratio",
                    &rules.share_clause,
                    locale.pick(
                        "费用分担比例由当年项目实施通知确定，政策未设置：按学校全额资助估算，以通知为准。".to_owned(),
                        "The cost-share ratio is set in the year's notice and the policy has none: estimated as paid in full by the school; the notice decides.".to_owned(),
                    ),
                ),
                Some(r) => Finding::pass(
                    "school_share_ratio",
                    &rules.share_clause,
                    locale.pick(
                        format!("学校专项资助按 {} 的比例分担学校资助项目（共 {} 元），其余 {} 元由个人承担。", decimal::exact(r), money(school_items), money(outside_ratio)),
                        format!("The school pays a share of {} of the school items ({} CNY); the other {} CNY is yours.", decimal::exact(r), money(school_items), money(outside_ratio)),
                    ),
                ),
            });
            findings.push(match cap {
                None => Finding::review(
                    "school_cap",
                    &rules.share_clause,
                    locale.pick(
                        "每生资助上限由当年项目实施通知确定，政策未设置：未按上限削减，以通知为准。".to_owned(),
                        "The per-student cap is set in the year's notice and the policy has none: no cap was applied; the notice decides.".to_owned(),
                    ),
                ),
                Some(c) if above_cap.is_zero() => Finding::pass(
                    "school_cap",
                    &rules.share_clause,
                    locale.pick(format!("学校资助 {} 元，未超过每生上限 {} 元。", money(school), money(c)), format!("The school's share of {} CNY is within the per-student cap of {} CNY.", money(school), money(c))),
                ),
                Some(c) => Finding::fail(
                    "school_cap",
                    &rules.share_clause,
                    locale.pick(
                        format!("学校资助以每生 {} 元为上限，超出的 {} 元由个人承担。", money(c), money(above_cap)),
                        format!("The school pays at most {} CNY per student; the {} CNY above the cap is yours.", money(c), money(above_cap)),
                    ),
                ),
            });
        }
    }

    let notes = |list: &[NoteRule]| list.iter().map(|n| Note { code: n.code.clone(), clause: n.clause.clone(), text: locale.pick(&n.zh, &n.en).clone() }).collect();
    Ok(FundingResult {
        total,
        school,
        college,
        student,
        fundable: !refused,
        lines,
        findings,
        checklist: notes(&rules.checklist),
        conditions: notes(&rules.conditions),
    })
}

fn uniqueness_finding(rules: &FundingRules, input: &FundingInput, locale: Locale) -> Finding {
    let clause = rules.uniqueness_clause.as_str();
    let code = "funding_uniqueness";
    match (input.prior_lixing_funding, input.other_funding) {
        (Some(true), _) | (_, Some(true)) => {
            let mut why_zh = Vec::new();
            let mut why_en = Vec::new();
            if input.prior_lixing_funding == Some(true) {
                why_zh.push("已享受过本计划资助");
                why_en.push("Already funded once by this plan");
            }
            if input.other_funding == Some(true) {
                why_zh.push("已享受国家留学基金等同类资助");
                // A sentence starts with a capital (issue 16); joined after the first, not.
                why_en.push(if why_en.is_empty() { "Already funded by the China Scholarship Council or similar" } else { "already funded by the China Scholarship Council or similar" });
            }
            Finding::fail(
                code,
                clause,
                locale.pick(
                    format!("{}：学校和学院不再资助，全部费用由个人承担。学生在校期间原则上只享有一次本计划的资助，已享受同类资助的不再重复享受。", why_zh.join("，")),
                    format!("{}: no school or college funding, every cost is yours. A student is, in principle, funded by this plan once while enrolled, and not on top of similar funding.", why_en.join(" and ")),
                ),
            )
        }
        (Some(false), Some(false)) => Finding::pass(
            code,
            clause,
            locale.pick(
                "未享受过本计划及国家留学基金等同类资助，可获资助。".to_owned(),
                "Not funded before by this plan, CSC or similar: fundable.".to_owned(),
            ),
        ),
        _ => Finding::review(
            code,
            clause,
            locale.pick(
                "未说明是否已享受本计划或国家留学基金等同类资助：按可资助估算，由学院核实。".to_owned(),
                "Whether you were funded before by this plan, CSC or similar was not given: estimated as fundable; the college checks.".to_owned(),
            ),
        ),
    }
}
