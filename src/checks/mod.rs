//! Checks: validated model → diagnostics. One file per family; none of them prints.
//! Lowering has already reported what is wrong inside a single value; these look at how
//! values relate: within a file, between a plan and its decision, and between a plan and
//! what its progress files record.

mod decision;
mod period;
mod plan;
mod progress;
#[cfg(test)]
mod tests;

use crate::diag::Diagnostic;
use crate::workspace::Workspace;

/// Runs every check over what the workspace read.
pub fn check_workspace(ws: &Workspace) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    for decision in ws.decisions() {
        decision::check_decision(decision, &mut d);
    }
    for set in ws.plan_sets() {
        plan::check_plan(set.plan, &mut d);
        if let Some(decision) = set.decision {
            decision::check_plan_against_decision(set.plan, decision, &mut d);
        }
        progress::check_progress(set.plan, &set.progress, &mut d);
    }
    for decision in ws.decisions() {
        let plans: Vec<&crate::model::Plan> = ws
            .plan_sets()
            .into_iter()
            .filter(|s| s.decision.is_some_and(|x| x.file == decision.file))
            .map(|s| s.plan)
            .collect();
        if !plans.is_empty() {
            period::check_period(decision, &plans, &mut d);
        }
    }
    d
}

/// Reports every id that an earlier entry already has.
fn check_unique<'a>(what: &str, ids: impl Iterator<Item = &'a crate::source::Sp<String>>, d: &mut Vec<Diagnostic>) {
    let mut seen: std::collections::HashMap<&str, &crate::source::Span> = std::collections::HashMap::new();
    for id in ids {
        if let Some(first) = seen.get(id.value.as_str()) {
            d.push(crate::diag::catalog::duplicate_id(&id.span, what, &id.value, first));
        } else {
            seen.insert(&id.value, &id.span);
        }
    }
}
