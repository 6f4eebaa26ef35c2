//! Lowering a progress file: `[progress]`, `[[achievement]]`, `[[milestone]]`,
//! `[[disbursement]]`, `[[submission]]`.

use super::fields::Fields;
use super::plan::report_kind;
use crate::diag::{Diagnostic, catalog};
use crate::model::{Achievement, Disbursement, Milestone, MilestoneStatus, Progress, Submission};
use crate::source::{Sp, Span};
use crate::t;

pub fn lower_progress(
    mut root: Fields<'_, '_>,
    d: &mut Vec<Diagnostic>,
    streamed: super::stream::Streamed<'_>,
) -> Progress {
    let file = root.file;
    let head = root.table("progress", true, d);
    let span = head.as_ref().map_or_else(|| Span::file_start(file), |h| h.span.clone());
    let plan = head.and_then(|mut head| {
        let plan = head.string("plan", true, d);
        // The file's disbursements are written in the `[progress]` table's unit.
        head.money_unit(d);
        root.unit = head.unit;
        head.finish(d);
        plan
    });
    let progress = Progress {
        file,
        span,
        plan,
        achievements: rest(streamed.achievements, &mut root, "achievement", d, lower_achievement),
        milestones: rest(streamed.milestones, &mut root, "milestone", d, lower_milestone),
        disbursements: rest(streamed.disbursements, &mut root, "disbursement", d, lower_disbursement),
        submissions: rest(streamed.submissions, &mut root, "submission", d, lower_submission),
    };
    root.finish(d);
    progress
}

/// The elements of `key` taken as the parser closed them, then the rest lowered from the tree.
fn rest<T>(
    taken: super::stream::Taken<T>,
    root: &mut Fields<'_, '_>,
    key: &'static str,
    d: &mut Vec<Diagnostic>,
    lower: fn(Fields<'_, '_>, &mut Vec<Diagnostic>) -> Option<T>,
) -> Vec<T> {
    let tables = root.tables_from(key, taken.count, d);
    taken.with_rest(tables, d, lower)
}

pub(super) fn lower_achievement(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Achievement> {
    let activity = table.string("activity", true, d);
    let part = table.string("part", false, d);
    let date = table.date("date", true, d);
    let quantity = table.amount("quantity", true, d);
    let enterprise = table.string("enterprise", false, d);
    let detail = table.string("detail", false, d);
    let span = table.span.clone();
    table.finish(d);
    Some(Achievement { span, activity: activity?, part, date: date?, quantity: quantity?, enterprise, detail })
}

pub(super) fn lower_milestone(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Milestone> {
    let activity = table.string("activity", false, d);
    let task = table.string("task", false, d);
    let help = t!(
        "mỗi mốc tiến độ là một bước của một việc: `activity = \"<mã hoạt động>\"` hoặc `task = \"<mã nhiệm vụ>\"`",
        "a milestone is a step of one thing: `activity = \"<activity id>\"` or `task = \"<task id>\"`"
    );
    match (&activity, &task) {
        (None, None) => d.push(catalog::missing_key(&table.span, &table.key_path("activity")).help(help)),
        (Some(_), Some(task)) => {
            let key = table.key_path("task");
            d.push(catalog::invalid_value(
                &task.span,
                t!("`{key}` ghi cả một hoạt động lẫn một nhiệm vụ", "`{key}` names both an activity and a task"),
                help,
            ));
        }
        _ => {}
    }
    let date = table.date("date", true, d);
    let status = table.string("status", true, d).and_then(|s| {
        let status = match s.value.as_str() {
            "started" => Some(MilestoneStatus::Started),
            "done" => Some(MilestoneStatus::Done),
            _ => None,
        };
        if status.is_none() {
            d.push(catalog::not_one_of(&s.span, &table.key_path("status"), &s.value, &["started", "done"]));
        }
        status.map(|v| Sp::new(v, s.span))
    });
    let detail = table.string("detail", false, d);
    let span = table.span.clone();
    table.finish(d);
    if activity.is_none() == task.is_none() {
        return None;
    }
    Some(Milestone { span, activity, task, date: date?, status: status?, detail })
}

pub(super) fn lower_disbursement(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Disbursement> {
    let activity = table.string("activity", false, d);
    let line = table.string("line", false, d);
    let date = table.date("date", true, d);
    let amount = table.money("amount", true, d).filter(|a| {
        let positive = a.value > rust_decimal::Decimal::ZERO;
        if !positive {
            d.push(catalog::zero_disbursement(&a.span));
        }
        positive
    });
    let voucher = table.string("voucher", false, d);
    let enterprise = table.string("enterprise", false, d);
    let source = table.string("source", false, d).and_then(|s| {
        let source = crate::model::FundSource::parse(&s.value);
        if source.is_none() {
            let allowed: Vec<&str> = crate::model::FundSource::ALL.iter().map(|f| f.as_str()).collect();
            d.push(catalog::not_one_of(&s.span, &table.key_path("source"), &s.value, &allowed));
        }
        source.map(|v| Sp::new(v, s.span))
    });
    let span = table.span.clone();
    if activity.is_none() && line.is_none() {
        d.push(catalog::missing_key(&span, &table.key_path("activity")).help(t!(
            "ghi tiền được chi cho việc gì: `activity = \"<mã hoạt động>\"` hoặc `line = \"<mã dòng kinh phí>\"`",
            "say what the money was paid for: `activity = \"<activity id>\"` or `line = \"<budget line id>\"`"
        )));
    }
    table.finish(d);
    Some(Disbursement { span, activity, line, date: date?, amount: amount?, voucher, enterprise, source })
}

pub(super) fn lower_submission(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Submission> {
    let report = table.string("report", true, d).and_then(|k| report_kind(&k, &table.key_path("report"), d));
    let date = table.date("date", true, d);
    let number = table.string("number", false, d);
    let span = table.span.clone();
    table.finish(d);
    Some(Submission { span, report: report?, date: date?, number })
}
