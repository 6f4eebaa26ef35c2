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
    let target = target_lines(out, basis, activity, year);
    if let Some(name) = &activity.name {
        let base_year = basis.plan.year.as_ref().map_or(year, |y| y.value);
        let unit = activity.unit.as_ref().map(|u| u.value.as_str());
        let (renamed, notes) = rename(&name.value, unit, target, year - base_year);
        if !notes.is_empty() {
            let _ = writeln!(out, "# name: {} (from {base_year}: check it)", notes.join("; "));
        }
        let _ = writeln!(out, "name = {}", quote(&renamed));
    }
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

/// The target line and the comment that explains it; returns the target written.
fn target_lines(out: &mut String, basis: &Basis<'_>, activity: &Activity, year: i32) -> Option<Decimal> {
    let mut written = None;
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
            written = Some(need);
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
    written
}

/// An activity's name carried into the new year: the count it writes before its unit set to
/// the new target (`Tổ chức 01 đợt` → `Tổ chức 02 đợt`, as many digits as before), and each
/// `năm YYYY` moved on by the years between the plans. Counts in parentheses (the parts)
/// are left for the analyst, and said so. Returns the name and what was changed.
pub fn rename(name: &str, unit: Option<&str>, target: Option<Decimal>, shift: i32) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let mut words: Vec<String> = name.split(' ').map(str::to_owned).collect();
    if shift != 0 {
        for i in 1..words.len() {
            let is_nam = words.get(i - 1).is_some_and(|w| w.to_lowercase() == "năm");
            let Some(word) = words.get_mut(i) else { continue };
            let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
            let Ok(written) = digits.parse::<i32>() else { continue };
            if is_nam && digits.len() == 4 && (1900..=2200).contains(&written) {
                let moved = written + shift;
                notes.push(format!("`năm {written}` → `năm {moved}`"));
                *word = format!("{moved}{}", &word[digits.len()..]);
            }
        }
    }
    if let (Some(unit), Some(target)) = (unit, target) {
        let unit_words: Vec<String> = unit.split_whitespace().map(crate::model::fold_name).collect();
        let mut depth = 0_usize;
        let mut counts = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let digits = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
            let follows = words.get(i + 1..i + 1 + unit_words.len()).is_some_and(|next| {
                next.iter()
                    .map(|w| crate::model::fold_name(w.trim_matches(|c: char| !c.is_alphanumeric())))
                    .eq(unit_words.iter().cloned())
            });
            if digits && follows && depth == 0 {
                counts.push(i);
            }
            depth = (depth + word.matches('(').count()).saturating_sub(word.matches(')').count());
        }
        if let [only] = counts.as_slice() {
            if let Some(word) = words.get_mut(*only) {
                let new = format!("{:0width$}", target.trunc().normalize(), width = word.len());
                if *word != new && target.fract().is_zero() {
                    notes.push(format!("`{word} {unit}` → `{new} {unit}`"));
                    if name.contains('(') {
                        notes.push("update the parts in parentheses".to_owned());
                    }
                    *word = new;
                }
            }
        }
    }
    (words.join(" "), notes)
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

/// A TOML array of strings: on one line when short, else one item a line, as the plans
/// write their long lists of partners (no 461-column lines).
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = items.map(quote).collect();
    let one_line = format!("[{}]", quoted.join(", "));
    if one_line.chars().count() <= 80 {
        return one_line;
    }
    let mut out = String::from("[\n");
    for item in quoted {
        let _ = writeln!(out, "    {item},");
    }
    out.push(']');
    out
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

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::rename;

    #[test]
    fn a_name_carried_over_takes_the_new_count_and_year() {
        let (name, notes) = rename("Tổ chức 01 đợt hội thảo năm 2019", Some("đợt"), Some(Decimal::TWO), 1);
        assert_eq!(name, "Tổ chức 02 đợt hội thảo năm 2020");
        assert_eq!(notes, ["`năm 2019` → `năm 2020`", "`01 đợt` → `02 đợt`"]);
        let (name, notes) =
            rename("Hỗ trợ 03 công cụ (02 công cụ 5S, 01 công cụ Kaizen)", Some("công cụ"), Some(Decimal::TEN), 1);
        assert_eq!(name, "Hỗ trợ 10 công cụ (02 công cụ 5S, 01 công cụ Kaizen)");
        assert_eq!(notes, ["`03 công cụ` → `10 công cụ`", "update the parts in parentheses"]);
        // Two counts of the unit: which one changes is the analyst's call.
        let two = "cho 02 sản phẩm và 01 sản phẩm";
        assert_eq!(rename(two, Some("sản phẩm"), Some(Decimal::TEN), 0), (two.to_owned(), Vec::new()));
        assert_eq!(rename("ISO 9001 năm 2018", None, None, 2).0, "ISO 9001 năm 2020");
    }
}
