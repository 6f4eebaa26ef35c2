//! The report side of the family's money (issue 9): money printed in the unit the analyst
//! chooses (`--money-unit`, default the plan's own), the budget by source with what was paid
//! from each, the support rates and caps, in every format; and what no file says (a
//! disbursement without a progress file) shown as unknown, never as 0.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::path::Path;

use common::{plan, snapshot, stdout};

const DIR: &str = "examples/chuong-trinh-2021-2025";
const PLAN_2022: &str = "examples/chuong-trinh-2021-2025/ke-hoach-2022.toml";
const PLAN_2023: &str = "examples/chuong-trinh-2021-2025/ke-hoach-2023.toml";

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

/// `(source, amount, disbursed, partial, remaining, percent)` of each row by source.
fn sources(budget: &serde_json::Value) -> Vec<(String, String, String, bool, String, String)> {
    let text = |v: &serde_json::Value| v.as_str().map_or_else(|| "null".to_owned(), str::to_owned);
    budget["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                text(&r["source"]),
                text(&r["amount"]),
                text(&r["disbursed"]),
                r["disbursed_partial"].as_bool().unwrap(),
                text(&r["remaining"]),
                text(&r["percent"]),
            )
        })
        .collect()
}

fn row(
    source: &str,
    amount: &str,
    disbursed: &str,
    partial: bool,
    remaining: &str,
    percent: &str,
) -> (String, String, String, bool, String, String) {
    (source.into(), amount.into(), disbursed.into(), partial, remaining.into(), percent.into())
}

#[test]
fn json_keeps_dong_names_the_unit_and_splits_what_was_paid_by_source() {
    let report = json(&["report", PLAN_2022, "--annual", "--format", "json"]);
    assert_eq!(report["money_unit"], "triệu đồng");
    assert_eq!(report["budget"]["total"], "2400000000");
    assert_eq!(report["budget"]["disbursed"], "650000000");
    // Every payment of 2022 says its source: the split is exact.
    assert_eq!(
        sources(&report["budget"]),
        [
            row("nha-nuoc", "1000000000", "360000000", false, "640000000", "36"),
            row("doanh-nghiep", "1400000000", "290000000", false, "1110000000", "20.7"),
        ]
    );
    let support = &report["progress"][1]["support"];
    assert_eq!(
        (&support["rate"], &support["cap"], &support["per"], &support["basis"]),
        (&"50".into(), &"65000000".into(), &"hệ thống".into(), &"Nghị quyết số 08/2021/NQ-HĐND".into())
    );
    assert!(report["progress"][0]["support"].is_null());
    let sources_of: Vec<&str> =
        report["budget"]["payments"].as_array().unwrap().iter().map(|p| p["source"].as_str().unwrap()).collect();
    assert_eq!(sources_of, ["nha-nuoc", "nha-nuoc", "nha-nuoc", "doanh-nghiep"]);
    // `--money-unit` changes what people read, not the JSON's đồng.
    let in_ty = json(&["report", PLAN_2022, "--annual", "--format", "json", "--money-unit", "tỷ đồng"]);
    assert_eq!(in_ty["money_unit"], "tỷ đồng");
    assert_eq!(in_ty["budget"]["total"], "2400000000");
}

#[test]
fn a_payment_without_its_source_makes_the_split_a_least_value() {
    let report = json(&["report", PLAN_2023, "--half-year", "--format", "json"]);
    // 40 + 30 triệu say the state budget; 57,35 triệu for training says nothing.
    assert_eq!(report["budget"]["disbursed"], "127350000");
    assert_eq!(
        sources(&report["budget"]),
        [
            row("nha-nuoc", "1000000000", "70000000", true, "null", "null"),
            // No payment says it: "at least 0" would say nothing, so unknown.
            row("doanh-nghiep", "1450000000", "null", false, "null", "null"),
        ]
    );
}

#[test]
fn the_terminal_table_prints_triệu_with_the_decimals_it_needs() {
    let text = stdout(&["report", PLAN_2023, "--half-year"]);
    snapshot("money-unit-2023-half-year", &text);
    // In đồng, as asked: the figures carry `đ`, the headers no unit.
    let dong = stdout(&["report", PLAN_2023, "--half-year", "budget", "--money-unit", "đồng"]);
    assert!(
        dong.contains(
            "| Tổng cộng                          | 2.450.000.000 đ | 127.350.000 đ | 2.322.650.000 đ | 5,2 % |"
        ),
        "{dong}"
    );
    assert!(
        dong.contains("| Ngân sách nhà nước                 | 1.000.000.000 đ | ≥70.000.000 đ |       — |     — |"),
        "{dong}"
    );
    // In tỷ: 57,35 triệu is 0,05735 tỷ, not rounded away.
    let ty = stdout(&["report", PLAN_2023, "--half-year", "budget", "--money-unit", "tỉ"]);
    assert!(ty.contains("| dao-tao                            |                0,2 |                0,05735 |           0,14265 | 28,7 % |"), "{ty}");
}

#[test]
fn markdown_csv_and_html_show_the_unit_the_sources_and_the_support_rule() {
    let md = stdout(&["report", PLAN_2022, "--annual", "--format", "markdown"]);
    for line in [
        "| Khoản | Kinh phí (triệu đồng) | Đã giải ngân (triệu đồng) | Còn lại (triệu đồng) | Tỷ lệ |",
        "| Tổng cộng | 2.400 | 650 | 1.750 | 27,1 % |",
        "### Theo nguồn kinh phí",
        "| Nguồn kinh phí | Kinh phí (triệu đồng) | Đã giải ngân (triệu đồng) | Còn lại (triệu đồng) | Tỷ lệ |",
        "| Ngân sách nhà nước | 1.000 | 360 | 640 | 36 % |",
        "| Doanh nghiệp đối ứng | 1.400 | 290 | 1.110 | 20,7 % |",
        "**Mức hỗ trợ:**",
        "- Hỗ trợ ít nhất 20 doanh nghiệp xây dựng, áp dụng hệ thống quản lý, công cụ cải tiến: hỗ trợ 50 %, tối đa 65 triệu đồng/hệ thống (Nghị quyết số 08/2021/NQ-HĐND)",
        "| Ngày | Kinh phí (triệu đồng) | Dòng kinh phí | Hoạt động | Chứng từ |",
        "| 1/6/2022 | 60 | ho-tro | ho-tro-dn-2022 | UNC 101/2022 |",
    ] {
        assert!(md.lines().any(|l| l == line), "{line}\n{md}");
    }
    let en = stdout(&["report", PLAN_2022, "--annual", "--format", "markdown", "--lang", "en"]);
    assert!(en.contains("| State budget | 1,000 | 360 | 640 | 36% |"), "{en}");
    assert!(en.contains(": support 50%, at most 65 million VND/hệ thống (Nghị quyết số 08/2021/NQ-HĐND)"), "{en}");
    let csv = stdout(&["report", PLAN_2023, "--half-year", "budget", "--format", "csv"]);
    assert_eq!(
        csv.lines().take(4).collect::<Vec<_>>(),
        [
            "kind,id,Khoản,Kinh phí (triệu đồng),Đã giải ngân (triệu đồng),Còn lại (triệu đồng),Tỷ lệ",
            "total,,Tổng cộng,2450,127.35,2322.65,5.2",
            "source,nha-nuoc,Ngân sách nhà nước,1000,70,,",
            "source,doanh-nghiep,Doanh nghiệp đối ứng,1450,,,",
        ]
    );
    // For Excel in Vietnamese: decimal commas, and the key in Vietnamese.
    let excel = stdout(&["report", PLAN_2023, "--half-year", "budget", "--format", "csv", "--excel"]);
    assert_eq!(excel.lines().nth(1), Some("tổng cộng;;Tổng cộng;2450;127,35;2322,65;5,2"));
    assert_eq!(excel.lines().nth(2), Some("nguồn;nha-nuoc;Ngân sách nhà nước;1000;70;;"));
    let progress = stdout(&["report", PLAN_2023, "--half-year", "progress", "--format", "csv"]);
    let lines: Vec<&str> = progress.lines().collect();
    assert!(lines[0].ends_with(",support-rate,support-cap (triệu đồng),support-per"), "{}", lines[0]);
    assert!(lines[2].ends_with(",đang thực hiện,50,65,hệ thống"), "{}", lines[2]);
    assert!(lines[1].ends_with(",hoàn thành,,,"), "{}", lines[1]);
    let html = stdout(&["report", PLAN_2022, "--annual", "--format", "html"]);
    assert!(html.contains("<th>Kinh phí (triệu đồng)</th>"), "html header");
    assert!(html.contains("<tr><td>Ngân sách nhà nước</td><td class=\"n\">1.000</td><td class=\"n\">360</td><td class=\"n\">640</td><td class=\"n\">36</td></tr>"));
    assert!(html.contains("hỗ trợ 50 %, tối đa 65 triệu đồng/hệ thống"));
    assert!(html.contains(
        "<p class=\"meta\"><b>Đã giải ngân:</b> 650 triệu đồng (27,1 %); <b>còn lại:</b> 1.750 triệu đồng</p>"
    ));
}

/// The text of each paragraph of a Word document, tables included.
fn paragraphs(docx: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    doc.descendants()
        .filter(|n| n.has_tag_name((w, "p")))
        .map(|p| p.descendants().filter(|t| t.has_tag_name((w, "t"))).filter_map(|t| t.text()).collect())
        .collect()
}

fn bytes(args: &[&str]) -> Vec<u8> {
    let output = plan().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

#[test]
fn the_word_report_names_the_unit_and_has_a_table_by_source() {
    let paras = paragraphs(&bytes(&["report", PLAN_2023, "--half-year", "--format", "docx"]));
    let has = |want: &str| assert!(paras.iter().any(|p| p == want), "{want}\n{paras:#?}");
    has("- Tổng kinh phí: 2.450 triệu đồng (bằng chữ: hai tỷ bốn trăm năm mươi triệu đồng).");
    // The figure in triệu; the words say the đồng, as the plan's own amounts in words do.
    has(
        "- Đã giải ngân đến ngày 14/6/2023: 127,35 triệu đồng (bằng chữ: một trăm hai mươi bảy triệu ba trăm năm mươi nghìn đồng), đạt 5,2 % kế hoạch.",
    );
    has("Bảng 2. Kinh phí thực hiện (triệu đồng)");
    has("Bảng 3. Kinh phí theo nguồn (triệu đồng)");
    has("Ghi chú: “≥”: số tối thiểu, vì có khoản chi không ghi nguồn kinh phí; “—”: chưa có số liệu.");
    has("Mức hỗ trợ theo quy định:");
    has(
        "- Hỗ trợ ít nhất 25 doanh nghiệp xây dựng, áp dụng hệ thống quản lý, công cụ cải tiến: hỗ trợ 50 %, tối đa 65 triệu đồng/hệ thống (Nghị quyết số 08/2021/NQ-HĐND).",
    );
    let at = paras.iter().position(|p| p == "Ngân sách nhà nước").unwrap();
    assert_eq!(paras[at..at + 5], ["Ngân sách nhà nước", "1.000", "≥ 70", "—", "—"]);
    let period = paragraphs(&bytes(&["report", "--period", DIR, "--as-of", "2023-06-30", "--format", "docx"]));
    let at = period.iter().position(|p| p == "Bảng 3. Kinh phí theo nguồn (triệu đồng)").unwrap();
    let doanh = period[at..].iter().position(|p| p == "Doanh nghiệp đối ứng").unwrap() + at;
    // 2021 has no plan among the files: what the plans give per source is a least value.
    assert_eq!(period[doanh..doanh + 4], ["Doanh nghiệp đối ứng", "7.500", "≥ 2.850", "≥ 290"]);
    assert!(period.iter().any(|p| p == "Bảng 2. Kinh phí theo năm (triệu đồng)"));
}

#[test]
fn the_workbook_has_figures_in_the_unit_and_an_appendix_by_source() {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes(&["report", PLAN_2023, "--half-year", "--format", "xlsx"]))).unwrap();
    let appendix = book.worksheet_range("Phụ lục nguồn kinh phí").unwrap();
    assert_eq!(appendix.get_value((0, 0)), Some(&Data::String("Phụ lục: kinh phí theo nguồn (triệu đồng)".into())));
    let row = |r: u32| (0..5).map(|c| appendix.get_value((r, c)).cloned().unwrap_or(Data::Empty)).collect::<Vec<_>>();
    assert_eq!(
        row(4),
        [
            Data::String("Ngân sách nhà nước".into()),
            Data::Float(1000.0),
            Data::String("≥ 70".into()),
            Data::Empty,
            Data::Empty
        ]
    );
    let lines = book.worksheet_range("Phụ lục kinh phí").unwrap();
    // dao-tao: 200 triệu, 57,35 paid, 142,65 left.
    assert_eq!(lines.get_value((6, 2)), Some(&Data::Float(57.35)));
    assert_eq!(lines.get_value((6, 3)), Some(&Data::Float(142.65)));
    let progress = book.worksheet_range("Tiến độ").unwrap();
    assert_eq!(progress.get_value((3, 9)), Some(&Data::String("Mức hỗ trợ".into())));
    assert_eq!(
        progress.get_value((5, 9)),
        Some(&Data::String("hỗ trợ 50 %, tối đa 65 triệu đồng/hệ thống (Nghị quyết số 08/2021/NQ-HĐND)".into()))
    );
}

#[test]
fn the_roll_up_prints_the_decisions_unit_and_its_sources() {
    let text = stdout(&["report", "--period", DIR, "--as-of", "2023-06-30", "budget"]);
    snapshot("money-unit-period-budget", &text);
    let csv = stdout(&[
        "report",
        "--period",
        DIR,
        "--as-of",
        "2023-06-30",
        "budget",
        "--format",
        "csv",
        "--money-unit",
        "nghìn",
    ]);
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            "Năm,Mức được phép (nghìn đồng),Kinh phí kế hoạch (nghìn đồng),Đã giải ngân (nghìn đồng)",
            "2021,2000000,,",
            "2022,2500000,2400000,650000",
            "2023,2500000,2450000,127350",
            "2024,2750000,,",
            "2025,2750000,,",
            "Cả giai đoạn,12500000,4850000,777350",
            "nha-nuoc,5000000,2000000,430000",
            "doanh-nghiep,7500000,2850000,290000",
        ]
    );
    let html = stdout(&["report", "--period", DIR, "--as-of", "2023-06-30", "--format", "html"]);
    assert!(html.contains("<h2>3. Theo nguồn kinh phí</h2>"), "html");
    assert!(html.contains("<tr><td>Ngân sách nhà nước</td><td class=\"n\">5.000</td><td class=\"n\">≥2.000</td><td class=\"n\">≥430</td></tr>"));
    let report = json(&["report", "--period", DIR, "--as-of", "2023-06-30", "--format", "json"]);
    assert_eq!(report["money_unit"], "triệu đồng");
    let first = &report["budget"]["by_source"][0];
    assert_eq!(
        (&first["source"], &first["envelope"], &first["planned"], &first["disbursed"], &first["disbursed_partial"]),
        (&"nha-nuoc".into(), &"5000000000".into(), &"2000000000".into(), &"430000000".into(), &true.into())
    );
    // 2021 has no plan among the files: what the plans planned from each source is a least
    // value, and so is the total.
    assert_eq!(first["planned_partial"], true);
    assert_eq!(report["budget"]["total_partial"], true);
}

#[test]
fn a_unit_that_is_none_is_refused_with_the_ones_there_are() {
    plan().args(["report", PLAN_2022, "--money-unit", "triệu USD", "--lang", "en"]).assert().code(2).stderr(
        predicates::str::contains(
            "`triệu USD` is not a unit of money: write one of `đồng`, `nghìn đồng`, `triệu đồng`, `tỷ đồng`",
        ),
    );
    plan().args(["report", PLAN_2022, "--money-unit", "triệu USD"]).assert().code(2).stderr(predicates::str::contains(
        "`triệu USD` không phải đơn vị tiền: viết một trong `đồng`, `nghìn đồng`, `triệu đồng`, `tỷ đồng`",
    ));
}

/// The 2022 plan and its kế hoạch, without the progress file.
fn without_progress() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["ke-hoach-2021-2025.toml", "ke-hoach-2022.toml"] {
        std::fs::copy(Path::new(DIR).join(file), dir.path().join(file)).unwrap();
    }
    dir
}

#[test]
fn without_a_progress_file_what_was_disbursed_is_unknown_not_zero() {
    let dir = without_progress();
    let plan_file = dir.path().join("ke-hoach-2022.toml");
    let plan_file = plan_file.to_str().unwrap();
    let report = json(&["report", plan_file, "--annual", "--format", "json"]);
    let budget = &report["budget"];
    assert_eq!((&budget["disbursed"], &budget["remaining"], &budget["percent"]), (&().into(), &().into(), &().into()));
    assert!(budget["lines"].as_array().unwrap().iter().all(|l| l["disbursed"].is_null() && l["remaining"].is_null()));
    assert_eq!(
        sources(budget),
        [
            row("nha-nuoc", "1000000000", "null", false, "null", "null"),
            row("doanh-nghiep", "1400000000", "null", false, "null", "null"),
        ]
    );
    let table = stdout(&["report", plan_file, "--annual", "budget"]);
    assert!(
        table.contains("| Tổng cộng                          |                 2.400 |                         — |                    — |     — |"),
        "{table}"
    );
    let html = stdout(&["report", plan_file, "--annual", "--format", "html"]);
    assert!(html.contains("<p class=\"meta\"><b>Đã giải ngân:</b> chưa có số liệu</p>"), "html");
    let paras = paragraphs(&bytes(&["report", plan_file, "--annual", "--format", "docx"]));
    assert!(paras.iter().any(|p| p == "- Đã giải ngân đến ngày 14/12/2022: chưa có số liệu."), "{paras:#?}");
    assert!(!paras.iter().any(|p| p.starts_with("- Còn lại:")));
}

#[test]
fn a_payments_source_must_be_one_there_is() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["ke-hoach-2021-2025.toml", "ke-hoach-2022.toml", "tien-do-2022.toml"] {
        let text = std::fs::read_to_string(Path::new(DIR).join(file)).unwrap();
        let text = if file.starts_with("tien-do") {
            text.replacen("source = \"nha-nuoc\"", "source = \"ngan-sach\"", 1)
        } else {
            text
        };
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    let output =
        plan().args(["check", ".", "--lang", "en", "--format", "json"]).current_dir(dir.path()).output().unwrap();
    let check: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let d = &check["diagnostics"][0];
    assert_eq!(check["errors"], 1);
    assert_eq!(
        (&d["code"], &d["message"]),
        (&"invalid-value".into(), &"`disbursement[1].source` cannot be `ngan-sach`".into())
    );
    assert_eq!(d["help"], "write one of `trung-uong`, `dia-phuong`, `nha-nuoc`, `doanh-nghiep` or `khac`");
}
