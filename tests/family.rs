//! Plans of the whole family, not only Tây Ninh 2019: a parent issued as a kế hoạch, money
//! written in triệu đồng. Each file is a fixture edited the way a real document differs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::path::Path;

use common::plan;

const BASE: &str = "tests/fixtures/invalid/suspect-money-unit";

/// A copy of the fixture with `edit` applied to each file's text.
fn scenario(edit: impl Fn(&str, String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["decision.toml", "plan.toml", "progress.toml"] {
        let text = std::fs::read_to_string(Path::new(BASE).join(file)).unwrap();
        std::fs::write(dir.path().join(file), edit(file, text)).unwrap();
    }
    dir
}

fn json(args: &[&str], dir: &Path) -> (Option<i32>, serde_json::Value) {
    let output = plan().args(args).current_dir(dir).output().unwrap();
    (output.status.code(), serde_json::from_slice(&output.stdout).unwrap())
}

/// `plan check` passes on the directory, with nothing to say.
fn checks_clean(dir: &tempfile::TempDir) {
    plan()
        .args(["check", ".", "--lang", "en"])
        .current_dir(dir.path())
        .assert()
        .success()
        .stderr("checked 3 files: 0 errors, 0 warnings\n");
}

/// The body of a Word document, as its XML.
fn document_xml(docx: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    xml
}

/// Each diagnostic of a JSON check as (code, message).
fn messages(check: &serde_json::Value) -> Vec<(&str, &str)> {
    check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect()
}

fn in_trieu(file: &str, text: String) -> String {
    match file {
        "plan.toml" => text
            .replace("[budget]\n", "[budget]\nmoney-unit = \"triệu đồng\"\n")
            .replace("in-words = \"Ba trăm đồng\"", "in-words = \"Ba trăm triệu đồng\""),
        "progress.toml" => text.replace("plan = \"plan.toml\"\n", "plan = \"plan.toml\"\nmoney-unit = \"triệu\"\n"),
        _ => text,
    }
}

/// The same figures as the fixture, said to be in triệu đồng: no warning, the amount in
/// words checked against the đồng value, every report figure in đồng.
#[test]
fn money_written_in_trieu_is_kept_in_dong() {
    let dir = scenario(in_trieu);
    checks_clean(&dir);
    let (code, report) = json(&["report", "plan.toml", "--as-of", "2019-12-31", "--format", "json"], dir.path());
    assert_eq!(code, Some(0));
    let budget = &report["budget"];
    assert_eq!(budget["total"], "300000000");
    assert_eq!(budget["disbursed"], "150000000");
    let lines: Vec<(&str, &str, &str)> = budget["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["line"].as_str().unwrap(), l["amount"].as_str().unwrap(), l["disbursed"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, [("l1", "200000000", "150000000"), ("l2", "100000000", "0")]);
    assert_eq!(budget["payments"][0]["amount"], "150000000", "the progress file's `money-unit = \"triệu\"`");
    // The words are read against the đồng value: "Ba trăm đồng" no longer fits.
    let wrong = scenario(|file, text| in_trieu(file, text).replace("Ba trăm triệu đồng", "Ba trăm đồng"));
    let (code, check) = json(&["check", ".", "--format", "json", "--lang", "en"], wrong.path());
    assert_eq!(code, Some(1));
    let found = messages(&check);
    assert_eq!(found, [("amount-words-mismatch", "the amount in words reads as `300`, not `300.000.000`")]);
}

#[test]
fn an_unknown_money_unit_or_a_fraction_of_a_dong_is_refused() {
    let dir = scenario(|file, text| in_trieu(file, text).replace("\"triệu đồng\"", "\"triệu USD\""));
    let (code, check) = json(&["check", ".", "--format", "json", "--lang", "en"], dir.path());
    assert_eq!(code, Some(1));
    let first = &check["diagnostics"][0];
    assert_eq!(first["code"], "invalid-value");
    assert_eq!(first["message"], "`budget.money-unit` cannot be `triệu USD`");
    assert_eq!(first["line"], 22);
    let dir = scenario(|file, text| in_trieu(file, text).replace("amount = \"200\"", "amount = \"199,9999995\""));
    let (_, check) = json(&["check", ".", "--format", "json", "--lang", "en"], dir.path());
    let found = messages(&check);
    assert_eq!(
        found,
        [("invalid-amount", "`budget.line[1].amount` is `199.999.999,5` đồng: the đồng has no smaller unit")]
    );
}

/// A parent issued as a kế hoạch (`…/KH-UBND`, as the 2021–2025 programmes are): every
/// output names it so, and a number whose symbol is not the kind's is a warning.
#[test]
fn a_parent_issued_as_a_ke_hoach_is_named_as_one() {
    let ke_hoach = |file: &str, text: String| {
        let text = in_trieu(file, text).replace("1186/QĐ-UBND", "33/KH-UBND");
        if file == "decision.toml" { text.replace("[decision]\n", "[decision]\nkind = \"ke-hoach\"\n") } else { text }
    };
    let dir = scenario(ke_hoach);
    checks_clean(&dir);
    let (_, report) = json(&["report", "plan.toml", "--half-year", "--format", "json"], dir.path());
    assert_eq!(report["decision"]["kind"], "ke-hoach");
    let text = plan()
        .args(["report", "plan.toml", "--half-year", "--format", "markdown"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Kế hoạch số 33/KH-UBND ngày 16/5/2016"), "{text}");
    assert!(!text.contains("Quyết định số"), "{text}");
    let docx = dir.path().join("bao-cao.docx");
    plan().args(["report", "plan.toml", "--half-year", "-o"]).arg(&docx).current_dir(dir.path()).assert().success();
    let xml = document_xml(&docx);
    assert!(xml.contains("triển khai Kế hoạch số 33/KH-UBND"));
    // Without `kind`, the number's symbol says what the document is: no warning.
    let dir = scenario(|file, text| in_trieu(file, text).replace("1186/QĐ-UBND", "33/KH-UBND"));
    checks_clean(&dir);
    let (_, report) = json(&["report", "plan.toml", "--half-year", "--format", "json"], dir.path());
    assert_eq!(report["decision"]["kind"], "ke-hoach");
    // A `kind` that the symbol contradicts is a warning at the number.
    let dir = scenario(|file, text| {
        let text = in_trieu(file, text).replace("1186/QĐ-UBND", "33/KH-UBND");
        if file == "decision.toml" {
            text.replace("[decision]\n", "[decision]\nkind = \"chuong-trinh\"\n")
        } else {
            text
        }
    });
    let (code, check) = json(&["check", ".", "--format", "json", "--deny-warnings", "--lang", "en"], dir.path());
    assert_eq!(code, Some(1));
    let d = &check["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["file"].as_str(), d["line"].as_i64()),
        (Some("kind-symbol-mismatch"), Some("decision.toml"), Some(4))
    );
    assert_eq!(
        d["message"],
        "the number's symbol `KH` is not `CTr`, the symbol of the file's `kind = \"chuong-trinh\"`"
    );
    // An unknown symbol with no `kind`: a quyết định is assumed, and the symbol questioned.
    let dir = scenario(|file, text| in_trieu(file, text).replace("1186/QĐ-UBND", "33/BC-UBND"));
    let (_, check) = json(&["check", ".", "--format", "json", "--lang", "en"], dir.path());
    assert_eq!(
        check["diagnostics"][0]["message"],
        "the number's symbol `BC` is not `QĐ`, the symbol of a quyết định, as assumed when `kind` is not given"
    );
}

/// A decision's envelope written in triệu đồng, as the Lâm Đồng 2021–2025 programme writes
/// "17.825": 17.825.000.000 đồng in the period roll-up.
#[test]
fn a_decision_envelope_in_trieu_is_counted_in_dong() {
    let dir = scenario(|file, text| {
        let text = in_trieu(file, text);
        if file == "decision.toml" {
            text.replace(
                "lead = \"so-khcn\"\n",
                "lead = \"so-khcn\"\nmoney-unit = \"triệu đồng\"\nbudget = \"17.825\"\n",
            )
        } else {
            text
        }
    });
    plan().args(["check", ".", "--lang", "en"]).current_dir(dir.path()).assert().success();
    let (_, roll_up) = json(&["report", "--period", ".", "--as-of", "2019-12-31", "--format", "json"], dir.path());
    assert_eq!(roll_up["budget"]["envelope"], "17825000000");
    // Only the 2019 plan is among the files of a 2016–2020 decision: what 2016–2018 planned
    // is not known, so the yearly budgets add up to a least value and nothing is said to
    // be "not yet in a yearly plan".
    assert_eq!(roll_up["budget"]["total"], "300000000");
    assert_eq!(roll_up["budget"]["total_partial"], true);
    assert_eq!(roll_up["budget"]["unallocated"], serde_json::Value::Null);
}

/// Unknown is not none: with no progress file, nothing says whether a report was sent, so
/// a deadline, passed or not, is "unknown", not "overdue, not sent" or "not sent yet"; a plan without `[budget]` has
/// no budget figures, which is not "no budget".
#[test]
fn what_the_files_do_not_give_is_unknown_not_a_verdict() {
    let (code, annual) = json(&["report", "plans/ke-hoach-2019.toml", "--annual", "--format", "json"], Path::new("."));
    assert_eq!(code, Some(0));
    let states: Vec<(&str, &str)> = annual["deadlines"]["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["report"].as_str().unwrap(), r["state"].as_str().unwrap()))
        .collect();
    // Not yet due is not "not sent" either: without a progress file nothing says.
    assert_eq!(states, [("half-year", "unknown"), ("annual", "unknown")]);
    let table = common::stdout(&["report", "plans/ke-hoach-2019.toml", "--annual", "deadlines", "--format", "csv"]);
    assert!(table.contains("chưa rõ (không có tệp tiến độ)"), "{table}");
    assert!(!table.contains("quá hạn, chưa gửi"), "{table}");
    let (_, roll_up) =
        json(&["report", "--period", "plans", "--as-of", "2019-12-31", "--format", "json"], Path::new("."));
    assert_eq!(roll_up["submissions"][3]["year"], 2019);
    assert_eq!(
        (roll_up["submissions"][3]["half_year"].as_str(), roll_up["submissions"][3]["annual"].as_str()),
        (Some("unknown"), Some("unknown"))
    );
    // With a progress file that records no submission, the verdict is earned.
    let dir = scenario(|file, text| {
        let text = in_trieu(file, text);
        if file == "progress.toml" { text[..text.find("[[submission]]").unwrap()].to_owned() } else { text }
    });
    let (_, report) = json(&["report", "plan.toml", "--annual", "--format", "json"], dir.path());
    assert_eq!(report["deadlines"]["reports"][0]["state"], "overdue");
    // No `[budget]` table: the figures are unknown.
    let dir = scenario(|file, text| {
        let text = in_trieu(file, text);
        match file {
            "plan.toml" => {
                text[..text.find("[budget]").unwrap()].to_owned() + &text[text.find("[[report]]").unwrap()..]
            }
            "progress.toml" => text[..text.find("[[disbursement]]").unwrap_or(text.len())].to_owned(),
            _ => text,
        }
    });
    let output = plan()
        .args(["report", "plan.toml", "--half-year", "budget", "--format", "markdown"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.ends_with("## 1. Kinh phí\n\nChưa có số liệu kinh phí: tệp kế hoạch không có bảng [budget].\n"),
        "{text}"
    );
}

/// The support cap counts per enterprise and per unit achieved: two payments of 60 million
/// for one system pass a 65 million cap at the second; with two systems recorded they fit.
#[test]
fn a_support_cap_is_per_enterprise_and_per_unit() {
    let base = "tests/fixtures/invalid/support-cap-exceeded";
    let copy = |progress: &str| {
        let dir = tempfile::tempdir().unwrap();
        for file in ["decision.toml", "plan.toml"] {
            std::fs::copy(Path::new(base).join(file), dir.path().join(file)).unwrap();
        }
        std::fs::write(dir.path().join("progress.toml"), progress).unwrap();
        dir
    };
    let payments = "[progress]\nplan = \"plan.toml\"\n\n\
        [[disbursement]]\nline = \"l1\"\ndate = 2019-03-01\namount = \"60.000.000\"\nenterprise = \"Công ty A\"\n\n\
        [[disbursement]]\nline = \"l1\"\ndate = 2019-04-01\namount = \"60.000.000\"\nenterprise = \"công ty  a\"\n\n\
        [[disbursement]]\nline = \"l1\"\ndate = 2019-04-02\namount = \"60.000.000\"\nenterprise = \"Công ty B\"\n";
    let dir = copy(payments);
    let (_, check) = json(&["check", ".", "--format", "json", "--lang", "en"], dir.path());
    let found: Vec<(&str, i64, &str)> = check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["line"].as_i64().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [(
            "support-cap-exceeded",
            13,
            "`công ty  a` is paid `120.000.000` đồng in all, more than the support rule allows for 1 hệ thống (`65.000.000`)"
        )]
    );
    let two = format!(
        "{payments}\n[[achievement]]\nactivity = \"he-thong\"\ndate = 2019-05-20\nquantity = 2\nenterprise = \"Công ty A\"\n"
    );
    let dir = copy(&two);
    checks_clean(&dir);
}

/// The legal basis: the national programme a decision implements and the documents a plan
/// cites, in the JSON, the header lines and the Word report's opening ("Căn cứ …;").
#[test]
fn the_legal_basis_is_cited_in_the_opening() {
    let programme = "programme = { number = \"1322/QĐ-TTg\", date = 2021-08-31, issuer = \"Thủ tướng Chính phủ\", \
        title = \"phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất dựa trên nền tảng khoa học, \
        công nghệ và đổi mới sáng tạo giai đoạn 2021 - 2030\" }\n";
    let dir = scenario(|file, text| {
        let text = in_trieu(file, text);
        match file {
            "decision.toml" => text.replace("period = ", &format!("{programme}period = ")),
            "plan.toml" => text.replacen(
                "\n[[activity]]",
                "\n[[basis]]\nnumber = \"12/2020/NQ-HĐND\"\nissuer = \"Hội đồng nhân dân tỉnh\"\n\
                 title = \"quy định mức hỗ trợ doanh nghiệp\"\n\n[[activity]]",
                1,
            ),
            _ => text,
        }
    });
    checks_clean(&dir);
    let (_, report) = json(&["report", "plan.toml", "--half-year", "--format", "json"], dir.path());
    assert_eq!(report["decision"]["programme"]["number"], "1322/QĐ-TTg");
    assert_eq!(report["decision"]["programme"]["kind"], "quyet-dinh");
    assert_eq!(report["plan"]["basis"][0]["kind"], "nghi-quyet");
    let markdown = plan()
        .args(["report", "plan.toml", "--half-year", "--format", "markdown"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(
        markdown.contains(
            "- **Căn cứ:** Quyết định số 1322/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ về phê duyệt Chương trình \
             quốc gia hỗ trợ doanh nghiệp nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo \
             giai đoạn 2021 - 2030; Nghị quyết số 12/2020/NQ-HĐND của Hội đồng nhân dân tỉnh về quy định mức hỗ trợ \
             doanh nghiệp\n"
        ),
        "{markdown}"
    );
    let docx = dir.path().join("bao-cao.docx");
    plan().args(["report", "plan.toml", "--half-year", "-o"]).arg(&docx).current_dir(dir.path()).assert().success();
    let xml = document_xml(&docx);
    let first =
        xml.find("Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ về phê duyệt").unwrap();
    let second = xml
        .find("Căn cứ Nghị quyết số 12/2020/NQ-HĐND của Hội đồng nhân dân tỉnh về quy định mức hỗ trợ doanh nghiệp;")
        .unwrap();
    let opening = xml.find("Thực hiện Kế hoạch năm 2019").unwrap();
    assert!(first < second && second < opening, "the basis comes first, in order");
    // A reference that names no document is refused.
    let dir = scenario(|file, text| {
        if file == "plan.toml" {
            text.replacen("\n[[activity]]", "\n[[basis]]\nissuer = \"Bộ Tài chính\"\n\n[[activity]]", 1)
        } else {
            text
        }
    });
    let (_, check) = json(&["check", ".", "--format", "json"], dir.path());
    let codes: Vec<&str> =
        check["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"missing-key"), "{check}");
}

/// A budget by source of funds, as the 2021–2030 programmes split it: the plan's split is
/// in the JSON report, and over the period each source stays within the decision's amount.
#[test]
fn a_budget_by_source_adds_up_and_stays_within_the_decision() {
    let split = |decision: &'static str, plan: &'static str| {
        scenario(move |file, text| {
            let text = in_trieu(file, text);
            match file {
                "decision.toml" => text.replace(
                    "lead = \"so-khcn\"\n",
                    &format!("lead = \"so-khcn\"\nmoney-unit = \"triệu đồng\"\n{decision}"),
                ),
                "plan.toml" => text.replace("total = \"300\"\n", &format!("total = \"300\"\n{plan}")),
                _ => text,
            }
        })
    };
    let dir = split(
        "budget = \"17.825\"\nbudget-by-source = { nha-nuoc = \"6.665\", doanh-nghiep = \"11.160\" }\n",
        "by-source = { nha-nuoc = \"100\", doanh-nghiep = \"200\" }\n",
    );
    checks_clean(&dir);
    let (_, report) = json(&["report", "plan.toml", "--half-year", "--format", "json"], dir.path());
    let sources: Vec<(&str, &str, &str)> = report["budget"]["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["source"].as_str().unwrap(), s["name"].as_str().unwrap(), s["amount"].as_str().unwrap()))
        .collect();
    assert_eq!(
        sources,
        [("nha-nuoc", "Ngân sách nhà nước", "100000000"), ("doanh-nghiep", "Doanh nghiệp đối ứng", "200000000")]
    );
    // The decision's split must add up to its envelope.
    let dir = split(
        "budget = \"17.825\"\nbudget-by-source = { nha-nuoc = \"6.665\", doanh-nghiep = \"11.000\" }\n",
        "by-source = { nha-nuoc = \"100\", doanh-nghiep = \"200\" }\n",
    );
    let (_, check) = json(&["check", ".", "--format", "json", "--lang", "en"], dir.path());
    let d = &check["diagnostics"][0];
    assert_eq!((d["code"].as_str(), d["file"].as_str()), (Some("budget-sources-sum"), Some("decision.toml")));
    assert_eq!(
        d["message"],
        "the sources of funds add up to `17.665.000.000`, less than the total `17.825.000.000` by `160.000.000`"
    );
    // A year's state share past the decision's state share, though the total fits.
    let dir = split(
        "budget = \"17.825\"\nbudget-by-source = { nha-nuoc = \"250\", doanh-nghiep = \"17.575\" }\n",
        "by-source = { nha-nuoc = \"260\", doanh-nghiep = \"40\" }\n",
    );
    let (_, check) = json(&["check", ".", "--format", "json", "--lang", "en"], dir.path());
    let found = messages(&check);
    assert_eq!(
        found,
        [(
            "period-budget-exceeded",
            "the yearly amounts from `nha-nuoc` (ngân sách nhà nước) add up to `260.000.000`, more than the decision's `250.000.000` by `10.000.000`"
        )]
    );
}

/// Targets as real plans write them: a minimum for each year, an approximate target, a
/// minimum that cannot be exceeded, a range for a stage of the period.
fn targets_as_written(file: &str, text: String) -> String {
    match file {
        "decision.toml" => text
            .replace("unit = \"hệ thống\"\n", "unit = \"hệ thống\"\ntarget = { at-least = 6, each-year = true }\n")
            .replace(
                "unit = \"doanh nghiệp\"\n",
                "unit = \"doanh nghiệp\"\n\n[[item.stage]]\nfrom = 2019\nto = 2020\ntarget = { from = 1, to = 2 }\n",
            ),
        "plan.toml" => text.replace("target = 5\n", "target = { about = 5 }\n"),
        "progress.toml" => text.replace("quantity = 2\n", "quantity = 6\n"),
        _ => text,
    }
}

#[test]
fn each_kind_of_target_is_checked_as_it_is_meant() {
    let dir = scenario(targets_as_written);
    let (code, check) = json(&["check", ".", "--format", "json", "--lang", "en"], dir.path());
    let found: Vec<(&str, &str)> = messages(&check)
        .into_iter()
        .filter(|(c, _)| matches!(*c, "period-target-short" | "period-target-exceeded" | "over-target"))
        .collect();
    assert_eq!(
        found,
        [
            (
                "period-target-short",
                "the 2019 target for `he-thong` is `5`, short of the parent document's `tối thiểu 6 mỗi năm`"
            ),
            (
                "period-target-exceeded",
                "the yearly targets for `giai-thuong` add up to `3`, more than the period target `1–2`"
            ),
            ("over-target", "achievements for `he-thong` reach `6`, more than its target `khoảng 5 (±10 %)`"),
        ],
        "{check:#}"
    );
    assert_eq!(code, Some(0), "warnings only: {check:#}");
}

#[test]
fn reports_say_how_each_target_is_meant() {
    let dir = scenario(|file, text| match file {
        "plan.toml" => text
            .replace("target = 5\n", "target = { about = 5 }\n")
            .replace("target = 3\n", "target = { at-least = 3 }\n"),
        _ => text,
    });
    let (_, report) = json(&["report", "plan.toml", "--half-year", "--format", "json"], dir.path());
    let rows: Vec<(String, String, String, String)> = report["progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or("null").to_owned();
            (s("activity"), s("target_text"), r["target_rule"]["kind"].as_str().unwrap().to_owned(), s("status"))
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("he-thong".into(), "khoảng 5 (±10 %)".into(), "about".into(), "in-progress".into()),
            ("giai-thuong".into(), "tối thiểu 3".into(), "at-least".into(), "not-started".into()),
        ]
    );
    // The remaining of an approximate target is counted to its lower bound: 4,5 − 2.
    assert_eq!(report["progress"][0]["remaining"], "2.5");
    let table = plan().args(["report", "plan.toml", "--half-year"]).current_dir(dir.path()).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("khoảng 5 (±10 %)"), "{table}");
    assert!(table.contains("tối thiểu 3"), "{table}");
}
