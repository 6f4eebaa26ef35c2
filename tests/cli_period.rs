//! `plan report --period` and `plan new`: snapshots of every format and language, figures
//! against sums computed from the TOML files directly, the period checks on real edits,
//! and the skeleton's round trip through `plan check`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::collections::BTreeMap;
use std::path::Path;

mod common;

use common::{plan, snapshot, stdout};
use predicates::str::contains;
use rust_decimal::Decimal;

const SCENARIO: &str = "examples/nang-suat-chat-luong";

#[test]
fn every_format_and_language_of_the_roll_up() {
    for lang in ["vi", "en"] {
        for format in ["table", "markdown", "json"] {
            let text =
                stdout(&["report", "--period", SCENARIO, "--as-of", "2023-10-31", "--lang", lang, "--format", format]);
            snapshot(&format!("period-{lang}-{format}"), &text);
        }
        for section in ["progress", "budget", "deadlines"] {
            let text = stdout(&[
                "report",
                "--period",
                SCENARIO,
                section,
                "--as-of",
                "2023-10-31",
                "--lang",
                lang,
                "--format",
                "csv",
            ]);
            snapshot(&format!("period-{lang}-csv-{section}"), &text);
        }
    }
}

fn amount(value: &toml::Value) -> Decimal {
    match value {
        toml::Value::Integer(i) => Decimal::from(*i),
        toml::Value::String(s) => s.replace('.', "").replace(',', ".").parse().unwrap(),
        other => panic!("not an amount: {other:?}"),
    }
}

fn tables<'a>(file: &'a toml::Table, key: &str) -> Vec<&'a toml::Table> {
    file.get(key)
        .and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(toml::Value::as_table).collect())
        .unwrap_or_default()
}

#[test]
fn the_roll_up_equals_sums_over_the_files() {
    let as_of = "2023-10-31";
    let files: Vec<(String, toml::Table)> = std::fs::read_dir(SCENARIO)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap().parse().unwrap(),
            )
        })
        .collect();
    let decision = &files.iter().find(|(_, t)| t.contains_key("decision")).unwrap().1;
    let mut targets: BTreeMap<(String, i64), Decimal> = BTreeMap::new();
    let mut achieved: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut totals: BTreeMap<i64, Decimal> = BTreeMap::new();
    let mut disbursed: BTreeMap<i64, Decimal> = BTreeMap::new();
    for (name, plan_file) in files.iter().filter(|(_, t)| t.contains_key("plan")) {
        let year = plan_file["plan"]["year"].as_integer().unwrap();
        let mut item_of = BTreeMap::new();
        for activity in tables(plan_file, "activity") {
            let id = activity["id"].as_str().unwrap().to_owned();
            let item = activity.get("item").and_then(|i| i.as_str()).unwrap_or(&id).to_owned();
            if let Some(target) = activity.get("target") {
                *targets.entry((item.clone(), year)).or_default() += amount(target);
            }
            item_of.insert(id, item);
        }
        totals.insert(year, amount(&plan_file["budget"]["total"]));
        for (_, progress) in files
            .iter()
            .filter(|(_, t)| t.get("progress").and_then(|p| p.get("plan")).and_then(|p| p.as_str()) == Some(name))
        {
            // A year with a progress file has a known disbursed figure, zero or not.
            disbursed.entry(year).or_default();
            for a in tables(progress, "achievement")
                .into_iter()
                .filter(|a| a["date"].as_datetime().unwrap().to_string().as_str() <= as_of)
            {
                *achieved.entry(item_of[a["activity"].as_str().unwrap()].clone()).or_default() +=
                    amount(&a["quantity"]);
            }
            for d in tables(progress, "disbursement")
                .into_iter()
                .filter(|d| d["date"].as_datetime().unwrap().to_string().as_str() <= as_of)
            {
                *disbursed.entry(year).or_default() += amount(&d["amount"]);
            }
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["report", "--period", SCENARIO, "--as-of", as_of, "--format", "json"])).unwrap();
    let figure = |v: &serde_json::Value| v.as_str().map(|s| s.parse::<Decimal>().unwrap());
    assert_eq!(json["format"], "plan-period/1");
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), tables(decision, "item").len());
    for row in items {
        let item = row["item"].as_str().unwrap();
        let mut planned = None;
        for year in row["years"].as_array().unwrap() {
            let expected = targets.get(&(item.to_owned(), year["year"].as_i64().unwrap())).copied();
            assert_eq!(figure(&year["target"]), expected, "{item} {}", year["year"]);
            if let Some(t) = expected {
                planned = Some(planned.unwrap_or(Decimal::ZERO) + t);
            }
        }
        assert_eq!(figure(&row["planned"]), planned, "{item} planned");
        assert_eq!(figure(&row["achieved"]), Some(achieved.get(item).copied().unwrap_or_default()), "{item} achieved");
    }
    for year in json["budget"]["years"].as_array().unwrap() {
        let y = year["year"].as_i64().unwrap();
        assert_eq!(figure(&year["total"]), totals.get(&y).copied(), "{y} total");
        // A year with no plan, or no progress file, is unknown: not 0.
        assert_eq!(figure(&year["disbursed"]), disbursed.get(&y).copied(), "{y} disbursed");
    }
    assert_eq!(figure(&json["budget"]["total"]), Some(totals.values().sum()));
    assert_eq!(figure(&json["budget"]["disbursed"]), Some(disbursed.values().sum()));
    assert_eq!(figure(&json["budget"]["envelope"]), Some(amount(&decision["decision"]["budget"])));
}

/// A copy of the example scenario in a temporary directory.
fn scenario_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(SCENARIO).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn words(amount: &str) -> String {
    stdout(&["words", amount]).trim_end().to_owned()
}

#[test]
fn raising_a_yearly_budget_past_the_envelope_fails_at_that_total() {
    let dir = scenario_copy();
    let path = dir.path().join("ke-hoach-2023.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // 2023 raised by 3 billion, its first line with it, the words rewritten: the plan stays
    // consistent in itself, and only the period is overrun.
    let text = text.replacen("total = \"1.194.304.000\"", "total = \"4.194.304.000\"", 1).replacen(
        "in-words = \"Một tỉ một trăm chín mươi tư triệu ba trăm lẻ bốn ngàn đồng\"",
        &format!("in-words = \"{}\"", words("4.194.304.000")),
        1,
    );
    let first_line = text.find("[[budget.line]]").unwrap();
    let amount_at = first_line + text[first_line..].find("amount = ").unwrap();
    let end = amount_at + text[amount_at..].find('\n').unwrap();
    let old: Decimal = text[amount_at + 9..end].trim().trim_matches('"').replace(['.', '_'], "").parse().unwrap();
    let text = format!("{}amount = {}{}", &text[..amount_at], old + Decimal::from(3_000_000_000_i64), &text[end..]);
    std::fs::write(&path, &text).unwrap();
    let total_line = text[..text.find("total = \"4.194.304.000\"").unwrap()].matches('\n').count() + 1;
    let output = plan().arg("check").arg(dir.path()).args(["--format", "json", "--lang", "en"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            format!(
                "{} {}:{} {}",
                d["code"].as_str().unwrap(),
                Path::new(d["file"].as_str().unwrap()).file_name().unwrap().to_string_lossy(),
                d["line"],
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            format!(
                "period-budget-exceeded ke-hoach-2023.toml:{total_line} the 2023 budget `4.194.304.000` is more than the decision allows for 2023 (`1.200.000.000`)"
            ),
            format!(
                "period-budget-exceeded ke-hoach-2023.toml:{total_line} the yearly budgets add up to `6.341.019.000`, more than the decision's envelope `6.000.000.000` by `341.019.000`"
            ),
        ]
    );
}

#[test]
fn plan_new_prints_the_next_year_citing_the_decision() {
    let text = stdout(&["new", "--year", "2020", "--from", "plans/ke-hoach-2019.toml"]);
    assert!(text.contains("year = 2020\n"));
    assert!(text.contains(
        "decision = { number = \"1186/QĐ-UBND\", date = 2016-05-16, file = \"quyet-dinh-1186-2016.toml\" }\n"
    ));
    snapshot("new-2020-from-real-2019", &text);
    snapshot(
        "new-2024-from-example-2023",
        &stdout(&["new", "--year", "2024", "--from", "examples/nang-suat-chat-luong/ke-hoach-2023.toml"]),
    );
}

/// The skeleton with its budget filled in, as an analyst would: the commented model
/// uncommented, each `…` amount set to 10.000.000 and the total to their sum, in words.
fn fill_budget(skeleton: &str) -> String {
    let mut out = Vec::new();
    let mut block = Vec::new();
    let mut in_budget = false;
    for line in skeleton.lines() {
        if line == "# [budget]" {
            in_budget = true;
        }
        if in_budget && line.is_empty() {
            in_budget = false;
        }
        if in_budget {
            block.push(line.strip_prefix("# ").unwrap_or(line.strip_prefix('#').unwrap_or(line)).to_owned());
        } else {
            out.push(line.to_owned());
        }
    }
    let lines = block.iter().filter(|l| l.starts_with("amount = ")).count();
    let total = format!("{}0.000.000", lines.max(1));
    let filled: Vec<String> = block
        .iter()
        .map(|l| {
            if l.starts_with("amount = ") {
                "amount = \"10.000.000\"".to_owned()
            } else if l.starts_with("total = ") {
                format!("total = \"{total}\"")
            } else if l.starts_with("in-words = ") {
                format!("in-words = \"{}\"", words(&total))
            } else {
                l.clone()
            }
        })
        .collect();
    assert!(!filled.is_empty(), "the skeleton has a budget model");
    let at = out.iter().position(|l| l.starts_with("[[report]]")).unwrap();
    out.splice(at..at, filled.into_iter().chain([String::new()]));
    out.join("\n") + "\n"
}

#[test]
fn the_skeleton_passes_check_once_its_budget_is_filled_in() {
    // The real plans: a 2020 plan beside the 2019 one.
    let real = tempfile::tempdir().unwrap();
    for file in ["ke-hoach-2019.toml", "quyet-dinh-1186-2016.toml"] {
        std::fs::copy(Path::new("plans").join(file), real.path().join(file)).unwrap();
    }
    let skeleton =
        stdout(&["new", "--year", "2020", "--from", real.path().join("ke-hoach-2019.toml").to_str().unwrap()]);
    // An untouched skeleton is not a finished plan: the decision gives no period targets,
    // so the targets are comments. Filled in, it checks clean.
    let untouched = real.path().join("ke-hoach-2020.toml");
    std::fs::write(&untouched, fill_budget(&skeleton)).unwrap();
    let output = plan().arg("check").arg(real.path()).args(["--format", "json", "--deny-warnings"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["target-missing"; 6]);
    // In the language asked for: the Vietnamese skeleton checked in Vietnamese, and the
    // English one, commented in English, reports the same.
    let vi = plan().arg("check").arg(real.path()).args(["--format", "json", "--lang", "vi"]).output().unwrap();
    let vi: serde_json::Value = serde_json::from_slice(&vi.stdout).unwrap();
    assert_eq!(vi["diagnostics"][0]["message"], "hoạt động `hoi-thao` tính bằng `đợt` nhưng chưa có chỉ tiêu");
    let english = stdout(&[
        "new",
        "--lang",
        "en",
        "--year",
        "2020",
        "--from",
        real.path().join("ke-hoach-2019.toml").to_str().unwrap(),
    ]);
    assert!(english.contains("# target: no period target in the decision to compute it from; 2019's was:\n"));
    std::fs::write(&untouched, fill_budget(&english)).unwrap();
    let en = plan().arg("check").arg(real.path()).args(["--format", "json", "--lang", "en"]).output().unwrap();
    let en: serde_json::Value = serde_json::from_slice(&en.stdout).unwrap();
    assert_eq!(en["diagnostics"][0]["message"], "activity `hoi-thao` counts in `đợt` but has no target");
    assert_eq!(en["diagnostics"].as_array().map(Vec::len), Some(6));
    let filled = fill_budget(&skeleton).replace("# target = ", "target = ");
    std::fs::write(&untouched, filled).unwrap();
    plan()
        .arg("check")
        .arg(real.path())
        .args(["--lang", "en"])
        .assert()
        .success()
        .stderr("checked 3 files: 0 errors, 0 warnings\n");
    // The example: a 2024 plan whose targets are what the period still needs.
    let example = scenario_copy();
    let skeleton =
        stdout(&["new", "--year", "2024", "--from", example.path().join("ke-hoach-2023.toml").to_str().unwrap()]);
    std::fs::write(example.path().join("ke-hoach-2024.toml"), fill_budget(&skeleton)).unwrap();
    let output = plan().arg("check").arg(example.path()).args(["--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["errors"], 0, "{json}");
    assert_eq!(json["warnings"], 1, "only the example's intended late submission: {json}");
}

#[test]
fn plan_new_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ke-hoach-2020.toml");
    std::fs::write(&target, "# an analyst's work\n").unwrap();
    plan()
        .args(["new", "--lang", "en", "--year", "2020", "--from", "plans/ke-hoach-2019.toml", "--output"])
        .arg(&target)
        .assert()
        .code(2)
        .stderr(contains("exists and was left as it is: use --force to replace it"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "# an analyst's work\n");
    plan()
        .args(["new", "--lang", "en", "--year", "2020", "--from", "plans/ke-hoach-2019.toml", "--force", "--output"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("year = 2020\n"));
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "no temporary file is left behind");
    let fresh = dir.path().join("new.toml");
    plan()
        .args(["new", "--lang", "en", "--year", "2020", "--from", "plans/ke-hoach-2019.toml", "-o"])
        .arg(&fresh)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&fresh).unwrap(), written, "the same skeleton, whether forced or new");
}

#[test]
fn plan_new_refuses_a_year_outside_the_period() {
    plan()
        .args(["new", "--lang", "en", "--year", "2021", "--from", "plans/ke-hoach-2019.toml"])
        .assert()
        .code(2)
        .stderr("plan: error: 2021 is outside the decision's period 2016–2020\n");
    plan()
        .args(["new", "--year", "2021", "--from", "plans/ke-hoach-2019.toml"])
        .assert()
        .code(2)
        .stderr("plan: lỗi: năm 2021 nằm ngoài giai đoạn 2016–2020 của quyết định\n");
}

/// `plan new` edits the plan in place: what the analyst wrote there — comments, lists one
/// item a line, sections I and III, the activities' due dates — is carried over, values that
/// do not change read back equal, and no line runs past 100 columns.
#[test]
fn plan_new_keeps_the_source_and_its_lines_readable() {
    let source = std::fs::read_to_string("plans/ke-hoach-2019.toml").unwrap();
    let skeleton = stdout(&["new", "--year", "2020", "--from", "plans/ke-hoach-2019.toml"]);
    for kept in [
        "# I. MỤC ĐÍCH, YÊU CẦU\n",
        "partners-open = true   # the source list ends with \"…\"\n",
        "recipients = [\n    \"Bộ Khoa học và Công nghệ\",\n",
        "# III. TỔ CHỨC THỰC HIỆN. Tasks with an `id` can be followed by milestones in progress\n",
        "[[responsibility.task]]\nid = \"tuyen-chon-tu-van\"\n",
        "archive = \"VT, VP.UBND tỉnh\"\n",
    ] {
        assert!(source.contains(kept) && skeleton.contains(kept), "{kept:?} carried over");
    }
    let widest = skeleton.lines().map(|l| l.chars().count()).max().unwrap();
    assert_eq!(widest, 95, "no line past 100 columns (the source's widest is 523)");
    let old: toml::Table = source.parse().unwrap();
    let new: toml::Table = skeleton.parse().unwrap();
    assert_eq!(new["plan"]["purposes"], old["plan"]["purposes"], "wrapped strings read back the same");
    assert_eq!(new["responsibility"], old["responsibility"]);
    assert_eq!(new["plan"]["year"].as_integer(), Some(2020));
    let names = |t: &toml::Table| -> Vec<String> {
        tables(t, "activity").iter().map(|a| a["name"].as_str().unwrap().to_owned()).collect()
    };
    let (old_names, new_names) = (names(&old), names(&new));
    let changed: Vec<(&String, &String)> = old_names.iter().zip(&new_names).filter(|(a, b)| a != b).collect();
    assert_eq!(
        changed,
        [
            (
                &"Hỗ trợ kinh phí 03 doanh nghiệp đạt giải thưởng chất lượng quốc gia năm 2018 (01 giải Vàng chất lượng quốc gia, 02 giải thưởng chất lượng quốc gia)".to_owned(),
                &"Hỗ trợ kinh phí 03 doanh nghiệp đạt giải thưởng chất lượng quốc gia năm 2019 (01 giải Vàng chất lượng quốc gia, 02 giải thưởng chất lượng quốc gia)".to_owned()
            ),
            (
                &"Triển khai hoạt động Giải thưởng Chất lượng Quốc gia năm 2019".to_owned(),
                &"Triển khai hoạt động Giải thưởng Chất lượng Quốc gia năm 2020".to_owned()
            ),
        ]
    );
    // The partly decomposed "Cục Thống kê tỉnh" stays byte for byte as the source has it.
    assert_eq!(new["activity"][0]["partners"], old["activity"][0]["partners"]);
    // The example's `due` moves to the new year and says so.
    let example = stdout(&["new", "--year", "2024", "--from", "examples/nang-suat-chat-luong/ke-hoach-2023.toml"]);
    assert!(example.contains("due = 2024-11-30   # dời từ 2023-11-30: kiểm tra lại\n"));
    assert!(example.contains("# number = …   # của kế hoạch mới, ghi khi ban hành (2023: \"12/KH-UBND\")\n"));
    assert!(example.contains("\n# amount = \"…\"   # 2023: 160.000.000\n"));
    // In English, the comments the skeleton gains are English; the plan's own stay as written.
    let english = stdout(&[
        "new",
        "--lang",
        "en",
        "--year",
        "2024",
        "--from",
        "examples/nang-suat-chat-luong/ke-hoach-2023.toml",
    ]);
    assert!(english.starts_with("# Kế hoạch năm 2024: a skeleton written by `plan new --year 2024`\n"));
    assert!(english.contains("due = 2024-11-30   # moved from 2023-11-30: check it\n"));
    assert!(english.contains("# number = …   # the new plan's own, once issued (2023: \"12/KH-UBND\")\n"));
    assert!(english.contains(
        "# target: the period target 8 − 5 planned before 2024 (2021: 1, 2022: 2, 2023: 2) = 3 left\n\
         # for 2024–2025: 3 ÷ 2 years, rounded up = 2\n"
    ));
    assert!(
        english
            .contains("# name: `05 hệ thống` → `04 hệ thống`; update the parts in parentheses (from 2023: check it)\n")
    );
    assert!(
        english.contains("\n# The budget, as a model from 2023: write this year's amounts in place of `…`, then\n")
    );
    assert!(english.contains("due-before = 2024-06-30   # from the decision's reporting rules\n"));
    // Both read as the same plan.
    let (vi, en): (toml::Table, toml::Table) = (example.parse().unwrap(), english.parse().unwrap());
    assert_eq!(vi, en);
}

#[test]
fn plan_new_says_what_it_wrote_and_what_to_fill_in() {
    plan()
        .args(["new", "--lang", "en", "--year", "2024", "--from", "examples/nang-suat-chat-luong/ke-hoach-2023.toml"])
        .assert()
        .success()
        .stderr(
            "plan: wrote the skeleton: the 2024 plan with 7 activities, 6 targets computed from the decision's period targets\n\
             fill in next: check 2 names carried over with a new count or year (`# name:`); check 1 date moved to 2024 (`moved from`); the budget (`# [budget]`: the amounts and the total in words); the plan's number and date once issued\n\
             then run `plan check` on it\n",
        );
}

/// A year of the period whose plan is not here planned an unknown amount: what is left of
/// the period target is unknown too, and the target is left for the analyst — not computed
/// as if that year had planned nothing.
#[test]
fn plan_new_does_not_count_an_unknown_year_as_zero() {
    let dir = scenario_copy();
    std::fs::remove_file(dir.path().join("ke-hoach-2022.toml")).unwrap();
    for f in ["tien-do-2022-6-thang.toml", "tien-do-2022-ca-nam.toml"] {
        std::fs::remove_file(dir.path().join(f)).unwrap();
    }
    let output = plan()
        .args(["new", "--lang", "en", "--year", "2024", "--from"])
        .arg(dir.path().join("ke-hoach-2023.toml"))
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "# target: of the period target 8, what 2022 (no plan of that year is here) planned is not known here,\n\
             # so neither is what is left: set this year's\n\
             # target = 2\n"
        ),
        "{text}"
    );
    assert!(!text.contains("\ntarget = "), "no target is computed");
}
