//! The `csv` format: one section, a header row, RFC 4180 quoting (the `csv` crate's).
//! Figures are plain decimals and dates ISO, which spreadsheets read in any locale; the
//! header row follows `--lang`.

use std::io::{self, Write};

use super::Section;
use super::grid::{self, CellStyle, Grid};
use crate::lang::Lang;
use crate::report::Report;

pub fn render_csv(out: &mut dyn Write, report: &Report, section: Section, lang: Lang) -> io::Result<()> {
    render_csv_as(out, report, section, lang, Dialect::Rfc4180)
}

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// RFC 4180: `,`, plain decimals, machine keys (`total`, `half-year`); for programs.
    #[default]
    Rfc4180,
    /// For Excel on the reader's Windows: a UTF-8 byte-order mark (without it Excel reads
    /// UTF-8 as the ANSI code page and breaks every Vietnamese letter); in Vietnamese, `;`
    /// between cells and `,` before decimals, as the vi-VN list and decimal separators are,
    /// and Vietnamese words for the keys; in English, `,` and `.`.
    Excel,
}

pub fn render_csv_as(
    out: &mut dyn Write,
    report: &Report,
    section: Section,
    lang: Lang,
    dialect: Dialect,
) -> io::Result<()> {
    let style = CellStyle { lang, machine: true, bar: None, unit: report.money_unit };
    let mut grid = match section {
        Section::Progress => grid::progress(report, style),
        Section::Budget => grid::budget(report, style, grid::BudgetPart::All),
        Section::Deadlines => grid::deadlines(&report.deadlines, style),
    };
    match dialect {
        Dialect::Rfc4180 => write(out, &grid),
        Dialect::Excel => {
            out.write_all("\u{feff}".as_bytes())?;
            let delimiter = if lang == Lang::Vi {
                for_vietnamese_excel(&mut grid, section);
                b';'
            } else {
                b','
            };
            write_with(out, &grid, delimiter)
        }
    }
}

/// Decimal commas in the figure columns, and Vietnamese words for the machine keys.
fn for_vietnamese_excel(grid: &mut Grid, section: Section) {
    let key_column = match section {
        Section::Budget => grid.headers.iter().position(|h| h == "kind"),
        Section::Deadlines => Some(0),
        Section::Progress => None,
    };
    for header in &mut grid.headers {
        match header.as_str() {
            "kind" => "Loại".clone_into(header),
            "id" => "Mã".clone_into(header),
            _ => {}
        }
    }
    for row in &mut grid.rows {
        for (n, cell) in row.iter_mut().enumerate() {
            if grid.numeric.contains(&n) {
                *cell = cell.replace('.', ",");
            }
            if Some(n) == key_column {
                let word = match cell.as_str() {
                    "total" => "tổng cộng",
                    "line" => "khoản",
                    "activity" => "hoạt động",
                    "source" => "nguồn",
                    other => crate::render::labels::report_kind(Lang::Vi, other),
                };
                if !word.is_empty() {
                    word.clone_into(cell);
                }
            }
        }
    }
}

pub(crate) fn write(out: &mut dyn Write, grid: &Grid) -> io::Result<()> {
    write_with(out, grid, b',')
}

fn write_with(out: &mut dyn Write, grid: &Grid, delimiter: u8) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(grid.headers.iter().map(|cell| crate::escape::csv_cell(cell).into_owned()))?;
    for row in &grid.rows {
        writer.write_record(row.iter().map(|cell| crate::escape::csv_cell(cell).into_owned()))?;
    }
    writer.flush()
}
