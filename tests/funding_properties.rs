//! Funding shares (LX-5), properties: for any costs, rates, ratio, cap and fare, school +
//! college + student = total to the fen, each cost's lines add up to the cost, and the
//! limits hold; amounts near the decimal limit overflow or still add up (moved here from
//! tests/funding.rs, which holds the hand-worked cases).
// Native only: proptest does not build for wasm32.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use exchange_calc::decimal::Decimal;
use exchange_calc::funding::{self, Cost, CostItem, FundingInput, Payer};
use exchange_calc::policy::Policy;
use exchange_calc::Locale;
use proptest::prelude::*;

mod common;

fn gdut() -> Policy {
    common::preset("gdut-lixing-2026")
}

fn arb_amount() -> impl Strategy<Value = Decimal> {
    // Up to 10^8 units with up to four places: sub-fen amounts exercise the rounding.
    (0_i64..1_000_000_000_000, 0_u32..=4).prop_map(|(m, s)| Decimal::new(m / 10_i64.pow(4 - s), s))
}

fn arb_cost() -> impl Strategy<Value = Cost> {
    (0_usize..8, arb_amount(), prop::sample::select(vec![None, Some("CNY"), Some("USD"), Some("EUR"), Some("jpy")])).prop_map(|(i, amount, cur)| Cost {
        item: CostItem::ALL[i],
        amount,
        currency: cur.map(str::to_owned),
    })
}

fn arb_rate() -> impl Strategy<Value = Decimal> {
    (1_i64..100_000_000, 0_u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
}

fn half_up_fen(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// school + college + student = total to the fen, every line is ≥ 0, each cost's lines
    /// add up to the cost converted and rounded on its own, and caps hold.
    #[test]
    fn shares_always_add_up_to_the_total(
        costs in prop::collection::vec(arb_cost(), 0..12),
        usd in arb_rate(), eur in arb_rate(), jpy in arb_rate(),
        ratio in prop::option::of((0_i64..=10_000).prop_map(|m| Decimal::new(m, 4))),
        cap in prop::option::of(arb_amount()),
        fare in prop::option::of(arb_amount()),
        prior in prop::option::of(any::<bool>()),
        other in prop::option::of(any::<bool>()),
    ) {
        let mut p = gdut();
        p.school_share_ratio = ratio;
        p.school_cap_per_student = cap;
        let rates: Vec<(String, Decimal)> = [("USD".to_owned(), usd), ("eur".to_owned(), eur), ("JPY".to_owned(), jpy)].into_iter().collect();
        let input = FundingInput { costs: costs.clone(), rates, economy_fare: fare, economy_fare_currency: None, prior_lixing_funding: prior, other_funding: other };
        let r = funding::estimate(&p, &input, Locale::En).unwrap();
        prop_assert_eq!(r.school + r.college + r.student, r.total);
        let mut by_payer = [Decimal::ZERO; 3];
        for l in &r.lines {
            prop_assert!(l.amount >= Decimal::ZERO);
            prop_assert_eq!(l.amount.scale(), 2);
            let k = match l.payer { Payer::School => 0, Payer::College => 1, Payer::Student => 2 };
            by_payer[k] += l.amount;
        }
        prop_assert_eq!(by_payer, [r.school, r.college, r.student]);
        let mut total = Decimal::ZERO;
        for (i, c) in costs.iter().enumerate() {
            let rate = match c.currency.as_deref() { Some("USD") => usd, Some("EUR") => eur, Some("jpy") => jpy, _ => Decimal::ONE };
            let want = half_up_fen(c.amount * rate);
            let got: Decimal = r.lines.iter().filter(|l| l.cost == i).map(|l| l.amount).sum();
            prop_assert_eq!(got, want, "cost {}", i);
            total += want;
        }
        prop_assert_eq!(r.total, total);
        if prior == Some(true) || other == Some(true) {
            prop_assert_eq!(r.school, Decimal::ZERO);
            prop_assert_eq!(r.college, Decimal::ZERO);
        }
        if let Some(c) = cap {
            prop_assert!(r.school <= c);
        }
        if let Some(f) = fare {
            prop_assert!(r.college <= half_up_fen(f));
        }
    }
}

fn arb_any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<u32>(), any::<u32>(), any::<u32>(), 0_u32..=28).prop_map(|(lo, mid, hi, scale)| Decimal::from_parts(lo, mid, hi, false, scale))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Over the whole decimal range: either a result whose shares add up, or `overflow` at a
    /// cost's amount — never a panic, never a wrong total.
    #[test]
    fn huge_inputs_overflow_or_add_up(
        amounts in prop::collection::vec((0_usize..8, arb_any_decimal(), any::<bool>()), 1..5),
        rate in arb_any_decimal().prop_filter("positive", |r| !r.is_zero()),
        ratio in prop::option::of((0_i64..=10_000).prop_map(|m| Decimal::new(m, 4))),
        cap in prop::option::of(arb_any_decimal()),
        fare in prop::option::of(arb_any_decimal()),
    ) {
        let mut p = gdut();
        p.school_share_ratio = ratio;
        p.school_cap_per_student = cap;
        let costs = amounts.iter().map(|&(i, amount, usd)| Cost { item: CostItem::ALL[i], amount, currency: usd.then(|| "USD".to_owned()) }).collect();
        let input = FundingInput { costs, rates: [("USD".to_owned(), rate)].into_iter().collect(), economy_fare: fare, ..FundingInput::default() };
        match funding::estimate(&p, &input, Locale::En) {
            Ok(r) => prop_assert_eq!(r.school + r.college + r.student, r.total),
            Err(e) => {
                prop_assert_eq!(e.code(), "overflow");
                prop_assert!(e.field.starts_with("costs[") || e.field == "economyFare" || e.field.starts_with("policy."), "{}", e.field);
            }
        }
    }
}
