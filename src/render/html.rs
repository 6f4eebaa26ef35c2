//! `--format html`: one self-contained page — styles and charts inline, no request to
//! anywhere — readable on screen and printable on A4. The charts are SVG drawn here: a few
//! rectangles and lines each, which no chart library would make simpler, and which keep the
//! page free of scripts and of anything fetched.

// Chart geometry: row counts and day counts far below 2^52.
#![allow(clippy::cast_precision_loss)]

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::lang::Lang;
use crate::render::grid::Grid;
use crate::render::{fmt, labels};
use crate::report::{BudgetRow, PeriodReport, Report};

/// Text from the files, safe in HTML text and in attribute values.
pub fn escape(text: &str) -> String {
    crate::escape::html(text)
}

const STYLE: &str = "
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 13pt; color: #000; max-width: 180mm; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 15pt; text-align: center; margin-bottom: 0.2em; }
h2 { font-size: 13.5pt; margin-top: 1.2em; break-after: avoid; }
p.meta { margin: 0.15em 0; }
table { border-collapse: collapse; width: 100%; font-size: 11.5pt; margin: 0.5em 0; }
th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
tr.total td { font-weight: bold; }
tr.group td { font-weight: bold; background: #f6f6f6; }
span.part { display: block; font-size: 10.5pt; padding-left: 0.8em; }
h3 { font-size: 12.5pt; margin: 0.8em 0 0.3em; break-after: avoid; }
figure { margin: 0.6em 0; break-inside: avoid; }
figcaption { font-style: italic; font-size: 11pt; }
svg { width: 100%; height: auto; }
svg text { font-family: inherit; font-size: 13px; }
.bar-target { fill: #ddd; }
.bar-done { fill: #2b6cb0; }
.bar-plan { fill: #ddd; }
.bar-paid { fill: #c05621; }
.axis { stroke: #444; stroke-width: 1; }
.today { stroke: #c53030; stroke-width: 1.5; stroke-dasharray: 4 3; }
.due { fill: #2b6cb0; }
.due-activity { fill: #2f855a; }
";

/// Writes the page.
pub fn render_html(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let lang = Lang::Vi;
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    let _ = writeln!(page, "<title>{}</title>", escape(&report.plan.title));
    let _ = writeln!(page, "<style>{STYLE}</style>\n</head>\n<body>");
    page.push_str("<h1>Báo cáo tình hình thực hiện kế hoạch</h1>\n");
    for (label, value) in super::header_lines(report, lang) {
        let _ = writeln!(page, "<p class=\"meta\"><b>{}:</b> {}</p>", escape(&label), escape(&value));
    }
    if let Some(note) = super::no_progress_note(report, lang) {
        let _ = writeln!(page, "<p class=\"meta\"><i>{}</i></p>", escape(note));
    }
    progress(&mut page, report);
    budget(&mut page, report);
    deadlines(&mut page, report);
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

fn num(value: Option<Decimal>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| fmt::number(Lang::Vi, v))
}

fn progress(page: &mut String, report: &Report) {
    page.push_str("<h2>1. Tiến độ thực hiện</h2>\n");
    let counted: Vec<_> = report.progress.iter().filter(|r| r.target.is_some()).collect();
    if !counted.is_empty() {
        // Bars: the target as a grey bar of full width, what was achieved over it.
        let row_h = 22.0;
        let label_w = 260.0;
        let bar_w = 340.0;
        let height = row_h * counted.len() as f64 + 10.0;
        let _ = writeln!(
            page,
            "<figure><svg viewBox=\"0 0 700 {height}\" role=\"img\" aria-label=\"Tiến độ theo hoạt động\">"
        );
        for (i, row) in counted.iter().enumerate() {
            let y = 5.0 + row_h * i as f64;
            let target = row.target.map_or(0.0, f);
            let share = match row.achieved {
                Some(a) if target > 0.0 => (f(a) / target).clamp(0.0, 1.0),
                _ => 0.0,
            };
            let _ = writeln!(
                page,
                "<text x=\"0\" y=\"{:.1}\">{}</text><rect class=\"bar-target\" x=\"{label_w}\" y=\"{y:.1}\" width=\"{bar_w}\" height=\"14\"/><rect class=\"bar-done\" x=\"{label_w}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"14\"/><text x=\"{:.1}\" y=\"{:.1}\">{} / {} ({} %)</text>",
                y + 11.0,
                escape(&short(&row.name, 42)),
                bar_w * share,
                label_w + bar_w + 6.0,
                y + 11.0,
                num(row.achieved),
                escape(row.target_text.as_deref().unwrap_or("—")),
                num(row.percent),
            );
        }
        page.push_str("</svg><figcaption>Khối lượng đạt được so với chỉ tiêu, theo hoạt động</figcaption></figure>\n");
    }
    page.push_str("<table><thead><tr><th>Mục</th><th>Hoạt động</th><th>Đơn vị tính</th><th>Chỉ tiêu</th><th>Đạt</th><th>Tỷ lệ (%)</th><th>Còn lại</th><th>Tình trạng</th></tr></thead><tbody>\n");
    for row in &report.progress {
        // Breakdown parts under the name, by their display names (an id is not a word).
        let parts: String = row
            .parts
            .iter()
            .filter_map(|p| {
                let name = p.name.as_deref()?;
                Some(format!(
                    "<span class=\"part\">↳ {}: {} / {}</span>",
                    escape(name.trim()),
                    num(p.achieved),
                    num(Some(p.target))
                ))
            })
            .collect();
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}{parts}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            escape(row.section.as_deref().unwrap_or("")),
            escape(row.name.trim()),
            escape(row.unit.as_deref().unwrap_or("—")),
            escape(row.target_text.as_deref().unwrap_or("—")),
            num(row.achieved.filter(|_| row.target.is_some())),
            num(row.percent),
            num(row.remaining),
            escape(labels::status(Lang::Vi, row.status)),
        );
    }
    page.push_str("</tbody></table>\n");
    let rules = super::grid::supports(report, Lang::Vi);
    if !rules.is_empty() {
        page.push_str("<p class=\"meta\"><b>Mức hỗ trợ:</b></p>\n<ul>\n");
        for (_, name, rule) in rules {
            let _ = writeln!(page, "<li>{}: {}</li>", escape(&name), escape(&rule));
        }
        page.push_str("</ul>\n");
    }
    details(page, report);
    tasks(page, report);
}

/// Each result recorded, under its activity: when, how many, the enterprise supported, what.
fn details(page: &mut String, report: &Report) {
    if report.progress.iter().all(|r| r.entries.is_empty()) {
        return;
    }
    page.push_str("<h3>Kết quả chi tiết</h3>\n<table class=\"details\"><thead><tr><th>Mục</th><th>Ngày</th><th>Số lượng</th><th>Doanh nghiệp</th><th>Nội dung</th></tr></thead><tbody>\n");
    for row in report.progress.iter().filter(|r| !r.entries.is_empty()) {
        let _ = writeln!(
            page,
            "<tr class=\"group\"><td>{}</td><td colspan=\"4\">{}</td></tr>",
            escape(row.section.as_deref().unwrap_or("")),
            escape(row.name.trim())
        );
        for entry in &row.entries {
            let part = entry
                .part
                .as_ref()
                .and_then(|p| row.parts.iter().find(|r| &r.part == p))
                .and_then(|r| r.name.as_deref())
                .map(|n| format!(" <span class=\"part\">({})</span>", escape(n.trim())))
                .unwrap_or_default();
            let _ = writeln!(
                page,
                "<tr><td></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}{part}</td></tr>",
                fmt::date(Lang::Vi, entry.date),
                num(Some(entry.quantity)),
                escape(entry.enterprise.as_deref().unwrap_or("—")),
                escape(entry.detail.as_deref().unwrap_or("")),
            );
        }
    }
    page.push_str("</tbody></table>\n");
}

/// The tasks of section III that milestones follow, per unit, with the last milestone.
fn tasks(page: &mut String, report: &Report) {
    let units: Vec<_> =
        report.organisation.responsibilities.iter().filter(|r| r.tasks.iter().any(|t| t.id.is_some())).collect();
    if units.is_empty() {
        return;
    }
    page.push_str("<h3>Nhiệm vụ của các đơn vị</h3>\n<ul class=\"tasks\">\n");
    for unit in units {
        let section = unit.section.as_deref().map(|s| format!("{} ", escape(s.trim()))).unwrap_or_default();
        let _ = writeln!(page, "<li><b>{section}{}</b><ul>", escape(unit.unit.trim()));
        for task in unit.tasks.iter().filter(|t| t.id.is_some()) {
            let state = task.milestone.as_ref().map_or_else(
                || "chưa có mốc".to_owned(),
                |m| {
                    let detail = m.detail.as_ref().map(|d| format!(": {}", escape(d.trim()))).unwrap_or_default();
                    format!("{} {}{detail}", labels::milestone(Lang::Vi, m.status), fmt::date(Lang::Vi, m.date))
                },
            );
            let _ = writeln!(page, "<li>{} — <i>{state}</i></li>", escape(task.text.trim()));
        }
        page.push_str("</ul></li>\n");
    }
    page.push_str("</ul>\n");
}

/// The first `max` characters of a label, with `…` when cut.
fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn budget(page: &mut String, report: &Report) {
    let Some(b) = &report.budget else { return };
    let unit = report.money_unit;
    // In a sentence the unit follows the figure: `491.300.000 đ`, `2.400 triệu đồng`.
    let prose = |v: Decimal| match unit {
        crate::money::Unit::Dong => fmt::money(Lang::Vi, v),
        _ => format!("{} {}", fmt::number(Lang::Vi, unit.of(v)), unit.name()),
    };
    let figure = |v: Option<Decimal>| num(v.map(|v| unit.of(v)));
    page.push_str("<h2>2. Kinh phí</h2>\n");
    let _ = writeln!(
        page,
        "<p class=\"meta\"><b>Tổng kinh phí:</b> {} (bằng chữ: {})</p>",
        escape(&prose(b.total)),
        escape(&b.in_words)
    );
    if let Some(source) = &b.source {
        let _ = writeln!(page, "<p class=\"meta\"><b>Nguồn kinh phí:</b> {}</p>", escape(source));
    }
    match (b.disbursed, b.remaining) {
        (Some(disbursed), Some(remaining)) => {
            let _ = writeln!(
                page,
                "<p class=\"meta\"><b>Đã giải ngân:</b> {} ({} %); <b>còn lại:</b> {}</p>",
                escape(&prose(disbursed)),
                num(b.percent),
                escape(&prose(remaining))
            );
        }
        // Without a progress file: unknown, not 0.
        _ => page.push_str("<p class=\"meta\"><b>Đã giải ngân:</b> chưa có số liệu</p>\n"),
    }
    let head = |first: &str| {
        let unit = caption_unit(unit);
        format!(
            "<table><thead><tr><th>{first}</th><th>Kinh phí{unit}</th><th>Đã giải ngân{unit}</th><th>Còn lại{unit}</th><th>Tỷ lệ (%)</th></tr></thead><tbody>\n"
        )
    };
    if !b.by_source.is_empty() {
        page.push_str(&head("Nguồn kinh phí"));
        for row in &b.by_source {
            let least = if row.disbursed_partial { "≥ " } else { "" };
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{least}{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(row.name),
                figure(row.amount),
                figure(row.disbursed),
                figure(row.remaining),
                num(row.percent)
            );
        }
        page.push_str("</tbody></table>\n");
    }
    for (caption, rows) in [("theo khoản kinh phí", &b.lines), ("theo hoạt động", &b.activities)] {
        if rows.is_empty() {
            continue;
        }
        money_chart(page, report, rows, caption);
        page.push_str(&head("Khoản"));
        for row in rows {
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(&row_name(row, report)),
                figure(row.amount),
                figure(row.disbursed),
                figure(row.remaining),
                num(row.percent)
            );
        }
        let _ = writeln!(
            page,
            "<tr class=\"total\"><td>Tổng cộng</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            figure(Some(b.total)),
            figure(b.disbursed),
            figure(b.remaining),
            num(b.percent)
        );
        page.push_str("</tbody></table>\n");
    }
}

/// ` (triệu đồng)` after a money header or a figure in a larger unit; nothing in đồng.
fn caption_unit(unit: crate::money::Unit) -> String {
    match unit {
        crate::money::Unit::Dong => String::new(),
        _ => format!(" ({})", unit.name()),
    }
}

fn row_name(row: &BudgetRow, report: &Report) -> String {
    super::budget_row_name(row, report)
}

/// Planned (grey) against disbursed (coloured), one pair of bars per row, on one scale.
fn money_chart(page: &mut String, report: &Report, rows: &[BudgetRow], caption: &str) {
    let largest =
        rows.iter().map(|r| f(r.amount.unwrap_or_default().max(r.disbursed.unwrap_or_default()))).fold(0.0, f64::max);
    let unit = report.money_unit;
    if largest <= 0.0 {
        return;
    }
    let row_h = 24.0;
    let label_w = 260.0;
    let bar_w = 300.0;
    let height = row_h * rows.len() as f64 + 10.0;
    let _ =
        writeln!(page, "<figure><svg viewBox=\"0 0 700 {height}\" role=\"img\" aria-label=\"Giải ngân {caption}\">");
    for (i, row) in rows.iter().enumerate() {
        let y = 5.0 + row_h * i as f64;
        let plan = row.amount.map_or(0.0, f) / largest * bar_w;
        let paid = row.disbursed.map_or(0.0, f) / largest * bar_w;
        let _ = writeln!(
            page,
            "<text x=\"0\" y=\"{:.1}\">{}</text><rect class=\"bar-plan\" x=\"{label_w}\" y=\"{y:.1}\" width=\"{plan:.1}\" height=\"9\"/><rect class=\"bar-paid\" x=\"{label_w}\" y=\"{:.1}\" width=\"{paid:.1}\" height=\"9\"/><text x=\"{:.1}\" y=\"{:.1}\">{} / {}</text>",
            y + 12.0,
            escape(&short(&row_name(row, report), 42)),
            y + 9.0,
            label_w + bar_w + 6.0,
            y + 12.0,
            num(row.disbursed.map(|v| unit.of(v))),
            num(row.amount.map(|v| unit.of(v))),
        );
    }
    let _ =
        writeln!(page, "</svg><figcaption>Đã giải ngân (cam) so với kinh phí (xám), {caption}</figcaption></figure>");
}

fn deadlines(page: &mut String, report: &Report) {
    page.push_str("<h2>3. Thời hạn</h2>\n");
    timeline(page, report);
    page.push_str("<table><thead><tr><th>Báo cáo</th><th>Gửi trước</th><th>Hạn chót</th><th>Số liệu đến</th><th>Đã gửi</th><th>Tình trạng</th></tr></thead><tbody>\n");
    for row in &report.deadlines.reports {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            escape(labels::report_kind(Lang::Vi, row.report)),
            fmt::date(Lang::Vi, row.due_before),
            fmt::date(Lang::Vi, row.last_day),
            fmt::date(Lang::Vi, row.cut_off),
            row.sent.map_or_else(|| "—".to_owned(), |d| fmt::date(Lang::Vi, d)),
            escape(labels::deadline_state(Lang::Vi, row.state)),
        );
    }
    for due in &report.deadlines.activities {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td class=\"n\">{}</td><td></td><td></td><td></td><td>{}</td></tr>",
            escape(due.name.trim()),
            fmt::date(Lang::Vi, due.due),
            escape(labels::status(Lang::Vi, due.status)),
        );
    }
    page.push_str("</tbody></table>\n");
}

/// The year's data window as an axis; the reports' last days and the activities' due dates
/// as marks on it; the as-of date as a dashed line.
fn timeline(page: &mut String, report: &Report) {
    let mut marks: Vec<(NaiveDate, String, &str)> = report
        .deadlines
        .reports
        .iter()
        .map(|r| (r.last_day, labels::report_kind(Lang::Vi, r.report).to_owned(), "due"))
        .collect();
    marks.extend(report.deadlines.activities.iter().map(|a| (a.due, short(&a.name, 28), "due-activity")));
    let start = report.data.from;
    let end = marks.iter().map(|m| m.0).chain([report.as_of, report.data.to]).max().unwrap_or(report.data.to);
    let span = (end - start).num_days().max(1) as f64;
    let (left, width) = (20.0, 640.0);
    let x = |d: NaiveDate| left + width * ((d - start).num_days() as f64 / span).clamp(0.0, 1.0);
    let height = 60.0 + 16.0 * marks.len() as f64;
    let _ = writeln!(page, "<figure><svg viewBox=\"0 0 700 {height}\" role=\"img\" aria-label=\"Các mốc thời hạn\">");
    let _ = writeln!(page, "<line class=\"axis\" x1=\"{left}\" y1=\"30\" x2=\"{}\" y2=\"30\"/>", left + width);
    let _ = writeln!(
        page,
        "<text x=\"{left}\" y=\"20\">{}</text><text x=\"{}\" y=\"20\" text-anchor=\"end\">{}</text>",
        fmt::date(Lang::Vi, start),
        left + width,
        fmt::date(Lang::Vi, end)
    );
    let today = x(report.as_of);
    // The label stays inside the chart: to the left of the line near the right edge.
    let today_anchor = if today > left + width * 0.6 { "end" } else { "start" };
    let _ = writeln!(
        page,
        "<line class=\"today\" x1=\"{today:.1}\" y1=\"22\" x2=\"{today:.1}\" y2=\"{:.1}\"/><text x=\"{today:.1}\" y=\"{:.1}\" text-anchor=\"{today_anchor}\">số liệu đến {}</text>",
        height - 14.0,
        height - 3.0,
        fmt::date(Lang::Vi, report.as_of)
    );
    marks.sort_by_key(|m| m.0);
    for (i, (day, name, class)) in marks.iter().enumerate() {
        let at = x(*day);
        let y = 46.0 + 16.0 * i as f64;
        let anchor = if at > left + width * 0.6 { "end" } else { "start" };
        let dx = if anchor == "end" { -8.0 } else { 8.0 };
        let _ = writeln!(
            page,
            "<circle class=\"{class}\" cx=\"{at:.1}\" cy=\"30\" r=\"4\"/><line class=\"axis\" x1=\"{at:.1}\" y1=\"34\" x2=\"{at:.1}\" y2=\"{:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{} — {}</text>",
            y - 4.0,
            at + dx,
            y,
            escape(name),
            fmt::date(Lang::Vi, *day)
        );
    }
    page.push_str("</svg><figcaption>Hạn chót của các báo cáo (xanh) và hạn của các hoạt động (lục); đường đứt: ngày số liệu</figcaption></figure>\n");
}

/// The period roll-up: its header lines, two year-by-year charts (each year's budget:
/// allowed, planned, disbursed; each item: achieved against the period target), then its
/// tables as the other formats lay them out.
pub fn render_period_html(
    out: &mut dyn Write,
    report: &PeriodReport,
    header: &[(String, String)],
    tables: &[(&str, Grid)],
) -> io::Result<()> {
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    let _ = writeln!(page, "<title>{}</title>", escape(&report.decision.number));
    let _ = writeln!(page, "<style>{STYLE}</style>\n</head>\n<body>");
    page.push_str("<h1>Báo cáo tổng hợp cả giai đoạn</h1>\n");
    for (label, value) in header {
        let _ = writeln!(page, "<p class=\"meta\"><b>{}:</b> {}</p>", escape(label), escape(value));
    }
    years_chart(&mut page, report);
    items_chart(&mut page, report);
    for (n, (title, grid)) in tables.iter().enumerate() {
        let _ = writeln!(page, "<h2>{}. {}</h2>", n + 1, escape(title));
        page.push_str("<table><thead><tr>");
        for h in &grid.headers {
            let _ = write!(page, "<th>{}</th>", escape(h));
        }
        page.push_str("</tr></thead><tbody>\n");
        for row in &grid.rows {
            page.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                let class = if grid.numeric.contains(&i) { " class=\"n\"" } else { "" };
                let _ = write!(page, "<td{class}>{}</td>", escape(cell));
            }
            page.push_str("</tr>\n");
        }
        page.push_str("</tbody></table>\n");
    }
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

/// Per year: the decision's allowance (outline), the plan's total (grey), what was paid
/// (coloured), on one scale.
fn years_chart(page: &mut String, report: &PeriodReport) {
    let years = &report.budget.years;
    let largest = years
        .iter()
        .map(|y| f(y.allowed.unwrap_or_default().max(y.total.unwrap_or_default()).max(y.disbursed.unwrap_or_default())))
        .fold(0.0, f64::max);
    if years.is_empty() || largest <= 0.0 {
        return;
    }
    let (height, base, slot) = (220.0, 190.0, 640.0 / years.len() as f64);
    let _ = writeln!(page, "<figure><svg viewBox=\"0 0 700 {height}\" role=\"img\" aria-label=\"Kinh phí theo năm\">");
    let _ = writeln!(page, "<line class=\"axis\" x1=\"40\" y1=\"{base}\" x2=\"690\" y2=\"{base}\"/>");
    for (i, y) in years.iter().enumerate() {
        let x0 = 50.0 + slot * i as f64;
        let bar = (slot - 20.0) / 3.0;
        let h = |v: Option<Decimal>| v.map_or(0.0, f) / largest * 160.0;
        let (a, t, d) = (h(y.allowed), h(y.total), h(y.disbursed));
        let _ = writeln!(
            page,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{a:.1}\" fill=\"none\" stroke=\"#444\"/><rect class=\"bar-plan\" x=\"{:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{t:.1}\"/><rect class=\"bar-paid\" x=\"{:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{d:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            base - a,
            x0 + bar,
            base - t,
            x0 + 2.0 * bar,
            base - d,
            x0 + 1.5 * bar,
            base + 16.0,
            y.year,
            x0 + 1.5 * bar,
            base - a.max(t).max(d) - 4.0,
            num(y.disbursed),
        );
    }
    page.push_str("</svg><figcaption>Kinh phí theo năm: được phép (khung), kế hoạch (xám), đã giải ngân (cam; số ghi trên cột)</figcaption></figure>\n");
}

/// Per item with a period target: what the years achieved, against it.
fn items_chart(page: &mut String, report: &PeriodReport) {
    let items: Vec<_> = report.items.iter().filter(|i| i.period_target.is_some()).collect();
    if items.is_empty() {
        return;
    }
    // The figures beside a bar may be a target as it is meant ("46 / khoảng 65 (±5 %)"): room for them.
    let (row_h, label_w, bar_w) = (22.0, 260.0, 280.0);
    let height = row_h * items.len() as f64 + 10.0;
    let _ =
        writeln!(page, "<figure><svg viewBox=\"0 0 700 {height}\" role=\"img\" aria-label=\"Chỉ tiêu cả giai đoạn\">");
    for (i, item) in items.iter().enumerate() {
        let y = 5.0 + row_h * i as f64;
        let target = item.period_target.map_or(0.0, f);
        let share = match item.achieved {
            Some(a) if target > 0.0 => (f(a) / target).clamp(0.0, 1.0),
            _ => 0.0,
        };
        let _ = writeln!(
            page,
            "<text x=\"0\" y=\"{:.1}\">{}</text><rect class=\"bar-target\" x=\"{label_w}\" y=\"{y:.1}\" width=\"{bar_w}\" height=\"14\"/><rect class=\"bar-done\" x=\"{label_w}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"14\"/><text x=\"{:.1}\" y=\"{:.1}\">{} / {}</text>",
            y + 11.0,
            escape(&short(&item.name, 42)),
            bar_w * share,
            label_w + bar_w + 6.0,
            y + 11.0,
            num(item.achieved),
            escape(item.target_text.as_deref().unwrap_or("—")),
        );
    }
    page.push_str(
        "</svg><figcaption>Khối lượng đạt được cả giai đoạn so với chỉ tiêu của quyết định</figcaption></figure>\n",
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_escaped() {
        assert_eq!(super::escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(super::short("abcdef", 4), "abc…");
    }
}
