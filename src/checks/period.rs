//! Cumulative checks over a decision's whole period, when the decision and its yearly
//! plans are checked together: one plan per year, the yearly budgets against the envelope
//! and the budget per year, the yearly targets against the period targets.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diag::cap::Sink;
use crate::diag::catalog;
use crate::model::{Decision, Item, Plan};
use crate::source::Span;

pub fn check_period(decision: &Decision, plans: &[&Plan], d: &mut Sink) {
    let yearly = one_per_year(decision, plans, d);
    check_budgets(decision, &yearly, d);
    for item in &decision.items {
        if let Some(target) = &item.target {
            check_item(decision, item, target.value, &target.span, &yearly, d);
        }
    }
}

/// The plans in year order, one per year; a second plan for a year is `duplicate-year`.
fn one_per_year<'a>(decision: &Decision, plans: &[&'a Plan], d: &mut Sink) -> Vec<(i32, &'a Plan)> {
    let mut sorted: Vec<(i32, &Span, &Plan)> =
        plans.iter().filter_map(|p| p.year.as_ref().map(|y| (y.value, &y.span, *p))).collect();
    sorted.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut years: BTreeMap<i32, (&Span, &Plan)> = BTreeMap::new();
    let number = decision.number.as_ref().map_or("", |n| n.value.as_str());
    for (year, span, plan) in sorted {
        match years.get(&year) {
            Some((first, _)) => d.push(catalog::duplicate_year(span, year, number, first)),
            None => {
                years.insert(year, (span, plan));
            }
        }
    }
    years.into_iter().map(|(year, (_, plan))| (year, plan)).collect()
}

fn check_budgets(decision: &Decision, yearly: &[(i32, &Plan)], d: &mut Sink) {
    let totals: Vec<(i32, Decimal, &Span)> = yearly
        .iter()
        .filter_map(|(year, plan)| plan.budget.as_ref()?.total.as_ref().map(|t| (*year, t.value, &t.span)))
        .collect();
    if let Some(envelope) = &decision.budget {
        let mut sum = Decimal::ZERO;
        for (n, (_, total, span)) in totals.iter().enumerate() {
            sum = sum.saturating_add(*total);
            if sum > envelope.value {
                let whole: Decimal = totals.iter().map(|t| t.1).fold(Decimal::ZERO, Decimal::saturating_add);
                let mut diagnostic = catalog::period_budget_exceeded(span, whole, envelope.value, &envelope.span);
                for (m, (year, other, other_span)) in totals.iter().enumerate() {
                    if m != n {
                        diagnostic = diagnostic.secondary(
                            other_span,
                            crate::diag::Text::same(format!("{year}: `{}`", crate::money::format_vi(other))),
                        );
                    }
                }
                d.push(diagnostic);
                break;
            }
        }
    }
    for (year, allowed) in &decision.budget_by_year {
        if let Some((_, total, span)) = totals.iter().find(|t| t.0 == year.value) {
            if *total > allowed.value {
                d.push(catalog::year_budget_exceeded(span, year.value, *total, allowed.value, &allowed.span));
            }
        }
    }
}

/// Each year's target for `item`: the sum of the targets of the activities implementing
/// it, and where the first of them is written.
fn yearly_targets<'a>(item: &Item, yearly: &[(i32, &'a Plan)]) -> Vec<(i32, Decimal, &'a Span)> {
    yearly
        .iter()
        .filter_map(|(year, plan)| {
            let targets: Vec<_> = plan
                .activities
                .iter()
                .filter(|a| a.item.value == item.id.value)
                .filter_map(|a| a.target.as_ref())
                .collect();
            let first = targets.first()?;
            Some((*year, targets.iter().map(|t| t.value).fold(Decimal::ZERO, Decimal::saturating_add), &first.span))
        })
        .collect()
}

fn check_item(
    decision: &Decision,
    item: &Item,
    target: Decimal,
    target_span: &Span,
    yearly: &[(i32, &Plan)],
    d: &mut Sink,
) {
    let years = yearly_targets(item, yearly);
    let sum: Decimal = years.iter().map(|y| y.1).fold(Decimal::ZERO, Decimal::saturating_add);
    let mut running = Decimal::ZERO;
    for (n, (_, amount, span)) in years.iter().enumerate() {
        running = running.saturating_add(*amount);
        if running > target {
            let mut diagnostic = catalog::period_target_exceeded(span, &item.id.value, sum, target, target_span);
            for (m, (year, other, other_span)) in years.iter().enumerate() {
                if m != n {
                    diagnostic = diagnostic.secondary(
                        other_span,
                        crate::diag::Text::same(format!("{year}: `{}`", crate::money::format_vi(other))),
                    );
                }
            }
            d.push(diagnostic);
            return;
        }
    }
    let Some(last_year) = decision.period.as_ref().map(|p| p.value.to) else { return };
    let Some((_, final_plan)) = yearly.iter().find(|(year, _)| *year == last_year) else { return };
    if sum < target {
        let span = years.iter().find(|y| y.0 == last_year).map(|y| y.2).or(final_plan.year.as_ref().map(|y| &y.span));
        if let Some(span) = span {
            let mut diagnostic = catalog::period_target_short(span, &item.id.value, sum, target, target_span);
            for (year, other, other_span) in years.iter().filter(|y| y.0 != last_year) {
                diagnostic = diagnostic.secondary(
                    other_span,
                    crate::diag::Text::same(format!("{year}: `{}`", crate::money::format_vi(other))),
                );
            }
            d.push(diagnostic);
        }
    }
}
