//! End-to-end tests of `plan report`: every format × language × period of the example
//! scenario as snapshots, the real 2019 plan, and every flag and error path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use common::{plan, snapshot, stdout};
use predicates::prelude::*;
use predicates::str::contains;

const EXAMPLE: &str = "examples/nang-suat-chat-luong/ke-hoach-2022.toml";
const REAL: &str = "plans/ke-hoach-2019.toml";

#[test]
fn every_format_language_and_period_of_the_example() {
    let periods: [(&str, &[&str]); 3] =
        [("half-year", &["--half-year"]), ("annual", &["--annual"]), ("as-of", &["--as-of", "2022-09-30"])];
    for (period, period_args) in periods {
        for lang in ["vi", "en"] {
            for format in ["table", "markdown", "json", "csv"] {
                let mut args = vec!["report", EXAMPLE];
                if format == "csv" {
                    args.push("progress");
                }
                args.extend(period_args);
                args.extend(["--lang", lang, "--format", format]);
                snapshot(&format!("report-{period}-{lang}-{format}"), &stdout(&args));
            }
        }
    }
}

#[test]
fn every_csv_section() {
    for section in ["progress", "budget", "deadlines"] {
        let text = stdout(&["report", EXAMPLE, section, "--annual", "--format", "csv"]);
        assert!(text.ends_with("\r\n"), "RFC 4180 lines end in CRLF");
        snapshot(&format!("report-csv-{section}"), &text);
    }
}

#[test]
fn the_real_2019_plan_at_the_half_year() {
    // Markdown, where names are not wrapped to a width.
    let markdown = stdout(&["report", REAL, "--half-year", "--format", "markdown"]);
    for needle in [
        "Tổ chức 01 đợt hội thảo/hội nghị",
        "Cử công chức của Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "hệ thống quản lý tiên tiến",
        "công cụ cải tiến nâng cao năng suất chất lượng",
        "Chứng nhận hợp chuẩn",
        "Xây dựng tiêu chuẩn cơ sở",
        "Hỗ trợ kinh phí 03 doanh nghiệp",
        "Triển khai hoạt động Giải thưởng",
        "491.300.000 đ",
        "30/6/2019",
        "15/12/2019",
        "số liệu từ 15/12/2018 đến 14/6/2019",
        "T7 14/12/2019",
        "0 (dưới 1 ngày)",
        "Chưa có tệp tiến độ",
    ] {
        assert!(markdown.contains(needle), "missing `{needle}`");
    }
    snapshot("report-real-2019-half-year-markdown", &markdown);
    snapshot("report-real-2019-half-year", &stdout(&["report", REAL, "--half-year"]));
}

#[test]
fn output_is_byte_identical_across_runs() {
    let args = ["report", EXAMPLE, "--annual", "--format", "json"];
    assert_eq!(stdout(&args), stdout(&args));
}

#[test]
fn one_section_only() {
    let text = stdout(&["report", EXAMPLE, "budget", "--annual", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], "plan-report/1");
    assert!(json.get("budget").is_some());
    assert!(json.get("progress").is_none() && json.get("deadlines").is_none());
}

#[test]
fn a_json_section_keeps_the_order_of_the_whole_document() {
    // The document is written straight from the report: the keys left are those of the
    // whole document, in its order, `format` first. (Through a `serde_json::Value` a key
    // taken out had the last one moved into its place.)
    let keys = |args: &[&str]| -> Vec<String> {
        let value: serde_json::Value = serde_json::from_str(&stdout(args)).unwrap();
        value.as_object().unwrap().keys().cloned().collect()
    };
    let whole = keys(&["report", EXAMPLE, "--annual", "--format", "json"]);
    let budget = keys(&["report", EXAMPLE, "budget", "--annual", "--format", "json"]);
    let sections = ["progress", "deadlines"];
    let expected: Vec<String> = whole.iter().filter(|k| !sections.contains(&k.as_str())).cloned().collect();
    assert_eq!(budget, expected);
    assert_eq!(budget.first().map(String::as_str), Some("format"));
    assert!(budget.contains(&"budget".to_owned()) && budget.contains(&"organisation".to_owned()), "{budget:?}");
    assert!(!budget.contains(&"progress".to_owned()), "{budget:?}");
}

#[test]
fn plan_lang_from_the_environment() {
    let text = plan().args(["report", EXAMPLE, "--annual"]).env("PLAN_LANG", "en").output().unwrap().stdout;
    assert!(String::from_utf8(text).unwrap().starts_with("Plan implementation report\n"));
}

#[test]
fn an_extra_progress_file_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("them.toml");
    let plan_path = std::fs::canonicalize(REAL).unwrap();
    std::fs::write(
        &extra,
        format!(
            "[progress]\nplan = \"{}\"\n\n[[achievement]]\nactivity = \"he-thong-quan-ly\"\ndate = 2019-05-20\nquantity = 2\n",
            plan_path.display()
        ),
    )
    .unwrap();
    let text =
        stdout(&["report", REAL, "progress", "--half-year", "--format", "csv", "--progress", extra.to_str().unwrap()]);
    assert!(text.contains("II.2.a,he-thong-quan-ly,\"Xây dựng, áp dụng các hệ thống quản lý tiên tiến\",Hệ thống,5,2,40,3,đang thực hiện\r\n"), "{text}");
}

#[test]
fn a_plan_with_errors_gets_no_report() {
    plan()
        .args(["report", "tests/fixtures/invalid/budget-lines-sum/plan.toml", "--annual"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("lỗi[budget-lines-sum]").and(contains("plan: không lập báo cáo: các tệp có lỗi\n")));
    plan()
        .args(["report", "tests/fixtures/invalid/budget-lines-sum/plan.toml", "--annual", "--lang", "en"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("error[budget-lines-sum]").and(contains("plan: no report: the files have errors\n")));
}

#[test]
fn error_paths() {
    plan()
        .args(["report", "plans/quyet-dinh-1186-2016.toml"])
        .assert()
        .code(2)
        .stderr("plan: lỗi: `plans/quyet-dinh-1186-2016.toml` không phải tệp kế hoạch\n");
    plan()
        .args(["report", "plans/quyet-dinh-1186-2016.toml", "--lang", "en"])
        .assert()
        .code(2)
        .stderr("plan: error: `plans/quyet-dinh-1186-2016.toml` is not a plan file\n");
    plan()
        .args(["report", "plans/nope.toml"])
        .assert()
        .code(2)
        .stderr("plan: lỗi: không đọc được `plans/nope.toml`: không có tệp hay thư mục này\n");
    plan()
        .args(["report", "plans/nope.toml", "--lang", "en"])
        .assert()
        .code(2)
        .stderr("plan: error: cannot read `plans/nope.toml`: No such file or directory (os error 2)\n");
    plan().args(["report", REAL, "--format", "csv"]).assert().code(2).stderr(
        "plan: lỗi: `--format csv` in một phần: nêu tên phần đó, như `plan report PLAN progress --format csv`\n",
    );
    plan()
        .args(["report", REAL, "--format", "csv", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(contains("`--format csv` prints one section"));
    plan()
        .args(["report", REAL, "totals"])
        .assert()
        .code(2)
        .stderr("plan: lỗi: không có phần `totals`: nêu một trong `progress`, `budget` hoặc `deadlines`\n");
    plan()
        .args(["report", REAL, "totals", "--lang", "en"])
        .assert()
        .code(2)
        .stderr("plan: error: unknown section `totals`: name one of `progress`, `budget` or `deadlines`\n");
    plan().args(["report", REAL, "--half-year", "--annual"]).assert().code(2);
    plan().args(["report", REAL, "--as-of", "2019-02-30"]).assert().code(2);
    plan()
        .args(["report", REAL, "--progress", "examples/nang-suat-chat-luong/tien-do-2021.toml"])
        .assert()
        .code(2)
        .stderr(
            "plan: lỗi: `examples/nang-suat-chat-luong/tien-do-2021.toml` không ghi tiến độ của `plans/ke-hoach-2019.toml`\n",
        );
    plan()
        .args(["report", REAL, "--progress", "examples/nang-suat-chat-luong/tien-do-2021.toml", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(contains("does not record progress against `plans/ke-hoach-2019.toml`"));
}

#[test]
fn the_default_plan_is_the_newest_under_plans() {
    let root = tempfile::tempdir().unwrap();
    plan()
        .args(["report", "--lang", "en"])
        .current_dir(root.path())
        .assert()
        .code(2)
        .stderr(contains("no `plans/` directory"));
    plan().arg("report").current_dir(root.path()).assert().code(2).stderr(
        "plan: lỗi: chưa nêu kế hoạch, và ở đây không có thư mục `plans/`: nêu kế hoạch, như `plan report plans/ke-hoach-2019.toml`\n",
    );
    let plans = root.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for file in ["quyet-dinh.toml", "ke-hoach-2021.toml", "ke-hoach-2022.toml", "tien-do-2022-ca-nam.toml"] {
        std::fs::copy(format!("examples/nang-suat-chat-luong/{file}"), plans.join(file)).unwrap();
    }
    let output = plan().args(["report", "--annual", "--format", "json"]).current_dir(root.path()).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["plan"]["year"], 2022);
    let second = std::fs::read_to_string(plans.join("ke-hoach-2022.toml")).unwrap();
    std::fs::write(plans.join("ke-hoach-2022-b.toml"), second).unwrap();
    plan()
        .args(["report", "--lang", "en"])
        .current_dir(root.path())
        .assert()
        .code(2)
        .stderr("plan: error: 2 plans for 2022 under `plans/`; name one:\n  plans/ke-hoach-2022-b.toml\n  plans/ke-hoach-2022.toml\n");
    plan()
        .arg("report")
        .current_dir(root.path())
        .assert()
        .code(2)
        .stderr("plan: lỗi: có 2 kế hoạch năm 2022 trong `plans/`; hãy nêu một:\n  plans/ke-hoach-2022-b.toml\n  plans/ke-hoach-2022.toml\n");
}

#[test]
fn an_entry_on_the_cut_off_counts_and_the_day_after_does_not() {
    // The 2022 example records one `hop-chuan` product on 14/6 (the half-year cut-off) and one
    // `hop-quy` product on 15/6.
    let text = stdout(&["report", EXAMPLE, "progress", "--half-year", "--format", "csv"]);
    assert!(text.contains("\r\n,hop-chuan-hop-quy.hop-chuan,↳ 02 sản phẩm hợp chuẩn,sản phẩm,2,1,50,1,\r\n"), "{text}");
    assert!(text.contains("\r\n,hop-chuan-hop-quy.hop-quy,↳ 01 sản phẩm hợp quy,sản phẩm,1,0,0,1,\r\n"), "{text}");
    let after = stdout(&["report", EXAMPLE, "progress", "--as-of", "2022-06-15", "--format", "csv"]);
    assert!(after.contains("\r\n,hop-chuan-hop-quy.hop-quy,↳ 01 sản phẩm hợp quy,sản phẩm,1,1,100,0,\r\n"), "{after}");
}

#[test]
fn a_report_names_who_does_what_the_enterprises_supported_and_each_payment() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["report", EXAMPLE, "--annual", "--format", "json"])).unwrap();
    let row = json["progress"].as_array().unwrap().iter().find(|r| r["activity"] == "hop-chuan-hop-quy").unwrap();
    assert_eq!(row["parts"][0]["name"], "02 sản phẩm hợp chuẩn");
    let entries = row["entries"].as_array().unwrap();
    assert_eq!(entries[0]["date"], "2022-06-14");
    assert_eq!(entries[0]["enterprise"], "Công ty Cổ phần Nước mắm Mẫu");
    assert_eq!(entries[0]["detail"], "Chứng nhận hợp chuẩn sản phẩm nước mắm cốt theo TCVN 5107:2018");
    assert!(row["lead"].is_string() && !row["partners"].as_array().unwrap().is_empty());
    let task = &json["organisation"]["responsibilities"][1]["tasks"][0];
    assert_eq!(task["id"], "tuyen-chon-tu-van");
    assert_eq!(task["milestone"]["date"], "2022-07-08");
    assert_eq!(task["milestone"]["status"], "done");
    let payments = json["budget"]["payments"].as_array().unwrap();
    let paid: rust_decimal::Decimal =
        payments.iter().map(|p| p["amount"].as_str().unwrap().parse::<rust_decimal::Decimal>().unwrap()).sum();
    assert_eq!(paid.to_string(), json["budget"]["disbursed"].as_str().unwrap());
    assert!(payments.iter().all(|p| p["voucher"].is_string()), "every example payment has its voucher");
    let real: serde_json::Value =
        serde_json::from_str(&stdout(&["report", REAL, "--half-year", "--format", "json"])).unwrap();
    assert_eq!(real["organisation"]["archive"], "VT, VP.UBND tỉnh");
    assert_eq!(real["organisation"]["recipients"][5], "Như tổ chức thực hiện");
    assert_eq!(real["organisation"]["recipients_internal"][0], "LĐVP, CVVHXH");
    assert_eq!(real["organisation"]["responsibilities"].as_array().unwrap().len(), 3);
    assert_eq!(real["organisation"]["purposes"].as_array().unwrap().len(), 2);
    assert_eq!(real["data"]["from"], "2018-12-15");
    assert_eq!(real["data"]["to"], "2019-06-14");
    let annual = &real["deadlines"]["reports"][1];
    assert_eq!((annual["working_days"].as_i64(), annual["gap_too_short"].as_bool()), (Some(0), Some(true)));
}
