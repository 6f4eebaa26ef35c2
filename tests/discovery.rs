//! One discovery and one linking for every command: `plan check FILE`, `plan check DIR` and
//! `plan report PLAN` see the same files and give the same diagnostics for the same plan,
//! however the files were named and wherever under the plan's directory they are.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::fs;
use std::path::Path;

use common::in_process as plan;
use plan::cli::Exit;

const EXAMPLE: &str = "examples/nang-suat-chat-luong";

/// The example scenario copied to a fresh directory, with a 2024 and a 2025 plan made from
/// the 2023 one, so that the decision's period is complete and its period checks run.
fn five_years() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(EXAMPLE).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let base = fs::read_to_string(Path::new(EXAMPLE).join("ke-hoach-2023.toml")).unwrap();
    for year in [2024, 2025] {
        let text = base
            .replace("year = 2023", &format!("year = {year}"))
            .replace("2023-", &format!("{year}-"))
            .replace("năm 2023", &format!("năm {year}"))
            .replace("năm 2022", &format!("năm {}", year - 1));
        fs::write(dir.path().join(format!("ke-hoach-{year}.toml")), text).unwrap();
    }
    dir
}

/// The diagnostics of `plan check PATHS…` as `code file:line`, in output order, and the
/// number of files checked.
fn check(paths: &[&Path]) -> (Vec<String>, u64) {
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let (_, out, _) = plan(&args);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let lines = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = Path::new(d["file"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned();
            format!("{} {file}:{}", d["code"].as_str().unwrap(), d["line"])
        })
        .collect();
    (lines, json["files"].as_u64().unwrap())
}

#[test]
fn checking_one_plan_gives_what_checking_its_directory_gives() {
    let dir = five_years();
    let whole = check(&[dir.path()]);
    assert_eq!(whole.1, 10, "a decision, five plans and four progress files");
    for year in 2021..=2025 {
        let one = check(&[&dir.path().join(format!("ke-hoach-{year}.toml"))]);
        assert_eq!(one, whole, "plan check ke-hoach-{year}.toml");
    }
    let decision = check(&[&dir.path().join("quyet-dinh.toml")]);
    assert_eq!(decision, whole, "plan check quyet-dinh.toml");
}

#[test]
fn the_period_checks_see_every_year_whichever_plan_is_named() {
    let dir = five_years();
    let (lines, _) = check(&[&dir.path().join("ke-hoach-2025.toml")]);
    // The 2024 and 2025 plans repeat 2023's targets: two items pass their period target and
    // one still falls short. A check of 2025 alone that did not link the other years to
    // the decision would call every targeted item short.
    assert_eq!(
        lines,
        [
            "period-target-exceeded ke-hoach-2025.toml:22",
            "period-target-exceeded ke-hoach-2025.toml:40",
            "period-target-short ke-hoach-2025.toml:81",
            "late-submission tien-do-2022-ca-nam.toml:133",
        ]
    );
}

/// The real 2019 plan with one progress file in a subdirectory.
fn plan_with_progress_in_a_subdirectory() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ke-hoach-2019.toml", "quyet-dinh-1186-2016.toml"] {
        fs::copy(Path::new("plans").join(name), dir.path().join(name)).unwrap();
    }
    fs::create_dir(dir.path().join("tien-do")).unwrap();
    fs::write(
        dir.path().join("tien-do/2019.toml"),
        "[progress]\nplan = \"../ke-hoach-2019.toml\"\n\n[[achievement]]\nactivity = \"hoi-thao\"\ndate = 2019-04-10\nquantity = 1\n\n[[disbursement]]\nactivity = \"hoi-thao\"\ndate = 2019-04-10\namount = \"40.000.000\"\nvoucher = \"PC-01\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_report_counts_a_progress_file_in_a_subdirectory() {
    let dir = plan_with_progress_in_a_subdirectory();
    let plan_path = dir.path().join("ke-hoach-2019.toml");
    let (exit, out, err) = plan(&["report", plan_path.to_str().unwrap(), "--half-year", "--format", "json"]);
    assert_eq!(exit, Exit::Success, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["budget"]["disbursed"], "40000000");
    assert_eq!(json["progress"][0]["achieved"], "1");
    let files = json["progress_files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert!(files[0].as_str().unwrap().ends_with("tien-do/2019.toml"), "{files:?}");
    // And `check` of the plan alone, and of the directory, read the same three files.
    assert_eq!(check(&[&plan_path]), check(&[dir.path()]));
    assert_eq!(check(&[&plan_path]).1, 3);
}

#[test]
fn another_years_broken_progress_file_does_not_stop_this_years_report() {
    let dir = five_years();
    let broken = dir.path().join("tien-do-2022-6-thang.toml");
    let text = fs::read_to_string(&broken).unwrap().replacen("activity = \"hoi-thao\"", "activity = \"hoi-thao-x\"", 1);
    fs::write(&broken, text).unwrap();
    fs::create_dir(dir.path().join("nhap")).unwrap();
    fs::write(dir.path().join("nhap/ghi-chu.toml"), "chưa xong = [\n").unwrap();
    let report = |year: i32| {
        let path = dir.path().join(format!("ke-hoach-{year}.toml"));
        plan(&["report", path.to_str().unwrap(), "--annual", "--format", "json"])
    };
    let (exit, out, err) = report(2021);
    assert_eq!(exit, Exit::Success, "{err}");
    assert!(out.contains("\"format\": \"plan-report/1\""));
    let (exit, out, err) = report(2022);
    assert_eq!(exit, Exit::Failure);
    assert_eq!(out, "");
    assert!(err.contains("unknown-activity"), "{err}");
    assert!(!err.contains("ghi-chu.toml"), "the stray file names no plan: {err}");
}

#[test]
fn an_unreadable_file_that_names_the_plan_stops_its_report() {
    let dir = plan_with_progress_in_a_subdirectory();
    fs::write(
        dir.path().join("tien-do/hong.toml"),
        "[progress]\nplan = \"../ke-hoach-2019.toml\"\n[[disbursement]\namount = 1\n",
    )
    .unwrap();
    let plan_path = dir.path().join("ke-hoach-2019.toml");
    let (exit, out, err) = plan(&["report", plan_path.to_str().unwrap(), "--half-year"]);
    assert_eq!(exit, Exit::Failure);
    assert_eq!(out, "");
    assert!(err.contains("toml-syntax") && err.contains("hong.toml"), "{err}");
}
