//! Checks: validated model → diagnostics. One file per family; none of them prints.
//! Lowering has already reported what is wrong inside a single value; these look at how
//! values relate: within a file, between a plan and its decision, and between a plan and
//! what its progress files record.

mod decision;
mod duplicates;
mod overflow;
mod period;
mod plan;
mod progress;
mod support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_trust;
mod unfinished;

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
        unfinished::check_unfinished(set.plan, &mut d);
        if let Some(decision) = set.decision {
            decision::check_plan_against_decision(set.plan, decision, &mut d);
            support::check_support(set.plan, decision, &set.progress, &mut d);
        }
        let reporting = set.decision.map(|x| x.reporting.clone()).unwrap_or_default();
        progress::check_progress(set.plan, &reporting, &set.progress, &mut d);
        duplicates::check_duplicates(&set.progress, &mut d);
        overflow::check_plan_sums(set.plan, &set.progress, &mut d);
    }
    for decision in ws.decisions() {
        let sets: Vec<(&crate::model::Plan, Vec<&crate::model::Progress>)> = ws
            .plan_sets()
            .into_iter()
            .filter(|s| s.decision.is_some_and(|x| x.file == decision.file))
            .map(|s| (s.plan, s.progress))
            .collect();
        if !sets.is_empty() {
            let plans: Vec<&crate::model::Plan> = sets.iter().map(|(p, _)| *p).collect();
            period::check_period(decision, &plans, &mut d);
            overflow::check_period_sums(&sets, &mut d);
        }
    }
    // A value that overflows a plan's sum overflows the period's too: say it once.
    let mut overflowing = std::collections::HashSet::new();
    d.retain(|x| x.code != crate::diag::Code::SumOverflow || overflowing.insert(x.primary.span.clone()));
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
