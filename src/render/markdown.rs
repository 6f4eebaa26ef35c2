//! The `markdown` format: a document an analyst can paste into the report to the
//! Provincial People's Committee: title, period, the three sections as tables, the total
//! in words.

use std::io::{self, Write};

use super::grid::{self, BudgetPart, CellStyle, Grid};
use super::{Section, header_lines, labels, no_progress_note};
use crate::cli::Lang;
use crate::report::Report;

pub fn render_markdown(out: &mut dyn Write, report: &Report, sections: &[Section], lang: Lang) -> io::Result<()> {
    let l = labels::labels(lang);
    let style = CellStyle { lang, machine: false, bar: None };
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
            Section::Progress => table(out, &grid::progress(report, style))?,
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
    writeln!(out, "**{}:** *{}*", l.in_words, escape(&budget.in_words))
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
