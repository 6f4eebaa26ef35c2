//! The `table` format: for a terminal. comfy-table lays each grid out; on a terminal it
//! fits the width and draws with box characters, elsewhere (a pipe, a file) it uses plain
//! ASCII and never wraps, so the output is the same on every machine.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::grid::{self, BudgetPart, CellStyle, Grid};
use super::{Section, header_lines, labels, no_progress_note};
use crate::cli::Lang;
use crate::report::Report;

/// Tables not written to a terminal are laid out for this width, the same on every machine.
const PLAIN_WIDTH: u16 = 150;

/// The least room the column of names gets, in characters.
const WIDE_COLUMN: u16 = 36;

/// Writes the report; `terminal` says whether stdout is a terminal (box drawing, fitted to
/// its width) or not (ASCII, `PLAIN_WIDTH` columns).
pub fn render_table(
    out: &mut dyn Write,
    report: &Report,
    sections: &[Section],
    lang: Lang,
    terminal: bool,
) -> io::Result<()> {
    let l = labels::labels(lang);
    let style = CellStyle { lang, machine: false, bar: Some(terminal) };
    let width = terminal;
    writeln!(out, "{}", l.title)?;
    for (label, value) in header_lines(report, lang) {
        writeln!(out, "{label}: {}", crate::escape::terminal(&value))?;
    }
    if let Some(note) = no_progress_note(report, lang) {
        writeln!(out, "{note}")?;
    }
    for section in sections {
        writeln!(out)?;
        match section {
            Section::Progress => {
                writeln!(out, "{}", l.progress)?;
                writeln!(out, "{}", table(&grid::progress(report, style), width))?;
            }
            Section::Budget => render_budget(out, report, style, width)?,
            Section::Deadlines => {
                writeln!(out, "{}", l.deadlines)?;
                writeln!(out, "{}", table(&grid::deadlines(&report.deadlines, style), width))?;
                if !report.deadlines.activities.is_empty() {
                    writeln!(out, "{}", l.activity_dues)?;
                    writeln!(out, "{}", table(&grid::activity_dues(&report.deadlines, style), width))?;
                }
            }
        }
    }
    Ok(())
}

fn render_budget(out: &mut dyn Write, report: &Report, style: CellStyle, width: bool) -> io::Result<()> {
    let l = labels::labels(style.lang);
    writeln!(out, "{}", l.budget)?;
    let Some(budget) = &report.budget else { return writeln!(out, "{}", l.no_budget) };
    writeln!(out, "{}", table(&grid::budget(report, style, BudgetPart::Total), width))?;
    for (title, part, rows) in [
        (l.by_line, BudgetPart::Lines, budget.lines.len()),
        (l.by_activity, BudgetPart::Activities, budget.activities.len()),
    ] {
        if rows > 0 {
            writeln!(out, "{title}")?;
            writeln!(out, "{}", table(&grid::budget(report, style, part), width))?;
        }
    }
    if let Some(source) = &budget.source {
        writeln!(out, "{}: {}", l.source, crate::escape::terminal(source))?;
    }
    writeln!(out, "{}: {}", l.in_words, crate::escape::terminal(&budget.in_words))
}

pub(crate) fn table(grid: &Grid, terminal: bool) -> String {
    let mut table = Table::new();
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if terminal {
        table.load_style(presets::UTF8_FULL_CONDENSED);
    } else {
        table.load_style(presets::ASCII_FULL_CONDENSED).force_no_tty().set_width(PLAIN_WIDTH);
    }
    // Escaped before layout, so that wrapping never cuts an escape sequence in half.
    // A cell's own line breaks (a state and its date) stay: they break inside the cell.
    let cell = |c: &String| c.split('\n').map(crate::escape::terminal).collect::<Vec<_>>().join("\n");
    let shown = |cells: &[String]| cells.iter().map(cell).collect::<Vec<_>>();
    table.set_header(shown(&grid.headers));
    for row in &grid.rows {
        table.add_row(shown(row));
    }
    // Only the long names wrap, and they keep room enough to be read; figures, units and
    // states stay whole.
    for (index, column) in table.column_iter_mut().enumerate() {
        if Some(index) == grid.wide {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(WIDE_COLUMN)));
        } else {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    for &index in &grid.numeric {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table.to_string()
}
