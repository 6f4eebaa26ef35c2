//! Rendering the roll-up of a decision's period (`plan report --period`): the same four
//! formats as a yearly report, laid out from grids.

use std::io::{self, Write};

use super::ReportFormat;
use super::grid::{CellStyle, Grid};
use super::{Section, fmt};
use crate::lang::Lang;
use crate::report::{PeriodReport, SubmissionState};

pub const FORMAT: &str = "plan-period/1";

struct Words {
    title: &'static str,
    decision: &'static str,
    period: &'static str,
    plans: &'static str,
    items: &'static str,
    budget: &'static str,
    submissions: &'static str,
    item: &'static str,
    unit: &'static str,
    period_target: &'static str,
    planned: &'static str,
    achieved: &'static str,
    percent: &'static str,
    year: &'static str,
    allowed: &'static str,
    total: &'static str,
    disbursed: &'static str,
    whole: &'static str,
    half_year: &'static str,
    annual: &'static str,
}

const VI: Words = Words {
    title: "Báo cáo tổng hợp giai đoạn",
    decision: "Văn bản",
    period: "Giai đoạn",
    plans: "Kế hoạch",
    items: "Nội dung và chỉ tiêu",
    budget: "Kinh phí",
    submissions: "Báo cáo đã gửi",
    item: "Nội dung",
    unit: "Đơn vị tính",
    period_target: "Chỉ tiêu giai đoạn",
    planned: "Tổng kế hoạch",
    achieved: "Đạt",
    percent: "Tỷ lệ",
    year: "Năm",
    allowed: "Mức được phép",
    total: "Kinh phí kế hoạch",
    disbursed: "Đã giải ngân",
    whole: "Cả giai đoạn",
    half_year: "Báo cáo 6 tháng",
    annual: "Báo cáo năm",
};

const EN: Words = Words {
    title: "Period roll-up",
    decision: "Document",
    period: "Period",
    plans: "Plans",
    items: "Items and targets",
    budget: "Budget",
    submissions: "Reports sent",
    item: "Item",
    unit: "Unit",
    period_target: "Period target",
    planned: "Planned",
    achieved: "Achieved",
    percent: "Percent",
    year: "Year",
    allowed: "Allowed",
    total: "Plan budget",
    disbursed: "Disbursed",
    whole: "Whole period",
    half_year: "Half-year report",
    annual: "Annual report",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

fn state(lang: Lang, state: SubmissionState) -> &'static str {
    match (lang, state) {
        (Lang::Vi, SubmissionState::OnTime) => "đúng hạn",
        (Lang::Vi, SubmissionState::Late) => "trễ hạn",
        (Lang::Vi, SubmissionState::Missing) => "chưa gửi, đã quá hạn",
        (Lang::Vi, SubmissionState::Pending) => "chưa đến hạn",
        (Lang::Vi, SubmissionState::Unknown) => "chưa rõ (không có tệp tiến độ)",
        (Lang::En, SubmissionState::Unknown) => "unknown (no progress file)",
        (Lang::En, SubmissionState::OnTime) => "on time",
        (Lang::En, SubmissionState::Late) => "late",
        (Lang::En, SubmissionState::Missing) => "missing",
        (Lang::En, SubmissionState::Pending) => "not yet due",
        (_, SubmissionState::NoPlan) => "—",
    }
}

pub fn render_period(
    out: &mut dyn Write,
    report: &PeriodReport,
    sections: &[Section],
    format: ReportFormat,
    lang: Lang,
    terminal: bool,
) -> io::Result<()> {
    match format {
        ReportFormat::Json => json(out, report, sections),
        ReportFormat::Csv => {
            let style = CellStyle { lang, machine: true, bar: None, unit: report.money_unit };
            let grid = sections.first().map_or_else(|| items(report, style), |s| grid(report, *s, style));
            super::csv::write(out, &grid)
        }
        ReportFormat::Markdown => markdown(out, report, sections, lang),
        ReportFormat::Table => table(out, report, sections, lang, terminal),
        ReportFormat::Html => {
            let style = CellStyle { lang: Lang::Vi, machine: false, bar: None, unit: report.money_unit };
            let mut tables: Vec<(&str, Grid)> =
                sections.iter().map(|&s| (title(s, Lang::Vi), grid(report, s, style))).collect();
            if sections.contains(&Section::Budget) && !report.budget.by_source.is_empty() {
                let at = tables.iter().position(|(t, _)| *t == title(Section::Budget, Lang::Vi)).map_or(0, |i| i + 1);
                tables.insert(at, (super::labels::labels(Lang::Vi).by_source, sources(report, style)));
            }
            super::html::render_period_html(out, report, &header(report, Lang::Vi), &tables)
        }
        ReportFormat::Docx | ReportFormat::Xlsx => {
            // Not text: `docx::render_period_docx` and `xlsx::render_period_xlsx` write them.
            Err(io::Error::other("a .docx or .xlsx roll-up is not written here"))
        }
    }
}

fn grid(report: &PeriodReport, section: Section, style: CellStyle) -> Grid {
    match section {
        Section::Progress => items(report, style),
        Section::Budget => budget(report, style),
        Section::Deadlines => submissions(report, style),
    }
}

fn header(report: &PeriodReport, lang: Lang) -> Vec<(String, String)> {
    let w = words(lang);
    let d = &report.decision;
    let decision = super::labels::decision(lang, d.kind, &d.number, d.date.map(|x| fmt::date(lang, x)).as_deref());
    let title = d.title.as_ref().map(|t| format!(" — {t}")).unwrap_or_default();
    let period =
        super::labels::period(lang, crate::report::PeriodKind::AsOf, report.to, None, &fmt::date(lang, report.as_of));
    let plans: Vec<String> = report.plans.iter().map(|p| format!("{} ({})", p.year, p.file)).collect();
    vec![
        (w.decision.to_owned(), format!("{decision}{title}")),
        (w.period.to_owned(), format!("{}–{}, {period}", report.from, report.to)),
        (w.plans.to_owned(), if plans.is_empty() { "—".to_owned() } else { plans.join(", ") }),
    ]
}

fn title(section: Section, lang: Lang) -> &'static str {
    let w = words(lang);
    match section {
        Section::Progress => w.items,
        Section::Budget => w.budget,
        Section::Deadlines => w.submissions,
    }
}

fn table(
    out: &mut dyn Write,
    report: &PeriodReport,
    sections: &[Section],
    lang: Lang,
    terminal: bool,
) -> io::Result<()> {
    writeln!(out, "{}", words(lang).title)?;
    // On a terminal, the header lines wrap at word boundaries to its width.
    let columns = if terminal { comfy_table::Table::new().width().map(usize::from) } else { None };
    for (label, value) in header(report, lang) {
        let line = format!("{label}: {}", crate::escape::terminal(&value));
        writeln!(out, "{}", columns.map_or_else(|| line.clone(), |w| super::table::wrap(&line, w)))?;
    }
    let style = CellStyle { lang, machine: false, bar: None, unit: report.money_unit };
    for &section in sections {
        writeln!(out)?;
        writeln!(out, "{}", title(section, lang))?;
        writeln!(out, "{}", super::table::table(&grid(report, section, style), terminal))?;
        if section == Section::Budget && !report.budget.by_source.is_empty() {
            writeln!(out, "{}", super::labels::labels(lang).by_source)?;
            writeln!(out, "{}", super::table::table(&sources(report, style), terminal))?;
        }
    }
    Ok(())
}

fn markdown(out: &mut dyn Write, report: &PeriodReport, sections: &[Section], lang: Lang) -> io::Result<()> {
    writeln!(out, "# {}", words(lang).title)?;
    writeln!(out)?;
    for (label, value) in header(report, lang) {
        writeln!(out, "- **{label}:** {}", super::markdown::escape(&value))?;
    }
    let style = CellStyle { lang, machine: false, bar: None, unit: report.money_unit };
    for (n, &section) in sections.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "## {}. {}", n + 1, title(section, lang))?;
        writeln!(out)?;
        super::markdown::table(out, &grid(report, section, style))?;
        if section == Section::Budget && !report.budget.by_source.is_empty() {
            writeln!(out)?;
            writeln!(out, "### {}", super::labels::labels(lang).by_source)?;
            writeln!(out)?;
            super::markdown::table(out, &sources(report, style))?;
        }
    }
    Ok(())
}

fn json(out: &mut dyn Write, report: &PeriodReport, sections: &[Section]) -> io::Result<()> {
    let keys = [(Section::Progress, "items"), (Section::Budget, "budget"), (Section::Deadlines, "submissions")];
    let left_out: Vec<&str> = keys.iter().filter(|(s, _)| !sections.contains(s)).map(|(_, k)| *k).collect();
    super::json::write_document(out, FORMAT, report, &left_out)
}

fn number(style: CellStyle, value: Option<rust_decimal::Decimal>) -> String {
    match (value, style.machine) {
        (Some(v), true) => v.normalize().to_string(),
        (Some(v), false) => fmt::number(style.lang, v),
        (None, true) => String::new(),
        (None, false) => "—".to_owned(),
    }
}

fn money(style: CellStyle, value: Option<rust_decimal::Decimal>) -> String {
    match value {
        Some(v) => style.money(v),
        None => number(style, None),
    }
}

fn items(report: &PeriodReport, style: CellStyle) -> Grid {
    let w = words(style.lang);
    let mut headers = vec![w.item.to_owned(), w.unit.to_owned(), w.period_target.to_owned()];
    headers.extend((report.from..=report.to).map(|y| y.to_string()));
    headers.extend([w.planned.to_owned(), w.achieved.to_owned(), w.percent.to_owned()]);
    if style.machine {
        headers.insert(0, "id".to_owned());
    }
    let first = if style.machine { 3 } else { 2 };
    // On a narrow terminal, the years no plan has a target for yet go first (all `—`), then
    // the years added up (which the year columns say again).
    let years = report.to.saturating_sub(report.from).saturating_add(1);
    let years = usize::try_from(years).unwrap_or_default();
    let mut spare: Vec<usize> = (0..years)
        .filter(|&n| report.items.iter().all(|i| i.years.get(n).is_none_or(|y| y.target.is_none())))
        .map(|n| first + 1 + n)
        .collect();
    spare.push(first + 1 + years);
    let mut grid = Grid {
        numeric: (first..headers.len()).collect(),
        wide: Some(first - 2),
        spare: if style.machine { Vec::new() } else { spare },
        headers,
        ..Grid::default()
    };
    for row in &report.items {
        let mut cells = vec![
            row.name.clone(),
            row.unit.clone().unwrap_or_else(|| if style.machine { String::new() } else { "—".to_owned() }),
            match &row.target_text {
                Some(text) if !style.machine && !row.target_rule.is_exact() => text.clone(),
                _ => number(style, row.period_target),
            },
        ];
        cells.extend(row.years.iter().map(|y| number(style, y.target)));
        cells.extend([
            at_least(style, number(style, row.planned), row.planned_partial),
            at_least(style, number(style, row.achieved), row.achieved_partial),
        ]);
        // A share of a least value is itself a least value.
        let percent = if style.machine { number(style, row.percent) } else { fmt::percent(style.lang, row.percent) };
        cells.push(at_least(style, percent, row.achieved_partial));
        if style.machine {
            cells.insert(0, row.item.clone());
        }
        grid.rows.push(cells);
    }
    grid
}

fn budget(report: &PeriodReport, style: CellStyle) -> Grid {
    let w = words(style.lang);
    let mut headers = vec![w.year.to_owned()];
    headers.extend([w.allowed, w.total, w.disbursed].map(|h| style.money_header(h)));
    let mut grid = Grid { headers, numeric: vec![1, 2, 3], wide: None, ..Grid::default() };
    for year in &report.budget.years {
        grid.rows.push(vec![
            year.year.to_string(),
            money(style, year.allowed),
            money(style, year.total),
            money(style, year.disbursed),
        ]);
    }
    let b = &report.budget;
    grid.rows.push(vec![
        w.whole.to_owned(),
        money(style, b.envelope),
        at_least(style, money(style, b.total), b.total_partial),
        at_least(style, money(style, Some(b.disbursed).filter(|_| b.disbursed_known())), b.disbursed_partial),
    ]);
    // For machines, one table: the sources follow the years, by their keys.
    if style.machine {
        grid.rows.extend(sources(report, style).rows);
    }
    grid
}

/// The budget by source over the period: the envelope's split, the plans' split added up,
/// what was paid from each (`—` where no payment says its source, `≥` a least value).
fn sources(report: &PeriodReport, style: CellStyle) -> Grid {
    let w = words(style.lang);
    let l = super::labels::labels(style.lang);
    let mut headers = vec![l.source.to_owned()];
    headers.extend([w.allowed, w.total, w.disbursed].map(|h| style.money_header(h)));
    let mut grid = Grid { headers, numeric: vec![1, 2, 3], wide: Some(0), ..Grid::default() };
    for row in &report.budget.by_source {
        let name = if style.machine {
            row.source.as_str().to_owned()
        } else {
            super::labels::fund_source(style.lang, row.source).to_owned()
        };
        let least = |v: Option<rust_decimal::Decimal>, partial: bool| at_least(style, money(style, v), partial);
        grid.rows.push(vec![
            name,
            money(style, row.envelope),
            least(row.planned, row.planned_partial),
            least(row.disbursed, row.disbursed_partial),
        ]);
    }
    grid
}

/// A sum over years some of which are unknown: a least value, `≥5` for a person (one word:
/// a narrow column must not wrap it).
fn at_least(style: CellStyle, text: String, partial: bool) -> String {
    if partial && !style.machine && text != "—" { format!("≥{text}") } else { text }
}

fn submissions(report: &PeriodReport, style: CellStyle) -> Grid {
    let w = words(style.lang);
    let headers = [w.year, w.half_year, w.annual].map(str::to_owned).to_vec();
    let mut grid = Grid { headers, ..Grid::default() };
    for year in &report.submissions {
        let cell = |s: SubmissionState| {
            if style.machine {
                serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
            } else {
                state(style.lang, s).to_owned()
            }
        };
        grid.rows.push(vec![year.year.to_string(), cell(year.half_year), cell(year.annual)]);
    }
    grid
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::Document;
    use crate::report::{PeriodPlan, build_period_report};
    use crate::workspace::Workspace;

    fn width_of(text: &str) -> usize {
        text.lines().map(|l| l.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).count()).max().unwrap_or(0)
    }

    /// The example's roll-up: five years, three with plans.
    fn example() -> String {
        let ws = Workspace::load(&[std::path::PathBuf::from("examples/nang-suat-chat-luong")]).unwrap();
        let decision = ws
            .files
            .iter()
            .find_map(|f| match &f.doc {
                Some(Document::Decision(d)) => Some(d),
                _ => None,
            })
            .unwrap();
        let plans: Vec<PeriodPlan<'_>> = ws
            .plan_sets()
            .into_iter()
            .map(|s| PeriodPlan { plan: s.plan, progress: s.progress, file: String::new() })
            .collect();
        let as_of = chrono::NaiveDate::from_ymd_opt(2023, 10, 31).unwrap();
        let report = build_period_report(decision, &plans, as_of).unwrap();
        let grid = items(&report, CellStyle { lang: Lang::Vi, machine: false, bar: None, unit: report.money_unit });
        let mut table = comfy_table::Table::new();
        table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
        table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED).force_no_tty();
        super::super::table::lay_out(table, &grid, Some(80))
    }

    #[test]
    fn the_items_fit_80_columns_without_the_years_no_plan_has_yet() {
        let text = example();
        assert!(width_of(&text) <= 80, "{}\n{text}", width_of(&text));
        // 2021–2023 have plans and stay, with the sum; 2024 and 2025 (all `—`) go.
        assert!(text.contains("2021") && text.contains("2023") && text.contains("Tổng kế"), "{text}");
        assert!(!text.contains("2024") && !text.contains("2025"), "{text}");
    }
}
