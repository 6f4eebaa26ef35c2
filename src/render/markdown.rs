//! The `markdown` format: a document an analyst can paste into the report to the
//! Provincial People's Committee: title, period, the three sections as tables, the total
//! in words.

use std::io::{self, Write};

use super::grid::{self, BudgetPart, CellStyle, Grid};
use super::{Section, header_lines, labels, no_progress_note};
use crate::lang::Lang;
use crate::report::Report;

pub fn render_markdown(out: &mut dyn Write, report: &Report, sections: &[Section], lang: Lang) -> io::Result<()> {
    let l = labels::labels(lang);
    let style = CellStyle { lang, machine: false, bar: None, unit: report.money_unit };
    writeln!(out, "# {}", l.title)?;
    writeln!(out)?;
    for (label, value) in header_lines(report, lang) {
        writeln!(out, "- **{label}:** {}", escape(&value))?;
    }
    if let Some(note) = no_progress_note(report, lang) {
        writeln!(out)?;
        writeln!(out, "> {note}")?;
    }
    for (number, section) in sections.iter().enumerate() {
        writeln!(out)?;
        let title = match section {
            Section::Progress => l.progress,
            Section::Budget => l.budget,
            Section::Deadlines => l.deadlines,
        };
        writeln!(out, "## {}. {title}", number + 1)?;
        writeln!(out)?;
        match section {
            Section::Progress => {
                table(out, &grid::progress(report, style))?;
                supports(out, report, style)?;
                details(out, report, style)?;
                organisation(out, report, style)?;
            }
            Section::Budget => budget(out, report, style)?,
            Section::Deadlines => {
                table(out, &grid::deadlines(&report.deadlines, style))?;
                if !report.deadlines.activities.is_empty() {
                    writeln!(out)?;
                    writeln!(out, "### {}", l.activity_dues)?;
                    writeln!(out)?;
                    table(out, &grid::activity_dues(&report.deadlines, style))?;
                }
            }
        }
    }
    Ok(())
}

fn budget(out: &mut dyn Write, report: &Report, style: CellStyle) -> io::Result<()> {
    let l = labels::labels(style.lang);
    let Some(budget) = &report.budget else { return writeln!(out, "{}", l.no_budget) };
    table(out, &grid::budget(report, style, BudgetPart::Total))?;
    writeln!(out)?;
    if !budget.by_source.is_empty() {
        writeln!(out, "### {}", l.by_source)?;
        writeln!(out)?;
        table(out, &grid::sources(report, style))?;
        writeln!(out)?;
    }
    for (title, part, rows) in [
        (l.by_line, BudgetPart::Lines, budget.lines.len()),
        (l.by_activity, BudgetPart::Activities, budget.activities.len()),
    ] {
        if rows > 0 {
            writeln!(out, "### {title}")?;
            writeln!(out)?;
            table(out, &grid::budget(report, style, part))?;
            writeln!(out)?;
        }
    }
    if let Some(source) = &budget.source {
        writeln!(out, "**{}:** {}", l.source, escape(source))?;
        writeln!(out)?;
    }
    writeln!(out, "**{}:** *{}*", l.in_words, escape(&budget.in_words))?;
    if !budget.payments.is_empty() {
        writeln!(out)?;
        writeln!(out, "### {}", l.payments)?;
        writeln!(out)?;
        table(out, &grid::payments(report, style))?;
    }
    Ok(())
}

/// The support rule of each activity whose decision item sets one.
fn supports(out: &mut dyn Write, report: &Report, style: CellStyle) -> io::Result<()> {
    let rules = grid::supports(report, style.lang);
    if rules.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "**{}:**", labels::labels(style.lang).support)?;
    writeln!(out)?;
    for (_, name, rule) in rules {
        writeln!(out, "- {}: {}", escape(&name), escape(&rule))?;
    }
    Ok(())
}

/// Per activity: who does it, and each result recorded (date, enterprise, what).
fn details(out: &mut dyn Write, report: &Report, style: CellStyle) -> io::Result<()> {
    let l = labels::labels(style.lang);
    writeln!(out)?;
    writeln!(out, "### {}", l.details)?;
    for row in &report.progress {
        writeln!(out)?;
        writeln!(out, "**{}**", escape(&row.name))?;
        if let Some(lead) = &row.lead {
            writeln!(out)?;
            writeln!(out, "- {}: {}", l.lead, escape(lead))?;
        }
        if !row.partners.is_empty() {
            let more = if row.partners_open { "…" } else { "" };
            writeln!(out, "- {}: {}{more}", l.partners, escape(&row.partners.join(", ")))?;
        }
        for entry in &row.entries {
            let mut parts =
                vec![super::fmt::date(style.lang, entry.date), super::fmt::number(style.lang, entry.quantity)];
            parts.extend(entry.enterprise.iter().chain(&entry.detail).map(|t| escape(t)));
            writeln!(out, "- {}", parts.join(" — "))?;
        }
    }
    Ok(())
}

/// Sections I and III of the plan: its purposes and who does what, each followed task
/// with its last milestone.
fn organisation(out: &mut dyn Write, report: &Report, style: CellStyle) -> io::Result<()> {
    let l = labels::labels(style.lang);
    let o = &report.organisation;
    if !o.purposes.is_empty() {
        writeln!(out)?;
        writeln!(out, "### {}", l.purposes)?;
        writeln!(out)?;
        for purpose in &o.purposes {
            writeln!(out, "- {}", escape(purpose))?;
        }
    }
    if !o.responsibilities.is_empty() {
        writeln!(out)?;
        writeln!(out, "### {}", l.organisation)?;
        for r in &o.responsibilities {
            writeln!(out)?;
            writeln!(out, "**{}**", escape(&r.unit))?;
            writeln!(out)?;
            for task in &r.tasks {
                let state = match (&task.id, &task.milestone) {
                    (None, _) => String::new(),
                    (Some(_), None) => format!(" *({})*", l.no_milestone),
                    (Some(_), Some(m)) => format!(
                        " *({} {})*",
                        labels::milestone(style.lang, m.status),
                        super::fmt::date(style.lang, m.date)
                    ),
                };
                writeln!(out, "- {}{state}", escape(&task.text))?;
            }
        }
    }
    Ok(())
}

pub(crate) fn table(out: &mut dyn Write, grid: &Grid) -> io::Result<()> {
    writeln!(out, "| {} |", grid.headers.iter().map(|h| escape(h)).collect::<Vec<_>>().join(" | "))?;
    let rule: Vec<&str> =
        (0..grid.headers.len()).map(|i| if grid.numeric.contains(&i) { "---:" } else { "---" }).collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    for row in &grid.rows {
        writeln!(out, "| {} |", row.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | "))?;
    }
    Ok(())
}

/// Text from the files, escaped for Markdown: no HTML, no `|` that would end a cell, no
/// line breaks (see [`crate::escape::markdown`]).
pub(crate) fn escape(text: &str) -> String {
    crate::escape::markdown(text)
}
