//! The `table` format: for a terminal. comfy-table lays each grid out; on a terminal it
//! fits the width and draws with box characters, elsewhere (a pipe, a file) it uses plain
//! ASCII and never wraps, so the output is the same on every machine.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::grid::{self, BudgetPart, CellStyle, Grid};
use super::{Section, header_lines, labels, no_progress_note};
use crate::lang::Lang;
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
    let style = CellStyle { lang, machine: false, bar: Some(terminal), unit: report.money_unit };
    let width = terminal;
    writeln!(out, "{}", l.title)?;
    // On a terminal, the header lines wrap at word boundaries to its width.
    let columns = if terminal { Table::new().width().map(usize::from) } else { None };
    for (label, value) in header_lines(report, lang) {
        let line = format!("{label}: {}", crate::escape::terminal(&value));
        writeln!(out, "{}", columns.map_or_else(|| line.clone(), |w| wrap(&line, w)))?;
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
                let rules = grid::supports(report, lang);
                if !rules.is_empty() {
                    writeln!(out, "{}:", l.support)?;
                }
                for (_, name, rule) in rules {
                    writeln!(out, "- {}: {}", crate::escape::terminal(&name), crate::escape::terminal(&rule))?;
                }
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
    if !budget.by_source.is_empty() {
        writeln!(out, "{}", l.by_source)?;
        writeln!(out, "{}", table(&grid::sources(report, style), width))?;
    }
    for (title, part, rows) in [
        (l.by_line, BudgetPart::Lines, budget.lines.len()),
        (l.by_activity, BudgetPart::Activities, budget.activities.len()),
    ] {
        if rows > 0 {
            writeln!(out, "{title}")?;
            writeln!(out, "{}", table(&grid::budget(report, style, part), width))?;
        }
    }
    let columns = if width { Table::new().width().map(usize::from) } else { None };
    let fit = |line: String| columns.map_or_else(|| line.clone(), |w| wrap(&line, w));
    if let Some(source) = &budget.source {
        writeln!(out, "{}", fit(format!("{}: {}", l.source, crate::escape::terminal(source))))?;
    }
    writeln!(out, "{}", fit(format!("{}: {}", l.in_words, crate::escape::terminal(&budget.in_words))))
}

pub(crate) fn table(grid: &Grid, terminal: bool) -> String {
    let mut table = Table::new();
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if terminal {
        table.load_style(presets::UTF8_FULL_CONDENSED);
    } else {
        table.load_style(presets::ASCII_FULL_CONDENSED).force_no_tty().set_width(PLAIN_WIDTH);
    }
    let width = if terminal { table.width() } else { None };
    lay_out(table, grid, width)
}

/// A terminal narrower than this loses the percentage bar (the percentage stays).
const BAR_WIDTH: u16 = 100;

/// The least room the column of names gets on a narrow terminal.
const NARROW_WIDE_COLUMN: u16 = 16;

/// Lays `grid` out in `table`. With `width` (a terminal's), everything but the figures may
/// wrap — at word boundaries, headers too — so that the table fits down to 80 columns;
/// without it, only the names wrap.
pub(crate) fn lay_out(mut table: Table, grid: &Grid, width: Option<u16>) -> String {
    let narrow = width.is_some_and(|w| w < BAR_WIDTH);
    // The bar column is the only one with an empty header.
    let mut dropped: Vec<usize> =
        if narrow { grid.headers.iter().position(String::is_empty).into_iter().collect() } else { Vec::new() };
    let room =
        |s: &str| u16::try_from(s.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).count()).unwrap_or(u16::MAX);
    // Columns that say again what another says (`spare`) go too, in order, while the
    // table squeezed to its longest words is still wider than the terminal.
    if let Some(w) = width {
        let least = |dropped: &[usize]| -> u16 {
            (0..grid.headers.len())
                .filter(|i| !dropped.contains(i))
                .map(|i| {
                    let word = longest(grid, i, &room);
                    let least = if Some(i) == grid.wide { NARROW_WIDE_COLUMN } else { word.saturating_add(2) };
                    least.saturating_add(1)
                })
                .fold(1u16, u16::saturating_add)
        };
        for &spare in &grid.spare {
            if least(&dropped) <= w {
                break;
            }
            dropped.push(spare);
        }
    }
    // Escaped before layout, so that wrapping never cuts an escape sequence in half.
    // A cell's own line breaks (a state and its date) stay: they break inside the cell.
    let cell = |c: &String| c.split('\n').map(crate::escape::terminal).collect::<Vec<_>>().join("\n");
    let keep = |cells: &[String]| -> Vec<String> {
        cells.iter().enumerate().filter(|(i, _)| !dropped.contains(i)).map(|(_, c)| cell(c)).collect()
    };
    let index_after = |i: usize| i - dropped.iter().filter(|&&d| d < i).count();
    if let Some(w) = width {
        table.set_width(w);
    }
    table.set_header(keep(&grid.headers));
    for row in &grid.rows {
        table.add_row(keep(row));
    }
    let wide = grid.wide.map(index_after);
    let numeric: Vec<usize> =
        grid.numeric.iter().filter(|&&i| !dropped.contains(&i)).map(|&i| index_after(i)).collect();
    // Only the long names wrap, and they keep room enough to be read; figures, units and
    // states stay whole — unless the terminal is too narrow for that, when all but the
    // figures may wrap.
    // The least each column may take when squeezed: its longest word, header included; in
    // a figures' column, a figure with its unit whole (`491.300.000 đ` does not break).
    let longest_word: Vec<u16> =
        (0..grid.headers.len()).filter(|i| !dropped.contains(i)).map(|i| longest(grid, i, &room)).collect();
    // The width the table takes unsqueezed: each column's content (the names' column at
    // least `WIDE_COLUMN`), its padding and border.
    let natural: u16 = table
        .column_max_content_widths()
        .iter()
        .enumerate()
        .map(|(i, w)| if Some(i) == wide { (*w).max(WIDE_COLUMN) } else { *w } + 3)
        .sum::<u16>()
        + 1;
    let squeeze = width.is_some_and(|w| natural > w);
    for (index, column) in table.column_iter_mut().enumerate() {
        if Some(index) == wide {
            let least = if squeeze { NARROW_WIDE_COLUMN } else { WIDE_COLUMN };
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(least)));
        } else if !squeeze {
            column.set_constraint(ColumnConstraint::ContentWidth);
        } else if let Some(word) = longest_word.get(index) {
            // Wrapped at word boundaries, headers too: never narrower than its longest word
            // (a figure is one word, so it never breaks), padding included.
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(word.saturating_add(2))));
        }
    }
    for &index in &numeric {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table.to_string()
}

/// The least room column `i` of `grid` takes when squeezed: its longest word, header
/// included; in a figures' column, a figure with its unit whole.
fn longest(grid: &Grid, i: usize, room: &dyn Fn(&str) -> u16) -> u16 {
    let header = grid.headers.get(i).map(|h| h.split_whitespace().map(room).max().unwrap_or(1));
    let body = grid.rows.iter().filter_map(|r| r.get(i)).map(|cell| {
        let cell = cell.split('\n').map(crate::escape::terminal).collect::<Vec<_>>().join("\n");
        if grid.numeric.contains(&i) {
            figure_room(&cell)
        } else {
            cell.split_whitespace().map(room).max().unwrap_or(1)
        }
    });
    header.into_iter().chain(body).max().unwrap_or(1)
}

/// The room of a figure's cell's longest unbreakable part: a number with the unit after it
/// (`491.300.000 đ`, `33,3 %`), else a word (`còn 183 ngày` may wrap between words).
fn figure_room(cell: &str) -> u16 {
    let room = |s: &str| s.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).count();
    let mut parts: Vec<String> = Vec::new();
    for word in cell.split_whitespace() {
        match parts.last_mut() {
            Some(last) if matches!(word, "đ" | "%" | "VND") => {
                last.push(' ');
                last.push_str(word);
            }
            _ => parts.push(word.to_owned()),
        }
    }
    u16::try_from(parts.iter().map(|p| room(p)).max().unwrap_or(1)).unwrap_or(u16::MAX)
}

/// `text` wrapped at word boundaries to `width` characters (combining marks take no room).
pub fn wrap(text: &str, width: usize) -> String {
    let room = |s: &str| s.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).count();
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && room(&line) + 1 + room(word) > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width_of(text: &str) -> usize {
        text.lines().map(|l| l.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).count()).max().unwrap_or(0)
    }

    /// The 2019 plan's progress table, in shape: its longest names, units and states.
    fn grid() -> Grid {
        let row = |name: &str, unit: &str, status: &str| -> Vec<String> {
            ["II.2.a", name, unit, "3", "0", "0 %", "----------", "3", status].iter().map(|s| (*s).to_owned()).collect()
        };
        Grid {
            headers: ["Mục", "Hoạt động", "Đơn vị tính", "Chỉ tiêu", "Đạt", "Tỷ lệ", "", "Còn lại", "Tình trạng"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            rows: vec![
                row(
                    "Hỗ trợ kinh phí 03 doanh nghiệp đạt giải thưởng chất lượng quốc gia năm 2018 (01 giải Vàng chất lượng quốc gia, 02 giải thưởng chất lượng quốc gia)",
                    "doanh nghiệp",
                    "chưa thực hiện",
                ),
                row("Triển khai hoạt động Giải thưởng Chất lượng Quốc gia năm 2019", "—", "không có chỉ tiêu số"),
            ],
            numeric: vec![3, 4, 5, 7],
            wide: Some(1),
            spare: Vec::new(),
        }
    }

    fn terminal_table() -> Table {
        let mut table = Table::new();
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.load_style(presets::UTF8_FULL_CONDENSED).force_no_tty();
        table
    }

    #[test]
    fn the_table_fits_an_80_column_terminal() {
        let text = lay_out(terminal_table(), &grid(), Some(80));
        assert!(width_of(&text) <= 80, "{}\n{text}", width_of(&text));
        // The figures stay whole; the bar goes.
        assert!(text.contains("┆        3 ┆"), "{text}");
        assert!(text.contains("┆ nghiệp ┆") && text.contains("│ II.2.a ┆"), "{text}");
        assert!(!text.contains("----------"), "{text}");
    }

    #[test]
    fn a_wide_terminal_keeps_the_bar_and_whole_states() {
        let text = lay_out(terminal_table(), &grid(), Some(160));
        assert!(width_of(&text) <= 160);
        assert!(text.contains("----------") && text.contains("không có chỉ tiêu số"), "{text}");
    }

    /// The example's deadlines in shape: a report sent with a long number.
    fn deadlines_grid() -> Grid {
        let cells = |c: [&str; 8]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        Grid {
            headers: cells([
                "Báo cáo",
                "Gửi trước",
                "Hạn chót",
                "Số liệu đến",
                "Ngày làm việc",
                "Số ngày",
                "Đã gửi",
                "Tình trạng",
            ]),
            rows: vec![
                cells([
                    "Báo cáo 6 tháng",
                    "30/6/2022",
                    "T4 29/6/2022",
                    "T3 14/6/2022",
                    "11",
                    "—",
                    "27/6/2022 (1156/BC-SKHCN)",
                    "đã gửi đúng hạn",
                ]),
                cells([
                    "Báo cáo năm",
                    "15/12/2022",
                    "T4 14/12/2022",
                    "T4 14/12/2022",
                    "0 (dưới 1 ngày)",
                    "còn 0 ngày",
                    "—",
                    "chưa gửi",
                ]),
            ],
            numeric: vec![4, 5],
            wide: None,
            spare: vec![1],
        }
    }

    #[test]
    fn the_deadlines_with_a_long_report_number_fit_80_columns() {
        let text = lay_out(terminal_table(), &deadlines_grid(), Some(80));
        assert!(width_of(&text) <= 80, "{}\n{text}", width_of(&text));
        // The number stays whole; "Gửi trước", which the last day says again, goes.
        assert!(text.contains("(1156/BC-SKHCN)") && text.contains("14/12/2022"), "{text}");
        assert!(!text.contains("30/6/2022") && !text.contains("Gửi"), "{text}");
        // Where there is room, it stays.
        let wide = lay_out(terminal_table(), &deadlines_grid(), Some(120));
        assert!(width_of(&wide) <= 120 && wide.contains("30/6/2022"), "{wide}");
    }

    #[test]
    fn header_lines_wrap_at_word_boundaries() {
        assert_eq!(wrap("Kỳ báo cáo: 6 tháng đầu năm 2019", 12), "Kỳ báo cáo:\n6 tháng đầu\nnăm 2019");
        assert_eq!(wrap("short", 80), "short");
    }
}
