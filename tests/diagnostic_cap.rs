//! The per-file cap on diagnostics of one code (`diag::cap`): the first 50 of each code in
//! each file are shown, one closing line per file and code counts the rest, and the totals
//! count them all — in the human, JSON, GitHub and SARIF formats alike.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::in_process as plan;
use plan::cli::Exit;

const DECISION: &str = "plans/quyet-dinh-1186-2016.toml";

/// A directory with the real decision and a plan of `activities` activities, each with an
/// id the decision does not have and a lead it does not know (one `unknown-item` and one
/// `unknown-agency` each); and `junk`, when given, as `broken.toml` beside them.
fn corpus(activities: usize, junk: Option<usize>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(DECISION, dir.path().join("quyet-dinh-1186-2016.toml")).unwrap();
    let mut text = String::from(
        "[plan]\ntitle = \"Kế hoạch năm 2019\"\nyear = 2019\nissuer = \"Ủy ban nhân dân tỉnh Tây Ninh\"\n\
         decision = { number = \"1186/QĐ-UBND\", date = 2016-05-16, file = \"quyet-dinh-1186-2016.toml\" }\n",
    );
    for n in 0..activities {
        write!(
            text,
            "\n[[activity]]\nid = \"a{n}\"\nsection = \"II.1.a\"\nname = \"Hoạt động {n}\"\nlead = \"Sở Không Có {n}\"\n"
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("ke-hoach-2019.toml"), text).unwrap();
    if let Some(lines) = junk {
        std::fs::write(dir.path().join("broken.toml"), "x\n".repeat(lines)).unwrap();
    }
    dir
}

fn path(dir: &tempfile::TempDir) -> &str {
    dir.path().to_str().unwrap()
}

fn name(dir: &tempfile::TempDir, file: &str) -> String {
    dir.path().join(file).to_str().unwrap().to_owned()
}

#[test]
fn json_keeps_fifty_of_each_code_per_file_and_counts_the_rest() {
    let dir = corpus(70, Some(1_000));
    let (status, out, err) = plan(&["check", "--lang", "en", path(&dir), "--format", "json"]);
    assert_eq!((status, err.as_str()), (Exit::Failure, ""));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    // 1,000 syntax errors, 70 unknown items and 70 unknown agencies: all counted.
    assert_eq!((&json["files"], &json["errors"], &json["warnings"]), (&3.into(), &1_140.into(), &0.into()));
    let codes: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (Path::new(d["file"].as_str().unwrap()).file_name().unwrap().to_str().unwrap(), d["code"].as_str().unwrap())
        })
        .collect();
    let count = |file: &str, code: &str| codes.iter().filter(|&&c| c == (file, code)).count();
    assert_eq!(codes.len(), 150);
    assert_eq!(count("broken.toml", "toml-syntax"), 50);
    assert_eq!(count("ke-hoach-2019.toml", "unknown-item"), 50);
    assert_eq!(count("ke-hoach-2019.toml", "unknown-agency"), 50);
    // The first fifty by position: the syntax errors of lines 1 to 50.
    let lines: Vec<u64> =
        json["diagnostics"].as_array().unwrap()[..50].iter().map(|d| d["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, (1..=50).collect::<Vec<u64>>());
    let plan_file = name(&dir, "ke-hoach-2019.toml");
    assert_eq!(
        json["suppressed"],
        serde_json::json!([
            { "file": name(&dir, "broken.toml"), "code": "toml-syntax", "severity": "error", "count": 950 },
            { "file": plan_file, "code": "unknown-item", "severity": "error", "count": 20 },
            { "file": plan_file, "code": "unknown-agency", "severity": "error", "count": 20 },
        ])
    );
}

#[test]
fn human_ends_each_file_with_its_closing_lines_and_the_summary_counts_all() {
    let dir = corpus(70, Some(1_000));
    let (status, out, err) = plan(&["check", "--lang", "en", path(&dir), "--color", "never"]);
    assert_eq!((status, out.as_str()), (Exit::Failure, ""));
    assert_eq!(err.matches("error[toml-syntax]").count(), 50);
    assert_eq!(err.matches("error[unknown-item]").count(), 50);
    assert_eq!(err.matches("error[unknown-agency]").count(), 50);
    let notes: Vec<&str> = err.lines().filter(|l| l.starts_with("note[")).collect();
    let broken = name(&dir, "broken.toml");
    let plan_file = name(&dir, "ke-hoach-2019.toml");
    assert_eq!(
        notes,
        [
            format!(
                "note[toml-syntax]: {broken}: 950 more of this kind are not shown: at most 50 toml-syntax errors are shown per file"
            ),
            format!(
                "note[unknown-item]: {plan_file}: 20 more of this kind are not shown: at most 50 unknown-item errors are shown per file"
            ),
            format!(
                "note[unknown-agency]: {plan_file}: 20 more of this kind are not shown: at most 50 unknown-agency errors are shown per file"
            ),
        ]
    );
    // The broken file's note comes after its last diagnostic and before the plan's first.
    let note = err.find("note[toml-syntax]").unwrap();
    assert!(err[..note].rfind("error[toml-syntax]").is_some());
    assert!(err[..note].find("error[unknown").is_none());
    assert!(
        err.ends_with(
            "\nchecked 3 files: 1140 errors, 0 warnings (990 not shown: at most 50 of one code per file)\n\
             for what a code means and an example of its fix: `plan explain CODE` (such as `plan explain invalid-amount`)\n"
        )
    );
}

#[test]
fn github_writes_a_notice_per_file_and_code_after_the_files_annotations() {
    let dir = corpus(70, Some(1_000));
    let (status, out, _) = plan(&["check", "--lang", "en", path(&dir), "--format", "github"]);
    assert_eq!(status, Exit::Failure);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 153);
    assert_eq!(lines.iter().filter(|l| l.starts_with("::error ")).count(), 150);
    let broken = name(&dir, "broken.toml");
    assert_eq!(
        lines[50],
        format!(
            "::notice file={broken},title=toml-syntax::950 more of this kind are not shown: at most 50 toml-syntax errors are shown per file"
        )
    );
    assert!(lines[151].starts_with("::notice ") && lines[151].contains("title=unknown-item::20 more"));
    assert!(lines[152].starts_with("::notice ") && lines[152].contains("title=unknown-agency::20 more"));
}

#[test]
fn sarif_counts_what_it_left_out_in_tool_notifications() {
    let dir = corpus(70, Some(1_000));
    let (status, out, _) = plan(&["check", "--lang", "en", path(&dir), "--format", "sarif"]);
    assert_eq!(status, Exit::Failure);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let run = &log["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), 150);
    let notes = run["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    let seen: Vec<(&str, u64)> = notes
        .iter()
        .map(|n| (n["descriptor"]["id"].as_str().unwrap(), n["properties"]["notShown"].as_u64().unwrap()))
        .collect();
    assert_eq!(seen, [("toml-syntax", 950), ("unknown-item", 20), ("unknown-agency", 20)]);
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    assert_eq!(notes[0]["level"], "note");
}

#[test]
fn fifty_of_a_code_are_all_shown_and_nothing_is_said_of_a_cap() {
    let dir = corpus(50, None);
    let (_, out, _) = plan(&["check", "--lang", "en", path(&dir), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((&json["errors"], json["diagnostics"].as_array().unwrap().len()), (&100.into(), 100));
    assert!(json.get("suppressed").is_none());
    let (_, _, err) = plan(&["check", "--lang", "en", path(&dir), "--color", "never"]);
    assert!(!err.contains("note["));
    assert!(err.ends_with(
        "\nchecked 2 files: 100 errors, 0 warnings\n\
         for what a code means and an example of its fix: `plan explain CODE` (such as `plan explain invalid-amount`)\n"
    ));
}

#[test]
fn fifty_one_leave_one_out() {
    let dir = corpus(51, None);
    let (_, out, _) = plan(&["check", "--lang", "en", path(&dir), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((&json["errors"], json["diagnostics"].as_array().unwrap().len()), (&102.into(), 100));
    let counts: Vec<u64> =
        json["suppressed"].as_array().unwrap().iter().map(|s| s["count"].as_u64().unwrap()).collect();
    assert_eq!(counts, [1, 1]);
    let (_, _, err) = plan(&["check", "--lang", "en", path(&dir), "--color", "never"]);
    assert!(err.contains(": 1 more of this kind is not shown: at most 50 unknown-agency errors are shown per file\n"));
}

/// A file past 2 MiB whose first MiB has more syntax errors than are shown is counted chunk
/// by chunk (`parse::parse_toml_counted`), never held whole: the count is still exact.
#[test]
fn an_error_dense_file_is_counted_in_chunks_and_the_count_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("junk.toml"), "x\n".repeat(1_100_000)).unwrap();
    let (status, out, _) = plan(&["check", "--lang", "en", path(&dir), "--format", "json"]);
    assert_eq!(status, Exit::Failure);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((&json["errors"], json["diagnostics"].as_array().unwrap().len()), (&1_100_000.into(), 50));
    assert_eq!(json["suppressed"][0]["count"], 1_100_000 - 50);
}

#[test]
fn the_closing_lines_speak_vietnamese_by_default() {
    let dir = corpus(70, None);
    let (_, _, err) = plan(&["check", path(&dir), "--color", "never"]);
    let plan_file = name(&dir, "ke-hoach-2019.toml");
    assert!(err.contains(&format!(
        "note[unknown-agency]: {plan_file}: còn 20 thông báo cùng loại không hiện: mỗi tệp chỉ hiện tối đa 50 lỗi unknown-agency\n"
    )));
    assert!(err.contains(
        "\nđã kiểm tra 2 tệp: 140 lỗi, 0 cảnh báo (40 không hiện: mỗi tệp hiện tối đa 50 thông báo cùng một mã)\n"
    ));
}
