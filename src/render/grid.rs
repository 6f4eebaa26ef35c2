//! Report values → grids of text cells, one per table of the report. The table, Markdown
//! and CSV renderers all lay out these same grids, so a column means the same everywhere.

use crate::lang::Lang;
use crate::report::{Deadlines, ProgressRow, Report};

use super::fmt;
use super::labels::{self, labels};

/// How cells are written: for people (`--lang` numbers, a bar) or for machines (CSV:
/// plain decimals and ISO dates, which spreadsheets read in any locale).
#[derive(Debug, Clone, Copy)]
pub struct CellStyle {
    pub lang: Lang,
    pub machine: bool,
    /// Add a percentage bar column; `Some(true)` draws it with block characters.
    pub bar: Option<bool>,
    /// The unit money is written in (`--money-unit`): named in the headers of money columns.
    pub unit: crate::money::Unit,
}

impl CellStyle {
    fn number(self, value: rust_decimal::Decimal) -> String {
        if self.machine { value.normalize().to_string() } else { fmt::number(self.lang, value) }
    }

    /// An amount in the style's unit, every decimal kept (`491,3` triệu).
    pub fn money(self, value: rust_decimal::Decimal) -> String {
        if self.machine { self.unit.of(value).to_string() } else { fmt::money_in(self.lang, self.unit, value) }
    }

    /// A money column's header, naming the unit when it is not đồng.
    pub fn money_header(self, header: &str) -> String {
        fmt::with_unit(self.lang, self.unit, header)
    }

    fn percent(self, value: Option<rust_decimal::Decimal>) -> String {
        match value {
            Some(p) if self.machine => p.normalize().to_string(),
            None if self.machine => String::new(),
            _ => fmt::percent(self.lang, value),
        }
    }

    /// A date with its weekday for people; the plain date for machines.
    fn day(self, value: chrono::NaiveDate) -> String {
        if self.machine { value.format("%Y-%m-%d").to_string() } else { fmt::day(self.lang, value) }
    }

    fn date(self, value: chrono::NaiveDate) -> String {
        if self.machine { value.format("%Y-%m-%d").to_string() } else { fmt::date(self.lang, value) }
    }

    fn opt(self, value: Option<String>) -> String {
        if self.machine { value.unwrap_or_default() } else { fmt::or_dash(value) }
    }
}

#[derive(Debug, Default)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns of figures, aligned right in tables.
    pub numeric: Vec<usize>,
    /// The column of long text (names), which gets the room a table has to spare.
    pub wide: Option<usize>,
    /// Columns a terminal table may leave out, in this order, when it cannot fit otherwise:
    /// those whose content another column says again.
    pub spare: Vec<usize>,
}

pub fn progress(report: &Report, style: CellStyle) -> Grid {
    let l = labels(style.lang);
    let mut headers = vec![l.section, l.activity, l.unit, l.target, l.achieved, l.percent];
    if style.bar.is_some() {
        headers.push("");
    }
    headers.extend([l.remaining, l.status]);
    if style.machine {
        headers.insert(1, "id");
    }
    let mut grid = Grid { headers: headers.into_iter().map(str::to_owned).collect(), ..Grid::default() };
    let first_figure = if style.machine { 4 } else { 3 };
    grid.wide = Some(first_figure - 2);
    grid.numeric =
        (first_figure..first_figure + 3).chain([first_figure + 3 + usize::from(style.bar.is_some())]).collect();
    // For machines, the support rule in three columns, when the decision sets one.
    let support = style.machine && report.progress.iter().any(|r| r.support.is_some());
    if support {
        grid.headers.extend(["support-rate".to_owned(), style.money_header("support-cap"), "support-per".to_owned()]);
    }
    for row in &report.progress {
        let mut cells = activity_cells(row, style);
        if support {
            let s = row.support.as_ref();
            cells.extend([
                s.and_then(|s| s.rate).map(|r| style.number(r)).unwrap_or_default(),
                s.and_then(|s| s.cap).map(|c| style.money(c)).unwrap_or_default(),
                s.and_then(|s| s.per.clone()).unwrap_or_default(),
            ]);
        }
        grid.rows.push(cells);
        for part in &row.parts {
            let mut cells = vec![
                String::new(),
                format!("↳ {}", part.name.as_deref().unwrap_or(&part.part)),
                style.opt(row.unit.clone()),
                style.number(part.target),
                style.opt(part.achieved.map(|a| style.number(a))),
                style.percent(part.percent),
            ];
            if let Some(unicode) = style.bar {
                cells.push(fmt::bar(part.percent, unicode));
            }
            cells.extend([style.opt(part.remaining.map(|r| style.number(r))), String::new()]);
            if style.machine {
                cells.insert(1, format!("{}.{}", row.activity, part.part));
            }
            if support {
                cells.extend(std::iter::repeat_n(String::new(), 3));
            }
            grid.rows.push(cells);
        }
    }
    grid
}

fn activity_cells(row: &ProgressRow, style: CellStyle) -> Vec<String> {
    let mut status = labels::status(style.lang, row.status).to_owned();
    if let Some(m) = &row.milestone {
        // In a table the milestone goes on a line of its own, so the column stays narrow.
        let joint = if style.bar.is_some() { "\n" } else { "; " };
        status = format!("{status}{joint}{} {}", labels::milestone(style.lang, m.status), style.date(m.date));
    }
    let mut cells = vec![
        style.opt(row.section.clone()),
        row.name.clone(),
        style.opt(row.unit.clone()),
        // People read how the target is meant (`tối thiểu 100`); machines get the figure.
        style.opt(row.target.map(|t| {
            if style.machine || row.target_rule.is_exact() {
                style.number(t)
            } else {
                row.target_text.clone().unwrap_or_default()
            }
        })),
        // A task with no number is followed by milestones; a count of nothing says nothing.
        style.opt(row.achieved.filter(|a| row.target.is_some() || !a.is_zero()).map(|a| style.number(a))),
        style.percent(row.percent),
    ];
    if let Some(unicode) = style.bar {
        cells.push(fmt::bar(row.percent, unicode));
    }
    cells.extend([style.opt(row.remaining.map(|r| style.number(r))), status]);
    if style.machine {
        cells.insert(1, row.activity.clone());
    }
    cells
}

/// Which rows of the budget a grid holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetPart {
    /// The total, every line and every activity (CSV, with a `kind` column).
    All,
    Total,
    Lines,
    Activities,
}

/// The budget rows of `part`: the total, then each line, then each activity.
pub fn budget(report: &Report, style: CellStyle, part: BudgetPart) -> Grid {
    let l = labels(style.lang);
    let mut grid = budget_grid(style, l.item);
    let Some(budget) = &report.budget else { return grid };
    let mut push = |kind: &str,
                    id: &str,
                    name: String,
                    amount: Option<rust_decimal::Decimal>,
                    disbursed: Option<rust_decimal::Decimal>,
                    remaining: Option<rust_decimal::Decimal>,
                    percent| {
        let mut cells = vec![
            name,
            style.opt(amount.map(|a| style.money(a))),
            style.opt(disbursed.map(|d| style.money(d))),
            style.opt(remaining.map(|r| style.money(r))),
            style.percent(percent),
        ];
        if style.machine {
            cells.splice(0..0, [kind.to_owned(), id.to_owned()]);
        }
        grid.rows.push(cells);
    };
    if matches!(part, BudgetPart::All | BudgetPart::Total) {
        push("total", "", l.total.to_owned(), Some(budget.total), budget.disbursed, budget.remaining, budget.percent);
    }
    let groups = [("line", &budget.lines, BudgetPart::Lines), ("activity", &budget.activities, BudgetPart::Activities)];
    for (kind, rows, _) in groups.into_iter().filter(|(_, _, p)| part == BudgetPart::All || part == *p) {
        for row in rows {
            if row.unallocated {
                let name = if kind == "line" { l.unallocated_line } else { l.unallocated_activity };
                push("unallocated", "", name.to_owned(), None, row.disbursed, None, None);
                continue;
            }
            let id = row.line.as_ref().or(row.activity.as_ref()).cloned().unwrap_or_default();
            let name = match (&row.line, &row.note, &row.name) {
                (_, _, Some(name)) => name.clone(),
                (Some(line), Some(note), None) if !style.machine => format!("{line}: {note}"),
                (_, Some(note), None) => note.clone(),
                (Some(line), None, None) if !style.machine => line.clone(),
                _ => String::new(),
            };
            push(kind, &id, name, row.amount, row.disbursed, row.remaining, row.percent);
        }
    }
    // For machines, the sources follow the total (`kind` = `source`, `id` its key).
    if part == BudgetPart::All {
        let rows = sources(report, style).rows.into_iter().map(|row| {
            let mut cells = vec!["source".to_owned()];
            cells.extend(row);
            cells
        });
        let at = grid.rows.len().min(1);
        grid.rows.splice(at..at, rows);
    }
    grid
}

/// The header of a budget table: `Khoản`, then the money columns in the style's unit.
fn budget_grid(style: CellStyle, first: &str) -> Grid {
    let l = labels(style.lang);
    let mut headers = vec![first.to_owned()];
    headers.extend([l.amount, l.disbursed, l.remaining].map(|h| style.money_header(h)));
    headers.push(l.percent.to_owned());
    if style.machine {
        headers.splice(0..0, ["kind".to_owned(), "id".to_owned()]);
    }
    let offset = if style.machine { 3 } else { 1 };
    Grid { wide: Some(offset - 1), headers, numeric: (offset..offset + 4).collect(), ..Grid::default() }
}

/// The budget by source of funds: what the plan gives each source, what was paid from it
/// (unknown, `—`, when no payment says its source; `≥ …` when only some do), what remains.
/// For machines, `id` then the cells (the CSV's `kind` column is added by [`budget`]).
pub fn sources(report: &Report, style: CellStyle) -> Grid {
    let l = labels(style.lang);
    let mut grid = budget_grid(style, l.source);
    if style.machine {
        grid.headers.remove(0);
        grid.numeric = (2..6).collect();
        grid.wide = Some(1);
    }
    for row in report.budget.iter().flat_map(|b| &b.by_source) {
        let disbursed = row.disbursed.map(|d| {
            let figure = style.money(d);
            // A least value: `≥70` for people; for machines the figure, as the roll-up's sums
            // over unknown years (the JSON says `disbursed_partial`).
            if row.disbursed_partial && !style.machine { format!("≥{figure}") } else { figure }
        });
        let mut cells = vec![
            labels::fund_source(style.lang, row.source).to_owned(),
            style.opt(row.amount.map(|a| style.money(a))),
            style.opt(disbursed),
            style.opt(row.remaining.map(|r| style.money(r))),
            style.percent(row.percent),
        ];
        if style.machine {
            cells.insert(0, row.source.as_str().to_owned());
        }
        grid.rows.push(cells);
    }
    grid
}

/// The support rule of each activity that has one, as a report says it, the cap in the
/// report's unit: `(activity id, activity name, "hỗ trợ 50 %, tối đa 65 triệu đồng/hệ thống
/// (Nghị quyết …)")`.
pub fn supports(report: &Report, lang: Lang) -> Vec<(String, String, String)> {
    let unit = report.money_unit;
    report
        .progress
        .iter()
        .filter_map(|row| {
            let s = row.support.as_ref()?;
            let rate = s.rate.map(|r| fmt::number(lang, r));
            let cap = s.cap.map(|c| format!("{} {}", fmt::number(lang, unit.of(c)), fmt::unit_name(lang, unit)));
            let text = labels::support(lang, rate.as_deref(), cap.as_deref(), s.per.as_deref())?;
            let basis = s.basis.as_ref().map(|b| format!(" ({b})")).unwrap_or_default();
            Some((row.activity.clone(), row.name.trim().to_owned(), format!("{text}{basis}")))
        })
        .collect()
}

pub fn deadlines(deadlines: &Deadlines, style: CellStyle) -> Grid {
    let l = labels(style.lang);
    let headers = [l.report, l.due_before, l.last_day, l.cut_off, l.working_days, l.days, l.sent, l.state];
    // "Gửi trước 30/6" is "Hạn chót T7 29/6" said again: the first to go on a narrow terminal.
    let mut grid = Grid {
        headers: headers.into_iter().map(str::to_owned).collect(),
        numeric: vec![4, 5],
        spare: vec![1],
        ..Grid::default()
    };
    for row in &deadlines.reports {
        let sent = row.sent.map(|d| match &row.sent_number {
            Some(n) if !style.machine => format!("{} ({n})", style.date(d)),
            _ => style.date(d),
        });
        // Days left say something only of a report still to send.
        let days = match (style.machine, row.sent) {
            (true, _) => row.days_left.to_string(),
            (false, None) => labels::days(style.lang, row.days_left),
            (false, Some(_)) => "—".to_owned(),
        };
        let report =
            if style.machine { row.report.to_owned() } else { labels::report_kind(style.lang, row.report).to_owned() };
        grid.rows.push(vec![
            report,
            style.date(row.due_before),
            style.day(row.last_day),
            style.day(row.cut_off),
            match (style.machine, row.gap_too_short) {
                (false, true) => format!("{} {}", row.working_days, l.gap_too_short),
                _ => row.working_days.to_string(),
            },
            days,
            style.opt(sent),
            labels::deadline_state(style.lang, row.state).to_owned(),
        ]);
    }
    grid
}

pub fn activity_dues(deadlines: &Deadlines, style: CellStyle) -> Grid {
    let l = labels(style.lang);
    let mut grid = Grid {
        headers: vec![l.activity.to_owned(), l.due.to_owned(), l.days.to_owned(), l.status.to_owned()],
        numeric: vec![2],
        wide: Some(0),
        ..Grid::default()
    };
    for due in &deadlines.activities {
        // Days left say something only of an activity not yet done.
        let days = match (style.machine, due.status) {
            (true, _) => due.days_left.to_string(),
            (false, crate::report::Status::Done) => "—".to_owned(),
            (false, _) => labels::days(style.lang, due.days_left),
        };
        grid.rows.push(vec![
            due.name.clone(),
            style.date(due.due),
            days,
            labels::status(style.lang, due.status).to_owned(),
        ]);
    }
    grid
}

/// The payments counted, with the line and activity each is credited to and its voucher.
pub fn payments(report: &Report, style: CellStyle) -> Grid {
    let l = labels(style.lang);
    let mut grid = Grid {
        headers: vec![
            l.date.to_owned(),
            style.money_header(l.amount),
            l.line.to_owned(),
            l.activity.to_owned(),
            l.voucher.to_owned(),
        ],
        numeric: vec![1],
        ..Grid::default()
    };
    for paid in report.budget.iter().flat_map(|b| &b.payments) {
        grid.rows.push(vec![
            style.date(paid.date),
            style.money(paid.amount),
            style.opt(paid.line.clone()),
            style.opt(paid.activity.clone()),
            style.opt(paid.voucher.clone()),
        ]);
    }
    grid
}
