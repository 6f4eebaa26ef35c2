//! What progress files record against their plan: references to activities and budget
//! lines, running totals against targets and budgets, dates, report submissions.

use crate::hash::{HashMap, HashSet};

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::diag::cap::Sink;
use crate::diag::{Code, catalog};
use crate::lower::suggest;
use crate::model::DataWindow;
use crate::model::{Activity, BudgetLine, Plan, Progress, Reporting};
use crate::source::{Sp, Span};

pub fn check_progress(plan: &Plan, reporting: &Reporting, progress: &[&Progress], d: &mut Sink) {
    let ids = Ids::new(plan);
    for record in progress {
        check_references(plan, &ids, record, d);
        check_dates(plan, reporting, record, d);
        check_submissions(plan, record, d);
    }
    check_targets(plan, progress, d);
    check_spending(plan, progress, d);
}

/// A plan's activities, budget lines and task ids by id (the first of a repeated id), built
/// once per plan set: searching them for every entry made 16,000 entries cost 16,000² string
/// comparisons.
struct Ids<'a> {
    activities: HashMap<&'a str, &'a Activity>,
    lines: HashMap<&'a str, &'a BudgetLine>,
    tasks: HashSet<&'a str>,
}

impl<'a> Ids<'a> {
    fn new(plan: &'a Plan) -> Self {
        let mut activities = HashMap::default();
        for a in &plan.activities {
            activities.entry(a.id.value.as_str()).or_insert(a);
        }
        let mut lines = HashMap::default();
        for l in plan.budget.as_ref().map(|b| b.lines.as_slice()).unwrap_or_default() {
            lines.entry(l.id.value.as_str()).or_insert(l);
        }
        let tasks = plan
            .responsibilities
            .iter()
            .flat_map(|r| &r.tasks)
            .filter_map(|t| t.id.as_ref())
            .map(|id| id.value.as_str())
            .collect();
        Self { activities, lines, tasks }
    }
}

fn find_activity<'a>(plan: &'a Plan, ids: &Ids<'a>, reference: &Sp<String>, d: &mut Sink) -> Option<&'a Activity> {
    let found = ids.activities.get(reference.value.as_str()).copied();
    if found.is_none() {
        let near = suggest(&reference.value, plan.activities.iter().map(|a| a.id.value.as_str()));
        d.push(catalog::unknown_reference(
            Code::UnknownActivity,
            &reference.span,
            catalog::Reference::Activity,
            &reference.value,
            near,
            None,
        ));
    }
    found
}

fn check_references<'a>(plan: &'a Plan, index: &Ids<'a>, record: &Progress, d: &mut Sink) {
    for achievement in &record.achievements {
        let Some(activity) = find_activity(plan, index, &achievement.activity, d) else { continue };
        if let (Some(part), Some(breakdown)) = (&achievement.part, &activity.breakdown) {
            let names: Vec<&str> = breakdown.parts.iter().map(|(k, _)| k.value.as_str()).collect();
            if !names.contains(&part.value.as_str()) {
                d.push(catalog::not_one_of(&part.span, "part", &part.value, &names));
            }
        }
    }
    for milestone in &record.milestones {
        if let Some(activity) = &milestone.activity {
            find_activity(plan, index, activity, d);
        }
        if let Some(task) = &milestone.task {
            let ids = || plan.responsibilities.iter().flat_map(|r| &r.tasks).filter_map(|t| t.id.as_ref());
            if !index.tasks.contains(task.value.as_str()) {
                let near = suggest(&task.value, ids().map(|id| id.value.as_str()));
                d.push(catalog::unknown_reference(
                    Code::UnknownActivity,
                    &task.span,
                    catalog::Reference::Task,
                    &task.value,
                    near,
                    None,
                ));
            }
        }
    }
    let lines = plan.budget.as_ref().map(|b| b.lines.as_slice()).unwrap_or_default();
    for disbursement in &record.disbursements {
        if let Some(activity) = &disbursement.activity {
            find_activity(plan, index, activity, d);
        }
        if let Some(line) = &disbursement.line {
            let named = index.lines.get(line.value.as_str()).copied();
            let owner = named.and_then(|l| l.activity.as_ref());
            if let (Some(activity), Some(owner)) = (&disbursement.activity, owner) {
                if activity.value != owner.value {
                    d.push(catalog::line_of_another_activity(
                        &line.span,
                        &line.value,
                        &owner.value,
                        &activity.value,
                        &owner.span,
                    ));
                }
            }
            if named.is_none() {
                let near = suggest(&line.value, lines.iter().map(|l| l.id.value.as_str()));
                d.push(catalog::unknown_reference(
                    Code::UnknownBudgetLine,
                    &line.span,
                    catalog::Reference::BudgetLine,
                    &line.value,
                    near,
                    None,
                ));
            }
        }
    }
}

/// Every entry lands in exactly one year's reports, or is flagged. Results (achievements,
/// milestones) count in the reports whose data window holds their date (15/12 of the year
/// before to 14/12, by default); money counts in its budget year, the calendar year, and
/// a payment after the annual cut-off is in that budget but in no periodic report.
fn check_dates(plan: &Plan, reporting: &Reporting, record: &Progress, d: &mut Sink) {
    let Some(year) = &plan.year else { return };
    let year = year.value;
    let Some(window) = DataWindow::of(plan, reporting, year) else { return };
    let results = record
        .achievements
        .iter()
        .map(|a| ("achievement", &a.date))
        .chain(record.milestones.iter().map(|m| ("milestone", &m.date)));
    for (what, date) in results {
        if !window.contains(date.value) {
            d.push(catalog::date_outside_window(&date.span, what, date.value, year, window.from, window.to));
        }
    }
    for paid in &record.disbursements {
        let date = &paid.date;
        if date.value.year() != year {
            d.push(catalog::date_outside_year(&date.span, "disbursement", date.value, year));
        } else if date.value > window.to {
            d.push(catalog::paid_after_cut_off(&date.span, date.value, year, window.to));
        }
    }
}

fn check_submissions(plan: &Plan, record: &Progress, d: &mut Sink) {
    for submission in &record.submissions {
        let due =
            plan.reports.iter().find(|r| r.kind.value == submission.report.value).and_then(|r| r.due_before.as_ref());
        if let Some(due) = due {
            if submission.date.value >= due.value {
                d.push(catalog::late_submission(
                    &submission.date.span,
                    submission.report.value.as_str(),
                    submission.date.value,
                    due.value,
                    &due.span,
                ));
            }
        }
    }
}

/// A dated amount, with where it was written.
type Entry<'a> = (chrono::NaiveDate, &'a Span, Decimal);

/// Entries in date order (then file and position), so that a running total passes its
/// limit at the same entry whatever order the files were read in.
fn in_date_order(mut entries: Vec<Entry<'_>>) -> Vec<Entry<'_>> {
    entries.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    entries
}

/// The entry at which a running total first passes `limit`, and the total then reached.
fn first_past(entries: &[Entry<'_>], limit: Decimal) -> Option<(Span, Decimal)> {
    let mut total = Decimal::ZERO;
    for (_, span, amount) in entries {
        total = total.checked_add(*amount)?;
        if total > limit {
            let whole = entries.iter().try_fold(Decimal::ZERO, |sum, e| sum.checked_add(e.2))?;
            return Some(((*span).clone(), whole));
        }
    }
    None
}

fn check_targets(plan: &Plan, progress: &[&Progress], d: &mut Sink) {
    // Each activity's achievements, in file order, grouped once.
    let mut by_activity: HashMap<&str, Vec<_>> = HashMap::default();
    for a in progress.iter().flat_map(|p| &p.achievements) {
        by_activity.entry(a.activity.value.as_str()).or_default().push((
            a.date.value,
            &a.quantity.span,
            a.quantity.value,
        ));
    }
    for activity in &plan.activities {
        let Some(target) = &activity.target else { continue };
        // A minimum is never exceeded; an approximate target only beyond its tolerance.
        let Some(upper) = activity.target_rule.upper(target.value) else { continue };
        let entries = in_date_order(by_activity.get(activity.id.value.as_str()).cloned().unwrap_or_default());
        let passed = if crate::model::target::is_level(activity.unit.as_ref().map(|u| u.value.as_str())) {
            // A level (a percentage): each entry is a reading, not a part of a sum.
            entries.iter().find(|e| e.2 > upper).map(|e| (e.1.clone(), e.2))
        } else {
            first_past(&entries, upper)
        };
        if let Some((span, reached)) = passed {
            let described = activity.target_rule.describe(target.value);
            d.push(catalog::over_target(&span, &activity.id.value, reached, &described, &target.span));
        }
    }
}

fn check_spending(plan: &Plan, progress: &[&Progress], d: &mut Sink) {
    let Some(budget) = &plan.budget else { return };
    let disbursements: Vec<_> = progress.iter().flat_map(|p| &p.disbursements).collect();
    if let Some(total) = &budget.total {
        let entries = disbursements.iter().map(|x| (x.date.value, &x.amount.span, x.amount.value)).collect();
        if let Some((span, reached)) = first_past(&in_date_order(entries), total.value) {
            d.push(catalog::overspent(&span, "the plan", reached, total.value, &total.span));
        }
    }
    let mut by_line: HashMap<&str, Vec<_>> = HashMap::default();
    for x in &disbursements {
        if let Some(l) = &x.line {
            by_line.entry(l.value.as_str()).or_default().push((x.date.value, &x.amount.span, x.amount.value));
        }
    }
    let mut seen = HashSet::default();
    for line in &budget.lines {
        // A repeated id is reported as `duplicate-id`; only its first line counts here.
        let repeated = !seen.insert(line.id.value.as_str());
        let Some(amount) = line.amount.as_ref().filter(|_| !repeated) else { continue };
        let entries = by_line.remove(line.id.value.as_str()).unwrap_or_default();
        if let Some((span, reached)) = first_past(&in_date_order(entries), amount.value) {
            d.push(catalog::overspent(
                &span,
                &format!("budget line `{}`", line.id.value),
                reached,
                amount.value,
                &amount.span,
            ));
        }
    }
}
