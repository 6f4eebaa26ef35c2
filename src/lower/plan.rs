//! Lowering a plan file: `[plan]`, `[[activity]]`, `[budget]` with `[[budget.line]]`,
//! `[[report]]`.

use super::fields::Fields;
use crate::diag::{Diagnostic, catalog};
use crate::model::{
    Activity, Breakdown, Budget, BudgetLine, DecisionRef, Plan, ReportDue, ReportKind, Responsibility, Task,
};
use crate::source::{Sp, Span};

pub fn lower_plan(mut root: Fields<'_, '_>, d: &mut Vec<Diagnostic>, streamed: super::stream::Streamed<'_>) -> Plan {
    let file = root.file;
    let head = root.table("plan", true, d);
    let mut plan = Plan {
        file,
        span: head.as_ref().map_or_else(|| Span::file_start(file), |h| h.span.clone()),
        title: None,
        year: None,
        number: None,
        date: None,
        issuer: None,
        decision: None,
        basis: Vec::new(),
        purposes: Vec::new(),
        recipients: Vec::new(),
        recipients_internal: Vec::new(),
        archive: None,
        responsibilities: Vec::new(),
        activities: Vec::new(),
        budget: None,
        reports: Vec::new(),
    };
    if let Some(mut head) = head {
        plan.title = head.string("title", true, d);
        plan.year = head.year("year", true, d);
        plan.number = head.string("number", false, d);
        plan.date = head.date("date", false, d);
        plan.issuer = head.string("issuer", false, d);
        plan.decision = head.table("decision", true, d).map(|t| lower_decision_ref(t, d));
        plan.purposes = head.strings("purposes", d);
        plan.recipients = head.strings("recipients", d);
        plan.recipients_internal = head.strings("recipients-internal", d);
        plan.archive = head.string("archive", false, d);
        head.finish(d);
    }
    plan.basis = root.tables("basis", d).into_iter().map(|t| super::decision::lower_reference(t, d)).collect();
    plan.responsibilities = super::each(root.tables("responsibility", d), |t| lower_responsibility(t, d));
    let taken = streamed.activities;
    let rest = root.tables_from("activity", taken.count, d);
    plan.activities = taken.with_rest(rest, d, lower_activity);
    plan.budget = root.table("budget", false, d).map(|t| lower_budget(t, d));
    plan.reports = super::each(root.tables("report", d), |t| lower_report(t, d));
    root.finish(d);
    plan
}

fn lower_decision_ref(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> DecisionRef {
    let reference = DecisionRef {
        span: table.span.clone(),
        number: table.string("number", true, d),
        date: table.date("date", true, d),
        file: table.string("file", false, d),
    };
    table.finish(d);
    reference
}

pub(super) fn lower_activity(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Activity> {
    let id = table.id("id", true, d);
    let section = table.string("section", false, d);
    let item = table.id("item", false, d);
    let name = table.string("name", true, d);
    let (target, target_rule, target_unreadable) = table.target(d);
    let unit = table.string("unit", false, d);
    let lead = table.string("lead", false, d);
    let partners = table.names("partners", d);
    let partners_open = table.boolean("partners-open", d).is_some_and(|b| b.value);
    let mut breakdown = table.table("breakdown", false, d).map(|mut t| Box::new(lower_breakdown(&mut t, d)));
    if let Some(breakdown) = &mut breakdown {
        breakdown.complete &= !target_unreadable;
    }
    let due = table.date("due", false, d);
    let span = table.span.clone();
    table.finish(d);
    let id = id?;
    let item = item.unwrap_or_else(|| id.clone());
    Some(Activity {
        span,
        id,
        section,
        item,
        name,
        target,
        target_rule,
        target_unreadable,
        unit,
        lead,
        partners,
        partners_open,
        breakdown,
        due,
    })
}

fn lower_responsibility(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Responsibility> {
    let section = table.string("section", false, d);
    let unit = table.string("unit", true, d);
    let tasks = super::each(table.tables("task", d), |t| lower_task(t, d));
    let span = table.span.clone();
    table.finish(d);
    Some(Responsibility { span, section, unit: unit?, tasks })
}

fn lower_task(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Task> {
    let id = table.id("id", false, d);
    let text = table.string("text", true, d);
    let span = table.span.clone();
    table.finish(d);
    Some(Task { span, id, text: text? })
}

/// `breakdown = { part = count, … }`, a part also written `part = { count = N, name = "…" }`
/// to give it the name reports show.
fn lower_breakdown(table: &mut Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Breakdown {
    let mut parts = Vec::new();
    let mut names = Vec::new();
    let mut complete = true;
    let entries: Vec<_> = table.entries().collect();
    for (key, value) in entries {
        let count = match table.sub_table(&key.value, value) {
            Some(mut part) => {
                let count = part.amount("count", true, d);
                if let Some(name) = part.string("name", false, d) {
                    names.push((key.value.clone(), name.value));
                }
                part.finish(d);
                count
            }
            None => table.amount_of(&key.value, value, d),
        };
        match count {
            Some(count) => parts.push((key, count)),
            None => complete = false,
        }
    }
    Breakdown { span: table.span.clone(), parts, names, complete }
}

fn lower_budget(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Budget {
    table.money_unit(d);
    let total = table.money("total", true, d);
    let total = total.filter(|t| {
        let positive = t.value > rust_decimal::Decimal::ZERO;
        if !positive {
            d.push(catalog::zero_total(&t.span));
        }
        positive
    });
    let by_source = table.by_source("by-source", d);
    let in_words = table.string("in-words", false, d);
    let source = table.string("source", false, d);
    let tables = table.tables("line", d);
    let written = tables.len();
    let lines: Vec<BudgetLine> = super::each(tables, |t| lower_line(t, d));
    let lines_complete = lines.len() == written;
    let unit = table.unit;
    let budget = Budget { span: table.span.clone(), unit, total, by_source, in_words, source, lines, lines_complete };
    table.finish(d);
    budget
}

fn lower_line(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<BudgetLine> {
    let id = table.id("id", true, d);
    let activity = table.string("activity", false, d);
    let amount = table.money("amount", true, d);
    let note = table.string("note", false, d);
    let span = table.span.clone();
    table.finish(d);
    Some(BudgetLine { span, id: id?, activity, amount, note })
}

fn lower_report(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<ReportDue> {
    let kind = table.string("kind", true, d).and_then(|k| report_kind(&k, &table.key_path("kind"), d));
    let due_before = table.date("due-before", true, d);
    let cut_off = table.date("cut-off", false, d);
    let from = table.string("from", false, d);
    let to = table.string("to", false, d);
    let span = table.span.clone();
    table.finish(d);
    Some(ReportDue { span, kind: kind?, due_before, cut_off, from, to })
}

/// `half-year` or `annual`.
pub fn report_kind(text: &Sp<String>, key: &str, d: &mut Vec<Diagnostic>) -> Option<Sp<ReportKind>> {
    let kind = ReportKind::parse(&text.value);
    if kind.is_none() {
        d.push(catalog::not_one_of(&text.span, key, &text.value, &ReportKind::NAMES));
    }
    kind.map(|k| Sp::new(k, text.span.clone()))
}
