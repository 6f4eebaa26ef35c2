//! The wording of the checks over a decision's whole period.

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic};
use crate::money::format_vi;
use crate::source::Span;
use crate::t;

pub fn duplicate_year(span: &Span, year: i32, decision: &str, first: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::DuplicateYear,
        span,
        t!(
            "hai kế hoạch cho năm `{year}` theo quyết định `{decision}`",
            "two plans for `{year}` under decision `{decision}`"
        ),
    )
    .label(t!("kế hoạch thứ hai cho năm này", "the second plan for this year"))
    .secondary(first, t!("kế hoạch thứ nhất", "the first"))
    .help(t!(
        "mỗi năm giữ một kế hoạch: gộp chúng lại, hoặc sửa năm của một kế hoạch",
        "keep one plan per year: merge them, or correct the year of one"
    ))
}

pub fn period_budget_exceeded(span: &Span, sum: Decimal, envelope: Decimal, envelope_span: &Span) -> Diagnostic {
    let (by, sum, envelope) = (format_vi(&(sum - envelope)), format_vi(&sum), format_vi(&envelope));
    Diagnostic::new(
        Code::PeriodBudgetExceeded,
        span,
        t!(
            "kinh phí các năm cộng lại được `{sum}`, vượt tổng kinh phí `{envelope}` của quyết định `{by}`",
            "the yearly budgets add up to `{sum}`, more than the decision's envelope `{envelope}` by `{by}`"
        ),
    )
    .label(t!("tổng của năm này vượt tổng kinh phí", "this year's total passes the envelope"))
    .secondary(envelope_span, t!("tổng kinh phí của quyết định", "the decision's envelope"))
    .help(t!(
        "giảm kinh phí năm này, hoặc kiểm tra các năm khác: cộng lại không được vượt tổng kinh phí",
        "lower this year's budget, or check the other years': together they cannot pass the envelope"
    ))
}

pub fn year_budget_exceeded(
    span: &Span,
    year: i32,
    total: Decimal,
    allowed: Decimal,
    allowed_span: &Span,
) -> Diagnostic {
    let (total, allowed) = (format_vi(&total), format_vi(&allowed));
    Diagnostic::new(
        Code::PeriodBudgetExceeded,
        span,
        t!(
            "kinh phí năm {year} `{total}` nhiều hơn mức quyết định cho năm {year} (`{allowed}`)",
            "the {year} budget `{total}` is more than the decision allows for {year} (`{allowed}`)"
        ),
    )
    .label(t!("nhiều hơn `{allowed}`", "more than `{allowed}`"))
    .secondary(allowed_span, t!("kinh phí quyết định cho năm {year}", "the decision's budget for {year}"))
    .help(t!(
        "giảm kinh phí xuống mức quyết định cho năm đó",
        "lower the budget to what the decision allows for the year"
    ))
}

pub fn period_target_exceeded(span: &Span, item: &str, sum: Decimal, target: &str, target_span: &Span) -> Diagnostic {
    let sum = format_vi(&sum);
    Diagnostic::new(
        Code::PeriodTargetExceeded,
        span,
        t!(
            "chỉ tiêu các năm của `{item}` cộng lại được `{sum}`, nhiều hơn chỉ tiêu cả giai đoạn `{target}`",
            "the yearly targets for `{item}` add up to `{sum}`, more than the period target `{target}`"
        ),
    )
    .label(t!("tổng vượt chỉ tiêu giai đoạn ở đây", "the sum passes the period target here"))
    .secondary(target_span, t!("chỉ tiêu giai đoạn", "the period target"))
    .help(t!(
        "điều này được phép; kiểm tra xem các năm có tính trùng một việc không",
        "this is allowed; check that the years do not count the same work twice"
    ))
}

/// The yearly targets fall short of the least that meets the period target (`met_at`: the
/// target itself, or an approximate one's lower bound); `target` is the target as written.
pub fn period_target_short(
    span: &Span,
    item: &str,
    sum: Decimal,
    met_at: Decimal,
    target: &str,
    target_span: &Span,
) -> Diagnostic {
    let (short, sum) = (format_vi(&met_at.saturating_sub(sum)), format_vi(&sum));
    Diagnostic::new(
        Code::PeriodTargetShort,
        span,
        t!(
            "năm cuối để `{item}` thiếu: chỉ tiêu các năm cộng lại được `{sum}`, ít hơn chỉ tiêu giai đoạn `{target}` là `{short}`",
            "the final year leaves `{item}` short: the yearly targets add up to `{sum}`, less than the period target `{target}` by `{short}`"
        ),
    )
    .label(t!("chỉ tiêu của năm cuối", "the final year's target"))
    .secondary(target_span, t!("chỉ tiêu giai đoạn", "the period target"))
    .help(t!(
        "nâng chỉ tiêu năm cuối, hoặc ghi rõ vì sao không đạt chỉ tiêu giai đoạn",
        "raise the final year's target, or record why the period target will not be reached"
    ))
}

/// A year's target above what a per-year (or level) target allows.
pub fn year_target_exceeded(
    span: &Span,
    item: &str,
    year: i32,
    amount: Decimal,
    target: &str,
    target_span: &Span,
) -> Diagnostic {
    let amount = format_vi(&amount);
    Diagnostic::new(
        Code::PeriodTargetExceeded,
        span,
        t!(
            "chỉ tiêu năm {year} của `{item}` là `{amount}`, nhiều hơn chỉ tiêu `{target}` của văn bản gốc",
            "the {year} target for `{item}` is `{amount}`, more than the parent document's `{target}`"
        ),
    )
    .label(t!("chỉ tiêu của năm", "the year's target"))
    .secondary(target_span, t!("chỉ tiêu cho mỗi năm", "the target for each year"))
    .help(t!(
        "điều này được phép; kiểm tra xem chỉ tiêu năm có đúng như kế hoạch đã ban hành không",
        "this is allowed; check that the year's target is the one the plan was issued with"
    ))
}

/// A year's target below what a per-year (or level) target needs.
pub fn year_target_short(
    span: &Span,
    item: &str,
    year: i32,
    amount: Decimal,
    target: &str,
    target_span: &Span,
) -> Diagnostic {
    let amount = format_vi(&amount);
    Diagnostic::new(
        Code::PeriodTargetShort,
        span,
        t!(
            "chỉ tiêu năm {year} của `{item}` là `{amount}`, chưa đạt chỉ tiêu `{target}` của văn bản gốc",
            "the {year} target for `{item}` is `{amount}`, short of the parent document's `{target}`"
        ),
    )
    .label(t!("chỉ tiêu của năm", "the year's target"))
    .secondary(target_span, t!("chỉ tiêu cho mỗi năm", "the target for each year"))
    .help(t!(
        "nâng chỉ tiêu của năm, hoặc ghi rõ vì sao năm này không đạt",
        "raise the year's target, or record why this year will not reach it"
    ))
}
