//! The deadlines section: each periodic report's due-before date, the last day to send it,
//! its data cut-off, days left or late at the as-of date, and whether and when it was sent;
//! then the activities' own due dates.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{ProgressRow, Status, counted, period_dates};
use crate::model::{Plan, Progress, ReportKind, Reporting};

#[derive(Debug, Serialize)]
pub struct Deadlines {
    pub reports: Vec<DeadlineRow>,
    pub activities: Vec<ActivityDue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineState {
    SentOnTime,
    SentLate,
    /// Not sent, and the last day has not passed.
    Open,
    /// Not sent, and the last day has passed.
    Overdue,
    /// The plan has no progress file to say whether it was sent: unknown, neither "not sent
    /// yet" nor overdue.
    Unknown,
}

#[derive(Debug, Serialize)]
pub struct DeadlineRow {
    pub report: &'static str,
    /// Sent before this day, as the plan says it.
    pub due_before: NaiveDate,
    /// The last day to send it: the day before `due_before`.
    pub last_day: NaiveDate,
    pub cut_off: NaiveDate,
    /// Working days (Monday to Friday) after the cut-off, up to and including the last day.
    pub working_days: i64,
    /// Fewer than the one working day that Decree 09/2019/NĐ-CP (Điều 8 khoản 5) requires
    /// between the end of the data period and the deadline.
    pub gap_too_short: bool,
    /// Days from the as-of date to the last day: negative when it has passed.
    pub days_left: i64,
    pub sent: Option<NaiveDate>,
    pub sent_number: Option<String>,
    pub state: DeadlineState,
}

#[derive(Debug, Serialize)]
pub struct ActivityDue {
    pub activity: String,
    pub name: String,
    pub due: NaiveDate,
    pub days_left: i64,
    /// The activity's progress at the as-of date.
    pub status: Status,
}

pub fn deadlines(
    plan: &Plan,
    reporting: &Reporting,
    progress: &[&Progress],
    rows: &[ProgressRow],
    as_of: NaiveDate,
    year: i32,
) -> Deadlines {
    let sent = counted(progress, |p| &p.submissions, |s| s.date.value, NaiveDate::MIN, as_of);
    let reports = [ReportKind::HalfYear, ReportKind::Annual]
        .into_iter()
        .filter_map(|kind| {
            let (cut_off, due_before) = period_dates(plan, reporting, kind, year)?;
            let last_day = due_before.pred_opt()?;
            // The first submission of the report counts; later ones are resends.
            let first = sent.iter().filter(|s| s.report.value == kind).min_by_key(|s| (s.date.value, s.span.clone()));
            let state = match first {
                Some(s) if s.date.value < due_before => DeadlineState::SentOnTime,
                Some(_) => DeadlineState::SentLate,
                // Without a progress file nothing says whether it was sent, due or not.
                None if progress.is_empty() => DeadlineState::Unknown,
                None if as_of <= last_day => DeadlineState::Open,
                None => DeadlineState::Overdue,
            };
            Some(DeadlineRow {
                report: kind.as_str(),
                due_before,
                last_day,
                cut_off,
                working_days: working_days(cut_off, last_day),
                gap_too_short: working_days(cut_off, last_day) < 1,
                days_left: (last_day - as_of).num_days(),
                sent: first.map(|s| s.date.value),
                sent_number: first.and_then(|s| s.number.as_ref()).map(|n| n.value.clone()),
                state,
            })
        })
        .collect();
    // The first row of each activity, looked up rather than searched for each activity.
    let mut status_of: crate::hash::HashMap<&str, Status> = crate::hash::HashMap::default();
    for r in rows {
        status_of.entry(r.activity.as_str()).or_insert(r.status);
    }
    let activities = plan
        .activities
        .iter()
        .filter_map(|a| {
            let due = a.due.as_ref()?.value;
            Some(ActivityDue {
                activity: a.id.value.clone(),
                name: a.name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
                due,
                days_left: (due - as_of).num_days(),
                status: status_of.get(a.id.value.as_str()).copied().unwrap_or(Status::NotStarted),
            })
        })
        .collect();
    Deadlines { reports, activities }
}

/// The working days (Monday to Friday) after `from`, up to and including `to`. Public
/// holidays are not counted out: no source gives them per year, and the plan does not.
pub fn working_days(from: NaiveDate, to: NaiveDate) -> i64 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun))
        .count()
        .try_into()
        .unwrap_or(i64::MAX)
}
