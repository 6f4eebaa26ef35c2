//! The malformed-input corpus: every directory under `tests/fixtures/malformed/` is a small
//! set of plan files with one thing wrong (or odd) in it, checked as a user would check it.
//! Its `expected.txt` says what the run must produce:
//!
//! ```text
//! exit 0                  optional first line: the exit status, when it is not 1
//! toml-syntax plan.toml:5 a diagnostic that must be among those reported (code file:line)
//! no budget-lines-sum     a code that must not be reported at all
//! ```
//!
//! Every case is also rendered in the human and GitHub formats, which must end with the same
//! status: no input may panic the tool or leave it without an answer. The human format must
//! not pass a control character of the files on to the terminal. Inputs too large to
//! commit (deep nesting, long lines, a million activities) are generated at run time below.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::in_process as plan;
use plan::cli::Exit;

const MALFORMED: &str = "tests/fixtures/malformed";

/// What a case must produce.
#[derive(Debug, Default)]
struct Expected {
    exit: Option<i32>,
    present: Vec<(String, String, usize)>,
    absent: Vec<String>,
}

fn parse_expected(text: &str) -> Expected {
    let mut expected = Expected::default();
    for (n, line) in text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if let Some(code) = line.strip_prefix("exit ") {
            assert_eq!(n, 0, "`exit N` goes on the first line");
            expected.exit = Some(code.parse().expect("`exit N`"));
        } else if let Some(code) = line.strip_prefix("no ") {
            expected.absent.push(code.to_owned());
        } else {
            let (code, place) = line.split_once(' ').expect("`code file:line`");
            let (file, line) = place.rsplit_once(':').expect("`file:line`");
            expected.present.push((code.to_owned(), file.to_owned(), line.parse().expect("a line number")));
        }
    }
    expected
}

/// The JSON diagnostics of a run, as `(code, file name, line)`.
fn found(json: &serde_json::Value) -> Vec<(String, String, usize)> {
    json["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            let file = Path::new(d["file"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned();
            let line = usize::try_from(d["line"].as_u64().unwrap()).unwrap();
            (d["code"].as_str().unwrap().to_owned(), file, line)
        })
        .collect()
}

fn exit_code(exit: Exit) -> i32 {
    exit as i32
}

/// Checks one directory against `expected`; returns what is wrong, if anything.
fn check_case(dir: &Path, expected: &Expected) -> Result<(), String> {
    let path = dir.to_str().unwrap();
    let (exit, out, _) = plan(&["check", path, "--format", "json", "--lang", "en"]);
    let mut problems = String::new();
    let want = expected.exit.unwrap_or(1);
    if exit_code(exit) != want {
        let _ = writeln!(problems, "exit {} instead of {want}", exit_code(exit));
    }
    let json: serde_json::Value = serde_json::from_str(&out).map_err(|e| format!("not one JSON document: {e}"))?;
    let found = found(&json);
    for (code, file, line) in &expected.present {
        if !found.iter().any(|(c, f, l)| c == code && f == file && l == line) {
            let _ = writeln!(problems, "no `{code} {file}:{line}`");
        }
    }
    for code in &expected.absent {
        if found.iter().any(|(c, _, _)| c == code) {
            let _ = writeln!(problems, "`{code}` reported, and it must not be");
        }
    }
    let (human, _, err) = plan(&["check", path, "--color", "never", "--lang", "en"]);
    if human != exit || !err.contains("checked ") {
        let _ = writeln!(problems, "the human format ended differently: {human:?}");
    }
    // Whatever the files hold, nothing but text reaches the terminal.
    if let Some(c) = err.chars().find(|&c| c.is_control() && c != '\n' && c != '\t') {
        let _ = writeln!(problems, "the human format printed the control character {c:?}");
    }
    let (coloured, _, _) = plan(&["check", path, "--color", "always"]);
    if coloured != exit {
        let _ = writeln!(problems, "the coloured human format ended differently: {coloured:?}");
    }
    let (github, out, _) = plan(&["check", path, "--format", "github"]);
    if github != exit || (exit == Exit::Failure && !out.starts_with("::")) {
        let _ = writeln!(problems, "the GitHub format ended differently: {github:?}");
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let list: Vec<String> = found.iter().map(|(c, f, l)| format!("{c} {f}:{l}")).collect();
        Err(format!("{problems}  found: {list:?}"))
    }
}

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(MALFORMED)
        .expect("the malformed corpus")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_malformed_case_gives_its_diagnostics_and_status() {
    let dirs = cases();
    assert!(dirs.len() >= 60, "found only {} cases", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(plan::lower::is_slug(&name), "`{name}`: case names are kebab-case");
        let text = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
        let expected = parse_expected(&text);
        let want_exit = expected.exit.unwrap_or(1);
        assert!(
            want_exit == 0 || !expected.present.is_empty(),
            "`{name}`: a failing case names at least one diagnostic"
        );
        // A panic is a failure of this case, reported with the others.
        match std::panic::catch_unwind(|| check_case(dir, &expected)) {
            Ok(Ok(())) => {}
            Ok(Err(problem)) => failures.push(format!("{name}:\n{problem}")),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), dirs.len(), failures.join("\n"));
}

/// The base files of the corpus, in a temporary directory, with the plan replaced.
fn with_plan(plan_text: &str) -> tempfile::TempDir {
    let base = Path::new(MALFORMED).join(BASE);
    let dir = tempfile::tempdir().unwrap();
    for name in ["decision.toml", "progress.toml"] {
        std::fs::copy(base.join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("plan.toml"), plan_text).unwrap();
    dir
}

const PLAN_HEAD: &str = r#"[plan]
title = "Kế hoạch năm 2019"
year = 2019
decision = { number = "1186/QĐ-UBND", date = 2016-05-16, file = "decision.toml" }
"#;

/// A case whose decision and progress files are the base ones, and whose plan differs from
/// the base only before its first `[[activity]]`.
const BASE: &str = "syntax-unclosed-string";

/// The plan of the corpus, from `[[activity]]` on, so that generated plans stay valid.
fn plan_body() -> String {
    let text = std::fs::read_to_string(Path::new(MALFORMED).join(BASE).join("plan.toml")).unwrap();
    text[text.find("[[activity]]").unwrap()..].to_owned()
}

/// The 1-based line of the first `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("the needle is in the text")].matches('\n').count() + 1
}

/// Checks a generated case: the exit status, and for each `(code, needle)` a diagnostic of
/// that code on the line of the plan where `needle` first stands.
fn assert_generated(plan_text: &str, exit: Exit, expected: &[(&str, &str)]) {
    let expected: Vec<(&str, usize)> =
        expected.iter().map(|(code, needle)| (*code, line_of(plan_text, needle))).collect();
    let dir = with_plan(plan_text);
    let (status, out, _) = plan(&["check", dir.path().to_str().unwrap(), "--format", "json", "--lang", "en"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let found = found(&json);
    assert_eq!(status, exit, "{found:?}");
    for (code, line) in &expected {
        assert!(
            found.iter().any(|(c, f, l)| c == code && f == "plan.toml" && l == line),
            "no `{code} plan.toml:{line}` in {found:?}"
        );
    }
    // The other formats must not fall over on it either.
    assert_eq!(plan(&["check", dir.path().to_str().unwrap(), "--color", "never"]).0, exit);
    assert_eq!(plan(&["check", dir.path().to_str().unwrap(), "--format", "github"]).0, exit);
}

#[test]
fn arrays_nested_ten_thousand_deep_are_a_syntax_error_not_a_stack_overflow() {
    let plan = format!("{PLAN_HEAD}recipients = {}{}\n{}", "[".repeat(10_000), "]".repeat(10_000), plan_body());
    assert_generated(&plan, Exit::Failure, &[("toml-syntax", "recipients = ")]);
}

#[test]
fn inline_tables_nested_ten_thousand_deep_are_a_syntax_error_not_a_stack_overflow() {
    let plan = format!("{PLAN_HEAD}x = {}1{}\n{}", "{ a = ".repeat(10_000), " }".repeat(10_000), plan_body());
    assert_generated(&plan, Exit::Failure, &[("toml-syntax", "x = ")]);
}

#[test]
fn unclosed_nesting_ten_thousand_deep_is_a_syntax_error() {
    let plan = format!("{PLAN_HEAD}x = {}\n{}", "[{ a = ".repeat(5_000), plan_body());
    assert_generated(&plan, Exit::Failure, &[("toml-syntax", "x = ")]);
}

#[test]
fn a_dotted_key_of_ten_thousand_parts_is_a_syntax_error_at_its_line() {
    let key = vec!["a"; 10_000].join(".");
    let plan = format!("{PLAN_HEAD}{key} = 1\n{}", plan_body());
    assert_generated(&plan, Exit::Failure, &[("toml-syntax", "a.a.a")]);
}

#[test]
fn a_table_header_of_ten_thousand_parts_is_a_syntax_error_at_its_line() {
    let key = vec!["a"; 10_000].join(".");
    let plan = format!("{PLAN_HEAD}{}\n[[{key}]]\nx = 1\n", plan_body());
    assert_generated(&plan, Exit::Failure, &[("toml-syntax", "[[a.a.a")]);
}

#[test]
fn a_string_of_one_megabyte_passes() {
    let long = "Xây dựng hệ thống quản lý ".repeat(40_000);
    assert!(long.len() > 1 << 20);
    let plan = format!("{PLAN_HEAD}{}", plan_body()).replacen(
        "name = \"Xây dựng hệ thống quản lý\"",
        &format!("name = \"{long}\""),
        1,
    );
    assert_generated(&plan, Exit::Success, &[]);
}

#[test]
fn an_unclosed_string_of_one_megabyte_is_a_syntax_error_at_its_line() {
    let plan = format!("{PLAN_HEAD}{}", plan_body()).replacen(
        "name = \"Xây dựng hệ thống quản lý\"",
        &format!("name = \"{}", "x".repeat(1 << 20)),
        1,
    );
    assert_generated(&plan, Exit::Failure, &[("toml-syntax", "name = \"xxx")]);
}

#[test]
fn an_unknown_key_of_one_megabyte_is_reported_at_its_line() {
    let plan = format!("{PLAN_HEAD}{}", plan_body()).replacen(
        "name = \"Xây dựng hệ thống quản lý\"",
        &format!("name = \"x\"\n{} = 1", "k".repeat(1 << 20)),
        1,
    );
    assert_generated(&plan, Exit::Failure, &[("unknown-key", "kkk")]);
}

/// A million activities, the last one repeating the first one's id: the run reads them all
/// and reports exactly that. Generated here rather than committed (about 60 MB).
#[test]
fn a_plan_with_a_million_activities_is_read_to_the_end() {
    const N: usize = 1_000_000;
    let mut text = String::with_capacity(64 * N);
    text.push_str("[plan]\ntitle = \"Kế hoạch năm 2019\"\nyear = 2019\n");
    text.push_str("decision = { number = \"1186/QĐ-UBND\", date = 2016-05-16 }\n");
    for n in 0..N {
        let _ = write!(text, "\n[[activity]]\nid = \"a{n}\"\nname = \"Hoạt động {n}\"\n");
    }
    text.push_str("\n[[activity]]\nid = \"a0\"\nname = \"Hoạt động lặp lại\"\n");
    let last_id_line = text.lines().count() - 1;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), &text).unwrap();
    drop(text);
    let (status, out, _) = plan(&["check", dir.path().to_str().unwrap(), "--format", "json", "--lang", "en"]);
    assert_eq!(status, Exit::Failure);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["errors"], 1);
    assert_eq!(json["warnings"], 0);
    assert_eq!(found(&json), [("duplicate-id".to_owned(), "plan.toml".to_owned(), last_id_line)]);
    assert_eq!(json["diagnostics"][0]["message"], "two activities have the id `a0`");
    assert_eq!(json["diagnostics"][0]["related"][0]["line"], 7, "the first `a0`");
}

/// A device named on the command line has no size and never ends (and a FIFO blocks): it is
/// refused before it is opened, and the JSON document counts it.
#[cfg(unix)]
#[test]
fn an_endless_file_is_refused_before_it_is_read() {
    let (status, out, err) = plan(&["check", "/dev/zero", "--format", "json", "--lang", "en"]);
    assert_eq!(status, Exit::Trouble);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["errors"], 1);
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(json["unreadable"], serde_json::json!(["cannot read `/dev/zero`: it is not a regular file"]));
    assert_eq!(err, "plan: error: cannot read `/dev/zero`: it is not a regular file\n");
    let (status, out, err) = plan(&["check", "/dev/zero", "--format", "json"]);
    assert_eq!(status, Exit::Trouble);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["unreadable"], serde_json::json!(["không đọc được `/dev/zero`: đây không phải tệp thông thường"]));
    assert_eq!(err, "plan: lỗi: không đọc được `/dev/zero`: đây không phải tệp thông thường\n");
}

/// Ten thousand plans in one directory, citing one decision: every file is read and
/// checked, and all but the first are the same year again (`duplicate-year`).
/// (Looking through the directory once per plan once made this quadratic.)
#[test]
fn ten_thousand_plans_in_one_directory_are_all_checked() {
    let base = Path::new(MALFORMED).join(BASE);
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(base.join("decision.toml"), dir.path().join("decision.toml")).unwrap();
    let plan_text = format!("{PLAN_HEAD}{}", plan_body());
    for n in 0..10_000 {
        std::fs::write(dir.path().join(format!("ke-hoach-{n:05}.toml")), &plan_text).unwrap();
    }
    let (status, out, _) = plan(&["check", dir.path().to_str().unwrap(), "--format", "json", "--lang", "en"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((status, &json["files"], &json["errors"]), (Exit::Failure, &10_001.into(), &9_999.into()));
    let codes: std::collections::BTreeSet<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["duplicate-year"].into());
}

/// A file of nothing but syntax errors: the first fifty are shown (the per-file cap of
/// `diag::cap`), the rest counted in the totals and in `suppressed`.
#[test]
fn a_thousand_syntax_errors_show_the_first_fifty_and_a_count() {
    let plan_text = format!("{PLAN_HEAD}{}", "x\n".repeat(1_000));
    let dir = with_plan(&plan_text);
    let (status, out, _) = plan(&["check", dir.path().to_str().unwrap(), "--format", "json", "--lang", "en"]);
    assert_eq!(status, Exit::Failure);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 50);
    assert!(
        diagnostics.iter().all(|d| d["code"] == "toml-syntax" && d["file"].as_str().unwrap().ends_with("plan.toml"))
    );
    assert_eq!(diagnostics[49]["line"], 5 + 49);
    assert_eq!(json["errors"], 1_000);
    assert_eq!(json["suppressed"][0]["count"], 950);
}
