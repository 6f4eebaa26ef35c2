//! What the plan says of its own making and sending: its purposes (section I), who does
//! what (section III) with the tasks that milestones follow, and where it goes (Nơi nhận,
//! the archive line).

use serde::Serialize;

use super::{DataWindow, MilestoneView, counted};
use crate::model::{Plan, Progress};

#[derive(Debug, Serialize)]
pub struct Organisation {
    pub purposes: Vec<String>,
    pub responsibilities: Vec<ResponsibilityView>,
    /// Nơi nhận, as the plan writes it (agencies and the document's phrases).
    pub recipients: Vec<String>,
    /// Recipients inside the issuing office.
    pub recipients_internal: Vec<String>,
    /// The archive line (`Lưu: …`), not a recipient.
    pub archive: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ResponsibilityView {
    pub section: Option<String>,
    pub unit: String,
    pub tasks: Vec<TaskView>,
}

#[derive(Debug, Serialize)]
pub struct TaskView {
    /// Set for a task that milestones follow.
    pub id: Option<String>,
    pub text: String,
    /// Its last milestone in the report's data window.
    pub milestone: Option<MilestoneView>,
}

pub fn organisation(plan: &Plan, progress: &[&Progress], data: DataWindow) -> Organisation {
    let milestones = counted(progress, |p| &p.milestones, |m| m.date.value, data.from, data.to);
    let texts = |v: &[crate::source::Sp<String>]| v.iter().map(|x| x.value.clone()).collect();
    let responsibilities = plan
        .responsibilities
        .iter()
        .map(|r| ResponsibilityView {
            section: r.section.as_ref().map(|s| s.value.clone()),
            unit: r.unit.value.clone(),
            tasks: r
                .tasks
                .iter()
                .map(|t| {
                    let id = t.id.as_ref().map(|i| i.value.clone());
                    let milestone = id.as_ref().and_then(|id| {
                        milestones
                            .iter()
                            .filter(|m| m.task.as_ref().is_some_and(|x| &x.value == id))
                            .max_by_key(|m| (m.date.value, m.span.clone()))
                            .map(|m| MilestoneView::of(m))
                    });
                    TaskView { id, text: t.text.value.clone(), milestone }
                })
                .collect(),
        })
        .collect();
    Organisation {
        purposes: texts(&plan.purposes),
        responsibilities,
        recipients: texts(&plan.recipients),
        recipients_internal: texts(&plan.recipients_internal),
        archive: plan.archive.as_ref().map(|a| a.value.clone()),
    }
}
