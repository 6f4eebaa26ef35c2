//! The roll-up of a decision's whole period: per decision item, the period target, each
//! year's target, their sum, what was achieved to date; the budget per year against the
//! envelope; the reports sent each year.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::{DecisionHead, percent, period_dates};
use crate::model::{Decision, Plan, Progress, ReportKind};

#[derive(Debug, Serialize)]
pub struct PeriodReport {
    /// The unit the reports for people print money in (`--money-unit`, else the decision's
    /// own `money-unit`). Every amount of this document stays in đồng.
    pub money_unit: crate::money::Unit,
    pub decision: DecisionHead,
    pub from: i32,
    pub to: i32,
    pub as_of: NaiveDate,
    pub plans: Vec<PlanYear>,
    pub items: Vec<ItemRow>,
    pub budget: PeriodBudget,
    pub submissions: Vec<SubmissionYear>,
}

#[derive(Debug, Serialize)]
pub struct PlanYear {
    pub year: i32,
    pub file: String,
}

#[derive(Debug, Serialize)]
pub struct ItemRow {
    pub item: String,
    pub name: String,
    pub unit: Option<String>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub period_target: Option<Decimal>,
    /// How the period target is meant.
    pub target_rule: crate::model::TargetRule,
    /// The period target as the report writes it (`tối thiểu 100`).
    pub target_text: Option<String>,
    /// The item's targets for parts of the period or beyond it.
    pub stages: Vec<StageRow>,
    /// The unit is a level (a percentage): `planned` is the latest year's target and
    /// `achieved` the latest reading, not sums.
    pub level: bool,
    /// Each year of the period in order: that year's target, `None` without a plan or a
    /// target for the item.
    pub years: Vec<YearTarget>,
    /// The yearly targets added up; `None` when no year has one.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub planned: Option<Decimal>,
    /// `planned` leaves out a year before the report's year that has no plan among the
    /// files: it is a least value ("≥").
    pub planned_partial: bool,
    /// What the progress files record to date: a sum, or for a level (a percentage) the
    /// latest reading; `None` when no plan of the period has a progress file.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub achieved: Option<Decimal>,
    /// A year of the period up to the as-of date has no plan, or its plan no progress file:
    /// `achieved` is a least value ("ít nhất …"), not the whole.
    pub achieved_partial: bool,
    /// Achieved, in percent of the period target (none for a target of each year).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
}

#[derive(Debug, Serialize)]
pub struct StageRow {
    pub from: i32,
    pub to: i32,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target: Option<Decimal>,
    pub target_rule: crate::model::TargetRule,
    pub target_text: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct YearTarget {
    pub year: i32,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target: Option<Decimal>,
}

#[derive(Debug, Serialize)]
pub struct PeriodBudget {
    #[serde(with = "rust_decimal::serde::str_option")]
    pub envelope: Option<Decimal>,
    pub years: Vec<BudgetYear>,
    /// The yearly plans' budgets added up: 0 before any plan; `None` when there are plans
    /// and none has its budget.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    /// A plan of the period has no budget table: `total` is a least value, and neither what
    /// the envelope leaves nor the share of it is known.
    pub total_partial: bool,
    /// The known years' disbursements added up.
    #[serde(with = "rust_decimal::serde::str")]
    pub disbursed: Decimal,
    /// A year of the period to date is unknown (no plan, or no progress file): `disbursed`
    /// is a least value.
    pub disbursed_partial: bool,
    /// What the envelope leaves after the yearly budgets.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub unallocated: Option<Decimal>,
    /// The yearly budgets in percent of the envelope.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    /// Per source of funds: the envelope (`budget-by-source`), the plans' split added up, what
    /// was paid from it.
    pub by_source: Vec<PeriodSourceRow>,
}

/// One source of funds over the period.
#[derive(Debug, Serialize)]
pub struct PeriodSourceRow {
    pub source: crate::model::FundSource,
    pub name: &'static str,
    /// The decision's envelope for the source.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub envelope: Option<Decimal>,
    /// The yearly plans' amounts for the source added up; `None` when no plan splits its
    /// budget by source.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub planned: Option<Decimal>,
    /// A plan of the period has a budget not split by source: `planned` is a least value.
    pub planned_partial: bool,
    /// Paid from the source in the known years; `None` when no year says it.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub disbursed: Option<Decimal>,
    /// A year to date is unknown, or some payments do not say their source: a least value.
    pub disbursed_partial: bool,
}

impl PeriodBudget {
    /// Some year says what was disbursed; when none does, the total is unknown, not 0.
    pub fn disbursed_known(&self) -> bool {
        self.years.iter().any(|y| y.disbursed.is_some())
    }
}

#[derive(Debug, Serialize)]
pub struct BudgetYear {
    pub year: i32,
    /// What the decision allows for the year (`budget-by-year`).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub allowed: Option<Decimal>,
    /// The year's plan total.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    /// `None` without a plan or without a progress file for the year: unknown, not 0.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub disbursed: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubmissionState {
    OnTime,
    Late,
    /// Not sent, and its due-before date has come.
    Missing,
    /// Not sent, not yet due.
    Pending,
    /// No plan for the year.
    NoPlan,
    /// Due, and the plan has no progress file to say whether it was sent: unknown, not
    /// missing.
    Unknown,
}

#[derive(Debug, Serialize)]
pub struct SubmissionYear {
    pub year: i32,
    pub half_year: SubmissionState,
    pub annual: SubmissionState,
}

/// A plan of the period with its progress files and the name its file is shown by.
pub struct PeriodPlan<'a> {
    pub plan: &'a Plan,
    pub progress: Vec<&'a Progress>,
    pub file: String,
}

/// Builds the roll-up; `None` when the decision lacks its number or period (errors that
/// `plan check` reports).
pub fn build_period_report(decision: &Decision, plans: &[PeriodPlan<'_>], as_of: NaiveDate) -> Option<PeriodReport> {
    let period = decision.period.as_ref()?.value;
    let number = decision.number.as_ref()?.value.clone();
    let head = DecisionHead {
        programme: decision.programme.as_ref().map(super::Citation::of),
        basis: decision.basis.iter().map(super::Citation::of).collect(),
        kind: decision
            .kind
            .as_ref()
            .map(|k| k.value)
            .or_else(|| crate::model::DocumentKind::of_number(&number))
            .unwrap_or(crate::model::DocumentKind::QuyetDinh),
        number,
        date: decision.date.as_ref().map(|d| d.value),
        title: decision.title.as_ref().map(|t| t.value.clone()),
    };
    let mut plans: Vec<&PeriodPlan<'_>> = plans.iter().filter(|p| p.plan.year.is_some()).collect();
    plans.sort_by_key(|p| (year_of(p.plan), p.file.clone()));
    // One plan per year: a second one is `duplicate-year`, which stops the report.
    plans.dedup_by_key(|p| year_of(p.plan));
    let years: Vec<i32> = (period.from..=period.to).collect();
    Some(PeriodReport {
        money_unit: decision.money_unit,
        decision: head,
        from: period.from,
        to: period.to,
        as_of,
        plans: plans.iter().map(|p| PlanYear { year: year_of(p.plan), file: p.file.clone() }).collect(),
        items: decision.items.iter().map(|item| item_row(item, &years, &plans, as_of)).collect(),
        budget: budget(decision, &years, &plans, as_of),
        submissions: years.iter().map(|&year| submissions(decision, year, &plans, as_of)).collect(),
    })
}

fn year_of(plan: &Plan) -> i32 {
    plan.year.as_ref().map_or(0, |y| y.value)
}

fn item_row(item: &crate::model::Item, years: &[i32], plans: &[&PeriodPlan<'_>], as_of: NaiveDate) -> ItemRow {
    let id = &item.id.value;
    let year_targets: Vec<YearTarget> = years
        .iter()
        .map(|&year| {
            let target = plans.iter().find(|p| year_of(p.plan) == year).and_then(|p| {
                let targets: Vec<Decimal> = p
                    .plan
                    .activities
                    .iter()
                    .filter(|a| &a.item.value == id)
                    .filter_map(|a| a.target.as_ref().map(|t| t.value))
                    .collect();
                (!targets.is_empty()).then(|| targets.iter().fold(Decimal::ZERO, |s, t| s.saturating_add(*t)))
            });
            YearTarget { year, target }
        })
        .collect();
    let targets: Vec<Decimal> = year_targets.iter().filter_map(|y| y.target).collect();
    let level = crate::model::target::is_level(item.unit.as_ref().map(|u| u.value.as_str()));
    // A level's yearly targets are steps towards it, not parts of a sum: the latest is planned.
    let planned = if level {
        targets.last().copied()
    } else {
        (!targets.is_empty()).then(|| targets.iter().fold(Decimal::ZERO, |s, t| s.saturating_add(*t)))
    };
    let mut readings = Vec::new();
    let mut known = false;
    let mut partial = false;
    for p in plans.iter().filter(|p| year_of(p.plan) <= as_of.year()) {
        if p.progress.is_empty() {
            partial = true;
            continue;
        }
        known = true;
        // A set: searching a list of the item's activities for every achievement was
        // activities × achievements.
        let activities: crate::hash::HashSet<&str> =
            p.plan.activities.iter().filter(|a| &a.item.value == id).map(|a| a.id.value.as_str()).collect();
        readings.extend(
            p.progress
                .iter()
                .flat_map(|x| &x.achievements)
                .filter(|a| a.date.value <= as_of && activities.contains(&a.activity.value.as_str()))
                .map(|a| ((a.date.value, a.span.clone()), a.quantity.value)),
        );
    }
    // A year of the period to date with no plan, or a plan with no progress file, is not
    // counted: what is shown is a least value.
    let achieved_partial = known
        && !level
        && (partial || years.iter().any(|&y| y <= as_of.year() && !plans.iter().any(|p| year_of(p.plan) == y)));
    let achieved = known
        .then(|| {
            if level {
                // A level no reading gives is unknown, not 0.
                readings.iter().max_by(|a, b| a.0.cmp(&b.0)).map(|r| r.1)
            } else {
                Some(readings.iter().map(|r| r.1).fold(Decimal::ZERO, Decimal::saturating_add))
            }
        })
        .flatten()
        // "At least 0" says nothing: unknown.
        .filter(|a| !(achieved_partial && a.is_zero()));
    let period_target = item.target.as_ref().map(|t| t.value);
    let rule = item.target_rule;
    ItemRow {
        item: id.clone(),
        name: item.name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
        unit: item.unit.as_ref().map(|u| u.value.clone()),
        period_target,
        target_rule: rule,
        target_text: period_target.map(|t| rule.describe(t)),
        level,
        stages: item
            .stages
            .iter()
            .map(|s| {
                let target = s.target.as_ref().map(|t| t.value);
                StageRow {
                    from: s.from.value,
                    to: s.to.value,
                    target,
                    target_rule: s.target_rule,
                    target_text: target.map(|t| s.target_rule.describe(t)),
                }
            })
            .collect(),
        years: year_targets,
        planned,
        // A past year with no plan among the files planned something not known.
        planned_partial: planned.is_some() && !level && missing_years(years, plans, as_of),
        achieved,
        achieved_partial: achieved_partial && achieved.is_some(),
        percent: period_target.zip(achieved).filter(|_| !rule.each_year).and_then(|(t, a)| percent(a, t)),
    }
}

fn budget(decision: &Decision, years: &[i32], plans: &[&PeriodPlan<'_>], as_of: NaiveDate) -> PeriodBudget {
    let rows: Vec<BudgetYear> = years
        .iter()
        .map(|&year| {
            let plan = plans.iter().find(|p| year_of(p.plan) == year);
            BudgetYear {
                year,
                allowed: decision.budget_by_year.iter().find(|(y, _)| y.value == year).map(|(_, a)| a.value),
                total: plan.and_then(|p| p.plan.budget.as_ref()?.total.as_ref()).map(|t| t.value),
                disbursed: plan.filter(|p| !p.progress.is_empty()).map(|p| {
                    p.progress
                        .iter()
                        .flat_map(|x| &x.disbursements)
                        .filter(|d| d.date.value <= as_of)
                        .map(|d| d.amount.value)
                        .fold(Decimal::ZERO, Decimal::saturating_add)
                }),
            }
        })
        .collect();
    // No plan yet: nothing is in a yearly plan (0). Plans, none with its budget: unknown.
    let total: Option<Decimal> = if plans.is_empty() {
        Some(Decimal::ZERO)
    } else {
        rows.iter().filter_map(|r| r.total).reduce(Decimal::saturating_add)
    };
    // A plan without its budget, or a past year with no plan in the files (its plan was
    // surely issued, but what it planned is not known): the sum is a least value. The
    // report's own year and the years to come may have no plan yet, and add nothing.
    let total_partial = plans.iter().any(|p| p.plan.budget.as_ref().and_then(|b| b.total.as_ref()).is_none())
        || missing_years(years, plans, as_of);
    // Nothing known at all is unknown, not "at least 0".
    let total = total.filter(|t| !(total_partial && t.is_zero()));
    let envelope = decision.budget.as_ref().map(|b| b.value);
    PeriodBudget {
        envelope,
        total,
        total_partial,
        disbursed: rows.iter().filter_map(|r| r.disbursed).fold(Decimal::ZERO, Decimal::saturating_add),
        disbursed_partial: rows.iter().any(|r| r.disbursed.is_none() && r.year <= as_of.year()),
        unallocated: envelope.filter(|_| !total_partial).map(|e| e.saturating_sub(total.unwrap_or_default())),
        percent: envelope.zip(total).filter(|_| !total_partial).and_then(|(e, t)| percent(t, e)),
        by_source: period_sources(decision, years, plans, as_of),
        years: rows,
    }
}

/// Per source: each year's plan rows by source ([`super::source_rows`]) added up, against
/// the decision's split of the envelope.
fn period_sources(
    decision: &Decision,
    years: &[i32],
    plans: &[&PeriodPlan<'_>],
    as_of: NaiveDate,
) -> Vec<PeriodSourceRow> {
    let yearly: Vec<(i32, Vec<super::SourceRow>)> = plans
        .iter()
        .map(|p| {
            let paid: Vec<&crate::model::Disbursement> =
                p.progress.iter().flat_map(|x| &x.disbursements).filter(|d| d.date.value <= as_of).collect();
            let split = p.plan.budget.as_ref().map(|b| b.by_source.as_slice()).unwrap_or_default();
            let known = (!p.progress.is_empty()).then_some(paid.as_slice());
            (year_of(p.plan), super::source_rows(split, known))
        })
        .collect();
    let mut sources: Vec<crate::model::FundSource> = decision.budget_by_source.iter().map(|(s, _)| s.value).collect();
    for row in yearly.iter().flat_map(|(_, rows)| rows) {
        if !sources.contains(&row.source) {
            sources.push(row.source);
        }
    }
    let add = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        (a, b) => a.or(b),
    };
    sources
        .into_iter()
        .map(|source| {
            let mine = |rows: &[super::SourceRow]| {
                rows.iter().find(|r| r.source == source).map(|r| (r.amount, r.disbursed, r.disbursed_partial))
            };
            let mut planned = None;
            let mut disbursed = None;
            let mut disbursed_partial = false;
            for (_, rows) in &yearly {
                let (amount, paid, partial) = mine(rows).unwrap_or((None, None, false));
                planned = add(planned, amount);
                disbursed = add(disbursed, paid);
                disbursed_partial |= partial;
            }
            // A year to date with no plan, no progress file or no payment saying its source.
            let unknown_year = years
                .iter()
                .filter(|&&y| y <= as_of.year())
                .any(|&y| !yearly.iter().any(|(year, rows)| *year == y && rows.iter().any(|r| r.disbursed.is_some())));
            let budgets_unsplit = plans.iter().any(|p| p.plan.budget.as_ref().is_some_and(|b| b.by_source.is_empty()))
                || missing_years(years, plans, as_of);
            PeriodSourceRow {
                source,
                name: source.name_vi(),
                envelope: decision.budget_by_source.iter().find(|(s, _)| s.value == source).map(|(_, a)| a.value),
                planned,
                planned_partial: planned.is_some() && budgets_unsplit,
                disbursed,
                disbursed_partial: disbursed.is_some() && (disbursed_partial || unknown_year),
            }
        })
        .collect()
}

/// Whether a year of the period before the report's year has no plan among the files.
/// The report's own year may not have its plan yet (a plan is often approved in its first
/// months); a past year surely had one.
fn missing_years(years: &[i32], plans: &[&PeriodPlan<'_>], as_of: NaiveDate) -> bool {
    years.iter().filter(|&&y| y < as_of.year()).any(|&y| !plans.iter().any(|p| year_of(p.plan) == y))
}

fn submissions(decision: &Decision, year: i32, plans: &[&PeriodPlan<'_>], as_of: NaiveDate) -> SubmissionYear {
    let Some(plan) = plans.iter().find(|p| year_of(p.plan) == year) else {
        return SubmissionYear { year, half_year: SubmissionState::NoPlan, annual: SubmissionState::NoPlan };
    };
    let state = |kind: ReportKind| {
        let Some((_, due_before)) = period_dates(plan.plan, &decision.reporting, kind, year) else {
            return SubmissionState::NoPlan;
        };
        let first = plan
            .progress
            .iter()
            .flat_map(|p| &p.submissions)
            .filter(|s| s.report.value == kind && s.date.value <= as_of)
            .map(|s| s.date.value)
            .min();
        match first {
            Some(date) if date < due_before => SubmissionState::OnTime,
            Some(_) => SubmissionState::Late,
            None if as_of >= due_before && plan.progress.is_empty() => SubmissionState::Unknown,
            None if as_of >= due_before => SubmissionState::Missing,
            None => SubmissionState::Pending,
        }
    };
    SubmissionYear { year, half_year: state(ReportKind::HalfYear), annual: state(ReportKind::Annual) }
}
