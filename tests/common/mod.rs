//! What the end-to-end tests share: the binary with a clean environment, its stdout, and
//! snapshots kept in `tests/snapshots/`.

#![allow(dead_code, clippy::unwrap_used)] // each test binary uses some of these; a test fails loudly

use assert_cmd::Command;

/// `plan`, with the environment variables that change its output removed.
pub fn plan() -> Command {
    let mut cmd = Command::cargo_bin("plan").unwrap();
    cmd.env_remove("PLAN_LANG").env_remove("NO_COLOR");
    cmd
}

/// The stdout of `plan ARGS…`, which must succeed.
pub fn stdout(args: &[&str]) -> String {
    let output = plan().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Compares `text` with the snapshot `tests/snapshots/NAME.snap`.
pub fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, text);
    });
}

/// Runs `plan ARGS…` in-process, as the binary would; returns the exit status, stdout and
/// stderr.
pub fn in_process(args: &[&str]) -> (plan::cli::Exit, String, String) {
    use clap::Parser;
    let cli = plan::cli::Cli::try_parse_from(std::iter::once("plan").chain(args.iter().copied())).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let exit = plan::cli::run(cli, &plan::cli::Terminal::default(), &mut out, &mut err).unwrap();
    (exit, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

/// Every `*.toml` file of the repository's own data (plans, examples, fixtures), in sorted
/// order.
pub fn repository_toml_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut entries: Vec<std::path::PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in ["plans", "examples", "tests/fixtures", "tests/data"] {
        walk(std::path::Path::new(dir), &mut files);
    }
    files
}
