//! `plan report --format html`: one self-contained page. It is parsed back (`roxmltree`:
//! the page is also well-formed XML) and its figures compared with the JSON report's.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::format_collect)]

mod common;

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

const PLAN_2019: &str = "plans/ke-hoach-2019.toml";
const PLAN_2022: &str = "examples/nang-suat-chat-luong/ke-hoach-2022.toml";

fn run(args: &[&str]) -> String {
    let output = common::plan().arg("report").args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The page as XML: it is well-formed, with an HTML5 doctype.
fn parse(page: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    roxmltree::Document::parse_with_options(page, options).unwrap()
}

fn text(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants().filter(roxmltree::Node::is_text).filter_map(|n| n.text()).collect()
}

/// The page's tables, as rows of cell texts (header rows included).
fn tables(doc: &roxmltree::Document<'_>) -> Vec<Vec<Vec<String>>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("table"))
        .map(|t| {
            t.descendants()
                .filter(|r| r.has_tag_name("tr"))
                .map(|r| r.children().filter(roxmltree::Node::is_element).map(text).collect())
                .collect()
        })
        .collect()
}

fn figure(cell: &str) -> Option<Decimal> {
    (cell != "—").then(|| Decimal::from_str(&cell.replace('.', "").replace(',', ".")).unwrap())
}

fn decimal(value: &Value) -> Option<Decimal> {
    value.as_str().map(|s| Decimal::from_str(s).unwrap().normalize())
}

fn self_contained(page: &str) {
    for external in ["http:", "https:", "src=", "href=", "@import", "url(", "<script", "<link"] {
        assert!(!page.contains(external), "`{external}` in the page");
    }
}

fn compare(args: &[&str]) -> usize {
    let page = run(&[args, &["--format", "html"]].concat());
    self_contained(&page);
    let report: Value = serde_json::from_str(&run(&[args, &["--format", "json"]].concat())).unwrap();
    let doc = parse(&page);
    let tables = tables(&doc);
    let mut compared = 0;
    let progress = &tables[0];
    for (row, want) in progress[1..].iter().zip(report["progress"].as_array().unwrap()) {
        // The name, then each breakdown part by its display name with its figures.
        let parts: String = want["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "↳ {}: {} / {}",
                    p["name"].as_str().unwrap(),
                    p["achieved"].as_str().unwrap_or("—"),
                    p["target"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(row[1], format!("{}{parts}", want["name"].as_str().unwrap().trim()));
        let target = decimal(&want["target"]);
        assert_eq!(figure(&row[3]), target);
        assert_eq!(figure(&row[4]), target.and(decimal(&want["achieved"])));
        assert_eq!(figure(&row[5]), decimal(&want["percent"]));
        assert_eq!(figure(&row[6]), decimal(&want["remaining"]));
        compared += 4;
    }
    // The results recorded: a row per activity that has some, then one per result.
    let with: Vec<&Value> = report["progress"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["entries"].as_array().unwrap().is_empty())
        .collect();
    let mut next = 1;
    let details = usize::from(!with.is_empty());
    if !with.is_empty() {
        let details = &tables[next];
        next += 1;
        assert_eq!(details[0], ["Mục", "Ngày", "Số lượng", "Doanh nghiệp", "Nội dung"]);
        let mut rows = details[1..].iter();
        for activity in with {
            assert_eq!(rows.next().unwrap()[1], activity["name"].as_str().unwrap().trim());
            for entry in activity["entries"].as_array().unwrap() {
                let row = rows.next().unwrap();
                let day = chrono::NaiveDate::parse_from_str(entry["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
                assert_eq!(row[1], day.format("%-d/%-m/%Y").to_string());
                assert_eq!(figure(&row[2]), decimal(&entry["quantity"]));
                assert_eq!(row[3], entry["enterprise"].as_str().unwrap_or("—"));
                assert!(row[4].starts_with(entry["detail"].as_str().unwrap_or("")), "{row:?}");
                compared += 2;
            }
        }
        assert!(rows.next().is_none());
    }
    let budget = &report["budget"];
    for key in ["lines", "activities"] {
        let rows = budget[key].as_array().unwrap();
        if rows.is_empty() {
            continue;
        }
        let table = &tables[next];
        next += 1;
        assert_eq!(table.len(), rows.len() + 2);
        for (row, want) in table[1..].iter().zip(rows) {
            assert_eq!(figure(&row[1]), decimal(&want["amount"]));
            assert_eq!(figure(&row[2]), decimal(&want["disbursed"]));
            assert_eq!(figure(&row[3]), decimal(&want["remaining"]));
            assert_eq!(figure(&row[4]), decimal(&want["percent"]));
            compared += 4;
        }
        let total = table.last().unwrap();
        assert_eq!(figure(&total[1]), decimal(&budget["total"]));
        assert_eq!(figure(&total[2]), decimal(&budget["disbursed"]));
        compared += 2;
    }
    // One chart per: progress, each budget table, the timeline.
    let charts = doc.descendants().filter(|n| n.has_tag_name("svg")).count();
    assert_eq!(charts, next - details + 1);
    compared
}

#[test]
fn the_2019_half_year_page_has_the_json_figures_and_nothing_external() {
    assert_eq!(compare(&[PLAN_2019, "--half-year"]), 8 * 4);
}

#[test]
fn the_example_annual_page_has_the_json_figures_and_nothing_external() {
    // 7 activities × 4; 10 results × 2; two budget tables of 8 rows × 4 and their totals × 2.
    assert_eq!(compare(&[PLAN_2022, "--annual"]), 7 * 4 + 10 * 2 + (8 * 4 + 2) + (8 * 4 + 2));
}

#[test]
fn the_example_page_lists_the_followed_tasks_with_their_milestones() {
    let page = run(&[PLAN_2022, "--annual", "--format", "html"]);
    let doc = parse(&page);
    let tasks = doc.descendants().find(|n| n.has_tag_name("ul") && n.attribute("class") == Some("tasks")).unwrap();
    assert_eq!(
        text(tasks).trim(),
        "III.2 Chi cục Tiêu chuẩn Đo lường Chất lượng\nTuyển chọn tổ chức tư vấn đủ điều kiện khi doanh nghiệp có yêu cầu. — đã xong 8/7/2022: Quyết định chọn 02 tổ chức tư vấn"
    );
}

#[test]
fn text_from_the_files_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let plan = std::fs::read_to_string(PLAN_2019).unwrap().replacen(
        "name = \"Tổ chức 01 đợt",
        "name = \"<script>alert('x')</script> & <img onerror=y> Tổ chức 01 đợt",
        1,
    );
    std::fs::write(dir.path().join("ke-hoach-2019.toml"), plan).unwrap();
    std::fs::copy("plans/quyet-dinh-1186-2016.toml", dir.path().join("quyet-dinh-1186-2016.toml")).unwrap();
    let path = dir.path().join("ke-hoach-2019.toml");
    let page = run(&[path.to_str().unwrap(), "--half-year", "--format", "html"]);
    self_contained(&page);
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img onerror=y&gt; Tổ chức"));
    let doc = parse(&page);
    let first = &tables(&doc)[0][1][1];
    assert!(first.starts_with("<script>alert('x')</script> & <img onerror=y> Tổ chức 01 đợt"), "{first}");
}

#[test]
fn the_period_page_has_year_by_year_charts_and_the_json_figures() {
    let args = ["--period", "examples/nang-suat-chat-luong", "--as-of", "2023-10-31"];
    let page = run(&[&args[..], &["--format", "html"]].concat());
    self_contained(&page);
    let report: Value = serde_json::from_str(&run(&[&args[..], &["--format", "json"]].concat())).unwrap();
    let doc = parse(&page);
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("svg")).count(), 2);
    let budget = &tables(&doc)[1];
    let years = report["budget"]["years"].as_array().unwrap();
    for (row, want) in budget[1..].iter().zip(years) {
        assert_eq!(row[0], want["year"].to_string());
        assert_eq!(figure(row[3].trim_end_matches(" đ")), decimal(&want["disbursed"]), "{row:?}");
    }
    assert_eq!(budget.len(), years.len() + 2);
}
