//! `--format xlsx`: the report as an Excel workbook, one sheet per section and the budget
//! appendix (phụ lục), in Vietnamese. Figures are numbers, dates are dates, percentages are
//! percentages; totals are formulas whose cached values are the report's own figures, so a
//! reader that does not calculate (and Excel before it recalculates) shows the same đồng.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use crate::lang::Lang;
use crate::render::{fmt, labels};
use crate::report::{BudgetRow, PeriodReport, Report, SubmissionState};

/// `#,##0` in the file: Excel shows it with the separators of the reader's locale, so
/// `1.105.215.000` on a Vietnamese Windows machine (the file format has no other way to say
/// "group with dots"; a literal `#.##0` would mean a decimal point).
const NUMBER: &str = "#,##0";
const DECIMAL: &str = "#,##0.##";
const PERCENT: &str = "0.0%";
const DATE: &str = "dd/mm/yyyy";

struct Looks {
    title: Format,
    header: Format,
    text: Format,
    number: Format,
    decimal: Format,
    percent: Format,
    date: Format,
    total_text: Format,
    total_number: Format,
    total_decimal: Format,
    total_percent: Format,
}

impl Looks {
    fn new() -> Self {
        let cell = || Format::new().set_font_name("Times New Roman").set_font_size(12).set_border(FormatBorder::Thin);
        Self {
            title: Format::new().set_font_name("Times New Roman").set_font_size(13).set_bold(),
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: cell().set_text_wrap().set_align(FormatAlign::VerticalCenter),
            number: cell().set_num_format(NUMBER).set_align(FormatAlign::VerticalCenter),
            decimal: cell().set_num_format(DECIMAL).set_align(FormatAlign::VerticalCenter),
            percent: cell().set_num_format(PERCENT).set_align(FormatAlign::VerticalCenter),
            date: cell().set_num_format(DATE).set_align(FormatAlign::VerticalCenter),
            total_text: cell().set_bold(),
            total_number: cell().set_bold().set_num_format(NUMBER),
            total_decimal: cell().set_bold().set_num_format(DECIMAL),
            total_percent: cell().set_bold().set_num_format(PERCENT),
        }
    }
}

/// The row of the column headers on every sheet (0-based); rows above it name the report.
pub const HEADER_ROW: u32 = 3;

/// Writes the workbook.
pub fn render_xlsx(report: &Report) -> anyhow::Result<Vec<u8>> {
    let looks = Looks::new();
    let mut book = Workbook::new();
    // A fixed creation time: the same report gives the same bytes.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created).set_title(report.plan.title.as_str()));
    progress_sheet(book.add_worksheet(), report, &looks)?;
    if report.progress.iter().any(|r| !r.entries.is_empty()) {
        details_sheet(book.add_worksheet(), report, &looks)?;
    }
    if let Some(budget) = &report.budget {
        let sheet = book.add_worksheet();
        sheet.set_name("Kinh phí")?;
        let unit = report.money_unit.name();
        head(sheet, report, &format!("Kinh phí theo hoạt động ({unit})"), &looks)?;
        budget_table(sheet, &budget.activities, budget, report, "Hoạt động", &looks)?;
        let sheet = book.add_worksheet();
        sheet.set_name("Phụ lục kinh phí")?;
        head(sheet, report, &format!("Phụ lục: kinh phí theo khoản ({unit})"), &looks)?;
        budget_table(sheet, &budget.lines, budget, report, "Khoản", &looks)?;
        if !budget.by_source.is_empty() {
            let sheet = book.add_worksheet();
            sheet.set_name("Phụ lục nguồn kinh phí")?;
            head(sheet, report, &format!("Phụ lục: kinh phí theo nguồn ({unit})"), &looks)?;
            sources_table(sheet, budget, report.money_unit, &looks)?;
        }
    }
    deadlines_sheet(book.add_worksheet(), report, &looks)?;
    if report.organisation.responsibilities.iter().any(|r| r.tasks.iter().any(|t| t.id.is_some())) {
        tasks_sheet(book.add_worksheet(), report, &looks)?;
    }
    Ok(book.save_to_buffer()?)
}

/// Each result recorded, one row each (the activity repeated, for filtering): when, how
/// many, which part by its name, the enterprise supported, what.
fn details_sheet(sheet: &mut Worksheet, report: &Report, looks: &Looks) -> Result<(), XlsxError> {
    sheet.set_name("Kết quả chi tiết")?;
    head(sheet, report, "Kết quả chi tiết", looks)?;
    headers(
        sheet,
        &[
            ("STT", 5.0),
            ("Mục", 8.0),
            ("Hoạt động", 45.0),
            ("Ngày", 12.0),
            ("Số lượng", 9.0),
            ("Phần", 22.0),
            ("Doanh nghiệp", 32.0),
            ("Nội dung", 45.0),
        ],
        looks,
    )?;
    let entries = report.progress.iter().flat_map(|row| row.entries.iter().map(move |e| (row, e)));
    for (n, (row, entry)) in (HEADER_ROW + 1..).zip(entries) {
        sheet.write_number_with_format(n, 0, f64::from(n - HEADER_ROW), &looks.number)?;
        sheet.write_string_with_format(n, 1, row.section.as_deref().unwrap_or(""), &looks.text)?;
        sheet.write_string_with_format(n, 2, row.name.trim(), &looks.text)?;
        write_date(sheet, n, 3, Some(entry.date), looks)?;
        write_decimal(sheet, n, 4, Some(entry.quantity), looks)?;
        let part = entry
            .part
            .as_ref()
            .and_then(|p| row.parts.iter().find(|r| &r.part == p))
            .and_then(|r| r.name.as_deref())
            .unwrap_or("");
        sheet.write_string_with_format(n, 5, part.trim(), &looks.text)?;
        sheet.write_string_with_format(n, 6, entry.enterprise.as_deref().unwrap_or(""), &looks.text)?;
        sheet.write_string_with_format(n, 7, entry.detail.as_deref().unwrap_or(""), &looks.text)?;
    }
    Ok(())
}

/// The tasks of section III that milestones follow: the unit, the task, its last milestone.
fn tasks_sheet(sheet: &mut Worksheet, report: &Report, looks: &Looks) -> Result<(), XlsxError> {
    sheet.set_name("Nhiệm vụ các đơn vị")?;
    head(sheet, report, "Nhiệm vụ của các đơn vị (tổ chức thực hiện)", looks)?;
    headers(
        sheet,
        &[("Mục", 8.0), ("Đơn vị", 30.0), ("Nhiệm vụ", 55.0), ("Ngày", 12.0), ("Tình trạng", 14.0), ("Nội dung", 40.0)],
        looks,
    )?;
    let tasks = report
        .organisation
        .responsibilities
        .iter()
        .flat_map(|r| r.tasks.iter().filter(|t| t.id.is_some()).map(move |t| (r, t)));
    for (n, (unit, task)) in (HEADER_ROW + 1..).zip(tasks) {
        sheet.write_string_with_format(n, 0, unit.section.as_deref().unwrap_or(""), &looks.text)?;
        sheet.write_string_with_format(n, 1, unit.unit.trim(), &looks.text)?;
        sheet.write_string_with_format(n, 2, task.text.trim(), &looks.text)?;
        let m = task.milestone.as_ref();
        write_date(sheet, n, 3, m.map(|m| m.date), looks)?;
        let state = m.map_or("chưa có mốc", |m| labels::milestone(Lang::Vi, m.status));
        sheet.write_string_with_format(n, 4, state, &looks.text)?;
        sheet.write_string_with_format(n, 5, m.and_then(|m| m.detail.as_deref()).unwrap_or(""), &looks.text)?;
    }
    Ok(())
}

/// The rows above the headers: the plan, the period; A4 landscape, fitted to the width.
fn head(sheet: &mut Worksheet, report: &Report, what: &str, looks: &Looks) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, what, &looks.title)?;
    sheet.write_string(1, 0, report.plan.title.as_str())?;
    let from = fmt::date(Lang::Vi, report.data.from);
    let period =
        labels::period(Lang::Vi, report.period, report.plan.year, Some(&from), &fmt::date(Lang::Vi, report.as_of));
    sheet.write_string(2, 0, period.as_str())?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_paper_size(9); // A4
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    Ok(())
}

fn headers(sheet: &mut Worksheet, names: &[(&str, f64)], looks: &Looks) -> Result<(), XlsxError> {
    for (col, (name, width)) in (0u16..).zip(names) {
        sheet.write_string_with_format(HEADER_ROW, col, *name, &looks.header)?;
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

fn write_decimal(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Decimal>,
    looks: &Looks,
) -> Result<(), XlsxError> {
    match value {
        Some(v) if v.fract().is_zero() => sheet.write_number_with_format(row, col, number(v), &looks.number)?,
        Some(v) => sheet.write_number_with_format(row, col, number(v), &looks.decimal)?,
        None => sheet.write_blank(row, col, &looks.text)?,
    };
    Ok(())
}

/// A percentage as Excel keeps one: 66,7 % is 0,667.
fn write_percent(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Decimal>,
    looks: &Looks,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => sheet.write_number_with_format(row, col, number(v) / 100.0, &looks.percent)?,
        None => sheet.write_blank(row, col, &looks.text)?,
    };
    Ok(())
}

fn write_date(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<NaiveDate>,
    looks: &Looks,
) -> Result<(), XlsxError> {
    match value {
        Some(d) => {
            let day = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or_default(),
                u8::try_from(d.month()).unwrap_or_default(),
                u8::try_from(d.day()).unwrap_or_default(),
            )?;
            sheet.write_datetime_with_format(row, col, &day, &looks.date)?;
        }
        None => {
            sheet.write_blank(row, col, &looks.text)?;
        }
    }
    Ok(())
}

fn progress_sheet(sheet: &mut Worksheet, report: &Report, looks: &Looks) -> Result<(), XlsxError> {
    sheet.set_name("Tiến độ")?;
    head(sheet, report, "Tiến độ thực hiện", looks)?;
    headers(
        sheet,
        &[
            ("STT", 5.0),
            ("Mục", 8.0),
            ("Hoạt động", 60.0),
            ("Đơn vị tính", 12.0),
            ("Chỉ tiêu", 10.0),
            ("Đạt", 10.0),
            ("Tỷ lệ", 9.0),
            ("Còn lại", 10.0),
            ("Tình trạng", 18.0),
        ],
        looks,
    )?;
    for (n, row) in (HEADER_ROW + 1..).zip(&report.progress) {
        sheet.write_number_with_format(n, 0, f64::from(n - HEADER_ROW), &looks.number)?;
        sheet.write_string_with_format(n, 1, row.section.as_deref().unwrap_or(""), &looks.text)?;
        sheet.write_string_with_format(n, 2, row.name.trim(), &looks.text)?;
        sheet.write_string_with_format(n, 3, row.unit.as_deref().unwrap_or(""), &looks.text)?;
        match &row.target_text {
            Some(text) if !row.target_rule.is_exact() => {
                sheet.write_string_with_format(n, 4, text, &looks.text)?;
            }
            _ => write_decimal(sheet, n, 4, row.target, looks)?,
        }
        write_decimal(sheet, n, 5, row.target.and(row.achieved), looks)?;
        write_percent(sheet, n, 6, row.percent, looks)?;
        write_decimal(sheet, n, 7, row.remaining, looks)?;
        sheet.write_string_with_format(n, 8, labels::status(Lang::Vi, row.status), &looks.text)?;
    }
    support_column(sheet, report, looks)
}

/// When a decision item sets a support rule: a column of them, the cap in the report's
/// unit (`hỗ trợ 50 %, tối đa 65 triệu đồng/hệ thống (Nghị quyết …)`).
fn support_column(sheet: &mut Worksheet, report: &Report, looks: &Looks) -> Result<(), XlsxError> {
    let rules = crate::render::grid::supports(report, Lang::Vi);
    if rules.is_empty() {
        return Ok(());
    }
    sheet.write_string_with_format(HEADER_ROW, 9, "Mức hỗ trợ", &looks.header)?;
    sheet.set_column_width(9, 40.0)?;
    for (n, row) in (HEADER_ROW + 1..).zip(&report.progress) {
        let rule = rules.iter().find(|(id, _, _)| *id == row.activity).map(|(_, _, r)| r.as_str());
        sheet.write_string_with_format(n, 9, rule.unwrap_or(""), &looks.text)?;
    }
    Ok(())
}

/// The rows of one budget table, then the total: `SUM` formulas over the rows, cached with
/// the report's totals.
fn budget_table(
    sheet: &mut Worksheet,
    rows: &[BudgetRow],
    budget: &crate::report::BudgetSection,
    report: &Report,
    first: &str,
    looks: &Looks,
) -> Result<(), XlsxError> {
    headers(
        sheet,
        &[(first, 55.0), ("Kinh phí", 16.0), ("Đã giải ngân", 16.0), ("Còn lại", 16.0), ("Tỷ lệ", 9.0)],
        looks,
    )?;
    let start = HEADER_ROW + 1;
    for (n, row) in (start..).zip(rows) {
        let name = if row.unallocated && first == "Hoạt động" {
            "Không thuộc hoạt động nào".to_owned()
        } else {
            row_name(row, report)
        };
        sheet.write_string_with_format(n, 0, name.as_str(), &looks.text)?;
        let unit = report.money_unit;
        write_decimal(sheet, n, 1, row.amount.map(|v| unit.of(v)), looks)?;
        write_decimal(sheet, n, 2, row.disbursed.map(|v| unit.of(v)), looks)?;
        write_decimal(sheet, n, 3, row.remaining.map(|v| unit.of(v)), looks)?;
        write_percent(sheet, n, 4, row.percent, looks)?;
    }
    let total = start + u32::try_from(rows.len()).unwrap_or_default();
    sheet.write_string_with_format(total, 0, "Tổng cộng", &looks.total_text)?;
    let unit = report.money_unit;
    let figures = [Some(budget.total), budget.disbursed, budget.remaining].map(|v| v.map(|v| unit.of(v)));
    let sums = [
        rows.iter().filter_map(|r| r.amount).sum::<Decimal>(),
        rows.iter().filter_map(|r| r.disbursed).sum::<Decimal>(),
        rows.iter().filter_map(|r| r.remaining).sum::<Decimal>(),
    ]
    .map(|v| unit.of(v));
    for (col, ((letter, value), sum)) in (1u16..).zip(["B", "C", "D"].iter().zip(figures).zip(sums)) {
        // A formula only where the rows add up to the report's figure: a cached value that
        // Excel would recalculate to another number would be worse than a plain number.
        // Unknown (no progress file): blank, not 0.
        let Some(value) = value else {
            sheet.write_blank(total, col, &looks.total_number)?;
            continue;
        };
        let format = if value.fract().is_zero() { &looks.total_number } else { &looks.total_decimal };
        if rows.is_empty() || sum != value {
            sheet.write_number_with_format(total, col, number(value), format)?;
        } else {
            let formula = Formula::new(format!("=SUM({letter}{}:{letter}{})", start + 1, total))
                .set_result(value.normalize().to_string());
            sheet.write_formula_with_format(total, col, formula, format)?;
        }
    }
    match budget.percent {
        Some(p) => {
            let formula = Formula::new(format!("=IF(B{0}=0,\"\",C{0}/B{0})", total + 1))
                .set_result((number(p) / 100.0).to_string());
            sheet.write_formula_with_format(total, 4, formula, &looks.total_percent)?;
        }
        None => {
            sheet.write_blank(total, 4, &looks.total_percent)?;
        }
    }
    let words = total + 2;
    sheet.write_string(words, 0, format!("Bằng chữ: {}", budget.in_words.trim()).as_str())?;
    if let Some(source) = &budget.source {
        sheet.write_string(words + 1, 0, format!("Nguồn kinh phí: {source}").as_str())?;
    }
    Ok(())
}

/// The appendix by source of funds: what the plan gives each source, what was paid from
/// it (blank where no payment says its source; a least value is marked in a note), what
/// remains, in `unit`.
fn sources_table(
    sheet: &mut Worksheet,
    budget: &crate::report::BudgetSection,
    unit: crate::money::Unit,
    looks: &Looks,
) -> Result<(), XlsxError> {
    headers(
        sheet,
        &[("Nguồn kinh phí", 40.0), ("Kinh phí", 16.0), ("Đã giải ngân", 16.0), ("Còn lại", 16.0), ("Tỷ lệ", 9.0)],
        looks,
    )?;
    let start = HEADER_ROW + 1;
    for (n, row) in (start..).zip(&budget.by_source) {
        sheet.write_string_with_format(n, 0, row.name, &looks.text)?;
        write_decimal(sheet, n, 1, row.amount.map(|v| unit.of(v)), looks)?;
        if row.disbursed_partial {
            let least = row.disbursed.map(|v| format!("≥ {}", crate::money::format_vi(&unit.of(v))));
            sheet.write_string_with_format(n, 2, least.unwrap_or_default().as_str(), &looks.text)?;
        } else {
            write_decimal(sheet, n, 2, row.disbursed.map(|v| unit.of(v)), looks)?;
        }
        write_decimal(sheet, n, 3, row.remaining.map(|v| unit.of(v)), looks)?;
        write_percent(sheet, n, 4, row.percent, looks)?;
    }
    let note = start + u32::try_from(budget.by_source.len()).unwrap_or_default() + 1;
    sheet.write_string(
        note,
        0,
        "Ô trống: chưa có số liệu (không khoản chi nào ghi nguồn); ≥: chỉ một số khoản chi ghi nguồn.",
    )?;
    Ok(())
}

fn row_name(row: &BudgetRow, report: &Report) -> String {
    super::budget_row_name(row, report)
}

fn deadlines_sheet(sheet: &mut Worksheet, report: &Report, looks: &Looks) -> Result<(), XlsxError> {
    sheet.set_name("Thời hạn")?;
    head(sheet, report, "Thời hạn báo cáo", looks)?;
    headers(
        sheet,
        &[
            ("Báo cáo", 18.0),
            ("Gửi trước", 12.0),
            ("Hạn chót", 12.0),
            ("Số liệu đến", 12.0),
            ("Ngày làm việc", 10.0),
            ("Đã gửi", 12.0),
            ("Số", 14.0),
            ("Tình trạng", 16.0),
        ],
        looks,
    )?;
    let mut n = HEADER_ROW + 1;
    for row in &report.deadlines.reports {
        sheet.write_string_with_format(n, 0, labels::report_kind(Lang::Vi, row.report), &looks.text)?;
        write_date(sheet, n, 1, Some(row.due_before), looks)?;
        write_date(sheet, n, 2, Some(row.last_day), looks)?;
        write_date(sheet, n, 3, Some(row.cut_off), looks)?;
        #[allow(clippy::cast_precision_loss)] // a number of days
        sheet.write_number_with_format(n, 4, row.working_days as f64, &looks.number)?;
        write_date(sheet, n, 5, row.sent, looks)?;
        sheet.write_string_with_format(n, 6, row.sent_number.as_deref().unwrap_or(""), &looks.text)?;
        sheet.write_string_with_format(n, 7, labels::deadline_state(Lang::Vi, row.state), &looks.text)?;
        n += 1;
    }
    if !report.deadlines.activities.is_empty() {
        n += 1;
        for (col, name) in (0u16..).zip(["Hoạt động", "Hạn", "Tình trạng"]) {
            sheet.write_string_with_format(n, col, name, &looks.header)?;
        }
        for due in &report.deadlines.activities {
            n += 1;
            sheet.write_string_with_format(n, 0, due.name.trim(), &looks.text)?;
            write_date(sheet, n, 1, Some(due.due), looks)?;
            sheet.write_string_with_format(n, 2, labels::status(Lang::Vi, due.status), &looks.text)?;
        }
    }
    Ok(())
}

/// Writes the workbook of a decision's period roll-up: the items with each year's target,
/// the budget per year, the reports sent.
pub fn render_period_xlsx(report: &PeriodReport) -> anyhow::Result<Vec<u8>> {
    let looks = Looks::new();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let title = format!("Quyết định {}", report.decision.number);
    book.set_properties(&DocProperties::new().set_creation_datetime(&created).set_title(title.as_str()));
    period_items_sheet(book.add_worksheet(), report, &looks)?;
    period_budget_sheet(book.add_worksheet(), report, &looks)?;
    submissions_sheet(book.add_worksheet(), report, &looks)?;
    Ok(book.save_to_buffer()?)
}

/// The rows above the headers of a roll-up sheet: what it is, the decision, the period.
fn period_head(sheet: &mut Worksheet, report: &PeriodReport, what: &str, looks: &Looks) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, what, &looks.title)?;
    let d = &report.decision;
    let decision = labels::decision(Lang::Vi, d.kind, &d.number, d.date.map(|x| fmt::date(Lang::Vi, x)).as_deref());
    let title = d.title.as_ref().map(|t| format!(" — {t}")).unwrap_or_default();
    sheet.write_string(1, 0, format!("{decision}{title}").as_str())?;
    let period =
        format!("Giai đoạn {} - {}, số liệu đến ngày {}", report.from, report.to, fmt::date(Lang::Vi, report.as_of));
    sheet.write_string(2, 0, period.as_str())?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    Ok(())
}

/// A column's letter (0 → A; the roll-up has far fewer than 26 columns).
fn letter(col: u16) -> String {
    char::from_u32(u32::from(b'A') + u32::from(col)).map_or_else(String::new, String::from)
}

fn period_items_sheet(sheet: &mut Worksheet, report: &PeriodReport, looks: &Looks) -> Result<(), XlsxError> {
    sheet.set_name("Chỉ tiêu")?;
    period_head(sheet, report, "Chỉ tiêu giai đoạn và kết quả thực hiện", looks)?;
    let years: Vec<String> = (report.from..=report.to).map(|y| format!("Năm {y}")).collect();
    let mut names: Vec<(&str, f64)> = vec![("Nội dung", 55.0), ("Đơn vị tính", 12.0), ("Chỉ tiêu giai đoạn", 11.0)];
    names.extend(years.iter().map(|y| (y.as_str(), 9.0)));
    names.extend([("Tổng các năm", 10.0), ("Đạt", 9.0), ("Tỷ lệ", 9.0)]);
    headers(sheet, &names, looks)?;
    let first_year: u16 = 3;
    let count = u16::try_from(years.len()).unwrap_or_default();
    let planned_col = first_year + count;
    for (n, item) in (HEADER_ROW + 1..).zip(&report.items) {
        sheet.write_string_with_format(n, 0, item.name.trim(), &looks.text)?;
        sheet.write_string_with_format(n, 1, item.unit.as_deref().unwrap_or(""), &looks.text)?;
        match &item.target_text {
            // A minimum, an approximate or a range target is written as the document means it.
            Some(text) if !item.target_rule.is_exact() => {
                sheet.write_string_with_format(n, 2, text, &looks.text)?;
            }
            _ => write_decimal(sheet, n, 2, item.period_target, looks)?,
        }
        for (col, year) in (first_year..).zip(&item.years) {
            write_decimal(sheet, n, col, year.target, looks)?;
        }
        // The years added up, as a formula over the year columns, cached with the figure.
        match item.planned {
            // A level's planned figure is its latest year's, not the sum of the years.
            Some(planned) if count > 0 && !item.level => {
                let formula = Formula::new(format!(
                    "=SUM({}{row}:{}{row})",
                    letter(first_year),
                    letter(planned_col - 1),
                    row = n + 1
                ))
                .set_result(planned.normalize().to_string());
                let format = if planned.fract().is_zero() { &looks.number } else { &looks.decimal };
                sheet.write_formula_with_format(n, planned_col, formula, format)?;
            }
            _ => write_decimal(sheet, n, planned_col, item.planned, looks)?,
        }
        write_decimal(sheet, n, planned_col + 1, item.achieved, looks)?;
        write_percent(sheet, n, planned_col + 2, item.percent, looks)?;
    }
    Ok(())
}

fn period_budget_sheet(sheet: &mut Worksheet, report: &PeriodReport, looks: &Looks) -> Result<(), XlsxError> {
    let unit = report.money_unit;
    let u = |v: Option<Decimal>| v.map(|v| unit.of(v));
    sheet.set_name("Kinh phí theo năm")?;
    period_head(sheet, report, &format!("Kinh phí theo năm ({})", unit.name()), looks)?;
    headers(
        sheet,
        &[("Năm", 14.0), ("Mức được phép", 18.0), ("Kinh phí kế hoạch", 18.0), ("Đã giải ngân", 18.0)],
        looks,
    )?;
    let b = &report.budget;
    let start = HEADER_ROW + 1;
    for (n, year) in (start..).zip(&b.years) {
        sheet.write_number_with_format(n, 0, f64::from(year.year), &looks.text)?;
        write_decimal(sheet, n, 1, u(year.allowed), looks)?;
        write_decimal(sheet, n, 2, u(year.total), looks)?;
        write_decimal(sheet, n, 3, u(year.disbursed), looks)?;
    }
    let total = start + u32::try_from(b.years.len()).unwrap_or_default();
    sheet.write_string_with_format(total, 0, "Cả giai đoạn", &looks.total_text)?;
    let look = |v: Decimal| if v.fract().is_zero() { &looks.total_number } else { &looks.total_decimal };
    // The envelope is the decision's own figure, not the years added up.
    match u(b.envelope) {
        Some(e) => sheet.write_number_with_format(total, 1, number(e), look(e))?,
        None => sheet.write_blank(total, 1, &looks.total_number)?,
    };
    // No year says what was disbursed: blank (unknown), not 0.
    let disbursed = Some(b.disbursed).filter(|_| b.disbursed_known());
    for (col, value) in [(2u16, b.total), (3, disbursed)] {
        let l = letter(col);
        match u(value) {
            None => {
                sheet.write_blank(total, col, &looks.total_number)?;
            }
            Some(value) if b.years.is_empty() => {
                sheet.write_number_with_format(total, col, number(value), look(value))?;
            }
            Some(value) => {
                let formula = Formula::new(format!("=SUM({l}{}:{l}{})", start + 1, total))
                    .set_result(value.normalize().to_string());
                sheet.write_formula_with_format(total, col, formula, look(value))?;
            }
        }
    }
    let mut n = total + 2;
    if let Some(unallocated) = u(b.unallocated) {
        sheet.write_string(n, 0, "Chưa bố trí vào kế hoạch năm")?;
        write_decimal(sheet, n, 2, Some(unallocated), looks)?;
        n += 1;
    }
    if let Some(p) = b.percent {
        sheet.write_string(n, 0, "Kinh phí các kế hoạch / cả giai đoạn")?;
        sheet.write_number_with_format(n, 2, number(p) / 100.0, &looks.percent)?;
        n += 1;
    }
    // The sums are formulas over the years; a least value is said in words below them.
    for (partial, note) in [
        (b.total_partial, "Kinh phí các kế hoạch là số tối thiểu: có kế hoạch năm không ghi kinh phí."),
        (
            b.disbursed_partial && b.disbursed_known(),
            "Đã giải ngân là số tối thiểu: chưa gồm các năm không có số liệu.",
        ),
    ] {
        if partial {
            sheet.write_string(n, 0, note)?;
            n += 1;
        }
    }
    period_sources(sheet, report, n + 1, looks)
}

/// Below the years: the budget by source over the period (envelope, plans, disbursed;
/// `≥` a least value, blank unknown).
fn period_sources(sheet: &mut Worksheet, report: &PeriodReport, first: u32, looks: &Looks) -> Result<(), XlsxError> {
    let rows = &report.budget.by_source;
    if rows.is_empty() {
        return Ok(());
    }
    let unit = report.money_unit;
    let names = ["Nguồn kinh phí", "Mức được phép", "Kinh phí kế hoạch", "Đã giải ngân"];
    for (col, name) in (0u16..).zip(names) {
        sheet.write_string_with_format(first, col, name, &looks.header)?;
    }
    for (n, row) in (first + 1..).zip(rows) {
        sheet.write_string_with_format(n, 0, row.name, &looks.text)?;
        write_decimal(sheet, n, 1, row.envelope.map(|v| unit.of(v)), looks)?;
        for (col, value, partial) in
            [(2u16, row.planned, row.planned_partial), (3, row.disbursed, row.disbursed_partial)]
        {
            if partial {
                let least = value.map(|v| format!("≥ {}", crate::money::format_vi(&unit.of(v))));
                sheet.write_string_with_format(n, col, least.unwrap_or_default().as_str(), &looks.text)?;
            } else {
                write_decimal(sheet, n, col, value.map(|v| unit.of(v)), looks)?;
            }
        }
    }
    Ok(())
}

fn submission_word(state: SubmissionState) -> &'static str {
    match state {
        SubmissionState::OnTime => "Đúng hạn",
        SubmissionState::Late => "Trễ hạn",
        SubmissionState::Missing => "Chưa gửi, đã quá hạn",
        SubmissionState::Pending => "Chưa đến hạn",
        SubmissionState::NoPlan => "Không có kế hoạch",
        SubmissionState::Unknown => "Chưa rõ (không có tệp tiến độ)",
    }
}

fn submissions_sheet(sheet: &mut Worksheet, report: &PeriodReport, looks: &Looks) -> Result<(), XlsxError> {
    sheet.set_name("Báo cáo đã gửi")?;
    period_head(sheet, report, "Báo cáo đã gửi", looks)?;
    headers(sheet, &[("Năm", 10.0), ("Báo cáo 6 tháng", 22.0), ("Báo cáo năm", 22.0)], looks)?;
    for (n, year) in (HEADER_ROW + 1..).zip(&report.submissions) {
        sheet.write_number_with_format(n, 0, f64::from(year.year), &looks.text)?;
        sheet.write_string_with_format(n, 1, submission_word(year.half_year), &looks.text)?;
        sheet.write_string_with_format(n, 2, submission_word(year.annual), &looks.text)?;
    }
    Ok(())
}
