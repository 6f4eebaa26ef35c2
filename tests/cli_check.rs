//! End-to-end tests of `plan check`: the real binary, real files, exact output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use unicode_normalization::UnicodeNormalization;

fn plan() -> Command {
    let mut cmd = Command::cargo_bin("plan").unwrap();
    cmd.env_remove("NO_COLOR").env("PLAN_LANG", "en");
    cmd
}

/// A copy of `plans/` in a temporary directory, with `edit` applied to each file's text.
fn copy_plans(edit: impl Fn(&str, String) -> Vec<u8>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("plans").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(dir.path().join(&name), edit(&name, text)).unwrap();
    }
    dir
}

const PLAN_2019: &str = "ke-hoach-2019.toml";

/// Checks a copy of `plans/` with one line of the 2019 plan replaced; returns the exit code
/// and the JSON diagnostics as `code file:line`.
fn check_edited(from: &str, to: &str) -> (i32, Vec<String>) {
    let dir = copy_plans(|name, text| {
        if name == PLAN_2019 {
            assert!(text.contains(from), "`{from}` is not in the plan");
            text.replacen(from, to, 1).into_bytes()
        } else {
            text.into_bytes()
        }
    });
    let output = plan().arg("check").arg(dir.path()).args(["--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = Path::new(d["file"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned();
            format!("{} {file}:{}", d["code"].as_str().unwrap(), d["line"])
        })
        .collect();
    (output.status.code().unwrap(), found)
}

fn line_of(text: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(Path::new("plans").join(text)).unwrap();
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn the_real_plans_check_clean() {
    plan().args(["check", "plans/"]).assert().success().stdout("").stderr("checked 2 files: 0 errors, 0 warnings\n");
}

#[test]
fn default_path_is_plans_when_it_exists() {
    let dir = copy_plans(|_, text| text.into_bytes());
    let root = tempfile::tempdir().unwrap();
    std::fs::rename(dir.path(), root.path().join("plans")).unwrap();
    plan().arg("check").current_dir(root.path()).assert().success().stderr("checked 2 files: 0 errors, 0 warnings\n");
    std::fs::write(root.path().join("plans/notes.toml"), "title = \"ghi chú\"\n").unwrap();
    plan().arg("check").current_dir(root.path()).assert().code(1);
}

#[test]
fn default_path_is_the_current_directory_otherwise() {
    let dir = copy_plans(|_, text| text.into_bytes());
    plan().arg("check").current_dir(dir.path()).assert().success().stderr("checked 2 files: 0 errors, 0 warnings\n");
}

#[test]
fn changing_the_budget_total_fails_at_that_line() {
    let (code, found) = check_edited("total = \"491.300.000\"", "total = \"419.300.000\"");
    assert_eq!(code, 1);
    assert_eq!(found, [format!("amount-words-mismatch {PLAN_2019}:{}", line_of(PLAN_2019, "in-words"))]);
}

#[test]
fn changing_the_amount_in_words_fails_at_that_line() {
    let (code, found) = check_edited("chín mươi một triệu", "chín mươi hai triệu");
    assert_eq!(code, 1);
    assert_eq!(found, [format!("amount-words-mismatch {PLAN_2019}:{}", line_of(PLAN_2019, "in-words"))]);
}

#[test]
fn changing_the_cited_decision_number_fails_at_that_line() {
    let (code, found) = check_edited("number = \"1186/QĐ-UBND\"", "number = \"1187/QĐ-UBND\"");
    assert_eq!(code, 1);
    assert_eq!(found, [format!("decision-mismatch {PLAN_2019}:{}", line_of(PLAN_2019, "decision = {"))]);
}

#[test]
fn a_year_outside_the_period_fails_at_that_line() {
    let (code, found) = check_edited("year = 2019", "year = 2021");
    assert_eq!(code, 1);
    let year_line = line_of(PLAN_2019, "year = 2019");
    // The report dates, still in 2019, are now outside the plan year: warnings.
    assert_eq!(
        found,
        [
            format!("year-outside-period {PLAN_2019}:{year_line}"),
            // Names that say the year: `năm 2018` (an award, expected the year before the
            // plan's) and `năm 2019` are now two and three years off.
            format!("name-year-mismatch {PLAN_2019}:{}", line_of(PLAN_2019, "chất lượng quốc gia năm 2018")),
            format!("name-year-mismatch {PLAN_2019}:{}", line_of(PLAN_2019, "Quốc gia năm 2019\"")),
            format!("date-outside-year {PLAN_2019}:{}", line_of(PLAN_2019, "due-before = 2019-06-30")),
            format!("date-outside-year {PLAN_2019}:{}", line_of(PLAN_2019, "due-before = 2019-12-15")),
        ]
    );
}

#[test]
fn the_plans_pass_in_nfd_with_crlf_and_with_a_bom() {
    let nfd = copy_plans(|_, text| text.nfd().collect::<String>().into_bytes());
    plan().arg("check").arg(nfd.path()).assert().success().stderr("checked 2 files: 0 errors, 0 warnings\n");
    let crlf = copy_plans(|_, text| text.replace('\n', "\r\n").into_bytes());
    plan().arg("check").arg(crlf.path()).assert().success().stderr("checked 2 files: 0 errors, 0 warnings\n");
    let bom = copy_plans(|_, text| [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat());
    plan().arg("check").arg(bom.path()).assert().success().stderr("checked 2 files: 0 errors, 0 warnings\n");
}

#[test]
fn checking_never_writes_to_the_files() {
    let dir = copy_plans(|name, text| {
        if name == PLAN_2019 { text.replace("year = 2019", "year = 2031") } else { text }.into_bytes()
    });
    let before: Vec<Vec<u8>> = files(dir.path()).iter().map(|p| std::fs::read(p).unwrap()).collect();
    plan().arg("check").arg(dir.path()).assert().code(1);
    let after: Vec<Vec<u8>> = files(dir.path()).iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert_eq!(before, after);
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

const FIXTURE: &str = "tests/fixtures/invalid/budget-lines-sum";

#[test]
fn json_format_is_one_document_on_stdout() {
    let output = plan().args(["check", FIXTURE, "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "");
    let expected = r#"{
  "format": "plan-check/1",
  "files": 3,
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "code": "budget-lines-sum",
      "severity": "error",
      "message": "the budget lines add up to `290.000.000`, less than the total `300.000.000` by `10.000.000`",
      "file": "tests/fixtures/invalid/budget-lines-sum/plan.toml",
      "line": 22,
      "column": 9,
      "end_line": 22,
      "end_column": 22,
      "label": "the total",
      "help": "correct a line or the total: the appendix must add up to the plan's budget",
      "related": [
        {
          "file": "tests/fixtures/invalid/budget-lines-sum/plan.toml",
          "line": 28,
          "column": 10,
          "end_line": 28,
          "end_column": 23,
          "message": "`200.000.000`"
        },
        {
          "file": "tests/fixtures/invalid/budget-lines-sum/plan.toml",
          "line": 33,
          "column": 10,
          "end_line": 33,
          "end_column": 20,
          "message": "`90.000.000`"
        }
      ]
    }
  ]
}
"#;
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
}

#[test]
fn github_format_is_one_annotation_per_diagnostic() {
    plan().args(["check", FIXTURE, "--format", "github"]).assert().code(1).stderr("").stdout(
        "::error file=tests/fixtures/invalid/budget-lines-sum/plan.toml,line=22,col=9,endLine=22,endColumn=22,\
title=budget-lines-sum::the budget lines add up to `290.000.000`, less than the total `300.000.000` by `10.000.000`\
%0Ahelp: correct a line or the total: the appendix must add up to the plan's budget\n",
    );
    plan().args(["check", "tests/fixtures/invalid/over-target", "--format", "github"]).assert().success().stdout(
        predicates::str::starts_with("::warning file=tests/fixtures/invalid/over-target/progress.toml,line=8,"),
    );
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = "tests/fixtures/invalid/late-submission";
    plan()
        .args(["check", dir])
        .assert()
        .success()
        .stderr(predicates::str::ends_with(
            "checked 3 files: 0 errors, 1 warning\n\
             for what a code means and an example of its fix: `plan explain CODE` (such as `plan explain invalid-amount`)\n",
        ));
    plan().args(["check", dir, "--deny-warnings"]).assert().code(1);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = plan().args(["check", FIXTURE]).output().unwrap();
    assert!(!String::from_utf8(plain.stderr).unwrap().contains('\u{1b}'));
    let always = plan().args(["check", FIXTURE, "--color", "always"]).output().unwrap();
    assert!(String::from_utf8(always.stderr).unwrap().contains("\u{1b}["));
    let never = plan().args(["check", FIXTURE, "--color", "never"]).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8(never.stderr).unwrap().contains('\u{1b}'));
}

#[test]
fn a_missing_path_is_an_io_error() {
    plan()
        .args(["check", "no-such-dir", "--lang", "vi"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("plan: lỗi: không đọc được `no-such-dir`: không có tệp hay thư mục này\n");
    plan()
        .args(["check", "no-such-dir"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("plan: error: cannot read `no-such-dir`: No such file or directory (os error 2)\n");
}

#[test]
fn a_directory_without_plan_files_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "không phải kế hoạch").unwrap();
    let shown = dir.path().display().to_string();
    let shown = shown.trim_start_matches("./");
    plan()
        .args(["check", "--lang", "vi"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(format!("plan: lỗi: không có tệp kế hoạch (`*.toml`) nào trong `{shown}`\n"));
    plan()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(format!("plan: error: no plan files (`*.toml`) under `{shown}`\n"));
}

#[test]
fn an_empty_and_a_truncated_file_are_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.toml"), "").unwrap();
    std::fs::write(dir.path().join("cut.toml"), "[plan]\ntitle = \"Kế hoạch").unwrap();
    let output = plan().arg("check").arg(dir.path()).args(["--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["toml-syntax", "unknown-kind"]);
}

#[test]
fn a_file_too_large_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(dir.path().join("huge.toml")).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    plan()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("the file is 65 MiB, more than the 64 MiB a plan file may have"));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed() {
    let dir = copy_plans(|_, text| text.into_bytes());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("self", dir.path().join("self")).unwrap();
    let output = plan().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("loop` leads back to") && stderr.contains("a file system loop; it was not read twice"),
        "{stderr}"
    );
    assert!(stderr.contains("Too many levels of symbolic links"), "{stderr}");
    assert!(stderr.ends_with("checked 2 files: 0 errors, 0 warnings\n"), "{stderr}");
}

#[test]
fn plans_sharing_a_directory_each_find_their_progress_files() {
    let dir = copy_plans(|_, text| text.into_bytes());
    // A second plan, for 2020 (one plan per year), in the same directory.
    let plan_2020 = std::fs::read_to_string(dir.path().join(PLAN_2019))
        .unwrap()
        .replace("year = 2019", "year = 2020")
        .replace("due-before = 2019-", "due-before = 2020-");
    std::fs::write(dir.path().join("ke-hoach-2019-b.toml"), plan_2020).unwrap();
    let progress = |plan: &str, year: u32, quantity: u32| {
        format!(
            "[progress]\nplan = \"{plan}\"\n\n[[achievement]]\nactivity = \"hoi-thao\"\ndate = {year}-05-20\nquantity = {quantity}\n"
        )
    };
    std::fs::write(dir.path().join("tien-do-a.toml"), progress(PLAN_2019, 2019, 1)).unwrap();
    std::fs::write(dir.path().join("tien-do-b.toml"), progress("ke-hoach-2019-b.toml", 2020, 2)).unwrap();
    // Only the plans are named: their progress files are found beside them, each linked
    // to its own plan (the directory is looked through once, for the first plan).
    let output = plan()
        .arg("check")
        .arg(dir.path().join(PLAN_2019))
        .arg(dir.path().join("ke-hoach-2019-b.toml"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["files"], 5);
    let found: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["file"].as_str().unwrap().rsplit('/').next().unwrap()))
        .collect();
    // The 2020 copy keeps the 2019 plan's `năm 2019` in an activity's name.
    assert_eq!(found, [("name-year-mismatch", "ke-hoach-2019-b.toml"), ("over-target", "tien-do-b.toml")]);
}
