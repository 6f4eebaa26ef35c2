//! The wording of the codes that keep figures from being counted twice or dropped: entries
//! repeated across progress files, payments that name two places, sums past the limit of
//! the decimal type, plans left unfinished.

use rust_decimal::Decimal;

use super::super::{Code, Diagnostic};
use crate::money::format_vi;
use crate::source::Span;

const COPIED: &str = "a progress file copied to start the next one repeats every entry of the first: \
                      keep each entry in one file only";

pub fn duplicate_voucher(span: &Span, voucher: &str, first: &Span) -> Diagnostic {
    Diagnostic::new(Code::DuplicateVoucher, span, format!("voucher `{voucher}` is on two disbursements"))
        .label("the second payment with this voucher")
        .secondary(first, "first recorded here")
        .help(format!("one voucher is one payment, counted once; {COPIED}"))
}

pub fn duplicate_submission(span: &Span, what: &str, first: &Span) -> Diagnostic {
    Diagnostic::new(Code::DuplicateSubmission, span, format!("the same report is recorded as sent twice: {what}"))
        .label("recorded again here")
        .secondary(first, "first recorded here")
        .help(format!("record each report sent once; {COPIED}"))
}

pub fn duplicate_entry(span: &Span, what: &str, first: &Span) -> Diagnostic {
    Diagnostic::new(Code::DuplicateEntry, span, format!("this {what} repeats an earlier one exactly"))
        .label("the same entry again")
        .secondary(first, "first recorded here")
        .help(format!(
            "it would be counted twice; {COPIED}. If two such entries really happened, tell them apart \
             (`voucher`, `enterprise` or `detail`)"
        ))
}

pub fn possible_duplicate(span: &Span, what: &str, why: &str, first: &Span) -> Diagnostic {
    Diagnostic::new(Code::PossibleDuplicate, span, format!("this {what} may repeat an earlier one: {why}"))
        .label("possibly the same entry")
        .secondary(first, "the earlier entry")
        .help("if it is the same, remove one; if not, give both the detail that tells them apart")
}

pub fn line_of_another_activity(span: &Span, line: &str, owner: &str, activity: &str, owner_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::LineActivityMismatch,
        span,
        format!("the disbursement names activity `{activity}` and budget line `{line}`, which belongs to `{owner}`"),
    )
    .label("a line of another activity")
    .secondary(owner_span, "the line's activity")
    .help("name the line of the activity the money was paid for, or only one of `activity` and `line`")
}

pub fn sum_overflow(span: &Span, what: &str, before: Decimal) -> Diagnostic {
    Diagnostic::new(
        Code::SumOverflow,
        span,
        format!("adding this amount to {what} passes the largest amount that can be counted exactly"),
    )
    .label(format!("the sum so far is `{}`", format_vi(&before)))
    .help("an amount this large is a typing mistake: check the number of digits")
}

pub fn fractional_dong(span: &Span, key: &str, amount: Decimal) -> Diagnostic {
    let whole = amount.trunc();
    Diagnostic::new(
        Code::InvalidAmount,
        span,
        format!("`{key}` is `{}` đồng: the đồng has no smaller unit", format_vi(&amount)),
    )
    .label("a fraction of a đồng")
    .help(format!(
        "write whole đồng, such as `\"{}\"`; a comma in an amount starts its decimals (`12,5` is twelve and a half)",
        format_vi(&whole)
    ))
}

pub fn date_outside_window(
    span: &Span,
    what: &str,
    date: chrono::NaiveDate,
    year: i32,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Diagnostic {
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let belongs = if date > to { "the next year's reports" } else { "an earlier year's reports" };
    Diagnostic::new(
        Code::DateOutsideYear,
        span,
        format!(
            "the {what} is dated `{date}`, outside the data period of the {year} reports ({} to {})",
            day(from),
            day(to)
        ),
    )
    .label(format!("counted in no {year} report"))
    .help(format!(
        "by Decree 09/2019/NĐ-CP the reports of {year} count results from {} to {}; this one belongs to \
         {belongs}: check the date, or record it against that year's plan",
        day(from),
        day(to)
    ))
}

pub fn paid_after_cut_off(span: &Span, date: chrono::NaiveDate, year: i32, cut_off: chrono::NaiveDate) -> Diagnostic {
    Diagnostic::new(
        Code::DateOutsideYear,
        span,
        format!(
            "the disbursement is dated `{date}`, after the annual report's cut-off `{cut_off}`: it is in the {year} \
             budget but in no periodic report of {year}"
        ),
    )
    .label("after the cut-off")
    .help(format!(
        "it counts in the budget of {year} (`plan report --as-of {year}-12-31` shows it); say so in the annual \
         report's text, or check the date"
    ))
}

pub fn target_missing(span: &Span, activity: &str, unit: &str, named: Option<Decimal>) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Code::TargetMissing,
        span,
        format!("activity `{activity}` counts in `{unit}` but has no target"),
    )
    .label("no `target`");
    match named {
        Some(count) => diagnostic.help(format!(
            "its name says `{}`: write `target = {}`, or remove `unit` for a task with no number",
            format_vi(&count),
            count.normalize()
        )),
        None => diagnostic
            .help("write its `target` (a skeleton from `plan new` leaves it as a comment), or remove `unit` for a task with no number"),
    }
}

pub fn name_count_mismatch(span: &Span, named: Decimal, target: Decimal, name_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::NameCountMismatch,
        span,
        format!("the target is `{}`, but the activity's name says `{}`", format_vi(&target), format_vi(&named)),
    )
    .label("the target")
    .secondary(name_span, "the count in the name")
    .help("make the name and the target agree: one of them was not updated")
}

pub fn name_year_mismatch(span: &Span, written: i32, year: i32) -> Diagnostic {
    Diagnostic::new(
        Code::NameYearMismatch,
        span,
        format!("the activity's name says `năm {written}` in the plan of `{year}`"),
    )
    .label(format!("another year than {year}"))
    .help("a name copied from another year's plan keeps that year: update it, or say why the year differs")
}
