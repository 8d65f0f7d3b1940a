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

mod fen;
mod result;
mod text;

pub use crate::policy::funding::{CostItem, FundingRules, ItemRule, NoteRule, Payer, PARAMETERS};
use crate::policy::funding::fundable;
pub use result::{FundingResult, Line, Note, Original, Part};

use crate::decimal::{self, Decimal};
use crate::error::{Error, ErrorKind, Result, Section};
use crate::finding::Finding;
use crate::keyed::Keyed;
use crate::locale::{Locale, Text};
use crate::policy::Policy;
use crate::read::{At, Obj, Request};
use fen::{add, fill, money, sub, to_fen, zero};
use rust_decimal::RoundingStrategy;
use std::fmt::Display;
use text::*;

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

impl Cost {
    fn read(at: At<'_, '_>) -> Result<Self> {
        let o = at.obj(&["item", "amount", "currency"])?;
        let item = o.text("item")?;
        let item = CostItem::parse(&item)
            .ok_or_else(|| Error::new(ErrorKind::UnknownValue { value: item.trim().to_owned(), allowed: CostItem::names() }, o.field("item")))?;
        Ok(Self { item, amount: o.need("amount", |a| a.money())?, currency: o.opt_str("currency")? })
    }
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

impl Request for FundingInput {
    const KEYS: &'static [&'static str] =
        &["policy", "costs", "rates", "economyFare", "economyFareCurrency", "priorLixingFunding", "otherFunding", "locale"];
    fn read(o: &Obj<'_>) -> Result<Self> {
        Ok(Self {
            costs: o.need_list("costs", Cost::read)?,
            // A key typed full width (`ＵＳＤ`) is named as it folds (`rates.USD`), the code it is.
            rates: o.with("rates", |a| a.entries(|code, rate| Ok((decimal::fold_width(code), rate.dec()?))))?.unwrap_or_default(),
            economy_fare: o.opt_money("economyFare")?,
            economy_fare_currency: o.opt_str("economyFareCurrency")?,
            prior_lixing_funding: o.opt_bool("priorLixingFunding")?,
            other_funding: o.opt_bool("otherFunding")?,
        })
    }
}

/// A currency code as typed, in upper case: the IME's full-width `ＵＳＤ` is `USD`.
fn code(input: &str) -> String {
    decimal::fold_width(input).trim().to_ascii_uppercase()
}

fn currency_code(input: Option<&str>) -> Option<String> {
    input.map(code).filter(|c| !c.is_empty() && c != "CNY")
}

/// Checks `rates` and keys them by upper-case code.
fn rate_table(rates: &[(String, Decimal)]) -> Result<Keyed<Decimal>> {
    let mut table = Keyed::new();
    for (key, rate) in rates {
        let field = format!("rates.{key}");
        let code = code(key);
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
    let cny = amount.checked_mul(rate).ok_or_else(|| decimal::overflow(amount_field))?;
    Ok((to_fen(cny, amount_field)?, Some(Original { amount, currency: code, rate })))
}

/// One payer's part of one cost, before it is a [`Line`].
struct Share<'r> {
    payer: Payer,
    amount: Decimal,
    clause: &'r str,
    part: Part,
    note: Option<String>,
}

/// The year's limits (LX-5.1.2, LX-5.2), used up cost by cost in input order, and what the
/// splits took under each, for the findings.
#[derive(Default)]
struct Limits {
    /// The economy round-trip fare, in CNY, and what is left of it.
    fare: Option<Decimal>,
    fare_left: Option<Decimal>,
    /// The school's share of its items.
    ratio: Option<Decimal>,
    /// The per-student cap, in CNY, and what is left of it.
    cap: Option<Decimal>,
    cap_left: Option<Decimal>,
    /// Some cost is paid only up to the economy fare.
    fare_costs: bool,
    /// Paid by the college within the fare, and the student's above it.
    within_fare: Decimal,
    above_fare: Decimal,
    /// The school items, and the student's part of them outside the ratio.
    school_items: Decimal,
    outside_ratio: Decimal,
    /// The student's part above the cap.
    above_cap: Decimal,
}

impl Limits {
    /// The parts of one cost of `amount` (CNY, fen) under `rule`; the item's payer first.
    fn split<'r>(&mut self, rules: &'r FundingRules, rule: &'r ItemRule, amount: Decimal, refused: bool, f: &str, locale: Locale) -> Result<Vec<Share<'r>>> {
        let student = |amount, clause, part, note: String| Share { payer: Payer::Student, amount, clause, part, note: Some(note) };
        // LX-5.1.3: the student's own items.
        if rule.payer == Payer::Student {
            return Ok(vec![Share { payer: Payer::Student, amount, clause: &rule.clause, part: Part::Base, note: None }]);
        }
        // LX-5.3.1: funded once, and not on top of similar funding.
        if refused {
            return Ok(vec![student(amount, &rules.uniqueness_clause, Part::NotFundable, NOT_FUNDABLE_NOTE.get(locale))]);
        }
        let mut parts = Vec::new();
        let mut covered = amount;
        // LX-5.1.2: the college pays the ticket up to the economy fare.
        if rule.up_to_economy_fare {
            self.fare_costs = true;
            if let (Some(left), Some(fare)) = (self.fare_left.as_mut(), self.fare) {
                let (kept, rest) = fill(amount, left, f)?;
                covered = kept;
                self.within_fare = add(self.within_fare, kept, f)?;
                self.above_fare = add(self.above_fare, rest, f)?;
                parts.push(student(rest, &rule.clause, Part::AboveEconomyFare, ABOVE_FARE_NOTE.fill(locale, &[("fare", &money(fare))])));
            }
        }
        if rule.payer == Payer::School {
            self.school_items = add(self.school_items, covered, f)?;
            // LX-5.2: the school's share of its items, rounded half-up to the fen line by line.
            if let Some(r) = self.ratio {
                let share = to_fen(covered.checked_mul(r).ok_or_else(|| decimal::overflow(f))?, f)?;
                let rest = sub(covered, share, f)?;
                self.outside_ratio = add(self.outside_ratio, rest, f)?;
                parts.push(student(rest, &rules.share_clause, Part::OutsideShareRatio, OUTSIDE_RATIO_NOTE.fill(locale, &[("ratio", &decimal::exact(r))])));
                covered = share;
            }
            // LX-5.2: the per-student cap, filled in input order.
            if let (Some(left), Some(cap)) = (self.cap_left.as_mut(), self.cap) {
                let (kept, rest) = fill(covered, left, f)?;
                self.above_cap = add(self.above_cap, rest, f)?;
                parts.push(student(rest, &rules.share_clause, Part::AboveSchoolCap, ABOVE_CAP_NOTE.fill(locale, &[("cap", &money(cap))])));
                covered = kept;
            }
        }
        parts.insert(0, Share { payer: rule.payer, amount: covered, clause: &rule.clause, part: Part::Base, note: None });
        Ok(parts)
    }
}

/// What each payer pays, and the total: `school + college + student = total`.
struct Shares {
    total: Decimal,
    school: Decimal,
    college: Decimal,
    student: Decimal,
}

impl Shares {
    fn add(&mut self, payer: Payer, amount: Decimal, f: &str) -> Result<()> {
        let share = match payer {
            Payer::School => &mut self.school,
            Payer::College => &mut self.college,
            Payer::Student => &mut self.student,
        };
        *share = add(*share, amount, f)?;
        Ok(())
    }
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
    let rules = policy.funding.as_ref().ok_or_else(|| Error::new(ErrorKind::NotInPolicy { section: Section::Funding, what: None }, "policy"))?;
    let rates = rate_table(&input.rates)?;

    // Convert every cost first: a bad cost anywhere is an error before anything is split.
    let mut converted = Vec::with_capacity(input.costs.len());
    for (i, c) in input.costs.iter().enumerate() {
        let at = format!("costs[{i}]");
        converted.push(convert(c.amount, c.currency.as_deref(), &rates, &format!("{at}.amount"), &format!("{at}.currency"))?);
    }
    let fare = match input.economy_fare {
        Some(f) => Some(convert(f, input.economy_fare_currency.as_deref(), &rates, "economyFare", "economyFareCurrency")?.0),
        None => None,
    };
    // A cap is a ceiling: a fraction of a fen above it is not payable (round toward zero).
    let cap = match policy.school_cap_per_student {
        Some(c) => Some(to_fen(c.round_dp_with_strategy(2, RoundingStrategy::ToZero), "policy.schoolCapPerStudent")?),
        None => None,
    };
    let refused = fundable(input.prior_lixing_funding, input.other_funding) == Some(false);
    let mut limits = Limits { fare, fare_left: fare, ratio: policy.school_share_ratio, cap, cap_left: cap, ..Limits::default() };
    let mut shares = Shares { total: zero(), school: zero(), college: zero(), student: zero() };
    let mut lines = Vec::new();
    for (i, (c, (amount, original))) in input.costs.iter().zip(converted).enumerate() {
        let f = format!("costs[{i}].amount");
        let rule = rules.rule(c.item).ok_or_else(|| {
            let what = Some((NO_ITEM_RULE.fill(Locale::ZhCn, &[("item", &c.item.name())]), NO_ITEM_RULE.fill(Locale::En, &[("item", &c.item.name())])));
            Error::new(ErrorKind::NotInPolicy { section: Section::Funding, what }, format!("costs[{i}].item"))
        })?;
        shares.total = add(shares.total, amount, &f)?;
        let parts = limits.split(rules, rule, amount, refused, &f, locale)?;
        // Zero parts are left out, except that a zero cost still shows as one line.
        let nonzero = parts.iter().filter(|p| !p.amount.is_zero()).count();
        for (k, p) in parts.into_iter().enumerate() {
            if p.amount.is_zero() && (nonzero > 0 || k > 0) {
                continue;
            }
            shares.add(p.payer, p.amount, &f)?;
            lines.push(Line { cost: i, item: c.item, amount: p.amount, payer: p.payer, clause: p.clause.to_owned(), part: p.part, note: p.note, original: original.clone() });
        }
    }

    let mut findings = vec![uniqueness(rules, input, locale)];
    if !refused {
        findings.extend(limit_findings(rules, &limits, shares.school, locale));
    }
    let notes = |list: &[NoteRule]| list.iter().map(|n| Note { code: n.code.clone(), clause: n.clause.clone(), text: n.text(locale).to_owned() }).collect();
    Ok(FundingResult {
        total: shares.total,
        school: shares.school,
        college: shares.college,
        student: shares.student,
        fundable: !refused,
        lines,
        findings,
        checklist: notes(&rules.checklist),
        conditions: notes(&rules.conditions),
    })
}

/// LX-5.1.2 (the economy fare), LX-5.2 (the ratio and the cap): what each limit did, or that
/// the year's notice has not set it.
fn limit_findings(rules: &FundingRules, l: &Limits, school: Decimal, locale: Locale) -> Vec<Finding> {
    let mut out = Vec::new();
    if l.fare_costs {
        let clause = rules.items.iter().find(|r| r.up_to_economy_fare).map_or("", |r| r.clause.as_str());
        out.push(match l.fare {
            None => Finding::review("airfare_economy", clause, FARE_UNSET.get(locale)),
            Some(fare) if l.above_fare.is_zero() => Finding::pass("airfare_economy", clause, FARE_WITHIN.fill(locale, &[("fare", &money(fare))])),
            Some(fare) => {
                let args: [(&str, &dyn Display); 3] = [("fare", &money(fare)), ("within", &money(l.within_fare)), ("above", &money(l.above_fare))];
                Finding::fail("airfare_economy", clause, FARE_ABOVE.fill(locale, &args))
            }
        });
    }
    if l.school_items.is_zero() {
        return out;
    }
    let clause = &rules.share_clause;
    out.push(match l.ratio {
        None => Finding::review("school_share_ratio", clause, RATIO_UNSET.get(locale)),
        Some(r) => {
            let args: [(&str, &dyn Display); 3] = [("ratio", &decimal::exact(r)), ("items", &money(l.school_items)), ("outside", &money(l.outside_ratio))];
            Finding::pass("school_share_ratio", clause, RATIO_SET.fill(locale, &args))
        }
    });
    out.push(match l.cap {
        None => Finding::review("school_cap", clause, CAP_UNSET.get(locale)),
        Some(c) if l.above_cap.is_zero() => Finding::pass("school_cap", clause, CAP_WITHIN.fill(locale, &[("school", &money(school)), ("cap", &money(c))])),
        Some(c) => Finding::fail("school_cap", clause, CAP_ABOVE.fill(locale, &[("cap", &money(c)), ("above", &money(l.above_cap))])),
    });
    out
}

/// LX-5.3.1 "学生在校期间原则上享有一次本计划的资助机会…已享受国家留学基金等同类资助的不再重复享受".
fn uniqueness(rules: &FundingRules, input: &FundingInput, locale: Locale) -> Finding {
    let clause = rules.uniqueness_clause.as_str();
    let code = "funding_uniqueness";
    match fundable(input.prior_lixing_funding, input.other_funding) {
        Some(false) => {
            let mut why: Vec<&Text> = Vec::new();
            if input.prior_lixing_funding == Some(true) {
                why.push(&WHY_PRIOR);
            }
            if input.other_funding == Some(true) {
                why.push(if why.is_empty() { &WHY_OTHER } else { &WHY_OTHER_AFTER });
            }
            let why: Vec<String> = why.iter().map(|t| t.get(locale)).collect();
            Finding::fail(code, clause, REFUSED.fill(locale, &[("why", &why.join(locale.pick("，", " and ")))]))
        }
        Some(true) => Finding::pass(code, clause, FUNDABLE.get(locale)),
        None => Finding::review(code, clause, FUNDING_UNSTATED.get(locale)),
    }
}
