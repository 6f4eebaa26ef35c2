//! Budgets by source of funds (state, enterprises): each split adds up to its total, and
//! over the period each source's yearly amounts stay within the decision's for that source.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diag::cap::Sink;
use crate::diag::catalog;
use crate::model::{Decision, FundSource, Plan};
use crate::source::{Sp, Span};

fn split_sum(split: &[(Sp<FundSource>, Sp<Decimal>)]) -> Option<Decimal> {
    split.iter().try_fold(Decimal::ZERO, |sum, (_, amount)| sum.checked_add(amount.value))
}

fn check_split(total: &Sp<Decimal>, split: &[(Sp<FundSource>, Sp<Decimal>)], split_span: Option<&Span>, d: &mut Sink) {
    if split.is_empty() {
        return;
    }
    let Some(sum) = split_sum(split) else { return };
    if sum != total.value {
        let mut diagnostic = catalog::budget_sources_sum(&total.span, total.value, sum);
        if let Some(span) = split_span {
            diagnostic = diagnostic.secondary(span, crate::t!("các nguồn", "the sources"));
        }
        d.push(diagnostic);
    }
}

pub fn check_plan_sources(plan: &Plan, d: &mut Sink) {
    let Some(budget) = &plan.budget else { return };
    let Some(total) = &budget.total else { return };
    check_split(total, &budget.by_source, budget.by_source.first().map(|(s, _)| &s.span), d);
}

pub fn check_decision_sources(decision: &Decision, d: &mut Sink) {
    let Some(envelope) = &decision.budget else { return };
    check_split(envelope, &decision.budget_by_source, decision.budget_by_source.first().map(|(s, _)| &s.span), d);
}

/// Each source's yearly amounts, added up in year order, against the decision's amount for
/// that source: the plan whose amount passes it is marked.
pub fn check_period_sources(decision: &Decision, plans: &[&Plan], d: &mut Sink) {
    if decision.budget_by_source.is_empty() {
        return;
    }
    let mut plans: Vec<&Plan> = plans.to_vec();
    plans.sort_by_key(|p| p.year.as_ref().map(|y| y.value));
    let mut sums: BTreeMap<FundSource, Decimal> = BTreeMap::new();
    for plan in plans {
        for (source, amount) in plan.budget.iter().flat_map(|b| &b.by_source) {
            let Some((_, allowed)) = decision.budget_by_source.iter().find(|(s, _)| s.value == source.value) else {
                continue;
            };
            let sum = sums.entry(source.value).or_default();
            let before = *sum;
            *sum = sum.saturating_add(amount.value);
            if *sum > allowed.value && before <= allowed.value {
                d.push(catalog::period_source_exceeded(&amount.span, source.value, *sum, allowed.value, &allowed.span));
            }
        }
    }
}
