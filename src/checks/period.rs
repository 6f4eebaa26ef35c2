//! Cumulative checks over a decision's whole period, when the decision and its yearly
//! plans are checked together: one plan per year, the yearly budgets against the envelope
//! and the budget per year, the yearly targets against the period targets.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diag::cap::Sink;
use crate::diag::catalog;
use crate::model::target::is_level;
use crate::model::{Decision, Item, Plan, TargetRule};
use crate::source::Span;

pub fn check_period(decision: &Decision, plans: &[&Plan], d: &mut Sink) {
    let yearly = one_per_year(decision, plans, d);
    check_budgets(decision, &yearly, d);
    let Some(period) = decision.period.as_ref().map(|p| p.value) else { return };
    for item in &decision.items {
        if let Some(target) = &item.target {
            check_item((period.from, period.to), item, target.value, item.target_rule, &target.span, &yearly, d);
        }
        for stage in &item.stages {
            if let Some(target) = &stage.target {
                let years = (stage.from.value, stage.to.value);
                check_item(years, item, target.value, stage.target_rule, &target.span, &yearly, d);
            }
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

/// Checks the yearly targets of `item` from `first` to `last` against a target of `figure`
/// meant as `rule`: their sum, or each year's on its own when the target holds for each
/// year or measures a level (a percentage).
#[allow(clippy::too_many_arguments)] // one call per target, period or stage: a struct would only rename them
fn check_item(
    (first, last): (i32, i32),
    item: &Item,
    figure: Decimal,
    rule: TargetRule,
    target_span: &Span,
    yearly: &[(i32, &Plan)],
    d: &mut Sink,
) {
    let years: Vec<_> = yearly_targets(item, yearly).into_iter().filter(|y| (first..=last).contains(&y.0)).collect();
    let described = rule.describe(figure);
    let id = &item.id.value;
    let level = is_level(item.unit.as_ref().map(|u| u.value.as_str()));
    if rule.each_year || level {
        for (year, amount, span) in &years {
            if rule.upper(figure).is_some_and(|u| *amount > u) {
                d.push(catalog::year_target_exceeded(span, id, *year, *amount, &described, target_span));
            } else if *amount < rule.met_at(figure) && (rule.each_year || *year == last) {
                // A level for the period is reached by its last year; the years before climb.
                d.push(catalog::year_target_short(span, id, *year, *amount, &described, target_span));
            }
        }
        return;
    }
    let sum: Decimal = years.iter().map(|y| y.1).fold(Decimal::ZERO, Decimal::saturating_add);
    let others = |diagnostic: crate::diag::Diagnostic, except: Option<usize>| {
        years.iter().enumerate().filter(|(m, _)| Some(*m) != except).fold(
            diagnostic,
            |diagnostic, (_, (year, other, span))| {
                diagnostic
                    .secondary(span, crate::diag::Text::same(format!("{year}: `{}`", crate::money::format_vi(other))))
            },
        )
    };
    if let Some(upper) = rule.upper(figure) {
        let mut running = Decimal::ZERO;
        for (n, (_, amount, span)) in years.iter().enumerate() {
            running = running.saturating_add(*amount);
            if running > upper {
                d.push(others(catalog::period_target_exceeded(span, id, sum, &described, target_span), Some(n)));
                return;
            }
        }
    }
    let Some((_, final_plan)) = yearly.iter().find(|(year, _)| *year == last) else { return };
    let met_at = rule.met_at(figure);
    if sum < met_at {
        let at = years.iter().position(|y| y.0 == last);
        let span = at.and_then(|n| years.get(n)).map(|y| y.2).or(final_plan.year.as_ref().map(|y| &y.span));
        if let Some(span) = span {
            d.push(others(catalog::period_target_short(span, id, sum, met_at, &described, target_span), at));
        }
    }
}
