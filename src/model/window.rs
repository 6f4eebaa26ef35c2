//! The calendar of a year's reports: when each report's data stops and when it is due,
//! and the window of days whose results a year's reports count (Decree 09/2019/NĐ-CP).
//! Below both the checks and the reports, which read the same dates.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Plan, ReportKind, ReportRule, Reporting};

/// The cut-off and the due-before date of a periodic report in `year`: the plan's own
/// `[[report]]` dates where it gives them, else the decision's rules (or Decree 09's).
pub fn period_dates(plan: &Plan, reporting: &Reporting, kind: ReportKind, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let rule = rule(reporting, kind);
    let own = plan.reports.iter().find(|r| r.kind.value == kind);
    let cut = own.and_then(|r| r.cut_off.as_ref()).map(|c| c.value).or_else(|| rule.cut_off.in_year(year))?;
    let due = own.and_then(|r| r.due_before.as_ref()).map(|d| d.value).or_else(|| rule.due_before.in_year(year))?;
    Some((cut, due))
}

/// The cut-off and due-before date of a periodic report in `year` by the rules alone.
pub fn rule_dates(reporting: &Reporting, kind: ReportKind, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let rule = rule(reporting, kind);
    Some((rule.cut_off.in_year(year)?, rule.due_before.in_year(year)?))
}

fn rule(reporting: &Reporting, kind: ReportKind) -> &ReportRule {
    match kind {
        ReportKind::HalfYear => &reporting.half_year,
        ReportKind::Annual => &reporting.annual,
    }
}

/// The days whose results a year's reports count (Decree 09/2019/NĐ-CP, Điều 12): from the
/// day after the previous year's annual cut-off (15/12 by default) to this year's annual
/// cut-off (14/12). Results dated 15–31/12 belong to the next year's reports; money follows
/// the budget year, the calendar year, instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DataWindow {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DataWindow {
    /// The data window of `year`'s reports under the decision's rules and the plan's own
    /// annual cut-off.
    pub fn of(plan: &Plan, reporting: &Reporting, year: i32) -> Option<Self> {
        let (previous, _) = rule_dates(reporting, ReportKind::Annual, year - 1)?;
        let (to, _) = period_dates(plan, reporting, ReportKind::Annual, year)?;
        Some(Self { from: previous.succ_opt()?, to })
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }
}
