//! The wording of the checks over a decision's whole period.

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic};
use crate::money::format_vi;
use crate::source::Span;

pub fn duplicate_year(span: &Span, year: i32, decision: &str, first: &Span) -> Diagnostic {
    Diagnostic::new(Code::DuplicateYear, span, format!("two plans for `{year}` under decision `{decision}`"))
        .label("the second plan for this year")
        .secondary(first, "the first")
        .help("keep one plan per year: merge them, or correct the year of one")
}

pub fn period_budget_exceeded(span: &Span, sum: Decimal, envelope: Decimal, envelope_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::PeriodBudgetExceeded,
        span,
        format!(
            "the yearly budgets add up to `{}`, more than the decision's envelope `{}` by `{}`",
            format_vi(&sum),
            format_vi(&envelope),
            format_vi(&(sum - envelope))
        ),
    )
    .label("this year's total passes the envelope")
    .secondary(envelope_span, "the decision's envelope")
    .help("lower this year's budget, or check the other years': together they cannot pass the envelope")
}

pub fn year_budget_exceeded(
    span: &Span,
    year: i32,
    total: Decimal,
    allowed: Decimal,
    allowed_span: &Span,
) -> Diagnostic {
    Diagnostic::new(
        Code::PeriodBudgetExceeded,
        span,
        format!(
            "the {year} budget `{}` is more than the decision allows for {year} (`{}`)",
            format_vi(&total),
            format_vi(&allowed)
        ),
    )
    .label(format!("more than `{}`", format_vi(&allowed)))
    .secondary(allowed_span, format!("the decision's budget for {year}"))
    .help("lower the budget to what the decision allows for the year")
}

pub fn period_target_exceeded(
    span: &Span,
    item: &str,
    sum: Decimal,
    target: Decimal,
    target_span: &Span,
) -> Diagnostic {
    Diagnostic::new(
        Code::PeriodTargetExceeded,
        span,
        format!(
            "the yearly targets for `{item}` add up to `{}`, more than the period target `{}`",
            format_vi(&sum),
            format_vi(&target)
        ),
    )
    .label("the sum passes the period target here")
    .secondary(target_span, "the period target")
    .help("this is allowed; check that the years do not count the same work twice")
}

pub fn period_target_short(span: &Span, item: &str, sum: Decimal, target: Decimal, target_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::PeriodTargetShort,
        span,
        format!(
            "the final year leaves `{item}` short: the yearly targets add up to `{}`, less than the period target `{}` by `{}`",
            format_vi(&sum),
            format_vi(&target),
            format_vi(&(target - sum))
        ),
    )
    .label("the final year's target")
    .secondary(target_span, "the period target")
    .help("raise the final year's target, or record why the period target will not be reached")
}
