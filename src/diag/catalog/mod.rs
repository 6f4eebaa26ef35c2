//! One constructor per diagnostic code: the wording of every message and help line lives
//! here, nowhere else. Messages are lowercase, without a final period, values in backticks.

use rust_decimal::Decimal;

use super::{Code, Diagnostic};
use crate::money::{AmountError, format_vi};
use crate::source::Span;

mod family;
mod period;
mod trust;

pub use family::{kind_symbol_mismatch, small_budget, support_cap_exceeded};

pub use period::{
    duplicate_year, period_budget_exceeded, period_target_exceeded, period_target_short, year_budget_exceeded,
};
pub use trust::{
    date_outside_window, duplicate_entry, duplicate_submission, duplicate_voucher, fractional_dong,
    line_of_another_activity, name_count_mismatch, name_year_mismatch, paid_after_cut_off, possible_duplicate,
    sum_overflow, target_missing,
};

const FORMAT_DOC: &str = "see docs/format.md for the keys each table has";

pub fn toml_syntax(span: &Span, parser_message: &str) -> Diagnostic {
    Diagnostic::new(Code::TomlSyntax, span, lowercase_first(parser_message))
        .label("the TOML parser stopped here")
        .help("fix the TOML syntax here; every other problem in this file is reported once it parses")
}

pub fn toml_syntax_more(span: &Span, count: usize) -> Diagnostic {
    let message = if count == 1 {
        "1 more syntax error, from here on, is not shown".to_owned()
    } else {
        format!("{count} more syntax errors, from here on, are not shown")
    };
    Diagnostic::new(Code::TomlSyntax, span, message)
        .label("the first of them")
        .help("fix the errors above first; a file with this many is often not the file meant, or not TOML")
}

pub fn toml_unclosed(open: &Span, parser_message: &str, end: &Span) -> Diagnostic {
    Diagnostic::new(Code::TomlSyntax, open, lowercase_first(parser_message))
        .label("opened here and never closed")
        .secondary(end, "the TOML parser was still looking for the end here")
        .help("close it where it should end; every other problem in this file is reported once it parses")
}

pub fn unreadable_file(span: &Span, problem: &str) -> Diagnostic {
    Diagnostic::new(Code::UnreadableFile, span, problem.to_owned())
        .help("save the file as UTF-8 text (in Word or Notepad: “Save as”, encoding UTF-8)")
}

pub fn file_too_large(span: &Span, problem: &str) -> Diagnostic {
    Diagnostic::new(Code::UnreadableFile, span, problem.to_owned())
        .help("plan files are a few kilobytes: check that this is the file you meant, or split it")
}

pub fn unknown_kind_none(span: &Span, empty: bool) -> Diagnostic {
    let message = if empty {
        "the file is empty"
    } else {
        "the file has none of the tables `[decision]`, `[plan]` or `[progress]`"
    };
    Diagnostic::new(Code::UnknownKind, span, message)
        .help("a plan file starts with exactly one of `[decision]`, `[plan]` or `[progress]`, which says what it holds")
}

pub fn unknown_kind_many(span: &Span, kind: &str, first: &str, first_span: &Span) -> Diagnostic {
    Diagnostic::new(Code::UnknownKind, span, format!("the file has both `[{first}]` and `[{kind}]`"))
        .label("a second kind of file")
        .secondary(first_span, "the file's kind, told by this table")
        .help("keep one decision, plan or progress record per file: move this table to a file of its own")
}

pub fn unknown_key(span: &Span, key: &str, suggestion: Option<&str>, known: &[&str]) -> Diagnostic {
    let diagnostic =
        Diagnostic::new(Code::UnknownKey, span, format!("unknown key `{key}`")).label("not a key of this table");
    match suggestion {
        Some(s) => diagnostic.help(format!("did you mean `{s}`?")),
        None if known.is_empty() => diagnostic.help(format!("this table has no keys; {FORMAT_DOC}")),
        None => diagnostic.help(format!("the keys here are {}", list(known))),
    }
}

pub fn missing_key(table_span: &Span, key: &str) -> Diagnostic {
    Diagnostic::new(Code::MissingKey, table_span, format!("missing key `{key}`"))
        .label("in this table")
        .help(format!("add `{}`; {FORMAT_DOC}", key.rsplit('.').next().unwrap_or(key)))
}

pub fn wrong_type(span: &Span, key: &str, expected: &str, found: &str) -> Diagnostic {
    Diagnostic::new(Code::WrongType, span, format!("`{key}` must be {expected}, found {}", article(found)))
        .label(format!("{} here", article(found)))
        .help(format!("write {expected}"))
}

pub fn invalid_value(span: &Span, message: &str, help: &str) -> Diagnostic {
    Diagnostic::new(Code::InvalidValue, span, message.to_owned()).help(help.to_owned())
}

pub fn invalid_id(span: &Span, key: &str, id: &str) -> Diagnostic {
    invalid_value(
        span,
        &format!("`{key}` is not an identifier: `{id}`"),
        "identifiers are ASCII kebab-case: lowercase letters and digits joined by `-`, such as `he-thong-quan-ly`",
    )
}

pub fn not_one_of(span: &Span, key: &str, value: &str, allowed: &[&str]) -> Diagnostic {
    invalid_value(span, &format!("`{key}` cannot be `{value}`"), &format!("write one of {}", list(allowed)))
}

pub fn period_reversed(span: &Span, from: i32, to: i32) -> Diagnostic {
    invalid_value(
        span,
        &format!("the period ends (`{to}`) before it starts (`{from}`)"),
        "write the first year in `from` and the last in `to`",
    )
}

pub fn zero_total(span: &Span) -> Diagnostic {
    Diagnostic::new(Code::InvalidAmount, span, "the budget total is zero")
        .label("zero")
        .help("write the plan's budget; leave `[budget]` out if the plan has none")
}

pub fn zero_disbursement(span: &Span) -> Diagnostic {
    Diagnostic::new(Code::InvalidAmount, span, "a disbursement of zero")
        .label("zero")
        .help("record only money actually paid out")
}

pub fn invalid_amount(span: &Span, key: &str, error: &AmountError) -> Diagnostic {
    Diagnostic::new(Code::InvalidAmount, span, format!("`{key}`: {error}")).help(error.help())
}

pub fn float_amount(span: &Span, key: &str, raw: &str) -> Diagnostic {
    Diagnostic::new(
        Code::InvalidAmount,
        span,
        format!("`{key}` is a TOML float (`{raw}`), which cannot hold money exactly"),
    )
    .label("a float")
    .help("write an integer (`491_300_000`) or a string in Vietnamese notation (`\"491.300.000\"`, `\"12,5\"`)")
}

pub fn impossible_date(span: &Span, detail: &str) -> Diagnostic {
    Diagnostic::new(Code::InvalidDate, span, lowercase_first(detail))
        .label("not a real date")
        .help("write a date that exists, as `YYYY-MM-DD`")
}

pub fn date_with_time(span: &Span, key: &str, value: &str) -> Diagnostic {
    Diagnostic::new(Code::InvalidDate, span, format!("`{key}` must be a date without a time, found `{value}`"))
        .help("write only the day, such as `2019-06-30`")
}

pub fn date_as_string(span: &Span, key: &str, value: &str) -> Diagnostic {
    Diagnostic::new(Code::InvalidDate, span, format!("`{key}` is a string (`\"{value}\"`), not a date"))
        .label("in quotes")
        .help("write a TOML date without quotes, year first: `2019-06-30`")
}

pub fn invalid_month_day(span: &Span, key: &str, value: &str) -> Diagnostic {
    Diagnostic::new(Code::InvalidDate, span, format!("`{key}` is not a day of the year: `{value}`"))
        .help("write month and day as `\"MM-DD\"`, such as `\"06-30\"`")
}

pub fn duplicate_id(span: &Span, what: &str, id: &str, first: &Span) -> Diagnostic {
    Diagnostic::new(Code::DuplicateId, span, format!("two {} have the id `{id}`", plural(what)))
        .label("the second")
        .secondary(first, "the first")
        .help(format!("give each {what} an id of its own"))
}

pub fn unresolved_file(span: &Span, path: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(Code::UnresolvedFile, span, format!("cannot use `{path}`: {reason}"))
        .help("the path is relative to the directory of this file")
}

pub fn decision_mismatch(span: &Span, what: &str, cited: &str, actual: &str, actual_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::DecisionMismatch,
        span,
        format!("the plan cites the decision's {what} as `{cited}`, but the decision file has `{actual}`"),
    )
    .label(format!("cited as `{cited}`"))
    .secondary(actual_span, format!("the decision's {what}"))
    .help("cite the decision as its file gives it, or point `decision.file` at the right decision")
}

pub fn year_outside_period(span: &Span, year: i32, from: i32, to: i32, period: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::YearOutsidePeriod,
        span,
        format!("the plan's year `{year}` is outside the decision's period `{from}–{to}`"),
    )
    .label("outside the period")
    .secondary(period, "the decision's period")
    .help("check the year; a plan can only implement its decision within the decision's period")
}

pub fn unknown_reference(
    code: Code,
    span: &Span,
    what: &str,
    name: &str,
    suggestion: Option<&str>,
    where_: &str,
) -> Diagnostic {
    let diagnostic =
        Diagnostic::new(code, span, format!("no {what} `{name}` in {where_}")).label(format!("unknown {what}"));
    match suggestion {
        Some(s) => diagnostic.help(format!("did you mean `{s}`?")),
        None => diagnostic.help(format!("add the {what} to {where_}, or correct the name")),
    }
}

pub fn ambiguous_agency(span: &Span, name: &str, other: &Span) -> Diagnostic {
    Diagnostic::new(Code::AmbiguousAgency, span, format!("`{name}` names two agencies"))
        .label("this name")
        .secondary(other, "reads the same as this one of another agency")
        .help("names are compared ignoring case, Unicode form, tone placement and spacing: make them differ in letters")
}

pub fn unit_mismatch(span: &Span, unit: &str, item_unit: &str, item_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::UnitMismatch,
        span,
        format!("the unit `{unit}` differs from the decision item's unit `{item_unit}`"),
    )
    .secondary(item_span, "the decision's unit")
    .help("count in the decision's unit, so that the years add up")
}

pub fn lead_mismatch(span: &Span, lead: &str, decision_lead: &str, decision_span: &Span) -> Diagnostic {
    Diagnostic::new(Code::LeadMismatch, span, format!("the lead `{lead}` is not the decision's lead `{decision_lead}`"))
        .secondary(decision_span, "the decision's lead")
        .help("check the lead unit (đơn vị chủ trì); this is allowed, but unusual")
}

pub fn budget_lines_sum(total_span: &Span, total: Decimal, sum: Decimal) -> Diagnostic {
    let difference = sum - total;
    let (more, by) = if difference > Decimal::ZERO { ("more", difference) } else { ("less", -difference) };
    Diagnostic::new(
        Code::BudgetLinesSum,
        total_span,
        format!(
            "the budget lines add up to `{}`, {more} than the total `{}` by `{}`",
            format_vi(&sum),
            format_vi(&total),
            format_vi(&by)
        ),
    )
    .label("the total")
    .help("correct a line or the total: the appendix must add up to the plan's budget")
}

pub fn amount_words_mismatch(
    span: &Span,
    reads_as: u128,
    total: Decimal,
    total_span: &Span,
    words: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::AmountWordsMismatch,
        span,
        format!("the amount in words reads as `{}`, not `{}`", format_vi(&Decimal::from(reads_as)), format_vi(&total)),
    )
    .label(format!("reads as `{}`", format_vi(&Decimal::from(reads_as))))
    .secondary(total_span, "the amount in figures")
    .help(format!("write it as “{words}”"))
}

pub fn amount_words_unreadable(span: &Span, problem: &str, help: &str, total_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::AmountWordsMismatch,
        span,
        format!("the amount in words does not read as a number: {problem}"),
    )
    .secondary(total_span, "the amount in figures")
    .help(help.to_owned())
}

pub fn breakdown_sum(span: &Span, sum: Decimal, target: Option<(Decimal, &Span)>) -> Diagnostic {
    match target {
        Some((target, target_span)) => Diagnostic::new(
            Code::BreakdownSum,
            span,
            format!("the parts add up to `{}`, but the target is `{}`", format_vi(&sum), format_vi(&target)),
        )
        .secondary(target_span, "the target")
        .help("correct a part or the target: the parts must add up to the target"),
        None => Diagnostic::new(
            Code::BreakdownSum,
            span,
            format!("the parts add up to `{}`, but the activity has no target", format_vi(&sum)),
        )
        .help("add the `target` the parts make up"),
    }
}

pub fn overspent(span: &Span, what: &str, disbursed: Decimal, limit: Decimal, limit_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::Overspent,
        span,
        format!(
            "disbursements against {what} reach `{}`, more than its `{}`",
            format_vi(&disbursed),
            format_vi(&limit)
        ),
    )
    .label(format!("the total passes `{}` here", format_vi(&limit)))
    .secondary(limit_span, "the amount available")
    .help("check the amounts: no more can be paid out than was budgeted")
}

pub fn over_target(span: &Span, activity: &str, achieved: Decimal, target: Decimal, target_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::OverTarget,
        span,
        format!(
            "achievements for `{activity}` reach `{}`, more than its target `{}`",
            format_vi(&achieved),
            format_vi(&target)
        ),
    )
    .label("passes the target here")
    .secondary(target_span, "the target")
    .help("this is allowed; check that nothing was recorded twice")
}

pub fn date_outside_year(span: &Span, what: &str, date: chrono::NaiveDate, year: i32) -> Diagnostic {
    Diagnostic::new(
        Code::DateOutsideYear,
        span,
        format!("the {what} is dated `{date}`, outside the plan year `{year}`"),
    )
    .help("check the date, or record it against the plan of that year")
}

pub fn deadline_order(
    span: &Span,
    half_year: chrono::NaiveDate,
    annual: chrono::NaiveDate,
    annual_span: &Span,
) -> Diagnostic {
    Diagnostic::new(
        Code::DeadlineOrder,
        span,
        format!("the half-year report is due `{half_year}`, after the annual report (`{annual}`)"),
    )
    .secondary(annual_span, "the annual report's date")
    .help("check both dates: the half-year report comes first")
}

pub fn late_submission(
    span: &Span,
    kind: &str,
    date: chrono::NaiveDate,
    due_before: chrono::NaiveDate,
    due_span: &Span,
) -> Diagnostic {
    Diagnostic::new(
        Code::LateSubmission,
        span,
        format!("the {kind} report was sent on `{date}`, not before `{due_before}`"),
    )
    .label("late")
    .secondary(due_span, "due before this day")
    .help("a report is on time when sent before its due-before date")
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

fn article(type_name: &str) -> String {
    match type_name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {type_name}"),
        _ => format!("a {type_name}"),
    }
}

/// `activity` → `activities`, `budget line` → `budget lines`
fn plural(noun: &str) -> String {
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{noun}s"),
    }
}

/// `a`, `b` or `c`
fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}
