//! Rendering: report values → bytes, in seven formats. Renderers compute nothing: figures
//! come from [`crate::report`], cells from [`grid`], words from [`labels`].

pub mod csv;
pub mod docx;
pub mod fmt;
pub mod grid;
pub mod html;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod output;
pub mod period;
pub mod table;
pub mod xlsx;

use crate::lang::Lang;
use crate::report::Report;

/// A section of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Progress,
    Budget,
    Deadlines,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Progress, Section::Budget, Section::Deadlines];
    pub const NAMES: [&'static str; 3] = ["progress", "budget", "deadlines"];

    pub fn parse(text: &str) -> Option<Self> {
        Self::NAMES.iter().position(|n| *n == text).and_then(|i| Self::ALL.get(i).copied())
    }

    pub fn name(self) -> &'static str {
        match self {
            Section::Progress => "progress",
            Section::Budget => "budget",
            Section::Deadlines => "deadlines",
        }
    }
}

/// The lines that head every report: what plan, what decision, what period, what data.
pub fn header_lines(report: &Report, lang: Lang) -> Vec<(String, String)> {
    let l = labels::labels(lang);
    let mut lines = vec![(l.plan.to_owned(), report.plan.title.clone())];
    if let Some(d) = &report.decision {
        let decision = labels::decision(lang, d.kind, &d.number, d.date.map(|x| fmt::date(lang, x)).as_deref());
        let title = d.title.as_ref().map(|t| format!(" — {t}")).unwrap_or_default();
        lines.push((l.decision.to_owned(), format!("{decision}{title}")));
    }
    let cited: Vec<String> = report
        .decision
        .iter()
        .flat_map(|d| d.programme.iter())
        .chain(&report.plan.basis)
        .map(|c| labels::citation(lang, c, c.date.map(|x| fmt::date(lang, x)).as_deref()))
        .collect();
    if !cited.is_empty() {
        lines.push((l.basis.to_owned(), cited.join("; ")));
    }
    let from = fmt::date(lang, report.data.from);
    let mut period = labels::period(lang, report.period, report.plan.year, Some(&from), &fmt::date(lang, report.as_of));
    if let Some(due) = report.due_before {
        let last = due.pred_opt().unwrap_or(due);
        period = format!("{period}; {}", labels::due(lang, &fmt::date(lang, due), &fmt::date(lang, last)));
    }
    lines.push((l.period.to_owned(), period));
    if !report.progress_files.is_empty() {
        lines.push((l.data_from.to_owned(), report.progress_files.join(", ")));
    }
    lines
}

/// The note for a plan with no progress files, if it has none.
pub fn no_progress_note(report: &Report, lang: Lang) -> Option<&'static str> {
    report.progress_files.is_empty().then_some(labels::labels(lang).no_progress)
}

/// A budget row's name in the documents sent (Word, Excel, HTML): the line's note, the
/// activity's name, else its id; the "not allocated" row by its label.
pub fn budget_row_name(row: &crate::report::BudgetRow, report: &Report) -> String {
    if row.unallocated {
        return "Chưa phân bổ được".to_owned();
    }
    let activity_name = row
        .activity
        .as_ref()
        .and_then(|id| report.progress.iter().find(|p| &p.activity == id))
        .map(|p| p.name.trim().to_owned());
    row.note
        .clone()
        .or_else(|| row.name.clone())
        .or(activity_name)
        .or_else(|| row.line.clone())
        .or_else(|| row.activity.clone())
        .unwrap_or_default()
}

/// The formats a report is written in (`plan report --format`). Here, beside the
/// renderers, so that rendering does not depend on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// a table for the terminal
    Table,
    /// a Markdown document to paste into a report
    Markdown,
    /// one JSON document (`plan-report/1`)
    Json,
    /// one section as CSV (RFC 4180)
    Csv,
    /// the report as it is sent: a Word document (Decree 30/2020/NĐ-CP layout)
    Docx,
    /// an Excel workbook: a sheet per section and the budget appendix
    Xlsx,
    /// one self-contained HTML page with charts, printable on A4
    Html,
}
