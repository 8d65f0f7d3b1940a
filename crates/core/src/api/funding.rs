//! `estimateFunding` (LX-5).

use super::{check_locale, load_policy, parse, run, text, with_policy, TextResult};
use crate::decimal::{self, Dec, Decimal};
use crate::error::{Error, ErrorKind};
use crate::funding::{self, Cost, CostItem, FundingInput};
use crate::keyed::Keyed;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CostRequest {
    #[serde(deserialize_with = "text")]
    item: String,
    #[serde(deserialize_with = "decimal::money")]
    amount: Decimal,
    #[serde(default)]
    currency: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FundingRequest {
    policy: Value,
    costs: Vec<CostRequest>,
    #[serde(default)]
    rates: Option<Keyed<Dec>>,
    #[serde(default, deserialize_with = "decimal::money_opt")]
    economy_fare: Option<Decimal>,
    #[serde(default)]
    economy_fare_currency: Option<String>,
    #[serde(default)]
    prior_lixing_funding: Option<bool>,
    #[serde(default)]
    other_funding: Option<bool>,
    #[serde(default)]
    locale: Option<String>,
}

/// A currency code as typed: the IME's full-width `ＵＳＤ` is `USD` (upper-casing is the
/// rule's own, in [`funding`]).
fn currency(code: &str) -> String {
    decimal::fold_width(code)
}

/// `estimateFunding({ policy, costs: [{ item, amount, currency? }], rates?, economyFare?,
/// economyFareCurrency?, priorLixingFunding?, otherFunding?, locale? })` →
/// `{ total, school, college, student, fundable, lines: [{ cost, item, amount, payer, clause,
/// part, note, original }], findings, checklist, conditions, policy }`.
///
/// Amounts (`amount`, `economyFare`) are read as money is written
/// ([`decimal::parse_money`]: `3,000`, `＄3000`, `３０００`); currency codes and the keys
/// of `rates` fold the IME's full-width letters (`ＵＳＤ` is `USD`).
///
/// # Errors
/// `unknown_value` at `costs[i].item` (listing the items); the errors of
/// [`funding::estimate`]; request and policy errors.
pub fn estimate_funding(input: Value) -> TextResult {
    run(input, |input, locale| {
        let req: FundingRequest = parse(input)?;
        check_locale(req.locale.as_deref())?;
        let p = load_policy(&req.policy, locale)?;
        let mut costs = Vec::with_capacity(req.costs.len());
        for (i, c) in req.costs.into_iter().enumerate() {
            let item = CostItem::parse(&c.item).ok_or_else(|| {
                Error::new(ErrorKind::UnknownValue { value: c.item.trim().to_owned(), allowed: CostItem::names() }, format!("costs[{i}].item"))
            })?;
            costs.push(Cost { item, amount: c.amount, currency: c.currency.as_deref().map(currency) });
        }
        let input = FundingInput {
            costs,
            rates: req.rates.unwrap_or_default().into_iter().map(|(k, v)| (currency(&k), v.0)).collect(),
            economy_fare: req.economy_fare,
            economy_fare_currency: req.economy_fare_currency.as_deref().map(currency),
            prior_lixing_funding: req.prior_lixing_funding,
            other_funding: req.other_funding,
        };
        let r = funding::estimate(&p, &input, locale)?;
        with_policy(&r, Some(&p))
    })
}
