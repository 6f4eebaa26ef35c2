//! Sums past the decimal type's limit. Every figure a report or `plan new` shows is a sum of
//! values of one kind — amounts of a budget, targets, quantities achieved, amounts paid —
//! so when the sum of all values of each kind stays within the limit, so does every partial
//! sum. These checks add each kind up, in the order the values were written, and report the
//! value that passes the limit; the report, refused on that error, is never built from a
//! sum that overflowed (its own sums saturate rather than panic).

use rust_decimal::Decimal;

use crate::diag::cap::Sink;
use crate::diag::catalog;
use crate::model::{Plan, Progress};
use crate::source::Span;

/// One plan and what its progress files record.
pub fn check_plan_sums(plan: &Plan, progress: &[&Progress], d: &mut Sink) {
    if let Some(budget) = &plan.budget {
        let amounts = budget.total.iter().chain(budget.lines.iter().filter_map(|l| l.amount.as_ref()));
        running(amounts.map(|a| (&a.span, a.value)), "the plan's budget amounts", d);
    }
    let targets = plan.activities.iter().flat_map(|a| {
        let parts = a.breakdown.iter().flat_map(|b| b.parts.iter().map(|(_, n)| n));
        a.target.iter().chain(parts)
    });
    running(targets.map(|t| (&t.span, t.value)), "the plan's targets", d);
    let achieved =
        in_order(progress.iter().flat_map(|p| &p.achievements).map(|a| (&a.quantity.span, a.quantity.value)));
    running(achieved.into_iter(), "the quantities achieved", d);
    let paid = in_order(progress.iter().flat_map(|p| &p.disbursements).map(|x| (&x.amount.span, x.amount.value)));
    running(paid.into_iter(), "the amounts disbursed", d);
}

/// The plans of one decision, whose figures the period roll-up adds across the years.
pub fn check_period_sums(plans: &[(&Plan, Vec<&Progress>)], d: &mut Sink) {
    let totals = plans.iter().filter_map(|(p, _)| p.budget.as_ref()?.total.as_ref());
    running(totals.map(|t| (&t.span, t.value)), "the yearly budgets of the period", d);
    let targets = plans.iter().flat_map(|(p, _)| p.activities.iter().filter_map(|a| a.target.as_ref()));
    running(targets.map(|t| (&t.span, t.value)), "the yearly targets of the period", d);
    let achieved = plans.iter().flat_map(|(_, progress)| {
        progress.iter().flat_map(|p| &p.achievements).map(|a| (&a.quantity.span, a.quantity.value))
    });
    running(in_order(achieved).into_iter(), "the quantities achieved in the period", d);
    let paid = plans.iter().flat_map(|(_, progress)| {
        progress.iter().flat_map(|p| &p.disbursements).map(|x| (&x.amount.span, x.amount.value))
    });
    running(in_order(paid).into_iter(), "the amounts disbursed in the period", d);
}

fn in_order<'a>(values: impl Iterator<Item = (&'a Span, Decimal)>) -> Vec<(&'a Span, Decimal)> {
    let mut values: Vec<_> = values.collect();
    values.sort_by(|a, b| a.0.cmp(b.0));
    values
}

/// Adds `values` up, reporting the first that passes the limit.
fn running<'a>(values: impl Iterator<Item = (&'a Span, Decimal)>, what: &str, d: &mut Sink) {
    let mut sum = Decimal::ZERO;
    for (span, value) in values {
        match sum.checked_add(value.abs()) {
            Some(next) => sum = next,
            None => {
                d.push(catalog::sum_overflow(span, what, sum));
                return;
            }
        }
    }
}
