//! The second illustrative scenario, `examples/chuong-trinh-2021-2025/`: a 2021–2025 kế
//! hoạch in triệu đồng, with its legal basis, targets of every kind, a stage beyond the
//! period, a budget by source and a support cap, and two yearly plans with progress.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use common::plan;

const DIR: &str = "examples/chuong-trinh-2021-2025";
const PARENT: &str = "examples/chuong-trinh-2021-2025/ke-hoach-2021-2025.toml";

fn json(args: &[&str]) -> serde_json::Value {
    let output = plan().args(args).output().unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_example_checks_with_its_one_intended_warning() {
    let check = json(&["check", DIR, "--format", "json", "--lang", "en"]);
    assert_eq!(
        (check["files"].as_i64(), check["errors"].as_i64(), check["warnings"].as_i64()),
        (Some(5), Some(0), Some(1))
    );
    let d = &check["diagnostics"][0];
    assert_eq!(d["code"], "support-cap-exceeded");
    assert_eq!(
        d["message"],
        "`Công ty TNHH Dệt may Phú An` is paid `70.000.000` đồng in all, more than the support rule allows for 1 hệ thống (`65.000.000`)"
    );
}

#[test]
fn the_roll_up_counts_each_target_as_it_is_meant() {
    let report = json(&["report", "--period", PARENT, "--as-of", "2023-06-30", "--format", "json"]);
    assert_eq!(report["decision"]["kind"], "ke-hoach");
    let rows: Vec<String> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap_or("null").to_owned();
            format!(
                "{} | {} | planned {} | achieved {} partial {} | {} %",
                s("item"),
                s("target_text"),
                s("planned"),
                s("achieved"),
                i["achieved_partial"],
                s("percent")
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // A level: the latest year's target (50, not 40 + 50) and the latest reading.
            "tieu-chuan | khoảng 65 (±5 %) | planned 50 | achieved 46 partial false | 70.8 %",
            // 2021 has no plan here: what is counted is a least value.
            "ho-tro-doanh-nghiep | tối thiểu 100 | planned 45 | achieved 31 partial true | 31 %",
            // A target for each year has no percent of a period figure.
            "dao-tao | 2–3 mỗi năm | planned 4 | achieved 4 partial true | null %",
            "mo-hinh-diem | 10 | planned 5 | achieved 2 partial true | 20 %",
        ]
    );
    assert_eq!(report["items"][0]["stages"][0]["target_text"], "tối thiểu 80");
    let years: Vec<(i64, Option<&str>)> = report["budget"]["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].as_i64().unwrap(), y["disbursed"].as_str()))
        .collect();
    // Money written in triệu đồng, kept in đồng; a year with no plan is unknown, not 0.
    assert_eq!(years, [(2021, None), (2022, Some("650000000")), (2023, Some("127350000")), (2024, None), (2025, None)]);
    assert_eq!(report["budget"]["envelope"], "12500000000");
    assert_eq!(report["budget"]["disbursed"], "777350000");
    assert_eq!(report["budget"]["disbursed_partial"], true);
}

#[test]
fn every_format_of_the_roll_up_says_how_targets_are_meant() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["table", "markdown", "html"] {
        let output =
            plan().args(["report", "--period", PARENT, "--as-of", "2023-06-30", "--format", format]).output().unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        // 31 of at least 100 is at least 31 %: 2021 has no plan here.
        for want in ["khoảng 65 (±5 %)", "tối thiểu 100", "2–3 mỗi năm", "≥31 %", "≥20 %"] {
            assert!(text.contains(want), "{format}: no `{want}` in\n{text}");
        }
    }
    let docx = dir.path().join("period.docx");
    plan()
        .args(["report", "--period", PARENT, "--as-of", "2023-06-30", "--format", "docx", "-o"])
        .arg(&docx)
        .assert()
        .success();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    for want in [
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ",
        "thực hiện ít nhất 31 doanh nghiệp (chỉ tiêu giai đoạn tối thiểu 100), đạt ít nhất 31 % chỉ tiêu giai đoạn.",
        "thực hiện 46 % (chỉ tiêu giai đoạn khoảng 65 (±5 %)), đạt 70,8 % chỉ tiêu giai đoạn; chỉ tiêu 2026–2030: tối thiểu 80.",
    ] {
        assert!(xml.contains(want), "no `{want}` in the Word report");
    }
}
