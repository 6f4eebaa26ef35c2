//! `plan check` loads one plan set at a time (`commands::plan_sets`), so that memory is
//! bounded by the largest plan set. Its diagnostics must be those of loading every file
//! at once, whatever the number of threads: the same files, names, positions, messages,
//! and counts of what the cap leaves out. These tests compare the two on the real plans,
//! the examples, the malformed and invalid fixtures, and trees whose plan sets cross
//! directories (so that closures meet and must be merged).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::path::{Path, PathBuf};

use plan::diag::{self, Diagnostic, cap::Suppressed};
use plan::source::Sources;

#[path = "../fuzz/shared/whole_path.rs"]
#[allow(dead_code)] // the fuzz target's path; only its comparison lines are used here
mod whole_path;

/// One line per diagnostic and per count left out, sorted and capped as `plan check` does
/// (the lines of the fuzz target's own comparison).
fn lines(sources: &Sources, mut diagnostics: Vec<Diagnostic>, counted: &[Suppressed], files: usize) -> Vec<String> {
    diag::sort(&mut diagnostics, sources);
    let suppressed = diag::cap::cap(&mut diagnostics, counted, sources);
    let mut out = vec![format!("files {files}")];
    out.extend(whole_path::lines(sources, &diagnostics));
    out.extend(whole_path::left(sources, &suppressed).into_iter().map(|l| format!("more {l}")));
    out
}

fn whole(paths: &[PathBuf]) -> Vec<String> {
    let ws = plan::workspace::Workspace::load(paths).unwrap();
    let mut diagnostics = ws.diagnostics.clone();
    let (checked, mut counted) = plan::checks::check_workspace_capped(&ws);
    diagnostics.extend(checked);
    counted.extend_from_slice(&ws.not_built);
    lines(&ws.sources, diagnostics, &counted, ws.sources.len())
}

fn by_sets(paths: &[PathBuf], threads: usize) -> (Vec<String>, usize) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let checked = pool.install(|| plan::commands::plan_sets::check(paths).unwrap());
    let kept = checked.sources.len();
    (lines(&checked.sources, checked.diagnostics, &checked.counted, checked.files), kept)
}

fn same_as_whole(paths: &[PathBuf]) -> Vec<String> {
    let expected = whole(paths);
    for threads in [1, 2, 8] {
        let (got, _) = by_sets(paths, threads);
        assert_eq!(got, expected, "{paths:?} on {threads} threads");
    }
    expected
}

#[test]
fn every_tree_of_the_repository_gives_the_diagnostics_of_a_whole_load() {
    for dir in ["plans", "examples", "tests/fixtures/invalid", "tests/fixtures/malformed"] {
        let got = same_as_whole(&[PathBuf::from(dir)]);
        assert!(got.len() > 1 || dir == "plans" || dir == "examples", "{dir}: no diagnostics to compare");
    }
    // The files one at a time too, as `plan check FILE…` names them.
    let named: Vec<PathBuf> = ["plans/ke-hoach-2019.toml", "examples/nang-suat-chat-luong/tien-do-2022-ca-nam.toml"]
        .into_iter()
        .map(PathBuf::from)
        .collect();
    same_as_whole(&named);
}

fn write(root: &Path, to: &str, from: &str, edit: &[(&str, &str)]) {
    let mut text = std::fs::read_to_string(Path::new("examples/nang-suat-chat-luong").join(from)).unwrap();
    for (old, new) in edit {
        assert!(text.contains(old), "{from} has no {old}");
        text = text.replace(old, new);
    }
    let path = root.join(to);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Plans in other directories than their decision, a progress file in a third one, and a
/// second plan for a year: a decision's closure does not hold the plans that cite it from
/// elsewhere, so closures meet and are merged, and the period checks see every plan.
#[test]
fn plan_sets_across_directories_are_merged_before_they_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let to_a = [("file = \"quyet-dinh.toml\"", "file = \"../a/quyet-dinh.toml\"")];
    write(root, "a/quyet-dinh.toml", "quyet-dinh.toml", &[]);
    write(root, "a/ke-hoach-2021.toml", "ke-hoach-2021.toml", &[]);
    write(root, "a/tien-do-2021.toml", "tien-do-2021.toml", &[]);
    write(root, "b/ke-hoach-2022.toml", "ke-hoach-2022.toml", &to_a);
    write(root, "b/tien-do-2022-ca-nam.toml", "tien-do-2022-ca-nam.toml", &[]);
    write(
        root,
        "c/tien-do-2022-6-thang.toml",
        "tien-do-2022-6-thang.toml",
        &[("plan = \"ke-hoach-2022.toml\"", "plan = \"../b/ke-hoach-2022.toml\"")],
    );
    write(root, "d/ke-hoach-2023.toml", "ke-hoach-2023.toml", &to_a);
    write(root, "d/tien-do-2023.toml", "tien-do-2023.toml", &[]);
    // A second plan for 2021, citing the decision from elsewhere.
    write(root, "e/ke-hoach-2021.toml", "ke-hoach-2021.toml", &to_a);
    let paths = [root.to_path_buf()];
    let got = same_as_whole(&paths);
    assert_eq!(got.first().map(String::as_str), Some("files 9"));
    // Only a check that sees both 2021 plans of the decision can say this.
    assert!(got.iter().any(|l| l.contains("e/ke-hoach-2021.toml") && l.contains("2021")), "{got:#?}");
}

/// Nothing of a valid file is kept once it is checked: the texts kept are only those the
/// diagnostics point into.
#[test]
fn only_the_files_with_diagnostics_are_kept() {
    let (lines, kept) = by_sets(&[PathBuf::from("plans")], 2);
    assert_eq!(lines, vec!["files 2".to_owned()]);
    assert_eq!(kept, 0);
    // The example's one warning points into a progress file and its plan.
    let (lines, kept) = by_sets(&[PathBuf::from("examples/nang-suat-chat-luong")], 2);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(kept, 2);
    let (lines, kept) = by_sets(&[PathBuf::from("tests/fixtures/malformed")], 2);
    let named: std::collections::BTreeSet<&str> =
        lines.iter().skip(1).filter_map(|l| l.split(' ').nth(1)?.split(':').next()).collect();
    assert_eq!(kept, named.len(), "{named:?}");
}
