//! The `whole_path` fuzz target's path, run in the normal suite: the example scenario goes
//! through it end to end (so the path is known to reach the reports), and every input the
//! fuzzer found a crash with (`tests/fixtures/fuzz/`) runs through it without panicking and
//! with the outcome its test names. The path itself is `fuzz/shared/whole_path.rs`, the very
//! file the fuzz target runs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

#[path = "../fuzz/shared/whole_path.rs"]
mod whole_path;

use std::path::Path;

use plan::cli::Exit;
use whole_path::{FILE_NAMES, Outcome, SEPARATOR};

/// Runs one input through the fuzz target's path in a fresh directory.
fn run(data: &[u8]) -> Outcome {
    let dir = tempfile::tempdir().expect("a temporary directory");
    whole_path::run(dir.path(), data)
}

/// The example's 2022 plan joined with its decision and both progress files, the way
/// `fuzz/seed-corpus.sh` joins them: the files' references renamed to the target's names.
fn joined_example() -> Vec<u8> {
    let dir = Path::new("examples/nang-suat-chat-luong");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("an example file");
    let plan = read("ke-hoach-2022.toml").replace("file = \"quyet-dinh.toml\"", "file = \"decision.toml\"");
    let progress = |name: &str| read(name).replace("plan = \"ke-hoach-2022.toml\"", "plan = \"plan.toml\"");
    let parts =
        [read("quyet-dinh.toml"), plan, progress("tien-do-2022-6-thang.toml"), progress("tien-do-2022-ca-nam.toml")];
    parts.iter().map(String::as_bytes).collect::<Vec<_>>().join(SEPARATOR)
}

/// Runs the fuzz input `name` from `tests/fixtures/fuzz/`.
#[allow(dead_code)] // used once a crash has been found
fn run_fixture(name: &str) -> Outcome {
    let data = std::fs::read(Path::new("tests/fixtures/fuzz").join(name)).expect("a fuzz fixture");
    run(&data)
}

#[test]
fn the_example_goes_all_the_way_to_every_report() {
    let outcome = run(&joined_example());
    assert_eq!(
        outcome,
        Outcome {
            files: 4,
            errors: 0,
            warnings: outcome.warnings,
            // Half-year, annual, four days in and around 2022, and the first and last day.
            reports: 8,
            report_exit: Some(Exit::Success),
        }
    );
}

#[test]
fn an_input_splits_into_the_files_it_names() {
    let parts = whole_path::split(b"a");
    assert_eq!(parts, vec![("plan.toml", &b"a"[..])]);
    let joined = [&b"d"[..], b"p", b"g", b"h", b"rest"].join(SEPARATOR);
    let parts = whole_path::split(&joined);
    let names: Vec<&str> = parts.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, FILE_NAMES);
    // A fifth part stays in the fourth file.
    assert_eq!(parts[3].1, [&b"h"[..], b"rest"].join(SEPARATOR).as_slice());
}

#[test]
fn a_lone_file_with_errors_gets_no_report_and_exit_1() {
    let outcome = run(b"[plan]\ntitle = 5\n");
    assert_eq!((outcome.files, outcome.reports, outcome.report_exit), (1, 0, Some(Exit::Failure)));
    assert!(outcome.errors > 0);
}
