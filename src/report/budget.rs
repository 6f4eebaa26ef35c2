//! The budget section: the total, what was disbursed by the as-of date, what remains; per
//! budget line and per activity where the plan has them.

use crate::hash::{HashMap, HashSet};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use serde::Serialize;

use super::{counted, percent};
use crate::model::{Disbursement, FundSource, Plan, Progress};
use crate::source::Sp;

/// One source of funds: what the plan (or decision) gives it, what was paid from it.
#[derive(Debug, Serialize)]
pub struct SourceRow {
    pub source: FundSource,
    pub name: &'static str,
    /// The amount the plan gives the source; `None` for a source only a payment names.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    /// What was paid from the source: `None` (unknown, not 0) when no progress file is there
    /// or no payment counted says its source.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub disbursed: Option<Decimal>,
    /// Some payments counted do not say their source: `disbursed` is a least value.
    pub disbursed_partial: bool,
    /// `amount − disbursed`, when both are known and `disbursed` is the whole.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub remaining: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
}

/// The rows by source: each source of `split` in order, then each other source a payment
/// names. `paid` is `None` when no progress file is there to say what was paid.
pub fn source_rows(split: &[(Sp<FundSource>, Sp<Decimal>)], paid: Option<&[&Disbursement]>) -> Vec<SourceRow> {
    let mut sources: Vec<FundSource> = split.iter().map(|(s, _)| s.value).collect();
    for d in paid.unwrap_or_default() {
        if let Some(s) = &d.source
            && !sources.contains(&s.value)
        {
            sources.push(s.value);
        }
    }
    // Known when nothing was paid (0 from each source) or some payment says its source; a
    // least value when some others do not.
    let (known, partial) = match paid {
        None => (false, false),
        Some(paid) => {
            let named = paid.iter().filter(|d| d.source.is_some()).count();
            (paid.is_empty() || named > 0, named > 0 && named < paid.len())
        }
    };
    sources
        .into_iter()
        .map(|source| {
            let amount = split.iter().find(|(s, _)| s.value == source).map(|(_, a)| a.value);
            // "At least 0" says nothing: unknown.
            let disbursed = paid
                .filter(|_| known)
                .map(|paid| sum(paid, |d| d.source.as_ref().is_some_and(|s| s.value == source)))
                .filter(|d| !(partial && d.is_zero()));
            let exact = disbursed.filter(|_| !partial);
            SourceRow {
                source,
                name: source.name_vi(),
                amount,
                disbursed,
                disbursed_partial: partial && disbursed.is_some(),
                remaining: amount.zip(exact).and_then(|(a, d)| a.checked_sub(d)),
                percent: amount.zip(exact).and_then(|(a, d)| percent(d, a)),
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct BudgetSection {
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    /// What was paid by the as-of date: `None` (unknown, not 0) when no progress file is
    /// there to say.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub disbursed: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub remaining: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    /// The total in words: the plan's own text when it has one (checked to read as the
    /// total), else as `plan words` writes it.
    pub in_words: String,
    pub source: Option<String>,
    /// The total by source of funds, as the plan splits it, with what was paid from each.
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
    /// The source of funds it was paid from, where the progress file says.
    pub source: Option<FundSource>,
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
    /// `None` (unknown, not 0) when no progress file is there to say.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub disbursed: Option<Decimal>,
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
    // Without a progress file nothing says what was paid: unknown, not 0.
    let known = !progress.is_empty();
    let disbursed = known.then(|| sum(&paid, |_| true));
    let index = Index::new(plan);
    // Each payment credited once, in order: a sum per line looked up by id, not every
    // payment filtered again for every line (lines × payments).
    let mut by_line: HashMap<&str, Decimal> = HashMap::default();
    let mut unallocated_lines = Decimal::ZERO;
    for d in &paid {
        let total = match index.line_of(d) {
            Some(line) => by_line.entry(line).or_insert(Decimal::ZERO),
            None => &mut unallocated_lines,
        };
        *total = total.checked_add(d.amount.value).unwrap_or(Decimal::MAX);
    }
    let mut seen = HashSet::default();
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
    let mut activities = activity_rows(plan, &index, &paid);
    if !known {
        for row in lines.iter_mut().chain(activities.iter_mut()) {
            (row.disbursed, row.remaining, row.percent) = (None, None, None);
        }
    }
    Some(BudgetSection {
        total,
        disbursed,
        remaining: disbursed.and_then(|d| total.checked_sub(d)),
        percent: disbursed.and_then(|d| percent(d, total)),
        in_words,
        source: budget.source.as_ref().map(|s| s.value.clone()),
        by_source: source_rows(&budget.by_source, known.then_some(paid.as_slice())),
        lines,
        activities,
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
            source: d.source.as_ref().map(|s| s.value),
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
        let mut activity_of_line = HashMap::default();
        let mut lines_of_activity: HashMap<&str, Vec<_>> = HashMap::default();
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
    let mut by_activity: HashMap<&str, Decimal> = HashMap::default();
    let mut elsewhere = Decimal::ZERO;
    for d in paid {
        let total = match index.activity_of(d) {
            Some(a) if index.activities.contains(a) => by_activity.entry(a).or_insert(Decimal::ZERO),
            _ => &mut elsewhere,
        };
        *total = total.checked_add(d.amount.value).unwrap_or(Decimal::MAX);
    }
    let mut seen = HashSet::default();
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
            // A line without its amount makes the activity's amount unknown, not a smaller sum.
            let amount = (!own_lines.is_empty() && own_lines.iter().all(|l| l.amount.is_some())).then(|| {
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
        disbursed: Some(disbursed),
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
