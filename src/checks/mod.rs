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
mod sources;
mod support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_trust;
mod unfinished;

use crate::diag::Diagnostic;
use crate::diag::cap::Sink;
use crate::workspace::Workspace;

/// Runs every check over what the workspace read.
pub fn check_workspace(ws: &Workspace) -> Vec<Diagnostic> {
    let mut d = Sink::all();
    check_into(ws, &mut d);
    d.into_all()
}

/// [`check_workspace`] with the per-file cap applied as the checks go (`diag::cap`): what
/// was kept, and what was counted and not kept.
pub fn check_workspace_capped(ws: &Workspace) -> (Vec<Diagnostic>, Vec<crate::diag::cap::Suppressed>) {
    let mut d = Sink::capped();
    check_into(ws, &mut d);
    d.into_parts()
}

fn check_into(ws: &Workspace, d: &mut Sink) {
    for decision in ws.decisions() {
        decision::check_decision(decision, d);
        sources::check_decision_sources(decision, d);
    }
    let sets = ws.plan_sets();
    // Each decision's agencies indexed once, not once for each of its plans.
    let indexes: crate::hash::HashMap<crate::source::FileId, crate::model::AgencyIndex> =
        ws.decisions().map(|x| (x.file, crate::model::AgencyIndex::build(&x.agencies).0)).collect();
    // Each plan set on its own sink, on every core; the sinks are taken in the order of the
    // sets, so what is kept and shown is what one core would keep.
    let per_set: Vec<Sink> = {
        use rayon::prelude::*;
        sets.par_iter()
            .map(|set| {
                let mut own = d.sibling();
                check_set(set, &indexes, &mut own);
                own
            })
            .collect()
    };
    for own in per_set {
        d.absorb(own);
    }
    // The plan sets of each decision, grouped once: filtering every set for every decision
    // was decisions × plans.
    let mut by_decision: crate::hash::HashMap<crate::source::FileId, Vec<&crate::workspace::PlanSet<'_>>> =
        crate::hash::HashMap::default();
    for set in &sets {
        if let Some(decision) = set.decision {
            by_decision.entry(decision.file).or_default().push(set);
        }
    }
    for decision in ws.decisions() {
        let Some(own) = by_decision.get(&decision.file) else { continue };
        let sets: Vec<(&crate::model::Plan, Vec<&crate::model::Progress>)> =
            own.iter().map(|s| (s.plan, s.progress.clone())).collect();
        let plans: Vec<&crate::model::Plan> = sets.iter().map(|(p, _)| *p).collect();
        period::check_period(decision, &plans, d);
        sources::check_period_sources(decision, &plans, d);
        overflow::check_period_sums(&sets, d);
    }
}

/// The checks of one plan with what it links to.
fn check_set(
    set: &crate::workspace::PlanSet<'_>,
    indexes: &crate::hash::HashMap<crate::source::FileId, crate::model::AgencyIndex>,
    d: &mut Sink,
) {
    plan::check_plan(set.plan, d);
    sources::check_plan_sources(set.plan, d);
    unfinished::check_unfinished(set.plan, d);
    if let Some(decision) = set.decision {
        if let Some(index) = indexes.get(&decision.file) {
            decision::check_plan_against_decision(set.plan, decision, index, d);
        }
        support::check_support(set.plan, decision, &set.progress, d);
    }
    let reporting = set.decision.map(|x| x.reporting.clone()).unwrap_or_default();
    progress::check_progress(set.plan, &reporting, &set.progress, d);
    duplicates::check_duplicates(&set.progress, d);
    overflow::check_plan_sums(set.plan, &set.progress, d);
}

/// Reports every id that an earlier entry already has.
fn check_unique<'a>(what: &str, ids: impl Iterator<Item = &'a crate::source::Sp<String>>, d: &mut Sink) {
    let mut seen: crate::hash::HashMap<&str, &crate::source::Span> = crate::hash::HashMap::default();
    for id in ids {
        if let Some(first) = seen.get(id.value.as_str()) {
            d.push(crate::diag::catalog::duplicate_id(&id.span, what, &id.value, first));
        } else {
            seen.insert(&id.value, &id.span);
        }
    }
}
