//! Determinism: every command prints the same bytes on every run, whatever order the file
//! system lists the files in. The same tree is built twice, its files created in opposite
//! orders (on tmpfs, where that is the order a directory lists them in), and every check
//! and report format is run twice on each; all outputs must be equal once the tree's own
//! path is replaced.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The files of the tree: a complete scenario, the real plans, and malformed cases whose
/// diagnostics fall in several files.
fn sources() -> Vec<(PathBuf, PathBuf)> {
    let mut files = Vec::new();
    let mut add_dir = |from: &Path, to: &Path| {
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                files.push((path.clone(), to.join(path.file_name().unwrap())));
            }
        }
    };
    add_dir(Path::new("examples/nang-suat-chat-luong"), Path::new("vi-du"));
    add_dir(Path::new("plans"), Path::new("thuc-te"));
    for case in [
        "missing-agency-id",
        "syntax-unclosed-inline-table",
        "type-activity-table",
        "amount-nbsp-separator",
        "date-year-zero",
        "text-zero-width-unknown-agency",
        "file-progress-names-itself",
        "missing-item-id",
    ] {
        add_dir(&Path::new("tests/fixtures/malformed").join(case), &Path::new("loi").join(case));
    }
    files.sort();
    files
}

/// A fresh directory, on tmpfs when there is one: there a directory lists its entries
/// newest first, so the creation order is the listing order.
fn fresh_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(shm) {
            return dir;
        }
    }
    tempfile::tempdir().unwrap()
}

/// Builds the tree, creating its files (and directories) in the given order. With
/// `churn`, files are created and removed in between, so that inode numbers differ too.
fn build(files: &[(PathBuf, PathBuf)], churn: bool) -> tempfile::TempDir {
    let dir = fresh_dir();
    for (n, (from, to)) in files.iter().enumerate() {
        let target = dir.path().join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        if churn {
            let scratch = dir.path().join(format!("scratch-{n}"));
            std::fs::write(&scratch, "x").unwrap();
            std::fs::remove_file(scratch).unwrap();
        }
        std::fs::copy(from, target).unwrap();
    }
    dir
}

/// The names a directory lists, in the order the file system gives them.
fn listing(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

/// Every command and format, with `ROOT` standing for the tree.
fn commands() -> Vec<Vec<&'static str>> {
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["check", "ROOT", "--color", "never"],
        vec!["check", "ROOT", "--color", "always"],
        vec!["check", "ROOT", "--format", "json"],
        vec!["check", "ROOT", "--format", "github"],
        vec!["check", "ROOT/vi-du", "ROOT/thuc-te", "--format", "json", "--deny-warnings"],
        vec!["check", "ROOT/loi/missing-item-id/plan.toml", "--format", "json"],
    ];
    for plan in ["ROOT/vi-du/ke-hoach-2022.toml", "ROOT/thuc-te/ke-hoach-2019.toml"] {
        for format in ["table", "markdown", "json"] {
            for period in [["--half-year", ""], ["--annual", ""], ["--as-of", "2022-09-30"]] {
                let mut command = vec!["report", plan, "--format", format];
                command.extend(period.iter().filter(|a| !a.is_empty()));
                commands.push(command);
            }
            commands.push(vec!["report", plan, "--format", format, "--lang", "en", "--annual"]);
        }
        for section in ["progress", "budget", "deadlines"] {
            commands.push(vec!["report", plan, section, "--format", "csv", "--annual"]);
        }
    }
    commands
}

/// Runs one command on the tree at `root`: exit status, stdout and stderr with `root`
/// written as `ROOT`.
fn run(root: &Path, command: &[&str]) -> (Option<i32>, String, String) {
    run_on(root, command, None)
}

/// [`run`] on `threads` threads (`RAYON_NUM_THREADS`), or as many as there are cores.
fn run_on(root: &Path, command: &[&str], threads: Option<usize>) -> (Option<i32>, String, String) {
    let root = root.to_str().unwrap();
    let args: Vec<String> = command.iter().map(|a| a.replace("ROOT", root)).collect();
    let mut plan = Command::cargo_bin("plan").unwrap();
    match threads {
        Some(n) => plan.env("RAYON_NUM_THREADS", n.to_string()),
        None => plan.env_remove("RAYON_NUM_THREADS"),
    };
    let output = plan.env_remove("NO_COLOR").env_remove("PLAN_LANG").args(&args).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap().replace(root, "ROOT");
    (output.status.code(), text(output.stdout), text(output.stderr))
}

#[test]
fn every_command_prints_the_same_bytes_whatever_the_file_order() {
    let files = sources();
    let forward = build(&files, false);
    let reversed: Vec<_> = files.iter().rev().cloned().collect();
    let backward = build(&reversed, true);
    if forward.path().starts_with("/dev/shm") {
        // The test is only worth its name if the two trees do list differently.
        let dir = Path::new("vi-du");
        assert_ne!(listing(&forward.path().join(dir)), listing(&backward.path().join(dir)));
    }
    let mut differences = Vec::new();
    for command in commands() {
        let first = run(forward.path(), &command);
        assert!(first.0.is_some_and(|c| c <= 1), "{command:?} ended with {:?}: {}", first.0, first.2);
        assert!(!first.1.is_empty() || !first.2.is_empty(), "{command:?} printed nothing");
        let again = run(forward.path(), &command);
        let other = run(backward.path(), &command);
        if again != first || other != first {
            differences.push(format!("{command:?}:\nfirst: {first:?}\nagain: {again:?}\nother tree: {other:?}"));
        }
    }
    assert!(differences.is_empty(), "output differs between runs or trees:\n{}", differences.join("\n"));
}

/// Files are read and plan sets checked on every core: one thread or many, every command
/// prints the same bytes. Eight threads on two cores interleave the work more than two.
#[test]
fn every_command_prints_the_same_bytes_on_one_thread_and_on_many() {
    let tree = build(&sources(), false);
    let mut differences = Vec::new();
    for command in commands() {
        let one = run_on(tree.path(), &command, Some(1));
        for threads in [2, 8] {
            let many = run_on(tree.path(), &command, Some(threads));
            if many != one {
                differences.push(format!("{command:?} on {threads} threads:\none: {one:?}\nmany: {many:?}"));
            }
        }
    }
    assert!(differences.is_empty(), "output differs with the number of threads:\n{}", differences.join("\n"));
}

#[test]
fn the_tree_has_errors_in_several_files_and_plans_to_report_on() {
    let files = sources();
    let tree = build(&files, false);
    let (status, out, _) = run(tree.path(), &["check", "ROOT", "--format", "json"]);
    assert_eq!(status, Some(1));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut files_with_diagnostics: Vec<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap()).collect();
    files_with_diagnostics.dedup();
    assert!(files_with_diagnostics.len() >= 8, "{files_with_diagnostics:?}");
    assert!(json["warnings"].as_u64().unwrap() >= 1, "a warning too");
}
