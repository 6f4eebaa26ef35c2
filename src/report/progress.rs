//! The progress section: per activity, in document order, what was achieved by the as-of
//! date against its target, with breakdown parts as sub-rows and, for tasks without a
//! number, the last milestone.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{DataWindow, counted, percent};
use crate::model::target::is_level;
use crate::model::{Activity, MilestoneStatus, Plan, Progress, TargetRule};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Done,
    InProgress,
    NotStarted,
    /// A task with no number: followed by milestones, not counted.
    NoNumber,
    /// No progress file is there to say: unknown, not "not started".
    Unknown,
}

#[derive(Debug, Serialize)]
pub struct ProgressRow {
    pub section: Option<String>,
    pub activity: String,
    pub name: String,
    pub unit: Option<String>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target: Option<Decimal>,
    /// How the target is meant: exact, a minimum, about, a range, each year.
    pub target_rule: TargetRule,
    /// The target as the report writes it (`tối thiểu 100`); `None` without a target.
    pub target_text: Option<String>,
    /// What was achieved: the sum of the entries, or for a level (a percentage) the latest
    /// reading; `None` when no progress file is there to say.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub achieved: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    /// What is left to meet the target (for an approximate one, to its lower bound).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub remaining: Option<Decimal>,
    pub status: Status,
    pub milestone: Option<MilestoneView>,
    pub parts: Vec<PartRow>,
    /// Who does it: the lead unit and the partners, as the plan names them.
    pub lead: Option<String>,
    pub partners: Vec<String>,
    /// The plan's list of partners ends with "…".
    pub partners_open: bool,
    /// Each achievement counted, in date order: the enterprises supported and what for.
    pub entries: Vec<EntryView>,
    /// The support rule of the activity's decision item ("hỗ trợ 50 %, tối đa 65 triệu đồng
    /// cho mỗi hệ thống"), where the decision sets one.
    pub support: Option<SupportView>,
}

/// A support rule as the decision sets it: the share of the cost paid and the most paid to
/// one enterprise for one unit (in đồng).
#[derive(Debug, Serialize)]
pub struct SupportView {
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub cap: Option<Decimal>,
    pub per: Option<String>,
    pub basis: Option<String>,
}

impl SupportView {
    pub fn of(support: &crate::model::Support) -> Self {
        Self {
            rate: support.rate.as_ref().map(|r| r.value),
            cap: support.cap.as_ref().map(|c| c.value),
            per: support.per.as_ref().map(|p| p.value.clone()),
            basis: support.basis.as_ref().map(|b| b.value.clone()),
        }
    }
}

/// One achievement as recorded: when, how many, for which enterprise, what.
#[derive(Debug, Serialize)]
pub struct EntryView {
    pub date: NaiveDate,
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub part: Option<String>,
    pub enterprise: Option<String>,
    pub detail: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PartRow {
    pub part: String,
    /// The part's display name, where the plan gives one.
    pub name: Option<String>,
    #[serde(with = "rust_decimal::serde::str")]
    pub target: Decimal,
    /// `None` when no progress file is there to say.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub achieved: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub remaining: Option<Decimal>,
}

#[derive(Debug, Serialize)]
pub struct MilestoneView {
    pub date: NaiveDate,
    pub status: &'static str,
    pub detail: Option<String>,
}

impl MilestoneView {
    pub fn of(milestone: &crate::model::Milestone) -> Self {
        Self {
            date: milestone.date.value,
            status: match milestone.status.value {
                MilestoneStatus::Started => "started",
                MilestoneStatus::Done => "done",
            },
            detail: milestone.detail.as_ref().map(|d| d.value.clone()),
        }
    }
}

/// The rows of the progress section: results dated within `data`, the report's data window.
pub fn progress_rows(plan: &Plan, progress: &[&Progress], data: DataWindow) -> Vec<ProgressRow> {
    let achievements = counted(progress, |p| &p.achievements, |a| a.date.value, data.from, data.to);
    let milestones = counted(progress, |p| &p.milestones, |m| m.date.value, data.from, data.to);
    // Each activity's entries grouped once, in order: filtering every entry for every
    // activity was activities × entries.
    let mut by_activity: crate::hash::HashMap<&str, Vec<_>> = crate::hash::HashMap::default();
    for a in &achievements {
        by_activity.entry(a.activity.value.as_str()).or_default().push(*a);
    }
    let mut milestones_of: crate::hash::HashMap<&str, Vec<_>> = crate::hash::HashMap::default();
    for m in &milestones {
        if let Some(a) = &m.activity {
            milestones_of.entry(a.value.as_str()).or_default().push(*m);
        }
    }
    plan.activities
        .iter()
        .map(|activity| {
            let mine: Vec<_> =
                by_activity.get(activity.id.value.as_str()).map(Vec::as_slice).unwrap_or_default().iter().collect();
            let achieved = if progress.is_empty() {
                None
            } else if is_level(activity.unit.as_ref().map(|u| u.value.as_str())) {
                // A level: the latest reading, of two on one day the later written; a level
                // no reading gives is unknown, not 0.
                mine.iter().max_by_key(|a| (a.date.value, a.span.clone())).map(|a| a.quantity.value)
            } else {
                Some(mine.iter().map(|a| a.quantity.value).fold(Decimal::ZERO, Decimal::saturating_add))
            };
            // The last milestone: latest date, and of two on one day the later written.
            let milestone = milestones_of
                .get(activity.id.value.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .max_by_key(|m| (m.date.value, m.span.clone()))
                .map(|m| MilestoneView::of(m));
            let parts = part_rows(
                activity,
                !progress.is_empty(),
                &mine.iter().map(|a| (a.part.as_ref().map(|p| p.value.as_str()), a.quantity.value)).collect::<Vec<_>>(),
            );
            let mut row = row(activity, achieved, milestone, parts);
            let mut entries: Vec<_> = mine
                .iter()
                .map(|a| {
                    let text = |v: &Option<crate::source::Sp<String>>| v.as_ref().map(|x| x.value.clone());
                    (
                        (a.date.value, a.span.clone()),
                        EntryView {
                            date: a.date.value,
                            quantity: a.quantity.value,
                            part: text(&a.part),
                            enterprise: text(&a.enterprise),
                            detail: text(&a.detail),
                        },
                    )
                })
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            row.entries = entries.into_iter().map(|(_, e)| e).collect();
            row
        })
        .collect()
}

fn row(
    activity: &Activity,
    achieved: Option<Decimal>,
    milestone: Option<MilestoneView>,
    parts: Vec<PartRow>,
) -> ProgressRow {
    let target = activity.target.as_ref().map(|t| t.value);
    let rule = activity.target_rule;
    let met_at = target.map(|t| rule.met_at(t));
    let status = match (met_at, achieved) {
        (None, _) => Status::NoNumber,
        (Some(_), None) => Status::Unknown,
        (Some(t), Some(a)) if a >= t => Status::Done,
        (Some(_), Some(a)) if a > Decimal::ZERO => Status::InProgress,
        (Some(_), Some(_)) => Status::NotStarted,
    };
    ProgressRow {
        section: activity.section.as_ref().map(|s| s.value.clone()),
        activity: activity.id.value.clone(),
        name: activity.name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
        unit: activity.unit.as_ref().map(|u| u.value.clone()),
        target,
        target_rule: rule,
        target_text: target.map(|t| rule.describe(t)),
        achieved,
        percent: target.zip(achieved).and_then(|(t, a)| percent(a, t)),
        remaining: met_at.zip(achieved).map(|(t, a)| t.saturating_sub(a).max(Decimal::ZERO)),
        status,
        milestone,
        parts,
        lead: activity.lead.as_ref().map(|l| l.value.clone()),
        partners: activity.partners.iter().map(|p| p.value.to_owned()).collect(),
        partners_open: activity.partners_open,
        entries: Vec::new(),
        support: None,
    }
}

fn part_rows(activity: &Activity, known: bool, achieved: &[(Option<&str>, Decimal)]) -> Vec<PartRow> {
    let Some(breakdown) = &activity.breakdown else { return Vec::new() };
    breakdown
        .parts
        .iter()
        .map(|(name, target)| {
            let got: Decimal = achieved
                .iter()
                .filter(|(p, _)| *p == Some(name.value.as_str()))
                .map(|(_, q)| *q)
                .fold(Decimal::ZERO, Decimal::saturating_add);
            PartRow {
                part: name.value.clone(),
                name: breakdown.names.iter().find(|(id, _)| *id == name.value).map(|(_, n)| n.clone()),
                target: target.value,
                achieved: known.then_some(got),
                percent: known.then(|| percent(got, target.value)).flatten(),
                remaining: known.then(|| target.value.saturating_sub(got).max(Decimal::ZERO)),
            }
        })
        .collect()
}
