//! A plan on its own: unique ids, breakdowns, the budget (lines and words), deadlines.

use rust_decimal::Decimal;

use super::check_unique;
use crate::diag::cap::Sink;
use crate::diag::{Code, catalog};
use crate::lower::suggest;
use crate::model::{Budget, Plan, ReportKind};
use crate::words;

pub fn check_plan(plan: &Plan, d: &mut Sink) {
    check_unique("activity", plan.activities.iter().map(|a| &a.id), d);
    for activity in &plan.activities {
        if let Some(breakdown) = activity.breakdown.as_ref().filter(|b| b.complete) {
            let sum: Decimal =
                breakdown.parts.iter().map(|(_, n)| n.value).fold(Decimal::ZERO, Decimal::saturating_add);
            match &activity.target {
                // The parts of a minimum or a range meet it, as the target itself must.
                Some(target)
                    if sum < activity.target_rule.met_at(target.value)
                        || activity.target_rule.upper(target.value).is_some_and(|u| sum > u) =>
                {
                    d.push(catalog::breakdown_sum(&breakdown.span, sum, Some((target.value, &target.span))));
                }
                Some(_) => {}
                None => d.push(catalog::breakdown_sum(&breakdown.span, sum, None)),
            }
        }
        if let (Some(due), Some(year)) = (&activity.due, &plan.year) {
            if due.value.year() != year.value {
                d.push(catalog::date_outside_year(&due.span, "due date", due.value, year.value));
            }
        }
    }
    if let Some(budget) = &plan.budget {
        check_budget(plan, budget, d);
    }
    check_deadlines(plan, d);
}

use chrono::Datelike;

fn check_budget(plan: &Plan, budget: &Budget, d: &mut Sink) {
    check_unique("budget line", budget.lines.iter().map(|l| &l.id), d);
    // Looked up, not searched: lines × activities for a plan of 16,000 of each.
    let activities: crate::hash::HashSet<&str> = plan.activities.iter().map(|a| a.id.value.as_str()).collect();
    for line in &budget.lines {
        if let Some(activity) = &line.activity {
            if !activities.contains(activity.value.as_str()) {
                let near = suggest(&activity.value, plan.activities.iter().map(|a| a.id.value.as_str()));
                d.push(catalog::unknown_reference(
                    Code::UnknownActivity,
                    &activity.span,
                    catalog::Reference::Activity,
                    &activity.value,
                    near,
                    None,
                ));
            }
        }
    }
    let Some(total) = &budget.total else { return };
    // A plan's budget under a million đồng is, in these documents, a total in triệu or tỷ
    // đồng read as đồng.
    if total.value < Decimal::from(1_000_000) {
        let written = total.value / budget.unit.factor();
        d.push(catalog::small_budget(&total.span, written.normalize(), budget.unit.name()));
    }
    let amounts: Vec<Decimal> = budget.lines.iter().filter_map(|l| l.amount.as_ref().map(|a| a.value)).collect();
    // Only compare when every line was read and has a valid amount: a line already reported
    // as invalid would make the sum wrong twice.
    if budget.lines_complete && !budget.lines.is_empty() && amounts.len() == budget.lines.len() {
        let sum: Decimal = amounts.iter().fold(Decimal::ZERO, |s, a| s.saturating_add(*a));
        if sum != total.value {
            let mut diagnostic = catalog::budget_lines_sum(&total.span, total.value, sum);
            for line in &budget.lines {
                if let Some(amount) = &line.amount {
                    diagnostic = diagnostic.secondary(
                        &amount.span,
                        crate::diag::Text::same(format!("`{}`", crate::money::format_vi(&amount.value))),
                    );
                }
            }
            d.push(diagnostic);
        }
    }
    if let Some(in_words) = &budget.in_words {
        check_words(total, in_words, d);
    }
}

/// The amount in words must read as the amount in figures.
fn check_words(total: &crate::source::Sp<Decimal>, in_words: &crate::source::Sp<String>, d: &mut Sink) {
    // A fractional total is refused when it is read (`invalid-amount`: the đồng has no
    // smaller unit), so a total here is whole.
    let Ok(amount) = u128::try_from(total.value) else { return };
    match words::read(&in_words.value) {
        Ok(read) if read == amount => {}
        Ok(read) => {
            let diagnostic = match words::write_amount(amount, &words::Style::default()) {
                Ok(written) => catalog::amount_words_mismatch(&in_words.span, read, total.value, &total.span, &written),
                Err(_) => catalog::amount_words_mismatch(&in_words.span, read, total.value, &total.span, ""),
            };
            d.push(diagnostic);
        }
        Err(error) => {
            let span = words_span(in_words, &error.span);
            // `rưỡi` (a half) stands for a figure the words do not say: the help writes
            // this amount's words, not a fixed example.
            let written =
                if error.is_spoken_half() { words::write_amount(amount, &words::Style::default()).ok() } else { None };
            d.push(catalog::amount_words_unreadable(
                &span,
                &error.message,
                error.help(),
                &total.span,
                written.as_deref(),
            ));
        }
    }
}

/// The span of a word inside a string value: exact when the string has no escapes (its
/// source text is the value between one-character quotes), else the whole value.
fn words_span(value: &crate::source::Sp<String>, inner: &std::ops::Range<usize>) -> crate::source::Span {
    let range = value.span.range();
    let exact = range.end - range.start == value.value.len() + 2;
    if exact {
        crate::source::Span::new(value.span.file, range.start + 1 + inner.start..range.start + 1 + inner.end)
    } else {
        value.span.clone()
    }
}

fn check_deadlines(plan: &Plan, d: &mut Sink) {
    let due = |kind| plan.reports.iter().find(|r| r.kind.value == kind).and_then(|r| r.due_before.as_ref());
    if let (Some(half), Some(annual)) = (due(ReportKind::HalfYear), due(ReportKind::Annual)) {
        if half.value > annual.value {
            d.push(catalog::deadline_order(&half.span, half.value, annual.value, &annual.span));
        }
    }
    if let Some(year) = &plan.year {
        for report in &plan.reports {
            if let Some(date) = &report.due_before {
                if date.value.year() != year.value {
                    d.push(catalog::date_outside_year(&date.span, "report's due date", date.value, year.value));
                }
            }
        }
    }
}
