//! Next year's plan, as TOML text: the decision reference, the activities carried over with
//! their targets set to what the period still needs (where the decision gives a period
//! target), an empty budget to fill in, and the report deadlines of the reporting rules.
//! Every computed value comes with a comment that says how it was computed.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::model::{Activity, Decision, Plan, ReportKind};
use crate::money::format_vi;
use crate::report::rule_dates;

/// What the skeleton is built from.
pub struct Basis<'a> {
    pub plan: &'a Plan,
    pub decision: Option<&'a Decision>,
    /// Every plan of the same decision, the base plan included.
    pub plans: Vec<&'a Plan>,
    /// The path of the base plan, as the user named it.
    pub from: String,
    /// The decision file's path relative to where the skeleton will be written.
    pub decision_file: Option<String>,
}

pub fn write_skeleton(basis: &Basis<'_>, year: i32) -> String {
    let plan = basis.plan;
    let base_year = plan.year.as_ref().map_or(0, |y| y.value);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Kế hoạch năm {year}: a skeleton written by `plan new --year {year}` from {} ({base_year}).",
        basis.from
    );
    let _ = writeln!(out, "# Check every value against the plan as issued, fill in the budget, then run `plan check`.");
    let _ = writeln!(out);
    head(&mut out, basis, base_year, year);
    for activity in &plan.activities {
        activity_table(&mut out, basis, activity, year);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "# [budget]");
    let _ = writeln!(out, "# total = \"…\"       # the plan's budget in figures, e.g. \"491.300.000\"");
    let _ = writeln!(out, "# in-words = \"…\"    # and in words: `plan words AMOUNT` writes them");
    if let Some(source) = plan.budget.as_ref().and_then(|b| b.source.as_ref()) {
        let _ = writeln!(out, "# source = {}", quote(&source.value.replace(&base_year.to_string(), &year.to_string())));
    }
    reports(&mut out, basis, year);
    out
}

fn head(out: &mut String, basis: &Basis<'_>, base_year: i32, year: i32) {
    let plan = basis.plan;
    let _ = writeln!(out, "[plan]");
    let title =
        plan.title.as_ref().map_or(String::new(), |t| t.value.replace(&base_year.to_string(), &year.to_string()));
    let _ = writeln!(out, "title = {}", quote(&title));
    let _ = writeln!(out, "year = {year}");
    if let Some(issuer) = &plan.issuer {
        let _ = writeln!(out, "issuer = {}", quote(&issuer.value));
    }
    if let Some(cited) = &plan.decision {
        let mut parts = Vec::new();
        if let Some(number) = &cited.number {
            parts.push(format!("number = {}", quote(&number.value)));
        }
        if let Some(date) = &cited.date {
            parts.push(format!("date = {}", date.value));
        }
        if let Some(file) = &basis.decision_file {
            parts.push(format!("file = {}", quote(file)));
        }
        let _ = writeln!(out, "decision = {{ {} }}", parts.join(", "));
    }
    if !plan.recipients.is_empty() {
        let _ = writeln!(out, "recipients = {}", list(plan.recipients.iter().map(|r| r.value.as_str())));
    }
}

fn activity_table(out: &mut String, basis: &Basis<'_>, activity: &Activity, year: i32) {
    let _ = writeln!(out);
    let _ = writeln!(out, "[[activity]]");
    let _ = writeln!(out, "id = {}", quote(&activity.id.value));
    if let Some(section) = &activity.section {
        let _ = writeln!(out, "section = {}", quote(&section.value));
    }
    if activity.item.value != activity.id.value {
        let _ = writeln!(out, "item = {}", quote(&activity.item.value));
    }
    if let Some(name) = &activity.name {
        let _ = writeln!(out, "name = {}", quote(&name.value));
    }
    target_lines(out, basis, activity, year);
    if let Some(unit) = &activity.unit {
        let _ = writeln!(out, "unit = {}", quote(&unit.value));
    }
    if let Some(lead) = &activity.lead {
        let _ = writeln!(out, "lead = {}", quote(&lead.value));
    }
    if !activity.partners.is_empty() {
        let _ = writeln!(out, "partners = {}", list(activity.partners.iter().map(|p| p.value.as_str())));
    }
    if activity.partners_open {
        let _ = writeln!(out, "partners-open = true");
    }
}

/// The target line and the comment that explains it.
fn target_lines(out: &mut String, basis: &Basis<'_>, activity: &Activity, year: i32) {
    let base_target = activity.target.as_ref().map(|t| t.value);
    let base_year = basis.plan.year.as_ref().map_or(0, |y| y.value);
    let item = basis.decision.and_then(|d| d.items.iter().find(|i| i.id.value == activity.item.value));
    let period_target = item.and_then(|i| i.target.as_ref()).map(|t| t.value);
    let first_of_item =
        basis.plan.activities.iter().find(|a| a.item.value == activity.item.value).is_some_and(|a| a.id == activity.id);
    match (period_target, base_target) {
        (Some(target), _) if first_of_item => {
            let earlier: Vec<(i32, Decimal)> = earlier_targets(basis, &activity.item.value, year);
            let planned: Decimal = earlier.iter().map(|e| e.1).fold(Decimal::ZERO, Decimal::saturating_add);
            let need = target.saturating_sub(planned).max(Decimal::ZERO);
            let by_year: Vec<String> = earlier.iter().map(|(y, t)| format!("{y}: {}", format_vi(t))).collect();
            let _ = writeln!(
                out,
                "# target: the period target {} − {} planned before {year} ({}) = {}",
                format_vi(&target),
                format_vi(&planned),
                if by_year.is_empty() { "none".to_owned() } else { by_year.join(", ") },
                format_vi(&need)
            );
            let _ = writeln!(out, "target = {}", number(need));
        }
        (Some(_), _) => {
            let _ = writeln!(
                out,
                "# target: item `{}` is counted on its first activity; split it here if needed",
                activity.item.value
            );
        }
        (None, Some(previous)) => {
            let _ = writeln!(
                out,
                "# target: the decision gives no period target for `{}`; {base_year} planned {} — set this year's",
                activity.item.value,
                format_vi(&previous)
            );
            let _ = writeln!(out, "# target = {}", number(previous));
        }
        (None, None) => {
            let _ = writeln!(out, "# no number: a task followed by milestones");
        }
    }
    if let Some(breakdown) = &activity.breakdown {
        let parts: Vec<String> =
            breakdown.parts.iter().map(|(k, v)| format!("{} = {}", k.value, number(v.value))).collect();
        let _ = writeln!(out, "# breakdown in {base_year}: {{ {} }}", parts.join(", "));
    }
}

/// The targets that plans of the years before `year` set for `item`, in year order.
fn earlier_targets(basis: &Basis<'_>, item: &str, year: i32) -> Vec<(i32, Decimal)> {
    let mut years: Vec<(i32, Decimal)> = basis
        .plans
        .iter()
        .filter_map(|plan| {
            let y = plan.year.as_ref()?.value;
            let targets: Vec<Decimal> = plan
                .activities
                .iter()
                .filter(|a| a.item.value == item)
                .filter_map(|a| a.target.as_ref().map(|t| t.value))
                .collect();
            (y < year && !targets.is_empty())
                .then(|| (y, targets.iter().fold(Decimal::ZERO, |s, t| s.saturating_add(*t))))
        })
        .collect();
    years.sort_by_key(|y| y.0);
    years.dedup_by_key(|y| y.0);
    years
}

fn reports(out: &mut String, basis: &Basis<'_>, year: i32) {
    let reporting = basis.decision.map(|d| d.reporting.clone()).unwrap_or_default();
    for kind in [ReportKind::HalfYear, ReportKind::Annual] {
        // The rules alone: last year's own dates belong to last year.
        let Some((_, due_before)) = rule_dates(&reporting, kind, year) else { continue };
        let previous = basis.plan.reports.iter().find(|r| r.kind.value == kind);
        let _ = writeln!(out);
        let _ = writeln!(out, "[[report]]");
        let _ = writeln!(out, "kind = \"{}\"", kind.as_str());
        let _ = writeln!(out, "due-before = {due_before}   # from the decision's reporting rules");
        if let Some(from) = previous.and_then(|r| r.from.as_ref()) {
            let _ = writeln!(out, "from = {}", quote(&from.value));
        }
        if let Some(to) = previous.and_then(|r| r.to.as_ref()) {
            let _ = writeln!(out, "to = {}", quote(&to.value));
        }
    }
}

/// A count as TOML: an integer when whole, else a string in Vietnamese notation.
fn number(value: Decimal) -> String {
    if value.fract().is_zero() { value.trunc().normalize().to_string() } else { quote(&format_vi(&value)) }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = items.map(quote).collect();
    format!("[{}]", quoted.join(", "))
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
