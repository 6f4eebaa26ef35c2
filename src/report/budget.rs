//! The budget section: the total, what was disbursed by the as-of date, what remains; per
//! budget line and per activity where the plan has them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{counted, percent};
use crate::model::{Disbursement, Plan, Progress};

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
    pub lines: Vec<BudgetRow>,
    pub activities: Vec<BudgetRow>,
}

/// One budget line (`line` set) or one activity (`activity` set).
#[derive(Debug, Serialize)]
pub struct BudgetRow {
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
    let paid = counted(progress, |p| &p.disbursements, |d| d.date.value, as_of);
    let disbursed: Decimal = paid.iter().map(|d| d.amount.value).sum();
    let lines = budget
        .lines
        .iter()
        .map(|line| {
            let amount = line.amount.as_ref().map(|a| a.value);
            let spent = sum(&paid, |d| d.line.as_ref().is_some_and(|l| l.value == line.id.value));
            BudgetRow {
                line: Some(line.id.value.clone()),
                activity: line.activity.as_ref().map(|a| a.value.clone()),
                name: None,
                note: line.note.as_ref().map(|n| n.value.clone()),
                amount,
                disbursed: spent,
                remaining: amount.map(|a| a - spent),
                percent: amount.and_then(|a| percent(spent, a)),
            }
        })
        .collect();
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
        remaining: total - disbursed,
        percent: percent(disbursed, total),
        in_words,
        source: budget.source.as_ref().map(|s| s.value.clone()),
        lines,
        activities: activity_rows(plan, &paid),
    })
}

/// Per activity, for the activities that have budget lines or disbursements: the amount is
/// the sum of its lines; disbursed counts payments against the activity and its lines.
fn activity_rows(plan: &Plan, paid: &[&Disbursement]) -> Vec<BudgetRow> {
    let lines = plan.budget.as_ref().map(|b| b.lines.as_slice()).unwrap_or_default();
    plan.activities
        .iter()
        .filter_map(|activity| {
            let id = &activity.id.value;
            let own_lines: Vec<_> =
                lines.iter().filter(|l| l.activity.as_ref().is_some_and(|a| &a.value == id)).collect();
            let spent = sum(paid, |d| {
                d.activity.as_ref().is_some_and(|a| &a.value == id)
                    || d.line.as_ref().is_some_and(|l| own_lines.iter().any(|own| own.id.value == l.value))
            });
            if own_lines.is_empty() && spent.is_zero() {
                return None;
            }
            let amount = (!own_lines.is_empty())
                .then(|| own_lines.iter().filter_map(|l| l.amount.as_ref()).map(|a| a.value).sum::<Decimal>());
            Some(BudgetRow {
                line: None,
                activity: Some(id.clone()),
                name: activity.name.as_ref().map(|n| n.value.clone()),
                note: None,
                amount,
                disbursed: spent,
                remaining: amount.map(|a| a - spent),
                percent: amount.and_then(|a| percent(spent, a)),
            })
        })
        .collect()
}

fn sum(paid: &[&Disbursement], keep: impl Fn(&Disbursement) -> bool) -> Decimal {
    paid.iter().filter(|d| keep(d)).map(|d| d.amount.value).sum()
}
