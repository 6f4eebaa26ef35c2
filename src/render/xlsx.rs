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
use crate::report::{BudgetRow, Report};

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
    if let Some(budget) = &report.budget {
        let sheet = book.add_worksheet();
        sheet.set_name("Kinh phí")?;
        head(sheet, report, "Kinh phí theo hoạt động (đồng)", &looks)?;
        budget_table(sheet, &budget.activities, budget, report, "Hoạt động", &looks)?;
        let sheet = book.add_worksheet();
        sheet.set_name("Phụ lục kinh phí")?;
        head(sheet, report, "Phụ lục: kinh phí theo khoản (đồng)", &looks)?;
        budget_table(sheet, &budget.lines, budget, report, "Khoản", &looks)?;
    }
    deadlines_sheet(book.add_worksheet(), report, &looks)?;
    Ok(book.save_to_buffer()?)
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
        write_decimal(sheet, n, 4, row.target, looks)?;
        write_decimal(sheet, n, 5, row.target.map(|_| row.achieved), looks)?;
        write_percent(sheet, n, 6, row.percent, looks)?;
        write_decimal(sheet, n, 7, row.remaining, looks)?;
        sheet.write_string_with_format(n, 8, labels::status(Lang::Vi, row.status), &looks.text)?;
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
        write_decimal(sheet, n, 1, row.amount, looks)?;
        write_decimal(sheet, n, 2, Some(row.disbursed), looks)?;
        write_decimal(sheet, n, 3, row.remaining, looks)?;
        write_percent(sheet, n, 4, row.percent, looks)?;
    }
    let total = start + u32::try_from(rows.len()).unwrap_or_default();
    sheet.write_string_with_format(total, 0, "Tổng cộng", &looks.total_text)?;
    let figures = [budget.total, budget.disbursed, budget.remaining];
    let sums = [
        rows.iter().filter_map(|r| r.amount).sum::<Decimal>(),
        rows.iter().map(|r| r.disbursed).sum::<Decimal>(),
        rows.iter().filter_map(|r| r.remaining).sum::<Decimal>(),
    ];
    for (col, ((letter, value), sum)) in (1u16..).zip(["B", "C", "D"].iter().zip(figures).zip(sums)) {
        // A formula only where the rows add up to the report's figure: a cached value that
        // Excel would recalculate to another number would be worse than a plain number.
        if rows.is_empty() || sum != value {
            sheet.write_number_with_format(total, col, number(value), &looks.total_number)?;
        } else {
            let formula = Formula::new(format!("=SUM({letter}{}:{letter}{})", start + 1, total))
                .set_result(value.normalize().to_string());
            sheet.write_formula_with_format(total, col, formula, &looks.total_number)?;
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
