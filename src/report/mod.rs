//! Report values: model → what a report shows, computed once, in document order. Renderers
//! (`crate::render`) only lay these values out; the JSON renderer serialises them as they
//! are. Every figure counts only entries dated on or before the as-of date.

mod budget;
mod deadlines;
mod organisation;
mod period;
mod progress;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::{Decision, DocumentKind, Plan, Progress, Reference, ReportKind};
use crate::workspace::PlanSet;

pub use crate::model::{DataWindow, period_dates, rule_dates};
pub use budget::{BudgetRow, BudgetSection, PaymentView, SourceRow, source_rows};
pub use deadlines::{ActivityDue, DeadlineRow, DeadlineState, Deadlines, working_days};
pub use organisation::{Organisation, ResponsibilityView, TaskView};
pub use period::{
    BudgetYear, ItemRow, PeriodBudget, PeriodPlan, PeriodReport, PeriodSourceRow, SubmissionState, SubmissionYear,
    build_period_report,
};
pub use progress::{EntryView, MilestoneView, PartRow, ProgressRow, Status, SupportView};

/// Which period a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodKind {
    /// The half-year report: data to the half-year cut-off.
    HalfYear,
    /// The annual report: data to the annual cut-off.
    Annual,
    /// Any day.
    AsOf,
}

/// What the user asked for: a period, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodChoice {
    HalfYear,
    Annual,
    AsOf(NaiveDate),
}

#[derive(Debug, Serialize)]
pub struct Report {
    /// The unit the reports for people print money in (`--money-unit`, else the plan's own
    /// `money-unit`). Every amount of this document stays in đồng.
    pub money_unit: crate::money::Unit,
    pub plan: PlanHead,
    pub decision: Option<DecisionHead>,
    pub period: PeriodKind,
    pub as_of: NaiveDate,
    /// The data cut-off of a half-year or annual report (the as-of date).
    pub cut_off: Option<NaiveDate>,
    /// When that report is due: sent before this day.
    pub due_before: Option<NaiveDate>,
    /// The days whose results this report counts: from the start of the year's data window
    /// to the as-of date (or the window's end, when the as-of date is later).
    pub data: DataWindow,
    /// The progress files counted, as their paths were shown.
    pub progress_files: Vec<String>,
    pub progress: Vec<ProgressRow>,
    pub budget: Option<BudgetSection>,
    pub deadlines: Deadlines,
    /// Sections I and III of the plan and its recipients.
    pub organisation: Organisation,
}

#[derive(Debug, Serialize)]
pub struct PlanHead {
    pub title: String,
    pub year: i32,
    pub file: String,
    pub number: Option<String>,
    /// The documents the plan cites besides its decision.
    pub basis: Vec<Citation>,
}

/// A document cited as legal basis, as the files give it.
#[derive(Debug, Serialize)]
pub struct Citation {
    /// The document's kind: as the file says, else as its number's symbol says.
    pub kind: Option<DocumentKind>,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub issuer: Option<String>,
    pub title: Option<String>,
}

impl Citation {
    pub fn of(reference: &Reference) -> Self {
        let number = reference.number.as_ref().map(|n| n.value.clone());
        Self {
            kind: reference
                .kind
                .as_ref()
                .map(|k| k.value)
                .or_else(|| number.as_deref().and_then(DocumentKind::of_number)),
            number,
            date: reference.date.as_ref().map(|d| d.value),
            issuer: reference.issuer.as_ref().map(|i| i.value.clone()),
            title: reference.title.as_ref().map(|t| t.value.clone()),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct DecisionHead {
    /// The national programme the decision implements.
    pub programme: Option<Citation>,
    /// The documents the decision cites.
    pub basis: Vec<Citation>,
    /// What the parent document is: the decision file's `kind`, else the kind its number's
    /// symbol names, else a quyết định.
    pub kind: DocumentKind,
    pub number: String,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
}

/// Builds the report of one plan. `None` when the plan lacks its year (which `plan check`
/// reports as an error, so a checked plan always has one).
pub fn build_report(set: &PlanSet<'_>, files: Files, choice: PeriodChoice) -> Option<Report> {
    let plan = set.plan;
    let year = plan.year.as_ref()?.value;
    let reporting = set.decision.map(|d| d.reporting.clone()).unwrap_or_default();
    let (period, as_of, cut_off, due_before) = match choice {
        PeriodChoice::HalfYear => {
            let (cut, due) = period_dates(plan, &reporting, ReportKind::HalfYear, year)?;
            (PeriodKind::HalfYear, cut, Some(cut), Some(due))
        }
        PeriodChoice::Annual => {
            let (cut, due) = period_dates(plan, &reporting, ReportKind::Annual, year)?;
            (PeriodKind::Annual, cut, Some(cut), Some(due))
        }
        PeriodChoice::AsOf(day) => (PeriodKind::AsOf, day, None, None),
    };
    let progress = &set.progress;
    let window = DataWindow::of(plan, &reporting, year)?;
    let data = DataWindow { from: window.from, to: as_of.min(window.to) };
    let mut rows = progress::progress_rows(plan, progress, data);
    if let Some(decision) = set.decision {
        supports(&mut rows, plan, decision);
    }
    let deadlines = deadlines::deadlines(plan, &reporting, progress, &rows, as_of, year);
    Some(Report {
        money_unit: plan.budget.as_ref().map(|b| b.unit).unwrap_or_default(),
        plan: PlanHead {
            title: text(plan.title.as_ref()),
            year,
            file: files.plan,
            number: plan.number.as_ref().map(|n| n.value.clone()),
            basis: plan.basis.iter().map(Citation::of).collect(),
        },
        decision: decision_head(plan, set.decision),
        period,
        as_of,
        cut_off,
        due_before,
        data,
        progress_files: files.progress,
        progress: rows,
        budget: budget::budget_section(plan, progress, as_of),
        deadlines,
        organisation: organisation::organisation(plan, progress, data),
    })
}

/// Gives each row the support rule of its activity's decision item.
/// Activities and items are looked up by id (the first of a repeated one): a search of
/// every activity for every row made 16,000 activities cost ten times 4,000.
fn supports(rows: &mut [ProgressRow], plan: &Plan, decision: &Decision) {
    let mut items = crate::hash::HashMap::default();
    for i in &decision.items {
        items.entry(i.id.value.as_str()).or_insert(i);
    }
    let mut activities = crate::hash::HashMap::default();
    for a in &plan.activities {
        activities.entry(a.id.value.as_str()).or_insert(a);
    }
    for row in rows {
        let item = activities.get(row.activity.as_str()).map(|a| a.item.value.as_str());
        row.support = item.and_then(|item| items.get(item)).and_then(|i| i.support.as_ref()).map(SupportView::of);
    }
}

/// The paths of the files a report names, as they are shown to the user.
pub struct Files {
    pub plan: String,
    pub progress: Vec<String>,
}

fn decision_head(plan: &Plan, decision: Option<&Decision>) -> Option<DecisionHead> {
    let cited = plan.decision.as_ref()?;
    let number = cited.number.as_ref().map(|n| n.value.clone())?;
    Some(DecisionHead {
        programme: decision.and_then(|d| d.programme.as_ref()).map(Citation::of),
        basis: decision.map(|d| d.basis.iter().map(Citation::of).collect()).unwrap_or_default(),
        kind: decision
            .and_then(|d| d.kind.as_ref().map(|k| k.value))
            .or_else(|| DocumentKind::of_number(&number))
            .unwrap_or(DocumentKind::QuyetDinh),
        number,
        date: cited.date.as_ref().map(|d| d.value),
        title: decision.and_then(|d| d.title.as_ref()).map(|t| t.value.clone()),
    })
}

fn text(value: Option<&crate::source::Sp<String>>) -> String {
    value.map(|v| v.value.clone()).unwrap_or_default()
}

/// `part` of `whole` in percent, to one decimal place; `None` when `whole` is zero.
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let ratio = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(ratio.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero).normalize())
}

/// The progress entries dated from `from` to `to`, both included.
fn counted<'a, T>(
    progress: &'a [&'a Progress],
    pick: impl Fn(&'a Progress) -> &'a [T],
    date: impl Fn(&T) -> NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<&'a T> {
    progress.iter().flat_map(|p| pick(p)).filter(|entry| (from..=to).contains(&date(entry))).collect()
}
