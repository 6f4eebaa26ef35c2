//! The budget section: the total, what was disbursed by the as-of date, what remains; per
//! budget line and per activity where the plan has them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{counted, percent};
use crate::model::{Disbursement, Plan, Progress};

/// One source of funds of the plan's budget.
#[derive(Debug, Serialize)]
pub struct SourceRow {
    pub source: crate::model::FundSource,
    pub name: &'static str,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

#[derive(Debug, Serialize)]
pub struct BudgetSection {
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub disbursed: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub remaining: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    /// The total in words: the plan's own text when it has one (checked to read as the
    /// total), else as `plan words` writes it.
    pub in_words: String,
    pub source: Option<String>,
    /// The total by source of funds, as the plan splits it.
    pub by_source: Vec<SourceRow>,
    pub lines: Vec<BudgetRow>,
    pub activities: Vec<BudgetRow>,
    /// Each payment counted, in date order, with its voucher.
    pub payments: Vec<PaymentView>,
}

#[derive(Debug, Serialize)]
pub struct PaymentView {
    pub date: NaiveDate,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// The line and the activity it is credited to.
    pub line: Option<String>,
    pub activity: Option<String>,
    pub voucher: Option<String>,
}

/// One budget line (`line` set), one activity (`activity` set), or what was paid and
/// cannot be placed on a line or an activity (`unallocated`): the rows of each table add up
/// to the total disbursed, to the đồng.
#[derive(Debug, Serialize)]
pub struct BudgetRow {
    /// The row of what no line (or no activity) can be credited with.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unallocated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
    pub activity: Option<String>,
    /// On an activity row, the activity's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// On a line row, the line's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str")]
    pub disbursed: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub remaining: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
}

pub fn budget_section(plan: &Plan, progress: &[&Progress], as_of: NaiveDate) -> Option<BudgetSection> {
    let budget = plan.budget.as_ref()?;
    let total = budget.total.as_ref()?.value;
    // Money follows the budget year, the calendar year: what was paid from 1 January to the
    // as-of date.
    let year = plan.year.as_ref()?.value;
    let paid: Vec<&Disbursement> = match NaiveDate::from_ymd_opt(year, 1, 1) {
        Some(start) => counted(progress, |p| &p.disbursements, |d| d.date.value, start, as_of),
        None => Vec::new(),
    };
    let disbursed = sum(&paid, |_| true);
    let index = Index::new(plan);
    // Each payment credited once, in order: a sum per line looked up by id, not every
    // payment filtered again for every line (lines × payments).
    let mut by_line: HashMap<&str, Decimal> = HashMap::new();
    let mut unallocated_lines = Decimal::ZERO;
    for d in &paid {
        let total = match index.line_of(d) {
            Some(line) => by_line.entry(line).or_insert(Decimal::ZERO),
            None => &mut unallocated_lines,
        };
        *total = total.checked_add(d.amount.value).unwrap_or(Decimal::MAX);
    }
    let mut seen = HashSet::new();
    let mut lines: Vec<BudgetRow> = budget
        .lines
        .iter()
        .map(|line| {
            // A repeated id is reported as `duplicate-id`; only its first line is credited.
            let first = seen.insert(line.id.value.as_str());
            let spent = if first {
                by_line.get(line.id.value.as_str()).copied().unwrap_or(Decimal::ZERO)
            } else {
                Decimal::ZERO
            };
            row(
                None,
                Some(line.id.value.clone()),
                line.activity.as_ref().map(|a| a.value.clone()),
                line.note.as_ref().map(|n| n.value.clone()),
                line.amount.as_ref().map(|a| a.value),
                spent,
            )
        })
        .collect();
    if !budget.lines.is_empty() && !unallocated_lines.is_zero() {
        lines.push(unallocated(unallocated_lines));
    }
    let in_words = match &budget.in_words {
        Some(words) => words.value.clone(),
        None => u128::try_from(total.trunc())
            .ok()
            .and_then(|n| crate::words::write_amount(n, &crate::words::Style::default()).ok())
            .unwrap_or_default(),
    };
    Some(BudgetSection {
        total,
        disbursed,
        remaining: total.checked_sub(disbursed).unwrap_or_default(),
        percent: percent(disbursed, total),
        in_words,
        source: budget.source.as_ref().map(|s| s.value.clone()),
        by_source: budget
            .by_source
            .iter()
            .map(|(source, amount)| SourceRow {
                source: source.value,
                name: source.value.name_vi(),
                amount: amount.value,
            })
            .collect(),
        lines,
        activities: activity_rows(plan, &index, &paid),
        payments: payments(&index, &paid),
    })
}

fn payments(index: &Index<'_>, paid: &[&Disbursement]) -> Vec<PaymentView> {
    let mut sorted: Vec<&&Disbursement> = paid.iter().collect();
    sorted.sort_by(|a, b| (a.date.value, &a.span).cmp(&(b.date.value, &b.span)));
    sorted
        .into_iter()
        .map(|d| PaymentView {
            date: d.date.value,
            amount: d.amount.value,
            line: index.line_of(d).map(str::to_owned),
            activity: index.activity_of(d).map(str::to_owned),
            voucher: d.voucher.as_ref().map(|v| v.value.clone()),
        })
        .collect()
}

/// A plan's budget lines by id and by activity, built once per report: [`Index::line_of`] and
/// [`Index::activity_of`] looked up, not searched for. Searching every line for every payment of
/// every activity made a plan of 4,000 activities take 250 s to report.
struct Index<'a> {
    /// Each line id, first line first: the activity of that line.
    activity_of_line: HashMap<&'a str, Option<&'a str>>,
    /// Each activity's lines, in order.
    lines_of_activity: HashMap<&'a str, Vec<&'a crate::model::BudgetLine>>,
    activities: HashSet<&'a str>,
}

impl<'a> Index<'a> {
    fn new(plan: &'a Plan) -> Self {
        let lines = plan.budget.as_ref().map(|b| b.lines.as_slice()).unwrap_or_default();
        let mut activity_of_line = HashMap::new();
        let mut lines_of_activity: HashMap<&str, Vec<_>> = HashMap::new();
        for line in lines {
            let activity = line.activity.as_ref().map(|a| a.value.as_str());
            activity_of_line.entry(line.id.value.as_str()).or_insert(activity);
            if let Some(activity) = activity {
                lines_of_activity.entry(activity).or_default().push(line);
            }
        }
        let activities = plan.activities.iter().map(|a| a.id.value.as_str()).collect();
        Self { activity_of_line, lines_of_activity, activities }
    }

    /// The budget line a payment is credited to: the line it names; else, when it names
    /// an activity with exactly one line, that line; else none (the "not allocated" row).
    fn line_of<'b>(&'b self, paid: &'b Disbursement) -> Option<&'b str> {
        if let Some(line) = &paid.line {
            return Some(line.value.as_str());
        }
        match self.lines_of_activity.get(paid.activity.as_ref()?.value.as_str())?.as_slice() {
            [only] => Some(only.id.value.as_str()),
            _ => None,
        }
    }

    /// The activity a payment is credited to: the activity it names; else the activity of
    /// the line it names; else none (the "not allocated" row).
    fn activity_of<'b>(&'b self, paid: &'b Disbursement) -> Option<&'b str> {
        if let Some(activity) = &paid.activity {
            return Some(activity.value.as_str());
        }
        self.activity_of_line.get(paid.line.as_ref()?.value.as_str()).copied().flatten()
    }
}

/// Per activity, for the activities that have budget lines or disbursements: the amount is
/// the sum of its lines; disbursed counts each payment once, on the activity it is credited
/// to ([`Index::activity_of`]).
fn activity_rows(plan: &Plan, index: &Index<'_>, paid: &[&Disbursement]) -> Vec<BudgetRow> {
    let mut by_activity: HashMap<&str, Decimal> = HashMap::new();
    let mut elsewhere = Decimal::ZERO;
    for d in paid {
        let total = match index.activity_of(d) {
            Some(a) if index.activities.contains(a) => by_activity.entry(a).or_insert(Decimal::ZERO),
            _ => &mut elsewhere,
        };
        *total = total.checked_add(d.amount.value).unwrap_or(Decimal::MAX);
    }
    let mut seen = HashSet::new();
    let mut rows: Vec<BudgetRow> = plan
        .activities
        .iter()
        .filter_map(|activity| {
            let id = &activity.id.value;
            // A repeated id is reported as `duplicate-id`; only its first activity counts.
            if !seen.insert(id.as_str()) {
                return None;
            }
            let own_lines = index.lines_of_activity.get(id.as_str()).map(Vec::as_slice).unwrap_or_default();
            let spent = by_activity.get(id.as_str()).copied().unwrap_or(Decimal::ZERO);
            if own_lines.is_empty() && spent.is_zero() {
                return None;
            }
            let amount = (!own_lines.is_empty()).then(|| {
                own_lines
                    .iter()
                    .filter_map(|l| l.amount.as_ref())
                    .map(|a| a.value)
                    .fold(Decimal::ZERO, |s, a| s.checked_add(a).unwrap_or(s))
            });
            let mut row =
                row(activity.name.as_ref().map(|n| n.value.clone()), None, Some(id.clone()), None, amount, spent);
            row.line = None;
            Some(row)
        })
        .collect();
    if !elsewhere.is_zero() {
        rows.push(unallocated(elsewhere));
    }
    rows
}

fn row(
    name: Option<String>,
    line: Option<String>,
    activity: Option<String>,
    note: Option<String>,
    amount: Option<Decimal>,
    disbursed: Decimal,
) -> BudgetRow {
    BudgetRow {
        unallocated: false,
        line,
        activity,
        name,
        note,
        amount,
        disbursed,
        remaining: amount.and_then(|a| a.checked_sub(disbursed)),
        percent: amount.and_then(|a| percent(disbursed, a)),
    }
}

fn unallocated(disbursed: Decimal) -> BudgetRow {
    let mut row = row(None, None, None, None, None, disbursed);
    row.unallocated = true;
    row
}

/// The sum of the payments `keep` selects. Checks have already refused sums that overflow
/// (`sum-overflow`), so a report is never built from one; the sum saturates rather than
/// panic if it ever were.
fn sum(paid: &[&Disbursement], keep: impl Fn(&Disbursement) -> bool) -> Decimal {
    paid.iter().filter(|d| keep(d)).fold(Decimal::ZERO, |s, d| s.checked_add(d.amount.value).unwrap_or(Decimal::MAX))
}
