//! The `csv` format: one section, a header row, RFC 4180 quoting (the `csv` crate's).
//! Figures are plain decimals and dates ISO, which spreadsheets read in any locale; the
//! header row follows `--lang`.

use std::io::{self, Write};

use super::Section;
use super::grid::{self, CellStyle, Grid};
use crate::cli::Lang;
use crate::report::Report;

pub fn render_csv(out: &mut dyn Write, report: &Report, section: Section, lang: Lang) -> io::Result<()> {
    let style = CellStyle { lang, machine: true, bar: None };
    let grid = match section {
        Section::Progress => grid::progress(report, style),
        Section::Budget => grid::budget(report, style, grid::BudgetPart::All),
        Section::Deadlines => grid::deadlines(&report.deadlines, style),
    };
    write(out, &grid)
}

pub(crate) fn write(out: &mut dyn Write, grid: &Grid) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(grid.headers.iter().map(|cell| crate::escape::csv_cell(cell).into_owned()))?;
    for row in &grid.rows {
        writer.write_record(row.iter().map(|cell| crate::escape::csv_cell(cell).into_owned()))?;
    }
    writer.flush()
}
