//! `plan report --format xlsx`: the workbook read back with `calamine` (an independent
//! reader) and compared with the JSON report's figures, to the đồng.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::float_cmp, clippy::cast_precision_loss)]

mod common;

use std::io::Read;
use std::str::FromStr;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;

const PLAN_2019: &str = "plans/ke-hoach-2019.toml";
const PLAN_2022: &str = "examples/nang-suat-chat-luong/ke-hoach-2022.toml";
const HEADER: u32 = 3;

fn run(args: &[&str]) -> Vec<u8> {
    let output = common::plan().arg("report").args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

fn json(args: &[&str]) -> Value {
    serde_json::from_slice(&run(&[args, &["--format", "json"]].concat())).unwrap()
}

fn number(value: &Value) -> Option<f64> {
    value.as_str().map(|s| Decimal::from_str(s).unwrap().to_f64().unwrap())
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn float(data: &Data) -> Option<f64> {
    match data {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::DateTime(d) => Some(d.as_f64()),
        _ => None,
    }
}

/// An Excel date serial: days since 30/12/1899.
fn serial(day: &Value) -> f64 {
    let day = NaiveDate::parse_from_str(day.as_str().unwrap(), "%Y-%m-%d").unwrap();
    (day - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

fn percent(value: &Value) -> Option<f64> {
    number(value).map(|p| p / 100.0)
}

/// The sheets of results recorded and of followed tasks against the JSON; returns how many
/// figures were compared.
fn compare_details<R: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<R>,
    entries: &[(&Value, &Value)],
    tasks: &[(&Value, &Value)],
) -> usize {
    let mut compared = 0;
    if !entries.is_empty() {
        let sheet = book.worksheet_range("Kết quả chi tiết").unwrap();
        for (n, (row, entry)) in (HEADER + 1..).zip(entries) {
            assert_eq!(cell(&sheet, n, 2).to_string(), row["name"].as_str().unwrap().trim());
            assert!(matches!(cell(&sheet, n, 3), Data::DateTime(_)), "a date is a date");
            assert_eq!(float(&cell(&sheet, n, 3)), Some(serial(&entry["date"])));
            assert_eq!(float(&cell(&sheet, n, 4)), number(&entry["quantity"]));
            // The part by its display name, never its id.
            let part = row["parts"].as_array().unwrap().iter().find(|p| p["part"] == entry["part"]);
            assert_eq!(cell(&sheet, n, 5).to_string(), part.map_or("", |p| p["name"].as_str().unwrap()));
            assert_eq!(cell(&sheet, n, 6).to_string(), entry["enterprise"].as_str().unwrap_or(""));
            compared += 2;
        }
        assert_eq!(cell(&sheet, HEADER + 1 + u32::try_from(entries.len()).unwrap(), 2), Data::Empty);
    }
    if !tasks.is_empty() {
        let sheet = book.worksheet_range("Nhiệm vụ các đơn vị").unwrap();
        for (n, (unit, task)) in (HEADER + 1..).zip(tasks) {
            assert_eq!(cell(&sheet, n, 1).to_string(), unit["unit"].as_str().unwrap());
            assert_eq!(cell(&sheet, n, 2).to_string(), task["text"].as_str().unwrap());
            let date = task["milestone"]["date"].as_str().map(|_| serial(&task["milestone"]["date"]));
            assert_eq!(float(&cell(&sheet, n, 3)), date);
            compared += 1;
        }
    }

    compared
}

/// Compares every sheet with the JSON report; returns how many figures were compared.
fn compare(args: &[&str]) -> usize {
    let bytes = run(&[args, &["--format", "xlsx"]].concat());
    let report = json(args);
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let has_budget = !report["budget"].is_null();
    let entries: Vec<(&Value, &Value)> = report["progress"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row["entries"].as_array().unwrap().iter().map(move |e| (row, e)))
        .collect();
    let tasks: Vec<(&Value, &Value)> = report["organisation"]["responsibilities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["tasks"].as_array().unwrap().iter().filter(|t| !t["id"].is_null()).map(move |t| (r, t)))
        .collect();
    let mut want = vec!["Tiến độ"];
    if !entries.is_empty() {
        want.push("Kết quả chi tiết");
    }
    if has_budget {
        want.extend(["Kinh phí", "Phụ lục kinh phí"]);
    }
    want.push("Thời hạn");
    if !tasks.is_empty() {
        want.push("Nhiệm vụ các đơn vị");
    }
    assert_eq!(book.sheet_names(), want);
    let mut compared = 0;

    let sheet = book.worksheet_range("Tiến độ").unwrap();
    let headers: Vec<String> = (0..9).map(|c| cell(&sheet, HEADER, c).to_string()).collect();
    assert_eq!(
        headers,
        ["STT", "Mục", "Hoạt động", "Đơn vị tính", "Chỉ tiêu", "Đạt", "Tỷ lệ", "Còn lại", "Tình trạng"]
    );
    for (n, row) in (HEADER + 1..).zip(report["progress"].as_array().unwrap()) {
        assert_eq!(cell(&sheet, n, 2).to_string(), row["name"].as_str().unwrap().trim());
        let target = number(&row["target"]);
        assert_eq!(float(&cell(&sheet, n, 4)), target);
        assert_eq!(float(&cell(&sheet, n, 5)), target.and(number(&row["achieved"])));
        assert_eq!(float(&cell(&sheet, n, 6)), percent(&row["percent"]));
        assert_eq!(float(&cell(&sheet, n, 7)), number(&row["remaining"]));
        compared += 4;
    }

    compared += compare_details(&mut book, &entries, &tasks);

    if has_budget {
        let budget = &report["budget"];
        for (name, key) in [("Kinh phí", "activities"), ("Phụ lục kinh phí", "lines")] {
            let sheet = book.worksheet_range(name).unwrap();
            let formulas = book.worksheet_formula(name).unwrap();
            let rows = budget[key].as_array().unwrap();
            for (n, row) in (HEADER + 1..).zip(rows) {
                assert_eq!(float(&cell(&sheet, n, 1)), number(&row["amount"]));
                assert_eq!(float(&cell(&sheet, n, 2)), number(&row["disbursed"]));
                assert_eq!(float(&cell(&sheet, n, 3)), number(&row["remaining"]));
                assert_eq!(float(&cell(&sheet, n, 4)), percent(&row["percent"]));
                compared += 4;
            }
            let total = HEADER + 1 + u32::try_from(rows.len()).unwrap();
            assert_eq!(cell(&sheet, total, 0).to_string(), "Tổng cộng");
            // The cached values of the totals are the report's figures.
            assert_eq!(float(&cell(&sheet, total, 1)), number(&budget["total"]), "{name}");
            assert_eq!(float(&cell(&sheet, total, 2)), number(&budget["disbursed"]), "{name}");
            assert_eq!(float(&cell(&sheet, total, 3)), number(&budget["remaining"]), "{name}");
            compared += 3;
            // Disbursed always adds up (the unallocated row makes it), so it is a formula.
            if !rows.is_empty() {
                let f = formulas.get_value((total, 2)).cloned().unwrap_or_default();
                assert_eq!(f, format!("SUM(C{}:C{})", HEADER + 2, total), "{name}");
            }
        }
    }

    let sheet = book.worksheet_range("Thời hạn").unwrap();
    for (n, row) in (HEADER + 1..).zip(report["deadlines"]["reports"].as_array().unwrap()) {
        assert!(matches!(cell(&sheet, n, 1), Data::DateTime(_)), "a date is a date");
        assert_eq!(float(&cell(&sheet, n, 1)), Some(serial(&row["due_before"])));
        assert_eq!(float(&cell(&sheet, n, 2)), Some(serial(&row["last_day"])));
        assert_eq!(float(&cell(&sheet, n, 3)), Some(serial(&row["cut_off"])));
        compared += 3;
    }

    // The look: Vietnamese number and percent formats, frozen headers, A4 landscape.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut styles = String::new();
    zip.by_name("xl/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
    for format in ["#,##0", "0.0%", "dd/mm/yyyy"] {
        assert!(styles.contains(&format!("formatCode=\"{format}\"")), "{format}");
    }
    let mut sheet1 = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet1).unwrap();
    assert!(sheet1.contains(r#"ySplit="4" topLeftCell="A5""#), "frozen header rows");
    assert!(sheet1.contains(r#"paperSize="9""#) && sheet1.contains(r#"orientation="landscape""#));
    compared
}

#[test]
fn the_2019_half_year_workbook_has_the_json_figures() {
    // 8 activities × 4; no budget lines or activities: the two totals × 3; 2 reports × 3;
    // 3 followed tasks.
    assert_eq!(compare(&[PLAN_2019, "--half-year"]), 8 * 4 + 2 * 3 + 2 * 3 + 3);
}

#[test]
fn the_example_annual_workbook_has_the_json_figures() {
    // 7 activities × 4; 8 activity rows (one unallocated) and 8 lines × 4; the two totals × 3;
    // 2 reports × 3.
    // 10 results × 2; 1 followed task.
    assert_eq!(compare(&[PLAN_2022, "--annual"]), 7 * 4 + 8 * 4 + 8 * 4 + 2 * 3 + 2 * 3 + 10 * 2 + 1);
}

#[test]
fn the_same_input_gives_the_same_workbook() {
    let args = [PLAN_2022, "--annual", "--format", "xlsx"];
    assert_eq!(run(&args), run(&args));
}

const PERIOD: [&str; 4] = ["--period", "examples/nang-suat-chat-luong", "--as-of", "2023-10-31"];

#[test]
fn the_period_workbook_has_the_json_roll_up_figures() {
    let bytes = run(&[&PERIOD[..], &["--format", "xlsx"]].concat());
    let report = json(&PERIOD);
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["Chỉ tiêu", "Kinh phí theo năm", "Báo cáo đã gửi"]);
    let mut compared = 0;

    let sheet = book.worksheet_range("Chỉ tiêu").unwrap();
    let formulas = book.worksheet_formula("Chỉ tiêu").unwrap();
    let headers: Vec<String> = (0..11).map(|c| cell(&sheet, HEADER, c).to_string()).collect();
    assert_eq!(
        headers,
        [
            "Nội dung",
            "Đơn vị tính",
            "Chỉ tiêu giai đoạn",
            "Năm 2021",
            "Năm 2022",
            "Năm 2023",
            "Năm 2024",
            "Năm 2025",
            "Tổng các năm",
            "Đạt",
            "Tỷ lệ"
        ]
    );
    let items = report["items"].as_array().unwrap();
    for (n, item) in (HEADER + 1..).zip(items) {
        assert_eq!(cell(&sheet, n, 0).to_string(), item["name"].as_str().unwrap().trim());
        assert_eq!(float(&cell(&sheet, n, 2)), number(&item["period_target"]));
        for (col, year) in (3..).zip(item["years"].as_array().unwrap()) {
            assert_eq!(float(&cell(&sheet, n, col)), number(&year["target"]), "row {n} col {col}");
            compared += 1;
        }
        assert_eq!(float(&cell(&sheet, n, 8)), number(&item["planned"]));
        assert_eq!(float(&cell(&sheet, n, 9)), number(&item["achieved"]));
        assert_eq!(float(&cell(&sheet, n, 10)), percent(&item["percent"]));
        compared += 4;
        // The years added up are a formula, its cached value the report's figure.
        if !item["planned"].is_null() {
            assert_eq!(formulas.get_value((n, 8)).cloned().unwrap_or_default(), format!("SUM(D{0}:H{0})", n + 1));
        }
    }

    let sheet = book.worksheet_range("Kinh phí theo năm").unwrap();
    let formulas = book.worksheet_formula("Kinh phí theo năm").unwrap();
    let budget = &report["budget"];
    let years = budget["years"].as_array().unwrap();
    for (n, year) in (HEADER + 1..).zip(years) {
        assert_eq!(float(&cell(&sheet, n, 0)), year["year"].as_f64());
        assert_eq!(float(&cell(&sheet, n, 1)), number(&year["allowed"]));
        assert_eq!(float(&cell(&sheet, n, 2)), number(&year["total"]));
        assert_eq!(float(&cell(&sheet, n, 3)), number(&year["disbursed"]));
        compared += 3;
    }
    let total = HEADER + 1 + u32::try_from(years.len()).unwrap();
    assert_eq!(cell(&sheet, total, 0).to_string(), "Cả giai đoạn");
    assert_eq!(float(&cell(&sheet, total, 1)), number(&budget["envelope"]));
    assert_eq!(float(&cell(&sheet, total, 2)), number(&budget["total"]));
    assert_eq!(float(&cell(&sheet, total, 3)), number(&budget["disbursed"]));
    assert_eq!(formulas.get_value((total, 3)).cloned().unwrap_or_default(), format!("SUM(D5:D{total})"));
    assert_eq!(float(&cell(&sheet, total + 2, 2)), number(&budget["unallocated"]));
    assert_eq!(float(&cell(&sheet, total + 3, 2)), percent(&budget["percent"]));
    compared += 5;

    let sheet = book.worksheet_range("Báo cáo đã gửi").unwrap();
    let word = |state: &Value| match state.as_str().unwrap() {
        "on-time" => "Đúng hạn",
        "late" => "Trễ hạn",
        "missing" => "Chưa gửi, đã quá hạn",
        "pending" => "Chưa đến hạn",
        _ => "Không có kế hoạch",
    };
    for (n, year) in (HEADER + 1..).zip(report["submissions"].as_array().unwrap()) {
        assert_eq!(cell(&sheet, n, 1).to_string(), word(&year["half_year"]), "row {n}");
        assert_eq!(cell(&sheet, n, 2).to_string(), word(&year["annual"]), "row {n}");
        compared += 2;
    }
    assert_eq!(compared, 7 * (5 + 4) + 5 * 3 + 5 + 5 * 2);

    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet1 = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet1).unwrap();
    assert!(sheet1.contains(r#"ySplit="4" topLeftCell="A5""#), "frozen header rows");
    assert!(sheet1.contains(r#"paperSize="9""#) && sheet1.contains(r#"orientation="landscape""#));
}

#[test]
fn the_same_roll_up_gives_the_same_workbook() {
    let args = [&PERIOD[..], &["--format", "xlsx"]].concat();
    assert_eq!(run(&args), run(&args));
}
