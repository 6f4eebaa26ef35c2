//! `plan report --format docx` and `-o FILE`: the Word document is read back with an
//! independent reader (`zip` + `roxmltree`) and its figures compared with the JSON report's,
//! to the đồng.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::format_collect,
    clippy::format_push_string
)]

mod common;

use std::io::Read;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const PLAN_2019: &str = "plans/ke-hoach-2019.toml";
const PLAN_2022: &str = "examples/nang-suat-chat-luong/ke-hoach-2022.toml";
const NARRATIVE_2022: &str = "examples/nang-suat-chat-luong/bao-cao-2022.narrative";

fn run(args: &[&str]) -> Vec<u8> {
    let output = common::plan().arg("report").args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_slice(&run(&all)).unwrap()
}

/// The text of a paragraph or cell: its `w:t` runs joined.
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect()
}

/// The tables of the document, as rows of cell texts.
fn tables(xml: &str) -> Vec<Vec<Vec<String>>> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .map(|t| {
            t.children()
                .filter(|r| r.has_tag_name((W, "tr")))
                .map(|r| r.children().filter(|c| c.has_tag_name((W, "tc"))).map(text_of).collect())
                .collect()
        })
        .collect()
}

/// Every paragraph's text, in order (tables included).
fn paragraphs(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants().filter(|n| n.has_tag_name((W, "p"))).map(text_of).collect()
}

/// `1.105.215.000` or `66,7` as a number; a dash as none.
fn figure(cell: &str) -> Option<Decimal> {
    if cell == "—" {
        return None;
    }
    Some(Decimal::from_str(&cell.replace('.', "").replace(',', ".")).unwrap())
}

fn decimal(value: &Value) -> Option<Decimal> {
    value.as_str().map(|s| Decimal::from_str(s).unwrap().normalize())
}

/// Compares table 1 (targets and results) and table 2 (budget) with the JSON report;
/// returns how many figures were compared.
fn compare_figures(xml: &str, report: &Value) -> usize {
    let tables = tables(xml);
    let mut compared = 0;
    // Table 0 is the header block; 1 the targets; 2 the budget (when it has rows); the last
    // is Nơi nhận and the signature.
    let targets = &tables[1];
    assert_eq!(targets[0], ["STT", "Nội dung", "Đơn vị tính", "Chỉ tiêu", "Đạt", "Tỷ lệ (%)", "Tình trạng"]);
    let progress = report["progress"].as_array().unwrap();
    assert_eq!(targets.len() - 1, progress.len());
    for (row, want) in targets[1..].iter().zip(progress) {
        assert_eq!(row[1], want["name"].as_str().unwrap().trim());
        let target = decimal(&want["target"]);
        assert_eq!(figure(&row[3]), target, "{row:?}");
        let achieved = target.and(decimal(&want["achieved"]));
        assert_eq!(figure(&row[4]), achieved, "{row:?}");
        assert_eq!(figure(&row[5]), decimal(&want["percent"]), "{row:?}");
        compared += 3;
    }
    let budget = &report["budget"];
    let lines = budget["lines"].as_array().unwrap();
    let rows = if lines.is_empty() { budget["activities"].as_array().unwrap() } else { lines };
    if !rows.is_empty() {
        let table = &tables[2];
        assert_eq!(table[0], ["Khoản", "Kinh phí", "Đã giải ngân", "Còn lại", "Tỷ lệ (%)"]);
        assert_eq!(table.len(), rows.len() + 2);
        for (row, want) in table[1..].iter().zip(rows) {
            assert_eq!(figure(&row[1]), decimal(&want["amount"]), "{row:?}");
            assert_eq!(figure(&row[2]), decimal(&want["disbursed"]), "{row:?}");
            assert_eq!(figure(&row[3]), decimal(&want["remaining"]), "{row:?}");
            assert_eq!(figure(&row[4]), decimal(&want["percent"]), "{row:?}");
            compared += 4;
        }
        let total = table.last().unwrap();
        assert_eq!(total[0], "Tổng cộng");
        assert_eq!(figure(&total[1]), decimal(&budget["total"]));
        assert_eq!(figure(&total[2]), decimal(&budget["disbursed"]));
        assert_eq!(figure(&total[3]), decimal(&budget["remaining"]));
        assert_eq!(figure(&total[4]), decimal(&budget["percent"]));
        compared += 4;
        // The total row is the sum of the rows above it, to the đồng.
        let sum: Decimal = table[1..table.len() - 1].iter().filter_map(|r| figure(&r[2])).sum();
        assert_eq!(Some(sum), figure(&total[2]));
    }
    // The budget paragraphs: the total, the disbursed and the remaining amount, each also in
    // words that read back as the figure.
    let paras = paragraphs(xml);
    for (label, key) in [("- Tổng kinh phí: ", "total"), ("- Còn lại: ", "remaining")] {
        // Unknown (no progress file): no figure, and no zero either.
        if budget[key].is_null() {
            assert!(!paras.iter().any(|p| p.starts_with(label)), "{label}");
            let unknown = paras.iter().find(|p| p.starts_with("- Đã giải ngân đến ngày ")).unwrap();
            assert!(unknown.ends_with(": chưa có số liệu."), "{unknown}");
            continue;
        }
        let line = paras.iter().find(|p| p.starts_with(label)).unwrap();
        let amount = line[label.len()..].split(" đồng").next().unwrap();
        assert_eq!(figure(amount), decimal(&budget[key]), "{line}");
        let words = line.split("(bằng chữ: ").nth(1).unwrap().trim_end_matches(").");
        let read = plan::words::read(words).unwrap();
        assert_eq!(Decimal::from(read), decimal(&budget[key]).unwrap(), "{line}");
        compared += 2;
    }
    compared
}

#[test]
fn the_2019_half_year_document_has_the_json_figures_and_the_decree_layout() {
    let args = [PLAN_2019, "--half-year"];
    let docx = run(&[&args[..], &["--format", "docx"]].concat());
    let xml = part(&docx, "word/document.xml");
    let report = json(&args);
    // The total and its words; what was disbursed and what remains are unknown.
    assert_eq!(compare_figures(&xml, &report), 3 * 8 + 2);
    let paras = paragraphs(&xml);
    for want in [
        "UBND TỈNH TÂY NINH",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "Số: …/BC-SKHCN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tây Ninh, ngày … tháng … năm …",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch dự án “Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh Tây Ninh” 6 tháng đầu năm 2019",
        "Kính gửi: Ủy ban nhân dân tỉnh Tây Ninh.",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. KINH PHÍ",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        "Nơi nhận:",
        "- Như trên;",
        "- Bộ Khoa học và Công nghệ;",
        "- Như tổ chức thực hiện;",
        "- LĐVP, CVVHXH;",
        "- Lưu: VT, VP.UBND tỉnh.",
        "GIÁM ĐỐC",
        "III.3. Chi cục Tiêu chuẩn Đo lường Chất lượng:",
        "- Tuyển chọn Tổ chức tư vấn đủ điều kiện tư vấn theo quy định hiện hành khi doanh nghiệp có yêu cầu: chưa có kết quả trong kỳ.",
    ] {
        assert!(paras.iter().any(|p| p == want), "no paragraph `{want}` in {paras:#?}");
    }
    // The content items are headed by the plan's own numbering, each in the plan's order.
    let items: Vec<&str> = paras
        .iter()
        .filter(|p| p.starts_with("II.1.") || p.starts_with("II.2."))
        .map(|p| p.split(' ').next().unwrap())
        .collect();
    assert_eq!(items, ["II.1.a.", "II.1.a.", "II.2.a.", "II.2.a.", "II.2.a.", "II.2.a.", "II.2.a.", "II.2.a."]);
    // Breakdown parts by their display names, not their ids.
    assert!(paras.iter().any(|p| p.contains(
        "chỉ tiêu 3 doanh nghiệp (01 giải Vàng chất lượng quốc gia: —/1; 02 giải thưởng chất lượng quốc gia: —/2); chưa có số liệu thực hiện."
    )));
    // The places to fill in are there and visible.
    assert_eq!(paras.iter().filter(|p| p.starts_with("[Phần do đơn vị soạn thảo viết: ")).count(), 3);
    assert!(paras.iter().any(|p| p.ends_with("./.")));
    // Internal things stay out: paths, ids, the report's own deadline state.
    for internal in ["plans/", ".toml", "hoi-thao", "giai-vang", "còn 15 ngày", "chưa gửi"] {
        assert!(!xml.contains(internal), "`{internal}` in the document");
    }
}

#[test]
fn the_page_is_a4_with_the_decree_margins_times_new_roman_and_page_numbers_from_page_2() {
    let docx = run(&[PLAN_2019, "--half-year", "--format", "docx"]);
    let xml = part(&docx, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(xml.contains(
        r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/>"#
    ));
    assert!(part(&docx, "word/styles.xml").contains(r#"w:ascii="Times New Roman""#));
    assert!(part(&docx, "word/header1.xml").contains(" PAGE "));
    // Fixed table layouts whose columns add up to the text width (210 − 30 − 15 mm), and
    // figure cells that never wrap.
    let doc = roxmltree::Document::parse(&xml).unwrap();
    for grid in doc.descendants().filter(|n| n.has_tag_name((W, "tblGrid"))) {
        let width: u32 = grid.children().filter_map(|c| c.attribute((W, "w"))).map(|w| w.parse::<u32>().unwrap()).sum();
        assert_eq!(width, 11906 - 1701 - 850);
    }
    assert_eq!(xml.matches(r#"<w:tblLayout w:type="fixed"/>"#).count(), 3);
    assert!(xml.matches("<w:noWrap/>").count() >= 3 * 8);
}

#[test]
fn the_example_annual_document_takes_the_narrative_and_the_options() {
    let args = [PLAN_2022, "--annual"];
    let docx = run(&[&args[..], &["--format", "docx", "--narrative", NARRATIVE_2022, "--number", "7"]].concat());
    let xml = part(&docx, "word/document.xml");
    let report = json(&args);
    // 7 activities × 3 figures, 8 budget lines × 4, the total row, two amounts in words.
    assert_eq!(compare_figures(&xml, &report), 7 * 3 + 8 * 4 + 4 + 4);
    let paras = paragraphs(&xml);
    for want in [
        "Số: 07/BC-SKHCN",
        "Ví Dụ, ngày 14 tháng 12 năm 2022",
        "Kính gửi: Ủy ban nhân dân tỉnh Ví Dụ.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn An",
        "- Lưu: VT, CCTĐC.",
        "- Chi cục Tiêu chuẩn Đo lường Chất lượng;",
        "Kinh phí đối ứng của doanh nghiệp còn hạn chế.",
    ] {
        assert!(paras.iter().any(|p| p == want), "no paragraph `{want}` in {paras:#?}");
    }
    assert!(!paras.iter().any(|p| p.starts_with("[Phần do")));
    assert!(!xml.contains("so-khdt"), "an agency id in Nơi nhận");
    // Each result recorded, with the enterprise supported, under its activity; the
    // followed task of section III with its last milestone.
    let at = |text: &str| paras.iter().position(|p| p == text).unwrap_or_else(|| panic!("no `{text}` in {paras:#?}"));
    let item = paras.iter().position(|p| p.starts_with("II.2.a. Hỗ trợ 04 doanh nghiệp")).unwrap();
    assert_eq!(at("+ Công ty TNHH Dệt may Ví Dụ: ISO 9001:2015 (30/3/2022)."), item + 1);
    assert_eq!(at("+ Công ty Cổ phần Cơ khí Mẫu Số Một: ISO 14001:2015 (12/10/2022)."), item + 2);
    let entries = report["progress"].as_array().unwrap().iter().map(|r| r["entries"].as_array().unwrap().len());
    assert_eq!(paras.iter().filter(|p| p.starts_with("+ ")).count(), entries.sum::<usize>());
    at("III.2. Chi cục Tiêu chuẩn Đo lường Chất lượng:");
    at(
        "- Tuyển chọn tổ chức tư vấn đủ điều kiện khi doanh nghiệp có yêu cầu: đã hoàn thành ngày 8/7/2022 (Quyết định chọn 02 tổ chức tư vấn).",
    );
}

/// The document outline: one line per paragraph (tables as `| cell | cell |` rows), the
/// normalised form the snapshots keep.
fn outline(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let body = doc.descendants().find(|n| n.has_tag_name((W, "body"))).unwrap();
    let mut out = String::new();
    for node in body.children() {
        if node.has_tag_name((W, "p")) {
            let look: String = ["b", "i", "highlight"]
                .iter()
                .filter(|tag| node.descendants().any(|n| n.has_tag_name((W, **tag))))
                .map(|t| format!("[{t}]"))
                .collect();
            let align = node
                .descendants()
                .find(|n| n.has_tag_name((W, "jc")))
                .and_then(|n| n.attribute((W, "val")))
                .unwrap_or("");
            out.push_str(&format!("{align}{look} {}\n", text_of(node)));
        } else if node.has_tag_name((W, "tbl")) {
            for row in node.children().filter(|r| r.has_tag_name((W, "tr"))) {
                let cells: Vec<String> = row
                    .children()
                    .filter(|c| c.has_tag_name((W, "tc")))
                    .map(|c| {
                        c.children().filter(|p| p.has_tag_name((W, "p"))).map(text_of).collect::<Vec<_>>().join(" / ")
                    })
                    .collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
        }
    }
    out
}

#[test]
fn snapshot_of_the_2019_half_year_document() {
    let docx = run(&[PLAN_2019, "--half-year", "--format", "docx"]);
    common::snapshot("docx-2019-half-year", &outline(&part(&docx, "word/document.xml")));
}

#[test]
fn snapshot_of_the_example_annual_document() {
    let docx = run(&[PLAN_2022, "--annual", "--format", "docx", "--narrative", NARRATIVE_2022]);
    common::snapshot("docx-vi-du-2022-annual", &outline(&part(&docx, "word/document.xml")));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let args = [PLAN_2019, "--half-year", "--format", "docx"];
    assert_eq!(run(&args), run(&args));
}

#[test]
fn output_takes_the_format_from_the_extension_and_keeps_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("bao-cao.docx");
    let docx_arg = docx.to_str().unwrap();
    let out = run(&[PLAN_2019, "--half-year", "-o", docx_arg]);
    assert!(out.is_empty());
    let bytes = std::fs::read(&docx).unwrap();
    assert_eq!(bytes, run(&[PLAN_2019, "--half-year", "--format", "docx"]));
    // Kept without --force …
    let output = common::plan().args(["report", PLAN_2019, "--half-year", "-o", docx_arg]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("đã có và được giữ nguyên: dùng --force để ghi đè"));
    let output =
        common::plan().args(["report", PLAN_2019, "--half-year", "-o", docx_arg, "--lang", "en"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("exists and was left as it is: use --force to replace it")
    );
    // … replaced with it; `--format` wins over the extension.
    run(&[PLAN_2019, "--half-year", "-o", docx_arg, "--force", "--format", "json"]);
    let written: Value = serde_json::from_slice(&std::fs::read(&docx).unwrap()).unwrap();
    assert_eq!(written, json(&[PLAN_2019, "--half-year"]));
    let md = dir.path().join("bao-cao.md");
    run(&[PLAN_2019, "--half-year", "-o", md.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&md).unwrap().starts_with('#'));
    let unknown = dir.path().join("bao-cao.pdf");
    let output =
        common::plan().args(["report", PLAN_2019, "-o", unknown.to_str().unwrap(), "--lang", "en"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot tell the format of"));
    let output = common::plan().args(["report", PLAN_2019, "-o", unknown.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("không biết định dạng của"));
    assert!(!unknown.exists());
}

#[test]
fn a_docx_refuses_a_terminal_stdout() {
    use clap::Parser;
    let terminal = plan::cli::Terminal { stdout_terminal: true, ..Default::default() };
    let cases = [
        (
            plan::lang::Lang::En,
            "a .docx file is not for the terminal: write it with `-o report.docx`, or redirect stdout to a file",
        ),
        (
            plan::lang::Lang::Vi,
            "tệp .docx không hiện được trên màn hình dòng lệnh: ghi ra tệp bằng `-o bao-cao.docx`, hoặc chuyển đầu ra vào một tệp",
        ),
    ];
    for (lang, expected) in cases {
        let args = ["plan", "report", PLAN_2019, "--half-year", "--format", "docx", "--lang", lang.as_str()];
        let cli = plan::cli::Cli::try_parse_from(args).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let error = plan::cli::run(cli, &terminal, &mut out, &mut err).unwrap_err();
        assert_eq!(plan::failure::describe(&error, lang), expected);
        assert!(out.is_empty());
    }
}

#[test]
fn a_narrative_file_with_an_unknown_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.narrative");
    std::fs::write(&file, "difficulty = \"x\"\n").unwrap();
    let args = ["report", PLAN_2019, "--half-year", "--format", "docx", "--narrative", file.to_str().unwrap()];
    let output = common::plan().args(args).args(["--lang", "en"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is not a narrative file") && stderr.contains("unknown field `difficulty`"), "{stderr}");
    let output = common::plan().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("plan: lỗi: `")
            && stderr.ends_with(
                "` không phải tệp lời văn của báo cáo: dòng 1, cột 1: khóa `difficulty` không dùng được ở đây; \
                 các khóa là `number`, `date`, `signer`, `authority`, `drafting-unit`, `recipients`, `results`, \
                 `difficulties`, `next-tasks`, `requests`\n"
            ),
        "{stderr}"
    );
}

const PERIOD: [&str; 4] = ["--period", "examples/nang-suat-chat-luong", "--as-of", "2023-10-31"];

/// An amount line of section II: its figure and its words, both read back.
fn amount_line(paras: &[String], label: &str) -> (Decimal, Decimal) {
    let line = paras.iter().find(|p| p.starts_with(label)).unwrap_or_else(|| panic!("no `{label}` in {paras:#?}"));
    let amount = line[label.len()..].split(" đồng").next().unwrap();
    let words = line.split("(bằng chữ: ").nth(1).unwrap().split(')').next().unwrap();
    (figure(amount).unwrap(), Decimal::from(plan::words::read(words).unwrap()))
}

#[test]
fn the_period_document_has_the_json_roll_up_figures_to_the_dong() {
    let docx = run(&[&PERIOD[..], &["--format", "docx"]].concat());
    let xml = part(&docx, "word/document.xml");
    let report = json(&PERIOD);
    let tables = tables(&xml);
    // The header block, the items, the budget by year, Nơi nhận and the signature.
    assert_eq!(tables.len(), 4);
    let mut compared = 0;
    let items = &tables[1];
    assert_eq!(
        items[0],
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
            "Tỷ lệ (%)"
        ]
    );
    let want = report["items"].as_array().unwrap();
    assert_eq!(items.len() - 1, want.len());
    for (row, want) in items[1..].iter().zip(want) {
        assert_eq!(row[0], want["name"].as_str().unwrap().trim());
        assert_eq!(figure(&row[2]), decimal(&want["period_target"]), "{row:?}");
        for (cell, year) in row[3..8].iter().zip(want["years"].as_array().unwrap()) {
            assert_eq!(figure(cell), decimal(&year["target"]), "{row:?}");
        }
        assert_eq!(figure(&row[8]), decimal(&want["planned"]), "{row:?}");
        assert_eq!(figure(&row[9]), decimal(&want["achieved"]), "{row:?}");
        assert_eq!(figure(&row[10]), decimal(&want["percent"]), "{row:?}");
        compared += 9;
    }
    let budget = &report["budget"];
    let table = &tables[2];
    assert_eq!(table[0], ["Năm", "Mức được phép theo Quyết định", "Kinh phí kế hoạch năm", "Đã giải ngân"]);
    let years = budget["years"].as_array().unwrap();
    assert_eq!(table.len(), years.len() + 2);
    for (row, want) in table[1..].iter().zip(years) {
        assert_eq!(row[0], want["year"].to_string());
        assert_eq!(figure(&row[1]), decimal(&want["allowed"]), "{row:?}");
        assert_eq!(figure(&row[2]), decimal(&want["total"]), "{row:?}");
        assert_eq!(figure(&row[3]), decimal(&want["disbursed"]), "{row:?}");
        compared += 3;
    }
    let total = table.last().unwrap();
    assert_eq!(total[0], "Cả giai đoạn");
    assert_eq!(figure(&total[1]), decimal(&budget["envelope"]));
    assert_eq!(figure(&total[2]), decimal(&budget["total"]));
    assert_eq!(figure(&total[3]), decimal(&budget["disbursed"]));
    compared += 3;
    // The disbursed column adds up to the period's figure, to the đồng.
    let sum: Decimal = table[1..table.len() - 1].iter().filter_map(|r| figure(&r[3])).sum();
    assert_eq!(Some(sum), figure(&total[3]));
    let paras = paragraphs(&xml);
    for (label, key) in [
        ("- Kinh phí cả giai đoạn theo Quyết định: ", "envelope"),
        ("- Kinh phí các kế hoạch năm: ", "total"),
        ("- Chưa bố trí vào kế hoạch năm: ", "unallocated"),
        ("- Đã giải ngân đến ngày 31/10/2023: ", "disbursed"),
    ] {
        let (amount, words) = amount_line(&paras, label);
        assert_eq!(Some(amount), decimal(&budget[key]), "{label}");
        assert_eq!(words, amount, "{label}");
        compared += 2;
    }
    assert_eq!(compared, 7 * 9 + 5 * 3 + 3 + 4 * 2);
    for want in [
        "UBND TỈNH VÍ DỤ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "Số: …/BC-SKHCN",
        "BÁO CÁO",
        "Kết quả thực hiện Quyết định số 2468/QĐ-UBND về nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh Ví Dụ giai đoạn 2021 - 2025 (số liệu đến ngày 31/10/2023)",
        "Kính gửi: Ủy ban nhân dân tỉnh Ví Dụ.",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. KINH PHÍ",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "- Như trên;",
        "- Lưu: VT, ….",
    ] {
        assert!(paras.iter().any(|p| p == want), "no paragraph `{want}` in {paras:#?}");
    }
    assert!(paras.iter().any(|p| p.ends_with("./.")));
    for internal in [".toml", "hoi-thao", "so-khcn", "on-time", "missing"] {
        assert!(!xml.contains(internal), "`{internal}` in the document");
    }
}

#[test]
fn snapshot_of_the_period_document() {
    let docx = run(&[&PERIOD[..], &["--format", "docx", "--narrative", NARRATIVE_2022, "--number", "3"]].concat());
    common::snapshot("docx-vi-du-period", &outline(&part(&docx, "word/document.xml")));
}

#[test]
fn the_period_document_of_the_real_decision() {
    let args = ["--period", "plans/quyet-dinh-1186-2016.toml", "--as-of", "2019-06-14"];
    let docx = run(&[&args[..], &["--format", "docx"]].concat());
    common::snapshot("docx-1186-period", &outline(&part(&docx, "word/document.xml")));
    assert_eq!(run(&[&args[..], &["--format", "docx"]].concat()), docx, "the same bytes each run");
}

#[test]
fn a_period_document_is_the_whole_roll_up() {
    let output = common::plan().args(["report"]).args(PERIOD).args(["budget", "--format", "docx"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    // The warnings of the files come first.
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .ends_with("\nplan: lỗi: báo cáo tổng hợp dạng .docx hay .xlsx là cả văn bản: bỏ tên phần đi\n")
    );
    let output = common::plan()
        .args(["report", "--lang", "en"])
        .args(PERIOD)
        .args(["budget", "--format", "docx"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .ends_with("\nplan: error: a .docx or .xlsx roll-up is the whole document: leave out the section\n")
    );
}

#[test]
fn a_period_without_plans_is_reported_by_the_decisions_lead_to_its_issuer() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("examples/nang-suat-chat-luong/quyet-dinh.toml", dir.path().join("quyet-dinh.toml")).unwrap();
    let docx = run(&["--period", dir.path().to_str().unwrap(), "--as-of", "2021-03-01", "--format", "docx"]);
    let paras = paragraphs(&part(&docx, "word/document.xml"));
    for want in [
        "UBND TỈNH VÍ DỤ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "Số: …/BC-SKHCN",
        "Ví Dụ, ngày … tháng … năm …",
        "Kính gửi: Ủy ban nhân dân tỉnh Ví Dụ.",
        "- Kinh phí các kế hoạch năm: 0 đồng (bằng chữ: không đồng), bằng 0 % kinh phí cả giai đoạn.",
        "- Lưu: VT, ….",
    ] {
        assert!(paras.iter().any(|p| p == want), "no paragraph `{want}` in {paras:#?}");
    }
}
